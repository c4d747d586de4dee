#pragma once

#include "trace.h"

#include <cstdint>
#include <vector>

namespace td {

// A node of the trace graph: a service, or one operation of a service, with the spans it holds.
struct TraceGraphNode
{
    StrId service = 0;
    StrId operation = 0; // 0 when nodes are services
    // A service no span of the trace reports: known only from the remote endpoint of client spans that
    // have no server below them (a database, a cache, an uninstrumented service). Its spans are those
    // client spans; they also count in their own service's node.
    bool remote = false;
    std::int64_t spanCount = 0;
    std::int64_t totalUs = 0; // sum of the spans' durations (children running in parallel count each)
    std::int64_t selfUs = 0;  // sum of the spans' self times
    std::int64_t errorCount = 0;
    std::vector<std::int32_t> spans; // in depth-first order
};

// Calls from the spans of one node into another (or into itself, see TraceGraph): the child spans.
struct TraceGraphEdge
{
    std::int32_t from = 0;
    std::int32_t to = 0;
    std::int64_t callCount = 0;
    std::int64_t totalUs = 0; // sum of the called (child) spans' durations
    std::int64_t errorCount = 0;
    std::vector<std::int32_t> spans; // the child spans, in depth-first order
};

// The service graph of one trace (Jaeger UI's trace graph, Zipkin's dependency links, Grafana's node graph):
// nodes are services (or service+operation), an edge goes from the node of a span's parent to the node of
// the span.
//
// Counting, as Zipkin's DependencyLinker (zipkin2.internal.DependencyLinker) counts dependency links:
// - A client and server half that share a span id are one row in TraceDesk (SpanFlag::Shared, the server's
//   service, the caller as parent), so the call is counted once, on the edge caller -> server. Halves with
//   their own ids (Jaeger, OTLP) are a client span in the caller's node and a server span below it: the
//   client's edge is inside the caller's node (no edge, see the next rule), the server's edge counts the call.
//   More servers on other hosts answering one client id are a call each, from the caller (ExtraServer).
// - A span whose parent is in the same node makes a self-call edge only when it is the receiving side of a
//   remote call (kind SERVER or CONSUMER, or a shared span): Zipkin links an RPC from a service to itself as
//   parent == child. Other same-node children (local spans, client spans, in-process work) are no call and
//   are counted only in the node. Jaeger UI's trace graph has no such rule because its nodes are
//   ancestral paths (a recursive call becomes a new node deeper down); that does not make a service graph.
// - A client (or producer) span with no children whose remote endpoint names another service adds a call
//   to that service, as Zipkin does for uninstrumented services; that service gets a remote node unless some
//   span of the trace reports it.
// - Placeholders for missing parents are not nodes; their children start the graph like roots.
// Node and edge errors count spans with the error flag.
class TraceGraph
{
public:
    static TraceGraph build(const Trace &trace, bool byOperation);

    bool byOperation() const { return m_byOperation; }
    const std::vector<TraceGraphNode> &nodes() const { return m_nodes; }
    const std::vector<TraceGraphEdge> &edges() const { return m_edges; }
    // The node of a span (its own service's node for a call into a remote node); -1 for placeholders.
    std::int32_t nodeOfSpan(std::int32_t spanIndex) const;
    // The node named so, or -1 (operation ignored in service mode).
    std::int32_t findNode(std::string_view service, std::string_view operation, const Trace &trace) const;
    // The edge between two nodes, or -1.
    std::int32_t findEdge(std::int32_t from, std::int32_t to) const;

private:
    bool m_byOperation = false;
    std::vector<TraceGraphNode> m_nodes; // sorted by service, then operation; remote nodes by name too
    std::vector<TraceGraphEdge> m_edges; // sorted by from, then to
    std::vector<std::int32_t> m_nodeOfSpan;
};

} // namespace td
