#include "librarytablemodel.h"

#include "spantreemodel.h"

#include <QTimeZone>

namespace td {

LibraryTableModel::LibraryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LibraryTableModel::setEntries(std::vector<LibraryEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void LibraryTableModel::setUtc(bool utc)
{
    if (m_utc == utc)
        return;
    m_utc = utc;
    if (!m_entries.empty())
        Q_EMIT dataChanged(index(0, Opened), index(rowCount() - 1, Started));
}

int LibraryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LibraryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LibraryTableModel::rootText(const LibraryEntry &e)
{
    if (e.rootService.isEmpty() || e.rootOperation.isEmpty())
        return e.rootService.isEmpty() ? e.rootOperation : e.rootService;
    return e.rootService + QStringLiteral(": ") + e.rootOperation;
}

QString LibraryTableModel::formatTime(const QDateTime &t, bool utc)
{
    return (utc ? t.toUTC() : t.toLocalTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + (utc ? QStringLiteral(" UTC") : QString());
}

QVariant LibraryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const LibraryEntry &e = entry(index.row());
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(e.startUs / 1000, QTimeZone::utc());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Opened: return formatTime(e.openedAt, m_utc);
        case Started: return formatTime(started, m_utc);
        case TraceId: return e.traceId;
        case Root: return rootText(e);
        case Duration: return SpanTreeModel::formatDuration(double(e.durationUs));
        case Spans: return QString::number(e.spanCount);
        case Errors: return QString::number(e.errorCount);
        case Services: return e.services.join(QStringLiteral(", "));
        case Source: return e.source;
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Opened: return qlonglong(e.openedAt.toMSecsSinceEpoch());
        case Started: return qlonglong(e.startUs);
        case Duration: return qlonglong(e.durationUs);
        case Spans: return qlonglong(e.spanCount);
        case Errors: return qlonglong(e.errorCount);
        case Services: return int(e.services.size());
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    if (role == Qt::ToolTipRole) {
        // Qt guesses whether a tooltip is rich text; escaped text in a <p> is always shown as it reads.
        QString text = data(index, Qt::DisplayRole).toString();
        if (index.column() == Source && e.hasStoredCopy())
            text = tr("%1\nA copy of the answer is stored (%2 bytes): the trace opens without the backend.")
                       .arg(e.source)
                       .arg(e.storedCopyBytes);
        return QString(QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() + QStringLiteral("</p>"));
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Duration || index.column() == Spans || index.column() == Errors))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant LibraryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Opened: return tr("Opened");
    case Started: return tr("Started");
    case TraceId: return tr("Trace ID");
    case Root: return tr("Root service: operation");
    case Duration: return tr("Duration");
    case Spans: return tr("Spans");
    case Errors: return tr("Errors");
    case Services: return tr("Services");
    case Source: return tr("Source");
    default: return {};
    }
}

} // namespace td
