#include "mainactions.h"

#include "compareview.h"
#include "detailsdock.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "notespanel.h"
#include "recentfiles.h"
#include "remotetraceopener.h"
#include "spanview.h"
#include "timecontrol.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>

namespace td {

namespace {

// Our keys plus the platform's for a standard action, each once: a key listed twice is ambiguous and does nothing.
QList<QKeySequence> withStandard(QList<QKeySequence> keys, QKeySequence::StandardKey standard)
{
    for (const QKeySequence &k : QKeySequence::keyBindings(standard))
        if (!keys.contains(k))
            keys.append(k);
    return keys;
}

// A slot for an action that acts on the current tab's span view, when there is one.
auto onView(MainWindow *w, void (SpanView::*slot)())
{
    return [w, slot] {
        if (SpanView *view = w->spanView())
            (view->*slot)();
    };
}

auto setOnView(MainWindow *w, void (SpanView::*slot)(bool))
{
    return [w, slot](bool on) {
        if (SpanView *view = w->spanView())
            (view->*slot)(on);
    };
}

} // namespace

MainActions::MainActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
}

void MainActions::createFileMenu()
{
    MainWindow *w = m_window;
    QMenu *file = w->menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), w, &MainWindow::openDialog)->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open Trace &ID…"), w->opener(), &RemoteTraceOpener::openTraceIdDialog)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    QAction *search = file->addAction(tr("Searc&h Traces…"), w, [w] { w->showSearchPage(); });
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    search->setObjectName(QStringLiteral("searchTracesAction"));
    file->addAction(tr("Open the &Sample Trace"), w, &MainWindow::openSample);
    file->addAction(tr("&Connections…"), w, &MainWindow::manageConnections);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentIdsMenu = file->addMenu(tr("Recent &Trace IDs"));
    QAction *saveAs = file->addAction(tr("Save &As…"), w, &MainWindow::saveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addAction(tr("Co&mpare…"), w, &MainWindow::openCompareDialog)->setObjectName(QStringLiteral("compareAction"));
    m_exportAction = file->addAction(tr("&Export…"), w, [w] {
        if (CompareView *compare = w->compareView())
            exportFromCompare(w, compare);
        else
            exportFromView(w, w->spanView());
    });
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportNotes = file->addAction(tr("Export &Notes…"), this, &MainActions::exportNotes);
    QAction *importNotes = file->addAction(tr("&Import Notes…"), this, &MainActions::importNotes);
    QAction *closeTab = file->addAction(tr("&Close Tab"), w, &MainWindow::closeCurrentTab);
    closeTab->setShortcuts(withStandard({QKeySequence(Qt::CTRL | Qt::Key_W)}, QKeySequence::Close));
    file->addSeparator();
    file->addAction(tr("&Quit"), w, &QWidget::close)->setShortcut(QKeySequence::Quit);
    m_traceActions << saveAs << m_exportAction << exportNotes << importNotes << closeTab;
}

void MainActions::createEditMenu()
{
    MainWindow *w = m_window;
    QMenu *edit = w->menuBar()->addMenu(tr("&Edit"));
    // Export for incident reports: Copy Image first, next to Find.
    QAction *copyImage = edit->addAction(tr("Copy &Image"), w, [w] { copyViewImage(w, w->spanView()); });
    copyImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find…"), w, onView(w, &SpanView::showSearch));
    find->setShortcut(QKeySequence::Find);
    QAction *next = edit->addAction(tr("Find &Next"), w, onView(w, &SpanView::findNext));
    next->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *prev = edit->addAction(tr("Find &Previous"), w, onView(w, &SpanView::findPrevious));
    prev->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), w, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    QAction *bookmark = edit->addAction(tr("&Bookmark Span"), w, [w] { w->notesPanel()->toggleBookmark(); });
    bookmark->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QAction *note = edit->addAction(tr("&Note on Span…"), w, [w] {
        w->detailsDock()->showPanel(w->notesPanel());
        w->notesPanel()->noteEdit()->setFocus();
    });
    note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_traceActions << copyImage << find << next << prev << bookmark << note;
}

