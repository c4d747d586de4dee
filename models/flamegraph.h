#pragma once

#include "trace.h"

#include <nlohmann/json_fwd.hpp>

#include <QStringList>

#include <cstdint>
#include <vector>

namespace td {

// One frame of a flame graph: a span (time mode), or the spans of one service+operation path (merged mode).
struct FlameFrame
{
    // Where the frame is drawn on the x axis: in time mode the span's start in µs since the epoch (adjusted
    // or raw) and its duration; in merged mode an offset from 0 and the frame's value, as d3-flame-graph's
    // partition lays out Jaeger's frames (siblings side by side from their parent's left edge).
    std::int64_t x = 0;
    std::int64_t width = 0;
    std::int64_t totalUs = 0; // sum of the spans' durations (what the frame says; width may be more, below)
    std::int64_t selfUs = 0;  // sum of the spans' self times
    std::int32_t parent = NoIndex;
    std::uint32_t depth = 0; // the row, 0 at the top
    std::uint32_t firstSpan = 0, spanCount = 0; // range into FlameGraph::spanList()
    std::uint32_t errorCount = 0;
    StrId service = 0;
    StrId name = 0;

    std::int64_t end() const { return x + width; }
};

// The flame graph of a trace (an icicle: roots on top, callees below).
//
// Time mode: a frame per span at its start and duration, so the x axis is the timeline's. Spans that run at
// the same time under one parent (parallel calls, a client and its server on another host) would overlap on
// their parent's next row; a frame goes to the first row below its parent where nothing is drawn yet at its
// time, as Chrome's and Perfetto's flame charts stack. A root that overlaps another root's frames goes down
// the same way.
//
// Merged mode, as Jaeger UI's trace flame graph (TraceFlamegraph/convertOtelTraceToFlameData.ts):
// - the roots of the trace are frames of their own, side by side in start order (not merged);
// - below a frame, the children of all its spans are grouped by "service: operation" in order of first
//   appearance (the spans in order, each one's children in start order), a group is one frame; the same
//   again for every frame down;
// - a frame's total is the sum of its spans' durations; its width is that total, or the sum of its
//   children's widths when that is more (Jaeger's ensureParentCoversChildren: parallel children can add up
//   to more than their parent, and a frame must cover its children);
// - self time is the sum of the spans' self times (the duration not covered by any child, as Jaeger's
//   computeSpanSelfTime).
// Placeholders for missing parents are no frames in either mode: their children start the graph as roots
// (Jaeger makes an orphan a root).
class FlameGraph
{
public:
    enum class Mode { Time, Merged };

    static FlameGraph build(const Trace &trace, Mode mode, bool rawTimes = false);

    Mode mode() const { return m_mode; }
    const std::vector<FlameFrame> &frames() const { return m_frames; } // depth first, children in order
    const FlameFrame &frame(std::int32_t index) const { return m_frames.at(static_cast<std::size_t>(index)); }
    std::vector<std::int32_t> spansOf(std::int32_t frame) const;
    // The span at a position of the frames' span ranges (FlameFrame::firstSpan is the first of a frame).
    std::int32_t spanAt(std::uint32_t position) const { return m_spans.at(position); }
    std::uint32_t rowCount() const { return static_cast<std::uint32_t>(m_rows.size()); }
    // The x range of all frames.
    std::int64_t minX() const { return m_minX; }
    std::int64_t maxX() const { return m_maxX; }
    // The frame that shows a span; -1 for placeholders and unknown indices.
    std::int32_t frameOfSpan(std::int32_t span) const;
    // The frames of a row that reach into [fromX, toX), by x; what a painter draws.
    template<typename F>
    void forEachFrameIn(std::uint32_t row, std::int64_t fromX, std::int64_t toX, F &&f) const;
    // A row's frames by x, and the first of them that reaches past fromX (a painter skips from there).
    const std::vector<std::int32_t> &rowFrames(std::uint32_t row) const { return m_rows.at(row).frames; }
    std::size_t firstInRow(std::uint32_t row, std::int64_t fromX) const { return firstIn(m_rows.at(row), fromX); }
    // The topmost frame at (x, row), or -1.
    std::int32_t frameAt(std::uint32_t row, std::int64_t x) const;
    // "service: operation" of each frame from the root down to this one.
    QStringList path(const Trace &trace, std::int32_t frame) const;
    static QString frameName(const Trace &trace, const FlameFrame &frame);

private:
    struct Row
    {
        std::vector<std::int32_t> frames;  // by x
        std::vector<std::int64_t> maxEnd;  // the largest end of frames[0..k], for finding the first visible
    };
    std::size_t firstIn(const Row &row, std::int64_t fromX) const;

    Mode m_mode = Mode::Time;
    std::vector<FlameFrame> m_frames;
    std::vector<std::int32_t> m_spans;
    std::vector<std::int32_t> m_frameOfSpan;
    std::vector<Row> m_rows;
    std::int64_t m_minX = 0, m_maxX = 0;
};

template<typename F>
void FlameGraph::forEachFrameIn(std::uint32_t row, std::int64_t fromX, std::int64_t toX, F &&f) const
{
    if (row >= m_rows.size())
        return;
    const Row &r = m_rows[row];
    for (std::size_t k = firstIn(r, fromX); k < r.frames.size(); ++k) {
        const FlameFrame &frame = m_frames[static_cast<std::size_t>(r.frames[k])];
        if (frame.x >= toX)
            break;
        if (frame.end() > fromX || (frame.width == 0 && frame.x >= fromX))
            f(r.frames[k], frame);
    }
}

// Jaeger's Count / Self / Total table beside its flame graph (TraceFlamegraph/generateTableData.ts): the
// spans grouped by service and operation wherever they are in the tree.
struct FlameTableRow
{
    StrId service = 0;
    StrId name = 0;
    std::int64_t count = 0;
    std::int64_t selfUs = 0;
    std::int64_t totalUs = 0;
    std::int64_t errorCount = 0;
    std::vector<std::int32_t> spans; // depth first
};
// In order of first appearance, depth first.
std::vector<FlameTableRow> flameTable(const Trace &trace);

// The merged frames for `--summary-flamegraph`: [{path: ["service: operation", ...], count, totalUs,
// selfUs}], depth first.
nlohmann::json flameGraphSummary(const Trace &trace);

} // namespace td
