#include "fastzipkin.h"

#include "extensionkeys.h"
#include "flatjson.h"
#include "memorytuning.h"
#include "spansapicodes.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

namespace td {

namespace {

using flatjson::Document;
using flatjson::None;
using flatjson::Type;
using nlohmann::json;

// What one value of a span is, read the way jsonutil reads it; Unusual sends the span to the general reader.
enum class Read { Ok, Absent, Unusual };

// Keys the format detection looks at (JsonSpanStream::looksLikeSpan and detectSpanFormat).
enum Key : std::uint32_t {
    KTraceId = 1u << 0, KTraceID = 1u << 1, KTrace_id = 1u << 2, KId = 1u << 3, KSpanId = 1u << 4,
    KSpanID = 1u << 5, KSpan_id = 1u << 6, KTraceName = 1u << 7, KTime = 1u << 8, KName = 1u << 9,
    KOperationName = 1u << 10, KTimestamp = 1u << 11, KStartTime = 1u << 12, KStartTimeUnixNano = 1u << 13,
    KStart = 1u << 14, KDuration = 1u << 15, KKind = 1u << 16, KLocalEndpoint = 1u << 17,
    KAnnotations = 1u << 18, KBinaryAnnotations = 1u << 19, KBinary_annotations = 1u << 20,
    KRemoteEndpoint = 1u << 21, KTags = 1u << 22, KShared = 1u << 23,
};

std::uint32_t keyBit(std::string_view k)
{
    static const std::pair<std::string_view, std::uint32_t> keys[] = {
        {"traceId", KTraceId}, {"traceID", KTraceID}, {"trace_id", KTrace_id}, {"id", KId}, {"spanId", KSpanId},
        {"spanID", KSpanID}, {"span_id", KSpan_id}, {"trace_name", KTraceName}, {"time", KTime}, {"name", KName},
        {"operationName", KOperationName}, {"timestamp", KTimestamp}, {"startTime", KStartTime},
        {"startTimeUnixNano", KStartTimeUnixNano}, {"start", KStart}, {"duration", KDuration}, {"kind", KKind},
        {"localEndpoint", KLocalEndpoint}, {"annotations", KAnnotations}, {"binaryAnnotations", KBinaryAnnotations},
        {"binary_annotations", KBinary_annotations}, {"remoteEndpoint", KRemoteEndpoint}, {"tags", KTags},
        {"shared", KShared},
    };
    for (const auto &[name, bit] : keys)
        if (name == k)
            return bit;
    return 0;
}

// The format of a span object as the general path would detect it; Unknown when it is not a span at all.
SpanFormat detect(std::uint32_t keys)
{
    const auto has = [keys](std::uint32_t bits) { return (keys & bits) == bits; };
    const bool trace = keys & (KTraceId | KTraceID | KTrace_id);
    const bool span = keys & (KId | KSpanId | KSpanID | KSpan_id);
    if (trace && has(KTraceName | KTime))
        return SpanFormat::Cts;
    if (!trace || !span)
        return SpanFormat::Unknown;
    if (!(keys & (KName | KOperationName | KTimestamp | KStartTime | KStartTimeUnixNano | KStart | KDuration | KKind
                  | KLocalEndpoint | KAnnotations | KBinaryAnnotations | KBinary_annotations)))
        return SpanFormat::Unknown;
    if (has(KStartTimeUnixNano))
        return SpanFormat::Otlp;
    if (has(KTraceID | KSpanID))
        return has(KOperationName) ? SpanFormat::Jaeger : SpanFormat::Sls;
    if (has(KTraceId | KSpanId | KOperationName))
        return SpanFormat::JaegerProto;
    if (has(KTrace_id))
        return SpanFormat::ZipkinV1Thrift;
    if (has(KTraceId | KId))
        return (keys & (KKind | KLocalEndpoint | KRemoteEndpoint | KTags | KShared)) ? SpanFormat::ZipkinV2
                                                                                       : SpanFormat::ZipkinV1;
    return SpanFormat::Unknown;
}

// A string field; absent reads as empty. Other scalars would need jsonutil's formatting: Unusual.
Read text(const Document &d, std::uint32_t v, std::string_view *out)
{
    if (v == None) {
        *out = {};
        return Read::Absent;
    }
    if (d.type(v) != Type::String)
        return Read::Unusual;
    *out = d.text(v);
    return Read::Ok;
}

// A whole number written as one: the integer jsonutil::integer would give. Null reads as absent.
Read integer(const Document &d, std::uint32_t v, std::int64_t *out)
{
    if (v == None || d.type(v) == Type::Null)
        return Read::Absent;
    if (d.type(v) != Type::Number || !d.node(v).integral)
        return Read::Unusual;
    const auto t = d.text(v);
    const auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
    return r.ec == std::errc() && r.ptr == t.data() + t.size() ? Read::Ok : Read::Unusual;
}

// Any tag value as jsonutil::anyText and typeOf give it; objects, arrays and fractions are Unusual.
Read anyText(const Document &d, std::uint32_t v, std::string_view *out, JsonType *type, char (&buffer)[32])
{
    if (v == None) {
        *out = {};
        *type = JsonType::Null;
        return Read::Ok;
    }
    switch (d.type(v)) {
    case Type::String: *out = d.text(v); *type = JsonType::String; return Read::Ok;
    case Type::True: *out = "true"; *type = JsonType::Bool; return Read::Ok;
    case Type::False: *out = "false"; *type = JsonType::Bool; return Read::Ok;
    case Type::Null: *out = "null"; *type = JsonType::Null; return Read::Ok;
    case Type::Number: {
        std::int64_t n = 0;
        if (integer(d, v, &n) != Read::Ok)
            return Read::Unusual;
        // As written, but normalised the way a parsed number prints ("-0" is 0).
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, n);
        *out = std::string_view(buffer, static_cast<std::size_t>(r.ptr - buffer));
        *type = JsonType::Number;
        return Read::Ok;
    }
    case Type::Object:
    case Type::Array: break;
    }
    return Read::Unusual;
}

struct ViewHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return StringTable::hash(s); }
};

