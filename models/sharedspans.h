#pragma once

#include "trace.h"

#include <string_view>

namespace td {

// Zipkin's rules for the two halves of one RPC that share a span id: the client's (cs/cr, kind CLIENT) and
// the server's (sr/ss, kind SERVER or `shared`), as zipkin2.v1.V1SpanConverter and Zipkin Lens's
// span-cleaner.js (mergeV2ById) treat them.

// The canonical (lower-case) name of a Zipkin core annotation, whatever its spelling ("SR", "Cs"), or an
// empty view for any other value. Hand-written and converted exports spell them in capitals.
std::string_view coreAnnotation(std::string_view value);
// The canonical name of a Zipkin address binary annotation key (`sa`, `ca`, `ma`), or an empty view.
std::string_view addressKey(std::string_view key);

bool isClientHalf(const Trace &trace, const Span &span);
bool isServerHalf(const Trace &trace, const Span &span);

class SharedSpans
{
public:
    // Merges spans that share a trace id and span id into one row: client and server halves (in any order
    // of the input) become one shared span with the client's timing, the server's service and name and
    // all four of cs/sr/ss/cr (synthesised for Zipkin v2 halves); pieces of one span reported in several
    // messages become one span over the union of their times. Two different spans with one id are both
    // kept and reported. Runs before the tree is linked.
    static void merge(Trace &trace);
};

} // namespace td
