#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <cstdint>

class QTextStream;

namespace td {

class Trace;

// `tracedesk --library list` and `tracedesk --library search TEXT...` (the words must all match the trace
// id, a service or an operation), newest opened first: a table, or with `json` one JSON object a line.
// Returns 0 when listed (also when nothing matched, or no library exists yet), 1 for a usage error,
// 3 when the library file cannot be read. A missing library file is not created.
int runLibraryCommand(const QStringList &args, bool json, QTextStream &out, QTextStream &err, const QString &dbPath);

// For the headless paths (--summary, --export, --fetch): opens the library at dbPath, records the trace
// (with the answer as received for fetched traces) and closes it. False with *error set when the library
// cannot be opened or written; the caller warns and goes on. Copies beyond copyCapBytes (the Preferences
// setting) are evicted, oldest first.
bool recordInLibrary(const Trace &trace, const QString &source, QByteArrayView rawAnswer, const QString &dbPath,
                     std::int64_t copyCapBytes, QString *error = nullptr);

// recordInLibrary on the user's library (TraceLibrary::defaultPath(), the Preferences' copy cap) for a
// command that loaded a trace; a failure is a warning on stderr, never a failure of the command.
void recordFromCommandLine(const Trace &trace, const QString &source, QByteArrayView rawAnswer);

} // namespace td
