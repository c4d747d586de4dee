#include "redaction.h"
#include "traceloader.h"

#include <QtTest>

using namespace td;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/") + QString::fromLatin1(name);
}

// The access_token of the documented httpservice.url sample.
const QString documentedToken = QStringLiteral(
    "8af3680b14a233b58b9bdfa463d7172064e6181d2b4cffbc4f391920eb1f8ae34362a16fbc81377dc4790e2c6053d1097b0acb26a28fa4a70086fe3199199657be312b11d2e2f7a0a086c4c65ff88dbd204e0ebd2ba94e73e4b40a0c9bd65dd5");

} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT
private slots:
    void text_data();
    void text();
    void tagValue_data();
    void tagValue();
    void countsDistinctValues();
    void disabledKeepsEverything();
    void copyFilter();
    void documentedSampleLeavesNoSecret();
    void spanJsonLeavesNoSecret();
};

void TestRedaction::text_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // Query parameters named like token, access_token, password, secret, key, signature.
    QTest::newRow("access_token") << QStringLiteral("https://h/api?access_token=abc123&page=2")
                                  << QStringLiteral("https://h/api?access_token=[redacted]&page=2");
    QTest::newRow("token") << QStringLiteral("/x?token=t0k3n") << QStringLiteral("/x?token=[redacted]");
    QTest::newRow("password") << QStringLiteral("http://t/allBusiSys?tenant_id=admin&password=hunter2")
                              << QStringLiteral("http://t/allBusiSys?tenant_id=admin&password=[redacted]");
    QTest::newRow("client_secret") << QStringLiteral("a?client_secret=s3&x=1") << QStringLiteral("a?client_secret=[redacted]&x=1");
    QTest::newRow("key") << QStringLiteral("/maps?key=AIzaSy0&q=x") << QStringLiteral("/maps?key=[redacted]&q=x");
    QTest::newRow("api_key") << QStringLiteral("/v1?api_key=k1") << QStringLiteral("/v1?api_key=[redacted]");
    QTest::newRow("apiKey") << QStringLiteral("/v1?apiKey=k1") << QStringLiteral("/v1?apiKey=[redacted]");
    QTest::newRow("signature") << QStringLiteral("s3?X-Amz-Signature=f00d&X-Amz-Date=2024")
                               << QStringLiteral("s3?X-Amz-Signature=[redacted]&X-Amz-Date=2024");
    QTest::newRow("not secret") << QStringLiteral("/x?tenant_id=admin&page=2&monkey=1") << QStringLiteral("/x?tenant_id=admin&page=2&monkey=1");
    // Session ids.
    QTest::newRow("JSESSIONID") << QStringLiteral("'JSESSIONID=7B0795EF; Path=/tridentservice/; HttpOnly'")
                                << QStringLiteral("'JSESSIONID=[redacted]; Path=/tridentservice/; HttpOnly'");
    QTest::newRow("jsessionid in path") << QStringLiteral("/app;jsessionid=ABC123?x=1") << QStringLiteral("/app;jsessionid=[redacted]?x=1");
    // Passwords in JDBC URLs.
    QTest::newRow("jdbc query") << QStringLiteral("jdbc:mysql://db-01:3306/trident?user=trident&password=s3cr3t")
                                << QStringLiteral("jdbc:mysql://db-01:3306/trident?user=trident&password=[redacted]");
    QTest::newRow("jdbc userinfo") << QStringLiteral("jdbc:postgresql://app:pa55@db:5432/x")
                                   << QStringLiteral("jdbc:postgresql://app:[redacted]@db:5432/x");
    QTest::newRow("jdbc oracle") << QStringLiteral("jdbc:oracle:thin:scott/tiger@db:1521:orcl")
                                 << QStringLiteral("jdbc:oracle:thin:scott/[redacted]@db:1521:orcl");
    QTest::newRow("jdbc sqlserver") << QStringLiteral("jdbc:sqlserver://db;user=sa;password=Pw1;encrypt=true")
                                    << QStringLiteral("jdbc:sqlserver://db;user=sa;password=[redacted];encrypt=true");
    QTest::newRow("jdbc without password") << QStringLiteral("jdbc:h2:mem:memdb") << QStringLiteral("jdbc:h2:mem:memdb");
    QTest::newRow("url with port") << QStringLiteral("https://0.0.0.0:58080/emptyservice//api") << QStringLiteral("https://0.0.0.0:58080/emptyservice//api");
    // Header lines and credentials.
    QTest::newRow("Authorization line") << QStringLiteral("GET /\nAuthorization: Bearer abc.def1\nAccept: */*")
                                        << QStringLiteral("GET /\nAuthorization: [redacted]\nAccept: */*");
    QTest::newRow("Set-Cookie line") << QStringLiteral("Set-Cookie: sid=1; Path=/") << QStringLiteral("Set-Cookie: [redacted]");
    QTest::newRow("X-Auth-Token line") << QStringLiteral("X-Auth-Token: 12345") << QStringLiteral("X-Auth-Token: [redacted]");
    QTest::newRow("bearer anywhere") << QStringLiteral("sent Bearer eyJhbGciOiJIUzI1NiJ9.c2FtcGxl.c2lnbmF0dXJl then")
                                     << QStringLiteral("sent Bearer [redacted] then");
    QTest::newRow("basic prose") << QStringLiteral("Basic authentication failed") << QStringLiteral("Basic authentication failed");
    // JSON.
    QTest::newRow("json member") << QStringLiteral("{\"user\":\"bob\",\"password\":\"pw\"}")
                                 << QStringLiteral("{\"user\":\"bob\",\"password\":\"[redacted]\"}");
    QTest::newRow("json cookie") << QStringLiteral("[{\"name\":\"JSESSIONID\",\"value\":\"2B04\",\"version\":0}]")
                                 << QStringLiteral("[{\"name\":\"JSESSIONID\",\"value\":\"[redacted]\",\"version\":0}]");
    QTest::newRow("json other cookie") << QStringLiteral("[{\"name\":\"lang\",\"value\":\"zh\"}]")
                                       << QStringLiteral("[{\"name\":\"lang\",\"value\":\"zh\"}]");
    QTest::newRow("binary annotation") << QStringLiteral("{\"key\": \"httpservice.cookies.JSESSIONID\", \"value\": \"[{\\\"value\\\":\\\"2B\\\"}]\"}")
                                       << QStringLiteral("{\"key\": \"httpservice.cookies.JSESSIONID\", \"value\": \"[redacted]\"}");
    QTest::newRow("binary annotation header") << QStringLiteral("{\"key\":\"httpservice.request.headers.authorization\",\"value\":\"Bearer x\"}")
                                              << QStringLiteral("{\"key\":\"httpservice.request.headers.authorization\",\"value\":\"[redacted]\"}");
    QTest::newRow("binary annotation plain") << QStringLiteral("{\"key\":\"httpservice.method\",\"value\":\"GET\"}")
                                             << QStringLiteral("{\"key\":\"httpservice.method\",\"value\":\"GET\"}");
    QTest::newRow("escaped json") << QStringLiteral("\"{\\\"password\\\":\\\"pw\\\"}\"") << QStringLiteral("\"{\\\"password\\\":\\\"[redacted]\\\"}\"");
}

