// For tst_library, another program using the library file:
//   DB TRACE_ID SPAN_ID TEXT wait|self  writes one note and dies without closing the library, to show the
//                                       note survives kill -9: "wait" prints "written" and waits to be
//                                       killed, "self" sends itself SIGKILL as soon as setNote returned;
//   DB lock                             holds BEGIN EXCLUSIVE on the file, prints "locked", and rolls back
//                                       and exits 0 when its stdin closes.

#include "tracelibrary.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <csignal>
#include <cstdio>

namespace {

int holdLock(const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
    db.setDatabaseName(path);
    QSqlQuery q(db);
    if (!db.open() || !q.exec(QStringLiteral("BEGIN EXCLUSIVE"))) {
        std::fputs("cannot lock\n", stderr);
        return 2;
    }
    std::fputs("locked\n", stdout);
    std::fflush(stdout);
    while (std::getchar() != EOF) {
    }
    return q.exec(QStringLiteral("ROLLBACK")) ? 0 : 3;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args.at(2) == QLatin1String("lock"))
        return holdLock(args.at(1));
    if (args.size() != 6) {
        std::fputs("usage: librarycrashhelper DB TRACE_ID SPAN_ID TEXT wait|self, or DB lock\n", stderr);
        return 1;
    }
    td::TraceLibrary library;
    if (!library.open(args.at(1)) || !library.setNote(args.at(2), args.at(3), args.at(4))) {
        std::fprintf(stderr, "%s\n", library.errorString().toLocal8Bit().constData());
        return 2;
    }
    if (args.at(5) == QLatin1String("self"))
        std::raise(SIGKILL);
    std::fputs("written\n", stdout);
    std::fflush(stdout);
    // Blocks until the test kills us (or closes stdin, which it does not).
    std::getchar();
    return 3;
}
