#pragma once

#include "spannote.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace td {

class Trace;

// One trace the user opened or fetched, as the library remembers it.
struct LibraryEntry
{
    QString traceId;
    QString source; // file path, or "profile/project" for fetched traces
    QString rootService;
    QString rootOperation;
    std::int64_t startUs = 0; // µs since the epoch
    std::int64_t durationUs = 0;
    std::int64_t spanCount = 0;
    QStringList services; // sorted
    std::int64_t errorCount = 0;
    QDateTime openedAt; // UTC
    std::int64_t storedCopyBytes = 0; // size of the answer kept for this entry; 0 when none
    bool hasStoredCopy() const { return storedCopyBytes > 0; }
};

struct LibraryQuery
{
    // Words that must all occur (case-insensitive) in the trace id, a service or an operation name.
    QString text;
    bool errorsOnly = false;
    std::int64_t minDurationUs = -1; // < 0: no bound
    std::int64_t maxDurationUs = -1;
    // Bounds on the trace's start (when it happened, not when it was opened); invalid: no bound.
    QDateTime from;
    QDateTime to;
};

// The local library: every trace opened or fetched, copies of fetched answers (capped in size, oldest
// evicted first), and the notes and bookmarks on spans. One SQLite file under the user's data directory.
//
// A file that cannot be opened (damaged, not a database, someone else's database, locked by another
// program) leaves the library off for this run: open() returns false with errorString() saying why, every
// other call does nothing, and the file is never written, truncated or replaced. Nothing here throws.
//
// Every write is one transaction, committed before the call returns; the journal is a WAL with
// synchronous=FULL, so a write that returned true survives kill -9 of the program and a power cut.
// (NORMAL would survive kill -9 as well, since the WAL frames reach the kernel before COMMIT returns, but
// not a crash of the machine; notes are written at typing speed, so the fsync per write costs nothing.)
//
// A library belongs to the thread that opened it (as Qt SQL connections do).
class TraceLibrary
{
    Q_DECLARE_TR_FUNCTIONS(td::TraceLibrary)

public:
    static constexpr std::int64_t DefaultCopyCapBytes = 256ll << 20;
    static constexpr int DefaultBusyTimeoutMs = 2000;
    // The version of the schema this build writes (PRAGMA user_version).
    static constexpr int SchemaVersion = 1;

    TraceLibrary();
    ~TraceLibrary();
    TraceLibrary(const TraceLibrary &) = delete;
    TraceLibrary &operator=(const TraceLibrary &) = delete;

    // <AppDataLocation>/library.sqlite
    static QString defaultPath();

    // How long a call waits for another program's lock before it fails; set before open().
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }
    int busyTimeoutMs() const { return m_busyTimeoutMs; }

    // Opens (creating the file and its directory when missing) and migrates the schema. False with
    // errorString() set when the file cannot be used; the file is then left exactly as it was.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    // Why open() or the last call failed, for a person; empty after a call that worked.
    QString errorString() const { return m_error; }

    // Total size of the stored answers; the oldest are evicted beyond it (at once and on every record()).
    bool setCopyCapBytes(std::int64_t bytes);
    std::int64_t copyCapBytes() const { return m_copyCapBytes; }
    std::int64_t storedCopiesBytes() const;

    // Records that `trace` was opened from `source` now (or at `openedAt`); one entry per trace id and
    // source, updated when opened again. `rawAnswer`, when not empty, is kept as the entry's stored copy
    // (replacing an older one); an empty one leaves a stored copy in place.
    bool record(const Trace &trace, const QString &source, QByteArrayView rawAnswer = {},
                const QDateTime &openedAt = {});
    // Newest opened first.
    std::vector<LibraryEntry> list() const { return search({}); }
    std::vector<LibraryEntry> search(const LibraryQuery &query) const;
    // The newest stored answer for this trace id (from any source), or empty.
    QByteArray storedCopy(const QString &traceId) const;
    bool remove(const QString &traceId, const QString &source);

    // Each call is its own transaction. An empty text and no bookmark removes the span's row.
    bool setNote(const QString &traceId, const QString &spanId, const QString &text);
    bool setBookmarked(const QString &traceId, const QString &spanId, bool bookmarked);
    // The trace's notes and bookmarks, by span id.
    std::vector<SpanNote> notes(const QString &traceId) const;

    // {"traceId": ..., "notes": [{"spanId": ..., "note": ..., "bookmarked": ...}]}, indented UTF-8.
    QByteArray exportNotesJson(const QString &traceId) const;
    // Merges a file written by exportNotesJson (its notes replace those of the same spans), all or nothing.
    // With `expectedTraceId`, a file of another trace is refused. Sets *imported to the notes read.
    bool importNotesJson(const QByteArray &json, const QString &expectedTraceId = {}, int *imported = nullptr);

private:
    class Transaction;
    bool fail(const QString &what, const QString &detail) const;
    bool initialize();
    bool evictCopies();

    QString m_connection; // the Qt SQL connection name, unique per library
    QString m_path;
    mutable QString m_error;
    std::int64_t m_copyCapBytes = DefaultCopyCapBytes;
    int m_busyTimeoutMs = DefaultBusyTimeoutMs;
    bool m_open = false;
};

} // namespace td
