#pragma once

#include "jsonstream.h"
#include "tracebuilder.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace td {

enum class SpanFormat { Unknown, ZipkinV1, ZipkinV1Thrift, ZipkinV2, Jaeger, JaegerProto, Otlp, Sls, Cts };

const char *spanFormatName(SpanFormat format);
// Which format a span-shaped object is in, from its keys and where it was found.
SpanFormat detectSpanFormat(const nlohmann::json &span, const SpanContext &context);

// Turns span objects of one format into builder spans. One instance reads one whole input, so it can keep
// what must be resolved at the end (Jaeger process ids, OTLP resources).
class FormatReader
{
public:
    virtual ~FormatReader() = default;
    virtual void readSpan(const nlohmann::json &span, const SpanContext &context, TraceBuilder &builder) = 0;
    // Called once after the whole input was read, with what is left of each top-level value.
    virtual void finish(const std::vector<nlohmann::json> &skeletons, TraceBuilder &builder)
    {
        (void)skeletons;
        (void)builder;
    }

    static std::unique_ptr<FormatReader> create(SpanFormat format);
};

// Helpers shared by the readers.
void addRaw(TraceBuilder &builder, const SpanContext &context);
void skipSpan(TraceBuilder &builder, const SpanContext &context, const std::string &why);
// A span already ended, by its index in the builder, so that finish() can fill in what only the rest of
// the document says (Jaeger processes, OTLP resources); nullptr when the index is out of range.
Span *endedSpan(TraceBuilder &builder, std::size_t index);
// The JSON value at a pointer into a skeleton, or nullptr.
const nlohmann::json *valueAt(const std::vector<nlohmann::json> &skeletons, std::size_t document,
                              const std::string &pointer);

std::unique_ptr<FormatReader> makeZipkinReader(SpanFormat format); // v1, v1 thrift and v2

// What a Zipkin v1 span's annotations (cs/sr/ss/cr) and binary annotations (sa/ca) say about its kind and
// endpoints; shared by the general Zipkin reader and the fast path.
struct ZipkinV1Roles
{
    bool cs = false, cr = false, sr = false, ss = false;
    std::int32_t clientEp = NoIndex, serverEp = NoIndex, otherEp = NoIndex;
    std::int32_t saEp = NoIndex, caEp = NoIndex, tagEp = NoIndex;

    void annotation(std::string_view value, std::int32_t endpoint);
    void binaryAnnotation(std::string_view key, std::int32_t endpoint);
    // Sets kind, shared flag, local and remote endpoint.
    void apply(Span &span) const;
};

// Zipkin v2 `kind` ("CLIENT", "SERVER", "PRODUCER", "CONSUMER"; anything else is local).
SpanKind zipkinV2Kind(std::string_view kind);
std::unique_ptr<FormatReader> makeJaegerReader(SpanFormat format); // jaeger JSON, UI and domain model
std::unique_ptr<FormatReader> makeOtlpReader();
std::unique_ptr<FormatReader> makeSlsReader();
std::unique_ptr<FormatReader> makeCtsReader();

} // namespace td
