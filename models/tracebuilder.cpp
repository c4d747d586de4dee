#include "tracebuilder.h"

#include "extensionkeys.h"
#include "iplatformtext.h"
#include "clockskew.h"
#include "memorytuning.h"
#include "sharedspans.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <future>
#include <numeric>
#include <unordered_map>

namespace td {

namespace {

using iplatform::equalsIgnoreCase;
using iplatform::isNone;
using iplatform::parseNumber;
using iplatform::trimValue;

std::string spanLabel(const Trace &trace, const Span &s)
{
    return "span " + std::string(trace.str(s.spanId));
}

} // namespace

Component componentFromText(std::string_view text)
{
    text = trimValue(text);
    if (text.empty())
        return Component::None;
    for (auto c : {Component::HttpService, Component::HttpClient, Component::FeignClient, Component::Jdbc, Component::Scheduled})
        if (equalsIgnoreCase(text, componentKey(c)))
            return c;
    return Component::Other;
}

TraceBuilder::TraceBuilder()
    : TraceBuilder(Limits{})
{
}

TraceBuilder::TraceBuilder(Limits limits)
    : m_trace(std::make_shared<Trace>())
    , m_limits(limits)
{
}

std::int32_t TraceBuilder::addEndpoint(const Endpoint &endpoint)
{
    auto &eps = m_trace->m_endpoints;
    // Traces have few distinct endpoints; look at the most recent ones first.
    const auto n = static_cast<std::int32_t>(eps.size());
    for (std::int32_t i = n - 1; i >= 0 && i >= n - 64; --i)
        if (eps[static_cast<std::size_t>(i)] == endpoint)
            return i;
    for (std::int32_t i = 0; i < n - 64; ++i)
        if (eps[static_cast<std::size_t>(i)] == endpoint)
            return i;
    // Tags keep the index in 27 bits; a source with tens of millions of hosts is hostile, not a trace.
    if (n >= (1 << 26))
        return NoIndex;
    eps.push_back(endpoint);
    return n;
}

Span &TraceBuilder::beginSpan()
{
    auto &t = *m_trace;
    if (m_spanOpen)
        discardSpan();
    m_spanOpen = true;
    Span s;
    s.firstAnnotation = static_cast<std::uint32_t>(t.m_annotations.size());
    s.firstTag = static_cast<std::uint32_t>(t.m_tagRefs.size());
    s.firstRaw = static_cast<std::uint32_t>(t.m_rawRanges.size());
    t.m_spans.push_back(s);
    return t.m_spans.back();
}

void TraceBuilder::addAnnotation(std::int64_t timestampUs, std::string_view value, std::int32_t endpoint)
{
    Annotation a;
    a.timestampUs = std::clamp(timestampUs, -loadlimits::MaxTimeUs, loadlimits::MaxTimeUs);
    const auto core = coreAnnotation(value);
    a.value = intern(core.empty() ? value : core);
    a.endpoint = endpoint;
    m_trace->m_annotations.push_back(a);
    ++currentSpan().annotationCount;
}

namespace {

// At most `max` bytes of a value, cut before a UTF-8 sequence rather than inside it.
std::string_view cutValue(std::string_view value, std::size_t max)
{
    if (value.size() <= max)
        return value;
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(value[n]) & 0xC0) == 0x80)
        --n;
    return value.substr(0, n);
}

} // namespace

void TraceBuilder::noteTruncated(std::string_view key, std::size_t bytes)
{
    if (m_truncatedKey.empty()) {
        m_truncatedKey = key.empty() ? std::string("(no key)") : std::string(key);
        m_truncatedBytes = bytes;
    }
}

void TraceBuilder::addAnnotationField(std::string_view key, std::string_view value, JsonType type)
{
    if (m_trace->m_annotations.empty())
        return;
    Tag t;
    t.key = intern(key);
    t.value = intern(cutValue(value, m_limits.maxTagValueBytes));
    t.truncated = value.size() > m_limits.maxTagValueBytes;
    if (t.truncated)
        noteTruncated(key, value.size());
    t.type = type;
    auto &fields = m_trace->m_annotationFields;
    const auto annotation = static_cast<std::uint32_t>(m_trace->m_annotations.size() - 1);
    if (fields.empty() || fields.back().annotation != annotation)
        fields.push_back({annotation, static_cast<std::uint32_t>(m_trace->m_eventFields.size()), 0});
    m_trace->m_eventFields.push_back(t);
    ++fields.back().count;
}

namespace {

std::uint64_t tagHash(const Tag &t)
{
    std::uint64_t h = (static_cast<std::uint64_t>(t.key) << 32 | t.value) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<std::uint64_t>(static_cast<std::uint32_t>(t.endpoint)) << 5 | static_cast<unsigned>(t.type) << 1
          | static_cast<unsigned>(t.truncated)) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
}

bool sameTag(const Tag &a, const Tag &b)
{
    return a.key == b.key && a.value == b.value && a.endpoint == b.endpoint && a.type == b.type && a.truncated == b.truncated;
}

} // namespace

std::pair<std::string_view, std::string_view> TraceBuilder::tagTexts(std::string_view key, std::string_view value,
                                                                     bool *truncated)
{
    *truncated = value.size() > m_limits.maxTagValueBytes;
    if (*truncated)
        noteTruncated(key, value.size());
    const auto address = addressKey(key);
    return {address.empty() ? key : address, cutValue(value, m_limits.maxTagValueBytes)};
}

