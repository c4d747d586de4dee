#pragma once

#include "trace.h"

namespace td {

// Clock-skew correction as Zipkin Lens does it (zipkin-lens/src/zipkin/clock-skew.js), on TraceDesk's
// rows. A row that holds both halves of an RPC (cs and sr) is two of Zipkin's nodes: the client (the row's
// start and duration, on the cs/cr endpoint) and, under it, the server (sr to ss, on the sr/ss endpoint).
// Every other row is one node of its own kind on its local endpoint.
//
// The rules, as Zipkin's:
// - Skew is only seen from a CLIENT node to its SERVER child on another host (IP addresses differ; an
//   endpoint without an IP never matches, so nothing without IPs is corrected).
// - Only a server that starts at or before its client is corrected (one that merely ends after its
//   client is left alone). The server is moved to start half the difference of the durations after
//   its client; when the client is shorter (async) or a duration is missing (one-way), 1 µs after it.
// - The shift is handed down the tree and applied to every node whose IP is the corrected server's;
//   a node with a skew of its own hands down that one instead.
// - Nothing is corrected when the trace has no root or more than one (Zipkin: "redundant root span").
//   Spans whose parent is missing hang under the root, as in Zipkin's tree.
// Annotations keep their recorded times; Span::skewShiftUs and Span::serverShiftUs say how far the
// client side (the row's bar) and the server side moved (Trace::adjustedRpcTimes applies them).
class ClockSkew
{
public:
    // Returns whether any span moved (children may then need sorting again).
    static bool correct(Trace &trace);
};

} // namespace td
