#include "spanview.h"

#include "analysis.h"
#include "colorlegend.h"
#include "eventsview.h"
#include "flamegraphview.h"
#include "spannamedelegate.h"
#include "spansearch.h"
#include "spantreemodel.h"
#include "spantableview.h"
#include "spantreeview.h"
#include "timecontrol.h"
#include "timelinedelegate.h"
#include "timelineheader.h"
#include "timelineoverview.h"
#include "tracegraphview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
#include <QItemSelectionModel>
#include <QTimer>
#include <QVBoxLayout>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace td {

SpanView::SpanView(QWidget *parent)
    : QWidget(parent)
    , m_time(new TimeControl(this))
    , m_model(new SpanTreeModel(this))
{
    m_context.time = m_time;
    m_context.rows = m_model;
    m_model->setMatches(&m_context.matches);

    m_tree = new SpanTreeView(&m_context, SpanTreeModel::Timeline, this);
    auto *header = new TimelineHeader(m_time, SpanTreeModel::Timeline, m_tree);
    m_tree->setHeader(header);
    m_tree->setModel(m_model);
    m_tree->setItemDelegateForColumn(SpanTreeModel::Name, new SpanNameDelegate(&m_context, m_tree));
    m_tree->setItemDelegateForColumn(SpanTreeModel::Timeline, new TimelineDelegate(&m_context, m_tree));
    header->setStretchLastSection(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_tree->setSortingEnabled(true);
    resetHeaderState();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &SpanView::showHeaderMenu);

    m_overview = new TimelineOverview(&m_context, this);
    m_legend = new ColorLegend(this);

    m_searchBar = new QWidget(this);
    auto *searchLayout = new QHBoxLayout(m_searchBar);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    m_searchEdit = new QLineEdit(m_searchBar);
    m_searchEdit->setObjectName(QStringLiteral("spanSearch"));
    m_searchEdit->setPlaceholderText(tr("Find spans by name, service, tag key or value"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchCount = new QLabel(m_searchBar);
    m_searchTimer = new QTimer(this);
    m_searchCount->setTextFormat(Qt::PlainText);
    auto *prev = new QToolButton(m_searchBar);
    prev->setArrowType(Qt::UpArrow);
    prev->setToolTip(tr("Previous match (Shift+F3)"));
    auto *next = new QToolButton(m_searchBar);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    m_onlyMatches = new QCheckBox(tr("Only matches"), m_searchBar);
    m_onlyMatches->setToolTip(tr("Show only matching spans and their ancestors"));
    auto *close = new QToolButton(m_searchBar);
    close->setText(tr("Close"));
    searchLayout->addWidget(new QLabel(tr("Find:"), m_searchBar));
    searchLayout->addWidget(m_searchEdit, 1);
    searchLayout->addWidget(m_searchCount);
    searchLayout->addWidget(prev);
    searchLayout->addWidget(next);
    searchLayout->addWidget(m_onlyMatches);
    searchLayout->addWidget(close);
    m_searchBar->hide();
    connect(m_searchEdit, &QLineEdit::textChanged, this, &SpanView::typeSearch);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchPauseMs);
    connect(m_searchTimer, &QTimer::timeout, this, &SpanView::startBackgroundSearch);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &SpanView::findNext);
    connect(prev, &QToolButton::clicked, this, &SpanView::findPrevious);
    connect(next, &QToolButton::clicked, this, &SpanView::findNext);
    connect(m_onlyMatches, &QCheckBox::toggled, this, &SpanView::setShowOnlyMatches);
    connect(close, &QToolButton::clicked, this, [this] {
        m_searchEdit->clear();
        m_onlyMatches->setChecked(false);
        m_searchBar->hide();
        m_tree->setFocus();
    });

    // The view switch above the views, as Jaeger's; keys 1-5 (the window's View menu) pick them too.
    m_viewSwitch = new QTabBar(this);
    m_viewSwitch->setObjectName(QStringLiteral("viewSwitch"));
    m_viewSwitch->setDrawBase(false);
    m_viewSwitch->setExpanding(false);
    m_viewSwitch->setDocumentMode(true);
    m_viewSwitch->addTab(tr("Timeline"));
    m_viewSwitch->addTab(tr("Flame Graph"));
    m_viewSwitch->addTab(tr("Span Table"));
    m_viewSwitch->addTab(tr("Trace Graph"));
    m_viewSwitch->addTab(tr("Events"));
    for (int i = 0; i < traceViewKindCount; ++i)
        m_viewSwitch->setTabToolTip(i, tr("%1 (key %2)").arg(m_viewSwitch->tabText(i)).arg(i + 1));
    m_viewSwitch->setFocusPolicy(Qt::NoFocus);

    auto *timeline = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timeline);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(2);
    timelineLayout->addWidget(m_overview);
    timelineLayout->addWidget(m_tree, 1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(timeline);
    m_pages[static_cast<std::size_t>(TraceViewKind::FlameGraph)] = new FlameGraphView(&m_context, m_stack);
    m_pages[static_cast<std::size_t>(TraceViewKind::SpanTable)] = new SpanTableView(&m_context, m_stack);
    m_pages[static_cast<std::size_t>(TraceViewKind::TraceGraph)] = new TraceGraphView(&m_context, m_stack);
    m_pages[static_cast<std::size_t>(TraceViewKind::Events)] = new EventsView(&m_context, m_stack);
    for (std::size_t i = 1; i < m_pages.size(); ++i) {
        m_stack->addWidget(m_pages[i]);
        connect(m_pages[i], &TraceViewPage::spanActivated, this, &SpanView::spanActivated);
        connect(m_pages[i], &TraceViewPage::highlightRequested, this, &SpanView::highlightSpans);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_viewSwitch);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_legend);
    layout->addWidget(m_stack, 1);
    connect(m_viewSwitch, &QTabBar::currentChanged, this, [this](int i) { setCurrentView(static_cast<TraceViewKind>(i)); });

    connect(m_time, &TimeControl::visibleRangeChanged, m_tree, &SpanTreeView::updateTimeline);
    connect(m_time, &TimeControl::selectedSpanChanged, this, &SpanView::onSelectedSpanChanged);
    connect(m_tree, &SpanTreeView::zoomToSpanRequested, this, &SpanView::zoomToSpan);
    // A row chosen in the tree, by mouse or keys, is the selected span of every view and panel.
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectSpan(current.data(SpanTreeModel::SpanIndexRole).toInt());
    });
    connect(m_tree, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { emit spanActivated(index.data(SpanTreeModel::SpanIndexRole).toInt()); });
    connect(header, &QHeaderView::sectionResized, this, &SpanView::updateOverviewMargins);
    connect(header, &QHeaderView::geometriesChanged, this, &SpanView::updateOverviewMargins);
    for (const auto changed : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, changed, m_overview, qOverload<>(&QWidget::update));
    connect(m_model, &QAbstractItemModel::layoutChanged, m_overview, qOverload<>(&QWidget::update));
    connect(m_tree->verticalScrollBar(), &QScrollBar::rangeChanged, this, &SpanView::updateOverviewMargins);
    setFocusProxy(m_tree);
}

