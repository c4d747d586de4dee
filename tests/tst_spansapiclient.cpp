#include "connectionprofiles.h"
#include "connectionsdialog.h"
#include "demospansserver.h"
#include "opentraceiddialog.h"
#include "remotetraceopener.h"
#include "spansapiclient.h"
#include "tokenstore.h"
#include "traceloader.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QApplication>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

using namespace td;

namespace {

const QString tlsCertPath = QStringLiteral(TRACEDESK_TEST_DATA "/tls/server.crt");
const QString tlsKeyPath = QStringLiteral(TRACEDESK_TEST_DATA "/tls/server.key");
const QString atsFixturePath = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/ats-spans-response.json");

// A real HTTPS server on 127.0.0.1 with the self-signed certificate of tests/data/tls: it answers every GET
// that gets through the handshake with the same spans API answer, and counts them.
class HttpsSpansServer : public QObject
{
public:
    explicit HttpsSpansServer(QByteArray body)
        : m_body(std::move(body))
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        QFile cert(tlsCertPath);
        QFile key(tlsKeyPath);
        if (cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
            ssl.setLocalCertificate(QSslCertificate(&cert, QSsl::Pem));
            ssl.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
        }
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for a client certificate
        m_server.setSslConfiguration(ssl);
        // A connection is pending only once its handshake is done (pendingConnectionAvailable, Qt 6.4).
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                if (socket->bytesAvailable() > 0)
                    onReadyRead(socket);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }
    QString errorString() const { return m_server.errorString(); }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        m_buffers.remove(socket);
        ++m_requests;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                      + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    QByteArray m_body;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// Every test talks to a real HTTP server on 127.0.0.1 (the demo server's code); nothing leaves loopback.
class TestSpansApiClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<DemoSpansServer> m_server;
    std::size_t m_sampleSpans = 0; // what the model makes of the bundled sample read from the file

    FetchRequest request(const QString &traceId) const
    {
        FetchRequest r;
        r.baseUrl = m_server->baseUrl();
        r.projectId = QStringLiteral("proj-1");
        r.traceId = traceId;
        r.timeoutMs = 10000;
        return r;
    }

    static FetchResult run(const FetchRequest &request, SpansApiClient *useClient = nullptr)
    {
        SpansApiClient own;
        SpansApiClient *client = useClient ? useClient : &own;
        QSignalSpy finished(client, &SpansApiClient::finished);
        client->fetch(request);
        if (!finished.wait(150000))
            return {};
        return finished.first().first().value<FetchResult>();
    }

