// Trace files written by other projects (tests/data/realworld, listed in its README.md) and the CTS fixture:
// every trace file opens, shows every span once in the tree, and what the file says (services, errors,
// timings, the expected answers in the hotrod manifests) is what the model says.

#include "readers/wirevalues.h"
#include "traceloader.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace td;

namespace {

QString realworldDir()
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/realworld");
}

QString realworld(const char *relative)
{
    return realworldDir() + QLatin1Char('/') + QString::fromUtf8(relative);
}

QString fromStd(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// One row of the README table: format as the README names it and the number of span objects in the file
// (-1 when the README says "?" or "-").
struct ReadmeEntry
{
    QString format;
    int rawSpans = -1;
};

QHash<QString, ReadmeEntry> readReadme()
{
    QHash<QString, ReadmeEntry> entries;
    QFile file(realworld("README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    // | `file` | origin | format | raw spans |
    static const QRegularExpression row(
        QStringLiteral("^\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|\\s*([^|]+?)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*$"));
    for (const auto &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const auto m = row.match(line);
        if (!m.hasMatch())
            continue;
        bool ok = false;
        const int raw = m.captured(3).toInt(&ok);
        entries.insert(m.captured(1), ReadmeEntry{m.captured(2), ok ? raw : -1});
    }
    return entries;
}

bool isManifest(const QString &relative)
{
    return relative.endsWith(QLatin1String(".manifest.json"));
}

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

// Each line of a newline-delimited file, or the whole file, as JSON values.
QList<QJsonValue> readDocuments(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (const auto doc = QJsonDocument::fromJson(bytes); !doc.isNull())
        return {doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array())};
    QList<QJsonValue> docs;
    for (const auto &line : bytes.split('\n'))
        if (const auto doc = QJsonDocument::fromJson(line); doc.isObject())
            docs.append(doc.object());
    return docs;
}

// v.key1.key2... of a JSON value; undefined when a step is missing.
QJsonValue at(QJsonValue v, std::initializer_list<const char *> path)
{
    for (const char *key : path)
        v = v.toObject().value(QLatin1String(key));
    return v;
}

LoadResult load(const QString &path)
{
    return loadTraceFile(path);
}

// The first span with this id and (when given) this name.
const Span *findSpan(const Trace &trace, const QString &id, const QString &name = {})
{
    for (const auto &s : trace.spans())
        if (!s.isPlaceholder() && trace.qstr(s.spanId) == id && (name.isEmpty() || trace.qstr(s.name) == name))
            return &s;
    return nullptr;
}

QString tagValue(const Trace &trace, const Span &span, const char *key)
{
    const Tag *tag = trace.findTag(span, key);
    return tag ? trace.qstr(tag->value) : QString();
}

// Zipkin's skew rule for one span holding both halves: move the server into the middle of the client.
std::int64_t expectedSkewShift(std::int64_t cs, std::int64_t sr, std::int64_t ss, std::int64_t cr)
{
    const auto latency = ((cr - cs) - (ss - sr)) / 2;
    return cs + latency - sr;
}

// The spans of an OTLP/JSON value with the service.name of their resource, in file order.
struct OtlpSpan
{
    QString spanId;
    QString service;
    QJsonObject span;
};

void collectOtlp(const QJsonValue &v, QList<OtlpSpan> &out)
{
    if (v.isArray()) {
        for (const auto &e : v.toArray())
            collectOtlp(e, out);
        return;
    }
    if (!v.isObject())
        return;
    const auto o = v.toObject();
    if (o.contains(QLatin1String("result")))
        collectOtlp(at(o, {"result"}), out);
    for (const auto &rs : at(o, {"resourceSpans"}).toArray()) {
        QString service;
        for (const auto &a : at(rs, {"resource", "attributes"}).toArray())
            if (at(a, {"key"}).toString() == QLatin1String("service.name"))
                service = at(a, {"value", "stringValue"}).toString();
        const auto scopes = rs.toObject().contains(QLatin1String("scopeSpans"))
            ? at(rs, {"scopeSpans"}).toArray()
            : at(rs, {"instrumentationLibrarySpans"}).toArray();
        for (const auto &scope : scopes)
            for (const auto &s : at(scope, {"spans"}).toArray())
                out.append({at(s, {"spanId"}).toString().toLower(), service, s.toObject()});
    }
}

// Jaeger JSON spans with the service of their embedded process or of their trace's processes map.
struct JaegerSpan
{
    QString spanId;
    QString name;
    QString service;
    bool error = false; // an error tag that is not false
};

void collectJaeger(const QJsonValue &v, QList<JaegerSpan> &out)
{
    const auto addSpan = [&out](const QJsonObject &s, const QJsonObject &processes) {
        QString service = at(s, {"process", "serviceName"}).toString();
        if (service.isEmpty())
            service = at(processes.value(at(s, {"processID"}).toString()), {"serviceName"}).toString();
        bool error = false;
        for (const auto &tag : at(s, {"tags"}).toArray()) {
            const auto t = tag.toObject();
            const auto value = at(t, {"value"});
            if (at(t, {"key"}).toString() == QLatin1String("error"))
                error = value.isBool() ? value.toBool() : value.toString() != QLatin1String("false");
        }
        out.append({at(s, {"spanID"}).toString(), at(s, {"operationName"}).toString(), service, error});
    };
    if (v.isArray()) {
        for (const auto &e : v.toArray()) {
            if (e.toObject().contains(QLatin1String("spanID")))
                addSpan(e.toObject(), {});
            else
                collectJaeger(e, out);
        }
        return;
    }
    const auto o = v.toObject();
    if (o.contains(QLatin1String("spans"))) {
        const auto processes = at(o, {"processes"}).toObject();
        for (const auto &s : at(o, {"spans"}).toArray())
            addSpan(s.toObject(), processes);
    }
    if (o.contains(QLatin1String("data")))
        collectJaeger(at(o, {"data"}), out);
}

} // namespace

class TestRealworld : public QObject
{
    Q_OBJECT

private:
    QHash<QString, ReadmeEntry> m_readme;

private Q_SLOTS:
    void initTestCase()
    {
        m_readme = readReadme();
        QVERIFY2(m_readme.size() > 50, "the README table of tests/data/realworld was not read");
    }

    void readmeListsEveryFile()
    {
        QSet<QString> onDisk;
        QDirIterator it(realworldDir(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const auto relative = QDir(realworldDir()).relativeFilePath(it.next());
            if (relative != QLatin1String("README.md"))
                onDisk.insert(relative);
        }
        for (const auto &file : onDisk)
            QVERIFY2(m_readme.contains(file), qPrintable(file + QStringLiteral(" is not in the README")));
        for (auto it2 = m_readme.cbegin(); it2 != m_readme.cend(); ++it2)
            QVERIFY2(onDisk.contains(it2.key()),
                     qPrintable(it2.key() + QStringLiteral(" is in the README but missing")));
    }

    void opensEveryFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("rawSpans");
        QDirIterator it(realworldDir(), {QStringLiteral("*.json"), QStringLiteral("*.jsonl")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files.append(QDir(realworldDir()).relativeFilePath(it.next()));
        files.sort();
        for (const auto &relative : files) {
            const auto entry = m_readme.value(relative);
            QTest::newRow(qPrintable(relative))
                << realworldDir() + QLatin1Char('/') + relative << entry.format << entry.rawSpans;
        }
    }

    void opensEveryFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, format);
        QFETCH(int, rawSpans);
        const auto result = load(path);
        if (isManifest(path)) {
            QVERIFY(!result.ok());
            QVERIFY2(result.error.contains(QLatin1String("not a trace")), qPrintable(result.error));
            QVERIFY2(result.error.contains(QLatin1String("tried")), qPrintable(result.error));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &trace = *result.trace;
        QVERIFY(trace.realSpanCount() > 0);
        if (rawSpans > 0)
            QVERIFY2(trace.realSpanCount() <= static_cast<std::size_t>(rawSpans),
                     qPrintable(QStringLiteral("%1 spans, the file has %2").arg(trace.realSpanCount()).arg(rawSpans)));

        // The reader the README names was the one used: zipkin, jaeger or otlp.
        const auto family = format.section(QLatin1Char('-'), 0, 0).section(QLatin1Char(' '), 0, 0).toLower();
        const auto expectedFamily = family == QLatin1String("ndjson") ? QStringLiteral("otlp") : family;
        QVERIFY2(fromStd(trace.format()).startsWith(expectedFamily),
                 qPrintable(fromStd(trace.format()) + QStringLiteral(" for a ") + format + QStringLiteral(" file")));

        for (const auto &s : trace.spans()) {
            QVERIFY2(s.durationUs >= 0, qPrintable(trace.qstr(s.spanId)));
            if (!s.isPlaceholder())
                QVERIFY(s.spanId != 0);
        }
        // Every span is in the tree exactly once.
        QCOMPARE(trace.preorder().size(), trace.spanCount());
        std::vector<int> seen(trace.spanCount(), 0);
        for (auto index : trace.preorder()) {
            QVERIFY(index >= 0 && static_cast<std::size_t>(index) < trace.spanCount());
            ++seen[static_cast<std::size_t>(index)];
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
        for (auto index : trace.preorder()) {
            const Span &s = trace.span(static_cast<std::size_t>(index));
            if (s.parent != NoIndex)
                QVERIFY(s.depth == trace.span(static_cast<std::size_t>(s.parent)).depth + 1);
        }
    }

    // OTLP: each span's service is its resource's service.name; status code 2 marks exactly those spans.
    void otlpServicesAndStatus_data()
    {
        QTest::addColumn<QString>("path");
        for (auto it = m_readme.cbegin(); it != m_readme.cend(); ++it)
            if (it.value().format.startsWith(QLatin1String("otlp"))
                || it.value().format.contains(QLatin1String("OTLP")))
                QTest::newRow(qPrintable(it.key())) << realworldDir() + QLatin1Char('/') + it.key();
    }

    void otlpServicesAndStatus()
    {
        QFETCH(QString, path);
        QList<OtlpSpan> raw;
        for (const auto &doc : readDocuments(path))
            collectOtlp(doc, raw);
        QVERIFY(!raw.isEmpty());
        const auto result = load(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &trace = *result.trace;
        // A span reported twice (otlp2jaeger-in.json) is shown once.
        QSet<QString> distinct;
        for (const auto &r : raw)
            distinct.insert(at(r.span, {"traceId"}).toString().toLower() + QLatin1Char('/') + r.spanId);
        QCOMPARE(trace.realSpanCount(), static_cast<std::size_t>(distinct.size()));
        std::size_t errors = 0;
        for (const auto &r : raw) {
            const Span *s = findSpan(trace, r.spanId, at(r.span, {"name"}).toString());
            QVERIFY2(s, qPrintable(r.spanId));
            QCOMPARE(trace.qstr(s->service), r.service);
            const auto code = at(r.span, {"status", "code"});
            const bool statusError = code.toInt() == 2 || code.toString() == QLatin1String("STATUS_CODE_ERROR");
            if (statusError) {
                ++errors;
                QVERIFY(s->isError());
                const auto message = at(r.span, {"status", "message"}).toString();
                if (!message.isEmpty())
                    QCOMPARE(trace.qstr(s->statusText), message);
            }
            const auto start = at(r.span, {"startTimeUnixNano"}).toVariant().toLongLong();
            const auto end = at(r.span, {"endTimeUnixNano"}).toVariant().toLongLong();
            if (start > 0 && end >= start) {
                QCOMPARE(s->rawStartUs, start / 1000);
                QCOMPARE(s->durationUs, end / 1000 - start / 1000);
            }
        }
        // HTTP 5xx also marks errors, so the status errors are a lower bound.
        QVERIFY(trace.errorCount() >= errors);
    }

    // Jaeger JSON: each span's service comes from its embedded process or from the processes map, which in
    // most files follows the spans.
    void jaegerServicesFromProcesses_data()
    {
        QTest::addColumn<QString>("path");
        for (auto it = m_readme.cbegin(); it != m_readme.cend(); ++it)
            if (it.value().format.startsWith(QLatin1String("jaeger-ui"))
                || it.value().format.startsWith(QLatin1String("jaeger-span-array")))
                QTest::newRow(qPrintable(it.key())) << realworldDir() + QLatin1Char('/') + it.key();
    }

    void jaegerServicesFromProcesses()
    {
        QFETCH(QString, path);
        QList<JaegerSpan> raw;
        const auto doc = readJson(path);
        collectJaeger(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), raw);
        QVERIFY(!raw.isEmpty());
        const auto result = load(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &trace = *result.trace;
        std::size_t errors = 0;
        for (const auto &r : raw) {
            static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]+$"));
            const Span *s = findSpan(trace, hex.match(r.spanId).hasMatch() ? r.spanId.toLower() : r.spanId, r.name);
            QVERIFY2(s, qPrintable(r.spanId + QLatin1Char(' ') + r.name));
            QVERIFY(!r.service.isEmpty());
            QCOMPARE(trace.qstr(s->service), r.service);
            QVERIFY(s->localEndpoint != NoIndex);
            if (r.error)
                QVERIFY(s->isError());
            errors += r.error ? 1 : 0;
        }
        QVERIFY(trace.errorCount() >= errors);
        QVERIFY(std::none_of(trace.problems().begin(), trace.problems().end(), [](const Problem &p) {
            return p.message.find("not in the trace's processes") != std::string::npos;
        }));
    }

    void jaegerParentIsChildOfReference()
    {
        const auto result = load(realworld("jaegertracing__jaeger-ui/components__TracePage__TraceCriticalPath__testTrace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.realSpanCount(), std::size_t(4));
        QCOMPARE(t.roots().size(), std::size_t(1));
        const Span &root = t.span(static_cast<std::size_t>(t.roots().front()));
        QCOMPARE(t.qstr(root.spanId), QStringLiteral("a"));
        QCOMPARE(root.childCount, 3u);
        // startTime 0 is a time like any other here: the root starts at 0, its children at 10, 40 and 60.
        QCOMPARE(root.startUs, std::int64_t(0));
        QCOMPARE(root.durationUs, std::int64_t(100));
        QCOMPARE(t.span(static_cast<std::size_t>(t.child(root, 0))).startUs, std::int64_t(10));
        QCOMPARE(t.qstr(root.service), QStringLiteral("S1"));
    }

    void jaegerErrorAndKindFromTags()
    {
        const auto result = load(realworld("jaegertracing__jaeger/anonymizer__trace_success.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        const Span *server = findSpan(t, QStringLiteral("7606ddfe69932d34"));
        const Span *client = findSpan(t, QStringLiteral("7bd66f09ba90ea3d"));
        QVERIFY(server && client);
        QCOMPARE(server->kind, SpanKind::Server);
        QCOMPARE(client->kind, SpanKind::Client);
        QVERIFY(client->isError()); // {"key":"error","type":"bool","value":"true"}
        QVERIFY(!server->isError());
        QCOMPARE(t.errorCount(), std::size_t(1));
        QCOMPARE(t.qstr(client->service), QStringLiteral("3c220036602f839e")); // embedded process
        QCOMPARE(&t.span(static_cast<std::size_t>(client->parent)), server);
        // The server's parent is not in the file: it hangs under a placeholder.
        QVERIFY(server->hasFlag(SpanFlag::Orphan));
        QCOMPARE(client->startUs, std::int64_t(1605223981965074));
        QCOMPARE(client->durationUs, std::int64_t(32782));
    }

    // No file above carries an OpenTelemetry status in Jaeger tags; this is how the Jaeger exporter writes it.
    void jaegerOtelStatusAndErrorLog()
    {
        const auto bytes = std::make_shared<const std::string>(R"({"data":[{"traceID":"t1","spans":[
            {"traceID":"t1","spanID":"a1","operationName":"charge","startTime":1000,"duration":50,"processID":"p1",
             "tags":[{"key":"otel.status_code","type":"string","value":"ERROR"},
                     {"key":"otel.status_description","type":"string","value":"card declined"}]},
            {"traceID":"t1","spanID":"b2","operationName":"notify","startTime":1010,"duration":5,"processID":"p2",
             "references":[{"refType":"FOLLOWS_FROM","traceID":"t1","spanID":"a1"}],
             "tags":[{"key":"error","type":"bool","value":true}],
             "logs":[{"timestamp":1012,"fields":[{"key":"event","type":"string","value":"error"},
                                                 {"key":"message","type":"string","value":"smtp timeout"}]}]},
            {"traceID":"t1","spanID":"c3","operationName":"audit","startTime":1020,"duration":5,"processID":"p1",
             "references":[{"refType":"CHILD_OF","traceID":"t1","spanID":"a1"}],
             "tags":[{"key":"error","type":"bool","value":false},{"key":"otel.status_code","type":"string","value":"OK"}]}],
            "processes":{"p1":{"serviceName":"payment","tags":[{"key":"ip","type":"string","value":"10.0.0.7"}]},
                         "p2":{"serviceName":"email","tags":[]}}}]})");
        const auto result = loadTraceBytes(bytes, QStringLiteral("inline.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.errorCount(), std::size_t(2));
        const Span *charge = findSpan(t, QStringLiteral("a1"));
        const Span *notify = findSpan(t, QStringLiteral("b2"));
        const Span *audit = findSpan(t, QStringLiteral("c3"));
        QVERIFY(charge && notify && audit);
        QVERIFY(charge->isError());
        QCOMPARE(t.qstr(charge->statusText), QStringLiteral("card declined"));
        QVERIFY(notify->isError());
        QCOMPARE(t.qstr(notify->statusText), QStringLiteral("smtp timeout"));
        QVERIFY(!audit->isError());
        // A FOLLOWS_FROM reference is a parent when it is the only reference.
        QCOMPARE(&t.span(static_cast<std::size_t>(notify->parent)), charge);
        QCOMPARE(notify->annotationCount, 1u);
        QCOMPARE(t.qstr(t.annotationsBegin(*notify)->value), QStringLiteral("error"));
        // Services and the process ip come from the processes map written after the spans.
        QCOMPARE(t.qstr(charge->service), QStringLiteral("payment"));
        QCOMPARE(t.qstr(notify->service), QStringLiteral("email"));
        QCOMPARE(t.qstr(t.endpoint(charge->localEndpoint)->ipv4), QStringLiteral("10.0.0.7"));
        QVERIFY(t.problems().empty() || std::none_of(t.problems().begin(), t.problems().end(), [](const Problem &p) {
                    return p.severity != Problem::Severity::Info;
                }));
    }

    void jaegerMissingProcessIsReported()
    {
        const auto bytes = std::make_shared<const std::string>(R"({"traceID":"t1","spans":[
            {"traceID":"t1","spanID":"a1","operationName":"x","startTime":1000,"duration":50,"processID":"p9"}],
            "processes":{"p1":{"serviceName":"payment"}}})");
        const auto result = loadTraceBytes(bytes, QStringLiteral("inline.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(std::any_of(result.trace->problems().begin(), result.trace->problems().end(),
                            [](const Problem &p) { return p.message.find("process p9") != std::string::npos; }));
    }

    // The domain model (protobuf JSON) and the UI JSON of the same trace give the same spans: base64 ids,
    // RFC 3339 times with nanoseconds and "5000ns" durations read as the UI's hex ids and µs numbers.
    void jaegerDomainModelMatchesUiJson()
    {
        const auto domain = load(realworld("jaegertracing__jaeger/uimodel-json__domain_01.json"));
        const auto ui = load(realworld("jaegertracing__jaeger/uimodel-json__ui_01.json"));
        QVERIFY2(domain.ok(), qPrintable(domain.error));
        QVERIFY2(ui.ok(), qPrintable(ui.error));
        const Trace &d = *domain.trace;
        const Trace &u = *ui.trace;
        QCOMPARE(fromStd(d.format()), QStringLiteral("jaeger-proto"));
        QCOMPARE(d.traceId(), u.traceId());
        QCOMPARE(fromStd(u.traceId()), QStringLiteral("0000000000000001"));
        QCOMPARE(d.realSpanCount(), u.realSpanCount());
        for (const auto &us : u.spans()) {
            if (us.isPlaceholder())
                continue;
            const Span *ds = findSpan(d, u.qstr(us.spanId), u.qstr(us.name));
            QVERIFY2(ds, qPrintable(u.qstr(us.spanId)));
            QCOMPARE(ds->rawStartUs, us.rawStartUs);
            QCOMPARE(ds->durationUs, us.durationUs);
            QCOMPARE(d.qstr(ds->parentId), u.qstr(us.parentId));
            QCOMPARE(d.qstr(ds->service), u.qstr(us.service));
            QCOMPARE(ds->isError(), us.isError());
            QCOMPARE(ds->annotationCount, us.annotationCount);
        }
        // "reference-test" has a CHILD_OF into another trace first; its parent is the one in its own trace.
        const Span *refTest = findSpan(u, QStringLiteral("0000000000000004"));
        QVERIFY(refTest);
        QCOMPARE(u.qstr(refTest->parentId), QStringLiteral("0000000000000002"));
        QVERIFY(u.findTag(*refTest, "references"));
    }

    void zipkinSkewIsCorrected()
    {
        const auto path = realworld("openzipkin__zipkin/zipkin-lens_testdata_skew.json");
        const auto result = load(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QVERIFY(std::any_of(t.problems().begin(), t.problems().end(),
                            [](const Problem &p) { return p.kind == Problem::Kind::SkewAdjusted; }));
        // The client and server halves of "post" become one span; the server started 65 ms before its client.
        const Span *post = findSpan(t, QStringLiteral("74280ae0c10d8062"));
        QVERIFY(post);
        QCOMPARE(t.realSpanCount(), std::size_t(3));
        QVERIFY(post->hasFlag(SpanFlag::Shared));
        QCOMPARE(post->skewReason, SkewReason::ServerBeforeClient);
        const auto raw = readJson(path).array();
        std::int64_t cs = 0, cr = 0, sr = 0, ss = 0;
        for (const auto &v : raw) {
            const auto o = v.toObject();
            if (at(o, {"id"}).toString() != QLatin1String("74280ae0c10d8062"))
                continue;
            const auto ts = static_cast<std::int64_t>(at(o, {"timestamp"}).toDouble());
            const auto dur = static_cast<std::int64_t>(at(o, {"duration"}).toDouble());
            if (at(o, {"kind"}).toString() == QLatin1String("CLIENT"))
                cs = ts, cr = ts + dur;
            else
                sr = ts, ss = ts + dur;
        }
        const auto shift = expectedSkewShift(cs, sr, ss, cr);
        QCOMPARE(post->serverShiftUs, shift); // the server side moves; the row keeps its client's times
        QCOMPARE(post->skewShiftUs, qint64(0));
        QCOMPARE(post->startUs, cs);
        // The server's child moved with it and now sits inside the client's interval.
        const Span *async = findSpan(t, QStringLiteral("43210ae0c10d1234"));
        QVERIFY(async);
        QCOMPARE(async->skewShiftUs, shift);
        QVERIFY(async->startUs >= post->startUs && async->endUs() <= post->endUs());
        QCOMPARE(&t.span(static_cast<std::size_t>(async->parent)), post);
        // Corrected, the server side lies inside the client's; as recorded it does not.
        QVERIFY(t.adjustedRpcTimes(*post).sr >= cs && t.adjustedRpcTimes(*post).ss <= cr);
        QCOMPARE(t.rpcTimes(*post).sr, sr);
    }

    // Zipkin v1: client and server halves reported with the same id become one shared span.
    void zipkinV1HalvesMerge()
    {
        const auto result = load(realworld("open-telemetry__opentelemetry-collector/zipkinv1__zipkin_v1_single_batch.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        const auto readme = m_readme.value(
            QStringLiteral("open-telemetry__opentelemetry-collector/zipkinv1__zipkin_v1_single_batch.json"));
        QCOMPARE(readme.rawSpans, 5);
        QCOMPARE(t.realSpanCount(), std::size_t(3)); // two ids reported twice, one once
        const Span *availability = findSpan(t, QStringLiteral("0ed2e63cbe71f5a8"));
        const Span *stock = findSpan(t, QStringLiteral("f9ebb6e64880612a"));
        QVERIFY(availability && stock);
        QVERIFY(availability->hasFlag(SpanFlag::Shared));
        QVERIFY(stock->hasFlag(SpanFlag::Shared));
        QCOMPARE(&t.span(static_cast<std::size_t>(stock->parent)), availability);
    }

    // One span carrying both halves as v1 annotations (cs sr cr ss): the server ended after its client
    // received the response but started after it sent the request. Zipkin Lens corrects only a server that
    // starts first, so nothing moves.
    void zipkinSpanWithBothHalves()
    {
        const auto result = load(realworld("jaegertracing__jaeger/collector-handler-testdata__zipkin_v1_merged_spans.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.realSpanCount(), std::size_t(2));
        const Span *api = findSpan(t, QStringLiteral("c943743e25dc2cdf"));
        QVERIFY(api);
        QCOMPARE(api->skewReason, SkewReason::None);
        QCOMPARE(api->skewShiftUs, qint64(0));
        QCOMPARE(api->serverShiftUs, qint64(0));
        QVERIFY(std::none_of(t.problems().begin(), t.problems().end(),
                             [](const Problem &p) { return p.kind == Problem::Kind::SkewAdjusted; }));
    }

    void otlpEventsLinksAndStatus()
    {
        const auto result = load(realworld("jaegertracing__jaeger/cassandra__otel_traces_01.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(t.realSpanCount(), std::size_t(1));
        const Span &s = t.spans().front();
        QCOMPARE(t.qstr(s.service), QStringLiteral("service-x"));
        QVERIFY(s.isError());
        QCOMPARE(t.qstr(s.statusText), QStringLiteral("random-message"));
        QCOMPARE(t.errorCount(), std::size_t(1));
        QCOMPARE(s.annotationCount, 2u);
        const Annotation &event = *(t.annotationsBegin(s) + 1);
        QCOMPARE(t.qstr(event.value), QStringLiteral("testing-event"));
        QCOMPARE(event.timestampUs, std::int64_t(1485467191639875));
        const auto fields = t.annotationFields(event);
        QCOMPARE(fields.size(), std::size_t(1));
        QCOMPARE(t.qstr(fields.begin()->key), QStringLiteral("event-x"));
        QCOMPARE(t.qstr(fields.begin()->value), QStringLiteral("event-y"));
        QCOMPARE(s.durationUs, std::int64_t(5));
        QCOMPARE(tagValue(t, s, "temperature"), QStringLiteral("72.5"));
        QCOMPARE(t.findTag(s, "temperature")->type, JsonType::Number);
        QCOMPARE(tagValue(t, s, "peer.ipv4"), QStringLiteral("23456"));
        const auto links = QJsonDocument::fromJson(tagValue(t, s, "links").toUtf8()).array();
        QCOMPARE(links.size(), 2);
        QCOMPARE(at(links.at(1), {"spanId"}).toString(), QStringLiteral("00000000000000ff"));
        QCOMPARE(at(links.at(0), {"attributes", "opentracing.ref_type"}).toString(),
                 QStringLiteral("follows_from"));
    }

    void otlpUppercaseHexIdsAndIntKind()
    {
        const auto result = load(realworld("open-telemetry__opentelemetry-proto/examples__trace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        const Span *s = findSpan(t, QStringLiteral("eee19b7ec3c1b174"));
        QVERIFY(s);
        QCOMPARE(fromStd(t.traceId()), QStringLiteral("5b8efff798038103d269b633813fc60c"));
        QCOMPARE(t.qstr(s->parentId), QStringLiteral("eee19b7ec3c1b173"));
        QCOMPARE(s->kind, SpanKind::Server); // kind 2
        QCOMPARE(s->durationUs, std::int64_t(1'000'000));
        QCOMPARE(t.qstr(s->service), QStringLiteral("my.service"));
    }

    // One OTLP object per line; parents are on other lines.
    void otlpNewlineDelimited()
    {
        const auto result = load(realworld("jaegertracing__jaeger-ui/utils__fixtures__otlp2jaeger-multi-in.jsonl"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(fromStd(t.format()), QStringLiteral("otlp-ndjson"));
        QCOMPARE(t.realSpanCount(), std::size_t(4));
        QCOMPARE(t.roots().size(), std::size_t(1));
        const Span &root = t.span(static_cast<std::size_t>(t.roots().front()));
        QCOMPARE(t.qstr(root.name), QStringLiteral("main"));
        QCOMPARE(root.childCount, 1u);
        const Span &info = t.span(static_cast<std::size_t>(t.child(root, 0)));
        QCOMPARE(t.qstr(info.name), QStringLiteral("info"));
        QCOMPARE(info.childCount, 2u);
        QCOMPARE(t.services().size(), std::size_t(1));
        QCOMPARE(t.qstr(t.services().front()), QStringLiteral("example-trace"));
    }

    void otlpApiV3Envelope()
    {
        const auto path = realworld("jaegertracing__jaeger-ui/api__v3____fixtures____getTrace-response.json");
        const auto result = load(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        const auto rawSpans = m_readme.value(QDir(realworldDir()).relativeFilePath(path)).rawSpans;
        QCOMPARE(t.realSpanCount(), static_cast<std::size_t>(rawSpans));
        QList<OtlpSpan> raw;
        collectOtlp(readJson(path).object(), raw);
        QSet<QString> services;
        for (const auto &r : raw)
            services.insert(r.service);
        QCOMPARE(t.services().size(), static_cast<std::size_t>(services.size()));
    }

    // The manifest's expected answer: frontend-proxy's POST is the only errored span; the locus below it,
    // frontend's POST, ran the whole 15 s budget.
    void hotrodErrorTimeoutMasked()
    {
        const auto manifest = readJson(realworld("jaegertracing__jaeger/hotrod-skills__error_timeout_masked.manifest.json")).object();
        const auto result = load(realworld("jaegertracing__jaeger/hotrod-skills__error_timeout_masked.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(fromStd(t.traceId()), at(manifest, {"trace_id"}).toString());
        QVERIFY(t.errorCount() > 0);
        // "It is the only errored span in the trace", by OpenTelemetry status.
        const auto naive = at(manifest, {"naive_answer"}).toObject();
        const Span *errored = findSpan(t, at(naive, {"deepest_errored_span_id"}).toString());
        QVERIFY(errored);
        QVERIFY(errored->isError());
        std::vector<const Span *> statusErrors;
        for (const auto &s : t.spans())
            if (tagValue(t, s, "otel.status_code") == QLatin1String("ERROR"))
                statusErrors.push_back(&s);
        QCOMPARE(statusErrors.size(), std::size_t(1));
        QCOMPARE(statusErrors.front(), errored);
        // Envoy also wrote error=true on the proxy's cancelled egress span below it; like the Jaeger UI we
        // show that span in error too, so two spans are red.
        const Span *egress = findSpan(t, QStringLiteral("fb403de242b50b18"), QStringLiteral("router frontend egress"));
        QVERIFY(egress);
        QCOMPARE(tagValue(t, *egress, "error"), QStringLiteral("true"));
        QVERIFY(egress->isError());
        QCOMPARE(t.errorCount(), std::size_t(2));
        QCOMPARE(t.qstr(errored->service), at(naive, {"service"}).toString());
        QCOMPARE(t.qstr(errored->name), at(naive, {"operation"}).toString());
        const auto expected = at(manifest, {"expected"}).toObject();
        const Span *locus = findSpan(t, at(expected, {"locus_span_id"}).toString());
        QVERIFY(locus);
        QVERIFY(!locus->isError());
        QCOMPARE(t.qstr(locus->service), at(expected, {"locus_service"}).toString());
        QCOMPARE(t.qstr(locus->name), at(expected, {"locus_operation"}).toString());
        QCOMPARE(std::llround(static_cast<double>(locus->durationUs) / 1000.0),
                 static_cast<long long>(at(expected, {"locus_duration_ms"}).toInt()));
        // The locus is below the errored span, through the proxy's router span.
        std::int32_t up = locus->parent;
        bool below = false;
        for (int guard = 0; up != NoIndex && guard < 64; ++guard, up = t.span(static_cast<std::size_t>(up)).parent)
            below = below || &t.span(static_cast<std::size_t>(up)) == errored;
        QVERIFY(below);
    }

    void hotrodSiblingErrors()
    {
        const auto manifest = readJson(realworld("jaegertracing__jaeger/hotrod-skills__sibling_errors.manifest.json")).object();
        const auto result = load(realworld("jaegertracing__jaeger/hotrod-skills__sibling_errors.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        std::size_t errLines = 0;
        for (const auto &line : at(manifest, {"structure"}).toArray())
            if (line.toString().trimmed().startsWith(QLatin1String("ERR")))
                ++errLines;
        QCOMPARE(errLines, std::size_t(5));
        QCOMPARE(t.errorCount(), errLines);
        const auto expected = at(manifest, {"expected"}).toObject();
        const Span *locus = findSpan(t, at(expected, {"locus_span_id"}).toString());
        QVERIFY(locus);
        QVERIFY(locus->isError());
        QCOMPARE(t.qstr(locus->service), at(expected, {"locus_service"}).toString());
        QCOMPARE(t.qstr(locus->name), at(expected, {"locus_operation"}).toString());
        QCOMPARE(t.qstr(locus->statusText), at(expected, {"mechanism"}).toString());
        QCOMPARE((locus->startUs - t.startUs()) / 1000,
                 static_cast<std::int64_t>(at(expected, {"locus_start_offset_ms"}).toInt()));
    }

    // The n+1 manifests count the parent's same-operation children, their overlaps, wall time and total time.
    void hotrodNPlusOne_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"n_plus_one_full_concurrent", "n_plus_one_full_serial", "n_plus_one_near_miss", "n_plus_one_positive"})
            QTest::newRow(name) << QString::fromUtf8(name);
    }

    void hotrodNPlusOne()
    {
        QFETCH(QString, name);
        const QString base = realworldDir() + QStringLiteral("/jaegertracing__jaeger/hotrod-skills__") + name;
        const auto manifest = readJson(base + QStringLiteral(".manifest.json")).object();
        const auto expected = at(manifest, {"expected"}).toObject();
        const auto result = load(base + QStringLiteral(".json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(fromStd(t.traceId()), at(manifest, {"trace_id"}).toString());
        const Span *parent = findSpan(t, at(expected, {"parent_span_id"}).toString());
        QVERIFY(parent);
        std::vector<const Span *> siblings;
        for (auto c = t.childrenBegin(*parent); c != t.childrenEnd(*parent); ++c) {
            const Span &child = t.span(static_cast<std::size_t>(*c));
            if (t.qstr(child.name) == at(expected, {"operation"}).toString()
                && t.qstr(child.service) == at(expected, {"service"}).toString())
                siblings.push_back(&child);
        }
        QCOMPARE(static_cast<int>(siblings.size()), at(expected, {"siblings"}).toInt());
        // The manifests count overlaps between calls that follow each other in start order.
        std::sort(siblings.begin(), siblings.end(),
                  [](const Span *a, const Span *b) { return a->startUs < b->startUs; });
        int overlapping = 0;
        std::int64_t sum = 0, lo = INT64_MAX, hi = INT64_MIN;
        for (std::size_t i = 0; i < siblings.size(); ++i) {
            sum += siblings[i]->durationUs;
            lo = std::min(lo, siblings[i]->startUs);
            hi = std::max(hi, siblings[i]->endUs());
            if (i > 0 && siblings[i]->startUs < siblings[i - 1]->endUs())
                ++overlapping;
        }
        QCOMPARE(overlapping, at(expected, {"overlapping_pairs"}).toInt());
        QVERIFY(std::fabs(static_cast<double>(sum) / 1000.0 - at(expected, {"sum_of_durations_ms"}).toDouble()) <= 0.1);
        QVERIFY(std::fabs(static_cast<double>(hi - lo) / 1000.0 - at(expected, {"wall_ms"}).toDouble()) <= 0.1);
    }

    // Cloud audit records: each is a root on the time axis, from when it happened to when it was recorded.
    void ctsRecords()
    {
        const auto path = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/cts-trace-list.json");
        const auto result = load(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        QCOMPARE(fromStd(t.format()), QStringLiteral("cts"));
        QCOMPARE(t.realSpanCount(), std::size_t(4));
        QCOMPARE(t.roots().size(), std::size_t(4));
        QCOMPARE(t.warningCount(), std::size_t(1));
        QCOMPARE(t.errorCount(), std::size_t(1));
        QVERIFY(std::none_of(t.problems().begin(), t.problems().end(),
                             [](const Problem &p) { return p.severity != Problem::Severity::Info; }));
        const auto records = at(readJson(path).object(), {"traces"}).toArray();
        for (const auto &v : records) {
            const auto r = v.toObject();
            const Span *s = findSpan(t, at(r, {"trace_id"}).toString());
            QVERIFY(s);
            QCOMPARE(t.qstr(s->name), at(r, {"trace_name"}).toString());
            QCOMPARE(t.qstr(s->service), at(r, {"service_type"}).toString());
            const auto time = static_cast<std::int64_t>(at(r, {"time"}).toDouble());
            const auto recorded = static_cast<std::int64_t>(at(r, {"record_time"}).toDouble());
            QCOMPARE(s->startUs, time * 1000);
            QCOMPARE(s->durationUs, (recorded - time) * 1000);
            const auto rating = at(r, {"trace_rating"}).toString();
            QCOMPARE(tagValue(t, *s, "trace_rating"), rating);
            QCOMPARE(s->isWarning(), rating == QLatin1String("warning"));
            QCOMPARE(s->isError(), rating == QLatin1String("incident"));
            QCOMPARE(tagValue(t, *s, "user"), at(r, {"user"}).toString()); // JSON text kept as text
        }
        const Span *incident = findSpan(t, QStringLiteral("b2e9a7c1-0003-11e7-9c3b-286ed488ce70"));
        QCOMPARE(t.qstr(incident->statusText), QStringLiteral("node failure triggered automatic deletion"));
        const Span *warning = findSpan(t, QStringLiteral("b2e9a7c1-0002-11e7-9c3b-286ed488ce70"));
        QCOMPARE(t.qstr(warning->statusText), QStringLiteral("Ecs.0114: instance is locked"));
    }

    // Fields of the wrong type cost the field, never the span or the file.
    void oddShapesKeepTheSpan_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("spanId");
        QTest::newRow("jaeger wrong types") << QStringLiteral(R"([{"traceID":"t","spanID":"a1","operationName":"op","startTime":{"x":1},
            "duration":"soon","references":"none","tags":{"k":"v"},"logs":[1,null,{"timestamp":"yesterday","fields":"x"}],
            "process":[],"processID":7,"warnings":"w"}])") << QStringLiteral("a1");
        QTest::newRow("jaeger proto bad texts") << QStringLiteral(R"({"spans":[{"traceId":"!!","spanId":"AAAAAAAAAAE=","operationName":"op",
            "startTime":"2017-02-30T00:00:00Z","duration":"5 parsecs","tags":[{"key":"k","vType":"INT64"},{"vStr":"no key"}],
            "references":[{"refType":"CHILD_OF"},{"spanId":7}]}]})") << QStringLiteral("0000000000000001");
        QTest::newRow("otlp wrong types") << QStringLiteral(R"({"resourceSpans":[{"resource":"r","scopeSpans":[{"spans":[{"traceId":"ab","spanId":"cd",
            "name":"op","kind":{"k":1},"startTimeUnixNano":"later","endTimeUnixNano":[],"attributes":[{"key":"k","value":{"arrayValue":{"values":
            [{"kvlistValue":{"values":[{"key":"a","value":{"intValue":"x"}}]}}]}}},7,{"value":{}}],"events":{"e":1},"links":[1,{"spanId":[]}],
            "status":"bad"}]}]}]})") << QStringLiteral("cd");
        QTest::newRow("cts wrong types") << QStringLiteral(R"([{"trace_id":"r1","trace_name":"x","time":"1481167505000","record_time":"early",
            "trace_rating":"incident","response":"not json","user":{"name":"a"}}])") << QStringLiteral("r1");
    }

    void oddShapesKeepTheSpan()
    {
        QFETCH(QString, json);
        QFETCH(QString, spanId);
        const auto bytes = std::make_shared<const std::string>(json.toStdString());
        const auto result = loadTraceBytes(bytes, QStringLiteral("odd.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.trace->realSpanCount(), std::size_t(1));
        QVERIFY(findSpan(*result.trace, spanId));
    }

    void rfc3339_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("us");
        QTest::addColumn<bool>("valid");
        // 2017-01-26T21:46:31Z is 1485467191 s since the epoch.
        QTest::newRow("ns, negative offset") << QStringLiteral("2017-01-26T16:46:31.639875139-05:00") << qint64(1485467191639875) << true;
        QTest::newRow("µs, Z") << QStringLiteral("2017-01-26T21:46:31.639875Z") << qint64(1485467191639875) << true;
        QTest::newRow("no fraction, +02:00") << QStringLiteral("2017-01-26T23:46:31+02:00") << qint64(1485467191000000) << true;
        QTest::newRow("one digit") << QStringLiteral("2017-01-26T21:46:31.5Z") << qint64(1485467191500000) << true;
        QTest::newRow("epoch, -00:00") << QStringLiteral("1970-01-01T00:00:00-00:00") << qint64(0) << true;
        QTest::newRow("before the epoch") << QStringLiteral("1969-12-31T23:59:59Z") << qint64(-1000000) << true;
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00Z") << qint64(1709164800000000) << true;
        QTest::newRow("not a leap day") << QStringLiteral("2023-02-29T00:00:00Z") << qint64(0) << false;
        QTest::newRow("no zone") << QStringLiteral("2017-01-26T21:46:31") << qint64(0) << false;
        QTest::newRow("month 13") << QStringLiteral("2017-13-26T21:46:31Z") << qint64(0) << false;
        QTest::newRow("trailing text") << QStringLiteral("2017-01-26T21:46:31Zx") << qint64(0) << false;
        QTest::newRow("empty fraction") << QStringLiteral("2017-01-26T21:46:31.Z") << qint64(0) << false;
        QTest::newRow("empty") << QString() << qint64(0) << false;
    }

    void rfc3339()
    {
        QFETCH(QString, text);
        QFETCH(qint64, us);
        QFETCH(bool, valid);
        const auto parsed = wire::rfc3339ToUs(text.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, us);
    }

    void duration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("us");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ns") << QStringLiteral("5000ns") << qint64(5) << true;
        QTest::newRow("sub-µs truncates") << QStringLiteral("4999ns") << qint64(4) << true;
        QTest::newRow("protobuf seconds") << QStringLiteral("0.005s") << qint64(5000) << true;
        QTest::newRow("protobuf ns precision") << QStringLiteral("1.000000001s") << qint64(1000000) << true;
        QTest::newRow("us") << QStringLiteral("12us") << qint64(12) << true;
        QTest::newRow("µs") << QStringLiteral("12µs") << qint64(12) << true;
        QTest::newRow("ms fraction") << QStringLiteral("1.5ms") << qint64(1500) << true;
        QTest::newRow("compound") << QStringLiteral("1h2m3.5s") << qint64(3723500000) << true;
        QTest::newRow("negative") << QStringLiteral("-2ms") << qint64(-2000) << true;
        QTest::newRow("zero") << QStringLiteral("0") << qint64(0) << true;
        QTest::newRow("no unit") << QStringLiteral("5000") << qint64(0) << false;
        QTest::newRow("bad unit") << QStringLiteral("5d") << qint64(0) << false;
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999h") << qint64(0) << false;
        QTest::newRow("empty") << QString() << qint64(0) << false;
    }

    void duration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, us);
        QFETCH(bool, valid);
        const auto parsed = wire::durationToUs(text.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, us);
    }

    void ids_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("base64");
        QTest::addColumn<QString>("hex");
        QTest::newRow("hex lowercased") << QStringLiteral("EEE19B7EC3C1B174") << false << QStringLiteral("eee19b7ec3c1b174");
        QTest::newRow("8-byte base64") << QStringLiteral("AAAAAAAAAAI=") << true << QStringLiteral("0000000000000002");
        QTest::newRow("16-byte base64") << QStringLiteral("AAAAAAAAAAAAAAAAAAAA/w==") << true << QStringLiteral("000000000000000000000000000000ff");
        QTest::newRow("base64 not allowed") << QStringLiteral("AAAAAAAAAAI=") << false << QStringLiteral("AAAAAAAAAAI=");
        QTest::newRow("readable id kept") << QStringLiteral("span-A") << true << QStringLiteral("span-A");
        QTest::newRow("hex that is also base64") << QStringLiteral("abcd") << true << QStringLiteral("abcd");
        QTest::newRow("empty") << QString() << true << QString();
    }

    void ids()
    {
        QFETCH(QString, text);
        QFETCH(bool, base64);
        QFETCH(QString, hex);
        QCOMPARE(QString::fromStdString(wire::hexId(text.toStdString(), base64)), hex);
    }

    void base64()
    {
        QCOMPARE(wire::base64Decode("aGVsbG8="), std::optional<std::string>("hello"));
        QCOMPARE(wire::base64Decode("aGVsbG8"), std::optional<std::string>("hello"));
        QCOMPARE(wire::base64Decode("-_8="), std::optional<std::string>("\xfb\xff"));
        QVERIFY(!wire::base64Decode("a").has_value());
        QVERIFY(!wire::base64Decode("a$bc").has_value());
        QCOMPARE(wire::toHex(std::string("\x00\xff\x10", 3)), std::string("00ff10"));
    }
};

QTEST_GUILESS_MAIN(TestRealworld)
#include "tst_realworld.moc"
