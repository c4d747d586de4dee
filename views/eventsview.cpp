#include "eventsview.h"

#include "exportbody.h"
#include "redaction.h"
#include "spanpalette.h"
#include "tablecellpainter.h"
#include "traceevents.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace td {

EventsView::EventsView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
    , m_model(new TraceEventsModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_service(new QComboBox(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_rpcEvents(new QCheckBox(tr("cs/sr/ss/cr"), this))
    , m_count(new QLabel(this))
{
    m_filter->setObjectName(QStringLiteral("eventsFilter"));
    m_filter->setPlaceholderText(tr("Filter events (time, service, span, event, fields)"));
    m_filter->setClearButtonEnabled(true);
    m_service->setObjectName(QStringLiteral("eventsService"));
    m_service->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_service->setToolTip(tr("Only the events this service recorded"));
    m_errorsOnly->setToolTip(tr("Events that say error or exception, and the events of spans in error"));
    m_rpcEvents->setChecked(true);
    m_rpcEvents->setToolTip(tr("Show the RPC's Client Send, Server Receive, Server Send and Client Receive (for Zipkin v2 "
                               "client and server halves TraceDesk derives them from the halves' times); "
                               "without them the other events stand out"));
    m_count->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("eventsTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new SpanRowDelegate(m_context, TraceEventsModel::SpanIndexRole, TraceEventsModel::ErrorRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->verticalHeader()->hide();
    // Fixed heights: a million rows cost nothing to lay out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->resizeSection(TraceEventsModel::Time, 90);
    header->resizeSection(TraceEventsModel::Service, 150);
    header->resizeSection(TraceEventsModel::Span, 240);
    header->resizeSection(TraceEventsModel::Event, 200);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_service);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_rpcEvents);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    connect(m_filter, &QLineEdit::textChanged, this, &EventsView::applyFilter);
    connect(m_service, &QComboBox::currentIndexChanged, this, &EventsView::applyFilter);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &EventsView::applyFilter);
    connect(m_rpcEvents, &QCheckBox::toggled, this, &EventsView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const std::int32_t span = m_model->spanAt(index.row()); span >= 0)
            emit spanActivated(span);
    });
    if (m_context->time)
        connect(m_context->time, &TimeControl::selectedSpanChanged, this, &EventsView::onSelectedSpanChanged);
    updateCount();
}

void EventsView::traceChanged()
{
    m_built = false;
    m_model->setTrace(nullptr);
    {
        const QSignalBlocker block(m_service);
        m_service->clear();
    }
    if (isVisible())
        ensureBuilt();
    else
        updateCount();
}

void EventsView::showEvent(QShowEvent *event)
{
    TraceViewPage::showEvent(event);
    ensureBuilt();
}

void EventsView::ensureBuilt()
{
    if (m_built)
        return;
    m_built = true;
    m_model->setShowRawTimes(m_context->showRawTimes);
    m_model->setTrace(m_context->trace);
    // The services that recorded events, in the trace's (sorted) order.
    const QString chosen = m_service->currentData().toString();
    const QSignalBlocker block(m_service);
    m_service->clear();
    m_service->addItem(tr("All services"), QString());
    if (m_context->trace) {
        const Trace &t = *m_context->trace;
        std::unordered_set<StrId> withEvents;
        for (const TraceEvent &e : m_model->events().events())
            withEvents.insert(m_model->events().serviceOf(e));
        QStringList names;
        for (const StrId s : withEvents)
            if (s)
                names << t.qstr(s);
        names.sort(Qt::CaseInsensitive);
        for (const QString &name : names)
            m_service->addItem(name, name);
    }
    m_service->setCurrentIndex(std::max(0, m_service->findData(chosen)));
    m_model->setFilter(currentFilter());
    updateCount();
    followSelectedSpan();
}

EventFilter EventsView::currentFilter() const
{
    EventFilter f;
    f.text = m_filter->text();
    f.service = m_service->currentData().toString();
    f.errorsOnly = m_errorsOnly->isChecked();
    f.rpcEvents = m_rpcEvents->isChecked();
    return f;
}

void EventsView::applyFilter()
{
    if (!m_built)
        return;
    m_model->setFilter(currentFilter());
    updateCount();
    followSelectedSpan();
}

