#include "tracegraphview.h"

#include "exportbody.h"

namespace td {

TraceGraphView::TraceGraphView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
{
}

void TraceGraphView::traceChanged()
{
    update();
}

std::unique_ptr<ExportBody> makeTraceGraphExportBody(const ExportSource &source, const ExportStyle &style)
{
    Q_UNUSED(source)
    Q_UNUSED(style)
    return nullptr;
}

} // namespace td
