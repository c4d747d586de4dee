#include "connectionprofiles.h"
#include "connectionsdialog.h"
#include "librarytablemodel.h"
#include "libraryview.h"
#include "notespanel.h"
#include "spanviewcontext.h"
#include "incidentsummary.h"
#include "redaction.h"
#include "tracelibrary.h"
#include "detailsdock.h"
#include "demospansserver.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "tracesaver.h"
#include "overviewpanel.h"
#include "problemspanel.h"
#include "remotetraceopener.h"
#include "spanpanel.h"
#include "spansapiclient.h"
#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "startpage.h"
#include "tagspanel.h"
#include "timecontrol.h"
#include "tokenstore.h"
#include "traceloadcontroller.h"
#include "traceloader.h"
#include "traceviewpage.h"
#include "tracesummary.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QHeaderView>
#include <QTabBar>
#include <QToolBar>
#include <QPlainTextEdit>
#include <QTimer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QPlainTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtTest>

using namespace td;

namespace {

const QString samplePath = QStringLiteral(TRACEDESK_TEST_DATA "/../../resources/sample-trace.json");
const QString brokenPath = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-span-header.malformed.json");
const QString feignPath = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-feignclient-trace.json");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What the model made of a trace, without where it came from.
std::string summaryOf(const TracePtr &trace)
{
    return trace ? traceSummary(*trace).dump() : std::string();
}

bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy shown(&window, &MainWindow::traceShown);
    window.openFile(path);
    return !shown.isEmpty() || shown.wait(10000);
}

