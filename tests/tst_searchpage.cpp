// The Search tab against the demo server's Zipkin, Jaeger and Tempo (a real HTTP server on 127.0.0.1).

#include "connectionprofiles.h"
#include "connectionsdialog.h"
#include "demospansserver.h"
#include "compareview.h"
#include "mainwindow.h"
#include "searchpage.h"
#include "searchresultsview.h"
#include "spanview.h"
#include "startpage.h"
#include "tokenstore.h"
#include "tracehitmodel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtCharts/QChart>
#include <QtCharts/QScatterSeries>
#include <QtTest>

using namespace td;

namespace {

QString profileName(BackendKind kind)
{
    return QStringLiteral("Demo ") + backendKindTitle(kind);
}

// Shows the window on the Search tab of the demo Zipkin (no keychain) and waits for its first search.
bool searchDemoZipkin(MainWindow &window)
{
    window.findChild<TokenStore *>()->setKeychainEnabled(false);
    window.show();
    QSignalSpy searched(&window, &MainWindow::searchPageSearched);
    window.showSearchPage(profileName(BackendKind::Zipkin), true);
    return searched.wait(15000);
}

int seriesPointCount(QChart *chart)
{
    int n = 0;
    for (QAbstractSeries *s : chart->series())
        if (auto *scatter = qobject_cast<QScatterSeries *>(s); scatter && scatter->name() != QLatin1String("Selected"))
            n += int(scatter->count());
    return n;
}

QStringList tableTraceIds(const SearchResultsView *results)
{
    QStringList ids;
    const QAbstractItemModel *model = results->table()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->index(r, 0).data(TraceHitModel::TraceIdRole).toString();
    return ids;
}

} // namespace

class TestSearchPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    DemoSpansServer m_server;
    TokenStore m_tokens;

    // A page with its profile chosen and the services list arrived.
    std::unique_ptr<SearchPage> pageFor(BackendKind kind)
    {
        auto page = std::make_unique<SearchPage>(&m_tokens);
        QSignalSpy services(page->client(), &TraceSearchClient::servicesListed);
        if (page->currentProfile() != profileName(kind))
            page->selectProfile(profileName(kind));
        else
            page->reloadProfiles();
        if (services.isEmpty())
            services.wait(10000);
        page->show();
        return page;
    }

    SearchResult runSearch(SearchPage &page)
    {
        QSignalSpy finished(&page, &SearchPage::searchFinished);
        QTest::mouseClick(page.searchButton(), Qt::LeftButton);
        if (finished.isEmpty())
            finished.wait(15000);
        return finished.isEmpty() ? SearchResult{FetchStep::Timeout, QStringLiteral("no answer"), {}, {}, {}, {}, {}, 0}
                                  : finished.takeFirst().at(0).value<SearchResult>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_searchpage"));
        m_tokens.setKeychainEnabled(false);
        m_server.setSlowDelayMs(20000);
        QVERIFY(m_server.listen());
        QList<ConnectionProfile> profiles;
        ConnectionProfile spans;
        spans.name = QStringLiteral("Spans");
        spans.baseUrl = m_server.baseUrl();
        spans.projectId = QStringLiteral("demo");
        profiles << spans;
        for (BackendKind kind : {BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo}) {
            ConnectionProfile p;
            p.name = profileName(kind);
            p.kind = kind;
            p.baseUrl = m_server.backendBaseUrl(kind);
            profiles << p;
        }
        QSettings settings;
        ConnectionProfiles::save(settings, profiles);
    }

    void onlySearchableProfilesAreOffered()
    {
        SearchPage page(&m_tokens);
        QStringList offered;
        for (int i = 0; i < page.profileBox()->count(); ++i)
            offered << page.profileBox()->itemData(i).toString();
        QCOMPARE(offered, QStringList({profileName(BackendKind::Zipkin), profileName(BackendKind::Jaeger),
                                       profileName(BackendKind::Tempo)}));
        QCOMPARE(page.statusLabel()->textFormat(), Qt::PlainText);
    }

    void searchFillsTableAndScatter_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("service");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin) << QString();
        QTest::newRow("jaeger") << int(BackendKind::Jaeger) << QStringLiteral("api-gateway");
        QTest::newRow("tempo") << int(BackendKind::Tempo) << QString();
    }

    void searchFillsTableAndScatter()
    {
        QFETCH(int, kind);
        QFETCH(QString, service);
        const auto backend = static_cast<BackendKind>(kind);
        auto page = pageFor(backend);
        QVERIFY2(page->serviceBox()->count() > 1, "the services list comes from the backend");
        if (!service.isEmpty()) {
            QVERIFY(page->serviceBox()->findText(service) > 0);
            page->serviceBox()->setCurrentText(service);
        }
        page->limitBox()->setValue(50);
        const SearchResult result = runSearch(*page);
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        QVERIFY(!result.hits.empty());
        // Every row is a trace the backend has, with the chosen service among its services.
        const QStringList known = m_server.backendTraceIds(backend);
        const QStringList shown = tableTraceIds(page->results());
        QCOMPARE(shown.size(), int(result.hits.size()));
        for (const QString &id : shown)
            QVERIFY2(known.contains(id), qPrintable(id));
        if (service.isEmpty())
            QCOMPARE(shown.size(), known.size());
        for (const TraceHit &hit : result.hits)
            if (!service.isEmpty())
                QVERIFY(std::find(hit.services.begin(), hit.services.end(), service.toStdString()) != hit.services.end());
        // One point per trace, at its start and duration.
        QCOMPARE(seriesPointCount(page->results()->chart()), shown.size());
        const auto points = page->results()->points();
        QCOMPARE(points.size(), result.hits.size());
        QCOMPARE(points.front().x(), double(result.hits.front().startUs) / 1000.0);
        QCOMPARE(points.front().y(), double(result.hits.front().durationUs) / 1000.0);
        QVERIFY(page->statusLabel()->text().contains(QString::number(shown.size())));
    }

    void tableSortsByDuration()
    {
        auto page = pageFor(BackendKind::Zipkin);
        QVERIFY(runSearch(*page).ok());
        QTableView *table = page->results()->table();
        table->sortByColumn(TraceHitModel::Duration, Qt::AscendingOrder);
        qlonglong previous = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const qlonglong d = table->model()->index(r, TraceHitModel::Duration).data(TraceHitModel::SortRole).toLongLong();
            QVERIFY(d >= previous);
            previous = d;
        }
    }

    void operationsFollowTheService()
    {
        auto page = pageFor(BackendKind::Zipkin);
        QSignalSpy operations(page->client(), &TraceSearchClient::operationsListed);
        page->serviceBox()->setCurrentText(QStringLiteral("routing"));
        QVERIFY(operations.wait(10000));
        const auto listed = operations.takeFirst().at(0).value<SearchResult>();
        QVERIFY2(listed.ok(), qPrintable(listed.describe()));
        QCOMPARE(listed.service, QStringLiteral("routing"));
        QVERIFY(page->operationBox()->findText(QStringLiteral("post /location/update/v4")) > 0);
        // The request named the service.
        bool asked = false;
        for (const DemoRequest &r : m_server.requests())
            asked = asked || r.target.contains("/zipkin/api/v2/spans?serviceName=routing");
        QVERIFY(asked);
    }

    void filtersReachTheBackend()
    {
        auto page = pageFor(BackendKind::Jaeger);
        page->serviceBox()->setCurrentText(QStringLiteral("api-gateway"));
        page->tagsEdit()->setText(QStringLiteral("http.method=GET"));
        page->minDurationEdit()->setText(QStringLiteral("1ms"));
        page->rangeBox()->setCurrentIndex(0); // last 15 minutes
        m_server.clearRequests();
        const SearchResult result = runSearch(*page);
        QVERIFY2(result.ok(), qPrintable(result.describe()));
        QUrlQuery query(result.url);
        QCOMPARE(query.queryItemValue(QStringLiteral("service")), QStringLiteral("api-gateway"));
        QCOMPARE(query.queryItemValue(QStringLiteral("minDuration")), QStringLiteral("1ms"));
        QCOMPARE(query.queryItemValue(QStringLiteral("tags"), QUrl::FullyDecoded), QStringLiteral("{\"http.method\":\"GET\"}"));
        const qint64 start = query.queryItemValue(QStringLiteral("start")).toLongLong();
        const qint64 end = query.queryItemValue(QStringLiteral("end")).toLongLong();
        QCOMPARE(end - start, qint64(15) * 60 * 1000000);
    }

    void formProblemsAreShownWithoutARequest_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("minDuration");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad duration") << int(BackendKind::Zipkin) << QStringLiteral("fast") << QString() << QStringLiteral("not a duration");
        QTest::newRow("bad tags") << int(BackendKind::Zipkin) << QString() << QStringLiteral("error") << QStringLiteral("key=value");
        QTest::newRow("jaeger needs a service") << int(BackendKind::Jaeger) << QString() << QString() << QStringLiteral("choose a service");
    }

    void formProblemsAreShownWithoutARequest()
    {
        QFETCH(int, kind);
        QFETCH(QString, minDuration);
        QFETCH(QString, tags);
        QFETCH(QString, expected);
        auto page = pageFor(static_cast<BackendKind>(kind));
        page->serviceBox()->setCurrentText(QString());
        page->minDurationEdit()->setText(minDuration);
        page->tagsEdit()->setText(tags);
        QTest::qWait(0);
        m_server.clearRequests();
        QTest::mouseClick(page->searchButton(), Qt::LeftButton);
        QVERIFY2(page->statusLabel()->text().contains(expected), qPrintable(page->statusLabel()->text()));
        for (const DemoRequest &r : m_server.requests())
            QVERIFY2(!r.target.contains("/traces?") && !r.target.contains("/search?"), r.target.constData());
    }

    void failedSearchKeepsTheResults()
    {
        auto page = pageFor(BackendKind::Tempo);
        QVERIFY(runSearch(*page).ok());
        const QStringList before = tableTraceIds(page->results());
        QVERIFY(!before.isEmpty());
        page->traceQlEdit()->setText(QStringLiteral("status = error"));
        const SearchResult failed = runSearch(*page);
        QCOMPARE(failed.step, FetchStep::QueryRejected);
        QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("invalid TraceQL query")), qPrintable(page->statusLabel()->text()));
        QCOMPARE(tableTraceIds(page->results()), before);
        // A TraceQL query that parses narrows the results.
        page->traceQlEdit()->setText(QStringLiteral("{ resource.service.name = \"checkout\" }"));
        const SearchResult narrowed = runSearch(*page);
        QVERIFY2(narrowed.ok(), qPrintable(narrowed.describe()));
        QCOMPARE(narrowed.hits.size(), std::size_t(1));
        QCOMPARE(narrowed.hits.front().rootService, std::string("checkout"));
    }

    void emptyResultSaysSo()
    {
        auto page = pageFor(BackendKind::Zipkin);
        page->minDurationEdit()->setText(QStringLiteral("10h"));
        const SearchResult result = runSearch(*page);
        QVERIFY(result.ok());
        QVERIFY(result.hits.empty());
        QCOMPARE(page->results()->table()->model()->rowCount(), 0);
        QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("No traces match")), qPrintable(page->statusLabel()->text()));
    }

    void cancelStopsASlowSearch()
    {
        auto page = pageFor(BackendKind::Zipkin);
        page->serviceBox()->setCurrentText(QStringLiteral("fail-slow"));
        QSignalSpy finished(page.get(), &SearchPage::searchFinished);
        QTest::mouseClick(page->searchButton(), Qt::LeftButton);
        QTRY_VERIFY(page->cancelButton()->isEnabled());
        QVERIFY(!page->searchButton()->isEnabled());
        QTest::mouseClick(page->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<SearchResult>().step, FetchStep::Cancelled);
        QVERIFY(page->searchButton()->isEnabled());
        QVERIFY(!page->cancelButton()->isEnabled());
    }

    void connectionsEditKindAndAuthentication()
    {
        QSettings settings;
        const QList<ConnectionProfile> before = ConnectionProfiles::load(settings);
        {
            ConnectionsDialog dialog(&m_tokens);
            auto *list = dialog.findChild<QListWidget *>(QStringLiteral("profiles"));
            auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kind"));
            auto *auth = dialog.findChild<QComboBox *>(QStringLiteral("auth"));
            auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("username"));
            auto *project = dialog.findChild<QLineEdit *>(QStringLiteral("projectId"));
            auto *header = dialog.findChild<QLineEdit *>(QStringLiteral("tokenHeader"));
            QVERIFY(list && kind && auth && user && project && header);
            list->setCurrentRow(0); // "Spans": the project id is asked for, the authentication is the token header
            QVERIFY(project->isVisibleTo(&dialog));
            QVERIFY(!auth->isVisibleTo(&dialog));
            list->setCurrentRow(3); // "Demo Grafana Tempo"
            QCOMPARE(kind->currentData().toInt(), int(BackendKind::Tempo));
            QVERIFY(!project->isVisibleTo(&dialog));
            QVERIFY(auth->isVisibleTo(&dialog));
            QVERIFY(!user->isVisibleTo(&dialog));
            auth->setCurrentIndex(auth->findData(int(AuthMode::Basic)));
            QVERIFY(user->isVisibleTo(&dialog));
            QVERIFY(!header->isVisibleTo(&dialog));
            user->setText(QStringLiteral("alice"));
            list->setCurrentRow(2); // "Demo Jaeger": a named header
            auth->setCurrentIndex(auth->findData(int(AuthMode::Header)));
            QVERIFY(header->isVisibleTo(&dialog));
            header->setText(QStringLiteral("X-Scope-OrgID"));
            QSignalSpy finished(&dialog, &QDialog::finished);
            dialog.accept();
            QVERIFY(!finished.isEmpty() || finished.wait(5000));
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const QList<ConnectionProfile> after = ConnectionProfiles::load(settings);
        const auto tempo = ConnectionProfiles::find(after, profileName(BackendKind::Tempo));
        const auto jaeger = ConnectionProfiles::find(after, profileName(BackendKind::Jaeger));
        QVERIFY(tempo && jaeger);
        QCOMPARE(tempo->kind, BackendKind::Tempo);
        QCOMPARE(tempo->authMode, AuthMode::Basic);
        QCOMPARE(tempo->username, QStringLiteral("alice"));
        QCOMPARE(jaeger->authMode, AuthMode::Header);
        QCOMPARE(jaeger->auth().headerName, QStringLiteral("X-Scope-OrgID"));
        ConnectionProfiles::save(settings, before);
    }

    void startPageOpensTheSearchTab()
    {
        MainWindow window;
        window.findChild<TokenStore *>()->setKeychainEnabled(false);
        window.show();
        QVERIFY(window.isStartPageShown());
        auto *button = window.findChild<StartPage *>()->findChild<QAbstractButton *>(QStringLiteral("searchTraces"));
        QVERIFY(button);
        button->click();
        QVERIFY(window.findChild<SearchPage *>());
        QCOMPARE(window.tabs()->currentWidget(), window.findChild<SearchPage *>());
        QVERIFY(!window.isStartPageShown());
        QVERIFY(!window.spanView()); // no trace: the trace actions stay off
    }

    // Two results, Compare: both are fetched into their tabs, then a compare tab shows them.
    void twoResultsCompare()
    {
        MainWindow window;
        QVERIFY(searchDemoZipkin(window));
        SearchResultsView *results = window.findChild<SearchPage *>()->results();
        QTableView *table = results->table();
        QVERIFY(table->model()->rowCount() >= 2);
        table->selectionModel()->select(table->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(!results->compareButton()->isEnabled());
        table->selectionModel()->select(table->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(results->compareButton()->isEnabled());
        const QStringList wanted = results->selectedTraceIds();
        QSignalSpy compared(&window, &MainWindow::compareShown);
        results->compareButton()->click();
        QVERIFY(compared.wait(20000));
        CompareView *view = window.compareView();
        QVERIFY(view);
        QCOMPARE(QStringList({QString::fromStdString(std::string(view->traceA()->traceId())),
                              QString::fromStdString(std::string(view->traceB()->traceId()))}),
                 wanted);
        QCOMPARE(window.tabs()->count(), 4); // Search, A, B and the comparison
    }

    void resultsOpenInTabs()
    {
        MainWindow window;
        QVERIFY(searchDemoZipkin(window));
        SearchPage *page = window.findChild<SearchPage *>();
        QVERIFY(page);
        QCOMPARE(window.tabs()->currentWidget(), page);
        QVERIFY(!window.isStartPageShown());
        QTableView *table = page->results()->table();
        QVERIFY(table->model()->rowCount() >= 3);

        // Two rows selected, Enter: both open, each in its own tab.
        table->selectionModel()->select(table->model()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QStringList wanted = page->results()->selectedTraceIds();
        QCOMPARE(wanted.size(), 2);
        QVERIFY(page->results()->openButton()->text().contains(QLatin1Char('2')));
        QSignalSpy shown(&window, &MainWindow::traceShown);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 15000);
        QStringList opened;
        for (const auto &args : shown)
            opened << QString::fromStdString(std::string(args.at(0).value<TracePtr>()->traceId()));
        QCOMPARE(opened, wanted);
        QCOMPARE(window.tabs()->count(), 3);

        // A click on a point of the scatter opens that trace.
        window.showSearchPage();
        QVERIFY(window.tabs()->currentWidget() == page);
        const QString pointId = QString::fromStdString(page->results()->model()->hit(1).traceId);
        page->results()->clickPoint(1);
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 3, 15000);
        QCOMPARE(QString::fromStdString(std::string(shown.last().at(0).value<TracePtr>()->traceId())), pointId);
        QVERIFY(window.spanView());

        // Closing the Search tab keeps it for next time, with its results.
        window.closeTab(window.tabs()->indexOf(page));
        QCOMPARE(window.tabs()->indexOf(page), -1);
        window.showSearchPage();
        QCOMPARE(window.findChild<SearchPage *>(), page);
        QVERIFY(page->results()->table()->model()->rowCount() >= 3);
    }
};

QTEST_MAIN(TestSearchPage)
#include "tst_searchpage.moc"
