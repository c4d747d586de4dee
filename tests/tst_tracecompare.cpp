#include "tracecompare.h"
#include "checkhelper.h"
#include "traceloader.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

using namespace td;

namespace {

QString realworld(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/realworld/") + QLatin1String(name);
}

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.trace)
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(r.error));
    return r.trace;
}

// One span of a Zipkin v2 test trace; times in µs from the test's epoch.
struct S
{
    const char *id;
    const char *parent; // "" for a root
    const char *service;
    const char *name;
    std::int64_t start;
    std::int64_t duration;
    bool error = false;
};

constexpr std::int64_t epochUs = 1'600'000'000'000'000;

// Zipkin JSON rather than the tracedsl: the DSL names a span after its id, and same-path siblings need
// one name on several ids.
TracePtr zipkin(const std::vector<S> &spans, const char *traceId = "c0ffee")
{
    nlohmann::json doc = nlohmann::json::array();
    for (const S &s : spans) {
        nlohmann::json j{{"traceId", traceId},
                         {"id", s.id},
                         {"name", s.name},
                         {"localEndpoint", {{"serviceName", s.service}}},
                         {"timestamp", epochUs + s.start},
                         {"duration", s.duration}};
        if (*s.parent)
            j["parentId"] = s.parent;
        if (s.error)
            j["tags"] = {{"error", "failed"}};
        doc.push_back(std::move(j));
    }
    const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(doc.dump()), QStringLiteral("test.json"));
    if (!r.trace)
        qFatal("cannot load the test trace: %s", qPrintable(r.error));
    return r.trace;
}

// The path of a span walked up its parents in the trace itself, in the format of TraceCompare::path():
// what the comparison should have found, without its index.
QStringList spanPath(const Trace &t, std::int32_t index)
{
    QStringList out;
    for (std::int32_t k = index; k != NoIndex; k = t.span(static_cast<std::size_t>(k)).parent) {
        const Span &s = t.span(static_cast<std::size_t>(k));
        if (s.isPlaceholder())
            break;
        out.prepend(t.qstr(s.service) + QStringLiteral(": ") + t.qstr(s.name));
    }
    return out;
}

std::map<QStringList, std::size_t> spansPerPath(const Trace &t)
{
    std::map<QStringList, std::size_t> out;
    for (std::size_t i = 0; i < t.spanCount(); ++i)
        if (!t.span(i).isPlaceholder())
            ++out[spanPath(t, static_cast<std::int32_t>(i))];
    return out;
}

std::int32_t findRow(const TraceCompare &c, const QStringList &path)
{
    for (std::size_t k = 0; k < c.rows().size(); ++k)
        if (c.path(static_cast<std::int32_t>(k)) == path)
            return static_cast<std::int32_t>(k);
    return -1;
}

std::int32_t spanIndex(const Trace &t, const char *id)
{
    const std::int32_t i = t.findSpan(id);
    if (i < 0)
        qFatal("no span %s", id);
    return i;
}

