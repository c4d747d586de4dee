#include "analysisview.h"

#include "analysistablemodel.h"
#include "durationhistogramchart.h"
#include "spantreemodel.h"
#include "timebarchart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace td {

namespace {

QString duration(double us)
{
    return SpanTreeModel::formatDuration(us);
}

// qint64, not std::int64_t (long): QSortFilterProxyModel compares long long numerically, long as text.
QVariant num(std::int64_t v)
{
    return QVariant(static_cast<qint64>(v));
}

void setColumnWidths(QTableView *table, std::initializer_list<int> widths)
{
    int c = 0;
    for (const int w : widths)
        table->horizontalHeader()->resizeSection(c++, w);
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? AnalysisView::tr("(none)") : text;
}

} // namespace

AnalysisView::AnalysisView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_serviceChart(new TimeBarChart(this))
    , m_componentChart(new TimeBarChart(this))
    , m_histogram(new DurationHistogramChart(this))
{
    m_serviceChart->setMaxGroups(chartGroups);
    m_componentChart->setMaxGroups(chartGroups);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("No trace open: the analysis appears here when a trace is shown."));
    m_tabs->hide();

    m_slowerTable = makeTable(&m_slowerModel, &m_slowerProxy);
    m_slowerModel->setHeaders({tr("Slower by"), tr("Service"), tr("Operation"), tr("Duration"), tr("Usual"),
                               tr("Warning threshold"), tr("Warning type")});
    m_repeatedTable = makeTable(&m_repeatedModel, &m_repeatedProxy);
    m_repeatedModel->setHeaders({tr("Calls"), tr("Service"), tr("Operation"), tr("Total"), tr("From first to last"),
                                 tr("Under"), tr("Statements"), tr("Statement")});
    m_errorsTable = makeTable(&m_errorsModel, &m_errorsProxy);
    m_errorsModel->setHeaders({tr("Start"), tr("Service"), tr("Operation"), tr("Exception"), tr("Status"), tr("Why")});
    m_statTable = makeTable(&m_statModel, &m_statProxy);

    auto *stats = new QWidget(this);
    auto *statsLayout = new QVBoxLayout(stats);
    statsLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_groupCombo = new QComboBox(stats);
    m_groupCombo->addItem(tr("Service"), static_cast<int>(GroupBy::Service));
    m_groupCombo->addItem(tr("Operation"), static_cast<int>(GroupBy::Operation));
    m_groupCombo->addItem(tr("Service and operation"), static_cast<int>(GroupBy::ServiceOperation));
    m_groupCombo->addItem(tr("Component"), static_cast<int>(GroupBy::Component));
    m_groupCombo->addItem(tr("Tag key"), static_cast<int>(GroupBy::TagKey));
    m_tagKeyCombo = new QComboBox(stats);
    m_tagKeyCombo->setMinimumContentsLength(16);
    m_tagKeyCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_tagKeyCombo->setEnabled(false);
    m_exportButton = new QPushButton(tr("Export CSV…"), stats);
    auto *groupLabel = new QLabel(tr("Group by:"), stats);
    groupLabel->setBuddy(m_groupCombo);
    bar->addWidget(groupLabel);
    bar->addWidget(m_groupCombo);
    bar->addWidget(m_tagKeyCombo);
    bar->addStretch(1);
    bar->addWidget(m_exportButton);
    statsLayout->addLayout(bar);
    statsLayout->addWidget(m_statTable, 1);
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, &AnalysisView::onStatisticsGroupChosen);
    connect(m_tagKeyCombo, &QComboBox::currentIndexChanged, this, &AnalysisView::onStatisticsGroupChosen);
    connect(m_exportButton, &QPushButton::clicked, this, &AnalysisView::exportStatistics);

    m_tabs->addTab(m_serviceChart, tr("Time by service"));
    m_tabs->addTab(m_componentChart, tr("Time by component"));
    m_tabs->addTab(m_histogram, tr("Duration distribution"));
    m_tabs->addTab(m_slowerTable, QString());
    m_tabs->addTab(stats, tr("Statistics"));
    auto *repeated = new QWidget(this);
    auto *repeatedLayout = new QVBoxLayout(repeated);
    repeatedLayout->setContentsMargins(0, 0, 0, 0);
    m_foldCheck = new QCheckBox(tr("Fold repeated calls in the timeline"), repeated);
    m_foldCheck->setToolTip(tr("Show each group as one row, its first call marked ×N"));
    repeatedLayout->addWidget(m_foldCheck);
    repeatedLayout->addWidget(m_repeatedTable, 1);
    connect(m_foldCheck, &QCheckBox::toggled, this, &AnalysisView::foldRepeatedCallsChanged);
    m_tabs->addTab(repeated, QString());
    m_tabs->addTab(m_errorsTable, QString());
    m_tabs->setDocumentMode(true);
    m_tabs->setTabToolTip(ServiceTab, tr("Self time and total time per service (number of spans in brackets); click a bar to highlight the spans"));
    m_tabs->setTabToolTip(ComponentTab, tr("The same per component (lc), \"other\" for spans without one"));
    m_tabs->setTabToolTip(DistributionTab, tr("Spans by duration on logarithmic buckets; the selected span's bucket is marked; click a bar to highlight its spans"));
    updateTabTitles();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    const auto chartClicked = [this](TimeBarChart *chart, int row) {
        if (row >= 0 && static_cast<std::size_t>(row) < chart->rows().size())
            emit spansHighlighted(chart->rows()[static_cast<std::size_t>(row)].spans);
    };
    connect(m_serviceChart, &TimeBarChart::rowClicked, this, [this, chartClicked](int row) { chartClicked(m_serviceChart, row); });
    connect(m_componentChart, &TimeBarChart::rowClicked, this, [this, chartClicked](int row) { chartClicked(m_componentChart, row); });
    connect(m_histogram, &DurationHistogramChart::bucketClicked, this, [this](int bucket) {
        const auto &buckets = m_histogram->histogram().buckets;
        if (m_trace && bucket >= 0 && static_cast<std::size_t>(bucket) < buckets.size())
            emit spansHighlighted(spansWithDuration(*m_trace, buckets[static_cast<std::size_t>(bucket)].lowUs,
                                                    buckets[static_cast<std::size_t>(bucket)].highUs));
    });
    const auto rowHandler = [this](QSortFilterProxyModel *proxy, bool single) {
        return [this, proxy, single](const QModelIndex &index) { onRowActivated(proxy, index, single); };
    };
    for (QTableView *table : {m_slowerTable, m_errorsTable}) {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
        connect(table, &QAbstractItemView::clicked, this, rowHandler(proxy, true));
        connect(table, &QAbstractItemView::activated, this, rowHandler(proxy, true));
    }
    for (QTableView *table : {m_statTable, m_repeatedTable}) {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
        connect(table, &QAbstractItemView::clicked, this, rowHandler(proxy, false));
        connect(table, &QAbstractItemView::activated, this, rowHandler(proxy, false));
    }
    applyAnalysis(TraceAnalysis{});
}

