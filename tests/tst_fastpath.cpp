// The fast Zipkin path (mapped file or buffer, flatjson, spans split between threads) must build exactly the
// trace the general streaming reader builds. Every file of tests/data is loaded both ways and compared field by
// field; large generated arrays and envelopes make the fast path split the work between threads.

#include "flatjson.h"
#include "checkhelper.h"
#include "readers/fastzipkin.h"
#include "traceloader.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace td;

namespace {

// Everything a user can see of a trace, as text, so two traces compare with one QCOMPARE per line.
QStringList describe(const LoadResult &r)
{
    QStringList out;
    out << QStringLiteral("ok=%1 cancelled=%2 line=%3 column=%4 code=%5 message=%6")
               .arg(r.ok())
               .arg(r.cancelled)
               .arg(r.line)
               .arg(r.column)
               .arg(QString::fromStdString(r.envelopeCode), QString::fromStdString(r.envelopeMessage));
    if (!r.ok()) {
        out << r.error;
        return out;
    }
    const Trace &t = *r.trace;
    const auto s = [&t](StrId id) { return QString::fromUtf8(t.str(id).data(), static_cast<qsizetype>(t.str(id).size())); };
    const auto ep = [&](std::int32_t i) {
        const Endpoint *e = t.endpoint(i);
        return e ? s(e->service) + QLatin1Char('/') + s(e->ipv4) + QLatin1Char('/') + s(e->ipv6) + QLatin1Char(':')
                + QString::number(e->port)
                 : QStringLiteral("-");
    };
    out << QStringLiteral("format=%1 spans=%2 trace=%3 start=%4 end=%5")
               .arg(QString::fromStdString(std::string(t.format())))
               .arg(t.spanCount())
               .arg(QString::fromStdString(std::string(t.traceId())))
               .arg(t.startUs())
               .arg(t.endUs());
    for (std::size_t i = 0; i < t.spanCount(); ++i) {
        const Span &sp = t.span(i);
        out << QStringLiteral("span %1 %2 %3 %4 %5 svc=%6 %7 %8 kind=%9").arg(i).arg(s(sp.traceId), s(sp.spanId), s(sp.parentId), s(sp.name),
                                                                             s(sp.service), s(sp.instance), s(sp.transaction))
                   .arg(int(sp.kind))
            + QStringLiteral(" flags=%1 t=%2+%3 raw=%4 skew=%5 parent=%6 depth=%7 self=%8 local=%9")
                  .arg(sp.flags)
                  .arg(sp.startUs)
                  .arg(sp.durationUs)
                  .arg(sp.rawStartUs)
                  .arg(sp.skewShiftUs)
                  .arg(sp.parent)
                  .arg(sp.depth)
                  .arg(sp.selfTimeUs)
                  .arg(ep(sp.localEndpoint))
            + QStringLiteral(" remote=%1 lc=%2/%3 ok=%4 busi=%5 inst=%6 avg=%7 warn=%8/%9")
                  .arg(ep(sp.remoteEndpoint))
                  .arg(int(sp.component))
                  .arg(s(sp.componentName))
                  .arg(sp.succeed)
                  .arg(s(sp.busisys), s(sp.serviceInstId))
                  .arg(sp.durationMoveAvgUs)
                  .arg(s(sp.warnPctText), s(sp.warnType))
            + QStringLiteral(" exc=%1 status=%2").arg(s(sp.exceptionClass), s(sp.statusText));
        for (auto a = t.annotationsBegin(sp); a != t.annotationsEnd(sp); ++a)
            out << QStringLiteral("  ann %1 %2 %3").arg(a->timestampUs).arg(s(a->value), ep(a->endpoint));
        for (auto g = t.tagsBegin(sp); g != t.tagsEnd(sp); ++g)
            out << QStringLiteral("  tag %1=%2 type=%3 cut=%4 %5").arg(s(g->key), s(g->value)).arg(int(g->type)).arg(g->truncated).arg(ep(g->endpoint));
        out << QStringLiteral("  rawJson ") + QString::fromStdString(t.rawJson(i));
    }
    for (const auto &p : t.problems())
        out << QStringLiteral("problem %1 %2 %3 [%4] span=%5")
                   .arg(int(p.severity))
                   .arg(int(p.kind))
                   .arg(QString::fromStdString(p.message), QString::fromStdString(p.where))
                   .arg(p.span);
    return out;
}

void compareTraces(const LoadResult &fast, const LoadResult &general, const QString &name)
{
    const QStringList a = describe(fast), b = describe(general);
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        if (a[i] != b[i])
            QFAIL(qPrintable(name + QStringLiteral(": line %1 differs:\n fast:    %2\n general: %3").arg(i).arg(a[i], b[i])));
    QVERIFY2(a.size() == b.size(), qPrintable(name + QStringLiteral(": %1 vs %2 lines").arg(a.size()).arg(b.size())));
}

LoadOptions general()
{
    LoadOptions o;
    o.fastPath = false;
    return o;
}

LoadResult loadGeneral(const std::string &text, const QString &name)
{
    return loadTraceBytes(std::make_shared<const std::string>(text), name, general());
}

// The fast path with the span array split between `threads` threads however small it is.
LoadResult loadSplit(const std::string &text, const QString &name, unsigned threads)
{
    LoadOptions o;
    o.threads = threads;
    o.splitAboveBytes = 0;
    return loadTraceBytes(std::make_shared<const std::string>(text), name, o);
}

// A Zipkin v1 array of `spans` spans with fan-out, iplatform keys, shared halves and some unusual values.
std::string generated(int spans, bool envelope)
{
    nlohmann::json array = nlohmann::json::array();
    for (int i = 0; i < spans; ++i) {
        char id[17];
        std::snprintf(id, sizeof id, "%016x", i + 1);
        char parent[17];
        std::snprintf(parent, sizeof parent, "%016x", i / 7 + 1);
        const std::string service = "svc-" + std::to_string(i % 13);
        const nlohmann::json endpoint = {{"serviceName", service}, {"ipv4", "10.0.0." + std::to_string(i % 13)}, {"port", 8000 + i % 13}};
        nlohmann::json span = {{"traceId", "00000000000000a1"}, {"id", id}, {"name", service + ":inst:/op/" + std::to_string(i % 50)},
                               {"timestamp", 1700000000000000LL + i * 10}, {"duration", 1000 + (i * 37) % 5000}};
        if (i > 0)
            span["parentId"] = parent;
        span["annotations"] = {{{"timestamp", 1700000000000000LL + i * 10}, {"value", "sr"}, {"endpoint", endpoint}},
                               {{"timestamp", 1700000000000000LL + i * 10 + 900}, {"value", "ss"}, {"endpoint", endpoint}}};
        span["binaryAnnotations"] = {
            {{"key", "lc"}, {"value", i % 5 == 0 ? "jdbc" : "httpservice"}, {"endpoint", endpoint}},
            {{"key", "succeed"}, {"value", i % 97 == 0 ? "false" : "true"}, {"endpoint", endpoint}},
            {{"key", "httpservice.url"}, {"value", "http://x/\u00e9t\u00e9?q=\"" + std::to_string(i) + "\"\n"}, {"endpoint", endpoint}},
            {{"key", "count"}, {"value", i}},
            {{"key", "ratio"}, {"value", i % 11 == 0 ? nlohmann::json(0.5) : nlohmann::json(true)}},
        };
        if (i % 101 == 0)
            span["binaryAnnotations"].push_back({{"key", "payload"}, {"value", {{"nested", i}}}});
        if (i % 211 == 0)
            span["id"] = i; // a numeric id: read by the general reader, shown in hex
        if (i % 401 == 0)
            span["duration"] = "soon"; // a problem naming the element: "/401" in every part of a split read
        if (i % 307 == 0)
            span.erase("traceId"); // not a span: the fast path hands the whole file to the general reader?
        array.push_back(span);
    }
    if (!envelope)
        return array.dump(0);
    nlohmann::json info = nlohmann::json::array();
    for (const auto &span : array)
        info.push_back(span.dump());
    return nlohmann::json{{"errorCode", "SVCSTG.ATS.2000"}, {"errorMessage", nullptr}, {"responseInfo", info}}.dump(1);
}

// The generated trace with every element given the traceId some lack, so that all are spans.
std::string withTraceIds(const std::string &text, bool envelope)
{
    auto doc = nlohmann::json::parse(text);
    nlohmann::json &list = envelope ? doc["responseInfo"] : doc;
    for (auto &item : list) {
        if (envelope) {
            auto span = nlohmann::json::parse(item.get<std::string>());
            span["traceId"] = "00000000000000a1";
            item = span.dump();
        } else {
            item["traceId"] = "00000000000000a1";
        }
    }
    return doc.dump(envelope ? 1 : 0);
}

} // namespace

