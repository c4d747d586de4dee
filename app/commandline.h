#pragma once

#include "spansapiclient.h"

class QCommandLineParser;

namespace td {

// Parses the command line and runs the headless commands or the GUI. Returns the process exit status:
// 0 success, 2 input not readable as a trace, 3 fetch failed, 1 usage errors.
int runTraceDesk(int argc, char **argv);

// --fetch ID [--profile NAME | --base-url URL --project-id P ...]: what to fetch.
struct FetchCommand
{
    bool requested = false; // --fetch was given
    FetchRequest request;   // token from TRACEDESK_TOKEN; empty otherwise (look it up by request.profileName)
    QString error;          // usage problem, for stderr; request is unusable when set
};

// Adds --fetch, --profile, --base-url, --project-id, --cluster-id, --namespace, --token-header, --timeout, --output.
void addFetchOptions(QCommandLineParser &parser);
// Reads them after parser.process(); profiles come from QSettings, explicit options override them.
// The window calls RemoteTraceOpener::fetch(command.request) when neither --summary nor --output is given.
FetchCommand parseFetchOptions(const QCommandLineParser &parser);

} // namespace td
