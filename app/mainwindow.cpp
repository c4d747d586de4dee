#include "mainwindow.h"
#include "plaintooltip.h"

#include "loadstatus.h"
#include "mainactions.h"
#include "recentfiles.h"
#include "tracesaver.h"

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
    , m_tabs(new TraceTabs(m_stack))
{
    setWindowTitle(tr("TraceDesk"));
    setAcceptDrops(true);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    m_actions = new MainActions(this);
    m_recent = new RecentFiles(m_actions->recentFilesMenu(), m_actions->recentTraceIdsMenu(), m_startPage, this);
    connect(m_recent, &RecentFiles::fileRequested, this, &MainWindow::openFile);
    connect(m_recent, &RecentFiles::traceIdRequested, m_opener, &RemoteTraceOpener::fetchWithProfile);
    createToolBar();
    m_status = new LoadStatus(statusBar(), m_loader);
    connect(m_status, &LoadStatus::problemsRequested, this, [this] {
        m_problemsDock->show();
        m_problemsDock->raise();
    });

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
    connect(m_opener, &RemoteTraceOpener::fetchStarted, m_recent, &RecentFiles::refresh);

    connect(m_loader, &TraceLoadController::loaded, this, [this](const TracePtr &trace, const QString &path) {
        TraceSource source;
        source.filePath = QFileInfo(path).absoluteFilePath();
        if (path.startsWith(QLatin1Char(':')))
            source.filePath = path; // a resource keeps its ":/" path
        source.fileModified = m_loadingModified;
        m_recent->add(path);
        addTraceTab(trace, std::move(source));
    });
    connect(m_loader, &TraceLoadController::failed, this, &MainWindow::onLoadFailed);
    connect(m_loader, &TraceLoadController::cancelled, this, [this](const QString &path) {
        m_queuedFiles.clear();
        statusBar()->showMessage(tr("Opening %1 was cancelled").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(m_loader, &TraceLoadController::finished, this, [this] {
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
    return m_tabs->currentSpanView();
}

void MainWindow::setCurrentTraceView(TraceViewKind kind)
{
    m_preferredView = kind;
    if (SpanView *v = spanView())
        v->setCurrentView(kind);
}

TracePtr MainWindow::trace() const
{
    const SpanView *view = spanView();
    return view ? view->trace() : TracePtr();
}

TraceSource MainWindow::source() const
{
    return m_tabs->currentSource();
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
    auto *iplatform = new IPlatformPanel;
    auto *annotations = new AnnotationsPanel;
    auto *endpoints = new EndpointsPanel;
    m_tags = new TagsPanel;
    m_tags->setCopyFilter(&filterCopiedText); // redaction, when it is on by default
    auto *rawJson = new RawJsonPanel;
    m_problems = new ProblemsPanel;
    // The selected span's panels: one dock of tabs beside the timeline (which gets most of the window).
    m_details = new DetailsDock(this);
    m_details->addPanel(m_overview, tr("Overview"));
    m_details->addPanel(iplatform, tr("iplatform"));
    m_details->addPanel(m_tags, tr("Tags"));
    m_details->addPanel(annotations, tr("Annotations"));
    m_details->addPanel(endpoints, tr("Endpoints"));
    m_details->addPanel(rawJson, tr("Raw JSON"));
    m_notes = new NotesPanel;
    m_details->addPanel(m_notes, tr("Notes"));
    m_panels.push_back(m_notes);
    connect(m_notes, &NotesPanel::notesChanged, this, &MainWindow::refreshSpanNotes);
    addDockWidget(Qt::RightDockWidgetArea, m_details);
    for (SpanPanel *panel : std::initializer_list<SpanPanel *>{m_overview, iplatform, m_tags, annotations, endpoints, rawJson})
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
    m_tabs->resetHeaderStates();
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
        profiles->addAction(tr("Connections…"), this, &MainWindow::manageConnections);
    });
    m_profileButton->setMenu(profiles);
    bar->addWidget(m_profileButton);
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
        m_recent->setLastDirectory(QFileInfo(path).absolutePath());
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
        m_tabs->setKeptPage(m_searchPage); // closing the tab keeps its form and results for the next time
        connect(m_searchPage, &SearchPage::openTracesRequested, this, &MainWindow::openTracesOfProfile);
        connect(m_searchPage->results(), &SearchResultsView::compareRequested, this, [this](const QString &a, const QString &b) {
            compareTracesOfProfile(m_searchPage->currentProfile(), a, b);
        });
        connect(m_searchPage, &SearchPage::searchFinished, this, &MainWindow::searchPageSearched);
        connect(m_searchPage, &SearchPage::manageConnectionsRequested, this, [this] {
            manageConnections();
            m_searchPage->reloadProfiles();
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
    m_recent->refresh();
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
    for (const SpanView *view : m_tabs->spanViews())
        if (view->trace())
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
    for (SpanView *view : m_tabs->spanViews())
        if (view->trace() && QString::fromUtf8(view->trace()->traceId().data(), static_cast<qsizetype>(view->trace()->traceId().size())) == traceId)
            view->setSpanNotes(notes);
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
    auto *view = new SpanView(m_tabs);
    if (const QByteArray header = m_tabs->headerState(); !header.isEmpty())
        view->restoreHeaderState(header);
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
        m_actions->setCurrentView(kind);
    });
    connect(view, &SpanView::spanSelected, this, [this, view](std::int32_t span) {
        if (view == spanView())
            onSpanSelected(span);
    });
    connect(view, &SpanView::spanActivated, this, [this] { m_details->showPanel(m_overview); });
    connect(view->timeControl(), &TimeControl::historyChanged, this, [this, view](bool canGoBack) {
        if (view == spanView())
            m_actions->setCanGoBack(canGoBack);
    });

    recordInLibrary(trace, source);
    if (m_library && m_library->isOpen())
        view->setSpanNotes(m_library->notes(QString::fromUtf8(trace->traceId().data(), static_cast<qsizetype>(trace->traceId().size()))));
    m_tabs->addTraceTab(view, *trace, std::move(source));
    emit traceShown(trace);
}

void MainWindow::closeTab(int index)
{
    m_tabs->closeTab(index);
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
        m_recent->refresh();
    m_actions->showTab(view, view || compareView());
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
    return LoadStatus::summaryOf(*current);
}

void MainWindow::updateStatus()
{
    m_status->showSummary(statusSummary(), trace().get());
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Trace"), m_recent->lastDirectory(),
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
    if (const TracePtr current = trace()) {
        QString directory = m_recent->lastDirectory();
        TraceSaver::saveAs(this, *current, source(), &directory, statusBar());
        m_recent->setLastDirectory(directory);
    }
}

void MainWindow::manageConnections()
{
    m_opener->manageConnections();
    updateStatus(); // the toolbar's profile may have been renamed or removed
    m_recent->refresh();
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_details->setExpandedWidth(settings.value(QStringLiteral("window/detailsWidth"), defaultDetailsWidth).toInt());
    m_details->setCollapsed(settings.value(QStringLiteral("window/detailsCollapsed"), false).toBool());
    m_tabs->setHeaderState(settings.value(QStringLiteral("spanView/header")).toByteArray());
    if (auto *splitter = m_tags->findChild<QSplitter *>(QStringLiteral("tagsSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("tags/splitter")).toByteArray());
    m_recent->read(settings);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/detailsCollapsed"), m_details->isCollapsed());
    settings.setValue(QStringLiteral("window/detailsWidth"), m_details->isCollapsed() ? m_details->expandedWidth() : m_details->width());
    settings.setValue(QStringLiteral("spanView/header"), m_tabs->headerState());
    if (const auto *splitter = m_tags->findChild<QSplitter *>(QStringLiteral("tagsSplitter")))
        settings.setValue(QStringLiteral("tags/splitter"), splitter->saveState());
    m_recent->write(settings);
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

} // namespace td
