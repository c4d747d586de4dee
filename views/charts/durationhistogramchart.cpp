#include "durationhistogramchart.h"

#include "chartstyle.h"

#include <QEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

namespace td {

DurationHistogramChart::DurationHistogramChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
{
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyColors();
}

QString DurationHistogramChart::edgeLabel(std::int64_t us)
{
    // Bucket edges are 1, 2 or 5 times a power of ten, so whole units read exactly.
    if (us >= 1'000'000 && us % 1'000'000 == 0)
        return tr("%1 s").arg(us / 1'000'000);
    if (us >= 1'000 && us % 1'000 == 0)
        return tr("%1 ms").arg(us / 1'000);
    return tr("%1 µs").arg(us);
}

void DurationHistogramChart::setHistogram(DurationHistogram histogram)
{
    m_histogram = std::move(histogram);
    m_marked = -1;
    rebuild();
}

void DurationHistogramChart::rebuild()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_series = new QBarSeries;
    m_set = new QBarSet(tr("Spans"));
    QStringList categories;
    std::int64_t maxCount = 0;
    for (const auto &b : m_histogram.buckets) {
        *m_set << static_cast<double>(b.count);
        categories << edgeLabel(b.lowUs);
        maxCount = std::max(maxCount, b.count);
    }
    m_series->append(m_set);
    m_series->setBarWidth(0.9);
    m_chart->addSeries(m_series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setTitleText(tr("duration from"));
    auto *axisY = new QValueAxis;
    // Whole numbers of spans: one tick per count while they are few, nice steps above.
    axisY->setRange(0, std::max<double>(1, static_cast<double>(maxCount)));
    if (maxCount <= 8)
        axisY->setTickCount(static_cast<int>(std::max<std::int64_t>(1, maxCount)) + 1);
    else
        axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setTitleText(tr("spans"));
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    m_series->attachAxis(axisX);
    m_series->attachAxis(axisY);
    connect(m_set, &QBarSet::clicked, this, &DurationHistogramChart::bucketClicked);
    connect(m_set, &QBarSet::hovered, this, [this](bool status, int index) {
        if (!status || index < 0 || static_cast<std::size_t>(index) >= m_histogram.buckets.size()) {
            QToolTip::hideText();
            return;
        }
        const auto &b = m_histogram.buckets[static_cast<std::size_t>(index)];
        QToolTip::showText(QCursor::pos(),
                           tr("%n span(s) from %1 to %2\nclick to highlight them", nullptr, static_cast<int>(b.count))
                               .arg(edgeLabel(b.lowUs), edgeLabel(b.highUs)),
                           m_view);
    });
    applyColors();
}

void DurationHistogramChart::markDuration(std::int64_t durationUs)
{
    m_marked = durationUs < 0 ? -1 : m_histogram.bucketOf(durationUs);
    if (!m_set)
        return;
    m_set->deselectAllBars();
    if (m_marked >= 0)
        m_set->selectBar(m_marked);
}

void DurationHistogramChart::applyColors()
{
    styleChart(m_chart, palette());
    if (m_set) {
        m_set->setColor(chartPrimaryColor(palette()));
        m_set->setBorderColor(chartPrimaryColor(palette()));
        m_set->setSelectedColor(chartMarkColor());
    }
}

void DurationHistogramChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

} // namespace td
