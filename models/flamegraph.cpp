#include "flamegraph.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace td {

namespace {

// The rows' ends in a tree of minimums, to find the first row at or below a given one where nothing is drawn
// after a given time in O(log rows): a million parallel calls make a million rows.
class RowEnds
{
public:
    std::uint32_t firstFree(std::uint32_t from, std::int64_t x)
    {
        for (;;) {
            const std::int64_t found = find(1, 0, m_size, from, x);
            if (found >= 0)
                return static_cast<std::uint32_t>(found);
            grow();
        }
    }
    void raise(std::uint32_t row, std::int64_t end)
    {
        while (row >= m_size)
            grow();
        std::size_t i = m_size + row;
        m_tree[i] = std::max(m_tree[i], end);
        for (i /= 2; i >= 1; i /= 2)
            m_tree[i] = std::min(m_tree[2 * i], m_tree[2 * i + 1]);
    }

private:
    // The first leaf at or after `from` in node i's range [lo, hi) whose end is at most x, or -1.
    std::int64_t find(std::size_t i, std::size_t lo, std::size_t hi, std::size_t from, std::int64_t x) const
    {
        if (hi <= from || m_tree[i] > x)
            return -1;
        if (hi - lo == 1)
            return static_cast<std::int64_t>(lo);
        const std::size_t mid = (lo + hi) / 2;
        const std::int64_t left = find(2 * i, lo, mid, from, x);
        return left >= 0 ? left : find(2 * i + 1, mid, hi, from, x);
    }
    void grow()
    {
        const std::size_t old = m_size;
        m_size = std::max<std::size_t>(64, old * 2);
        std::vector<std::int64_t> tree(2 * m_size, INT64_MIN);
        for (std::size_t k = 0; k < old; ++k)
            tree[m_size + k] = m_tree[old + k];
        for (std::size_t i = m_size - 1; i >= 1; --i)
            tree[i] = std::min(tree[2 * i], tree[2 * i + 1]);
        m_tree = std::move(tree);
    }

    std::size_t m_size = 0;
    std::vector<std::int64_t> m_tree{INT64_MIN, INT64_MIN};
};

// The children of a span as the flame graph sees them: a placeholder child stands for a missing span, its
// children take its place.
template<typename F>
void forEachChild(const Trace &trace, const Span &s, F &&f)
{
    for (const std::int32_t *c = trace.childrenBegin(s); c != trace.childrenEnd(s); ++c) {
        const Span &child = trace.spans()[static_cast<std::size_t>(*c)];
        if (child.isPlaceholder())
            forEachChild(trace, child, f);
        else
            f(*c);
    }
}

// The spans the graph starts from: the roots in start order, placeholders replaced by their children.
std::vector<std::int32_t> flameRoots(const Trace &trace)
{
    std::vector<std::int32_t> roots;
    for (const std::int32_t r : trace.roots()) {
        const Span &s = trace.spans()[static_cast<std::size_t>(r)];
        if (s.isPlaceholder())
            forEachChild(trace, s, [&roots](std::int32_t c) { roots.push_back(c); });
        else
            roots.push_back(r);
    }
    return roots;
}

std::uint64_t keyOf(const Span &s)
{
    return (static_cast<std::uint64_t>(s.service) << 32) | s.name;
}

} // namespace

