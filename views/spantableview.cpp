#include "spantableview.h"

#include "exportbody.h"

namespace td {

SpanTableView::SpanTableView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
{
}

void SpanTableView::traceChanged()
{
    update();
}

std::unique_ptr<ExportBody> makeSpanTableExportBody(const ExportSource &source, const ExportStyle &style)
{
    Q_UNUSED(source)
    Q_UNUSED(style)
    return nullptr;
}

} // namespace td
