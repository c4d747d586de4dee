#include "spantreemodel.h"
#include "traceloader.h"
#include "tracedsl.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace td;
using namespace td::testing;

class TestSpanTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void emptyModel()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(SpanTreeModel::ColumnCount));
        QVERIFY(!model.index(0, 0).isValid());
    }

    void sampleTree()
    {
        SpanTreeModel model;
        // Attached before the data arrives, so the reset itself is checked too.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const LoadResult result = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/../../resources/sample-trace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        model.setTrace(result.trace);
        const Trace &t = *result.trace;

        // Every span expanded: one row per span, depth first, children in start order under their parent.
        QCOMPARE(model.rowCount(), 6);
        QStringList order;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, SpanTreeModel::Duration);
            QCOMPARE(index.row(), row);
            QVERIFY(!model.parent(index).isValid());
            QCOMPARE(model.rowCount(index), 0);
            QCOMPARE(model.indexForSpan(SpanTreeModel::spanIndex(index), SpanTreeModel::Duration), index);
            order << t.qstr(t.span(static_cast<std::size_t>(model.spanAtRow(row))).spanId);
        }
        QCOMPARE(order, (QStringList{QStringLiteral("b1ce90a546e67ba5"), QStringLiteral("5e1f0a3c9b2d4e71"),
                                     QStringLiteral("7c4d2e9a1b3f5a60"), QStringLiteral("9a8b7c6d5e4f3a21"),
                                     QStringLiteral("c0e7a6f66745b037"), QStringLiteral("d3b277175669b1f6")}));
        QCOMPARE(model.depthOf(model.spanAtRow(0)), 0);
        QCOMPARE(model.depthOf(model.spanAtRow(1)), 1);
        QCOMPARE(model.depthOf(model.spanAtRow(2)), 2);

        const QModelIndex jdbc = model.index(2, 0);
        QCOMPARE(jdbc.data(SpanTreeModel::WarningRole).toBool(), true);
        QCOMPARE(jdbc.siblingAtColumn(SpanTreeModel::Duration).data().toString(), QStringLiteral("330 ms"));
        QCOMPARE(model.indexForSpan(t.findSpan("9a8b7c6d5e4f3a21")).data(SpanTreeModel::ErrorRole).toBool(), true);
        QCOMPARE(model.index(0, SpanTreeModel::PercentOfTrace).data().toString(), QStringLiteral("100.0 %"));
        QCOMPARE(jdbc.siblingAtColumn(SpanTreeModel::StartOffset).data().toString(), QStringLiteral("90.0 ms"));

        model.setTrace(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    // One span expanded or collapsed: its subtree's rows are inserted or removed below it, the others keep
    // their spans, and a collapsed subtree comes back as it was.
    void expandAndCollapseOneSpan()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto t = buildTrace(QStringLiteral("r 0 100\nr/a 0 50\nr/a/a1 0 10\nr/a/a2 10 10\nr/b 60 30\nr/b/b1 60 5"));
        model.setTrace(t);
        QCOMPARE(model.rowCount(), 6);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const std::int32_t a = t->findSpan("a"), b1 = t->findSpan("b1");
        model.setExpanded(a, false);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 2);
        QCOMPARE(removed.first().at(2).toInt(), 3);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.indexForSpan(t->findSpan("a1")).isValid());
        QCOMPARE(model.indexForSpan(b1).row(), 3);
        QVERIFY(!model.isExpanded(a));
        model.setExpanded(a, true);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.indexForSpan(t->findSpan("a2")).row(), 3);
        QCOMPARE(model.indexForSpan(b1).row(), 5);
        // Collapsing the root hides everything under it; its children keep their own state.
        model.setExpanded(t->findSpan("r"), false);
        QCOMPARE(model.rowCount(), 1);
        model.setExpanded(t->findSpan("b"), false);
        model.setExpanded(t->findSpan("r"), true);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!model.indexForSpan(b1).isValid());
        // A span deep under collapsed parents gets a row when its ancestors are expanded for it.
        model.collapseAll();
        QCOMPARE(model.rowCount(), 1);
        model.expandAncestors(b1);
        QCOMPARE(model.indexForSpan(b1).row(), 3);
        model.expandToDepth(0);
        QCOMPARE(model.rowCount(), 3);
        model.expandAll();
        QCOMPARE(model.rowCount(), 6);
    }

    // Expanding everything keeps the selection on its span (a layout change, not a reset).
    void expandAllKeepsPersistentIndexes()
    {
        SpanTreeModel model;
        const auto t = buildTrace(QStringLiteral("r 0 100\nr/a 0 50\nr/a/a1 0 10\nr/b 60 30"));
        model.setTrace(t, 0);
        QCOMPARE(model.rowCount(), 3);
        const QPersistentModelIndex b = model.indexForSpan(t->findSpan("b"), SpanTreeModel::Duration);
        QCOMPARE(b.row(), 2);
        model.expandAll();
        QCOMPARE(b.row(), 3);
        QCOMPARE(b.column(), int(SpanTreeModel::Duration));
        QCOMPARE(SpanTreeModel::spanIndex(b), t->findSpan("b"));
        const QPersistentModelIndex a1 = model.indexForSpan(t->findSpan("a1"));
        model.collapseAll();
        QVERIFY(!a1.isValid());
    }

    // Sorting orders siblings by the column and keeps every child under its parent.
    void sortKeepsChildrenUnderTheirParent()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto t = buildTrace(QStringLiteral("r 0 100\nr/a 0 10\nr/a/a1 0 2\nr/a/a2 2 8\nr/b 20 50\nr/c 80 20"));
        model.setTrace(t);
        const auto ids = [&] {
            QStringList out;
            for (int r = 0; r < model.rowCount(); ++r)
                out << t->qstr(t->span(static_cast<std::size_t>(model.spanAtRow(r))).spanId);
            return out;
        };
        QCOMPARE(ids(), (QStringList{QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("b"), QStringLiteral("c")}));
        model.sort(SpanTreeModel::Duration, Qt::DescendingOrder);
        QCOMPARE(ids(), (QStringList{QStringLiteral("r"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("a2"), QStringLiteral("a1")}));
        model.sort(SpanTreeModel::Duration, Qt::AscendingOrder);
        QCOMPARE(ids(), (QStringList{QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("c"), QStringLiteral("b")}));
        model.sort(-1);
        QCOMPARE(ids(), (QStringList{QStringLiteral("r"), QStringLiteral("a"), QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    // Only matches: the matching spans and their ancestors; hidden spans go with their subtrees.
    void onlyMatchesAndHiddenSpans()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto t = buildTrace(QStringLiteral("r 0 100\nr/a 0 10\nr/a/a1 0 2\nr/b 20 50\nr/b/b1 20 5"));
        std::vector<char> matches(t->spanCount(), 0), hidden(t->spanCount(), 0);
        model.setMatches(&matches);
        model.setTrace(t);
        matches[static_cast<std::size_t>(t->findSpan("a1"))] = 1;
        model.setShowOnlyMatches(true);
        QCOMPARE(model.rowCount(), 3); // r, a, a1
        QVERIFY(!model.indexForSpan(t->findSpan("b")).isValid());
        matches.assign(t->spanCount(), 0);
        model.refilter();
        QCOMPARE(model.rowCount(), 0);
        model.setShowOnlyMatches(false);
        hidden[static_cast<std::size_t>(t->findSpan("b"))] = 1;
        model.setHiddenSpans(&hidden);
        QCOMPARE(model.rowCount(), 3); // r, a, a1
        QVERIFY(!model.indexForSpan(t->findSpan("b1")).isValid());
        model.setHiddenSpans(nullptr);
        QCOMPARE(model.rowCount(), 5);
    }

    void placeholderParent()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const LoadResult result = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-feignclient-trace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        model.setTrace(result.trace);
        const QModelIndex missing = model.index(0, 0);
        QVERIFY(missing.data(SpanTreeModel::PlaceholderRole).toBool());
        QCOMPARE(result.trace->span(static_cast<std::size_t>(model.spanAtRow(0))).childCount, 3u);
        QCOMPARE(model.rowCount(), 4);
        for (int r = 1; r < 4; ++r)
            QCOMPARE(model.depthOf(model.spanAtRow(r)), 1);
        QVERIFY(missing.data().toString().contains(QStringLiteral("56f5f16dc79eba59")));
    }

    void formatDuration_data()
    {
        QTest::addColumn<double>("us");
        QTest::addColumn<QString>("text");
        QTest::newRow("µs") << 450.0 << QStringLiteral("450 µs");
        QTest::newRow("small ms") << 1250.0 << QStringLiteral("1.25 ms");
        QTest::newRow("ms") << 901000.0 << QStringLiteral("901 ms");
        QTest::newRow("s") << 4408000.0 << QStringLiteral("4.408 s");
    }

    void formatDuration()
    {
        QFETCH(double, us);
        QFETCH(QString, text);
        QCOMPARE(SpanTreeModel::formatDuration(us), text);
    }
};

QTEST_GUILESS_MAIN(TestSpanTreeModel)
#include "tst_spantreemodel.moc"
