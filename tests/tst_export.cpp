#include "exportdialog.h"
#include "exporter.h"
#include "incidentsummary.h"
#include "mainwindow.h"
#include "tagspanel.h"
#include "redaction.h"
#include "spandetails.h"
#include "spantreeview.h"
#include "spantreemodel.h"
#include "spanview.h"
#include "traceexportrenderer.h"
#include "tracedsl.h"
#include "traceloader.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QTreeWidget>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QProcess>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>
#include <set>

using namespace td;

namespace {

const QString fixturesDir = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures");
const QString samplePath = QStringLiteral(TRACEDESK_TEST_DATA "/export/sample-trace.json");

// Secrets in the fixtures and the sample trace that no export may contain: the documented access_token,
// cookie and session id values, a password in a URL, a JDBC password and a bearer token.
const QStringList secrets{
    QStringLiteral("8af3680b14a233b58b9bdfa463d7172064e6181d"),
    QStringLiteral("2B0495D3083676D0033ED0463E66BD64"),
    QStringLiteral("7B0795EF7E3C224819E1EB2369F67671"),
    QStringLiteral("9D1CC680529972FCF13D37F41608A4F3"),
    QStringLiteral("9D486B7C0AA179181117BB38F9164899"),
    QStringLiteral("hunter2"),
    QStringLiteral("s3cr3t"),
    QStringLiteral("c2lnbmF0dXJl"),
};

QStringList traceFiles()
{
    QStringList files;
    for (const QString &name : QDir(fixturesDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << QDir(fixturesDir).filePath(name);
    files << samplePath;
    return files;
}

// The span with the most tags: its details show the most values that could leak.
std::int32_t spanWithMostTags(const Trace &t)
{
    std::int32_t best = t.primaryRoot();
    for (std::size_t i = 0; i < t.spanCount(); ++i)
        if (best < 0 || t.span(i).tagCount > t.span(static_cast<std::size_t>(best)).tagCount)
            best = static_cast<std::int32_t>(i);
    return best;
}

QString leakedSecret(const QByteArray &bytes)
{
    for (const QString &s : secrets)
        if (bytes.contains(s.toUtf8()))
            return s;
    return {};
}

QString leakedSecret(const QStringList &texts)
{
    return leakedSecret(texts.join(QLatin1Char('\n')).toUtf8());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int pdfPageCount(const QByteArray &pdf)
{
    int pages = 0;
    for (qsizetype at = pdf.indexOf("/Type /Page"); at >= 0; at = pdf.indexOf("/Type /Page", at + 1))
        if (pdf.mid(at + 11, 1) != "s")
            ++pages;
    return pages;
}

// Text of every <text> element of an SVG; false when the document does not parse.
bool svgTexts(const QByteArray &svg, QStringList *texts)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            *texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    return !xml.hasError();
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFixtureInEveryFormat_data();
    void everyFixtureInEveryFormat();
    void nothingSecretIsDrawn_data();
    void nothingSecretIsDrawn();
    void withoutRedactionTheTokenIsThere();
    void longTracesSplitOverPages();
    void longDetailsRunOverPages();
    void pngIsDrawnAtTwiceTheDensity();
    void headerSaysWhatWasRedacted();
    void detailsShowTheIPlatformPanelsFields();
    void markdownSummary();
    void viewStateIsExported();
    void visibleScopeKeepsWhatIsShown();
    void headlessExport();
    void everyViewExports_data();
    void everyViewExports();
    void dialogRemembersChoices();
    void windowExportsAndCopies();
    void screenshotAtAGivenWindowSize();

private:
    QTemporaryDir m_dir;
};

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TraceDeskTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_export"));
    QSettings().clear();
}

void TestExport::everyFixtureInEveryFormat_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    for (const QString &path : traceFiles()) {
        if (!loadTraceFile(path).ok())
            continue; // the malformed sample: nothing to export
        for (const ExportFormat f : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Markdown})
            QTest::newRow(qPrintable(QFileInfo(path).fileName() + QLatin1Char('.') + exportFormatSuffix(f))) << path << static_cast<int>(f);
    }
}