void EventsView::updateCount()
{
    if (!m_built) {
        m_count->clear();
        return;
    }
    const int total = m_model->totalCount();
    if (total == 0)
        m_count->setText(tr("No events in this trace"));
    else
        m_count->setText(tr("%1 of %2 events").arg(m_model->rowCount()).arg(total));
}

void EventsView::marksChanged()
{
    m_model->setShowRawTimes(m_context->showRawTimes);
    m_table->viewport()->update();
    update();
}

void EventsView::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_following || !current.isValid() || !m_context->time)
        return;
    const std::int32_t span = m_model->spanAt(current.row());
    if (span >= 0)
        m_context->time->setSelectedSpan(span);
    m_table->viewport()->update();
}

void EventsView::onSelectedSpanChanged(std::int32_t spanIndex)
{
    Q_UNUSED(spanIndex)
    if (!m_built)
        return;
    followSelectedSpan();
    m_table->viewport()->update();
}

void EventsView::followSelectedSpan()
{
    const std::int32_t span = m_context->time ? m_context->time->selectedSpan() : NoIndex;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && span >= 0 && m_model->spanAt(current.row()) == span) {
        m_table->scrollTo(current);
        return; // the user is on one of its rows: leave them there
    }
    const int row = m_model->firstRowOfSpan(span);
    m_following = true;
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, current.isValid() ? current.column() : 0);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    } else {
        m_table->selectionModel()->clear();
    }
    m_following = false;
}

void EventsView::describeExport(ExportSource *source) const
{
    if (!m_built)
        return; // never shown: the export draws every event in time order
    source->items = m_model->rows();
    // Nothing passes the filter: an index no event has, so the export draws no rows rather than all.
    if (source->items.empty() && m_model->totalCount() > 0)
        source->items.push_back(-1);
}

namespace {

class EventsExportBody : public ExportBody
{
public:
    EventsExportBody(const ExportSource &source, const ExportStyle &style)
        : m_events(source.trace)
        , m_style(style)
        , m_raw(source.showRawTimes)
        , m_selectedSpan(source.detailsSpan)
    {
        if (source.items.empty()) {
            m_items.resize(m_events.size());
            for (std::size_t i = 0; i < m_items.size(); ++i)
                m_items[i] = static_cast<std::int32_t>(i);
        } else {
            for (const std::int32_t i : source.items)
                if (i >= 0 && static_cast<std::size_t>(i) < m_events.size())
                    m_items.push_back(i);
        }
    }

    void layOut(qreal width, Redactor &redactor) override
    {
        m_width = width;
        // Time, Service, Span, Event, Fields: the fields take what the others leave.
        const qreal fixed[] = {0.08, 0.13, 0.2, 0.17};
        qreal x = 0;
        m_columnX.clear();
        for (int c = 0; c < eventColumnCount; ++c) {
            m_columnX.push_back(x);
            if (c < eventColumnCount - 1)
                x += std::round(width * fixed[c]);
        }
        m_columnX.push_back(width);
        const QFontMetricsF fm(m_style.font);
        m_lineHeight = std::ceil(fm.height());
        m_headHeight = std::ceil(QFontMetricsF(m_style.bold).height()) + 2 * padding;
        m_rows.clear();
        m_rows.reserve(m_items.size());
        const EventTextOptions options{m_raw, true, 2000, &redactor};
        for (const std::int32_t k : m_items) {
            Row row;
            row.event = k;
            const auto e = static_cast<std::size_t>(k);
            int lines = 1;
            for (int c = 0; c < eventColumnCount; ++c) {
                row.texts[c] = m_events.text(e, static_cast<EventColumn>(c), options);
                lines = std::max(lines, TableCellPainter::lineCount(m_style.font, cellWidth(c), row.texts[c], maxLines(c)));
            }
            row.error = m_events.isErrorRow(e);
            row.onSelectedSpan = m_selectedSpan >= 0 && m_events.at(e).span == m_selectedSpan;
            row.height = lines * m_lineHeight + 2 * padding;
            m_rows.push_back(std::move(row));
        }
    }

    int bandCount() const override { return static_cast<int>(m_rows.size()); }
    qreal bandHeight(int band) const override { return m_rows.at(static_cast<std::size_t>(band)).height; }
    qreal headHeight() const override { return m_headHeight; }

