#include "exportoptions.h"

#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "traceviewpage.h"

#include <QFileInfo>
#include <QScrollBar>

namespace td {

bool exportFormatForPath(const QString &path, ExportFormat *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    ExportFormat f = ExportFormat::Png;
    if (suffix == QLatin1String("png"))
        f = ExportFormat::Png;
    else if (suffix == QLatin1String("svg"))
        f = ExportFormat::Svg;
    else if (suffix == QLatin1String("pdf"))
        f = ExportFormat::Pdf;
    else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        f = ExportFormat::Markdown;
    else
        return false;
    if (format)
        *format = f;
    return true;
}

QString exportFormatSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png: return QStringLiteral("png");
    case ExportFormat::Svg: return QStringLiteral("svg");
    case ExportFormat::Pdf: return QStringLiteral("pdf");
    case ExportFormat::Markdown: return QStringLiteral("md");
    }
    return {};
}

ExportSource exportSourceFromView(const SpanView &view, ExportScope scope)
{
    ExportSource source;
    source.trace = view.trace();
    source.scope = scope;
    source.colorMode = view.colorMode();
    source.showCriticalPath = view.showCriticalPath();
    source.showRawTimes = view.showRawTimes();
    source.detailsSpan = view.selectedSpan();
    source.range = scope == ExportScope::Visible ? view.timeControl()->visibleRange() : view.timeControl()->traceRange();
    if (!source.trace)
        return source;
    source.view = view.currentView();
    source.marks = view.context().marks;
    source.context.notes = view.spanNotes();
    if (const TraceViewPage *page = view.page(source.view)) {
        page->describeExport(&source);
        return source;
    }

    const SpanTreeView *tree = view.treeView();
    const SpanTreeModel *model = view.spanModel();
    const auto addRow = [&](const QModelIndex &index) {
        const std::int32_t span = SpanTreeModel::spanIndex(index);
        source.rows.push_back({span, model->depthOf(span),
                               source.trace->span(static_cast<std::size_t>(span)).childCount > 0 && !model->isExpanded(span)});
    };
    if (scope == ExportScope::Visible) {
        const int height = tree->viewport()->height();
        for (QModelIndex i = tree->indexAt(QPoint(1, 1)); i.isValid(); i = tree->indexBelow(i)) {
            if (tree->visualRect(i).top() >= height)
                break;
            addRow(i);
        }
    } else {
        for (QModelIndex i = model->index(0, 0); i.isValid(); i = tree->indexBelow(i))
            addRow(i);
    }
    return source;
}

ExportSource exportSourceFromTrace(const TracePtr &trace, ExportScope scope, std::int32_t detailsSpan)
{
    ExportSource source;
    source.trace = trace;
    source.scope = scope;
    if (!trace)
        return source;
    if (detailsSpan >= 0 && static_cast<std::size_t>(detailsSpan) < trace->spanCount())
        source.detailsSpan = detailsSpan;
    source.range = {trace->startUs(), std::max(trace->endUs(), trace->startUs() + 1)};
    if (scope == ExportScope::Visible && source.detailsSpan >= 0) {
        const Span &s = trace->span(static_cast<std::size_t>(source.detailsSpan));
        const std::int64_t margin = std::max<std::int64_t>(1, s.durationUs / 20);
        source.range = {s.startUs - margin, s.endUs() + margin};
    }
    source.rows.reserve(trace->preorder().size());
    for (const std::int32_t i : trace->preorder()) {
        const Span &s = trace->span(static_cast<std::size_t>(i));
        if (scope == ExportScope::Visible && (s.endUs() < source.range.startUs || s.startUs > source.range.endUs))
            continue;
        source.rows.push_back({i, static_cast<int>(s.depth), false});
    }
    return source;
}

} // namespace td
