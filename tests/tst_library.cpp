// The trace library: a real SQLite file in a temporary directory, recorded traces and their
// search, stored copies under a size cap, notes and bookmarks that survive kill -9, damaged and locked
// files left untouched, notes as JSON, the start page's list and `tracedesk --library`.

#include "librarycommand.h"
#include "librarytablemodel.h"
#include "libraryview.h"
#include "traceloader.h"
#include "tracedsl.h"
#include "tracelibrary.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace td;
using td::testing::buildTrace;
using td::testing::dslEpochUs;

namespace {

constexpr std::int64_t DayUs = 86'400'000'000;

// Three traces, by hand:
//   aaa111  gateway op-root 100 ms, gateway + payments (op-a), no errors, starts at the DSL epoch
//   bbb222  gateway op-root 2.5 s, gateway + db (op-db in error), starts at the epoch
//   ccc333  search op-root 500 µs, one span, starts two days after the epoch
TracePtr traceA()
{
    return buildTrace(QStringLiteral("root 0 100000 service=gateway trace=aaa111\n"
                                     "root/a 10 40000 service=payments trace=aaa111"));
}

TracePtr traceB()
{
    return buildTrace(QStringLiteral("root 0 2500000 service=gateway trace=bbb222\n"
                                     "root/db 10 40 service=db trace=bbb222 tag:error=true"));
}

TracePtr traceC()
{
    return buildTrace(QStringLiteral("root %1 500 service=search trace=ccc333").arg(2 * DayUs));
}

const QDateTime T0 = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());

QStringList idsOf(const std::vector<LibraryEntry> &entries)
{
    QStringList ids;
    for (const LibraryEntry &e : entries)
        ids << e.traceId;
    return ids;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// A connection of the test's own ("another program"), removed when it goes out of scope.
class OtherConnection
{
public:
    explicit OtherConnection(const QString &path)
    {
        static int n = 0;
        m_name = QStringLiteral("tst-library-other-%1").arg(++n);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~OtherConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    // The first column of the first row as text, or "ERROR: ..." for a failed statement.
    QString exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql))
            return QStringLiteral("ERROR: ") + q.lastError().text();
        return q.next() ? q.value(0).toString() : QString();
    }

