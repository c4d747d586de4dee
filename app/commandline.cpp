#include "commandline.h"

#include "connectionprofiles.h"
#include "exportcommand.h"
#include "extensionkeys.h"
#include "language.h"
#include "librarycommand.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "singleinstance.h"
#include "spanpanel.h"
#include "theme.h"
#include "tokenstore.h"
#include "traceloader.h"
#include "tracelibrary.h"
#include "tracelink.h"
#include "flamegraph.h"
#include "tracecompare.h"
#include "tracesummary.h"

#include <QApplication>
#include <QGuiApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QThreadPool>
#include <QTimer>
#include <QEventLoop>
#include <QSaveFile>
#include <QSize>
#include <QTextStream>
#include <QSettings>

#include <QDateTime>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace td {

namespace {

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (!std::strcmp(a, "--summary") || !std::strcmp(a, "--summary-flamegraph") || !std::strcmp(a, "--search") || !std::strcmp(a, "--save-profile")
            || !std::strcmp(a, "--library") || !std::strncmp(a, "--library=", 10) || !std::strcmp(a, "--json")
            || !std::strcmp(a, "--help") || !std::strcmp(a, "-h")
            || !std::strcmp(a, "--version") || !std::strcmp(a, "-v") || !std::strcmp(a, "--help-all")
            || !std::strncmp(a, "--output", 8))
            return true;
        // The search filters mean --search (or a usage error): no display either way.
        for (const char *option : {"--service", "--operation", "--tag", "--traceql", "--min-duration", "--max-duration",
                                   "--since", "--start", "--end", "--limit"})
            if (!std::strncmp(a, option, std::strlen(option)) && (a[std::strlen(option)] == 0 || a[std::strlen(option)] == '='))
                return true;
    }
    return false;
}

// A FILE argument as an absolute path; the desktop may pass a file:// URL (Exec=tracedesk %u).
QString localPathOf(const QString &argument)
{
    if (argument.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        return QUrl(argument).toLocalFile();
    return QFileInfo(argument).absoluteFilePath();
}

void printErr(const QString &text)
{
    std::fprintf(stderr, "tracedesk: %s\n", text.toLocal8Bit().constData());
}

// The --summary document; with --summary-flamegraph also the merged flame graph's frames.
void printSummary(const Trace &trace, bool flameGraph)
{
    nlohmann::json summary = traceSummary(trace);
    if (flameGraph)
        summary["flamegraph"] = flameGraphSummary(trace);
    const std::string out = summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
}

// --fetch with --summary and/or --output: no display needed.
int runHeadlessFetch(const FetchCommand &command, bool summary, bool flameGraph, const QString &output, bool recordIt)
{
    const FetchResult result = fetchBlocking(command.request);

    if (!result.ok()) {
        printErr(result.describe());
        if (result.tokenRejected)
            printErr(QStringLiteral("the command line takes the token from the TRACEDESK_TOKEN environment variable"));
        return result.answerUnreadable() ? 2 : 3;
    }
    for (const QString &warning : std::as_const(result.warnings))
        printErr(QStringLiteral("warning: ") + warning);
    if (!output.isEmpty()) {
        // The exact bytes received, as the server sent them.
        QSaveFile file(output);
        const std::string &bytes = *result.load.trace->sourceBytes();
        if (!file.open(QIODevice::WriteOnly)
            || file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size())
            || !file.commit()) {
            printErr(output + QStringLiteral(": cannot write: ") + file.errorString());
            return 1;
        }
    }
    if (recordIt) {
        const auto &bytes = result.load.trace->sourceBytes();
        recordFromCommandLine(*result.load.trace, command.request.sourceName(),
                              bytes ? QByteArrayView(bytes->data(), static_cast<qsizetype>(bytes->size())) : QByteArrayView());
    }
    if (summary)
        printSummary(*result.load.trace, flameGraph);
    return 0;
}

QString cl(const char *text)
{
    return QCoreApplication::translate("td::CommandLine", text);
}

