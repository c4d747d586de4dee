#include "exportbody.h"
#include "redaction.h"
#include "spanview.h"
#include "timecontrol.h"
#include "tracegraph.h"
#include "tracegraphview.h"
#include "traceloader.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QMutex>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace td;

namespace {

QString realworld(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/realworld/") + QLatin1String(name);
}

const char *yelpFile = "openzipkin__zipkin/zipkin-lens_testdata_yelp.json";
const char *smartthingsFile = "openzipkin__zipkin/zipkin-lens_testdata_smartthings-mobile-web-install.json";

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.trace)
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(r.error));
    return r.trace;
}

TracePtr loadText(const char *json)
{
    const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(json), QStringLiteral("test.json"));
    if (!r.trace)
        qFatal("cannot load the test trace: %s", qPrintable(r.error));
    return r.trace;
}

QString nodeName(const Trace &t, const TraceGraph &g, std::int32_t k)
{
    const TraceGraphNode &n = g.nodes().at(static_cast<std::size_t>(k));
    QString s = t.qstr(n.service);
    if (g.byOperation())
        s += QLatin1Char('|') + t.qstr(n.operation);
    if (n.remote)
        s += QStringLiteral(" (remote)");
    return s;
}

// "from -> to" : calls, for comparing whole graphs at once.
std::map<QString, std::int64_t> edgeCalls(const Trace &t, const TraceGraph &g)
{
    std::map<QString, std::int64_t> out;
    for (const TraceGraphEdge &e : g.edges())
        out[nodeName(t, g, e.from) + QStringLiteral(" -> ") + nodeName(t, g, e.to)] = e.callCount;
    return out;
}

std::map<QString, std::int64_t> nodeSpans(const Trace &t, const TraceGraph &g)
{
    std::map<QString, std::int64_t> out;
    for (std::size_t k = 0; k < g.nodes().size(); ++k)
        out[nodeName(t, g, static_cast<std::int32_t>(k))] = g.nodes()[k].spanCount;
    return out;
}

// The service graph of a Zipkin v2 JSON file counted straight from its spans, without TraceDesk's model:
// spans grouped by id (a client and a server half share one), the server half naming the service, one row
// and one call per server host; a call
// for every id whose parent id has another service or that has a server half; a call to the remote
// service for every client-only id that no span names as parent. The rules of models/tracegraph.h, done
// over the raw JSON objects instead of the span tree.
struct RawCounts
{
    std::map<QString, std::int64_t> edges, nodes;
};

RawCounts countRawZipkin(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    const QJsonArray spans = QJsonDocument::fromJson(f.readAll()).array();
    struct Id
    {
        QString service, parent, clientService, remote;
        bool server = false, client = false;
        std::set<QString> serverHosts; // Zipkin keeps one node per server host under a client
    };
    std::map<QString, Id> ids;
    std::set<QString> parents;
    for (const QJsonValue &v : spans) {
        const QJsonObject s = v.toObject();
        Id &id = ids[s.value(QStringLiteral("id")).toString()];
        const QString kind = s.value(QStringLiteral("kind")).toString();
        const QString service = s.value(QStringLiteral("localEndpoint")).toObject().value(QStringLiteral("serviceName")).toString();
        if (s.contains(QStringLiteral("parentId")))
            id.parent = s.value(QStringLiteral("parentId")).toString();
        if (kind == QLatin1String("SERVER") || s.value(QStringLiteral("shared")).toBool()) {
            id.server = true;
            id.service = service;
            const QJsonObject local = s.value(QStringLiteral("localEndpoint")).toObject();
            id.serverHosts.insert(local.value(QStringLiteral("ipv4")).toString() + QLatin1Char(':')
                                  + QString::number(local.value(QStringLiteral("port")).toInt()));
        } else {
            if (kind == QLatin1String("CLIENT")) {
                id.client = true;
                id.clientService = service;
                id.remote = s.value(QStringLiteral("remoteEndpoint")).toObject().value(QStringLiteral("serviceName")).toString();
            }
            if (id.service.isEmpty())
                id.service = service;
        }
        if (!id.parent.isEmpty())
            parents.insert(id.parent);
    }
    RawCounts out;
    std::set<QString> traced;
    for (const auto &[key, id] : ids) {
        out.nodes[id.service] += std::max<std::int64_t>(1, static_cast<std::int64_t>(id.serverHosts.size()));
        traced.insert(id.service);
    }
    for (const auto &[key, id] : ids) {
        if (!id.parent.isEmpty() && ids.count(id.parent)) {
            const QString &from = ids.at(id.parent).service;
            if (from != id.service || id.server)
                out.edges[from + QStringLiteral(" -> ") + id.service] += std::max<std::int64_t>(1, static_cast<std::int64_t>(id.serverHosts.size()));
        }
        if (id.client && !id.server && !parents.count(key) && !id.remote.isEmpty() && id.remote != id.clientService) {
            const QString callee = traced.count(id.remote) ? id.remote : id.remote + QStringLiteral(" (remote)");
            ++out.edges[id.service + QStringLiteral(" -> ") + callee];
            if (!traced.count(id.remote))
                ++out.nodes[callee];
        }
    }
    return out;
}