// Reads the elements of the span array from one position on, into its own builder.
class Part
{
public:
    Part(TraceBuilder &builder, const FastLoadOptions &options, bool envelope, std::atomic<std::uint64_t> &bytes,
         std::atomic<std::uint64_t> &spans)
        : m_builder(builder), m_options(options), m_envelope(envelope), m_bytes(bytes), m_spans(spans)
    {
    }

    static constexpr std::size_t ElementsBeforeReserving = 256;

    enum class Status { Running, ReachedEnd, Stopped, Failed, Cancelled, Abandoned };

    const char *start = nullptr;
    const char *arrayEnd = nullptr; // after the ']' when ReachedEnd
    std::size_t stoppedAtPart = 0;  // the part whose start this one reached when Stopped
    std::size_t elements = 0;
    // Bytes of the array whose spans end up in this part's builder (the first part's builder gets the others'
    // appended): the builder reserves for them once it knows the size of a span.
    std::size_t expectBytes = 0;
    SpanFormat firstFormat = SpanFormat::Unknown;
    Status status = Status::Running;
    std::atomic_bool abandon{false};

    // Reads elements until the array ends or an element begins exactly where a later part begins. `report` is called about every megabyte (only by the part on the calling thread).
    void run(const char *base, const char *end, const std::vector<Part *> &parts, std::size_t self,
             const std::function<void()> &report)
    {
        try {
            status = read(base, end, parts, self, report);
        } catch (...) {
            status = Status::Failed; // out of memory and the like: the general path will say what
        }
    }

private:
    Status read(const char *base, const char *end, const std::vector<Part *> &parts, std::size_t self,
                const std::function<void()> &report)
    {
        std::size_t next = self + 1; // the next part whose start this one may reach
        const char *p = flatjson::skipSpace(start, end);
        const char *lastReport = p;
        const char *released = p;
        if (p < end && *p == ']' && self == 0) {
            arrayEnd = p + 1;
            return Status::ReachedEnd;
        }
        for (;;) {
            if (abandon.load(std::memory_order_relaxed))
                return Status::Abandoned;
            if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed))
                return Status::Cancelled;
            const char *after = m_envelope ? embeddedElement(p, end, base) : objectElement(p, end, base);
            if (!after)
                return Status::Failed;
            if (++elements == ElementsBeforeReserving && expectBytes > 0) {
                const double bytesPerSpan = static_cast<double>(after - start) / static_cast<double>(elements);
                m_builder.reserveFor(static_cast<std::size_t>(static_cast<double>(expectBytes) / bytesPerSpan * 1.1));
            }
            m_spans.fetch_add(1, std::memory_order_relaxed);
            if (after - lastReport > (1 << 20)) {
                m_bytes.fetch_add(static_cast<std::uint64_t>(after - lastReport), std::memory_order_relaxed);
                lastReport = after;
                if (report)
                    report();
            }
            if (m_options.releaseReadPages && after - released > (8 << 20)) {
                releasePages(released, static_cast<std::size_t>(after - released));
                released = after;
            }
            p = flatjson::skipSpace(after, end);
            if (p < end && *p == ']') {
                m_bytes.fetch_add(static_cast<std::uint64_t>(p + 1 - lastReport), std::memory_order_relaxed);
                arrayEnd = p + 1;
                return Status::ReachedEnd;
            }
            if (p >= end || *p != ',')
                return Status::Failed;
            p = flatjson::skipSpace(p + 1, end);
            while (next < parts.size() && parts[next]->start < p) {
                // Passed a later part's start without an element beginning there: that part began inside a
                // value and its work is wrong. Only the first part is sure of its own start.
                if (self == 0)
                    parts[next]->abandon = true;
                ++next;
            }
            if (next < parts.size() && parts[next]->start == p) {
                m_bytes.fetch_add(static_cast<std::uint64_t>(p - lastReport), std::memory_order_relaxed);
                stoppedAtPart = next;
                return Status::Stopped;
            }
        }
    }

    const char *objectElement(const char *p, const char *end, const char *base)
    {
        if (p >= end || *p != '{')
            return nullptr;
        const char *after = m_doc.parse(p, end, m_options.maxDepth);
        if (!after)
            return nullptr;
        const RawRange raw{static_cast<std::uint64_t>(p - base), static_cast<std::uint32_t>(after - p), false};
        return span(p, static_cast<std::size_t>(after - p), raw) ? after : nullptr;
    }

    const char *embeddedElement(const char *p, const char *end, const char *base)
    {
        if (p >= end || *p != '"')
            return nullptr;
        // Most span texts parse straight from the file (the general reader's plain text is then made only if
        // span() needs it); the rest are unescaped first.
        const char *after = nullptr;
        const char *plain = nullptr;
        if (const char *close = m_doc.parseEscaped(p + 1, end, m_options.maxDepth)) {
            after = close + 1;
            m_escapedText = {p, static_cast<std::size_t>(after - p)};
        } else {
            m_text.clear();
            after = flatjson::readString(p, end, m_text);
            if (!after)
                return nullptr;
            const char *textEnd = m_text.data() + m_text.size();
            const char *valueEnd = m_doc.parse(m_text.data(), textEnd, m_options.maxDepth);
            if (!valueEnd || flatjson::skipSpace(valueEnd, textEnd) != textEnd)
                return nullptr;
            plain = m_text.data();
        }
        if (after - p > std::numeric_limits<std::uint32_t>::max())
            return nullptr;
        const RawRange raw{static_cast<std::uint64_t>(p - base), static_cast<std::uint32_t>(after - p), true};
        return span(plain, plain ? m_text.size() : 0, raw) ? after : nullptr;
    }

    // One span from m_doc. Returns false when the element is not a Zipkin v1/v2 span (the fast path gives up).
    bool span(const char *bytes, std::size_t size, const RawRange &raw)
    {
        if (m_doc.type(0) != Type::Object)
            return false;
        std::uint32_t keys = 0;
        for (std::uint32_t k = m_doc.first(0); k < m_doc.endOf(0); k = m_doc.nextMember(k))
            keys |= keyBit(m_doc.text(k));
        const SpanFormat format = detect(keys);
        if (format != SpanFormat::ZipkinV1 && format != SpanFormat::ZipkinV2)
            return false;
        if (firstFormat == SpanFormat::Unknown)
            firstFormat = format;
        if (!fastSpan(format, raw)) {
            m_builder.discardSpan();
            if (!bytes) {
                // Parsed from the escaped text in the file (embeddedElement): the general reader wants it plain.
                m_text.clear();
                if (!flatjson::readString(m_escapedText.data(), m_escapedText.data() + m_escapedText.size(), m_text))
                    return false;
                bytes = m_text.data();
                size = m_text.size();
            }
            return generalSpan(format, bytes, size, raw);
        }
        return true;
    }

    // The general Zipkin reader on this one span's bytes, for what the fast reader leaves to it.
    bool generalSpan(SpanFormat format, const char *bytes, std::size_t size, const RawRange &raw)
    {
        json object = json::parse(bytes, bytes + size, nullptr, false);
        if (object.is_discarded())
            return false;
        SpanContext ctx;
        // Renumbered when the parts are joined (see fastLoadZipkin).
        ctx.pointer = std::string(m_envelope ? "/responseInfo/" : "/") + std::to_string(elements);
        ctx.offset = raw.offset;
        ctx.length = raw.length;
        ctx.embedded = raw.embedded;
        auto &reader = m_readers[format == SpanFormat::ZipkinV2 ? 1 : 0];
        if (!reader)
            reader = FormatReader::create(format);
        try {
            reader->readSpan(object, ctx, m_builder);
        } catch (const std::exception &e) {
            m_builder.discardSpan();
            m_builder.addProblem({Problem::Severity::Warning, Problem::Kind::SkippedSpan,
                                  std::string("span skipped: ") + e.what(), ctx.pointer, -1});
        }
        return true;
    }

    bool fastSpan(SpanFormat format, const RawRange &raw)
    {
        const Document &d = m_doc;
        std::string_view traceId, spanId, parentId, name;
        if (text(d, d.find(0, "traceId"), &traceId) == Read::Unusual || text(d, d.find(0, "id"), &spanId) == Read::Unusual
            || text(d, d.find(0, "parentId"), &parentId) == Read::Unusual
            || text(d, d.find(0, "name"), &name) == Read::Unusual)
            return false;
        if (traceId.empty() || spanId.empty())
            return false; // the general reader reports the skipped span
        std::int64_t ts = 0, duration = 0;
        const Read tsRead = integer(d, d.find(0, "timestamp"), &ts);
        const Read durationRead = integer(d, d.find(0, "duration"), &duration);
        if (tsRead == Read::Unusual || durationRead == Read::Unusual || (durationRead == Read::Ok && duration < 0))
            return false;

        Span &span = m_builder.beginSpan();
        // Interned when the span ends, together with its tags (the views point into the data or m_doc).
        m_builder.internDeferred(&Span::traceId, traceId);
        m_builder.internDeferred(&Span::spanId, spanId);
        m_builder.internDeferred(&Span::parentId, parentId);
        m_builder.internDeferred(&Span::name, name);
        if (tsRead == Read::Ok && ts > 0)
            span.startUs = ts;
        else
            span.flags |= SpanFlag::NoTimestamp;
        if (durationRead == Read::Ok)
            span.durationUs = duration;
        m_builder.addRawRange(raw);
        if (!(format == SpanFormat::ZipkinV2 ? v2() : v1()))
            return false;
        m_builder.endSpan();
        return true;
    }

    // A number's text is in m_number, which the next number overwrites: interned now. Other texts stay valid
    // until the span ends.
    void addTag(std::string_view key, std::string_view value, JsonType type, std::int32_t endpoint = NoIndex)
    {
        if (type == JsonType::Number)
            m_builder.addTag(key, value, type, endpoint);
        else
            m_builder.addTagDeferred(key, value, type, endpoint);
    }

    bool endpoint(std::uint32_t e, std::int32_t *out)
    {
        const Document &d = m_doc;
        *out = NoIndex;
        if (e == None || d.type(e) != Type::Object || d.isEmptyContainer(e))
            return true;
        const auto bytes = d.source(e);
        if (const auto it = m_endpoints.find(bytes); it != m_endpoints.end()) {
            *out = it->second;
            return true;
        }
        std::string_view service, ipv4, ipv6;
        std::int64_t port = 0;
        if (text(d, d.find(e, "serviceName"), &service) == Read::Unusual || text(d, d.find(e, "ipv4"), &ipv4) == Read::Unusual
            || text(d, d.find(e, "ipv6"), &ipv6) == Read::Unusual || integer(d, d.find(e, "port"), &port) == Read::Unusual)
            return false;
        Endpoint ep;
        ep.service = m_builder.intern(service);
        ep.ipv4 = m_builder.intern(ipv4);
        ep.ipv6 = m_builder.intern(ipv6);
        if (port > 0 && port < 65536)
            ep.port = static_cast<std::int32_t>(port);
        *out = m_builder.addEndpoint(ep);
        if (m_endpoints.size() < 4096)
            m_endpoints.emplace(std::string(bytes), *out);
        return true;
    }

    // Calls visit(element) for each object in the span's array `key` (other elements are skipped, as the
    // general reader skips them); false as soon as visit returns false.
    template<typename Visit>
    bool eachObject(std::string_view key, Visit &&visit) const
    {
        const Document &d = m_doc;
        const auto list = d.find(0, key);
        if (list == None || d.type(list) != Type::Array)
            return true;
        for (auto e = d.first(list); e < d.endOf(list); e = d.nextElement(e))
            if (d.type(e) == Type::Object && !visit(e))
                return false;
        return true;
    }

    // An annotation's value and timestamp (0 when absent).
    bool annotation(std::uint32_t a, std::string_view *value, std::int64_t *ts) const
    {
        *ts = 0;
        return text(m_doc, m_doc.find(a, "value"), value) != Read::Unusual
            && integer(m_doc, m_doc.find(a, "timestamp"), ts) != Read::Unusual;
    }

    bool v1()
    {
        const Document &d = m_doc;
        ZipkinV1Roles roles;
        const bool read = eachObject("annotations", [&](std::uint32_t a) {
            std::string_view value;
            std::int64_t ts = 0;
            std::int32_t ep = NoIndex;
            if (!annotation(a, &value, &ts) || !endpoint(d.find(a, "endpoint"), &ep))
                return false;
            m_builder.addAnnotation(ts, value, ep);
            roles.annotation(value, ep);
            return true;
        }) && eachObject("binaryAnnotations", [&](std::uint32_t ba) {
            std::string_view key, value;
            JsonType type = JsonType::Null;
            std::int32_t ep = NoIndex;
            if (text(d, d.find(ba, "key"), &key) == Read::Unusual || !endpoint(d.find(ba, "endpoint"), &ep)
                || anyText(d, d.find(ba, "value"), &value, &type, m_number) == Read::Unusual)
                return false;
            roles.binaryAnnotation(key, ep);
            addTag(key, value, type, ep);
            return true;
        });
        if (!read)
            return false;
        // iplatform puts its extension keys on the span itself too.
        for (const auto &key : ExtensionKeys::instance().roleKeys()) {
            if (const auto v = d.find(0, key); v != None) {
                std::string_view value;
                JsonType type = JsonType::Null;
                if (anyText(d, v, &value, &type, m_number) == Read::Unusual)
                    return false;
                addTag(key, value, type);
            }
        }
        roles.apply(m_builder.currentSpan());
        return true;
    }

    bool v2()
    {
        const Document &d = m_doc;
        std::string_view kind;
        if (text(d, d.find(0, "kind"), &kind) == Read::Unusual)
            return false;
        std::int32_t local = NoIndex, remote = NoIndex;
        if (!endpoint(d.find(0, "localEndpoint"), &local) || !endpoint(d.find(0, "remoteEndpoint"), &remote))
            return false;
        {
            Span &span = m_builder.currentSpan();
            span.kind = zipkinV2Kind(kind);
            if (const auto shared = d.find(0, "shared"); shared != None && d.type(shared) == Type::True)
                span.flags |= SpanFlag::Shared;
        }
        const bool read = eachObject("annotations", [&](std::uint32_t a) {
            std::string_view value;
            std::int64_t ts = 0;
            if (!annotation(a, &value, &ts))
                return false;
            m_builder.addAnnotation(ts, value, local);
            return true;
        });
        if (!read)
            return false;
        if (const auto tags = d.find(0, "tags"); tags != None && d.type(tags) == Type::Object) {
            // In key order, the last of duplicate keys winning: as a parsed JSON object gives them.
            m_members.clear();
            for (auto k = d.first(tags); k < d.endOf(tags); k = d.nextMember(k))
                m_members.emplace_back(d.text(k), k + 1);
            std::stable_sort(m_members.begin(), m_members.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            for (std::size_t i = 0; i < m_members.size(); ++i) {
                if (i + 1 < m_members.size() && m_members[i + 1].first == m_members[i].first)
                    continue;
                std::string_view value;
                JsonType type = JsonType::Null;
                if (anyText(d, m_members[i].second, &value, &type, m_number) == Read::Unusual)
                    return false;
                addTag(m_members[i].first, value, type, local);
            }
        }
        Span &span = m_builder.currentSpan();
        span.localEndpoint = local;
        span.remoteEndpoint = remote;
        return true;
    }

    TraceBuilder &m_builder;
    const FastLoadOptions &m_options;
    bool m_envelope;
    std::atomic<std::uint64_t> &m_bytes;
    std::atomic<std::uint64_t> &m_spans;
    Document m_doc;
    std::string m_text;
    std::string_view m_escapedText; // the element embeddedElement() parsed in place, quotes included
    char m_number[32] = {};
    std::vector<std::pair<std::string_view, std::uint32_t>> m_members;
    std::unordered_map<std::string, std::int32_t, ViewHash, std::equal_to<>> m_endpoints;
    std::unique_ptr<FormatReader> m_readers[2];
};

