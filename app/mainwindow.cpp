#include "mainwindow.h"
#include "plaintooltip.h"

#include "compareview.h"
#include "connectionprofiles.h"
#include "detailsdock.h"
#include "libraryview.h"
#include "notespanel.h"
#include "preferencesdialog.h"
#include "tracelibrary.h"
#include "exportdialog.h"
#include "remotetraceopener.h"
#include "searchpage.h"
#include "startpage.h"
#include "tokenstore.h"

#include "analysisview.h"
#include "annotationspanel.h"
#include "endpointspanel.h"
#include "iplatformpanel.h"
#include "overviewpanel.h"
#include "problemspanel.h"
#include "rawjsonpanel.h"
#include "searchresultsview.h"
#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "tagspanel.h"
#include "timecontrol.h"
#include "traceloadcontroller.h"

#include <QAction>
#include <QComboBox>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QtConcurrentRun>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>

namespace td {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tokens(new TokenStore(this))
    , m_opener(new RemoteTraceOpener(m_tokens, this))
    , m_loader(new TraceLoadController(this))
    , m_stack(new QStackedWidget(this))
    , m_startPage(new StartPage(m_stack))
    , m_tabs(new QTabWidget(m_stack))
{
    setWindowTitle(tr("TraceDesk"));
    setAcceptDrops(true);
    m_tabs->setObjectName(QStringLiteral("traceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    m_tabs->tabBar()->installEventFilter(this); // middle click closes a tab
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_startPage, &StartPage::openFileRequested, this, &MainWindow::openDialog);
    connect(m_startPage, &StartPage::openTraceIdRequested, m_opener, &RemoteTraceOpener::openTraceIdDialog);
    connect(m_startPage, &StartPage::openSampleRequested, this, &MainWindow::openSample);
    connect(m_startPage, &StartPage::searchRequested, this, [this] { showSearchPage(); });
    connect(m_startPage, &StartPage::recentFileRequested, this, &MainWindow::openFile);
    connect(m_startPage, &StartPage::recentTraceIdRequested, m_opener, &RemoteTraceOpener::fetchWithProfile);
    connect(m_startPage->libraryView(), &LibraryView::openRequested, this, &MainWindow::openLibraryEntry);
    connect(m_startPage->libraryView(), &LibraryView::compareRequested, this, &MainWindow::compareLibraryEntries);
    connect(this, &MainWindow::traceShown, this, &MainWindow::showPendingCompare);
    connect(m_opener, &RemoteTraceOpener::traceFetched, this, &MainWindow::onTraceFetched);
    // Traces opened from the Search tab are fetched one after the other, failed ones included.
    connect(m_opener, &RemoteTraceOpener::traceFetched, this, &MainWindow::fetchNextQueued, Qt::QueuedConnection);
    connect(m_opener, &RemoteTraceOpener::fetchFailed, this, &MainWindow::fetchNextQueued, Qt::QueuedConnection);
    connect(m_opener, &RemoteTraceOpener::fetchStarted, this, [this] { updateRecentMenus(); });

    connect(m_loader, &TraceLoadController::started, this, [this](const QString &path, quint64 total) {
        setLoading(true);
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        m_progress->setValue(0);
        m_progressLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    });
    connect(m_loader, &TraceLoadController::progress, this, [this](quint64 bytes, quint64 total, quint64 spans) {
        if (total > 0)
            m_progress->setValue(static_cast<int>(std::min<quint64>(1000, bytes * 1000 / total)));
        m_progressLabel->setText(tr("%1 of %2 read, %3 spans")
                                     .arg(QLocale().formattedDataSize(static_cast<qint64>(bytes)),
                                          QLocale().formattedDataSize(static_cast<qint64>(total)))
                                     .arg(spans));
    });
    connect(m_loader, &TraceLoadController::loaded, this, [this](const TracePtr &trace, const QString &path) {
        TraceSource source;
        source.filePath = QFileInfo(path).absoluteFilePath();
        if (path.startsWith(QLatin1Char(':')))
            source.filePath = path; // a resource keeps its ":/" path
        source.fileModified = m_loadingModified;
        addRecentFile(path);
        addTraceTab(trace, std::move(source));
    });
    connect(m_loader, &TraceLoadController::failed, this, &MainWindow::onLoadFailed);
    connect(m_loader, &TraceLoadController::cancelled, this, [this](const QString &path) {
        m_queuedFiles.clear();
        statusBar()->showMessage(tr("Opening %1 was cancelled").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(m_loader, &TraceLoadController::finished, this, [this] {
        setLoading(false);
        // Queued files (a drop of several) open one after the other, after this signal has been delivered.
        if (!m_queuedFiles.isEmpty())
            QMetaObject::invokeMethod(this, &MainWindow::openNextQueued, Qt::QueuedConnection);
    });
    connect(m_problems, &ProblemsPanel::spanRequested, this, [this](std::int32_t span) {
        if (SpanView *view = spanView())
            view->selectSpan(span);
    });

    readSettings();
    onCurrentTabChanged();
}

MainWindow::~MainWindow() = default;

QString MainWindow::sampleTracePath()
{
    return QStringLiteral(":/tracedesk/sample-trace.json");
}

SpanView *MainWindow::spanView() const
{
    return qobject_cast<SpanView *>(m_tabs->currentWidget());
}

void MainWindow::setCurrentTraceView(TraceViewKind kind)
{
    m_preferredView = kind;
    if (SpanView *v = spanView())
        v->setCurrentView(kind);
}

SpanView *MainWindow::spanViewAt(int index) const
{
    return qobject_cast<SpanView *>(m_tabs->widget(index));
}

TracePtr MainWindow::trace() const
{
    const SpanView *view = spanView();
    return view ? view->trace() : TracePtr();
}

TraceSource MainWindow::source() const
{
    return m_sources.value(m_tabs->currentWidget());
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

bool MainWindow::isStartPageShown() const
{
    return m_stack->currentWidget() == m_startPage;
}

QDockWidget *MainWindow::addPanelDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    addDockWidget(area, dock);
    if (auto *spanPanel = qobject_cast<SpanPanel *>(panel))
        m_panels.push_back(spanPanel);
    return dock;
}

void MainWindow::createDocks()
{
    m_overview = new OverviewPanel;
    m_iplatform = new IPlatformPanel;
    m_annotations = new AnnotationsPanel;
    m_endpoints = new EndpointsPanel;
    m_tags = new TagsPanel;
    m_tags->setCopyFilter(&filterCopiedText); // redaction, when it is on by default
    m_rawJson = new RawJsonPanel;
    m_problems = new ProblemsPanel;
    // The selected span's panels: one dock of tabs beside the timeline (which gets most of the window).
    m_details = new DetailsDock(this);
    m_details->addPanel(m_overview, tr("Overview"));
    m_details->addPanel(m_iplatform, tr("iplatform"));
    m_details->addPanel(m_tags, tr("Tags"));
    m_details->addPanel(m_annotations, tr("Annotations"));
    m_details->addPanel(m_endpoints, tr("Endpoints"));
    m_details->addPanel(m_rawJson, tr("Raw JSON"));
    m_notes = new NotesPanel;
    m_details->addPanel(m_notes, tr("Notes"));
    m_panels.push_back(m_notes);
    connect(m_notes, &NotesPanel::notesChanged, this, &MainWindow::refreshSpanNotes);
    addDockWidget(Qt::RightDockWidgetArea, m_details);
    for (SpanPanel *panel : std::initializer_list<SpanPanel *>{m_overview, m_iplatform, m_tags, m_annotations, m_endpoints, m_rawJson})
        m_panels.push_back(panel);
    m_problemsDock = addPanelDock(m_problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::BottomDockWidgetArea);
    m_problemsDock->hide();
    // Analysis: charts and tables for the current tab's trace, computed in the background.
    m_analysis = new AnalysisView;
    m_analysisDock = addPanelDock(m_analysis, tr("Analysis"), QStringLiteral("analysisDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_problemsDock, m_analysisDock);
    m_analysisDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_analysisDock->toggleViewAction()->setToolTip(tr("Time by service, statistics, repeated calls and errors (Ctrl+Shift+A)"));
    connect(this, &MainWindow::currentTraceChanged, m_analysis, [this](const TracePtr &current) {
        m_analysis->setTrace(current);
        m_analysis->setSelectedSpan(spanView() ? spanView()->selectedSpan() : -1);
        if (SpanView *view = spanView(); view && view->foldRepeatedCalls() != m_analysis->foldRepeatedCalls())
            view->setFoldRepeatedCalls(m_analysis->foldRepeatedCalls());
    });
    connect(m_analysis, &AnalysisView::foldRepeatedCallsChanged, this, [this](bool fold) {
        if (SpanView *view = spanView()) {
            // The dock has found the groups already when its analysis is of this trace.
            const TraceAnalysis &done = m_analysis->analysis();
            view->setFoldRepeatedCalls(fold, done.trace && done.trace == view->trace() ? &done.repeated : nullptr);
        }
    });
    connect(m_analysis, &AnalysisView::spanSelected, this, [this](std::int32_t span) {
        if (SpanView *view = spanView())
            view->selectSpan(span);
    });
    connect(m_analysis, &AnalysisView::spansHighlighted, this, [this](const std::vector<std::int32_t> &spans) {
        if (SpanView *view = spanView())
            view->highlightSpans(spans);
    });
    applyDefaultLayout();
}

// The timeline first, as in Jaeger and Perfetto: the details dock narrow on the right, the Analysis and
// Problems docks closed (the toolbar's Analysis button opens the first).
void MainWindow::applyDefaultLayout()
{
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_details), m_problemsDock, m_analysisDock}) {
        dock->setFloating(false);
        removeDockWidget(dock);
    }
    addDockWidget(Qt::RightDockWidgetArea, m_details);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_analysisDock);
    tabifyDockWidget(m_problemsDock, m_analysisDock);
    m_details->show();
    m_details->setCollapsed(false);
    m_details->tabs()->setCurrentWidget(m_overview);
    m_problemsDock->hide();
    m_analysisDock->hide();
    m_details->setExpandedWidth(defaultDetailsWidth);
    resizeDocks({m_details}, {defaultDetailsWidth}, Qt::Horizontal);
    resizeDocks({m_analysisDock}, {280}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    applyDefaultLayout();
    m_headerState.clear();
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *view = qobject_cast<SpanView *>(m_tabs->widget(i)))
            view->resetHeaderState();
}

namespace {

// Our keys plus the platform's for a standard action, each once: a key listed twice is ambiguous and does nothing.
QList<QKeySequence> withStandard(QList<QKeySequence> keys, QKeySequence::StandardKey standard)
{
    for (const QKeySequence &k : QKeySequence::keyBindings(standard))
        if (!keys.contains(k))
            keys.append(k);
    return keys;
}

} // namespace

void MainWindow::createMenus()
{
    // View and Edit actions act on the current tab; they are disabled while the start page is shown.
    const auto onView = [this](void (SpanView::*slot)()) {
        return [this, slot] {
            if (SpanView *view = spanView())
                (view->*slot)();
        };
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *openId = file->addAction(tr("Open Trace &ID…"), m_opener, &RemoteTraceOpener::openTraceIdDialog);
    openId->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *searchAction = file->addAction(tr("Searc&h Traces…"), this, [this] { showSearchPage(); });
    searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    searchAction->setObjectName(QStringLiteral("searchTracesAction"));
    file->addAction(tr("Open the &Sample Trace"), this, &MainWindow::openSample);
    file->addAction(tr("&Connections…"), this, [this] {
        m_opener->manageConnections();
        updateStatus(); // the toolbar's profile may have been renamed or removed
        updateRecentMenus();
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentIdsMenu = file->addMenu(tr("Recent &Trace IDs"));
    connect(m_recentIdsMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenus);
    m_saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    QAction *compareAction = file->addAction(tr("Co&mpare…"), this, &MainWindow::openCompareDialog);
    compareAction->setObjectName(QStringLiteral("compareAction"));
    QAction *exportAction = file->addAction(tr("&Export…"), this, [this] {
        if (CompareView *compare = compareView())
            exportFromCompare(this, compare);
        else
            exportFromView(this, spanView());
    });
    m_exportAction = exportAction;
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportNotesAction = file->addAction(tr("Export &Notes…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Notes"), suggestedNotesPath(), tr("Notes (*.notes.json *.json)"));
        if (!path.isEmpty() && !exportNotes(path))
            QMessageBox::warning(this, tr("Export Notes"), m_lastError);
    });
    QAction *importNotesAction = file->addAction(tr("&Import Notes…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Notes"), suggestedNotesPath(), tr("Notes (*.notes.json *.json)"));
        if (!path.isEmpty() && !importNotes(path))
            QMessageBox::warning(this, tr("Import Notes"), m_lastError);
    });
    m_closeTabAction = file->addAction(tr("&Close Tab"), this, &MainWindow::closeCurrentTab);
    m_closeTabAction->setShortcuts(withStandard({QKeySequence(Qt::CTRL | Qt::Key_W)}, QKeySequence::Close));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"), this, onView(&SpanView::showSearch));
    find->setShortcut(QKeySequence::Find);
    QAction *next = edit->addAction(tr("Find &Next"), this, onView(&SpanView::findNext));
    next->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *prev = edit->addAction(tr("Find &Previous"), this, onView(&SpanView::findPrevious));
    prev->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, onView(&SpanView::zoomIn));
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, onView(&SpanView::zoomOut));
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction *fit = view->addAction(tr("&Fit Whole Trace"), this, onView(&SpanView::fit));
    fit->setShortcut(QKeySequence(Qt::Key_F));
    m_backAction = view->addAction(tr("Zoom &Back"), this, onView(&SpanView::back));
    m_backAction->setShortcut(QKeySequence(Qt::Key_Backspace));
    m_backAction->setEnabled(false);
    QAction *zoomSpan = view->addAction(tr("Zoom to &Span"), this, [this] {
        if (SpanView *v = spanView())
            v->zoomToSpan(v->selectedSpan());
    });
    zoomSpan->setShortcut(QKeySequence(Qt::Key_Z));
    view->addSeparator();
    // The views of the trace, as the switch above the timeline; keys 1-5 (typing in a field is not taken).
    auto *views = new QActionGroup(this);
    const QString viewNames[] = {tr("&Timeline"), tr("F&lame Graph"), tr("Span T&able"), tr("Trace &Graph"), tr("E&vents")};
    for (int i = 0; i < traceViewKindCount; ++i) {
        QAction *a = view->addAction(viewNames[i]);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::Key_1 + i));
        views->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { setCurrentTraceView(static_cast<TraceViewKind>(i)); });
        m_viewActions[static_cast<std::size_t>(i)] = a;
    }
    m_viewActions.front()->setChecked(true);
    view->addSeparator();
    QAction *expand = view->addAction(tr("&Expand All"), this, onView(&SpanView::expandAll));
    expand->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Asterisk));
    QAction *collapse = view->addAction(tr("&Collapse All"), this, onView(&SpanView::collapseAll));
    collapse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    view->addSeparator();
    auto *colours = new QActionGroup(this);
    m_byServiceAction = view->addAction(tr("Colour by &Service"), this, [this] {
        if (SpanView *v = spanView())
            v->setColorMode(ColorMode::Service);
    });
    m_byComponentAction = view->addAction(tr("Colour by Co&mponent"), this, [this] {
        if (SpanView *v = spanView())
            v->setColorMode(ColorMode::Component);
    });
    for (QAction *a : {m_byServiceAction, m_byComponentAction}) {
        a->setCheckable(true);
        colours->addAction(a);
    }
    m_byServiceAction->setChecked(true);
    m_criticalAction = view->addAction(tr("Show &Critical Path"));
    m_criticalAction->setCheckable(true);
    m_criticalAction->setShortcut(QKeySequence(Qt::Key_C));
    connect(m_criticalAction, &QAction::triggered, this, [this](bool on) {
        if (SpanView *v = spanView())
            v->setShowCriticalPath(on);
    });
    m_rawAction = view->addAction(tr("&Raw Times (no clock-skew correction)"));
    m_rawAction->setCheckable(true);
    m_rawAction->setShortcut(QKeySequence(Qt::Key_R));
    connect(m_rawAction, &QAction::triggered, this, [this](bool on) {
        if (SpanView *v = spanView())
            v->setShowRawTimes(on);
    });
    view->addSeparator();
    QAction *nextTab = view->addAction(tr("Next &Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    nextTab->setShortcuts(withStandard({QKeySequence(Qt::CTRL | Qt::Key_PageDown)}, QKeySequence::NextChild));
    QAction *prevTab = view->addAction(tr("Pre&vious Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    prevTab->setShortcuts(withStandard({QKeySequence(Qt::CTRL | Qt::Key_PageUp)}, QKeySequence::PreviousChild));
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
    QAction *collapseDetails = view->addAction(tr("Collapse &Details"));
    collapseDetails->setCheckable(true);
    collapseDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(collapseDetails, &QAction::triggered, m_details, [this](bool on) {
        m_details->show();
        m_details->setCollapsed(on);
    });
    connect(m_details, &DetailsDock::collapsedChanged, collapseDetails, &QAction::setChecked);
    view->addAction(tr("Reset &Layout"), this, &MainWindow::resetLayout);

    m_traceActions = {m_saveAsAction, m_closeTabAction, find, next, prev, zoomIn, zoomOut, fit, zoomSpan, expand,
                      collapse, m_byServiceAction, m_byComponentAction, m_criticalAction, m_rawAction, nextTab, prevTab};
    for (QAction *a : m_viewActions)
        m_traceActions << a;
    // Export for incident reports: Copy Image in the Edit menu, next to Find.
    QAction *copyImage = new QAction(tr("Copy &Image"), this);
    copyImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyImage, &QAction::triggered, this, [this] { copyViewImage(this, spanView()); });
    edit->insertAction(find, copyImage);
    edit->insertSeparator(find);
    QAction *bookmark = edit->addAction(tr("&Bookmark Span"), this, [this] { m_notes->toggleBookmark(); });
    bookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QAction *note = edit->addAction(tr("&Note on Span…"), this, [this] {
        m_details->showPanel(m_notes);
        m_notes->noteEdit()->setFocus();
    });
    note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_traceActions << exportAction << copyImage << bookmark << note << exportNotesAction << importNotesAction;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About TraceDesk"), this, &MainWindow::showAbout);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Open…"), this, &MainWindow::openDialog)->setToolTip(tr("Open a trace file (Ctrl+O)"));
    bar->addAction(tr("Open Trace ID…"), m_opener, &RemoteTraceOpener::openTraceIdDialog)
        ->setToolTip(tr("Fetch a trace by id, choosing the profile (Ctrl+T)"));
    bar->addAction(m_analysisDock->toggleViewAction());
    bar->addSeparator();

    m_traceIdBox = new QLineEdit(bar);
    m_traceIdBox->setObjectName(QStringLiteral("traceIdBox"));
    m_traceIdBox->setPlaceholderText(tr("Trace ID…"));
    m_traceIdBox->setClearButtonEnabled(true);
    m_traceIdBox->setMaximumWidth(300);
    m_traceIdBox->setMinimumWidth(180);
    m_traceIdBox->setToolTip(tr("Paste a trace id and press Enter to fetch it"));
    connect(m_traceIdBox, &QLineEdit::returnPressed, this, [this] {
        if (fetchTraceId(m_traceIdBox->text()))
            m_traceIdBox->selectAll();
    });
    bar->addWidget(m_traceIdBox);

    // Which profile the box fetches with, and a way to pick another.
    m_profileButton = new QToolButton(bar);
    m_profileButton->setObjectName(QStringLiteral("traceIdProfile"));
    m_profileButton->setPopupMode(QToolButton::InstantPopup);
    m_profileButton->setToolTip(tr("The connection profile the trace id is fetched with"));
    auto *profiles = new QMenu(m_profileButton);
    connect(profiles, &QMenu::aboutToShow, this, [this, profiles] {
        profiles->clear();
        QSettings settings;
        const QString current = toolbarProfile();
        for (const ConnectionProfile &p : ConnectionProfiles::load(settings)) {
            QAction *a = profiles->addAction(p.name);
            a->setCheckable(true);
            a->setChecked(p.name == current);
            connect(a, &QAction::triggered, this, [this, name = p.name] {
                m_chosenProfile = name;
                updateStatus();
            });
        }
        if (!profiles->isEmpty())
            profiles->addSeparator();
        profiles->addAction(tr("Connections…"), this, [this] {
            m_opener->manageConnections();
            updateStatus();
        });
    });
    m_profileButton->setMenu(profiles);
    bar->addWidget(m_profileButton);
}