// --profile, --backend, --base-url, --auth, --api-version, --token-header, --timeout: where and how to ask.
// `what` names the command for messages ("--fetch", "--search").
QString readConnection(const QCommandLineParser &parser, FetchRequest &r, const QString &what)
{
    if (parser.isSet(QStringLiteral("profile"))) {
        const QString name = parser.value(QStringLiteral("profile"));
        QSettings settings;
        const auto profile = ConnectionProfiles::find(ConnectionProfiles::load(settings), name);
        if (!profile)
            return cl("there is no connection profile called \"%1\"").arg(name);
        r = FetchRequest::fromProfile(*profile, QString(), QString());
    }
    if (parser.isSet(QStringLiteral("backend"))) {
        const auto kind = backendKindFromKey(parser.value(QStringLiteral("backend")));
        if (!kind)
            return cl("--backend must be zipkin, jaeger, tempo or spans-api, not \"%1\"").arg(parser.value(QStringLiteral("backend")));
        r.kind = *kind;
    }
    if (parser.isSet(QStringLiteral("base-url")))
        r.baseUrl = QUrl::fromUserInput(parser.value(QStringLiteral("base-url")));
    if (parser.isSet(QStringLiteral("auth"))) {
        const auto auth = parseAuthSpec(parser.value(QStringLiteral("auth")));
        if (!auth)
            return cl("--auth must be none, bearer, basic or header:NAME, not \"%1\"").arg(parser.value(QStringLiteral("auth")));
        if (r.kind == BackendKind::SpansApi && auth->mode != AuthMode::Header)
            return cl("the spans API sends its token in a header: use --token-header NAME (or --auth header:NAME)");
        r.authMode = auth->mode;
        if (auth->mode == AuthMode::Header)
            r.tokenHeader = auth->headerName;
        if (auth->mode == AuthMode::Basic)
            r.username.clear(); // TRACEDESK_TOKEN holds user:password, or the password with --user
    }
    if (parser.isSet(QStringLiteral("user")))
        r.username = parser.value(QStringLiteral("user"));
    if (parser.isSet(QStringLiteral("api-version")))
        r.apiVersion = parser.value(QStringLiteral("api-version")).toInt();
    if (parser.isSet(QStringLiteral("token-header")))
        r.tokenHeader = parser.value(QStringLiteral("token-header"));
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0)
            return cl("--timeout needs a number of seconds greater than 0");
        r.timeoutMs = std::max(1, static_cast<int>(seconds * 1000));
    }
    const QString environmentToken = TokenStore::environmentToken();
    if (!environmentToken.isEmpty())
        r.token = environmentToken;
    if (!r.baseUrl.isValid() || r.baseUrl.host().isEmpty())
        return r.kind == BackendKind::SpansApi && what == QLatin1String("--fetch")
            ? cl("--fetch needs --profile NAME or --base-url URL and --project-id P")
            : cl("%1 needs --profile NAME or --backend KIND --base-url URL").arg(what);
    return {};
}

