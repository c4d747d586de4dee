#include "spannamedelegate.h"

#include "spanpainters.h"
#include "spantreemodel.h"
#include "timelinedelegate.h"
#include "spanviewcontext.h"

#include <QApplication>
#include <QPainter>

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
    const int depth = m_context->rows ? m_context->rows->depthOf(index.data(SpanTreeModel::SpanIndexRole).toInt()) : 0;
    s.setWidth(s.width() + option.fontMetrics.height() + 40 + (depth + 1) * indentStep);
    return s;
}

QRect SpanNameDelegate::branchRect(const QRect &cell, int depth)
{
    // A very deep span keeps half of the cell for its name.
    const int indent = std::min(depth * indentStep, std::max(0, cell.width() / 2 - indentStep));
    return QRect(cell.left() + indent, cell.top(), indentStep, cell.height());
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

    const bool expanded = ctx.rows && ctx.rows->isExpanded(spanIndex);
    const QRect branch = branchRect(option.rect, ctx.rows ? ctx.rows->depthOf(spanIndex) : 0);
    if (span.childCount > 0) {
        QStyleOption arrow;
        if (widget)
            arrow.initFrom(widget);
        arrow.rect = branch;
        arrow.palette = option.palette;
        arrow.state = QStyle::State_Item | QStyle::State_Children | (expanded ? QStyle::State_Open : QStyle::State_None)
                    | (selected ? QStyle::State_Selected : QStyle::State_None) | QStyle::State_Enabled;
        style->drawPrimitive(QStyle::PE_IndicatorBranch, &arrow, painter, widget);
    }
    QRect nameCell = option.rect;
    nameCell.setLeft(branch.right() + 1);

    SpanNameText text;
    if (span.isPlaceholder()) {
        text.name = index.data(Qt::DisplayRole).toString();
    } else {
        text.service = trace.qstr(span.service);
        text.name = trace.qstr(span.name);
        text.marks = spanMarkText(ctx.markOf(spanIndex));
        if (const int folded = ctx.foldCountOf(spanIndex); folded > 1)
            text.suffix = QStringLiteral(" \u00D7%1").arg(folded); // "×N": N repeated calls folded into this row
        if (span.childCount > 0 && !expanded)
            text.suffix += QStringLiteral(" (%1)").arg(span.childCount);
    }
    SpanPaintStyle paintStyle = spanPaintStyle(option, ctx);
    paintStyle.bold = option.font;
    paintStyle.bold.setBold(true);
    paintSpanName(painter, span, nameCell, text, ctx.palette, paintStyle);
}

} // namespace td
