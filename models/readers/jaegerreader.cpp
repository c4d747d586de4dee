#include "formatreader.h"

#include "jsonutil.h"
#include "wirevalues.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <unordered_map>

namespace td {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// One key/value of a span tag, process tag or log field, in either of Jaeger's JSON forms:
// the UI/API form {key, type, value} or the domain model (protobuf JSON) form {key, vType, vStr|vInt64|...}.
struct KeyValue
{
    std::string key;
    std::string value;
    JsonType type = JsonType::String;
};

JsonType typeFromName(std::string_view type)
{
    if (equalsIgnoreCase(type, "bool"))
        return JsonType::Bool;
    if (equalsIgnoreCase(type, "int64") || equalsIgnoreCase(type, "float64"))
        return JsonType::Number;
    return JsonType::String;
}

// The value of a key/value in either form; vNum and vBlob are what older domain model fixtures call
// vInt64 and vBinary.
const json *rawValue(const json &kv, JsonType *fieldType)
{
    static constexpr std::pair<const char *, JsonType> fields[] = {
        {"value", JsonType::Null},      {"vStr", JsonType::String},     {"vBool", JsonType::Bool},
        {"vInt64", JsonType::Number},   {"vFloat64", JsonType::Number}, {"vNum", JsonType::Number},
        {"vBinary", JsonType::String},  {"vBlob", JsonType::String},
    };
    for (const auto &[name, type] : fields) {
        if (const json *v = ju::field(kv, name)) {
            *fieldType = type == JsonType::Null ? ju::typeOf(*v) : type;
            return v;
        }
    }
    return nullptr;
}

std::optional<KeyValue> keyValue(const json &kv)
{
    if (!kv.is_object())
        return std::nullopt;
    KeyValue out;
    out.key = ju::text(kv, "key");
    if (out.key.empty())
        return std::nullopt;
    const auto typeName = kv.contains("type") ? ju::text(kv, "type") : ju::text(kv, "vType");
    JsonType fieldType = JsonType::Null;
    const json *v = rawValue(kv, &fieldType);
    out.type = typeName.empty() ? fieldType : typeFromName(typeName);
    if (!v) {
        // Protobuf JSON leaves out default values: a BOOL false or INT64 0 has no v* field at all.
        out.value = out.type == JsonType::Bool ? "false" : out.type == JsonType::Number ? "0" : "";
        if (out.type == JsonType::Null)
            out.type = JsonType::String;
        return out;
    }
    if (out.type == JsonType::Bool && v->is_number())
        out.value = ju::integer(*v).value_or(0) != 0 ? "true" : "false"; // thrift-era {vType: bool, vNum: 1}
    else
        out.value = ju::anyText(*v);
    return out;
}

// A number-or-text value as an IPv4 address (process "ip" tags and peer.ipv4 are often packed integers).
std::string ipv4Of(const json &kv, const KeyValue &parsed)
{
    JsonType ignored;
    const json *v = rawValue(kv, &ignored);
    return v && v->is_number() ? ju::ipv4Text(*v) : parsed.value;
}

// A time in µs: a number (Jaeger JSON), digits, or RFC 3339 text (domain model). The domain model writes an
// unset time as the epoch ("1970-01-01T00:00:00Z"), so that is no time; a number 0 is kept, as the UI's
// synthetic traces count from it.
std::optional<std::int64_t> timeUs(const json *v)
{
    if (!v)
        return std::nullopt;
    if (!v->is_string())
        return ju::integer(*v);
    const auto &s = v->get_ref<const std::string &>();
    if (const auto t = wire::rfc3339ToUs(s))
        return *t > 0 ? t : std::nullopt;
    return ju::integer(*v);
}

// A duration in µs: a number (Jaeger JSON) or "5000ns" / "0.005s" text (domain model).
std::optional<std::int64_t> durationUs(const json *v)
{
    if (!v)
        return std::nullopt;
    if (!v->is_string())
        return ju::integer(*v);
    if (const auto d = ju::integer(*v))
        return d;
    return wire::durationToUs(v->get_ref<const std::string &>());
}

SpanKind kindFromTag(std::string_view v)
{
    if (equalsIgnoreCase(v, "client"))
        return SpanKind::Client;
    if (equalsIgnoreCase(v, "server"))
        return SpanKind::Server;
    if (equalsIgnoreCase(v, "producer"))
        return SpanKind::Producer;
    if (equalsIgnoreCase(v, "consumer"))
        return SpanKind::Consumer;
    if (equalsIgnoreCase(v, "internal"))
        return SpanKind::Local;
    return SpanKind::Unspecified;
}

// Reads Jaeger spans: the query API / UI JSON ({data:[{spans, processes}]}, a bare trace, the UI's
// redux form, arrays of spans with an embedded process) and the domain model in protobuf JSON (base64 ids,
// RFC 3339 times, "5000ns" durations, vStr/vInt64 tags). Spans usually name their process by id and the
// processes map follows the spans, so service names are filled in by finish().
class JaegerReader : public FormatReader
{
public:
    explicit JaegerReader(SpanFormat format)
        : m_proto(format == SpanFormat::JaegerProto)
    {
    }