void printHit(const TraceHit &hit)
{
    const std::string line = traceHitJson(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

} // namespace

void addFetchOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("fetch"), QCoreApplication::translate("td::CommandLine", "Fetch trace ID from the spans API, Zipkin, Jaeger or Tempo."),
         QStringLiteral("ID")},
        {QStringLiteral("profile"),
         QCoreApplication::translate("td::CommandLine", "Connection profile to fetch or search with (as saved in Connections)."),
         QStringLiteral("NAME")},
        {QStringLiteral("backend"),
         QCoreApplication::translate("td::CommandLine", "Kind of backend at --base-url: zipkin, jaeger, tempo or spans-api (default)."),
         QStringLiteral("KIND")},
        {QStringLiteral("base-url"), QCoreApplication::translate("td::CommandLine", "Base URL of the backend (instead of a profile)."),
         QStringLiteral("URL")},
        {QStringLiteral("auth"),
         QCoreApplication::translate("td::CommandLine", "How Zipkin, Jaeger or Tempo get the secret from TRACEDESK_TOKEN: none, bearer, "
                                                        "basic (TRACEDESK_TOKEN=user:password) or header:NAME."),
         QStringLiteral("MODE")},
        {QStringLiteral("user"),
         QCoreApplication::translate("td::CommandLine", "With --auth basic: the user; TRACEDESK_TOKEN is then the password."),
         QStringLiteral("NAME")},
        {QStringLiteral("api-version"),
         QCoreApplication::translate("td::CommandLine", "3: Jaeger's /api/v3/traces/ID; 2: Tempo's /api/v2/traces/ID."),
         QStringLiteral("N")},
        {QStringLiteral("project-id"), QCoreApplication::translate("td::CommandLine", "Project id."), QStringLiteral("P")},
        {QStringLiteral("cluster-id"), QCoreApplication::translate("td::CommandLine", "clusterId header."), QStringLiteral("C")},
        {QStringLiteral("namespace"), QCoreApplication::translate("td::CommandLine", "namespace header."), QStringLiteral("N")},
        {QStringLiteral("token-header"),
         QCoreApplication::translate("td::CommandLine", "Header carrying the token (default X-Auth-Token). The token is "
                                                        "read from TRACEDESK_TOKEN, or from the keychain for --profile."),
         QStringLiteral("H")},
        {QStringLiteral("timeout"), QCoreApplication::translate("td::CommandLine", "Give up after S seconds without data (default 30)."),
         QStringLiteral("S")},
        {QStringLiteral("output"),
         QCoreApplication::translate("td::CommandLine", "With --fetch: write the answer exactly as received to FILE and exit."),
         QStringLiteral("FILE")},
    });
}

FetchCommand parseFetchOptions(const QCommandLineParser &parser)
{
    FetchCommand command;
    command.requested = parser.isSet(QStringLiteral("fetch"));
    if (!command.requested) {
        if (parser.isSet(QStringLiteral("output")))
            command.error = QCoreApplication::translate("td::CommandLine", "--output needs --fetch ID");
        return command;
    }
    FetchRequest &r = command.request;
    const QString connectionError = readConnection(parser, r, QStringLiteral("--fetch"));
    r.traceId = parser.value(QStringLiteral("fetch")).trimmed();
    if (parser.isSet(QStringLiteral("project-id")))
        r.projectId = parser.value(QStringLiteral("project-id"));
    if (parser.isSet(QStringLiteral("cluster-id")))
        r.clusterId = parser.value(QStringLiteral("cluster-id"));
    if (parser.isSet(QStringLiteral("namespace")))
        r.namespaceName = parser.value(QStringLiteral("namespace"));
    if (r.traceId.isEmpty())
        command.error = QCoreApplication::translate("td::CommandLine", "--fetch needs a trace id that is not empty");
    else if (!connectionError.isEmpty())
        command.error = connectionError;
    else if (r.kind == BackendKind::SpansApi && r.projectId.trimmed().isEmpty())
        command.error = QCoreApplication::translate("td::CommandLine", "--fetch needs --project-id P (or a --profile that has one)");
    return command;
}

void addSearchOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("search"), cl("Search Zipkin, Jaeger or Tempo for traces and print one JSON object a line: traceId, "
                                      "rootService, rootName, startUs, durationUs, spanCount, errorCount, services.")},
        {QStringLiteral("service"), cl("With --search: the service."), QStringLiteral("S")},
        {QStringLiteral("operation"), cl("With --search: the operation (span name)."), QStringLiteral("O")},
        {QStringLiteral("tag"), cl("With --search: a tag that must match, key=value; give it several times for several."),
         QStringLiteral("K=V")},
        {QStringLiteral("traceql"), cl("With --search on Tempo: a TraceQL query instead of the filters."), QStringLiteral("Q")},
        {QStringLiteral("min-duration"), cl("With --search: at least this long, e.g. 100ms."), QStringLiteral("D")},
        {QStringLiteral("max-duration"), cl("With --search: at most this long, e.g. 2s."), QStringLiteral("D")},
        {QStringLiteral("since"), cl("With --search: the last D (15m, 1h, 6h, 24h, ...; default 1h)."), QStringLiteral("D")},
        {QStringLiteral("start"), cl("With --search: from T (ISO 8601 such as 2026-12-06T10:00:00Z, or epoch seconds)."),
         QStringLiteral("T")},
        {QStringLiteral("end"), cl("With --search: until T (default now)."), QStringLiteral("T")},
        {QStringLiteral("limit"), cl("With --search: at most N traces (default 20)."), QStringLiteral("N")},
        {QStringLiteral("save-profile"), cl("Save the connection given by --backend, --base-url, --auth, --api-version "
                                            "(or --project-id ...) as connection profile NAME and exit."),
         QStringLiteral("NAME")},
    });
}