void TraceBuilder::addTag(std::string_view key, std::string_view value, JsonType type, std::int32_t endpoint)
{
    Tag t;
    bool truncated = false;
    const auto [keyText, valueText] = tagTexts(key, value, &truncated);
    t.key = intern(keyText);
    t.value = intern(valueText);
    t.truncated = truncated;
    t.type = type;
    t.endpoint = endpoint;
    const std::uint64_t h = tagHash(t);
    if (!m_spanOpen) {
        m_trace->m_tagRefs.push_back(shareTag(t, h));
        ++currentSpan().tagCount;
        return;
    }
    // Looked up when the span ends, all of its tags together; meanwhile their index slots are on their way
    // to the cache (the index is tens of megabytes at a million spans: nearly every lookup misses it).
    if (!m_tagSlots.empty())
        __builtin_prefetch(&m_tagSlots[h & (m_tagSlots.size() - 1)]);
    m_pendingTags.push_back({t, h});
    ++currentSpan().tagCount;
}

void TraceBuilder::addTagDeferred(std::string_view key, std::string_view value, JsonType type, std::int32_t endpoint)
{
    if (!m_spanOpen) {
        addTag(key, value, type, endpoint);
        return;
    }
    PendingTag p{};
    bool truncated = false;
    const auto [keyText, valueText] = tagTexts(key, value, &truncated);
    p.keyText = static_cast<std::uint32_t>(m_pendingTexts.size());
    m_pendingTexts.push_back(keyText);
    p.valueText = static_cast<std::uint32_t>(m_pendingTexts.size());
    m_pendingTexts.push_back(valueText);
    p.tag.truncated = truncated;
    p.tag.type = type;
    p.tag.endpoint = endpoint;
    m_pendingTags.push_back(p);
    ++currentSpan().tagCount;
}

void TraceBuilder::internDeferred(StrId Span::*field, std::string_view text)
{
    if (!m_spanOpen) {
        currentSpan().*field = intern(text);
        return;
    }
    m_pendingFields.emplace_back(field, static_cast<std::uint32_t>(m_pendingTexts.size()));
    m_pendingTexts.push_back(text);
}

void TraceBuilder::internPendingTexts()
{
    if (m_pendingTexts.empty())
        return;
    m_pendingIds.resize(m_pendingTexts.size());
    m_trace->m_strings.internMany(m_pendingTexts.data(), m_pendingIds.data(), m_pendingTexts.size());
    Span &span = currentSpan();
    for (const auto &[field, text] : m_pendingFields)
        span.*field = m_pendingIds[text];
    const bool fetch = !m_tagSlots.empty();
    const std::size_t mask = m_tagSlots.size() - 1;
    for (PendingTag &p : m_pendingTags) {
        if (p.keyText == NoText)
            continue;
        p.tag.key = m_pendingIds[p.keyText];
        p.tag.value = m_pendingIds[p.valueText];
        p.hash = tagHash(p.tag);
        if (fetch)
            __builtin_prefetch(&m_tagSlots[p.hash & mask]);
    }
    m_pendingTexts.clear();
    m_pendingFields.clear();
}

void TraceBuilder::sharePendingTags()
{
    if (m_pendingTags.empty())
        return;
    auto &table = m_trace->m_tagTable;
    if ((table.size() + m_pendingTags.size() + 1) * 2 > m_tagSlots.size())
        reserveTags(table.size() + m_pendingTags.size());
    // The entries the first slots point at, fetched together rather than one miss after another.
    const std::size_t mask = m_tagSlots.size() - 1;
    for (const PendingTag &p : m_pendingTags)
        if (const std::uint32_t entry = m_tagSlots[p.hash & mask])
            __builtin_prefetch(&table[entry - 1]);
    auto &refs = m_trace->m_tagRefs;
    for (const PendingTag &p : m_pendingTags)
        refs.push_back(shareTag(p.tag, p.hash));
    m_pendingTags.clear();
}

void TraceBuilder::reserveTags(std::size_t tags)
{
    std::size_t slotCount = std::max<std::size_t>(1024, m_tagSlots.size());
    while ((tags + 1) * 2 > slotCount)
        slotCount *= 2;
    if (slotCount == m_tagSlots.size())
        return;
    const auto &table = m_trace->m_tagTable;
    m_tagSlots = largeArray<std::uint32_t>(slotCount, 0);
    const std::size_t mask = slotCount - 1;
    for (std::size_t i = 0; i < table.size(); ++i) {
        std::size_t slot = tagHash(table[i]) & mask;
        while (m_tagSlots[slot] != 0)
            slot = (slot + 1) & mask;
        m_tagSlots[slot] = static_cast<std::uint32_t>(i + 1);
    }
}

std::uint32_t TraceBuilder::shareTag(const Tag &tag, std::uint64_t hash)
{
    auto &table = m_trace->m_tagTable;
    if ((table.size() + 1) * 2 > m_tagSlots.size())
        reserveTags(table.size() + 1);
    const std::size_t mask = m_tagSlots.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint32_t entry = m_tagSlots[slot];
        if (entry == 0) {
            makeRoomLarge(table);
            table.push_back(tag);
            m_tagSlots[slot] = static_cast<std::uint32_t>(table.size());
            return static_cast<std::uint32_t>(table.size() - 1);
        }
        if (sameTag(table[entry - 1], tag))
            return entry - 1;
    }
}

// Drops the entries no span refers to any more (discarded or dropped spans), so that the table lists the
// trace's tags exactly.
void TraceBuilder::compactTags()
{
    auto &t = *m_trace;
    std::vector<std::uint32_t> newIndex(t.m_tagTable.size(), 0);
    for (const auto ref : t.m_tagRefs)
        newIndex[ref] = 1;
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < newIndex.size(); ++i) {
        if (newIndex[i]) {
            t.m_tagTable[next] = t.m_tagTable[i];
            newIndex[i] = next++;
        }
    }
    t.m_tagTable.resize(next);
    for (auto &ref : t.m_tagRefs)
        ref = newIndex[ref];
    m_tagSlots.clear();
    m_tagSlots.shrink_to_fit();
}

void TraceBuilder::addRawRange(const RawRange &range)
{
    m_trace->m_rawRanges.push_back(range);
    ++currentSpan().rawCount;
}

