#pragma once

#include <QDockWidget>

class QStackedWidget;
class QTabBar;
class QTabWidget;
class QToolButton;

namespace td {

// The selected span's panels (Overview, iplatform, Tags, Annotations, Endpoints, Raw JSON) as tabs of one dock
// beside the timeline, the tabs down its side. It collapses to that strip of tabs (the » button, or Ctrl+Shift+D) so the
// timeline gets the whole width; a tab of the strip opens the dock again on that panel.
class DetailsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit DetailsDock(QWidget *parent = nullptr);

    // Adds a panel as the last tab.
    void addPanel(QWidget *panel, const QString &title);
    QTabWidget *tabs() const { return m_tabs; }
    QTabBar *strip() const { return m_strip; }
    QWidget *currentPanel() const;

    // Shows the dock expanded on this panel.
    void showPanel(QWidget *panel);

    bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    // The width to come back to when expanded (the dock's width before it collapsed).
    int expandedWidth() const { return m_expandedWidth; }
    void setExpandedWidth(int width) { m_expandedWidth = width; }

signals:
    void collapsedChanged(bool collapsed);

private:
    QStackedWidget *m_pages;
    QTabWidget *m_tabs;
    QTabBar *m_strip;
    QToolButton *m_collapse;
    QToolButton *m_expand;
    bool m_collapsed = false;
    int m_expandedWidth = 300;
};

} // namespace td
