#include "tracecompare.h"

#include "incidentsummary.h"
#include "spantreemodel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <tuple>

namespace td {

namespace {

// A row's identity while building: the parent row and this level's service and operation. The parent row
// stands for the whole path above, so equal keys are equal paths; the texts are compared as UTF-8 because
// the two traces intern them in separate tables.
using RowKey = std::tuple<std::int32_t, std::string, std::string>;

std::int64_t spanStart(const Span &s, bool rawTimes)
{
    return rawTimes ? s.rawStartUs : s.startUs;
}

// Where 0 is on a trace's relative axis: its start, or the earliest start as read for raw times (the
// trace's own start is after clock-skew correction and could be later than a raw start).
std::int64_t traceOrigin(const Trace &t, bool rawTimes)
{
    if (!rawTimes)
        return t.startUs();
    std::int64_t origin = std::numeric_limits<std::int64_t>::max();
    for (const Span &s : t.spans())
        if (!s.isPlaceholder())
            origin = std::min(origin, s.rawStartUs);
    return origin == std::numeric_limits<std::int64_t>::max() ? t.startUs() : origin;
}

// The earliest relative start of a row over the sides it has members on.
std::int64_t rowStart(const CompareRow &r)
{
    if (r.spansA.empty())
        return r.startBUs;
    if (r.spansB.empty())
        return r.startAUs;
    return std::min(r.startAUs, r.startBUs);
}

QString formatDelta(std::int64_t us)
{
    const QString d = SpanTreeModel::formatDuration(static_cast<double>(us));
    return us > 0 ? QLatin1Char('+') + d : d;
}

} // namespace

CompareSide CompareRow::side() const
{
    if (spansB.empty())
        return CompareSide::OnlyA;
    if (spansA.empty())
        return CompareSide::OnlyB;
    return CompareSide::Both;
}

double CompareRow::ratio() const
{
    if (durationAUs == 0) {
        if (durationBUs == 0)
            return std::numeric_limits<double>::quiet_NaN();
        return durationBUs > 0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    }
    return static_cast<double>(durationBUs) / static_cast<double>(durationAUs);
}

const char *compareSideName(CompareSide side)
{
    switch (side) {
    case CompareSide::Both: return "both";
    case CompareSide::OnlyA: return "onlyA";
    case CompareSide::OnlyB: return "onlyB";
    }
    return "both";
}

TraceCompare TraceCompare::build(const Trace &a, const Trace &b, bool rawTimes)
{
    TraceCompare c;
    c.m_rawTimes = rawTimes;
    std::vector<CompareRow> rows; // in order of creation; renumbered into preorder below
    std::map<RowKey, std::int32_t> index;

    // Adds the spans of one trace to the rows, making the rows it needs. Preorder visits a parent before
    // its children, so the parent's row is known when a child asks for it.
    const auto addTrace = [&](const Trace &t, bool sideA, std::vector<std::int32_t> &rowOfSpan) {
        const std::vector<Span> &spans = t.spans();
        rowOfSpan.assign(spans.size(), -1);
        const std::int64_t origin = traceOrigin(t, rawTimes);
        for (const std::int32_t i : t.preorder()) {
            const Span &s = spans[static_cast<std::size_t>(i)];
            if (s.isPlaceholder())
                continue;
            std::int32_t parentRow = -1;
            if (s.parent != NoIndex)
                parentRow = rowOfSpan[static_cast<std::size_t>(s.parent)]; // -1 under a placeholder: a root
            const auto [it, added] = index.try_emplace(RowKey{parentRow, std::string(t.str(s.service)), std::string(t.str(s.name))},
                                                       static_cast<std::int32_t>(rows.size()));
            if (added) {
                CompareRow r;
                r.parent = parentRow;
                r.service = t.qstr(s.service);
                r.operation = t.qstr(s.name);
                rows.push_back(std::move(r));
            }
            rowOfSpan[static_cast<std::size_t>(i)] = it->second;
            CompareRow &r = rows[static_cast<std::size_t>(it->second)];
            std::vector<std::int32_t> &members = sideA ? r.spansA : r.spansB;
            const std::int64_t start = spanStart(s, rawTimes) - origin;
            const std::int64_t end = start + s.durationUs;
            std::int64_t &rowStartUs = sideA ? r.startAUs : r.startBUs;
            std::int64_t &rowEndUs = sideA ? r.endAUs : r.endBUs;
            if (members.empty()) {
                rowStartUs = start;
                rowEndUs = end;
            } else {
                rowStartUs = std::min(rowStartUs, start);
                rowEndUs = std::max(rowEndUs, end);
            }
            members.push_back(i);
            (sideA ? r.durationAUs : r.durationBUs) += s.durationUs;
            (sideA ? r.selfAUs : r.selfBUs) += s.selfTimeUs;
            (sideA ? r.errorsA : r.errorsB) += s.isError() ? 1 : 0;
        }
        // Members came in preorder, which interleaves the subtrees of the parent row's members.
        for (CompareRow &r : rows) {
            std::vector<std::int32_t> &members = sideA ? r.spansA : r.spansB;
            std::stable_sort(members.begin(), members.end(), [&](std::int32_t x, std::int32_t y) {
                return spanStart(spans[static_cast<std::size_t>(x)], rawTimes) < spanStart(spans[static_cast<std::size_t>(y)], rawTimes);
            });
        }
    };
    addTrace(a, true, c.m_rowOfSpanA);
    addTrace(b, false, c.m_rowOfSpanB);

    // Children and roots by earliest start, then by name, so that equal traces give equal orders.
    std::vector<std::vector<std::int32_t>> children(rows.size());
    std::vector<std::int32_t> roots;
    for (std::size_t k = 0; k < rows.size(); ++k)
        (rows[k].parent < 0 ? roots : children[static_cast<std::size_t>(rows[k].parent)]).push_back(static_cast<std::int32_t>(k));
    const auto before = [&rows](std::int32_t x, std::int32_t y) {
        const CompareRow &p = rows[static_cast<std::size_t>(x)], &q = rows[static_cast<std::size_t>(y)];
        if (rowStart(p) != rowStart(q))
            return rowStart(p) < rowStart(q);
        if (const int d = p.service.compare(q.service))
            return d < 0;
        if (const int d = p.operation.compare(q.operation))
            return d < 0;
        return x < y;
    };
    std::sort(roots.begin(), roots.end(), before);
    for (auto &list : children)
        std::sort(list.begin(), list.end(), before);

    // Depth-first renumbering with an explicit stack: paths can be as deep as the load limit allows.
    std::vector<std::int32_t> newIndex(rows.size(), -1);
    std::vector<std::int32_t> order;
    order.reserve(rows.size());
    std::vector<std::int32_t> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const std::int32_t k = stack.back();
        stack.pop_back();
        newIndex[static_cast<std::size_t>(k)] = static_cast<std::int32_t>(order.size());
        order.push_back(k);
        const auto &list = children[static_cast<std::size_t>(k)];
        stack.insert(stack.end(), list.rbegin(), list.rend());
    }
    c.m_rows.reserve(rows.size());
    for (const std::int32_t k : order) {
        CompareRow r = std::move(rows[static_cast<std::size_t>(k)]);
        if (r.parent >= 0) {
            r.parent = newIndex[static_cast<std::size_t>(r.parent)];
            r.depth = c.m_rows[static_cast<std::size_t>(r.parent)].depth + 1; // parents come first in preorder
        }
        for (const std::int32_t child : children[static_cast<std::size_t>(k)])
            r.children.push_back(newIndex[static_cast<std::size_t>(child)]);
        switch (r.side()) {
        case CompareSide::Both: ++c.m_matched; break;
        case CompareSide::OnlyA: ++c.m_onlyA; break;
        case CompareSide::OnlyB: ++c.m_onlyB; break;
        }
        c.m_rows.push_back(std::move(r));
    }
    for (const std::int32_t k : roots)
        c.m_roots.push_back(newIndex[static_cast<std::size_t>(k)]);
    for (auto *rowOfSpan : {&c.m_rowOfSpanA, &c.m_rowOfSpanB})
        for (std::int32_t &r : *rowOfSpan)
            if (r >= 0)
                r = newIndex[static_cast<std::size_t>(r)];
    return c;
}