class TestFastPath : public QObject
{
    Q_OBJECT

private slots:
    void everyTestFile_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(QStringLiteral(TRACEDESK_TEST_DATA), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path.mid(int(qstrlen(TRACEDESK_TEST_DATA)) + 1))) << path;
        }
    }

    void everyTestFile()
    {
        QFETCH(QString, path);
        TD_CHECKED(compareTraces(loadTraceFile(path), loadTraceFile(path, general()), path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const auto name = QFileInfo(path).fileName();
        TD_CHECKED(compareTraces(loadTraceBytes(std::make_shared<const std::string>(bytes.toStdString()), name),
                      loadGeneral(bytes.toStdString(), name), path));
    }

    void fastPathIsTaken_data()
    {
        QTest::addColumn<bool>("envelope");
        QTest::newRow("array") << false;
        QTest::newRow("envelope") << true;
    }

    // The reference shapes really go the fast way, split between threads, and keep every span.
    void fastPathIsTaken()
    {
        QFETCH(bool, envelope);
        std::string text = generated(3000, envelope);
        TraceBuilder builder;
        FastLoadOptions options;
        options.threads = 2;
        options.splitAboveBytes = 0;
        const auto result = fastLoadZipkin(text, builder, options);
        // Spans without traceId make the element "not a span": the general reader reports them as left over.
        QCOMPARE(result.outcome, FastLoadResult::Outcome::NotApplicable);

        // Give those spans their traceId back: now the fast path reads everything, in two parts.
        text = withTraceIds(text, envelope);
        TraceBuilder second;
        const auto again = fastLoadZipkin(text, second, options);
        QCOMPARE(again.outcome, FastLoadResult::Outcome::Done);
        QCOMPARE(again.parts, 2u);
        QCOMPARE(again.envelope, envelope);
        QCOMPARE(second.spanCount(), std::size_t(3000));
    }

    void largeFilesMatchTheGeneralReader_data()
    {
        QTest::addColumn<bool>("envelope");
        QTest::addColumn<bool>("allSpans");
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("array, 2 threads") << false << true << 2u;
        QTest::newRow("array, 3 threads") << false << true << 3u;
        QTest::newRow("envelope, 2 threads") << true << true << 2u;
        QTest::newRow("envelope, 4 threads") << true << true << 4u;
        QTest::newRow("array, some elements not spans") << false << false << 2u;
    }

    void largeFilesMatchTheGeneralReader()
    {
        QFETCH(bool, envelope);
        QFETCH(bool, allSpans);
        QFETCH(unsigned, threads);
        std::string text = generated(3000, envelope);
        if (allSpans)
            text = withTraceIds(text, envelope);
        const LoadResult fast = loadSplit(text, QStringLiteral("big.json"), threads);
        QVERIFY(fast.ok());
        // The comparison means something only when the fast path really read it (in parts).
        QCOMPARE(fast.readPath, allSpans ? LoadResult::ReadPath::Fast : LoadResult::ReadPath::General);
        if (allSpans)
            QCOMPARE(fast.fastParts, threads);
        const LoadResult general = loadGeneral(text, QStringLiteral("big.json"));
        QCOMPARE(general.readPath, LoadResult::ReadPath::General);
        TD_CHECKED(compareTraces(fast, general, QStringLiteral("big.json")));
    }

    // A worker thread that cannot start costs the fast path, not the program: the threads already started
    // are joined and the general reader reads the same trace.
    void threadThatCannotStartFallsBack()
    {
        const std::string text = withTraceIds(generated(3000, false), false);
        LoadOptions o;
        o.threads = 4;
        o.splitAboveBytes = 0;
        int started = 0;
        o.startThread = [&started](std::function<void()> work) {
            if (++started == 2)
                throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again), "no thread");
            return std::thread(std::move(work));
        };
        const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(text), QStringLiteral("threads.json"), o);
        QCOMPARE(started, 2);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.readPath, LoadResult::ReadPath::General);
        TD_CHECKED(compareTraces(r, loadGeneral(text, QStringLiteral("threads.json")), QStringLiteral("threads.json")));
    }

    void outOfMemoryIsAnError_data()
    {
        QTest::addColumn<bool>("fastPath");
        QTest::newRow("fast path") << true;
        QTest::newRow("general reader") << false;
    }

    // Out of memory in the middle of a load is an error that says so and how far it got; it never leaves
    // the loader (the window's slot would end the program).
    void outOfMemoryIsAnError()
    {
        QFETCH(bool, fastPath);
        const std::string text = withTraceIds(generated(20000, false), false);
        LoadOptions o;
        o.fastPath = fastPath;
        o.threads = 1;
        std::uint64_t lastSpans = 0;
        o.progress = [&lastSpans](std::uint64_t, std::uint64_t spans) {
            lastSpans = spans;
            if (spans > 0)
                throw std::bad_alloc();
        };
        LoadResult r;
        try {
            r = loadTraceBytes(std::make_shared<const std::string>(text), QStringLiteral("huge.json"), o);
        } catch (...) {
            QFAIL("an exception left the loader");
        }
        QVERIFY(lastSpans > 0);
        QVERIFY(!r.ok());
        QCOMPARE(r.readPath, LoadResult::ReadPath::None);
        QVERIFY2(r.error.startsWith(QStringLiteral("huge.json: not enough memory for ")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral(" spans")), qPrintable(r.error));
    }

    // A wrong guess of where the next part starts (a binary annotation shaped like a span, right after the
    // middle of the file) must not change the result: the part before notices that no element starts there.
    void misleadingSplitPoint()
    {
        const std::string filler(100000, 'x');
        std::string text = "[";
        for (int i = 0; i < 4; ++i) {
            if (i)
                text += ",\n";
            text += "{\"traceId\":\"a\",\"id\":\"" + std::to_string(i + 1) + "\",\"name\":\"op\",\"timestamp\":"
                + std::to_string(1000 + i) + ",\"duration\":5,\"binaryAnnotations\":[{\"key\":\"blob\",\"value\":\"" + filler
                + "\"},{\"key\":\"sql\",\"value\":\"v\"},{\"traceId\":\"1\",\"id\":\"2\",\"name\":\"decoy\"}]}";
        }
        text += "]";
        TraceBuilder builder;
        FastLoadOptions options;
        options.threads = 4;
        options.splitAboveBytes = 0;
        const auto result = fastLoadZipkin(text, builder, options);
        QCOMPARE(result.outcome, FastLoadResult::Outcome::Done);
        QCOMPARE(builder.spanCount(), std::size_t(4));
        // Against one thread: the general streaming reader would also take the decoy, an object shaped
        // like a span inside an array, out as a fifth span.
        TD_CHECKED(compareTraces(loadSplit(text, QStringLiteral("decoy.json"), 4), loadSplit(text, QStringLiteral("decoy.json"), 1),
                      QStringLiteral("decoy.json")));
    }

    // Progress while the parts read: bytes and spans only grow, and never pass the file and the span count.
    void progressGrowsWhileSplit()
    {
        const std::string text = withTraceIds(generated(6000, false), false);
        std::vector<std::pair<std::uint64_t, std::uint64_t>> seen;
        TraceBuilder builder;
        FastLoadOptions options;
        options.threads = 2;
        options.splitAboveBytes = 0;
        options.progress = [&seen](std::uint64_t bytes, std::uint64_t spans) { seen.emplace_back(bytes, spans); };
        QCOMPARE(fastLoadZipkin(text, builder, options).outcome, FastLoadResult::Outcome::Done);
        QVERIFY2(!seen.empty(), "no progress reported");
        for (std::size_t i = 1; i < seen.size(); ++i) {
            QVERIFY(seen[i].first >= seen[i - 1].first);
            QVERIFY(seen[i].second >= seen[i - 1].second);
        }
        QVERIFY(seen.back().first <= text.size());
        QVERIFY(seen.back().second <= 6000u);
    }

    // A file that gets shorter while its mapping is read (something still writing it) must not end the
    // process with SIGBUS: the load fails and says so, on both threads of a split read.
    void fileShrinkingWhileReadIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("growing.json"));
        const std::string text = withTraceIds(generated(12000, false), false);
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(text.data(), static_cast<qint64>(text.size())), static_cast<qint64>(text.size()));
        }
        LoadOptions o;
        o.threads = 2;
        o.splitAboveBytes = 0;
        bool cut = false;
        o.progress = [&](std::uint64_t, std::uint64_t) {
            if (!cut)
                cut = QFile::resize(path, 4096);
        };
        const LoadResult r = loadTraceFile(path, o);
        QVERIFY(cut);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("got shorter while it was being read")), qPrintable(r.error));

        // Once the file is whole again it loads.
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(text.data(), static_cast<qint64>(text.size()));
        }
        o.progress = {};
        const LoadResult again = loadTraceFile(path, o);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.trace->realSpanCount(), std::size_t(12000));
    }

    void cancelStopsTheFastPath()
    {
        const std::string text = generated(200, false);
        std::atomic_bool cancel{true};
        TraceBuilder builder;
        FastLoadOptions options;
        options.cancel = &cancel;
        QCOMPARE(fastLoadZipkin(text, builder, options).outcome, FastLoadResult::Outcome::Cancelled);
    }

    void flatJsonRejectsWhatJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const char *bad : {"{\"a\":01}", "{\"a\":1,}", "[1 2]", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\nb\"", "\"\xc3\x28\"",
                                "\"\xed\xa0\x80\"", "tru", "-", "1.", "1e", "{\"a\" 1}", "[", "{\"a\":[1,{\"b\":}]}"})
            QTest::newRow(bad) << QByteArray(bad);
        for (const char *good : {"{\"a\":-0}", "\"\\ud83d\\ude00\"", "[1.5e+3,true,false,null]", "\"\xe4\xb8\xad\"", "{}", "[]"})
            QTest::newRow(good) << QByteArray(good);
    }

    void flatJsonRejectsWhatJsonRejects()
    {
        QFETCH(QByteArray, text);
        flatjson::Document doc;
        const char *end = text.constData() + text.size();
        const char *after = doc.parse(text.constData(), end, 64);
        const bool flatOk = after && flatjson::skipSpace(after, end) == end;
        const bool nlohmannOk = !nlohmann::json::parse(text.constData(), end, nullptr, false).is_discarded();
        QCOMPARE(flatOk, nlohmannOk);
        if (flatOk && doc.type(0) == flatjson::Type::String)
            QCOMPARE(std::string(doc.text(0)), nlohmann::json::parse(text.constData(), end).get<std::string>());
    }

    // Span texts of the spans API parsed in place (Document::parseEscaped) give what unescaping them and
    // parsing the result gives; texts with escapes of their own, other whitespace or errors take that way.
    void escapedTextParsesLikeTheUnescapedOne_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("inPlace");
        QTest::newRow("span") << QByteArray("{\"traceId\":\"a1\",\"id\":\"b2\",\"timestamp\":17,\"tags\":[1.5e3,true,false,null,-0],\"x\":{}}") << true;
        QTest::newRow("spaces") << QByteArray(" { \"a\" : [ 1 , \"中文\" ] } ") << true;
        QTest::newRow("empty strings") << QByteArray("{\"\":\"\"}") << true;
        QTest::newRow("quote in a value") << QByteArray("{\"sql\":\"select \\\"x\\\"\"}") << false;
        QTest::newRow("backslash in a value") << QByteArray("{\"path\":\"C:\\\\tmp\"}") << false;
        QTest::newRow("escape in a value") << QByteArray("{\"a\":\"line\\nbreak\",\"b\":\"\\u00e9\"}") << false;
        QTest::newRow("line breaks between tokens") << QByteArray("{\n\"a\":1}") << false;
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << false;
        QTest::newRow("unclosed") << QByteArray("{\"a\":[1,2}") << false;
        QTest::newRow("number") << QByteArray("12") << true;
        QTest::newRow("two values") << QByteArray("1 2") << false;
    }

    void escapedTextParsesLikeTheUnescapedOne()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, inPlace);
        // The text as a JSON string (quotes and backslashes escaped), then something after it.
        const std::string outer = nlohmann::json(text.toStdString()).dump() + ",\"next\"";
        const char *begin = outer.data() + 1, *end = outer.data() + outer.size();
        flatjson::Document escaped;
        const char *close = escaped.parseEscaped(begin, end, 64);
        QCOMPARE(close != nullptr, inPlace);

        std::string plain;
        const char *after = flatjson::readString(outer.data(), end, plain);
        QVERIFY(after);
        flatjson::Document doc;
        const char *valueEnd = doc.parse(plain.data(), plain.data() + plain.size(), 64);
        const bool valid = valueEnd && flatjson::skipSpace(valueEnd, plain.data() + plain.size()) == plain.data() + plain.size();
        if (!close)
            return;
        QVERIFY(valid);
        QCOMPARE(close + 1, after);
        QCOMPARE(escaped.size(), doc.size());
        for (std::uint32_t i = 0; i < doc.size(); ++i) {
            QCOMPARE(escaped.type(i), doc.type(i));
            QCOMPARE(escaped.node(i).end, doc.node(i).end);
            if (doc.type(i) == flatjson::Type::String || doc.type(i) == flatjson::Type::Number)
                QCOMPARE(std::string(escaped.text(i)), std::string(doc.text(i)));
        }
    }

    // An envelope mixing span texts read in place with ones that need unescaping (and a span the fast reader
    // hands to the general one) gives the general reader's trace.
    void envelopeMixingEscapedSpans()
    {
        const auto span = [](const std::string &id, const std::string &extra) {
            return "{\"traceId\":\"t1\",\"id\":\"" + id + "\",\"parentId\":\"r0\",\"name\":\"op\",\"timestamp\":1000,\"duration\":5,\"binaryAnnotations\":["
                + extra + "]}";
        };
        nlohmann::json envelope = {{"errorCode", "SVCSTG.ATS.2000"}, {"errorMessage", nullptr}};
        envelope["responseInfo"] = {
            "{\"traceId\":\"t1\",\"id\":\"r0\",\"name\":\"root\",\"timestamp\":1000,\"duration\":50}",
            span("a1", "{\"key\":\"lc\",\"value\":\"jdbc\"}"),
            span("a2", "{\"key\":\"jdbc.sql\",\"value\":\"select \\\"name\\\" from t\"}"),
            span("a3", "{\"key\":\"http.url\",\"value\":\"http://h/p\"}"),
            span("a4", "{\"key\":\"float\",\"value\":1.5}"),
            span("a5", "{\"key\":\"path\",\"value\":\"C:\\\\dir\"}"),
        };
        std::string text = envelope.dump();
        // Java encoders write "\/" for "/": the same span once more, so.
        const auto slash = text.find("http://h/p");
        QVERIFY(slash != std::string::npos);
        text.replace(slash, 10, "http:\\/\\/h\\/p");
        const LoadResult fast = loadTraceBytes(std::make_shared<const std::string>(text), QStringLiteral("mixed.json"));
        QVERIFY(fast.ok());
        QCOMPARE(fast.trace->realSpanCount(), std::size_t(6));
        TD_CHECKED(compareTraces(fast, loadGeneral(text, QStringLiteral("mixed.json")), QStringLiteral("mixed.json")));
        const Trace &t = *fast.trace;
        const Span &sql = t.span(static_cast<std::size_t>(t.findSpan("a2")));
        QCOMPARE(t.str(t.tagsBegin(sql)->value), std::string_view("select \"name\" from t"));
        const Span &url = t.span(static_cast<std::size_t>(t.findSpan("a3")));
        QCOMPARE(t.str(t.tagsBegin(url)->value), std::string_view("http://h/p"));
    }
};

QTEST_GUILESS_MAIN(TestFastPath)
#include "tst_fastpath.moc"
