#pragma once

#include "backendapi.h"

#include <QAbstractTableModel>

#include <vector>

namespace td {

// Search results as a table: start, root service, root operation, duration, spans, errors, services.
// SortRole gives numbers for the numeric columns so that a proxy sorts 9 ms before 10 ms.
class TraceHitModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Start, RootService, RootName, Duration, Spans, Errors, Services, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int TraceIdRole = Qt::UserRole + 2;

    explicit TraceHitModel(QObject *parent = nullptr);

    void setHits(std::vector<TraceHit> hits);
    const std::vector<TraceHit> &hits() const { return m_hits; }
    const TraceHit &hit(int row) const { return m_hits.at(static_cast<std::size_t>(row)); }
    // Show start times in UTC rather than local time.
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString formatStart(std::int64_t epochUs, bool utc);

private:
    std::vector<TraceHit> m_hits;
    bool m_utc = false;
};

} // namespace td
