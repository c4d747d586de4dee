#include "spansearch.h"
#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "timecontrol.h"
#include "traceloader.h"

#include <QHeaderView>
#include <QtTest>

using namespace td;

namespace {

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    return r.trace;
}

const QString samplePath = QStringLiteral(TRACEDESK_TEST_DATA "/../../resources/sample-trace.json");

} // namespace

class TestSpanView : public QObject
{
    Q_OBJECT
private slots:
    void searchFindsAndCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("service") << QStringLiteral("TRIDENT-service")
                                 << QStringList{QStringLiteral("5e1f0a3c9b2d4e71"), QStringLiteral("7c4d2e9a1b3f5a60")};
        QTest::newRow("operation") << QStringLiteral("auditservice") << QStringList{QStringLiteral("9a8b7c6d5e4f3a21")};
        QTest::newRow("tag value") << QStringLiteral("warn_jdbc_optimize_time") << QStringList{QStringLiteral("7c4d2e9a1b3f5a60")};
        QTest::newRow("tag key") << QStringLiteral("httpservice.cookies") << QStringList{QStringLiteral("b1ce90a546e67ba5")};
        QTest::newRow("nothing") << QStringLiteral("no-such-thing-anywhere") << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
    }

    void searchFindsAndCounts()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        const TracePtr trace = load(samplePath);
        QVERIFY(trace);
        QStringList found;
        for (const std::int32_t i : findSpans(*trace, text))
            found << trace->qstr(trace->span(static_cast<std::size_t>(i)).spanId);
        QCOMPARE(found, ids);

        SpanView view;
        view.setTrace(trace);
        QCOMPARE(view.setSearchText(text), ids.size());
        if (!ids.isEmpty()) {
            view.findNext();
            QCOMPARE(trace->qstr(trace->span(static_cast<std::size_t>(view.selectedSpan())).spanId), ids.front());
            view.findPrevious();
            QCOMPARE(trace->qstr(trace->span(static_cast<std::size_t>(view.selectedSpan())).spanId), ids.back());
        }
    }

    void onlyMatchesKeepsAncestors()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.setTrace(trace);
        view.setSearchText(QStringLiteral("busisysmapper"));
        view.setShowOnlyMatches(true);
        const QAbstractItemModel *m = view.treeView()->model();
        QCOMPARE(m->rowCount(), 1); // the root, as an ancestor
        const QModelIndex root = m->index(0, 0);
        QCOMPARE(m->rowCount(root), 1); // the feign call, as an ancestor
        const QModelIndex feign = m->index(0, 0, root);
        QCOMPARE(m->rowCount(feign), 1);
        QCOMPARE(m->index(0, 0, feign).data(SpanTreeModel::SpanIndexRole).toInt(), trace->findSpan("7c4d2e9a1b3f5a60"));
        view.setShowOnlyMatches(false);
        QCOMPARE(m->rowCount(m->index(0, 0)), 4);
    }

    void collapseHidesDescendants()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.resize(1000, 400);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SpanTreeView *tree = view.treeView();
        const std::int32_t jdbc = trace->findSpan("7c4d2e9a1b3f5a60");
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Name)).isEmpty());
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Timeline)).isEmpty());

        tree->collapse(view.viewIndex(trace->findSpan("5e1f0a3c9b2d4e71")));
        // Gone from the tree column and from the timeline column alike.
        QVERIFY(tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Name)).isEmpty());
        QVERIFY(tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Timeline)).isEmpty());

        view.collapseAll();
        QVERIFY(tree->visualRect(view.viewIndex(trace->findSpan("d3b277175669b1f6"), SpanTreeModel::Timeline)).isEmpty());
        QCOMPARE(view.selectedSpan(), trace->primaryRoot());
        view.expandAll();
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Timeline)).isEmpty());
    }

    void timelineIsDrawn()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.resize(1000, 400);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SpanTreeView *tree = view.treeView();
        const std::int32_t error = trace->findSpan("9a8b7c6d5e4f3a21");
        const QRect cell = tree->visualRect(view.viewIndex(error, SpanTreeModel::Timeline));
        const QImage image = tree->viewport()->grab().toImage();
        // The error bar is red somewhere in its row of the timeline column.
        bool red = false;
        for (int x = cell.left(); x <= cell.right() && !red; ++x) {
            const QColor c = image.pixelColor(x, cell.center().y());
            red = c.red() > 180 && c.green() < 80 && c.blue() < 80;
        }
        QVERIFY(red);
    }

    void zoomToSpanAndBack()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.setTrace(trace);
        TimeControl *time = view.timeControl();
        QCOMPARE(time->visibleRange(), (TimeRange{trace->startUs(), trace->endUs()}));
        const std::int32_t jdbc = trace->findSpan("7c4d2e9a1b3f5a60");
        view.zoomToSpan(jdbc);
        const Span &s = trace->span(static_cast<std::size_t>(jdbc));
        QVERIFY(time->visibleRange().startUs <= s.startUs && time->visibleRange().endUs >= s.endUs());
        QVERIFY(time->visibleRange().durationUs() < s.durationUs * 2);
        view.back();
        QCOMPARE(time->visibleRange(), time->traceRange());
    }

    void tooltipIsEscaped()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.setTrace(trace);
        const QString tip = SpanTreeView::toolTipFor(view.context(), trace->findSpan("5e1f0a3c9b2d4e71"));
        QVERIFY(tip.contains(QStringLiteral("http:/tridentservice/allbusisys")));
        QVERIFY(tip.contains(QStringLiteral("trident-service")));
        QVERIFY(tip.contains(QStringLiteral("cs→sr")));
    }
};

QTEST_MAIN(TestSpanView)
#include "tst_spanview.moc"
