#include "traceloadcontroller.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace td {

TraceLoadController::TraceLoadController(QObject *parent)
    : QObject(parent)
{
    // Progress is polled from atomics rather than signalled per chunk, so a fast parser cannot flood the GUI.
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &TraceLoadController::reportProgress);
}

TraceLoadController::~TraceLoadController()
{
    stopCurrent();
}

void TraceLoadController::stopCurrent()
{
    if (m_progress)
        m_progress->cancel = true;
    if (m_watcher) {
        // The worker keeps its own shared state; the watcher is dropped and its result ignored.
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_progress.reset();
    m_progressTimer.stop();
}

void TraceLoadController::load(const QString &path)
{
    stopCurrent();
    const quint64 generation = ++m_generation;
    m_path = path;
    m_totalBytes = static_cast<quint64>(std::max<qint64>(0, QFileInfo(path).size()));
    auto state = std::make_shared<Progress>();
    m_progress = state;

    m_watcher = new QFutureWatcher<LoadResult>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, generation] {
        if (generation != m_generation || !m_watcher)
            return;
        const LoadResult result = m_watcher->result();
        const QString path = m_path;
        const bool wasCancelled = m_progress && m_progress->cancel;
        m_watcher->deleteLater();
        m_watcher = nullptr;
        m_progress.reset();
        m_progressTimer.stop();
        if (result.ok())
            emit loaded(result.trace, path);
        else if (result.cancelled || wasCancelled)
            emit cancelled(path);
        else
            emit failed(path, result.error, result.line, result.column);
        emit finished();
    });
    m_watcher->setFuture(QtConcurrent::run([path, state]() {
        LoadOptions options;
        options.cancel = &state->cancel;
        options.progress = [state](std::uint64_t bytes, std::uint64_t spans) {
            state->bytes = bytes;
            state->spans = spans;
        };
        return loadTraceFile(path, options);
    }));
    m_progressTimer.start();
    emit started(path, m_totalBytes);
}

void TraceLoadController::cancel()
{
    if (!m_watcher)
        return;
    const QString path = m_path;
    ++m_generation; // whatever the worker returns now is stale
    stopCurrent();
    emit cancelled(path);
    emit finished();
}

void TraceLoadController::reportProgress()
{
    if (m_progress)
        emit progress(m_progress->bytes, m_totalBytes, m_progress->spans);
}

} // namespace td
