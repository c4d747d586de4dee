// The limits that protect the user from hostile or runaway input: nesting depth (also of JSON text inside
// strings), tag value length, span count; each one reached says so.
#include "loadlimits.h"
#include "traceloader.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace td;

namespace {

std::string nested(int levels)
{
    return std::string(static_cast<std::size_t>(levels), '[') + std::string(static_cast<std::size_t>(levels), ']');
}

// A Zipkin v2 span whose tag x holds `levels` nested arrays.
std::string spanWithNestedTag(int levels)
{
    return "{\"traceId\":\"t\",\"id\":\"a\",\"name\":\"n\",\"timestamp\":1,\"duration\":2,\"tags\":{\"x\":" + nested(levels) + "}}";
}

// `count` Zipkin v1 spans under one root, each with an http.url of `value`.
std::string spans(int count, const std::string &value = "u")
{
    std::string out = "[";
    for (int i = 0; i < count; ++i) {
        out += i ? "," : "";
        out += "{\"traceId\":\"t\",\"id\":\"s" + std::to_string(i) + "\"" + (i ? ",\"parentId\":\"s0\"" : "")
            + ",\"name\":\"op\",\"timestamp\":" + std::to_string(1000 + i) + ",\"duration\":10"
            + ",\"binaryAnnotations\":[{\"key\":\"http.url\",\"value\":\"" + value + "\"}]}";
    }
    return out + "]";
}

LoadResult load(const std::string &text, const LoadOptions &options = {})
{
    return loadTraceBytes(std::make_shared<const std::string>(text), QStringLiteral("limits.json"), options);
}

std::vector<const Problem *> problemsOfKind(const Trace &trace, Problem::Kind kind)
{
    std::vector<const Problem *> out;
    for (const auto &p : trace.problems())
        if (p.kind == kind)
            out.push_back(&p);
    return out;
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Read once, at the first load: must be set before anything asks for the default.
        qputenv("TRACEDESK_MAX_SPANS", "7k");
    }

    void environmentSetsTheDefaultSpanLimit()
    {
        QCOMPARE(loadlimits::defaultMaxSpans(), std::size_t(7000));
        QCOMPARE(LoadOptions{}.limits.maxSpans, std::size_t(7000));
    }

    void nestingDepth_data()
    {
        QTest::addColumn<int>("maxDepth");
        QTest::addColumn<int>("levels"); // arrays inside the tag; the array, span and tags object add 3
        QTest::addColumn<bool>("loads");
        QTest::newRow("default, at the limit") << 0 << 253 << true;
        QTest::newRow("default, one deeper") << 0 << 254 << false;
        QTest::newRow("configured 10, at the limit") << 10 << 7 << true;
        QTest::newRow("configured 10, one deeper") << 10 << 8 << false;
    }

    void nestingDepth()
    {
        QFETCH(int, maxDepth);
        QFETCH(int, levels);
        QFETCH(bool, loads);
        LoadOptions options;
        if (maxDepth > 0)
            options.maxDepth = static_cast<std::size_t>(maxDepth);
        const auto result = load("[" + spanWithNestedTag(levels) + "]", options);
        QCOMPARE(result.ok(), loads);
        if (!loads) {
            const int limit = maxDepth > 0 ? maxDepth : int(loadlimits::DefaultMaxDepth);
            QVERIFY2(result.error.contains(QStringLiteral("JSON nested deeper than %1 levels").arg(limit)), qPrintable(result.error));
            QCOMPARE(result.line, std::uint64_t(1));
            QVERIFY(result.column > std::uint64_t(limit));
        }
    }

    void nestingDepthOfJsonTextInAString_data()
    {
        QTest::addColumn<int>("levels"); // arrays inside the embedded span's tag; the span and tags object add 2
        QTest::addColumn<bool>("loads");
        QTest::newRow("at the limit") << 254 << true;
        QTest::newRow("one deeper") << 255 << false;
        QTest::newRow("20,000 deep") << 20000 << false;
    }

    void nestingDepthOfJsonTextInAString()
    {
        QFETCH(int, levels);
        QFETCH(bool, loads);
        const nlohmann::json envelope = {{"errorCode", "SVCSTG.ATS.2000"},
                                         {"responseInfo", {"{\"traceId\":\"x\",\"id\":\"x\",\"name\":\"x\"}", spanWithNestedTag(levels)}}};
        const auto result = load(envelope.dump());
        QCOMPARE(result.ok(), loads);
        if (loads) {
            QCOMPARE(result.trace->realSpanCount(), std::size_t(2));
            QVERIFY(!result.trace->rawJson(1).empty());
        } else {
            QVERIFY2(result.error.contains(QStringLiteral("JSON text in a string at /responseInfo/1 is nested deeper than 256 levels")),
                     qPrintable(result.error));
            QVERIFY(result.line > 0);
        }
    }