void TestRedaction::text()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    Redactor r;
    QCOMPARE(r.text(input), expected);
    QCOMPARE(r.redactedCount() > 0, input != expected);
}

void TestRedaction::tagValue_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("authorization") << QStringLiteral("httpservice.request.headers.authorization") << QStringLiteral("Bearer abc")
                                   << QStringLiteral("[redacted]");
    QTest::newRow("proxy-authorization") << QStringLiteral("httpclient.request.headers.Proxy-Authorization") << QStringLiteral("Basic x")
                                         << QStringLiteral("[redacted]");
    QTest::newRow("cookie header") << QStringLiteral("httpclient.request.headers.cookie") << QStringLiteral("a=b; c=d")
                                   << QStringLiteral("[redacted]");
    QTest::newRow("set-cookie header") << QStringLiteral("feignclient.response.headers.set-cookie")
                                       << QStringLiteral("'JSESSIONID=7B0795EF7E3C224819E1EB2369F67671; Path=/; HttpOnly'")
                                       << QStringLiteral("[redacted]");
    QTest::newRow("x-auth-token") << QStringLiteral("feignclient.request.headers.X-Auth-Token") << QStringLiteral("t") << QStringLiteral("[redacted]");
    QTest::newRow("x-api-key") << QStringLiteral("httpclient.request.headers.x-api-key") << QStringLiteral("k") << QStringLiteral("[redacted]");
    QTest::newRow("cookies") << QStringLiteral("httpservice.cookies.JSESSIONID") << QStringLiteral("[{\"value\":\"2B04\"}]")
                             << QStringLiteral("[redacted]");
    QTest::newRow("any cookie") << QStringLiteral("httpservice.cookies.lang") << QStringLiteral("zh") << QStringLiteral("[redacted]");
    QTest::newRow("otel header") << QStringLiteral("http.request.header.authorization") << QStringLiteral("x") << QStringLiteral("[redacted]");
    QTest::newRow("password key") << QStringLiteral("db.password") << QStringLiteral("x") << QStringLiteral("[redacted]");
    QTest::newRow("trace id header") << QStringLiteral("feignclient.request.headers.X-B3-TraceId") << QStringLiteral("56f5")
                                     << QStringLiteral("56f5");
    QTest::newRow("url") << QStringLiteral("httpservice.url") << QStringLiteral("https://h/a?access_token=x1&b=2")
                         << QStringLiteral("https://h/a?access_token=[redacted]&b=2");
    QTest::newRow("jdbc.url") << QStringLiteral("jdbc.url") << QStringLiteral("jdbc:mysql://db/x?password=p")
                              << QStringLiteral("jdbc:mysql://db/x?password=[redacted]");
    QTest::newRow("jdbc.username") << QStringLiteral("jdbc.username") << QStringLiteral("sa") << QStringLiteral("sa");
    QTest::newRow("sql") << QStringLiteral("jdbc.sql") << QStringLiteral("select * from t where id = ?")
                         << QStringLiteral("select * from t where id = ?");
}

