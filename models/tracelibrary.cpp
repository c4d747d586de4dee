#include "tracelibrary.h"

#include "trace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>
#include <unordered_set>

namespace td {

namespace {

// PRAGMA application_id of a TraceDesk library ("TDLB"): a database of another program is refused, not
// migrated into.
constexpr int ApplicationId = 0x54444c42;
// Distinct operation names kept for the text search of one trace; bounds the row of a huge trace.
constexpr std::size_t MaxSearchOperations = 2000;

// SQLite's primary result codes, as Qt's driver reports them in nativeErrorCode().
enum SqliteCode { Busy = 5, Locked = 6, Corrupt = 11, NotADatabase = 26 };

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : 0;
}

QString sqlText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

qlonglong msOf(const QDateTime &t)
{
    return static_cast<qlonglong>((t.isValid() ? t : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
}

// A null QString binds as SQL NULL; the text columns are NOT NULL and '' means "none".
QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QDateTime fromMs(qlonglong ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString servicesJson(const QStringList &services)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(services)).toJson(QJsonDocument::Compact));
}

QStringList servicesFromJson(const QString &text)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

} // namespace

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed: takes the write lock up front, so the busy
// timeout applies to it (a deferred transaction upgrading to a write in WAL mode fails without waiting).
class TraceLibrary::Transaction
{
public:
    explicit Transaction(const QString &connection) : m_db(QSqlDatabase::database(connection, false))
    {
        QSqlQuery q(m_db);
        m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active)
            m_error = q.lastError();
    }
    ~Transaction()
    {
        if (m_active) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("ROLLBACK"));
        }
    }
    bool begun() const { return m_active; }
    bool commit()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT"))) {
            m_error = q.lastError();
            return false;
        }
        m_active = false;
        return true;
    }
    QSqlError error() const { return m_error; }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
    QSqlError m_error;
    bool m_active = false;
};

TraceLibrary::TraceLibrary()
{
    static std::atomic_int counter{0};
    m_connection = QStringLiteral("tracedesk-library-%1").arg(++counter);
}

TraceLibrary::~TraceLibrary()
{
    close();
}

QString TraceLibrary::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/library.sqlite");
}

bool TraceLibrary::fail(const QString &what, const QString &detail) const
{
    m_error = detail.isEmpty() ? what : tr("%1 (%2)").arg(what, detail);
    return false;
}

void TraceLibrary::close()
{
    m_open = false;
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool TraceLibrary::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(tr("The trace library needs Qt's SQLite driver (Debian package libqt6sql6-sqlite); "
                       "the library is off for this session"), {});
    const QFileInfo info(path);
    if (path.isEmpty() || (info.exists() && !info.isFile()))
        return fail(tr("The trace library %1 is not a file; the library is off for this session").arg(path), {});
    if (!QDir().mkpath(info.absolutePath()))
        return fail(tr("Cannot create the folder %1 for the trace library; the library is off for this session")
                        .arg(info.absolutePath()), {});
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(std::max(0, m_busyTimeoutMs)));
        if (!db.open()) {
            const QString detail = sqlText(db.lastError());
            close();
            return fail(tr("Cannot open the trace library %1; the library is off for this session").arg(path), detail);
        }
    }
    m_open = true;
    if (!initialize()) {
        close();
        return false;
    }
    return true;
}