SpanView::~SpanView()
{
    // The tree reports resizes while it goes; let it go while this object can still hear them.
    delete m_tree;
}

void SpanView::setTrace(TracePtr trace)
{
    m_context.trace = trace;
    m_context.palette.setTrace(trace);
    const std::size_t n = trace ? trace->spanCount() : 0;
    m_context.onSelectedPath.assign(n, 0);
    cancelBackgroundSearch(); // its matches would be of the old trace
    m_context.matches.assign(n, 0);
    m_matchList.clear();
    m_currentMatch = -1;
    m_time->setSelectedSpan(-1);
    m_context.foldCount.clear();
    m_context.folded.clear();
    m_context.marks.clear();
    m_notes.clear();
    // A small trace opens fully expanded, a large one three levels deep.
    m_model->setTrace(trace, n < 5000 ? -1 : 2);
    if (m_foldRepeated)
        setFoldRepeatedCalls(true);
    m_time->setTraceRange(trace ? TimeRange{trace->startUs(), trace->endUs()} : TimeRange{0, 1});
    m_legend->setEntries(m_context.palette.legend());
    m_overview->invalidate();
    if (!m_searchEdit->text().isEmpty())
        setSearchText(m_searchEdit->text());
    if (trace && trace->primaryRoot() >= 0)
        selectSpan(trace->primaryRoot());
    updateOverviewMargins();
    for (TraceViewPage *p : m_pages) {
        if (p)
            p->traceChanged();
    }
}

QString SpanView::currentViewTitle() const
{
    return m_viewSwitch->tabText(static_cast<int>(m_currentView));
}

TraceViewPage *SpanView::page(TraceViewKind kind) const
{
    return m_pages[static_cast<std::size_t>(kind)];
}