void MainActions::createViewMenu()
{
    MainWindow *w = m_window;
    QMenu *view = w->menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), w, onView(w, &SpanView::zoomIn));
    zoomIn->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), w, onView(w, &SpanView::zoomOut));
    zoomOut->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction *fit = view->addAction(tr("&Fit Whole Trace"), w, onView(w, &SpanView::fit));
    fit->setShortcut(QKeySequence(Qt::Key_F));
    m_backAction = view->addAction(tr("Zoom &Back"), w, onView(w, &SpanView::back));
    m_backAction->setShortcut(QKeySequence(Qt::Key_Backspace));
    m_backAction->setEnabled(false);
    QAction *zoomSpan = view->addAction(tr("Zoom to &Span"), w, [w] {
        if (SpanView *v = w->spanView())
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
        connect(a, &QAction::triggered, w, [w, i] { w->setCurrentTraceView(static_cast<TraceViewKind>(i)); });
        m_viewActions[static_cast<std::size_t>(i)] = a;
    }
    m_viewActions.front()->setChecked(true);
    view->addSeparator();
    QAction *expand = view->addAction(tr("&Expand All"), w, onView(w, &SpanView::expandAll));
    expand->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Asterisk));
    QAction *collapse = view->addAction(tr("&Collapse All"), w, onView(w, &SpanView::collapseAll));
    collapse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    view->addSeparator();
    auto *colours = new QActionGroup(this);
    m_byServiceAction = view->addAction(tr("Colour by &Service"), w, [w] {
        if (SpanView *v = w->spanView())
            v->setColorMode(ColorMode::Service);
    });
    m_byComponentAction = view->addAction(tr("Colour by Co&mponent"), w, [w] {
        if (SpanView *v = w->spanView())
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
    connect(m_criticalAction, &QAction::triggered, w, setOnView(w, &SpanView::setShowCriticalPath));
    m_rawAction = view->addAction(tr("&Raw Times (no clock-skew correction)"));
    m_rawAction->setCheckable(true);
    m_rawAction->setShortcut(QKeySequence(Qt::Key_R));
    connect(m_rawAction, &QAction::triggered, w, setOnView(w, &SpanView::setShowRawTimes));
    view->addSeparator();
    QAction *nextTab = view->addAction(tr("Next &Tab"), w->tabs(), &TraceTabs::nextTab);
    nextTab->setShortcuts(withStandard({QKeySequence(Qt::CTRL | Qt::Key_PageDown)}, QKeySequence::NextChild));
    QAction *prevTab = view->addAction(tr("Pre&vious Tab"), w->tabs(), &TraceTabs::previousTab);
    prevTab->setShortcuts(withStandard({QKeySequence(Qt::CTRL | Qt::Key_PageUp)}, QKeySequence::PreviousChild));
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : w->findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
    QAction *collapseDetails = view->addAction(tr("Collapse &Details"));
    collapseDetails->setCheckable(true);
    collapseDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    DetailsDock *details = w->detailsDock();
    connect(collapseDetails, &QAction::triggered, details, [details](bool on) {
        details->show();
        details->setCollapsed(on);
    });
    connect(details, &DetailsDock::collapsedChanged, collapseDetails, &QAction::setChecked);
    view->addAction(tr("Reset &Layout"), w, &MainWindow::resetLayout);
    m_traceActions << zoomIn << zoomOut << fit << zoomSpan << expand << collapse << m_byServiceAction << m_byComponentAction
                   << m_criticalAction << m_rawAction << nextTab << prevTab;
    for (QAction *a : m_viewActions)
        m_traceActions << a;
}

void MainActions::createHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainActions::showShortcuts)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About TraceDesk"), this, &MainActions::showAbout);
}

void MainActions::showTab(const SpanView *view, bool canExport)
{
    for (QAction *a : std::as_const(m_traceActions))
        a->setEnabled(view != nullptr);
    m_exportAction->setEnabled(canExport);
    m_backAction->setEnabled(view && view->timeControl()->canGoBack());
    if (view) {
        (view->colorMode() == ColorMode::Component ? m_byComponentAction : m_byServiceAction)->setChecked(true);
        m_criticalAction->setChecked(view->showCriticalPath());
        m_rawAction->setChecked(view->showRawTimes());
        setCurrentView(view->currentView());
    }
}

void MainActions::setCurrentView(TraceViewKind kind)
{
    m_viewActions[static_cast<std::size_t>(kind)]->setChecked(true);
}

void MainActions::setCanGoBack(bool canGoBack)
{
    m_backAction->setEnabled(canGoBack);
}

QString MainActions::suggestedNotesPath() const
{
    const TraceSource s = m_window->source();
    if (!s.filePath.isEmpty() && !s.filePath.startsWith(QLatin1Char(':')))
        return QFileInfo(s.filePath).absolutePath() + QLatin1Char('/') + QFileInfo(s.filePath).completeBaseName() + QStringLiteral(".notes.json");
    const TracePtr t = m_window->trace();
    const QString id = t ? QString::fromUtf8(t->traceId().data(), static_cast<qsizetype>(t->traceId().size())) : QString();
    return QDir(m_window->recentFiles()->lastDirectory()).filePath(QStringLiteral("trace-%1.notes.json").arg(id));
}

void MainActions::exportNotes()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Notes"), suggestedNotesPath(), tr("Notes (*.notes.json *.json)"));
    if (!path.isEmpty() && !m_window->exportNotes(path))
        QMessageBox::warning(m_window, tr("Export Notes"), m_window->lastError());
}

void MainActions::importNotes()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Notes"), suggestedNotesPath(), tr("Notes (*.notes.json *.json)"));
    if (!path.isEmpty() && !m_window->importNotes(path))
        QMessageBox::warning(m_window, tr("Import Notes"), m_window->lastError());
}

void MainActions::showShortcuts()
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
                                QMessageBox::Close, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainActions::showAbout()
{
    QMessageBox::about(m_window, tr("About TraceDesk"),
                       tr("TraceDesk %1\nShows where the time went in a distributed trace and what failed.")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace td
