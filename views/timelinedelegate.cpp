#include "timelinedelegate.h"

#include "spanviewcontext.h"
#include "spanpainters.h"
#include "spantreemodel.h"

#include <QApplication>
#include <QPainter>


namespace td {

TimelineDelegate::TimelineDelegate(const SpanViewContext *context, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_context(context)
{
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(std::max(s.height(), option.fontMetrics.height() + 6));
    s.setWidth(200);
    return s;
}

void TimelineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const SpanViewContext &ctx = *m_context;
    const std::int32_t spanIndex = index.data(SpanTreeModel::SpanIndexRole).toInt();
    if (!ctx.trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= ctx.trace->spanCount())
        return;
    const Trace &trace = *ctx.trace;
    const Span &span = trace.span(static_cast<std::size_t>(spanIndex));

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    if (ctx.isOnSelectedPath(spanIndex) && !(option.state & QStyle::State_Selected))
        painter->fillRect(option.rect, option.palette.color(QPalette::Highlight).lighter(185));
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QRect cell = option.rect.adjusted(2, 0, -2, 0);
    if (cell.width() <= 2)
        return;
    const SpanPaintStyle paintStyle = spanPaintStyle(option, ctx);
    const QRectF bar = paintSpanBar(painter, trace, span, cell, ctx.time->visibleRange(), ctx.palette, paintStyle);
    // The duration beside the bar; the user's marks after it.
    QString label = SpanTreeModel::formatDuration(static_cast<double>(span.durationUs));
    if (const int marks = ctx.markOf(spanIndex))
        label += QStringLiteral("  ") + spanMarkText(marks);
    paintSpanBarLabel(painter, span, cell, bar, label, ctx.palette, paintStyle);
}

SpanPaintStyle spanPaintStyle(const QStyleOptionViewItem &option, const SpanViewContext &context)
{
    SpanPaintStyle style;
    style.font = option.font; // bold (for service names) is the name delegate's to set
    style.text = option.palette.color(QPalette::Text);
    style.muted = option.palette.color(QPalette::PlaceholderText);
    style.selectedText = option.palette.color(QPalette::HighlightedText);
    style.ink = option.palette.color(QPalette::WindowText);
    style.ghost = option.palette.color(QPalette::Mid);
    style.selected = option.state & QStyle::State_Selected;
    style.showRawTimes = context.showRawTimes;
    style.showCriticalPath = context.showCriticalPath;
    return style;
}

} // namespace td