private:
    QString m_name;
    bool m_ok = false;
};

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("library-%1.sqlite").arg(++m_files)); }
    // A library at a new path with the three traces, opened one minute apart (A first).
    QString filledLibrary()
    {
        const QString path = freshPath();
        TraceLibrary library;
        if (!library.open(path) || !library.record(*traceA(), QStringLiteral("/traces/a.json"), {}, T0)
            || !library.record(*traceB(), QStringLiteral("prod/payments"), QByteArrayView("answer of B"), T0.addSecs(60))
            || !library.record(*traceC(), QStringLiteral("/traces/c.json"), {}, T0.addSecs(120)))
            qWarning() << "could not fill the library:" << library.errorString();
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")), "libqt6sql6-sqlite is needed");
    }

    void recordKeepsWhatTheTraceIs()
    {
        TraceLibrary library;
        QVERIFY2(library.open(filledLibrary()), qPrintable(library.errorString()));
        const auto entries = library.list();
        QCOMPARE(idsOf(entries), (QStringList{QStringLiteral("ccc333"), QStringLiteral("bbb222"), QStringLiteral("aaa111")}));
        const LibraryEntry &b = entries.at(1);
        QCOMPARE(b.source, QStringLiteral("prod/payments"));
        QCOMPARE(b.rootService, QStringLiteral("gateway"));
        QCOMPARE(b.rootOperation, QStringLiteral("op-root"));
        QCOMPARE(b.startUs, dslEpochUs);
        QCOMPARE(b.durationUs, 2'500'000);
        QCOMPARE(b.spanCount, 2);
        QCOMPARE(b.services, (QStringList{QStringLiteral("db"), QStringLiteral("gateway")}));
        QCOMPARE(b.errorCount, 1);
        QCOMPARE(b.openedAt, T0.addSecs(60));
        QCOMPARE(b.storedCopyBytes, qint64(qstrlen("answer of B")));
        QCOMPARE(entries.at(0).startUs, dslEpochUs + 2 * DayUs);
        QCOMPARE(entries.at(2).errorCount, 0);
        QVERIFY(!entries.at(2).hasStoredCopy());

        // A trace whose root is missing is named after the span under the gap, not "missing span".
        const TracePtr orphan = buildTrace(QStringLiteral("gone/a 0 100 service=edge trace=ddd444\n"
                                                          "gone/a/b 10 20 service=edge trace=ddd444"));
        QVERIFY(library.record(*orphan, QStringLiteral("/traces/d.json")));
        const LibraryEntry d = library.list().front();
        QCOMPARE(d.traceId, QStringLiteral("ddd444"));
        QCOMPARE(d.rootService, QStringLiteral("edge"));
        QCOMPARE(d.rootOperation, QStringLiteral("op-a"));
        QCOMPARE(d.spanCount, 2);
    }

    void search_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("errorsOnly");
        QTest::addColumn<qint64>("minUs");
        QTest::addColumn<qint64>("maxUs");
        QTest::addColumn<qint64>("fromDays"); // days after the DSL epoch; -1: no bound
        QTest::addColumn<qint64>("toDays");
        QTest::addColumn<QStringList>("expected");
        const QString a = QStringLiteral("aaa111"), b = QStringLiteral("bbb222"), c = QStringLiteral("ccc333");
        QTest::newRow("everything") << QString() << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{c, b, a};
        QTest::newRow("service") << QStringLiteral("payments") << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{a};
        QTest::newRow("operation, any case") << QStringLiteral("OP-DB") << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{b};
        QTest::newRow("part of an id") << QStringLiteral("b22") << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{b};
        QTest::newRow("every word") << QStringLiteral("gateway  op-a") << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{a};
        QTest::newRow("shared service") << QStringLiteral("gateway") << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{b, a};
        QTest::newRow("nothing") << QStringLiteral("checkout") << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{};
        QTest::newRow("errors only") << QString() << true << qint64(-1) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{b};
        QTest::newRow("min duration inclusive") << QString() << false << qint64(100'000) << qint64(-1) << qint64(-1) << qint64(-1) << QStringList{b, a};
        QTest::newRow("max duration") << QString() << false << qint64(-1) << qint64(100'000) << qint64(-1) << qint64(-1) << QStringList{c, a};
        QTest::newRow("from a day after") << QString() << false << qint64(-1) << qint64(-1) << qint64(1) << qint64(-1) << QStringList{c};
        QTest::newRow("until a day after") << QString() << false << qint64(-1) << qint64(-1) << qint64(-1) << qint64(1) << QStringList{b, a};
        QTest::newRow("all filters") << QStringLiteral("gateway") << true << qint64(1'000'000) << qint64(3'000'000) << qint64(0) << qint64(1) << QStringList{b};
    }

    void search()
    {
        QFETCH(QString, text);
        QFETCH(bool, errorsOnly);
        QFETCH(qint64, minUs);
        QFETCH(qint64, maxUs);
        QFETCH(qint64, fromDays);
        QFETCH(qint64, toDays);
        QFETCH(QStringList, expected);
        TraceLibrary library;
        QVERIFY(library.open(filledLibrary()));
        LibraryQuery q;
        q.text = text;
        q.errorsOnly = errorsOnly;
        q.minDurationUs = minUs;
        q.maxDurationUs = maxUs;
        const auto day = [](qint64 days) { return QDateTime::fromMSecsSinceEpoch((dslEpochUs + days * DayUs) / 1000, QTimeZone::utc()); };
        if (fromDays >= 0)
            q.from = day(fromDays);
        if (toDays >= 0)
            q.to = day(toDays);
        QCOMPARE(idsOf(library.search(q)), expected);
        QVERIFY(library.errorString().isEmpty());
    }

    void upsertKeepsOneEntryPerTraceAndSource()
    {
        const QString path = freshPath();
        TraceLibrary library;
        QVERIFY(library.open(path));
        QVERIFY(library.record(*traceA(), QStringLiteral("/traces/a.json"), {}, T0));
        QVERIFY(library.record(*traceB(), QStringLiteral("/traces/b.json"), {}, T0.addSecs(10)));
        // The same trace from the same file, opened again later and changed meanwhile (a third span).
        const TracePtr grown = buildTrace(QStringLiteral("root 0 100000 service=gateway trace=aaa111\n"
                                                         "root/a 10 40000 service=payments trace=aaa111\n"
                                                         "root/b 20 50 service=ledger trace=aaa111 tag:error=true"));
        QVERIFY(library.record(*grown, QStringLiteral("/traces/a.json"), {}, T0.addSecs(20)));
        auto entries = library.list();
        QCOMPARE(idsOf(entries), (QStringList{QStringLiteral("aaa111"), QStringLiteral("bbb222")}));
        QCOMPARE(entries.front().spanCount, 3);
        QCOMPARE(entries.front().errorCount, 1);
        QCOMPARE(entries.front().services.size(), 3);
        QCOMPARE(entries.front().openedAt, T0.addSecs(20));
        // The same trace from another source is another entry; the same second keeps the newer first.
        QVERIFY(library.record(*traceA(), QStringLiteral("prod/edge"), {}, T0.addSecs(20)));
        entries = library.list();
        QCOMPARE(entries.size(), std::size_t(3));
        QCOMPARE(entries.front().source, QStringLiteral("prod/edge"));
        QCOMPARE(entries.at(1).source, QStringLiteral("/traces/a.json"));
        // And it is all still there after closing.
        library.close();
        QVERIFY(library.open(path));
        QCOMPARE(library.list().size(), std::size_t(3));
    }

    void copiesAreCappedOldestFirst()
    {
        TraceLibrary library;
        QVERIFY(library.open(freshPath()));
        QVERIFY(library.setCopyCapBytes(100));
        const QByteArray a(40, 'a'), b(40, 'b'), c(40, 'c');
        QVERIFY(library.record(*traceA(), QStringLiteral("prod/x"), a, T0));
        QVERIFY(library.record(*traceB(), QStringLiteral("prod/x"), b, T0.addSecs(1)));
        QCOMPARE(library.storedCopiesBytes(), 80);
        QVERIFY(library.record(*traceC(), QStringLiteral("prod/x"), c, T0.addSecs(2)));
        // 120 > 100: A's copy (the oldest) goes, its entry stays.
        QCOMPARE(library.storedCopiesBytes(), 80);
        QVERIFY(library.storedCopy(QStringLiteral("aaa111")).isEmpty());
        QCOMPARE(library.storedCopy(QStringLiteral("bbb222")), b);
        QCOMPARE(library.storedCopy(QStringLiteral("ccc333")), c);
        QCOMPARE(library.list().size(), std::size_t(3));
        QVERIFY(!library.list().back().hasStoredCopy());

        // Opening B again without an answer keeps its copy; a new answer of A is now the newest.
        QVERIFY(library.record(*traceB(), QStringLiteral("prod/x"), {}, T0.addSecs(3)));
        QCOMPARE(library.storedCopy(QStringLiteral("bbb222")), b);
        QVERIFY(library.record(*traceA(), QStringLiteral("prod/x"), a, T0.addSecs(4)));
        QVERIFY(library.storedCopy(QStringLiteral("bbb222")).isEmpty());
        QCOMPARE(library.storedCopy(QStringLiteral("ccc333")), c);
        QCOMPARE(library.storedCopy(QStringLiteral("aaa111")), a);

        // An answer bigger than the whole cap is not kept and evicts nothing.
        QVERIFY(library.record(*traceB(), QStringLiteral("prod/x"), QByteArray(101, 'B'), T0.addSecs(5)));
        QVERIFY(library.storedCopy(QStringLiteral("bbb222")).isEmpty());
        QCOMPARE(library.storedCopiesBytes(), 80);

        // Lowering the cap evicts at once, oldest (C) first.
        QVERIFY(library.setCopyCapBytes(50));
        QVERIFY(library.storedCopy(QStringLiteral("ccc333")).isEmpty());
        QCOMPARE(library.storedCopy(QStringLiteral("aaa111")), a);
        QCOMPARE(library.storedCopiesBytes(), 40);
    }

    void storedCopyIsTheAnswerAsReceived()
    {
        const QString fixture = QStringLiteral(TRACEDESK_TEST_DATA "/export/sample-trace.json");
        const QByteArray answer = fileBytes(fixture);
        QVERIFY(!answer.isEmpty());
        const LoadResult loaded = loadTraceBytes(std::make_shared<const std::string>(answer.toStdString()),
                                                 QStringLiteral("prod/sample"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        TraceLibrary library;
        QVERIFY(library.open(freshPath()));
        QVERIFY(library.record(*loaded.trace, QStringLiteral("prod/sample"), *loaded.trace->sourceBytes()));
        const QString id = QString::fromStdString(std::string(loaded.trace->traceId()));
        QCOMPARE(id, QStringLiteral("b1ce90a546e67ba5"));
        const QByteArray copy = library.storedCopy(id);
        QCOMPARE(copy, answer);
        // The copy opens as the same trace, without the backend.
        const LoadResult again = loadTraceBytes(std::make_shared<const std::string>(copy.toStdString()), QStringLiteral("copy"));
        QVERIFY(again.ok());
        QCOMPARE(again.trace->realSpanCount(), loaded.trace->realSpanCount());
        QCOMPARE(library.list().front().spanCount, qint64(loaded.trace->realSpanCount()));

        // Bytes that are not text come back byte for byte too.
        QByteArray binary("\0\xff\x01zip\0", 7);
        QVERIFY(library.record(*traceA(), QStringLiteral("prod/bin"), binary));
        QCOMPARE(library.storedCopy(QStringLiteral("aaa111")), binary);
        QVERIFY(library.storedCopy(QStringLiteral("no-such-trace")).isEmpty());
    }

    void notesAndBookmarks()
    {
        const QString path = freshPath();
        const QString t = QStringLiteral("aaa111"), other = QStringLiteral("bbb222");
        {
            TraceLibrary library;
            QVERIFY(library.open(path));
            QVERIFY(library.notes(t).empty());
            const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
            QVERIFY(library.setNote(t, QStringLiteral("db"), QStringLiteral("slow query, see INC-42 — 超时")));
            QVERIFY(library.setBookmarked(t, QStringLiteral("db"), true));
            QVERIFY(library.setBookmarked(t, QStringLiteral("a"), true));
            QVERIFY(library.setNote(other, QStringLiteral("db"), QStringLiteral("other trace")));
            const auto notes = library.notes(t);
            QCOMPARE(notes.size(), std::size_t(2));
            QCOMPARE(notes.at(0).spanId, QStringLiteral("a"));
            QCOMPARE(notes.at(0).text, QString());
            QVERIFY(notes.at(0).bookmarked);
            QCOMPARE(notes.at(1).spanId, QStringLiteral("db"));
            QCOMPARE(notes.at(1).text, QStringLiteral("slow query, see INC-42 — 超时"));
            QVERIFY(notes.at(1).bookmarked);
            QVERIFY(notes.at(1).updatedAt >= before);
            QVERIFY(notes.at(1).updatedAt <= QDateTime::currentDateTimeUtc().addSecs(1));
            // Un-bookmarking keeps the note; clearing both forgets the span.
            QVERIFY(library.setBookmarked(t, QStringLiteral("db"), false));
            QVERIFY(library.setBookmarked(t, QStringLiteral("a"), false));
        }
        TraceLibrary reopened;
        QVERIFY(reopened.open(path));
        const auto notes = reopened.notes(t);
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes.front().spanId, QStringLiteral("db"));
        QVERIFY(!notes.front().bookmarked);
        QVERIFY2(reopened.setNote(t, QStringLiteral("db"), QString()), qPrintable(reopened.errorString()));
        QVERIFY(reopened.notes(t).empty());
        QCOMPARE(reopened.notes(other).size(), std::size_t(1));
    }

    void noteSurvivesKill_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("kill -9 from outside") << QStringLiteral("wait");
        QTest::newRow("SIGKILL right after setNote") << QStringLiteral("self");
    }

    void noteSurvivesKill()
    {
        QFETCH(QString, mode);
        const QString path = freshPath();
        const QString text = QStringLiteral("typed just before the crash (%1)").arg(mode);
        QProcess helper;
        helper.start(QStringLiteral(TRACEDESK_CRASH_HELPER), {path, QStringLiteral("aaa111"), QStringLiteral("db"), text, mode});
        QVERIFY2(helper.waitForStarted(), qPrintable(helper.errorString()));
        if (mode == QLatin1String("wait")) {
            // The helper says so once setNote returned; it then waits, library open, for the kill.
            while (!helper.canReadLine())
                QVERIFY2(helper.waitForReadyRead(30000), helper.readAllStandardError().constData());
            QCOMPARE(helper.readLine().trimmed(), QByteArray("written"));
            helper.kill(); // SIGKILL
        }
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
        QVERIFY2(QFileInfo::exists(path + QStringLiteral("-wal")), "the process died with the write-ahead log in place");

        TraceLibrary library;
        QVERIFY2(library.open(path), qPrintable(library.errorString()));
        const auto notes = library.notes(QStringLiteral("aaa111"));
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes.front().spanId, QStringLiteral("db"));
        QCOMPARE(notes.front().text, text);
    }

    void damagedFileIsLeftAlone_data()
    {
        QTest::addColumn<QByteArray>("bytes"); // empty: made below from a real library
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 131 + 7) & 0xff));
        QTest::newRow("garbage") << garbage << QString() << QStringLiteral("damaged or not a database");
        QTest::newRow("text") << QByteArray("{\"not\": \"a database\"}\n") << QString() << QStringLiteral("damaged or not a database");
        QTest::newRow("damaged schema page") << QByteArray() << QStringLiteral("schema") << QStringLiteral("damaged or not a database");
        QTest::newRow("another program's database") << QByteArray() << QStringLiteral("foreign") << QStringLiteral("another program");
        QTest::newRow("newer schema") << QByteArray() << QStringLiteral("newer") << QStringLiteral("newer TraceDesk");
    }

    void damagedFileIsLeftAlone()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString path = freshPath();
        if (kind == QLatin1String("schema")) {
            QFile::copy(filledLibrary(), path);
            QByteArray db = fileBytes(path);
            QVERIFY(db.size() > 4096);
            // Page 1 after the 100-byte header is the schema's b-tree page.
            for (int i = 100; i < 4096; ++i)
                db[i] = char(0xa5);
            QVERIFY(writeFile(path, db));
        } else if (kind == QLatin1String("foreign") || kind == QLatin1String("newer")) {
            OtherConnection other(path);
            QVERIFY(other.ok());
            QCOMPARE(other.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")), QString());
            if (kind == QLatin1String("newer")) {
                QCOMPARE(other.exec(QStringLiteral("PRAGMA application_id=%1").arg(0x54444c42)), QString());
                QCOMPARE(other.exec(QStringLiteral("PRAGMA user_version=%1").arg(TraceLibrary::SchemaVersion + 1)), QString());
            }
        } else {
            QVERIFY(writeFile(path, bytes));
        }
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());

        TraceLibrary library;
        QVERIFY(!library.open(path));
        QVERIFY(!library.isOpen());
        QVERIFY2(library.errorString().contains(message), qPrintable(library.errorString()));
        QVERIFY2(library.errorString().contains(path), qPrintable(library.errorString()));
        QVERIFY(library.errorString().contains(QLatin1String("left as it is")));
        // Disabled: nothing is written, nothing found.
        QVERIFY(!library.record(*traceA(), QStringLiteral("/traces/a.json")));
        QVERIFY(!library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("x")));
        QVERIFY(!library.setBookmarked(QStringLiteral("aaa111"), QStringLiteral("db"), true));
        QVERIFY(library.list().empty());
        library.close();
        QCOMPARE(fileBytes(path), before);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    }

    void lockedFileWaitsThenFailsClearly()
    {
        const QString path = freshPath();
        {
            TraceLibrary library;
            QVERIFY(library.open(path));
            QVERIFY(library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("before the lock")));
        }
        // Another program switched the file to a rollback journal and holds an exclusive lock: it cannot
        // even be read.
        {
            OtherConnection locker(path);
            QVERIFY(locker.ok());
            QCOMPARE(locker.exec(QStringLiteral("PRAGMA journal_mode=DELETE")), QStringLiteral("delete"));
            const QByteArray bytes = fileBytes(path);
            QCOMPARE(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")), QString());
            TraceLibrary library;
            library.setBusyTimeoutMs(300);
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!library.open(path));
            const qint64 waited = timer.elapsed();
            QVERIFY2(waited >= 250, qPrintable(QString::number(waited)));   // the busy timeout was used...
            QVERIFY2(waited < 10000, qPrintable(QString::number(waited)));  // ...and bounded
            QVERIFY2(library.errorString().contains(QLatin1String("locked by another program")), qPrintable(library.errorString()));
            QVERIFY(library.errorString().contains(path));
            QVERIFY(!library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("lost?")));
            library.close();
            QCOMPARE(locker.exec(QStringLiteral("ROLLBACK")), QString());
            QCOMPARE(fileBytes(path), bytes);
        }
        // Once the other program is gone, nothing was lost.
        TraceLibrary library;
        library.setBusyTimeoutMs(300);
        QVERIFY2(library.open(path), qPrintable(library.errorString()));
        QCOMPARE(library.notes(QStringLiteral("aaa111")).size(), std::size_t(1));
        QCOMPARE(library.notes(QStringLiteral("aaa111")).front().text, QStringLiteral("before the lock"));

        // With the write-ahead log, another writer's lock still lets the library read; a write waits the busy
        // timeout and then fails, saying why, and the notes already there stay.
        {
            OtherConnection locker(path);
            QVERIFY(locker.ok());
            QCOMPARE(locker.exec(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
            QCOMPARE(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")), QString());
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("during the lock")));
            const qint64 waited = timer.elapsed();
            QVERIFY2(waited >= 250 && waited < 10000, qPrintable(QString::number(waited)));
            QVERIFY2(library.errorString().contains(QLatin1String("locked")), qPrintable(library.errorString()));
            QVERIFY(!library.record(*traceA(), QStringLiteral("/traces/a.json")));
            QCOMPARE(library.notes(QStringLiteral("aaa111")).front().text, QStringLiteral("before the lock"));
            QCOMPARE(locker.exec(QStringLiteral("ROLLBACK")), QString());
        }
        QVERIFY2(library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("after the lock")),
                 qPrintable(library.errorString()));
        QVERIFY(library.errorString().isEmpty());
        QCOMPARE(library.notes(QStringLiteral("aaa111")).front().text, QStringLiteral("after the lock"));
    }

    void lockHeldByAnotherProcess()
    {
        const QString path = freshPath();
        TraceLibrary library;
        library.setBusyTimeoutMs(300);
        QVERIFY(library.open(path));
        QVERIFY(library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("before")));
        QProcess locker;
        locker.start(QStringLiteral(TRACEDESK_CRASH_HELPER), {path, QStringLiteral("lock")});
        QVERIFY2(locker.waitForStarted(), qPrintable(locker.errorString()));
        while (!locker.canReadLine())
            QVERIFY2(locker.waitForReadyRead(30000), locker.readAllStandardError().constData());
        QCOMPARE(locker.readLine().trimmed(), QByteArray("locked"));

        QElapsedTimer timer;
        timer.start();
        QVERIFY(!library.setBookmarked(QStringLiteral("aaa111"), QStringLiteral("db"), true));
        QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(library.errorString().contains(QLatin1String("database is locked")), qPrintable(library.errorString()));
        // A second library opened meanwhile still opens (the log lets it read) and sees the note.
        TraceLibrary second;
        second.setBusyTimeoutMs(300);
        QVERIFY2(second.open(path), qPrintable(second.errorString()));
        QCOMPARE(second.notes(QStringLiteral("aaa111")).front().text, QStringLiteral("before"));

        locker.closeWriteChannel();
        QVERIFY(locker.waitForFinished(30000));
        QCOMPARE(locker.exitStatus(), QProcess::NormalExit);
        QCOMPARE(locker.exitCode(), 0);
        QVERIFY2(library.setBookmarked(QStringLiteral("aaa111"), QStringLiteral("db"), true), qPrintable(library.errorString()));
        const auto notes = second.notes(QStringLiteral("aaa111"));
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes.front().text, QStringLiteral("before"));
        QVERIFY(notes.front().bookmarked);
    }

    void notesJsonRoundTrip()
    {
        TraceLibrary from;
        QVERIFY(from.open(freshPath()));
        QVERIFY(from.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("slow \"query\"\nline 2")));
        QVERIFY(from.setBookmarked(QStringLiteral("aaa111"), QStringLiteral("db"), true));
        QVERIFY(from.setBookmarked(QStringLiteral("aaa111"), QStringLiteral("a"), true));
        QVERIFY(from.setNote(QStringLiteral("bbb222"), QStringLiteral("x"), QStringLiteral("not exported")));
        const QByteArray json = from.exportNotesJson(QStringLiteral("aaa111"));

        // The file, read on its own.
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.value(QLatin1String("traceId")).toString(), QStringLiteral("aaa111"));
        const QJsonArray notes = doc.value(QLatin1String("notes")).toArray();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.at(0).toObject(), (QJsonObject{{QStringLiteral("spanId"), QStringLiteral("a")},
                                                      {QStringLiteral("note"), QString()},
                                                      {QStringLiteral("bookmarked"), true}}));
        QCOMPARE(notes.at(1).toObject(), (QJsonObject{{QStringLiteral("spanId"), QStringLiteral("db")},
                                                      {QStringLiteral("note"), QStringLiteral("slow \"query\"\nline 2")},
                                                      {QStringLiteral("bookmarked"), true}}));

        // Into another library, over a note of its own on the same span.
        TraceLibrary to;
        QVERIFY(to.open(freshPath()));
        QVERIFY(to.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("mine")));
        QVERIFY(to.setNote(QStringLiteral("aaa111"), QStringLiteral("keep"), QStringLiteral("untouched")));
        int imported = -1;
        QVERIFY2(to.importNotesJson(json, QStringLiteral("aaa111"), &imported), qPrintable(to.errorString()));
        QCOMPARE(imported, 2);
        const auto got = to.notes(QStringLiteral("aaa111"));
        QCOMPARE(got.size(), std::size_t(3));
        QCOMPARE(got.at(1).spanId, QStringLiteral("db"));
        QCOMPARE(got.at(1).text, QStringLiteral("slow \"query\"\nline 2"));
        QVERIFY(got.at(1).bookmarked);
        QCOMPARE(got.at(2).text, QStringLiteral("untouched"));
        QVERIFY(to.notes(QStringLiteral("bbb222")).empty());
    }

    void badNotesJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("cut short") << QByteArray("{\"traceId\": \"aaa111\", \"notes\": [") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("one object");
        QTest::newRow("no trace id") << QByteArray("{\"notes\": []}") << QStringLiteral("no \"traceId\"");
        QTest::newRow("trace id a number") << QByteArray("{\"traceId\": 7, \"notes\": []}") << QStringLiteral("no \"traceId\"");
        QTest::newRow("notes not an array") << QByteArray("{\"traceId\": \"aaa111\", \"notes\": {}}") << QStringLiteral("no \"notes\" array");
        QTest::newRow("second without span id")
            << QByteArray("{\"traceId\": \"aaa111\", \"notes\": [{\"spanId\": \"db\", \"note\": \"x\"}, {\"note\": \"y\"}]}")
            << QStringLiteral("notes[1] needs a \"spanId\"");
        QTest::newRow("note a number") << QByteArray("{\"traceId\": \"aaa111\", \"notes\": [{\"spanId\": \"db\", \"note\": 5}]}")
                                       << QStringLiteral("notes[0].note must be a string");
        QTest::newRow("bookmarked a string")
            << QByteArray("{\"traceId\": \"aaa111\", \"notes\": [{\"spanId\": \"db\", \"bookmarked\": \"yes\"}]}")
            << QStringLiteral("notes[0].bookmarked must be true or false");
        QTest::newRow("another trace") << QByteArray("{\"traceId\": \"zzz999\", \"notes\": [{\"spanId\": \"db\", \"note\": \"x\"}]}")
                                       << QStringLiteral("for trace zzz999, not for trace aaa111");
    }

    void badNotesJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        TraceLibrary library;
        QVERIFY(library.open(freshPath()));
        QVERIFY(library.setNote(QStringLiteral("aaa111"), QStringLiteral("db"), QStringLiteral("mine")));
        int imported = -1;
        QVERIFY(!library.importNotesJson(json, QStringLiteral("aaa111"), &imported));
        QCOMPARE(imported, 0);
        QVERIFY2(library.errorString().contains(message), qPrintable(library.errorString()));
        // All or nothing: the note already there is unchanged.
        const auto notes = library.notes(QStringLiteral("aaa111"));
        QCOMPARE(notes.size(), std::size_t(1));
        QCOMPARE(notes.front().text, QStringLiteral("mine"));
        QVERIFY(library.notes(QStringLiteral("zzz999")).empty());
    }

    void libraryViewFiltersAndOpens()
    {
        TraceLibrary library;
        QVERIFY(library.open(filledLibrary()));
        LibraryView view;
        view.setNow(QDateTime::fromMSecsSinceEpoch(dslEpochUs / 1000, QTimeZone::utc()).addDays(2).addSecs(3600));
        view.setLibrary(&library);
        view.resize(1100, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto shownIds = [&view] {
            QStringList ids;
            for (int r = 0; r < view.table()->model()->rowCount(); ++r)
                ids << view.table()->model()->index(r, LibraryTableModel::TraceId).data().toString();
            return ids;
        };
        const QString a = QStringLiteral("aaa111"), b = QStringLiteral("bbb222"), c = QStringLiteral("ccc333");
        QCOMPARE(shownIds(), (QStringList{c, b, a}));
        QCOMPARE(view.statusLabel()->text(), QStringLiteral("3 trace(s)"));
        const QAbstractItemModel *m = view.table()->model();
        QCOMPARE(m->index(1, LibraryTableModel::Root).data().toString(), QStringLiteral("gateway: op-root"));
        QCOMPARE(m->index(1, LibraryTableModel::Duration).data().toString(), QStringLiteral("2.500 s"));
        QCOMPARE(m->index(1, LibraryTableModel::Spans).data().toString(), QStringLiteral("2"));
        QCOMPARE(m->index(1, LibraryTableModel::Errors).data().toString(), QStringLiteral("1"));
        QCOMPARE(m->index(1, LibraryTableModel::Services).data().toString(), QStringLiteral("db, gateway"));
        QCOMPARE(m->index(1, LibraryTableModel::Source).data().toString(), QStringLiteral("prod/payments"));

        QTest::keyClicks(view.filterEdit(), QStringLiteral("gateway"));
        QCOMPARE(shownIds(), (QStringList{b, a}));
        view.errorsOnlyBox()->setChecked(true);
        QCOMPARE(shownIds(), (QStringList{b}));
        view.errorsOnlyBox()->setChecked(false);
        view.filterEdit()->clear();
        view.minDurationEdit()->setText(QStringLiteral("1s"));
        QCOMPARE(shownIds(), (QStringList{b}));
        view.minDurationEdit()->setText(QStringLiteral("soon"));
        QCOMPARE(shownIds(), (QStringList{c, b, a}));
        QVERIFY2(view.statusLabel()->text().contains(QLatin1String("not a duration")), qPrintable(view.statusLabel()->text()));
        view.minDurationEdit()->clear();
        // "Now" is two days and an hour after the epoch: only C started in the last 24 hours.
        view.dateBox()->setCurrentIndex(view.dateBox()->findData(LibraryView::Last24Hours));
        QCOMPARE(shownIds(), (QStringList{c}));
        view.dateBox()->setCurrentIndex(view.dateBox()->findData(LibraryView::Between));
        QVERIFY(view.fromEdit()->isVisible());
        view.fromEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(dslEpochUs / 1000, QTimeZone::utc()).addSecs(-60));
        view.toEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(dslEpochUs / 1000, QTimeZone::utc()).addSecs(60));
        QCOMPARE(shownIds(), (QStringList{b, a}));
        view.dateBox()->setCurrentIndex(view.dateBox()->findData(LibraryView::AnyDate));
        QVERIFY(!view.fromEdit()->isVisible());
        QCOMPARE(shownIds(), (QStringList{c, b, a}));
        view.filterEdit()->setText(QStringLiteral("checkout"));
        QCOMPARE(shownIds(), QStringList{});
        QCOMPARE(view.statusLabel()->text(), QStringLiteral("No traces in the library match."));
        view.filterEdit()->clear();

        // Sorting by duration, longest first.
        view.table()->sortByColumn(LibraryTableModel::Duration, Qt::DescendingOrder);
        QCOMPARE(shownIds(), (QStringList{b, a, c}));

        // Enter and a double-click open the row's entry.
        QSignalSpy opened(&view, &LibraryView::openRequested);
        view.table()->setFocus();
        view.table()->setCurrentIndex(m->index(1, 0));
        QTest::keyClick(view.table(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        auto entry = opened.at(0).at(0).value<LibraryEntry>();
        QCOMPARE(entry.traceId, a);
        QCOMPARE(entry.source, QStringLiteral("/traces/a.json"));
        const QRect cell = view.table()->visualRect(m->index(0, LibraryTableModel::TraceId));
        QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(opened.size(), 2);
        entry = opened.at(1).at(0).value<LibraryEntry>();
        QCOMPARE(entry.traceId, b);
        QVERIFY(entry.hasStoredCopy());
        QCOMPARE(view.currentEntry()->traceId, b);

        // A trace recorded meanwhile appears on refresh.
        QVERIFY(library.record(*buildTrace(QStringLiteral("root 0 7 service=late trace=ddd444")), QStringLiteral("/late.json")));
        view.refresh();
        QCOMPARE(m->rowCount(), 4);
    }

    void libraryViewShowsWhyItIsOff()
    {
        const QString path = freshPath();
        QVERIFY(writeFile(path, QByteArray(4096, 'x')));
        TraceLibrary library;
        QVERIFY(!library.open(path));
        LibraryView view;
        view.setLibrary(&library);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.disabledLabel()->isVisible());
        QVERIFY(!view.table()->isVisible());
        QVERIFY(!view.filterEdit()->isVisible());
        QCOMPARE(view.disabledLabel()->text(), library.errorString());
        QCOMPARE(view.disabledLabel()->textFormat(), Qt::PlainText);

        // And back once a working library is given.
        TraceLibrary working;
        QVERIFY(working.open(filledLibrary()));
        view.setLibrary(&working);
        QVERIFY(!view.disabledLabel()->isVisible());
        QVERIFY(view.table()->isVisible());
        QCOMPARE(view.table()->model()->rowCount(), 3);
        view.setLibrary(nullptr);
        QVERIFY(view.disabledLabel()->isVisible());
        QCOMPARE(view.table()->model()->rowCount(), 0);
    }

    void libraryViewScreenshot()
    {
        const QString path = freshPath();
        TraceLibrary library;
        QVERIFY(library.open(path));
        const QString fixtures = QStringLiteral(TRACEDESK_TEST_DATA "/fixtures/");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int n = 0;
        for (const char *name : {"iplatform-sample-trace.json", "iplatform-feignclient-trace.json", "zipkin-standard-span.json",
                                 "ats-spans-response.json"}) {
            const LoadResult r = loadTraceFile(fixtures + QLatin1String(name));
            QVERIFY2(r.ok(), qPrintable(r.error));
            QVERIFY2(library.record(*r.trace, fixtures + QLatin1String(name), {}, now.addSecs(-600 * ++n)), qPrintable(library.errorString()));
        }
        const LoadResult sample = loadTraceFile(QStringLiteral(TRACEDESK_TEST_DATA "/export/sample-trace.json"));
        QVERIFY(sample.ok());
        QVERIFY(library.record(*sample.trace, QStringLiteral("prod/payments"), QByteArrayView("{}"), now.addSecs(-60)));
        LibraryView view;
        view.setLibrary(&library);
        view.resize(1500, 250);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPixmap shot = view.grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(view.table()->model()->rowCount(), 5);
        if (const QByteArray out = qgetenv("TRACEDESK_LIBRARY_SHOT"); !out.isEmpty())
            QVERIFY(shot.save(QString::fromLocal8Bit(out)));
    }

    void libraryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("jsonIds"); // with --json, the lines' trace ids in order
        QTest::newRow("list") << QStringList{QStringLiteral("list")} << 0
                              << QStringList{QStringLiteral("ccc333"), QStringLiteral("bbb222"), QStringLiteral("aaa111")};
        QTest::newRow("search") << QStringList{QStringLiteral("search"), QStringLiteral("payments")} << 0 << QStringList{QStringLiteral("aaa111")};
        QTest::newRow("search two words") << QStringList{QStringLiteral("search"), QStringLiteral("gateway"), QStringLiteral("op-db")} << 0
                                          << QStringList{QStringLiteral("bbb222")};
        QTest::newRow("search, no match") << QStringList{QStringLiteral("search"), QStringLiteral("checkout")} << 0 << QStringList{};
        QTest::newRow("nothing") << QStringList{} << 1 << QStringList{};
        QTest::newRow("unknown") << QStringList{QStringLiteral("delete")} << 1 << QStringList{};
        QTest::newRow("search without text") << QStringList{QStringLiteral("search")} << 1 << QStringList{};
        QTest::newRow("list with text") << QStringList{QStringLiteral("list"), QStringLiteral("x")} << 1 << QStringList{};
    }

    void libraryCommand()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, jsonIds);
        const QString path = filledLibrary();
        QString out, err;
        {
            QTextStream o(&out), e(&err);
            QCOMPARE(runLibraryCommand(args, true, o, e, path), exitCode);
        }
        if (exitCode != 0) {
            QVERIFY(out.isEmpty());
            QVERIFY2(err.contains(QLatin1String("usage: tracedesk --library")), qPrintable(err));
            return;
        }
        QStringList ids;
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            ids << o.value(QLatin1String("traceId")).toString();
            if (ids.back() == QLatin1String("bbb222")) {
                QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("prod/payments"));
                QCOMPARE(o.value(QLatin1String("rootService")).toString(), QStringLiteral("gateway"));
                QCOMPARE(o.value(QLatin1String("rootOperation")).toString(), QStringLiteral("op-root"));
                QCOMPARE(o.value(QLatin1String("durationUs")).toInteger(), 2'500'000);
                QCOMPARE(o.value(QLatin1String("startUs")).toInteger(), dslEpochUs);
                QCOMPARE(o.value(QLatin1String("spanCount")).toInteger(), 2);
                QCOMPARE(o.value(QLatin1String("errorCount")).toInteger(), 1);
                QCOMPARE(o.value(QLatin1String("services")).toArray(), (QJsonArray{QStringLiteral("db"), QStringLiteral("gateway")}));
                QCOMPARE(o.value(QLatin1String("openedAt")).toString(), QStringLiteral("2026-12-01T09:01:00.000Z"));
                QCOMPARE(o.value(QLatin1String("storedCopyBytes")).toInteger(), 11);
            }
        }
        QCOMPARE(ids, jsonIds);

        // The same as a table: a header, then one line per trace in the same order.
        QString table, tableErr;
        {
            QTextStream o(&table), e(&tableErr);
            QCOMPARE(runLibraryCommand(args, false, o, e, path), 0);
        }
        const QStringList rows = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (jsonIds.isEmpty()) {
            QVERIFY(rows.isEmpty());
            QVERIFY2(tableErr.contains(QLatin1String("no traces")), qPrintable(tableErr));
            return;
        }
        QCOMPARE(rows.size(), jsonIds.size() + 1);
        QVERIFY(rows.front().startsWith(QLatin1String("OPENED")));
        for (qsizetype i = 0; i < jsonIds.size(); ++i)
            QVERIFY2(rows.at(i + 1).contains(jsonIds.at(i)), qPrintable(rows.at(i + 1)));
        if (jsonIds.contains(QLatin1String("bbb222")))
            QVERIFY(table.contains(QLatin1String("gateway: op-root")) && table.contains(QLatin1String("2.500 s")));
    }

    void libraryCommandDatabaseErrors()
    {
        // A damaged file: exit 3 with the reason, and the file unchanged.
        const QString damaged = freshPath();
        QVERIFY(writeFile(damaged, QByteArray(4096, '\x7f')));
        QString out, err;
        {
            QTextStream o(&out), e(&err);
            QCOMPARE(runLibraryCommand({QStringLiteral("list")}, false, o, e, damaged), 3);
        }
        QVERIFY(out.isEmpty());
        QVERIFY2(err.contains(QLatin1String("damaged or not a database")), qPrintable(err));
        QCOMPARE(fileBytes(damaged), QByteArray(4096, '\x7f'));

        // No library yet: nothing listed, and no file made.
        const QString missing = m_dir.filePath(QStringLiteral("never/library.sqlite"));
        out.clear();
        err.clear();
        {
            QTextStream o(&out), e(&err);
            QCOMPARE(runLibraryCommand({QStringLiteral("list")}, true, o, e, missing), 0);
        }
        QVERIFY(out.isEmpty());
        QVERIFY(!QFileInfo::exists(missing));
    }

    void recordInLibraryForTheCommandLine()
    {
        const QString path = freshPath();
        QString error;
        QVERIFY2(recordInLibrary(*traceB(), QStringLiteral("prod/payments"), QByteArrayView("answer"), path,
                                 TraceLibrary::DefaultCopyCapBytes, &error), qPrintable(error));
        QVERIFY(recordInLibrary(*traceA(), QStringLiteral("/a.json"), {}, path, TraceLibrary::DefaultCopyCapBytes, &error));
        TraceLibrary library;
        QVERIFY(library.open(path));
        QCOMPARE(idsOf(library.list()).size(), 2);
        QCOMPARE(library.storedCopy(QStringLiteral("bbb222")), QByteArray("answer"));
        library.close();
        // A zero cap keeps no copy (and evicts the one there).
        QVERIFY(recordInLibrary(*traceC(), QStringLiteral("prod/x"), QByteArrayView("c"), path, 0, &error));
        QVERIFY(library.open(path));
        QCOMPARE(library.storedCopiesBytes(), 0);
        library.close();

        const QString damaged = freshPath();
        QVERIFY(writeFile(damaged, QByteArray("garbage garbage garbage")));
        QVERIFY(!recordInLibrary(*traceA(), QStringLiteral("/a.json"), {}, damaged, TraceLibrary::DefaultCopyCapBytes, &error));
        QVERIFY2(error.contains(QLatin1String("damaged or not a database")), qPrintable(error));
        QCOMPARE(fileBytes(damaged), QByteArray("garbage garbage garbage"));
    }
};

QTEST_MAIN(TestLibrary)
#include "tst_library.moc"
