#include "annotationspanel.h"

#include "spantreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace td {

AnnotationsPanel::AnnotationsPanel(QWidget *parent)
    : SpanPanel(parent)
{
    m_table = makeTable({tr("Event"), tr("Meaning"), tr("Time"), tr("Offset"), tr("Endpoint")}, this);
    m_table->header()->resizeSection(Event, 60);
    m_table->header()->resizeSection(Meaning, 120);
    m_table->header()->resizeSection(Time, 190);
    m_table->header()->resizeSection(Offset, 80);
    m_empty = layOutTable(m_table, tr("This span has no annotations."));
}

QString AnnotationsPanel::meaning(std::string_view value)
{
    if (value == "cs")
        return tr("Client Send");
    if (value == "sr")
        return tr("Server Receive");
    if (value == "ss")
        return tr("Server Send");
    if (value == "cr")
        return tr("Client Receive");
    if (value == "ws")
        return tr("Wire Send");
    if (value == "wr")
        return tr("Wire Receive");
    return {};
}

void AnnotationsPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    m_table->clear();
    const bool valid = isValidSpan(trace, spanIndex);
    const bool any = valid && trace->span(static_cast<std::size_t>(spanIndex)).annotationCount > 0;
    m_table->setVisible(any);
    m_empty->setVisible(!any);
    if (!any)
        return;
    const Trace &t = *trace;
    const Span &s = t.span(static_cast<std::size_t>(spanIndex));
    std::vector<const Annotation *> ordered;
    for (const Annotation *a = t.annotationsBegin(s); a != t.annotationsEnd(s); ++a)
        ordered.push_back(a);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Annotation *a, const Annotation *b) { return a->timestampUs < b->timestampUs; });
    for (const Annotation *a : ordered) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(Event, t.qstr(a->value));
        item->setText(Meaning, meaning(t.str(a->value)));
        item->setText(Time, formatTimestamp(a->timestampUs, utcDisplay()));
        item->setToolTip(Time, formatTimestamp(a->timestampUs, !utcDisplay()).toHtmlEscaped());
        // Annotation times are as read, so measure from the span's start as read.
        item->setText(Offset, QStringLiteral("+") + SpanTreeModel::formatDuration(static_cast<double>(a->timestampUs - s.rawStartUs)));
        item->setTextAlignment(Offset, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(Endpoint, formatEndpoint(t, a->endpoint));
    }
}

} // namespace td
