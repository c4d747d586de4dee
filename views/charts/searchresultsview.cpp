#include "searchresultsview.h"

#include "chartstyle.h"
#include "spantreemodel.h"
#include "tracehitmodel.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace td {

SearchResultsView::SearchResultsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TraceHitModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
    , m_table(new QTableView(this))
    , m_openButton(new QPushButton(tr("&Open"), this))
    , m_compareButton(new QPushButton(tr("Co&mpare"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TraceHitModel::SortRole);
    m_table->setObjectName(QStringLiteral("searchResultsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TraceHitModel::Start, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested({index.data(TraceHitModel::TraceIdRole).toString()});
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const qsizetype n = selectedTraceIds().size();
        m_openButton->setEnabled(n > 0);
        m_openButton->setText(n > 1 ? tr("&Open %n traces", nullptr, int(n)) : tr("&Open"));
        m_compareButton->setEnabled(n == 2);
        markSelection();
    });
    m_openButton->setEnabled(false);
    m_openButton->setToolTip(tr("Open the selected traces, each in its own tab (Enter)"));
    connect(m_openButton, &QPushButton::clicked, this, &SearchResultsView::openSelected);
    m_compareButton->setObjectName(QStringLiteral("searchCompareButton"));
    m_compareButton->setEnabled(false);
    m_compareButton->setToolTip(tr("Compare the two selected traces: what got slower, what is new"));
    connect(m_compareButton, &QPushButton::clicked, this, [this] {
        const QStringList ids = selectedTraceIds();
        if (ids.size() == 2)
            Q_EMIT compareRequested(ids[0], ids[1]);
    });

    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(160);
    m_chartView->setToolTip(tr("Duration over start time; click a point to open its trace"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_compareButton);
    buttons->addWidget(m_openButton);
    lowerLayout->addLayout(buttons);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    rebuildChart();
}

void SearchResultsView::setHits(std::vector<TraceHit> hits)
{
    m_model->setHits(std::move(hits));
    for (int c = 0; c < TraceHitModel::Services; ++c)
        m_table->resizeColumnToContents(c);
    rebuildChart();
    m_openButton->setEnabled(false);
    m_compareButton->setEnabled(false);
    m_openButton->setText(tr("&Open"));
}

QStringList SearchResultsView::selectedTraceIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : rows)
        ids << row.data(TraceHitModel::TraceIdRole).toString();
    return ids;
}

std::vector<QPointF> SearchResultsView::points() const
{
    std::vector<QPointF> out;
    for (const TraceHit &h : m_model->hits())
        out.emplace_back(double(h.startUs) / 1000.0, double(h.durationUs) / 1000.0);
    return out;
}

void SearchResultsView::clickPoint(int index)
{
    const auto all = points();
    if (index >= 0 && index < int(all.size()))
        onPointClicked(QPointF(all[std::size_t(index)].x(), all[std::size_t(index)].y() / m_yScale));
}

