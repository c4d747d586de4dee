// Zipkin, Jaeger and Tempo over real HTTP: the demo server's backends on 127.0.0.1 serve the real
// traces of tests/data/realworld; TraceDesk fetches them by id, searches and lists them, authenticates, and
// reports each backend's failures. What the answers should hold is worked out here from the same files,
// loaded as a file is opened. Nothing leaves loopback; nothing sleeps.

#include "commandline.h"
#include "demospansserver.h"
#include "spansapiclient.h"
#include "tracesearchclient.h"
#include "traceloader.h"

#include <QCommandLineParser>
#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <set>

using namespace td;
using namespace Qt::StringLiterals;
using nlohmann::json;

namespace {

const QString realworld = QStringLiteral(TRACEDESK_TEST_DATA "/realworld/");

// A trace the demo backends serve, as the model reads its file.
struct Known
{
    std::shared_ptr<const Trace> trace;
    std::string id;
    std::set<std::string> services;
    std::set<std::string> names;
    std::map<std::string, std::set<std::string>> namesOfService;
    std::set<std::pair<std::string, std::string>> tags;
    std::int64_t errors = 0;

    bool hasTag(const std::string &key, const std::function<bool(const std::string &)> &value) const
    {
        for (const auto &[k, v] : tags)
            if (k == key && value(v))
                return true;
        return false;
    }
};

Known known(std::shared_ptr<const Trace> trace)
{
    Known k;
    k.trace = trace;
    k.id = std::string(trace->traceId());
    for (const Span &span : trace->spans()) {
        if (span.isPlaceholder())
            continue;
        const std::string service(trace->str(span.service));
        const std::string name(trace->str(span.name));
        k.services.insert(service);
        k.names.insert(name);
        k.namesOfService[service].insert(name);
        k.errors += span.isError() ? 1 : 0;
        for (auto tag = trace->tagsBegin(span); tag != trace->tagsEnd(span); ++tag)
            k.tags.insert({std::string(trace->str(tag->key)), std::string(trace->str(tag->value))});
    }
    return k;
}

std::set<std::string> idsOf(const std::vector<TraceHit> &hits)
{
    std::set<std::string> ids;
    for (const TraceHit &h : hits)
        ids.insert(h.traceId);
    return ids;
}

QString text(const std::set<std::string> &items)
{
    QStringList list;
    for (const auto &s : items)
        list << QString::fromStdString(s);
    return list.join(QStringLiteral(", "));
}

QStringList sortedList(const std::set<std::string> &items)
{
    QStringList list;
    for (const auto &s : items)
        list << QString::fromStdString(s);
    return list;
}

QString queryOf(const DemoRequest &request, const char *key)
{
    return QUrlQuery(QUrl::fromEncoded("http://x" + request.target)).queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}

QByteArray pathOf(const DemoRequest &request)
{
    return request.target.left(request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
}

} // namespace

class TestBackends : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<DemoSpansServer> m_server;
    std::map<BackendKind, std::map<std::string, Known>> m_known; // what each backend serves, by trace id

    FetchRequest connection(BackendKind kind) const
    {
        FetchRequest r;
        r.kind = kind;
        r.baseUrl = m_server->backendBaseUrl(kind);
        r.timeoutMs = 10000;
        return r;
    }

    FetchRequest traceRequest(BackendKind kind, const QString &id, int apiVersion = 0) const
    {
        FetchRequest r = connection(kind);
        r.traceId = id;
        r.apiVersion = apiVersion;
        return r;
    }

    static FetchResult fetch(const FetchRequest &request)
    {
        SpansApiClient client;
        QSignalSpy finished(&client, &SpansApiClient::finished);
        client.fetch(request);
        if (!finished.wait(60000))
            return {};
        return finished.first().first().value<FetchResult>();
    }

    static SearchResult search(const FetchRequest &connection, const TraceQuery &query)
    {
        TraceSearchClient client;
        QSignalSpy finished(&client, &TraceSearchClient::searchFinished);
        client.search(connection, query);
        if (!finished.wait(60000))
            return {};
        return finished.first().first().value<SearchResult>();
    }

    std::set<std::string> expected(BackendKind kind, const std::function<bool(const Known &)> &match) const
    {
        std::set<std::string> ids;
        for (const auto &[id, k] : m_known.at(kind))
            if (match(k))
                ids.insert(id);
        return ids;
    }

    const Known &knownTrace(BackendKind kind, const std::string &id) const
    {
        return m_known.at(kind).at(id);
    }

    // The hits of a Zipkin or Jaeger search are read from the traces themselves; Tempo's from serviceStats.
    void checkHitsAgainstTraces(BackendKind kind, const SearchResult &result) const
    {
        for (const TraceHit &hit : result.hits) {
            const Known &k = knownTrace(kind, hit.traceId);
            QCOMPARE(hit.spanCount, std::int64_t(k.trace->realSpanCount()));
            QCOMPARE(hit.errorCount, k.errors);
            QCOMPARE(std::set<std::string>(hit.services.begin(), hit.services.end()), k.services);
            QCOMPARE(hit.startUs, k.trace->startUs());
        }
    }

