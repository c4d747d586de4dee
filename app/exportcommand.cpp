#include "exportcommand.h"

#include "commandline.h"
#include "exportbody.h"
#include "exporter.h"
#include "librarycommand.h"
#include "spansapiclient.h"
#include "tokenstore.h"
#include "traceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

#include <cstdio>
#include <cstring>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::CommandLine", text);
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "tracedesk: %s\n", text.toLocal8Bit().constData());
}

} // namespace

void readStoredToken(FetchRequest &request)
{
    if (request.token.isEmpty() && !request.profileName.isEmpty()) {
        // The keychain may not answer at all on a server; TokenStore bounds the wait.
        TokenStore tokens;
        tokens.setKeychainTimeout(std::chrono::milliseconds(2000));
        QEventLoop loop;
        tokens.readToken(request.profileName, &loop, [&request, &loop](const QString &token) {
            request.token = token;
            loop.quit();
        });
        loop.exec();
    }
}

FetchResult fetchBlocking(FetchRequest request)
{
    readStoredToken(request);
    SpansApiClient client;
    FetchResult result;
    QEventLoop loop;
    QObject::connect(&client, &SpansApiClient::finished, &loop, [&result, &loop](const FetchResult &r) {
        result = r;
        loop.quit();
    });
    client.fetch(request);
    loop.exec();
    return result;
}

void addExportOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("export"),
         tr("Write FILE (or the fetched trace) as a picture or summary for an incident report and exit: OUT.png, OUT.svg, "
            "OUT.pdf or OUT.md (Markdown, with OUT.png beside it). No display needed. Secrets are redacted."),
         QStringLiteral("OUT")},
        {QStringLiteral("width"), tr("With --export: width in pixels (default 1600, PDF 1200 across an A4 landscape page; PNG is drawn at twice that density)."),
         QStringLiteral("PX")},
        {QStringLiteral("scope"),
         tr("With --export: 'all' (every span, default) or 'visible' (zoomed to the --details span as the window's Z does)."),
         QStringLiteral("all|visible")},
        {QStringLiteral("details"), tr("With --export: add the details of the span with this id below the timeline."),
         QStringLiteral("SPANID")},
        {QStringLiteral("view"), tr("The view to show, or with --export to draw: timeline (default), flamegraph, table, graph or events."),
         QStringLiteral("VIEW")},
        {QStringLiteral("flame-merged"), tr("With --export --view flamegraph: fold identical service+operation paths into one frame.")},
        {QStringLiteral("graph-operations"), tr("With --export --view graph: a node per service and operation, not per service.")},
        {QStringLiteral("no-redact"), tr("With --export: keep secrets (tokens, passwords, cookies, session ids) as they are.")},
    });
}

bool exportRequested(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--export") || !std::strncmp(argv[i], "--export=", 9))
            return true;
    return false;
}

void chooseHeadlessPlatform()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

namespace {

// Writes the export and prints the files written, one a line; the exit status (4: not written).
int writeAndList(const ExportSource &source, const ExportOptions &options, const QString &out)
{
    const ExportResult written = writeExport(source, options, out);
    if (!written.ok()) {
        printErr(written.error);
        return 4;
    }
    for (const QString &file : written.files)
        std::fprintf(stdout, "%s\n", QDir::toNativeSeparators(file).toLocal8Bit().constData());
    return 0;
}

} // namespace