SearchCommand parseSearchOptions(const QCommandLineParser &parser, std::int64_t nowUs)
{
    SearchCommand command;
    command.requested = parser.isSet(QStringLiteral("search"));
    if (!command.requested) {
        for (const char *option : {"service", "operation", "tag", "traceql", "min-duration", "max-duration", "since", "start", "end", "limit"})
            if (parser.isSet(QString::fromLatin1(option))) {
                command.error = cl("--%1 needs --search").arg(QString::fromLatin1(option));
                break;
            }
        return command;
    }
    if (parser.isSet(QStringLiteral("fetch"))) {
        command.error = cl("--search and --fetch cannot be used together");
        return command;
    }
    FetchRequest &r = command.connection;
    r.kind = BackendKind::Zipkin; // no default kind for searches: the spans API cannot search
    const bool kindGiven = parser.isSet(QStringLiteral("backend")) || parser.isSet(QStringLiteral("profile"));
    command.error = readConnection(parser, r, QStringLiteral("--search"));
    if (!command.error.isEmpty())
        return command;
    if (!kindGiven) {
        command.error = cl("--search needs --backend zipkin|jaeger|tempo (or a --profile of one of them)");
        return command;
    }
    if (!backendCanSearch(r.kind)) {
        command.error = cl("--search needs --backend zipkin, jaeger or tempo: the spans API cannot search");
        return command;
    }
    TraceQuery &q = command.query;
    q.service = parser.value(QStringLiteral("service"));
    q.operation = parser.value(QStringLiteral("operation"));
    q.traceQl = parser.value(QStringLiteral("traceql"));
    for (const QString &tag : parser.values(QStringLiteral("tag"))) {
        const qsizetype eq = tag.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            command.error = cl("--tag needs key=value, not \"%1\"").arg(tag);
            return command;
        }
        q.tags.append({tag.left(eq).trimmed(), tag.mid(eq + 1).trimmed()});
    }
    const auto duration = [&parser, &command](const char *option, std::int64_t &out) {
        if (!parser.isSet(QString::fromLatin1(option)))
            return true;
        out = backendapi::parseDurationUs(parser.value(QString::fromLatin1(option)));
        if (out <= 0) {
            command.error = cl("--%1 needs a duration such as 100ms, 2s or 1m, not \"%2\"")
                                .arg(QString::fromLatin1(option), parser.value(QString::fromLatin1(option)));
            return false;
        }
        return true;
    };
    if (!duration("min-duration", q.minDurationUs) || !duration("max-duration", q.maxDurationUs))
        return command;
    if (parser.isSet(QStringLiteral("since")) && (parser.isSet(QStringLiteral("start")) || parser.isSet(QStringLiteral("end")))) {
        command.error = cl("give either --since D or --start T [--end T], not both");
        return command;
    }
    std::int64_t since = 3600LL * 1000000;
    if (!duration("since", since))
        return command;
    q.endUs = nowUs;
    q.startUs = nowUs - since;
    for (const char *option : {"start", "end"}) {
        if (!parser.isSet(QString::fromLatin1(option)))
            continue;
        const auto t = backendapi::parseTimeUs(parser.value(QString::fromLatin1(option)));
        if (!t) {
            command.error = cl("--%1 needs a time such as 2026-12-06T10:00:00Z or epoch seconds, not \"%2\"")
                                .arg(QString::fromLatin1(option), parser.value(QString::fromLatin1(option)));
            return command;
        }
        (std::strcmp(option, "start") == 0 ? q.startUs : q.endUs) = *t;
    }
    if (parser.isSet(QStringLiteral("start")) && !parser.isSet(QStringLiteral("end")))
        q.endUs = nowUs;
    if (parser.isSet(QStringLiteral("end")) && !parser.isSet(QStringLiteral("start")))
        q.startUs = q.endUs - since;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        q.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || q.limit < 1) {
            command.error = cl("--limit needs a whole number of at least 1");
            return command;
        }
    }
    const QString problem = TraceSearchClient::queryProblem(r.kind, q);
    if (!problem.isEmpty())
        command.error = problem;
    return command;
}

