#pragma once

#include "analysis.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace td {

class AnalysisTableModel;
class DurationHistogramChart;
class TimeBarChart;

// The Analysis dock: where the time went by service and component, the duration distribution, spans slower
// than usual, Jaeger-style statistics, repeated calls and errors. The analysis runs off the GUI thread; the
// view only draws its results and reports which spans the user picked.
class AnalysisView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { ServiceTab, ComponentTab, DistributionTab, SlowerTab, StatisticsTab, RepeatedTab, ErrorsTab };
    static constexpr std::size_t chartGroups = 10; // bars before the rest is folded into "all others"
    // Rows in the slower / repeated / errors tables (the most telling first): the GUI thread builds them.
    static constexpr std::size_t tableRowLimit = 1000;

    explicit AnalysisView(QWidget *parent = nullptr);
    ~AnalysisView() override;

    // Starts analysing the trace in the background; analysisReady() follows. A newer trace wins.
    void setTrace(TracePtr trace);
    const TracePtr &trace() const { return m_trace; }
    bool isReady() const { return m_ready; }
    const TraceAnalysis &analysis() const { return m_analysis; }

    // Marks the selected span's duration bucket.
    void setSelectedSpan(std::int32_t spanIndex);

    void setStatisticsGrouping(GroupBy by, const QString &tagKey = {});
    GroupBy statisticsGrouping() const { return m_groupBy; }
    const std::vector<AggregateRow> &statisticsRows() const { return m_statRows; }
    // Writes the statistics table as shown (grouping) to a CSV file.
    bool exportStatisticsCsv(const QString &path, QString *error = nullptr) const;

    QTabWidget *tabs() const { return m_tabs; }
    TimeBarChart *serviceChart() const { return m_serviceChart; }
    TimeBarChart *componentChart() const { return m_componentChart; }
    DurationHistogramChart *histogramChart() const { return m_histogram; }
    QTableView *slowerTable() const { return m_slowerTable; }
    QTableView *statisticsTable() const { return m_statTable; }
    QTableView *repeatedTable() const { return m_repeatedTable; }
    QTableView *errorsTable() const { return m_errorsTable; }
    // "Fold repeated calls in the timeline", on the Repeated calls tab.
    bool foldRepeatedCalls() const;
    void setFoldRepeatedCalls(bool fold);

signals:
    void analysisReady();
    // The user picked one span (a table row): select it.
    void spanSelected(std::int32_t spanIndex);
    // The user picked a group (a bar, a statistics or repeated-calls row): highlight these spans.
    void spansHighlighted(const std::vector<std::int32_t> &spans);
    void foldRepeatedCallsChanged(bool fold);

private:
    QTableView *makeTable(AnalysisTableModel **model, QSortFilterProxyModel **proxy);
    void applyAnalysis(TraceAnalysis analysis);
    void fillSlower();
    void fillRepeated();
    void fillErrors();
    void fillStatistics();
    void updateTabTitles();
    void onStatisticsGroupChosen();
    void exportStatistics();
    void onRowActivated(QSortFilterProxyModel *proxy, const QModelIndex &index, bool single);

    TracePtr m_trace;
    TraceAnalysis m_analysis;
    bool m_ready = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel; // set to stop the analysis under way
    std::int32_t m_selected = NoIndex;

    QLabel *m_status;
    QTabWidget *m_tabs;
    TimeBarChart *m_serviceChart;
    TimeBarChart *m_componentChart;
    DurationHistogramChart *m_histogram;
    QTableView *m_slowerTable;
    AnalysisTableModel *m_slowerModel = nullptr;
    QSortFilterProxyModel *m_slowerProxy = nullptr;
    QTableView *m_statTable;
    AnalysisTableModel *m_statModel = nullptr;
    QSortFilterProxyModel *m_statProxy = nullptr;
    QComboBox *m_groupCombo;
    QComboBox *m_tagKeyCombo;
    QPushButton *m_exportButton;
    GroupBy m_groupBy = GroupBy::Service;
    QString m_tagKey;
    std::vector<AggregateRow> m_statRows;
    QTableView *m_repeatedTable;
    QCheckBox *m_foldCheck;
    AnalysisTableModel *m_repeatedModel = nullptr;
    QSortFilterProxyModel *m_repeatedProxy = nullptr;
    QTableView *m_errorsTable;
    AnalysisTableModel *m_errorsModel = nullptr;
    QSortFilterProxyModel *m_errorsProxy = nullptr;
};

} // namespace td
