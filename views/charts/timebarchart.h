#pragma once

#include "analysis.h"

#include <QWidget>

class QBarSet;
class QChart;
class QChartView;
class QHorizontalBarSeries;

namespace td {

// Self time and total time of a few groups (services, components) as horizontal bars, largest self time at
// the top, with the span count in each label. Shows as many groups as fit its height (at most maxGroups) and
// folds the rest into "all others" (reduceTopN).
class TimeBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeBarChart(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setRows(std::vector<AggregateRow> rows);
    void setMaxGroups(std::size_t n);
    // The rows shown, top to bottom (the last may be the folded rest).
    const std::vector<AggregateRow> &rows() const { return m_rows; }
    // The row shown marked (the last one clicked), or -1.
    int markedRow() const { return m_marked; }
    void setMarkedRow(int row);

    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_view; }
    QBarSet *selfSet() const { return m_selfSet; }
    QBarSet *totalSet() const { return m_totalSet; }
    // The widget that takes the mouse, and where the row's self-time bar is on it (for tests).
    QWidget *plotViewport() const;
    QPoint selfBarCenter(int row) const;
    // The label of a row on the category axis.
    QString rowLabel(int row) const;

signals:
    void rowClicked(int row);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    std::size_t groupsThatFit() const;
    void applyColors();
    int rowOfBar(int barIndex) const { return static_cast<int>(m_rows.size()) - 1 - barIndex; }

    QChart *m_chart;
    QChartView *m_view;
    QHorizontalBarSeries *m_series = nullptr;
    QBarSet *m_selfSet = nullptr;
    QBarSet *m_totalSet = nullptr;
    std::vector<AggregateRow> m_allRows;
    std::vector<AggregateRow> m_rows;
    std::size_t m_maxGroups = 10;
    std::size_t m_shownGroups = 0;
    double m_unitUs = 1000;
    int m_marked = -1;
};

} // namespace td