// --save-profile NAME with --backend, --base-url, --auth, ...: writes (or replaces) connection profile NAME.
int runSaveProfile(const QCommandLineParser &parser)
{
    const QString name = parser.value(QStringLiteral("save-profile")).trimmed();
    FetchRequest r;
    const QString error = readConnection(parser, r, QStringLiteral("--save-profile"));
    if (!error.isEmpty()) {
        printErr(error);
        return 1;
    }
    ConnectionProfile p;
    p.name = name;
    p.kind = r.kind;
    p.baseUrl = r.baseUrl;
    p.authMode = r.authMode;
    p.username = r.username;
    p.apiVersion = r.apiVersion;
    p.tokenHeader = r.tokenHeader;
    p.projectId = parser.value(QStringLiteral("project-id"));
    p.clusterId = parser.value(QStringLiteral("cluster-id"));
    p.namespaceName = parser.value(QStringLiteral("namespace"));
    p.timeoutSeconds = std::max(1, r.timeoutMs / 1000);
    const QString problem = p.validationError();
    if (!problem.isEmpty()) {
        printErr(problem);
        return 1;
    }
    if (!TokenStore::environmentToken().isEmpty())
        printErr(cl("TRACEDESK_TOKEN is not saved: enter the secret in File > Connections (it goes to the keychain)"));
    QSettings settings;
    QList<ConnectionProfile> profiles = ConnectionProfiles::load(settings);
    profiles.erase(std::remove_if(profiles.begin(), profiles.end(), [&name](const ConnectionProfile &o) { return o.name == name; }),
                   profiles.end());
    profiles.append(p);
    ConnectionProfiles::save(settings, profiles);
    settings.sync();
    return settings.status() == QSettings::NoError ? 0 : 4;
}

int runSearchCommand(const SearchCommand &command)
{
    FetchRequest connection = command.connection;
    readStoredToken(connection);
    const SearchResult result = searchBlocking(connection, command.query);
    if (!result.ok()) {
        printErr(result.describe());
        return 3;
    }
    for (const TraceHit &hit : result.hits)
        printHit(hit);
    if (result.hits.empty())
        printErr(result.message);
    return 0;
}

