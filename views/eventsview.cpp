#include "eventsview.h"

#include "exportbody.h"

namespace td {

EventsView::EventsView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
{
}

void EventsView::traceChanged()
{
    update();
}

std::unique_ptr<ExportBody> makeEventsExportBody(const ExportSource &source, const ExportStyle &style)
{
    Q_UNUSED(source)
    Q_UNUSED(style)
    return nullptr;
}

} // namespace td