int runExportCommand(const QCommandLineParser &parser, const QStringList &files, const FetchCommand &fetch)
{
    const QString out = parser.value(QStringLiteral("export"));
    ExportOptions options;
    if (out.isEmpty() || !exportFormatForPath(out, &options.format)) {
        printErr(tr("--export needs a file name ending in .png, .svg, .pdf or .md"));
        return 1;
    }
    // A4 pages: a narrower drawing keeps the text at a readable size.
    if (options.format == ExportFormat::Pdf)
        options.width = 1200;
    if (parser.isSet(QStringLiteral("width"))) {
        bool ok = false;
        options.width = parser.value(QStringLiteral("width")).toInt(&ok);
        if (!ok || options.width < ExportOptions::minWidth || options.width > ExportOptions::maxWidth) {
            printErr(tr("--width needs a number of pixels from %1 to %2").arg(ExportOptions::minWidth).arg(ExportOptions::maxWidth));
            return 1;
        }
    }
    ExportScope scope = ExportScope::All;
    if (parser.isSet(QStringLiteral("scope"))) {
        const QString s = parser.value(QStringLiteral("scope"));
        if (s == QLatin1String("visible"))
            scope = ExportScope::Visible;
        else if (s != QLatin1String("all")) {
            printErr(tr("--scope is 'all' or 'visible'"));
            return 1;
        }
    }
    TraceViewKind view = TraceViewKind::Timeline;
    if (parser.isSet(QStringLiteral("view")) && !traceViewKindFromName(parser.value(QStringLiteral("view")), &view)) {
        printErr(tr("--view is timeline, flamegraph, table, graph or events, not \"%1\"").arg(parser.value(QStringLiteral("view"))));
        return 1;
    }
    options.redact = !parser.isSet(QStringLiteral("no-redact"));
    if (parser.isSet(QStringLiteral("compare"))) {
        // --compare A B --export OUT: the comparison under A's header.
        if (files.size() != 2 || fetch.requested) {
            printErr(tr("--compare needs two FILEs: A (before) and B (after)"));
            return 1;
        }
        const bool record = !parser.isSet(QStringLiteral("no-library"));
        const TracePtr a = loadForCommand(files[0], record);
        const TracePtr b = a ? loadForCommand(files[1], record) : TracePtr();
        if (!b)
            return 2;
        ExportSource source = exportSourceFromTrace(a, ExportScope::All, NoIndex);
        source.context.source = QFileInfo(files[0]).fileName();
        source.compareWith = b;
        source.compareNameA = QFileInfo(files[0]).fileName();
        source.compareNameB = QFileInfo(files[1]).fileName();
        return writeAndList(source, options, out);
    }
    if (!fetch.requested && files.size() != 1) {
        printErr(tr("--export needs exactly one FILE or --fetch ID"));
        return 1;
    }

    TracePtr trace;
    ExportContext context;
    if (fetch.requested) {
        const FetchResult result = fetchBlocking(fetch.request);
        if (!result.ok()) {
            printErr(result.describe());
            if (result.tokenRejected)
                printErr(tr("the command line takes the token from the TRACEDESK_TOKEN environment variable"));
            return result.answerUnreadable() ? 2 : 3;
        }
        trace = result.load.trace;
        context.source = fetch.request.sourceName();
        if (!parser.isSet(QStringLiteral("no-library"))) {
            const auto &bytes = trace->sourceBytes();
            recordFromCommandLine(*trace, context.source,
                                  bytes ? QByteArrayView(bytes->data(), static_cast<qsizetype>(bytes->size())) : QByteArrayView());
        }
    } else {
        trace = loadForCommand(files.front(), !parser.isSet(QStringLiteral("no-library")));
        if (!trace)
            return 2;
    }

    std::int32_t detailsSpan = NoIndex;
    if (parser.isSet(QStringLiteral("details"))) {
        const QString id = parser.value(QStringLiteral("details")).trimmed();
        detailsSpan = trace->findSpan(id.toStdString());
        if (detailsSpan < 0) {
            printErr(tr("--details: there is no span with id \"%1\" in this trace").arg(id));
            return 1;
        }
    }
    options.details = detailsSpan >= 0;
    ExportSource source = exportSourceFromTrace(trace, scope, detailsSpan);
    source.context = context;
    source.view = view;
    source.flameMerged = parser.isSet(QStringLiteral("flame-merged"));
    source.graphByOperation = parser.isSet(QStringLiteral("graph-operations"));
    return writeAndList(source, options, out);
}

TracePtr loadForCommand(const QString &path, bool record)
{
    const LoadResult result = loadTraceFile(path);
    if (!result.ok()) {
        printErr(result.error);
        return nullptr;
    }
    if (record)
        recordFromCommandLine(*result.trace, QFileInfo(path).absoluteFilePath(), {});
    return result.trace;
}

} // namespace td
