#pragma once

#include "trace.h"

#include <QAbstractItemModel>

namespace td {

// The span tree of a trace as a Qt item model: internalId is the span index, parent and row come
// straight from Span::parent and Span::rowInParent, so navigation never searches.
class SpanTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Duration, SelfTime, PercentOfTrace, StartOffset, Timeline, ColumnCount };
    enum Role {
        SpanIndexRole = Qt::UserRole, // std::int32_t span index
        SortRole,                     // numbers for the time columns, text for the name
        StartUsRole,                  // adjusted start, µs since the epoch
        DurationUsRole,
        ServiceRole,
        OperationRole,
        ErrorRole,
        WarningRole,
        PlaceholderRole,
        CriticalPathRole,
    };

    explicit SpanTreeModel(QObject *parent = nullptr);

    // Resets the model; call on the GUI thread only.
    void setTrace(TracePtr trace);
    const TracePtr &trace() const { return m_trace; }

    QModelIndex indexForSpan(std::int32_t spanIndex, int column = Name) const;
    static std::int32_t spanIndex(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "901 ms", "1.25 s", "450 µs": the way durations read everywhere in TraceDesk.
    static QString formatDuration(double us);

private:
    const Span *spanAt(const QModelIndex &index) const;

    TracePtr m_trace;
};

} // namespace td