void TraceBuilder::dropAnnotationsFrom(std::uint32_t annotation)
{
    auto &t = *m_trace;
    auto &fields = t.m_annotationFields;
    while (!fields.empty() && fields.back().annotation >= annotation) {
        t.m_eventFields.resize(fields.back().first);
        fields.pop_back();
    }
    t.m_annotations.resize(std::min<std::size_t>(annotation, t.m_annotations.size()));
}

void TraceBuilder::discardSpan()
{
    if (!m_spanOpen)
        return;
    m_pendingTags.clear();
    m_pendingTexts.clear();
    m_pendingFields.clear();
    auto &t = *m_trace;
    const Span s = t.m_spans.back();
    t.m_spans.pop_back();
    dropAnnotationsFrom(s.firstAnnotation);
    t.m_tagRefs.resize(s.firstTag);
    t.m_rawRanges.resize(s.firstRaw);
    m_spanOpen = false;
    m_truncatedKey.clear();
}

bool TraceBuilder::endSpan()
{
    if (!m_spanOpen)
        return false;
    internPendingTexts();
    sharePendingTags();
    auto &t = *m_trace;
    if (t.m_spans.size() > m_limits.maxSpans) {
        discardSpan();
        ++m_droppedSpans; // reported once, by finish()
        return false;
    }
    m_spanOpen = false;
    Span &s = t.m_spans.back();
    if (!m_truncatedKey.empty()) {
        // One problem per span for the first hundred; the rest are counted.
        if (++m_truncatedSpans <= 100)
            addProblem({Problem::Severity::Info, Problem::Kind::Truncated,
                        "the value of " + m_truncatedKey + " (" + std::to_string(m_truncatedBytes)
                            + " bytes) was cut to the first " + std::to_string(m_limits.maxTagValueBytes)
                            + " bytes; Raw JSON shows it whole",
                        spanLabel(t, s), static_cast<std::int32_t>(t.m_spans.size() - 1)});
        m_truncatedKey.clear();
    }
    // Times are added and subtracted all through the analysis; out of this range they could overflow.
    const auto index = static_cast<std::int32_t>(t.m_spans.size() - 1);
    if (s.startUs > loadlimits::MaxTimeUs || s.startUs < -loadlimits::MaxTimeUs) {
        addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                    "start time " + std::to_string(s.startUs) + " µs is out of range; treated as missing", spanLabel(t, s), index});
        s.startUs = 0;
        s.flags |= SpanFlag::NoTimestamp;
    }
    if (s.durationUs > loadlimits::MaxTimeUs) {
        addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                    "duration " + std::to_string(s.durationUs) + " µs is out of range; treated as 0", spanLabel(t, s), index});
        s.durationUs = 0;
    }
    s.rawStartUs = s.startUs;
    if (s.durationUs < 0) {
        addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                    "negative duration " + std::to_string(s.durationUs) + " µs treated as 0", spanLabel(t, s),
                    static_cast<std::int32_t>(t.m_spans.size() - 1)});
        s.durationUs = 0;
    }
    interpretTags(s);
    splitName(s);
    return true;
}

void TraceBuilder::interpretTags(Span &s)
{
    auto &t = *m_trace;
    const auto &keys = ExtensionKeys::instance();
    for (std::uint32_t i = s.firstTag; i < s.firstTag + s.tagCount; ++i) {
        const Tag &tag = t.m_tagTable[t.m_tagRefs[i]];
        const auto key = t.str(tag.key);
        const auto value = t.str(tag.value);
        switch (keys.role(key)) {
        case ExtensionKeys::Role::Component:
            s.component = componentFromText(value);
            s.componentName = intern(trimValue(value));
            break;
        case ExtensionKeys::Role::Succeed: {
            const auto v = trimValue(value);
            if (equalsIgnoreCase(v, "false") || v == "0")
                s.succeed = 0;
            else if (equalsIgnoreCase(v, "true") || v == "1")
                s.succeed = 1;
            break;
        }
        case ExtensionKeys::Role::Busisys: s.busisys = tag.value; break;
        case ExtensionKeys::Role::ServiceInstId: s.serviceInstId = tag.value; break;
        case ExtensionKeys::Role::DurationMoveAvg: {
            double v = 0;
            if (parseNumber(value, &v))
                s.durationMoveAvgUs = v;
            break;
        }
        case ExtensionKeys::Role::WarnPct: {
            s.warnPctText = tag.value;
            auto v = trimValue(value);
            if (!v.empty() && v.back() == '%')
                v.remove_suffix(1);
            double pct = 0;
            if (parseNumber(v, &pct))
                s.warnPct = pct;
            break;
        }
        case ExtensionKeys::Role::WarnType: s.warnType = intern(trimValue(value)); break;
        case ExtensionKeys::Role::ExceptionClass: s.exceptionClass = intern(trimValue(value)); break;
        case ExtensionKeys::Role::None:
            if (keys.isHttpStatusKey(key)) {
                double code = 0;
                if (parseNumber(value, &code) && code >= 500 && code < 600 && !s.isError()) {
                    s.flags |= SpanFlag::Error;
                    s.statusText = intern("HTTP " + std::string(trimValue(value)));
                }
            } else if (keys.isErrorTagKey(key)) {
                const auto v = trimValue(value);
                if (!equalsIgnoreCase(v, "false")) {
                    s.flags |= SpanFlag::Error;
                    if (!s.statusText)
                        s.statusText = intern(v.empty() || equalsIgnoreCase(v, "true") ? std::string_view("error") : v);
                }
            } else if (s.component == Component::None) {
                if (const auto *family = keys.familyOf(key); family && !family->component.empty())
                    s.component = componentFromText(family->component);
            }
            break;
        }
    }
    if (s.succeed == 0) {
        s.flags |= SpanFlag::Error;
        if (!s.statusText)
            s.statusText = intern("succeed=false");
    }
    if (s.exceptionClass && !isNone(t.str(s.exceptionClass))) {
        s.flags |= SpanFlag::Error;
        s.statusText = s.exceptionClass;
    }
    if (s.warnType && !isNone(t.str(s.warnType)))
        s.flags |= SpanFlag::Warning;
}