bool TraceLibrary::initialize()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    // Only reads until the file is known to be ours and readable: a damaged or foreign file is never written.
    const auto refuse = [this](const QSqlError &error) {
        const int code = sqliteCode(error);
        if (code == Busy || code == Locked)
            return fail(tr("The trace library %1 is locked by another program; the library is off for this session "
                           "and the file was left as it is").arg(m_path), sqlText(error));
        if (code == Corrupt || code == NotADatabase)
            return fail(tr("The trace library %1 is damaged or not a database; the library is off for this session "
                           "and the file was left as it is (move it away to start a new library)").arg(m_path),
                        sqlText(error));
        return fail(tr("Cannot read the trace library %1; the library is off for this session").arg(m_path),
                    sqlText(error));
    };
    const auto scalar = [&q](const QString &sql, QVariant *out) {
        if (!q.exec(sql) || !q.next())
            return false;
        *out = q.value(0);
        q.finish();
        return true;
    };
    QVariant appId, version, tables;
    if (!scalar(QStringLiteral("PRAGMA application_id"), &appId) || !scalar(QStringLiteral("PRAGMA user_version"), &version)
        || !scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"), &tables))
        return refuse(q.lastError());
    if (appId.toInt() != ApplicationId && tables.toLongLong() > 0)
        return fail(tr("%1 is a database of another program, not a TraceDesk library; the library is off for this "
                       "session and the file was left as it is").arg(m_path), {});
    if (version.toInt() > SchemaVersion)
        return fail(tr("The trace library %1 was written by a newer TraceDesk (schema %2, this one reads %3); the "
                       "library is off for this session and the file was left as it is")
                        .arg(m_path).arg(version.toInt()).arg(SchemaVersion), {});

    QVariant mode;
    if (!scalar(QStringLiteral("PRAGMA journal_mode=WAL"), &mode))
        return refuse(q.lastError());
    if (mode.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(tr("The trace library %1 cannot use a write-ahead log (journal mode stays %2); the library is "
                       "off for this session").arg(m_path, mode.toString()), {});
    if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")) || !q.exec(QStringLiteral("PRAGMA foreign_keys=ON")))
        return refuse(q.lastError());

    if (version.toInt() < SchemaVersion) {
        Transaction t(m_connection);
        if (!t.begun())
            return refuse(t.error());
        // Each step takes the schema from version N-1 to N; a new version appends one.
        const QStringList v1 = {
            QStringLiteral("CREATE TABLE traces (id INTEGER PRIMARY KEY, trace_id TEXT NOT NULL, source TEXT NOT NULL, "
                           "root_service TEXT NOT NULL DEFAULT '', root_operation TEXT NOT NULL DEFAULT '', "
                           "start_us INTEGER NOT NULL DEFAULT 0, duration_us INTEGER NOT NULL DEFAULT 0, "
                           "span_count INTEGER NOT NULL DEFAULT 0, services TEXT NOT NULL DEFAULT '[]', "
                           "error_count INTEGER NOT NULL DEFAULT 0, opened_at INTEGER NOT NULL, seq INTEGER NOT NULL, "
                           "search_text TEXT NOT NULL DEFAULT '', UNIQUE (trace_id, source))"),
            QStringLiteral("CREATE INDEX traces_opened ON traces (opened_at, seq)"),
            QStringLiteral("CREATE TABLE copies (entry INTEGER PRIMARY KEY REFERENCES traces (id) ON DELETE CASCADE, "
                           "size INTEGER NOT NULL, seq INTEGER NOT NULL, bytes BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX copies_seq ON copies (seq)"),
            QStringLiteral("CREATE TABLE notes (trace_id TEXT NOT NULL, span_id TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', "
                           "bookmarked INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL, "
                           "PRIMARY KEY (trace_id, span_id)) WITHOUT ROWID"),
        };
        const std::vector<QStringList> steps = {v1};
        for (int v = version.toInt(); v < SchemaVersion; ++v)
            for (const QString &sql : steps.at(static_cast<std::size_t>(v)))
                if (!q.exec(sql))
                    return refuse(q.lastError());
        if (!q.exec(QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId))
            || !q.exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion)))
            return refuse(q.lastError());
        if (!t.commit())
            return refuse(t.error());
    }
    // Touch each table once, so that a damaged one is found now rather than at the first note.
    QVariant count;
    for (const char *table : {"traces", "copies", "notes"})
        if (!scalar(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table), &count))
            return refuse(q.lastError());
    return true;
}

bool TraceLibrary::setCopyCapBytes(std::int64_t bytes)
{
    m_copyCapBytes = std::max<std::int64_t>(0, bytes);
    if (!m_open)
        return true;
    Transaction t(m_connection);
    if (!t.begun())
        return fail(tr("Cannot evict stored copies from the trace library"), sqlText(t.error()));
    if (!evictCopies())
        return false;
    if (!t.commit())
        return fail(tr("Cannot evict stored copies from the trace library"), sqlText(t.error()));
    return true;
}

