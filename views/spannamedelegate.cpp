#include "spannamedelegate.h"

#include "spanpainters.h"
#include "spantreemodel.h"
#include "timelinedelegate.h"
#include "spanviewcontext.h"

#include <QApplication>
#include <QPainter>
#include <QTreeView>

namespace td {

SpanNameDelegate::SpanNameDelegate(const SpanViewContext *context, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_context(context)
{
}

QSize SpanNameDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(std::max(s.height(), option.fontMetrics.height() + 6));
    s.setWidth(s.width() + option.fontMetrics.height() + 40);
    return s;
}

void SpanNameDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const SpanViewContext &ctx = *m_context;
    const std::int32_t spanIndex = index.data(SpanTreeModel::SpanIndexRole).toInt();
    if (!ctx.trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= ctx.trace->spanCount())
        return QStyledItemDelegate::paint(painter, option, index);
    const Trace &trace = *ctx.trace;
    const Span &span = trace.span(static_cast<std::size_t>(spanIndex));

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const bool selected = option.state & QStyle::State_Selected;
    if (ctx.isOnSelectedPath(spanIndex) && !selected)
        painter->fillRect(option.rect, option.palette.color(QPalette::Highlight).lighter(185));
    if (ctx.isMatch(spanIndex) && !selected)
        painter->fillRect(option.rect, QColor(255, 235, 120));
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    SpanNameText text;
    if (span.isPlaceholder()) {
        text.name = index.data(Qt::DisplayRole).toString();
    } else {
        text.service = trace.qstr(span.service);
        text.name = trace.qstr(span.name);
        text.marks = spanMarkText(ctx.markOf(spanIndex));
        if (const int folded = ctx.foldCountOf(spanIndex); folded > 1)
            text.suffix = QStringLiteral(" \u00D7%1").arg(folded); // "×N": N repeated calls folded into this row
        if (span.childCount > 0 && ctx.view && !ctx.view->isExpanded(index.siblingAtColumn(0)))
            text.suffix += QStringLiteral(" (%1)").arg(span.childCount);
    }
    paintSpanName(painter, span, option.rect, text, ctx.palette, spanPaintStyle(option, ctx));
}

} // namespace td
