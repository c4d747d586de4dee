#include "spantreemodel.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace td {

SpanTreeModel::SpanTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void SpanTreeModel::setTrace(TracePtr trace, int expandDepth)
{
    beginResetModel();
    m_trace = std::move(trace);
    m_hidden = nullptr; // flags of the old trace's spans
    const std::size_t n = m_trace ? m_trace->spanCount() : 0;
    m_expanded.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        m_expanded[i] = expandDepth < 0 || m_trace->span(i).depth <= static_cast<std::uint32_t>(expandDepth);
    sortChildren();
    rebuildRows();
    endResetModel();
}

std::int32_t SpanTreeModel::spanIndex(const QModelIndex &index)
{
    return index.isValid() ? static_cast<std::int32_t>(index.internalId()) : NoIndex;
}

std::int32_t SpanTreeModel::spanAtRow(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? m_rows[static_cast<std::size_t>(row)] : NoIndex;
}

int SpanTreeModel::depthOf(std::int32_t spanIndex) const
{
    if (!m_trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_trace->spanCount())
        return 0;
    return static_cast<int>(m_trace->span(static_cast<std::size_t>(spanIndex)).depth);
}

const Span *SpanTreeModel::spanAt(const QModelIndex &index) const
{
    if (!m_trace || !index.isValid() || index.internalId() >= m_trace->spanCount())
        return nullptr;
    return &m_trace->span(index.internalId());
}

QModelIndex SpanTreeModel::indexForSpan(std::int32_t spanIndex, int column) const
{
    if (!m_trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_rowOf.size() || column < 0 || column >= ColumnCount)
        return {};
    const std::int32_t row = m_rowOf[static_cast<std::size_t>(spanIndex)];
    return row < 0 ? QModelIndex() : createIndex(row, column, static_cast<quintptr>(spanIndex));
}

QModelIndex SpanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || static_cast<std::size_t>(row) >= m_rows.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, static_cast<quintptr>(m_rows[static_cast<std::size_t>(row)]));
}

QModelIndex SpanTreeModel::parent(const QModelIndex &) const
{
    return {};
}

int SpanTreeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SpanTreeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SpanTreeModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

bool SpanTreeModel::isExpanded(std::int32_t spanIndex) const
{
    return spanIndex >= 0 && static_cast<std::size_t>(spanIndex) < m_expanded.size() && m_expanded[static_cast<std::size_t>(spanIndex)];
}

bool SpanTreeModel::isShown(std::int32_t i) const
{
    const auto k = static_cast<std::size_t>(i);
    if (m_hidden && k < m_hidden->size() && (*m_hidden)[k])
        return false;
    return !m_onlyMatches || (k < m_keep.size() && m_keep[k]);
}

void SpanTreeModel::appendVisibleChildren(std::int32_t spanIndex, std::vector<std::int32_t> &out) const
{
    const auto childrenOf = [this](std::int32_t i) -> std::pair<const std::int32_t *, const std::int32_t *> {
        const Span &s = m_trace->span(static_cast<std::size_t>(i));
        if (!m_children.empty())
            return {m_children.data() + s.firstChild, m_children.data() + s.firstChild + s.childCount};
        return {m_trace->childrenBegin(s), m_trace->childrenEnd(s)};
    };
    std::vector<std::int32_t> stack;
    const auto pushChildren = [&](std::int32_t i) {
        const auto [first, last] = childrenOf(i);
        for (const std::int32_t *c = last; c != first;)
            stack.push_back(*--c);
    };
    pushChildren(spanIndex);
    while (!stack.empty()) {
        const std::int32_t i = stack.back();
        stack.pop_back();
        if (!isShown(i))
            continue;
        out.push_back(i);
        if (m_expanded[static_cast<std::size_t>(i)])
            pushChildren(i);
    }
}

void SpanTreeModel::rebuildRows()
{
    const std::size_t n = m_trace ? m_trace->spanCount() : 0;
    m_rows.clear();
    m_rowOf.assign(n, -1);
    if (n == 0)
        return;
    if (m_onlyMatches) {
        // A span stays when it or one of its descendants matches: children come after their parent in
        // depth-first order, so one backward pass carries the flags up.
        m_keep.assign(n, 0);
        for (std::size_t i = 0; i < n && m_matches && i < m_matches->size(); ++i)
            m_keep[i] = (*m_matches)[i];
        const std::vector<std::int32_t> &order = m_trace->preorder();
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const std::int32_t parent = m_trace->span(static_cast<std::size_t>(*it)).parent;
            if (m_keep[static_cast<std::size_t>(*it)] && parent >= 0)
                m_keep[static_cast<std::size_t>(parent)] = 1;
        }
    }
    m_rows.reserve(n);
    for (const std::int32_t root : m_rootOrder.empty() ? m_trace->roots() : m_rootOrder) {
        if (!isShown(root))
            continue;
        m_rows.push_back(root);
        if (m_expanded[static_cast<std::size_t>(root)])
            appendVisibleChildren(root, m_rows);
    }
    renumberFrom(0);
}

