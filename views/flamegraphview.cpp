#include "flamegraphview.h"

#include "exportbody.h"

namespace td {

FlameGraphView::FlameGraphView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
{
}

void FlameGraphView::traceChanged()
{
    update();
}

std::unique_ptr<ExportBody> makeFlameGraphExportBody(const ExportSource &source, const ExportStyle &style)
{
    Q_UNUSED(source)
    Q_UNUSED(style)
    return nullptr;
}

} // namespace td