FlameGraph FlameGraph::build(const Trace &trace, Mode mode, bool rawTimes)
{
    FlameGraph g;
    g.m_mode = mode;
    const auto &spans = trace.spans();
    g.m_frameOfSpan.assign(spans.size(), NoIndex);
    g.m_spans.reserve(spans.size());

    if (mode == Mode::Time) {
        RowEnds rowEnds; // the largest end of the frames placed on each row so far
        g.m_frames.reserve(spans.size());
        // Depth first with an explicit stack (a trace may be deep); children are pushed in reverse so that
        // they come off in start order.
        std::vector<std::pair<std::int32_t, std::int32_t>> stack; // span, parent frame
        const std::vector<std::int32_t> roots = flameRoots(trace);
        for (auto it = roots.rbegin(); it != roots.rend(); ++it)
            stack.emplace_back(*it, NoIndex);
        std::vector<std::int32_t> children;
        while (!stack.empty()) {
            const auto [index, parentFrame] = stack.back();
            stack.pop_back();
            const Span &s = spans[static_cast<std::size_t>(index)];
            FlameFrame f;
            f.x = rawTimes ? s.rawStartUs : s.startUs;
            f.width = std::max<std::int64_t>(0, s.durationUs);
            f.totalUs = f.width;
            f.selfUs = s.selfTimeUs;
            f.parent = parentFrame;
            f.firstSpan = static_cast<std::uint32_t>(g.m_spans.size());
            f.spanCount = 1;
            f.errorCount = s.isError() ? 1 : 0;
            f.service = s.service;
            f.name = s.name;
            const std::uint32_t first = parentFrame == NoIndex ? 0 : g.m_frames[static_cast<std::size_t>(parentFrame)].depth + 1;
            const std::uint32_t row = rowEnds.firstFree(first, f.x);
            rowEnds.raise(row, f.end());
            f.depth = row;
            const auto frameIndex = static_cast<std::int32_t>(g.m_frames.size());
            g.m_frames.push_back(f);
            g.m_spans.push_back(index);
            g.m_frameOfSpan[static_cast<std::size_t>(index)] = frameIndex;
            children.clear();
            forEachChild(trace, s, [&children](std::int32_t c) { children.push_back(c); });
            for (auto it = children.rbegin(); it != children.rend(); ++it)
                stack.emplace_back(*it, frameIndex);
        }
    } else {
        // A frame is made from the spans of a group; its children group the children of those spans.
        struct Pending
        {
            std::vector<std::int32_t> spans;
            std::int32_t parent;
        };
        std::vector<Pending> stack;
        const std::vector<std::int32_t> roots = flameRoots(trace);
        for (auto it = roots.rbegin(); it != roots.rend(); ++it)
            stack.push_back({{*it}, NoIndex});
        std::vector<std::int32_t> children;
        std::unordered_map<std::uint64_t, std::size_t> groupOf;
        std::vector<std::vector<std::int32_t>> groups;
        while (!stack.empty()) {
            Pending p = std::move(stack.back());
            stack.pop_back();
            FlameFrame f;
            f.parent = p.parent;
            f.depth = p.parent == NoIndex ? 0 : g.m_frames[static_cast<std::size_t>(p.parent)].depth + 1;
            f.firstSpan = static_cast<std::uint32_t>(g.m_spans.size());
            f.spanCount = static_cast<std::uint32_t>(p.spans.size());
            const auto frameIndex = static_cast<std::int32_t>(g.m_frames.size());
            children.clear();
            for (const std::int32_t i : p.spans) {
                const Span &s = spans[static_cast<std::size_t>(i)];
                f.totalUs += std::max<std::int64_t>(0, s.durationUs);
                f.selfUs += s.selfTimeUs;
                f.errorCount += s.isError() ? 1 : 0;
                g.m_spans.push_back(i);
                g.m_frameOfSpan[static_cast<std::size_t>(i)] = frameIndex;
                forEachChild(trace, s, [&children](std::int32_t c) { children.push_back(c); });
            }
            const Span &first = spans[static_cast<std::size_t>(p.spans.front())];
            f.service = first.service;
            f.name = first.name;
            f.width = f.totalUs;
            g.m_frames.push_back(f);
            groupOf.clear();
            groups.clear();
            for (const std::int32_t c : children) {
                const auto [it, added] = groupOf.try_emplace(keyOf(spans[static_cast<std::size_t>(c)]), groups.size());
                if (added)
                    groups.emplace_back();
                groups[it->second].push_back(c);
            }
            for (auto it = groups.rbegin(); it != groups.rend(); ++it)
                stack.push_back({std::move(*it), frameIndex});
        }
        // Widths bottom up (children come after their parent in depth-first order), then x top down.
        std::vector<std::int64_t> childSum(g.m_frames.size(), 0);
        for (std::size_t k = g.m_frames.size(); k-- > 0;) {
            FlameFrame &f = g.m_frames[k];
            f.width = std::max(f.width, childSum[k]);
            if (f.parent != NoIndex)
                childSum[static_cast<std::size_t>(f.parent)] += f.width;
        }
        std::vector<std::int64_t> nextX(g.m_frames.size(), 0);
        std::int64_t rootX = 0;
        for (std::size_t k = 0; k < g.m_frames.size(); ++k) {
            FlameFrame &f = g.m_frames[k];
            if (f.parent == NoIndex) {
                f.x = rootX;
                rootX += f.width;
            } else {
                f.x = nextX[static_cast<std::size_t>(f.parent)];
                nextX[static_cast<std::size_t>(f.parent)] += f.width;
            }
            nextX[k] = f.x;
        }
    }

    // Rows by x, for drawing only what is visible.
    std::uint32_t rows = 0;
    for (const FlameFrame &f : g.m_frames)
        rows = std::max(rows, f.depth + 1);
    g.m_rows.resize(rows);
    g.m_minX = g.m_frames.empty() ? 0 : INT64_MAX;
    g.m_maxX = g.m_frames.empty() ? 0 : INT64_MIN;
    for (std::size_t k = 0; k < g.m_frames.size(); ++k) {
        const FlameFrame &f = g.m_frames[k];
        g.m_rows[f.depth].frames.push_back(static_cast<std::int32_t>(k));
        g.m_minX = std::min(g.m_minX, f.x);
        g.m_maxX = std::max(g.m_maxX, f.end());
    }
    for (Row &r : g.m_rows) {
        std::stable_sort(r.frames.begin(), r.frames.end(), [&g](std::int32_t a, std::int32_t b) {
            return g.m_frames[static_cast<std::size_t>(a)].x < g.m_frames[static_cast<std::size_t>(b)].x;
        });
        r.maxEnd.resize(r.frames.size());
        std::int64_t m = INT64_MIN;
        for (std::size_t k = 0; k < r.frames.size(); ++k) {
            m = std::max(m, g.m_frames[static_cast<std::size_t>(r.frames[k])].end());
            r.maxEnd[k] = m;
        }
    }
    return g;
}