void MainWindow::createStatusBar()
{
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_problemsButton = new QPushButton(this);
    m_problemsButton->setFlat(true);
    m_problemsButton->setToolTip(tr("Show the problems met reading this trace"));
    connect(m_problemsButton, &QPushButton::clicked, this, [this] {
        m_problemsDock->show();
        m_problemsDock->raise();
    });
    m_progressLabel = new QLabel(this);
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setText(tr("Cancel"));
    connect(m_cancelButton, &QToolButton::clicked, m_loader, &TraceLoadController::cancel);
    statusBar()->addWidget(m_summaryLabel, 1);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_problemsButton);
    setLoading(false);
}

void MainWindow::setLoading(bool loading)
{
    m_progressLabel->setVisible(loading);
    m_progress->setVisible(loading);
    m_cancelButton->setVisible(loading);
}

void MainWindow::openFile(const QString &path)
{
    m_queuedFiles.clear();
    m_openingBatch = false;
    startLoad(path);
}

void MainWindow::openFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_queuedFiles += paths;
    m_openingBatch = true;
    if (!m_loader->isLoading())
        openNextQueued();
}

void MainWindow::openNextQueued()
{
    if (m_queuedFiles.isEmpty() || m_loader->isLoading())
        return;
    startLoad(m_queuedFiles.takeFirst());
}

