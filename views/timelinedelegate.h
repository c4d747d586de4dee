#pragma once

#include <QStyledItemDelegate>

namespace td {

struct SpanViewContext;
struct Span;

// Paints the Gantt bar of one span in the timeline column, on the shared time axis. Works on the one row
// it is asked for, so the paint cost follows the visible rows, not the trace size.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TimelineDelegate(const SpanViewContext *context, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Bar rectangle of a span in a cell, at least one pixel wide; for hit tests and tests.
    static QRect barRect(const Span &span, std::int64_t startUs, const QRect &cell, const SpanViewContext &context);

private:
    const SpanViewContext *m_context;
};

} // namespace td