// Deletes the oldest copies until the rest fit the cap; inside the caller's transaction (or on its own).
bool TraceLibrary::evictCopies()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT entry, size FROM copies ORDER BY seq")))
        return fail(tr("Cannot read the stored copies of the trace library"), sqlText(q.lastError()));
    std::vector<std::pair<qlonglong, qlonglong>> copies;
    std::int64_t total = 0;
    while (q.next()) {
        copies.emplace_back(q.value(0).toLongLong(), q.value(1).toLongLong());
        total += copies.back().second;
    }
    q.finish();
    for (const auto &[entry, size] : copies) {
        if (total <= m_copyCapBytes)
            break;
        q.prepare(QStringLiteral("DELETE FROM copies WHERE entry = ?"));
        q.addBindValue(entry);
        if (!q.exec())
            return fail(tr("Cannot evict stored copies from the trace library"), sqlText(q.lastError()));
        total -= size;
    }
    return true;
}

std::int64_t TraceLibrary::storedCopiesBytes() const
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT coalesce(sum(size), 0) FROM copies")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool TraceLibrary::record(const Trace &trace, const QString &source, QByteArrayView rawAnswer, const QDateTime &openedAt)
{
    if (!m_open)
        return false;
    const QString traceId = QString::fromUtf8(trace.traceId().data(), static_cast<qsizetype>(trace.traceId().size()));
    QString rootService, rootOperation;
    if (std::int32_t root = trace.primaryRoot(); root >= 0) {
        // A missing root (a placeholder) says nothing; its first real child is what the trace is about.
        while (trace.span(static_cast<std::size_t>(root)).isPlaceholder()
               && trace.span(static_cast<std::size_t>(root)).childCount > 0)
            root = trace.child(trace.span(static_cast<std::size_t>(root)), 0);
        const Span &s = trace.span(static_cast<std::size_t>(root));
        if (!s.isPlaceholder()) {
            rootService = trace.qstr(s.service);
            rootOperation = trace.qstr(s.name);
        }
    }
    QStringList services;
    for (const StrId s : trace.services())
        services.append(trace.qstr(s));
    // The text search looks at the id, the services and the operations; kept lower-case once here.
    QStringList searchParts = {traceId};
    searchParts += services;
    std::unordered_set<StrId> seen;
    for (const Span &s : trace.spans()) {
        if (seen.size() >= MaxSearchOperations)
            break;
        if (!s.isPlaceholder() && s.name && seen.insert(s.name).second)
            searchParts.append(trace.qstr(s.name));
    }
    const QString searchText = searchParts.join(QLatin1Char('\n')).toLower();

    Transaction t(m_connection);
    if (!t.begun())
        return fail(tr("Cannot record the trace in the library"), sqlText(t.error()));
    QSqlQuery q(t.db());
    q.prepare(QStringLiteral(
        "INSERT INTO traces (trace_id, source, root_service, root_operation, start_us, duration_us, span_count, services, "
        "error_count, opened_at, seq, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "(SELECT coalesce(max(seq), 0) + 1 FROM traces), ?) "
        "ON CONFLICT (trace_id, source) DO UPDATE SET root_service = excluded.root_service, "
        "root_operation = excluded.root_operation, start_us = excluded.start_us, duration_us = excluded.duration_us, "
        "span_count = excluded.span_count, services = excluded.services, error_count = excluded.error_count, "
        "opened_at = excluded.opened_at, seq = excluded.seq, search_text = excluded.search_text"));
    q.addBindValue(nonNull(traceId));
    q.addBindValue(nonNull(source));
    q.addBindValue(nonNull(rootService));
    q.addBindValue(nonNull(rootOperation));
    q.addBindValue(static_cast<qlonglong>(trace.startUs()));
    q.addBindValue(static_cast<qlonglong>(trace.durationUs()));
    q.addBindValue(static_cast<qlonglong>(trace.realSpanCount()));
    q.addBindValue(nonNull(servicesJson(services)));
    q.addBindValue(static_cast<qlonglong>(trace.errorCount()));
    q.addBindValue(msOf(openedAt));
    q.addBindValue(nonNull(searchText));
    if (!q.exec())
        return fail(tr("Cannot record the trace in the library"), sqlText(q.lastError()));
    // A copy bigger than the whole cap is not kept: it would evict every other copy and then itself.
    if (!rawAnswer.isEmpty() && rawAnswer.size() <= m_copyCapBytes) {
        q.prepare(QStringLiteral("SELECT id FROM traces WHERE trace_id = ? AND source = ?"));
        q.addBindValue(nonNull(traceId));
        q.addBindValue(nonNull(source));
        if (!q.exec() || !q.next())
            return fail(tr("Cannot record the trace in the library"), sqlText(q.lastError()));
        const qlonglong entry = q.value(0).toLongLong();
        q.finish();
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO copies (entry, size, seq, bytes) VALUES (?, ?, "
                                 "(SELECT coalesce(max(seq), 0) + 1 FROM copies), ?)"));
        q.addBindValue(entry);
        q.addBindValue(static_cast<qlonglong>(rawAnswer.size()));
        q.addBindValue(rawAnswer.toByteArray());
        if (!q.exec())
            return fail(tr("Cannot store the copy of the trace in the library"), sqlText(q.lastError()));
        if (!evictCopies())
            return false;
    }
    if (!t.commit())
        return fail(tr("Cannot record the trace in the library"), sqlText(t.error()));
    m_error.clear();
    return true;
}

