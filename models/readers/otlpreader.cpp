#include "formatreader.h"

#include "jsonutil.h"
#include "wirevalues.h"

#include <cctype>

namespace td {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

// An OTLP AnyValue ({stringValue}, {intValue}, {arrayValue:{values}}, {kvlistValue:{values}}...) as plain JSON.
json plainValue(const json &any)
{
    if (!any.is_object())
        return json();
    if (const json *v = ju::field(any, "stringValue"))
        return v->is_string() ? *v : json(ju::anyText(*v));
    if (const json *v = ju::field(any, "boolValue"))
        return v->is_boolean() ? *v : json(ju::text(*v) == "true");
    if (const json *v = ju::field(any, "intValue")) {
        // int64 arrives as a string in protobuf JSON; keep the text when it is not a number.
        if (const auto n = ju::integer(*v))
            return *n;
        return *v;
    }
    if (const json *v = ju::field(any, "doubleValue")) {
        if (const auto d = ju::number(*v))
            return *d;
        return *v; // "NaN", "Infinity"
    }
    if (const json *v = ju::field(any, "bytesValue"))
        return *v;
    if (const json *v = ju::field(any, "arrayValue")) {
        json out = json::array();
        if (const json *values = ju::field(*v, "values"); values && values->is_array())
            for (const auto &e : *values)
                out.push_back(plainValue(e));
        return out;
    }
    if (const json *v = ju::field(any, "kvlistValue")) {
        json out = json::object();
        if (const json *values = ju::field(*v, "values"); values && values->is_array())
            for (const auto &kv : *values)
                if (const auto key = ju::text(kv, "key"); !key.empty())
                    if (const json *value = ju::field(kv, "value"))
                        out.emplace(key, plainValue(*value));
        return out;
    }
    return json();
}

SpanKind otlpKind(const json *v)
{
    if (!v)
        return SpanKind::Unspecified;
    if (const auto n = ju::integer(*v)) {
        switch (*n) {
        case 1: return SpanKind::Local;
        case 2: return SpanKind::Server;
        case 3: return SpanKind::Client;
        case 4: return SpanKind::Producer;
        case 5: return SpanKind::Consumer;
        default: return SpanKind::Unspecified;
        }
    }
    std::string k = ju::text(*v);
    if (k.starts_with("SPAN_KIND_"))
        k.erase(0, 10);
    for (char &c : k)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (k == "INTERNAL")
        return SpanKind::Local;
    if (k == "SERVER")
        return SpanKind::Server;
    if (k == "CLIENT")
        return SpanKind::Client;
    if (k == "PRODUCER")
        return SpanKind::Producer;
    if (k == "CONSUMER")
        return SpanKind::Consumer;
    return SpanKind::Unspecified;
}

// Status code: 0 unset, 1 ok, 2 error, as a number or as "STATUS_CODE_ERROR" / "ERROR".
int statusCode(const json *status)
{
    const json *code = status ? ju::field(*status, "code") : nullptr;
    if (!code)
        return 0;
    if (const auto n = ju::integer(*code))
        return static_cast<int>(*n);
    const auto text = ju::text(*code);
    if (text.ends_with("ERROR"))
        return 2;
    if (text.ends_with("OK"))
        return 1;
    return 0;
}

std::optional<std::int64_t> nanosToUs(const json *v)
{
    if (!v)
        return std::nullopt;
    const auto ns = ju::integer(*v);
    if (!ns || *ns <= 0)
        return std::nullopt;
    return *ns / 1000;
}

std::string otlpId(const json &o, const char *key)
{
    return wire::hexId(ju::text(o, key), true);
}

// Reads OpenTelemetry OTLP/JSON: {resourceSpans:[{resource, scopeSpans|instrumentationLibrarySpans:
// [{scope, spans}]}]}, also inside the Jaeger API v3 {result:...} and Tempo {trace:...} envelopes, as Tempo's
// {batches:[...]}, and newline-delimited. A span's
// service is its resource's service.name; the resource is found from the span's JSON pointer in finish(),
// when the whole document is known. Resource and scope attributes are not copied to every span.
class OtlpReader : public FormatReader
{
public:
    void readSpan(const json &s, const SpanContext &ctx, TraceBuilder &b) override
    {
        const auto traceId = otlpId(s, "traceId");
        const auto spanId = otlpId(s, "spanId");
        Span &span = b.beginSpan();
        if (traceId.empty() || spanId.empty()) {
            skipSpan(b, ctx, "it has no traceId or spanId");
            return;
        }
        span.traceId = b.intern(traceId);
        span.spanId = b.intern(spanId);
        span.parentId = b.intern(otlpId(s, "parentSpanId"));
        span.name = b.intern(ju::text(s, "name"));
        span.kind = otlpKind(ju::field(s, "kind"));
        const auto start = nanosToUs(ju::field(s, "startTimeUnixNano"));
        const auto end = nanosToUs(ju::field(s, "endTimeUnixNano"));
        if (start) {
            span.startUs = *start;
            span.durationUs = end ? *end - *start : 0;
        } else {
            span.flags |= SpanFlag::NoTimestamp;
        }
        addRaw(b, ctx);

        if (const json *attrs = ju::field(s, "attributes"); attrs && attrs->is_array())
            for (const auto &a : *attrs)
                addAttribute(a, b, false);
        if (const auto state = ju::text(s, "traceState"); !state.empty())
            b.addTag("w3c.tracestate", state);
        readEvents(s, start.value_or(0), b);
        readLinks(s, b);

        const json *status = ju::field(s, "status");
        const int code = statusCode(status);
        const auto message = status ? ju::text(*status, "message") : std::string();
        if (code == 1 || code == 2)
            b.addTag("otel.status_code", code == 2 ? "ERROR" : "OK");
        if (!message.empty())
            b.addTag("otel.status_description", message);
        if (code == 2) {
            Span &cur = b.currentSpan();
            cur.flags |= SpanFlag::Error;
            cur.statusText = b.intern(message.empty() ? std::string("ERROR") : message);
        }
        if (!b.endSpan())
            return;
        if (const auto resource = resourceSlot(ctx))
            m_pending.push_back({static_cast<std::uint32_t>(b.spanCount() - 1), *resource});
    }