// What holds for every comparison: each real span in exactly one row, whose path is the span's own; rows in
// preorder with consistent parents, depths and children; sums and counts that add up.
void checkInvariants(const TraceCompare &c, const Trace &a, const Trace &b)
{
    const auto &rows = c.rows();
    std::size_t sumA = 0, sumB = 0, both = 0, onlyA = 0, onlyB = 0;
    std::vector<std::int32_t> expectedOrder;
    std::vector<std::int32_t> stack(c.roots().rbegin(), c.roots().rend());
    while (!stack.empty()) {
        const std::int32_t k = stack.back();
        stack.pop_back();
        expectedOrder.push_back(k);
        const auto &ch = rows[static_cast<std::size_t>(k)].children;
        stack.insert(stack.end(), ch.rbegin(), ch.rend());
    }
    std::vector<std::int32_t> all(rows.size());
    std::iota(all.begin(), all.end(), 0);
    QCOMPARE(expectedOrder, all);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const CompareRow &r = rows[k];
        sumA += r.spansA.size();
        sumB += r.spansB.size();
        QVERIFY(!r.spansA.empty() || !r.spansB.empty());
        switch (r.side()) {
        case CompareSide::Both: ++both; break;
        case CompareSide::OnlyA: ++onlyA; QVERIFY(r.spansB.empty()); break;
        case CompareSide::OnlyB: ++onlyB; QVERIFY(r.spansA.empty()); break;
        }
        if (r.parent < 0) {
            QCOMPARE(r.depth, 0u);
            QVERIFY(std::find(c.roots().begin(), c.roots().end(), static_cast<std::int32_t>(k)) != c.roots().end());
        } else {
            QVERIFY(static_cast<std::size_t>(r.parent) < k);
            QCOMPARE(r.depth, rows[static_cast<std::size_t>(r.parent)].depth + 1);
            const auto &siblings = rows[static_cast<std::size_t>(r.parent)].children;
            QVERIFY(std::find(siblings.begin(), siblings.end(), static_cast<std::int32_t>(k)) != siblings.end());
        }
        for (std::size_t m = 1; m < r.children.size(); ++m) {
            const auto first = [&](std::int32_t x) {
                const CompareRow &q = rows[static_cast<std::size_t>(x)];
                return q.spansA.empty() ? q.startBUs : q.spansB.empty() ? q.startAUs : std::min(q.startAUs, q.startBUs);
            };
            QVERIFY(first(r.children[m - 1]) <= first(r.children[m]));
        }
        const auto checkSide = [&](const Trace &t, const std::vector<std::int32_t> &members, std::int64_t duration,
                                   std::int64_t self, std::int32_t errors, std::int64_t start, std::int64_t end, bool sideA) {
            std::int64_t d = 0, sf = 0, lo = INT64_MAX, hi = INT64_MIN;
            std::int32_t e = 0;
            for (std::size_t m = 0; m < members.size(); ++m) {
                const Span &s = t.span(static_cast<std::size_t>(members[m]));
                QVERIFY(!s.isPlaceholder());
                QCOMPARE(spanPath(t, members[m]), c.path(static_cast<std::int32_t>(k)));
                QCOMPARE(sideA ? c.rowOfSpanA(members[m]) : c.rowOfSpanB(members[m]), static_cast<std::int32_t>(k));
                if (m > 0)
                    QVERIFY(t.span(static_cast<std::size_t>(members[m - 1])).startUs <= s.startUs);
                d += s.durationUs;
                sf += s.selfTimeUs;
                e += s.isError() ? 1 : 0;
                lo = std::min(lo, s.startUs - t.startUs());
                hi = std::max(hi, s.endUs() - t.startUs());
            }
            QCOMPARE(duration, d);
            QCOMPARE(self, sf);
            QCOMPARE(errors, e);
            if (!members.empty()) {
                QCOMPARE(start, lo);
                QCOMPARE(end, hi);
            }
        };
        checkSide(a, r.spansA, r.durationAUs, r.selfAUs, r.errorsA, r.startAUs, r.endAUs, true);
        checkSide(b, r.spansB, r.durationBUs, r.selfBUs, r.errorsB, r.startBUs, r.endBUs, false);
    }
    QCOMPARE(sumA, a.realSpanCount());
    QCOMPARE(sumB, b.realSpanCount());
    QCOMPARE(c.matchedCount(), both);
    QCOMPARE(c.onlyACount(), onlyA);
    QCOMPARE(c.onlyBCount(), onlyB);
    for (std::size_t i = 0; i < a.spanCount(); ++i)
        QCOMPARE(c.rowOfSpanA(static_cast<std::int32_t>(i)) < 0, a.span(i).isPlaceholder());
    for (std::size_t i = 0; i < b.spanCount(); ++i)
        QCOMPARE(c.rowOfSpanB(static_cast<std::int32_t>(i)) < 0, b.span(i).isPlaceholder());
}

// A: gateway calls db, cache and a legacy service; B: db is slower, legacy is gone, auth is new.
const std::vector<S> slowA{
    {"1", "", "gateway", "GET /order", 0, 100},
    {"2", "1", "db", "select", 10, 30},
    {"3", "1", "cache", "get", 50, 10},
    {"4", "1", "legacy", "lookup", 70, 5},
};
const std::vector<S> slowB{
    {"1", "", "gateway", "GET /order", 0, 100},
    {"5", "1", "auth", "check", 2, 3},
    {"2", "1", "db", "select", 10, 70},
    {"3", "1", "cache", "get", 85, 10, true},
};

