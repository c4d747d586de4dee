#include "spantreemodel.h"

#include <QCoreApplication>

#include <cmath>

namespace td {

SpanTreeModel::SpanTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void SpanTreeModel::setTrace(TracePtr trace)
{
    beginResetModel();
    m_trace = std::move(trace);
    endResetModel();
}

std::int32_t SpanTreeModel::spanIndex(const QModelIndex &index)
{
    return index.isValid() ? static_cast<std::int32_t>(index.internalId()) : NoIndex;
}

const Span *SpanTreeModel::spanAt(const QModelIndex &index) const
{
    if (!m_trace || !index.isValid() || index.internalId() >= m_trace->spanCount())
        return nullptr;
    return &m_trace->span(index.internalId());
}

QModelIndex SpanTreeModel::indexForSpan(std::int32_t spanIndex, int column) const
{
    if (!m_trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_trace->spanCount())
        return {};
    const Span &s = m_trace->span(static_cast<std::size_t>(spanIndex));
    return createIndex(static_cast<int>(s.rowInParent), column, static_cast<quintptr>(spanIndex));
}

QModelIndex SpanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    std::int32_t child = NoIndex;
    if (const Span *p = spanAt(parent))
        child = m_trace->child(*p, static_cast<std::uint32_t>(row));
    else
        child = m_trace->roots().at(static_cast<std::size_t>(row));
    return createIndex(row, column, static_cast<quintptr>(child));
}

QModelIndex SpanTreeModel::parent(const QModelIndex &child) const
{
    const Span *s = spanAt(child);
    if (!s || s->parent == NoIndex)
        return {};
    return indexForSpan(s->parent);
}

int SpanTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_trace || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_trace->roots().size());
    const Span *s = spanAt(parent);
    return s ? static_cast<int>(s->childCount) : 0;
}

int SpanTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool SpanTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
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
