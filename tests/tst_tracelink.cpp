#include "tracelink.h"

#include <QTest>

using namespace td;

class TestTraceLink : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("traceId");
        QTest::addColumn<QString>("profile");
        QTest::newRow("hex id and profile") << QStringLiteral("tracedesk://trace/b1ce90a546e67ba5?profile=prod") << QStringLiteral("b1ce90a546e67ba5") << QStringLiteral("prod");
        QTest::newRow("no profile") << QStringLiteral("tracedesk://trace/abc123") << QStringLiteral("abc123") << QString();
        QTest::newRow("trailing slash") << QStringLiteral("tracedesk://trace/abc123/?profile=prod") << QStringLiteral("abc123") << QStringLiteral("prod");
        QTest::newRow("scheme and host case") << QStringLiteral("TraceDesk://TRACE/abc?profile=p") << QStringLiteral("abc") << QStringLiteral("p");
        QTest::newRow("surrounding blanks") << QStringLiteral("  tracedesk://trace/abc?profile=p\n") << QStringLiteral("abc") << QStringLiteral("p");
        QTest::newRow("encoded profile") << QStringLiteral("tracedesk://trace/abc?profile=east%20prod%20%26%20co") << QStringLiteral("abc") << QStringLiteral("east prod & co");
        QTest::newRow("chinese profile") << QStringLiteral("tracedesk://trace/abc?profile=%E7%94%9F%E4%BA%A7") << QStringLiteral("abc") << QString::fromUtf8("\xe7\x94\x9f\xe4\xba\xa7");
        QTest::newRow("dashed id") << QStringLiteral("tracedesk://trace/4bf92f35-77b3.4da6:a3ce_929d?profile=p") << QStringLiteral("4bf92f35-77b3.4da6:a3ce_929d") << QStringLiteral("p");
    }

    void parsesValidLinks()
    {
        QFETCH(QString, text);
        QFETCH(QString, traceId);
        QFETCH(QString, profile);
        QVERIFY(isTraceLinkArgument(text));
        const TraceLinkParse parsed = parseTraceLink(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.link.traceId, traceId);
        QCOMPARE(parsed.link.profile, profile);
    }

    void refusesMalformedLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("other scheme") << QStringLiteral("https://trace/abc?profile=p") << QStringLiteral("not a TraceDesk link");
        QTest::newRow("other host") << QStringLiteral("tracedesk://span/abc?profile=p") << QStringLiteral("cannot open \"span\" links");
        QTest::newRow("no host") << QStringLiteral("tracedesk:abc") << QStringLiteral("tracedesk://trace/");
        QTest::newRow("no id") << QStringLiteral("tracedesk://trace/?profile=p") << QStringLiteral("no trace id");
        QTest::newRow("no path") << QStringLiteral("tracedesk://trace") << QStringLiteral("no trace id");
        QTest::newRow("two segments") << QStringLiteral("tracedesk://trace/abc/def") << QStringLiteral("exactly one trace id");
        QTest::newRow("encoded slash") << QStringLiteral("tracedesk://trace/abc%2F..%2Fetc") << QStringLiteral("exactly one trace id");
        QTest::newRow("bad character") << QStringLiteral("tracedesk://trace/abc%3Cscript%3E") << QStringLiteral("contains \"<\"");
        QTest::newRow("space in id") << QStringLiteral("tracedesk://trace/ab%20c") << QStringLiteral("contains \" \"");
        QTest::newRow("too long") << (QStringLiteral("tracedesk://trace/") + QString(200, QLatin1Char('a'))) << QStringLiteral("at most 128");
        QTest::newRow("unknown parameter") << QStringLiteral("tracedesk://trace/abc?profile=p&token=secret") << QStringLiteral("unknown parameter \"token\"");
        QTest::newRow("profile twice") << QStringLiteral("tracedesk://trace/abc?profile=p&profile=q") << QStringLiteral("more than once");
        QTest::newRow("empty profile") << QStringLiteral("tracedesk://trace/abc?profile=") << QStringLiteral("profile name is empty");
        QTest::newRow("port") << QStringLiteral("tracedesk://trace:80/abc") << QStringLiteral("port");
        QTest::newRow("fragment") << QStringLiteral("tracedesk://trace/abc#x") << QStringLiteral("fragment");
        QTest::newRow("invalid url") << QStringLiteral("tracedesk://tr ace/abc") << QStringLiteral("not a valid link");
    }

    void refusesMalformedLinks()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        const TraceLinkParse parsed = parseTraceLink(text);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error.contains(messagePart), qPrintable(parsed.error));
        QVERIFY(parsed.link.traceId.isEmpty() || !parsed.ok());
    }

    void filesAreNotLinks()
    {
        QVERIFY(!isTraceLinkArgument(QStringLiteral("/tmp/trace.json")));
        QVERIFY(!isTraceLinkArgument(QStringLiteral("tracedesk.json")));
        QVERIFY(isTraceLinkArgument(QStringLiteral("TRACEDESK:whatever")));
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("traceId");
        QTest::addColumn<QString>("profile");
        QTest::newRow("plain") << QStringLiteral("b1ce90a546e67ba5") << QStringLiteral("prod");
        QTest::newRow("no profile") << QStringLiteral("abc") << QString();
        QTest::newRow("delimiters in profile") << QStringLiteral("abc") << QStringLiteral("a&b=c d+e%f#g?h/i");
        QTest::newRow("chinese profile") << QStringLiteral("abc") << QString::fromUtf8("\xe7\x94\x9f\xe4\xba\xa7 east");
    }

    void roundTrips()
    {
        QFETCH(QString, traceId);
        QFETCH(QString, profile);
        const QUrl url = TraceLink{traceId, profile}.toUrl();
        const TraceLinkParse parsed = parseTraceLink(url.toString(QUrl::FullyEncoded));
        QVERIFY2(parsed.ok(), qPrintable(url.toString(QUrl::FullyEncoded) + QStringLiteral(": ") + parsed.error));
        QCOMPARE(parsed.link.traceId, traceId);
        QCOMPARE(parsed.link.profile, profile);
    }
};

QTEST_GUILESS_MAIN(TestTraceLink)
#include "tst_tracelink.moc"
