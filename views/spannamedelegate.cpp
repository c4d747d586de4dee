#include "spannamedelegate.h"

#include "spantreemodel.h"
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

    painter->save();
    painter->setClipRect(option.rect);
    QRect r = option.rect.adjusted(3, 0, -3, 0);
    const QFontMetrics &fm = option.fontMetrics;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

    // Status mark: a red disc for errors, an amber one for slow-call warnings.
    const int d = std::min(fm.height() - 4, r.height() - 4);
    if (span.isError() || span.isWarning()) {
        painter->setRenderHint(QPainter::Antialiasing, true);
        const QRect disc(r.left(), r.top() + (r.height() - d) / 2, d, d);
        painter->setPen(Qt::NoPen);
        painter->setBrush(span.isError() ? SpanPalette::errorColor() : SpanPalette::warningColor());
        painter->drawEllipse(disc);
        painter->setPen(Qt::white);
        QFont bold = option.font;
        bold.setBold(true);
        bold.setPixelSize(std::max(6, d - 2));
        painter->setFont(bold);
        painter->drawText(disc, Qt::AlignCenter, QStringLiteral("!"));
        painter->setRenderHint(QPainter::Antialiasing, false);
    }
    r.setLeft(r.left() + d + 4);

    if (span.isPlaceholder()) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(selected ? text : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(italic).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, r.width()));
        painter->restore();
        return;
    }

    // The user's marks (bookmark, note) at the right end of the cell, where they line up.
    if (const int marks = ctx.markOf(spanIndex)) {
        const QString glyphs = spanMarkText(marks);
        const int w = fm.horizontalAdvance(glyphs) + 4;
        painter->setPen(selected ? text : SpanPalette::warningColor().darker(130));
        painter->drawText(QRect(r.right() - w, r.top(), w, r.height()), Qt::AlignRight | Qt::AlignVCenter, glyphs);
        r.setRight(r.right() - w - 2);
    }

    QString suffix;
    if (const int folded = ctx.foldCountOf(spanIndex); folded > 1)
        suffix = QStringLiteral(" \u00D7%1").arg(folded); // "×N": N repeated calls folded into this row
    if (span.childCount > 0 && ctx.view && !ctx.view->isExpanded(index.siblingAtColumn(0)))
        suffix += QStringLiteral(" (%1)").arg(span.childCount);
    const int suffixWidth = suffix.isEmpty() ? 0 : fm.horizontalAdvance(suffix);

    const QString service = trace.qstr(span.service);
    if (!service.isEmpty()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        const QFontMetrics bfm(bold);
        const QString s = bfm.elidedText(service, Qt::ElideRight, std::max(0, std::min(r.width() / 2, r.width() - suffixWidth)));
        painter->setPen(selected ? text : SpanPalette::textColorFor(ctx.palette.serviceColor(span.service)));
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, s);
        r.setLeft(r.left() + bfm.horizontalAdvance(s) + fm.horizontalAdvance(QLatin1Char(' ')));
    }
    painter->setFont(option.font);
    painter->setPen(text);
    const QString op = fm.elidedText(trace.qstr(span.name), Qt::ElideMiddle, std::max(0, r.width() - suffixWidth));
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, op);
    if (!suffix.isEmpty()) {
        r.setLeft(r.left() + fm.horizontalAdvance(op));
        painter->setPen(selected ? text : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, suffix);
    }
    painter->restore();
}

} // namespace td
