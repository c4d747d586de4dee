#include "analysisview.h"
#include "checkhelper.h"
#include "durationhistogramchart.h"
#include "mainwindow.h"
#include "spansearch.h"
#include "spantreemodel.h"
#include "spanview.h"
#include "timebarchart.h"
#include "tracebuilder.h"
#include "tracedsl.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace td;
using td::testing::buildTrace;

Q_DECLARE_METATYPE(std::vector<std::int32_t>)

namespace {

// Three services: web (root), db (three repeated queries, one failing), cache; durationMoveAvg on two spans.
TracePtr sampleTrace()
{
    return buildTrace(QStringLiteral("root 0 1000 service=web tag:lc=httpservice tag:durationMoveAvg=900\n"
                                     "root/q1 100 100 service=db tag:lc=jdbc tag:durationMoveAvg=50\n"
                                     "root/q2 250 100 service=db tag:lc=jdbc\n"
                                     "root/q3 400 200 service=db tag:lc=jdbc tag:exception_class=java.sql.SQLException\n"
                                     "root/c 700 50 service=cache tag:durationMoveAvg=10 tag:region=eu\n"));
}

QStringList ids(const Trace &trace, const std::vector<std::int32_t> &spans)
{
    QStringList out;
    for (const std::int32_t i : spans)
        out << trace.qstr(trace.span(static_cast<std::size_t>(i)).spanId);
    return out;
}

QString id(const Trace &trace, std::int32_t span)
{
    return span >= 0 ? trace.qstr(trace.span(static_cast<std::size_t>(span)).spanId) : QString();
}

void clickRow(QTableView *table, int row)
{
    const QModelIndex index = table->model()->index(row, 1);
    QVERIFY(index.isValid());
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

// The view and a span view wired the way the main window wires them.
struct Fixture
{
    AnalysisView analysis;
    SpanView spans;
    Fixture()
    {
        QObject::connect(&analysis, &AnalysisView::spanSelected, &spans, &SpanView::selectSpan);
        QObject::connect(&analysis, &AnalysisView::spansHighlighted, &spans, &SpanView::highlightSpans);
        analysis.resize(900, 500);
    }
    bool load(const TracePtr &trace)
    {
        spans.setTrace(trace);
        QSignalSpy ready(&analysis, &AnalysisView::analysisReady);
        analysis.setTrace(trace);
        return ready.count() > 0 || ready.wait(10000);
    }
};

} // namespace

class TestAnalysisView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qRegisterMetaType<std::vector<std::int32_t>>();
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_analysisview"));
    }

    // The window feeds the dock the current tab's trace and selects in the current tab.
    void mainWindowDock()
    {
        MainWindow window;
        QVERIFY(window.findChild<AnalysisView *>());
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("analysisDock")));
        QSignalSpy shown(&window, &MainWindow::traceShown);
        QSignalSpy ready(window.findChild<AnalysisView *>(), &AnalysisView::analysisReady);
        window.openFile(QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-sample-trace.json"));
        QVERIFY(!shown.isEmpty() || shown.wait(10000));
        QVERIFY(ready.count() > 0 || ready.wait(10000));
        const TracePtr t = window.trace();
        QCOMPARE(window.findChild<AnalysisView *>()->analysis().trace, t);
        QCOMPARE(window.findChild<AnalysisView *>()->slowerTable()->model()->rowCount(), 2);
        emit window.findChild<AnalysisView *>()->spanSelected(t->findSpan("d3b277175669b1f6"));
        QCOMPARE(window.spanView()->selectedSpan(), t->findSpan("d3b277175669b1f6"));
        // The selection reaches the histogram: the 164 ms insert sits in the [100 ms, 200 ms) bucket.
        const DurationHistogramChart *h = window.findChild<AnalysisView *>()->histogramChart();
        QCOMPARE(h->histogram().buckets[static_cast<std::size_t>(h->markedBucket())].lowUs, 100000);
        window.findChild<AnalysisView *>()->setFoldRepeatedCalls(true);
        QVERIFY(window.spanView()->foldRepeatedCalls());
    }

    void analysesInTheBackground()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        QVERIFY(f.analysis.isReady());
        QCOMPARE(f.analysis.analysis().trace, t);
        QCOMPARE(f.analysis.serviceChart()->rows().size(), std::size_t(3));
        QCOMPARE(f.analysis.serviceChart()->rows().front().name, QStringLiteral("web"));
        QCOMPARE(f.analysis.tabs()->tabText(AnalysisView::SlowerTab), QStringLiteral("Slower than usual (3)"));
        QCOMPARE(f.analysis.tabs()->tabText(AnalysisView::ErrorsTab), QStringLiteral("Errors (1)"));
        QCOMPARE(f.analysis.tabs()->tabText(AnalysisView::RepeatedTab), QStringLiteral("Repeated calls (0)"));
        // Clearing empties everything at once.
        f.analysis.setTrace(nullptr);
        QVERIFY(f.analysis.serviceChart()->rows().empty());
        QCOMPARE(f.analysis.slowerTable()->model()->rowCount(), 0);
    }

    void newerTraceWins()
    {
        Fixture f;
        const TracePtr first = sampleTrace();
        const TracePtr second = buildTrace(QStringLiteral("a 0 10 service=x\n"));
        QSignalSpy ready(&f.analysis, &AnalysisView::analysisReady);
        f.analysis.setTrace(first);
        f.analysis.setTrace(second);
        QVERIFY(ready.wait(10000));
        QCOMPARE(f.analysis.analysis().trace, second);
        QCOMPARE(f.analysis.serviceChart()->rows().size(), std::size_t(1));
        // The first trace's result, when it comes, is dropped.
        QTest::qWait(0);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(f.analysis.analysis().trace, second);
    }

    void clickingABarHighlightsThatServicesSpans()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        f.analysis.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.analysis));
        TimeBarChart *chart = f.analysis.serviceChart();
        // By self time: db 400 µs, web 1000 - 450 = 550 µs... web first, then db, then cache.
        QCOMPARE(chart->rows()[1].name, QStringLiteral("db"));
        QSignalSpy highlighted(&f.analysis, &AnalysisView::spansHighlighted);
        QTest::mouseClick(chart->plotViewport(), Qt::LeftButton, {}, chart->selfBarCenter(1));
        QCOMPARE(highlighted.count(), 1);
        QCOMPARE(chart->markedRow(), 1);
        QCOMPARE(ids(*t, f.spans.matches()), (QStringList{QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3")}));
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("q1"));
        // F3 steps through the highlighted spans.
        f.spans.findNext();
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("q2"));
    }

    void clickingASlowRowSelectsTheSpan()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        f.analysis.tabs()->setCurrentIndex(AnalysisView::SlowerTab);
        f.analysis.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.analysis));
        QTableView *table = f.analysis.slowerTable();
        // c: 50 for 10 (x5), q1: 100 for 50 (x2), root: 1000 for 900.
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("×5.00"));
        QCOMPARE(table->model()->index(1, 1).data().toString(), QStringLiteral("db"));
        TD_CHECKED(clickRow(table, 1));
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("q1"));
        TD_CHECKED(clickRow(table, 2));
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("root"));
        // Sorted by duration, the rows still select their own spans.
        table->sortByColumn(3, Qt::DescendingOrder);
        TD_CHECKED(clickRow(table, 0));
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("root"));
    }

    void clickingAnErrorRowSelectsTheSpan()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        f.analysis.tabs()->setCurrentIndex(AnalysisView::ErrorsTab);
        f.analysis.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.analysis));
        QTableView *table = f.analysis.errorsTable();
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("java.sql.SQLException"));
        TD_CHECKED(clickRow(table, 0));
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("q3"));
    }

    // Every table of the dock keeps Qt's model rules through a trace, a regrouping and the next trace.
    void everyTableIsASoundModel()
    {
        Fixture f;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (QTableView *table : {f.analysis.slowerTable(), f.analysis.statisticsTable(), f.analysis.repeatedTable(),
                                  f.analysis.errorsTable()}) {
            QVERIFY(table && table->model());
            testers.push_back(std::make_unique<QAbstractItemModelTester>(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        QVERIFY(f.load(sampleTrace()));
        QVERIFY(f.analysis.statisticsTable()->model()->rowCount() > 0);
        f.analysis.setStatisticsGrouping(GroupBy::Service);
        f.analysis.statisticsTable()->sortByColumn(2, Qt::DescendingOrder);
        const LoadResult yelp = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/realworld/openzipkin__zipkin/zipkin-lens_testdata_yelp.json"));
        QVERIFY(yelp.trace);
        QVERIFY(f.load(yelp.trace));
        QVERIFY(f.analysis.statisticsTable()->model()->rowCount() > 0);
    }

    void statisticsTableMatchesHandComputedValues()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        QAbstractItemModelTester tester(f.analysis.statisticsTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.analysis.setStatisticsGrouping(GroupBy::Service);
        QAbstractItemModel *m = f.analysis.statisticsTable()->model();
        QCOMPARE(m->columnCount(), 9);
        QCOMPARE(m->headerData(8, Qt::Horizontal).toString(), QStringLiteral("% of trace"));
        // web: 1000 µs, self 1000 - (100 + 100 + 200 + 50) = 550; db: 3 spans, 400 µs; cache 50 µs.
        const QStringList web{QStringLiteral("web"), QStringLiteral("1"), QStringLiteral("1.00 ms"), QStringLiteral("1.00 ms"),
                              QStringLiteral("1.00 ms"), QStringLiteral("1.00 ms"), QStringLiteral("550 µs"),
                              QStringLiteral("550 µs"), QStringLiteral("55.0 %")};
        const QStringList db{QStringLiteral("db"), QStringLiteral("3"), QStringLiteral("400 µs"), QStringLiteral("133 µs"),
                             QStringLiteral("100 µs"), QStringLiteral("200 µs"), QStringLiteral("400 µs"),
                             QStringLiteral("133 µs"), QStringLiteral("40.0 %")};
        const auto rowTexts = [m](int row) {
            QStringList texts;
            for (int c = 0; c < m->columnCount(); ++c)
                texts << m->index(row, c).data().toString();
            return texts;
        };
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(rowTexts(0), web);
        QCOMPARE(rowTexts(1), db);
        // Sortable: by count, largest first.
        f.analysis.statisticsTable()->sortByColumn(1, Qt::DescendingOrder);
        QCOMPARE(rowTexts(0), db);
        // Clicking a row highlights the group's spans.
        f.analysis.tabs()->setCurrentIndex(AnalysisView::StatisticsTab);
        f.analysis.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.analysis));
        TD_CHECKED(clickRow(f.analysis.statisticsTable(), 0));
        QCOMPARE(ids(*t, f.spans.matches()), (QStringList{QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3")}));

        // Service and operation: one more name column.
        f.analysis.setStatisticsGrouping(GroupBy::ServiceOperation);
        QCOMPARE(m->columnCount(), 10);
        QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), QStringLiteral("Operation"));

        // By a tag key: spans without the tag in their own row.
        f.analysis.setStatisticsGrouping(GroupBy::TagKey, QStringLiteral("region"));
        QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QStringLiteral("region"));
        QCOMPARE(m->rowCount(), 2);
        QStringList names{m->index(0, 0).data().toString(), m->index(1, 0).data().toString()};
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("(without this tag)"), QStringLiteral("eu")}));
    }

    void exportsTheStatisticsAsShown()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        f.analysis.setStatisticsGrouping(GroupBy::Service);
        f.analysis.statisticsTable()->sortByColumn(1, Qt::DescendingOrder);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("stats.csv"));
        QVERIFY(f.analysis.exportStatisticsCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.at(0), QByteArray("service,count,total_us,avg_us,min_us,max_us,self_total_us,self_avg_us,percent_of_trace\r"));
        QCOMPARE(lines.at(1), QByteArray("db,3,400,133.3,100,200,400,133.3,40.00\r"));
        QVERIFY(lines.at(2).startsWith("web,1,1000,"));
        QString error;
        QVERIFY(!f.analysis.exportStatisticsCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    void histogramMarksTheSelectedSpansBucket()
    {
        Fixture f;
        const TracePtr t = sampleTrace();
        QVERIFY(f.load(t));
        DurationHistogramChart *h = f.analysis.histogramChart();
        // 50, 100, 100, 200, 1000 µs: buckets from [50,100) to [1000,2000).
        QCOMPARE(h->histogram().buckets.front().lowUs, 50);
        QCOMPARE(h->histogram().buckets.back().lowUs, 1000);
        f.analysis.setSelectedSpan(t->findSpan("q3"));
        QCOMPARE(h->markedBucket(), h->histogram().bucketOf(200));
        QCOMPARE(h->histogram().buckets[static_cast<std::size_t>(h->markedBucket())].lowUs, 200);
        f.analysis.setSelectedSpan(-1);
        QCOMPARE(h->markedBucket(), -1);
        QCOMPARE(DurationHistogramChart::edgeLabel(2000), QStringLiteral("2 ms"));
        QCOMPARE(DurationHistogramChart::edgeLabel(500), QStringLiteral("500 µs"));
        QCOMPARE(DurationHistogramChart::edgeLabel(5'000'000), QStringLiteral("5 s"));
    }

    void repeatedCallsRowHighlightsTheGroup()
    {
        TraceBuilder b;
        const auto add = [&b](const char *id, const char *parent, const char *name, std::int64_t start, std::int64_t dur) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern(id);
            s.parentId = b.intern(parent);
            s.name = b.intern(name);
            s.startUs = 1'000'000 + start;
            s.durationUs = dur;
            b.endSpan();
        };
        add("r", "", "GET /orders", 0, 1000);
        add("a", "r", "select user", 10, 10);
        add("b", "r", "select user", 30, 10);
        add("c", "r", "select user", 50, 10);
        add("b1", "b", "inner", 31, 5); // goes with b when b is folded away
        add("d", "r", "other", 70, 10);
        const TracePtr t = b.finish();
        Fixture f;
        QVERIFY(f.load(t));
        QCOMPARE(f.analysis.tabs()->tabText(AnalysisView::RepeatedTab), QStringLiteral("Repeated calls (1)"));
        QTableView *table = f.analysis.repeatedTable();
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("× 3"));
        f.analysis.tabs()->setCurrentIndex(AnalysisView::RepeatedTab);
        f.analysis.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.analysis));
        TD_CHECKED(clickRow(table, 0));
        QCOMPARE(ids(*t, f.spans.matches()), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(id(*t, f.spans.selectedSpan()), QStringLiteral("a"));

        // Folding: the group becomes the row of its first call, marked x3; the other calls are hidden.
        QSignalSpy foldChanged(&f.analysis, &AnalysisView::foldRepeatedCallsChanged);
        QObject::connect(&f.analysis, &AnalysisView::foldRepeatedCallsChanged, &f.spans,
                         [&f](bool fold) { f.spans.setFoldRepeatedCalls(fold, &f.analysis.analysis().repeated); });
        const SpanTreeModel *tree = f.spans.spanModel();
        const std::int32_t root = t->findSpan("r");
        // The rows of the root's children (the tree's rows are flat, depth first).
        const auto childRows = [&] {
            int n = 0;
            for (int r = 0; r < tree->rowCount(); ++r)
                n += t->span(static_cast<std::size_t>(tree->spanAtRow(r))).parent == root;
            return n;
        };
        QCOMPARE(childRows(), 4);
        f.analysis.setFoldRepeatedCalls(true);
        QCOMPARE(foldChanged.count(), 1);
        QVERIFY(f.spans.foldRepeatedCalls());
        QCOMPARE(childRows(), 2);
        QVERIFY(f.spans.viewIndex(t->findSpan("a")).isValid());
        QVERIFY(!f.spans.viewIndex(t->findSpan("b")).isValid());
        QVERIFY(!f.spans.viewIndex(t->findSpan("c")).isValid());
        QVERIFY(!f.spans.viewIndex(t->findSpan("b1")).isValid());
        QCOMPARE(f.spans.context().foldCountOf(t->findSpan("a")), 3);
        QCOMPARE(f.spans.context().foldCountOf(t->findSpan("d")), 0);
        // A new trace in the same view stays folded; unfolding shows every call again.
        f.spans.setTrace(t);
        QCOMPARE(childRows(), 2);
        f.analysis.setFoldRepeatedCalls(false);
        QCOMPARE(childRows(), 4);
        QVERIFY(f.spans.viewIndex(t->findSpan("b")).isValid());
    }

private:
    QTemporaryDir m_settingsDir;

private slots:
    void readableInADarkPalette()
    {
        Fixture f;
        QVERIFY(f.load(sampleTrace()));
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Window, QColor(45, 45, 45));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        f.analysis.setPalette(dark);
        f.analysis.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.analysis));
        const QImage image = f.analysis.serviceChart()->grab().toImage();
        QVERIFY(!image.isNull());
        // The chart's background follows the palette: a dark pixel in a corner.
        QVERIFY(QColor(image.pixel(3, image.height() - 3)).lightness() < 80);
    }
};

QTEST_MAIN(TestAnalysisView)
#include "tst_analysisview.moc"
