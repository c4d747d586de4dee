#pragma once

#include <QString>

namespace td {

// The views of one trace in a tab, in the order of the view switch (keys 1-5).
enum class TraceViewKind { Timeline, FlameGraph, SpanTable, TraceGraph, Events };
constexpr int traceViewKindCount = 5;

// The command-line names: timeline, flamegraph, table, graph, events.
QString traceViewKindName(TraceViewKind kind);
// false when name is none of them.
bool traceViewKindFromName(const QString &name, TraceViewKind *kind);

} // namespace td
