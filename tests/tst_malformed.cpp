#include "traceloader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace td;

namespace {

struct Expectation
{
    bool loads;        // true: a trace with a problem; false: an error
    const char *words; // in the error, or in one of the problems
};

// What a person must be told about each file of tests/data/malformed.
const std::map<QString, Expectation> &expectations()
{
    static const std::map<QString, Expectation> table = {
        {QStringLiteral("bom.json"), {true, "byte order mark"}},
        {QStringLiteral("control-char-in-string.json"), {false, "line 1, column 38: syntax error while parsing value - invalid string: control character"}},
        {QStringLiteral("cycle.json"), {true, "cycle (a -> b)"}},
        // Overflowed (UB) when its milliseconds were turned into microseconds.
        {QStringLiteral("cts-huge-time.json"), {true, "span op-huge has no start time"}},
        {QStringLiteral("deep-nesting.json"), {false, "line 1, column 257: JSON nested deeper than 256 levels"}},
        {QStringLiteral("deep-object-in-span.json"), {false, "nested deeper than 256 levels"}},
        {QStringLiteral("duplicate-ids.json"), {true, "two different spans share the id a"}},
        {QStringLiteral("empty-array.json"), {false, "not a trace: found an empty array; tried: spans API envelope, Zipkin v1"}},
        {QStringLiteral("empty-object.json"), {false, "not a trace: found an empty object"}},
        {QStringLiteral("empty.json"), {false, "the file is empty"}},
        {QStringLiteral("envelope-bad-inner-json.json"), {true, "not valid JSON: \"{not json\""}},
        // This and sls-deep-attribute-text.json overflowed the stack (JSON text in a string nested 20,000 deep,
        // copied and printed recursively) before the depth limit covered text inside strings.
        {QStringLiteral("envelope-deep-inner-json.json"), {false, "JSON text in a string at /responseInfo/0 is nested deeper than 256 levels"}},
        // Found by fuzz_spansapi: 64 KiB of '[' in a string took a DOM of 64K levels just to report it.
        {QStringLiteral("envelope-deep-text-not-a-span.json"), {false, "the spans API answered SVCSTG.ATS.2000 (query succeeded) but with no spans"}},
        {QStringLiteral("envelope-error-code.json"), {false, "SVCSTG.ATS.400101 (parameter verification failed)"}},
        {QStringLiteral("huge-duration.json"), {true, "is not a usable number of microseconds"}},
        // These two overflowed (UB) when the end of a span or the skew shift was computed.
        {QStringLiteral("huge-times.json"), {true, "start time 9000000000000000000 µs is out of range; treated as missing"}},
        {QStringLiteral("huge-annotation-times.json"), {true, "duration 9000000000000000000 µs is out of range; treated as 0"}},
        {QStringLiteral("invalid-utf8.json"), {false, "line 1, column 34: syntax error while parsing value - invalid string: ill-formed UTF-8 byte"}},
        {QStringLiteral("missing-comma.json"), {false, "line 1, column 20: syntax error while parsing object - unexpected string literal; expected '}'"}},
        {QStringLiteral("ndjson-bad-line.json"), {false, "line 3, column 1: syntax error while parsing object key - unexpected end of input"}},
        {QStringLiteral("negative-duration.json"), {true, "duration -500 is not a usable number"}},
        {QStringLiteral("non-object-elements.json"), {true, "5 values in the top-level array could not be read as spans"}},
        {QStringLiteral("not-a-trace.json"), {false, "not a trace: found an object with keys hello, items"}},
        {QStringLiteral("null-everything.json"), {false, "span skipped: it has no traceId or id"}},
        {QStringLiteral("number-1e400.json"), {false, "line 1, column 53: number overflow parsing '1e400'"}},
        {QStringLiteral("self-parent.json"), {true, "names itself as its parent"}},
        {QStringLiteral("sls-bad-numbers.json"), {true, "has no start time"}},
        {QStringLiteral("sls-deep-attribute-text.json"), {true, "span skipped: attribute holds JSON text nested deeper than 256 levels"}},
        {QStringLiteral("span-without-ids.json"), {false, "not a trace: found an array of 1 values that are not spans"}},
        {QStringLiteral("trailing-garbage.json"), {false, "line 1, column 66: syntax error while parsing value - invalid literal"}},
        {QStringLiteral("truncated-array.json"), {false, "line 1, column 88: syntax error while parsing object - unexpected end of input; expected '}'"}},
        {QStringLiteral("truncated-string.json"), {false, "missing closing quote"}},
        {QStringLiteral("whitespace-only.json"), {false, "the file is empty"}},
        {QStringLiteral("wrong-types.json"), {false, "span skipped: it has no traceId or id"}},
    };
    return table;
}

QString malformedDir()
{
    return QStringLiteral(TRACEDESK_TEST_DATA "/malformed");
}

bool mentions(const LoadResult &result, const QString &words)
{
    if (!result.ok())
        return result.error.contains(words);
    return std::any_of(result.trace->problems().begin(), result.trace->problems().end(),
                       [&words](const Problem &p) { return QString::fromStdString(p.message).contains(words); });
}

} // namespace

class TestMalformed : public QObject
{
    Q_OBJECT

private slots:
    void everyFileIsExpected()
    {
        // A file added to the corpus must come with what it should say.
        const auto files = QDir(malformedDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 20);
        for (const auto &f : files)
            QVERIFY2(expectations().count(f), qPrintable(f + QStringLiteral(" has no expectation in tst_malformed")));
    }

    void clearProblem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("loads");
        QTest::addColumn<QString>("words");
        const auto files = QDir(malformedDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const auto &f : files) {
            const auto it = expectations().find(f);
            if (it != expectations().end())
                QTest::newRow(qPrintable(f)) << f << it->second.loads << QString::fromUtf8(it->second.words);
        }
    }

    void clearProblem()
    {
        QFETCH(QString, file);
        QFETCH(bool, loads);
        QFETCH(QString, words);
        const auto result = loadTraceFile(malformedDir() + QLatin1Char('/') + file);
        QCOMPARE(result.ok(), loads);
        if (!loads) {
            QVERIFY2(result.error.startsWith(file + QLatin1Char(':')), qPrintable(result.error)); // names the file
            QVERIFY(!result.cancelled);
        } else {
            QVERIFY(!result.trace->problems().empty());
            QVERIFY(result.trace->realSpanCount() > 0);
        }
        QVERIFY2(mentions(result, words), qPrintable(result.ok() ? QStringLiteral("no problem mentions it") : result.error));
    }

    void tenMegabyteStringIsKeptTruncated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("long-value.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"traceId\":\"t\",\"id\":\"a\",\"name\":\"n\",\"timestamp\":1,\"duration\":2,\"binaryAnnotations\":[{\"key\":\"httpservice.response.body\",\"value\":\"");
        f.write(QByteArray(10 * 1024 * 1024, 'x'));
        f.write("\"}]}]");
        f.close();
        const auto result = loadTraceFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto &t = *result.trace;
        const Tag *tag = t.findTag(t.span(0), "httpservice.response.body");
        QVERIFY(tag);
        QVERIFY(tag->truncated);
        QVERIFY(t.str(tag->value).size() < 10u * 1024 * 1024);
        // the raw view still has it whole
        QVERIFY(t.rawJson(0).size() > 10u * 1024 * 1024);
    }
};

QTEST_GUILESS_MAIN(TestMalformed)
#include "tst_malformed.moc"