void TestExport::everyFixtureInEveryFormat()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const LoadResult loaded = loadTraceFile(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    const Trace &trace = *loaded.trace;
    ExportOptions options;
    options.format = static_cast<ExportFormat>(format);
    ExportSource source = exportSourceFromTrace(loaded.trace, ExportScope::All, spanWithMostTags(trace));
    const QString out = m_dir.filePath(QFileInfo(path).completeBaseName() + QLatin1Char('.') + exportFormatSuffix(options.format));
    const ExportResult result = writeExport(source, options, out);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.files.front(), out);
    const QByteArray bytes = readAll(out);
    QVERIFY(!bytes.isEmpty());

    // What was drawn holds no secret: the strings the renderer handed to the painter (a PNG's or a
    // compressed PDF's bytes would never show text, so searching them proves nothing).
    const TraceExportRenderer renderer(source, options);
    {
        QImage scratch(100, 100, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&scratch);
        for (const TraceExportRenderer::Page &page : renderer.paginate(renderer.singlePageHeight()))
            renderer.paintPage(&painter, page, renderer.singlePageHeight());
    }
    QVERIFY(!renderer.drawnTexts().isEmpty());
    QCOMPARE(leakedSecret(renderer.drawnTexts()), QString());
    switch (options.format) {
    case ExportFormat::Png: {
        const QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(static_cast<int>(std::ceil(options.width * 2.0)),
                                     static_cast<int>(std::ceil(renderer.singlePageHeight() * 2.0))));
        // Not blank: many pixels are not the background, in several colours.
        std::set<QRgb> colours;
        qsizetype inked = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QRgb c = image.pixel(x, y);
                if (c != qRgb(255, 255, 255) && c != qRgba(255, 255, 255, 255))
                    ++inked;
                if (colours.size() < 64)
                    colours.insert(c);
            }
        QVERIFY2(inked > image.width() * image.height() / 9 / 100, "less than 1% of the picture is drawn");
        QVERIFY(colours.size() >= 8);
        break;
    }
    case ExportFormat::Svg: {
        QStringList texts;
        QVERIFY(svgTexts(bytes, &texts));
        QCOMPARE(leakedSecret(texts), QString());
        const QString all = texts.join(QLatin1Char('\n'));
        Redactor redactor;
        for (const Span &s : trace.spans()) {
            const QString name = redactor.text(trace.qstr(s.name));
            if (!s.isPlaceholder() && !name.isEmpty() && name.size() <= 60)
                QVERIFY2(texts.contains(name), qPrintable(QStringLiteral("span name not in the SVG as text: ") + name));
        }
        QVERIFY(all.contains(QString::fromUtf8(trace.traceId().data(), static_cast<qsizetype>(trace.traceId().size()))));
        break;
    }
    case ExportFormat::Pdf: {
        QVERIFY(bytes.startsWith("%PDF-"));
        // The details may run onto more pages; the timeline of a short trace fits on one.
        QCOMPARE(pdfPageCount(bytes), result.pageCount);
        QVERIFY(result.pageCount >= 1);
        source.detailsSpan = NoIndex;
        const ExportResult timelineOnly = writeExport(source, options, out);
        QVERIFY(timelineOnly.ok());
        QCOMPARE(timelineOnly.pageCount, 1);
        QCOMPARE(pdfPageCount(readAll(out)), 1);
        break;
    }
    case ExportFormat::Markdown: {
        QCOMPARE(result.files.size(), 2);
        const QString md = QString::fromUtf8(bytes);
        const QString png = QFileInfo(result.files.at(1)).fileName();
        QVERIFY(md.contains(QStringLiteral("](") + png + QLatin1Char(')')));
        QVERIFY(!QImage(result.files.at(1)).isNull());
        QCOMPARE(leakedSecret(bytes), QString()); // the Markdown is text: its bytes are what the reader sees
        QVERIFY(md.startsWith(QLatin1String("# ")));
        break;
    }
    }
}

