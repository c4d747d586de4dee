#pragma once

#include "spanpalette.h"
#include "timecontrol.h"
#include "trace.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;


namespace td {

// The one drawing layer of the timeline: the span bar, the name cell and the ruler, painted the same way
// in the window (the delegates and the header, in the screen's palette) and in exports (in the light
// theme). Callers decide the colours and fonts through SpanPaintStyle and hand over the strings to draw,
// so an export can pass them through its redactor first.
struct SpanPaintStyle
{
    QFont font;           // operation name, ruler ticks, duration label
    QFont bold;           // service name
    QColor text;          // operation name, duration label beside the bar
    QColor muted;         // placeholder names, the "(N)" and "×N" suffixes
    QColor selectedText;  // every string of a selected row
    QColor ink;           // critical-path outline and the usual-duration tick
    QColor ghost;         // dashed outline where a skew-corrected span was before correction
    bool selected = false;
    bool showRawTimes = false;
    bool showCriticalPath = false;
    QStringList *drawn = nullptr; // when set, every string drawn is appended (tests check exports by it)
};

// Where a span starting at startUs is drawn in a cell showing the visible range: at least one pixel wide,
// on whole pixels, clamped a little outside the cell so deep zoom keeps the numbers sane.
QRectF spanBarRect(const Span &span, std::int64_t startUs, const QRectF &cell, const TimeRange &visible);

// The span's bar in its timeline cell: failed red, slower-than-usual amber outline, placeholders hatched,
// the network segments of a shared client/server span lighter (cs->sr, ss->cr), a dashed ghost at the
// position before clock-skew correction, the usual duration as a tick and optimize_warn_pct's threshold
// dotted, the critical path outlined (other spans faded) when style.showCriticalPath.
// Returns the bar rectangle, for the label.
QRectF paintSpanBar(QPainter *painter, const Trace &trace, const Span &span, const QRectF &cell, const TimeRange &visible,
                    const SpanPalette &palette, const SpanPaintStyle &style);

// The duration label beside the bar, or on the bar's visible part when there is no room on either side.
void paintSpanBarLabel(QPainter *painter, const Span &span, const QRectF &cell, const QRectF &bar, const QString &label,
                       const SpanPalette &palette, const SpanPaintStyle &style);

// What a name cell shows; the caller has redacted or elided nothing yet.
struct SpanNameText
{
    QString service;
    QString name;   // the operation, or "missing span ID" for a placeholder
    QString suffix; // " ×N" for folded calls, " (N)" for a collapsed parent
    QString marks;  // the user's marks (spanMarkText)
};

// The name cell after the tree's indentation: status disc (red "!" failed, amber slower than usual), the
// service in bold in its colour, the operation elided in the middle, the suffix, the marks at the right end.
void paintSpanName(QPainter *painter, const Span &span, const QRectF &cell, const SpanNameText &text, const SpanPalette &palette,
                   const SpanPaintStyle &style);

// Calls f(x, offsetUs) for every major tick of the ruler over the visible range, ticks counted in steps
// of stepUs from origin (the trace start), x in the axis' coordinates.
template<typename F>
void forEachTick(const TimeRange &visible, std::int64_t origin, std::int64_t stepUs, const QRectF &axis, F &&f)
{
    if (stepUs <= 0)
        return;
    const std::int64_t offset = visible.startUs - origin;
    // The first tick at or after the visible start, on the step grid.
    std::int64_t t = offset >= 0 ? ((offset + stepUs - 1) / stepUs) * stepUs : -((-offset) / stepUs) * stepUs;
    for (; origin + t <= visible.endUs; t += stepUs)
        f(axis.left() + timeToPixel(origin + t, visible, static_cast<int>(axis.width())), t);
}

// The ruler over a timeline axis: "Timeline  start – end of total" at the top, major ticks with their
// offsets from the trace start and minor ticks at fifths along the bottom. Returns the step used.
std::int64_t paintTimeRuler(QPainter *painter, const QRectF &axis, const TimeRange &visible, std::int64_t origin,
                            std::int64_t totalUs, const SpanPaintStyle &style);

} // namespace td
