#include "exportbody.h"

namespace td {

std::unique_ptr<ExportBody> makeExportBody(const ExportSource &source, const ExportStyle &style)
{
    if (source.compareWith)
        return makeCompareExportBody(source, style);
    switch (source.view) {
    case TraceViewKind::Timeline:
        return nullptr;
    case TraceViewKind::FlameGraph:
        return makeFlameGraphExportBody(source, style);
    case TraceViewKind::SpanTable:
        return makeSpanTableExportBody(source, style);
    case TraceViewKind::TraceGraph:
        return makeTraceGraphExportBody(source, style);
    case TraceViewKind::Events:
        return makeEventsExportBody(source, style);
    }
    return nullptr;
}

} // namespace td
