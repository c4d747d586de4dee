#include "timelinedelegate.h"

#include "spanviewcontext.h"
#include "spantreemodel.h"

#include <QApplication>
#include <QPainter>
#include <QTreeView>

#include <cmath>
#include <cstring>

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

QRect TimelineDelegate::barRect(const Span &span, std::int64_t startUs, const QRect &cell, const SpanViewContext &context)
{
    const TimeRange &visible = context.time->visibleRange();
    const int width = cell.width();
    const double x0 = timeToPixel(startUs, visible, width);
    const double x1 = timeToPixel(startUs + span.durationUs, visible, width);
    // Clamp far-off bars so integer conversion stays sane when deeply zoomed.
    const int left = static_cast<int>(std::floor(std::clamp(x0, -10.0, width + 10.0)));
    const int right = static_cast<int>(std::ceil(std::clamp(x1, -10.0, width + 10.0)));
    const int h = std::max(4, cell.height() - 8);
    return QRect(cell.left() + left, cell.top() + (cell.height() - h) / 2, std::max(1, right - left), h);
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
    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing, false);

    const bool raw = ctx.showRawTimes;
    const std::int64_t shownStart = raw ? span.rawStartUs : span.startUs;
    const QRect bar = barRect(span, shownStart, cell, ctx);
    const TimeRange &visible = ctx.time->visibleRange();
    const auto xAt = [&](double us) {
        return cell.left() + static_cast<int>(std::lround(std::clamp(
            static_cast<double>(us - static_cast<double>(visible.startUs)) * cell.width() / static_cast<double>(visible.durationUs()),
            -10.0, cell.width() + 10.0)));
    };
    const bool dim = ctx.showCriticalPath && !span.hasFlag(SpanFlag::CriticalPath);

    // Where the span was before clock-skew correction.
    if (!raw && span.skewShiftUs != 0) {
        const QRect ghost = barRect(span, span.rawStartUs, cell, ctx);
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(ghost.adjusted(0, 0, -1, -1));
    }

    QColor color = span.isError() ? SpanPalette::errorColor() : ctx.palette.barColor(span);
    if (dim)
        color = QColor::fromHsv(color.hsvHue(), color.hsvSaturation() / 4, std::min(255, color.value() + 60));
    if (span.isPlaceholder()) {
        painter->fillRect(bar, SpanPalette::placeholderColor().lighter(150));
        painter->fillRect(bar, QBrush(SpanPalette::placeholderColor(), Qt::BDiagPattern));
        painter->setPen(QPen(SpanPalette::placeholderColor().darker(130), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(bar.adjusted(0, 0, -1, -1));
    } else {
        painter->fillRect(bar, color);
        // Network time of a shared client/server span: cs->sr and ss->cr, lighter.
        // Recorded times in the raw view, corrected ones (client and server side each by its own shift) otherwise.
        const auto [cs, sr, ss, cr] = raw ? trace.rpcTimes(span) : trace.adjustedRpcTimes(span);
        const QColor light = color.lighter(150);
        const auto lighten = [&](std::int64_t from, std::int64_t to) {
            if (from && to && to > from) {
                const int a = std::max(bar.left(), xAt(static_cast<double>(from)));
                const int b = std::min(bar.right() + 1, xAt(static_cast<double>(to)));
                if (b > a)
                    painter->fillRect(QRect(a, bar.top(), b - a, bar.height()), light);
            }
        };
        lighten(cs, sr);
        lighten(ss, cr);
        const QColor tick = color.darker(170);
        for (const std::int64_t t : {cs, sr, ss, cr}) {
            if (t)
                painter->fillRect(QRect(xAt(static_cast<double>(t)), bar.top(), 1, bar.height()), tick);
        }
        if (span.isWarning() || span.isError()) {
            painter->setPen(QPen(span.isError() ? SpanPalette::errorColor().darker(150) : SpanPalette::warningColor(), 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(bar.adjusted(0, 0, -1, -1));
        }
        if (ctx.showCriticalPath && span.hasFlag(SpanFlag::CriticalPath)) {
            painter->setPen(QPen(option.palette.color(QPalette::WindowText), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(bar.adjusted(-1, -1, 0, 0));
        }
        // The usual duration (moving average), and the threshold optimize_warn_pct sets above it.
        if (span.hasDurationMoveAvg()) {
            const int x = xAt(static_cast<double>(shownStart) + span.durationMoveAvgUs);
            painter->fillRect(QRect(x - 1, bar.top() - 3, 2, bar.height() + 6), option.palette.color(QPalette::WindowText));
            if (!std::isnan(span.warnPct) && span.warnPct > 0) {
                const int w = xAt(static_cast<double>(shownStart) + span.durationMoveAvgUs * (1.0 + span.warnPct / 100.0));
                painter->setPen(QPen(SpanPalette::warningColor().darker(120), 2, Qt::DotLine));
                painter->drawLine(w, bar.top() - 3, w, bar.bottom() + 3);
            }
        }
    }

    // The duration beside the bar, or inside it when there is no room outside; the user's marks after it.
    QString label = SpanTreeModel::formatDuration(static_cast<double>(span.durationUs));
    if (const int marks = ctx.markOf(spanIndex))
        label += QStringLiteral("  ") + spanMarkText(marks);
    if (!span.isPlaceholder()) {
        const QFontMetrics &fm = option.fontMetrics;
        const int textWidth = fm.horizontalAdvance(label) + 6;
        QRect textRect;
        if (cell.right() - bar.right() >= textWidth)
            textRect = QRect(bar.right() + 4, cell.top(), textWidth, cell.height());
        else if (bar.left() - cell.left() >= textWidth)
            textRect = QRect(bar.left() - textWidth - 2, cell.top(), textWidth, cell.height());
        if (textRect.isValid()) {
            painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                                    : option.palette.color(QPalette::Text));
            painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, label);
        } else if (const QRect shown = bar.intersected(cell); shown.width() > 20) {
            // Inside the part of the bar that is on screen, so a bar running off the left edge keeps its label.
            painter->setPen(color.lightness() > 140 ? Qt::black : Qt::white);
            painter->drawText(shown.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter,
                              fm.elidedText(label, Qt::ElideRight, shown.width() - 6));
        }
    }
    painter->restore();
}

} // namespace td