    void readSpan(const json &s, const SpanContext &ctx, TraceBuilder &b) override
    {
        const auto traceId = id(s, "traceID", "traceId");
        const auto spanId = id(s, "spanID", "spanId");
        Span &span = b.beginSpan();
        if (traceId.empty() || spanId.empty()) {
            skipSpan(b, ctx, "it has no traceID or spanID");
            return;
        }
        span.traceId = b.intern(traceId);
        span.spanId = b.intern(spanId);
        span.name = b.intern(ju::text(s, "operationName"));
        if (const auto start = timeUs(ju::field(s, "startTime")))
            span.startUs = *start;
        else
            span.flags |= SpanFlag::NoTimestamp;
        span.durationUs = durationUs(ju::field(s, "duration")).value_or(0);
        addRaw(b, ctx);

        readReferences(s, traceId, b);
        const auto local = readProcess(ju::field(s, "process"), b).endpoint;
        const auto tags = readTags(s, local, b);
        readLogs(s, local, b);
        if (const json *warnings = ju::field(s, "warnings"); warnings && warnings->is_array()) {
            for (const auto &w : *warnings)
                if (const auto text = ju::text(w); !text.empty())
                    b.addTag("jaeger.warning", text, JsonType::String, local);
        }

        Span &cur = b.currentSpan();
        cur.kind = tags.kind;
        cur.localEndpoint = local;
        cur.remoteEndpoint = tags.remote;
        if (tags.otelError) {
            cur.flags |= SpanFlag::Error;
            cur.statusText = b.intern(tags.statusDescription.empty() ? std::string("ERROR") : tags.statusDescription);
        } else if (tags.errorTag && !m_logError.empty()) {
            cur.statusText = b.intern(m_logError);
        }
        const std::string processId = local == NoIndex ? ju::text(s, "processID") : std::string();
        if (!b.endSpan())
            return;
        if (!processId.empty())
            m_pending.push_back({static_cast<std::uint32_t>(b.spanCount() - 1), container(ctx), b.intern(processId)});
    }

    void finish(const std::vector<json> &skeletons, TraceBuilder &b) override
    {
        if (m_pending.empty())
            return;
        // Per container (one trace object of the document): process id -> endpoint, looked up once.
        std::vector<std::unordered_map<StrId, Process>> resolved(m_containers.size());
        std::vector<bool> loaded(m_containers.size(), false);
        std::unordered_map<StrId, std::size_t> missing;
        for (const auto &p : m_pending) {
            auto &map = resolved[p.container];
            if (!loaded[p.container]) {
                loaded[p.container] = true;
                const auto &c = m_containers[p.container];
                if (const json *trace = valueAt(skeletons, c.document, c.pointer))
                    loadProcesses(*trace, map, b);
            }
            Span *span = endedSpan(b, p.span);
            if (!span)
                continue;
            const auto it = map.find(p.processId);
            if (it == map.end()) {
                ++missing[p.processId];
                continue;
            }
            span->localEndpoint = it->second.endpoint;
            span->service = it->second.service;
        }
        for (const auto &[processId, count] : missing)
            b.addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                          "process " + std::string(b.str(processId)) + " is not in the trace's processes; "
                              + std::to_string(count) + (count == 1 ? " span has" : " spans have") + " no service name",
                          "process " + std::string(b.str(processId)), -1});
    }