    QString settingsText() const
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        // Settings and keychain service of this test only; no proxy may capture loopback requests.
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
            qunsetenv(name);
        QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_spansapiclient"));
        m_server = std::make_unique<DemoSpansServer>();
        QVERIFY2(m_server->listen(0), qPrintable(m_server->errorString()));
        QVERIFY(!m_server->sampleTraceId().isEmpty());
        const LoadResult sample = loadTraceFile(QStringLiteral(":/tracedesk-demo/sample-trace.json"));
        QVERIFY2(sample.ok(), qPrintable(sample.error));
        m_sampleSpans = sample.trace->realSpanCount();
    }

    void init()
    {
        m_server->clearRequests();
        m_server->setResponseInfoAsObjects(false);
        m_server->setRequiredToken({}, {});
    }

    void success_data()
    {
        QTest::addColumn<bool>("objects");
        QTest::newRow("responseInfo as JSON strings") << false;
        QTest::newRow("responseInfo as objects") << true;
    }

    void success()
    {
        QFETCH(bool, objects);
        m_server->setResponseInfoAsObjects(objects);
        const QString id = m_server->sampleTraceId();
        const FetchResult r = run(request(QStringLiteral("  ") + id + QStringLiteral("\n")));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(QString::fromStdString(std::string(r.load.trace->traceId())), id);
        QCOMPARE(r.load.trace->realSpanCount(), m_sampleSpans);
        QVERIFY(r.warnings.isEmpty());
        QCOMPARE(r.load.trace->sourceName(), QStringLiteral("127.0.0.1/proj-1"));
        // The exact bytes are kept for Save As.
        QVERIFY(r.load.trace->sourceBytes());
        QCOMPARE(r.load.trace->sourceBytes().get(), r.bytes.get());
        const auto doc = nlohmann::json::parse(*r.bytes);
        QCOMPARE(doc.at("errorCode").get<std::string>(), std::string("SVCSTG.ATS.2000"));
        QCOMPARE(doc.at("responseInfo").at(0).is_string(), !objects);
        // The trimmed id was asked for, URL-encoded, with the project in the path.
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().target,
                 QByteArray("/v1/proj-1/ats/spans?traceId=") + id.toUtf8());
        QVERIFY(r.request.token.isEmpty());
    }

    void traceIdIsUrlEncoded()
    {
        const FetchResult r = run(request(QStringLiteral("a+b&c=d#e f")));
        QCOMPARE(r.step, FetchStep::NoTraceData);
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().target, QByteArray("/v1/proj-1/ats/spans?traceId=a%2Bb%26c%3Dd%23e%20f"));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("traceId");
        QTest::addColumn<FetchStep>("step");
        QTest::addColumn<QStringList>("messageHas");
        QTest::addColumn<bool>("tokenRejected");
        QTest::newRow("400101") << QStringLiteral("fail-400101") << FetchStep::ParameterRejected
                                << QStringList{QStringLiteral("SVCSTG.ATS.400101"), QStringLiteral("Parameter verification failed: traceId")} << false;
        QTest::newRow("200103") << QStringLiteral("fail-200103") << FetchStep::NoTraceData
                                << QStringList{QStringLiteral("No trace with id fail-200103 in project proj-1"), QStringLiteral("SVCSTG.ATS.200103"),
                                               QStringLiteral("The server said: No tracing data found")} << false;
        QTest::newRow("unknown id is 200103") << QStringLiteral("0123456789abcdef") << FetchStep::NoTraceData
                                              << QStringList{QStringLiteral("0123456789abcdef")} << false;
        QTest::newRow("unknown code") << QStringLiteral("fail-unknown-code") << FetchStep::ApiError
                                      << QStringList{QStringLiteral("SVCSTG.ATS.500123"), QStringLiteral("Elasticsearch cluster is busy")} << false;
        QTest::newRow("401") << QStringLiteral("fail-401") << FetchStep::Authentication
                             << QStringList{QStringLiteral("401")} << true;
        QTest::newRow("403") << QStringLiteral("fail-403") << FetchStep::Authentication
                             << QStringList{QStringLiteral("403")} << true;
        QTest::newRow("404") << QStringLiteral("fail-404") << FetchStep::NotFound
                             << QStringList{QStringLiteral("404")} << false;
        QTest::newRow("500") << QStringLiteral("fail-500") << FetchStep::HttpStatus
                             << QStringList{QStringLiteral("HTTP 500"), QStringLiteral("<title>500 Internal Server Error")} << false;
        QTest::newRow("not JSON") << QStringLiteral("fail-not-json") << FetchStep::NotJson
                                  << QStringList{QStringLiteral("not JSON"), QStringLiteral("<!DOCTYPE html>")} << false;
        QTest::newRow("redirect to another host") << QStringLiteral("fail-redirect") << FetchStep::Redirect
                                                  << QStringList{QStringLiteral("other-host.invalid")} << false;
    }

    void failures()
    {
        QFETCH(QString, traceId);
        QFETCH(FetchStep, step);
        QFETCH(QStringList, messageHas);
        QFETCH(bool, tokenRejected);
        const FetchResult r = run(request(traceId));
        QVERIFY(!r.ok());
        QCOMPARE(r.step, step);
        for (const QString &part : messageHas)
            QVERIFY2(r.message.contains(part), qPrintable(r.message));
        QVERIFY2(!r.hint.isEmpty(), qPrintable(r.message));
        QCOMPARE(r.tokenRejected, tokenRejected);
        QVERIFY(!r.load.trace);
        QVERIFY(r.describe().contains(fetchStepName(step)));
        // One request: the redirect to the other host was not followed.
        QCOMPARE(m_server->requests().size(), 1);
    }

    void notFoundHintNamesProject()
    {
        const FetchResult r = run(request(QStringLiteral("fail-404")));
        QVERIFY(r.hint.contains(QStringLiteral("proj-1")));
        QVERIFY(r.hint.contains(QStringLiteral("base URL")));
    }

    void redirectToSameHostIsFollowed()
    {
        const FetchResult r = run(request(QStringLiteral("redirect-same-host")));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(m_server->requests().size(), 2);
    }

    void spansOfAnotherTraceAreAWarning()
    {
        const FetchResult r = run(request(QStringLiteral("fail-other-trace")));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(!r.warnings.isEmpty());
        QVERIFY2(r.warnings.first().contains(QStringLiteral("fail-other-trace")), qPrintable(r.warnings.first()));
        QVERIFY(r.warnings.first().contains(m_server->sampleTraceId()));
    }

    void emptyTraceIdIsRefusedBeforeAnyRequest()
    {
        const FetchResult r = run(request(QStringLiteral(" \t ")));
        QCOMPARE(r.step, FetchStep::Request);
        QVERIFY(m_server->requests().isEmpty());
    }

    void slowAnswerHitsTimeout()
    {
        m_server->setSlowDelayMs(5000);
        FetchRequest req = request(QStringLiteral("fail-slow"));
        req.timeoutMs = 300;
        QElapsedTimer clock;
        clock.start();
        const FetchResult r = run(req);
        QCOMPARE(r.step, FetchStep::Timeout);
        QVERIFY2(r.message.contains(QStringLiteral("0.3 s")), qPrintable(r.message));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        FetchRequest req = request(QStringLiteral("abc"));
        req.baseUrl.setPort(port);
        const FetchResult r = run(req);
        QCOMPARE(r.step, FetchStep::Connect);
        QVERIFY2(r.message.contains(QStringLiteral("refused")), qPrintable(r.message));
        QVERIFY(r.hint.contains(QStringLiteral("base URL")));
    }

    void cancelMidDownload()
    {
        SpansApiClient client;
        QSignalSpy progress(&client, &SpansApiClient::downloadProgress);
        QSignalSpy finished(&client, &SpansApiClient::finished);
        client.fetch(request(QStringLiteral("fail-slow-body")));
        while (progress.isEmpty() || progress.last().first().toLongLong() == 0)
            QVERIFY(progress.wait(10000));
        QVERIFY(finished.isEmpty());
        QVERIFY(client.isRunning());
        client.cancel();
        QVERIFY(finished.size() == 1 || finished.wait(5000));
        const auto r = finished.first().first().value<FetchResult>();
        QCOMPARE(r.step, FetchStep::Cancelled);
        QVERIFY(!client.isRunning());
    }

    void answerOverSizeCap_data()
    {
        QTest::addColumn<QString>("traceId");
        QTest::newRow("streamed without Content-Length") << QStringLiteral("fail-huge");
        QTest::newRow("announced by Content-Length") << QStringLiteral("spans-20000");
    }

    void answerOverSizeCap()
    {
        QFETCH(QString, traceId);
        m_server->setHugeBytes(qint64(16) * 1024 * 1024);
        FetchRequest req = request(traceId);
        req.maxBytes = 1024 * 1024;
        const FetchResult r = run(req);
        QCOMPARE(r.step, FetchStep::TooLarge);
        QVERIFY2(r.message.contains(QStringLiteral("1.0 MiB")), qPrintable(r.message));
    }

    void fiftyThousandSpans()
    {
        SpansApiClient client;
        QSignalSpy parsing(&client, &SpansApiClient::parsingStarted);
        QElapsedTimer clock;
        clock.start();
        // The server generates the answer on this same thread, blocking it: allow for a slow debug build.
        FetchRequest req = request(QStringLiteral("spans-50000"));
        req.timeoutMs = 120000;
        const FetchResult r = run(req, &client);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(r.load.trace->realSpanCount(), std::size_t(50000));
        QCOMPARE(parsing.size(), 1);
        qInfo("50,000 spans (%lld bytes) served, fetched and parsed in %lld ms",
              static_cast<long long>(r.bytes->size()), static_cast<long long>(clock.elapsed()));
    }

    void headersAreSent()
    {
        m_server->setRequiredToken("X-Custom-Token", "s3cret-token");
        FetchRequest req = request(m_server->sampleTraceId());
        req.clusterId = QStringLiteral("cluster-7");
        req.namespaceName = QStringLiteral("manage");
        req.tokenHeader = QStringLiteral("X-Custom-Token");
        req.token = QStringLiteral("s3cret-token");
        const FetchResult r = run(req);
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const DemoRequest seen = m_server->requests().last();
        QCOMPARE(seen.header("clusterId"), QByteArray("cluster-7"));
        QCOMPARE(seen.header("namespace"), QByteArray("manage"));
        QCOMPARE(seen.header("X-Custom-Token"), QByteArray("s3cret-token"));
        QVERIFY(seen.header("X-Auth-Token").isEmpty());

        req.token = QStringLiteral("tok-wrong-4711");
        const FetchResult rejected = run(req);
        QCOMPARE(rejected.step, FetchStep::Authentication);
        QVERIFY(rejected.tokenRejected);
        QVERIFY(!rejected.describe().contains(QStringLiteral("tok-wrong-4711")));
        QVERIFY(rejected.request.token.isEmpty());
    }

    void profilesAndHistory()
    {
        QSettings settings;
        ConnectionProfile p;
        p.name = QStringLiteral("prod/eu");
        p.baseUrl = m_server->baseUrl();
        p.projectId = QStringLiteral("proj-1");
        p.clusterId = QStringLiteral("c");
        QVERIFY(p.validationError().isEmpty());
        ConnectionProfiles::save(settings, {p});
        const auto loaded = ConnectionProfiles::load(settings);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().name, p.name);
        QCOMPARE(loaded.first().baseUrl, p.baseUrl);
        QVERIFY(loaded.first().verifyTls);
        QCOMPARE(loaded.first().tokenHeader, QStringLiteral("X-Auth-Token"));

        ConnectionProfiles::clearRecentTraceIds(settings, p.name);
        ConnectionProfiles::addRecentTraceId(settings, p.name, QStringLiteral(" a "));
        ConnectionProfiles::addRecentTraceId(settings, p.name, QStringLiteral("b"));
        ConnectionProfiles::addRecentTraceId(settings, p.name, QStringLiteral("a"));
        QCOMPARE(ConnectionProfiles::recentTraceIds(settings, p.name), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(ConnectionProfiles::recentTraceIds(settings, QStringLiteral("prod")).isEmpty());
    }

    void openTraceIdDialogRefusesEmptyAndRecordsHistory()
    {
        {
            QSettings settings;
            ConnectionProfile p;
            p.name = QStringLiteral("demo");
            p.baseUrl = m_server->baseUrl();
            p.projectId = QStringLiteral("proj-1");
            ConnectionProfiles::save(settings, {p});
            ConnectionProfiles::clearRecentTraceIds(settings, p.name);
        }
        TokenStore tokens;
        tokens.setKeychainEnabled(false);
        OpenTraceIdDialog dialog(&tokens);
        dialog.setProfileName(QStringLiteral("demo"));
        dialog.setTraceId(QStringLiteral("   "));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        dialog.setTraceId(QStringLiteral("  abc123 \n"));
        QCOMPARE(dialog.traceId(), QStringLiteral("abc123"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QSettings settings;
        QCOMPARE(ConnectionProfiles::recentTraceIds(settings, QStringLiteral("demo")), QStringList{QStringLiteral("abc123")});
        QCOMPARE(ConnectionProfiles::lastUsedProfile(settings), QStringLiteral("demo"));
        QVERIFY(m_server->requests().isEmpty());
    }

    void keychainAnswersOrFallsBackWithinBound()
    {
        // On a machine without a keychain service this must give up quickly and keep the token in memory.
        TokenStore tokens;
        tokens.setKeychainTimeout(std::chrono::milliseconds(1500));
        QElapsedTimer clock;
        clock.start();
        bool done = false;
        TokenStore::Storage where {};
        tokens.storeToken(QStringLiteral("tst-probe"), QStringLiteral("probe-token"), this,
                          [&](TokenStore::Storage w, const QString &) { where = w, done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        QString read;
        done = false;
        tokens.readToken(QStringLiteral("tst-probe"), this, [&](const QString &t) { read = t, done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(read, QStringLiteral("probe-token"));
        qInfo("token stored in: %s%s", where == TokenStore::Storage::Keychain ? "keychain" : "memory (session only): ",
              qPrintable(tokens.keychainProblem()));
        tokens.forgetToken(QStringLiteral("tst-probe"));
    }

    void tokenNeverWrittenToSettings()
    {
        const QString token = QStringLiteral("tok-NEVER-IN-SETTINGS-8f3a");
        TokenStore tokens;
        tokens.setKeychainTimeout(std::chrono::milliseconds(1500));
        {
            ConnectionsDialog dialog(&tokens);
            auto *list = dialog.findChild<QListWidget *>(QStringLiteral("profiles"));
            QVERIFY(list);
            dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("secured"));
            dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(m_server->baseUrl().toString());
            dialog.findChild<QLineEdit *>(QStringLiteral("projectId"))->setText(QStringLiteral("proj-1"));
            dialog.findChild<QLineEdit *>(QStringLiteral("token"))->setText(token);
            QSignalSpy finished(&dialog, &QDialog::finished);
            dialog.accept();
            QVERIFY(finished.wait(5000) || !finished.isEmpty());
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QSettings settings;
        QVERIFY(ConnectionProfiles::find(ConnectionProfiles::load(settings), QStringLiteral("secured")));

        // The token went to the store, and is used for a fetch.
        QString stored;
        bool done = false;
        tokens.readToken(QStringLiteral("secured"), this, [&](const QString &t) { stored = t, done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(stored, token);
        m_server->setRequiredToken("X-Auth-Token", token.toUtf8());
        const auto profile = ConnectionProfiles::find(ConnectionProfiles::load(settings), QStringLiteral("secured"));
        const FetchResult r = run(FetchRequest::fromProfile(*profile, m_server->sampleTraceId(), stored));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        ConnectionProfiles::addRecentTraceId(settings, QStringLiteral("secured"), m_server->sampleTraceId());

        const QString text = settingsText();
        QVERIFY2(text.contains(QStringLiteral("secured")), qPrintable(text));
        QVERIFY2(!text.contains(token), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("NEVER-IN-SETTINGS")));
        tokens.forgetToken(QStringLiteral("secured"));
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        const QString sample = m_server->sampleTraceId();
        const QString base = m_server->baseUrl().toString();
        const QStringList common{QStringLiteral("--base-url"), base, QStringLiteral("--project-id"), QStringLiteral("proj-1"),
                                 QStringLiteral("--timeout"), QStringLiteral("10")};
        QTest::newRow("success") << (QStringList{QStringLiteral("--fetch"), sample, QStringLiteral("--summary")} + common) << 0 << QString();
        QTest::newRow("401 fails with 3") << (QStringList{QStringLiteral("--fetch"), QStringLiteral("fail-401"), QStringLiteral("--summary")} + common)
                                          << 3 << QStringLiteral("authenticating");
        QTest::newRow("200103 fails with 3") << (QStringList{QStringLiteral("--fetch"), QStringLiteral("fail-200103"), QStringLiteral("--summary")} + common)
                                             << 3 << QStringLiteral("No trace with id fail-200103 in project proj-1 (SVCSTG.ATS.200103, no tracing data found). The server said: No tracing data found");
        QTest::newRow("400101 names its code on stderr") << (QStringList{QStringLiteral("--fetch"), QStringLiteral("fail-400101"), QStringLiteral("--summary")} + common)
                                                         << 3 << QStringLiteral("SVCSTG.ATS.400101");
        QTest::newRow("not JSON is 2") << (QStringList{QStringLiteral("--fetch"), QStringLiteral("fail-not-json"), QStringLiteral("--summary")} + common)
                                       << 2 << QStringLiteral("not JSON");
        QTest::newRow("refused is 3") << QStringList{QStringLiteral("--fetch"), sample, QStringLiteral("--summary"),
                                                     QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:1"),
                                                     QStringLiteral("--project-id"), QStringLiteral("p")}
                                      << 3 << QStringLiteral("connecting");
        QTest::newRow("missing project is usage") << QStringList{QStringLiteral("--fetch"), sample, QStringLiteral("--summary"),
                                                                 QStringLiteral("--base-url"), base}
                                                  << 1 << QStringLiteral("--project-id");
    }

    void commandLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrHas);
        QProcess process;
        process.setProgram(QStringLiteral(TRACEDESK_EXE));
        process.setArguments(arguments);
        process.start();
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        const QString err = QString::fromLocal8Bit(process.readAllStandardError());
        QCOMPARE(process.exitCode(), exitCode);
        if (!stderrHas.isEmpty())
            QVERIFY2(err.contains(stderrHas), qPrintable(err));
        if (exitCode == 0) {
            const auto summary = nlohmann::json::parse(process.readAllStandardOutput().toStdString());
            QCOMPARE(QString::fromStdString(summary.at("traceId").get<std::string>()), m_server->sampleTraceId());
            QCOMPARE(summary.at("spanCount").get<std::size_t>(), m_sampleSpans);
        }
    }

    void commandLineOutputWithProfileAndEnvToken()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("config"));
        {
            QSettings settings(config + QStringLiteral("/TraceDesk/TraceDesk.conf"), QSettings::IniFormat);
            ConnectionProfile p;
            p.name = QStringLiteral("demo");
            p.baseUrl = m_server->baseUrl();
            p.projectId = QStringLiteral("proj-1");
            p.clusterId = QStringLiteral("cl-9");
            ConnectionProfiles::save(settings, {p});
        }
        m_server->setRequiredToken("X-Auth-Token", "env-token");
        const QString out = dir.filePath(QStringLiteral("answer.json"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.insert(QStringLiteral("TRACEDESK_TOKEN"), QStringLiteral("env-token"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TRACEDESK_EXE),
                      {QStringLiteral("--fetch"), m_server->sampleTraceId(), QStringLiteral("--profile"), QStringLiteral("demo"),
                       QStringLiteral("--output"), out});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QCOMPARE(m_server->requests().last().header("clusterId"), QByteArray("cl-9"));

        // The file holds exactly what the server sent: the same bytes a direct fetch receives.
        FetchRequest req = request(m_server->sampleTraceId());
        req.token = QStringLiteral("env-token");
        const FetchResult direct = run(req);
        QVERIFY2(direct.ok(), qPrintable(direct.describe()));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), *direct.bytes);
    }

    void commandLineExportOfAFetchedTrace()
    {
        // --export with --fetch: no display, the Markdown summary of the fetched trace, secrets redacted.
        QTemporaryDir dir;
        m_server->setRequiredToken("X-Auth-Token", "env-token");
        const QString out = dir.filePath(QStringLiteral("incident.md"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("TRACEDESK_TOKEN"), QStringLiteral("env-token"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TRACEDESK_EXE),
                      {QStringLiteral("--export"), out, QStringLiteral("--fetch"), m_server->sampleTraceId(),
                       QStringLiteral("--base-url"), m_server->baseUrl().toString(), QStringLiteral("--project-id"), QStringLiteral("proj-1")});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QFile md(out);
        QVERIFY(md.open(QIODevice::ReadOnly));
        const QByteArray text = md.readAll();
        QVERIFY2(text.contains(m_server->sampleTraceId().toUtf8()), text.constData());
        QVERIFY(!text.contains("env-token"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("incident.png"))));
        // The sample's access_token is in the trace the server sent, never in the export.
        const QByteArray sample = readFile(QStringLiteral(TRACEDESK_TEST_DATA "/export/sample-trace.json"));
        const qsizetype at = sample.indexOf("access_token=");
        QVERIFY(at > 0);
        const QByteArray token = sample.mid(at + 13, 12);
        QVERIFY(!text.contains(token));

        // A fetch that fails exits 3 and writes nothing.
        const QString failedOut = dir.filePath(QStringLiteral("none.md"));
        env.insert(QStringLiteral("TRACEDESK_TOKEN"), QStringLiteral("wrong"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TRACEDESK_EXE),
                      {QStringLiteral("--export"), failedOut, QStringLiteral("--fetch"), m_server->sampleTraceId(),
                       QStringLiteral("--base-url"), m_server->baseUrl().toString(), QStringLiteral("--project-id"), QStringLiteral("proj-1")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(!QFile::exists(failedOut));
    }

    void tlsSelfSignedIsRefusedAndExplained()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        HttpsSpansServer server(readFile(atsFixturePath));
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        FetchRequest req = request(QStringLiteral("0000000027046b00"));
        req.baseUrl = server.baseUrl();
        req.token = QStringLiteral("tok-must-not-travel");
        QVERIFY(req.verifyTls); // on by default
        const FetchResult r = run(req);
        QCOMPARE(r.step, FetchStep::Tls);
        QVERIFY(!r.ok());
        QVERIFY(!r.sslErrors.isEmpty());
        // The certificate problem in words, and what to do about it.
        QVERIFY2(r.message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(r.message));
        QVERIFY2(r.message.contains(QStringLiteral("127.0.0.1")), qPrintable(r.message));
        QVERIFY2(r.hint.contains(QStringLiteral("CA bundle")), qPrintable(r.hint));
        QVERIFY2(r.hint.contains(QStringLiteral("connection profile")), qPrintable(r.hint));
        QVERIFY(r.describe().contains(fetchStepName(FetchStep::Tls)));
        qInfo("%s", qPrintable(r.describe()));
        // Never ignored: no request (and so no token) went over the unverified connection.
        QCOMPARE(server.requests(), 0);
    }

    void tlsWithTheProfilesCaBundleSucceeds()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        HttpsSpansServer server(readFile(atsFixturePath));
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        ConnectionProfile profile;
        profile.name = QStringLiteral("tls");
        profile.baseUrl = server.baseUrl();
        profile.projectId = QStringLiteral("proj-1");
        profile.caBundleFile = tlsCertPath;
        profile.timeoutSeconds = 10;
        const FetchResult r = run(FetchRequest::fromProfile(profile, QStringLiteral("0000000027046b00"), QString()));
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(QString::fromStdString(std::string(r.load.trace->traceId())), QStringLiteral("0000000027046b00"));
        QVERIFY(r.warnings.isEmpty()); // verified, so no "not verified" warning
        QCOMPARE(server.requests(), 1);
        // The bytes received over TLS are kept exactly, for Save As.
        QCOMPARE(QByteArray::fromStdString(*r.load.trace->sourceBytes()), readFile(atsFixturePath));

        // Another CA does not make the server trusted.
        QTemporaryDir dir;
        const QString otherCa = dir.filePath(QStringLiteral("other.pem"));
        QFile other(otherCa);
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        if (!system.isEmpty() && other.open(QIODevice::WriteOnly)) {
            other.write(system.first().toPem());
            other.close();
            profile.caBundleFile = otherCa;
            const FetchResult refused = run(FetchRequest::fromProfile(profile, QStringLiteral("0000000027046b00"), QString()));
            QCOMPARE(refused.step, FetchStep::Tls);
            QCOMPARE(server.requests(), 1);
        }
    }

    void tlsFailureOffersNoWayToIgnore()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        HttpsSpansServer server(readFile(atsFixturePath));
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        TokenStore tokens;
        tokens.setKeychainEnabled(false);
        QWidget window;
        RemoteTraceOpener opener(&tokens, &window);
        QSignalSpy failed(&opener, &RemoteTraceOpener::fetchFailed);
        QStringList buttons;
        QString text;
        // The opener tells the user in a modal box; read it, then close it.
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            QAbstractButton *close = box->button(QMessageBox::Close);
            if (!close) { // some other question came first: answer it and keep watching for the failure
                box->reject();
                return;
            }
            poll.stop();
            text = box->text();
            for (QAbstractButton *b : box->buttons())
                buttons << b->text();
            close->click();
        });
        poll.start(20);
        FetchRequest req = request(QStringLiteral("0000000027046b00"));
        req.baseUrl = server.baseUrl();
        opener.fetch(req);
        QVERIFY(failed.wait(20000));
        QVERIFY2(text.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("CA bundle")), qPrintable(text));
        QVERIFY(!buttons.isEmpty());
        for (const QString &b : std::as_const(buttons)) {
            QVERIFY2(!b.contains(QStringLiteral("Ignore"), Qt::CaseInsensitive), qPrintable(b));
            QVERIFY2(!b.contains(QStringLiteral("Continue"), Qt::CaseInsensitive), qPrintable(b));
            QVERIFY2(!b.contains(QStringLiteral("Trust"), Qt::CaseInsensitive), qPrintable(b));
        }
        QCOMPARE(server.requests(), 0);
    }

    void sizeLimitIsSetInTheConnectionsDialogAndHonoured()
    {
        TokenStore tokens;
        tokens.setKeychainEnabled(false);
        {
            QSettings settings;
            ConnectionProfiles::save(settings, {});
        }
        {
            ConnectionsDialog dialog(&tokens);
            auto *size = dialog.findChild<QSpinBox *>(QStringLiteral("maxSize"));
            QVERIFY(size);
            QCOMPARE(size->value(), ConnectionProfile::defaultMaxMegabytes);
            dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("capped"));
            dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))->setText(m_server->baseUrl().toString());
            dialog.findChild<QLineEdit *>(QStringLiteral("projectId"))->setText(QStringLiteral("proj-1"));
            size->setValue(1);
            QSignalSpy finished(&dialog, &QDialog::finished);
            dialog.accept();
            QVERIFY(!finished.isEmpty() || finished.wait(5000));
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QSettings settings;
        const auto profile = ConnectionProfiles::find(ConnectionProfiles::load(settings), QStringLiteral("capped"));
        QVERIFY(profile);
        QCOMPARE(profile->maxMegabytes, 1);
        const FetchRequest req = FetchRequest::fromProfile(*profile, QStringLiteral("fail-huge"), QString());
        QCOMPARE(req.maxBytes, qint64(1024 * 1024));
        m_server->setHugeBytes(qint64(8) * 1024 * 1024);
        const FetchResult r = run(req);
        QCOMPARE(r.step, FetchStep::TooLarge);
        QVERIFY2(r.message.contains(QStringLiteral("1.0 MiB")), qPrintable(r.message));
        QVERIFY2(r.hint.contains(QStringLiteral("capped")) && r.hint.contains(QStringLiteral("Connections")), qPrintable(r.hint));
        // Within the limit the same profile fetches.
        const FetchResult ok = run(FetchRequest::fromProfile(*profile, m_server->sampleTraceId(), QString()));
        QVERIFY2(ok.ok(), qPrintable(ok.describe()));

        // Reopened, the dialog shows the stored limit; a profile without one gets the default.
        ConnectionsDialog again(&tokens);
        again.selectProfile(QStringLiteral("capped"));
        QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("maxSize"))->value(), 1);
        QCOMPARE(ConnectionProfile().maxMegabytes, ConnectionProfile::defaultMaxMegabytes);
        ConnectionProfiles::save(settings, {});
    }

    void cleanupTestCase()
    {
        m_server.reset();
    }
};

QTEST_MAIN(TestSpansApiClient)
#include "tst_spansapiclient.moc"
