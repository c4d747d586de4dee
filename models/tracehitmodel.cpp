#include "tracehitmodel.h"

#include "spantreemodel.h"

#include <QDateTime>
#include <QTimeZone>

namespace td {

TraceHitModel::TraceHitModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TraceHitModel::setHits(std::vector<TraceHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

void TraceHitModel::setUtc(bool utc)
{
    if (m_utc == utc)
        return;
    m_utc = utc;
    if (!m_hits.empty())
        Q_EMIT dataChanged(index(0, Start), index(rowCount() - 1, Start));
}

int TraceHitModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int TraceHitModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TraceHitModel::formatStart(std::int64_t epochUs, bool utc)
{
    const QDateTime t = utc ? QDateTime::fromMSecsSinceEpoch(epochUs / 1000, QTimeZone::utc())
                            : QDateTime::fromMSecsSinceEpoch(epochUs / 1000);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + (utc ? QStringLiteral(" UTC") : QString());
}

QVariant TraceHitModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const TraceHit &h = hit(index.row());
    const auto count = [](std::int64_t n) { return n < 0 ? QStringLiteral("–") : QString::number(n); };
    const auto text = [](const std::string &s) { return QString::fromStdString(s); };
    if (role == TraceIdRole)
        return text(h.traceId);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Start: return formatStart(h.startUs, m_utc);
        case RootService: return text(h.rootService);
        case RootName: return text(h.rootName);
        case Duration: return SpanTreeModel::formatDuration(double(h.durationUs));
        case Spans: return count(h.spanCount);
        case Errors: return count(h.errorCount);
        case Services: {
            QStringList names;
            for (const std::string &s : h.services)
                names << text(s);
            return names.join(QStringLiteral(", "));
        }
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Start: return qlonglong(h.startUs);
        case Duration: return qlonglong(h.durationUs);
        case Spans: return qlonglong(h.spanCount);
        case Errors: return qlonglong(h.errorCount);
        case Services: return int(h.services.size());
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("Trace %1").arg(text(h.traceId));
    if (role == Qt::TextAlignmentRole && (index.column() == Duration || index.column() == Spans || index.column() == Errors))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TraceHitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Start: return tr("Start");
    case RootService: return tr("Root service");
    case RootName: return tr("Root operation");
    case Duration: return tr("Duration");
    case Spans: return tr("Spans");
    case Errors: return tr("Errors");
    case Services: return tr("Services");
    default: return {};
    }
}

} // namespace td