std::vector<std::int32_t> FlameGraph::spansOf(std::int32_t frame) const
{
    if (frame < 0 || static_cast<std::size_t>(frame) >= m_frames.size())
        return {};
    const FlameFrame &f = m_frames[static_cast<std::size_t>(frame)];
    return {m_spans.begin() + f.firstSpan, m_spans.begin() + f.firstSpan + f.spanCount};
}

std::int32_t FlameGraph::frameOfSpan(std::int32_t span) const
{
    if (span < 0 || static_cast<std::size_t>(span) >= m_frameOfSpan.size())
        return NoIndex;
    return m_frameOfSpan[static_cast<std::size_t>(span)];
}

std::size_t FlameGraph::firstIn(const Row &row, std::int64_t fromX) const
{
    // maxEnd never decreases: the first frame whose row so far reaches past fromX.
    return static_cast<std::size_t>(std::upper_bound(row.maxEnd.begin(), row.maxEnd.end(), fromX) - row.maxEnd.begin());
}

std::int32_t FlameGraph::frameAt(std::uint32_t row, std::int64_t x) const
{
    std::int32_t found = NoIndex;
    // Frames later in the row are drawn over earlier ones: the last that contains x is the one seen.
    forEachFrameIn(row, x, x + 1, [&](std::int32_t index, const FlameFrame &f) {
        if (f.x <= x && x < std::max(f.end(), f.x + 1))
            found = index;
    });
    return found;
}

QString FlameGraph::frameName(const Trace &trace, const FlameFrame &frame)
{
    return trace.qstr(frame.service) + QStringLiteral(": ") + trace.qstr(frame.name);
}

QStringList FlameGraph::path(const Trace &trace, std::int32_t frame) const
{
    QStringList out;
    for (std::int32_t k = frame; k >= 0 && static_cast<std::size_t>(k) < m_frames.size(); k = m_frames[static_cast<std::size_t>(k)].parent)
        out.prepend(frameName(trace, m_frames[static_cast<std::size_t>(k)]));
    return out;
}

std::vector<FlameTableRow> flameTable(const Trace &trace)
{
    std::vector<FlameTableRow> rows;
    std::unordered_map<std::uint64_t, std::size_t> rowOf;
    for (const std::int32_t i : trace.preorder()) {
        const Span &s = trace.spans()[static_cast<std::size_t>(i)];
        if (s.isPlaceholder())
            continue;
        const auto [it, added] = rowOf.try_emplace(keyOf(s), rows.size());
        if (added) {
            FlameTableRow r;
            r.service = s.service;
            r.name = s.name;
            rows.push_back(r);
        }
        FlameTableRow &r = rows[it->second];
        ++r.count;
        r.selfUs += s.selfTimeUs;
        r.totalUs += std::max<std::int64_t>(0, s.durationUs);
        r.errorCount += s.isError() ? 1 : 0;
        r.spans.push_back(i);
    }
    return rows;
}

nlohmann::json flameGraphSummary(const Trace &trace)
{
    const FlameGraph g = FlameGraph::build(trace, FlameGraph::Mode::Merged);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t k = 0; k < g.frames().size(); ++k) {
        const FlameFrame &f = g.frames()[k];
        nlohmann::json path = nlohmann::json::array();
        for (const QString &p : g.path(trace, static_cast<std::int32_t>(k)))
            path.push_back(p.toStdString());
        out.push_back({{"path", std::move(path)},
                       {"count", f.spanCount},
                       {"totalUs", f.totalUs},
                       {"selfUs", f.selfUs}});
    }
    return out;
}

} // namespace td
