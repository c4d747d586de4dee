#include "formatreader.h"

#include "extensionkeys.h"
#include "jsonutil.h"
#include "sharedspans.h"

#include <cstdio>

namespace td {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

// Numeric ids (Zipkin thrift JSON) are shown in hex, as Zipkin does.
std::string idText(const json &v)
{
    if (v.is_number_integer() || v.is_number_unsigned()) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v.get<std::uint64_t>()));
        return buf;
    }
    return ju::text(v);
}

std::string idText(const json &o, const char *key)
{
    const json *v = ju::field(o, key);
    return v ? idText(*v) : std::string();
}

class ZipkinReader : public FormatReader
{
public:
    explicit ZipkinReader(SpanFormat format)
        : m_format(format), m_thrift(format == SpanFormat::ZipkinV1Thrift)
    {
    }

    void readSpan(const json &s, const SpanContext &ctx, TraceBuilder &b) override
    {
        const auto traceId = m_thrift ? idText(s, "trace_id") : idText(s, "traceId");
        const auto spanId = idText(s, "id");
        if (traceId.empty() || spanId.empty()) {
            b.beginSpan();
            skipSpan(b, ctx, "it has no traceId or id");
            return;
        }
        Span &span = b.beginSpan();
        span.traceId = b.intern(m_thrift && s.contains("trace_id_high") ? idText(s, "trace_id_high") + traceId : traceId);
        span.spanId = b.intern(spanId);
        span.parentId = b.intern(m_thrift ? idText(s, "parent_id") : idText(s, "parentId"));
        span.name = b.intern(ju::text(s, "name"));
        if (const auto ts = ju::integer(s, "timestamp"); ts && *ts > 0)
            span.startUs = *ts;
        else
            span.flags |= SpanFlag::NoTimestamp;
        if (const json *d = ju::field(s, "duration"); d && !d->is_null()) {
            if (const auto us = ju::integer(*d); us && *us >= 0)
                span.durationUs = *us;
            else
                b.addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                              "span " + spanId + ": duration " + d->dump().substr(0, 40)
                                  + " is not a usable number of microseconds; treated as 0",
                              ctx.pointer, static_cast<std::int32_t>(b.spanCount() - 1)});
        }
        addRaw(b, ctx);

        if (m_format == SpanFormat::ZipkinV2)
            readV2(s, b);
        else
            readV1(s, b);
        b.endSpan();
    }

private:
    std::int32_t endpoint(const json *e, TraceBuilder &b)
    {
        if (!e || !e->is_object() || e->empty())
            return NoIndex;
        Endpoint ep;
        ep.service = b.intern(ju::text(*e, m_thrift ? "service_name" : "serviceName"));
        if (const json *ip = ju::field(*e, "ipv4"))
            ep.ipv4 = b.intern(ju::ipv4Text(*ip));
        ep.ipv6 = b.intern(ju::text(*e, "ipv6"));
        if (const auto port = ju::integer(*e, "port"); port && *port > 0 && *port < 65536)
            ep.port = static_cast<std::int32_t>(*port);
        return b.addEndpoint(ep);
    }

    void readV1(const json &s, TraceBuilder &b)
    {
        const char *hostKey = m_thrift ? "host" : "endpoint";
        ZipkinV1Roles roles;
        if (const json *anns = ju::field(s, "annotations"); anns && anns->is_array()) {
            for (const auto &a : *anns) {
                if (!a.is_object())
                    continue;
                const auto value = ju::text(a, "value");
                const auto ep = endpoint(ju::field(a, hostKey), b);
                b.addAnnotation(ju::integer(a, "timestamp").value_or(0), value, ep);
                roles.annotation(value, ep);
            }
        }
        const json *bas = ju::field(s, m_thrift ? "binary_annotations" : "binaryAnnotations");
        if (bas && bas->is_array()) {
            for (const auto &ba : *bas) {
                if (!ba.is_object())
                    continue;
                const auto key = ju::text(ba, "key");
                const auto ep = endpoint(ju::field(ba, hostKey), b);
                roles.binaryAnnotation(key, ep);
                const json *value = ju::field(ba, "value");
                b.addTag(key, value ? ju::anyText(*value) : std::string(), value ? ju::typeOf(*value) : JsonType::Null, ep);
            }
        }
        // iplatform puts its extension keys on the span itself too.
        const auto &keys = ExtensionKeys::instance();
        for (const auto &key : keys.roleKeys())
            if (const json *v = ju::field(s, key))
                b.addTag(key, ju::anyText(*v), ju::typeOf(*v));

        roles.apply(b.currentSpan());
    }

    void readV2(const json &s, TraceBuilder &b)
    {
        Span &span = b.currentSpan();
        span.kind = zipkinV2Kind(ju::text(s, "kind"));
        if (const json *shared = ju::field(s, "shared"); shared && shared->is_boolean() && shared->get<bool>())
            span.flags |= SpanFlag::Shared;
        const auto local = endpoint(ju::field(s, "localEndpoint"), b);
        const auto remote = endpoint(ju::field(s, "remoteEndpoint"), b);
        if (const json *anns = ju::field(s, "annotations"); anns && anns->is_array()) {
            for (const auto &a : *anns)
                if (a.is_object())
                    b.addAnnotation(ju::integer(a, "timestamp").value_or(0), ju::text(a, "value"), local);
        }
        if (const json *tags = ju::field(s, "tags"); tags && tags->is_object()) {
            for (const auto &[key, value] : tags->items())
                b.addTag(key, ju::anyText(value), ju::typeOf(value), local);
        }
        Span &cur = b.currentSpan();
        cur.localEndpoint = local;
        cur.remoteEndpoint = remote;
    }

    SpanFormat m_format;
    bool m_thrift;
};

} // namespace