    void finish(const std::vector<json> &skeletons, TraceBuilder &b) override
    {
        std::vector<std::int32_t> endpoints(m_resources.size(), NoIndex);
        std::vector<StrId> services(m_resources.size(), 0);
        for (std::size_t i = 0; i < m_resources.size(); ++i) {
            const auto &r = m_resources[i];
            const json *resource = valueAt(skeletons, r.document, r.pointer + "/resource");
            const json *attrs = resource ? ju::field(*resource, "attributes") : nullptr;
            if (!attrs || !attrs->is_array())
                continue;
            for (const auto &a : *attrs) {
                if (ju::text(a, "key") != "service.name")
                    continue;
                const json *value = ju::field(a, "value");
                Endpoint ep;
                ep.service = b.intern(value ? ju::anyText(plainValue(*value)) : std::string());
                services[i] = ep.service;
                endpoints[i] = b.addEndpoint(ep);
                break;
            }
        }
        for (const auto &p : m_pending) {
            Span *span = endedSpan(b, p.span);
            if (!span || endpoints[p.resource] == NoIndex)
                continue;
            span->service = services[p.resource];
            span->localEndpoint = endpoints[p.resource];
        }
    }

private:
    struct Resource
    {
        std::size_t document;
        std::string pointer; // "/resourceSpans/2", "/result/resourceSpans/2" or "/batches/2"
    };
    struct Pending
    {
        std::uint32_t span;
        std::uint32_t resource;
    };

    std::optional<std::uint32_t> resourceSlot(const SpanContext &ctx)
    {
        // OTLP's name for the list of resources, and Grafana Tempo's (GET /api/traces/{id} answers
        // {"batches": [{resource, scopeSpans}]}).
        std::string_view marker = "/resourceSpans/";
        auto at = ctx.pointer.rfind(marker);
        if (at == std::string::npos) {
            marker = "/batches/";
            at = ctx.pointer.rfind(marker);
        }
        if (at == std::string::npos)
            return std::nullopt;
        auto end = at + marker.size();
        while (end < ctx.pointer.size() && ctx.pointer[end] != '/')
            ++end;
        const std::string_view pointer = std::string_view(ctx.pointer).substr(0, end);
        // Spans of one resource come together; look at the latest resources first.
        for (std::size_t i = m_resources.size(); i > 0 && i + 8 > m_resources.size(); --i)
            if (m_resources[i - 1].document == ctx.document && m_resources[i - 1].pointer == pointer)
                return static_cast<std::uint32_t>(i - 1);
        m_resources.push_back({ctx.document, std::string(pointer)});
        return static_cast<std::uint32_t>(m_resources.size() - 1);
    }

    static void addAttribute(const json &a, TraceBuilder &b, bool eventField)
    {
        const auto key = ju::text(a, "key");
        if (key.empty())
            return;
        const json *value = ju::field(a, "value");
        const json plain = value ? plainValue(*value) : json();
        if (eventField)
            b.addAnnotationField(key, ju::anyText(plain), ju::typeOf(plain));
        else
            b.addTag(key, ju::anyText(plain), ju::typeOf(plain));
    }

    static void readEvents(const json &s, std::int64_t spanStart, TraceBuilder &b)
    {
        const json *events = ju::field(s, "events");
        if (!events || !events->is_array())
            return;
        for (const auto &e : *events) {
            if (!e.is_object())
                continue;
            b.addAnnotation(nanosToUs(ju::field(e, "timeUnixNano")).value_or(spanStart), ju::text(e, "name"));
            if (const json *attrs = ju::field(e, "attributes"); attrs && attrs->is_array())
                for (const auto &a : *attrs)
                    addAttribute(a, b, true);
        }
    }

    static void readLinks(const json &s, TraceBuilder &b)
    {
        const json *links = ju::field(s, "links");
        if (!links || !links->is_array() || links->empty())
            return;
        json out = json::array();
        for (const auto &l : *links) {
            if (!l.is_object())
                continue;
            json link = json::object();
            link.emplace("traceId", otlpId(l, "traceId"));
            link.emplace("spanId", otlpId(l, "spanId"));
            if (const auto state = ju::text(l, "traceState"); !state.empty())
                link.emplace("traceState", state);
            if (const json *attrs = ju::field(l, "attributes"); attrs && attrs->is_array() && !attrs->empty()) {
                json plain = json::object();
                for (const auto &a : *attrs)
                    if (const auto key = ju::text(a, "key"); !key.empty())
                        plain.emplace(key, ju::field(a, "value") ? plainValue(*ju::field(a, "value")) : json());
                link.emplace("attributes", std::move(plain));
            }
            out.push_back(std::move(link));
        }
        b.addTag("links", out.dump(-1, ' ', false, json::error_handler_t::replace), JsonType::Array);
    }

    std::vector<Resource> m_resources;
    std::vector<Pending> m_pending;
};

} // namespace

std::unique_ptr<FormatReader> makeOtlpReader()
{
    return std::make_unique<OtlpReader>();
}

} // namespace td