void TestExport::nothingSecretIsDrawn_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : traceFiles())
        if (loadTraceFile(path).ok())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestExport::nothingSecretIsDrawn()
{
    // PDF text is compressed and drawn as glyphs, so check what the renderer drew, with each span's details.
    QFETCH(QString, path);
    const LoadResult loaded = loadTraceFile(path);
    QVERIFY(loaded.ok());
    for (std::size_t i = 0; i < loaded.trace->spanCount(); ++i) {
        const ExportSource source = exportSourceFromTrace(loaded.trace, ExportScope::All, static_cast<std::int32_t>(i));
        const TraceExportRenderer renderer(source, ExportOptions{});
        QImage scratch(100, 100, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&scratch);
        renderer.paintPage(&painter, renderer.wholePage(), renderer.singlePageHeight());
        QVERIFY(!renderer.drawnTexts().isEmpty());
        QCOMPARE(leakedSecret(renderer.drawnTexts()), QString());
        Redactor redactor;
        QCOMPARE(leakedSecret(renderIncidentMarkdown(source, ExportOptions{}, QString()).toUtf8()), QString());
    }
}

void TestExport::withoutRedactionTheTokenIsThere()
{
    // The checks above can fail: with --no-redact the documented token is in the SVG.
    const LoadResult loaded = loadTraceFile(fixturesDir + QStringLiteral("/iplatform-httpservice-span.json"));
    QVERIFY(loaded.ok());
    ExportOptions options;
    options.format = ExportFormat::Svg;
    options.redact = false;
    const QString out = m_dir.filePath(QStringLiteral("unredacted.svg"));
    const ExportResult result = writeExport(exportSourceFromTrace(loaded.trace, ExportScope::All, 0), options, out);
    QVERIFY(result.ok());
    QCOMPARE(leakedSecret(readAll(out)), secrets.front());
    QCOMPARE(result.redactedCount, 0);
    // And the drawn strings the other formats are checked by carry it too.
    const TraceExportRenderer renderer(exportSourceFromTrace(loaded.trace, ExportScope::All, 0), options);
    QImage scratch(100, 100, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&scratch);
    renderer.paintPage(&painter, renderer.wholePage(), renderer.singlePageHeight());
    QCOMPARE(leakedSecret(renderer.drawnTexts()), secrets.front());
}

void TestExport::longTracesSplitOverPages()
{
    QString dsl = QStringLiteral("root 0 300000\n");
    for (int i = 0; i < 300; ++i)
        dsl += QStringLiteral("root/c%1 %2 900 service=svc%3\n").arg(i).arg(i * 1000).arg(i % 5);
    const TracePtr trace = testing::buildTrace(dsl);
    QCOMPARE(trace->spanCount(), std::size_t(301));
    ExportOptions options;
    options.format = ExportFormat::Pdf;
    const ExportSource source = exportSourceFromTrace(trace, ExportScope::All, 0);
    const QString out = m_dir.filePath(QStringLiteral("long.pdf"));
    const ExportResult result = writeExport(source, options, out);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.pageCount > 3);
    QCOMPARE(pdfPageCount(readAll(out)), result.pageCount);

    // Every row is on exactly one page, in order, and each page repeats the header (its title).
    const TraceExportRenderer renderer(source, options);
    const auto pages = renderer.paginate(800);
    int next = 0;
    for (const auto &page : pages) {
        QCOMPARE(page.firstRow, next);
        next = page.rowEnd;
        QImage scratch(10, 10, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&scratch);
        const int before = static_cast<int>(renderer.drawnTexts().size());
        renderer.paintPage(&painter, page, 800);
        QVERIFY(renderer.drawnTexts().mid(before).contains(renderer.title()));
        QVERIFY(renderer.drawnTexts().mid(before).contains(QStringLiteral("Span"))); // the ruler
    }
    QCOMPARE(next, 301);
    QVERIFY(pages.size() > 5);
}