AnalysisView::~AnalysisView() = default;

QTableView *AnalysisView::makeTable(AnalysisTableModel **model, QSortFilterProxyModel **proxy)
{
    auto *table = new QTableView(this);
    *model = new AnalysisTableModel(table);
    *proxy = new QSortFilterProxyModel(table);
    (*proxy)->setSourceModel(*model);
    (*proxy)->setSortRole(AnalysisTableModel::SortRole);
    (*proxy)->setSortCaseSensitivity(Qt::CaseInsensitive);
    table->setModel(*proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultSectionSize(110);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    return table;
}

void AnalysisView::setTrace(TracePtr trace)
{
    if (trace == m_trace && (m_ready || trace)) // switching back to a tab: its analysis is there or coming
        return;
    m_trace = std::move(trace);
    ++m_generation;
    // The analysis of the trace shown before stops where it is: nobody will look at it.
    if (m_cancel) {
        m_cancel->store(true);
        m_cancel.reset();
    }
    m_selected = NoIndex;
    // Clear at once: rows of the previous trace would point at spans of another.
    applyAnalysis(TraceAnalysis{});
    m_tabs->setVisible(m_trace != nullptr); // empty axes say nothing; the label below does
    if (!m_trace) {
        m_status->setText(tr("No trace open: the analysis appears here when a trace is shown."));
        m_status->show();
        return;
    }
    m_ready = false;
    m_status->setText(tr("Analysing %1 spans…").arg(m_trace->realSpanCount()));
    m_status->show();
    const quint64 generation = m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto *watcher = new QFutureWatcher<TraceAnalysis>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            applyAnalysis(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([t = m_trace, cancel = m_cancel]() {
        try {
            return analyseTrace(t, cancel.get());
        } catch (...) { // out of memory, say: show an empty analysis rather than lose the program
            TraceAnalysis empty;
            empty.trace = t;
            return empty;
        }
    }));
}

void AnalysisView::applyAnalysis(TraceAnalysis analysis)
{
    m_analysis = std::move(analysis);
    m_ready = m_analysis.trace == m_trace;
    m_serviceChart->setRows(m_analysis.byService);
    m_componentChart->setRows(m_analysis.byComponent);
    m_histogram->setHistogram(m_analysis.histogram);
    {
        const QSignalBlocker block(m_tagKeyCombo);
        const QString current = m_tagKey;
        m_tagKeyCombo->clear();
        m_tagKeyCombo->addItems(m_analysis.tagKeys);
        const int i = m_tagKeyCombo->findText(current);
        m_tagKeyCombo->setCurrentIndex(i >= 0 ? i : (m_tagKeyCombo->count() ? 0 : -1));
        m_tagKey = m_tagKeyCombo->currentText();
    }
    fillSlower();
    fillRepeated();
    fillErrors();
    fillStatistics();
    updateTabTitles();
    setSelectedSpan(m_selected);
    if (m_ready) {
        m_status->hide();
        emit analysisReady();
    }
}

void AnalysisView::setSelectedSpan(std::int32_t spanIndex)
{
    m_selected = spanIndex;
    const TracePtr &t = m_analysis.trace;
    if (m_ready && t && spanIndex >= 0 && static_cast<std::size_t>(spanIndex) < t->spanCount()
        && !t->span(static_cast<std::size_t>(spanIndex)).isPlaceholder())
        m_histogram->markDuration(std::max<std::int64_t>(0, t->span(static_cast<std::size_t>(spanIndex)).durationUs));
    else
        m_histogram->markDuration(-1);
}

void AnalysisView::fillSlower()
{
    std::vector<AnalysisTableModel::Row> rows;
    const TracePtr &t = m_analysis.trace;
    for (const SlowSpan &s : m_analysis.slower) {
        if (rows.size() >= tableRowLimit)
            break;
        const Span &span = t->span(static_cast<std::size_t>(s.span));
        AnalysisTableModel::Row r;
        r.texts = {tr("×%1").arg(s.ratio, 0, 'f', 2), orNone(t->qstr(span.service)), t->qstr(span.name),
                   duration(static_cast<double>(s.durationUs)), duration(s.usualUs), s.warnPct, s.warnType};
        r.sortValues = {s.ratio, {}, {}, num(s.durationUs), s.usualUs, {}, {}};
        r.spans = {s.span};
        r.error = span.isError();
        rows.push_back(std::move(r));
    }
    m_slowerModel->setRows(std::move(rows));
    setColumnWidths(m_slowerTable, {80, 150, 300, 90, 90, 120});
    m_slowerTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_slowerProxy->sort(-1);
}

void AnalysisView::fillRepeated()
{
    std::vector<AnalysisTableModel::Row> rows;
    const TracePtr &t = m_analysis.trace;
    for (const RepeatedGroup &g : m_analysis.repeated) {
        if (rows.size() >= tableRowLimit)
            break;
        const Span &parent = t->span(static_cast<std::size_t>(g.parent));
        AnalysisTableModel::Row r;
        r.texts = {tr("× %1").arg(g.count()), orNone(g.service), g.operation, duration(static_cast<double>(g.totalUs)),
                   duration(static_cast<double>(g.endUs - g.startUs)), t->qstr(parent.name),
                   g.sql.isEmpty() ? QString() : QString::number(g.distinctStatements), g.sql};
        r.sortValues = {num(g.count()), {}, {}, num(g.totalUs), num(g.endUs - g.startUs), {}, g.distinctStatements, {}};
        r.spans = g.spans;
        rows.push_back(std::move(r));
    }
    m_repeatedModel->setRows(std::move(rows));
    setColumnWidths(m_repeatedTable, {60, 150, 260, 90, 120, 200, 80});
    m_repeatedTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_repeatedProxy->sort(-1);
}

void AnalysisView::fillErrors()
{
    std::vector<AnalysisTableModel::Row> rows;
    for (const ErrorSpan &e : m_analysis.errors) {
        if (rows.size() >= tableRowLimit)
            break;
        AnalysisTableModel::Row r;
        r.texts = {duration(static_cast<double>(e.startOffsetUs)), orNone(e.service), e.operation, e.exceptionClass,
                   e.statusCode, e.reason};
        r.sortValues = {num(e.startOffsetUs), {}, {}, {}, {}, {}};
        r.spans = {e.span};
        rows.push_back(std::move(r));
    }
    m_errorsModel->setRows(std::move(rows));
    setColumnWidths(m_errorsTable, {90, 150, 300, 260, 60});
    m_errorsTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_errorsProxy->sort(-1);
}

void AnalysisView::setStatisticsGrouping(GroupBy by, const QString &tagKey)
{
    {
        const QSignalBlocker block(m_groupCombo);
        const QSignalBlocker block2(m_tagKeyCombo);
        m_groupCombo->setCurrentIndex(m_groupCombo->findData(static_cast<int>(by)));
        if (by == GroupBy::TagKey) {
            if (m_tagKeyCombo->findText(tagKey) < 0)
                m_tagKeyCombo->addItem(tagKey);
            m_tagKeyCombo->setCurrentIndex(m_tagKeyCombo->findText(tagKey));
        }
    }
    onStatisticsGroupChosen();
}

void AnalysisView::onStatisticsGroupChosen()
{
    m_groupBy = static_cast<GroupBy>(m_groupCombo->currentData().toInt());
    m_tagKeyCombo->setEnabled(m_groupBy == GroupBy::TagKey);
    m_tagKey = m_tagKeyCombo->currentText();
    fillStatistics();
}

void AnalysisView::fillStatistics()
{
    const TracePtr &t = m_analysis.trace;
    switch (m_groupBy) {
    case GroupBy::Service: m_statRows = m_analysis.byService; break;
    case GroupBy::Component: m_statRows = m_analysis.byComponent; break;
    case GroupBy::Operation: m_statRows = m_analysis.byOperation; break;
    case GroupBy::ServiceOperation: m_statRows = m_analysis.byServiceOperation; break;
    case GroupBy::TagKey:
        // One pass over the spans: quick enough on the GUI thread even for large traces.
        m_statRows = t && !m_tagKey.isEmpty() ? aggregate(*t, GroupBy::TagKey, m_tagKey.toStdString()) : std::vector<AggregateRow>{};
        break;
    }
    QStringList headers;
    switch (m_groupBy) {
    case GroupBy::Service: headers << tr("Service"); break;
    case GroupBy::Component: headers << tr("Component"); break;
    case GroupBy::Operation: headers << tr("Operation"); break;
    case GroupBy::ServiceOperation: headers << tr("Service") << tr("Operation"); break;
    case GroupBy::TagKey: headers << (m_tagKey.isEmpty() ? tr("Tag value") : m_tagKey); break;
    }
    const int nameColumns = static_cast<int>(headers.size());
    headers << tr("Count") << tr("Total") << tr("Average") << tr("Min") << tr("Max") << tr("Self total")
            << tr("Self average") << tr("% of trace");
    std::vector<AnalysisTableModel::Row> rows;
    rows.reserve(m_statRows.size());
    for (const AggregateRow &a : m_statRows) {
        AnalysisTableModel::Row r;
        r.texts << (a.missing && m_groupBy == GroupBy::TagKey ? tr("(without this tag)") : orNone(a.name));
        r.sortValues << QVariant();
        if (nameColumns == 2) {
            r.texts << a.detail;
            r.sortValues << QVariant();
        }
        r.texts << QString::number(a.count) << duration(static_cast<double>(a.totalUs)) << duration(a.avgUs())
                << duration(static_cast<double>(a.minUs)) << duration(static_cast<double>(a.maxUs))
                << duration(static_cast<double>(a.selfTotalUs)) << duration(a.selfAvgUs())
                << QStringLiteral("%1 %").arg(a.percentOfTrace, 0, 'f', 1);
        r.sortValues << num(a.count) << num(a.totalUs) << a.avgUs()
                     << num(a.minUs) << num(a.maxUs) << num(a.selfTotalUs)
                     << a.selfAvgUs() << a.percentOfTrace;
        r.spans = a.spans;
        rows.push_back(std::move(r));
    }
    m_statModel->setHeaders(headers);
    m_statModel->setRows(std::move(rows));
    if (nameColumns == 2)
        setColumnWidths(m_statTable, {150, 300});
    else
        setColumnWidths(m_statTable, {m_groupBy == GroupBy::Operation ? 360 : 200});
    m_statTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_statProxy->sort(-1);
    m_exportButton->setEnabled(!m_statRows.empty());
}

bool AnalysisView::foldRepeatedCalls() const
{
    return m_foldCheck->isChecked();
}

void AnalysisView::setFoldRepeatedCalls(bool fold)
{
    m_foldCheck->setChecked(fold);
}

bool AnalysisView::exportStatisticsCsv(const QString &path, QString *error) const
{
    // In the order the table shows.
    std::vector<AggregateRow> rows;
    rows.reserve(m_statRows.size());
    for (int r = 0; r < m_statProxy->rowCount(); ++r) {
        const int source = m_statProxy->mapToSource(m_statProxy->index(r, 0)).row();
        if (source >= 0 && static_cast<std::size_t>(source) < m_statRows.size())
            rows.push_back(m_statRows[static_cast<std::size_t>(source)]);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !writeStatisticsCsv(file, rows, m_groupBy) || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void AnalysisView::exportStatistics()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export statistics"), QStringLiteral("trace-statistics.csv"),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportStatisticsCsv(path, &error))
        QMessageBox::warning(this, tr("Export statistics"), tr("Could not write %1: %2").arg(path, error));
}

void AnalysisView::updateTabTitles()
{
    const auto limitNote = [](std::size_t n) {
        return n > tableRowLimit ? tr("The table shows the first %1 of %2.").arg(tableRowLimit).arg(n) : QString();
    };
    m_tabs->setTabToolTip(SlowerTab, limitNote(m_analysis.slower.size()));
    m_tabs->setTabToolTip(RepeatedTab, limitNote(m_analysis.repeated.size()));
    m_tabs->setTabToolTip(ErrorsTab, limitNote(m_analysis.errors.size()));
    m_tabs->setTabText(SlowerTab, tr("Slower than usual (%1)").arg(m_analysis.slower.size()));
    m_tabs->setTabText(RepeatedTab, tr("Repeated calls (%1)").arg(m_analysis.repeated.size()));
    m_tabs->setTabText(ErrorsTab, tr("Errors (%1)").arg(m_analysis.errors.size()));
}

void AnalysisView::onRowActivated(QSortFilterProxyModel *proxy, const QModelIndex &index, bool single)
{
    if (!proxy || !index.isValid() || !m_ready)
        return;
    const auto *model = qobject_cast<const AnalysisTableModel *>(proxy->sourceModel());
    const AnalysisTableModel::Row *row = model ? model->rowAt(proxy->mapToSource(index).row()) : nullptr;
    if (!row || row->spans.empty())
        return;
    if (single)
        emit spanSelected(row->spans.front());
    else
        emit spansHighlighted(row->spans);
}

} // namespace td
