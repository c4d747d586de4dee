#pragma once

#include <QStyledItemDelegate>

namespace td {

struct SpanViewContext;
struct SpanPaintStyle;

// Paints the Gantt bar of one span in the timeline column, on the shared time axis. Works on the one row
// it is asked for, so the paint cost follows the visible rows, not the trace size.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TimelineDelegate(const SpanViewContext *context, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const SpanViewContext *m_context;
};

// The drawing style of a row of the tree: its font and the screen's palette, selection and switches.
SpanPaintStyle spanPaintStyle(const QStyleOptionViewItem &option, const SpanViewContext &context);

} // namespace td
