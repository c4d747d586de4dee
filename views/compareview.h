#pragma once

#include "exportoptions.h"
#include "tracecompare.h"

#include <QAbstractItemModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeView;

namespace td {

// The rows of a TraceCompare for a QTreeView: the tree of paths, or a flat list by largest slowdown first.
// Columns: name, count A, count B, duration A, duration B, difference, ratio, timeline (A's and B's bars).
class CompareTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountAColumn, CountBColumn, DurationAColumn, DurationBColumn, DeltaColumn, RatioColumn,
                  TimelineColumn, ColumnCount };
    enum Role { RowRole = Qt::UserRole + 1, SortRole };

    explicit CompareTreeModel(QObject *parent = nullptr);
    void setCompare(const TraceCompare *compare, std::int64_t axisUs);
    const TraceCompare *compare() const { return m_compare; }
    std::int64_t axisUs() const { return m_axisUs; }
    // Flat, largest slowdown first (true), or the tree of paths (false).
    void setBySlowdown(bool bySlowdown);
    bool bySlowdown() const { return m_bySlowdown; }
    QModelIndex indexOfRow(std::int32_t row, int column = 0) const;
    std::int32_t rowOf(const QModelIndex &index) const;

    // The cell texts, shared by the view and the export.
    static QString cellText(const TraceCompare &compare, std::int32_t row, int column);
    static QString headerText(int column);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const std::vector<std::int32_t> &childrenOf(std::int32_t row) const;

    const TraceCompare *m_compare = nullptr;
    std::int64_t m_axisUs = 1;
    bool m_bySlowdown = false;
    std::vector<std::int32_t> m_slowdown;
    std::vector<std::int32_t> m_positionInSlowdown;
    std::vector<std::int32_t> m_rowInParent; // by compare row
};

// The colours of a comparison: A's and B's bars, rows only in A and only in B.
struct CompareColors
{
    static QColor barA() { return QColor(0x4C, 0x78, 0xA8); }
    static QColor barB() { return QColor(0xF5, 0x85, 0x18); }
    static QColor onlyA() { return QColor(0xD5, 0x1E, 0x1E, 60); }
    static QColor onlyB() { return QColor(0x2E, 0x9E, 0x44, 60); }
};

// A tab comparing two traces: one tree of service+operation paths with, per row, the count and duration in
// A and B, the difference and the ratio; rows only in A or only in B in their own colours; A's and B's bars
// of a row one above the other on a shared axis relative to each trace's start. The row with the biggest
// slowdown is selected first.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    CompareView(TracePtr a, TracePtr b, const QString &nameA, const QString &nameB, QWidget *parent = nullptr);
    ~CompareView() override;

    const TraceCompare &compare() const { return m_compare; }
    const TracePtr &traceA() const { return m_a; }
    const TracePtr &traceB() const { return m_b; }
    QString title() const;
    QTreeView *tree() const { return m_tree; }
    CompareTreeModel *model() const { return m_model; }
    QComboBox *orderBox() const { return m_order; }
    std::int32_t selectedRow() const;
    void setBySlowdown(bool bySlowdown);
    // What File > Export draws for this tab: A's header, the comparison below (rows in the view's order).
    ExportSource exportSource() const;

private:
    void selectRow(std::int32_t row);

    TracePtr m_a, m_b;
    QString m_nameA, m_nameB;
    TraceCompare m_compare;
    CompareTreeModel *m_model;
    QTreeView *m_tree;
    QComboBox *m_order;
    QLabel *m_summary;
};

} // namespace td
