#include "spantreemodel.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace td;

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

        QCOMPARE(model.rowCount(), 1);
        const QModelIndex root = model.index(0, SpanTreeModel::Name);
        QCOMPARE(t.qstr(t.span(SpanTreeModel::spanIndex(root)).spanId), QStringLiteral("b1ce90a546e67ba5"));
        QCOMPARE(model.rowCount(root), 4);
        QVERIFY(!model.parent(root).isValid());
        // Children in start order; each knows its row and parent without searching.
        const QStringList expected{QStringLiteral("5e1f0a3c9b2d4e71"), QStringLiteral("9a8b7c6d5e4f3a21"),
                                   QStringLiteral("c0e7a6f66745b037"), QStringLiteral("d3b277175669b1f6")};
        QStringList ids;
        for (int row = 0; row < model.rowCount(root); ++row) {
            const QModelIndex child = model.index(row, SpanTreeModel::Duration, root);
            QCOMPARE(child.row(), row);
            QCOMPARE(model.parent(child), root);
            QCOMPARE(model.indexForSpan(SpanTreeModel::spanIndex(child), SpanTreeModel::Duration), child);
            ids << t.qstr(t.span(SpanTreeModel::spanIndex(child)).spanId);
        }
        for (const QString &id : expected)
            QVERIFY2(ids.contains(id), qPrintable(id));
        // Non-zero columns have no children.
        QCOMPARE(model.rowCount(model.index(0, SpanTreeModel::Timeline)), 0);

        const QModelIndex feign = model.indexForSpan(t.findSpan("5e1f0a3c9b2d4e71"));
        QCOMPARE(model.rowCount(feign), 1);
        const QModelIndex jdbc = model.index(0, 0, feign);
        QCOMPARE(model.parent(jdbc), feign);
        QCOMPARE(jdbc.data(SpanTreeModel::WarningRole).toBool(), true);
        QCOMPARE(jdbc.siblingAtColumn(SpanTreeModel::Duration).data().toString(), QStringLiteral("330 ms"));
        QCOMPARE(model.indexForSpan(t.findSpan("9a8b7c6d5e4f3a21")).data(SpanTreeModel::ErrorRole).toBool(), true);
        QCOMPARE(root.siblingAtColumn(SpanTreeModel::PercentOfTrace).data().toString(), QStringLiteral("100.0 %"));
        QCOMPARE(jdbc.siblingAtColumn(SpanTreeModel::StartOffset).data().toString(), QStringLiteral("90.0 ms"));

        model.setTrace(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void placeholderParent()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const LoadResult result = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-feignclient-trace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        model.setTrace(result.trace);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex missing = model.index(0, 0);
        QVERIFY(missing.data(SpanTreeModel::PlaceholderRole).toBool());
        QCOMPARE(model.rowCount(missing), 3);
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
