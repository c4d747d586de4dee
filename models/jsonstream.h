#pragma once

#include <nlohmann/json.hpp>

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

class QIODevice;

namespace td {

// Where a span-like object was found in the document.
struct SpanContext
{
    std::string pointer;      // JSON pointer of the object, e.g. "/resourceSpans/0/scopeSpans/0/spans/3"
    std::uint64_t offset = 0; // byte range of the object (or of the JSON string holding it)
    std::uint32_t length = 0;
    bool embedded = false;    // the object arrived as JSON text inside a string (spans API responseInfo)
    std::size_t document = 0; // index of the top-level value (newline-delimited files have several)
};

// Reads JSON from a file or memory without building a DOM of the whole input: every object that looks
// like a span and is an element of an array (or a whole top-level value) is built alone, handed to the
// callback and dropped. What remains (envelopes, Jaeger processes, OTLP resources) is kept as the
// "skeleton" document. Progress from bytes read, cancellation checked while reading, line and column
// for syntax errors, and a nesting limit so hostile input cannot exhaust memory or stack.
class JsonSpanStream
{
public:
    struct Options
    {
        std::size_t maxDepth = 256;
        std::size_t chunkBytes = 1 << 20;
        // Skeleton values kept before giving up on a document that holds no spans.
        std::size_t maxSkeletonValues = 2'000'000;
        const std::atomic_bool *cancel = nullptr;
        std::function<void(std::uint64_t bytesRead)> progress;
    };

    struct Error
    {
        bool failed = false;
        bool cancelled = false;
        std::uint64_t byteOffset = 0; // 0-based offset of the offending byte
        std::uint64_t line = 0;       // 1-based
        std::uint64_t column = 0;     // 1-based, in characters
        std::string message;          // what was expected and what was found
    };

    using SpanCallback = std::function<void(nlohmann::json &&object, const SpanContext &context)>;

    explicit JsonSpanStream(Options options);
    ~JsonSpanStream();

    // Returns false on a syntax error, a limit or cancellation; error() says which and where. Only
    // std::bad_alloc leaves it, for the loader to report as a trace too big for the memory.
    bool parse(QIODevice *device, const SpanCallback &onSpan);
    bool parse(const std::string &bytes, const SpanCallback &onSpan);

    const Error &error() const { return m_error; }
    // Top-level values with the spans taken out (one per document).
    const std::vector<nlohmann::json> &skeletons() const { return m_skeletons; }
    std::size_t documentCount() const { return m_skeletons.size(); }
    std::uint64_t bytesRead() const { return m_bytesRead; }
    bool sawByteOrderMark() const { return m_sawBom; }

    // Whether an object is shaped like a span of one of the formats we read.
    static bool looksLikeSpan(const nlohmann::json &object);
    // Line and column of a byte offset, counted over the source again.
    static void locate(QIODevice *device, std::uint64_t offset, std::uint64_t *line, std::uint64_t *column);
    static void locate(const std::string &bytes, std::uint64_t offset, std::uint64_t *line, std::uint64_t *column);

private:
    class Source;
    class Handler;
    bool run(Source &source, const SpanCallback &onSpan);

    Options m_options;
    Error m_error;
    std::vector<nlohmann::json> m_skeletons;
    std::uint64_t m_bytesRead = 0;
    bool m_sawBom = false;
};

} // namespace td