    void tagValueIsCutAtACharacterAndReported()
    {
        LoadOptions options;
        options.limits.maxTagValueBytes = 7;
        const std::string value = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"; // é five times, 10 bytes
        const auto result = load(spans(1, value), options);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Trace &t = *result.trace;
        const Tag *tag = t.findTag(t.span(0), "http.url");
        QVERIFY(tag);
        QVERIFY(tag->truncated);
        QCOMPARE(std::string(t.str(tag->value)), std::string("\xC3\xA9\xC3\xA9\xC3\xA9")); // not half an é
        const auto cut = problemsOfKind(t, Problem::Kind::Truncated);
        QCOMPARE(cut.size(), std::size_t(1));
        QCOMPARE(cut.front()->message, std::string("the value of http.url (10 bytes) was cut to the first 7 bytes; Raw JSON shows it whole"));
        QCOMPARE(cut.front()->span, 0);
        QVERIFY(t.rawJson(0).find(value) != std::string::npos);
    }

    void valuesUnderTheLimitAreWhole()
    {
        LoadOptions options;
        options.limits.maxTagValueBytes = 10;
        const auto result = load(spans(2, "0123456789"), options);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(problemsOfKind(*result.trace, Problem::Kind::Truncated).empty());
        QVERIFY(!result.trace->findTag(result.trace->span(1), "http.url")->truncated);
    }

    void manyCutValuesAreSummed()
    {
        LoadOptions options;
        options.limits.maxTagValueBytes = 4;
        const auto result = load(spans(150, "a long value"), options);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto cut = problemsOfKind(*result.trace, Problem::Kind::Truncated);
        QCOMPARE(cut.size(), std::size_t(101)); // one per span for the first 100, then the rest in one
        QVERIFY(std::any_of(cut.begin(), cut.end(), [](const Problem *p) {
            return p->message == "50 more spans have values cut to the first 4 bytes";
        }));
    }

    void spanLimit()
    {
        LoadOptions options;
        options.limits.maxSpans = 10;
        const auto result = load(spans(25), options);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.trace->realSpanCount(), std::size_t(10));
        const auto cut = problemsOfKind(*result.trace, Problem::Kind::Truncated);
        QCOMPARE(cut.size(), std::size_t(1));
        QCOMPARE(cut.front()->message, std::string("the file has 25 spans, more than the limit of 10: the first 10 were loaded and 15 "
                                                   "left out (to load them all, start TraceDesk with --max-spans N or set "
                                                   "TRACEDESK_MAX_SPANS)"));
        QCOMPARE(cut.front()->severity, Problem::Severity::Warning);

        options.limits.maxSpans = 25;
        const auto all = load(spans(25), options);
        QCOMPARE(all.trace->realSpanCount(), std::size_t(25));
        QVERIFY(problemsOfKind(*all.trace, Problem::Kind::Truncated).empty());
    }

    void defaultSpanLimitIsWellAboveAMillion()
    {
        QVERIFY(loadlimits::DefaultMaxSpans >= 5'000'000);
        loadlimits::setDefaultMaxSpans(1234);
        QCOMPARE(TraceBuilder::Limits{}.maxSpans, std::size_t(1234));
        loadlimits::setDefaultMaxSpans(0); // back to the built-in default
        QCOMPARE(loadlimits::defaultMaxSpans(), loadlimits::DefaultMaxSpans);
    }

    void spanCountText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qulonglong>("count");
        QTest::newRow("digits") << QByteArray("2000000") << 2'000'000ULL;
        QTest::newRow("M") << QByteArray("5M") << 5'000'000ULL;
        QTest::newRow("k") << QByteArray("7k") << 7'000ULL;
        QTest::newRow("zero") << QByteArray("0") << 0ULL;
        QTest::newRow("negative") << QByteArray("-5") << 0ULL;
        QTest::newRow("word") << QByteArray("many") << 0ULL;
        QTest::newRow("unit typo") << QByteArray("5G") << 0ULL;
        QTest::newRow("overflow") << QByteArray("99999999999999999999M") << 0ULL;
        QTest::newRow("empty") << QByteArray("") << 0ULL;
    }

    void spanCountText()
    {
        QFETCH(QByteArray, text);
        QFETCH(qulonglong, count);
        QCOMPARE(qulonglong(loadlimits::parseSpanCount(text.constData())), count);
    }

    void commandLineSetsTheSpanLimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("many.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(spans(25)));
        file.close();

        QProcess process;
        process.start(QStringLiteral(TRACEDESK_EXE), {QStringLiteral("--summary"), QStringLiteral("--max-spans"), QStringLiteral("3"), path});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(process.exitCode(), 0);
        const auto summary = nlohmann::json::parse(process.readAllStandardOutput().toStdString());
        QCOMPARE(summary.at("spanCount").get<int>(), 3);
        QVERIFY(summary.at("problems").dump().find("more than the limit of 3") != std::string::npos);

        QProcess bad;
        bad.start(QStringLiteral(TRACEDESK_EXE), {QStringLiteral("--summary"), QStringLiteral("--max-spans"), QStringLiteral("lots"), path});
        QSignalSpy badFinished(&bad, &QProcess::finished);
        QVERIFY(badFinished.wait(60000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(bad.readAllStandardError().contains("--max-spans needs a positive number"));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
