#include "clockskew.h"

#include <optional>
#include <string>

namespace td {

namespace {

// One of Zipkin's span nodes: a row, or the client or server half of a row that holds both.
struct Node
{
    SpanKind kind = SpanKind::Unspecified;
    std::int64_t timestampUs = 0; // 0: none
    std::int64_t durationUs = 0;
    std::int32_t endpoint = NoIndex;
};

struct Skew
{
    std::int32_t endpoint = NoIndex;
    std::int64_t us = 0; // subtracted from the times of nodes on that endpoint's IP, as in Zipkin
};

// After adjustment: the node as its children see it, and the skew it hands down.
struct Adjusted
{
    Node node;
    std::optional<Skew> handedDown;
    std::optional<Skew> own;
    bool moved = true; // when own is set: whether it moved this node
};

// Zipkin's ipsMatch: the same IPv6 address, or the same IPv4 address; no IP never matches.
bool ipsMatch(const Trace &t, std::int32_t a, std::int32_t b)
{
    if (a == NoIndex || b == NoIndex)
        return false;
    const Endpoint &ea = t.endpoints()[static_cast<std::size_t>(a)];
    const Endpoint &eb = t.endpoints()[static_cast<std::size_t>(b)];
    if (ea.ipv6 && eb.ipv6 && ea.ipv6 == eb.ipv6)
        return true;
    if (!ea.ipv4 && !eb.ipv4)
        return false;
    return ea.ipv4 == eb.ipv4;
}

// Zipkin's getClockSkew, for a node and its parent (both already adjusted for skew handed down).
std::optional<Skew> clockSkew(const Trace &t, const Node &parent, const Node &child)
{
    if (parent.kind != SpanKind::Client || child.kind != SpanKind::Server)
        return std::nullopt;
    const auto client = parent.timestampUs, server = child.timestampUs;
    if (!client || !server || server > client) // skew is when the server happens before the client
        return std::nullopt;
    if (parent.endpoint == NoIndex || child.endpoint == NoIndex || ipsMatch(t, child.endpoint, parent.endpoint))
        return std::nullopt;
    if (!parent.durationUs || !child.durationUs) // one-way: push them apart by the minimum duration
        return Skew{child.endpoint, server - client - 1};
    if (parent.durationUs < child.durationUs) // the client finished first (async): 1 µs after it
        return Skew{child.endpoint, server - client - 1};
    // Latency is half the difference of the durations (Zipkin keeps the half microsecond; we cannot).
    const auto latency = (parent.durationUs - child.durationUs) / 2;
    const auto skew = server - latency - client;
    return skew != 0 ? std::optional<Skew>(Skew{child.endpoint, skew}) : std::nullopt;
}

// Zipkin's adjust() for one node.
Adjusted adjust(const Trace &t, Node node, const Node *parent, const std::optional<Skew> &fromParent)
{
    Adjusted out;
    if (fromParent && node.timestampUs && ipsMatch(t, fromParent->endpoint, node.endpoint))
        node.timestampUs -= fromParent->us;
    if (parent)
        out.own = clockSkew(t, *parent, node);
    if (out.own) {
        if (node.timestampUs && ipsMatch(t, out.own->endpoint, node.endpoint))
            node.timestampUs -= out.own->us;
        else
            out.moved = false; // Zipkin still hands it down, but nothing on this node moved
        out.handedDown = out.own;
    } else {
        out.handedDown = fromParent;
    }
    out.node = node;
    return out;
}

std::int32_t annotationEndpoint(const Trace &t, const Span &s, std::string_view a, std::string_view b)
{
    for (auto it = t.annotationsBegin(s); it != t.annotationsEnd(s); ++it)
        if (const auto v = t.str(it->value); (v == a || v == b) && it->endpoint != NoIndex)
            return it->endpoint;
    return NoIndex;
}

// A row as Zipkin's nodes: the first (client or only) node and, for a row with both halves, the server.
struct RowNodes
{
    Node first;
    std::optional<Node> server;
};

RowNodes nodesOf(const Trace &t, const Span &s)
{
    RowNodes r;
    const RpcTimes rpc = t.rpcTimes(s);
    const std::int64_t start = s.hasFlag(SpanFlag::NoTimestamp) ? 0 : s.rawStartUs;
    if (rpc.cs && rpc.sr) {
        r.first = {SpanKind::Client, start, s.durationUs, annotationEndpoint(t, s, "cs", "cr")};
        if (r.first.endpoint == NoIndex)
            r.first.endpoint = s.remoteEndpoint; // a merged row keeps its client's endpoint as remote
        Node server{SpanKind::Server, rpc.sr, rpc.ss ? rpc.ss - rpc.sr : 0, annotationEndpoint(t, s, "sr", "ss")};
        if (server.endpoint == NoIndex)
            server.endpoint = s.localEndpoint;
        r.server = server;
    } else {
        r.first = {s.kind, start, s.durationUs, s.localEndpoint};
    }
    return r;
}

std::string hostOf(const Trace &t, std::int32_t endpoint)
{
    if (endpoint == NoIndex)
        return {};
    const Endpoint &e = t.endpoints()[static_cast<std::size_t>(endpoint)];
    std::string ip(t.str(e.ipv4 ? e.ipv4 : e.ipv6));
    return e.service ? std::string(t.str(e.service)) + " (" + ip + ")" : ip;
}

} // namespace

bool ClockSkew::correct(Trace &t)
{
    auto &spans = t.m_spans;
    std::int32_t root = NoIndex;
    for (const auto r : t.m_roots) {
        if (spans[static_cast<std::size_t>(r)].isPlaceholder())
            continue;
        if (root != NoIndex)
            return false; // more than one root: Zipkin skips the trace ("redundant root span")
        root = r;
    }
    if (root == NoIndex)
        return false; // headless: Zipkin has no root to measure from

    struct Item
    {
        std::int32_t span;
        Node parent;
        bool hasParent;
        std::optional<Skew> fromParent;
    };
    std::vector<Item> stack;
    bool anyShift = false;
    std::optional<Node> rootNode;
    const auto visit = [&](const Item &item) {
        Span &s = spans[static_cast<std::size_t>(item.span)];
        const RowNodes nodes = nodesOf(t, s);
        const Adjusted first = adjust(t, nodes.first, item.hasParent ? &item.parent : nullptr, item.fromParent);
        std::optional<Adjusted> server;
        if (nodes.server)
            server = adjust(t, *nodes.server, &first.node, first.handedDown);
        if (nodes.first.timestampUs) {
            s.skewShiftUs = first.node.timestampUs - nodes.first.timestampUs;
            s.startUs = s.rawStartUs + s.skewShiftUs;
        }
        s.serverShiftUs = server ? server->node.timestampUs - nodes.server->timestampUs : s.skewShiftUs;
        const Adjusted &skewed = server ? *server : first;
        if (skewed.own && skewed.moved) {
            s.skewReason = SkewReason::ServerBeforeClient;
            const Node &client = server ? first.node : item.parent;
            const Node &raw = server ? *nodes.server : nodes.first;
            t.m_problems.push_back(
                {Problem::Severity::Info, Problem::Kind::SkewAdjusted,
                 "clock skew: the server side of " + std::string(t.str(s.name)) + " on " + hostOf(t, raw.endpoint)
                     + " started " + std::to_string(client.timestampUs - raw.timestampUs)
                     + " µs before its client sent the request; it was moved by "
                     + std::to_string(-skewed.own->us) + " µs, as Zipkin does, with the spans on its host",
                 "span " + std::string(t.str(s.spanId)), item.span});
        }
        anyShift = anyShift || s.skewShiftUs != 0 || s.serverShiftUs != 0;
        if (!rootNode)
            rootNode = first.node;
        // A child on the server's endpoint hangs under the server node, any other under the client (Zipkin's
        // SpanNodeBuilder indexes shared server spans by their endpoint).
        for (auto k = s.childCount; k > 0; --k) {
            const auto c = t.m_childIndex[s.firstChild + k - 1];
            const RowNodes child = nodesOf(t, spans[static_cast<std::size_t>(c)]);
            const bool underServer = server && child.first.endpoint == nodes.server->endpoint;
            const Adjusted &p = underServer ? *server : first;
            stack.push_back({c, p.node, true, p.handedDown});
        }
    };
    stack.push_back({root, {}, false, std::nullopt});
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        visit(item);
    }
    // Spans whose parent is missing: in Zipkin's tree they hang under the root (which hands down nothing).
    for (const auto r : t.m_roots) {
        const Span &ph = spans[static_cast<std::size_t>(r)];
        if (!ph.isPlaceholder())
            continue;
        for (auto k = ph.childCount; k > 0; --k)
            stack.push_back({t.m_childIndex[ph.firstChild + k - 1], *rootNode, true, std::nullopt});
        while (!stack.empty()) {
            const Item item = stack.back();
            stack.pop_back();
            visit(item);
        }
    }
    if (!anyShift)
        return false;
    // Placeholders follow their (possibly moved) children.
    for (auto &s : spans) {
        if (!s.isPlaceholder() || s.childCount == 0)
            continue;
        std::int64_t lo = INT64_MAX, hi = INT64_MIN;
        for (std::uint32_t k = 0; k < s.childCount; ++k) {
            const auto &c = spans[static_cast<std::size_t>(t.m_childIndex[s.firstChild + k])];
            lo = std::min(lo, c.startUs);
            hi = std::max(hi, c.endUs());
        }
        s.startUs = s.rawStartUs = lo;
        s.durationUs = hi - lo;
    }
    return true;
}

} // namespace td
