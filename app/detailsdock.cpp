#include "detailsdock.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace td {

DetailsDock::DetailsDock(QWidget *parent)
    : QDockWidget(tr("Details"), parent)
    , m_pages(new QStackedWidget(this))
    , m_tabs(new QTabWidget(m_pages))
    , m_strip(new QTabBar(m_pages))
    , m_collapse(new QToolButton(this))
    , m_expand(new QToolButton(m_pages))
{
    setObjectName(QStringLiteral("detailsDock"));
    m_tabs->setObjectName(QStringLiteral("detailsTabs"));
    // Tabs down the side, as in Qt Creator's and IDEs' side panels: all six fit in a narrow dock, and the
    // strip the dock collapses to is the same column of tabs.
    m_tabs->setTabPosition(QTabWidget::West);
    m_tabs->setElideMode(Qt::ElideNone);
    m_collapse->setObjectName(QStringLiteral("collapseDetails"));
    m_collapse->setAutoRaise(true);
    m_collapse->setText(QStringLiteral("»"));
    m_collapse->setToolTip(tr("Collapse the details to a strip, giving the timeline the width (Ctrl+Shift+D)"));
    // The title bar: the dock's name, then collapse and close.
    auto *title = new QWidget(this);
    auto *titleLayout = new QHBoxLayout(title);
    titleLayout->setContentsMargins(6, 2, 2, 2);
    auto *titleLabel = new QLabel(windowTitle(), title);
    titleLabel->setTextFormat(Qt::PlainText);
    auto *close = new QToolButton(title);
    close->setObjectName(QStringLiteral("closeDetails"));
    close->setAutoRaise(true);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Close the details (View > Panels brings them back)"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_collapse->setParent(title);
    titleLayout->addWidget(titleLabel, 1);
    titleLayout->addWidget(m_collapse);
    titleLayout->addWidget(close);
    setTitleBarWidget(title);

    // The strip: the same tabs, vertical, with a button to open the dock again.
    auto *stripPage = new QWidget(m_pages);
    auto *stripLayout = new QVBoxLayout(stripPage);
    stripLayout->setContentsMargins(0, 0, 0, 0);
    stripLayout->setSpacing(2);
    m_expand->setObjectName(QStringLiteral("expandDetails"));
    m_expand->setAutoRaise(true);
    m_expand->setText(QStringLiteral("«"));
    m_expand->setToolTip(tr("Show the details (Ctrl+Shift+D)"));
    m_strip->setObjectName(QStringLiteral("detailsStrip"));
    m_strip->setShape(QTabBar::RoundedWest);
    m_strip->setDrawBase(false);
    m_strip->setExpanding(false);
    stripLayout->addWidget(m_expand, 0, Qt::AlignHCenter);
    stripLayout->addWidget(m_strip, 0, Qt::AlignHCenter);
    stripLayout->addStretch(1);

    // The panels scroll or squeeze: their minimum heights must not set the window's (a restored small
    // window stays the size it was).
    m_pages->setMinimumHeight(120);
    m_pages->addWidget(m_tabs);
    m_pages->addWidget(stripPage);
    setWidget(m_pages);

    connect(m_collapse, &QToolButton::clicked, this, [this] { setCollapsed(true); });
    connect(m_expand, &QToolButton::clicked, this, [this] { setCollapsed(false); });
    connect(m_strip, &QTabBar::tabBarClicked, this, [this](int index) {
        if (index < 0)
            return;
        m_tabs->setCurrentIndex(index);
        setCollapsed(false);
    });
    connect(m_tabs, &QTabWidget::currentChanged, m_strip, &QTabBar::setCurrentIndex);
}

void DetailsDock::addPanel(QWidget *panel, const QString &title)
{
    m_tabs->addTab(panel, title);
    m_strip->addTab(title);
}

QWidget *DetailsDock::currentPanel() const
{
    return m_tabs->currentWidget();
}

void DetailsDock::showPanel(QWidget *panel)
{
    show();
    raise();
    setCollapsed(false);
    m_tabs->setCurrentWidget(panel);
}

void DetailsDock::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    auto *window = qobject_cast<QMainWindow *>(parentWidget());
    if (collapsed) {
        if (isVisible() && width() > 0)
            m_expandedWidth = width();
        m_pages->setCurrentIndex(1);
        for (QWidget *w : titleBarWidget()->findChildren<QWidget *>())
            w->hide(); // the strip's own « opens it again
        // The strip's width is all the dock takes.
        const int w = std::max(m_strip->sizeHint().width(), m_expand->sizeHint().width()) + 2;
        m_pages->setFixedWidth(w);
    } else {
        m_pages->setMinimumWidth(0);
        m_pages->setMaximumWidth(QWIDGETSIZE_MAX);
        m_pages->setCurrentIndex(0);
        for (QWidget *w : titleBarWidget()->findChildren<QWidget *>())
            w->show();
        if (window && !isFloating())
            window->resizeDocks({this}, {m_expandedWidth}, Qt::Horizontal);
    }
    m_collapsed = collapsed;
    emit collapsedChanged(collapsed);
}

} // namespace td