void MainWindow::startLoad(const QString &path)
{
    if (!path.startsWith(QLatin1Char(':')))
        m_lastDirectory = QFileInfo(path).absolutePath();
    m_loadingModified = QFileInfo(path).lastModified();
    m_loader->load(path);
}

void MainWindow::openSample()
{
    openFile(sampleTracePath());
}

void MainWindow::showSearchPage(const QString &profileName, bool searchNow)
{
    if (!m_searchPage) {
        m_searchPage = new SearchPage(m_tokens, m_tabs);
        connect(m_searchPage, &SearchPage::openTracesRequested, this, &MainWindow::openTracesOfProfile);
        connect(m_searchPage->results(), &SearchResultsView::compareRequested, this, [this](const QString &a, const QString &b) {
            compareTracesOfProfile(m_searchPage->currentProfile(), a, b);
        });
        connect(m_searchPage, &SearchPage::searchFinished, this, &MainWindow::searchPageSearched);
        connect(m_searchPage, &SearchPage::manageConnectionsRequested, this, [this] {
            m_opener->manageConnections();
            m_searchPage->reloadProfiles();
            updateStatus();
        });
    } else {
        m_searchPage->reloadProfiles();
    }
    int index = m_tabs->indexOf(m_searchPage);
    if (index < 0) {
        index = m_tabs->insertTab(0, m_searchPage, QIcon::fromTheme(QStringLiteral("edit-find")), tr("Search"));
        m_tabs->setTabToolTip(index, tr("Search Zipkin, Jaeger or Tempo for traces"));
    }
    m_tabs->setCurrentIndex(index);
    onCurrentTabChanged();
    m_searchPage->serviceBox()->setFocus();
    if (!profileName.isEmpty() && !m_searchPage->selectProfile(profileName))
        m_searchPage->statusLabel()->setText(tr("There is no Zipkin, Jaeger or Tempo profile called \"%1\".").arg(profileName));
    else if (searchNow && !m_searchPage->currentProfile().isEmpty())
        m_searchPage->search();
    else if (searchNow)
        Q_EMIT searchPageSearched(); // nothing to search: say so now (a --screenshot waits for this)
}