// A service calling itself: a local child, a client span with its own server span below it, and a client
// and server half sharing one id (the server half in error).
const char *selfCallTrace = "[\n"
    " {\"traceId\":\"a1\",\"id\":\"1\",\"kind\":\"SERVER\",\"name\":\"get\",\"localEndpoint\":{\"serviceName\":\"a\"},\"timestamp\":1000,\"duration\":100},\n"
    " {\"traceId\":\"a1\",\"id\":\"2\",\"parentId\":\"1\",\"name\":\"local\",\"localEndpoint\":{\"serviceName\":\"a\"},\"timestamp\":1010,\"duration\":50},\n"
    " {\"traceId\":\"a1\",\"id\":\"3\",\"parentId\":\"2\",\"kind\":\"CLIENT\",\"name\":\"call\",\"localEndpoint\":{\"serviceName\":\"a\"},\"remoteEndpoint\":{\"serviceName\":\"a\"},\"timestamp\":1020,\"duration\":30},\n"
    " {\"traceId\":\"a1\",\"id\":\"4\",\"parentId\":\"3\",\"kind\":\"SERVER\",\"name\":\"call\",\"localEndpoint\":{\"serviceName\":\"a\"},\"timestamp\":1022,\"duration\":20},\n"
    " {\"traceId\":\"a1\",\"id\":\"5\",\"parentId\":\"1\",\"kind\":\"CLIENT\",\"name\":\"again\",\"localEndpoint\":{\"serviceName\":\"a\"},\"timestamp\":1070,\"duration\":20},\n"
    " {\"traceId\":\"a1\",\"id\":\"5\",\"parentId\":\"1\",\"kind\":\"SERVER\",\"shared\":true,\"name\":\"again\",\"localEndpoint\":{\"serviceName\":\"a\"},\"timestamp\":1072,\"duration\":10,\"tags\":{\"error\":\"boom\"}}\n"
    "]";

const char *secretTrace = "[\n"
    " {\"traceId\":\"b1\",\"id\":\"1\",\"kind\":\"SERVER\",\"name\":\"GET /login?token=s3cr3tvalue42\",\"localEndpoint\":{\"serviceName\":\"gateway\"},\"timestamp\":1000,\"duration\":100},\n"
    " {\"traceId\":\"b1\",\"id\":\"2\",\"parentId\":\"1\",\"kind\":\"CLIENT\",\"name\":\"jdbc:mysql://db/app?password=hunter2xyz\",\"localEndpoint\":{\"serviceName\":\"gateway\"},\"remoteEndpoint\":{\"serviceName\":\"mysql\"},\"timestamp\":1010,\"duration\":50}\n"
    "]";

} // namespace