void TraceBuilder::splitName(Span &s)
{
    auto &t = *m_trace;
    const auto name = t.str(s.name);
    // `service:instance:transaction` (spans API); a URL-like name "https:/auth/user" is not split.
    const auto first = name.find(':');
    if (first != std::string_view::npos && first > 0) {
        const auto second = name.find(':', first + 1);
        if (second != std::string_view::npos && second > first + 1 && second + 1 < name.size()
            && name.substr(first + 1, 1) != "/") {
            const auto service = name.substr(0, first);
            if (!s.service)
                s.service = intern(service);
            s.instance = intern(name.substr(first + 1, second - first - 1));
            s.transaction = intern(name.substr(second + 1));
        }
    }
    if (!s.service && s.localEndpoint != NoIndex)
        s.service = t.m_endpoints[static_cast<std::size_t>(s.localEndpoint)].service;
}

void TraceBuilder::reserveFor(std::size_t spans)
{
    auto &t = *m_trace;
    const std::size_t seen = t.m_spans.size();
    spans = std::min(spans, m_limits.maxSpans + 1);
    if (seen == 0 || spans <= seen)
        return;
    const double scale = static_cast<double>(spans) / static_cast<double>(seen);
    const auto scaled = [scale](std::size_t count) { return static_cast<std::size_t>(static_cast<double>(count) * scale) + 16; };
    reserveLarge(t.m_spans, spans);
    reserveLarge(t.m_annotations, scaled(t.m_annotations.size()));
    reserveLarge(t.m_tagRefs, scaled(t.m_tagRefs.size()));
    reserveLarge(t.m_rawRanges, scaled(t.m_rawRanges.size()));
    // The tag and string tables are left to grow: the first spans of a file name more distinct values per span
    // than the rest, and finish() keeps their capacity, where it copies the arrays above to their exact size.
}

void TraceBuilder::append(TraceBuilder &&other)
{
    if (other.m_spanOpen)
        other.discardSpan();
    auto &t = *m_trace;
    auto &o = *other.m_trace;
    handBackFreedMemory(); // what both builders grew through while reading

    const std::vector<StrId> ids = t.m_strings.merge(std::move(o.m_strings)); // below, ids map through `ids`
    const auto str = [&ids](StrId &id) { id = ids[id]; };
    std::vector<std::int32_t> endpoints(o.m_endpoints.size());
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
        Endpoint e = o.m_endpoints[i];
        str(e.service);
        str(e.ipv4);
        str(e.ipv6);
        endpoints[i] = addEndpoint(e);
    }
    const auto endpoint = [&endpoints](std::int32_t &e) {
        if (e >= 0)
            e = endpoints[static_cast<std::size_t>(e)];
    };

    const auto spanBase = static_cast<std::uint32_t>(t.m_spans.size());
    const auto annotationBase = static_cast<std::uint32_t>(t.m_annotations.size());
    const auto tagBase = static_cast<std::uint32_t>(t.m_tagRefs.size());
    const auto rawBase = static_cast<std::uint32_t>(t.m_rawRanges.size());
    const auto fieldBase = static_cast<std::uint32_t>(t.m_eventFields.size());
    // Every StrId of a span is listed below: a new field must be added there too.
    static_assert(sizeof(Span) == 184, "Span changed: map its new string ids in TraceBuilder::append");
    // Spans and annotations on another core while this one shares the tags: they touch different tables.
    const auto moveSpans = [&] {
        reserveLarge(t.m_spans, t.m_spans.size() + o.m_spans.size());
        // The pages already copied go back as the copy goes on: never a whole second copy of the spans.
        const auto copied = [](const auto &from, std::size_t &released, std::size_t done) {
            if ((done - released) * sizeof(*from.data()) >= (8u << 20) || done == from.size()) {
                releasePages(from.data() + released, (done - released) * sizeof(*from.data()));
                released = done;
            }
        };
        std::size_t released = 0;
        for (Span s : o.m_spans) {
            for (StrId *id : {&s.traceId, &s.spanId, &s.parentId, &s.name, &s.service, &s.instance, &s.transaction,
                              &s.componentName, &s.busisys, &s.serviceInstId, &s.warnPctText, &s.warnType,
                              &s.exceptionClass, &s.statusText})
                str(*id);
            endpoint(s.localEndpoint);
            endpoint(s.remoteEndpoint);
            s.firstAnnotation += annotationBase;
            s.firstTag += tagBase;
            s.firstRaw += rawBase;
            t.m_spans.push_back(s);
            copied(o.m_spans, released, t.m_spans.size() - spanBase);
        }
        releaseVector(o.m_spans);
        reserveLarge(t.m_annotations, t.m_annotations.size() + o.m_annotations.size());
        released = 0;
        for (Annotation a : o.m_annotations) {
            str(a.value);
            endpoint(a.endpoint);
            t.m_annotations.push_back(a);
            copied(o.m_annotations, released, t.m_annotations.size() - annotationBase);
        }
        releaseVector(o.m_annotations);
        for (AnnotationFields f : o.m_annotationFields) {
            f.annotation += annotationBase;
            f.first += fieldBase;
            t.m_annotationFields.push_back(f);
        }
    };
    std::future<void> spansMoved;
    if (o.m_spans.size() >= 10000)
        spansMoved = std::async(std::launch::async, moveSpans);
    else
        moveSpans();
    const auto mapTag = [&](Tag tag) {
        str(tag.key);
        str(tag.value);
        std::int32_t e = tag.endpoint;
        endpoint(e);
        tag.endpoint = e;
        return tag;
    };
    std::vector<std::uint32_t> tagIndex(o.m_tagTable.size());
    reserveTags(t.m_tagTable.size() + o.m_tagTable.size());
    reserveLarge(t.m_tagTable, t.m_tagTable.size() + o.m_tagTable.size());
    {
        // A batch at a time: the index slots of a batch, then the entries they point at, are fetched together
        // instead of one cache miss after another.
        constexpr std::size_t Batch = 64;
        std::array<Tag, Batch> batch;
        std::array<std::uint64_t, Batch> hashes;
        const std::size_t mask = m_tagSlots.size() - 1; // reserveTags() above: no regrowing below
        for (std::size_t first = 0; first < tagIndex.size(); first += Batch) {
            const std::size_t n = std::min(Batch, tagIndex.size() - first);
            for (std::size_t k = 0; k < n; ++k) {
                batch[k] = mapTag(o.m_tagTable[first + k]);
                hashes[k] = tagHash(batch[k]);
                __builtin_prefetch(&m_tagSlots[hashes[k] & mask]);
            }
            for (std::size_t k = 0; k < n; ++k)
                if (const std::uint32_t entry = m_tagSlots[hashes[k] & mask])
                    __builtin_prefetch(&t.m_tagTable[entry - 1]);
            for (std::size_t k = 0; k < n; ++k)
                tagIndex[first + k] = shareTag(batch[k], hashes[k]);
        }
    }
    // What is copied goes at once, so that the two builders never hold a whole trace each.
    releaseVector(o.m_tagTable);
    releaseVector(other.m_tagSlots);
    reserveLarge(t.m_tagRefs, t.m_tagRefs.size() + o.m_tagRefs.size());
    for (const auto ref : o.m_tagRefs)
        t.m_tagRefs.push_back(tagIndex[ref]);
    releaseVector(o.m_tagRefs);
    releaseVector(tagIndex);
    t.m_eventFields.reserve(t.m_eventFields.size() + o.m_eventFields.size());
    for (const Tag &field : o.m_eventFields)
        t.m_eventFields.push_back(mapTag(field));
    if (spansMoved.valid())
        spansMoved.get();
    t.m_rawRanges.insert(t.m_rawRanges.end(), o.m_rawRanges.begin(), o.m_rawRanges.end());
    // One note per cut value for the first hundred spans, as if one builder had read everything.
    std::size_t truncatedNotes = std::min<std::size_t>(m_truncatedSpans, 100);
    for (auto &p : o.m_problems) {
        if (p.kind == Problem::Kind::Truncated && p.span >= 0 && truncatedNotes++ >= 100)
            continue;
        if (p.span >= 0)
            p.span += static_cast<std::int32_t>(spanBase);
        t.m_problems.push_back(std::move(p));
    }
    m_truncatedSpans += other.m_truncatedSpans;
    m_droppedSpans += other.m_droppedSpans;
    other.m_trace = std::make_shared<Trace>();

    if (t.m_spans.size() > m_limits.maxSpans) {
        const Span &first = t.m_spans[m_limits.maxSpans];
        dropAnnotationsFrom(first.firstAnnotation);
        t.m_tagRefs.resize(first.firstTag);
        t.m_rawRanges.resize(first.firstRaw);
        m_droppedSpans += t.m_spans.size() - m_limits.maxSpans;
        t.m_spans.resize(m_limits.maxSpans);
        const auto limit = static_cast<std::int32_t>(m_limits.maxSpans);
        std::erase_if(t.m_problems, [limit](const Problem &p) { return p.span >= limit; });
    }
}

