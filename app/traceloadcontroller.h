#pragma once

#include "traceloader.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace td {

// Loads trace files off the GUI thread with progress and cancel. Each load gets a generation number;
// a result from a load that was superseded is dropped, so only the latest request ever reports.
class TraceLoadController : public QObject
{
    Q_OBJECT
public:
    explicit TraceLoadController(QObject *parent = nullptr);
    ~TraceLoadController() override;

    void load(const QString &path);
    void cancel();
    bool isLoading() const { return m_watcher != nullptr; }
    quint64 generation() const { return m_generation; }

signals:
    void started(const QString &path, quint64 totalBytes);
    void progress(quint64 bytesRead, quint64 totalBytes, quint64 spans);
    void loaded(const td::TracePtr &trace, const QString &path);
    // error is one line naming the file, line and column; line/column are 0 when not a syntax error.
    void failed(const QString &path, const QString &error, quint64 line, quint64 column);
    void cancelled(const QString &path);
    void finished();

private:
    struct Progress
    {
        std::atomic_bool cancel{false};
        std::atomic<std::uint64_t> bytes{0};
        std::atomic<std::uint64_t> spans{0};
    };

    void stopCurrent();
    void reportProgress();

    quint64 m_generation = 0;
    QFutureWatcher<LoadResult> *m_watcher = nullptr;
    std::shared_ptr<Progress> m_progress;
    QString m_path;
    quint64 m_totalBytes = 0;
    QTimer m_progressTimer;
};

} // namespace td