void MainWindow::openTracesOfProfile(const QString &profileName, const QStringList &traceIds)
{
    if (traceIds.isEmpty())
        return;
    if (m_queuedProfile != profileName)
        m_queuedTraceIds.clear();
    m_queuedProfile = profileName;
    for (const QString &id : traceIds)
        if (!m_queuedTraceIds.contains(id))
            m_queuedTraceIds << id;
    if (!m_opener->isBusy())
        fetchNextQueued();
}

void MainWindow::fetchNextQueued()
{
    if (m_queuedTraceIds.isEmpty() || m_opener->isBusy())
        return;
    m_opener->fetchWithProfile(m_queuedProfile, m_queuedTraceIds.takeFirst());
}

void MainWindow::showTrace(const TracePtr &trace)
{
    if (!trace)
        return;
    TraceSource source;
    source.filePath = trace->sourcePath();
    source.bytes = trace->sourceBytes();
    addTraceTab(trace, std::move(source));
}

void MainWindow::onTraceFetched(const FetchResult &result)
{
    if (!result.load.trace)
        return;
    TraceSource source;
    source.profileName = result.request.profileName;
    source.projectId = result.request.projectId.trimmed();
    source.traceId = result.request.traceId.trimmed();
    source.host = result.request.baseUrl.host();
    source.bytes = result.load.trace->sourceBytes() ? result.load.trace->sourceBytes() : result.bytes;
    source.fetchedFrom = result.request.sourceName();
    addTraceTab(result.load.trace, std::move(source));
    if (!result.warnings.isEmpty())
        statusBar()->showMessage(result.warnings.join(QStringLiteral("; ")), 15000);
    updateRecentMenus();
}