void SpanView::setCurrentView(TraceViewKind kind)
{
    const int i = static_cast<int>(kind);
    if (i < 0 || i >= traceViewKindCount || kind == m_currentView)
        return;
    const bool focused = m_stack->currentWidget()->isAncestorOf(focusWidget()) || hasFocus();
    m_currentView = kind;
    {
        const QSignalBlocker block(m_viewSwitch);
        m_viewSwitch->setCurrentIndex(i);
    }
    m_stack->setCurrentIndex(i);
    QWidget *shown = kind == TraceViewKind::Timeline ? static_cast<QWidget *>(m_tree) : m_pages[static_cast<std::size_t>(i)];
    setFocusProxy(shown);
    if (focused)
        shown->setFocus();
    emit currentViewChanged(kind);
}

std::int32_t SpanView::selectedSpan() const
{
    return m_time->selectedSpan();
}

QModelIndex SpanView::viewIndex(std::int32_t spanIndex, int column) const
{
    return m_model->indexForSpan(spanIndex, column);
}

void SpanView::selectSpan(std::int32_t spanIndex)
{
    m_time->setSelectedSpan(spanIndex);
}

void SpanView::onSelectedSpanChanged(std::int32_t spanIndex)
{
    std::fill(m_context.onSelectedPath.begin(), m_context.onSelectedPath.end(), 0);
    if (m_context.trace && spanIndex >= 0 && static_cast<std::size_t>(spanIndex) < m_context.trace->spanCount()) {
        for (std::int32_t i = spanIndex; i != NoIndex; i = m_context.trace->span(static_cast<std::size_t>(i)).parent)
            m_context.onSelectedPath[static_cast<std::size_t>(i)] = 1;
        m_model->expandAncestors(spanIndex);
        const QModelIndex index = viewIndex(spanIndex);
        if (index.isValid() && m_tree->currentIndex().siblingAtColumn(0) != index)
            m_tree->setCurrentIndex(index);
        if (index.isValid())
            m_tree->scrollTo(index);
    }
    m_tree->viewport()->update();
    emit spanSelected(spanIndex);
}

void SpanView::zoomIn() { m_time->zoomIn(); }
void SpanView::zoomOut() { m_time->zoomOut(); }
void SpanView::fit() { m_time->fit(); }
void SpanView::back()
{
    TraceViewPage *p = m_pages[static_cast<std::size_t>(m_currentView)];
    if (!p || !p->back())
        m_time->back();
}

void SpanView::zoomToSpan(std::int32_t spanIndex)
{
    if (!m_context.trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= m_context.trace->spanCount())
        return;
    const Span &s = m_context.trace->span(static_cast<std::size_t>(spanIndex));
    // A little room either side so the bar's ends and label stay visible.
    const std::int64_t margin = std::max<std::int64_t>(1, s.durationUs / 20);
    m_time->setVisibleRange({s.startUs - margin, s.endUs() + margin});
}

void SpanView::expandAll() { m_model->expandAll(); }

void SpanView::collapseAll()
{
    m_model->collapseAll();
    std::int32_t i = selectedSpan();
    if (i < 0 || !m_context.trace)
        return;
    // Keep a visible row selected: the root of the selected span.
    while (m_context.trace->span(static_cast<std::size_t>(i)).parent != NoIndex)
        i = m_context.trace->span(static_cast<std::size_t>(i)).parent;
    selectSpan(i);
}

void SpanView::refresh()
{
    m_legend->setEntries(m_context.palette.legend());
    m_overview->invalidate();
    m_tree->viewport()->update();
    marksChanged();
}

void SpanView::setSpanNotes(std::vector<SpanNote> notes)
{
    m_notes = std::move(notes);
    m_context.marks.clear();
    if (m_context.trace && !m_notes.empty()) {
        m_context.marks.assign(m_context.trace->spanCount(), 0);
        for (const SpanNote &n : m_notes) {
            const std::int32_t i = m_context.trace->findSpan(n.spanId.toStdString());
            if (i < 0)
                continue;
            char &m = m_context.marks[static_cast<std::size_t>(i)];
            m = static_cast<char>(m | (n.bookmarked ? BookmarkMark : 0) | (n.text.trimmed().isEmpty() ? 0 : NoteMark));
        }
    }
    m_tree->viewport()->update();
    marksChanged();
}

void SpanView::marksChanged()
{
    for (TraceViewPage *p : m_pages) {
        if (p)
            p->marksChanged();
    }
}

void SpanView::setColorMode(ColorMode mode)
{
    m_context.palette.setMode(mode);
    refresh();
}

void SpanView::setShowCriticalPath(bool show)
{
    m_context.showCriticalPath = show;
    refresh();
}