void TestExport::longDetailsRunOverPages()
{
    QString dsl = QStringLiteral("root 0 1000");
    for (int i = 0; i < 120; ++i)
        dsl += QStringLiteral(" tag:http.request.header.x-%1=value%1").arg(i);
    dsl += QStringLiteral("\nroot/a 10 100\nroot/b 200 100\n");
    const TracePtr trace = testing::buildTrace(dsl);
    QCOMPARE(trace->span(static_cast<std::size_t>(trace->findSpan("root"))).tagCount, 120u);
    const TraceExportRenderer renderer(exportSourceFromTrace(trace, ExportScope::All, trace->findSpan("root")), ExportOptions{});
    QVERIFY(renderer.detailItemCount() > 120);
    const auto pages = renderer.paginate(900);
    QVERIFY(pages.size() >= 3);
    // The rows on the first page, then every detail line once, in order, no page empty.
    QCOMPARE(pages.front().firstRow, 0);
    QCOMPARE(pages.front().rowEnd, 3);
    int next = 0;
    for (const auto &page : pages) {
        QCOMPARE(page.firstDetail, next);
        QVERIFY(page.detailEnd > page.firstDetail || page.rowEnd > page.firstRow);
        next = page.detailEnd;
    }
    QCOMPARE(next, renderer.detailItemCount());
}

void TestExport::pngIsDrawnAtTwiceTheDensity()
{
    const LoadResult loaded = loadTraceFile(samplePath);
    QVERIFY(loaded.ok());
    ExportOptions options;
    options.width = 900;
    const QImage image = renderExportImage(exportSourceFromTrace(loaded.trace, ExportScope::All, -1), options);
    QCOMPARE(image.width(), 1800);
    QCOMPARE(image.devicePixelRatio(), 2.0);
    options.pixelRatio = 1;
    QCOMPARE(renderExportImage(exportSourceFromTrace(loaded.trace, ExportScope::All, -1), options).width(), 900);
}

// The export's details of a span list the iplatform fields and notes the panel shows, by the same rules
// (one builder: the slow call's "actual … usual" note and its warning type, every field the span has).
void TestExport::detailsShowTheIPlatformPanelsFields()
{
    const LoadResult loaded = loadTraceFile(samplePath);
    QVERIFY(loaded.ok());
    const std::int32_t slow = loaded.trace->findSpan("7c4d2e9a1b3f5a60");
    QVERIFY(slow >= 0);
    const std::vector<IPlatformField> fields = iplatformFields(*loaded.trace, loaded.trace->span(static_cast<std::size_t>(slow)));
    QVERIFY(fields.size() >= 4);
    const TraceExportRenderer renderer(exportSourceFromTrace(loaded.trace, ExportScope::All, slow), ExportOptions{});
    QImage scratch(10, 10, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&scratch);
    renderer.paintPage(&painter, renderer.wholePage(), renderer.singlePageHeight());
    const QStringList drawn = renderer.drawnTexts();
    bool sawNote = false;
    for (const IPlatformField &f : fields) {
        QVERIFY2(drawn.contains(QString::fromStdString(f.key)), f.key.c_str());
        const QString shown = f.value + (f.note.isEmpty() ? QString() : QStringLiteral(" (") + f.note + QLatin1Char(')'));
        QVERIFY2(drawn.contains(shown), qPrintable(shown));
        sawNote = sawNote || f.note.contains(QLatin1String("usual"));
    }
    QVERIFY(sawNote);
}

