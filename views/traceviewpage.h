#pragma once

#include "spanviewcontext.h"

#include <QWidget>

#include <vector>

namespace td {

struct ExportSource;

// A view of the trace beside the timeline in a SpanView (flame graph, span table, trace graph, events).
// Every page reads the SpanView's shared context: the trace, the palette, the TimeControl (selected span,
// visible range, zoom history), the search matches and the Raw/Adjusted switch. A page selects a span with
// context()->time->setSelectedSpan(); it hears selections through TimeControl::selectedSpanChanged.
// Work that costs (laying out a graph, sorting a million rows) waits until the page is shown: a hidden page
// only marks itself stale.
class TraceViewPage : public QWidget
{
    Q_OBJECT
public:
    explicit TraceViewPage(SpanViewContext *context, QWidget *parent = nullptr)
        : QWidget(parent), m_context(context) {}

    SpanViewContext *context() const { return m_context; }

    // context()->trace is a new trace (or none): forget what was derived from the old one.
    virtual void traceChanged() = 0;
    // Search matches, highlighted spans, colours, critical path or Raw/Adjusted changed.
    virtual void marksChanged() { update(); }
    // Backspace on this page: true when the page went back in its own history (merged flame graph zoom);
    // false lets the SpanView go back in the shared time history.
    virtual bool back() { return false; }
    // What an export of this page needs beyond the shared state: its items in order and its modes
    // (ExportSource::items, flameMerged, graphByOperation, tableTagColumns).
    virtual void describeExport(ExportSource *source) const { Q_UNUSED(source) }

signals:
    // Enter or double-click on a span, as in the tree: the user wants the details.
    void spanActivated(std::int32_t spanIndex);
    // Mark these spans like search matches and select the first (a trace graph node's spans); the SpanView
    // does it with highlightSpans(), so F3 steps through them in every view.
    void highlightRequested(const std::vector<std::int32_t> &spans);

protected:
    SpanViewContext *m_context;
};

} // namespace td
