// The Zipkin, Jaeger and Tempo API layer without a network: the addresses asked for, in each
// backend's units and encodings; the answers read (searches built from the real traces of tests/data/realworld,
// name lists, error documents); durations, times and authentication.

#include "backendapi.h"
#include "checkhelper.h"
#include "traceloader.h"

#include <QDateTime>
#include <QFile>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <atomic>

using namespace td;
using namespace Qt::StringLiterals;
using nlohmann::json;

// nlohmann::json has no QTest::toString; compare it as text.
#define COMPARE_JSON(actual, expected)                                                                       \
    do {                                                                                                     \
        const json a_ = (actual);                                                                            \
        const json e_ = (expected);                                                                          \
        QVERIFY2(a_ == e_, (a_.dump() + " != " + e_.dump()).c_str());                                        \
    } while (false)

namespace {

const QString realworld = QStringLiteral(TRACEDESK_TEST_DATA "/realworld/");

// Zipkin v2 span arrays, Jaeger {spans, processes} traces and OTLP documents of tests/data/realworld.
const QString zipkinYelp = realworld + QStringLiteral("openzipkin__zipkin/zipkin-lens_testdata_yelp.json");
const QString zipkinNetflix = realworld + QStringLiteral("openzipkin__zipkin/zipkin-lens_src_test_data_netflix.json");
const QString zipkinKafka = realworld + QStringLiteral("openzipkin__zipkin/zipkin-lens_testdata_messaging-kafka.json");
const QString jaegerNormal = realworld
    + QStringLiteral("jaegertracing__jaeger-ui/components__TracePage__TraceStatistics__tableValuesTestTrace__testTraceNormal.json");
const QString jaegerGenai = realworld + QStringLiteral("jaegertracing__jaeger-ui/components__TracePage__TraceTimelineViewer__genaiTestTrace.json");
const QString jaegerApiOut = realworld + QStringLiteral("jaegertracing__jaeger-ui/utils__fixtures__otlp2jaeger-out.json");
const QString otlpSiblingErrors = realworld + QStringLiteral("jaegertracing__jaeger/hotrod-skills__sibling_errors.json");
const QString otlpNPlusOne = realworld + QStringLiteral("jaegertracing__jaeger/hotrod-skills__n_plus_one_positive.json");

std::string readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll().toStdString();
}

std::shared_ptr<const Trace> loadFile(const QString &path)
{
    const LoadResult load = loadTraceFile(path);
    if (!load.ok())
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(load.error));
    return load.trace;
}

QString queryValue(const QUrl &url, const char *key)
{
    return QUrlQuery(url).queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}

QStringList queryKeys(const QUrl &url)
{
    QStringList keys;
    for (const auto &item : QUrlQuery(url).queryItems())
        keys << item.first;
    return keys;
}

QString encoded(const QUrl &url)
{
    return QString::fromLatin1(url.toEncoded());
}

void compareHits(const TraceHit &actual, const TraceHit &expected)
{
    QCOMPARE(actual.traceId, expected.traceId);
    QCOMPARE(actual.rootService, expected.rootService);
    QCOMPARE(actual.rootName, expected.rootName);
    QCOMPARE(actual.startUs, expected.startUs);
    QCOMPARE(actual.durationUs, expected.durationUs);
    QCOMPARE(actual.spanCount, expected.spanCount);
    QCOMPARE(actual.errorCount, expected.errorCount);
    QCOMPARE(actual.services, expected.services);
}

// A Tempo search result item as Tempo writes it (strings for nanoseconds), from a trace of the model.
json tempoItem(const Trace &trace, bool withServiceStats)
{
    const TraceHit hit = traceHitFromTrace(trace);
    json item = {{"traceID", hit.traceId},
                 {"rootServiceName", hit.rootService},
                 {"rootTraceName", hit.rootName},
                 {"startTimeUnixNano", std::to_string(hit.startUs) + "123"},
                 {"durationMs", hit.durationUs / 1000}};
    if (withServiceStats) {
        json stats = json::object();
        for (const Span &span : trace.spans()) {
            if (span.isPlaceholder())
                continue;
            json &s = stats[std::string(trace.str(span.service))];
            if (s.is_null())
                s = {{"spanCount", 0}};
            s["spanCount"] = s.value("spanCount", 0) + 1;
            if (span.isError())
                s["errorCount"] = s.value("errorCount", 0) + 1;
        }
        item["serviceStats"] = stats;
    } else {
        // Tempo 2.x before serviceStats: the matched spans only.
        item["spanSet"] = {{"spans", json::array({{{"spanID", "16c5b71421a9c9a9"},
                                                   {"startTimeUnixNano", std::to_string(hit.startUs) + "000"},
                                                   {"durationNanos", "10708"}}})},
                           {"matched", 1}};
    }
    return item;
}

} // namespace

class TestBackendApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindKeys()
    {
        for (BackendKind kind : {BackendKind::SpansApi, BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo})
            QCOMPARE(backendKindFromKey(backendKindKey(kind)), std::optional<BackendKind>(kind));
        QCOMPARE(backendKindFromKey(u"TEMPO"), std::optional<BackendKind>(BackendKind::Tempo));
        QCOMPARE(backendKindKey(BackendKind::SpansApi), QStringLiteral("spans-api"));
        QVERIFY(!backendKindFromKey(u"elastic"));
        QVERIFY(!backendKindFromKey(u""));
        QVERIFY(!backendCanSearch(BackendKind::SpansApi));
        QVERIFY(backendCanSearch(BackendKind::Jaeger));
    }

    // ---- addresses -------------------------------------------------------------------------------------

    void traceUrls_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("apiVersion");
        QTest::addColumn<QString>("expected");
        const int z = int(BackendKind::Zipkin), j = int(BackendKind::Jaeger), t = int(BackendKind::Tempo);
        QTest::newRow("zipkin") << z << "http://zipkin:9411" << 0 << "http://zipkin:9411/api/v2/trace/ab12";
        QTest::newRow("zipkin, prefix") << z << "https://gw.example.com/tracing/zipkin/" << 0
                                        << "https://gw.example.com/tracing/zipkin/api/v2/trace/ab12";
        QTest::newRow("jaeger") << j << "http://jaeger:16686" << 0 << "http://jaeger:16686/api/traces/ab12";
        QTest::newRow("jaeger v3") << j << "http://jaeger:16686" << 3 << "http://jaeger:16686/api/v3/traces/ab12";
        QTest::newRow("jaeger v2 is classic") << j << "http://jaeger:16686" << 2 << "http://jaeger:16686/api/traces/ab12";
        QTest::newRow("jaeger, prefix") << j << "http://proxy/jaeger//" << 3 << "http://proxy/jaeger/api/v3/traces/ab12";
        QTest::newRow("tempo") << t << "http://tempo:3200" << 0 << "http://tempo:3200/api/traces/ab12";
        QTest::newRow("tempo v2") << t << "http://tempo:3200" << 2 << "http://tempo:3200/api/v2/traces/ab12";
        QTest::newRow("tempo v3 is classic") << t << "http://tempo:3200" << 3 << "http://tempo:3200/api/traces/ab12";
        QTest::newRow("tempo, prefix, query and fragment dropped") << t << "https://grafana.example.com/tempo?orgId=1#x" << 0
                                                                   << "https://grafana.example.com/tempo/api/traces/ab12";
    }

    void traceUrls()
    {
        QFETCH(int, kind);
        QFETCH(QString, base);
        QFETCH(int, apiVersion);
        QFETCH(QString, expected);
        const QUrl url = backendapi::traceUrl(BackendKind(kind), QUrl(base), QStringLiteral(" ab12 "), apiVersion);
        QCOMPARE(encoded(url), expected);
    }

    void traceIdIsOneEncodedSegment_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin);
        QTest::newRow("jaeger") << int(BackendKind::Jaeger);
        QTest::newRow("tempo") << int(BackendKind::Tempo);
    }

    void traceIdIsOneEncodedSegment()
    {
        QFETCH(int, kind);
        const QString id = QStringLiteral("a/b?c#d e+f%");
        const QUrl url = backendapi::traceUrl(BackendKind(kind), QUrl(QStringLiteral("http://h:1/p")), id);
        QVERIFY2(url.isValid(), qPrintable(url.errorString()));
        // Sent once encoded: the server decodes it back to the id, in one path segment, with no query or fragment.
        const QString path = url.path(QUrl::FullyEncoded);
        QVERIFY2(path.endsWith(QStringLiteral("/a%2Fb%3Fc%23d%20e%2Bf%25")), qPrintable(path));
        QVERIFY(!url.hasQuery());
        QVERIFY(!url.hasFragment());
        QCOMPARE(QUrl::fromPercentEncoding(path.section(QLatin1Char('/'), -1).toLatin1()), id);
    }

    void spansApiHasNoBackendUrls()
    {
        const QUrl base(QStringLiteral("http://h"));
        QVERIFY(backendapi::traceUrl(BackendKind::SpansApi, base, QStringLiteral("x")).isEmpty());
        QVERIFY(backendapi::searchUrl(BackendKind::SpansApi, base, TraceQuery()).isEmpty());
        QVERIFY(backendapi::servicesUrl(BackendKind::SpansApi, base).isEmpty());
        QVERIFY(backendapi::operationsUrl(BackendKind::SpansApi, base, QStringLiteral("s")).isEmpty());
    }

    void zipkinSearchUrl()
    {
        TraceQuery q;
        q.service = QStringLiteral(" yelp-main ");
        q.operation = QStringLiteral("get user_details");
        q.tags = {{QStringLiteral("http.method"), QStringLiteral("GET")}, {QStringLiteral("error"), QString()},
                  {QStringLiteral("q"), QStringLiteral("a+b&c=d")}};
        q.minDurationUs = 100000;
        q.maxDurationUs = 2500000;
        q.startUs = 1700000000000000;
        q.endUs = 1700003600000000;
        q.limit = 5;
        const QUrl url = backendapi::searchUrl(BackendKind::Zipkin, QUrl(QStringLiteral("http://h:9411/zipkin/")), q);
        QCOMPARE(url.path(), QStringLiteral("/zipkin/api/v2/traces"));
        QCOMPARE(queryKeys(url), (QStringList{u"serviceName"_s, u"spanName"_s, u"annotationQuery"_s, u"minDuration"_s, u"maxDuration"_s,
                                              u"endTs"_s, u"lookback"_s, u"limit"_s}));
        QCOMPARE(queryValue(url, "serviceName"), QStringLiteral("yelp-main"));
        QCOMPARE(queryValue(url, "spanName"), QStringLiteral("get user_details"));
        // Tags: "k=v and k2" (a bare key for an empty value); durations in µs, endTs and lookback in ms.
        QCOMPARE(queryValue(url, "annotationQuery"), QStringLiteral("http.method=GET and error and q=a+b&c=d"));
        QCOMPARE(queryValue(url, "minDuration"), QStringLiteral("100000"));
        QCOMPARE(queryValue(url, "maxDuration"), QStringLiteral("2500000"));
        QCOMPARE(queryValue(url, "endTs"), QStringLiteral("1700003600000"));
        QCOMPARE(queryValue(url, "lookback"), QStringLiteral("3600000"));
        QCOMPARE(queryValue(url, "limit"), QStringLiteral("5"));
        // '+', '&', '=' and spaces of values arrive as typed: they are percent-encoded, not left to mean something else.
        const QString text = encoded(url);
        QVERIFY2(text.contains(QStringLiteral("annotationQuery=http.method%3DGET%20and%20error%20and%20q%3Da%2Bb%26c%3Dd&")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("spanName=get%20user_details&")), qPrintable(text));
    }

    void zipkinSearchUrlLeavesOutWhatIsNotSet()
    {
        TraceQuery q;
        q.limit = 0;
        const QUrl url = backendapi::searchUrl(BackendKind::Zipkin, QUrl(QStringLiteral("http://h:9411")), q);
        QCOMPARE(queryKeys(url), QStringList{u"limit"_s});
        QCOMPARE(queryValue(url, "limit"), QStringLiteral("1"));
        // An end without a start: no lookback (Zipkin's default applies).
        q.endUs = 1700003600123456;
        const QUrl withEnd = backendapi::searchUrl(BackendKind::Zipkin, QUrl(QStringLiteral("http://h:9411")), q);
        QCOMPARE(queryKeys(withEnd), (QStringList{u"endTs"_s, u"limit"_s}));
        QCOMPARE(queryValue(withEnd, "endTs"), QStringLiteral("1700003600123"));
    }

    void jaegerSearchUrl()
    {
        TraceQuery q;
        q.service = QStringLiteral("customers-service");
        q.operation = QStringLiteral("GET /owners/8/pets/10");
        q.tags = {{QStringLiteral("http.status_code"), QStringLiteral("500")}, {QStringLiteral("error"), QStringLiteral("true")},
                  {QStringLiteral("sql"), QStringLiteral("select \"x\" & y")}};
        q.minDurationUs = 100000;
        q.maxDurationUs = 1500000;
        q.startUs = 1700000000000001;
        q.endUs = 1700003600000002;
        const QUrl url = backendapi::searchUrl(BackendKind::Jaeger, QUrl(QStringLiteral("http://h:16686/jaeger")), q);
        QCOMPARE(url.path(), QStringLiteral("/jaeger/api/traces"));
        QCOMPARE(queryKeys(url), (QStringList{u"service"_s, u"operation"_s, u"tags"_s, u"minDuration"_s, u"maxDuration"_s, u"start"_s, u"end"_s, u"limit"_s}));
        QCOMPARE(queryValue(url, "service"), QStringLiteral("customers-service"));
        QCOMPARE(queryValue(url, "operation"), QStringLiteral("GET /owners/8/pets/10"));
        // Tags as one JSON object of strings.
        const json tags = json::parse(queryValue(url, "tags").toStdString());
        COMPARE_JSON(tags, json({{"http.status_code", "500"}, {"error", "true"}, {"sql", "select \"x\" & y"}}));
        // Go durations, start and end in µs.
        QCOMPARE(queryValue(url, "minDuration"), QStringLiteral("100ms"));
        QCOMPARE(queryValue(url, "maxDuration"), QStringLiteral("1500ms"));
        QCOMPARE(queryValue(url, "start"), QStringLiteral("1700000000000001"));
        QCOMPARE(queryValue(url, "end"), QStringLiteral("1700003600000002"));
        QCOMPARE(queryValue(url, "limit"), QStringLiteral("20"));
        QVERIFY2(!encoded(url).contains(QLatin1Char('"')) && !encoded(url).contains(QLatin1Char(' ')), qPrintable(encoded(url)));
    }

    void jaegerSearchUrlAlwaysNamesTheService()
    {
        const QUrl url = backendapi::searchUrl(BackendKind::Jaeger, QUrl(QStringLiteral("http://h:16686")), TraceQuery());
        QCOMPARE(queryKeys(url), (QStringList{u"service"_s, u"limit"_s}));
        QVERIFY(queryValue(url, "service").isEmpty());
    }

    void tempoSearchUrl()
    {
        TraceQuery q;
        q.service = QStringLiteral("shop backend");
        q.operation = QStringLiteral("GET /cart");
        q.tags = {{QStringLiteral("http.url"), QStringLiteral("/a b")}, {QStringLiteral("k"), QStringLiteral("v")},
                  {QStringLiteral("sql.query"), QStringLiteral("customer_id=123")},
                  {QStringLiteral("say"), QStringLiteral("he said \"hi\"")}, {QStringLiteral("empty"), QString()}};
        q.minDurationUs = 1500;
        q.maxDurationUs = 3000000;
        q.startUs = 1700000000999999;
        q.endUs = 1700003600000001;
        q.limit = 7;
        const QUrl url = backendapi::searchUrl(BackendKind::Tempo, QUrl(QStringLiteral("http://h:3200/tempo/")), q);
        QCOMPARE(url.path(), QStringLiteral("/tempo/api/search"));
        QCOMPARE(queryKeys(url), (QStringList{u"tags"_s, u"minDuration"_s, u"maxDuration"_s, u"start"_s, u"end"_s, u"limit"_s}));
        // logfmt: values with spaces, quotes or '=' quoted (quotes escaped); the service and span name as tags.
        QCOMPARE(queryValue(url, "tags"),
                 QStringLiteral("service.name=\"shop backend\" name=\"GET /cart\" http.url=\"/a b\" k=v "
                                "sql.query=\"customer_id=123\" say=\"he said \\\"hi\\\"\" empty=\"\""));
        QCOMPARE(queryValue(url, "minDuration"), QStringLiteral("1500us"));
        QCOMPARE(queryValue(url, "maxDuration"), QStringLiteral("3s"));
        // Epoch seconds, widened to whole seconds that hold the range.
        QCOMPARE(queryValue(url, "start"), QStringLiteral("1700000000"));
        QCOMPARE(queryValue(url, "end"), QStringLiteral("1700003601"));
        QCOMPARE(queryValue(url, "limit"), QStringLiteral("7"));
    }

    void tempoTraceQlReplacesTheFilters()
    {
        TraceQuery q;
        q.service = QStringLiteral("ignored");
        q.tags = {{QStringLiteral("k"), QStringLiteral("v")}};
        q.minDurationUs = 1000000;
        q.traceQl = QStringLiteral("  { resource.service.name = \"api\" && span.http.status_code >= 500 }\n");
        q.startUs = 1700000000000000;
        q.endUs = 1700000060000000;
        const QUrl url = backendapi::searchUrl(BackendKind::Tempo, QUrl(QStringLiteral("http://h:3200")), q);
        QCOMPARE(queryKeys(url), (QStringList{u"q"_s, u"start"_s, u"end"_s, u"limit"_s}));
        QCOMPARE(queryValue(url, "q"), QStringLiteral("{ resource.service.name = \"api\" && span.http.status_code >= 500 }"));
        QCOMPARE(queryValue(url, "start"), QStringLiteral("1700000000"));
        QCOMPARE(queryValue(url, "end"), QStringLiteral("1700000060"));
        const QString text = encoded(url);
        QVERIFY2(text.contains(QStringLiteral("%26%26")) && text.contains(QStringLiteral("%3E%3D")), qPrintable(text));
    }

    void nameListUrls()
    {
        const QUrl base(QStringLiteral("http://h:1/pre/"));
        QCOMPARE(encoded(backendapi::servicesUrl(BackendKind::Zipkin, base)), QStringLiteral("http://h:1/pre/api/v2/services"));
        QCOMPARE(encoded(backendapi::servicesUrl(BackendKind::Jaeger, base)), QStringLiteral("http://h:1/pre/api/services"));
        QCOMPARE(encoded(backendapi::servicesUrl(BackendKind::Tempo, base)),
                 QStringLiteral("http://h:1/pre/api/search/tag/service.name/values"));
        QCOMPARE(encoded(backendapi::operationsUrl(BackendKind::Zipkin, base, QStringLiteral(" shop & co "))),
                 QStringLiteral("http://h:1/pre/api/v2/spans?serviceName=shop%20%26%20co"));
        QCOMPARE(encoded(backendapi::operationsUrl(BackendKind::Jaeger, base, QStringLiteral("frontend"))),
                 QStringLiteral("http://h:1/pre/api/services/frontend/operations"));
        QCOMPARE(encoded(backendapi::operationsUrl(BackendKind::Tempo, base, QStringLiteral("frontend"))),
                 QStringLiteral("http://h:1/pre/api/search/tag/name/values"));
        QCOMPARE(encoded(backendapi::tagNamesUrl(BackendKind::Tempo, base)), QStringLiteral("http://h:1/pre/api/search/tags"));
        QVERIFY(backendapi::tagNamesUrl(BackendKind::Zipkin, base).isEmpty());
        QVERIFY(backendapi::tagNamesUrl(BackendKind::Jaeger, base).isEmpty());
    }

    void jaegerOperationsServiceIsOneEncodedSegment()
    {
        const QUrl url = backendapi::operationsUrl(BackendKind::Jaeger, QUrl(QStringLiteral("http://h:16686")), QStringLiteral("shop/api v2"));
        QCOMPARE(url.path(QUrl::FullyEncoded), QStringLiteral("/api/services/shop%2Fapi%20v2/operations"));
    }

    // ---- search answers -----------------------------------------------------------------------------------

    void zipkinSearchAnswer()
    {
        // Zipkin's /api/v2/traces: a list of traces, each a list of spans; empty and malformed entries are skipped.
        const std::string body = "[" + readFile(zipkinYelp) + ",[],{\"not\":\"a trace\"}," + readFile(zipkinNetflix) + ","
            + readFile(zipkinKafka) + "]";
        const SearchAnswer answer = backendapi::parseSearchAnswer(BackendKind::Zipkin, body);
        QVERIFY2(answer.ok(), qPrintable(answer.error + answer.serverError));
        QCOMPARE(answer.hits.size(), std::size_t(3));
        TD_CHECKED(compareHits(answer.hits[0], traceHitFromTrace(*loadFile(zipkinYelp))));
        TD_CHECKED(compareHits(answer.hits[1], traceHitFromTrace(*loadFile(zipkinNetflix))));
        TD_CHECKED(compareHits(answer.hits[2], traceHitFromTrace(*loadFile(zipkinKafka))));
        // What the model makes of yelp.json (its client and server halves merged), as --summary shows it.
        const TraceHit &yelp = answer.hits[0];
        QCOMPARE(yelp.traceId, std::string("a03ee8fff1dcd9b9"));
        QCOMPARE(yelp.spanCount, 13);
        QCOMPARE(yelp.errorCount, 0);
        QCOMPARE(yelp.durationUs, 131848);
        QCOMPARE(yelp.startUs, 1571896375237354);
        QCOMPARE(yelp.services, (std::vector<std::string>{"mobile_api", "routing", "spectre", "yelp-main", "yelp_main/api_proxy"}));
        QCOMPARE(answer.hits[2].errorCount, 3);

        const SearchAnswer none = backendapi::parseSearchAnswer(BackendKind::Zipkin, "[]");
        QVERIFY(none.ok());
        QVERIFY(none.hits.empty());
    }

    void zipkinSearchAnswerThatIsNotAList()
    {
        const SearchAnswer message = backendapi::parseSearchAnswer(BackendKind::Zipkin, R"({"message":"Request timed out"})");
        QVERIFY(!message.ok());
        QCOMPARE(message.serverError, QStringLiteral("Request timed out"));
        const SearchAnswer object = backendapi::parseSearchAnswer(BackendKind::Zipkin, R"({"data":[]})");
        QVERIFY(!object.ok());
        QVERIFY(object.serverError.isEmpty());
        QVERIFY2(object.error.contains(QStringLiteral("list of traces")), qPrintable(object.error));
    }

    void jaegerSearchAnswer()
    {
        // Jaeger's /api/traces: {"data": [trace objects], "total", "limit", "offset", "errors": null}.
        const json normal = json::parse(readFile(jaegerNormal));
        const json genai = json::parse(readFile(jaegerGenai));
        const json apiOut = json::parse(readFile(jaegerApiOut)).at("data").at(0);
        const json doc = {{"data", json::array({normal, "not a trace", genai, apiOut})},
                          {"total", 3}, {"limit", 0}, {"offset", 0}, {"errors", nullptr}};
        const SearchAnswer answer = backendapi::parseSearchAnswer(BackendKind::Jaeger, doc.dump());
        QVERIFY2(answer.ok(), qPrintable(answer.error + answer.serverError));
        QCOMPARE(answer.hits.size(), std::size_t(3));
        TD_CHECKED(compareHits(answer.hits[0], traceHitFromTrace(*loadFile(jaegerNormal))));
        TD_CHECKED(compareHits(answer.hits[1], traceHitFromTrace(*loadFile(jaegerGenai))));
        TD_CHECKED(compareHits(answer.hits[2], traceHitFromTrace(*loadFile(jaegerApiOut))));
        QCOMPARE(answer.hits[0].traceId, std::string("4766f1209f70a5e2e55417fc296fd101"));
        QCOMPARE(answer.hits[0].spanCount, 5);
        QCOMPARE(answer.hits[0].rootService, std::string("api-gateway"));
        QCOMPARE(answer.hits[0].rootName, std::string("GET /api/customer/owners/8/pets/10"));
        QCOMPARE(answer.hits[0].durationUs, 4902);
        QCOMPARE(answer.hits[1].spanCount, 57);
        QCOMPARE(answer.hits[1].services.size(), std::size_t(10));

        for (const char *empty : {R"({"data":[],"errors":null})", R"({"data":null,"total":0})"}) {
            const SearchAnswer none = backendapi::parseSearchAnswer(BackendKind::Jaeger, empty);
            QVERIFY2(none.ok(), empty);
            QVERIFY(none.hits.empty());
        }
    }

    void jaegerErrorDocument()
    {
        const SearchAnswer one = backendapi::parseSearchAnswer(
            BackendKind::Jaeger,
            R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":400,"msg":"parameter 'service' is required"}]})");
        QVERIFY(!one.ok());
        QVERIFY(one.hits.empty());
        QCOMPARE(one.serverError, QStringLiteral("parameter 'service' is required"));
        const SearchAnswer two = backendapi::parseSearchAnswer(
            BackendKind::Jaeger, R"({"data":[],"errors":[{"code":500,"msg":"first"},{"code":500,"msg":"second"}]})");
        QCOMPARE(two.serverError, QStringLiteral("first; second"));
        const SearchAnswer shape = backendapi::parseSearchAnswer(BackendKind::Jaeger, R"([{"traceID":"x"}])");
        QVERIFY(!shape.ok());
        QVERIFY2(shape.error.contains(QStringLiteral("data")), qPrintable(shape.error));
    }

    void tempoSearchAnswerWithServiceStats()
    {
        const auto a = loadFile(otlpSiblingErrors);
        const auto b = loadFile(otlpNPlusOne);
        const json doc = {{"traces", json::array({tempoItem(*a, true), tempoItem(*b, true)})},
                          {"metrics", {{"inspectedTraces", 2}, {"inspectedBytes", "12345"}}}};
        const SearchAnswer answer = backendapi::parseSearchAnswer(BackendKind::Tempo, doc.dump());
        QVERIFY2(answer.ok(), qPrintable(answer.error + answer.serverError));
        QCOMPARE(answer.hits.size(), std::size_t(2));
        // The counts are the sums over serviceStats, the times come in ns and ms: the same as the trace itself.
        TraceHit expected = traceHitFromTrace(*a);
        expected.durationUs = expected.durationUs / 1000 * 1000;
        TD_CHECKED(compareHits(answer.hits[0], expected));
        QCOMPARE(answer.hits[0].spanCount, 6);
        QCOMPARE(answer.hits[0].errorCount, 5);
        QCOMPARE(answer.hits[0].startUs, 1754500000000000);
        expected = traceHitFromTrace(*b);
        expected.durationUs = expected.durationUs / 1000 * 1000;
        TD_CHECKED(compareHits(answer.hits[1], expected));
        const json line = traceHitJson(answer.hits[1]);
        COMPARE_JSON(line.at("spanCount"), json(16));
        COMPARE_JSON(line.at("errorCount"), json(3));
        COMPARE_JSON(line.at("durationUs"), json(1684000));
    }

    void tempoSearchAnswerWithoutServiceStats()
    {
        const auto a = loadFile(otlpSiblingErrors);
        json root = tempoItem(*a, false);
        // A trace whose root span has not arrived yet, as Tempo names it, and numbers given as numbers.
        json partial = {{"traceID", "2f3e0cee77ae5dc9c17ade3689eb2e54"}, {"rootServiceName", "<root span not yet received>"},
                        {"startTimeUnixNano", 1684778327699392724LL}, {"durationMs", "557"}};
        const json doc = {{"traces", json::array({root, "junk", partial})}};
        const SearchAnswer answer = backendapi::parseSearchAnswer(BackendKind::Tempo, doc.dump());
        QVERIFY2(answer.ok(), qPrintable(answer.error + answer.serverError));
        QCOMPARE(answer.hits.size(), std::size_t(2));
        QCOMPARE(answer.hits[0].traceId, std::string(a->traceId()));
        QCOMPARE(answer.hits[0].rootService, std::string("checkout"));
        QCOMPARE(answer.hits[0].spanCount, -1);
        QCOMPARE(answer.hits[0].errorCount, -1);
        QCOMPARE(answer.hits[0].services, std::vector<std::string>{"checkout"});
        QCOMPARE(answer.hits[1].startUs, 1684778327699392);
        QCOMPARE(answer.hits[1].durationUs, 557000);
        QVERIFY(answer.hits[1].services.empty());
        // Counts the backend did not give are null on the --search line, which has exactly these 8 fields.
        const json line = traceHitJson(answer.hits[0]);
        QCOMPARE(line.size(), std::size_t(8));
        for (const char *key : {"traceId", "rootService", "rootName", "startUs", "durationUs", "spanCount", "errorCount", "services"})
            QVERIFY2(line.contains(key), key);
        QVERIFY(line.at("spanCount").is_null());
        QVERIFY(line.at("errorCount").is_null());
        COMPARE_JSON(line.at("traceId"), json(std::string(a->traceId())));
        COMPARE_JSON(line.at("services"), json::array({"checkout"}));

        const SearchAnswer none = backendapi::parseSearchAnswer(BackendKind::Tempo, R"({"traces":[],"metrics":{}})");
        QVERIFY(none.ok());
        QVERIFY(none.hits.empty());
    }

    void tempoSearchAnswerOfAnotherShape()
    {
        const SearchAnswer message = backendapi::parseSearchAnswer(BackendKind::Tempo, R"({"error":"too many requests"})");
        QCOMPARE(message.serverError, QStringLiteral("too many requests"));
        const SearchAnswer shape = backendapi::parseSearchAnswer(BackendKind::Tempo, R"({"batches":[]})");
        QVERIFY(!shape.ok());
        QVERIFY2(shape.error.contains(QStringLiteral("traces")), qPrintable(shape.error));
    }

    void searchAnswerNotJson_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("zipkin") << int(BackendKind::Zipkin);
        QTest::newRow("jaeger") << int(BackendKind::Jaeger);
        QTest::newRow("tempo") << int(BackendKind::Tempo);
    }

    void searchAnswerNotJson()
    {
        QFETCH(int, kind);
        const SearchAnswer answer = backendapi::parseSearchAnswer(
            BackendKind(kind), "<!DOCTYPE html><html><head><title>Sign in</title></head>\n<body>\x01</body></html>");
        QVERIFY(!answer.ok());
        QVERIFY(answer.hits.empty());
        QVERIFY2(answer.error.contains(QStringLiteral("not JSON")), qPrintable(answer.error));
        QVERIFY2(answer.error.contains(QStringLiteral("<!DOCTYPE html><html><head><title>Sign in</title></head> <body>")), qPrintable(answer.error));
        QVERIFY(!backendapi::parseSearchAnswer(BackendKind(kind), "").ok());
        QVERIFY(!backendapi::parseSearchAnswer(BackendKind(kind), "[{\"traceId\":").ok());
    }

    void spansApiCannotSearch()
    {
        QVERIFY(!backendapi::parseSearchAnswer(BackendKind::SpansApi, "[]").ok());
    }

    void cancelledSearchAnswer()
    {
        const std::string body = "[" + readFile(zipkinYelp) + "," + readFile(zipkinNetflix) + "]";
        std::atomic_bool cancel{true};
        const SearchAnswer zipkin = backendapi::parseSearchAnswer(BackendKind::Zipkin, body, &cancel);
        QVERIFY(!zipkin.ok());
        QVERIFY(zipkin.hits.empty());
        const json doc = {{"data", json::array({json::parse(readFile(jaegerNormal))})}};
        QVERIFY(!backendapi::parseSearchAnswer(BackendKind::Jaeger, doc.dump(), &cancel).ok());
        cancel = false;
        QCOMPARE(backendapi::parseSearchAnswer(BackendKind::Zipkin, body, &cancel).hits.size(), std::size_t(2));
    }

    // ---- name lists -----------------------------------------------------------------------------------

    void nameLists_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("zipkin services") << R"(["yelp-main","routing","mobile_api","routing"])"
                                         << QStringList{u"mobile_api"_s, u"routing"_s, u"yelp-main"_s};
        QTest::newRow("zipkin, empty") << "[]" << QStringList{};
        QTest::newRow("jaeger services") << R"({"data":["frontend","customer","driver"],"total":3,"limit":0,"offset":0,"errors":null})"
                                         << QStringList{u"customer"_s, u"driver"_s, u"frontend"_s};
        QTest::newRow("jaeger operations (objects)")
            << R"({"data":[{"name":"HTTP GET /dispatch","spanKind":"server"},{"name":"HTTP GET","spanKind":"client"},{"name":"HTTP GET","spanKind":""}],"total":3})"
            << QStringList{u"HTTP GET"_s, u"HTTP GET /dispatch"_s};
        QTest::newRow("jaeger, no data") << R"({"data":null,"errors":null})" << QStringList{};
        QTest::newRow("tempo tag values v1") << R"({"tagValues":["shop-backend","auth-service",""],"metrics":{"inspectedBytes":"1"}})"
                                             << QStringList{u"auth-service"_s, u"shop-backend"_s};
        QTest::newRow("tempo tag values v2")
            << R"({"tagValues":[{"type":"string","value":"GET /cart"},{"type":"int","value":200},{"type":"string","value":"GET /cart"}]})"
            << QStringList{u"200"_s, u"GET /cart"_s};
        QTest::newRow("tempo tag names") << R"({"tagNames":["service.name","http.method","http.url"]})"
                                         << QStringList{u"http.method"_s, u"http.url"_s, u"service.name"_s};
        QTest::newRow("tempo v2 scopes")
            << R"({"scopes":[{"name":"resource","tags":["service.name","k8s.pod.name"]},{"name":"span","tags":["http.method","service.name"]},{"name":"intrinsic","tags":["duration","name"]}]})"
            << QStringList{u"duration"_s, u"http.method"_s, u"k8s.pod.name"_s, u"name"_s, u"service.name"_s};
    }

    void nameLists()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, names);
        const NameList list = backendapi::parseNameList(body.toStdString());
        QVERIFY2(list.ok(), qPrintable(list.error + list.serverError));
        QCOMPARE(list.names, names);
    }

    void nameListFailures()
    {
        const NameList jaeger = backendapi::parseNameList(R"({"data":null,"errors":[{"code":500,"msg":"storage unavailable"}]})");
        QVERIFY(!jaeger.ok());
        QCOMPARE(jaeger.serverError, QStringLiteral("storage unavailable"));
        QVERIFY(jaeger.names.isEmpty());
        const NameList unknown = backendapi::parseNameList(R"({"services":["a"]})");
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.serverError.isEmpty());
        QVERIFY(!unknown.error.isEmpty());
        QVERIFY(!backendapi::parseNameList(R"("frontend")").ok());
        const NameList html = backendapi::parseNameList("<html><title>502 Bad Gateway</title></html>");
        QVERIFY(!html.ok());
        QVERIFY2(html.error.contains(QStringLiteral("not JSON")), qPrintable(html.error));
    }

    // ---- the server's words ------------------------------------------------------------------------------

    void serverMessages_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("jaeger errors") << R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]})"
                                       << "trace not found";
        QTest::newRow("jaeger v3 error") << R"({"error":{"httpCode":404,"message":"trace not found"}})" << "trace not found";
        QTest::newRow("error string") << R"({"error":"rpc error: code = ResourceExhausted"})" << "rpc error: code = ResourceExhausted";
        QTest::newRow("message") << R"({"status":500,"message":"Internal Server Error"})" << "Internal Server Error";
        QTest::newRow("html title") << "<html>\n<head><TITLE>502\n Bad Gateway</TITLE></head><body><center><h1>502 Bad Gateway</h1></center>"
                                       "<hr><center>nginx</center></body></html>"
                                    << "502 Bad Gateway";
        QTest::newRow("plain text") << "storage unavailable: context deadline exceeded\n" << "storage unavailable: context deadline exceeded";
        QTest::newRow("control characters") << "line one\r\n\tline\x01two" << "line one line two";
        QTest::newRow("json without a message") << R"({"data":[]})" << R"({"data":[]})";
        QTest::newRow("empty") << "" << "";
    }

    void serverMessages()
    {
        QFETCH(QString, body);
        QFETCH(QString, message);
        QCOMPARE(backendapi::serverMessage(body.toStdString()), message);
    }

    void longServerMessageIsCut()
    {
        const std::string body(5000, 'x');
        const QString message = backendapi::serverMessage(body);
        QVERIFY(message.size() < 310);
        QVERIFY(message.size() > 250);
        QVERIFY(message.endsWith(QStringLiteral("...")));
    }

    void traceNotFound_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("notFound");
        const int z = int(BackendKind::Zipkin), j = int(BackendKind::Jaeger), t = int(BackendKind::Tempo);
        QTest::newRow("zipkin 404 text") << z << 404 << "0123456789abcdef not found" << true;
        QTest::newRow("zipkin 200") << z << 200 << "0123456789abcdef not found" << false;
        QTest::newRow("zipkin, nginx 404 page") << z << 404
                                               << "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
                                               << false;
        QTest::newRow("zipkin 404 other") << z << 404 << "no such endpoint" << false;
        QTest::newRow("jaeger 404 document") << j << 404 << R"({"data":null,"errors":[{"code":404,"msg":"trace not found"}]})" << true;
        QTest::newRow("jaeger 200 document") << j << 200 << R"({"data":null,"errors":[{"code":404,"msg":"trace not found"}]})" << true;
        QTest::newRow("jaeger v3") << j << 404 << R"({"error":{"httpCode":404,"message":"trace not found"}})" << true;
        QTest::newRow("jaeger no such API") << j << 404 << R"({"data":null,"errors":[{"code":404,"msg":"404 page not found"}]})" << false;
        QTest::newRow("jaeger 500") << j << 500 << R"({"errors":[{"code":500,"msg":"storage unavailable"}]})" << false;
        QTest::newRow("tempo 404") << t << 404 << "trace not found" << true;
        QTest::newRow("tempo unable to find") << t << 404 << "Unable to find 2f3e0cee77ae5dc9c17ade3689eb2e54" << true;
        QTest::newRow("tempo no such API") << t << 404 << "404 page not found" << false;
        QTest::newRow("tempo 200") << t << 200 << "trace not found" << false;
        QTest::newRow("spans api") << int(BackendKind::SpansApi) << 404 << "trace not found" << false;
    }

    void traceNotFound()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(bool, notFound);
        QCOMPARE(backendapi::saysTraceNotFound(BackendKind(kind), status, body.toStdString()), notFound);
    }

    // ---- durations and times -----------------------------------------------------------------------------

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("us");
        QTest::newRow("100ms") << "100ms" << qint64(100000);
        QTest::newRow("2s") << "2s" << qint64(2000000);
        QTest::newRow("1.5s") << "1.5s" << qint64(1500000);
        QTest::newRow("0.25ms") << "0.25ms" << qint64(250);
        QTest::newRow("250us") << "250us" << qint64(250);
        QTest::newRow("250µs micro sign") << QStringLiteral("250\u00B5s") << qint64(250);
        QTest::newRow("250μs greek mu") << QStringLiteral("250\u03BCs") << qint64(250);
        QTest::newRow("1500ns") << "1500ns" << qint64(2);
        QTest::newRow("3m") << "3m" << qint64(180000000);
        QTest::newRow("1h") << "1h" << qint64(3600000000);
        QTest::newRow("1h30m") << "1h30m" << qint64(5400000000);
        QTest::newRow("1m30s500ms") << "1m30s500ms" << qint64(90500000);
        QTest::newRow("spaces and case") << "  2S " << qint64(2000000);
        QTest::newRow("no unit") << "100" << qint64(-1);
        QTest::newRow("unknown unit") << "100x" << qint64(-1);
        QTest::newRow("days") << "2d" << qint64(-1);
        QTest::newRow("word") << "fast" << qint64(-1);
        QTest::newRow("trailing junk") << "1s later" << qint64(-1);
        QTest::newRow("negative") << "-5s" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("too long") << "99999999999h" << qint64(-1);
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, us);
        QCOMPARE(qint64(backendapi::parseDurationUs(text)), us);
    }

    void goDurations()
    {
        QCOMPARE(backendapi::goDuration(2000000), QStringLiteral("2s"));
        QCOMPARE(backendapi::goDuration(3600000000), QStringLiteral("3600s"));
        QCOMPARE(backendapi::goDuration(100000), QStringLiteral("100ms"));
        QCOMPARE(backendapi::goDuration(1500000), QStringLiteral("1500ms"));
        QCOMPARE(backendapi::goDuration(1500), QStringLiteral("1500us"));
        QCOMPARE(backendapi::goDuration(1), QStringLiteral("1us"));
        // What goDuration writes, parseDurationUs (and Go) read back.
        for (std::int64_t us : {std::int64_t(1), std::int64_t(999), std::int64_t(1001), std::int64_t(250000), std::int64_t(90500000)})
            QCOMPARE(backendapi::parseDurationUs(backendapi::goDuration(us)), us);
    }

    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("us"); // -1: not a time
        // 2026-12-06T10:00:00Z is 1796551200 s after the epoch.
        QTest::newRow("ISO Z") << "2026-12-06T10:00:00Z" << qint64(1796551200000000);
        QTest::newRow("ISO ms Z") << "2026-12-06T10:00:00.250Z" << qint64(1796551200250000);
        QTest::newRow("ISO offset") << "2026-12-06T12:00:00+02:00" << qint64(1796551200000000);
        QTest::newRow("epoch s") << "1796551200" << qint64(1796551200000000);
        QTest::newRow("epoch ms") << "1796551200123" << qint64(1796551200123000);
        QTest::newRow("epoch µs") << " 1796551200123456 " << qint64(1796551200123456);
        QTest::newRow("zero") << "0" << qint64(-1);
        QTest::newRow("negative") << "-1796551200" << qint64(-1);
        QTest::newRow("word") << "yesterday" << qint64(-1);
        QTest::newRow("bad date") << "2026-13-45T10:00:00Z" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }

    void times()
    {
        QFETCH(QString, text);
        QFETCH(qint64, us);
        const auto t = backendapi::parseTimeUs(text);
        if (us < 0) {
            QVERIFY2(!t, qPrintable(QString::number(t.value_or(0))));
        } else {
            QVERIFY(t);
            QCOMPARE(qint64(*t), us);
        }
    }

    void isoTimeWithoutZoneIsLocal()
    {
        const auto t = backendapi::parseTimeUs(u"2026-12-06T10:00:00");
        QVERIFY(t);
        const QDateTime local(QDate(2026, 12, 6), QTime(10, 0), Qt::LocalTime);
        QCOMPARE(qint64(*t), local.toMSecsSinceEpoch() * 1000);
    }

    // ---- authentication ----------------------------------------------------------------------------------

    void authSpecs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("none") << "none" << true << int(AuthMode::None) << "" << "none";
        QTest::newRow("bearer") << "Bearer" << true << int(AuthMode::Bearer) << "" << "bearer";
        QTest::newRow("basic") << " basic " << true << int(AuthMode::Basic) << "" << "basic";
        QTest::newRow("header") << "header:X-Api-Key" << true << int(AuthMode::Header) << "X-Api-Key" << "header:X-Api-Key";
        QTest::newRow("header, spaces") << "HEADER: X-Scope-OrgID " << true << int(AuthMode::Header) << "X-Scope-OrgID"
                                        << "header:X-Scope-OrgID";
        QTest::newRow("header, token chars") << "header:x_a.b~c!#$%&'*+^`|" << true << int(AuthMode::Header) << "x_a.b~c!#$%&'*+^`|"
                                             << "header:x_a.b~c!#$%&'*+^`|";
        QTest::newRow("header without name") << "header:" << false << 0 << "" << "";
        QTest::newRow("header name with space") << "header:X Api" << false << 0 << "" << "";
        QTest::newRow("header name with colon") << "header:X:Y" << false << 0 << "" << "";
        QTest::newRow("header name with newline") << "header:X\r\nY" << false << 0 << "" << "";
        QTest::newRow("header name not ASCII") << QStringLiteral("header:Schl\u00FCssel") << false << 0 << "" << "";
        QTest::newRow("token") << "token" << false << 0 << "" << "";
        QTest::newRow("empty") << "" << false << 0 << "" << "";
    }

    void authSpecs()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, mode);
        QFETCH(QString, header);
        QFETCH(QString, canonical);
        const auto spec = parseAuthSpec(text);
        QCOMPARE(bool(spec), valid);
        if (!spec)
            return;
        QCOMPARE(int(spec->mode), mode);
        QCOMPARE(spec->headerName, header);
        QCOMPARE(authSpecText(*spec), canonical);
        QCOMPARE(parseAuthSpec(authSpecText(*spec))->headerName, header);
    }

    void authHeaders()
    {
        using Header = QPair<QByteArray, QByteArray>;
        QCOMPARE(authHeader({AuthMode::Bearer, {}}, QStringLiteral("tok-1")), Header("Authorization", "Bearer tok-1"));
        // Basic: base64 of user:password ("alice:s3cret" by hand: YWxpY2U6czNjcmV0).
        QCOMPARE(authHeader({AuthMode::Basic, {}}, QStringLiteral("alice:s3cret")), Header("Authorization", "Basic YWxpY2U6czNjcmV0"));
        QCOMPARE(authHeader({AuthMode::Basic, {}}, QStringLiteral("j\u00F6rg:p\u00E4ss")),
                 Header("Authorization", "Basic " + QStringLiteral("j\u00F6rg:p\u00E4ss").toUtf8().toBase64()));
        QCOMPARE(authHeader({AuthMode::Header, QStringLiteral(" X-Scope-OrgID ")}, QStringLiteral("tenant-1")),
                 Header("X-Scope-OrgID", "tenant-1"));
        QCOMPARE(authHeader({AuthMode::None, {}}, QStringLiteral("secret")), Header());
        QCOMPARE(authHeader({AuthMode::Bearer, {}}, QString()), Header());
        QCOMPARE(authHeader({AuthMode::Header, QStringLiteral("X-Api-Key")}, QString()), Header());
    }

    // ---- hits --------------------------------------------------------------------------------------------

    void hitOfATrace()
    {
        const auto trace = loadFile(zipkinKafka);
        const TraceHit hit = traceHitFromTrace(*trace);
        QCOMPARE(hit.traceId, std::string("0562809467078eab"));
        QCOMPARE(hit.spanCount, 28);
        QCOMPARE(hit.errorCount, 3);
        QCOMPARE(hit.durationUs, 649065);
        QCOMPARE(hit.startUs, 1541405397200002);
        QCOMPARE(hit.services, (std::vector<std::string>{"servicea", "serviceb"}));
        const json line = traceHitJson(hit);
        QCOMPARE(line.size(), std::size_t(8));
        COMPARE_JSON(line.at("traceId"), json("0562809467078eab"));
        COMPARE_JSON(line.at("spanCount"), json(28));
        COMPARE_JSON(line.at("errorCount"), json(3));
        COMPARE_JSON(line.at("rootService"), json(hit.rootService));
        QVERIFY(!hit.rootService.empty());
        QVERIFY(!hit.rootName.empty());
    }
};

QTEST_GUILESS_MAIN(TestBackendApi)
#include "tst_backendapi.moc"
