#include "sharedspans.h"
#include "traceloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace td;

namespace {

QJsonObject endpoint(const char *service, const char *ip)
{
    return {{QStringLiteral("serviceName"), QLatin1String(service)}, {QStringLiteral("ipv4"), QLatin1String(ip)}};
}

QJsonObject annotation(qint64 ts, const QString &value, const QJsonObject &ep)
{
    return {{QStringLiteral("timestamp"), ts}, {QStringLiteral("value"), value}, {QStringLiteral("endpoint"), ep}};
}

// Zipkin v1 halves of span "b" (parent "a"): the client on 10.0.0.1, the server on 10.0.0.2, plus a child
// "c" of the server and the root "a".
struct Halves
{
    QJsonObject root, client, server, child;
};

Halves halves(const QStringList &names /* cs, cr, sr, ss */, const QString &addressKey)
{
    const auto caller = endpoint("frontend", "10.0.0.1");
    const auto callee = endpoint("backend", "10.0.0.2");
    const auto span = [](const char *id, const char *parent, const char *name) {
        QJsonObject s{{QStringLiteral("traceId"), QStringLiteral("00000000000000aa")}, {QStringLiteral("id"), QLatin1String(id)},
                      {QStringLiteral("name"), QLatin1String(name)}};
        if (parent)
            s.insert(QStringLiteral("parentId"), QLatin1String(parent));
        return s;
    };
    Halves h;
    h.root = span("a", nullptr, "get /");
    h.root.insert(QStringLiteral("timestamp"), 1000);
    h.root.insert(QStringLiteral("duration"), 500);
    h.root.insert(QStringLiteral("annotations"), QJsonArray{annotation(1000, QStringLiteral("sr"), caller), annotation(1500, QStringLiteral("ss"), caller)});
    h.client = span("b", "a", "call backend");
    h.client.insert(QStringLiteral("timestamp"), 1100);
    h.client.insert(QStringLiteral("duration"), 200);
    h.client.insert(QStringLiteral("annotations"), QJsonArray{annotation(1100, names[0], caller), annotation(1300, names[1], caller)});
    h.client.insert(QStringLiteral("binaryAnnotations"),
                    QJsonArray{QJsonObject{{QStringLiteral("key"), addressKey}, {QStringLiteral("value"), true}, {QStringLiteral("endpoint"), callee}}});
    h.server = span("b", "a", "handle");
    h.server.insert(QStringLiteral("annotations"), QJsonArray{annotation(1150, names[2], callee), annotation(1250, names[3], callee)});
    h.child = span("c", "b", "select");
    h.child.insert(QStringLiteral("timestamp"), 1160);
    h.child.insert(QStringLiteral("duration"), 50);
    h.child.insert(QStringLiteral("annotations"), QJsonArray{annotation(1160, QStringLiteral("cs"), callee), annotation(1210, QStringLiteral("cr"), callee)});
    return h;
}

// A spans API answer: each span as JSON text in responseInfo.
std::shared_ptr<const std::string> envelope(const QList<QJsonObject> &spans)
{
    QJsonArray items;
    for (const auto &s : spans)
        items.append(QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Compact)));
    const QJsonObject answer{{QStringLiteral("errorCode"), QStringLiteral("SVCSTG.ATS.2000")},
                             {QStringLiteral("errorMessage"), QJsonValue::Null},
                             {QStringLiteral("responseInfo"), items}};
    return std::make_shared<const std::string>(QJsonDocument(answer).toJson().toStdString());
}

} // namespace

class TestSharedSpans : public QObject
{
    Q_OBJECT

private slots:
    void coreAnnotationsWhateverTheSpelling()
    {
        QCOMPARE(coreAnnotation("SR"), std::string_view("sr"));
        QCOMPARE(coreAnnotation("Cs"), std::string_view("cs"));
        QCOMPARE(coreAnnotation("cR"), std::string_view("cr"));
        QCOMPARE(coreAnnotation("ss"), std::string_view("ss"));
        QVERIFY(coreAnnotation("srv").empty());
        QVERIFY(coreAnnotation("error").empty());
        QCOMPARE(addressKey("SA"), std::string_view("sa"));
        QCOMPARE(addressKey("Ca"), std::string_view("ca"));
        QVERIFY(addressKey("sql").empty());
    }

