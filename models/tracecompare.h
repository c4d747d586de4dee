#pragma once

#include "trace.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace td {

enum class CompareSide : std::uint8_t { Both, OnlyA, OnlyB };

// One row of a comparison: all spans of A and of B that have the same path from their root.
struct CompareRow
{
    std::int32_t parent = -1; // row index, -1 for a root row
    std::uint32_t depth = 0;
    // Of this level. Copies, not StrIds: the two traces have separate string tables.
    QString service, operation;
    std::vector<std::int32_t> spansA, spansB; // member span indices in each trace, in start order
    std::int64_t durationAUs = 0, durationBUs = 0; // sum of the members' durations
    std::int64_t selfAUs = 0, selfBUs = 0;         // sum of the members' self times
    std::int32_t errorsA = 0, errorsB = 0;         // members with the error flag
    // Earliest member start and latest member end, relative to the start of that trace, so that A and B
    // can be drawn on one relative axis (0 on a side without members).
    std::int64_t startAUs = 0, endAUs = 0, startBUs = 0, endBUs = 0;
    std::vector<std::int32_t> children; // row indices, by the earlier of startAUs/startBUs

    CompareSide side() const;
    std::int64_t deltaUs() const { return durationBUs - durationAUs; }
    // B / A; +inf when A is 0 and B is above 0 (-inf below); NaN when both are 0.
    double ratio() const;
    std::size_t countA() const { return spansA.size(); }
    std::size_t countB() const { return spansB.size(); }
};

// Two traces side by side, as Jaeger UI's trace diff lines them up (packages/jaeger-ui/src/model/trace-dag,
// TraceDag.ts and id-factories.ts): a span's key is the path of (service, operation) pairs from its root
// down to itself, all spans of one trace with the same key are one row (calls in a loop add up instead of
// making a row each), and the rows of A and B are merged by key. A row is in both traces, only in A or only
// in B.
// - Placeholders for missing parents are no rows; their children are roots, as Jaeger makes orphans roots.
// - Jaeger's "dense" rewrites for Uber's traces (skipClient, fixLeafService, fixHttpOperation) and its
//   __LEAF__ marker are not applied: they rename and merge spans by heuristics about how Uber's services
//   named their spans, which would line up different calls in other traces.
// Roots and children are ordered by their earliest start (the earlier of A's and B's, each relative to the
// start of its own trace), ties by service, then operation; rows() is the depth-first order of that tree.
class TraceCompare
{
public:
    // rawTimes: order and place rows by the starts as read (Span::rawStartUs, relative to the earliest of
    // them) instead of the clock-skew corrected ones.
    static TraceCompare build(const Trace &a, const Trace &b, bool rawTimes = false);

    const std::vector<CompareRow> &rows() const { return m_rows; } // depth-first (preorder)
    const std::vector<std::int32_t> &roots() const { return m_roots; }
    std::size_t matchedCount() const { return m_matched; } // rows in both traces
    std::size_t onlyACount() const { return m_onlyA; }
    std::size_t onlyBCount() const { return m_onlyB; }
    bool rawTimes() const { return m_rawTimes; }

    // Row indices, largest slowdown first (deltaUs descending, ties by path text, then preorder).
    std::vector<std::int32_t> bySlowdown() const;
    // "service: operation" per level, root first; empty for an index out of range.
    QStringList path(std::int32_t row) const;
    // The row of a span of A or of B; -1 for placeholders and indices out of range.
    std::int32_t rowOfSpanA(std::int32_t span) const;
    std::int32_t rowOfSpanB(std::int32_t span) const;

private:
    std::vector<CompareRow> m_rows;
    std::vector<std::int32_t> m_roots;
    std::vector<std::int32_t> m_rowOfSpanA, m_rowOfSpanB;
    std::size_t m_matched = 0, m_onlyA = 0, m_onlyB = 0;
    bool m_rawTimes = false;
};

const char *compareSideName(CompareSide side); // "both", "onlyA", "onlyB"

// The `--compare A B --summary` document:
//   {"a": {"traceId", "spanCount", "durationUs"}, "b": {...}, "matched", "onlyA", "onlyB",
//    "rows": [{"path": ["svc: op", ...], "side": "both"|"onlyA"|"onlyB", "countA", "countB", "durationAUs",
//              "durationBUs", "deltaUs", "ratio"}, ...]}
// rows in preorder. "ratio" is null unless the row is in both traces and the ratio is finite: against a
// missing row a ratio says nothing (0 for a row only in A would read as "infinitely faster").
nlohmann::json compareSummary(const TraceCompare &compare, const Trace &a, const Trace &b);

// Markdown table of the biggest slowdowns: rows with deltaUs > 0, biggest first, at most `limit`; the path
// joined with " › ", counts and durations of A and B, the delta and the ratio. Cells are escaped plain text.
QString compareMarkdown(const TraceCompare &compare, const Trace &a, const Trace &b, int limit = 10);

} // namespace td
