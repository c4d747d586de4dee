#pragma once

#include "trace.h"
#include "traceviewkind.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QUrl>

#include <array>
#include <memory>
#include <string>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace td {

class TokenStore;
class RemoteTraceOpener;
class SearchPage;
struct FetchRequest;
struct FetchResult;

class AnnotationsPanel;
class EndpointsPanel;
class IPlatformPanel;
class OverviewPanel;
class ProblemsPanel;
class AnalysisView;
class CompareView;
class TraceLibrary;
struct LibraryEntry;
class DetailsDock;
class NotesPanel;
class RawJsonPanel;
class SpanPanel;
class SpanView;
class StartPage;
class TagsPanel;
class TraceLoadController;

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

    QTabWidget *tabWidget() const { return m_tabs; }
    int tabCount() const;
    SpanView *spanViewAt(int index) const;
    // Shows this view of the trace in the current tab; new tabs open on it too (View > Timeline … Events, 1-5).
    void setCurrentTraceView(TraceViewKind kind);
    TraceViewKind preferredTraceView() const { return m_preferredView; }
    StartPage *startPage() const { return m_startPage; }
    // The Search tab's page (created on first use); null before.
    SearchPage *searchPage() const { return m_searchPage; }
    bool isStartPageShown() const;

    TraceLoadController *loader() const { return m_loader; }
    RemoteTraceOpener *opener() const { return m_opener; }
    TokenStore *tokenStore() const { return m_tokens; }
    QLineEdit *traceIdBox() const { return m_traceIdBox; }
    OverviewPanel *overviewPanel() const { return m_overview; }
    AnnotationsPanel *annotationsPanel() const { return m_annotations; }
    EndpointsPanel *endpointsPanel() const { return m_endpoints; }
    IPlatformPanel *iplatformPanel() const { return m_iplatform; }
    TagsPanel *tagsPanel() const { return m_tags; }
    RawJsonPanel *rawJsonPanel() const { return m_rawJson; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    AnalysisView *analysisView() const { return m_analysis; }
    QDockWidget *analysisDock() const { return m_analysisDock; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    DetailsDock *detailsDock() const { return m_details; }
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
    NotesPanel *notesPanel() const { return m_notes; }
    // The docks as a new window has them (View > Reset Layout): details on the right, Analysis closed.
    void resetLayout();
    static constexpr int defaultDetailsWidth = 280;
    // The last load error as shown (file, line:column, what), empty when none is shown.
    QString lastError() const { return m_lastError; }
    QString statusSummary() const;
    QStringList recentFiles() const { return m_recentFiles; }
    QString lastDirectory() const { return m_lastDirectory; }
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
    // Writes the current tab's trace, exactly as it was read or received, to path. On failure returns false
    // and sets *error.
    bool saveTraceTo(const QString &path, QString *error = nullptr);
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
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createDocks();
    void applyDefaultLayout();
    void recordInLibrary(const TracePtr &trace, const TraceSource &source);
    // The marks of the tabs showing this trace, from the library.
    void refreshSpanNotes(const QString &traceId);
    QString suggestedNotesPath() const;
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void readSettings();
    void writeSettings() const;
    void addRecentFile(const QString &path);
    void updateRecentMenus();
    void updateStatus();
    void addTraceTab(const TracePtr &trace, TraceSource source);
    void onCurrentTabChanged();
    void onSpanSelected(std::int32_t spanIndex);
    void onTraceFetched(const FetchResult &result);
    void onLoadFailed(const QString &path, const QString &error, quint64 line, quint64 column);
    void openNextQueued();
    void startLoad(const QString &path);
    void setLoading(bool loading);
    void openDialog();
    void saveAs();
    void showShortcuts();
    void showAbout();
    void refuseTraceId(const QString &message);
    QDockWidget *addPanelDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);

    void fetchNextQueued();
    // The tab showing the trace of this key (file path or trace id), or -1; and the compare waiting for two.
    int tabOfKey(const QString &key) const;
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
    QTabWidget *m_tabs;
    QHash<const QWidget *, TraceSource> m_sources; // by tab page (its SpanView)
    QByteArray m_headerState;                      // column layout given to new tabs
    QStringList m_queuedFiles;
    bool m_openingBatch = false;                   // the files loading came in one drop
    QDateTime m_loadingModified;                   // of the file being loaded
    std::vector<SpanPanel *> m_panels;
    OverviewPanel *m_overview = nullptr;
    AnnotationsPanel *m_annotations = nullptr;
    EndpointsPanel *m_endpoints = nullptr;
    IPlatformPanel *m_iplatform = nullptr;
    TagsPanel *m_tags = nullptr;
    RawJsonPanel *m_rawJson = nullptr;
    ProblemsPanel *m_problems = nullptr;
    DetailsDock *m_details = nullptr;
    NotesPanel *m_notes = nullptr;
    std::unique_ptr<TraceLibrary> m_library;
    QDockWidget *m_problemsDock = nullptr;
    AnalysisView *m_analysis = nullptr;
    QDockWidget *m_analysisDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_recentIdsMenu = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_byServiceAction = nullptr;
    QAction *m_byComponentAction = nullptr;
    QAction *m_criticalAction = nullptr;
    QAction *m_rawAction = nullptr;
    std::array<QAction *, traceViewKindCount> m_viewActions{};
    TraceViewKind m_preferredView = TraceViewKind::Timeline;
    QList<QAction *> m_traceActions; // enabled only while a tab is open
    QLineEdit *m_traceIdBox = nullptr;
    QToolButton *m_profileButton = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QPushButton *m_problemsButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QMessageBox *m_errorBox = nullptr;
    QString m_lastError;
    QStringList m_recentFiles;
    QString m_lastDirectory;
    QString m_chosenProfile; // picked on the toolbar's profile button; wins over the last used
};

} // namespace td