void SpanTreeModel::renumberFrom(std::size_t row)
{
    for (std::size_t r = row; r < m_rows.size(); ++r)
        m_rowOf[static_cast<std::size_t>(m_rows[r])] = static_cast<std::int32_t>(r);
}

void SpanTreeModel::relayout()
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    rebuildRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &old : before)
        after.append(indexForSpan(spanIndex(old), old.column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SpanTreeModel::setExpanded(std::int32_t spanIndex, bool expanded)
{
    if (spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_expanded.size() || bool(m_expanded[static_cast<std::size_t>(spanIndex)]) == expanded)
        return;
    m_expanded[static_cast<std::size_t>(spanIndex)] = expanded;
    const std::int32_t row = m_rowOf[static_cast<std::size_t>(spanIndex)];
    if (row < 0)
        return;
    const auto first = static_cast<std::size_t>(row) + 1;
    if (expanded) {
        std::vector<std::int32_t> shown;
        appendVisibleChildren(spanIndex, shown);
        if (!shown.empty()) {
            beginInsertRows({}, static_cast<int>(first), static_cast<int>(first + shown.size() - 1));
            m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(first), shown.begin(), shown.end());
            renumberFrom(first);
            endInsertRows();
        }
    } else {
        // The subtree's rows follow it, deeper than it, in depth-first order.
        const std::uint32_t depth = m_trace->span(static_cast<std::size_t>(spanIndex)).depth;
        std::size_t end = first;
        while (end < m_rows.size() && m_trace->span(static_cast<std::size_t>(m_rows[end])).depth > depth)
            ++end;
        if (end > first) {
            beginRemoveRows({}, static_cast<int>(first), static_cast<int>(end - 1));
            for (std::size_t r = first; r < end; ++r)
                m_rowOf[static_cast<std::size_t>(m_rows[r])] = -1;
            m_rows.erase(m_rows.begin() + static_cast<std::ptrdiff_t>(first), m_rows.begin() + static_cast<std::ptrdiff_t>(end));
            renumberFrom(first);
            endRemoveRows();
        }
    }
    // The row's own look changes too (the arrow, the "(N)" of a collapsed parent).
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SpanTreeModel::expandAll()
{
    std::fill(m_expanded.begin(), m_expanded.end(), 1);
    relayout();
}

void SpanTreeModel::collapseAll()
{
    std::fill(m_expanded.begin(), m_expanded.end(), 0);
    relayout();
}

void SpanTreeModel::expandToDepth(int depth)
{
    for (std::size_t i = 0; i < m_expanded.size(); ++i)
        m_expanded[i] = static_cast<int>(m_trace->span(i).depth) <= depth;
    relayout();
}

void SpanTreeModel::expandAncestors(std::int32_t spanIndex)
{
    if (!m_trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_expanded.size())
        return;
    bool changed = false;
    for (std::int32_t p = m_trace->span(static_cast<std::size_t>(spanIndex)).parent; p >= 0; p = m_trace->span(static_cast<std::size_t>(p)).parent) {
        changed |= !m_expanded[static_cast<std::size_t>(p)];
        m_expanded[static_cast<std::size_t>(p)] = 1;
    }
    if (changed)
        relayout();
}

void SpanTreeModel::setMatches(const std::vector<char> *matches)
{
    m_matches = matches;
    if (m_onlyMatches)
        relayout();
}

void SpanTreeModel::setShowOnlyMatches(bool only)
{
    m_onlyMatches = only;
    std::fill(m_expanded.begin(), m_expanded.end(), 1);
    relayout();
}

void SpanTreeModel::setHiddenSpans(const std::vector<char> *hidden)
{
    m_hidden = hidden;
    relayout();
}

void SpanTreeModel::refilter()
{
    relayout();
}

void SpanTreeModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && (column < 0 || order == m_sortOrder))
        return;
    m_sortColumn = column >= 0 && column < ColumnCount ? column : -1;
    m_sortOrder = order;
    sortChildren();
    relayout();
}