void TestExport::headerSaysWhatWasRedacted()
{
    const LoadResult loaded = loadTraceFile(samplePath);
    QVERIFY(loaded.ok());
    const std::int32_t root = loaded.trace->findSpan("b1ce90a546e67ba5");
    QVERIFY(root >= 0);
    const TraceExportRenderer renderer(exportSourceFromTrace(loaded.trace, ExportScope::All, root), ExportOptions{});
    QImage scratch(10, 10, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&scratch);
    renderer.paintPage(&painter, renderer.wholePage(), renderer.singlePageHeight());
    // The root's details: the access_token in httpservice.url and the JSESSIONID cookie.
    QCOMPARE(renderer.redactedCount(), 2);
    QVERIFY(renderer.drawnTexts().contains(QStringLiteral("2 values redacted")));
    QVERIFY(renderer.drawnTexts().join(QLatin1Char('\n')).contains(QLatin1String("access_token=[redacted]")));
    // Header fields: trace id, root, start with its zone, spans, services, errors, warnings, source, export time.
    const QStringList texts = renderer.drawnTexts();
    for (const char *label : {"Trace ID", "Root", "Start", "Duration", "Spans", "Services", "Errors", "Warnings", "Source", "Exported", "Redaction"})
        QVERIFY2(texts.contains(QString::fromLatin1(label)), label);
    QVERIFY(texts.contains(QStringLiteral("sample-trace.json")));
    QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString &t) { return t.startsWith(QLatin1String("2018-09-27")) && t.contains(QLatin1String("UTC")); }));
}

void TestExport::markdownSummary()
{
    const LoadResult loaded = loadTraceFile(samplePath);
    QVERIFY(loaded.ok());
    Redactor redactor;
    ExportContext context;
    context.imageName = QStringLiteral("incident 42.png");
    const QString md = incidentSummaryMarkdown(*loaded.trace, context, redactor);
    QVERIFY(md.startsWith(QLatin1String("# Incident summary: trace b1ce90a546e67ba5\n")));
    QVERIFY(md.contains(QLatin1String("![Trace timeline](incident%2042.png)")));
    QVERIFY(md.contains(QLatin1String("| Spans | 6 |")));
    QVERIFY(md.contains(QLatin1String("| Errors | 1 |")));
    QVERIFY(md.contains(QLatin1String("| Warnings | 1 |")));
    QVERIFY(md.contains(QLatin1String("| Duration | 901 ms |")));
    // The failed span with its exception class, the warning with optimize_warn_pct/type.
    QVERIFY(md.contains(QLatin1String("| http:/auditservice/api/v1/audit | empty-service | 30.0 ms | java.net.SocketTimeoutException |")));
    QVERIFY(md.contains(QLatin1String("| o.i.t.s.d.busisysmapper.selectall | trident-service | 330 ms | 200.0% | warn\\_jdbc\\_optimize\\_time | 110 ms |")));
    // Most self time first, slower than usual with the ratio, the critical path from the root.
    const qsizetype self = md.indexOf(QLatin1String("## Most self time"));
    QVERIFY(self > 0);
    QVERIFY(md.indexOf(QLatin1String("| 1 | o.i.t.s.d.busisysmapper.selectall | trident-service | 330 ms | 36.6 % | 330 ms |"), self) > self);
    QVERIFY(md.contains(QStringLiteral("| o.i.t.s.d.busisysmapper.selectall | trident-service | 330 ms | 110 ms | 3.00× |")));
    const qsizetype path = md.indexOf(QLatin1String("## Critical path"));
    QVERIFY(path > self);
    QVERIFY(md.indexOf(QStringLiteral("1. empty-service: http:/api/v1/test/testmethodwithdb — 901 ms"), path) > path);
    QVERIFY(md.contains(QLatin1String("| Redaction | 0 values redacted |")));
    // Span names with Markdown in them cannot break the tables.
    QCOMPARE(markdownEscape(QStringLiteral("a|b*c\nd")), QStringLiteral("a\\|b\\*c d"));
}