void SearchResultsView::rebuildChart()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    styleChart(m_chart, palette());
    m_okSeries = new QScatterSeries;
    m_okSeries->setName(tr("Traces"));
    m_errorSeries = new QScatterSeries;
    m_errorSeries->setName(tr("Traces with errors"));
    m_selectedSeries = new QScatterSeries;
    m_selectedSeries->setName(tr("Selected"));
    for (QScatterSeries *s : {m_okSeries, m_errorSeries, m_selectedSeries}) {
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setPen(Qt::NoPen);
    }
    m_okSeries->setMarkerSize(10);
    m_errorSeries->setMarkerSize(10);
    m_selectedSeries->setMarkerSize(16);
    QColor ok = chartPrimaryColor(palette());
    ok.setAlpha(190);
    m_okSeries->setColor(ok);
    m_errorSeries->setColor(QColor(0xd3, 0x2f, 0x2f, 210));
    QColor mark = chartMarkColor();
    mark.setAlpha(120);
    m_selectedSeries->setColor(mark);

    const auto &hits = m_model->hits();
    double minX = 0, maxX = 0, maxY = 0;
    bool first = true;
    for (const TraceHit &h : hits) {
        const QPointF p(double(h.startUs) / 1000.0, double(h.durationUs) / 1000.0);
        (h.errorCount > 0 ? m_errorSeries : m_okSeries)->append(p);
        minX = first ? p.x() : std::min(minX, p.x());
        maxX = first ? p.x() : std::max(maxX, p.x());
        maxY = std::max(maxY, p.y());
        first = false;
    }
    m_chart->addSeries(m_selectedSeries);
    m_chart->addSeries(m_okSeries);
    m_chart->addSeries(m_errorSeries);

    auto *x = new QDateTimeAxis;
    // Whole days apart: show the date too.
    x->setFormat(maxX - minX > 86400000.0 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm:ss"));
    x->setTitleText(tr("Start"));
    const double pad = std::max(1000.0, (maxX - minX) * 0.05);
    x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX - pad)), QDateTime::fromMSecsSinceEpoch(qint64(maxX + pad)));
    x->setTickCount(5);
    // Points are in ms; long traces read better in seconds (the axis then counts in seconds).
    m_yScale = maxY >= 10000 ? 1000.0 : 1.0;
    if (m_yScale != 1.0)
        for (QScatterSeries *series : {m_okSeries, m_errorSeries}) {
            QList<QPointF> scaled = series->points();
            for (QPointF &p : scaled)
                p.setY(p.y() / m_yScale);
            series->replace(scaled);
        }
    auto *y = new QValueAxis;
    y->setTitleText(m_yScale == 1.0 ? tr("Duration (ms)") : tr("Duration (s)"));
    const double top = maxY / m_yScale;
    y->setRange(0, top > 0 ? top * 1.1 : 1.0);
    y->setLabelFormat(top < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries *s : {m_okSeries, m_errorSeries, m_selectedSeries}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    styleChart(m_chart, palette());
    for (QAbstractAxis *axis : m_chart->axes())
        axis->setTitleBrush(palette().windowText());
    for (QScatterSeries *s : {m_okSeries, m_errorSeries}) {
        connect(s, &QScatterSeries::clicked, this, &SearchResultsView::onPointClicked);
        connect(s, &QScatterSeries::hovered, this, &SearchResultsView::onPointHovered);
    }
    markSelection();
}

int SearchResultsView::hitNear(const QPointF &chartPoint) const
{
    const QPointF point(chartPoint.x(), chartPoint.y() * m_yScale);
    const auto all = points();
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < int(all.size()); ++i) {
        const double d = std::abs(all[std::size_t(i)].x() - point.x()) + std::abs(all[std::size_t(i)].y() - point.y());
        if (best < 0 || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

void SearchResultsView::onPointClicked(const QPointF &point)
{
    const int i = hitNear(point);
    if (i < 0)
        return;
    // Select its row too, so the table shows which trace it was.
    const QModelIndex row = m_proxy->mapFromSource(m_model->index(i, 0));
    m_table->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(row);
    Q_EMIT openRequested({QString::fromStdString(m_model->hit(i).traceId)});
}

void SearchResultsView::onPointHovered(const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const int i = hitNear(point);
    if (i < 0)
        return;
    const TraceHit &h = m_model->hit(i);
    // Plain text: span data is untrusted.
    const QString text = tr("%1 %2\n%3, %4 spans, %5 errors\n%6")
                             .arg(QString::fromStdString(h.rootService), QString::fromStdString(h.rootName),
                                  SpanTreeModel::formatDuration(double(h.durationUs)),
                                  h.spanCount < 0 ? QStringLiteral("?") : QString::number(h.spanCount),
                                  h.errorCount < 0 ? QStringLiteral("?") : QString::number(h.errorCount),
                                  QString::fromStdString(h.traceId));
    QToolTip::showText(QCursor::pos(), text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")), m_chartView);
}

void SearchResultsView::markSelection()
{
    if (!m_selectedSeries)
        return;
    QList<QPointF> marked;
    const auto all = points();
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const int source = m_proxy->mapToSource(row).row();
        if (source >= 0 && source < int(all.size()))
            marked << QPointF(all[std::size_t(source)].x(), all[std::size_t(source)].y() / m_yScale);
    }
    m_selectedSeries->replace(marked);
}

void SearchResultsView::openSelected()
{
    const QStringList ids = selectedTraceIds();
    if (!ids.isEmpty())
        Q_EMIT openRequested(ids);
}

bool SearchResultsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchResultsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuildChart();
}

} // namespace td