void ZipkinV1Roles::annotation(std::string_view text, std::int32_t endpoint)
{
    const std::string_view value = coreAnnotation(text);
    if (value == "cs" || value == "cr") {
        (value == "cs" ? cs : cr) = true;
        if (clientEp == NoIndex)
            clientEp = endpoint;
    } else if (value == "sr" || value == "ss") {
        (value == "sr" ? sr : ss) = true;
        if (serverEp == NoIndex)
            serverEp = endpoint;
    } else if (otherEp == NoIndex) {
        otherEp = endpoint;
    }
}

void ZipkinV1Roles::binaryAnnotation(std::string_view text, std::int32_t endpoint)
{
    const std::string_view key = addressKey(text);
    if (key == "sa" || key == "ca")
        (key == "sa" ? saEp : caEp) = endpoint;
    else if (tagEp == NoIndex)
        tagEp = endpoint;
}

void ZipkinV1Roles::apply(Span &span) const
{
    const bool client = cs || cr, server = sr || ss;
    if (client && server) {
        span.kind = SpanKind::Client;
        span.flags |= SpanFlag::Shared;
        span.localEndpoint = serverEp;
        span.remoteEndpoint = clientEp;
    } else if (client) {
        span.kind = SpanKind::Client;
        span.localEndpoint = clientEp;
        span.remoteEndpoint = saEp;
    } else if (server) {
        span.kind = SpanKind::Server;
        span.localEndpoint = serverEp;
        span.remoteEndpoint = caEp;
    } else {
        span.kind = SpanKind::Local;
        span.localEndpoint = otherEp != NoIndex ? otherEp : tagEp;
        span.remoteEndpoint = saEp != NoIndex ? saEp : caEp;
    }
    if (span.localEndpoint == NoIndex)
        span.localEndpoint = otherEp != NoIndex ? otherEp : tagEp;
}

SpanKind zipkinV2Kind(std::string_view kind)
{
    // No kind at all is a span sent in pieces or a local span; Zipkin merges a piece into its span's halves.
    if (kind.empty())
        return SpanKind::Unspecified;
    return kind == "CLIENT" ? SpanKind::Client
        : kind == "SERVER"   ? SpanKind::Server
        : kind == "PRODUCER" ? SpanKind::Producer
        : kind == "CONSUMER" ? SpanKind::Consumer
                             : SpanKind::Local;
}

std::unique_ptr<FormatReader> makeZipkinReader(SpanFormat format)
{
    return std::make_unique<ZipkinReader>(format);
}

} // namespace td