class TestTraceGraph : public QObject
{
    Q_OBJECT
private slots:
    // Yelp's trace from Zipkin Lens: 16 JSON spans, 13 ids (three client/server pairs share ids). By hand
    // (id: service, parent):
    //   2e8c routing (root); 668e yelp_main/api_proxy (server half; its client half says "unknown") < 2e8c;
    //   241c yelp-main (local) < 668e; e7d1 yelp-main client to memcache < 668e; 0fac, 2b68 memcache and
    //   50b5, b593 mysql clients of yelp-main < 241c; f5f2 mobile_api (server half; client yelp-main) < 2e8c;
    //   15fc mobile_api client to blt, 6a65 and cb4d mobile_api clients to memcache < f5f2; 7a77 spectre
    //   (shared server half of a mobile_api client) < f5f2.
    // Calls: routing->api_proxy 1, routing->mobile_api 1, api_proxy->yelp-main 2 (241c, e7d1),
    //   yelp-main->memcache 3, yelp-main->mysql 2, mobile_api->blt 1, mobile_api->memcache 2,
    //   mobile_api->spectre 1: 13 calls on 8 edges. memcache, mysql and blt are no span's service.
    void yelpCallsCountedByHand()
    {
        const TracePtr trace = load(realworld(yelpFile));
        const TraceGraph g = TraceGraph::build(*trace, false);
        const std::map<QString, std::int64_t> expectedEdges{
            {QStringLiteral("routing -> yelp_main/api_proxy"), 1},
            {QStringLiteral("routing -> mobile_api"), 1},
            {QStringLiteral("yelp_main/api_proxy -> yelp-main"), 2},
            {QStringLiteral("yelp-main -> memcache (remote)"), 3},
            {QStringLiteral("yelp-main -> mysql (remote)"), 2},
            {QStringLiteral("mobile_api -> blt (remote)"), 1},
            {QStringLiteral("mobile_api -> memcache (remote)"), 2},
            {QStringLiteral("mobile_api -> spectre"), 1},
        };
        QCOMPARE(edgeCalls(*trace, g), expectedEdges);
        const std::map<QString, std::int64_t> expectedNodes{
            {QStringLiteral("routing"), 1},
            {QStringLiteral("yelp_main/api_proxy"), 1},
            {QStringLiteral("yelp-main"), 6},
            {QStringLiteral("mobile_api"), 4},
            {QStringLiteral("spectre"), 1},
            {QStringLiteral("memcache (remote)"), 5},
            {QStringLiteral("mysql (remote)"), 2},
            {QStringLiteral("blt (remote)"), 1},
        };
        QCOMPARE(nodeSpans(*trace, g), expectedNodes);

        // Totals: the callees' durations as the JSON gives them (a shared pair keeps the client's timing).
        const std::int32_t routing = g.findNode("routing", {}, *trace);
        const std::int32_t mobile = g.findNode("mobile_api", {}, *trace);
        QVERIFY(routing >= 0 && mobile >= 0);
        const std::int32_t e = g.findEdge(routing, mobile);
        QVERIFY(e >= 0);
        QCOMPARE(g.edges()[static_cast<std::size_t>(e)].totalUs, 56000);
        QCOMPARE(g.edges()[static_cast<std::size_t>(e)].spans.size(), 1u);
        QCOMPARE(trace->str(trace->span(static_cast<std::size_t>(g.edges()[static_cast<std::size_t>(e)].spans[0])).spanId),
                 "f5f268651b2a2b34");
        const TraceGraphNode &mobileNode = g.nodes()[static_cast<std::size_t>(mobile)];
        QCOMPARE(mobileNode.totalUs, 56000 + 14000 + 1026 + 1066);
        // Every span of the model is in exactly one traced node.
        std::size_t inTraced = 0;
        for (const TraceGraphNode &n : g.nodes())
            if (!n.remote)
                inTraced += n.spans.size();
        QCOMPARE(inTraced, trace->realSpanCount());
    }