std::vector<std::int32_t> TraceCompare::bySlowdown() const
{
    std::vector<QString> text(m_rows.size());
    for (std::size_t k = 0; k < m_rows.size(); ++k)
        text[k] = path(static_cast<std::int32_t>(k)).join(QLatin1Char('\n'));
    std::vector<std::int32_t> out(m_rows.size());
    std::iota(out.begin(), out.end(), 0);
    std::sort(out.begin(), out.end(), [&](std::int32_t x, std::int32_t y) {
        const std::int64_t dx = m_rows[static_cast<std::size_t>(x)].deltaUs(), dy = m_rows[static_cast<std::size_t>(y)].deltaUs();
        if (dx != dy)
            return dx > dy;
        if (const int d = text[static_cast<std::size_t>(x)].compare(text[static_cast<std::size_t>(y)]))
            return d < 0;
        return x < y;
    });
    return out;
}

QStringList TraceCompare::path(std::int32_t row) const
{
    QStringList out;
    for (std::int32_t k = row; k >= 0 && static_cast<std::size_t>(k) < m_rows.size(); k = m_rows[static_cast<std::size_t>(k)].parent) {
        const CompareRow &r = m_rows[static_cast<std::size_t>(k)];
        out.prepend(r.service + QStringLiteral(": ") + r.operation);
    }
    return out;
}

