#include "tablecellpainter.h"

#include "plaintooltip.h"
#include "spanpalette.h"
#include "spanviewcontext.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QTextLayout>

#include <algorithm>

namespace td {

TableCellPainter::Style TableCellPainter::widgetStyle(const QPalette &palette)
{
    return {palette.color(QPalette::Text), palette.color(QPalette::HighlightedText), SpanPalette::errorColor(),
            palette.color(QPalette::Highlight).lighter(185), QColor(255, 235, 120)};
}

TableCellPainter::Style TableCellPainter::lightStyle()
{
    return {QColor(0x1A, 0x1A, 0x1A), QColor(0x1A, 0x1A, 0x1A), SpanPalette::errorColor().darker(115),
            QColor(0xDC, 0xEA, 0xFB), QColor(255, 235, 120)};
}

void TableCellPainter::paintBackground(QPainter *p, const QRectF &rect, const State &state, const Style &style)
{
    if (state.selected)
        return;
    if (state.match)
        p->fillRect(rect, style.matchBackground);
    else if (state.onSelectedSpan)
        p->fillRect(rect, style.spanBackground);
}

void TableCellPainter::paintText(QPainter *p, const QRectF &rect, const QString &text, Qt::Alignment align, int maxLines,
                                 const State &state, const Style &style)
{
    if (text.isEmpty())
        return;
    p->setPen(state.selected && !state.error ? style.selectedText : state.error ? style.errorText : style.text);
    const QFontMetricsF fm(p->font());
    if (maxLines <= 1 || fm.horizontalAdvance(text) <= rect.width()) {
        p->drawText(rect, static_cast<int>(align | Qt::TextSingleLine), fm.elidedText(text, Qt::ElideRight, rect.width()));
        return;
    }
    QTextLayout layout(text, p->font());
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    int lines = 0;
    int lastStart = -1;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        if (lines == maxLines) {
            line.setLineWidth(rect.width());
            break;
        }
        line.setLineWidth(rect.width());
        line.setPosition(QPointF(0, y));
        y += line.height();
        lastStart = line.textStart();
        ++lines;
    }
    layout.endLayout();
    const int drawn = layout.lineCount() > maxLines ? maxLines - 1 : layout.lineCount();
    const qreal top = rect.top() + (align & Qt::AlignVCenter ? (rect.height() - lines * fm.height()) / 2 : 0);
    for (int i = 0; i < drawn; ++i)
        layout.lineAt(i).draw(p, QPointF(rect.left(), top));
    if (layout.lineCount() > maxLines) {
        // The rest of the text on the last line, elided.
        const QString rest = text.mid(lastStart);
        p->drawText(QRectF(rect.left(), top + (maxLines - 1) * fm.height(), rect.width(), fm.height()),
                    static_cast<int>(Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine),
                    fm.elidedText(rest, Qt::ElideRight, rect.width()));
    }
}

int TableCellPainter::lineCount(const QFont &font, qreal width, const QString &text, int maxLines)
{
    if (maxLines <= 1 || QFontMetricsF(font).horizontalAdvance(text) <= width)
        return 1;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    int lines = 0;
    for (QTextLine line = layout.createLine(); line.isValid() && lines <= maxLines; line = layout.createLine()) {
        line.setLineWidth(width);
        ++lines;
    }
    layout.endLayout();
    return std::clamp(lines, 1, maxLines);
}

SpanRowDelegate::SpanRowDelegate(const SpanViewContext *context, int spanRole, int errorRole, QObject *parent)
    : QStyledItemDelegate(parent), m_context(context), m_spanRole(spanRole), m_errorRole(errorRole)
{
}

void SpanRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const std::int32_t span = index.data(m_spanRole).toInt();
    TableCellPainter::State state;
    state.error = index.data(m_errorRole).toBool();
    state.onSelectedSpan = span >= 0 && m_context->time && span == m_context->time->selectedSpan();
    state.match = m_context->isMatch(span);
    state.selected = option.state & QStyle::State_Selected;
    const TableCellPainter::Style style = TableCellPainter::widgetStyle(option.palette);
    TableCellPainter::paintBackground(painter, option.rect, state, style);
    const QWidget *widget = option.widget;
    (widget ? widget->style() : QApplication::style())->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    painter->save();
    painter->setFont(opt.font);
    const auto align = static_cast<Qt::Alignment>(index.data(Qt::TextAlignmentRole).toInt());
    TableCellPainter::paintText(painter, QRectF(option.rect.adjusted(4, 0, -4, 0)), text, align, 1, state, style);
    painter->restore();
}

bool SpanRowDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    showPlainToolTip(event->globalPos(), index.data(Qt::ToolTipRole).toString(), view->viewport(), option.rect);
    return true;
}

} // namespace td
