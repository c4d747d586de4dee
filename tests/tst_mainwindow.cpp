#include "mainwindow.h"
#include "overviewpanel.h"
#include "problemspanel.h"
#include "spanview.h"
#include "traceloadcontroller.h"

#include <QDockWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace td;

namespace {

const QString samplePath = QStringLiteral(TRACEDESK_TEST_DATA "/../../resources/sample-trace.json");
const QString brokenPath = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-span-header.malformed.json");

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
    }

    void loadsInTheBackground()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(samplePath);
        QVERIFY(window.loader()->isLoading() || shown.count() == 1);
        QVERIFY(shown.count() == 1 || shown.wait(10000));
        QVERIFY(window.trace());
        QCOMPARE(window.trace()->spanCount(), std::size_t(6));
        // The root is selected and the panels follow it.
        QCOMPARE(window.overviewPanel()->value(QStringLiteral("spanId")), QStringLiteral("b1ce90a546e67ba5"));
        QVERIFY(window.statusSummary().contains(QStringLiteral("b1ce90a546e67ba5")));
        QVERIFY(window.statusSummary().contains(QStringLiteral("901 ms")));
        // Selecting another span refills the panels.
        window.spanView()->selectSpan(window.trace()->findSpan("9a8b7c6d5e4f3a21"));
        QCOMPARE(window.overviewPanel()->value(QStringLiteral("service")), QStringLiteral("empty-service"));
        QVERIFY(window.overviewPanel()->value(QStringLiteral("status")).contains(QStringLiteral("SocketTimeoutException")));
    }

    void brokenFileKeepsTheTrace()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(samplePath);
        QVERIFY(shown.wait(10000));
        const TracePtr before = window.trace();

        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openFile(brokenPath);
        QVERIFY(failed.wait(10000));
        // The previous trace is still on screen, untouched.
        QCOMPARE(window.trace(), before);
        QCOMPARE(window.spanView()->trace(), before);
        QCOMPARE(shown.count(), 1);
        // The error names the file, line and column, in a message that does not block the window.
        const QString error = failed.front().front().toString();
        QVERIFY2(error.contains(QStringLiteral("iplatform-span-header.malformed.json")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("line ")) && error.contains(QStringLiteral("column ")), qPrintable(error));
        auto *box = window.findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QCOMPARE(box->windowModality(), Qt::NonModal);
        QVERIFY(box->informativeText().contains(QStringLiteral(", line ")));
        QCOMPARE(box->detailedText(), error);
    }

    void supersededLoadIsDropped()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openFile(brokenPath);
        window.openFile(samplePath); // supersedes the first
        QVERIFY(shown.wait(10000));
        QTest::qWait(0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(window.loader()->generation(), quint64(2));
    }

    void cancelLeavesTraceAlone()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(samplePath);
        QVERIFY(shown.wait(10000));
        const TracePtr before = window.trace();
        QSignalSpy cancelled(window.loader(), &TraceLoadController::cancelled);
        window.openFile(samplePath);
        window.loader()->cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!window.loader()->isLoading());
        QCOMPARE(window.trace(), before);
    }

    void problemsTakeYouToTheSpan()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-feignclient-trace.json"));
        QVERIFY(shown.wait(10000));
        QTreeWidget *table = window.problemsPanel()->table();
        QVERIFY(table->topLevelItemCount() > 0);
        QTreeWidgetItem *withSpan = nullptr;
        for (int i = 0; i < table->topLevelItemCount() && !withSpan; ++i)
            if (table->topLevelItem(i)->data(ProblemsPanel::Severity, Qt::UserRole).toInt() >= 0)
                withSpan = table->topLevelItem(i);
        QVERIFY(withSpan);
        emit table->itemActivated(withSpan, 0);
        QCOMPARE(window.spanView()->selectedSpan(), withSpan->data(ProblemsPanel::Severity, Qt::UserRole).toInt());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