void SpanView::setShowRawTimes(bool raw)
{
    m_context.showRawTimes = raw;
    refresh();
}

void SpanView::showSearch()
{
    m_searchBar->show();
    m_searchEdit->setFocus();
    m_searchEdit->selectAll();
}

int SpanView::setSearchText(const QString &text)
{
    if (m_searchEdit->text() != text) {
        const QSignalBlocker block(m_searchEdit);
        m_searchEdit->setText(text);
    }
    cancelBackgroundSearch();
    applySearch(m_context.trace ? findSpans(*m_context.trace, text) : std::vector<std::int32_t>{});
    return matchCount();
}

void SpanView::typeSearch(const QString &text)
{
    if (!m_context.trace || m_context.trace->spanCount() <= asyncSearchSpans || text.trimmed().isEmpty()) {
        setSearchText(text);
        return;
    }
    // A large trace: wait for a pause in the typing, then search in the background.
    cancelBackgroundSearch();
    m_searching = true;
    m_searchCount->setText(tr("searching…"));
    m_searchTimer->start();
}

bool SpanView::isSearching() const
{
    return m_searching;
}

void SpanView::cancelBackgroundSearch()
{
    m_searchTimer->stop();
    ++m_searchGeneration;
    if (m_searchCancel)
        m_searchCancel->store(true);
    m_searchCancel.reset();
    m_searching = false;
}

void SpanView::startBackgroundSearch()
{
    if (!m_context.trace)
        return;
    const std::uint64_t generation = ++m_searchGeneration;
    m_searchCancel = std::make_shared<std::atomic<bool>>(false);
    m_searching = true;
    // The worker holds its own references: the immutable trace, the text and the cancel flag.
    auto watcher = new QFutureWatcher<std::vector<std::int32_t>>(this);
    connect(watcher, &QFutureWatcher<std::vector<std::int32_t>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_searchGeneration)
            return; // superseded by newer typing, another search or another trace
        m_searchCancel.reset();
        m_searching = false;
        applySearch(watcher->future().takeResult());
    });
    watcher->setFuture(QtConcurrent::run([trace = m_context.trace, text = m_searchEdit->text(), cancel = m_searchCancel] {
        return findSpans(*trace, text, cancel.get());
    }));
}

void SpanView::markMatches(std::vector<std::int32_t> spans, bool expandAll)
{
    std::fill(m_context.matches.begin(), m_context.matches.end(), 0);
    m_matchList = std::move(spans);
    for (const std::int32_t i : m_matchList)
        m_context.matches[static_cast<std::size_t>(i)] = 1;
    m_currentMatch = -1;
    // The model reads m_context.matches (given once): with "Only matches" its rows change.
    if (m_model->showOnlyMatches()) {
        if (expandAll)
            m_model->expandAll();
        else
            m_model->refilter();
    }
    updateSearchLabel();
    m_tree->viewport()->update();
    marksChanged();
}

void SpanView::applySearch(std::vector<std::int32_t> found)
{
    markMatches(std::move(found), true);
    emit searchFinished(matchCount());
}

void SpanView::highlightSpans(const std::vector<std::int32_t> &spans)
{
    cancelBackgroundSearch(); // a search typed before must not replace these marks when it comes back
    std::vector<char> seen(m_context.matches.size(), 0);
    std::vector<std::int32_t> valid;
    for (const std::int32_t i : spans)
        if (i >= 0 && static_cast<std::size_t>(i) < seen.size() && !seen[static_cast<std::size_t>(i)]) {
            seen[static_cast<std::size_t>(i)] = 1;
            valid.push_back(i);
        }
    markMatches(std::move(valid), false);
    if (!m_matchList.empty())
        findNext();
}

