#pragma once

#include "trace.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QPushButton;
class QStatusBar;
class QToolButton;

namespace td {

class TraceLoadController;

// The window's status bar: the current trace in one line, the problems met reading it (a button that opens
// the Problems dock), and while a file loads its progress with a Cancel button.
class LoadStatus : public QObject
{
    Q_OBJECT
public:
    LoadStatus(QStatusBar *bar, TraceLoadController *loader);

    // The summary line and the problem count of what is shown; trace null: no trace tab is current.
    void showSummary(const QString &summary, const Trace *trace);
    // "Trace 0123…  ·  service operation  ·  start  ·  duration  ·  N spans  ·  N services  ·  N errors  ·  N warnings"
    static QString summaryOf(const Trace &trace);

signals:
    void problemsRequested();

private:
    void setLoading(bool loading);

    QLabel *m_summary;
    QPushButton *m_problems;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};

} // namespace td
