#pragma once

#include "backendapi.h"

#include <QPointF>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QPushButton;
class QScatterSeries;
class QSortFilterProxyModel;
class QTableView;

namespace td {

class TraceHitModel;

// Search results as Jaeger's search page shows them: a scatter of duration over start time (traces with
// errors in red; a click opens the trace) above a sortable table. Enter, a double click or Open opens the
// selected traces (several at once when several rows are selected).
class SearchResultsView : public QWidget
{
    Q_OBJECT

public:
    explicit SearchResultsView(QWidget *parent = nullptr);

    void setHits(std::vector<TraceHit> hits);
    TraceHitModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QChart *chart() const { return m_chart; }
    QPushButton *openButton() const { return m_openButton; }
    // Enabled when exactly two rows are selected: compares them (compareRequested).
    QPushButton *compareButton() const { return m_compareButton; }
    // The selected rows' trace ids, in the table's order.
    QStringList selectedTraceIds() const;
    // The scatter's points: x is the start (epoch ms), y the duration (ms); one per hit, in hit order.
    std::vector<QPointF> points() const;
    // What a click on the point of hit `index` does (tests).
    void clickPoint(int index);

Q_SIGNALS:
    void openRequested(const QStringList &traceIds);
    void compareRequested(const QString &traceIdA, const QString &traceIdB);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildChart();
    void openSelected();
    void onPointClicked(const QPointF &point);
    void onPointHovered(const QPointF &point, bool state);
    int hitNear(const QPointF &point) const;
    void markSelection();

    TraceHitModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QChart *m_chart;
    QChartView *m_chartView;
    QTableView *m_table;
    QPushButton *m_openButton;
    QPushButton *m_compareButton;
    QScatterSeries *m_okSeries = nullptr;
    QScatterSeries *m_errorSeries = nullptr;
    QScatterSeries *m_selectedSeries = nullptr;
    double m_yScale = 1.0; // ms per unit of the duration axis
};

} // namespace td
