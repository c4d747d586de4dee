#include "demospansserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tracedesk-demo-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRACEDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves traces over the spans API contract (GET /v1/{project_id}/ats/spans?traceId=ID) on 127.0.0.1,\n"
        "and Zipkin, Jaeger and Tempo under /zipkin, /jaeger and /tempo, for trying TraceDesk's \"Open Trace ID\",\n"
        "the Search page, --fetch and --search. Serves the bundled sample and any FILE given.\n\n"
        "Special trace ids:\n  ")
        + td::DemoSpansServer::specialTraceIds().join(QStringLiteral("\n  ")));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (default: any free port)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption objectsOption(QStringLiteral("objects"),
                                           QStringLiteral("Send responseInfo entries as JSON objects instead of strings."));
    const QCommandLineOption slowOption(QStringLiteral("slow-ms"), QStringLiteral("Delay of fail-slow in milliseconds (default 10000)."),
                                        QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption hugeOption(QStringLiteral("huge-mb"), QStringLiteral("Size of fail-huge in MiB (default 300)."),
                                        QStringLiteral("MIB"), QStringLiteral("300"));
    const QCommandLineOption tokenOption(QStringLiteral("require-token"),
                                         QStringLiteral("Answer 401 unless X-Auth-Token carries TOKEN."), QStringLiteral("TOKEN"));
    parser.addOptions({portOption, objectsOption, slowOption, hugeOption, tokenOption});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Trace files to serve (spans arrays or spans API answers)."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    td::DemoSpansServer server;
    server.setResponseInfoAsObjects(parser.isSet(objectsOption));
    server.setSlowDelayMs(parser.value(slowOption).toInt());
    server.setHugeBytes(parser.value(hugeOption).toLongLong() * 1024 * 1024);
    if (parser.isSet(tokenOption))
        server.setRequiredToken("X-Auth-Token", parser.value(tokenOption).toUtf8());
    for (const QString &file : parser.positionalArguments()) {
        QString error;
        const QStringList ids = server.addTraceFile(file, &error);
        if (ids.isEmpty()) {
            std::fprintf(stderr, "tracedesk-demo-server: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("serving %s: trace %s\n", qPrintable(file), qPrintable(ids.join(QStringLiteral(", "))));
    }
    if (!server.listen(static_cast<quint16>(parser.value(portOption).toUInt()))) {
        std::fprintf(stderr, "tracedesk-demo-server: cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const QString base = server.baseUrl().toString();
    std::printf("TraceDesk demo spans API on %s (project id: any, e.g. demo)\n", qPrintable(base));
    std::printf("  tracedesk --fetch %s --base-url %s --project-id demo --summary\n",
                qPrintable(server.sampleTraceId()), qPrintable(base));
    std::printf("  in the app: File > Open Trace ID..., profile with base URL %s and project id demo\n", qPrintable(base));
    std::printf("Special trace ids:\n  %s\n", qPrintable(td::DemoSpansServer::specialTraceIds().join(QStringLiteral("\n  "))));
    for (td::BackendKind kind : {td::BackendKind::Zipkin, td::BackendKind::Jaeger, td::BackendKind::Tempo}) {
        const QString url = server.backendBaseUrl(kind).toString();
        std::printf("%s on %s (%lld traces)\n  tracedesk --search --backend %s --base-url %s --since 24h\n",
                    qPrintable(td::backendKindTitle(kind)), qPrintable(url),
                    static_cast<long long>(server.backendTraceIds(kind).size()), qPrintable(td::backendKindKey(kind)), qPrintable(url));
    }
    std::printf("  (searches ignore the time range: the bundled traces were recorded years ago)\n");
    std::printf("Special ids and services of the backends:\n  %s\n",
                qPrintable(td::DemoSpansServer::backendSpecials().join(QStringLiteral("\n  "))));
    std::fflush(stdout);
    return app.exec();
}