private:
    struct Pending
    {
        std::uint32_t span;
        std::uint32_t container;
        StrId processId;
    };
    struct Container
    {
        std::size_t document;
        std::string pointer;
    };
    struct Process
    {
        std::int32_t endpoint = NoIndex;
        StrId service = 0;
    };
    struct TagFacts
    {
        SpanKind kind = SpanKind::Unspecified;
        std::int32_t remote = NoIndex;
        bool otelError = false;
        bool errorTag = false;
        std::string statusDescription;
    };

    std::string id(const json &o, const char *key, const char *protoKey) const
    {
        const json *v = ju::field(o, key);
        bool base64 = m_proto;
        if (!v) {
            v = ju::field(o, protoKey);
            base64 = true;
        }
        if (!v)
            return {};
        if (v->is_number_unsigned() || v->is_number_integer()) {
            char buf[24];
            std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v->get<std::uint64_t>()));
            return buf;
        }
        auto hex = wire::hexId(ju::text(*v), base64);
        // A 128-bit id whose high half is zero is written with 16 digits, as Jaeger itself prints it,
        // so the domain model and the UI JSON of one trace agree.
        if (hex.size() == 32 && hex.starts_with("0000000000000000") && base64)
            hex.erase(0, 16);
        return hex;
    }

    // The trace object holding a span: its pointer without the trailing "/spans/N".
    std::uint32_t container(const SpanContext &ctx)
    {
        std::string pointer;
        const auto last = ctx.pointer.rfind('/');
        if (last != std::string::npos && last > 0) {
            const auto prev = ctx.pointer.rfind('/', last - 1);
            const auto token = std::string_view(ctx.pointer).substr(prev + 1, last - prev - 1);
            if (equalsIgnoreCase(token, "spans"))
                pointer = ctx.pointer.substr(0, prev);
        }
        // Spans of one trace come together; look at the latest traces only.
        for (std::size_t i = m_containers.size(); i > 0 && i + 8 > m_containers.size(); --i)
            if (m_containers[i - 1].document == ctx.document && m_containers[i - 1].pointer == pointer)
                return static_cast<std::uint32_t>(i - 1);
        m_containers.push_back({ctx.document, pointer});
        return static_cast<std::uint32_t>(m_containers.size() - 1);
    }

    Process readProcess(const json *process, TraceBuilder &b) const
    {
        if (!process || !process->is_object())
            return {};
        Endpoint ep;
        ep.service = b.intern(ju::text(*process, "serviceName"));
        if (const json *tags = ju::field(*process, "tags"); tags && tags->is_array()) {
            for (const auto &t : *tags) {
                const auto kv = keyValue(t);
                if (kv && (kv->key == "ip" || kv->key == "ipv4") && !ep.ipv4)
                    ep.ipv4 = b.intern(ipv4Of(t, *kv));
            }
        }
        return {b.addEndpoint(ep), ep.service};
    }

    void loadProcesses(const json &trace, std::unordered_map<StrId, Process> &map, TraceBuilder &b) const
    {
        if (const json *processes = ju::field(trace, "processes"); processes && processes->is_object()) {
            for (const auto &[key, process] : processes->items())
                map.emplace(b.intern(key), readProcess(&process, b));
        }
        // The domain model's processMap: [{processID, process}]
        if (const json *list = ju::field(trace, "processMap"); list && list->is_array()) {
            for (const auto &entry : *list) {
                auto key = ju::text(entry, "processID");
                if (key.empty())
                    key = ju::text(entry, "processId");
                if (!key.empty())
                    map.emplace(b.intern(key), readProcess(ju::field(entry, "process"), b));
            }
        }
    }

    // Parent: the first CHILD_OF reference within the span's own trace, else the first CHILD_OF, else the
    // first reference. All references are kept as a tag when there is more than that one parent.
    void readReferences(const json &s, const std::string &traceId, TraceBuilder &b) const
    {
        const json *refs = ju::field(s, "references");
        if (!refs || !refs->is_array() || refs->empty())
            return;
        const json *best = nullptr;
        int bestRank = 0;
        json kept = json::array();
        for (const auto &r : *refs) {
            if (!r.is_object())
                continue;
            const auto refTrace = id(r, "traceID", "traceId");
            const auto refSpan = id(r, "spanID", "spanId");
            if (refSpan.empty())
                continue;
            const bool childOf = equalsIgnoreCase(ju::text(r, "refType"), "CHILD_OF")
                || equalsIgnoreCase(ju::text(r, "refType"), "child-of") || !r.contains("refType");
            const bool sameTrace = refTrace.empty() || refTrace == traceId;
            const int rank = childOf && sameTrace ? 3 : childOf ? 2 : 1;
            if (rank > bestRank) {
                best = &r;
                bestRank = rank;
            }
            kept.push_back(json{{"refType", ju::text(r, "refType")}, {"traceID", refTrace}, {"spanID", refSpan}});
        }
        if (best)
            b.currentSpan().parentId = b.intern(id(*best, "spanID", "spanId"));
        if (kept.size() > 1 || (best && bestRank != 3))
            b.addTag("references", kept.dump(-1, ' ', false, json::error_handler_t::replace), JsonType::Array);
    }

    TagFacts readTags(const json &s, std::int32_t local, TraceBuilder &b) const
    {
        TagFacts facts;
        const json *tags = ju::field(s, "tags");
        if (!tags || !tags->is_array())
            return facts;
        Endpoint remote;
        bool anyRemote = false;
        for (const auto &t : *tags) {
            const auto kv = keyValue(t);
            if (!kv)
                continue;
            b.addTag(kv->key, kv->value, kv->type, local);
            if (kv->key == "span.kind") {
                facts.kind = kindFromTag(kv->value);
            } else if (kv->key == "otel.status_code") {
                facts.otelError = equalsIgnoreCase(kv->value, "ERROR");
            } else if (kv->key == "otel.status_description") {
                facts.statusDescription = kv->value;
            } else if (kv->key == "error") {
                facts.errorTag = !equalsIgnoreCase(kv->value, "false");
            } else if (kv->key == "peer.service") {
                remote.service = b.intern(kv->value);
                anyRemote = true;
            } else if (kv->key == "peer.ipv4") {
                remote.ipv4 = b.intern(ipv4Of(t, *kv));
                anyRemote = true;
            } else if (kv->key == "peer.ipv6") {
                remote.ipv6 = b.intern(kv->value);
                anyRemote = true;
            } else if (kv->key == "peer.port") {
                if (const auto port = ju::integer(json(kv->value)); port && *port > 0 && *port < 65536)
                    remote.port = static_cast<std::int32_t>(*port);
                anyRemote = true;
            }
        }
        if (anyRemote)
            facts.remote = b.addEndpoint(remote);
        return facts;
    }

    void readLogs(const json &s, std::int32_t local, TraceBuilder &b)
    {
        m_logError.clear();
        const json *logs = ju::field(s, "logs");
        if (!logs || !logs->is_array())
            return;
        const auto spanStart = b.currentSpan().startUs;
        for (const auto &log : *logs) {
            if (!log.is_object())
                continue;
            const json *fields = ju::field(log, "fields");
            std::vector<KeyValue> kvs;
            if (fields && fields->is_array())
                for (const auto &f : *fields)
                    if (auto kv = keyValue(f))
                        kvs.push_back(std::move(*kv));
            // The log's title: its event, else its message, as the Jaeger UI shows it.
            std::string title, message;
            for (const auto &kv : kvs) {
                if (kv.key == "event" && title.empty())
                    title = kv.value;
                else if ((kv.key == "message" || kv.key == "error.message" || kv.key == "error.object") && message.empty())
                    message = kv.value;
            }
            if (equalsIgnoreCase(title, "error") && m_logError.empty())
                m_logError = message;
            if (title.empty())
                title = message.empty() ? std::string("log") : message;
            b.addAnnotation(timeUs(ju::field(log, "timestamp")).value_or(spanStart), title, local);
            for (const auto &kv : kvs)
                b.addAnnotationField(kv.key, kv.value, kv.type);
        }
    }

    bool m_proto;
    std::vector<Container> m_containers;
    std::vector<Pending> m_pending;
    std::string m_logError; // message of the span's "error" log, for its status text
};

} // namespace

std::unique_ptr<FormatReader> makeJaegerReader(SpanFormat format)
{
    return std::make_unique<JaegerReader>(format);
}

} // namespace td
