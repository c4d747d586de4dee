#pragma once

#include "trace.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace td {

class TokenStore;
class RemoteTraceOpener;
struct FetchRequest;

class AnnotationsPanel;
class EndpointsPanel;
class IPlatformPanel;
class OverviewPanel;
class ProblemsPanel;
class RawJsonPanel;
class SpanPanel;
class SpanView;
class TagsPanel;
class TraceLoadController;

// The TraceDesk window: the span tree and timeline in the middle, detail docks that follow the selection,
// a status bar that sums the trace up, and file loading in the background.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    const TracePtr &trace() const { return m_trace; }
    SpanView *spanView() const { return m_spanView; }
    TraceLoadController *loader() const { return m_loader; }
    OverviewPanel *overviewPanel() const { return m_overview; }
    AnnotationsPanel *annotationsPanel() const { return m_annotations; }
    EndpointsPanel *endpointsPanel() const { return m_endpoints; }
    IPlatformPanel *iplatformPanel() const { return m_iplatform; }
    TagsPanel *tagsPanel() const { return m_tags; }
    RawJsonPanel *rawJsonPanel() const { return m_rawJson; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    // The last load error as shown (file, line:column, what), empty when none is shown.
    QString lastError() const { return m_lastError; }
    QString statusSummary() const;

public slots:
    void openFile(const QString &path);
    // Fetches a trace by id (the command line's --fetch); the dialogs and progress are the opener's.
    void fetchTrace(const td::FetchRequest &request);
    // Shows a trace that is already loaded (a fetched one, say) as if it had been opened.
    void showTrace(const td::TracePtr &trace);

signals:
    void traceShown(const td::TracePtr &trace);
    void loadFailed(const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void readSettings();
    void writeSettings() const;
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateStatus();
    void onSpanSelected(std::int32_t spanIndex);
    void onLoadFailed(const QString &path, const QString &error, quint64 line, quint64 column);
    void setLoading(bool loading);
    void openDialog();
    void saveAs();
    void showShortcuts();
    void showAbout();
    QDockWidget *addPanelDock(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);

    TracePtr m_trace;
    TokenStore *m_tokens;
    RemoteTraceOpener *m_opener;
    TraceLoadController *m_loader;
    SpanView *m_spanView;
    std::vector<SpanPanel *> m_panels;
    OverviewPanel *m_overview = nullptr;
    AnnotationsPanel *m_annotations = nullptr;
    EndpointsPanel *m_endpoints = nullptr;
    IPlatformPanel *m_iplatform = nullptr;
    TagsPanel *m_tags = nullptr;
    RawJsonPanel *m_rawJson = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QDockWidget *m_overviewDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_saveAsAction = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QPushButton *m_problemsButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QMessageBox *m_errorBox = nullptr;
    QString m_lastError;
    QStringList m_recentFiles;
    QString m_lastDirectory;
};

} // namespace td
