#include "commandline.h"

#include "traceloader.h"
#include "tracesummary.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <memory>

namespace td {

namespace {

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (!std::strcmp(a, "--summary") || !std::strcmp(a, "--help") || !std::strcmp(a, "-h")
            || !std::strcmp(a, "--version") || !std::strcmp(a, "-v") || !std::strcmp(a, "--help-all"))
            return true;
    }
    return false;
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "tracedesk: %s\n", text.toLocal8Bit().constData());
}

} // namespace

int runTraceDesk(int argc, char **argv)
{
    const bool headless = wantsHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TraceDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TraceDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRACEDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "TraceDesk shows where the time went in a distributed trace and what failed.\n"
        "Opens Zipkin v1/v2, spans API answers, Log Service rows, Jaeger and OTLP JSON."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption summaryOption(QStringLiteral("summary"),
        QStringLiteral("Print what the trace model made of FILE as one JSON document and exit (no display needed)."));
    parser.addOption(summaryOption);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Trace file to open (JSON)."), QStringLiteral("[FILE]"));
    parser.process(*app);

    const QStringList files = parser.positionalArguments();
    if (parser.isSet(summaryOption)) {
        if (files.size() != 1) {
            printErr(QStringLiteral("--summary needs exactly one FILE"));
            return 1;
        }
        const LoadResult result = loadTraceFile(files.front());
        if (!result.ok()) {
            printErr(result.error);
            return 2;
        }
        const std::string out = traceSummary(*result.trace).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fputc('\n', stdout);
        return 0;
    }
    printErr(QStringLiteral("the window is not built yet"));
    return 1;
}

} // namespace td
