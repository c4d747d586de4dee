#include "formatreader.h"

#include "jsonutil.h"

namespace td {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

SpanKind otelKind(std::string_view kind)
{
    if (kind == "SERVER" || kind == "SPAN_KIND_SERVER" || kind == "server")
        return SpanKind::Server;
    if (kind == "CLIENT" || kind == "SPAN_KIND_CLIENT" || kind == "client")
        return SpanKind::Client;
    if (kind == "PRODUCER" || kind == "SPAN_KIND_PRODUCER" || kind == "producer")
        return SpanKind::Producer;
    if (kind == "CONSUMER" || kind == "SPAN_KIND_CONSUMER" || kind == "consumer")
        return SpanKind::Consumer;
    if (kind == "INTERNAL" || kind == "SPAN_KIND_INTERNAL" || kind == "internal")
        return SpanKind::Local;
    return SpanKind::Unspecified;
}

// Log Service (SLS) trace rows: OpenTelemetry spans flattened into log fields; times in nanoseconds,
// object fields sometimes as JSON text and numbers sometimes as strings.
class SlsReader : public FormatReader
{
public:
    void readSpan(const json &s, const SpanContext &ctx, TraceBuilder &b) override
    {
        const auto traceId = ju::text(s, "traceID");
        const auto spanId = ju::text(s, "spanID");
        Span &span = b.beginSpan();
        if (traceId.empty() || spanId.empty()) {
            skipSpan(b, ctx, "it has no traceID or spanID");
            return;
        }
        span.traceId = b.intern(traceId);
        span.spanId = b.intern(spanId);
        span.parentId = b.intern(ju::text(s, "parentSpanID"));
        span.name = b.intern(ju::text(s, "name"));
        span.kind = otelKind(ju::text(s, "kind"));
        const auto start = ju::integer(s, "start");
        const auto end = ju::integer(s, "end");
        const auto duration = ju::integer(s, "duration");
        if (start && *start > 0) {
            span.startUs = *start / 1000;
            if (duration)
                span.durationUs = *duration / 1000;
            else if (end && *end >= *start)
                span.durationUs = (*end - *start) / 1000;
        } else {
            span.flags |= SpanFlag::NoTimestamp;
        }
        addRaw(b, ctx);

        const json resource = ju::structured(s, "resource");
        const json attributes = ju::structured(s, "attribute");
        std::string service = ju::text(s, "service");
        if (service.empty() && resource.is_object())
            service = ju::text(resource, "service.name");
        Endpoint ep;
        ep.service = b.intern(service);
        const auto local = b.addEndpoint(ep);
        span.localEndpoint = local;
        span.service = ep.service;

        if (const json logs = ju::structured(s, "logs"); logs.is_array()) {
            for (const auto &log : logs) {
                if (!log.is_object())
                    continue;
                const auto time = ju::integer(log, "time").value_or(0);
                b.addAnnotation(time / 1000, ju::text(log, "name"), local);
                if (const json attrs = ju::structured(log, "attribute"); attrs.is_object())
                    for (const auto &[k, v] : attrs.items())
                        b.addAnnotationField(k, ju::anyText(v), ju::typeOf(v));
            }
        }
        if (attributes.is_object())
            for (const auto &[k, v] : attributes.items())
                b.addTag(k, ju::anyText(v), ju::typeOf(v), local);
        if (resource.is_object())
            for (const auto &[k, v] : resource.items())
                b.addTag("resource." + k, ju::anyText(v), ju::typeOf(v));
        for (const char *k : {"host", "otlp.name", "otlp.version", "traceState", "statusCode", "statusMessage"})
            if (const auto v = ju::text(s, k); !v.empty())
                b.addTag(k, v);
        if (const json links = ju::structured(s, "links"); links.is_array() && !links.empty())
            b.addTag("links", links.dump(-1, ' ', false, json::error_handler_t::replace), JsonType::Array);

        const auto status = ju::text(s, "statusCode");
        if (status == "ERROR" || status == "STATUS_CODE_ERROR") {
            Span &cur = b.currentSpan();
            cur.flags |= SpanFlag::Error;
            const auto message = ju::text(s, "statusMessage");
            cur.statusText = b.intern(message.empty() ? std::string("ERROR") : message);
        }
        b.endSpan();
    }
};

} // namespace

std::unique_ptr<FormatReader> makeSlsReader()
{
    return std::make_unique<SlsReader>();
}

} // namespace td
