// For tst_library: writes one note into a library and dies without closing it, to show the note survives
// kill -9. Arguments: DB TRACE_ID SPAN_ID TEXT MODE, where MODE "wait" prints "written" and waits to be
// killed, "self" sends itself SIGKILL as soon as setNote returned.

#include "tracelibrary.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 6) {
        std::fputs("usage: librarycrashhelper DB TRACE_ID SPAN_ID TEXT wait|self\n", stderr);
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