int runTraceDesk(int argc, char **argv)
{
    const bool headless = wantsHeadless(argc, argv);
    const bool exporting = exportRequested(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (exporting) {
        chooseHeadlessPlatform();
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TraceDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TraceDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRACEDESK_VERSION));
    // Translations before the parser, so --help speaks the user's language too.
    const Preferences preferences = Preferences::load(QSettings());
    installTranslations(app.get(), preferences.language);
    // The iplatform extension keys come from a resource; without them spans would read wrong, silently.
    if (const QString &problem = ExtensionKeys::instance().loadError(); !problem.isEmpty()) {
        const QString text = QCoreApplication::translate("td::CommandLine", "TraceDesk cannot start: the bundled %1 (%2). "
                                                          "The installation is damaged; reinstall TraceDesk.")
                                 .arg(problem, QStringLiteral(":/tracedesk/extensions.json"));
        std::fprintf(stderr, "tracedesk: %s\n", qPrintable(text));
        if (qobject_cast<QApplication *>(app.get()))
            QMessageBox::critical(nullptr, QStringLiteral("TraceDesk"), text);
        return 1;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "TraceDesk shows where the time went in a distributed trace and what failed.\n"
        "Opens Zipkin v1/v2, spans API answers, Log Service rows, Jaeger and OTLP JSON."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption summaryOption(QStringLiteral("summary"),
        QStringLiteral("Print what the trace model made of FILE as one JSON document and exit (no display needed)."));
    parser.addOption(summaryOption);
    const QCommandLineOption summaryFlameOption(QStringLiteral("summary-flamegraph"),
        QCoreApplication::translate("td::CommandLine", "As --summary, with the merged flame graph's frames (path, count, "
                                                       "totalUs, selfUs) as \"flamegraph\"."));
    parser.addOption(summaryFlameOption);
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        QCoreApplication::translate("td::CommandLine", "Compare two traces, A B: in the window, or with --summary as JSON "
                                                       "(matched, onlyA, onlyB, rows), or with --export OUT."));
    parser.addOption(compareOption);
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Open the window on FILE (or the bundled sample), save a picture of it to OUT.png and exit."),
        QStringLiteral("OUT.png"));
    parser.addOption(screenshotOption);
    const QCommandLineOption windowSizeOption(QStringLiteral("window-size"),
        QCoreApplication::translate("td::CommandLine", "Open the window at this size (e.g. 1920x1080) instead of the "
                                                       "remembered one; with --screenshot, pictures of a known size."),
        QStringLiteral("WxH"));
    parser.addOption(windowSizeOption);
    const QCommandLineOption newWindowOption(QStringLiteral("new-window"),
        QCoreApplication::translate("td::CommandLine", "Open a window of its own instead of handing FILE or LINK to the "
                                                       "TraceDesk that is already running."));
    parser.addOption(newWindowOption);
    const QCommandLineOption searchPageOption(QStringLiteral("search-page"),
        QCoreApplication::translate("td::CommandLine", "Open the window on the Search tab; with --profile NAME (a Zipkin, "
                                                       "Jaeger or Tempo profile) search it at once."));
    parser.addOption(searchPageOption);
    const QCommandLineOption maxSpansOption(QStringLiteral("max-spans"),
        QCoreApplication::translate("td::CommandLine", "Load at most N spans of a trace, e.g. 2000000 or 2M "
                                                       "(default 5M; also TRACEDESK_MAX_SPANS)."),
        QStringLiteral("N"));
    parser.addOption(maxSpansOption);
    const QCommandLineOption libraryOption(QStringLiteral("library"),
        QCoreApplication::translate("td::CommandLine", "List the traces in the local library (list), or those whose id, services "
                                                       "or operations contain every word given (search WORD...), and exit."),
        QStringLiteral("list|search"));
    parser.addOption(libraryOption);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
        QCoreApplication::translate("td::CommandLine", "With --library: one JSON object a line instead of a table."));
    parser.addOption(jsonOption);
    const QCommandLineOption noLibraryOption(QStringLiteral("no-library"),
        QCoreApplication::translate("td::CommandLine", "Do not record the trace in the local library (nor open it, in the window)."));
    parser.addOption(noLibraryOption);
    addFetchOptions(parser);
    addSearchOptions(parser);
    addExportOptions(parser);
    parser.addPositionalArgument(QStringLiteral("file"),
        QCoreApplication::translate("td::CommandLine", "Trace file to open (JSON), or a trace link tracedesk://trace/ID?profile=NAME."),
        QStringLiteral("[FILE|LINK]"));
    parser.process(*app);
    if (parser.isSet(maxSpansOption)) {
        const auto maxSpans = loadlimits::parseSpanCount(parser.value(maxSpansOption).toUtf8().constData());
        if (maxSpans == 0) {
            printErr(QCoreApplication::translate("td::CommandLine", "--max-spans needs a positive number, e.g. 2000000 or 2M"));
            return 1;
        }
        loadlimits::setDefaultMaxSpans(maxSpans);
    }

    const QStringList files = parser.positionalArguments();
    if (parser.isSet(libraryOption)) {
        QTextStream out(stdout), err(stderr);
        return runLibraryCommand(QStringList{parser.value(libraryOption)} + files, parser.isSet(jsonOption), out, err,
                                 TraceLibrary::defaultPath());
    }
    if (parser.isSet(jsonOption)) {
        printErr(QCoreApplication::translate("td::CommandLine", "--json goes with --library"));
        return 1;
    }
    const bool recordInLibrary = !parser.isSet(noLibraryOption);
    const FetchCommand fetch = parseFetchOptions(parser);
    if (!fetch.error.isEmpty()) {
        printErr(fetch.error);
        return 1;
    }
    if (parser.isSet(QStringLiteral("save-profile")))
        return runSaveProfile(parser);
    const SearchCommand search = parseSearchOptions(parser, QDateTime::currentMSecsSinceEpoch() * 1000);
    if (!search.error.isEmpty()) {
        printErr(search.error);
        return 1;
    }
    if (search.requested) {
        if (!files.isEmpty()) {
            printErr(QStringLiteral("--search takes no FILE"));
            return 1;
        }
        return runSearchCommand(search);
    }
    if (fetch.requested && !files.isEmpty()) {
        printErr(QStringLiteral("--fetch and a FILE cannot be opened together"));
        return 1;
    }
    if (exporting)
        return runExportCommand(parser, files, fetch);
    const bool summary = parser.isSet(summaryOption) || parser.isSet(summaryFlameOption);
    if (fetch.requested && (summary || parser.isSet(QStringLiteral("output"))))
        return runHeadlessFetch(fetch, summary, parser.isSet(summaryFlameOption), parser.value(QStringLiteral("output")),
                                recordInLibrary);
    const bool isLink = !files.isEmpty() && isTraceLinkArgument(files.front());
    const bool comparing = parser.isSet(compareOption);
    if (comparing && files.size() != 2) {
        printErr(QCoreApplication::translate("td::CommandLine", "--compare needs two FILEs: A (before) and B (after)"));
        return 1;
    }
    if (comparing && summary) {
        const TracePtr a = loadForCommand(files[0], recordInLibrary);
        const TracePtr b = a ? loadForCommand(files[1], recordInLibrary) : TracePtr();
        if (!b)
            return 2;
        const TraceCompare compare = TraceCompare::build(*a, *b);
        const std::string out = compareSummary(compare, *a, *b).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
        std::fwrite(out.data(), 1, out.size(), stdout);
        std::fputc('\n', stdout);
        return 0;
    }
    if (summary) {
        if (isLink) {
            printErr(QCoreApplication::translate("td::CommandLine", "--summary reads a FILE; for a trace link use --fetch ID --profile NAME --summary"));
            return 1;
        }
        if (files.size() != 1) {
            printErr(QStringLiteral("--summary needs exactly one FILE"));
            return 1;
        }
        const TracePtr trace = loadForCommand(files.front(), recordInLibrary);
        if (!trace)
            return 2;
        printSummary(*trace, parser.isSet(summaryFlameOption));
        return 0;
    }
    if (files.size() > 1 && !comparing) {
        printErr(QStringLiteral("give at most one FILE"));
        return 1;
    }

    const QString screenshot = parser.value(screenshotOption);
    // A trace link opens like File > Open Trace ID; a malformed one is refused before the main window appears.
    TraceLink link;
    if (isLink) {
        const TraceLinkParse parsed = parseTraceLink(files.front());
        if (!parsed.ok()) {
            printErr(parsed.error);
            // Started from a browser or chat, stderr goes nowhere: say it in a window too.
            if (screenshot.isEmpty() && qobject_cast<QApplication *>(app.get())) {
                QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("td::CommandLine", "Open Trace Link"),
                                parsed.error, QMessageBox::Ok);
                box.setTextFormat(Qt::PlainText);
                box.exec();
            }
            return 1;
        }
        link = parsed.link;
    }
    // One window per session: a file or link goes to the TraceDesk already running, if there is one.
    SingleInstance instance;
    if (screenshot.isEmpty() && !fetch.requested && !comparing && !parser.isSet(newWindowOption) && !parser.isSet(searchPageOption)) {
        QStringList items;
        if (!files.isEmpty())
            items << (isLink ? link.toUrl().toString(QUrl::FullyEncoded) : localPathOf(files.front()));
        if (instance.sendToRunning(items))
            return 0;
        instance.listen();
    }
    if (auto *gui = qobject_cast<QApplication *>(app.get())) {
        (new ThemeManager(gui))->apply(preferences.theme);
        SpanPanel::setUtcDisplay(preferences.utcTimes);
        // The installed icon by its id (the .desktop file's name), else the one built in.
        QGuiApplication::setDesktopFileName(QStringLiteral("org.tracedesk.TraceDesk"));
        QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.tracedesk.TraceDesk"),
                                                     QIcon(QStringLiteral(":/tracedesk/icons/tracedesk.svg"))));
    }

    QSize windowSize;
    if (parser.isSet(windowSizeOption)) {
        const QStringList wh = parser.value(windowSizeOption).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2)
            windowSize = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
        if (!okW || !okH || windowSize.width() < 400 || windowSize.height() < 300 || windowSize.width() > 10000
            || windowSize.height() > 10000) {
            printErr(QCoreApplication::translate("td::CommandLine", "--window-size is WIDTHxHEIGHT in pixels (400x300 to "
                                                                    "10000x10000), e.g. 1920x1080, not \"%1\"")
                         .arg(parser.value(windowSizeOption)));
            return 1;
        }
    }

    MainWindow window;
    if (windowSize.isValid())
        window.resize(windowSize);
    if (recordInLibrary)
        window.openLibrary(TraceLibrary::defaultPath());
    if (parser.isSet(QStringLiteral("view"))) {
        // --view without --export: the window opens on that view of the trace.
        TraceViewKind kind = TraceViewKind::Timeline;
        if (!traceViewKindFromName(parser.value(QStringLiteral("view")), &kind)) {
            printErr(QCoreApplication::translate("td::CommandLine", "--view is timeline, flamegraph, table, graph or events, not \"%1\"")
                         .arg(parser.value(QStringLiteral("view"))));
            return 1;
        }
        window.setCurrentTraceView(kind);
    }
    QObject::connect(&instance, &SingleInstance::argumentsReceived, &window, &MainWindow::openHandedOff);
    int exitCode = 0;
    if (!screenshot.isEmpty()) {
        // Grab once the trace is on screen and the first paint is done, then quit.
        const auto grabAndQuit = [&window, &screenshot, &exitCode] {
            QTimer::singleShot(300, &window, [&window, &screenshot, &exitCode] {
                // Work still running in the background (a trace graph's layout, the analysis) lands first,
                // so the picture shows the view as the user sees it a moment later.
                QThreadPool::globalInstance()->waitForDone(60000);
                QCoreApplication::sendPostedEvents();
                QCoreApplication::processEvents();
                if (!window.grab().save(screenshot)) {
                    printErr(QStringLiteral("could not write %1").arg(screenshot));
                    exitCode = 3;
                }
                QCoreApplication::exit(exitCode);
            });
        };
        if (parser.isSet(searchPageOption))
            QObject::connect(&window, &MainWindow::searchPageSearched, &window, grabAndQuit);
        else if (comparing)
            QObject::connect(&window, &MainWindow::compareShown, &window, grabAndQuit);
        else
            QObject::connect(&window, &MainWindow::traceShown, &window, grabAndQuit);
        QObject::connect(&window, &MainWindow::loadFailed, &window, [&exitCode, grabAndQuit](const QString &error) {
            printErr(error);
            exitCode = 2;
            grabAndQuit();
        });
    }
    window.show();
    if (parser.isSet(searchPageOption))
        window.showSearchPage(parser.value(QStringLiteral("profile")), true);
    else if (fetch.requested)
        window.fetchTrace(fetch.request);
    else if (comparing)
        window.compareFiles(localPathOf(files[0]), localPathOf(files[1]));
    else if (isLink)
        window.openLink(link.toUrl());
    else
        window.openFile(files.isEmpty() ? MainWindow::sampleTracePath() : localPathOf(files.front()));
    const int rc = QCoreApplication::exec();
    return screenshot.isEmpty() ? rc : exitCode;
}

} // namespace td