std::int32_t TraceCompare::rowOfSpanA(std::int32_t span) const
{
    if (span < 0 || static_cast<std::size_t>(span) >= m_rowOfSpanA.size())
        return -1;
    return m_rowOfSpanA[static_cast<std::size_t>(span)];
}

std::int32_t TraceCompare::rowOfSpanB(std::int32_t span) const
{
    if (span < 0 || static_cast<std::size_t>(span) >= m_rowOfSpanB.size())
        return -1;
    return m_rowOfSpanB[static_cast<std::size_t>(span)];
}

nlohmann::json compareSummary(const TraceCompare &compare, const Trace &a, const Trace &b)
{
    using nlohmann::json;
    const auto traceInfo = [](const Trace &t) {
        return json{{"traceId", std::string(t.traceId())}, {"spanCount", t.realSpanCount()}, {"durationUs", t.durationUs()}};
    };
    json doc = json::object();
    doc["a"] = traceInfo(a);
    doc["b"] = traceInfo(b);
    doc["matched"] = compare.matchedCount();
    doc["onlyA"] = compare.onlyACount();
    doc["onlyB"] = compare.onlyBCount();
    json rows = json::array();
    for (std::size_t k = 0; k < compare.rows().size(); ++k) {
        const CompareRow &r = compare.rows()[k];
        json path = json::array();
        for (const QString &level : compare.path(static_cast<std::int32_t>(k)))
            path.push_back(level.toStdString());
        json j = json::object();
        j["path"] = std::move(path);
        j["side"] = compareSideName(r.side());
        j["countA"] = r.countA();
        j["countB"] = r.countB();
        j["durationAUs"] = r.durationAUs;
        j["durationBUs"] = r.durationBUs;
        j["deltaUs"] = r.deltaUs();
        const double ratio = r.ratio();
        if (r.side() == CompareSide::Both && std::isfinite(ratio))
            j["ratio"] = ratio;
        else
            j["ratio"] = nullptr;
        rows.push_back(std::move(j));
    }
    doc["rows"] = std::move(rows);
    return doc;
}

// Plain strings, not tr(): the table is an export for reports and scripts, like the summary document.
QString compareMarkdown(const TraceCompare &compare, const Trace &a, const Trace &b, int limit)
{
    const auto dur = [](std::int64_t us) { return SpanTreeModel::formatDuration(static_cast<double>(us)); };
    const auto traceLine = [&](const char *label, const Trace &t) {
        // One arg() call for all: a '%2' in a trace id must not be taken for a placeholder.
        return QStringLiteral("- %1: trace %2, %3 spans, %4\n")
            .arg(QLatin1String(label), markdownEscape(QString::fromStdString(std::string(t.traceId()))),
                 QString::number(t.realSpanCount()), dur(t.durationUs()));
    };
    QString out = QStringLiteral("## Slowdowns of B against A\n\n");
    out += traceLine("A", a);
    out += traceLine("B", b);
    out += QStringLiteral("- Rows: %1 in both, %2 only in A, %3 only in B\n\n")
               .arg(QString::number(compare.matchedCount()), QString::number(compare.onlyACount()),
                    QString::number(compare.onlyBCount()));

    QString table;
    int listed = 0;
    for (const std::int32_t k : compare.bySlowdown()) {
        const CompareRow &r = compare.rows()[static_cast<std::size_t>(k)];
        if (listed >= limit || r.deltaUs() <= 0)
            break; // bySlowdown is by delta, so nothing further is slower either
        QStringList levels = compare.path(k);
        for (QString &level : levels)
            level = markdownEscape(level);
        const double ratio = r.ratio();
        QString ratioText;
        if (r.side() == CompareSide::OnlyB)
            ratioText = QStringLiteral("only in B");
        else if (std::isfinite(ratio))
            ratioText = QString::number(ratio, 'f', 2) + QStringLiteral("×");
        else
            ratioText = QStringLiteral("∞"); // in both, but A's members took no measurable time
        table += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                     .arg(levels.join(QStringLiteral(" › ")), QString::number(r.countA()), QString::number(r.countB()),
                          dur(r.durationAUs), dur(r.durationBUs), formatDelta(r.deltaUs()), ratioText);
        ++listed;
    }
    if (listed == 0)
        return out + QStringLiteral("No row takes longer in B than in A.\n");
    out += QStringLiteral("| Path | Count A | Count B | Duration A | Duration B | Delta | Ratio |\n"
                          "|---|---:|---:|---:|---:|---:|---:|\n");
    return out + table;
}

} // namespace td
