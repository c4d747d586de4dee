#include "analysistablemodel.h"

#include "spanpalette.h"

namespace td {

AnalysisTableModel::AnalysisTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AnalysisTableModel::setHeaders(const QStringList &headers)
{
    beginResetModel();
    m_headers = headers;
    m_rows.clear();
    endResetModel();
}

void AnalysisTableModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const AnalysisTableModel::Row *AnalysisTableModel::rowAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int AnalysisTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AnalysisTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant AnalysisTableModel::data(const QModelIndex &index, int role) const
{
    const Row *r = rowAt(index.row());
    if (!r || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return c < r->texts.size() ? r->texts.at(c) : QString();
    case SortRole:
        if (c < r->sortValues.size() && r->sortValues.at(c).isValid())
            return r->sortValues.at(c);
        return c < r->texts.size() ? r->texts.at(c) : QString();
    case Qt::TextAlignmentRole: {
        const bool numeric = c < r->sortValues.size() && r->sortValues.at(c).isValid()
                          && r->sortValues.at(c).typeId() != QMetaType::QString;
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    case Qt::ForegroundRole:
        return r->error ? QVariant(SpanPalette::errorColor()) : QVariant();
    case SpansRole: {
        QList<int> spans;
        spans.reserve(static_cast<qsizetype>(r->spans.size()));
        for (const std::int32_t i : r->spans)
            spans << i;
        return QVariant::fromValue(spans);
    }
    default:
        return {};
    }
}

QVariant AnalysisTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace td
