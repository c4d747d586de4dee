#include "spanpainters.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

void drawText(QPainter *p, const QRectF &rect, int flags, const QString &text, const SpanPaintStyle &style)
{
    if (text.isEmpty())
        return;
    if (style.drawn)
        style.drawn->append(text);
    p->drawText(rect, flags, text);
}

// Pixel of a time in a cell, clamped a little outside it.
double xAt(double us, const QRectF &cell, const TimeRange &visible)
{
    const double x = (us - static_cast<double>(visible.startUs)) * cell.width() / static_cast<double>(std::max<std::int64_t>(1, visible.durationUs()));
    return cell.left() + std::clamp(x, -10.0, cell.width() + 10.0);
}

QColor barColorOf(const Span &span, const SpanPalette &palette, const SpanPaintStyle &style)
{
    QColor color = span.isError() ? SpanPalette::errorColor() : palette.barColor(span);
    if (style.showCriticalPath && !span.hasFlag(SpanFlag::CriticalPath))
        color = QColor::fromHsv(color.hsvHue(), color.hsvSaturation() / 4, std::min(255, color.value() + 60));
    return color;
}

} // namespace

QRectF spanBarRect(const Span &span, std::int64_t startUs, const QRectF &cell, const TimeRange &visible)
{
    const double left = std::floor(xAt(static_cast<double>(startUs), cell, visible));
    const double right = std::ceil(xAt(static_cast<double>(startUs + span.durationUs), cell, visible));
    const double h = std::max(4.0, std::round(cell.height()) - 8);
    return QRectF(left, std::round(cell.top() + (cell.height() - h) / 2), std::max(1.0, right - left), h);
}

