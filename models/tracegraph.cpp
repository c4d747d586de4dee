#include "tracegraph.h"

#include "sharedspans.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace td {

namespace {

std::uint64_t nodeKey(StrId service, StrId operation)
{
    return (static_cast<std::uint64_t>(service) << 32) | operation;
}

// The receiving side of a remote call: its edge is a call even from a node into itself.
bool receivesCall(const Trace &trace, const Span &s)
{
    return s.kind == SpanKind::Consumer || s.hasFlag(SpanFlag::Shared) || isServerHalf(trace, s);
}

// The service a client span with nothing below it calls, when it is another service; else 0.
StrId calledRemoteService(const Trace &trace, const Span &s)
{
    if (s.childCount != 0 || s.hasFlag(SpanFlag::Shared) || !(s.kind == SpanKind::Producer || isClientHalf(trace, s)))
        return 0;
    const Endpoint *remote = trace.endpoint(s.remoteEndpoint);
    if (!remote || remote->service == 0 || remote->service == s.service || trace.str(remote->service).empty())
        return 0;
    return remote->service;
}

} // namespace

TraceGraph TraceGraph::build(const Trace &trace, bool byOperation)
{
    TraceGraph g;
    g.m_byOperation = byOperation;
    const std::vector<Span> &spans = trace.spans();
    g.m_nodeOfSpan.assign(spans.size(), -1);

    std::vector<TraceGraphNode> nodes;
    std::unordered_map<std::uint64_t, std::int32_t> localNodes, remoteNodes;
    auto nodeFor = [&](std::unordered_map<std::uint64_t, std::int32_t> &index, StrId service, StrId operation, bool remote) {
        const auto [it, added] = index.try_emplace(nodeKey(service, operation), static_cast<std::int32_t>(nodes.size()));
        if (added) {
            TraceGraphNode n;
            n.service = service;
            n.operation = operation;
            n.remote = remote;
            nodes.push_back(std::move(n));
        }
        return it->second;
    };

    // Nodes first (a remote call may name a service whose spans come later in the order).
    const std::vector<std::int32_t> &order = trace.preorder();
    for (const std::int32_t i : order) {
        const Span &s = spans[static_cast<std::size_t>(i)];
        if (s.isPlaceholder())
            continue;
        const std::int32_t n = nodeFor(localNodes, s.service, byOperation ? s.name : 0, false);
        g.m_nodeOfSpan[static_cast<std::size_t>(i)] = n;
        TraceGraphNode &node = nodes[static_cast<std::size_t>(n)];
        ++node.spanCount;
        node.totalUs += s.durationUs;
        node.selfUs += s.selfTimeUs;
        node.errorCount += s.isError() ? 1 : 0;
        node.spans.push_back(i);
    }

    struct EdgeBuild
    {
        std::unordered_map<std::uint64_t, std::int32_t> index;
        std::vector<TraceGraphEdge> edges;
        void add(std::int32_t from, std::int32_t to, const Span &child, std::int32_t childIndex)
        {
            const auto key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(from)) << 32) | static_cast<std::uint32_t>(to);
            const auto [it, added] = index.try_emplace(key, static_cast<std::int32_t>(edges.size()));
            if (added) {
                TraceGraphEdge e;
                e.from = from;
                e.to = to;
                edges.push_back(std::move(e));
            }
            TraceGraphEdge &e = edges[static_cast<std::size_t>(it->second)];
            ++e.callCount;
            e.totalUs += child.durationUs;
            e.errorCount += child.isError() ? 1 : 0;
            e.spans.push_back(childIndex);
        }
    } edges;

    for (const std::int32_t i : order) {
        const Span &s = spans[static_cast<std::size_t>(i)];
        const std::int32_t to = g.m_nodeOfSpan[static_cast<std::size_t>(i)];
        if (to < 0)
            continue;
        if (s.parent != NoIndex) {
            // One more server host answering a merged client span hangs under the merged row, but the call
            // came from the client's side, the merged row's parent: Zipkin keeps each host as a sibling
            // under the client, and its DependencyLinker counts one call per host.
            std::int32_t caller = s.parent;
            if (s.hasFlag(SpanFlag::ExtraServer) && spans[static_cast<std::size_t>(caller)].parent != NoIndex)
                caller = spans[static_cast<std::size_t>(caller)].parent;
            const std::int32_t from = g.m_nodeOfSpan[static_cast<std::size_t>(caller)];
            if (from >= 0 && (from != to || receivesCall(trace, s)))
                edges.add(from, to, s, i);
        }
        if (const StrId remote = calledRemoteService(trace, s)) {
            const StrId operation = byOperation ? s.name : 0;
            const auto known = localNodes.find(nodeKey(remote, operation));
            std::int32_t callee;
            if (known != localNodes.end()) {
                callee = known->second;
            } else {
                callee = nodeFor(remoteNodes, remote, operation, true);
                TraceGraphNode &node = nodes[static_cast<std::size_t>(callee)];
                ++node.spanCount;
                node.totalUs += s.durationUs;
                node.selfUs += s.durationUs;
                node.errorCount += s.isError() ? 1 : 0;
                node.spans.push_back(i);
            }
            edges.add(to, callee, s, i);
        }
    }

    // Stable order for the layout and for tests: by service, operation, local before remote.
    std::vector<std::int32_t> byName(nodes.size());
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(), [&](std::int32_t a, std::int32_t b) {
        const TraceGraphNode &x = nodes[static_cast<std::size_t>(a)], &y = nodes[static_cast<std::size_t>(b)];
        if (const int c = trace.str(x.service).compare(trace.str(y.service)))
            return c < 0;
        if (const int c = trace.str(x.operation).compare(trace.str(y.operation)))
            return c < 0;
        return x.remote < y.remote;
    });
    std::vector<std::int32_t> newIndex(nodes.size());
    g.m_nodes.reserve(nodes.size());
    for (std::size_t k = 0; k < byName.size(); ++k) {
        newIndex[static_cast<std::size_t>(byName[k])] = static_cast<std::int32_t>(k);
        g.m_nodes.push_back(std::move(nodes[static_cast<std::size_t>(byName[k])]));
    }
    for (std::int32_t &n : g.m_nodeOfSpan)
        if (n >= 0)
            n = newIndex[static_cast<std::size_t>(n)];
    g.m_edges = std::move(edges.edges);
    for (TraceGraphEdge &e : g.m_edges) {
        e.from = newIndex[static_cast<std::size_t>(e.from)];
        e.to = newIndex[static_cast<std::size_t>(e.to)];
    }
    std::sort(g.m_edges.begin(), g.m_edges.end(),
              [](const TraceGraphEdge &a, const TraceGraphEdge &b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
    return g;
}

std::int32_t TraceGraph::nodeOfSpan(std::int32_t spanIndex) const
{
    if (spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_nodeOfSpan.size())
        return -1;
    return m_nodeOfSpan[static_cast<std::size_t>(spanIndex)];
}

std::int32_t TraceGraph::findNode(std::string_view service, std::string_view operation, const Trace &trace) const
{
    for (std::size_t k = 0; k < m_nodes.size(); ++k)
        if (trace.str(m_nodes[k].service) == service && (!m_byOperation || trace.str(m_nodes[k].operation) == operation))
            return static_cast<std::int32_t>(k);
    return -1;
}

std::int32_t TraceGraph::findEdge(std::int32_t from, std::int32_t to) const
{
    const auto it = std::lower_bound(m_edges.begin(), m_edges.end(), std::make_pair(from, to),
                                     [](const TraceGraphEdge &e, const std::pair<std::int32_t, std::int32_t> &k) {
                                         return e.from != k.first ? e.from < k.first : e.to < k.second;
                                     });
    if (it == m_edges.end() || it->from != from || it->to != to)
        return -1;
    return static_cast<std::int32_t>(it - m_edges.begin());
}

} // namespace td