bool MainWindow::openLibrary(const QString &path)
{
    auto library = std::make_unique<TraceLibrary>();
    const bool ok = library->open(path);
    if (ok)
        library->setCopyCapBytes(Preferences::load(QSettings()).libraryCopyCapBytes());
    else
        statusBar()->showMessage(tr("The library is off for this run: %1").arg(library->errorString()), 20000);
    m_startPage->libraryView()->setLibrary(library.get());
    m_notes->setLibrary(library.get());
    m_library = std::move(library);
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *view = qobject_cast<SpanView *>(m_tabs->widget(i)); view && view->trace())
            refreshSpanNotes(QString::fromUtf8(view->trace()->traceId().data(), static_cast<qsizetype>(view->trace()->traceId().size())));
    return ok;
}

TraceLibrary *MainWindow::library() const
{
    return m_library.get();
}

void MainWindow::recordInLibrary(const TracePtr &trace, const TraceSource &source)
{
    if (!m_library || !m_library->isOpen() || source.filePath == sampleTracePath())
        return;
    const QString where = source.isFetched() ? (source.fetchedFrom.isEmpty() ? source.host : source.fetchedFrom) : source.filePath;
    const QByteArrayView answer = source.isFetched() && source.bytes
        ? QByteArrayView(source.bytes->data(), static_cast<qsizetype>(source.bytes->size()))
        : QByteArrayView();
    if (!m_library->record(*trace, where, answer))
        statusBar()->showMessage(tr("The trace was not recorded in the library: %1").arg(m_library->errorString()), 15000);
    m_startPage->libraryView()->refresh();
}

void MainWindow::refreshSpanNotes(const QString &traceId)
{
    const std::vector<SpanNote> notes = m_library && m_library->isOpen() ? m_library->notes(traceId) : std::vector<SpanNote>{};
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *view = qobject_cast<SpanView *>(m_tabs->widget(i));
            view && view->trace() && QString::fromUtf8(view->trace()->traceId().data(), static_cast<qsizetype>(view->trace()->traceId().size())) == traceId)
            view->setSpanNotes(notes);
}

QString MainWindow::suggestedNotesPath() const
{
    const TraceSource s = source();
    if (!s.filePath.isEmpty() && !s.filePath.startsWith(QLatin1Char(':')))
        return QFileInfo(s.filePath).absolutePath() + QLatin1Char('/') + QFileInfo(s.filePath).completeBaseName() + QStringLiteral(".notes.json");
    const QString id = trace() ? QString::fromUtf8(trace()->traceId().data(), static_cast<qsizetype>(trace()->traceId().size())) : QString();
    return QDir(m_lastDirectory).filePath(QStringLiteral("trace-%1.notes.json").arg(id));
}