// Where an element of the span array probably starts at or after `from`: a '{' after "}," that opens an
// object shaped like a Zipkin span (array form; annotations are objects too), or a '"' after "\"," (envelope,
// whose span texts have their quotes escaped). Only a guess: the part before checks it.
const char *guessElementStart(const char *from, const char *end, bool envelope)
{
    Document probe;
    const auto spanAt = [&probe, end](const char *q) {
        if (!probe.parse(q, end, 64) || probe.type(0) != Type::Object)
            return false;
        std::uint32_t keys = 0;
        for (std::uint32_t k = probe.first(0); k < probe.endOf(0); k = probe.nextMember(k))
            keys |= keyBit(probe.text(k));
        const auto format = detect(keys);
        return format == SpanFormat::ZipkinV1 || format == SpanFormat::ZipkinV2;
    };
    const char *limit = std::min(end, from + (8 << 20));
    const char opener = envelope ? '"' : '}';
    for (const char *p = from; p < limit; ++p) {
        p = static_cast<const char *>(std::memchr(p, opener, static_cast<std::size_t>(limit - p)));
        if (!p)
            return nullptr;
        if (envelope && p > from && p[-1] == '\\')
            continue;
        const char *q = flatjson::skipSpace(p + 1, end);
        if (q >= end || *q != ',')
            continue;
        q = flatjson::skipSpace(q + 1, end);
        if (end - q < 2)
            continue;
        if (envelope ? (q[0] == '"' && q[1] == '{') : (q[0] == '{' && spanAt(q)))
            return q;
    }
    return nullptr;
}

