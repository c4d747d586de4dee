#include "sharedspans.h"

#include "memorytuning.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

namespace td {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view canonical(std::string_view value, std::initializer_list<std::string_view> names)
{
    if (value.size() != 2)
        return {};
    for (const auto name : names)
        if (equalsIgnoreCase(value, name))
            return name;
    return {};
}

bool hasAnnotation(const Trace &t, const Span &s, std::string_view value)
{
    for (auto a = t.annotationsBegin(s); a != t.annotationsEnd(s); ++a)
        if (t.str(a->value) == value)
            return true;
    return false;
}

// Zipkin's tryMerge: endpoints that name different services, addresses or ports are different hosts.
bool compatibleEndpoints(const Trace &t, std::int32_t a, std::int32_t b)
{
    if (a == NoIndex || b == NoIndex || a == b)
        return true;
    const Endpoint &ea = t.endpoints()[static_cast<std::size_t>(a)];
    const Endpoint &eb = t.endpoints()[static_cast<std::size_t>(b)];
    const auto differ = [](auto x, auto y) { return x && y && x != y; };
    return !differ(ea.service, eb.service) && !differ(ea.ipv4, eb.ipv4) && !differ(ea.ipv6, eb.ipv6)
        && !differ(ea.port, eb.port);
}

bool isServerSide(const Trace &t, const Span &s)
{
    return s.kind == SpanKind::Server || (s.hasFlag(SpanFlag::Shared) && !isClientHalf(t, s));
}

// Several servers can answer one client span id (a message fanned out, a retried call): Zipkin keeps one
// node per server host under the client. The first server host stays in the group (merged with the client);
// the halves of each other host become a group of their own, flagged ExtraServer, which linkTree() hangs
// under the merged row.
void splitServersOnOtherHosts(const Trace &t, std::vector<Span> &spans, std::vector<std::int32_t> &mergeInto,
                              std::vector<std::vector<std::uint32_t>> &extra)
{
    for (std::size_t head = 0; head < extra.size(); ++head) {
        if (extra[head].empty())
            continue;
        std::vector<std::uint32_t> members{static_cast<std::uint32_t>(head)};
        members.insert(members.end(), extra[head].begin(), extra[head].end());
        std::int32_t firstServer = NoIndex;
        bool hasClient = false;
        for (auto m : members) {
            if (isServerSide(t, spans[m])) {
                if (firstServer == NoIndex)
                    firstServer = static_cast<std::int32_t>(m);
            } else if (isClientHalf(t, spans[m])) {
                hasClient = true;
            }
        }
        if (firstServer == NoIndex || !hasClient)
            continue;
        const auto hostOf = [&](std::uint32_t m) { return spans[m].localEndpoint; };
        std::vector<std::uint32_t> keep;
        std::vector<std::uint32_t> otherHeads; // first half seen of each other host
        for (auto m : extra[head]) {
            if (!isServerSide(t, spans[m]) || compatibleEndpoints(t, hostOf(m), hostOf(static_cast<std::uint32_t>(firstServer)))) {
                keep.push_back(m);
                continue;
            }
            const auto same = std::find_if(otherHeads.begin(), otherHeads.end(),
                                           [&](std::uint32_t h) { return compatibleEndpoints(t, hostOf(m), hostOf(h)); });
            if (same == otherHeads.end()) {
                otherHeads.push_back(m);
                mergeInto[m] = NoIndex;
                spans[m].flags |= SpanFlag::ExtraServer | SpanFlag::Shared;
            } else {
                mergeInto[m] = static_cast<std::int32_t>(*same);
                extra[*same].push_back(m);
            }
        }
        extra[head] = std::move(keep);
    }
}

} // namespace

std::string_view coreAnnotation(std::string_view value)
{
    return canonical(value, {"cs", "sr", "ss", "cr", "ms", "mr", "ws", "wr"});
}

std::string_view addressKey(std::string_view key)
{
    return canonical(key, {"sa", "ca", "ma"});
}

