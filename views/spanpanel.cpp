#include "spanpanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td {

QString SpanPanel::formatTimestamp(std::int64_t us, bool utc)
{
    const std::int64_t ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    const QDateTime t = utc ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()) : QDateTime::fromMSecsSinceEpoch(ms);
    const auto micros = static_cast<int>(us - ms * 1000);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral("%1").arg(micros, 3, 10, QLatin1Char('0'))
         + (utc ? QStringLiteral(" UTC") : QString());
}

namespace {
bool s_utcDisplay = false;
}

bool SpanPanel::utcDisplay()
{
    return s_utcDisplay;
}

void SpanPanel::setUtcDisplay(bool utc)
{
    s_utcDisplay = utc;
}

QString SpanPanel::formatEndpoint(const Trace &trace, std::int32_t endpoint)
{
    const Endpoint *e = trace.endpoint(endpoint);
    if (!e)
        return {};
    QString address = trace.qstr(e->ipv4);
    if (address.isEmpty() && e->ipv6)
        address = QStringLiteral("[") + trace.qstr(e->ipv6) + QStringLiteral("]");
    if (e->port)
        address += QStringLiteral(":") + QString::number(e->port);
    const QString service = trace.qstr(e->service);
    if (service.isEmpty())
        return address;
    return address.isEmpty() ? service : service + QStringLiteral(" ") + address;
}

bool SpanPanel::isValidSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    return trace && spanIndex >= 0 && static_cast<std::size_t>(spanIndex) < trace->spanCount();
}

QLabel *SpanPanel::layOutTable(QTreeWidget *table, const QString &emptyNote)
{
    auto *empty = new QLabel(emptyNote, this);
    empty->setTextFormat(Qt::PlainText);
    empty->setAlignment(Qt::AlignCenter);
    empty->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table);
    layout->addWidget(empty);
    return empty;
}

QTreeWidget *SpanPanel::makeTable(const QStringList &columns, QWidget *parent)
{
    auto *table = new QTreeWidget(parent);
    table->setHeaderLabels(columns);
    table->setRootIsDecorated(false);
    table->setAlternatingRowColors(true);
    table->setUniformRowHeights(true);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTextElideMode(Qt::ElideMiddle);
    table->header()->setStretchLastSection(true);
    return table;
}

} // namespace td