// Reads the span array whose first element (or ']') is at or after `begin`; returns the position after its
// ']', or nullptr when the fast path does not apply.
const char *readSpanArray(const char *base, const char *begin, const char *end, bool envelope, TraceBuilder &builder,
                          const FastLoadOptions &options, FastLoadResult &result)
{
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, 4u);
    const auto length = static_cast<std::size_t>(end - begin);
    if (length < options.splitAboveBytes)
        threads = 1;

    std::atomic<std::uint64_t> bytes{static_cast<std::uint64_t>(begin - base)};
    std::atomic<std::uint64_t> spans{0};
    std::vector<std::unique_ptr<TraceBuilder>> builders;
    std::vector<std::unique_ptr<Part>> parts;
    std::vector<Part *> order;
    parts.push_back(std::make_unique<Part>(builder, options, envelope, bytes, spans));
    parts.back()->start = begin;
    for (unsigned k = 1; k < threads; ++k) {
        const char *guess = guessElementStart(begin + length / threads * k, end, envelope);
        if (!guess || guess <= parts.back()->start)
            continue;
        builders.push_back(std::make_unique<TraceBuilder>(options.limits));
        parts.push_back(std::make_unique<Part>(*builders.back(), options, envelope, bytes, spans));
        parts.back()->start = guess;
    }
    for (const auto &p : parts)
        order.push_back(p.get());
    parts[0]->expectBytes = length;
    for (std::size_t k = 1; k < parts.size(); ++k)
        parts[k]->expectBytes = static_cast<std::size_t>((k + 1 < parts.size() ? parts[k + 1]->start : end) - parts[k]->start);

    const std::function<void()> report = [&] {
        if (options.progress)
            options.progress(bytes.load(std::memory_order_relaxed), spans.load(std::memory_order_relaxed));
    };
    // Every worker is joined on every way out: a thread that cannot start, or an exception in the first part
    // (out of memory), abandons the others and waits for them instead of terminating the program.
    std::vector<std::thread> workers;
    struct Joiner
    {
        std::vector<std::thread> &workers;
        std::vector<std::unique_ptr<Part>> &parts;
        ~Joiner()
        {
            for (std::size_t k = 1; k < parts.size(); ++k)
                parts[k]->abandon = true;
            for (auto &w : workers)
                if (w.joinable())
                    w.join();
        }
    };
    {
        const Joiner joiner{workers, parts};
        try {
            for (std::size_t k = 1; k < parts.size(); ++k)
            {
                std::function<void()> work = [&, k] { parts[k]->run(base, end, order, k, {}); };
                workers.push_back(options.startThread ? options.startThread(std::move(work)) : std::thread(std::move(work)));
            }
        } catch (const std::system_error &) {
            return nullptr; // no threads: the general reader reads the file
        }
        parts[0]->run(base, end, order, 0, report);
        if (parts[0]->status != Part::Status::Stopped)
            for (std::size_t k = 1; k < parts.size(); ++k)
                parts[k]->abandon = true;
        for (auto &w : workers)
            w.join();
    }

    // Follow the chain of parts from the first: each stopped exactly where the next one on the chain began.
    std::size_t k = 0;
    std::size_t elementBase = 0;
    const std::string prefix = envelope ? "/responseInfo/" : "/";
    for (;;) {
        Part &part = *parts[k];
        if (part.status == Part::Status::Cancelled) {
            result.outcome = FastLoadResult::Outcome::Cancelled;
            return nullptr;
        }
        if (part.status != Part::Status::Stopped && part.status != Part::Status::ReachedEnd)
            return nullptr;
        if (k == 0)
            result.primary = part.firstFormat;
        else {
            // Problems name elements by their index in this part; make it the index in the array.
            for (auto &problem : builders[k - 1]->problems())
                if (problem.where.starts_with(prefix) && problem.where.size() > prefix.size()
                    && std::isdigit(static_cast<unsigned char>(problem.where[prefix.size()])))
                    problem.where = prefix + std::to_string(elementBase + std::stoull(problem.where.substr(prefix.size())));
            builder.append(std::move(*builders[k - 1]));
        }
        ++result.parts;
        elementBase += part.elements;
        if (part.status == Part::Status::ReachedEnd)
            return part.arrayEnd;
        k = part.stoppedAtPart;
    }
}