    void paintHead(QPainter *p, const QPointF &topLeft) const override
    {
        p->save();
        p->fillRect(QRectF(topLeft, QSizeF(m_width, m_headHeight)), headBackground);
        p->setPen(QPen(gridLine, 1));
        p->drawLine(QPointF(topLeft.x(), topLeft.y() + m_headHeight - 0.5), QPointF(topLeft.x() + m_width, topLeft.y() + m_headHeight - 0.5));
        p->setFont(m_style.bold);
        p->setPen(ink);
        for (int c = 0; c < eventColumnCount; ++c)
            p->drawText(cellRect(c, topLeft.x(), topLeft.y(), m_headHeight), static_cast<int>(alignment(c) | Qt::TextSingleLine),
                        TraceEventsModel::columnTitle(c));
        p->restore();
    }

    void paintBands(QPainter *p, int first, int end, const QPointF &topLeft) const override
    {
        p->save();
        p->setFont(m_style.font);
        const TableCellPainter::Style style = TableCellPainter::lightStyle();
        qreal y = topLeft.y();
        for (int b = std::max(0, first); b < end && b < bandCount(); ++b) {
            const Row &row = m_rows[static_cast<std::size_t>(b)];
            const QRectF band(topLeft.x(), y, m_width, row.height);
            if (b % 2)
                p->fillRect(band, stripe);
            TableCellPainter::State state;
            state.error = row.error;
            state.onSelectedSpan = row.onSelectedSpan;
            TableCellPainter::paintBackground(p, band, state, style);
            for (int c = 0; c < eventColumnCount; ++c) {
                const QRectF cell = cellRect(c, topLeft.x(), y, row.height);
                const Qt::Alignment align = (alignment(c) & Qt::AlignHorizontal_Mask) | Qt::AlignTop;
                TableCellPainter::paintText(p, cell, row.texts[c], align, maxLines(c), state, style);
            }
            y += row.height;
        }
        p->restore();
    }

    QStringList drawnTexts() const override
    {
        QStringList out;
        for (int c = 0; c < eventColumnCount; ++c)
            out << TraceEventsModel::columnTitle(c);
        for (const Row &row : m_rows)
            for (const QString &t : row.texts)
                if (!t.isEmpty())
                    out << t;
        return out;
    }

private:
    struct Row
    {
        std::int32_t event = -1;
        QString texts[eventColumnCount];
        qreal height = 0;
        bool error = false;
        bool onSelectedSpan = false;
    };

    static constexpr qreal padding = 3;
    static constexpr qreal cellPadding = 4;
    static inline const QColor ink{0x1A, 0x1A, 0x1A};
    static inline const QColor stripe{0xF4, 0xF5, 0xF7};
    static inline const QColor gridLine{0xC8, 0xCC, 0xD2};
    static inline const QColor headBackground{0xEC, 0xEE, 0xF1};

    // Event names and fields wrap to a few lines; the rest keep to one.
    static int maxLines(int column)
    {
        return column == static_cast<int>(EventColumn::Fields) ? 4 : column == static_cast<int>(EventColumn::Event) ? 2 : 1;
    }
    static Qt::Alignment alignment(int column)
    {
        return column == static_cast<int>(EventColumn::Time) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter;
    }
    qreal cellWidth(int c) const
    {
        return std::max<qreal>(10, m_columnX[static_cast<std::size_t>(c) + 1] - m_columnX[static_cast<std::size_t>(c)] - 2 * cellPadding);
    }
    QRectF cellRect(int c, qreal left, qreal top, qreal height) const
    {
        return QRectF(left + m_columnX[static_cast<std::size_t>(c)] + cellPadding, top + padding, cellWidth(c), height - 2 * padding);
    }

    TraceEvents m_events;
    ExportStyle m_style;
    bool m_raw;
    std::int32_t m_selectedSpan;
    std::vector<std::int32_t> m_items;
    std::vector<Row> m_rows;
    std::vector<qreal> m_columnX;
    qreal m_width = 0;
    qreal m_lineHeight = 14;
    qreal m_headHeight = 20;
};

} // namespace

std::unique_ptr<ExportBody> makeEventsExportBody(const ExportSource &source, const ExportStyle &style)
{
    return std::make_unique<EventsExportBody>(source, style);
}

} // namespace td