void dropFiles(QWidget *target, const QList<QUrl> &urls, bool *enterAccepted)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    *enterAccepted = enter.isAccepted();
    if (!enter.isAccepted())
        return;
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    std::unique_ptr<DemoSpansServer> m_server;

    ConnectionProfile demoProfile(const QString &name = QStringLiteral("demo")) const
    {
        ConnectionProfile p;
        p.name = name;
        p.baseUrl = m_server->baseUrl();
        p.projectId = QStringLiteral("proj-1");
        p.timeoutSeconds = 20;
        return p;
    }

    // A token kept in the window's store (in memory), so a fetch with the profile asks nothing.
    static void giveToken(MainWindow &window, const QString &profile)
    {
        window.findChild<TokenStore *>()->setKeychainEnabled(false);
        bool stored = false;
        window.findChild<TokenStore *>()->storeToken(profile, QStringLiteral("test-token"), &window,
                                        [&stored](TokenStore::Storage, const QString &) { stored = true; });
        QTRY_VERIFY(stored);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Settings of this run only, before anything reads them.
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
        m_server = std::make_unique<DemoSpansServer>();
        QVERIFY2(m_server->listen(0), qPrintable(m_server->errorString()));
    }

    void init()
    {
        QSettings settings;
        settings.clear();
        m_server->clearRequests();
    }

    void cleanupTestCase()
    {
        m_server.reset();
    }

    void loadsInTheBackground()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(samplePath);
        QVERIFY(window.findChild<TraceLoadController *>()->isLoading() || shown.count() == 1);
        QVERIFY(shown.count() == 1 || shown.wait(10000));
        QVERIFY(window.trace());
        QCOMPARE(window.trace()->spanCount(), std::size_t(6));
        // The root is selected and the panels follow it.
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("spanId")), QStringLiteral("b1ce90a546e67ba5"));
        QVERIFY(window.statusSummary().contains(QStringLiteral("b1ce90a546e67ba5")));
        QVERIFY(window.statusSummary().contains(QStringLiteral("901 ms")));
        // Selecting another span refills the panels.
        window.spanView()->selectSpan(window.trace()->findSpan("9a8b7c6d5e4f3a21"));
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("service")), QStringLiteral("empty-service"));
        QVERIFY(window.findChild<OverviewPanel *>()->value(QStringLiteral("status")).contains(QStringLiteral("SocketTimeoutException")));
    }

    void preferencesChooseColoursAndTimeZone()
    {
        // The Preferences defaults: bars coloured by component, times shown in UTC first.
        QSettings().setValue(QStringLiteral("view/colorMode"), QStringLiteral("component"));
        SpanPanel::setUtcDisplay(true);
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(samplePath);
        QVERIFY(shown.count() == 1 || shown.wait(10000));
        QCOMPARE(window.spanView()->colorMode(), ColorMode::Component);
        QVERIFY2(window.statusSummary().contains(QStringLiteral("2018-09-27 07:35:36.991 UTC (")),
                 qPrintable(window.statusSummary()));
        SpanPanel::setUtcDisplay(false);
        QSettings().remove(QStringLiteral("view/colorMode"));
        MainWindow plain;
        QSignalSpy plainShown(&plain, &MainWindow::traceShown);
        plain.openFile(samplePath);
        QVERIFY(plainShown.count() == 1 || plainShown.wait(10000));
        QCOMPARE(plain.spanView()->colorMode(), ColorMode::Service);
        QVERIFY(!plain.statusSummary().contains(QStringLiteral(".991 UTC (")));
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
        QCOMPARE(window.findChild<TraceLoadController *>()->generation(), quint64(2));
    }

    void cancelLeavesTraceAlone()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(samplePath);
        QVERIFY(shown.wait(10000));
        const TracePtr before = window.trace();
        QSignalSpy cancelled(window.findChild<TraceLoadController *>(), &TraceLoadController::cancelled);
        window.openFile(samplePath);
        window.findChild<TraceLoadController *>()->cancel();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!window.findChild<TraceLoadController *>()->isLoading());
        QCOMPARE(window.trace(), before);
    }

    void problemsTakeYouToTheSpan()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        window.openFile(QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/iplatform-feignclient-trace.json"));
        QVERIFY(shown.wait(10000));
        QTreeWidget *table = window.findChild<ProblemsPanel *>()->table();
        QVERIFY(table->topLevelItemCount() > 0);
        QTreeWidgetItem *withSpan = nullptr;
        for (int i = 0; i < table->topLevelItemCount() && !withSpan; ++i)
            if (table->topLevelItem(i)->data(ProblemsPanel::Severity, Qt::UserRole).toInt() >= 0)
                withSpan = table->topLevelItem(i);
        QVERIFY(withSpan);
        emit table->itemActivated(withSpan, 0);
        QCOMPARE(window.spanView()->selectedSpan(), withSpan->data(ProblemsPanel::Severity, Qt::UserRole).toInt());
    }

    void dragAndDropOpensFiles()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.isStartPageShown());
        QSignalSpy shown(&window, &MainWindow::traceShown);
        bool accepted = false;
        dropFiles(&window, {QUrl::fromLocalFile(samplePath)}, &accepted);
        QVERIFY(accepted);
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.tabs()->count(), 1);
        QVERIFY(!window.isStartPageShown());
        QCOMPARE(window.source().filePath, QFileInfo(samplePath).absoluteFilePath());
        QCOMPARE(window.trace()->spanCount(), std::size_t(6));

        // Several files at once: one tab each, in order.
        dropFiles(&window, {QUrl::fromLocalFile(feignPath), QUrl::fromLocalFile(samplePath)}, &accepted);
        QVERIFY(accepted);
        QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->count(), 3, 10000);
        QCOMPARE(window.tabs()->tabText(1), QFileInfo(feignPath).fileName());

        // Something that is not a local file is not taken.
        dropFiles(&window, {QUrl(QStringLiteral("https://example.com/trace.json"))}, &accepted);
        QVERIFY(!accepted);
        QCOMPARE(window.tabs()->count(), 3);
    }

    void saveAsWritesTheFileBytesAndReopens()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(QStringLiteral("trace.json"));
        QVERIFY(QFile::copy(feignPath, original));
        MainWindow window;
        QVERIFY(openAndWait(window, original));
        const QString saved = dir.filePath(QStringLiteral("saved.json"));
        QString error;
        QVERIFY2(TraceSaver::save(*window.trace(), window.source(), saved, &error), qPrintable(error));
        QCOMPARE(readAll(saved), readAll(feignPath));

        const std::string before = summaryOf(window.trace());
        QVERIFY(openAndWait(window, saved));
        QCOMPARE(window.tabs()->count(), 2);
        QCOMPARE(summaryOf(window.trace()), before);

        // A file changed on disk since it was opened is no longer the trace shown: refused, not saved.
        window.tabs()->setCurrentIndex(0);
        {
            QFile f(original);
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n ");
        }
        const QString stale = dir.filePath(QStringLiteral("stale.json"));
        QVERIFY(!TraceSaver::save(*window.trace(), window.source(), stale, &error));
        QVERIFY2(error.contains(QStringLiteral("changed")), qPrintable(error));
        QVERIFY(!QFile::exists(stale));
    }

    // A spans API answer of "no trace data" or "parameter verification failed": the window's message quotes
    // the code and the server's errorMessage, and the trace on screen stays.
    void fetchErrorQuotesTheSpansApiCode_data()
    {
        QTest::addColumn<QString>("traceId");
        QTest::addColumn<QStringList>("messageHas");
        QTest::newRow("200103") << QStringLiteral("fail-200103")
                                << QStringList{QStringLiteral("SVCSTG.ATS.200103"), QStringLiteral("No tracing data found")};
        QTest::newRow("400101") << QStringLiteral("fail-400101")
                                << QStringList{QStringLiteral("SVCSTG.ATS.400101"), QStringLiteral("Parameter verification failed: traceId")};
    }

    void fetchErrorQuotesTheSpansApiCode()
    {
        QFETCH(QString, traceId);
        QFETCH(QStringList, messageHas);
        MainWindow window;
        QVERIFY(openAndWait(window, samplePath));
        const auto before = window.trace();
        auto *opener = window.findChild<RemoteTraceOpener *>();
        QVERIFY(opener);
        QSignalSpy failed(opener, &RemoteTraceOpener::fetchFailed);
        QString shownText;
        Qt::TextFormat format = Qt::RichText;
        // The message box is modal: read and close it from inside its own event loop.
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shownText = box->text();
                format = box->textFormat();
                box->reject();
            }
        });
        poll.start(20);
        FetchRequest request;
        request.baseUrl = m_server->baseUrl();
        request.projectId = QStringLiteral("proj-1");
        request.traceId = traceId;
        request.timeoutMs = 20000;
        window.fetchTrace(request);
        QVERIFY(failed.wait(20000));
        for (const QString &part : messageHas)
            QVERIFY2(shownText.contains(part), qPrintable(shownText));
        QCOMPARE(format, Qt::PlainText);
        QCOMPARE(window.trace(), before);
    }

    void saveAsWritesTheBytesReceivedAndReopens()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::traceShown);
        FetchRequest request;
        request.baseUrl = m_server->baseUrl();
        request.projectId = QStringLiteral("proj-1");
        request.traceId = m_server->sampleTraceId();
        request.timeoutMs = 20000;
        m_server->setResponseInfoAsObjects(false);
        window.fetchTrace(request);
        QVERIFY(shown.wait(20000));
        const TraceSource source = window.source();
        QVERIFY(source.isFetched());
        QCOMPARE(source.traceId, m_server->sampleTraceId());
        QCOMPARE(source.projectId, QStringLiteral("proj-1"));
        QVERIFY(source.bytes);
        QVERIFY(window.tabs()->tabText(0).contains(m_server->sampleTraceId()));

        // What a direct fetch of the same trace receives, byte for byte.
        SpansApiClient client;
        QSignalSpy finished(&client, &SpansApiClient::finished);
        client.fetch(request);
        QVERIFY(finished.wait(20000));
        const auto direct = finished.first().first().value<FetchResult>();
        QVERIFY2(direct.ok(), qPrintable(direct.describe()));

        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("fetched.json"));
        QString error;
        QVERIFY2(TraceSaver::save(*window.trace(), window.source(), saved, &error), qPrintable(error));
        QCOMPARE(readAll(saved).toStdString(), *direct.bytes);

        const std::string before = summaryOf(window.trace());
        QVERIFY(openAndWait(window, saved));
        QCOMPARE(window.tabs()->count(), 2);
        QVERIFY(!window.source().isFetched());
        QCOMPARE(summaryOf(window.trace()), before);
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("recent.json"));
        QVERIFY(QFile::copy(samplePath, file));
        QByteArray state;
        int overviewWidth = 0;
        QList<int> splitterSizes;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1111, 777);
            window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->show();
            window.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->show();
            auto *overview = window.detailsDock();
            window.resizeDocks({overview}, {420}, Qt::Horizontal);
            QVERIFY(openAndWait(window, file));
            auto *splitter = window.findChild<TagsPanel *>()->findChild<QSplitter *>(QStringLiteral("tagsSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({300, 120});
            splitterSizes = splitter->sizes();
            state = window.saveState();
            overviewWidth = overview->width();
            window.close();
        }
        {
            QSettings settings;
            QVERIFY(settings.contains(QStringLiteral("window/geometry")));
            QCOMPARE(settings.value(QStringLiteral("window/state")).toByteArray(), state);
            // The isolated location, not the user's settings.
            QVERIFY2(settings.fileName().startsWith(m_settingsDir.path()), qPrintable(settings.fileName()));
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1111, 777));
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->isVisible());
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->isVisible());
        QCOMPARE(again.detailsDock()->width(), overviewWidth);
        QCOMPARE(again.findChild<TagsPanel *>()->findChild<QSplitter *>(QStringLiteral("tagsSplitter"))->sizes(), splitterSizes);
        QCOMPARE(again.recentFiles()->files(), QStringList{QFileInfo(file).absoluteFilePath()});
        QCOMPARE(again.recentFiles()->lastDirectory(), QFileInfo(file).absolutePath());
        // The start page offers the recent file.
        QCOMPARE(again.findChild<StartPage *>()->recentFilesList()->count(), 1);
        QCOMPARE(again.findChild<StartPage *>()->recentFilesList()->item(0)->data(StartPage::PathRole).toString(), QFileInfo(file).absoluteFilePath());
    }

    // RecentFiles alone: the newest first, each once, ten at most, the bundled sample never; the menu and
    // the start page list the same, and choosing a menu entry asks for that file.
    void recentFilesKeepTheTenNewest()
    {
        QMenu files, ids;
        StartPage start;
        RecentFiles recent(&files, &ids, &start);
        QSignalSpy requested(&recent, &RecentFiles::fileRequested);
        QTemporaryDir dir;
        for (int i = 0; i < 12; ++i)
            recent.add(dir.filePath(QStringLiteral("t%1.json").arg(i)));
        recent.add(dir.filePath(QStringLiteral("t5.json"))); // again: moves to the front, not listed twice
        recent.add(MainWindow::sampleTracePath());
        const QStringList listed = recent.files();
        QCOMPARE(listed.size(), RecentFiles::maxFiles);
        QCOMPARE(listed.front(), dir.filePath(QStringLiteral("t5.json")));
        QCOMPARE(listed.count(dir.filePath(QStringLiteral("t5.json"))), 1);
        QVERIFY(!listed.contains(dir.filePath(QStringLiteral("t0.json"))));
        QVERIFY(!listed.contains(dir.filePath(QStringLiteral("t1.json"))));
        QCOMPARE(files.actions().size(), RecentFiles::maxFiles);
        QCOMPARE(start.recentFilesList()->count(), RecentFiles::maxFiles);
        files.actions().at(1)->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), listed.at(1));
        // Kept in the settings and read back.
        QSettings settings;
        recent.write(settings);
        QMenu files2, ids2;
        RecentFiles again(&files2, &ids2, &start);
        again.read(settings);
        QCOMPARE(again.files(), listed);
    }

    // TraceTabs alone: next and previous wrap around, a middle click asks to close, a trace tab is found by
    // its file or its trace id and keeps its source until it is closed.
    void traceTabsWrapFindAndForget()
    {
        TraceTabs tabs;
        const TracePtr sample = loadTraceFile(samplePath).trace;
        QVERIFY(sample);
        auto *view = new SpanView(&tabs);
        view->setTrace(sample);
        TraceSource source;
        source.filePath = QFileInfo(samplePath).absoluteFilePath();
        tabs.addTab(new QWidget, QStringLiteral("other"));
        QSignalSpy changed(&tabs, &QTabWidget::currentChanged);
        tabs.addTraceTab(view, *sample, source);
        QCOMPARE(changed.size(), 1); // once, with the title already set
        QCOMPARE(tabs.currentIndex(), 1);
        QCOMPARE(tabs.tabText(1), QFileInfo(samplePath).fileName());
        QCOMPARE(tabs.currentSource().filePath, source.filePath);
        QCOMPARE(tabs.tabOfKey(source.filePath), 1);
        QCOMPARE(tabs.tabOfKey(QString::fromStdString(std::string(sample->traceId()))), 1);
        QCOMPARE(tabs.tabOfKey(QStringLiteral("nothing")), -1);
        tabs.nextTab();
        QCOMPARE(tabs.currentIndex(), 0);
        tabs.previousTab();
        QCOMPARE(tabs.currentIndex(), 1);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QSignalSpy closeAsked(&tabs, &QTabWidget::tabCloseRequested);
        QTest::mouseClick(tabs.tabBar(), Qt::MiddleButton, Qt::NoModifier, tabs.tabBar()->tabRect(0).center());
        QCOMPARE(closeAsked.size(), 1);
        QCOMPARE(closeAsked.first().first().toInt(), 0);
        tabs.closeTab(1);
        QCOMPARE(tabs.count(), 1);
        QCOMPARE(tabs.tabOfKey(source.filePath), -1);
        QVERIFY(!tabs.headerState().isEmpty()); // the closed view's columns, for the next tab
    }

    void tabsKeepTheirOwnZoomAndSelection()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy changed(&window, &MainWindow::currentTraceChanged);
        QVERIFY(openAndWait(window, samplePath));
        QVERIFY(openAndWait(window, feignPath));
        QCOMPARE(window.tabs()->count(), 2);
        QCOMPARE(changed.count(), 2);
        SpanView *first = window.tabs()->spanViewAt(0);
        SpanView *second = window.tabs()->spanViewAt(1);
        QVERIFY(first && second && first != second);
        QCOMPARE(window.spanView(), second);

        // Tab 1: another span selected, zoomed to it, a search typed.
        window.tabs()->setCurrentIndex(0);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.last().first().value<TracePtr>(), first->trace());
        const std::int32_t picked = first->trace()->findSpan("9a8b7c6d5e4f3a21");
        QVERIFY(picked >= 0);
        first->selectSpan(picked);
        first->zoomToSpan(picked);
        const TimeRange zoomed = first->timeControl()->visibleRange();
        QVERIFY(zoomed != first->timeControl()->traceRange());
        QVERIFY(first->setSearchText(QStringLiteral("empty-service")) > 0);
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("service")), QStringLiteral("empty-service"));

        // Tab 2 is as it was: its root selected, the whole trace shown, no search.
        window.tabs()->setCurrentIndex(1);
        QCOMPARE(window.spanView(), second);
        QCOMPARE(window.trace(), second->trace());
        QCOMPARE(second->selectedSpan(), second->trace()->primaryRoot());
        QCOMPARE(second->timeControl()->visibleRange(), second->timeControl()->traceRange());
        QCOMPARE(second->matchCount(), 0);
        // The docks follow the current tab.
        const Span &root = second->trace()->span(static_cast<std::size_t>(second->trace()->primaryRoot()));
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("spanId")), second->trace()->qstr(root.spanId));
        QVERIFY(window.statusSummary().contains(QString::fromStdString(std::string(second->trace()->traceId()))));

        // Back to tab 1: its selection, zoom and search are still there.
        window.tabs()->setCurrentIndex(0);
        QCOMPARE(first->selectedSpan(), picked);
        QCOMPARE(first->timeControl()->visibleRange(), zoomed);
        QVERIFY(first->matchCount() > 0);
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("service")), QStringLiteral("empty-service"));
        // Zoom actions act on the current tab only.
        const TimeRange secondRange = second->timeControl()->visibleRange();
        QTest::keyClick(first->treeView(), Qt::Key_F);
        QCOMPARE(first->timeControl()->visibleRange(), first->timeControl()->traceRange());
        QCOMPARE(second->timeControl()->visibleRange(), secondRange);
    }

    // Keys 1-5 switch the tab between its views; all of them show the one selection; a new tab opens on the
    // view chosen last, and a tab keeps its own view.
    void viewSwitchKeysShareOneSelection()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(openAndWait(window, samplePath));
        SpanView *first = window.spanView();
        QCOMPARE(first->currentView(), TraceViewKind::Timeline);
        const std::int32_t picked = static_cast<std::int32_t>(first->trace()->spanCount()) - 1;
        QVERIFY(picked > 0 && picked != first->trace()->primaryRoot());
        first->selectSpan(picked);

        const TraceViewKind kinds[] = {TraceViewKind::FlameGraph, TraceViewKind::SpanTable, TraceViewKind::TraceGraph,
                                       TraceViewKind::Events};
        for (int i = 0; i < 4; ++i) {
            QTest::keyClick(first->treeView(), static_cast<Qt::Key>(Qt::Key_2 + i));
            QCOMPARE(first->currentView(), kinds[i]);
            TraceViewPage *page = first->page(kinds[i]);
            QVERIFY(page && page->isVisible());
            QVERIFY(!first->treeView()->isVisible());
            QCOMPARE(first->selectedSpan(), picked);
            QCOMPARE(page->context()->time->selectedSpan(), picked);
        }
        // A selection made in a view is the tab's selection: the tree and the panels follow.
        const std::int32_t root = first->trace()->primaryRoot();
        first->page(TraceViewKind::Events)->context()->time->setSelectedSpan(root);
        QCOMPARE(first->selectedSpan(), root);
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("spanId")),
                 first->trace()->qstr(first->trace()->span(static_cast<std::size_t>(root)).spanId));
        QTest::keyClick(&window, Qt::Key_1);
        QCOMPARE(first->currentView(), TraceViewKind::Timeline);
        QVERIFY(first->treeView()->isVisible());
        QCOMPARE(first->selectedSpan(), root);

        // Typing a digit into the search field searches; it does not switch views.
        QTest::keyClick(&window, Qt::Key_3);
        QCOMPARE(first->currentView(), TraceViewKind::SpanTable);
        QLineEdit *search = first->findChild<QLineEdit *>(QStringLiteral("spanSearch"));
        QVERIFY(search);
        search->setFocus();
        QTest::keyClick(search, Qt::Key_4);
        QCOMPARE(search->text(), QStringLiteral("4"));
        QCOMPARE(first->currentView(), TraceViewKind::SpanTable);
        search->clear();

        // A new tab opens on the view chosen last; the first tab keeps its own when the second changes.
        QVERIFY(openAndWait(window, feignPath));
        SpanView *second = window.spanView();
        QVERIFY(second != first);
        QCOMPARE(second->currentView(), TraceViewKind::SpanTable);
        QTest::keyClick(second->page(TraceViewKind::SpanTable), Qt::Key_5);
        QCOMPARE(second->currentView(), TraceViewKind::Events);
        QCOMPARE(first->currentView(), TraceViewKind::SpanTable);
        window.tabs()->setCurrentIndex(0);
        QCOMPARE(window.spanView(), first);
        QCOMPARE(first->currentView(), TraceViewKind::SpanTable);
    }

    // A new window gives the timeline most of the room: at least 55% of the width and 60% of the height at
    // 1400x900; the details are one dock of tabs that collapses to a strip; Analysis starts closed; View >
    // Reset Layout brings all of it back.
    void defaultLayoutPutsTheTimelineFirst()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openAndWait(window, samplePath));
        QCoreApplication::processEvents();
        SpanView *view = window.spanView();
        const auto timelineWidth = [&] { return view->treeView()->header()->sectionSize(SpanTreeModel::Timeline); };
        QVERIFY2(timelineWidth() >= 0.55 * window.width(), qPrintable(QString::number(timelineWidth())));
        QVERIFY2(view->treeView()->height() >= 0.6 * window.height(), qPrintable(QString::number(view->treeView()->height())));
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->isVisible());
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->isVisible());
        // One dock with the six panels and the span's notes as tabs, Overview first and showing.
        DetailsDock *details = window.detailsDock();
        QVERIFY(details->isVisible());
        QCOMPARE(details->tabs()->count(), 7);
        QCOMPARE(details->currentPanel(), static_cast<QWidget *>(window.findChild<OverviewPanel *>()));
        QStringList titles;
        for (int i = 0; i < details->tabs()->count(); ++i)
            titles << details->tabs()->tabText(i);
        QCOMPARE(titles, (QStringList{QStringLiteral("Overview"), QStringLiteral("iplatform"), QStringLiteral("Tags"),
                                      QStringLiteral("Annotations"), QStringLiteral("Endpoints"), QStringLiteral("Raw JSON"),
                                      QStringLiteral("Notes")}));
        // The Overview of the selected span fits without scrolling.
        QVERIFY(window.findChild<OverviewPanel *>()->sizeHint().height() <= window.findChild<OverviewPanel *>()->height());

        // Collapsed to a strip the timeline gets the dock's width; a tab of the strip opens that panel.
        const int expanded = timelineWidth();
        details->setCollapsed(true);
        QCoreApplication::processEvents();
        QVERIFY(details->strip()->isVisible());
        QVERIFY(details->width() < 80);
        QTRY_VERIFY(timelineWidth() > expanded + 150); // the header stretches the column once the layout settles
        emit details->strip()->tabBarClicked(2);
        QCoreApplication::processEvents();
        QVERIFY(!details->isCollapsed());
        QCOMPARE(details->currentPanel(), static_cast<QWidget *>(window.findChild<TagsPanel *>()));
        QVERIFY(qAbs(details->width() - MainWindow::defaultDetailsWidth) < 20);

        // The Analysis button of the toolbar opens the dock; Reset Layout closes it and restores the columns.
        QAction *analysis = window.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->toggleViewAction();
        QVERIFY(window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions().contains(analysis));
        analysis->trigger();
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->isVisible());
        view->treeView()->header()->resizeSection(SpanTreeModel::Name, 500);
        window.resetLayout();
        QCoreApplication::processEvents();
        QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->isVisible());
        QCOMPARE(view->treeView()->header()->sectionSize(SpanTreeModel::Name), SpanView::defaultNameColumnWidth);
        QVERIFY(timelineWidth() >= 0.55 * window.width());
    }

    // Every trace shown is recorded in the library and listed on the start page; an entry whose file is gone
    // opens from the stored copy of the answer; a damaged library is left alone and traces still open.
    void libraryRecordsTracesAndReopensThem()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("library.sqlite"));
        {
            MainWindow window;
            QVERIFY(window.openLibrary(db));
            QVERIFY(openAndWait(window, feignPath));
            std::vector<LibraryEntry> entries = window.library()->list();
            QCOMPARE(entries.size(), std::size_t(1));
            QCOMPARE(entries[0].source, QFileInfo(feignPath).absoluteFilePath());
            QCOMPARE(entries[0].traceId, QString::fromUtf8(window.trace()->traceId()));
            QCOMPARE(entries[0].spanCount, static_cast<std::int64_t>(window.trace()->realSpanCount())); // placeholders are no spans
            QVERIFY(!entries[0].hasStoredCopy()); // files are not copied
            QCOMPARE(window.findChild<StartPage *>()->libraryView()->model()->rowCount(), 1);

            // A trace fetched from a backend that is gone now: the library has its answer.
            QFile sample(samplePath);
            QVERIFY(sample.open(QIODevice::ReadOnly));
            const QByteArray bytes = sample.readAll();
            const LoadResult loaded = loadTraceBytes(std::make_shared<const std::string>(bytes.toStdString()), QStringLiteral("answer"));
            QVERIFY(loaded.ok());
            QVERIFY(window.library()->record(*loaded.trace, QStringLiteral("gone/proj-9"), bytes));
            window.findChild<StartPage *>()->libraryView()->refresh();
            QCOMPARE(window.findChild<StartPage *>()->libraryView()->model()->rowCount(), 2);
            entries = window.library()->list();
            const auto fetched = std::find_if(entries.begin(), entries.end(),
                                              [](const LibraryEntry &e) { return e.source == QLatin1String("gone/proj-9"); });
            QVERIFY(fetched != entries.end() && fetched->hasStoredCopy());
            QSignalSpy shown(&window, &MainWindow::traceShown);
            window.openLibraryEntry(*fetched);
            QVERIFY(shown.wait(10000));
            QCOMPARE(window.tabs()->count(), 2);
            QCOMPARE(QString::fromUtf8(window.trace()->traceId()), fetched->traceId);
            QVERIFY(window.source().isFetched());
            QCOMPARE(QByteArray::fromStdString(*window.source().bytes), bytes); // Save As writes the answer as received
        }
        // A damaged file: the library is off, says why, and the file is not touched; traces still open.
        const QString broken = dir.filePath(QStringLiteral("broken.sqlite"));
        const QByteArray garbage("this is not a database, but someone's file\n");
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        MainWindow window;
        QVERIFY(!window.openLibrary(broken));
        QVERIFY(!window.library()->errorString().isEmpty());
        QVERIFY(openAndWait(window, samplePath));
        QCOMPARE(window.tabs()->count(), 1);
        QFile f(broken);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), garbage);
    }

    // Ctrl+B bookmarks the selected span and a note is written as it is typed: both are in the library at
    // once, marked in the tab, listed by the Markdown summary, and go out and back in as JSON beside the trace.
    void bookmarksAndNotesLiveInTheLibrary()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("library.sqlite"));
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openLibrary(db));
        QVERIFY(openAndWait(window, samplePath));
        SpanView *view = window.spanView();
        const Trace &t = *window.trace();
        const QString traceId = QString::fromUtf8(t.traceId());
        const std::int32_t picked = static_cast<std::int32_t>(t.spanCount()) - 1;
        view->selectSpan(picked);
        const QString spanId = t.qstr(t.span(static_cast<std::size_t>(picked)).spanId);

        QTest::keyClick(view->treeView(), Qt::Key_B, Qt::ControlModifier);
        std::vector<SpanNote> notes = window.library()->notes(traceId);
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes[0].spanId, spanId);
        QVERIFY(notes[0].bookmarked);
        QCOMPARE(view->context().markOf(picked), int(BookmarkMark));

        // Typed, not saved by a button: in the library after each key.
        QTest::keyClick(view->treeView(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window.notesPanel()->noteEdit()->hasFocus());
        QTest::keyClicks(window.notesPanel()->noteEdit(), QStringLiteral("retries here"));
        notes = window.library()->notes(traceId);
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes[0].text, QStringLiteral("retries here"));
        QCOMPARE(view->context().markOf(picked), int(BookmarkMark | NoteMark));
        // A second library connection (as after a restart) reads it.
        {
            TraceLibrary again;
            QVERIFY(again.open(db));
            QCOMPARE(again.notes(traceId).front().text, QStringLiteral("retries here"));
        }

        // The Markdown summary lists it.
        ExportContext context;
        context.notes = view->spanNotes();
        Redactor redactor;
        const QString markdown = incidentSummaryMarkdown(t, context, redactor);
        QVERIFY2(markdown.contains(QStringLiteral("Bookmarks and notes (1)")), qPrintable(markdown));
        QVERIFY(markdown.contains(QStringLiteral("retries here")));

        // Out as JSON, removed, back in.
        const QString json = dir.filePath(QStringLiteral("trace.notes.json"));
        QVERIFY(window.exportNotes(json));
        QVERIFY(window.library()->setNote(traceId, spanId, QString()));
        QVERIFY(window.library()->setBookmarked(traceId, spanId, false));
        QVERIFY(window.library()->notes(traceId).empty());
        QVERIFY(window.importNotes(json));
        notes = window.library()->notes(traceId);
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes[0].text, QStringLiteral("retries here"));
        QVERIFY(notes[0].bookmarked);
        QCOMPARE(view->context().markOf(picked), int(BookmarkMark | NoteMark));
        QCOMPARE(window.notesPanel()->noteEdit()->toPlainText(), QStringLiteral("retries here"));
        // A broken file is refused with a message; nothing changes.
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"traceId\": 12");
        bad.close();
        QVERIFY(!window.importNotes(bad.fileName()));
        QVERIFY(window.lastError().contains(QStringLiteral("bad.json")));
        QCOMPARE(window.library()->notes(traceId).size(), std::size_t(1));
    }

    void closingTheLastTabShowsTheStartPage()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(openAndWait(window, samplePath));
        QVERIFY(openAndWait(window, feignPath));
        QSignalSpy changed(&window, &MainWindow::currentTraceChanged);
        // Middle click on a tab closes it.
        QTabBar *bar = window.tabs()->tabBar();
        QTest::mouseClick(bar, Qt::MiddleButton, Qt::NoModifier, bar->tabRect(0).center());
        QCOMPARE(window.tabs()->count(), 1);
        QCOMPARE(window.source().filePath, QFileInfo(feignPath).absoluteFilePath());
        QVERIFY(!window.isStartPageShown());
        // Ctrl+W closes the current one; the start page takes its place and the docks empty.
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_W));
        QCOMPARE(window.tabs()->count(), 0);
        QVERIFY(window.isStartPageShown());
        QVERIFY(window.findChild<StartPage *>()->isVisible());
        QVERIFY(!window.trace());
        QVERIFY(!window.spanView());
        QVERIFY(!changed.isEmpty());
        QVERIFY(!changed.last().first().value<TracePtr>());
        OverviewPanel empty;
        empty.showSpan(nullptr, -1);
        QCOMPARE(window.findChild<OverviewPanel *>()->value(QStringLiteral("spanId")), empty.value(QStringLiteral("spanId")));
        QVERIFY(window.statusSummary().startsWith(QStringLiteral("No trace open")));
        // A failed load leaves the start page as it is.
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openFile(brokenPath);
        QVERIFY(failed.wait(10000));
        QCOMPARE(window.tabs()->count(), 0);
        QVERIFY(window.isStartPageShown());
        // The sample is one click away.
        QSignalSpy shown(&window, &MainWindow::traceShown);
        QTest::mouseClick(window.findChild<StartPage *>()->findChild<QAbstractButton *>(QStringLiteral("openSample")), Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.source().filePath, MainWindow::sampleTracePath());
        QCOMPARE(window.tabs()->tabText(0), QStringLiteral("Sample trace"));
    }

    void startPageListsRecentTraceIdsPerProfile()
    {
        {
            QSettings settings;
            ConnectionProfiles::save(settings, {demoProfile(), demoProfile(QStringLiteral("other"))});
            ConnectionProfiles::addRecentTraceId(settings, QStringLiteral("demo"), m_server->sampleTraceId());
            ConnectionProfiles::addRecentTraceId(settings, QStringLiteral("other"), QStringLiteral("abc"));
        }
        MainWindow window;
        giveToken(window, QStringLiteral("demo"));
        QListWidget *ids = window.findChild<StartPage *>()->recentTraceIdsList();
        QCOMPARE(ids->count(), 2);
        QListWidgetItem *item = ids->item(0);
        QCOMPARE(item->data(StartPage::ProfileRole).toString(), QStringLiteral("demo"));
        QCOMPARE(item->data(StartPage::TraceIdRole).toString(), m_server->sampleTraceId());
        QCOMPARE(ids->item(1)->data(StartPage::ProfileRole).toString(), QStringLiteral("other"));
        QSignalSpy shown(&window, &MainWindow::traceShown);
        emit ids->itemActivated(item);
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.source().profileName, QStringLiteral("demo"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void toolbarTraceIdBox()
    {
        {
            QSettings settings;
            ConnectionProfiles::save(settings, {demoProfile(QStringLiteral("first")), demoProfile()});
            ConnectionProfiles::setLastUsedProfile(settings, QStringLiteral("demo"));
        }
        MainWindow window;
        window.show();
        giveToken(window, QStringLiteral("demo"));
        QLineEdit *box = window.findChild<QLineEdit *>(QStringLiteral("traceIdBox"));
        QVERIFY(box);
        QCOMPARE(box->placeholderText(), QStringLiteral("Trace ID…"));
        QCOMPARE(window.toolbarProfile(), QStringLiteral("demo")); // the last used

        // Blank or whitespace: refused with a message, no request.
        for (const QString &blank : {QString(), QStringLiteral("   "), QStringLiteral("\t\n ")}) {
            box->setText(blank);
            QTest::keyClick(box, Qt::Key_Return);
            QVERIFY2(!window.statusBar()->currentMessage().isEmpty(), qPrintable(blank));
            window.statusBar()->clearMessage();
        }
        QVERIFY(!window.fetchTraceId(QStringLiteral("two ids")));
        QVERIFY(m_server->requests().isEmpty());
        QCOMPARE(window.tabs()->count(), 0);

        // Pasted with blanks around it, Enter fetches the trimmed id with the profile.
        QSignalSpy shown(&window, &MainWindow::traceShown);
        box->clear();
        QApplication::clipboard()->setText(QStringLiteral("  ") + m_server->sampleTraceId() + QStringLiteral("\n"));
        box->setFocus();
        box->paste();
        QTest::keyClick(box, Qt::Key_Return);
        QVERIFY(shown.wait(20000));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().target, QByteArray("/v1/proj-1/ats/spans?traceId=") + m_server->sampleTraceId().toUtf8());
        QCOMPARE(window.source().profileName, QStringLiteral("demo"));
        QSettings settings;
        QCOMPARE(ConnectionProfiles::recentTraceIds(settings, QStringLiteral("demo")), QStringList{m_server->sampleTraceId()});
    }

    void toolbarWithoutProfileOpensConnections()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.toolbarProfile().isEmpty());
        bool dialogSeen = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto *dialog = qobject_cast<ConnectionsDialog *>(QApplication::activeModalWidget())) {
                dialogSeen = true;
                poll.stop();
                dialog->reject();
            }
        });
        poll.start(20);
        QVERIFY(!window.fetchTraceId(QStringLiteral("abc")));
        QVERIFY(dialogSeen);
        QVERIFY(m_server->requests().isEmpty());
    }

    void tagsPanelCopiesThroughTheFilter()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(openAndWait(window, samplePath));
        TagsPanel *tags = window.findChild<TagsPanel *>();
        QTreeWidgetItem *item = nullptr;
        for (QTreeWidgetItemIterator it(tags->tree()); *it && !item; ++it)
            if (!(*it)->data(TagsPanel::Key, TagsPanel::FullValueRole).toString().isEmpty())
                item = *it;
        QVERIFY(item);
        tags->tree()->setCurrentItem(item);
        tags->setCopyFilter([](const QString &text) -> QString { return QStringLiteral("[filtered] ") + text; });
        tags->tree()->setFocus();
        QApplication::clipboard()->clear();
        QTest::keySequence(tags->tree(), QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("[filtered] ") + item->data(TagsPanel::Key, TagsPanel::FullValueRole).toString());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