void TestExport::viewStateIsExported()
{
    const LoadResult loaded = loadTraceFile(samplePath);
    QVERIFY(loaded.ok());
    SpanView view;
    view.resize(1000, 600);
    view.setTrace(loaded.trace);
    ExportSource all = exportSourceFromView(view, ExportScope::All);
    QCOMPARE(all.rows.size(), std::size_t(6));
    QCOMPARE(all.range, (TimeRange{loaded.trace->startUs(), loaded.trace->endUs()}));

    // Collapse the trident-service span: its child leaves the export, the row says it is collapsed.
    const std::int32_t trident = loaded.trace->findSpan("5e1f0a3c9b2d4e71");
    view.spanModel()->setExpanded(trident, false);
    ExportSource collapsed = exportSourceFromView(view, ExportScope::All);
    QCOMPARE(collapsed.rows.size(), std::size_t(5));
    const auto row = std::find_if(collapsed.rows.begin(), collapsed.rows.end(), [&](const ExportRow &r) { return r.span == trident; });
    QVERIFY(row != collapsed.rows.end());
    QVERIFY(row->collapsed);
    QCOMPARE(row->depth, 1);

    // Only matches (and their ancestors).
    view.expandAll();
    view.setSearchText(QStringLiteral("auditservice"));
    view.setShowOnlyMatches(true);
    ExportSource filtered = exportSourceFromView(view, ExportScope::All);
    QCOMPARE(filtered.rows.size(), std::size_t(2));
    QCOMPARE(filtered.rows.at(1).span, loaded.trace->findSpan("9a8b7c6d5e4f3a21"));
    QCOMPARE(filtered.detailsSpan, view.selectedSpan());
}

void TestExport::visibleScopeKeepsWhatIsShown()
{
    const LoadResult loaded = loadTraceFile(samplePath);
    QVERIFY(loaded.ok());
    SpanView view;
    view.resize(1000, 600);
    view.show();
    view.setTrace(loaded.trace);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoomToSpan(loaded.trace->findSpan("9a8b7c6d5e4f3a21"));
    const ExportSource visible = exportSourceFromView(view, ExportScope::Visible);
    QCOMPARE(visible.range, view.timeControl()->visibleRange());
    QVERIFY(visible.range.durationUs() < loaded.trace->durationUs());
    QCOMPARE(visible.rows.size(), std::size_t(6)); // all rows fit in 600 px
    view.resize(1000, 140);
    QTest::qWait(0);
    const ExportSource fewer = exportSourceFromView(view, ExportScope::Visible);
    QVERIFY(fewer.rows.size() < 6);
    QVERIFY(!fewer.rows.empty());
}

