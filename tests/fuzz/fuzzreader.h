#pragma once

#include "readers/formatreader.h"
#include "traceloader.h"
#include "tracesummary.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace td::fuzz {

// What the window and `--summary` read from a finished trace.
inline void walk(const Trace &trace)
{
    (void)traceSummary(trace).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    for (std::size_t i = 0; i < trace.spanCount(); ++i)
        (void)trace.rawJson(i);
}

// Every span-shaped object goes to the reader of `format` (or of the format `pick` chooses), whatever the
// detection would say, so each reader meets shapes it was never meant to see. Mirrors the loader: the
// stream builds one span at a time, a reader exception costs one span, finish() sees the skeletons, and
// the finished trace is summarised like `--summary` does.
template<typename Pick>
void readAs(const std::uint8_t *data, std::size_t size, Pick pick)
{
    const auto bytes = std::make_shared<const std::string>(reinterpret_cast<const char *>(data), size);
    TraceBuilder::Limits limits;
    limits.maxSpans = 2000; // keeps one input fast; the limit path is exercised too
    limits.maxTagValueBytes = 256;
    TraceBuilder builder(limits);
    builder.setSourceBytes(bytes);
    std::unique_ptr<FormatReader> readers[9];
    JsonSpanStream::Options options;
    options.chunkBytes = 4096;
    JsonSpanStream stream(options);
    const bool ok = stream.parse(*bytes, [&](nlohmann::json &&span, const SpanContext &context) {
        const SpanFormat format = pick(span, context);
        auto &reader = readers[static_cast<std::size_t>(format)];
        if (!reader)
            reader = FormatReader::create(format);
        if (!reader)
            return;
        try {
            reader->readSpan(span, context, builder);
        } catch (const std::exception &) {
            builder.discardSpan();
        }
    });
    if (!ok)
        return;
    for (auto &reader : readers)
        if (reader)
            reader->finish(stream.skeletons(), builder);
    if (builder.spanCount() == 0)
        return;
    walk(*builder.finish());
}

inline void readAs(const std::uint8_t *data, std::size_t size, SpanFormat format)
{
    readAs(data, size, [format](const nlohmann::json &, const SpanContext &) { return format; });
}

// The whole loader, format detection included; the summary walks the finished model.
inline void loadBytes(std::string bytes)
{
    LoadOptions options;
    options.limits.maxSpans = 2000;
    options.limits.maxTagValueBytes = 256;
    const auto result = loadTraceBytes(std::make_shared<const std::string>(std::move(bytes)), QStringLiteral("fuzz.json"), options);
    if (result.trace)
        walk(*result.trace);
}

} // namespace td::fuzz