void TestRedaction::tagValue()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Redactor r;
    QCOMPARE(r.tagValue(key, value), expected);
}

void TestRedaction::countsDistinctValues()
{
    Redactor r;
    r.text(QStringLiteral("/a?token=one&password=two"));
    QCOMPARE(r.redactedCount(), 2);
    // The same secret drawn again (in the details, say) is still one value.
    r.text(QStringLiteral("/b?token=one"));
    QCOMPARE(r.redactedCount(), 2);
    r.tagValue(QStringLiteral("httpservice.cookies.x"), QStringLiteral("three"));
    QCOMPARE(r.redactedCount(), 3);
    r.text(QStringLiteral("nothing secret here"));
    QCOMPARE(r.redactedCount(), 3);
}

void TestRedaction::disabledKeepsEverything()
{
    Redactor r(false);
    const QString url = QStringLiteral("https://h/a?access_token=x1");
    QCOMPARE(r.text(url), url);
    QCOMPARE(r.tagValue(QStringLiteral("httpservice.cookies.JSESSIONID"), QStringLiteral("v")), QStringLiteral("v"));
    QCOMPARE(r.redactedCount(), 0);
    QVERIFY(!r.isEnabled());
}

void TestRedaction::copyFilter()
{
    QCOMPARE(Redactor::redactCopiedText(QStringLiteral("x?password=p")), QStringLiteral("x?password=[redacted]"));
    QCOMPARE(Redactor::redactCopiedText(QStringLiteral("plain")), QStringLiteral("plain"));
}

void TestRedaction::documentedSampleLeavesNoSecret()
{
    const LoadResult loaded = loadTraceFile(fixture("iplatform-httpservice-span.json"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    const Trace &t = *loaded.trace;
    Redactor r;
    QStringList out;
    bool sawUrl = false;
    for (const Span &s : t.spans()) {
        for (auto tag = t.tagsBegin(s); tag != t.tagsEnd(s); ++tag) {
            const QString value = r.tagValue(t.qstr(tag->key), t.qstr(tag->value));
            out << value;
            if (t.str(tag->key) == "httpservice.url") {
                sawUrl = true;
                QVERIFY(value.endsWith(QLatin1String("?access_token=[redacted]")));
            }
        }
    }
    QVERIFY(sawUrl);
    const QString all = out.join(QLatin1Char('\n'));
    QVERIFY(!all.contains(documentedToken.left(16)));
    QVERIFY(!all.contains(QLatin1String("2B0495D3083676D0033ED0463E66BD64")));
    QCOMPARE(r.redactedCount(), 2); // the token and the cookie
}

void TestRedaction::spanJsonLeavesNoSecret()
{
    // Copying the whole span as JSON goes through the same filter.
    const LoadResult loaded = loadTraceFile(fixture("iplatform-httpservice-span.json"));
    QVERIFY(loaded.ok());
    const QString json = QString::fromStdString(loaded.trace->rawJson(0));
    QVERIFY(json.contains(documentedToken));
    const QString redacted = Redactor::redactCopiedText(json);
    QVERIFY(!redacted.contains(documentedToken.left(16)));
    QVERIFY(!redacted.contains(QLatin1String("2B0495D3083676D0033ED0463E66BD64")));
    QVERIFY(redacted.contains(QLatin1String("httpservice.url")));
    QVERIFY(redacted.contains(QLatin1String("testmethodwithdb")));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
