#pragma once

#include "trace.h"

#include <QAbstractItemModel>

#include <vector>

namespace td {

// The span tree of a trace as the rows a view shows: a flat list of the spans that are visible (their
// ancestors expanded, not filtered out, not folded away), in depth-first order, each with its depth for the
// indentation. The model keeps the expanded state itself, one flag per span, so expanding or collapsing
// every span of a million-span trace is one pass over a vector and one layout change, not a signal and a
// view item per row (QTreeView's expandAll over a tree model walks and records every parent). Rows are
// added and removed with the usual signals when one span is expanded or collapsed. internalId is the span
// index.
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

    // Resets the model with every span expanded to expandDepth (0: only the roots' children shown; -1 every
    // span) and no hidden spans; call on the GUI thread only.
    void setTrace(TracePtr trace, int expandDepth = -1);
    const TracePtr &trace() const { return m_trace; }

    // The row of a span, or an invalid index when the span is not shown.
    QModelIndex indexForSpan(std::int32_t spanIndex, int column = Name) const;
    static std::int32_t spanIndex(const QModelIndex &index);
    std::int32_t spanAtRow(int row) const;
    // Depth for the indentation: 0 for a root.
    int depthOf(std::int32_t spanIndex) const;

    bool isExpanded(std::int32_t spanIndex) const;
    // Shows or hides a span's children (rows inserted or removed).
    void setExpanded(std::int32_t spanIndex, bool expanded);
    void expandAll();
    void collapseAll();
    // Spans at depth <= depth expanded, the others collapsed.
    void expandToDepth(int depth);
    // Expands the ancestors of a span, so that it has a row unless it is filtered out.
    void expandAncestors(std::int32_t spanIndex);

    // Search: with onlyMatches, only matching spans and their ancestors have rows. One flag per span index;
    // the vector must outlive its use here. Call refilter() after changing its contents.
    void setMatches(const std::vector<char> *matches);
    // Turning it on or off expands every span, so that all the matches, then the whole tree, are in view.
    void setShowOnlyMatches(bool only);
    bool showOnlyMatches() const { return m_onlyMatches; }
    // One flag per span index: spans (and their subtrees) without a row whatever else is shown, as folded
    // repeated calls; nullptr for none.
    void setHiddenSpans(const std::vector<char> *hidden);
    // The rows again after the matches or hidden flags changed (a layout change: selection kept).
    void refilter();
    // Siblings in the order of a column (SortRole), or in start order for column -1; children stay under
    // their parents.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

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
    bool isShown(std::int32_t spanIndex) const;
    // Appends the visible rows of span's subtree below it (not span itself) to out.
    void appendVisibleChildren(std::int32_t spanIndex, std::vector<std::int32_t> &out) const;
    void rebuildRows();
    void relayout();
    void renumberFrom(std::size_t row);
    void sortChildren();

    TracePtr m_trace;
    std::vector<std::int32_t> m_rows;     // span index by row
    std::vector<std::int32_t> m_rowOf;    // row by span index, -1 when not shown
    std::vector<char> m_expanded;         // by span index
    std::vector<char> m_keep;             // only matches: the span matches or has a matching descendant
    std::vector<std::int32_t> m_children; // the trace's child lists in the sort order (empty: the trace's order)
    std::vector<std::int32_t> m_rootOrder; // the roots in the sort order
    const std::vector<char> *m_matches = nullptr;
    const std::vector<char> *m_hidden = nullptr;
    bool m_onlyMatches = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace td
