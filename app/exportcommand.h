#pragma once

#include <QStringList>

#include <memory>

class QCommandLineParser;

namespace td {

class Trace;
struct ExportOptions;
struct ExportSource;
struct FetchCommand;
struct FetchRequest;
struct FetchResult;

// Fetches without a window: the token from the profile's keychain entry when none is given (the wait
// bounded), then the request, waiting in a local event loop.
FetchResult fetchBlocking(FetchRequest request);
// Without a token, a request of a saved profile takes the profile's secret from the keychain (bounded wait).
void readStoredToken(FetchRequest &request);

// --export OUT.png|svg|pdf|md [FILE | --fetch ID ...] with --width, --scope, --details, --no-redact.
void addExportOptions(QCommandLineParser &parser);
// True when argv asks for an export; call before the application object exists.
bool exportRequested(int argc, char **argv);
// An export draws text, so it needs a GUI platform: the offscreen one when there is no display.
void chooseHeadlessPlatform();
// Loads FILE (or fetches), writes the export and returns the exit status: 0 written, 1 usage, 2 not a trace,
// 3 fetch failed, 4 the export could not be written. Messages go to stderr.
int runExportCommand(const QCommandLineParser &parser, const QStringList &files, const FetchCommand &fetch);
// Reads FILE for a command (--summary, --export, --compare) and records it in the library when `record`;
// null, with the message (file, line and column) on stderr, when it is not a trace.
std::shared_ptr<const Trace> loadForCommand(const QString &path, bool record);

} // namespace td