void TraceBuilder::addProblem(Problem problem)
{
    m_trace->m_problems.push_back(std::move(problem));
}

void TraceBuilder::setSource(const QString &name, const QString &path, std::uint64_t size)
{
    m_trace->m_sourceName = name;
    m_trace->m_sourcePath = path;
    m_trace->m_sourceSize = size;
}

std::shared_ptr<Trace> TraceBuilder::finish()
{
    if (m_spanOpen)
        discardSpan();
    if (m_truncatedSpans > 100)
        addProblem({Problem::Severity::Info, Problem::Kind::Truncated,
                    std::to_string(m_truncatedSpans - 100) + " more spans have values cut to the first "
                        + std::to_string(m_limits.maxTagValueBytes) + " bytes",
                    {}, -1});
    if (m_droppedSpans > 0)
        addProblem({Problem::Severity::Warning, Problem::Kind::Truncated,
                    "the file has " + std::to_string(m_trace->m_spans.size() + m_droppedSpans)
                        + " spans, more than the limit of " + std::to_string(m_limits.maxSpans) + ": the first "
                        + std::to_string(m_trace->m_spans.size()) + " were loaded and "
                        + std::to_string(m_droppedSpans)
                        + " left out (to load them all, start TraceDesk with --max-spans N or set TRACEDESK_MAX_SPANS)",
                    {}, -1});
    SharedSpans::merge(*m_trace);
    linkTree();
    breakCycles();
    placeUntimed();
    orderChildren();
    if (ClockSkew::correct(*m_trace))
        orderChildren();
    computeSelfTimes();
    markCriticalPath();
    summarise();
    // Growth by doubling leaves up to half of each table unused; a published trace never grows again, so the
    // tables with much room to spare are copied to their size and the others give their unused pages back.
    auto &t = *m_trace;
    trimLarge(t.m_spans);
    compactTags();
    trimLarge(t.m_tagTable);
    trimLarge(t.m_tagRefs);
    trimLarge(t.m_annotations);
    trimLarge(t.m_eventFields);
    trimLarge(t.m_annotationFields);
    trimLarge(t.m_rawRanges);
    trimLarge(t.m_endpoints);
    handBackFreedMemory();
    auto result = std::move(m_trace);
    m_trace = std::make_shared<Trace>();
    return result;
}