void TestExport::headlessExport()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const auto run = [&](const QStringList &args, QByteArray *err = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRACEDESK_EXE), args);
        if (!p.waitForFinished(120000))
            return -1;
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    const QString pdf = m_dir.filePath(QStringLiteral("headless.pdf"));
    QCOMPARE(run({QStringLiteral("--export"), pdf, QStringLiteral("--details"), QStringLiteral("b1ce90a546e67ba5"), samplePath}), 0);
    QVERIFY(readAll(pdf).startsWith("%PDF-"));
    const QString svg = m_dir.filePath(QStringLiteral("headless.svg"));
    QCOMPARE(run({QStringLiteral("--export"), svg, QStringLiteral("--width"), QStringLiteral("1000"), QStringLiteral("--details"),
                  QStringLiteral("b1ce90a546e67ba5"), samplePath}), 0);
    QVERIFY(readAll(svg).contains("viewBox=\"0 0 1000 "));
    QCOMPARE(leakedSecret(readAll(svg)), QString());
    QCOMPARE(run({QStringLiteral("--export"), svg, QStringLiteral("--no-redact"), QStringLiteral("--details"),
                  QStringLiteral("b1ce90a546e67ba5"), samplePath}), 0);
    QCOMPARE(leakedSecret(readAll(svg)), secrets.front());

    QByteArray err;
    QCOMPARE(run({QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.gif")), samplePath}, &err), 1);
    QVERIFY(err.contains(".png, .svg, .pdf or .md"));
    QCOMPARE(run({QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.png")), fixturesDir + QStringLiteral("/iplatform-span-header.malformed.json")}, &err), 2);
    QVERIFY(err.contains("line"));
    QCOMPARE(run({QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("--details"), QStringLiteral("nope"), samplePath}, &err), 1);
    QCOMPARE(run({QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("--scope"), QStringLiteral("some"), samplePath}, &err), 1);
    QCOMPARE(run({QStringLiteral("--export"), QStringLiteral("/nonexistent-dir/x.png"), samplePath}, &err), 4);
    QVERIFY(err.contains("cannot write"));
}

void TestExport::everyViewExports_data()
{
    QTest::addColumn<QString>("view");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("header"); // the View field of the export's header; the timeline has Scope
    QTest::newRow("timeline") << QStringLiteral("timeline") << QStringList{} << QString();
    QTest::newRow("flamegraph") << QStringLiteral("flamegraph") << QStringList{} << QStringLiteral("Flame graph");
    QTest::newRow("flamegraph merged") << QStringLiteral("flamegraph") << QStringList{QStringLiteral("--flame-merged")}
                                       << QStringLiteral("Flame graph");
    QTest::newRow("table") << QStringLiteral("table") << QStringList{} << QStringLiteral("Span table");
    QTest::newRow("graph") << QStringLiteral("graph") << QStringList{} << QStringLiteral("Trace graph");
    QTest::newRow("graph operations") << QStringLiteral("graph") << QStringList{QStringLiteral("--graph-operations")}
                                      << QStringLiteral("Trace graph");
    QTest::newRow("events") << QStringLiteral("events") << QStringList{} << QStringLiteral("Events");
}

// tracedesk --export OUT --view VIEW FILE draws that view below the header, headless and redacted, in every
// format.
void TestExport::everyViewExports()
{
    QFETCH(QString, view);
    QFETCH(QStringList, flags);
    QFETCH(QString, header);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const auto run = [&](const QString &out, const QStringList &extra = {}) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRACEDESK_EXE), QStringList{QStringLiteral("--export"), out, QStringLiteral("--view"), view}
                                                  + flags + extra + QStringList{samplePath});
        if (!p.waitForFinished(120000))
            return -1;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    const QString base = m_dir.filePath(QStringLiteral("view-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    QCOMPARE(run(base + QStringLiteral(".svg")), 0);
    QStringList texts;
    QVERIFY(svgTexts(readAll(base + QStringLiteral(".svg")), &texts));
    // The header's View field names the view drawn; a view without a body of its own would fall back to
    // the timeline and its Scope field.
    if (header.isEmpty())
        QVERIFY(texts.contains(QStringLiteral("Scope")));
    else
        QVERIFY2(texts.contains(header) && !texts.contains(QStringLiteral("Scope")), qPrintable(texts.join(QLatin1Char('|'))));
    QCOMPARE(leakedSecret(texts), QString());
    QCOMPARE(run(base + QStringLiteral(".png")), 0);
    const QImage png(base + QStringLiteral(".png"));
    QVERIFY(!png.isNull());
    QCOMPARE(png.width(), 2 * ExportOptions{}.width);
    QCOMPARE(run(base + QStringLiteral(".pdf")), 0);
    QVERIFY(readAll(base + QStringLiteral(".pdf")).startsWith("%PDF-"));
}

void TestExport::dialogRemembersChoices()
{
    {
        ExportDialog dialog;
        dialog.setContext(true, QStringLiteral("b1ce90a546e67ba5"));
        QSettings settings;
        dialog.loadSettings(settings);
        QCOMPARE(dialog.options().format, ExportFormat::Png);
        QVERIFY(dialog.options().redact);
        QVERIFY(dialog.filePath().endsWith(QLatin1String("trace-b1ce90a546e67ba5.png")));
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(static_cast<int>(ExportFormat::Pdf)));
        QVERIFY(dialog.filePath().endsWith(QLatin1String("trace-b1ce90a546e67ba5.pdf")));
        dialog.visibleScopeButton()->setChecked(true);
        dialog.widthBox()->setValue(2400);
        dialog.detailsBox()->setChecked(false);
        dialog.redactBox()->setChecked(false);
        dialog.setFilePath(m_dir.filePath(QStringLiteral("chosen.pdf")));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    ExportDialog again;
    again.setContext(true, QStringLiteral("b1ce90a546e67ba5"));
    QSettings settings;
    again.loadSettings(settings);
    const ExportOptions o = again.options();
    QCOMPARE(o.format, ExportFormat::Pdf);
    QCOMPARE(o.scope, ExportScope::Visible);
    QCOMPARE(o.width, 2400);
    QCOMPARE(o.details, false);
    // Redaction is on again: turning it off is a choice made for one export.
    QCOMPARE(o.redact, true);
    QCOMPARE(QFileInfo(again.filePath()).absolutePath(), QFileInfo(m_dir.path()).absoluteFilePath());
    // The preference can make it off by default.
    settings.setValue(ExportDialog::redactByDefaultKey(), false);
    ExportDialog third;
    third.loadSettings(settings);
    QCOMPARE(third.options().redact, false);
    settings.remove(ExportDialog::redactByDefaultKey());
    // Without a selected span there are no details to add.
    third.setContext(false, QString());
    QVERIFY(!third.options().details);
}

void TestExport::windowExportsAndCopies()
{
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::traceShown);
    window.openFile(samplePath);
    QVERIFY(shown.count() > 0 || shown.wait(20000));
    QAction *exportAction = nullptr;
    QAction *copyImage = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
            exportAction = a;
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C))
            copyImage = a;
    }
    QVERIFY(exportAction && exportAction->isEnabled());
    QVERIFY(copyImage && copyImage->isEnabled());

    QGuiApplication::clipboard()->clear();
    copyImage->trigger();
    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= ExportOptions::minWidth);

    // Copied tag values go through the redactor.
    window.spanView()->selectSpan(window.trace()->findSpan("b1ce90a546e67ba5"));
    QTreeWidgetItem *url = window.findChild<TagsPanel *>()->itemFor(QStringLiteral("httpservice.url"));
    QVERIFY(url);
    window.findChild<TagsPanel *>()->tree()->setCurrentItem(url);
    QVERIFY(window.findChild<TagsPanel *>()->copyValue());
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(copied.endsWith(QLatin1String("access_token=[redacted]")));
    QCOMPARE(leakedSecret(copied.toUtf8()), QString());
}

