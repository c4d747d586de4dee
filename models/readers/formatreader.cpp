#include "formatreader.h"

#include "jsonutil.h"

namespace td {

using nlohmann::json;

const char *spanFormatName(SpanFormat format)
{
    switch (format) {
    case SpanFormat::Unknown: return "unknown";
    case SpanFormat::ZipkinV1: return "zipkin-v1";
    case SpanFormat::ZipkinV1Thrift: return "zipkin-v1-thrift";
    case SpanFormat::ZipkinV2: return "zipkin-v2";
    case SpanFormat::Jaeger: return "jaeger";
    case SpanFormat::JaegerProto: return "jaeger-proto";
    case SpanFormat::Otlp: return "otlp";
    case SpanFormat::Sls: return "sls";
    case SpanFormat::Cts: return "cts";
    }
    return "unknown";
}

SpanFormat detectSpanFormat(const json &s, const SpanContext &context)
{
    const auto has = [&s](const char *k) { return s.contains(k); };
    if (context.pointer.find("/resourceSpans/") != std::string::npos || has("startTimeUnixNano"))
        return SpanFormat::Otlp;
    if (has("trace_name") && has("time"))
        return SpanFormat::Cts;
    if (has("traceID") && has("spanID")) {
        if (has("operationName"))
            return SpanFormat::Jaeger;
        return SpanFormat::Sls;
    }
    if (has("traceId") && has("spanId") && has("operationName"))
        return SpanFormat::JaegerProto;
    if (has("trace_id"))
        return SpanFormat::ZipkinV1Thrift;
    if (has("traceId") && has("id")) {
        if (has("kind") || has("localEndpoint") || has("remoteEndpoint") || has("tags") || has("shared"))
            return SpanFormat::ZipkinV2;
        return SpanFormat::ZipkinV1;
    }
    return SpanFormat::Unknown;
}

std::unique_ptr<FormatReader> FormatReader::create(SpanFormat format)
{
    switch (format) {
    case SpanFormat::ZipkinV1:
    case SpanFormat::ZipkinV1Thrift:
    case SpanFormat::ZipkinV2: return makeZipkinReader(format);
    case SpanFormat::Jaeger:
    case SpanFormat::JaegerProto: return makeJaegerReader(format);
    case SpanFormat::Otlp: return makeOtlpReader();
    case SpanFormat::Sls: return makeSlsReader();
    case SpanFormat::Cts: return makeCtsReader();
    case SpanFormat::Unknown: break;
    }
    return nullptr;
}

void addRaw(TraceBuilder &builder, const SpanContext &context)
{
    builder.addRawRange(RawRange{context.offset, context.length, context.embedded});
}

void skipSpan(TraceBuilder &builder, const SpanContext &context, const std::string &why)
{
    builder.discardSpan();
    builder.addProblem({Problem::Severity::Warning, Problem::Kind::SkippedSpan, "span skipped: " + why,
                        context.pointer.empty() ? std::string("top-level value") : context.pointer, -1});
}

Span *endedSpan(TraceBuilder &builder, std::size_t index)
{
    return builder.spanAt(index);
}

const json *valueAt(const std::vector<json> &skeletons, std::size_t document, const std::string &pointer)
{
    if (document >= skeletons.size())
        return nullptr;
    const json &root = skeletons[document];
    try {
        const json::json_pointer ptr(pointer);
        return root.contains(ptr) ? &root.at(ptr) : nullptr;
    } catch (const json::exception &) {
        return nullptr; // not a pointer into this document
    }
}

} // namespace td