namespace {

// Rebuilds the children ranges from the parent links (counting sort by parent, source order kept).
void buildChildren(std::vector<Span> &spans, std::vector<std::int32_t> &childIndex, std::vector<std::int32_t> &roots)
{
    const auto n = spans.size();
    std::vector<std::uint32_t> counts(n + 1, 0);
    roots.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (spans[i].parent == NoIndex)
            roots.push_back(static_cast<std::int32_t>(i));
        else
            ++counts[static_cast<std::size_t>(spans[i].parent)];
    }
    std::uint32_t offset = 0;
    for (std::size_t i = 0; i < n; ++i) {
        spans[i].firstChild = offset;
        spans[i].childCount = 0;
        offset += counts[i];
    }
    childIndex.assign(offset, NoIndex);
    for (std::size_t i = 0; i < n; ++i) {
        const auto p = spans[i].parent;
        if (p == NoIndex)
            continue;
        auto &ps = spans[static_cast<std::size_t>(p)];
        childIndex[ps.firstChild + ps.childCount++] = static_cast<std::int32_t>(i);
    }
}

} // namespace

void TraceBuilder::linkTree()
{
    auto &t = *m_trace;
    auto &spans = t.m_spans;
    const auto realCount = spans.size();
    t.m_idIndex.clear();
    t.m_idIndex.reserve(realCount);
    for (std::size_t i = 0; i < realCount; ++i)
        t.m_idIndex.emplace_back(spans[i].spanId, static_cast<std::int32_t>(i));
    // Stable: with duplicate ids the first span read is the one children attach to.
    std::stable_sort(t.m_idIndex.begin(), t.m_idIndex.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const auto lookup = [&t](StrId id) -> std::int32_t {
        const auto it = std::lower_bound(t.m_idIndex.begin(), t.m_idIndex.end(), id,
                                         [](const auto &e, StrId v) { return e.first < v; });
        return it != t.m_idIndex.end() && it->first == id ? it->second : NoIndex;
    };
    // When several servers answered one id, a child hangs under the one on its own host (Zipkin indexes
    // shared server spans by endpoint), else under the first row with that id.
    const auto lookupFrom = [&t, &spans, &lookup](StrId id, std::int32_t endpoint) -> std::int32_t {
        const auto first = lookup(id);
        if (first == NoIndex || endpoint == NoIndex)
            return first;
        auto it = std::lower_bound(t.m_idIndex.begin(), t.m_idIndex.end(), id,
                                   [](const auto &e, StrId v) { return e.first < v; });
        if (std::next(it) == t.m_idIndex.end() || std::next(it)->first != id)
            return first;
        for (; it != t.m_idIndex.end() && it->first == id; ++it) {
            const Span &candidate = spans[static_cast<std::size_t>(it->second)];
            if (candidate.localEndpoint == endpoint && candidate.hasFlag(SpanFlag::Shared))
                return it->second;
        }
        return first;
    };

    std::unordered_map<StrId, std::int32_t> placeholders;
    std::unordered_map<StrId, std::size_t> orphanCounts;
    for (std::size_t i = 0; i < realCount; ++i) {
        Span &s = spans[i];
        s.parent = NoIndex;
        if (s.parentId && s.parentId == s.spanId) {
            addProblem({Problem::Severity::Info, Problem::Kind::Other,
                        "span " + std::string(t.str(s.spanId)) + " names itself as its parent; it is shown as a root",
                        "span " + std::string(t.str(s.spanId)), static_cast<std::int32_t>(i)});
            continue;
        }
        if (s.hasFlag(SpanFlag::ExtraServer)) {
            // Another server of a client span merged with its first server: under that row, as in Zipkin.
            if (const auto p = lookup(s.spanId); p != NoIndex && static_cast<std::size_t>(p) != i) {
                s.parent = p;
                continue;
            }
        }
        if (!s.parentId)
            continue;
        const auto p = lookupFrom(s.parentId, s.localEndpoint);
        if (p != NoIndex && static_cast<std::size_t>(p) != i) {
            s.parent = p;
            continue;
        }
        auto [it, inserted] = placeholders.emplace(s.parentId, NoIndex);
        if (inserted) {
            Span ph;
            ph.traceId = s.traceId;
            ph.spanId = s.parentId;
            ph.name = intern("missing span");
            ph.flags = SpanFlag::Placeholder;
            ph.startUs = ph.rawStartUs = INT64_MAX;
            ph.durationUs = 0;
            ph.firstAnnotation = static_cast<std::uint32_t>(t.m_annotations.size());
            ph.firstTag = static_cast<std::uint32_t>(t.m_tagRefs.size());
            ph.firstRaw = static_cast<std::uint32_t>(t.m_rawRanges.size());
            spans.push_back(ph);
            it->second = static_cast<std::int32_t>(spans.size() - 1);
        }
        Span &orphan = spans[i]; // push_back may have moved the vector
        orphan.parent = it->second;
        orphan.flags |= SpanFlag::Orphan;
        ++orphanCounts[orphan.parentId];
    }
    t.m_placeholderCount = spans.size() - realCount;
    // Placeholders cover their children so the timeline has somewhere to draw them.
    for (std::size_t i = 0; i < realCount; ++i) {
        const Span &s = spans[i];
        if (!s.hasFlag(SpanFlag::Orphan) || s.hasFlag(SpanFlag::NoTimestamp))
            continue;
        Span &ph = spans[static_cast<std::size_t>(s.parent)];
        const auto end = std::max(ph.startUs == INT64_MAX ? s.endUs() : ph.endUs(), s.endUs());
        ph.startUs = ph.rawStartUs = std::min(ph.startUs, s.startUs);
        ph.durationUs = end - ph.startUs;
    }
    for (const auto &[parentId, index] : placeholders) {
        const auto count = orphanCounts[parentId];
        addProblem({Problem::Severity::Warning, Problem::Kind::MissingParent,
                    "parent span " + std::string(t.str(parentId)) + " is not in the trace; " + std::to_string(count)
                        + (count == 1 ? " span is" : " spans are") + " shown under a placeholder for it",
                    "span " + std::string(t.str(parentId)), index});
    }
    buildChildren(spans, t.m_childIndex, t.m_roots);
}

void TraceBuilder::breakCycles()
{
    auto &t = *m_trace;
    auto &spans = t.m_spans;
    const auto n = spans.size();
    std::vector<std::uint8_t> reached(n, 0);
    std::vector<std::int32_t> stack;
    const auto markFrom = [&](std::int32_t start) {
        stack.push_back(start);
        while (!stack.empty()) {
            const auto i = static_cast<std::size_t>(stack.back());
            stack.pop_back();
            if (reached[i])
                continue;
            reached[i] = 1;
            const auto &s = spans[i];
            for (std::uint32_t k = 0; k < s.childCount; ++k)
                stack.push_back(t.m_childIndex[s.firstChild + k]);
        }
    };
    for (auto r : t.m_roots)
        markFrom(r);
    bool broken = false;
    std::vector<std::uint32_t> walkStamp(n, 0);
    std::uint32_t walk = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (reached[i])
            continue;
        // Walk up until a span repeats: that span is on the cycle. Cut the cycle at its earliest member.
        ++walk;
        auto cur = static_cast<std::int32_t>(i);
        while (walkStamp[static_cast<std::size_t>(cur)] != walk) {
            walkStamp[static_cast<std::size_t>(cur)] = walk;
            cur = spans[static_cast<std::size_t>(cur)].parent;
        }
        std::int32_t cut = cur;
        std::string members;
        auto m = cur;
        do {
            if (spans[static_cast<std::size_t>(m)].startUs < spans[static_cast<std::size_t>(cut)].startUs)
                cut = m;
            if (!members.empty())
                members += " -> ";
            members += std::string(t.str(spans[static_cast<std::size_t>(m)].spanId));
            m = spans[static_cast<std::size_t>(m)].parent;
        } while (m != cur);
        Span &c = spans[static_cast<std::size_t>(cut)];
        c.parent = NoIndex;
        c.flags |= SpanFlag::CycleBroken;
        addProblem({Problem::Severity::Warning, Problem::Kind::Cycle,
                    "parent links form a cycle (" + members + "); span " + std::string(t.str(c.spanId))
                        + " is shown as a root to break it",
                    "span " + std::string(t.str(c.spanId)), cut});
        broken = true;
        // The old child lists still lead down from the cut, and reached[] stops at the cycle.
        markFrom(cut);
    }
    if (broken)
        buildChildren(spans, t.m_childIndex, t.m_roots);
}

