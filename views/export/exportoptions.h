#pragma once

#include "incidentsummary.h"
#include "spanpalette.h"
#include "timecontrol.h"
#include "trace.h"
#include "traceviewkind.h"

#include <QStringList>

#include <QString>

#include <vector>

class QTreeView;

namespace td {

class SpanView;

enum class ExportFormat { Png, Svg, Pdf, Markdown };
enum class ExportScope {
    All,     // every row in the view's expand/collapse and filter state, the whole time axis
    Visible, // the rows and the time range shown in the window
};

struct ExportOptions
{
    ExportFormat format = ExportFormat::Png;
    ExportScope scope = ExportScope::All;
    int width = 1600;       // logical pixels; PDF pages are scaled to fit this width
    qreal pixelRatio = 2.0; // PNG and clipboard image
    bool details = true;    // the selected span's details below the timeline
    bool redact = true;

    static constexpr int minWidth = 600;
    static constexpr int maxWidth = 8000;
};

// The format a file name asks for by its suffix (.png .svg .pdf .md); false when none fits.
bool exportFormatForPath(const QString &path, ExportFormat *format);
QString exportFormatSuffix(ExportFormat format);

// One row of an export: a span, its depth in the tree and whether it has hidden (collapsed) children.
struct ExportRow
{
    std::int32_t span = NoIndex;
    int depth = 0;
    bool collapsed = false;
};

// What an export shows: the rows in order, the time axis, the display switches and the span for the details.
struct ExportSource
{
    TracePtr trace;
    std::vector<ExportRow> rows;
    TimeRange range;
    ExportScope scope = ExportScope::All;
    ColorMode colorMode = ColorMode::Service;
    bool showCriticalPath = false;
    bool showRawTimes = false;
    std::int32_t detailsSpan = NoIndex;
    ExportContext context;

    // The view drawn below the header: the timeline (the rows above), or another view of the trace.
    TraceViewKind view = TraceViewKind::Timeline;
    // That view's items in its order as the user sees them (the span table's filtered, sorted spans; the
    // events view's filtered events); empty means all of them in the view's default order.
    std::vector<std::int32_t> items;
    bool flameMerged = false;      // flame graph: identical service+operation paths folded
    bool graphByOperation = false; // trace graph: a node per service+operation rather than per service
    QStringList tableTagColumns;   // span table: tag keys added as columns
    std::vector<char> marks;       // SpanMarkFlag by span index (bookmarks, notes); empty: none
    // A compare tab: trace is A, compareWith is B; the body is the comparison whatever the view.
    TracePtr compareWith;
    QString compareNameA, compareNameB;
    bool compareBySlowdown = false;
};

// The rows of a span view as they are (expanded, collapsed, filtered, sorted); with Visible only the rows
// scrolled into view and the visible time range.
ExportSource exportSourceFromView(const SpanView &view, ExportScope scope);
// Without a window: every span expanded in tree order. Visible zooms to detailsSpan as the window's Z does
// (the whole trace without one) and keeps the rows that overlap that range.
ExportSource exportSourceFromTrace(const TracePtr &trace, ExportScope scope, std::int32_t detailsSpan);

} // namespace td
