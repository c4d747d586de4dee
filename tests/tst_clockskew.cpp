#include "clockskew.h"
#include "tracedsl.h"
#include "traceloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace td;
using td::testing::buildTrace;
using td::testing::dslEpochUs;

namespace {

const Span &byId(const Trace &t, const char *id)
{
    const auto index = t.findSpan(id);
    if (index < 0)
        qFatal("no span %s", id);
    return t.span(static_cast<std::size_t>(index));
}

std::size_t skewProblems(const Trace &t)
{
    return static_cast<std::size_t>(std::count_if(t.problems().begin(), t.problems().end(),
                                                  [](const Problem &p) { return p.kind == Problem::Kind::SkewAdjusted; }));
}

QJsonObject reference()
{
    QFile f(QStringLiteral(TRACEDESK_TEST_DATA "/zipkin-skew-reference.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no zipkin-skew-reference.json");
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestClockSkew : public QObject
{
    Q_OBJECT

private slots:
    // Zipkin Lens's own correction (scripts/zipkin-skew-reference/make.sh ran its clock-skew.js on every
    // Zipkin file of tests/data/realworld): each of its span nodes must sit where TraceDesk puts it, within
    // 2 µs (Lens keeps half microseconds). A node that is the server half of a row holding both halves is
    // the row's corrected sr; any other node is the row's start.
    void agreesWithZipkinLens_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QJsonArray>("nodes");
        const QJsonObject ref = reference();
        QVERIFY(ref.size() >= 30);
        for (auto it = ref.begin(); it != ref.end(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key() << it.value().toObject().value(QLatin1String("nodes")).toArray();
    }

    void agreesWithZipkinLens()
    {
        QFETCH(QString, file);
        QFETCH(QJsonArray, nodes);
        const auto result = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/realworld/") + file);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        int corrected = 0;
        for (const auto &v : nodes) {
            const QJsonObject n = v.toObject();
            const auto rawUs = static_cast<std::int64_t>(n.value(QLatin1String("rawUs")).toDouble());
            const auto zipkinUs = n.value(QLatin1String("correctedUs")).toDouble();
            if (rawUs == 0)
                continue; // Zipkin has no time for this node
            corrected += std::abs(zipkinUs - static_cast<double>(rawUs)) > 0.5;
            const QString id = n.value(QLatin1String("id")).toString();
            const bool server = n.value(QLatin1String("kind")).toString() == QLatin1String("SERVER");
            // The row that is this node: the one with its id and its recorded time (a client span answered by
            // servers on several hosts is a row per server host, as Zipkin's nodes are).
            const Span *row = nullptr;
            bool serverHalf = false;
            for (const Span &s : t.spans()) {
                if (s.isPlaceholder() || t.qstr(s.spanId).rightJustified(16, QLatin1Char('0')) != id)
                    continue;
                const RpcTimes raw = t.rpcTimes(s);
                const bool half = server && raw.cs && raw.sr;
                if ((half ? raw.sr : s.rawStartUs) == rawUs) {
                    row = &s;
                    serverHalf = half;
                    break;
                }
            }
            QVERIFY2(row, qPrintable(QStringLiteral("%1 (%2) recorded at %3 is no row").arg(id, n.value(QLatin1String("kind")).toString()).arg(rawUs)));
            const auto ours = serverHalf ? t.adjustedRpcTimes(*row).sr : row->startUs;
            QVERIFY2(std::abs(static_cast<double>(ours) - zipkinUs) <= 2.0,
                     qPrintable(QStringLiteral("%1 (%2): TraceDesk %3, Zipkin %4").arg(id, n.value(QLatin1String("kind")).toString())
                                    .arg(ours).arg(zipkinUs, 0, 'f', 1)));
        }
        QCOMPARE(skewProblems(t) > 0, corrected > 0);
    }

    // A server half that started before its client: moved to the middle of the client (half the
    // difference of the durations after it); the row keeps its client's times.
    void serverBeforeClientMovesTheServerSide()
    {
        const auto t = buildTrace(QStringLiteral("root 100 200 ip=1.1.1.1 kind=client\n"
                                                 "root 50 40 kind=server ip=2.2.2.2\n"
                                                 "root/db 60 10 ip=2.2.2.2\n"
                                                 "root/cache 250 10 ip=1.1.1.1"));
        const Span &root = byId(*t, "root");
        // latency (200 - 40) / 2 = 80: the server starts at 180, 130 µs later than it said
        QCOMPARE(root.startUs, dslEpochUs + 100);
        QCOMPARE(root.skewShiftUs, qint64(0));
        QCOMPARE(root.serverShiftUs, qint64(130));
        QCOMPARE(t->adjustedRpcTimes(root).sr, dslEpochUs + 180);
        QCOMPARE(t->adjustedRpcTimes(root).cs, dslEpochUs + 100);
        QCOMPARE(t->rpcTimes(root).sr, dslEpochUs + 50); // as recorded
        QCOMPARE(root.skewReason, SkewReason::ServerBeforeClient);
        QCOMPARE(byId(*t, "db").startUs, dslEpochUs + 190); // on the server's host: moved with it
        QCOMPARE(byId(*t, "cache").startUs, dslEpochUs + 250); // on the client's host: stays
        QCOMPARE(skewProblems(*t), std::size_t(1));
    }

    // Zipkin Lens leaves a server alone that started after its client, even when it ends after it.
    void serverEndingLateIsLeftAlone()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100 ip=1.1.1.1 kind=client\n"
                                                 "root 10 150 kind=server ip=2.2.2.2"));
        QCOMPARE(byId(*t, "root").serverShiftUs, qint64(0));
        QCOMPARE(skewProblems(*t), std::size_t(0));
    }

    // A client shorter than its server (async): the server goes 1 µs after the client's start.
    void asyncClientPushesTheServerOneMicrosecondAfter()
    {
        const auto t = buildTrace(QStringLiteral("root 100 20 ip=1.1.1.1 kind=client\n"
                                                 "root 40 60 kind=server ip=2.2.2.2"));
        QCOMPARE(t->adjustedRpcTimes(byId(*t, "root")).sr, dslEpochUs + 101);
    }

    // A client and a server on separate rows (different span ids), as B3 single-host spans.
    void separateServerRowIsMovedWithItsSubtree()
    {
        const auto t = buildTrace(QStringLiteral("call 100 60 kind=client ip=1.1.1.1\n"
                                                 "call/srv 50 40 kind=server ip=2.2.2.2\n"
                                                 "call/srv/db 55 10 ip=2.2.2.2\n"
                                                 "call/srv/db/other 56 5 ip=3.3.3.3"));
        // latency (60 - 40) / 2 = 10: the server starts at 110
        const Span &srv = byId(*t, "srv");
        QCOMPARE(srv.startUs, dslEpochUs + 110);
        QCOMPARE(srv.skewShiftUs, qint64(60));
        QCOMPARE(srv.skewReason, SkewReason::ServerBeforeClient);
        QCOMPARE(byId(*t, "db").startUs, dslEpochUs + 115);
        QCOMPARE(byId(*t, "other").startUs, dslEpochUs + 56); // another host: Zipkin moves only the server's IP
    }

    // A nested server with skew of its own hands down its own skew, not its ancestor's.
    void nestedSkewReplacesTheInheritedOne()
    {
        const auto t = buildTrace(QStringLiteral("a 0 1000 kind=client ip=1.1.1.1\n"
                                                 "a 100 800 kind=server ip=2.2.2.2\n" // inside: no skew
                                                 "a/b 200 400 kind=client ip=2.2.2.2\n"
                                                 "a/b 100 200 kind=server ip=3.3.3.3\n" // 100 before b's client
                                                 "a/b/c 150 50 ip=3.3.3.3"));
        const Span &b = byId(*t, "b");
        // b's server moves to 200 + (400 - 200) / 2 = 300
        QCOMPARE(t->adjustedRpcTimes(b).sr, dslEpochUs + 300);
        QCOMPARE(byId(*t, "c").startUs, dslEpochUs + 350);
        QCOMPARE(byId(*t, "a").serverShiftUs, qint64(0));
    }

    void sameHostOrNoAddressIsNotCorrected()
    {
        const auto sameIp = buildTrace(QStringLiteral("call 100 60 kind=client ip=1.1.1.1\ncall/srv 50 40 kind=server ip=1.1.1.1"));
        QCOMPARE(byId(*sameIp, "srv").startUs, dslEpochUs + 50);
        // Zipkin matches hosts by IP only: without addresses nothing is moved, whatever the services.
        const auto noIp = buildTrace(QStringLiteral("call 100 60 kind=client service=a\ncall/srv 50 40 kind=server service=b"));
        QCOMPARE(byId(*noIp, "srv").startUs, dslEpochUs + 50);
        QCOMPARE(skewProblems(*sameIp) + skewProblems(*noIp), std::size_t(0));
    }

    // Zipkin skips a trace with a second root ("redundant root span") and one with no root at all.
    void secondRootOrNoRootSkipsCorrection()
    {
        const auto twoRoots = buildTrace(QStringLiteral("call 100 60 kind=client ip=1.1.1.1\n"
                                                        "call/srv 50 40 kind=server ip=2.2.2.2\n"
                                                        "other 0 10 ip=1.1.1.1"));
        QCOMPARE(byId(*twoRoots, "srv").startUs, dslEpochUs + 50);
        const auto headless = buildTrace(QStringLiteral("call 100 60 kind=client ip=1.1.1.1 parent=gone\n"
                                                        "call/srv 50 40 kind=server ip=2.2.2.2"));
        QCOMPARE(byId(*headless, "srv").startUs, dslEpochUs + 50);
    }

    // A span whose parent is missing hangs under the root in Zipkin's tree and is measured against it.
    void orphanIsMeasuredAgainstTheRoot()
    {
        const auto t = buildTrace(QStringLiteral("root 100 60 kind=client ip=1.1.1.1\n"
                                                 "lost 50 40 kind=server ip=2.2.2.2 parent=gone"));
        QCOMPARE(byId(*t, "lost").startUs, dslEpochUs + 110);
        QVERIFY(byId(*t, "lost").hasFlag(SpanFlag::Orphan));
    }
};

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clockskew.moc"