    QStringList runCommand(const QStringList &arguments, int *exitCode, QString *err, const QString &token = QString()) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("TRACEDESK_TOKEN"));
        if (!token.isEmpty())
            env.insert(QStringLiteral("TRACEDESK_TOKEN"), token);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TRACEDESK_EXE), arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(60000)) {
            *exitCode = -1;
            return {};
        }
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        *err = QString::fromLocal8Bit(process.readAllStandardError());
        return QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        qunsetenv("TRACEDESK_TOKEN");
        for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
        QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_backends"));
        m_server = std::make_unique<DemoSpansServer>();
        QVERIFY2(m_server->listen(0), qPrintable(m_server->errorString()));

        // The files the demo server is built with (app/demoserver/CMakeLists.txt), read as files: Zipkin gets the
        // Zipkin v2 arrays, Jaeger the Jaeger traces, Tempo the OTLP documents. A later file with the same id wins.
        const QDir backends(QStringLiteral(":/tracedesk-demo/backends"));
        int files = 0;
        for (const QString &dir : backends.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            for (const QString &file : QDir(backends.filePath(dir)).entryList(QDir::Files, QDir::Name)) {
                const LoadResult load = loadTraceFile(backends.filePath(dir) + QLatin1Char('/') + file);
                QVERIFY2(load.ok(), qPrintable(load.error));
                ++files;
                const std::string_view format = load.trace->format();
                const BackendKind kind = format.substr(0, 6) == "zipkin" ? BackendKind::Zipkin
                    : format == "jaeger"                                 ? BackendKind::Jaeger
                                                                         : BackendKind::Tempo;
                QVERIFY2(format.substr(0, 6) == "zipkin" || format == "jaeger" || format == "otlp", qPrintable(file));
                Known k = known(load.trace);
                m_known[kind][k.id] = std::move(k);
            }
        }
        QVERIFY(files >= 20);
        for (BackendKind kind : {BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo}) {
            std::set<std::string> served;
            for (const QString &id : m_server->backendTraceIds(kind))
                served.insert(id.toStdString());
            QCOMPARE(served, expected(kind, [](const Known &) { return true; }));
            QVERIFY(m_known[kind].size() >= 3);
        }
    }

    void init()
    {
        m_server->clearRequests();
        m_server->setRequiredToken({}, {});
        m_server->setSlowDelayMs(60000);
        m_server->setHugeBytes(qint64(300) * 1024 * 1024);
    }

    // ---- fetch by id -------------------------------------------------------------------------------------

    void fetchMatchesTheFile_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin) << 0 << u"openzipkin__zipkin/zipkin-lens_testdata_yelp.json"_s
                                << QByteArray("/zipkin/api/v2/trace/a03ee8fff1dcd9b9");
        QTest::newRow("jaeger")
            << int(BackendKind::Jaeger) << 0
            << u"jaegertracing__jaeger-ui/components__TracePage__TraceStatistics__tableValuesTestTrace__testTraceNormal.json"_s
            << QByteArray("/jaeger/api/traces/4766f1209f70a5e2e55417fc296fd101");
        QTest::newRow("jaeger api v3 (OTLP)") << int(BackendKind::Jaeger) << 3 << u"jaegertracing__jaeger-ui/api__v3____fixtures____getTrace-response.json"_s
                                              << QByteArray("/jaeger/api/v3/traces/2ea75461946a7dd10f2c15ab36a076cb");
        QTest::newRow("tempo (batches)") << int(BackendKind::Tempo) << 0 << u"jaegertracing__jaeger/hotrod-skills__sibling_errors.json"_s
                                         << QByteArray("/tempo/api/traces/7c4f1a90b3e84d2f9a6c5e8017b3d264");
        QTest::newRow("tempo api v2") << int(BackendKind::Tempo) << 2 << u"jaegertracing__jaeger/hotrod-skills__n_plus_one_positive.json"_s
                                      << QByteArray("/tempo/api/v2/traces/ea6db5d7b317ca1a5e2c4e0e7cea53ce");
    }

    void fetchMatchesTheFile()
    {
        QFETCH(int, kind);
        QFETCH(int, apiVersion);
        QFETCH(QString, file);
        QFETCH(QByteArray, target);
        const LoadResult fromFile = loadTraceFile(realworld + file);
        QVERIFY2(fromFile.ok(), qPrintable(fromFile.error));
        const QString id = QString::fromStdString(std::string(fromFile.trace->traceId()));
        const FetchResult r = fetch(traceRequest(BackendKind(kind), QLatin1Char(' ') + id + QLatin1Char('\n'), apiVersion));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(r.httpStatus, 200);
        const Trace &fetched = *r.load.trace;
        QCOMPARE(std::string(fetched.traceId()), std::string(fromFile.trace->traceId()));
        QCOMPARE(fetched.realSpanCount(), fromFile.trace->realSpanCount());
        QCOMPARE(known(r.load.trace).services, known(fromFile.trace).services);
        QCOMPARE(known(r.load.trace).names, known(fromFile.trace).names);
        QCOMPARE(fetched.durationUs(), fromFile.trace->durationUs());
        QCOMPARE(fetched.sourceName(), u"127.0.0.1/"_s + backendKindKey(BackendKind(kind)));
        QVERIFY(r.message.contains(backendKindTitle(BackendKind(kind))));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().target, target);
        QCOMPARE(m_server->requests().first().header("Accept"), QByteArray("application/json"));
        QVERIFY(m_server->requests().first().header("Authorization").isEmpty());
    }

    void notFound_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QString>("serverSays");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin) << 0 << u"0123456789abcdef not found"_s;
        QTest::newRow("jaeger") << int(BackendKind::Jaeger) << 0 << u"trace not found"_s;
        QTest::newRow("jaeger api v3") << int(BackendKind::Jaeger) << 3 << u"trace not found"_s;
        QTest::newRow("tempo") << int(BackendKind::Tempo) << 0 << u"trace not found"_s;
        QTest::newRow("tempo api v2") << int(BackendKind::Tempo) << 2 << u"trace not found"_s;
    }

    void notFound()
    {
        QFETCH(int, kind);
        QFETCH(int, apiVersion);
        QFETCH(QString, serverSays);
        const FetchResult r = fetch(traceRequest(BackendKind(kind), u"0123456789abcdef"_s, apiVersion));
        QCOMPARE(r.step, FetchStep::NoTraceData);
        QCOMPARE(r.httpStatus, 404);
        QVERIFY2(r.message.contains(u"The server said: "_s + serverSays), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"0123456789abcdef"_s), qPrintable(r.message));
        QVERIFY(!r.hint.isEmpty());
        QVERIFY(!r.load.ok());
    }

    void wrongBasePathIsNotFoundNotNoTrace_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("jaeger") << int(BackendKind::Jaeger);
        QTest::newRow("tempo") << int(BackendKind::Tempo);
    }

    void wrongBasePathIsNotFoundNotNoTrace()
    {
        QFETCH(int, kind);
        FetchRequest r = traceRequest(BackendKind(kind), QString::fromStdString(m_known.at(BackendKind(kind)).begin()->first));
        r.baseUrl.setPath(r.baseUrl.path() + u"/wrong"_s);
        const FetchResult result = fetch(r);
        QCOMPARE(result.step, FetchStep::NotFound);
        QCOMPARE(result.httpStatus, 404);
        QVERIFY2(result.message.contains(u"404 page not found"_s), qPrintable(result.message));
        QVERIFY2(result.hint.contains(r.baseUrl.toString()), qPrintable(result.hint));
    }

    void idWithReservedCharactersArrivesAsTyped()
    {
        // One encoding on the wire: the server decodes the path once and sees the id as typed.
        const FetchResult r = fetch(traceRequest(BackendKind::Jaeger, u"a b+c&d"_s));
        QCOMPARE(r.step, FetchStep::NoTraceData);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().target, QByteArray("/jaeger/api/traces/a%20b%2Bc%26d"));
    }

    // ---- authentication ----------------------------------------------------------------------------------

    void authentication_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("headerName"); // for AuthMode::Header
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("sentHeader");
        QTest::addColumn<QByteArray>("sentValue");
        QTest::newRow("bearer, tempo") << int(BackendKind::Tempo) << int(AuthMode::Bearer) << QString() << QString() << u"tok-1"_s
                                       << QByteArray("Authorization") << QByteArray("Bearer tok-1");
        QTest::newRow("basic with user, jaeger") << int(BackendKind::Jaeger) << int(AuthMode::Basic) << QString() << u"alice"_s
                                                 << u"s3cret"_s << QByteArray("Authorization") << QByteArray("Basic YWxpY2U6czNjcmV0");
        QTest::newRow("basic user:password, zipkin") << int(BackendKind::Zipkin) << int(AuthMode::Basic) << QString() << QString()
                                                     << u"alice:s3cret"_s << QByteArray("Authorization")
                                                     << QByteArray("Basic YWxpY2U6czNjcmV0");
        QTest::newRow("header, tempo") << int(BackendKind::Tempo) << int(AuthMode::Header) << u"X-Scope-OrgID"_s << QString()
                                       << u"tenant-1"_s << QByteArray("X-Scope-OrgID") << QByteArray("tenant-1");
        QTest::newRow("header, zipkin") << int(BackendKind::Zipkin) << int(AuthMode::Header) << u"X-Api-Key"_s << QString()
                                        << u"k-42"_s << QByteArray("X-Api-Key") << QByteArray("k-42");
    }

    void authentication()
    {
        QFETCH(int, kind);
        QFETCH(int, mode);
        QFETCH(QString, headerName);
        QFETCH(QString, username);
        QFETCH(QString, token);
        QFETCH(QByteArray, sentHeader);
        QFETCH(QByteArray, sentValue);
        m_server->setRequiredToken(sentHeader, sentValue);
        FetchRequest r = traceRequest(BackendKind(kind), QString::fromStdString(m_known.at(BackendKind(kind)).begin()->first));
        r.authMode = AuthMode(mode);
        r.tokenHeader = headerName;
        r.username = username;
        r.token = token;
        const FetchResult ok = fetch(r);
        QVERIFY2(ok.ok(), qPrintable(ok.describe()));
        QCOMPARE(m_server->requests().last().header(sentHeader), sentValue);
        if (sentHeader != "Authorization")
            QVERIFY(m_server->requests().last().header("Authorization").isEmpty());
        QVERIFY(ok.request.token.isEmpty());

        // The same credentials go with searches and name lists.
        TraceSearchClient client;
        QSignalSpy services(&client, &TraceSearchClient::servicesListed);
        client.listServices(r);
        QVERIFY(services.wait(60000));
        const SearchResult listed = services.first().first().value<SearchResult>();
        QVERIFY2(listed.ok(), qPrintable(listed.describe()));
        QVERIFY(!listed.names.isEmpty());
        QCOMPARE(m_server->requests().last().header(sentHeader), sentValue);

        // Without the secret, or with a wrong one: 401, and the UI is told to ask for a new one.
        FetchRequest none = r;
        none.token.clear();
        const FetchResult missing = fetch(none);
        QCOMPARE(missing.step, FetchStep::Authentication);
        QCOMPARE(missing.httpStatus, 401);
        QVERIFY(missing.tokenRejected);
        QVERIFY2(missing.message.contains(u"401"_s) && missing.message.contains(u"The server said: Unauthorized"_s), qPrintable(missing.message));
        QVERIFY(m_server->requests().last().header(sentHeader) != sentValue);
        FetchRequest wrong = r;
        wrong.token = u"WRONG-TOKEN-42"_s;
        const FetchResult rejected = fetch(wrong);
        QCOMPARE(rejected.step, FetchStep::Authentication);
        QVERIFY(rejected.hint.contains(u"new token"_s));
        QVERIFY(!rejected.message.contains(u"WRONG-TOKEN-42"_s) && !rejected.hint.contains(u"WRONG-TOKEN-42"_s));
    }

    void noAuthenticationConfiguredSays401Needs()
    {
        m_server->setRequiredToken("Authorization", "Bearer tok-1");
        FetchRequest r = traceRequest(BackendKind::Tempo, QString::fromStdString(m_known.at(BackendKind::Tempo).begin()->first));
        r.token = u"tok-1"_s; // AuthMode::None: not sent
        const FetchResult result = fetch(r);
        QCOMPARE(result.step, FetchStep::Authentication);
        QVERIFY(m_server->requests().last().header("Authorization").isEmpty());
        QVERIFY2(result.hint.contains(u"wants credentials"_s), qPrintable(result.hint));
    }

    // ---- failures ----------------------------------------------------------------------------------------

    void serverError_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin);
        QTest::newRow("jaeger") << int(BackendKind::Jaeger);
        QTest::newRow("tempo") << int(BackendKind::Tempo);
    }

    void serverError()
    {
        QFETCH(int, kind);
        const FetchResult r = fetch(traceRequest(BackendKind(kind), u"fail-500"_s));
        QCOMPARE(r.step, FetchStep::HttpStatus);
        QCOMPARE(r.httpStatus, 500);
        QVERIFY2(r.message.contains(u"HTTP 500"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"storage unavailable: context deadline exceeded"_s), qPrintable(r.message));
        QVERIFY2(!r.message.contains(u"\"errors\""_s), qPrintable(r.message)); // Jaeger's words, not its document
        QVERIFY2(r.hint.contains(u"try again later"_s), qPrintable(r.hint));

        // A search that fails the same way says the same.
        TraceQuery q;
        q.service = u"fail-500"_s;
        const SearchResult s = search(connection(BackendKind(kind)), q);
        QCOMPARE(s.step, FetchStep::HttpStatus);
        QCOMPARE(s.httpStatus, 500);
        QVERIFY2(s.message.contains(u"storage unavailable: context deadline exceeded"_s), qPrintable(s.message));
        QVERIFY(s.hits.empty());
    }

    void slowAnswerTimesOut_data() { serverError_data(); }

    void slowAnswerTimesOut()
    {
        QFETCH(int, kind);
        FetchRequest r = traceRequest(BackendKind(kind), u"fail-slow"_s);
        r.timeoutMs = 300;
        const FetchResult result = fetch(r);
        QCOMPARE(result.step, FetchStep::Timeout);
        QVERIFY2(result.message.contains(u"0.3 s"_s), qPrintable(result.message));
    }

    void hugeAnswerIsStopped_data() { serverError_data(); }

    void hugeAnswerIsStopped()
    {
        QFETCH(int, kind);
        m_server->setHugeBytes(qint64(8) * 1024 * 1024);
        FetchRequest r = traceRequest(BackendKind(kind), u"fail-huge"_s);
        r.maxBytes = 1024 * 1024;
        const FetchResult result = fetch(r);
        QCOMPARE(result.step, FetchStep::TooLarge);
        QVERIFY2(result.message.contains(u"1.0 MiB"_s), qPrintable(result.message));
    }

    // ---- searches ----------------------------------------------------------------------------------------

    void searchZipkin()
    {
        const auto kind = BackendKind::Zipkin;
        TraceQuery q;
        q.service = u"servicea"_s;
        q.minDurationUs = 100000;
        q.startUs = 1700000000000000;
        q.endUs = 1700086400000000;
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto byService = expected(kind, [](const Known &k) { return k.services.count("servicea") > 0; });
        const auto want = expected(kind, [](const Known &k) { return k.services.count("servicea") && k.trace->durationUs() >= 100000; });
        QVERIFY2(!want.empty() && want.size() < byService.size(), qPrintable(text(byService))); // the duration filter counts
        QCOMPARE(idsOf(r.hits), want);
        checkHitsAgainstTraces(kind, r);
        // Zipkin's units: µs for durations, ms for endTs and lookback.
        QCOMPARE(m_server->requests().size(), 1);
        const DemoRequest &sent = m_server->requests().first();
        QCOMPARE(pathOf(sent), QByteArray("/zipkin/api/v2/traces"));
        QCOMPARE(queryOf(sent, "serviceName"), u"servicea"_s);
        QCOMPARE(queryOf(sent, "minDuration"), u"100000"_s);
        QCOMPARE(queryOf(sent, "endTs"), u"1700086400000"_s);
        QCOMPARE(queryOf(sent, "lookback"), u"86400000"_s);
        QCOMPARE(queryOf(sent, "limit"), u"20"_s);
        QCOMPARE(r.url.path(), u"/zipkin/api/v2/traces"_s);
    }

    void searchZipkinByOperationAndTag()
    {
        const auto kind = BackendKind::Zipkin;
        TraceQuery q;
        q.service = u"yelp-main"_s;
        q.operation = u"commit"_s;
        q.tags = {{u"query"_s, u"COMMIT"_s}};
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto want = expected(kind, [](const Known &k) {
            return k.services.count("yelp-main") && k.names.count("commit")
                && k.hasTag("query", [](const std::string &v) { return v == "COMMIT"; });
        });
        QVERIFY(!want.empty());
        QCOMPARE(idsOf(r.hits), want);
        const DemoRequest &sent = m_server->requests().last();
        QCOMPARE(queryOf(sent, "spanName"), u"commit"_s);
        QCOMPARE(queryOf(sent, "annotationQuery"), u"query=COMMIT"_s);

        q.tags = {{u"query"_s, u"COMMIT"_s}, {u"driver"_s, u"no-such-driver"_s}};
        const SearchResult none = search(connection(kind), q);
        QVERIFY2(none.ok(), qPrintable(none.describe()));
        QVERIFY(none.hits.empty());
        QCOMPARE(queryOf(m_server->requests().last(), "annotationQuery"), u"query=COMMIT and driver=no-such-driver"_s);
    }

    void searchJaeger()
    {
        const auto kind = BackendKind::Jaeger;
        TraceQuery q;
        q.service = u"api-gateway"_s;
        q.minDurationUs = 4000;
        q.startUs = 1700000000000001;
        q.endUs = 1700003600000002;
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto byService = expected(kind, [](const Known &k) { return k.services.count("api-gateway") > 0; });
        const auto want = expected(kind, [](const Known &k) { return k.services.count("api-gateway") && k.trace->durationUs() >= 4000; });
        QVERIFY(!want.empty());
        QCOMPARE(idsOf(r.hits), want);
        QVERIFY(want.count("4766f1209f70a5e2e55417fc296fd101"));
        checkHitsAgainstTraces(kind, r);
        // Jaeger's units: Go durations, start and end in µs.
        const DemoRequest &sent = m_server->requests().last();
        QCOMPARE(pathOf(sent), QByteArray("/jaeger/api/traces"));
        QCOMPARE(queryOf(sent, "service"), u"api-gateway"_s);
        QCOMPARE(queryOf(sent, "minDuration"), u"4ms"_s);
        QCOMPARE(queryOf(sent, "start"), u"1700000000000001"_s);
        QCOMPARE(queryOf(sent, "end"), u"1700003600000002"_s);

        // Longer than the trace: nothing, where the service alone finds it.
        q.minDurationUs = 5000;
        const SearchResult shorter = search(connection(kind), q);
        QVERIFY(shorter.ok());
        QCOMPARE(idsOf(shorter.hits), expected(kind, [](const Known &k) { return k.services.count("api-gateway") && k.trace->durationUs() >= 5000; }));
        QVERIFY(!idsOf(shorter.hits).count("4766f1209f70a5e2e55417fc296fd101"));
        QVERIFY(byService.count("4766f1209f70a5e2e55417fc296fd101"));
    }

    void searchJaegerByOperationAndTag()
    {
        const auto kind = BackendKind::Jaeger;
        TraceQuery q;
        q.service = u"customers-service"_s;
        q.operation = u"HikariProxyPreparedStatement.executeQuery"_s;
        q.tags = {{u"sql"_s, u"select * from pet"_s}};
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto want = expected(kind, [](const Known &k) {
            return k.services.count("customers-service") && k.names.count("HikariProxyPreparedStatement.executeQuery")
                && k.hasTag("sql", [](const std::string &v) { return v == "select * from pet"; });
        });
        QCOMPARE(want, std::set<std::string>{"4766f1209f70a5e2e55417fc296fd101"});
        QCOMPARE(idsOf(r.hits), want);
        const DemoRequest &sent = m_server->requests().last();
        QCOMPARE(queryOf(sent, "operation"), u"HikariProxyPreparedStatement.executeQuery"_s);
        QVERIFY(json::parse(queryOf(sent, "tags").toStdString()) == json({{"sql", "select * from pet"}}));
    }

    void searchTempo()
    {
        const auto kind = BackendKind::Tempo;
        TraceQuery q;
        q.service = u"frontend"_s;
        q.minDurationUs = 1000000;
        q.startUs = 1700000000000000;
        q.endUs = 1700003600000001;
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto byService = expected(kind, [](const Known &k) { return k.services.count("frontend") > 0; });
        const auto want = expected(kind, [](const Known &k) { return k.services.count("frontend") && k.trace->durationUs() >= 1000000; });
        QVERIFY2(!want.empty() && want.size() < byService.size(), qPrintable(text(byService)));
        QCOMPARE(idsOf(r.hits), want);
        // Tempo's hits come from its own summary: root, ms durations and per-service counts.
        for (const TraceHit &hit : r.hits) {
            const Known &k = knownTrace(kind, hit.traceId);
            QCOMPARE(hit.spanCount, std::int64_t(k.trace->realSpanCount()));
            QCOMPARE(hit.errorCount, k.errors);
            QCOMPARE(std::set<std::string>(hit.services.begin(), hit.services.end()), k.services);
            QCOMPARE(hit.durationUs, k.trace->durationUs() / 1000 * 1000);
            QCOMPARE(hit.startUs, k.trace->startUs());
        }
        // Tempo's units: logfmt tags, Go durations, epoch seconds.
        const DemoRequest &sent = m_server->requests().last();
        QCOMPARE(pathOf(sent), QByteArray("/tempo/api/search"));
        QCOMPARE(queryOf(sent, "tags"), u"service.name=frontend"_s);
        QCOMPARE(queryOf(sent, "minDuration"), u"1s"_s);
        QCOMPARE(queryOf(sent, "start"), u"1700000000"_s);
        QCOMPARE(queryOf(sent, "end"), u"1700003601"_s);
    }

    void searchTempoByQuotedTag()
    {
        const auto kind = BackendKind::Tempo;
        TraceQuery q;
        q.tags = {{u"sql.query"_s, u"customer_id=123"_s}};
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto want = expected(kind, [](const Known &k) {
            return k.hasTag("sql.query", [](const std::string &v) { return QString::fromStdString(v).contains(u"customer_id=123"_s, Qt::CaseInsensitive); });
        });
        QVERIFY(!want.empty());
        QVERIFY(want.size() < m_known.at(kind).size());
        QCOMPARE(idsOf(r.hits), want);
        QCOMPARE(queryOf(m_server->requests().last(), "tags"), u"sql.query=\"customer_id=123\""_s);
    }

    void searchTempoWithTraceQl()
    {
        const auto kind = BackendKind::Tempo;
        TraceQuery q;
        q.service = u"ignored-with-traceql"_s;
        q.traceQl = u"{ resource.service.name = \"payment\" && status = error }"_s;
        const SearchResult r = search(connection(kind), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const auto want = expected(kind, [](const Known &k) { return k.services.count("payment") && k.errors > 0; });
        QCOMPARE(want, std::set<std::string>{"7c4f1a90b3e84d2f9a6c5e8017b3d264"});
        QCOMPARE(idsOf(r.hits), want);
        const DemoRequest &sent = m_server->requests().last();
        QCOMPARE(queryOf(sent, "q"), q.traceQl);
        QVERIFY(queryOf(sent, "tags").isEmpty());
    }

    void searchWithNoResults_data() { serverError_data(); }

    void searchWithNoResults()
    {
        QFETCH(int, kind);
        TraceQuery q;
        q.service = u"no-such-service"_s;
        const SearchResult r = search(connection(BackendKind(kind)), q);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(r.hits.empty());
        QVERIFY2(r.message.contains(u"No traces match"_s), qPrintable(r.message));
        QCOMPARE(r.httpStatus, 200);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void queryProblems()
    {
        TraceQuery ok;
        ok.service = u"s"_s;
        for (BackendKind kind : {BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo})
            QVERIFY(TraceSearchClient::queryProblem(kind, ok).isEmpty());
        QVERIFY(TraceSearchClient::queryProblem(BackendKind::Zipkin, TraceQuery()).isEmpty());
        QVERIFY(TraceSearchClient::queryProblem(BackendKind::Tempo, TraceQuery()).isEmpty());
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::Jaeger, TraceQuery()).isEmpty());
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::SpansApi, ok).isEmpty());
        TraceQuery q = ok;
        q.traceQl = u"{ }"_s;
        QVERIFY(TraceSearchClient::queryProblem(BackendKind::Tempo, q).isEmpty());
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::Zipkin, q).isEmpty());
        q = ok;
        q.startUs = 2000;
        q.endUs = 1000;
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::Zipkin, q).isEmpty());
        q = ok;
        q.minDurationUs = 2000;
        q.maxDurationUs = 1000;
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::Tempo, q).isEmpty());
        q = ok;
        q.limit = 0;
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::Zipkin, q).isEmpty());
        q = ok;
        q.tags = {{u" "_s, u"v"_s}};
        QVERIFY(!TraceSearchClient::queryProblem(BackendKind::Jaeger, q).isEmpty());
    }

    void jaegerSearchNeedsAService()
    {
        const SearchResult r = search(connection(BackendKind::Jaeger), TraceQuery());
        QCOMPARE(r.step, FetchStep::Request);
        QCOMPARE(r.message, TraceSearchClient::queryProblem(BackendKind::Jaeger, TraceQuery()));
        QVERIFY(r.message.contains(u"service"_s));
        QVERIFY(m_server->requests().isEmpty()); // refused before asking
    }

    void jaegerRejectsABadQuery()
    {
        // Jaeger's 400 document: its msg is the message (the raw GET the search page's requests use).
        FetchRequest r = connection(BackendKind::Jaeger);
        QUrl url = m_server->backendBaseUrl(BackendKind::Jaeger);
        url.setPath(url.path() + u"/api/traces"_s);
        url.setQuery(u"service=api-gateway&tags=%7Bnot-json"_s);
        r.rawUrl = url;
        const FetchResult result = fetch(r);
        QCOMPARE(result.step, FetchStep::QueryRejected);
        QCOMPARE(result.httpStatus, 400);
        QVERIFY2(result.message.contains(u"malformed 'tags' parameter: expected a JSON object of strings"_s), qPrintable(result.message));
        QVERIFY2(result.message.contains(u"Jaeger"_s), qPrintable(result.message));
        QVERIFY2(!result.message.contains(u"\"errors\""_s), qPrintable(result.message));
    }

    void tempoRejectsBadTraceQl()
    {
        TraceQuery q;
        q.traceQl = u"service = api"_s;
        const SearchResult r = search(connection(BackendKind::Tempo), q);
        QCOMPARE(r.step, FetchStep::QueryRejected);
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.message.contains(u"invalid TraceQL query: parse error at line 1, col 1"_s), qPrintable(r.message));
        QVERIFY2(r.hint.contains(u"TraceQL"_s), qPrintable(r.hint));
        QVERIFY(r.hits.empty());
        QVERIFY2(r.describe().startsWith(u"Searching failed while "_s), qPrintable(r.describe()));
    }

    void cancelSlowSearch_data() { serverError_data(); }

    void cancelSlowSearch()
    {
        QFETCH(int, kind);
        TraceSearchClient client;
        QSignalSpy finished(&client, &TraceSearchClient::searchFinished);
        TraceQuery q;
        q.service = u"fail-slow"_s;
        client.search(connection(BackendKind(kind)), q);
        QVERIFY(client.isSearching());
        QTRY_COMPARE(m_server->requests().size(), 1); // the server has it and holds the answer back
        QCOMPARE(finished.count(), 0);
        client.cancelSearch();
        QTRY_COMPARE(finished.count(), 1);
        const SearchResult r = finished.first().first().value<SearchResult>();
        QCOMPARE(r.step, FetchStep::Cancelled);
        QVERIFY2(r.message.contains(u"cancelled"_s), qPrintable(r.message));
        QVERIFY(!client.isSearching());
        // Nothing else arrives for the cancelled search.
        client.cancelSearch();
        QCOMPARE(finished.count(), 1);
    }

    void newSearchReplacesTheRunningOne()
    {
        TraceSearchClient client;
        QSignalSpy finished(&client, &TraceSearchClient::searchFinished);
        TraceQuery slow;
        slow.service = u"fail-slow"_s;
        client.search(connection(BackendKind::Zipkin), slow);
        QTRY_COMPARE(m_server->requests().size(), 1);
        TraceQuery q;
        q.service = u"servicea"_s;
        client.search(connection(BackendKind::Zipkin), q);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        const SearchResult r = finished.first().first().value<SearchResult>();
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(idsOf(r.hits), expected(BackendKind::Zipkin, [](const Known &k) { return k.services.count("servicea") > 0; }));
    }

    // ---- name lists --------------------------------------------------------------------------------------

    void listServices_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin) << QByteArray("/zipkin/api/v2/services");
        QTest::newRow("jaeger") << int(BackendKind::Jaeger) << QByteArray("/jaeger/api/services");
        QTest::newRow("tempo") << int(BackendKind::Tempo) << QByteArray("/tempo/api/search/tag/service.name/values");
    }

    void listServices()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, target);
        TraceSearchClient client;
        QSignalSpy listed(&client, &TraceSearchClient::servicesListed);
        client.listServices(connection(BackendKind(kind)));
        QVERIFY(listed.wait(60000));
        const SearchResult r = listed.first().first().value<SearchResult>();
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        std::set<std::string> services;
        for (const auto &[id, k] : m_known.at(BackendKind(kind)))
            services.insert(k.services.begin(), k.services.end());
        QCOMPARE(r.names, sortedList(services));
        QCOMPARE(m_server->requests().last().target, target);
        QCOMPARE(r.url.path(QUrl::FullyEncoded).toLatin1(), target);
    }

    void listOperations_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin) << u"yelp-main"_s << QByteArray("/zipkin/api/v2/spans?serviceName=yelp-main");
        QTest::newRow("jaeger") << int(BackendKind::Jaeger) << u"customers-service"_s
                                << QByteArray("/jaeger/api/services/customers-service/operations");
        QTest::newRow("tempo (all span names)") << int(BackendKind::Tempo) << u"frontend"_s << QByteArray("/tempo/api/search/tag/name/values");
    }

    void listOperations()
    {
        QFETCH(int, kind);
        QFETCH(QString, service);
        QFETCH(QByteArray, target);
        TraceSearchClient client;
        QSignalSpy listed(&client, &TraceSearchClient::operationsListed);
        client.listOperations(connection(BackendKind(kind)), service);
        QVERIFY(listed.wait(60000));
        const SearchResult r = listed.first().first().value<SearchResult>();
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(r.service, service);
        QCOMPARE(m_server->requests().last().target, target);
        const std::string s = service.toStdString();
        std::set<std::string> ofService; // span names of the service: must all be offered
        std::set<std::string> inItsTraces; // span names of traces the service is in: nothing else may be
        std::set<std::string> all;
        for (const auto &[id, k] : m_known.at(BackendKind(kind))) {
            all.insert(k.names.begin(), k.names.end());
            if (!k.services.count(s))
                continue;
            const auto &mine = k.namesOfService.at(s);
            ofService.insert(mine.begin(), mine.end());
            inItsTraces.insert(k.names.begin(), k.names.end());
        }
        QVERIFY(!ofService.empty());
        const QStringList names = r.names;
        for (const std::string &n : ofService)
            QVERIFY2(names.contains(QString::fromStdString(n)), n.c_str());
        if (BackendKind(kind) == BackendKind::Tempo) {
            QCOMPARE(names, sortedList(all));
        } else {
            for (const QString &n : names)
                QVERIFY2(inItsTraces.count(n.toStdString()), qPrintable(n));
        }
        QVERIFY(std::is_sorted(names.begin(), names.end()));
    }

    void listOperationsOfNoServiceIsRejected()
    {
        TraceSearchClient client;
        QSignalSpy listed(&client, &TraceSearchClient::operationsListed);
        client.listOperations(connection(BackendKind::Zipkin), QString());
        QVERIFY(listed.wait(60000));
        const SearchResult r = listed.first().first().value<SearchResult>();
        QCOMPARE(r.step, FetchStep::QueryRejected);
        QCOMPARE(r.httpStatus, 400);
        QVERIFY2(r.message.contains(u"serviceName is required"_s), qPrintable(r.message));
    }

    void listTagNames()
    {
        TraceSearchClient client;
        QSignalSpy listed(&client, &TraceSearchClient::tagNamesListed);
        client.listTagNames(connection(BackendKind::Tempo));
        QVERIFY(listed.wait(60000));
        const SearchResult tempo = listed.takeFirst().first().value<SearchResult>();
        QVERIFY2(tempo.ok(), qPrintable(tempo.describe()));
        std::set<std::string> names{"service.name", "name", "status"};
        for (const auto &[id, k] : m_known.at(BackendKind::Tempo))
            for (const auto &tag : k.tags)
                names.insert(tag.first);
        QCOMPARE(tempo.names, sortedList(names));
        QVERIFY(tempo.names.contains(u"sql.query"_s));
        QCOMPARE(m_server->requests().last().target, QByteArray("/tempo/api/search/tags"));

        // Zipkin and Jaeger have no tag names API: an empty list, without asking.
        m_server->clearRequests();
        for (BackendKind kind : {BackendKind::Zipkin, BackendKind::Jaeger}) {
            client.listTagNames(connection(kind));
            QVERIFY(listed.wait(60000));
            const SearchResult r = listed.takeFirst().first().value<SearchResult>();
            QVERIFY(r.ok());
            QVERIFY(r.names.isEmpty());
        }
        QVERIFY(m_server->requests().isEmpty());
    }

    void listFromTheWrongBackend()
    {
        // Jaeger's services path on Tempo: Tempo's 404, not a list.
        FetchRequest c = connection(BackendKind::Jaeger);
        c.baseUrl = m_server->backendBaseUrl(BackendKind::Tempo);
        TraceSearchClient client;
        QSignalSpy listed(&client, &TraceSearchClient::servicesListed);
        client.listServices(c);
        QVERIFY(listed.wait(60000));
        const SearchResult r = listed.first().first().value<SearchResult>();
        QCOMPARE(r.step, FetchStep::NotFound);
        QVERIFY(r.names.isEmpty());
        QVERIFY2(r.message.contains(u"404 page not found"_s), qPrintable(r.message));
    }

    // ---- the command line --------------------------------------------------------------------------------

    void parseSearchOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error"); // a part of the usage error; empty: none
        const QStringList zipkin{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s, u"http://127.0.0.1:9411"_s};
        QTest::newRow("zipkin") << zipkin << QString();
        QTest::newRow("filter without --search") << QStringList{u"--service"_s, u"x"_s} << u"--service needs --search"_s;
        QTest::newRow("tag without --search") << QStringList{u"--tag"_s, u"k=v"_s} << u"--tag needs --search"_s;
        QTest::newRow("no backend") << QStringList{u"--search"_s, u"--base-url"_s, u"http://h:9411"_s} << u"--backend"_s;
        QTest::newRow("spans api") << QStringList{u"--search"_s, u"--backend"_s, u"spans-api"_s, u"--base-url"_s, u"http://h"_s}
                                   << u"the spans API cannot search"_s;
        QTest::newRow("unknown backend") << QStringList{u"--search"_s, u"--backend"_s, u"elastic"_s, u"--base-url"_s, u"http://h"_s}
                                         << u"--backend must be"_s;
        QTest::newRow("no base URL") << QStringList{u"--search"_s, u"--backend"_s, u"tempo"_s} << u"--search needs"_s;
        QTest::newRow("with --fetch") << (zipkin + QStringList{u"--fetch"_s, u"abc"_s}) << u"cannot be used together"_s;
        QTest::newRow("bad auth") << (zipkin + QStringList{u"--auth"_s, u"header:"_s}) << u"--auth must be"_s;
        QTest::newRow("tag without =") << (zipkin + QStringList{u"--tag"_s, u"error"_s}) << u"--tag needs key=value"_s;
        QTest::newRow("tag without key") << (zipkin + QStringList{u"--tag"_s, u"=v"_s}) << u"--tag needs key=value"_s;
        QTest::newRow("bad duration") << (zipkin + QStringList{u"--min-duration"_s, u"fast"_s}) << u"--min-duration needs a duration"_s;
        QTest::newRow("duration without unit") << (zipkin + QStringList{u"--max-duration"_s, u"100"_s}) << u"--max-duration needs a duration"_s;
        QTest::newRow("since and start") << (zipkin + QStringList{u"--since"_s, u"1h"_s, u"--start"_s, u"1700000000"_s}) << u"not both"_s;
        QTest::newRow("bad since") << (zipkin + QStringList{u"--since"_s, u"a while"_s}) << u"--since needs a duration"_s;
        QTest::newRow("bad start") << (zipkin + QStringList{u"--start"_s, u"yesterday"_s}) << u"--start needs a time"_s;
        QTest::newRow("end before start") << (zipkin + QStringList{u"--start"_s, u"1700003600"_s, u"--end"_s, u"1700000000"_s})
                                          << u"ends before it starts"_s;
        QTest::newRow("min above max") << (zipkin + QStringList{u"--min-duration"_s, u"2s"_s, u"--max-duration"_s, u"1s"_s})
                                       << u"minimum duration is larger"_s;
        QTest::newRow("limit 0") << (zipkin + QStringList{u"--limit"_s, u"0"_s}) << u"--limit needs"_s;
        QTest::newRow("limit word") << (zipkin + QStringList{u"--limit"_s, u"many"_s}) << u"--limit needs"_s;
        QTest::newRow("jaeger without service") << QStringList{u"--search"_s, u"--backend"_s, u"jaeger"_s, u"--base-url"_s, u"http://h:16686"_s}
                                                << u"choose a service"_s;
        QTest::newRow("traceql on zipkin") << (zipkin + QStringList{u"--traceql"_s, u"{ }"_s}) << u"Tempo only"_s;
        QTest::newRow("unknown profile") << QStringList{u"--search"_s, u"--profile"_s, u"nobody"_s} << u"no connection profile"_s;
    }

    void parseSearchOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        QCommandLineParser parser;
        addFetchOptions(parser);
        addSearchOptions(parser);
        QVERIFY2(parser.parse(QStringList{u"tracedesk"_s} + arguments), qPrintable(parser.errorText()));
        const SearchCommand command = td::parseSearchOptions(parser, 1800000000000000);
        if (error.isEmpty()) {
            QVERIFY2(command.error.isEmpty(), qPrintable(command.error));
            QVERIFY(command.requested);
        } else {
            QVERIFY2(command.error.contains(error), qPrintable(command.error));
        }
    }

    void parseSearchOptionsValues()
    {
        static constexpr std::int64_t now = 1800000000000000;
        const auto parse = [](const QStringList &arguments) {
            QCommandLineParser parser;
            addFetchOptions(parser);
            addSearchOptions(parser);
            if (!parser.parse(QStringList{u"tracedesk"_s} + arguments))
                qFatal("%s", qPrintable(parser.errorText()));
            return td::parseSearchOptions(parser, now);
        };
        const SearchCommand all = parse({u"--search"_s, u"--backend"_s, u"Tempo"_s, u"--base-url"_s, u"http://127.0.0.1:3200/tempo"_s,
                                         u"--service"_s, u"shop"_s, u"--operation"_s, u"GET /cart"_s,
                                         u"--tag"_s, u"http.status_code=500"_s, u"--tag"_s, u" sql.query = a=b "_s,
                                         u"--min-duration"_s, u"100ms"_s, u"--max-duration"_s, u"1.5s"_s, u"--since"_s, u"15m"_s,
                                         u"--limit"_s, u"5"_s, u"--auth"_s, u"header:X-Scope-OrgID"_s, u"--api-version"_s, u"2"_s,
                                         u"--timeout"_s, u"2.5"_s});
        QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
        QCOMPARE(all.connection.kind, BackendKind::Tempo);
        QCOMPARE(all.connection.baseUrl, QUrl(u"http://127.0.0.1:3200/tempo"_s));
        QCOMPARE(all.connection.authMode, AuthMode::Header);
        QCOMPARE(all.connection.tokenHeader, u"X-Scope-OrgID"_s);
        QCOMPARE(all.connection.apiVersion, 2);
        QCOMPARE(all.connection.timeoutMs, 2500);
        QVERIFY(all.connection.token.isEmpty());
        QCOMPARE(all.query.service, u"shop"_s);
        QCOMPARE(all.query.operation, u"GET /cart"_s);
        // Repeated --tag: all of them, in order, trimmed, split at the first '='.
        QVERIFY(all.query.tags == (QList<QPair<QString, QString>>{{u"http.status_code"_s, u"500"_s}, {u"sql.query"_s, u"a=b"_s}}));
        QCOMPARE(all.query.minDurationUs, 100000);
        QCOMPARE(all.query.maxDurationUs, 1500000);
        QCOMPARE(all.query.endUs, now);
        QCOMPARE(all.query.startUs, now - 15LL * 60 * 1000000);
        QCOMPARE(all.query.limit, 5);

        const QStringList zipkin{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s, u"http://h:9411"_s};
        const SearchCommand defaults = parse(zipkin);
        QCOMPARE(defaults.query.endUs, now);
        QCOMPARE(defaults.query.startUs, now - 3600LL * 1000000); // the last hour
        QCOMPARE(defaults.query.limit, 20);
        QVERIFY(defaults.query.tags.isEmpty());
        QCOMPARE(defaults.connection.authMode, AuthMode::None);

        const SearchCommand range = parse(zipkin + QStringList{u"--start"_s, u"2026-12-06T10:00:00Z"_s, u"--end"_s, u"2026-12-06T11:30:00Z"_s});
        QVERIFY2(range.error.isEmpty(), qPrintable(range.error));
        QCOMPARE(range.query.startUs, 1796551200000000);
        QCOMPARE(range.query.endUs, 1796556600000000);
        const SearchCommand fromStart = parse(zipkin + QStringList{u"--start"_s, u"1796551200"_s});
        QCOMPARE(fromStart.query.startUs, 1796551200000000);
        QCOMPARE(fromStart.query.endUs, now);
        const SearchCommand untilEnd = parse(zipkin + QStringList{u"--end"_s, u"1796556600000"_s});
        QCOMPARE(untilEnd.query.endUs, 1796556600000000);
        QCOMPARE(untilEnd.query.startUs, 1796556600000000 - 3600LL * 1000000);

        const SearchCommand basic = parse(zipkin + QStringList{u"--auth"_s, u"basic"_s, u"--user"_s, u"alice"_s});
        QCOMPARE(basic.connection.authMode, AuthMode::Basic);
        QCOMPARE(basic.connection.username, u"alice"_s);

        qputenv("TRACEDESK_TOKEN", "env-secret");
        const SearchCommand withToken = parse(zipkin + QStringList{u"--auth"_s, u"bearer"_s});
        qunsetenv("TRACEDESK_TOKEN");
        QCOMPARE(withToken.connection.authMode, AuthMode::Bearer);
        QCOMPARE(withToken.connection.token, u"env-secret"_s);

        const SearchCommand notAsked = parse({});
        QVERIFY(!notAsked.requested);
        QVERIFY(notAsked.error.isEmpty());
    }

    void searchCommand()
    {
        const QString base = m_server->backendBaseUrl(BackendKind::Tempo).toString();
        int exitCode = 0;
        QString err;
        const QStringList lines = runCommand({u"--search"_s, u"--backend"_s, u"tempo"_s, u"--base-url"_s, base, u"--service"_s,
                                              u"frontend"_s, u"--min-duration"_s, u"1s"_s, u"--since"_s, u"24h"_s},
                                             &exitCode, &err);
        QVERIFY2(exitCode == 0, qPrintable(err));
        const auto want = expected(BackendKind::Tempo, [](const Known &k) { return k.services.count("frontend") && k.trace->durationUs() >= 1000000; });
        QCOMPARE(std::size_t(lines.size()), want.size());
        std::set<std::string> ids;
        for (const QString &line : lines) {
            const json hit = json::parse(line.toStdString(), nullptr, false);
            QVERIFY2(hit.is_object(), qPrintable(line));
            QCOMPARE(hit.size(), std::size_t(8));
            for (const char *key : {"traceId", "rootService", "rootName", "startUs", "durationUs", "spanCount", "errorCount", "services"})
                QVERIFY2(hit.contains(key), key);
            QVERIFY(hit.at("traceId").is_string() && hit.at("rootService").is_string() && hit.at("rootName").is_string());
            QVERIFY(hit.at("startUs").is_number_integer() && hit.at("durationUs").is_number_integer());
            QVERIFY(hit.at("services").is_array());
            const std::string id = hit.at("traceId").get<std::string>();
            const Known &k = knownTrace(BackendKind::Tempo, id);
            QCOMPARE(hit.at("spanCount").get<std::int64_t>(), std::int64_t(k.trace->realSpanCount()));
            QCOMPARE(hit.at("errorCount").get<std::int64_t>(), k.errors);
            ids.insert(id);
        }
        QCOMPARE(ids, want);
        // --since 24h: the last day, in Tempo's epoch seconds.
        const DemoRequest &sent = m_server->requests().last();
        const qint64 seconds = queryOf(sent, "end").toLongLong() - queryOf(sent, "start").toLongLong();
        QVERIFY2(seconds == 86400 || seconds == 86401, qPrintable(QString::number(seconds))); // widened to whole seconds
        QCOMPARE(queryOf(sent, "minDuration"), u"1s"_s);
    }

    void searchCommandExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("no results is 0") << QStringList{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s, u"ZIPKIN"_s,
                                                        u"--service"_s, u"no-such-service"_s}
                                         << 0 << u"No traces match"_s;
        QTest::newRow("server error is 3") << QStringList{u"--search"_s, u"--backend"_s, u"jaeger"_s, u"--base-url"_s, u"JAEGER"_s,
                                                          u"--service"_s, u"fail-500"_s}
                                           << 3 << u"storage unavailable: context deadline exceeded"_s;
        QTest::newRow("bad TraceQL is 3") << QStringList{u"--search"_s, u"--backend"_s, u"tempo"_s, u"--base-url"_s, u"TEMPO"_s,
                                                         u"--traceql"_s, u"service = api"_s}
                                          << 3 << u"invalid TraceQL query"_s;
        QTest::newRow("refused is 3") << QStringList{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s, u"http://127.0.0.1:1"_s}
                                      << 3 << u"connecting"_s;
        QTest::newRow("usage is 1") << QStringList{u"--search"_s, u"--backend"_s, u"jaeger"_s, u"--base-url"_s, u"JAEGER"_s}
                                    << 1 << u"choose a service"_s;
        QTest::newRow("FILE is 1") << QStringList{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s, u"ZIPKIN"_s, u"trace.json"_s}
                                   << 1 << u"--search takes no FILE"_s;
        QTest::newRow("bad tag is 1") << QStringList{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s, u"ZIPKIN"_s,
                                                     u"--tag"_s, u"error"_s}
                                      << 1 << u"--tag needs key=value"_s;
    }

    void searchCommandExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrHas);
        for (QString &a : arguments) {
            if (a == u"ZIPKIN"_s || a == u"JAEGER"_s || a == u"TEMPO"_s)
                a = m_server->backendBaseUrl(*backendKindFromKey(a)).toString();
        }
        int code = 0;
        QString err;
        const QStringList lines = runCommand(arguments, &code, &err);
        QVERIFY2(code == exitCode, qPrintable(QString::number(code) + u": "_s + err));
        QVERIFY2(err.contains(stderrHas), qPrintable(err));
        QVERIFY2(lines.isEmpty(), qPrintable(lines.join(u'\n')));
    }

    void searchCommandSendsTheToken()
    {
        m_server->setRequiredToken("Authorization", "Bearer cli-token");
        const QStringList arguments{u"--search"_s, u"--backend"_s, u"zipkin"_s, u"--base-url"_s,
                                    m_server->backendBaseUrl(BackendKind::Zipkin).toString(), u"--service"_s, u"servicea"_s,
                                    u"--auth"_s, u"bearer"_s};
        int code = 0;
        QString err;
        const QStringList lines = runCommand(arguments, &code, &err, u"cli-token"_s);
        QVERIFY2(code == 0, qPrintable(err));
        QCOMPARE(std::size_t(lines.size()), expected(BackendKind::Zipkin, [](const Known &k) { return k.services.count("servicea") > 0; }).size());
        QCOMPARE(m_server->requests().last().header("Authorization"), QByteArray("Bearer cli-token"));
        QVERIFY(!err.contains(u"cli-token"_s));

        // Without it: 401, exit 3.
        const QStringList none = runCommand(arguments, &code, &err);
        QCOMPARE(code, 3);
        QVERIFY2(err.contains(u"401"_s), qPrintable(err));
        QVERIFY(none.isEmpty());
    }

    void cleanupTestCase()
    {
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
