#pragma once

#include "traceviewkind.h"

#include <QList>
#include <QObject>

#include <array>

class QAction;
class QMenu;

namespace td {

class MainWindow;
class SpanView;

// The window's menu bar: File, Edit, View and Help with their shortcuts. The actions act on the current
// tab through MainWindow's public interface; those that need a trace tab are disabled without one, and the
// checkable ones follow the current tab (showTab).
class MainActions : public QObject
{
    Q_OBJECT
public:
    explicit MainActions(MainWindow *window);

    QMenu *recentFilesMenu() const { return m_recentMenu; }
    QMenu *recentTraceIdsMenu() const { return m_recentIdsMenu; }

    // The current tab changed: view is its span view (null for the start page, Search or a compare tab).
    void showTab(const SpanView *view, bool canExport);
    void setCurrentView(TraceViewKind kind);
    void setCanGoBack(bool canGoBack);

private:
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createHelpMenu();
    void exportNotes();
    void importNotes();
    QString suggestedNotesPath() const;
    void showShortcuts();
    void showAbout();

    MainWindow *m_window;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_recentIdsMenu = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_byServiceAction = nullptr;
    QAction *m_byComponentAction = nullptr;
    QAction *m_criticalAction = nullptr;
    QAction *m_rawAction = nullptr;
    std::array<QAction *, traceViewKindCount> m_viewActions{};
    QList<QAction *> m_traceActions; // enabled only while a trace tab is current
};

} // namespace td
