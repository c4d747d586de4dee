#pragma once

#include "jsonstream.h"
#include "loadlimits.h"
#include "trace.h"
#include "tracebuilder.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>

class QIODevice;

namespace td {

struct LoadOptions
{
    std::size_t maxDepth = loadlimits::DefaultMaxDepth; // deeper JSON fails the load with line and column
    TraceBuilder::Limits limits;
    const std::atomic_bool *cancel = nullptr;
    // Bytes read so far and spans found so far; called from the loading thread.
    std::function<void(std::uint64_t bytesRead, std::uint64_t spans)> progress;
    std::string expectedTraceId; // for fetched traces: warn about spans of other traces
    // Zipkin arrays and spans API envelopes from a file or bytes go the fast way (readers/fastzipkin.h);
    // false reads everything with the general streaming reader (the tests compare the two).
    bool fastPath = true;
    unsigned threads = 0;                  // fast path: threads that share the span array (0: one per core)
    std::size_t splitAboveBytes = 8 << 20; // fast path: smaller arrays are read by one thread
    // Starts the fast path's worker threads; empty: std::thread. (Tests make it fail.)
    std::function<std::thread(std::function<void()>)> startThread;
};

// What a load produced: a trace, or an error saying where and what. Never throws.
struct LoadResult
{
    std::shared_ptr<const Trace> trace;
    bool cancelled = false;
    QString error;              // one line for a person: "file.json: line 53, column 1: unexpected end of input; expected '}'"
    std::uint64_t line = 0;     // of a syntax error, else 0
    std::uint64_t column = 0;
    std::string envelopeCode;   // spans API errorCode when there was one
    std::string envelopeMessage;
    // Which reader produced the answer: the fast path (readers/fastzipkin.h), the general streaming
    // reader, or neither (the file could not be opened, or the load ran out of memory).
    enum class ReadPath { None, Fast, General };
    ReadPath readPath = ReadPath::None;
    unsigned fastParts = 0; // fast path: parts of the span array read in parallel

    bool ok() const { return trace != nullptr; }
};

// Reads any supported format (detected from the content) from a file, a device or bytes in memory.
LoadResult loadTraceFile(const QString &path, const LoadOptions &options = {});
LoadResult loadTraceDevice(QIODevice *device, const QString &sourceName, std::uint64_t size, const LoadOptions &options = {});
// The bytes are kept by the trace (for the raw view and Save As of fetched traces).
LoadResult loadTraceBytes(std::shared_ptr<const std::string> bytes, const QString &sourceName, const LoadOptions &options = {});


} // namespace td
