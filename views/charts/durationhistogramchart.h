#pragma once

#include "analysis.h"

#include <QWidget>

class QBarSeries;
class QBarSet;
class QChart;
class QChartView;

namespace td {

// How many spans fall in each logarithmic duration bucket; the selected span's bucket is marked.
class DurationHistogramChart : public QWidget
{
    Q_OBJECT
public:
    explicit DurationHistogramChart(QWidget *parent = nullptr);

    void setHistogram(DurationHistogram histogram);
    const DurationHistogram &histogram() const { return m_histogram; }
    // Marks the bucket of this duration; a negative value clears the mark.
    void markDuration(std::int64_t durationUs);
    int markedBucket() const { return m_marked; }

    QChart *chart() const { return m_chart; }
    QBarSet *barSet() const { return m_set; }
    // "1 ms", "20 µs", "5 s": a bucket's lower edge.
    static QString edgeLabel(std::int64_t us);

signals:
    void bucketClicked(int bucket);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyColors();

    QChart *m_chart;
    QChartView *m_view;
    QBarSeries *m_series = nullptr;
    QBarSet *m_set = nullptr;
    DurationHistogram m_histogram;
    int m_marked = -1;
};

} // namespace td