void SpanTreeModel::sortChildren()
{
    m_children.clear();
    m_rootOrder.clear();
    if (m_sortColumn < 0 || !m_trace)
        return;
    const Trace &t = *m_trace;
    const std::size_t n = t.spanCount();
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::vector<QString> names;
    std::vector<double> keys;
    if (m_sortColumn == Name) {
        names.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            names[i] = data(createIndex(0, Name, static_cast<quintptr>(i)), Qt::DisplayRole).toString();
    } else {
        keys.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Span &s = t.span(i);
            keys[i] = static_cast<double>(m_sortColumn == Duration || m_sortColumn == PercentOfTrace ? s.durationUs
                                          : m_sortColumn == SelfTime                                ? s.selfTimeUs
                                                                                                     : s.startUs);
        }
    }
    const auto less = [&](std::int32_t a, std::int32_t b) {
        const auto x = static_cast<std::size_t>(descending ? b : a), y = static_cast<std::size_t>(descending ? a : b);
        return names.empty() ? keys[x] < keys[y] : QString::compare(names[x], names[y], Qt::CaseInsensitive) < 0;
    };
    std::size_t size = 0;
    for (std::size_t i = 0; i < n; ++i)
        size = std::max<std::size_t>(size, t.span(i).firstChild + t.span(i).childCount);
    m_children.resize(size);
    for (std::size_t i = 0; i < n; ++i) {
        const Span &s = t.span(i);
        if (s.childCount == 0)
            continue;
        std::copy(t.childrenBegin(s), t.childrenEnd(s), m_children.begin() + s.firstChild);
        std::stable_sort(m_children.begin() + s.firstChild, m_children.begin() + s.firstChild + s.childCount, less);
    }
    m_rootOrder = t.roots();
    std::stable_sort(m_rootOrder.begin(), m_rootOrder.end(), less);
}

QString SpanTreeModel::formatDuration(double us)
{
    if (std::isnan(us))
        return {};
    const double a = std::abs(us);
    if (a < 1000)
        return QCoreApplication::translate("td::SpanTreeModel", "%1 µs").arg(us, 0, 'f', 0);
    if (a < 1'000'000) {
        const double ms = us / 1000.0;
        return QCoreApplication::translate("td::SpanTreeModel", "%1 ms").arg(ms, 0, 'f', std::abs(ms) < 10 ? 2 : (std::abs(ms) < 100 ? 1 : 0));
    }
    const double sec = us / 1e6;
    if (a < 60e6)
        return QCoreApplication::translate("td::SpanTreeModel", "%1 s").arg(sec, 0, 'f', std::abs(sec) < 10 ? 3 : 2);
    const auto minutes = static_cast<qint64>(sec / 60);
    return QCoreApplication::translate("td::SpanTreeModel", "%1 min %2 s").arg(minutes).arg(sec - 60.0 * static_cast<double>(minutes), 0, 'f', 1);
}

QVariant SpanTreeModel::data(const QModelIndex &index, int role) const
{
    const Span *s = spanAt(index);
    if (!s)
        return {};
    const auto total = static_cast<double>(m_trace->durationUs());
    const double percent = total > 0 ? 100.0 * static_cast<double>(s->durationUs) / total : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: {
            const QString op = m_trace->qstr(s->name);
            if (s->isPlaceholder())
                return tr("missing span %1").arg(m_trace->qstr(s->spanId));
            return s->service ? m_trace->qstr(s->service) + QStringLiteral(": ") + op : op;
        }
        case Duration: return s->isPlaceholder() ? QString() : formatDuration(static_cast<double>(s->durationUs));
        case SelfTime: return s->isPlaceholder() ? QString() : formatDuration(static_cast<double>(s->selfTimeUs));
        case PercentOfTrace: return s->isPlaceholder() ? QString() : QStringLiteral("%1 %").arg(percent, 0, 'f', 1);
        case StartOffset: return formatDuration(static_cast<double>(s->startUs - m_trace->startUs()));
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() != Name && index.column() != Timeline)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SpanIndexRole: return static_cast<int>(index.internalId());
    case SortRole:
        switch (index.column()) {
        case Name: return data(index, Qt::DisplayRole);
        case Duration: return static_cast<qlonglong>(s->durationUs);
        case SelfTime: return static_cast<qlonglong>(s->selfTimeUs);
        case PercentOfTrace: return percent;
        default: return static_cast<qlonglong>(s->startUs);
        }
    case StartUsRole: return static_cast<qlonglong>(s->startUs);
    case DurationUsRole: return static_cast<qlonglong>(s->durationUs);
    case ServiceRole: return m_trace->qstr(s->service);
    case OperationRole: return m_trace->qstr(s->name);
    case ErrorRole: return s->isError();
    case WarningRole: return s->isWarning();
    case PlaceholderRole: return s->isPlaceholder();
    case CriticalPathRole: return s->hasFlag(SpanFlag::CriticalPath);
    default: return {};
    }
}

QVariant SpanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Span");
    case Duration: return tr("Duration");
    case SelfTime: return tr("Self time");
    case PercentOfTrace: return tr("% of trace");
    case StartOffset: return tr("Start");
    case Timeline: return tr("Timeline");
    default: return {};
    }
}

} // namespace td