// Markdown table rows (not the header or the separator), split into cells at unescaped pipes.
std::vector<QStringList> tableRows(const QString &markdown)
{
    std::vector<QStringList> out;
    bool header = true;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char('|')))
            continue;
        if (header) { // the first table line; the separator follows
            header = false;
            continue;
        }
        if (line.startsWith(QLatin1String("|---")))
            continue;
        QStringList cells;
        QString cell;
        for (qsizetype i = 1; i < line.size(); ++i) {
            if (line[i] == QLatin1Char('\\') && i + 1 < line.size()) {
                cell += line[i + 1];
                ++i;
            } else if (line[i] == QLatin1Char('|')) {
                cells.append(cell.trimmed());
                cell.clear();
            } else {
                cell += line[i];
            }
        }
        out.push_back(cells);
    }
    return out;
}

} // namespace

class TestTraceCompare : public QObject
{
    Q_OBJECT
private slots:
    void identicalTraces_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("yelp") << realworld("openzipkin__zipkin/zipkin-lens_testdata_yelp.json");
        QTest::newRow("netflix") << realworld("openzipkin__zipkin/zipkin-ui_testdata_netflix.json");
        QTest::newRow("smartthings") << realworld("openzipkin__zipkin/zipkin-lens_testdata_smartthings-mobile-web-install.json");
    }

    // A trace against itself: every row in both, no delta, counts as many as the spans with that path.
    void identicalTraces()
    {
        QFETCH(QString, file);
        const TracePtr t = load(file);
        const TraceCompare c = TraceCompare::build(*t, *t);
        TD_CHECKED(checkInvariants(c, *t, *t));
        const auto expected = spansPerPath(*t);
        QCOMPARE(c.rows().size(), expected.size());
        QCOMPARE(c.matchedCount(), expected.size());
        QCOMPARE(c.onlyACount(), 0u);
        QCOMPARE(c.onlyBCount(), 0u);
        for (std::size_t k = 0; k < c.rows().size(); ++k) {
            const CompareRow &r = c.rows()[k];
            QCOMPARE(r.side(), CompareSide::Both);
            QCOMPARE(r.deltaUs(), 0);
            QCOMPARE(r.spansA, r.spansB);
            const auto it = expected.find(c.path(static_cast<std::int32_t>(k)));
            QVERIFY(it != expected.end());
            QCOMPARE(r.spansA.size(), it->second);
            QCOMPARE(r.startAUs, r.startBUs);
            QCOMPARE(r.endAUs, r.endBUs);
            if (r.durationAUs > 0)
                QCOMPARE(r.ratio(), 1.0);
            else
                QVERIFY(std::isnan(r.ratio()));
        }
    }

    void extraChildAndSlowerCall()
    {
        const TracePtr a = zipkin(slowA), b = zipkin(slowB);
        const TraceCompare c = TraceCompare::build(*a, *b);
        TD_CHECKED(checkInvariants(c, *a, *b));
        QCOMPARE(c.rows().size(), 5u);
        QCOMPARE(c.matchedCount(), 3u);
        QCOMPARE(c.onlyACount(), 1u);
        QCOMPARE(c.onlyBCount(), 1u);
        QCOMPARE(c.roots().size(), 1u);

        const QString root = QStringLiteral("gateway: GET /order");
        const std::int32_t auth = findRow(c, {root, QStringLiteral("auth: check")});
        const std::int32_t db = findRow(c, {root, QStringLiteral("db: select")});
        const std::int32_t cache = findRow(c, {root, QStringLiteral("cache: get")});
        const std::int32_t legacy = findRow(c, {root, QStringLiteral("legacy: lookup")});
        QVERIFY(auth >= 0 && db >= 0 && cache >= 0 && legacy >= 0);
        QCOMPARE(c.rows()[static_cast<std::size_t>(auth)].side(), CompareSide::OnlyB);
        QCOMPARE(c.rows()[static_cast<std::size_t>(legacy)].side(), CompareSide::OnlyA);
        QCOMPARE(c.rows()[static_cast<std::size_t>(db)].side(), CompareSide::Both);
        QCOMPARE(c.rowOfSpanB(spanIndex(*b, "5")), auth);
        QCOMPARE(c.rowOfSpanA(spanIndex(*a, "2")), db);
        QCOMPARE(c.rowOfSpanB(spanIndex(*b, "2")), db);

        const std::vector<std::int32_t> order = c.bySlowdown();
        QCOMPARE(order.size(), c.rows().size());
        QCOMPARE(order.front(), db);
        QCOMPARE(c.rows()[static_cast<std::size_t>(db)].deltaUs(), slowB[2].duration - slowA[1].duration);
        QCOMPARE(c.rows()[static_cast<std::size_t>(db)].ratio(),
                 static_cast<double>(slowB[2].duration) / static_cast<double>(slowA[1].duration));
        for (std::size_t k = 1; k < order.size(); ++k)
            QVERIFY(c.rows()[static_cast<std::size_t>(order[k - 1])].deltaUs() >= c.rows()[static_cast<std::size_t>(order[k])].deltaUs());
        QCOMPARE(order.back(), legacy); // the biggest speed-up: gone

        QCOMPARE(c.rows()[static_cast<std::size_t>(cache)].errorsA, 0);
        QCOMPARE(c.rows()[static_cast<std::size_t>(cache)].errorsB, 1);
        QVERIFY(std::isinf(c.rows()[static_cast<std::size_t>(auth)].ratio()));
        QCOMPARE(c.rows()[static_cast<std::size_t>(legacy)].ratio(), 0.0);

        // Children by their earliest start on the shared relative axis: auth (B at 2), db, cache (A at 50), legacy.
        const std::vector<std::int32_t> expectedChildren{auth, db, cache, legacy};
        QCOMPARE(c.rows()[static_cast<std::size_t>(c.roots().front())].children, expectedChildren);
    }

    // Three calls of one operation under one parent are one row, and so are their children.
    void sameOperationSiblingsAggregate()
    {
        const TracePtr a = zipkin({
            {"1", "", "api", "handle", 0, 200},
            {"2", "1", "api", "call", 100, 30},
            {"3", "1", "api", "call", 10, 20},
            {"4", "1", "api", "call", 50, 40, true},
            {"5", "3", "db", "sql", 12, 5},
            {"6", "2", "db", "sql", 105, 7},
            {"7", "1", "api", "other", 150, 10},
        });
        const TracePtr b = zipkin({
            {"1", "", "api", "handle", 0, 200},
            {"2", "1", "api", "call", 20, 60},
        });
        const TraceCompare c = TraceCompare::build(*a, *b);
        TD_CHECKED(checkInvariants(c, *a, *b));
        const QString root = QStringLiteral("api: handle"), call = QStringLiteral("api: call");
        const std::int32_t callRow = findRow(c, {root, call});
        QVERIFY(callRow >= 0);
        const CompareRow &r = c.rows()[static_cast<std::size_t>(callRow)];
        QCOMPARE(r.countA(), 3u);
        QCOMPARE(r.countB(), 1u);
        const std::vector<std::int32_t> byStart{spanIndex(*a, "3"), spanIndex(*a, "4"), spanIndex(*a, "2")};
        QCOMPARE(r.spansA, byStart);
        QCOMPARE(r.durationAUs, 30 + 20 + 40);
        QCOMPARE(r.durationBUs, 60);
        QCOMPARE(r.errorsA, 1);
        QCOMPARE(r.startAUs, 10);
        QCOMPARE(r.endAUs, 130);
        QCOMPARE(r.startBUs, 20);
        QCOMPARE(r.endBUs, 80);
        for (const char *id : {"2", "3", "4"})
            QCOMPARE(c.rowOfSpanA(spanIndex(*a, id)), callRow);

        const std::int32_t sqlRow = findRow(c, {root, call, QStringLiteral("db: sql")});
        QVERIFY(sqlRow >= 0);
        QCOMPARE(c.rows()[static_cast<std::size_t>(sqlRow)].parent, callRow);
        QCOMPARE(c.rows()[static_cast<std::size_t>(sqlRow)].countA(), 2u);
        QCOMPARE(c.rows()[static_cast<std::size_t>(sqlRow)].side(), CompareSide::OnlyA);
        QCOMPARE(c.rows().size(), 4u);
    }

    // A span whose parent is missing hangs under a placeholder in the trace; in the comparison it is a root,
    // and the placeholder is in no row.
    void orphansAreRoots()
    {
        const TracePtr a = zipkin({
            {"1", "", "web", "page", 0, 100},
            {"2", "1", "web", "render", 10, 20},
            {"7", "99", "worker", "job", 200, 50},
            {"8", "7", "db", "write", 210, 10},
        });
        // In B the parent of the job is there: the job's path has one level more.
        const TracePtr b = zipkin({
            {"1", "", "web", "page", 0, 100},
            {"2", "1", "web", "render", 10, 20},
            {"99", "", "queue", "dispatch", 190, 80},
            {"7", "99", "worker", "job", 200, 50},
            {"8", "7", "db", "write", 210, 10},
        });
        std::int32_t placeholder = -1;
        for (std::size_t i = 0; i < a->spanCount(); ++i)
            if (a->span(i).isPlaceholder())
                placeholder = static_cast<std::int32_t>(i);
        QVERIFY(placeholder >= 0); // else the test tests nothing
        QCOMPARE(a->span(static_cast<std::size_t>(spanIndex(*a, "7"))).parent, placeholder);

        const TraceCompare c = TraceCompare::build(*a, *b);
        TD_CHECKED(checkInvariants(c, *a, *b));
        QCOMPARE(c.rowOfSpanA(placeholder), -1);
        const QString job = QStringLiteral("worker: job"), write = QStringLiteral("db: write");
        const std::int32_t orphanRow = c.rowOfSpanA(spanIndex(*a, "7"));
        QVERIFY(orphanRow >= 0);
        QCOMPARE(c.path(orphanRow), QStringList{job});
        QCOMPARE(c.rows()[static_cast<std::size_t>(orphanRow)].parent, -1);
        QCOMPARE(c.rows()[static_cast<std::size_t>(orphanRow)].side(), CompareSide::OnlyA);
        QVERIFY(std::find(c.roots().begin(), c.roots().end(), orphanRow) != c.roots().end());
        const std::int32_t childRow = c.rowOfSpanA(spanIndex(*a, "8"));
        QCOMPARE(c.path(childRow), (QStringList{job, write}));
        QCOMPARE(c.rows()[static_cast<std::size_t>(childRow)].depth, 1u);

        const std::int32_t jobInB = c.rowOfSpanB(spanIndex(*b, "7"));
        QCOMPARE(c.path(jobInB), (QStringList{QStringLiteral("queue: dispatch"), job}));
        QCOMPARE(c.rows()[static_cast<std::size_t>(jobInB)].side(), CompareSide::OnlyB);
        QCOMPARE(c.roots().size(), 3u); // web: page, worker: job (A), queue: dispatch (B)
        QCOMPARE(c.matchedCount(), 2u);

        // A trace of orphans only against itself: every row matched, no placeholder anywhere.
        const TracePtr orphans = zipkin({{"7", "99", "worker", "job", 0, 50}, {"9", "98", "worker", "job", 60, 50}});
        const TraceCompare self = TraceCompare::build(*orphans, *orphans);
        TD_CHECKED(checkInvariants(self, *orphans, *orphans));
        QCOMPARE(self.rows().size(), 1u);
        QCOMPARE(self.rows().front().countA(), 2u);
        QCOMPARE(self.rows().front().side(), CompareSide::Both);
    }

    void summaryDocument()
    {
        const TracePtr a = zipkin(slowA, "aaaa"), b = zipkin(slowB, "bbbb");
        const TraceCompare c = TraceCompare::build(*a, *b);
        const nlohmann::json doc = nlohmann::json::parse(compareSummary(c, *a, *b).dump());
        const std::set<std::string> keys{"a", "b", "matched", "onlyA", "onlyB", "rows"};
        std::set<std::string> got;
        for (const auto &[key, value] : doc.items())
            got.insert(key);
        QCOMPARE(got, keys);
        QCOMPARE(doc["a"]["traceId"].get<std::string>(), std::string("aaaa"));
        QCOMPARE(doc["b"]["traceId"].get<std::string>(), std::string("bbbb"));
        QCOMPARE(doc["a"]["spanCount"].get<std::size_t>(), slowA.size());
        QCOMPARE(doc["b"]["spanCount"].get<std::size_t>(), slowB.size());
        QCOMPARE(doc["a"]["durationUs"].get<std::int64_t>(), a->durationUs());
        QCOMPARE(doc["matched"].get<std::size_t>(), 3u);
        QCOMPARE(doc["onlyA"].get<std::size_t>(), 1u);
        QCOMPARE(doc["onlyB"].get<std::size_t>(), 1u);
        const nlohmann::json &rows = doc["rows"];
        QCOMPARE(rows.size(), c.rows().size());
        bool sawDb = false, sawOnlyA = false, sawOnlyB = false;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const nlohmann::json &j = rows[k];
            const CompareRow &r = c.rows()[k];
            QStringList path;
            for (const auto &level : j["path"])
                path.append(QString::fromStdString(level.get<std::string>()));
            QCOMPARE(path, c.path(static_cast<std::int32_t>(k))); // in preorder
            QCOMPARE(j["countA"].get<std::size_t>(), r.spansA.size());
            QCOMPARE(j["countB"].get<std::size_t>(), r.spansB.size());
            QCOMPARE(j["durationAUs"].get<std::int64_t>(), r.durationAUs);
            QCOMPARE(j["durationBUs"].get<std::int64_t>(), r.durationBUs);
            QCOMPARE(j["deltaUs"].get<std::int64_t>(), r.durationBUs - r.durationAUs);
            const std::string side = j["side"].get<std::string>();
            if (side == "onlyA") {
                sawOnlyA = true;
                QCOMPARE(path.last(), QStringLiteral("legacy: lookup"));
                QVERIFY(j["ratio"].is_null());
                QCOMPARE(j["countB"].get<int>(), 0);
            } else if (side == "onlyB") {
                sawOnlyB = true;
                QCOMPARE(path.last(), QStringLiteral("auth: check"));
                QVERIFY(j["ratio"].is_null());
            } else {
                QCOMPARE(side, std::string("both"));
                QVERIFY(j["ratio"].is_number());
            }
            if (path.last() == QLatin1String("db: select")) {
                sawDb = true;
                QCOMPARE(j["durationAUs"].get<std::int64_t>(), slowA[1].duration);
                QCOMPARE(j["durationBUs"].get<std::int64_t>(), slowB[2].duration);
                QCOMPARE(j["ratio"].get<double>(), static_cast<double>(slowB[2].duration) / static_cast<double>(slowA[1].duration));
            }
        }
        QVERIFY(sawDb && sawOnlyA && sawOnlyB);
    }

    void markdownTopSlowdowns()
    {
        // Twelve calls, each slower in B by a different amount, one faster, one unchanged; a pipe in a name.
        std::vector<S> sa{{"1", "", "front|end", "GET /a|b", 0, 10'000}};
        std::vector<S> sb = sa;
        std::vector<std::string> ids, names;
        std::vector<std::int64_t> slower;
        for (int k = 0; k < 14; ++k) {
            ids.push_back(std::to_string(k + 2));
            names.push_back("op" + std::to_string(k));
        }
        for (int k = 0; k < 14; ++k) {
            // 7 * k mod 12 spreads the slowdowns over the calls out of start order.
            const std::int64_t extra = k < 12 ? 10 + 10 * ((7 * k) % 12) : (k == 12 ? -5 : 0);
            slower.push_back(extra);
            sa.push_back({ids[static_cast<std::size_t>(k)].c_str(), "1", "svc", names[static_cast<std::size_t>(k)].c_str(), 100 * k, 50});
            sb.push_back({ids[static_cast<std::size_t>(k)].c_str(), "1", "svc", names[static_cast<std::size_t>(k)].c_str(), 100 * k, 50 + extra});
        }
        const TracePtr a = zipkin(sa), b = zipkin(sb);
        const TraceCompare c = TraceCompare::build(*a, *b);

        std::vector<int> expected; // the calls by slowdown, biggest first, only those that are slower
        for (int k = 0; k < 14; ++k)
            if (slower[static_cast<std::size_t>(k)] > 0)
                expected.push_back(k);
        std::sort(expected.begin(), expected.end(),
                  [&](int x, int y) { return slower[static_cast<std::size_t>(x)] > slower[static_cast<std::size_t>(y)]; });

        const QString md = compareMarkdown(c, *a, *b);
        const std::vector<QStringList> rows = tableRows(md);
        QCOMPARE(rows.size(), 10u);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].size(), 7); // path, count A, count B, duration A, duration B, delta, ratio
            const QString op = QString::fromStdString(names[static_cast<std::size_t>(expected[i])]);
            QCOMPARE(rows[i][0], QStringLiteral("front|end: GET /a|b › svc: ") + op);
            QCOMPARE(rows[i][1], QStringLiteral("1"));
            QCOMPARE(rows[i][2], QStringLiteral("1"));
            QVERIFY(rows[i][5].startsWith(QLatin1Char('+')));
        }
        QVERIFY(md.contains(QStringLiteral("front\\|end: GET /a\\|b")));
        QVERIFY(!md.contains(QStringLiteral("front|end")));

        // A smaller limit cuts the same list; rows that are not slower never appear.
        const std::vector<QStringList> three = tableRows(compareMarkdown(c, *a, *b, 3));
        QCOMPARE(three.size(), 3u);
        for (std::size_t i = 0; i < three.size(); ++i)
            QCOMPARE(three[i], rows[i]);
        const std::vector<QStringList> all = tableRows(compareMarkdown(c, *a, *b, 100));
        QCOMPARE(all.size(), expected.size());
        for (const QStringList &row : all)
            QVERIFY(!row[0].endsWith(QStringLiteral("op12")) && !row[0].endsWith(QStringLiteral("op13")));

        // Nothing slower: no table.
        const TraceCompare same = TraceCompare::build(*a, *a);
        QVERIFY(tableRows(compareMarkdown(same, *a, *a)).empty());
    }

    void realPairs_data()
    {
        QTest::addColumn<QString>("fileA");
        QTest::addColumn<QString>("fileB");
        QTest::addColumn<bool>("rawTimes");
        const QString yelp = realworld("openzipkin__zipkin/zipkin-lens_testdata_yelp.json");
        const QString netflix = realworld("openzipkin__zipkin/zipkin-ui_testdata_netflix.json");
        const QString lensNetflix = realworld("openzipkin__zipkin/zipkin-lens_src_test_data_netflix.json");
        const QString skew = realworld("openzipkin__zipkin/zipkin-lens_testdata_skew.json");
        const QString oauth = realworld("openzipkin__zipkin/zipkin-lens_testdata_smartthings-oauth-authorization.json");
        const QString install = realworld("openzipkin__zipkin/zipkin-lens_testdata_smartthings-mobile-web-install.json");
        QTest::newRow("yelp vs netflix") << yelp << netflix << false;
        QTest::newRow("two netflix copies") << netflix << lensNetflix << false;
        QTest::newRow("smartthings oauth vs install") << oauth << install << false;
        QTest::newRow("skew, raw times") << skew << skew << true;
        QTest::newRow("skew vs yelp, raw times") << skew << yelp << true;
    }

    // Real traces load and compare: every real span of each side in one row, sums that add up, a summary
    // and a table that can be written.
    void realPairs()
    {
        QFETCH(QString, fileA);
        QFETCH(QString, fileB);
        QFETCH(bool, rawTimes);
        const TracePtr a = load(fileA), b = load(fileB);
        const TraceCompare c = TraceCompare::build(*a, *b, rawTimes);
        QCOMPARE(c.rawTimes(), rawTimes);
        if (!rawTimes)
            TD_CHECKED(checkInvariants(c, *a, *b));
        std::size_t countA = 0, countB = 0;
        for (const CompareRow &r : c.rows()) {
            countA += r.countA();
            countB += r.countB();
            QVERIFY(r.startAUs >= 0 && r.startBUs >= 0);
            QVERIFY(r.endAUs >= r.startAUs && r.endBUs >= r.startBUs);
        }
        QCOMPARE(countA, a->realSpanCount());
        QCOMPARE(countB, b->realSpanCount());
        QCOMPARE(c.matchedCount() + c.onlyACount() + c.onlyBCount(), c.rows().size());
        const nlohmann::json doc = compareSummary(c, *a, *b);
        QCOMPARE(doc["rows"].size(), c.rows().size());
        QVERIFY(!doc.dump().empty());
        QVERIFY(tableRows(compareMarkdown(c, *a, *b)).size() <= 10u);
    }
};

QTEST_GUILESS_MAIN(TestTraceCompare)
#include "tst_tracecompare.moc"