void TraceBuilder::placeUntimed()
{
    // Spans with no time at all sit at their parent's start (roots at the trace's start) so they are drawn.
    auto &t = *m_trace;
    auto &spans = t.m_spans;
    std::int64_t earliest = INT64_MAX;
    bool any = false;
    for (const auto &s : spans) {
        if (s.hasFlag(SpanFlag::NoTimestamp))
            any = true;
        else if (!s.isPlaceholder())
            earliest = std::min(earliest, s.startUs);
    }
    if (!any)
        return;
    if (earliest == INT64_MAX)
        earliest = 0;
    std::vector<std::int32_t> stack(t.m_roots.begin(), t.m_roots.end());
    while (!stack.empty()) {
        const auto index = stack.back();
        stack.pop_back();
        Span &s = spans[static_cast<std::size_t>(index)];
        if (s.hasFlag(SpanFlag::NoTimestamp)) {
            const auto parentStart = s.parent == NoIndex ? earliest : spans[static_cast<std::size_t>(s.parent)].startUs;
            s.startUs = s.rawStartUs = parentStart == INT64_MAX ? earliest : parentStart;
        }
        for (std::uint32_t k = 0; k < s.childCount; ++k)
            stack.push_back(t.m_childIndex[s.firstChild + k]);
    }
}

void TraceBuilder::orderChildren()
{
    auto &t = *m_trace;
    const auto &spans = t.m_spans;
    const auto byStart = [&spans](std::int32_t a, std::int32_t b) {
        const auto &sa = spans[static_cast<std::size_t>(a)];
        const auto &sb = spans[static_cast<std::size_t>(b)];
        return sa.startUs != sb.startUs ? sa.startUs < sb.startUs : a < b;
    };
    for (const auto &s : spans)
        if (s.childCount > 1)
            std::sort(t.m_childIndex.begin() + s.firstChild, t.m_childIndex.begin() + s.firstChild + s.childCount, byStart);
    std::sort(t.m_roots.begin(), t.m_roots.end(), byStart);
}

void TraceBuilder::computeSelfTimes()
{
    auto &t = *m_trace;
    auto &spans = t.m_spans;
    std::vector<std::pair<std::int64_t, std::int64_t>> intervals;
    for (auto &s : spans) {
        intervals.clear();
        const auto begin = s.startUs, end = s.endUs();
        for (std::uint32_t k = 0; k < s.childCount; ++k) {
            const auto &c = spans[static_cast<std::size_t>(t.m_childIndex[s.firstChild + k])];
            const auto lo = std::max(begin, c.startUs), hi = std::min(end, c.endUs());
            if (lo < hi)
                intervals.emplace_back(lo, hi);
        }
        std::sort(intervals.begin(), intervals.end());
        std::int64_t covered = 0, curLo = 0, curHi = INT64_MIN;
        for (const auto &[lo, hi] : intervals) {
            if (lo > curHi) {
                if (curHi != INT64_MIN)
                    covered += curHi - curLo;
                curLo = lo;
                curHi = hi;
            } else {
                curHi = std::max(curHi, hi);
            }
        }
        if (curHi != INT64_MIN)
            covered += curHi - curLo;
        s.selfTimeUs = std::max<std::int64_t>(0, s.durationUs - covered);
        for (std::uint32_t k = 0; k < s.childCount; ++k) {
            auto &c = spans[static_cast<std::size_t>(t.m_childIndex[s.firstChild + k])];
            if (!s.isPlaceholder() && (c.startUs < begin || c.endUs() > end)) {
                c.flags |= SpanFlag::OutsideParent;
            }
        }
    }
}