// Cancelled stays cancelled; anything else short of Done means the general path reads the input.
FastLoadResult stopped(const FastLoadResult &result)
{
    FastLoadResult r;
    if (result.outcome == FastLoadResult::Outcome::Cancelled)
        r.outcome = result.outcome;
    return r;
}

} // namespace

FastLoadResult fastLoadZipkin(std::string_view data, TraceBuilder &builder, const FastLoadOptions &options)
{
    FastLoadResult result;
    try {
        const char *base = data.data();
        const char *end = base + data.size();
        const char *p = flatjson::skipSpace(base, end);
        if (p >= end)
            return result;
        if (*p == '[') {
            p = readSpanArray(base, p + 1, end, false, builder, options, result);
            if (!p || flatjson::skipSpace(p, end) != end || builder.spanCount() == 0)
                return stopped(result);
            result.outcome = FastLoadResult::Outcome::Done;
            return result;
        }
        if (*p != '{')
            return result;
        // A spans API envelope: errorCode, errorMessage and responseInfo (in any order).
        result.envelope = true;
        bool haveCode = false, haveSpans = false;
        std::string key;
        Document value;
        p = flatjson::skipSpace(p + 1, end);
        while (p < end && *p != '}') {
            key.clear();
            p = flatjson::readString(p, end, key);
            if (!p)
                return {};
            p = flatjson::skipSpace(p, end);
            if (p >= end || *p != ':')
                return {};
            p = flatjson::skipSpace(p + 1, end);
            if (key == "responseInfo") {
                if (haveSpans || p >= end || *p != '[')
                    return {};
                haveSpans = true;
                p = readSpanArray(base, p + 1, end, true, builder, options, result);
                if (!p)
                    return stopped(result);
            } else {
                p = value.parse(p, end, options.maxDepth);
                if (!p)
                    return {};
                if (key == "errorCode") {
                    if (value.type(0) != Type::String)
                        return {};
                    haveCode = true;
                    result.envelopeCode = std::string(value.text(0));
                } else if (key == "errorMessage") {
                    if (value.type(0) != Type::String && value.type(0) != Type::Null)
                        return {};
                    result.envelopeMessage = value.type(0) == Type::String ? std::string(value.text(0)) : std::string();
                }
            }
            p = flatjson::skipSpace(p, end);
            if (p < end && *p == ',') {
                p = flatjson::skipSpace(p + 1, end);
                if (p >= end || *p != '"')
                    return {};
            } else if (p >= end || *p != '}') {
                return {};
            }
        }
        if (p >= end || flatjson::skipSpace(p + 1, end) != end)
            return {};
        if (!haveCode || !haveSpans || result.envelopeCode != spansapi::Succeeded || builder.spanCount() == 0)
            return {};
        result.outcome = FastLoadResult::Outcome::Done;
        return result;
    } catch (const std::bad_alloc &) {
        throw; // the general reader would need more; the loader says the trace does not fit
    } catch (...) {
        return {};
    }
}

} // namespace td
