#include "endpointspanel.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td {

EndpointsPanel::EndpointsPanel(QWidget *parent)
    : SpanPanel(parent)
{
    m_table = makeTable({tr("Role"), tr("Service"), tr("Address"), tr("Port")}, this);
    m_table->header()->resizeSection(Role, 150);
    m_table->header()->resizeSection(Service, 140);
    m_table->header()->resizeSection(Address, 140);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

void EndpointsPanel::addRow(const Trace &trace, const QString &role, std::int32_t endpoint)
{
    auto *item = new QTreeWidgetItem(m_table);
    item->setText(Role, role);
    const Endpoint *e = trace.endpoint(endpoint);
    if (!e) {
        item->setText(Service, tr("(not reported)"));
        item->setForeground(Service, m_table->palette().brush(QPalette::PlaceholderText));
        return;
    }
    item->setText(Service, trace.qstr(e->service));
    QString address = trace.qstr(e->ipv4);
    if (e->ipv6)
        address += (address.isEmpty() ? QString() : QStringLiteral(" ")) + trace.qstr(e->ipv6);
    item->setText(Address, address);
    item->setText(Port, e->port ? QString::number(e->port) : QString());
}

void EndpointsPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    m_table->clear();
    if (!isValidSpan(trace, spanIndex))
        return;
    const Trace &t = *trace;
    const Span &s = t.span(static_cast<std::size_t>(spanIndex));
    std::int32_t sa = NoIndex, ca = NoIndex;
    for (auto tag = t.tagsBegin(s); tag != t.tagsEnd(s); ++tag) {
        const auto key = t.str(tag->key);
        if (key == "sa" && sa == NoIndex)
            sa = tag->endpoint;
        else if (key == "ca" && ca == NoIndex)
            ca = tag->endpoint;
    }
    if (sa == NoIndex && s.kind == SpanKind::Client && !s.hasFlag(SpanFlag::Shared))
        sa = s.remoteEndpoint;
    if (ca == NoIndex && (s.kind == SpanKind::Server || s.hasFlag(SpanFlag::Shared)))
        ca = s.remoteEndpoint;
    addRow(t, tr("Local"), s.localEndpoint);
    addRow(t, tr("Remote server (sa)"), sa);
    addRow(t, tr("Client (ca)"), ca);
}

} // namespace td
