#pragma once

#include "spansapiclient.h"
#include "tracesearchclient.h"

class QCommandLineParser;

namespace td {

// Parses the command line and runs the headless commands or the GUI. Returns the process exit status:
// 0 success, 2 input not readable as a trace, 3 fetch failed, 1 usage errors.
int runTraceDesk(int argc, char **argv);

// --fetch ID [--profile NAME | --backend K --base-url URL [--auth A] | --base-url URL --project-id P ...]: what to fetch.
struct FetchCommand
{
    bool requested = false; // --fetch was given
    FetchRequest request;   // token from TRACEDESK_TOKEN; empty otherwise (look it up by request.profileName)
    QString error;          // usage problem, for stderr; request is unusable when set
};

// --search --backend zipkin|jaeger|tempo --base-url URL [filters]: what to search for.
struct SearchCommand
{
    bool requested = false;
    FetchRequest connection; // where and how; token from TRACEDESK_TOKEN or the profile's keychain entry
    TraceQuery query;
    QString error;
};

// Adds --fetch, --profile, --base-url, --project-id, --cluster-id, --namespace, --token-header, --timeout, --output.
void addFetchOptions(QCommandLineParser &parser);
// Adds --search and its filters (--service, --operation, --tag, --traceql, --min-duration, --max-duration,
// --since, --start, --end, --limit).
void addSearchOptions(QCommandLineParser &parser);
// Reads them after parser.process(); profiles come from QSettings, explicit options override them.
// The window calls RemoteTraceOpener::fetch(command.request) when neither --summary nor --output is given.
FetchCommand parseFetchOptions(const QCommandLineParser &parser);
// Reads --search and its filters; `nowUs` is the end of --since ranges (epoch µs).
SearchCommand parseSearchOptions(const QCommandLineParser &parser, std::int64_t nowUs);
// Runs --search: one JSON object a line on stdout. 0 also for no results, 3 when the search failed.
int runSearchCommand(const SearchCommand &command);

} // namespace td
