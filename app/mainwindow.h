#pragma once

#include "trace.h"
#include "tracetabs.h"
#include "traceviewkind.h"

#include <QMainWindow>
#include <QUrl>

#include <memory>

class QDockWidget;
class QLineEdit;
class QMessageBox;
class QStackedWidget;
class QToolButton;

namespace td {

class TokenStore;
class RemoteTraceOpener;
class SearchPage;
struct FetchRequest;
struct FetchResult;

class OverviewPanel;
class ProblemsPanel;
class AnalysisView;
class CompareView;
class TraceLibrary;
struct LibraryEntry;
class DetailsDock;
class NotesPanel;
class SpanPanel;
class SpanView;
class StartPage;
class TagsPanel;
class TraceLoadController;
class MainActions;
class LoadStatus;
class RecentFiles;

// The TraceDesk window: one tab per open trace (each with its own span tree and timeline, zoom, selection
// and search), a start page when no tab is open, detail docks and a status bar that follow the current tab,
// and file loading in the background.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The current tab's trace and view; null while the start page is shown (no tab open).
    TracePtr trace() const;
    SpanView *spanView() const;
    // Where the current tab's trace came from; a default TraceSource when no tab is open.
    TraceSource source() const;

    // The tabs: one per open trace, compare tabs and the Search tab.
    TraceTabs *tabs() const { return m_tabs; }
    // Shows this view of the trace in the current tab; new tabs open on it too (View > Timeline … Events, 1-5).
    void setCurrentTraceView(TraceViewKind kind);
    bool isStartPageShown() const;

    RemoteTraceOpener *opener() const { return m_opener; }
    DetailsDock *detailsDock() const { return m_details; }
    NotesPanel *notesPanel() const { return m_notes; }
    RecentFiles *recentFiles() const { return m_recent; }
    // The local library (SQLite) that records every trace shown and keeps notes. The command line opens
    // TraceLibrary::defaultPath() unless --no-library; without it nothing is recorded. A file that cannot be
    // used leaves the library off for this run (the start page and the status bar say why) and is not touched.
    bool openLibrary(const QString &path);
    TraceLibrary *library() const;
    // Opens a library entry: its file, else the stored copy of the answer, else fetches it again.
    void openLibraryEntry(const LibraryEntry &entry);
    // The current trace's notes and bookmarks as JSON beside the trace (File > Export Notes / Import Notes);
    // false with lastError() set when they could not be written or read.
    bool exportNotes(const QString &path);
    bool importNotes(const QString &path);
    // The docks as a new window has them (View > Reset Layout): details on the right, Analysis closed.
    void resetLayout();
    static constexpr int defaultDetailsWidth = 280;
    // The last load error as shown (file, line:column, what), empty when none is shown.
    QString lastError() const { return m_lastError; }
    // The status bar's line about the current tab.
    QString statusSummary() const;
    // The profile the toolbar's trace-id box fetches with: the current tab's, else the last used, else the
    // first one; empty when there is no profile.
    QString toolbarProfile() const;

    // Compare (File > Compare…, two rows of the library or of the Search tab, --compare A B): each trace
    // opens in its tab as usual (unless it is open already), then a compare tab shows the two. A key is an
    // absolute file path or a trace id.
    CompareView *showCompare(const TracePtr &a, const TracePtr &b, const QString &nameA, const QString &nameB);
    void compareFiles(const QString &pathA, const QString &pathB);
    void compareLibraryEntries(const LibraryEntry &a, const LibraryEntry &b);
    void compareTracesOfProfile(const QString &profileName, const QString &traceIdA, const QString &traceIdB);
    void openCompareDialog();
    CompareView *compareView() const;