void SpanView::setFoldRepeatedCalls(bool fold, const std::vector<RepeatedGroup> *groups)
{
    m_foldRepeated = fold;
    m_context.foldCount.clear();
    m_context.folded.clear();
    if (fold && m_context.trace) {
        const Trace &t = *m_context.trace;
        m_context.foldCount.assign(t.spanCount(), 0);
        m_context.folded.assign(t.spanCount(), 0);
        std::vector<std::int32_t> stack;
        std::vector<RepeatedGroup> found;
        if (!groups) {
            found = repeatedCalls(t);
            groups = &found;
        }
        for (const RepeatedGroup &g : *groups) {
            if (g.spans.size() < 2 || std::any_of(g.spans.begin(), g.spans.end(), [&t](std::int32_t i) {
                    return i < 0 || static_cast<std::size_t>(i) >= t.spanCount();
                }))
                continue;
            m_context.foldCount[static_cast<std::size_t>(g.spans.front())] = static_cast<std::int32_t>(g.spans.size());
            // The other calls go with their subtrees.
            stack.assign(g.spans.begin() + 1, g.spans.end());
            while (!stack.empty()) {
                const std::int32_t i = stack.back();
                stack.pop_back();
                m_context.folded[static_cast<std::size_t>(i)] = 1;
                const Span &s = t.span(static_cast<std::size_t>(i));
                stack.insert(stack.end(), t.childrenBegin(s), t.childrenEnd(s));
            }
        }
    }
    m_model->setHiddenSpans(fold ? &m_context.folded : nullptr);
    if (m_context.trace && m_context.trace->spanCount() < 5000)
        m_model->expandAll();
    if (selectedSpan() >= 0 && viewIndex(selectedSpan()).isValid())
        m_tree->setCurrentIndex(viewIndex(selectedSpan()));
    m_tree->viewport()->update();
    marksChanged();
}

void SpanView::updateSearchLabel()
{
    if (m_searchEdit->text().trimmed().isEmpty())
        m_searchCount->clear();
    else if (m_matchList.empty())
        m_searchCount->setText(tr("no matches"));
    else if (m_currentMatch < 0)
        m_searchCount->setText(tr("%n match(es)", nullptr, matchCount()));
    else
        m_searchCount->setText(tr("%1 of %2").arg(m_currentMatch + 1).arg(matchCount()));
}

void SpanView::findNext()
{
    if (m_matchList.empty())
        return;
    m_currentMatch = (m_currentMatch + 1) % matchCount();
    selectSpan(m_matchList[static_cast<std::size_t>(m_currentMatch)]);
    updateSearchLabel();
}

void SpanView::findPrevious()
{
    if (m_matchList.empty())
        return;
    m_currentMatch = m_currentMatch <= 0 ? matchCount() - 1 : m_currentMatch - 1;
    selectSpan(m_matchList[static_cast<std::size_t>(m_currentMatch)]);
    updateSearchLabel();
}

void SpanView::setShowOnlyMatches(bool only)
{
    if (m_onlyMatches->isChecked() != only) {
        const QSignalBlocker block(m_onlyMatches);
        m_onlyMatches->setChecked(only);
    }
    m_model->setShowOnlyMatches(only); // and expands every span
    if (selectedSpan() >= 0 && viewIndex(selectedSpan()).isValid())
        m_tree->setCurrentIndex(viewIndex(selectedSpan()));
}

QByteArray SpanView::saveHeaderState() const
{
    return m_tree->header()->saveState();
}

void SpanView::resetHeaderState()
{
    // The timeline takes what the name and the duration leave: most of the window. Self time, % of trace
    // and start are a right-click on the header away (self time is also in the Overview and the Span Table).
    QHeaderView *header = m_tree->header();
    header->resizeSection(SpanTreeModel::Name, defaultNameColumnWidth);
    for (const int c : {SpanTreeModel::Duration, SpanTreeModel::SelfTime, SpanTreeModel::PercentOfTrace, SpanTreeModel::StartOffset})
        header->resizeSection(c, 72);
    m_tree->setColumnHidden(SpanTreeModel::SelfTime, true);
    m_tree->setColumnHidden(SpanTreeModel::PercentOfTrace, true);
    m_tree->setColumnHidden(SpanTreeModel::StartOffset, true);
}

void SpanView::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_tree->header()->restoreState(state);
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder);
}

void SpanView::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (const int c : {SpanTreeModel::Duration, SpanTreeModel::SelfTime, SpanTreeModel::PercentOfTrace, SpanTreeModel::StartOffset}) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!m_tree->isColumnHidden(c));
        connect(a, &QAction::toggled, this, [this, c](bool on) { m_tree->setColumnHidden(c, !on); });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Tree order (no sorting)")), &QAction::triggered, this,
            [this] { m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder); m_model->sort(-1); });
    menu.exec(m_tree->header()->mapToGlobal(pos));
}

void SpanView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateOverviewMargins();
}

void SpanView::updateOverviewMargins()
{
    const QHeaderView *header = m_tree->header();
    const int left = m_tree->viewport()->mapTo(this, QPoint(header->sectionViewportPosition(SpanTreeModel::Timeline), 0)).x()
                   - m_overview->x();
    const int right = m_overview->width() - left - header->sectionSize(SpanTreeModel::Timeline);
    m_overview->setAxisMargins(std::max(0, left), std::max(0, right));
}

} // namespace td
