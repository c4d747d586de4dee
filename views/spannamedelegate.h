#pragma once

#include <QStyledItemDelegate>

namespace td {

struct SpanViewContext;

// The tree column of a span view: the indentation of the span's depth and its expand/collapse arrow
// (the rows are flat, SpanTreeModel), then status mark, service in its colour, operation, and the number
// of children when the row is collapsed. Span data is drawn as plain text.
class SpanNameDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SpanNameDelegate(const SpanViewContext *context, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static constexpr int indentStep = 12; // narrow, so a deep trace's names stay readable
    // Where the arrow of a span at this depth is drawn in its name cell (and clicked).
    static QRect branchRect(const QRect &cell, int depth);

private:
    const SpanViewContext *m_context;
};

} // namespace td