std::vector<LibraryEntry> TraceLibrary::search(const LibraryQuery &query) const
{
    std::vector<LibraryEntry> out;
    if (!m_open)
        return out;
    QString sql = QStringLiteral(
        "SELECT t.trace_id, t.source, t.root_service, t.root_operation, t.start_us, t.duration_us, t.span_count, "
        "t.services, t.error_count, t.opened_at, coalesce(c.size, 0) FROM traces t LEFT JOIN copies c ON c.entry = t.id "
        "WHERE 1");
    QVariantList binds;
    const QStringList words = query.text.toLower().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        sql += QStringLiteral(" AND instr(t.search_text, ?) > 0");
        binds.append(word);
    }
    if (query.errorsOnly)
        sql += QStringLiteral(" AND t.error_count > 0");
    if (query.minDurationUs >= 0) {
        sql += QStringLiteral(" AND t.duration_us >= ?");
        binds.append(static_cast<qlonglong>(query.minDurationUs));
    }
    if (query.maxDurationUs >= 0) {
        sql += QStringLiteral(" AND t.duration_us <= ?");
        binds.append(static_cast<qlonglong>(query.maxDurationUs));
    }
    if (query.from.isValid()) {
        sql += QStringLiteral(" AND t.start_us >= ?");
        binds.append(static_cast<qlonglong>(query.from.toMSecsSinceEpoch() * 1000));
    }
    if (query.to.isValid()) {
        sql += QStringLiteral(" AND t.start_us <= ?");
        binds.append(static_cast<qlonglong>(query.to.toMSecsSinceEpoch() * 1000));
    }
    sql += QStringLiteral(" ORDER BY t.opened_at DESC, t.seq DESC");
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        fail(tr("Cannot search the trace library"), sqlText(q.lastError()));
        return out;
    }
    while (q.next()) {
        LibraryEntry e;
        e.traceId = q.value(0).toString();
        e.source = q.value(1).toString();
        e.rootService = q.value(2).toString();
        e.rootOperation = q.value(3).toString();
        e.startUs = q.value(4).toLongLong();
        e.durationUs = q.value(5).toLongLong();
        e.spanCount = q.value(6).toLongLong();
        e.services = servicesFromJson(q.value(7).toString());
        e.errorCount = q.value(8).toLongLong();
        e.openedAt = fromMs(q.value(9).toLongLong());
        e.storedCopyBytes = q.value(10).toLongLong();
        out.push_back(std::move(e));
    }
    m_error.clear();
    return out;
}

