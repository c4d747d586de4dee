#pragma once

#include "exportoptions.h"

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QStringList>

#include <functional>
#include <memory>

class QPainter;

namespace td {

class Redactor;

// Fonts of an export's drawing; colours are the light theme's whatever the screen's.
struct ExportStyle
{
    QFont font;  // 12 px
    QFont bold;
    QFont small; // 11 px
    QFont mono;
};

// What an export draws below its header block for a view other than the timeline: laid out once for a
// width, then painted in bands that pages split between (a table's rows, a flame graph's levels, the graph
// as one band). A band taller than a page is scaled down to fit it. Every string from span data goes
// through the redactor in layOut(), so what is drawn is what the header counts.
class ExportBody
{
public:
    virtual ~ExportBody() = default;

    virtual void layOut(qreal width, Redactor &redactor) = 0;
    virtual int bandCount() const = 0;
    virtual qreal bandHeight(int band) const = 0;
    // Drawn above the bands on every page that has bands (column titles, a ruler); 0 for none.
    virtual qreal headHeight() const { return 0; }
    virtual void paintHead(QPainter *painter, const QPointF &topLeft) const { Q_UNUSED(painter) Q_UNUSED(topLeft) }
    // Bands [first, end) one below the other, the first with its top-left corner at topLeft.
    virtual void paintBands(QPainter *painter, int first, int end, const QPointF &topLeft) const = 0;
    // Every string the body draws, for tests that check nothing secret was drawn.
    virtual QStringList drawnTexts() const = 0;
};

// The body for source.view; null for the timeline, which TraceExportRenderer draws itself.
std::unique_ptr<ExportBody> makeExportBody(const ExportSource &source, const ExportStyle &style);

// Each view's body, beside the view's own painter (flamegraphview.cpp, spantableview.cpp, ...).
std::unique_ptr<ExportBody> makeFlameGraphExportBody(const ExportSource &source, const ExportStyle &style);
std::unique_ptr<ExportBody> makeSpanTableExportBody(const ExportSource &source, const ExportStyle &style);
std::unique_ptr<ExportBody> makeTraceGraphExportBody(const ExportSource &source, const ExportStyle &style);
std::unique_ptr<ExportBody> makeEventsExportBody(const ExportSource &source, const ExportStyle &style);
// A compare tab's body (compareview.cpp): source.trace against source.compareWith.
std::unique_ptr<ExportBody> makeCompareExportBody(const ExportSource &source, const ExportStyle &style);

} // namespace td
