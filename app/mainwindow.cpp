#include "mainwindow.h"

#include "remotetraceopener.h"
#include "tokenstore.h"

#include "annotationspanel.h"
#include "endpointspanel.h"
#include "iplatformpanel.h"
#include "overviewpanel.h"
#include "problemspanel.h"
#include "rawjsonpanel.h"
#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "tagspanel.h"
#include "timecontrol.h"
#include "traceloadcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>

namespace td {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tokens(new TokenStore(this))
    , m_opener(new RemoteTraceOpener(m_tokens, this))
    , m_loader(new TraceLoadController(this))
    , m_spanView(new SpanView(this))
{
    setWindowTitle(tr("TraceDesk"));
    setAcceptDrops(true);
    setCentralWidget(m_spanView);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    createDocks();
    createMenus();
    createStatusBar();
    connect(m_opener, &RemoteTraceOpener::traceFetched, this, [this](const FetchResult &result) {
        showTrace(result.load.trace);
        if (!result.warnings.isEmpty())
            statusBar()->showMessage(result.warnings.join(QStringLiteral("; ")), 15000);
    });

    connect(m_spanView, &SpanView::spanSelected, this, &MainWindow::onSpanSelected);
    connect(m_spanView, &SpanView::spanActivated, this, [this] {
        m_overviewDock->show();
        m_overviewDock->raise();
    });
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
        addRecentFile(path);
        showTrace(trace);
    });
    connect(m_loader, &TraceLoadController::failed, this, &MainWindow::onLoadFailed);
    connect(m_loader, &TraceLoadController::cancelled, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Opening %1 was cancelled").arg(QFileInfo(path).fileName()), 5000); });
    connect(m_loader, &TraceLoadController::finished, this, [this] { setLoading(false); });
    connect(m_problems, &ProblemsPanel::spanRequested, m_spanView, &SpanView::selectSpan);

    readSettings();
    updateStatus();
}

MainWindow::~MainWindow() = default;

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
    m_rawJson = new RawJsonPanel;
    m_problems = new ProblemsPanel;
    m_overviewDock = addPanelDock(m_overview, tr("Overview"), QStringLiteral("overviewDock"), Qt::RightDockWidgetArea);
    QDockWidget *iplatform = addPanelDock(m_iplatform, tr("iplatform"), QStringLiteral("iplatformDock"), Qt::RightDockWidgetArea);
    QDockWidget *tags = addPanelDock(m_tags, tr("Tags"), QStringLiteral("tagsDock"), Qt::RightDockWidgetArea);
    QDockWidget *annotations = addPanelDock(m_annotations, tr("Annotations"), QStringLiteral("annotationsDock"), Qt::RightDockWidgetArea);
    QDockWidget *endpoints = addPanelDock(m_endpoints, tr("Endpoints"), QStringLiteral("endpointsDock"), Qt::RightDockWidgetArea);
    QDockWidget *raw = addPanelDock(m_rawJson, tr("Raw JSON"), QStringLiteral("rawJsonDock"), Qt::RightDockWidgetArea);
    m_problemsDock = addPanelDock(m_problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::BottomDockWidgetArea);
    // Overview and iplatform on top; the rest as tabs below.
    splitDockWidget(m_overviewDock, tags, Qt::Vertical);
    tabifyDockWidget(m_overviewDock, iplatform);
    tabifyDockWidget(tags, annotations);
    tabifyDockWidget(tags, endpoints);
    tabifyDockWidget(tags, raw);
    m_overviewDock->raise();
    tags->raise();
    m_problemsDock->hide();
    resizeDocks({m_overviewDock}, {430}, Qt::Horizontal);
    resizeDocks({m_overviewDock, tags}, {330, 420}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *openId = file->addAction(tr("Open Trace &ID…"), m_opener, &RemoteTraceOpener::openTraceIdDialog);
    openId->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    file->addAction(tr("&Connections…"), m_opener, &RemoteTraceOpener::manageConnections);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"), m_spanView, &SpanView::showSearch);
    find->setShortcut(QKeySequence::Find);
    QAction *next = edit->addAction(tr("Find &Next"), m_spanView, &SpanView::findNext);
    next->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *prev = edit->addAction(tr("Find &Previous"), m_spanView, &SpanView::findPrevious);
    prev->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), m_spanView, &SpanView::zoomIn);
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), m_spanView, &SpanView::zoomOut);
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction *fit = view->addAction(tr("&Fit Whole Trace"), m_spanView, &SpanView::fit);
    fit->setShortcut(QKeySequence(Qt::Key_F));
    QAction *back = view->addAction(tr("Zoom &Back"), m_spanView, &SpanView::back);
    back->setShortcut(QKeySequence(Qt::Key_Backspace));
    back->setEnabled(false);
    connect(m_spanView->timeControl(), &TimeControl::historyChanged, back, &QAction::setEnabled);
    QAction *zoomSpan = view->addAction(tr("Zoom to &Span"), this, [this] { m_spanView->zoomToSpan(m_spanView->selectedSpan()); });
    zoomSpan->setShortcut(QKeySequence(Qt::Key_Z));
    view->addSeparator();
    view->addAction(tr("&Expand All"), m_spanView, &SpanView::expandAll)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Asterisk));
    view->addAction(tr("&Collapse All"), m_spanView, &SpanView::collapseAll)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    view->addSeparator();
    auto *colours = new QActionGroup(this);
    QAction *byService = view->addAction(tr("Colour by &Service"), m_spanView, [this] { m_spanView->setColorMode(ColorMode::Service); });
    QAction *byComponent = view->addAction(tr("Colour by Co&mponent"), m_spanView, [this] { m_spanView->setColorMode(ColorMode::Component); });
    for (QAction *a : {byService, byComponent}) {
        a->setCheckable(true);
        colours->addAction(a);
    }
    byService->setChecked(true);
    QAction *critical = view->addAction(tr("Show &Critical Path"));
    critical->setCheckable(true);
    critical->setShortcut(QKeySequence(Qt::Key_C));
    connect(critical, &QAction::toggled, m_spanView, &SpanView::setShowCriticalPath);
    QAction *raw = view->addAction(tr("&Raw Times (no clock-skew correction)"));
    raw->setCheckable(true);
    raw->setShortcut(QKeySequence(Qt::Key_R));
    connect(raw, &QAction::toggled, m_spanView, &SpanView::setShowRawTimes);
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About TraceDesk"), this, &MainWindow::showAbout);
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
    m_lastDirectory = QFileInfo(path).absolutePath();
    m_loader->load(path);
}