bool isClientHalf(const Trace &t, const Span &s)
{
    return s.kind == SpanKind::Client || hasAnnotation(t, s, "cs") || hasAnnotation(t, s, "cr");
}

bool isServerHalf(const Trace &t, const Span &s)
{
    return s.kind == SpanKind::Server || s.hasFlag(SpanFlag::Shared) || hasAnnotation(t, s, "sr")
        || hasAnnotation(t, s, "ss");
}

void SharedSpans::merge(Trace &t)
{
    auto &spans = t.m_spans;
    const auto n = spans.size();
    // Spans without a start time take it from their annotations, as Zipkin does: cs to cr when the client
    // side is there (its times are authoritative, whatever the server's clock says), else sr to ss, else the
    // first to the last annotation.
    for (auto &s : spans) {
        if (!s.hasFlag(SpanFlag::NoTimestamp) || s.annotationCount == 0)
            continue;
        std::int64_t lo = INT64_MAX, hi = INT64_MIN;
        for (std::uint32_t i = s.firstAnnotation; i < s.firstAnnotation + s.annotationCount; ++i) {
            const auto ts = t.m_annotations[i].timestampUs;
            if (ts <= 0)
                continue;
            lo = std::min(lo, ts);
            hi = std::max(hi, ts);
        }
        const RpcTimes rpc = t.rpcTimes(s);
        if (rpc.cs > 0)
            lo = rpc.cs, hi = rpc.cr > rpc.cs ? rpc.cr : rpc.cs;
        else if (rpc.sr > 0)
            lo = rpc.sr, hi = rpc.ss > rpc.sr ? rpc.ss : rpc.sr;
        if (lo <= hi) {
            s.startUs = s.rawStartUs = lo;
            if (s.durationUs == 0)
                s.durationUs = hi - lo;
            s.flags &= ~SpanFlag::NoTimestamp;
        }
    }

    // Group by (trace id, span id); most traces have no repeated ids, so look before rebuilding.
    std::unordered_map<std::uint64_t, std::uint32_t> firstById;
    firstById.reserve(n);
    std::vector<std::int32_t> mergeInto(n, NoIndex);
    bool anyMerge = false;
    for (std::uint32_t i = 0; i < n; ++i) {
        auto &s = spans[i];
        if (!s.spanId)
            continue;
        const std::uint64_t key = (static_cast<std::uint64_t>(s.traceId) << 32) | s.spanId;
        const auto [it, inserted] = firstById.emplace(key, i);
        if (inserted)
            continue;
        auto &first = spans[it->second];
        const bool halves = (isClientHalf(t, first) && isServerHalf(t, s))
            || (isServerHalf(t, first) && isClientHalf(t, s));
        // A piece with no kind and no time of its own (a name, tags or an endpoint sent apart) belongs to
        // whichever span reported the id.
        const auto piece = [](const Span &x) {
            return x.kind == SpanKind::Unspecified || (x.kind == SpanKind::Local && x.hasFlag(SpanFlag::NoTimestamp) && x.durationUs == 0);
        };
        const bool samePiece = first.kind == s.kind || piece(first) || piece(s);
        const bool conflicting = first.name && s.name && first.name != s.name && !first.hasFlag(SpanFlag::NoTimestamp)
            && !s.hasFlag(SpanFlag::NoTimestamp) && first.durationUs > 0 && s.durationUs > 0 && !halves;
        if ((halves || samePiece) && !conflicting) {
            mergeInto[i] = static_cast<std::int32_t>(it->second);
            anyMerge = true;
        } else {
            t.m_problems.push_back({Problem::Severity::Warning, Problem::Kind::DuplicateId,
                        "two different spans share the id " + std::string(t.str(s.spanId)) + "; both are shown",
                        "span " + std::string(t.str(s.spanId)), static_cast<std::int32_t>(i)});
        }
    }
    if (!anyMerge)
        return;

    // Members of each group, in source order.
    std::vector<std::vector<std::uint32_t>> extra(n);
    for (std::uint32_t i = 0; i < n; ++i)
        if (mergeInto[i] != NoIndex)
            extra[static_cast<std::size_t>(mergeInto[i])].push_back(i);
    splitServersOnOtherHosts(t, t.m_spans, mergeInto, extra);

    std::vector<Span> newSpans;
    reserveLarge(newSpans, n);
    std::vector<Annotation> newAnns;
    reserveLarge(newAnns, t.m_annotations.size() + 8);
    // Event fields stay where they are; only the annotations they belong to move.
    std::vector<AnnotationFields> newFields;
    const auto fieldsOf = [&t](std::uint32_t annotation) {
        const auto it = std::lower_bound(t.m_annotationFields.begin(), t.m_annotationFields.end(), annotation,
                                         [](const AnnotationFields &f, std::uint32_t i) { return f.annotation < i; });
        return it != t.m_annotationFields.end() && it->annotation == annotation ? it : t.m_annotationFields.end();
    };
    std::vector<std::uint32_t> newTags;
    reserveLarge(newTags, t.m_tagRefs.size());
    std::vector<RawRange> newRaw;
    reserveLarge(newRaw, t.m_rawRanges.size());

    std::vector<std::int32_t> newIndexOf(n, NoIndex);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (mergeInto[i] != NoIndex)
            continue;
        newIndexOf[i] = static_cast<std::int32_t>(newSpans.size());
        for (auto m : extra[i])
            newIndexOf[m] = newIndexOf[i];
        std::vector<std::uint32_t> members{i};
        members.insert(members.end(), extra[i].begin(), extra[i].end());
        Span merged = spans[i];
        merged.firstAnnotation = static_cast<std::uint32_t>(newAnns.size());
        merged.firstTag = static_cast<std::uint32_t>(newTags.size());
        merged.firstRaw = static_cast<std::uint32_t>(newRaw.size());
        merged.annotationCount = merged.tagCount = merged.rawCount = 0;
        const auto copyParts = [&](const Span &s) {
            for (std::uint32_t k = s.firstAnnotation; k < s.firstAnnotation + s.annotationCount; ++k) {
                if (const auto fields = fieldsOf(k); fields != t.m_annotationFields.end())
                    newFields.push_back({static_cast<std::uint32_t>(newAnns.size()), fields->first, fields->count});
                newAnns.push_back(t.m_annotations[k]);
            }
            for (std::uint32_t k = s.firstTag; k < s.firstTag + s.tagCount; ++k)
                newTags.push_back(t.m_tagRefs[k]);
            for (std::uint32_t k = s.firstRaw; k < s.firstRaw + s.rawCount; ++k)
                newRaw.push_back(t.m_rawRanges[k]);
            merged.annotationCount += s.annotationCount;
            merged.tagCount += s.tagCount;
            merged.rawCount += s.rawCount;
        };
        if (members.size() == 1) {
            copyParts(spans[i]);
            newSpans.push_back(merged);
            continue;
        }
        // Find the client and server halves; the client's timing is authoritative, as in Zipkin.
        const Span *client = nullptr;
        const Span *server = nullptr;
        for (auto m : members) {
            const Span &s = spans[m];
            if (!client && (s.kind == SpanKind::Client || (s.kind == SpanKind::Unspecified && isClientHalf(t, s) && !isServerHalf(t, s))))
                client = &s;
            else if (!server && (s.kind == SpanKind::Server || s.hasFlag(SpanFlag::Shared) || isServerHalf(t, s)))
                server = &s;
        }
        for (auto m : members)
            copyParts(spans[m]);
        // v2 halves carry no cs/sr/ss/cr; synthesise them so the network time can be shown.
        const auto synthesise = [&](const Span *half, const char *begin, const char *end) {
            if (!half || half->hasFlag(SpanFlag::NoTimestamp))
                return;
            if (hasAnnotation(t, *half, begin))
                return;
            Annotation a;
            a.endpoint = half->localEndpoint;
            a.timestampUs = half->startUs;
            a.value = t.m_strings.intern(begin);
            newAnns.push_back(a);
            a.timestampUs = half->startUs + half->durationUs;
            a.value = t.m_strings.intern(end);
            newAnns.push_back(a);
            merged.annotationCount += 2;
        };
        if (client && server) {
            synthesise(client, "cs", "cr");
            synthesise(server, "sr", "ss");
            merged.flags |= SpanFlag::Shared;
        }
        for (auto m : members) {
            const Span &s = spans[m];
            if (&s == &spans[i])
                continue;
            merged.flags |= (s.flags & (SpanFlag::Error | SpanFlag::Warning));
            if (!merged.parentId && s.parentId)
                merged.parentId = s.parentId;
            if (!merged.name)
                merged.name = s.name;
            if (merged.component == Component::None) {
                merged.component = s.component;
                merged.componentName = s.componentName;
            }
            if (merged.succeed < 0 || s.succeed == 0)
                merged.succeed = s.succeed < 0 ? merged.succeed : s.succeed;
            if (!merged.busisys)
                merged.busisys = s.busisys;
            if (!merged.serviceInstId)
                merged.serviceInstId = s.serviceInstId;
            if (!merged.hasDurationMoveAvg())
                merged.durationMoveAvgUs = s.durationMoveAvgUs;
            if (std::isnan(merged.warnPct)) {
                merged.warnPct = s.warnPct;
                merged.warnPctText = s.warnPctText;
            }
            if (!merged.warnType)
                merged.warnType = s.warnType;
            if (!merged.exceptionClass)
                merged.exceptionClass = s.exceptionClass;
            if (!merged.statusText)
                merged.statusText = s.statusText;
            if (merged.hasFlag(SpanFlag::NoTimestamp) && !s.hasFlag(SpanFlag::NoTimestamp)) {
                merged.startUs = merged.rawStartUs = s.startUs;
                merged.durationUs = s.durationUs;
                merged.flags &= ~SpanFlag::NoTimestamp;
            }
        }
        if (client && server) {
            const Span &timing = client->hasFlag(SpanFlag::NoTimestamp) ? *server : *client;
            merged.startUs = merged.rawStartUs = timing.startUs;
            merged.durationUs = timing.durationUs;
            merged.kind = SpanKind::Client;
            // Shown under the server's service, like Zipkin's UI; the caller becomes the remote endpoint.
            merged.service = server->service ? server->service : client->service;
            merged.localEndpoint = server->localEndpoint != NoIndex ? server->localEndpoint : client->localEndpoint;
            merged.remoteEndpoint = client->localEndpoint != NoIndex ? client->localEndpoint : server->remoteEndpoint;
            if (server->name)
                merged.name = server->name;
            if (server->instance) {
                merged.instance = server->instance;
                merged.transaction = server->transaction;
            }
            if (!client->parentId && server->parentId)
                merged.parentId = server->parentId;
            else if (client->parentId)
                merged.parentId = client->parentId;
        } else {
            // Pieces of one span reported in several messages: as Zipkin's merge, the first piece's time
            // (source order) and the first duration any piece gives.
            for (auto m : members) {
                const Span &s = spans[m];
                if (merged.durationUs == 0 && !s.hasFlag(SpanFlag::NoTimestamp) && s.durationUs > 0)
                    merged.durationUs = s.durationUs;
            }
            for (auto m : members)
                if (!merged.service)
                    merged.service = spans[m].service;
        }
        newSpans.push_back(merged);
    }
    for (auto &p : t.m_problems)
        if (p.span >= 0 && static_cast<std::size_t>(p.span) < n)
            p.span = newIndexOf[static_cast<std::size_t>(p.span)];
    t.m_spans = std::move(newSpans);
    t.m_annotations = std::move(newAnns);
    t.m_annotationFields = std::move(newFields);
    t.m_tagRefs = std::move(newTags);
    t.m_rawRanges = std::move(newRaw);
}

} // namespace td
