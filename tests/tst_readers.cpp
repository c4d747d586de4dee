#include "traceloader.h"
#include "tracesummary.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>

using namespace td;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/") + QString::fromUtf8(name);
}

std::shared_ptr<const Trace> load(const char *name)
{
    const auto result = loadTraceFile(fixture(name));
    if (!result.ok())
        qWarning("%s", qPrintable(result.error));
    return result.trace;
}

const Span &byId(const Trace &t, const char *id)
{
    const auto index = t.findSpan(id);
    if (index < 0)
        qFatal("no span %s", id);
    return t.span(static_cast<std::size_t>(index));
}

QString tagValue(const Trace &t, const Span &s, const char *key)
{
    const Tag *tag = t.findTag(s, key);
    return tag ? t.qstr(tag->value) : QString();
}

} // namespace

class TestReaders : public QObject
{
    Q_OBJECT

private slots:
    void spansApiEnvelopeWithStrings()
    {
        const auto t = load("ats-spans-response.json");
        QVERIFY(t);
        QCOMPARE(t->format(), std::string_view("spans-api"));
        QCOMPARE(t->realSpanCount(), std::size_t(1));
        QCOMPARE(t->traceId(), std::string_view("0000000027046b00"));
        const Span &s = byId(*t, "b42460f5cf86cab4");
        QCOMPARE(t->qstr(s.service), QStringLiteral("aos-apiserver"));
        QCOMPARE(t->qstr(s.instance), QStringLiteral("aos-apiserver-1005774711-ll63p"));
        QCOMPARE(t->qstr(s.transaction), QStringLiteral("/api/v1/namespaces/manage/pods"));
        QCOMPARE(s.annotationCount, 2u);
        QCOMPARE(t->qstr(t->annotationsBegin(s)[0].value), QStringLiteral("cs"));
        const Endpoint *ep = t->endpoint(t->annotationsBegin(s)[0].endpoint);
        QVERIFY(ep);
        QCOMPARE(ep->port, 6443); // a number here
        QCOMPARE(t->qstr(ep->ipv4), QStringLiteral("10.186.60.43"));
        QCOMPARE(s.kind, SpanKind::Client);
        QCOMPARE(s.durationUs, qint64(67000));
        // the raw view shows the span itself, not the JSON string that carried it
        const auto raw = QString::fromStdString(t->rawJson(static_cast<std::size_t>(t->findSpan("b42460f5cf86cab4"))));
        QVERIFY(raw.contains(QStringLiteral("\"resultCode\"")));
        QVERIFY(!raw.contains(QStringLiteral("\\\"")));
    }

    void spansApiEnvelopeWithObjectsAndErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("objects") << QByteArray("{\"errorCode\":\"SVCSTG.ATS.2000\",\"errorMessage\":null,\"responseInfo\":[{\"traceId\":\"t\",\"id\":\"a\",\"name\":\"n\",\"timestamp\":1,\"duration\":2}]}") << true << QString();
        QTest::newRow("400101") << QByteArray("{\"errorCode\":\"SVCSTG.ATS.400101\",\"errorMessage\":\"traceId is invalid\",\"responseInfo\":[]}") << false << QStringLiteral("parameter verification failed");
        QTest::newRow("200103") << QByteArray("{\"errorCode\":\"SVCSTG.ATS.200103\",\"errorMessage\":\"\",\"responseInfo\":[]}") << false << QStringLiteral("no tracing data found");
        QTest::newRow("unknown code") << QByteArray("{\"errorCode\":\"SVCSTG.ATS.500999\",\"errorMessage\":\"backend down\"}") << false << QStringLiteral("SVCSTG.ATS.500999: backend down");
        QTest::newRow("success without spans") << QByteArray("{\"errorCode\":\"SVCSTG.ATS.2000\",\"responseInfo\":[]}") << false << QStringLiteral("no spans");
    }

    void spansApiEnvelopeWithObjectsAndErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(QString, errorContains);
        const auto result = loadTraceBytes(std::make_shared<std::string>(body.toStdString()), QStringLiteral("answer"));
        QCOMPARE(result.ok(), ok);
        if (!ok)
            QVERIFY2(result.error.contains(errorContains), qPrintable(result.error));
    }

    void zipkinStandardSpanIsAnOrphan()
    {
        const auto t = load("zipkin-standard-span.json");
        QVERIFY(t);
        QCOMPARE(t->format(), std::string_view("zipkin-v1"));
        QCOMPARE(t->realSpanCount(), std::size_t(1));
        const Span &s = byId(*t, "743942b4672a01cd");
        QVERIFY(s.hasFlag(SpanFlag::Orphan)); // parentId equals the traceId, but no such span exists
        QVERIFY(t->span(static_cast<std::size_t>(s.parent)).isPlaceholder());
        const Tag *sa = t->findTag(s, "sa");
        QVERIFY(sa);
        QCOMPARE(sa->type, JsonType::Bool);
        QCOMPARE(t->qstr(sa->value), QStringLiteral("true"));
    }

    void malformedHeaderGivesLineAndColumn()
    {
        const auto result = loadTraceFile(fixture("iplatform-span-header.malformed.json"));
        QVERIFY(!result.ok());
        QVERIFY(!result.cancelled);
        QVERIFY2(result.error.startsWith(QStringLiteral("iplatform-span-header.malformed.json: line 51, column 1:")), qPrintable(result.error));
        QVERIFY(result.error.contains(QStringLiteral("expected '}'")));
        QCOMPARE(result.line, 51u);
    }

    void httpClientHeadersAreGrouped()
    {
        const auto t = load("iplatform-httpclient-span.json");
        QVERIFY(t);
        const Span &s = byId(*t, "c0e7a6f66745b037");
        QCOMPARE(s.component, Component::HttpClient);
        QCOMPARE(tagValue(*t, s, "httpclient.status_code"), QStringLiteral("200"));
        int request = 0, response = 0;
        for (auto tag = t->tagsBegin(s); tag != t->tagsEnd(s); ++tag) {
            const auto key = t->qstr(tag->key);
            request += key.contains(QStringLiteral(".request.headers."));
            response += key.contains(QStringLiteral(".response.headers."));
        }
        QVERIFY(request > 0);
        QVERIFY(response > 0);
        // the server it called, from `sa`
        QVERIFY(s.remoteEndpoint != NoIndex);
        QCOMPARE(t->qstr(t->endpoint(s.remoteEndpoint)->service), QStringLiteral("auth-service"));
    }

    void feignClientSiblingsShareAMissingParent()
    {
        const auto t = load("iplatform-feignclient-trace.json");
        QVERIFY(t);
        QCOMPARE(t->realSpanCount(), std::size_t(3));
        QCOMPARE(t->roots().size(), std::size_t(1));
        const Span &ph = t->span(static_cast<std::size_t>(t->roots().front()));
        QVERIFY(ph.isPlaceholder());
        QCOMPARE(t->qstr(ph.spanId), QStringLiteral("56f5f16dc79eba59"));
        QCOMPARE(ph.childCount, 3u);
        const Span &first = byId(*t, "cd4271e88650332d");
        QCOMPARE(first.component, Component::FeignClient);
        QCOMPARE(tagValue(*t, first, "feignclient.request.headers.X-B3-Sampled"), QStringLiteral("'1'"));
        const auto body = tagValue(*t, first, "feignclient.response.body");
        QVERIFY(body.startsWith(QStringLiteral("{\"success\":true")));
        QVERIFY(body.contains(QStringLiteral("微服务管控系统")));
        QCOMPARE(first.durationMoveAvgUs, 4315000.0);
    }

    void httpServiceSpanKeepsTheTokenForRedaction()
    {
        const auto t = load("iplatform-httpservice-span.json");
        QVERIFY(t);
        const Span &s = byId(*t, "b1ce90a546e67ba5");
        QCOMPARE(s.kind, SpanKind::Server);
        QCOMPARE(s.component, Component::HttpService);
        QVERIFY(tagValue(*t, s, "httpservice.url").contains(QStringLiteral("access_token=")));
        QVERIFY(!tagValue(*t, s, "httpservice.cookies.JSESSIONID").isEmpty());
    }

    void jdbcSpanWithoutAnnotations()
    {
        const auto t = load("iplatform-jdbc-span.json");
        QVERIFY(t);
        const Span &s = byId(*t, "d3b277175669b1f6");
        QCOMPARE(s.annotationCount, 0u);
        QCOMPARE(s.startUs, qint64(1538033737686000));
        QCOMPARE(s.durationUs, qint64(164000));
        QCOMPARE(s.component, Component::Jdbc);
        QCOMPARE(tagValue(*t, s, "jdbc.sql"), QStringLiteral("insert into empty_test (is_enable,create_time) values (true,'2018-9-27 15:35:37')"));
        QCOMPARE(t->qstr(s.service), QStringLiteral("empty-service")); // from the binary annotations' endpoint
    }

    void scheduledRoot()
    {
        const auto t = load("iplatform-scheduled-span.json");
        QVERIFY(t);
        QCOMPARE(t->roots().size(), std::size_t(1));
        const Span &s = byId(*t, "a82ca1044e28cbfa");
        QCOMPARE(s.parent, NoIndex);
        QCOMPARE(s.component, Component::Scheduled);
        QCOMPARE(tagValue(*t, s, "scheduled.method"), QStringLiteral("fixedRate"));
    }

    void sampleTraceChildrenBeforeRoot()
    {
        const auto t = load("iplatform-sample-trace.json");
        QVERIFY(t);
        QCOMPARE(t->realSpanCount(), std::size_t(3));
        QCOMPARE(t->roots().size(), std::size_t(1));
        const Span &root = byId(*t, "b1ce90a546e67ba5");
        QCOMPARE(t->span(static_cast<std::size_t>(t->roots().front())).spanId, root.spanId);
        QCOMPARE(root.component, Component::HttpService);
        QCOMPARE(root.durationUs, qint64(901000));
        const Span &client = byId(*t, "c0e7a6f66745b037");
        const Span &jdbc = byId(*t, "d3b277175669b1f6");
        QCOMPARE(client.component, Component::HttpClient);
        QCOMPARE(client.durationUs, qint64(63000));
        QCOMPARE(client.startUs - root.startUs, qint64(532000));
        QCOMPARE(jdbc.component, Component::Jdbc);
        QCOMPARE(jdbc.durationUs, qint64(164000));
        QCOMPARE(jdbc.startUs - root.startUs, qint64(695000));
        QCOMPARE(t->qstr(t->span(static_cast<std::size_t>(t->child(root, 0))).spanId), QStringLiteral("c0e7a6f66745b037"));
        QCOMPARE(root.selfTimeUs, qint64(901000 - 63000 - 164000));
        QCOMPARE(t->durationUs(), qint64(901000));
    }

    void logServiceRows()
    {
        const auto t = load("sls-trace-rows.json");
        QVERIFY(t);
        QCOMPARE(t->format(), std::string_view("sls"));
        QCOMPARE(t->realSpanCount(), std::size_t(3));
        const Span &root = byId(*t, "051581bf3cb55c13");
        const Span &mid = byId(*t, "5fb397be34d26b51");
        const Span &leaf = byId(*t, "a0f2ab5e21bd1c7f");
        QCOMPARE(root.parent, NoIndex); // empty parentSpanID
        QCOMPARE(mid.depth, 1u);
        QCOMPARE(leaf.depth, 2u);
        QVERIFY(root.isError()); // statusCode ERROR
        QCOMPARE(t->qstr(root.statusText), QStringLiteral("stack overflow"));
        QVERIFY(!mid.isError());
        QCOMPARE(t->errorCount(), std::size_t(1));
        // ns -> µs, numbers and objects that arrived as text
        QCOMPARE(root.startUs, qint64(1686294916826000));
        QCOMPARE(root.durationUs, qint64(8001000));
        QCOMPARE(mid.startUs, qint64(1686294916926000));
        QCOMPARE(mid.durationUs, qint64(7800000));
        QCOMPARE(mid.kind, SpanKind::Client);
        QCOMPARE(tagValue(*t, mid, "rpc.system"), QStringLiteral("grpc"));
        QCOMPARE(tagValue(*t, mid, "resource.k8s.pod.name"), QStringLiteral("catalog-55c4"));
        QCOMPARE(mid.annotationCount, 1u);
        QCOMPARE(t->qstr(t->annotationsBegin(mid)->value), QStringLiteral("retry"));
        QCOMPARE(t->qstr(mid.service), QStringLiteral("catalog"));
    }

    void summaryDocument()
    {
        const auto t = load("iplatform-sample-trace.json");
        QVERIFY(t);
        const auto doc = traceSummary(*t);
        QCOMPARE(doc.at("spanCount").get<int>(), 3);
        QCOMPARE(doc.at("rootIds").size(), std::size_t(1));
        QCOMPARE(doc.at("services").at(0).get<std::string>(), std::string("empty-service"));
        const auto &spans = doc.at("spans");
        QCOMPARE(spans.size(), std::size_t(3));
        QCOMPARE(spans.at(0).at("id").get<std::string>(), std::string("b1ce90a546e67ba5"));
        QCOMPARE(spans.at(1).at("startUs").get<qint64>(), qint64(532000));
        QCOMPARE(spans.at(2).at("component").get<std::string>(), std::string("jdbc"));
        QCOMPARE(spans.at(2).at("depth").get<int>(), 1);
    }

    void newlineDelimitedZipkin()
    {
        const std::string nd = "{\"traceId\":\"t\",\"id\":\"a\",\"name\":\"root\",\"timestamp\":100,\"duration\":50}" "\n"
                               "{\"traceId\":\"t\",\"id\":\"b\",\"parentId\":\"a\",\"name\":\"child\",\"timestamp\":110,\"duration\":10}" "\n";
        const auto result = loadTraceBytes(std::make_shared<std::string>(nd), QStringLiteral("nd"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.trace->realSpanCount(), std::size_t(2));
        QCOMPARE(result.trace->format(), std::string_view("zipkin-v1-ndjson"));
        QCOMPARE(byId(*result.trace, "b").depth, 1u);
    }

    void zipkinV2SharedSpansMerge()
    {
        const std::string v2 = "[\n          {\"traceId\":\"t\",\"id\":\"r\",\"name\":\"get\",\"kind\":\"SERVER\",\"timestamp\":1000,\"duration\":500,\"localEndpoint\":{\"serviceName\":\"front\",\"ipv4\":\"1.1.1.1\"}},\n          {\"traceId\":\"t\",\"parentId\":\"r\",\"id\":\"c\",\"name\":\"post\",\"kind\":\"CLIENT\",\"timestamp\":1100,\"duration\":200,\"localEndpoint\":{\"serviceName\":\"front\",\"ipv4\":\"1.1.1.1\"},\"tags\":{\"http.status_code\":\"503\"}},\n          {\"traceId\":\"t\",\"parentId\":\"r\",\"id\":\"c\",\"name\":\"post\",\"kind\":\"SERVER\",\"shared\":true,\"timestamp\":1120,\"duration\":150,\"localEndpoint\":{\"serviceName\":\"back\",\"ipv4\":\"2.2.2.2\",\"port\":\"8080\"}}\n        ]";
        const auto result = loadTraceBytes(std::make_shared<std::string>(v2), QStringLiteral("v2"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto &t = *result.trace;
        QCOMPARE(t.format(), std::string_view("zipkin-v2"));
        QCOMPARE(t.realSpanCount(), std::size_t(2));
        const Span &c = byId(t, "c");
        QVERIFY(c.hasFlag(SpanFlag::Shared));
        QVERIFY(c.isError());
        QCOMPARE(t.endpoint(c.localEndpoint)->port, 8080); // port given as a string
        QCOMPARE(t.qstr(c.service), QStringLiteral("back"));
    }

    // Grafana Tempo answers GET /api/traces/{id} with OTLP resources under "batches", and
    // /api/v2/traces/{id} with OTLP inside {"trace": ...}; both name each span's service by its resource.
    void tempoAnswerShapes_data()
    {
        QTest::addColumn<QString>("wrapperBefore");
        QTest::addColumn<QString>("wrapperAfter");
        QTest::newRow("v1 batches") << QStringLiteral("{\"batches\":") << QStringLiteral("}");
        QTest::newRow("v2 trace") << QStringLiteral("{\"trace\":{\"resourceSpans\":") << QStringLiteral("}}");
        QTest::newRow("plain otlp") << QStringLiteral("{\"resourceSpans\":") << QStringLiteral("}");
    }

    void tempoAnswerShapes()
    {
        QFETCH(QString, wrapperBefore);
        QFETCH(QString, wrapperAfter);
        const std::string resources =
            R"([{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},
                 "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331",
                   "name":"GET /cart","kind":2,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000200000000"}]}]},
                {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cartservice"}}]},
                 "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"00f067aa0ba902b7",
                   "parentSpanId":"b7ad6b7169203331","name":"GetCart","kind":2,"status":{"code":2,"message":"redis down"},
                   "startTimeUnixNano":"1700000000050000000","endTimeUnixNano":"1700000000150000000"}]}]}])";
        const auto bytes = std::make_shared<std::string>(wrapperBefore.toStdString() + resources + wrapperAfter.toStdString());
        const auto result = loadTraceBytes(bytes, QStringLiteral("tempo"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto &t = *result.trace;
        QCOMPARE(t.format(), std::string_view("otlp"));
        QCOMPARE(t.realSpanCount(), std::size_t(2));
        const Span &root = byId(t, "b7ad6b7169203331");
        const Span &child = byId(t, "00f067aa0ba902b7");
        QCOMPARE(t.qstr(root.service), QStringLiteral("frontend"));
        QCOMPARE(t.qstr(child.service), QStringLiteral("cartservice"));
        QCOMPARE(child.depth, 1u);
        QCOMPARE(child.durationUs, std::int64_t(100000));
        QVERIFY(child.isError());
    }

    void progressAndCancel()
    {
        // A large input read in chunks reports progress and stops when cancelled.
        std::string big = "[";
        for (int i = 0; i < 60000; ++i) { // about 4 MB: several 1 MiB chunks
            if (i)
                big += ",";
            big += "{\"traceId\":\"t\",\"id\":\"s" + std::to_string(i) + "\",\"name\":\"n\",\"timestamp\":1,\"duration\":1}";
        }
        big += "]";
        std::atomic_bool cancel{false};
        int calls = 0;
        LoadOptions options;
        options.cancel = &cancel;
        options.progress = [&](std::uint64_t bytes, std::uint64_t) {
            ++calls;
            if (bytes > 0)
                cancel = true;
        };
        auto bytes = std::make_shared<std::string>(big);
        QVERIFY(bytes->size() > (3u << 20));
        const auto result = loadTraceBytes(bytes, QStringLiteral("big"), options);
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok());
        QVERIFY(calls >= 1);
    }
};

QTEST_GUILESS_MAIN(TestReaders)
#include "tst_readers.moc"