void MainWindow::showTrace(const TracePtr &trace)
{
    if (!trace)
        return;
    m_trace = trace;
    if (m_errorBox)
        m_errorBox->hide();
    m_lastError.clear();
    m_spanView->setTrace(trace);
    m_problems->setTrace(trace);
    const QString name = trace->sourceName().isEmpty() ? trace->sourcePath() : trace->sourceName();
    setWindowTitle(tr("%1 – TraceDesk").arg(QFileInfo(name).fileName()));
    m_saveAsAction->setEnabled(true);
    onSpanSelected(m_spanView->selectedSpan());
    updateStatus();
    emit traceShown(trace);
}

void MainWindow::onSpanSelected(std::int32_t spanIndex)
{
    for (SpanPanel *panel : m_panels)
        panel->showSpan(m_trace, spanIndex);
}

QString MainWindow::statusSummary() const
{
    if (!m_trace)
        return tr("No trace open. Open a file (Ctrl+O) or drop one here.");
    const Trace &t = *m_trace;
    QStringList parts;
    parts << tr("Trace %1").arg(QString::fromUtf8(t.traceId().data(), static_cast<qsizetype>(t.traceId().size())));
    if (const std::int32_t root = t.primaryRoot(); root >= 0) {
        const Span &r = t.span(static_cast<std::size_t>(root));
        parts << t.qstr(r.service) + QStringLiteral(" ") + t.qstr(r.name);
    }
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
    const int problems = m_trace ? static_cast<int>(m_trace->problems().size()) : 0;
    m_problemsButton->setText(problems == 0 ? tr("No problems") : problems == 1 ? tr("1 problem…") : tr("%1 problems…").arg(problems));
    m_problemsButton->setVisible(m_trace != nullptr);
    m_problemsButton->setEnabled(problems > 0);
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

void MainWindow::saveAs()
{
    if (!m_trace)
        return;
    const QString target = QFileDialog::getSaveFileName(this, tr("Save Trace As"), m_lastDirectory, tr("JSON files (*.json);;All files (*)"));
    if (target.isEmpty())
        return;
    // The source bytes, unchanged: what was opened is what is saved.
    QByteArray bytes;
    if (const auto &kept = m_trace->sourceBytes()) {
        bytes = QByteArray(kept->data(), static_cast<qsizetype>(kept->size()));
    } else {
        QFile in(m_trace->sourcePath());
        if (!in.open(QIODevice::ReadOnly)) {
            QMessageBox::warning(this, tr("Save As"), tr("Could not read %1: %2").arg(m_trace->sourcePath(), in.errorString()));
            return;
        }
        bytes = in.readAll();
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        QMessageBox::warning(this, tr("Save As"), tr("Could not write %1: %2").arg(target, out.errorString()));
    else
        statusBar()->showMessage(tr("Saved %1").arg(target), 5000);
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
                                   "Ctrl+O\topen a trace file"),
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
    if (absolute.startsWith(QLatin1Char(':')))
        return; // the bundled sample
    m_recentFiles.removeAll(absolute);
    m_recentFiles.prepend(absolute);
    while (m_recentFiles.size() > 10)
        m_recentFiles.removeLast();
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recentFiles)) {
        QAction *a = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!m_recentFiles.isEmpty());
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 820);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_spanView->restoreHeaderState(settings.value(QStringLiteral("spanView/header")).toByteArray());
    if (auto *splitter = m_tags->findChild<QSplitter *>(QStringLiteral("tagsSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("tags/splitter")).toByteArray());
    m_recentFiles = settings.value(QStringLiteral("files/recent")).toStringList();
    m_lastDirectory = settings.value(QStringLiteral("files/lastDirectory")).toString();
    updateRecentMenu();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("spanView/header"), m_spanView->saveHeaderState());
    if (const auto *splitter = m_tags->findChild<QSplitter *>(QStringLiteral("tagsSplitter")))
        settings.setValue(QStringLiteral("tags/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("files/recent"), m_recentFiles);
    settings.setValue(QStringLiteral("files/lastDirectory"), m_lastDirectory);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_loader->cancel();
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile()) {
        openFile(urls.constFirst().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace td
