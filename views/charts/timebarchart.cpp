#include "timebarchart.h"

#include "chartstyle.h"
#include "spantreemodel.h"

#include <QEvent>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

namespace td {

namespace {

// A unit that keeps the axis numbers short.
double unitFor(std::int64_t maxUs)
{
    return maxUs >= 10'000'000 ? 1e6 : (maxUs >= 10'000 ? 1e3 : 1.0);
}

QString unitName(double unitUs)
{
    return unitUs >= 1e6 ? TimeBarChart::tr("s") : (unitUs >= 1e3 ? TimeBarChart::tr("ms") : TimeBarChart::tr("µs"));
}

} // namespace

TimeBarChart::TimeBarChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
{
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setRenderHint(QPainter::Antialiasing, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyColors();
}

void TimeBarChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

QString TimeBarChart::rowLabel(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return {};
    const AggregateRow &r = m_rows[static_cast<std::size_t>(row)];
    QString name = r.rest ? tr("all others") : (r.name.isEmpty() ? tr("(none)") : r.name);
    if (name.size() > 32)
        name = name.left(31) + QChar(0x2026);
    return tr("%1 (%2)").arg(name).arg(r.count);
}

void TimeBarChart::setRows(std::vector<AggregateRow> rows)
{
    m_allRows = std::move(rows);
    m_marked = -1;
    rebuild();
}

void TimeBarChart::setMaxGroups(std::size_t n)
{
    m_maxGroups = std::max<std::size_t>(1, n);
    rebuild();
}

std::size_t TimeBarChart::groupsThatFit() const
{
    // Two bars a group, each about a line high, below the legend and above the axis.
    const int perGroup = fontMetrics().height() * 3 / 2 + 4;
    const int room = height() - 4 * fontMetrics().height() - 24;
    return std::clamp<std::size_t>(static_cast<std::size_t>(std::max(0, room / perGroup)), std::min<std::size_t>(3, m_maxGroups), m_maxGroups);
}

void TimeBarChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (groupsThatFit() != m_shownGroups && !m_allRows.empty()) {
        const int marked = m_marked;
        const QString markedName = marked >= 0 ? m_rows[static_cast<std::size_t>(marked)].name : QString();
        rebuild();
        for (std::size_t k = 0; k < m_rows.size() && marked >= 0; ++k) {
            if (!m_rows[k].rest && m_rows[k].name == markedName)
                setMarkedRow(static_cast<int>(k));
        }
    }
}

void TimeBarChart::rebuild()
{
    m_shownGroups = groupsThatFit();
    m_rows = reduceTopN(m_allRows, m_shownGroups);
    m_marked = -1;
    m_chart->removeAllSeries(); // deletes the series and its sets
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_series = new QHorizontalBarSeries;
    m_selfSet = new QBarSet(tr("Self time"));
    m_totalSet = new QBarSet(tr("Total time"));
    std::int64_t maxUs = 0;
    for (const AggregateRow &r : m_rows)
        maxUs = std::max(maxUs, r.totalUs);
    m_unitUs = unitFor(maxUs);
    QStringList categories;
    // The series draws its first category at the bottom: add the rows from the last up.
    for (int k = static_cast<int>(m_rows.size()) - 1; k >= 0; --k) {
        const AggregateRow &r = m_rows[static_cast<std::size_t>(k)];
        *m_selfSet << static_cast<double>(r.selfTotalUs) / m_unitUs;
        *m_totalSet << static_cast<double>(r.totalUs) / m_unitUs;
        QString label = rowLabel(k);
        while (categories.contains(label)) // the axis needs distinct labels
            label += QChar(0x200B);
        categories << label;
    }
    m_series->append(m_totalSet);
    m_series->append(m_selfSet);
    m_series->setBarWidth(0.8);
    m_chart->addSeries(m_series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, std::max(1.0, static_cast<double>(maxUs) / m_unitUs));
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(QStringLiteral("%g"));
    axisX->setTitleText(unitName(m_unitUs));
    m_chart->addAxis(axisY, Qt::AlignLeft);
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_series->attachAxis(axisY);
    m_series->attachAxis(axisX);
    for (QBarSet *set : {m_selfSet, m_totalSet}) {
        connect(set, &QBarSet::clicked, this, [this](int index) {
            setMarkedRow(rowOfBar(index));
            emit rowClicked(rowOfBar(index));
        });
        connect(set, &QBarSet::hovered, this, [this](bool status, int index) {
            const int row = rowOfBar(index);
            if (!status || row < 0 || static_cast<std::size_t>(row) >= m_rows.size()) {
                QToolTip::hideText();
                return;
            }
            const AggregateRow &r = m_rows[static_cast<std::size_t>(row)];
            QToolTip::showText(QCursor::pos(),
                               tr("%1\nself time %2, total %3, %4 % of the trace\nclick to highlight these spans")
                                   .arg(rowLabel(row), SpanTreeModel::formatDuration(static_cast<double>(r.selfTotalUs)),
                                        SpanTreeModel::formatDuration(static_cast<double>(r.totalUs)))
                                   .arg(r.percentOfTrace, 0, 'f', 1),
                               m_view);
        });
    }
    applyColors();
}

void TimeBarChart::setMarkedRow(int row)
{
    m_marked = row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? row : -1;
    if (!m_selfSet)
        return;
    m_selfSet->deselectAllBars();
    if (m_marked >= 0)
        m_selfSet->selectBar(static_cast<int>(m_rows.size()) - 1 - m_marked);
}

QWidget *TimeBarChart::plotViewport() const
{
    return m_view->viewport();
}

QPoint TimeBarChart::selfBarCenter(int row) const
{
    if (!m_series || row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return {};
    const int bar = static_cast<int>(m_rows.size()) - 1 - row;
    // The self set is drawn second: in the upper half of its category.
    const double value = static_cast<double>(m_rows[static_cast<std::size_t>(row)].selfTotalUs) / m_unitUs / 2;
    const QPointF scene = m_chart->mapToPosition(QPointF(value, bar + 0.2), m_series);
    return m_view->mapFromScene(m_chart->mapToScene(scene));
}

void TimeBarChart::applyColors()
{
    styleChart(m_chart, palette());
    if (m_selfSet) {
        m_selfSet->setColor(chartPrimaryColor(palette()));
        m_selfSet->setBorderColor(chartPrimaryColor(palette()));
        m_selfSet->setSelectedColor(chartMarkColor());
        m_totalSet->setColor(chartSecondaryColor(palette()));
        m_totalSet->setBorderColor(chartSecondaryColor(palette()));
        m_selfSet->setLabelColor(palette().color(QPalette::Text));
    }
}

void TimeBarChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

} // namespace td