bool MainWindow::exportNotes(const QString &path)
{
    if (!trace() || !m_library || !m_library->isOpen()) {
        m_lastError = tr("Notes are kept in the library, which is off.");
        return false;
    }
    QSaveFile file(path);
    const QByteArray json = m_library->exportNotesJson(QString::fromUtf8(trace()->traceId().data(), static_cast<qsizetype>(trace()->traceId().size())));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        m_lastError = tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool MainWindow::importNotes(const QString &path)
{
    if (!trace() || !m_library || !m_library->isOpen()) {
        m_lastError = tr("Notes are kept in the library, which is off.");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("%1: cannot open: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QString traceId = QString::fromUtf8(trace()->traceId().data(), static_cast<qsizetype>(trace()->traceId().size()));
    int imported = 0;
    if (!m_library->importNotesJson(file.readAll(), traceId, &imported)) {
        m_lastError = QDir::toNativeSeparators(path) + QStringLiteral(": ") + m_library->errorString();
        return false;
    }
    refreshSpanNotes(traceId);
    m_notes->showSpan(trace(), spanView() ? spanView()->selectedSpan() : -1);
    statusBar()->showMessage(tr("%n note(s) imported", nullptr, imported), 8000);
    return true;
}

void MainWindow::openLibraryEntry(const LibraryEntry &entry)
{
    if (QFileInfo(entry.source).isFile()) {
        openFile(entry.source);
        return;
    }
    const QByteArray copy = m_library ? m_library->storedCopy(entry.traceId) : QByteArray();
    if (!copy.isEmpty()) {
        // Read in the background like a file; the tab is a fetched trace with the bytes as received.
        auto *watcher = new QFutureWatcher<LoadResult>(this);
        connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, entry] {
            watcher->deleteLater();
            const LoadResult result = watcher->result();
            if (!result.ok()) {
                onLoadFailed(entry.source, result.error, result.line, result.column);
                return;
            }
            TraceSource source;
            source.traceId = entry.traceId;
            source.profileName = entry.source.section(QLatin1Char('/'), 0, 0);
            source.fetchedFrom = entry.source;
            source.bytes = result.trace->sourceBytes();
            addTraceTab(result.trace, std::move(source));
            statusBar()->showMessage(tr("Opened the copy stored in the library on %1")
                                         .arg(QLocale().toString(entry.openedAt.toLocalTime(), QLocale::ShortFormat)), 10000);
        });
        auto bytes = std::make_shared<const std::string>(copy.toStdString());
        const QString name = tr("trace %1 (stored copy)").arg(entry.traceId);
        watcher->setFuture(QtConcurrent::run([bytes, name] { return loadTraceBytes(bytes, name); }));
        return;
    }
    // No file and no copy: fetch it again with the profile it came from, if there is one.
    const QString profile = entry.source.section(QLatin1Char('/'), 0, 0);
    QSettings settings;
    if (!entry.source.contains(QLatin1Char('/')) || !ConnectionProfiles::find(ConnectionProfiles::load(settings), profile)) {
        onLoadFailed(entry.source, tr("%1: the file is gone and the library keeps no copy of this trace").arg(entry.source), 0, 0);
        return;
    }
    m_opener->fetchWithProfile(profile, entry.traceId);
}

void MainWindow::addTraceTab(const TracePtr &trace, TraceSource source)
{
    if (!trace)
        return;
    // A new trace answers an earlier failed attempt; in a batch of files, each failure stays on screen.
    if (m_errorBox && !m_openingBatch) {
        m_errorBox->hide();
        m_lastError.clear();
    }
    if (const SpanView *current = spanView())
        m_headerState = current->saveHeaderState();

    auto *view = new SpanView(m_tabs);
    if (!m_headerState.isEmpty())
        view->restoreHeaderState(m_headerState);
    if (const SpanView *current = spanView())
        view->setColorMode(current->colorMode());
    else if (QSettings().value(QStringLiteral("view/colorMode")).toString() == QLatin1String("component"))
        view->setColorMode(ColorMode::Component); // the Preferences default for the first tab
    view->setTrace(trace);
    view->setCurrentView(m_preferredView);
    connect(view, &SpanView::currentViewChanged, this, [this, view](TraceViewKind kind) {
        if (view != spanView())
            return;
        m_preferredView = kind;
        m_viewActions[static_cast<std::size_t>(kind)]->setChecked(true);
    });
    connect(view, &SpanView::spanSelected, this, [this, view](std::int32_t span) {
        if (view == spanView())
            onSpanSelected(span);
    });
    connect(view, &SpanView::spanActivated, this, [this] { m_details->showPanel(m_overview); });
    connect(view->timeControl(), &TimeControl::historyChanged, this, [this, view](bool canGoBack) {
        if (view == spanView())
            m_backAction->setEnabled(canGoBack);
    });

    QString title;
    QString tip;
    if (source.isFetched()) {
        const QString id = source.traceId.isEmpty() ? QString::fromUtf8(trace->traceId().data(), static_cast<qsizetype>(trace->traceId().size()))
                                                    : source.traceId;
        title = tr("Trace %1").arg(id);
        const QString where = source.profileName.isEmpty() ? source.host : source.profileName;
        tip = source.projectId.isEmpty() ? tr("Trace %1, fetched with profile \"%2\"").arg(id, where)
                                         : tr("Trace %1, fetched with profile \"%2\" from project %3").arg(id, where, source.projectId);
    } else {
        title = source.filePath == sampleTracePath() ? tr("Sample trace") : QFileInfo(source.filePath).fileName();
        tip = QDir::toNativeSeparators(source.filePath);
    }
    recordInLibrary(trace, source);
    if (m_library && m_library->isOpen())
        view->setSpanNotes(m_library->notes(QString::fromUtf8(trace->traceId().data(), static_cast<qsizetype>(trace->traceId().size()))));
    m_sources.insert(view, std::move(source)); // removed in closeTab()
    const QSignalBlocker blocker(m_tabs); // one currentChanged, after the tab's title and source are set
    const int index = m_tabs->addTab(view, title);
    m_tabs->setTabToolTip(index, tip.toHtmlEscaped());
    m_tabs->setCurrentIndex(index);
    onCurrentTabChanged();
    emit traceShown(trace);
}

void MainWindow::closeTab(int index)
{
    QWidget *page = m_tabs->widget(index);
    if (!page)
        return;
    if (auto *view = qobject_cast<SpanView *>(page); view && page == m_tabs->currentWidget())
        m_headerState = view->saveHeaderState();
    m_sources.remove(page);
    m_tabs->removeTab(index); // emits currentChanged when the current tab goes
    if (page == m_searchPage)
        page->hide(); // kept with its form and results for the next File > Search Traces
    else
        page->deleteLater();
    if (m_tabs->count() == 0 && !isStartPageShown())
        onCurrentTabChanged();
}

void MainWindow::closeCurrentTab()
{
    if (m_tabs->currentIndex() >= 0)
        closeTab(m_tabs->currentIndex());
}

void MainWindow::onCurrentTabChanged()
{
    SpanView *view = spanView();
    const TracePtr current = view ? view->trace() : TracePtr();
    m_stack->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget *>(m_tabs) : m_startPage);
    // The Search tab uses the whole window; the span docks come back with the next trace tab.
    const bool searchShown = m_searchPage && m_tabs->currentWidget() == m_searchPage;
    if (searchShown && m_docksHiddenForSearch.isEmpty()) {
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            if (dock->isVisible()) {
                m_docksHiddenForSearch << dock;
                dock->hide();
            }
    } else if (!searchShown && !m_docksHiddenForSearch.isEmpty()) {
        for (QDockWidget *dock : std::as_const(m_docksHiddenForSearch))
            dock->show();
        m_docksHiddenForSearch.clear();
    }
    if (!view)
        updateRecentMenus();
    for (QAction *a : std::as_const(m_traceActions))
        a->setEnabled(view != nullptr);
    m_exportAction->setEnabled(view || compareView());
    m_backAction->setEnabled(view && view->timeControl()->canGoBack());
    if (view) {
        (view->colorMode() == ColorMode::Component ? m_byComponentAction : m_byServiceAction)->setChecked(true);
        m_criticalAction->setChecked(view->showCriticalPath());
        m_rawAction->setChecked(view->showRawTimes());
        m_viewActions[static_cast<std::size_t>(view->currentView())]->setChecked(true);
    }
    m_problems->setTrace(current);
    onSpanSelected(view ? view->selectedSpan() : -1);
    if (current) {
        const TraceSource src = source();
        const QString name = src.isFetched() ? m_tabs->tabText(m_tabs->currentIndex()) : QFileInfo(src.filePath).fileName();
        setWindowTitle(tr("%1 – TraceDesk").arg(name));
    } else {
        setWindowTitle(tr("TraceDesk"));
    }
    updateStatus();
    emit currentTraceChanged(current);
}

