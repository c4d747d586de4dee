#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <vector>

namespace td {

// A read-only table for the Analysis tabs: each row has its texts, a sort value per column and the spans it
// stands for. The rows are filled from the plain results in analysis.h; the view never parses.
class AnalysisTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole, // numbers for numeric columns, text otherwise
        SpansRole,               // QList<int>: the span indices of the row
    };

    struct Row
    {
        QStringList texts;
        QVariantList sortValues; // same length as texts; an invalid QVariant sorts by the text
        std::vector<std::int32_t> spans;
        bool error = false; // drawn in the error colour
    };

    explicit AnalysisTableModel(QObject *parent = nullptr);

    void setHeaders(const QStringList &headers);
    void setRows(std::vector<Row> rows);
    const Row *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    std::vector<Row> m_rows;
};

} // namespace td