void TraceBuilder::markCriticalPath()
{
    // Jaeger's way: from the end of a span walk back through the child that finished last before the
    // cursor, move the cursor to that child's start, repeat; each chosen child is walked the same way.
    auto &t = *m_trace;
    auto &spans = t.m_spans;
    struct Item
    {
        std::int32_t span;
        std::int64_t capEnd;
    };
    std::vector<Item> stack;
    std::vector<std::int32_t> byEnd;
    for (auto r : t.m_roots)
        stack.push_back({r, spans[static_cast<std::size_t>(r)].endUs()});
    while (!stack.empty()) {
        const auto [index, capEnd] = stack.back();
        stack.pop_back();
        Span &s = spans[static_cast<std::size_t>(index)];
        if (!s.isPlaceholder())
            s.flags |= SpanFlag::CriticalPath;
        byEnd.assign(t.m_childIndex.begin() + s.firstChild, t.m_childIndex.begin() + s.firstChild + s.childCount);
        std::sort(byEnd.begin(), byEnd.end(), [&spans](std::int32_t a, std::int32_t b) {
            return spans[static_cast<std::size_t>(a)].endUs() > spans[static_cast<std::size_t>(b)].endUs();
        });
        auto cursor = std::min(capEnd, s.endUs());
        for (auto c : byEnd) {
            const auto &child = spans[static_cast<std::size_t>(c)];
            if (child.startUs >= cursor && !(child.durationUs == 0 && child.startUs == cursor && cursor == s.startUs))
                continue;
            stack.push_back({c, std::min(child.endUs(), cursor)});
            cursor = child.startUs;
        }
    }
}

void TraceBuilder::summarise()
{
    auto &t = *m_trace;
    auto &spans = t.m_spans;
    std::vector<std::int32_t> stack(t.m_roots.rbegin(), t.m_roots.rend());
    t.m_preorder.clear();
    t.m_preorder.reserve(spans.size());
    for (std::uint32_t r = 0; r < t.m_roots.size(); ++r) {
        auto &root = spans[static_cast<std::size_t>(t.m_roots[r])];
        root.depth = 0;
        root.rowInParent = r;
    }
    while (!stack.empty()) {
        const auto index = stack.back();
        stack.pop_back();
        t.m_preorder.push_back(index);
        Span &s = spans[static_cast<std::size_t>(index)];
        for (std::uint32_t k = 0; k < s.childCount; ++k) {
            auto &c = spans[static_cast<std::size_t>(t.m_childIndex[s.firstChild + k])];
            c.depth = s.depth + 1;
            c.rowInParent = k;
        }
        for (auto k = s.childCount; k > 0; --k)
            stack.push_back(t.m_childIndex[s.firstChild + k - 1]);
    }

    std::int64_t lo = INT64_MAX, hi = INT64_MIN;
    std::unordered_map<StrId, std::size_t> traceIds;
    std::vector<std::uint8_t> seenService(t.m_strings.size(), 0);
    t.m_services.clear();
    t.m_errorCount = t.m_warningCount = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span &s = spans[i];
        if (s.isPlaceholder())
            continue;
        if (s.hasFlag(SpanFlag::NoTimestamp))
            addProblem({Problem::Severity::Warning, Problem::Kind::NoTimestamp,
                        "span " + std::string(t.str(s.spanId)) + " has no start time; it is drawn at its parent's start",
                        "span " + std::string(t.str(s.spanId)), static_cast<std::int32_t>(i)});
        else {
            lo = std::min(lo, s.startUs);
            hi = std::max(hi, s.endUs());
        }
        if (s.isError())
            ++t.m_errorCount;
        if (s.isWarning())
            ++t.m_warningCount;
        if (s.service && s.service < seenService.size() && !seenService[s.service]) {
            seenService[s.service] = 1;
            t.m_services.push_back(s.service);
        }
        ++traceIds[s.traceId];
        if (s.hasFlag(SpanFlag::OutsideParent) && s.parent != NoIndex)
            addProblem({Problem::Severity::Info, Problem::Kind::OutsideParent,
                        "span " + std::string(t.str(s.spanId)) + " (" + std::string(t.str(s.name)) + ") "
                            + (s.startUs < spans[static_cast<std::size_t>(s.parent)].startUs ? "starts before" : "ends after")
                            + " its parent",
                        "span " + std::string(t.str(s.spanId)), static_cast<std::int32_t>(i)});
    }
    if (lo == INT64_MAX)
        lo = hi = 0;
    t.m_startUs = lo;
    t.m_endUs = hi;
    std::sort(t.m_services.begin(), t.m_services.end(),
              [&t](StrId a, StrId b) { return t.str(a) < t.str(b); });

    // The trace id is the one most spans carry; others are reported.
    StrId best = 0;
    std::size_t bestCount = 0;
    for (const auto &[id, count] : traceIds)
        if (count > bestCount || (count == bestCount && t.str(id) < t.str(best))) {
            best = id;
            bestCount = count;
        }
    t.m_traceId = std::string(t.str(best));
    if (traceIds.size() > 1)
        addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                    "the file holds spans of " + std::to_string(traceIds.size()) + " traces; they are shown together", {}, -1});
    if (!m_expectedTraceId.empty() && !t.m_spans.empty() && !traceIds.count(intern(m_expectedTraceId))) {
        addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                    "asked for trace " + m_expectedTraceId + " but the answer holds spans of trace " + t.m_traceId, {}, -1});
    } else if (!m_expectedTraceId.empty() && traceIds.size() > 1) {
        addProblem({Problem::Severity::Warning, Problem::Kind::Other,
                    "the answer holds spans of other traces besides " + m_expectedTraceId, {}, -1});
    }
}

} // namespace td
