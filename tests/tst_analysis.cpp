#include "analysis.h"
#include "tracebuilder.h"
#include "tracedsl.h"
#include "traceloader.h"

#include <QBuffer>
#include <QDir>
#include <QtTest>

#include <map>
#include <tuple>

using namespace td;
using td::testing::buildTrace;

namespace {

struct SpanSpec
{
    QString id;
    QString parent;
    QString name;
    QString service;
    qint64 start = 0;
    qint64 duration = 0;
    QList<QPair<QString, QString>> tags;
};

// Like the DSL, but with names of our choosing, so siblings can be the same call.
TracePtr buildSpans(const QList<SpanSpec> &specs)
{
    TraceBuilder b;
    for (const SpanSpec &spec : specs) {
        Span &s = b.beginSpan();
        s.traceId = b.intern("t1");
        s.spanId = b.intern(spec.id.toStdString());
        s.parentId = b.intern(spec.parent.toStdString());
        s.name = b.intern(spec.name.toStdString());
        s.startUs = td::testing::dslEpochUs + spec.start;
        s.durationUs = spec.duration;
        Endpoint ep;
        ep.service = b.intern(spec.service.toStdString());
        b.currentSpan().localEndpoint = b.addEndpoint(ep);
        for (const auto &[key, value] : spec.tags)
            b.addTag(key.toStdString(), value.toStdString());
        b.endSpan();
    }
    return b.finish();
}

const AggregateRow *row(const std::vector<AggregateRow> &rows, const QString &name, const QString &detail = {})
{
    for (const AggregateRow &r : rows) {
        if (r.name == name && r.detail == detail)
            return &r;
    }
    return nullptr;
}

QStringList spanIds(const Trace &trace, const std::vector<std::int32_t> &spans)
{
    QStringList ids;
    for (const std::int32_t i : spans)
        ids << trace.qstr(trace.span(static_cast<std::size_t>(i)).spanId);
    return ids;
}

QString fixture(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/") + QLatin1String(name);
}

} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void selfTimeWithOverlappingChildren()
    {
        // c1 [10,50) and c2 [30,70) overlap: the root's self time is 100 - 60.
        const TracePtr t = buildTrace(QStringLiteral("root 0 100 service=a\n"
                                                     "root/c1 10 40 service=b\n"
                                                     "root/c2 30 40 service=b\n"
                                                     "root/c2/d 35 10 service=c\n"));
        const auto rows = aggregate(*t, GroupBy::Service);
        QCOMPARE(rows.size(), std::size_t(3));
        // Sorted by self total: b (40 + 30), a (40), c (10).
        QCOMPARE(rows[0].name, QStringLiteral("b"));
        QCOMPARE(rows[0].count, 2);
        QCOMPARE(rows[0].totalUs, 80);
        QCOMPARE(rows[0].selfTotalUs, 70);
        QCOMPARE(rows[0].minUs, 40);
        QCOMPARE(rows[0].maxUs, 40);
        QCOMPARE(rows[0].avgUs(), 40.0);
        QCOMPARE(rows[0].selfAvgUs(), 35.0);
        QCOMPARE(rows[0].percentOfTrace, 70.0);
        QCOMPARE(spanIds(*t, rows[0].spans), (QStringList{QStringLiteral("c1"), QStringLiteral("c2")}));
        QCOMPARE(rows[1].name, QStringLiteral("a"));
        QCOMPARE(rows[1].selfTotalUs, 40);
        QCOMPARE(rows[1].totalUs, 100);
        QCOMPARE(rows[2].name, QStringLiteral("c"));
        QCOMPARE(rows[2].selfTotalUs, 10);
        QCOMPARE(rows[2].percentOfTrace, 10.0);
    }

    void childLongerThanParent()
    {
        // The child runs past its parent's end: only the overlap is taken from the parent's self time,
        // and the trace (150 µs) is the base for the percentages.
        const TracePtr t = buildTrace(QStringLiteral("root 0 100 service=a\nroot/c 50 100 service=b\n"));
        const auto rows = aggregate(*t, GroupBy::Service);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].name, QStringLiteral("b"));
        QCOMPARE(rows[0].selfTotalUs, 100);
        QCOMPARE(rows[1].name, QStringLiteral("a"));
        QCOMPARE(rows[1].selfTotalUs, 50);
        QCOMPARE(rows[1].totalUs, 100);
        QCOMPARE(rows[0].percentOfTrace, 100.0 * 100 / 150);
        QCOMPARE(rows[1].percentOfTrace, 100.0 * 50 / 150);
    }

    void componentsWithoutLcAreOther()
    {
        const TracePtr t = buildTrace(QStringLiteral("root 0 100 tag:lc=httpservice\n"
                                                     "root/q1 10 20 tag:lc=jdbc\n"
                                                     "root/q2 40 30 tag:lc=jdbc\n"
                                                     "root/r 75 5 tag:lc=Redis\n"
                                                     "root/r2 76 2 tag:lc=redis\n"
                                                     "root/x 80 10\n"
                                                     "root/y 90 5\n"));
        const auto rows = aggregate(*t, GroupBy::Component);
        QCOMPARE(rows.size(), std::size_t(4));
        const AggregateRow *jdbc = row(rows, QStringLiteral("jdbc"));
        QVERIFY(jdbc);
        QCOMPARE(jdbc->count, 2);
        QCOMPARE(jdbc->totalUs, 50);
        QVERIFY(!jdbc->missing);
        const AggregateRow *other = row(rows, QStringLiteral("other"));
        QVERIFY(other);
        QVERIFY(other->missing);
        QCOMPARE(other->count, 2);
        QCOMPARE(spanIds(*t, other->spans), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
        // An `lc` we do not know keeps its own (lower-cased) name.
        QVERIFY(row(rows, QStringLiteral("redis")));
        QCOMPARE(row(rows, QStringLiteral("redis"))->count, 2);
        QCOMPARE(spanIds(*t, row(rows, QStringLiteral("redis"))->spans), (QStringList{QStringLiteral("r"), QStringLiteral("r2")}));
        const AggregateRow *http = row(rows, QStringLiteral("httpservice"));
        QVERIFY(http);
        QCOMPARE(http->selfTotalUs, 100 - 20 - 30 - 5 - 10 - 5);
        QCOMPARE(rows.front().name, QStringLiteral("jdbc")); // largest self total first
    }

    void operationServiceOperationAndTag()
    {
        const TracePtr t = buildSpans({
            {QStringLiteral("r"), {}, QStringLiteral("GET /orders"), QStringLiteral("web"), 0, 1000, {{QStringLiteral("region"), QStringLiteral("eu")}}},
            {QStringLiteral("a"), QStringLiteral("r"), QStringLiteral("query"), QStringLiteral("db"), 100, 200, {{QStringLiteral("region"), QStringLiteral("eu")}}},
            {QStringLiteral("b"), QStringLiteral("r"), QStringLiteral("query"), QStringLiteral("cache"), 400, 100, {{QStringLiteral("region"), QStringLiteral("us")}}},
            {QStringLiteral("c"), QStringLiteral("r"), QStringLiteral("query"), QStringLiteral("db"), 600, 300, {}},
        });
        const auto byOp = aggregate(*t, GroupBy::Operation);
        QCOMPARE(byOp.size(), std::size_t(2));
        const AggregateRow *query = row(byOp, QStringLiteral("query"));
        QVERIFY(query);
        QCOMPARE(query->count, 3);
        QCOMPARE(query->totalUs, 600);
        QCOMPARE(query->minUs, 100);
        QCOMPARE(query->maxUs, 300);
        QCOMPARE(query->avgUs(), 200.0);
        QCOMPARE(row(byOp, QStringLiteral("GET /orders"))->selfTotalUs, 1000 - 600);

        const auto bySvcOp = aggregate(*t, GroupBy::ServiceOperation);
        QCOMPARE(bySvcOp.size(), std::size_t(3));
        const AggregateRow *dbQuery = row(bySvcOp, QStringLiteral("db"), QStringLiteral("query"));
        QVERIFY(dbQuery);
        QCOMPARE(dbQuery->count, 2);
        QCOMPARE(dbQuery->totalUs, 500);
        QCOMPARE(row(bySvcOp, QStringLiteral("cache"), QStringLiteral("query"))->count, 1);

        const auto byTag = aggregate(*t, GroupBy::TagKey, "region");
        QCOMPARE(byTag.size(), std::size_t(3));
        QCOMPARE(row(byTag, QStringLiteral("eu"))->count, 2);
        QCOMPARE(row(byTag, QStringLiteral("us"))->count, 1);
        const AggregateRow *none = row(byTag, QString());
        QVERIFY(none);
        QVERIFY(none->missing);
        QCOMPARE(spanIds(*t, none->spans), QStringList{QStringLiteral("c")});

        // A key no span has puts every span in the "without tag" group.
        const auto noKey = aggregate(*t, GroupBy::TagKey, "no.such.key");
        QCOMPARE(noKey.size(), std::size_t(1));
        QCOMPARE(noKey[0].count, 4);
        QVERIFY(noKey[0].missing);

        QCOMPARE(tagKeys(*t), QStringList{QStringLiteral("region")});
    }

    // A trace large enough that analyseTrace() works on two threads, with thousands of operations (one
    // row each): every figure is what the single calls give, and the groups are what counting by hand gives.
    void largeTraceAnalysisMatchesItsParts()
    {
        constexpr int spans = 12000;
        TraceBuilder b;
        std::map<std::string, std::int64_t> perOperation;
        std::int64_t errors = 0;
        for (int i = 0; i < spans; ++i) {
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern("s" + std::to_string(i));
            // Fan-out: span i's parent is i / 40, so some parents have forty children.
            s.parentId = i ? b.intern("s" + std::to_string(i / 40)) : StrId{0};
            // Every third span a database call of one of five statements: siblings repeat them.
            const bool query = i % 3 == 0;
            const std::string name = query ? std::string("select") : "op-" + std::to_string(i % 4001);
            s.name = b.intern(name);
            s.startUs = 1'000'000 + i;
            s.durationUs = 10 + i % 97;
            Endpoint ep;
            ep.service = b.intern(query ? std::string("db") : "svc-" + std::to_string(i % 7));
            b.currentSpan().localEndpoint = b.addEndpoint(ep);
            if (query) {
                b.addTag("lc", "jdbc");
                b.addTag("jdbc.sql", "select * from t where id = " + std::to_string(i % 5));
            }
            if (i % 50 == 0) {
                b.addTag("succeed", "false");
                ++errors;
            }
            b.endSpan();
            ++perOperation[name];
        }
        const TracePtr t = b.finish();
        QCOMPARE(t->realSpanCount(), std::size_t(spans));
        const TraceAnalysis a = analyseTrace(t);

        QCOMPARE(a.byOperation.size(), perOperation.size());
        for (const AggregateRow &r : a.byOperation)
            QCOMPARE(r.count, perOperation.at(r.name.toStdString()));
        for (std::size_t k = 1; k < a.byOperation.size(); ++k) {
            const auto &p = a.byOperation[k - 1], &r = a.byOperation[k];
            QVERIFY(std::tie(p.selfTotalUs, p.totalUs) >= std::tie(r.selfTotalUs, r.totalUs));
        }

        const auto same = [](const std::vector<AggregateRow> &x, const std::vector<AggregateRow> &y) {
            if (x.size() != y.size())
                return false;
            for (std::size_t k = 0; k < x.size(); ++k) {
                if (x[k].name != y[k].name || x[k].detail != y[k].detail || x[k].count != y[k].count
                    || x[k].totalUs != y[k].totalUs || x[k].selfTotalUs != y[k].selfTotalUs || x[k].spans != y[k].spans)
                    return false;
            }
            return !x.empty();
        };
        QVERIFY(same(a.byServiceOperation, aggregate(*t, GroupBy::ServiceOperation)));
        QVERIFY(same(a.byService, aggregate(*t, GroupBy::Service)));
        QCOMPARE(a.byService.size(), std::size_t(8));
        QVERIFY(same(a.byComponent, aggregate(*t, GroupBy::Component)));

        const auto repeated = repeatedCalls(*t);
        QVERIFY(!repeated.empty());
        QCOMPARE(a.repeated.size(), repeated.size());
        for (std::size_t k = 0; k < repeated.size(); ++k) {
            QCOMPARE(a.repeated[k].parent, repeated[k].parent);
            QCOMPARE(a.repeated[k].sql, repeated[k].sql);
            QCOMPARE(a.repeated[k].spans, repeated[k].spans);
        }
        QCOMPARE(a.errors.size(), std::size_t(errors));
        const auto errorList = errorSpans(*t);
        for (std::size_t k = 0; k < errorList.size(); ++k)
            QCOMPARE(a.errors[k].span, errorList[k].span);
        QCOMPARE(a.tagKeys, (QStringList{QStringLiteral("jdbc.sql"), QStringLiteral("lc"), QStringLiteral("succeed")}));
    }

    void placeholdersAreNotCounted()
    {
        // b's parent is missing: TraceBuilder adds a placeholder, which is no span of anyone's.
        const TracePtr t = buildTrace(QStringLiteral("a 0 100 service=s\nmissing/b 10 20 service=s\n"));
        QVERIFY(t->spanCount() > t->realSpanCount());
        const auto rows = aggregate(*t, GroupBy::Service);
        std::int64_t count = 0;
        for (const auto &r : rows)
            count += r.count;
        QCOMPARE(count, static_cast<std::int64_t>(t->realSpanCount()));
    }

    void reduceTopNFoldsTheRest()
    {
        const TracePtr t = buildTrace(QStringLiteral("root 0 1000 service=a\n"
                                                     "root/b 0 400 service=b\n"
                                                     "root/c 400 300 service=c\n"
                                                     "root/d 700 200 service=d\n"
                                                     "root/e 900 50 service=e\n"));
        const auto all = aggregate(*t, GroupBy::Service);
        QCOMPARE(all.size(), std::size_t(5));
        const auto top = reduceTopN(all, 2);
        QCOMPARE(top.size(), std::size_t(3));
        QCOMPARE(top[0].name, QStringLiteral("b"));
        QCOMPARE(top[1].name, QStringLiteral("c"));
        QVERIFY(top[2].rest);
        QCOMPARE(top[2].count, 3);
        QCOMPARE(top[2].selfTotalUs, 200 + 50 + 50); // d, e and a's 50 µs of self time
        QCOMPARE(top[2].totalUs, 200 + 50 + 1000);
        QCOMPARE(top[2].spans.size(), std::size_t(3));
        // One row left over is shown by name, not as "other".
        QCOMPARE(reduceTopN(all, 4).size(), std::size_t(5));
        QVERIFY(!reduceTopN(all, 4).back().rest);
    }

    void logBuckets_data()
    {
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<qint64>("floor");
        QTest::addColumn<qint64>("next");
        QTest::newRow("zero") << qint64(0) << qint64(0) << qint64(1);
        QTest::newRow("negative") << qint64(-5) << qint64(0) << qint64(1);
        QTest::newRow("1") << qint64(1) << qint64(1) << qint64(2);
        QTest::newRow("3") << qint64(3) << qint64(2) << qint64(5);
        QTest::newRow("9") << qint64(9) << qint64(5) << qint64(10);
        QTest::newRow("10") << qint64(10) << qint64(10) << qint64(20);
        QTest::newRow("499") << qint64(499) << qint64(200) << qint64(500);
        QTest::newRow("901 ms") << qint64(901000) << qint64(500000) << qint64(1000000);
        QTest::newRow("huge") << std::numeric_limits<qint64>::max() << qint64(5'000'000'000'000'000'000)
                              << std::numeric_limits<qint64>::max();
    }

    void logBuckets()
    {
        QFETCH(qint64, duration);
        QFETCH(qint64, floor);
        QFETCH(qint64, next);
        QCOMPARE(logBucketFloor(duration), floor);
        QCOMPARE(logBucketNext(floor), next);
    }

    void histogram()
    {
        const TracePtr t = buildTrace(QStringLiteral("root 0 1500\n"
                                                     "root/a 0 0\n"
                                                     "root/b 0 3\n"
                                                     "root/c 0 4\n"
                                                     "root/d 10 7\n"
                                                     "root/e 20 15\n"));
        const DurationHistogram h = durationHistogram(*t);
        // From [0,1) to [1000,2000): 0 1 2 5 10 20 50 100 200 500 1000
        QCOMPARE(h.buckets.size(), std::size_t(11));
        QCOMPARE(h.buckets.front().lowUs, 0);
        QCOMPARE(h.buckets.front().highUs, 1);
        QCOMPARE(h.buckets.back().lowUs, 1000);
        QCOMPARE(h.buckets.back().highUs, 2000);
        QList<qint64> counts;
        std::int64_t sum = 0;
        for (const auto &b : h.buckets) {
            counts << b.count;
            sum += b.count;
        }
        QCOMPARE(counts, (QList<qint64>{1, 0, 2, 1, 1, 0, 0, 0, 0, 0, 1}));
        QCOMPARE(sum, 6);
        QCOMPARE(h.bucketOf(4), 2);
        QCOMPARE(h.bucketOf(1500), 10);
        QCOMPARE(h.bucketOf(2000), -1);
        QVERIFY(durationHistogram(*buildTrace(QString())).buckets.empty());
    }

    void slowerThanUsualOnFixture()
    {
        const LoadResult r = loadTraceFile(fixture("iplatform-sample-trace.json"));
        QVERIFY(r.trace);
        const auto slow = slowerThanUsual(*r.trace);
        // The root took its usual 901 ms; the HTTP call 63 ms for 39 ms, the insert 164 ms for 138 ms.
        QCOMPARE(slow.size(), std::size_t(2));
        QCOMPARE(r.trace->qstr(r.trace->span(static_cast<std::size_t>(slow[0].span)).spanId), QStringLiteral("c0e7a6f66745b037"));
        QCOMPARE(slow[0].ratio, 63000.0 / 39000.0);
        QCOMPARE(slow[0].durationUs, 63000);
        QCOMPARE(slow[0].usualUs, 39000.0);
        QCOMPARE(r.trace->qstr(r.trace->span(static_cast<std::size_t>(slow[1].span)).spanId), QStringLiteral("d3b277175669b1f6"));
        QCOMPARE(slow[1].ratio, 164000.0 / 138000.0);
    }

    void slowerThanUsualWithWarnings()
    {
        const TracePtr t = buildTrace(QStringLiteral("root 0 1000 tag:durationMoveAvg=900\n"
                                                     "root/a 0 300 tag:durationMoveAvg=100 tag:optimize_warn_pct=200% tag:optimize_warn_type=warn_jdbc\n"
                                                     "root/b 400 50 tag:durationMoveAvg=100 tag:optimize_warn_type=none\n"
                                                     "root/c 500 10 tag:durationMoveAvg=0\n"));
        const auto slow = slowerThanUsual(*t);
        QCOMPARE(slow.size(), std::size_t(2));
        QCOMPARE(slow[0].ratio, 3.0);
        QCOMPARE(slow[0].warnPct, QStringLiteral("200%"));
        QCOMPARE(slow[0].warnType, QStringLiteral("warn_jdbc"));
        QCOMPARE(t->qstr(t->span(static_cast<std::size_t>(slow[1].span)).spanId), QStringLiteral("root"));
        QVERIFY(slow[1].warnType.isEmpty());
    }

    void normalizeSql_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("numbers") << QStringLiteral("select * from u where id = 42") << QStringLiteral("select * from u where id = ?");
        QTest::newRow("strings") << QStringLiteral("insert into t (a,b) values (true,'2018-9-27 15:35:37')")
                                 << QStringLiteral("insert into t (a,b) values (true,?)");
        QTest::newRow("escaped quote") << QStringLiteral("select 'it''s', 1.5") << QStringLiteral("select ?, ?");
        QTest::newRow("identifiers keep digits") << QStringLiteral("select col1 from t2") << QStringLiteral("select col1 from t2");
        QTest::newRow("spaces") << QStringLiteral("  select\n  *\tfrom   t  ") << QStringLiteral("select * from t");
        QTest::newRow("placeholders") << QStringLiteral("select * from t where id = ?") << QStringLiteral("select * from t where id = ?");
        QTest::newRow("unterminated") << QStringLiteral("select 'abc") << QStringLiteral("select ?");
    }

    void normalizeSql()
    {
        QFETCH(QString, sql);
        QFETCH(QString, normalized);
        QCOMPARE(QString::fromStdString(td::normalizeSql(sql.toStdString())), normalized);
    }

    void repeatedSiblings()
    {
        const auto sql = [](int id) { return QPair<QString, QString>(QStringLiteral("jdbc.sql"), QStringLiteral("select * from users where id = %1").arg(id)); };
        const TracePtr t = buildSpans({
            {QStringLiteral("r"), {}, QStringLiteral("GET /orders"), QStringLiteral("web"), 0, 1000, {}},
            {QStringLiteral("q1"), QStringLiteral("r"), QStringLiteral("UserMapper.get"), QStringLiteral("web"), 10, 20, {sql(1)}},
            {QStringLiteral("q2"), QStringLiteral("r"), QStringLiteral("UserMapper.get"), QStringLiteral("web"), 40, 20, {sql(2)}},
            {QStringLiteral("q3"), QStringLiteral("r"), QStringLiteral("UserMapper.get"), QStringLiteral("web"), 70, 30, {sql(3)}},
            // Same operation, another statement: not the same call.
            {QStringLiteral("q4"), QStringLiteral("r"), QStringLiteral("UserMapper.get"), QStringLiteral("web"), 110, 10,
             {{QStringLiteral("jdbc.sql"), QStringLiteral("delete from users")}}},
            {QStringLiteral("h1"), QStringLiteral("r"), QStringLiteral("GET /price"), QStringLiteral("pricing"), 200, 100, {}},
            {QStringLiteral("h2"), QStringLiteral("r"), QStringLiteral("GET /price"), QStringLiteral("pricing"), 300, 100, {}},
            // Same operation, other service.
            {QStringLiteral("h3"), QStringLiteral("r"), QStringLiteral("GET /price"), QStringLiteral("other"), 400, 100, {}},
            // The same call under another parent does not join the group.
            {QStringLiteral("h4"), QStringLiteral("h1"), QStringLiteral("GET /price"), QStringLiteral("pricing"), 210, 10, {}},
        });
        const auto groups = repeatedCalls(*t);
        QCOMPARE(groups.size(), std::size_t(2));
        QCOMPARE(groups[0].count(), 3);
        QCOMPARE(groups[0].operation, QStringLiteral("UserMapper.get"));
        QCOMPARE(groups[0].sql, QStringLiteral("select * from users where id = ?"));
        QCOMPARE(groups[0].distinctStatements, 3);
        QCOMPARE(groups[0].totalUs, 70);
        QCOMPARE(groups[0].startUs - td::testing::dslEpochUs, 10);
        QCOMPARE(groups[0].endUs - td::testing::dslEpochUs, 100);
        QCOMPARE(spanIds(*t, groups[0].spans), (QStringList{QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3")}));
        QCOMPARE(t->qstr(t->span(static_cast<std::size_t>(groups[0].parent)).spanId), QStringLiteral("r"));
        QCOMPARE(groups[1].count(), 2);
        QCOMPARE(groups[1].service, QStringLiteral("pricing"));
        QVERIFY(groups[1].sql.isEmpty());
        QCOMPARE(spanIds(*t, groups[1].spans), (QStringList{QStringLiteral("h1"), QStringLiteral("h2")}));

        QCOMPARE(repeatedCalls(*t, 3).size(), std::size_t(1));
        QCOMPARE(repeatedCalls(*t, 4).size(), std::size_t(0));
    }

    void errors()
    {
        const TracePtr t = buildTrace(QStringLiteral("root 0 1000 service=web tag:http.status_code=503\n"
                                                     "root/a 100 10 service=db tag:exception_class=java.sql.SQLException\n"
                                                     "root/b 50 10 service=auth tag:succeed=false tag:exception_class=none\n"
                                                     "root/c 200 10 service=ok tag:exception_class=none tag:http.status_code=200\n"));
        const auto errs = errorSpans(*t);
        QCOMPARE(errs.size(), std::size_t(3));
        QCOMPARE(t->qstr(t->span(static_cast<std::size_t>(errs[0].span)).spanId), QStringLiteral("root"));
        QCOMPARE(errs[0].statusCode, QStringLiteral("503"));
        QCOMPARE(errs[0].service, QStringLiteral("web"));
        QVERIFY(errs[0].exceptionClass.isEmpty());
        QCOMPARE(errs[1].service, QStringLiteral("auth"));
        QCOMPARE(errs[1].startOffsetUs, 50);
        QVERIFY(errs[1].exceptionClass.isEmpty());
        QCOMPARE(errs[1].reason, QStringLiteral("succeed=false"));
        QCOMPARE(errs[2].exceptionClass, QStringLiteral("java.sql.SQLException"));
        QCOMPARE(errs[2].operation, QStringLiteral("op-a"));
    }

    void statisticsCsvMatchesHandComputedValues()
    {
        const TracePtr t = buildTrace(QStringLiteral("root 0 100 service=a\n"
                                                     "root/c1 10 40 service=b\n"
                                                     "root/c2 30 40 service==evil,\"x\"\n"));
        const auto rows = aggregate(*t, GroupBy::Service);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(writeStatisticsCsv(buffer, rows, GroupBy::Service));
        // a: 100 less the union of its children [10,70) = 40; the children have no children of their own.
        // A cell that a spreadsheet would run as a formula gets a quote in front.
        const QByteArray expected =
            "service,count,total_us,avg_us,min_us,max_us,self_total_us,self_avg_us,percent_of_trace\r\n"
            "a,1,100,100.0,100,100,40,40.0,40.00\r\n"
            "b,1,40,40.0,40,40,40,40.0,40.00\r\n"
            "\"'=evil,\"\"x\"\"\",1,40,40.0,40,40,40,40.0,40.00\r\n";
        QCOMPARE(buffer.data(), expected);

        const auto ops = aggregate(*t, GroupBy::ServiceOperation);
        const QByteArray csv = statisticsCsv(ops, GroupBy::ServiceOperation);
        QVERIFY(csv.startsWith("service,operation,count,"));
        QVERIFY(csv.contains("\r\na,op-root,1,100,100.0,100,100,40,40.0,40.00\r\n"));
    }

    void fixturesAddUp_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(TRACEDESK_TEST_DATA "/fixtures"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            if (!name.contains(QLatin1String("malformed")))
                QTest::newRow(qPrintable(name)) << dir.filePath(name);
        }
    }

    void fixturesAddUp()
    {
        QFETCH(QString, path);
        const LoadResult r = loadTraceFile(path);
        QVERIFY(r.trace);
        const TraceAnalysis a = analyseTrace(r.trace);
        for (const auto *rows : {&a.byService, &a.byComponent, &a.byOperation, &a.byServiceOperation}) {
            std::int64_t count = 0, total = 0;
            for (const AggregateRow &row : *rows) {
                count += row.count;
                total += row.totalUs;
                QVERIFY(row.minUs <= row.maxUs);
                QVERIFY(row.selfTotalUs <= row.totalUs);
            }
            QCOMPARE(count, static_cast<std::int64_t>(r.trace->realSpanCount()));
            std::int64_t expectedTotal = 0;
            for (const Span &s : r.trace->spans())
                expectedTotal += s.isPlaceholder() ? 0 : std::max<std::int64_t>(0, s.durationUs);
            QCOMPARE(total, expectedTotal);
        }
        std::int64_t inHistogram = 0;
        for (const auto &b : a.histogram.buckets)
            inHistogram += b.count;
        QCOMPARE(inHistogram, static_cast<std::int64_t>(r.trace->realSpanCount()));
        QCOMPARE(a.errors.size(), r.trace->errorCount());
    }

    void sampleFixtureByComponent()
    {
        const LoadResult r = loadTraceFile(fixture("iplatform-sample-trace.json"));
        QVERIFY(r.trace);
        const auto rows = aggregate(*r.trace, GroupBy::Component);
        QCOMPARE(rows.size(), std::size_t(3));
        // The root: 901 ms less the HTTP call (63 ms) and the insert (164 ms), which do not overlap.
        QCOMPARE(rows[0].name, QStringLiteral("httpservice"));
        QCOMPARE(rows[0].selfTotalUs, 901000 - 63000 - 164000);
        QCOMPARE(row(rows, QStringLiteral("jdbc"))->totalUs, 164000);
        QCOMPARE(row(rows, QStringLiteral("httpclient"))->totalUs, 63000);
    }

    // A cancelled analysis stops before its parts and says so; an uncancelled one is whole.
    void analysisCanBeCancelled()
    {
        const LoadResult r = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/realworld/openzipkin__zipkin/zipkin-lens_testdata_yelp.json"));
        QVERIFY(r.trace);
        std::atomic<bool> cancel{false};
        const TraceAnalysis whole = analyseTrace(r.trace, &cancel);
        QVERIFY(!whole.cancelled);
        QVERIFY(!whole.byService.empty());
        QVERIFY(!whole.byServiceOperation.empty());
        cancel = true;
        const TraceAnalysis stopped = analyseTrace(r.trace, &cancel);
        QVERIFY(stopped.cancelled);
        QVERIFY(stopped.byService.empty());
        QVERIFY(stopped.byServiceOperation.empty());
        QVERIFY(stopped.tagKeys.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