    // The bundled sample trace (a Qt resource path).
    static QString sampleTracePath();

public slots:
    // Opens a file in a new tab once it is read; a load already running is superseded.
    void openFile(const QString &path);
    // Opens several files one after the other, each in its own tab (a drop of several files).
    void openFiles(const QStringList &paths);
    void openSample();
    // File > Open…: a file dialog in the last folder used.
    void openDialog();
    // File > Save As…: the current trace exactly as read or received (TraceSaver).
    void saveAs();
    // File > Connections…: the profiles dialog; the toolbar and recent ids follow its changes.
    void manageConnections();
    // File > Search Traces: the Search tab (Zipkin, Jaeger, Tempo), opened or brought to the front.
    // With a profile name, that profile is chosen; with searchNow, the search runs at once.
    void showSearchPage(const QString &profileName = QString(), bool searchNow = false);
    // Fetches these traces of a profile one after the other, each into its own tab.
    void openTracesOfProfile(const QString &profileName, const QStringList &traceIds);
    // Fetches a trace by id (the command line's --fetch); the dialogs and progress are the opener's.
    void fetchTrace(const td::FetchRequest &request);
    // The toolbar box: fetches the id with toolbarProfile(). A blank id is refused with a message and no
    // request; with no profile at all the Connections dialog opens. Returns false when refused.
    bool fetchTraceId(const QString &traceId);
    // Shows a trace that is already loaded in a new tab, as if it had been opened.
    void showTrace(const td::TracePtr &trace);
    void closeTab(int index);
    void closeCurrentTab();
    // Desktop integration (mainwindowdesktop.cpp): a tracedesk:// trace link; what a second launch handed over
    // (files and links; an empty list just brings the window to the front); Edit > Preferences.
    void openLink(const QUrl &url);
    void openHandedOff(const QStringList &items);
    void showPreferences();

signals:
    // A trace was opened (in a new tab, which is now the current one).
    void traceShown(const td::TracePtr &trace);
    // A compare tab was opened.
    void compareShown();
    // The current tab changed (switch, new tab, tab closed); null when the start page is shown.
    void currentTraceChanged(const td::TracePtr &trace);
    void loadFailed(const QString &error);
    // A search of the Search tab finished (with results or a failure shown there).
    void searchPageSearched();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void applyDefaultLayout();
    void recordInLibrary(const TracePtr &trace, const TraceSource &source);
    // The marks of the tabs showing this trace, from the library.
    void refreshSpanNotes(const QString &traceId);
    void createToolBar();
    void readSettings();
    void writeSettings() const;
    void updateStatus();
    void addTraceTab(const TracePtr &trace, TraceSource source);
    void onCurrentTabChanged();
    void onSpanSelected(std::int32_t spanIndex);
    void onTraceFetched(const FetchResult &result);
    void onLoadFailed(const QString &path, const QString &error, quint64 line, quint64 column);
    void openNextQueued();
    void startLoad(const QString &path);
    void refuseTraceId(const QString &message);
    QDockWidget *addPanelDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);

    void fetchNextQueued();
    // The compare waiting for its two traces to be open (keys as TraceTabs::tabOfKey takes them).
    void showPendingCompare();
    QStringList m_pendingCompare;

    TokenStore *m_tokens;
    RemoteTraceOpener *m_opener;
    SearchPage *m_searchPage = nullptr;
    QList<QDockWidget *> m_docksHiddenForSearch; // the trace docks, out of the Search tab's way while it is current
    QString m_queuedProfile;     // the profile of the queued trace ids
    QStringList m_queuedTraceIds; // opened from the Search tab, fetched one at a time
    TraceLoadController *m_loader;
    QStackedWidget *m_stack;
    StartPage *m_startPage;
    TraceTabs *m_tabs;
    QStringList m_queuedFiles;
    bool m_openingBatch = false;                   // the files loading came in one drop
    QDateTime m_loadingModified;                   // of the file being loaded
    std::vector<SpanPanel *> m_panels;
    OverviewPanel *m_overview = nullptr;
    TagsPanel *m_tags = nullptr;
    ProblemsPanel *m_problems = nullptr;
    DetailsDock *m_details = nullptr;
    NotesPanel *m_notes = nullptr;
    std::unique_ptr<TraceLibrary> m_library;
    QDockWidget *m_problemsDock = nullptr;
    AnalysisView *m_analysis = nullptr;
    QDockWidget *m_analysisDock = nullptr;
    MainActions *m_actions = nullptr;
    RecentFiles *m_recent = nullptr;
    LoadStatus *m_status = nullptr;
    TraceViewKind m_preferredView = TraceViewKind::Timeline;
    QLineEdit *m_traceIdBox = nullptr;
    QToolButton *m_profileButton = nullptr;
    QMessageBox *m_errorBox = nullptr;
    QString m_lastError;
    QString m_chosenProfile; // picked on the toolbar's profile button; wins over the last used
};

} // namespace td