QRectF paintSpanBar(QPainter *p, const Trace &trace, const Span &span, const QRectF &cell, const TimeRange &visible,
                    const SpanPalette &palette, const SpanPaintStyle &style)
{
    const bool raw = style.showRawTimes;
    const std::int64_t shownStart = raw ? span.rawStartUs : span.startUs;
    const QRectF bar = spanBarRect(span, shownStart, cell, visible);
    const auto x = [&](double us) { return xAt(us, cell, visible); };
    p->save();
    p->setClipRect(cell);
    p->setRenderHint(QPainter::Antialiasing, false);

    // Where the span was before clock-skew correction.
    if (!raw && span.skewShiftUs != 0) {
        p->setPen(QPen(style.ghost, 1, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRect(spanBarRect(span, span.rawStartUs, cell, visible).adjusted(0, 0, -1, -1));
    }
    if (span.isPlaceholder()) {
        p->fillRect(bar, SpanPalette::placeholderColor().lighter(150));
        p->fillRect(bar, QBrush(SpanPalette::placeholderColor(), Qt::BDiagPattern));
        p->setPen(QPen(SpanPalette::placeholderColor().darker(130), 1, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRect(bar.adjusted(0, 0, -1, -1));
        p->restore();
        return bar;
    }
    const QColor color = barColorOf(span, palette, style);
    p->fillRect(bar, color);
    // Network time of a shared client/server span, lighter: recorded times in the raw view, corrected ones
    // (client and server side each by its own shift) otherwise.
    const auto [cs, sr, ss, cr] = raw ? trace.rpcTimes(span) : trace.adjustedRpcTimes(span);
    const QColor light = color.lighter(150);
    const auto lighten = [&](std::int64_t from, std::int64_t to) {
        if (from && to && to > from) {
            const double a = std::max(bar.left(), x(static_cast<double>(from)));
            const double b = std::min(bar.right(), x(static_cast<double>(to)));
            if (b > a)
                p->fillRect(QRectF(a, bar.top(), b - a, bar.height()), light);
        }
    };
    lighten(cs, sr);
    lighten(ss, cr);
    const QColor tick = color.darker(170);
    for (const std::int64_t t : {cs, sr, ss, cr}) {
        if (t)
            p->fillRect(QRectF(std::round(x(static_cast<double>(t))), bar.top(), 1, bar.height()), tick);
    }
    if (span.isWarning() || span.isError()) {
        p->setPen(QPen(span.isError() ? SpanPalette::errorColor().darker(150) : SpanPalette::warningColor(), 2));
        p->setBrush(Qt::NoBrush);
        p->drawRect(bar.adjusted(0, 0, -1, -1));
    }
    if (style.showCriticalPath && span.hasFlag(SpanFlag::CriticalPath)) {
        p->setPen(QPen(style.ink, 1));
        p->setBrush(Qt::NoBrush);
        p->drawRect(bar.adjusted(-1, -1, 0, 0));
    }
    // The usual duration (moving average), and the threshold optimize_warn_pct sets above it.
    if (span.hasDurationMoveAvg()) {
        const double usual = std::round(x(static_cast<double>(shownStart) + span.durationMoveAvgUs));
        p->fillRect(QRectF(usual - 1, bar.top() - 3, 2, bar.height() + 6), style.ink);
        if (!std::isnan(span.warnPct) && span.warnPct > 0) {
            const double w = std::round(x(static_cast<double>(shownStart) + span.durationMoveAvgUs * (1.0 + span.warnPct / 100.0)));
            p->setPen(QPen(SpanPalette::warningColor().darker(120), 2, Qt::DotLine));
            p->drawLine(QPointF(w, bar.top() - 3), QPointF(w, bar.bottom() + 3));
        }
    }
    p->restore();
    return bar;
}

void paintSpanBarLabel(QPainter *p, const Span &span, const QRectF &cell, const QRectF &bar, const QString &label,
                       const SpanPalette &palette, const SpanPaintStyle &style)
{
    if (span.isPlaceholder() || label.isEmpty())
        return;
    const QFontMetricsF fm(style.font);
    const double textWidth = fm.horizontalAdvance(label) + 6;
    p->save();
    p->setClipRect(cell);
    p->setFont(style.font);
    if (cell.right() - bar.right() >= textWidth) {
        p->setPen(style.selected ? style.selectedText : style.text);
        drawText(p, QRectF(bar.right() + 4, cell.top(), textWidth, cell.height()), Qt::AlignLeft | Qt::AlignVCenter, label, style);
    } else if (bar.left() - cell.left() >= textWidth) {
        p->setPen(style.selected ? style.selectedText : style.text);
        drawText(p, QRectF(bar.left() - textWidth - 2, cell.top(), textWidth, cell.height()), Qt::AlignLeft | Qt::AlignVCenter, label, style);
    } else if (const QRectF shown = bar.intersected(cell); shown.width() > 20) {
        // Inside the part of the bar that is on screen, so a bar running off the left edge keeps its label.
        p->setPen(barColorOf(span, palette, style).lightness() > 140 ? Qt::black : Qt::white);
        drawText(p, shown.adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(label, Qt::ElideRight, shown.width() - 6), style);
    }
    p->restore();
}

void paintSpanName(QPainter *p, const Span &span, const QRectF &cell, const SpanNameText &text, const SpanPalette &palette,
                   const SpanPaintStyle &style)
{
    p->save();
    p->setClipRect(cell);
    QRectF r = cell.adjusted(3, 0, -3, 0);
    const QFontMetricsF fm(style.font);
    const QColor selectedText = style.selectedText;
    const auto pen = [&](const QColor &c) { p->setPen(style.selected ? selectedText : c); };

    // Status mark: a red disc for errors, an amber one for slow-call warnings.
    const double d = std::floor(std::min(fm.height() - 4, r.height() - 4));
    if (span.isError() || span.isWarning()) {
        p->setRenderHint(QPainter::Antialiasing, true);
        const QRectF disc(r.left(), r.top() + std::round((r.height() - d) / 2), d, d);
        p->setPen(Qt::NoPen);
        p->setBrush(span.isError() ? SpanPalette::errorColor() : SpanPalette::warningColor());
        p->drawEllipse(disc);
        p->setPen(Qt::white);
        QFont bold = style.bold;
        bold.setPixelSize(std::max(6, static_cast<int>(d) - 2));
        p->setFont(bold);
        p->drawText(disc, Qt::AlignCenter, QStringLiteral("!"));
        p->setRenderHint(QPainter::Antialiasing, false);
    }
    r.setLeft(r.left() + d + 4);

    if (span.isPlaceholder()) {
        QFont italic = style.font;
        italic.setItalic(true);
        p->setFont(italic);
        pen(style.muted);
        drawText(p, r, Qt::AlignLeft | Qt::AlignVCenter, QFontMetricsF(italic).elidedText(text.name, Qt::ElideRight, r.width()), style);
        p->restore();
        return;
    }

    // The user's marks at the right end of the cell, where they line up.
    if (!text.marks.isEmpty()) {
        const double w = fm.horizontalAdvance(text.marks) + 4;
        p->setFont(style.font);
        pen(SpanPalette::warningColor().darker(130));
        drawText(p, QRectF(r.right() - w, r.top(), w, r.height()), Qt::AlignRight | Qt::AlignVCenter, text.marks, style);
        r.setRight(r.right() - w - 2);
    }
    const double suffixWidth = text.suffix.isEmpty() ? 0 : fm.horizontalAdvance(text.suffix);
    if (!text.service.isEmpty()) {
        p->setFont(style.bold);
        const QFontMetricsF bfm(style.bold);
        const QString s = bfm.elidedText(text.service, Qt::ElideRight, std::max(0.0, std::min(r.width() / 2, r.width() - suffixWidth)));
        pen(SpanPalette::textColorFor(palette.serviceColor(span.service)));
        drawText(p, r, Qt::AlignLeft | Qt::AlignVCenter, s, style);
        r.setLeft(r.left() + bfm.horizontalAdvance(s) + fm.horizontalAdvance(QLatin1Char(' ')));
    }
    p->setFont(style.font);
    pen(style.text);
    const QString op = fm.elidedText(text.name, Qt::ElideMiddle, std::max(0.0, r.width() - suffixWidth));
    drawText(p, r, Qt::AlignLeft | Qt::AlignVCenter, op, style);
    if (!text.suffix.isEmpty()) {
        r.setLeft(r.left() + fm.horizontalAdvance(op));
        pen(style.muted);
        drawText(p, r, Qt::AlignLeft | Qt::AlignVCenter, text.suffix, style);
    }
    p->restore();
}

std::int64_t paintTimeRuler(QPainter *p, const QRectF &axis, const TimeRange &visible, std::int64_t origin, std::int64_t totalUs,
                            const SpanPaintStyle &style)
{
    const std::int64_t step = tickStepUs(visible.durationUs(), static_cast<int>(axis.width()));
    const QFontMetricsF fm(style.font);
    p->save();
    p->setClipRect(axis.adjusted(-2, 0, 2, 0));
    p->setFont(style.font);
    p->setPen(style.text);
    const double bottom = axis.bottom();
    forEachTick(visible, origin, step, axis, [&](double x, std::int64_t offset) {
        x = std::round(x);
        p->drawLine(QPointF(x, bottom - 6), QPointF(x, bottom));
        // Minor ticks at fifths of the step.
        for (int i = 1; i < 5; ++i) {
            const double xm = std::round(axis.left() + timeToPixel(origin + offset + step * i / 5, visible, static_cast<int>(axis.width())));
            if (xm <= axis.right())
                p->drawLine(QPointF(xm, bottom - 2), QPointF(xm, bottom));
        }
        const QString label = formatTickLabel(offset, step);
        const double w = fm.horizontalAdvance(label);
        if (x + 3 + w <= axis.right())
            drawText(p, QRectF(x + 3, bottom - 6 - fm.height(), w + 1, fm.height()), Qt::AlignLeft | Qt::AlignBottom, label, style);
    });
    drawText(p, axis.adjusted(2, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
             QCoreApplication::translate("td::SpanPainters", "Timeline  %1 – %2 of %3")
                 .arg(formatTickLabel(visible.startUs - origin, step), formatTickLabel(visible.endUs - origin, step),
                      formatTickLabel(totalUs, step)),
             style);
    p->restore();
    return step;
}

} // namespace td
