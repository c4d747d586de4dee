#pragma once

#include "trace.h"

#include <QDateTime>
#include <QHash>
#include <QTabWidget>

#include <memory>
#include <string>

namespace td {

class SpanView;

// Where a tab's trace came from: a file, or a fetch (profile, project and trace id) with the exact bytes
// received. Save As writes these bytes (fetched) or the file's bytes, checked unchanged since it was read.
struct TraceSource
{
    QString filePath;          // absolute path of an opened file; empty for a fetched trace
    QDateTime fileModified;    // the file's modification time when it was opened
    QString profileName;       // fetched: the connection profile (may be empty for --fetch --base-url)
    QString projectId;
    QString traceId;
    QString host;              // fetched: the server's host, when there is no profile name
    std::shared_ptr<const std::string> bytes; // fetched: the answer exactly as received
    QString fetchedFrom;       // fetched: where from, as the library records it ("profile/project")

    bool isFetched() const { return filePath.isEmpty(); }
};

// The window's tabs: one SpanView per open trace with the source it came from, compare tabs and the
// Search tab. Keeps the span tree's column layout that new tabs take over, and closes a tab on a middle click.
class TraceTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit TraceTabs(QWidget *parent = nullptr);

    SpanView *currentSpanView() const;
    SpanView *spanViewAt(int index) const;
    QList<SpanView *> spanViews() const;
    // Where the trace of a tab page came from; a default TraceSource for other pages.
    TraceSource sourceOf(const QWidget *page) const { return m_sources.value(page); }
    TraceSource currentSource() const { return sourceOf(currentWidget()); }
    // The tab of the trace with this key (absolute file path or trace id), or -1.
    int tabOfKey(const QString &key) const;
    // The key tabOfKey finds a span view's tab by: its file, else its trace id.
    QString keyOf(int index) const;

    // Adds view (showing trace) as the current tab, titled after its source; one currentChanged, after the
    // title and source are set.
    void addTraceTab(SpanView *view, const Trace &trace, TraceSource source);
    // Removes the tab; the page is deleted unless it is the kept page (the Search tab, kept with its form).
    void closeTab(int index);
    void setKeptPage(QWidget *page) { m_keptPage = page; }
    void nextTab();
    void previousTab();

    // The span tree's column layout: taken from the current span view before it changes, given to new tabs.
    QByteArray headerState() const;
    void setHeaderState(const QByteArray &state) { m_headerState = state; }
    void resetHeaderStates();

    static QString titleOf(const Trace &trace, const TraceSource &source);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QHash<const QWidget *, TraceSource> m_sources; // by tab page (its SpanView)
    QByteArray m_headerState;
    QWidget *m_keptPage = nullptr;
};

} // namespace td