    // The server and client halves of one span id on two hosts are one row in any order of responseInfo and
    // whatever the spelling of their annotations and address keys; the server's child hangs under it.
    void halvesMergeInAnyOrder_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("addressKey");
        QTest::addColumn<QString>("order"); // r root, c client, s server, k child
        const QStringList lower{QStringLiteral("cs"), QStringLiteral("cr"), QStringLiteral("sr"), QStringLiteral("ss")};
        const QStringList upper{QStringLiteral("CS"), QStringLiteral("CR"), QStringLiteral("SR"), QStringLiteral("SS")};
        const QStringList mixed{QStringLiteral("Cs"), QStringLiteral("cR"), QStringLiteral("SR"), QStringLiteral("sS")};
        for (const QString &order : {QStringLiteral("rcsk"), QStringLiteral("rsck"), QStringLiteral("kscr"), QStringLiteral("skrc")}) {
            QTest::newRow(qPrintable(order + QStringLiteral(" lower"))) << lower << QStringLiteral("sa") << order;
            QTest::newRow(qPrintable(order + QStringLiteral(" upper"))) << upper << QStringLiteral("SA") << order;
            QTest::newRow(qPrintable(order + QStringLiteral(" mixed"))) << mixed << QStringLiteral("Sa") << order;
        }
    }

    void halvesMergeInAnyOrder()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, addressKey);
        QFETCH(QString, order);
        const Halves h = halves(names, addressKey);
        QList<QJsonObject> spans;
        for (const QChar c : order)
            spans << (c == QLatin1Char('r') ? h.root : c == QLatin1Char('c') ? h.client : c == QLatin1Char('s') ? h.server : h.child);
        const auto result = loadTraceBytes(envelope(spans), QStringLiteral("answer.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.realSpanCount(), std::size_t(3));
        QVERIFY(std::none_of(t.problems().begin(), t.problems().end(), [](const Problem &p) {
            return p.kind == Problem::Kind::DuplicateId || p.kind == Problem::Kind::MissingParent;
        }));
        const Span &b = t.span(static_cast<std::size_t>(t.findSpan("b")));
        QVERIFY(b.hasFlag(SpanFlag::Shared));
        QCOMPARE(t.qstr(b.service), QStringLiteral("backend")); // shown under the server, as Zipkin does
        QCOMPARE(t.qstr(b.name), QStringLiteral("handle"));
        QCOMPARE(b.startUs, qint64(1100)); // the client's timing
        QCOMPARE(b.durationUs, qint64(200));
        const RpcTimes rpc = t.rpcTimes(b);
        QCOMPARE(rpc.cs, qint64(1100));
        QCOMPARE(rpc.sr, qint64(1150));
        QCOMPARE(rpc.ss, qint64(1250));
        QCOMPARE(rpc.cr, qint64(1300));
        QCOMPARE(b.parent, t.findSpan("a"));
        QCOMPARE(t.span(static_cast<std::size_t>(t.findSpan("c"))).parent, t.findSpan("b"));
        QVERIFY(b.remoteEndpoint != NoIndex);
        QCOMPARE(t.qstr(t.endpoints()[static_cast<std::size_t>(b.remoteEndpoint)].service), QStringLiteral("frontend"));
    }

    // The same from a file (the fast path reads it too, and tst_fastpath compares the two readers): the
    // child first, the server half before the root and the client half, every annotation in odd capitals.
    void halvesFromASpansApiFile()
    {
        const auto result = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/halves/halves-any-order.envelope.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.realSpanCount(), std::size_t(3));
        const auto call = t.findSpan("6b221d5bc9e6496c");
        const Span &s = t.span(static_cast<std::size_t>(call));
        QVERIFY(s.hasFlag(SpanFlag::Shared));
        QCOMPARE(t.qstr(s.service), QStringLiteral("orders"));
        QCOMPARE(s.startUs, qint64(1700000000010000));
        QCOMPARE(t.rpcTimes(s).sr, qint64(1700000000012000));
        QCOMPARE(t.span(static_cast<std::size_t>(t.findSpan("7c3b2e1f00a1b2c3"))).parent, call);
        QVERIFY(t.findTag(s, "ca") && t.findTag(s, "sa")); // address keys spelled "CA" and "Sa" in the file
        QVERIFY(std::none_of(t.problems().begin(), t.problems().end(),
                             [](const Problem &p) { return p.kind == Problem::Kind::DuplicateId; }));
    }

    // One client span id answered by servers on two hosts: the client row holds the first server's half,
    // the other server is a row of its own under it (Zipkin shows one node per server host), and each
    // server's child hangs under the server on its own host.
    void serversOnTwoHostsForOneClient()
    {
        const auto result = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/halves/two-servers-one-client.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.realSpanCount(), std::size_t(5));
        const auto call = t.findSpan("6b221d5bc9e6496c");
        const Span &main = t.span(static_cast<std::size_t>(call));
        QVERIFY(main.hasFlag(SpanFlag::Shared));
        QCOMPARE(main.startUs, qint64(1700000000010000)); // the client's timing
        const Span *other = nullptr;
        for (const Span &s : t.spans())
            if (s.hasFlag(SpanFlag::ExtraServer))
                other = &s;
        QVERIFY(other);
        QCOMPARE(t.qstr(other->spanId), QStringLiteral("6b221d5bc9e6496c"));
        QCOMPARE(other->parent, call);
        QCOMPARE(other->startUs, qint64(1700000000012000)); // the server on 10.1.0.2
        const auto otherIndex = static_cast<std::int32_t>(other - t.spans().data());
        // The server first in the file is on 10.1.0.3; the one merged with the client is the first seen too.
        QCOMPARE(t.qstr(t.endpoints()[static_cast<std::size_t>(main.localEndpoint)].ipv4), QStringLiteral("10.1.0.3"));
        QCOMPARE(t.span(static_cast<std::size_t>(t.findSpan("8d4c3f2e11b2c3d4"))).parent, call);
        QCOMPARE(t.span(static_cast<std::size_t>(t.findSpan("7c3b2e1f00a1b2c3"))).parent, otherIndex);
        QVERIFY(std::none_of(t.problems().begin(), t.problems().end(),
                             [](const Problem &p) { return p.kind == Problem::Kind::DuplicateId; }));
    }

    // A v1 span with both halves and no timestamp starts at cs, as Zipkin takes it, even when its server's
    // clock put sr earlier.
    void untimedSpanStartsAtItsClientSend()
    {
        const auto caller = endpoint("frontend", "10.0.0.1");
        const auto callee = endpoint("backend", "10.0.0.2");
        const QJsonObject span{{QStringLiteral("traceId"), QStringLiteral("t")}, {QStringLiteral("id"), QStringLiteral("a")},
                               {QStringLiteral("name"), QStringLiteral("call")},
                               {QStringLiteral("annotations"), QJsonArray{annotation(900, QStringLiteral("sr"), callee), annotation(1000, QStringLiteral("cs"), caller),
                                                                          annotation(1040, QStringLiteral("ss"), callee), annotation(1200, QStringLiteral("cr"), caller)}}};
        const auto bytes = std::make_shared<const std::string>(QJsonDocument(QJsonArray{span}).toJson().toStdString());
        const auto result = loadTraceBytes(bytes, QStringLiteral("one.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Span &s = result.trace->spans().front();
        QCOMPARE(s.rawStartUs, qint64(1000));
        QCOMPARE(s.durationUs, qint64(200));
    }

    // Two spans with one id that are not halves of one call stay two rows, and the file says so.
    void differentSpansSharingAnIdStayApart()
    {
        const QJsonObject a{{QStringLiteral("traceId"), QStringLiteral("t")}, {QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("name"), QStringLiteral("one")},
                            {QStringLiteral("timestamp"), 10}, {QStringLiteral("duration"), 5}};
        QJsonObject b = a;
        b.insert(QStringLiteral("name"), QStringLiteral("two"));
        b.insert(QStringLiteral("timestamp"), 40);
        const auto bytes = std::make_shared<const std::string>(QJsonDocument(QJsonArray{a, b}).toJson().toStdString());
        const auto result = loadTraceBytes(bytes, QStringLiteral("dup.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.trace->realSpanCount(), std::size_t(2));
        QVERIFY(std::any_of(result.trace->problems().begin(), result.trace->problems().end(),
                            [](const Problem &p) { return p.kind == Problem::Kind::DuplicateId; }));
    }
};

QTEST_GUILESS_MAIN(TestSharedSpans)
#include "tst_sharedspans.moc"