QByteArray TraceLibrary::storedCopy(const QString &traceId) const
{
    if (!m_open)
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT c.bytes FROM copies c JOIN traces t ON t.id = c.entry WHERE t.trace_id = ? "
                             "ORDER BY c.seq DESC LIMIT 1"));
    q.addBindValue(nonNull(traceId));
    if (!q.exec()) {
        fail(tr("Cannot read the stored copy of trace %1").arg(traceId), sqlText(q.lastError()));
        return {};
    }
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

bool TraceLibrary::remove(const QString &traceId, const QString &source)
{
    if (!m_open)
        return false;
    Transaction t(m_connection);
    if (!t.begun())
        return fail(tr("Cannot remove the trace from the library"), sqlText(t.error()));
    QSqlQuery q(t.db());
    q.prepare(QStringLiteral("DELETE FROM traces WHERE trace_id = ? AND source = ?"));
    q.addBindValue(nonNull(traceId));
    q.addBindValue(nonNull(source));
    if (!q.exec() || !t.commit())
        return fail(tr("Cannot remove the trace from the library"), sqlText(q.lastError().isValid() ? q.lastError() : t.error()));
    return true;
}

bool TraceLibrary::setNote(const QString &traceId, const QString &spanId, const QString &text)
{
    if (!m_open)
        return false;
    Transaction t(m_connection);
    if (!t.begun())
        return fail(tr("Cannot save the note"), sqlText(t.error()));
    QSqlQuery q(t.db());
    q.prepare(QStringLiteral("INSERT INTO notes (trace_id, span_id, note, bookmarked, updated_at) VALUES (?, ?, ?, 0, ?) "
                             "ON CONFLICT (trace_id, span_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at"));
    q.addBindValue(nonNull(traceId));
    q.addBindValue(nonNull(spanId));
    q.addBindValue(nonNull(text));
    q.addBindValue(msOf({}));
    if (!q.exec())
        return fail(tr("Cannot save the note"), sqlText(q.lastError()));
    q.prepare(QStringLiteral("DELETE FROM notes WHERE trace_id = ? AND span_id = ? AND note = '' AND bookmarked = 0"));
    q.addBindValue(nonNull(traceId));
    q.addBindValue(nonNull(spanId));
    if (!q.exec())
        return fail(tr("Cannot save the note"), sqlText(q.lastError()));
    if (!t.commit())
        return fail(tr("Cannot save the note"), sqlText(t.error()));
    m_error.clear();
    return true;
}

bool TraceLibrary::setBookmarked(const QString &traceId, const QString &spanId, bool bookmarked)
{
    if (!m_open)
        return false;
    Transaction t(m_connection);
    if (!t.begun())
        return fail(tr("Cannot save the bookmark"), sqlText(t.error()));
    QSqlQuery q(t.db());
    q.prepare(QStringLiteral("INSERT INTO notes (trace_id, span_id, note, bookmarked, updated_at) VALUES (?, ?, '', ?, ?) "
                             "ON CONFLICT (trace_id, span_id) DO UPDATE SET bookmarked = excluded.bookmarked, "
                             "updated_at = excluded.updated_at"));
    q.addBindValue(nonNull(traceId));
    q.addBindValue(nonNull(spanId));
    q.addBindValue(bookmarked ? 1 : 0);
    q.addBindValue(msOf({}));
    if (!q.exec())
        return fail(tr("Cannot save the bookmark"), sqlText(q.lastError()));
    q.prepare(QStringLiteral("DELETE FROM notes WHERE trace_id = ? AND span_id = ? AND note = '' AND bookmarked = 0"));
    q.addBindValue(nonNull(traceId));
    q.addBindValue(nonNull(spanId));
    if (!q.exec())
        return fail(tr("Cannot save the bookmark"), sqlText(q.lastError()));
    if (!t.commit())
        return fail(tr("Cannot save the bookmark"), sqlText(t.error()));
    m_error.clear();
    return true;
}

