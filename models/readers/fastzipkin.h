#pragma once

#include "formatreader.h"
#include "tracebuilder.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <string>
#include <string_view>

namespace td {

// The fast path for the two shapes big traces come in: a top-level array of Zipkin v1/v2 span objects, and a
// successful spans API envelope whose responseInfo holds them as JSON text. It reads straight from the bytes
// (a mapped file or a buffer), one span at a time into a reused flat node list (flatjson), and splits the
// span array between threads: each thread fills its own builder and the parts are appended in order.
//
// Anything else (other formats, other shapes, a syntax error, a span that needs the general reader's care)
// returns NotApplicable before a trace is produced, and the caller reads the input with the general
// streaming reader instead, which gives the full diagnostics. Unusual single spans (numeric ids, float
// tag values, a missing id) are read by the general Zipkin reader from their own bytes, so both paths
// build the same trace.
struct FastLoadOptions
{
    std::size_t maxDepth = 64;
    TraceBuilder::Limits limits;
    const std::atomic_bool *cancel = nullptr;
    std::function<void(std::uint64_t bytesRead, std::uint64_t spans)> progress;
    unsigned threads = 0; // 0: one per core, at most 4
    std::size_t splitAboveBytes = 8 << 20; // smaller span arrays are read by one thread
    // The data is a read-only file mapping: pages already read are handed back as reading goes on, so that
    // a 2.5 GB file does not stay resident (the kernel reads them again if a later step needs them).
    bool releaseReadPages = false;
    // Starts a worker thread; empty: std::thread. A start that throws std::system_error makes the fast path
    // not applicable (the general reader reads the data), it never terminates the program.
    std::function<std::thread(std::function<void()>)> startThread;
};

struct FastLoadResult
{
    enum class Outcome { NotApplicable, Done, Cancelled };
    Outcome outcome = Outcome::NotApplicable;
    bool envelope = false;
    std::string envelopeCode;
    std::string envelopeMessage;
    SpanFormat primary = SpanFormat::Unknown;
    unsigned parts = 0; // parts read in parallel and kept
};

// `data` must stay valid during the call; `builder` receives the spans (and is unusable after NotApplicable).
FastLoadResult fastLoadZipkin(std::string_view data, TraceBuilder &builder, const FastLoadOptions &options);

} // namespace td