void MainWindow::onSpanSelected(std::int32_t spanIndex)
{
    const TracePtr current = trace();
    for (SpanPanel *panel : m_panels)
        panel->showSpan(current, spanIndex);
    if (m_analysis)
        m_analysis->setSelectedSpan(spanIndex);
}

QString MainWindow::statusSummary() const
{
    const TracePtr current = trace();
    if (const CompareView *compare = compareView())
        return tr("Comparing %1: %2 rows in both, %3 only in A, %4 only in B")
            .arg(compare->title())
            .arg(compare->compare().matchedCount())
            .arg(compare->compare().onlyACount())
            .arg(compare->compare().onlyBCount());
    if (!current)
        return tr("No trace open. Open a file (Ctrl+O), a trace id (Ctrl+T), or drop a file here.");
    const Trace &t = *current;
    QStringList parts;
    parts << tr("Trace %1").arg(QString::fromUtf8(t.traceId().data(), static_cast<qsizetype>(t.traceId().size())));
    if (const std::int32_t root = t.primaryRoot(); root >= 0) {
        const Span &r = t.span(static_cast<std::size_t>(root));
        parts << t.qstr(r.service) + QStringLiteral(" ") + t.qstr(r.name);
    }
    if (SpanPanel::utcDisplay())
        parts << SpanPanel::formatTimestamp(t.startUs(), true).left(23) + tr(" UTC (")
                     + SpanPanel::formatTimestamp(t.startUs(), false).mid(11, 12) + tr(" local)");
    else
        parts << SpanPanel::formatTimestamp(t.startUs(), false).left(23) + QStringLiteral(" (")
                     + SpanPanel::formatTimestamp(t.startUs(), true).mid(11, 12) + tr(" UTC)");
    parts << SpanTreeModel::formatDuration(static_cast<double>(t.durationUs()));
    const auto count = [](std::size_t n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    parts << count(t.realSpanCount(), tr("1 span"), tr("%1 spans"));
    parts << count(t.services().size(), tr("1 service"), tr("%1 services"));
    parts << count(t.errorCount(), tr("1 error"), tr("%1 errors"));
    parts << count(t.warningCount(), tr("1 warning"), tr("%1 warnings"));
    return parts.join(QStringLiteral("  ·  "));
}

void MainWindow::updateStatus()
{
    const QString summary = statusSummary();
    m_summaryLabel->setText(summary);
    m_summaryLabel->setToolTip(summary.toHtmlEscaped());
    const TracePtr current = trace();
    const int problems = current ? static_cast<int>(current->problems().size()) : 0;
    m_problemsButton->setText(problems == 0 ? tr("No problems") : problems == 1 ? tr("1 problem…") : tr("%1 problems…").arg(problems));
    m_problemsButton->setVisible(current != nullptr);
    m_problemsButton->setEnabled(problems > 0);
    const QString profile = toolbarProfile();
    m_profileButton->setText(profile.isEmpty() ? tr("No profile") : profile);
}

void MainWindow::onLoadFailed(const QString &path, const QString &error, quint64 line, quint64 column)
{
    // The trace on screen stays; the message is not modal so it can be read beside it.
    m_lastError = error;
    if (!m_errorBox) {
        m_errorBox = new QMessageBox(QMessageBox::Warning, tr("Could not open the trace"), QString(), QMessageBox::Close, this);
        m_errorBox->setTextFormat(Qt::PlainText);
        m_errorBox->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_errorBox->setModal(false);
    }
    QString where = QDir::toNativeSeparators(path);
    if (line > 0)
        where += tr(", line %1, column %2").arg(line).arg(column);
    m_errorBox->setText(tr("TraceDesk could not open %1.").arg(QFileInfo(path).fileName()));
    m_errorBox->setInformativeText(where);
    m_errorBox->setDetailedText(error);
    m_errorBox->show();
    statusBar()->showMessage(error, 10000);
    emit loadFailed(error);
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Trace"), m_lastDirectory,
                                                      tr("Trace files (*.json *.jsonl *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::fetchTrace(const FetchRequest &request)
{
    m_opener->fetch(request);
}

QString MainWindow::toolbarProfile() const
{
    QSettings settings;
    const QList<ConnectionProfile> profiles = ConnectionProfiles::load(settings);
    if (profiles.isEmpty())
        return {};
    const QString candidates[] = {m_chosenProfile, source().profileName, ConnectionProfiles::lastUsedProfile(settings)};
    for (const QString &name : candidates)
        if (!name.isEmpty() && ConnectionProfiles::find(profiles, name))
            return name;
    return profiles.constFirst().name;
}

void MainWindow::refuseTraceId(const QString &message)
{
    statusBar()->showMessage(message, 8000);
    if (m_traceIdBox->isVisible())
        QToolTip::showText(m_traceIdBox->mapToGlobal(QPoint(0, m_traceIdBox->height())), plainToolTip(message), m_traceIdBox);
    m_traceIdBox->setFocus();
}

bool MainWindow::fetchTraceId(const QString &traceId)
{
    const QString id = traceId.trimmed();
    if (id.isEmpty()) {
        refuseTraceId(tr("Enter a trace id to fetch: the box is empty."));
        return false;
    }
    if (id.contains(QRegularExpression(QStringLiteral("\\s")))) {
        refuseTraceId(tr("A trace id has no spaces or line breaks inside: \"%1\". Paste a single id.").arg(id.left(80)));
        return false;
    }
    QString profile = toolbarProfile();
    if (profile.isEmpty()) {
        statusBar()->showMessage(tr("Add a connection profile to fetch trace %1.").arg(id), 8000);
        m_opener->manageConnections();
        profile = toolbarProfile();
        updateStatus();
        if (profile.isEmpty())
            return false;
    }
    {
        QSettings settings;
        const auto p = ConnectionProfiles::find(ConnectionProfiles::load(settings), profile);
        if (const QString problem = p ? p->validationError() : QString(); !problem.isEmpty()) {
            refuseTraceId(tr("Profile \"%1\": %2").arg(profile, problem));
            return false;
        }
        ConnectionProfiles::addRecentTraceId(settings, profile, id);
        ConnectionProfiles::setLastUsedProfile(settings, profile);
    }
    m_opener->fetchWithProfile(profile, id);
    return true;
}

void MainWindow::saveAs()
{
    if (!trace())
        return;
    const QString target = QFileDialog::getSaveFileName(this, tr("Save Trace As"), m_lastDirectory, tr("JSON files (*.json);;All files (*)"));
    if (target.isEmpty())
        return;
    QString error;
    if (saveTraceTo(target, &error)) {
        m_lastDirectory = QFileInfo(target).absolutePath();
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(target)), 5000);
    } else {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save As"), error, QMessageBox::Close, this);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

bool MainWindow::saveTraceTo(const QString &path, QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    const TracePtr current = trace();
    if (!current)
        return fail(tr("No trace is open."));
    const TraceSource src = source();
    // What was read is what is saved: the bytes received, or the file's bytes if it has not changed since.
    QByteArray bytes;
    if (src.bytes) {
        bytes = QByteArray(src.bytes->data(), static_cast<qsizetype>(src.bytes->size()));
    } else {
        QFile in(src.filePath);
        if (!in.open(QIODevice::ReadOnly))
            return fail(tr("Could not read %1: %2").arg(QDir::toNativeSeparators(src.filePath), in.errorString()));
        const QFileInfo info(src.filePath);
        if (static_cast<std::uint64_t>(in.size()) != current->sourceSize()
            || (src.fileModified.isValid() && info.lastModified() != src.fileModified))
            return fail(tr("%1 has changed since it was opened, so it is no longer the trace shown. Open it again to save it.")
                            .arg(QDir::toNativeSeparators(src.filePath)));
        bytes = in.readAll();
    }
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(src.filePath).absoluteFilePath())
        return true; // saving a file onto itself: it already holds these bytes
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    return true;
}

void MainWindow::showShortcuts()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard Shortcuts"),
                                tr("Up/Down\tmove between spans\n"
                                   "Left/Right\tcollapse / expand\n"
                                   "Enter\tshow the span's details\n"
                                   "+ / -\tzoom in / out\n"
                                   "Ctrl+wheel\tzoom around the mouse\n"
                                   "Shift+wheel, drag\tpan the timeline\n"
                                   "Drag on the ruler\tzoom to a range\n"
                                   "Double-click, Z\tzoom to the span\n"
                                   "F\tfit the whole trace\n"
                                   "Backspace\tzoom back\n"
                                   "C\tshow the critical path\n"
                                   "R\traw times (no skew correction)\n"
                                   "Ctrl+F, F3, Shift+F3\tfind, next, previous\n"
                                   "Ctrl+O\topen a trace file\n"
                                   "Ctrl+T\topen a trace by id\n"
                                   "Ctrl+W, middle click\tclose the tab\n"
                                   "Ctrl+Tab, Ctrl+PgDown/PgUp\tnext / previous tab\n"
                                   "Ctrl+C in Tags\tcopy the tag's value\n"
                                   "Ctrl+E\texport (PNG, SVG, PDF, Markdown)\n"
                                   "Ctrl+Shift+C\tcopy the timeline as an image\n"
                                   "1 to 5\ttimeline, flame graph, span table, trace graph, events\n"
                                   "Ctrl+Shift+A\tshow the Analysis dock\n"
                                   "Ctrl+Shift+D\tcollapse or show the details\n"
                                   "Ctrl+,\tPreferences"),
                                QMessageBox::Close, this);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About TraceDesk"),
                       tr("TraceDesk %1\nShows where the time went in a distributed trace and what failed.")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (path.startsWith(QLatin1Char(':')))
        return; // the bundled sample
    m_recentFiles.removeAll(absolute);
    m_recentFiles.prepend(absolute);
    while (m_recentFiles.size() > 10)
        m_recentFiles.removeLast();
    updateRecentMenus();
}