std::vector<SpanNote> TraceLibrary::notes(const QString &traceId) const
{
    std::vector<SpanNote> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT span_id, note, bookmarked, updated_at FROM notes WHERE trace_id = ? ORDER BY span_id"));
    q.addBindValue(nonNull(traceId));
    if (!q.exec()) {
        fail(tr("Cannot read the notes of trace %1").arg(traceId), sqlText(q.lastError()));
        return out;
    }
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0, fromMs(q.value(3).toLongLong())});
    return out;
}

QByteArray TraceLibrary::exportNotesJson(const QString &traceId) const
{
    QJsonArray array;
    for (const SpanNote &n : notes(traceId))
        array.append(QJsonObject{{QStringLiteral("spanId"), n.spanId},
                                 {QStringLiteral("note"), n.text},
                                 {QStringLiteral("bookmarked"), n.bookmarked}});
    return QJsonDocument(QJsonObject{{QStringLiteral("traceId"), traceId}, {QStringLiteral("notes"), array}})
        .toJson(QJsonDocument::Indented);
}

bool TraceLibrary::importNotesJson(const QByteArray &json, const QString &expectedTraceId, int *imported)
{
    if (imported)
        *imported = 0;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("The notes file is not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset), {});
    if (!doc.isObject())
        return fail(tr("The notes file must hold one object with \"traceId\" and \"notes\""), {});
    const QJsonObject root = doc.object();
    const QString traceId = root.value(QLatin1String("traceId")).toString();
    if (traceId.isEmpty())
        return fail(tr("The notes file has no \"traceId\" (a non-empty string)"), {});
    if (!expectedTraceId.isEmpty() && traceId != expectedTraceId)
        return fail(tr("The notes file is for trace %1, not for trace %2").arg(traceId, expectedTraceId), {});
    if (!root.value(QLatin1String("notes")).isArray())
        return fail(tr("The notes file has no \"notes\" array"), {});
    const QJsonArray array = root.value(QLatin1String("notes")).toArray();
    std::vector<SpanNote> read;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array.at(i);
        const QJsonObject o = v.toObject();
        if (!v.isObject() || !o.value(QLatin1String("spanId")).isString() || o.value(QLatin1String("spanId")).toString().isEmpty())
            return fail(tr("notes[%1] needs a \"spanId\" (a non-empty string)").arg(i), {});
        const QJsonValue note = o.value(QLatin1String("note"));
        const QJsonValue mark = o.value(QLatin1String("bookmarked"));
        if (!note.isUndefined() && !note.isNull() && !note.isString())
            return fail(tr("notes[%1].note must be a string").arg(i), {});
        if (!mark.isUndefined() && !mark.isNull() && !mark.isBool())
            return fail(tr("notes[%1].bookmarked must be true or false").arg(i), {});
        read.push_back({o.value(QLatin1String("spanId")).toString(), note.toString(), mark.toBool(), {}});
    }
    if (!m_open)
        return fail(tr("The trace library is off; notes cannot be imported"), m_error);
    Transaction t(m_connection);
    if (!t.begun())
        return fail(tr("Cannot import the notes"), sqlText(t.error()));
    QSqlQuery q(t.db());
    const qlonglong now = msOf({});
    for (const SpanNote &n : read) {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO notes (trace_id, span_id, note, bookmarked, updated_at) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(nonNull(traceId));
        q.addBindValue(nonNull(n.spanId));
        q.addBindValue(nonNull(n.text));
        q.addBindValue(n.bookmarked ? 1 : 0);
        q.addBindValue(now);
        if (!q.exec())
            return fail(tr("Cannot import the notes"), sqlText(q.lastError()));
    }
    if (!q.exec(QStringLiteral("DELETE FROM notes WHERE note = '' AND bookmarked = 0")))
        return fail(tr("Cannot import the notes"), sqlText(q.lastError()));
    if (!t.commit())
        return fail(tr("Cannot import the notes"), sqlText(t.error()));
    if (imported)
        *imported = static_cast<int>(read.size());
    m_error.clear();
    return true;
}

} // namespace td
