#pragma once

#include "tracetabs.h"

#include <QCoreApplication>

class QStatusBar;
class QWidget;

namespace td {

// File > Save As: the trace exactly as it was read or received, never re-serialised, so what is saved is
// what a colleague can open and get the same picture.
class TraceSaver
{
    Q_DECLARE_TR_FUNCTIONS(td::TraceSaver)
public:
    // Writes the bytes of trace's source to path: the answer as received, or the file's bytes if the file
    // has not changed since it was opened. False with *error set otherwise.
    static bool save(const Trace &trace, const TraceSource &source, const QString &path, QString *error = nullptr);
    // Asks for a file (starting in *directory), saves, says so in the status bar or shows the error;
    // *directory becomes the folder saved in.
    static void saveAs(QWidget *parent, const Trace &trace, const TraceSource &source, QString *directory, QStatusBar *status);
};

} // namespace td
