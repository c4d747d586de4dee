#pragma once

#include "spanpalette.h"
#include "spannote.h"
#include "spanviewcontext.h"
#include "trace.h"
#include "traceviewkind.h"

#include <QWidget>

#include <atomic>
#include <memory>

#include <array>

class QCheckBox;
class QLabel;
class QTimer;
class QLineEdit;
class QStackedWidget;
class QTabBar;

namespace td {

struct RepeatedGroup;

class ColorLegend;
class SpanTreeModel;
class SpanTreeView;
class TimeControl;
class TimelineOverview;
class TraceViewPage;

// The span tree with its Gantt timeline, ruler, minimap, legend and search bar, and the other views of the
// same trace (flame graph, span table, trace graph, events) behind a view switch above them. The views
// share one selection, search highlight, colours and Raw/Adjusted switch (SpanViewContext).
class SpanView : public QWidget
{
    Q_OBJECT
public:
    explicit SpanView(QWidget *parent = nullptr);
    ~SpanView() override;

    void setTrace(TracePtr trace);
    const TracePtr &trace() const { return m_context.trace; }

    TimeControl *timeControl() const { return m_time; }
    SpanTreeView *treeView() const { return m_tree; }
    SpanTreeModel *spanModel() const { return m_model; }
    const SpanViewContext &context() const { return m_context; }

    TraceViewKind currentView() const { return m_currentView; }
    // The current view's name as the view switch shows it ("Flame Graph").
    QString currentViewTitle() const;
    // The page of a view other than the timeline; null for the timeline.
    TraceViewPage *page(TraceViewKind kind) const;

    std::int32_t selectedSpan() const;
    // The view index (proxy) of a span's row, or invalid when filtered out.
    QModelIndex viewIndex(std::int32_t spanIndex, int column = 0) const;

    ColorMode colorMode() const { return m_context.palette.mode(); }
    bool showCriticalPath() const { return m_context.showCriticalPath; }
    bool showRawTimes() const { return m_context.showRawTimes; }

    // Search over span names, services, tag keys and values; returns the number of matching spans. Runs now
    // (and drops a search typed before that has not finished).
    int setSearchText(const QString &text);
    // What typing in the search box does: the search at once on a small trace; on a large one (more than
    // asyncSearchSpans spans) a pause of searchPauseMs after the last key, then the search on a worker
    // thread, a newer one cancelling it. searchFinished() says when its matches are marked.
    void typeSearch(const QString &text);
    bool isSearching() const;
    static constexpr std::size_t asyncSearchSpans = 20000;
    static constexpr int searchPauseMs = 200;
    int matchCount() const { return static_cast<int>(m_matchList.size()); }
    const std::vector<std::int32_t> &matches() const { return m_matchList; }
    // Marks these spans like search matches (F3 steps through them) and selects the first; the analysis
    // views use it for "this service's spans". An empty list clears the marks.
    void highlightSpans(const std::vector<std::int32_t> &spans);
    // Folds each group of repeated calls (analysis.h repeatedCalls) into the row of its first call, marked "×N".
    // groups: the repeated calls already found for this trace (the Analysis dock's); null finds them here.
    void setFoldRepeatedCalls(bool fold, const std::vector<RepeatedGroup> *groups = nullptr);
    bool foldRepeatedCalls() const { return m_foldRepeated; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);
    // The user's bookmarks and notes on this trace (from the library): drawn in the tree, the timeline and
    // exports; the Markdown summary lists them.
    void setSpanNotes(std::vector<SpanNote> notes);
    const std::vector<SpanNote> &spanNotes() const { return m_notes; }
    // The columns as a new window has them: name, duration and the timeline.
    void resetHeaderState();
    static constexpr int defaultNameColumnWidth = 240;

public slots:
    void setCurrentView(td::TraceViewKind kind);
    void selectSpan(std::int32_t spanIndex);
    void zoomIn();
    void zoomOut();
    void fit();
    void back();
    void zoomToSpan(std::int32_t spanIndex);
    void expandAll();
    void collapseAll();
    void setColorMode(td::ColorMode mode);
    void setShowCriticalPath(bool show);
    void setShowRawTimes(bool raw);
    void showSearch();
    void findNext();
    void findPrevious();
    void setShowOnlyMatches(bool only);

signals:
    // The matches of a search are marked (after setSearchText, or when a background search came back).
    void searchFinished(int matches);
    void currentViewChanged(td::TraceViewKind kind);
    void spanSelected(std::int32_t spanIndex);
    // Enter or double-click: the user wants the details.
    void spanActivated(std::int32_t spanIndex);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSelectedSpanChanged(std::int32_t spanIndex);
    void startBackgroundSearch();
    // Marks these spans (valid, each once) as the matches: tree, timeline, the other views, the count. With
    // "Only matches" the tree's rows follow, every span expanded when expandAll.
    void markMatches(std::vector<std::int32_t> spans, bool expandAll);
    void applySearch(std::vector<std::int32_t> found);
    void cancelBackgroundSearch();
    void updateOverviewMargins();
    void updateSearchLabel();
    void refresh();
    // Tells the other views that matches, colours or switches changed.
    void marksChanged();
    void showHeaderMenu(const QPoint &pos);

    SpanViewContext m_context;
    TimeControl *m_time;
    SpanTreeModel *m_model;
    SpanTreeView *m_tree;
    TimelineOverview *m_overview;
    QTabBar *m_viewSwitch;
    QStackedWidget *m_stack;
    std::array<TraceViewPage *, traceViewKindCount> m_pages{};
    TraceViewKind m_currentView = TraceViewKind::Timeline;
    std::vector<SpanNote> m_notes;
    ColorLegend *m_legend;
    QWidget *m_searchBar;
    QLineEdit *m_searchEdit;
    QLabel *m_searchCount;
    QTimer *m_searchTimer;
    std::uint64_t m_searchGeneration = 0;        // bumped by every search: a background one of an older number is dropped
    std::shared_ptr<std::atomic<bool>> m_searchCancel; // set to stop the background search under way
    bool m_searching = false;
    QCheckBox *m_onlyMatches;
    std::vector<std::int32_t> m_matchList;
    int m_currentMatch = -1;
    bool m_foldRepeated = false;
};

} // namespace td