void MainWindow::updateRecentMenus()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recentFiles)) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());

    QSettings settings;
    QList<StartPage::ProfileIds> ids;
    m_recentIdsMenu->clear();
    for (const ConnectionProfile &p : ConnectionProfiles::load(settings)) {
        const QStringList recent = ConnectionProfiles::recentTraceIds(settings, p.name);
        if (recent.isEmpty())
            continue;
        ids.append({p.name, recent.mid(0, 8)});
        m_recentIdsMenu->addSection(p.name);
        for (const QString &id : recent.mid(0, 8)) {
            QAction *a = m_recentIdsMenu->addAction(id);
            connect(a, &QAction::triggered, this, [this, name = p.name, id] { m_opener->fetchWithProfile(name, id); });
        }
    }
    m_recentIdsMenu->setEnabled(!ids.isEmpty());
    m_startPage->setRecentFiles(m_recentFiles);
    m_startPage->setRecentTraceIds(ids);
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_details->setExpandedWidth(settings.value(QStringLiteral("window/detailsWidth"), defaultDetailsWidth).toInt());
    m_details->setCollapsed(settings.value(QStringLiteral("window/detailsCollapsed"), false).toBool());
    m_headerState = settings.value(QStringLiteral("spanView/header")).toByteArray();
    if (auto *splitter = m_tags->findChild<QSplitter *>(QStringLiteral("tagsSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("tags/splitter")).toByteArray());
    m_recentFiles = settings.value(QStringLiteral("files/recent")).toStringList();
    m_lastDirectory = settings.value(QStringLiteral("files/lastDirectory")).toString();
    updateRecentMenus();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/detailsCollapsed"), m_details->isCollapsed());
    settings.setValue(QStringLiteral("window/detailsWidth"), m_details->isCollapsed() ? m_details->expandedWidth() : m_details->width());
    settings.setValue(QStringLiteral("spanView/header"), spanView() ? spanView()->saveHeaderState() : m_headerState);
    if (const auto *splitter = m_tags->findChild<QSplitter *>(QStringLiteral("tagsSplitter")))
        settings.setValue(QStringLiteral("tags/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("files/recent"), m_recentFiles);
    settings.setValue(QStringLiteral("files/lastDirectory"), m_lastDirectory);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_queuedFiles.clear();
    m_loader->cancel();
    writeSettings();
    event->accept();
}

namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    return files;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    if (files.size() == 1)
        openFile(files.constFirst());
    else
        openFiles(files);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tabs->tabBar() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            const int index = m_tabs->tabBar()->tabAt(mouse->position().toPoint());
            if (index >= 0) {
                closeTab(index);
                return true;
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace td