    // The same counts from an independent pass over the raw JSON, on every Zipkin v2 file of Zipkin's own
    // test data that has calls between services.
    void callsMatchRawJson_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("yelp") << realworld(yelpFile);
        QTest::newRow("netflix") << realworld("openzipkin__zipkin/zipkin-lens_src_test_data_netflix.json");
        QTest::newRow("smartthings") << realworld(smartthingsFile);
        QTest::newRow("oauth") << realworld("openzipkin__zipkin/zipkin-lens_testdata_smartthings-oauth-authorization.json");
        QTest::newRow("ascend") << realworld("openzipkin__zipkin/zipkin-lens_testdata_ascend.json");
    }
    void callsMatchRawJson()
    {
        QFETCH(QString, file);
        const TracePtr trace = load(file);
        const TraceGraph g = TraceGraph::build(*trace, false);
        const RawCounts raw = countRawZipkin(file);
        QVERIFY(!raw.edges.empty());
        QCOMPARE(edgeCalls(*trace, g), raw.edges);
        QCOMPARE(nodeSpans(*trace, g), raw.nodes);
    }

    void byOperationNodes()
    {
        const TracePtr trace = load(realworld(yelpFile));
        const TraceGraph g = TraceGraph::build(*trace, true);
        QVERIFY(g.byOperation());
        // 13 ids with 12 distinct service+operation pairs... counted by hand: routing|post /location/update/v4,
        // yelp_main/api_proxy|post api proxy proxy, yelp-main| txn, get my_cache_name_v2, get_multi
        // my_cache_name_v1, commit, get user_details_cache-20150901, begin; mobile_api|post
        // /location/update/v4, post, set mobile_api_nonce, get_multi mobile_api_nonce; spectre|get: 13.
        std::int64_t traced = 0, remote = 0;
        for (const TraceGraphNode &n : g.nodes())
            (n.remote ? remote : traced) += 1;
        QCOMPARE(traced, 13);
        // Each of the 8 client leaves calls its peer under its own operation, as Jaeger UI's trace graph
        // renames a leaf client to its peer.service.
        QCOMPARE(remote, 8);
        const std::int32_t proxy = g.findNode("yelp_main/api_proxy", "post api proxy proxy", *trace);
        const std::int32_t txn = g.findNode("yelp-main", "txn: user_get_basic_and_scout_info", *trace);
        const std::int32_t cache2 = g.findNode("yelp-main", "get my_cache_name_v2", *trace);
        QVERIFY(proxy >= 0 && txn >= 0 && cache2 >= 0);
        QCOMPARE(g.edges()[static_cast<std::size_t>(g.findEdge(proxy, txn))].callCount, 1);
        QCOMPARE(g.edges()[static_cast<std::size_t>(g.findEdge(proxy, cache2))].callCount, 1);
        QCOMPARE(g.findEdge(txn, proxy), -1);
        std::int64_t calls = 0;
        for (const TraceGraphEdge &e : g.edges())
            calls += e.callCount;
        // 12 parent links between different operations (every id but the root) + 8 calls to peers.
        QCOMPARE(calls, 12 + 8);
    }

    // Zipkin's DependencyLinker links an RPC from a service into itself (parent == child); in-process
    // children of the same service are no call.
    void selfCallsAreRemoteCallsOnly()
    {
        const TracePtr trace = loadText(selfCallTrace);
        QCOMPARE(trace->realSpanCount(), 5u); // the halves of id 5 are one span
        const TraceGraph g = TraceGraph::build(*trace, false);
        QCOMPARE(g.nodes().size(), 1u);
        QCOMPARE(g.nodes()[0].spanCount, 5);
        QCOMPARE(g.edges().size(), 1u);
        const TraceGraphEdge &self = g.edges()[0];
        QCOMPARE(self.from, 0);
        QCOMPARE(self.to, 0);
        QCOMPARE(self.callCount, 2); // span 4 (server below its client 3) and the shared span 5; not 2 or 3
        QCOMPARE(self.errorCount, 1);
        QCOMPARE(self.totalUs, 20 + 20);
        std::set<std::string_view> ids;
        for (const std::int32_t i : self.spans)
            ids.insert(trace->str(trace->span(static_cast<std::size_t>(i)).spanId));
        QCOMPARE(ids, (std::set<std::string_view>{"4", "5"}));

        const TraceGraph ops = TraceGraph::build(*trace, true);
        const std::map<QString, std::int64_t> expected{
            {QStringLiteral("a|get -> a|local"), 1},
            {QStringLiteral("a|local -> a|call"), 1},
            {QStringLiteral("a|call -> a|call"), 1},
            {QStringLiteral("a|get -> a|again"), 1},
        };
        QCOMPARE(edgeCalls(*trace, ops), expected);
    }

    void layoutGivesFinitePositions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("byOperation");
        QTest::newRow("smartthings services") << realworld(smartthingsFile) << false;
        QTest::newRow("smartthings operations") << realworld(smartthingsFile) << true;
        QTest::newRow("yelp services") << realworld(yelpFile) << false;
        QTest::newRow("self call") << QString() << false;
    }
    void layoutGivesFinitePositions()
    {
        QFETCH(QString, file);
        QFETCH(bool, byOperation);
        const TracePtr trace = file.isEmpty() ? loadText(selfCallTrace) : load(file);
        const TraceGraph g = TraceGraph::build(*trace, byOperation);
        SpanPalette palette;
        palette.setTrace(trace);
        QFont font;
        font.setPixelSize(12);
        const TraceGraphStyle style = TraceGraphStyle::light(font, font, font);
        const TraceGraphScene scene = layOutTraceGraph(*trace, g, style, palette, [](const QString &s) { return s; });
        QVERIFY2(scene.error.isEmpty(), qPrintable(scene.error));
        QCOMPARE(scene.nodes.size(), g.nodes().size());
        QCOMPARE(scene.edges.size(), g.edges().size());
        QVERIFY(g.nodes().size() >= 1);
        std::set<std::pair<long, long>> centres;
        for (const TraceGraphScene::Node &n : scene.nodes) {
            QVERIFY(std::isfinite(n.rect.x()) && std::isfinite(n.rect.y()));
            QVERIFY(n.rect.width() > 20 && n.rect.height() > 20);
            QVERIFY(scene.bounds.contains(n.rect));
            centres.insert({std::lround(n.rect.center().x()), std::lround(n.rect.center().y())});
        }
        QCOMPARE(centres.size(), scene.nodes.size());
        for (std::size_t a = 0; a < scene.nodes.size(); ++a)
            for (std::size_t b = a + 1; b < scene.nodes.size(); ++b)
                QVERIFY(!scene.nodes[a].rect.adjusted(1, 1, -1, -1).intersects(scene.nodes[b].rect.adjusted(1, 1, -1, -1)));
        for (std::size_t k = 0; k < scene.edges.size(); ++k) {
            const TraceGraphScene::Edge &e = scene.edges[k];
            QVERIFY(!e.path.isEmpty());
            // Labels have room of their own up to maxLabelledEdges edges; a denser graph has none.
            QCOMPARE(e.labelRect.isEmpty(), scene.edges.size() > TraceGraphScene::maxLabelledEdges);
            QCOMPARE(e.arrow.size(), 3);
            // The arrow points into the callee's box.
            const QRectF callee = scene.nodes[static_cast<std::size_t>(g.edges()[k].to)].rect.adjusted(-2, -2, 2, 2);
            QVERIFY(callee.contains(e.arrow[0]));
        }
    }

    void clickOnNodeHighlightsItsSpans()
    {
        const TracePtr trace = load(realworld(yelpFile));
        SpanView view;
        view.resize(1200, 800);
        view.setTrace(trace);
        view.setCurrentView(TraceViewKind::TraceGraph);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *page = qobject_cast<TraceGraphView *>(view.page(TraceViewKind::TraceGraph));
        QVERIFY(page);
        QVERIFY(page->isVisible());
        const TraceGraph *g = page->graph();
        QVERIFY(g);
        const std::int32_t node = g->findNode("yelp-main", {}, *trace);
        QVERIFY(node >= 0);
        // The spans of yelp-main, found without the graph.
        std::vector<std::int32_t> expected;
        for (const std::int32_t i : trace->preorder())
            if (trace->str(trace->span(static_cast<std::size_t>(i)).service) == "yelp-main")
                expected.push_back(i);
        QCOMPARE(expected.size(), 6u);

        QSignalSpy spy(page, &TraceViewPage::highlightRequested);
        const QRectF r = page->nodeRectOnCanvas(node);
        QVERIFY(page->canvas()->rect().contains(r.center().toPoint()));
        QTest::mouseClick(page->canvas(), Qt::LeftButton, {}, r.center().toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<std::vector<std::int32_t>>(), expected);
        // The span view marked them like search matches.
        for (std::size_t i = 0; i < trace->spanCount(); ++i)
            QCOMPARE(bool(view.context().isMatch(static_cast<std::int32_t>(i))),
                     std::find(expected.begin(), expected.end(), static_cast<std::int32_t>(i)) != expected.end());

        // An edge: mobile_api -> spectre has one call, the spectre span.
        const std::int32_t mobile = g->findNode("mobile_api", {}, *trace);
        const std::int32_t spectre = g->findNode("spectre", {}, *trace);
        const std::int32_t edge = g->findEdge(mobile, spectre);
        QVERIFY(edge >= 0);
        const TraceGraphScene *scene = page->scene();
        const QRectF label = scene->edges[static_cast<std::size_t>(edge)].labelRect;
        const QPointF labelOnCanvas = page->nodeRectOnCanvas(spectre).topLeft()
            + (label.center() - scene->nodes[static_cast<std::size_t>(spectre)].rect.topLeft())
                * (page->nodeRectOnCanvas(spectre).width() / scene->nodes[static_cast<std::size_t>(spectre)].rect.width());
        QTest::mouseClick(page->canvas(), Qt::LeftButton, {}, labelOnCanvas.toPoint());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<std::vector<std::int32_t>>(), g->edges()[static_cast<std::size_t>(edge)].spans);

        // A click on the background marks nothing.
        QTest::mouseClick(page->canvas(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(spy.count(), 2);
    }

    // Switching to the graph does not wait for Graphviz: with Graphviz held busy (its lock taken here), the
    // switch returns, the canvas says it is laying out and events are still handled; the graph comes when
    // Graphviz is free, drawn and clickable, and a layout of a trace replaced meanwhile is dropped.
    void layoutRunsInTheBackground()
    {
        const TracePtr trace = load(realworld(yelpFile));
        SpanView view;
        view.resize(1000, 700);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *page = qobject_cast<TraceGraphView *>(view.page(TraceViewKind::TraceGraph));
        QVERIFY(page);
        QSignalSpy finished(page, &TraceGraphView::layoutFinished);
        {
            QMutexLocker busy(&TraceGraphView::graphvizLock());
            view.setCurrentView(TraceViewKind::TraceGraph);
            QVERIFY(page->isVisible());
            QVERIFY(page->isLayingOut());
            QCOMPARE(page->readyScene(), nullptr);
            // The GUI thread is free: a timer fires and the canvas paints while the layout waits.
            bool fired = false;
            QTimer::singleShot(0, page, [&fired] { fired = true; });
            QTRY_VERIFY(fired);
            page->canvas()->grab();
            QVERIFY(page->isLayingOut());
            QCOMPARE(finished.count(), 0);
        }
        QVERIFY(finished.wait(20000));
        QVERIFY(!page->isLayingOut());
        const TraceGraphScene *scene = page->readyScene();
        QVERIFY(scene);
        QCOMPARE(scene->nodes.size(), page->graph()->nodes().size());
        QVERIFY(!scene->nodes.empty());

        // A new trace while the old one's layout is held: the old result is dropped, the new one shown.
        const TracePtr other = load(realworld(smartthingsFile));
        {
            QMutexLocker busy(&TraceGraphView::graphvizLock());
            page->setByOperation(true);
            QVERIFY(page->isLayingOut());
            view.setTrace(other);
            QVERIFY(page->isLayingOut()); // the new trace's layout, queued behind the held lock
        }
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLayingOut(), 20000);
        const TraceGraph expected = TraceGraph::build(*other, true);
        QVERIFY(page->readyScene());
        QCOMPARE(page->readyScene()->nodes.size(), expected.nodes().size());
        QCOMPARE(page->graph()->nodes().size(), expected.nodes().size());
    }

    void modeSwitchAndExportSource()
    {
        const TracePtr trace = load(realworld(yelpFile));
        SpanView view;
        view.setTrace(trace);
        auto *page = qobject_cast<TraceGraphView *>(view.page(TraceViewKind::TraceGraph));
        QVERIFY(page);
        QVERIFY(!page->graph()->byOperation());
        page->modeBox()->setCurrentIndex(1);
        QVERIFY(page->byOperation());
        QVERIFY(page->graph()->byOperation());
        ExportSource source;
        page->describeExport(&source);
        QVERIFY(source.graphByOperation);
        page->setByOperation(false);
        page->describeExport(&source);
        QVERIFY(!source.graphByOperation);
        QCOMPARE(page->modeBox()->currentIndex(), 0);
    }

    void exportBodyRedactsAndDraws()
    {
        const TracePtr trace = loadText(secretTrace);
        ExportSource source = exportSourceFromTrace(trace, ExportScope::All, NoIndex);
        source.view = TraceViewKind::TraceGraph;
        source.graphByOperation = true;
        ExportStyle style;
        style.font.setPixelSize(12);
        style.bold = style.font;
        style.bold.setBold(true);
        style.small.setPixelSize(11);
        {
            std::unique_ptr<ExportBody> body = makeExportBody(source, style);
            QVERIFY(body);
            Redactor redactor(true);
            body->layOut(1000, redactor);
            QCOMPARE(body->bandCount(), 1);
            QVERIFY(body->bandHeight(0) > 40);
            const QString all = body->drawnTexts().join(QLatin1Char('\n'));
            QVERIFY2(!all.contains(QLatin1String("s3cr3tvalue42")), qPrintable(all));
            QVERIFY2(!all.contains(QLatin1String("hunter2xyz")), qPrintable(all));
            QVERIFY(all.contains(Redactor::placeholder()));
            QVERIFY(all.contains(QLatin1String("gateway")));
            QVERIFY(redactor.redactedCount() >= 2);

            QImage image(1000, static_cast<int>(std::ceil(body->bandHeight(0))), QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            body->paintBands(&p, 0, 1, QPointF(0, 0));
            p.end();
            int inked = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2)
                    inked += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
            QVERIFY(inked > 200);
        }
        {
            // Without redaction the names are drawn as they are: the check above can fail.
            std::unique_ptr<ExportBody> body = makeTraceGraphExportBody(source, style);
            Redactor off(false);
            body->layOut(1000, off);
            QVERIFY(body->drawnTexts().join(QLatin1Char('\n')).contains(QLatin1String("s3cr3tvalue42")));
        }
        {
            // Services mode draws no operation at all.
            source.graphByOperation = false;
            std::unique_ptr<ExportBody> body = makeTraceGraphExportBody(source, style);
            Redactor off(false);
            body->layOut(1000, off);
            const QString all = body->drawnTexts().join(QLatin1Char('\n'));
            QVERIFY(!all.contains(QLatin1String("/login")));
            QVERIFY(all.contains(QLatin1String("mysql")));
        }
    }
};

QTEST_MAIN(TestTraceGraph)
#include "tst_tracegraph.moc"