// --screenshot --window-size WxH: a picture of the window at that size (the README's pictures are made so);
// a size that is not one is refused before any window opens.
void TestExport::screenshotAtAGivenWindowSize()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    const auto run = [&](const QStringList &args, QByteArray *err) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRACEDESK_EXE), args);
        if (!p.waitForFinished(120000))
            return -1;
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    QByteArray err;
    const QString png = m_dir.filePath(QStringLiteral("window-1000x700.png"));
    QCOMPARE(run({QStringLiteral("--no-library"), QStringLiteral("--window-size"), QStringLiteral("1000x700"),
                  QStringLiteral("--screenshot"), png, samplePath}, &err), 0);
    const QImage image(png);
    QVERIFY2(!image.isNull(), err.constData());
    QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1000, 700));
    const QString other = m_dir.filePath(QStringLiteral("window-1500x900.png"));
    QCOMPARE(run({QStringLiteral("--no-library"), QStringLiteral("--window-size"), QStringLiteral("1500x900"),
                  QStringLiteral("--screenshot"), other, samplePath}, &err), 0);
    QCOMPARE(QImage(other).size(), QSize(1500, 900));

    for (const QString &bad : {QStringLiteral("1000"), QStringLiteral("axb"), QStringLiteral("100x100"), QStringLiteral("1000x")}) {
        const QString never = m_dir.filePath(QStringLiteral("never.png"));
        QCOMPARE(run({QStringLiteral("--no-library"), QStringLiteral("--window-size"), bad, QStringLiteral("--screenshot"),
                      never, samplePath}, &err), 1);
        QVERIFY2(err.contains("--window-size is WIDTHxHEIGHT"), err.constData());
        QVERIFY(!QFileInfo::exists(never));
    }
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
