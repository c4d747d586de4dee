#include "tracetabs.h"

#include "mainwindow.h"
#include "spanview.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QMouseEvent>
#include <QTabBar>

namespace td {

namespace {

QString traceIdOf(const Trace &t)
{
    return QString::fromUtf8(t.traceId().data(), static_cast<qsizetype>(t.traceId().size()));
}

} // namespace

TraceTabs::TraceTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("traceTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    setElideMode(Qt::ElideMiddle);
    tabBar()->installEventFilter(this); // middle click closes a tab
}

SpanView *TraceTabs::currentSpanView() const
{
    return qobject_cast<SpanView *>(currentWidget());
}

SpanView *TraceTabs::spanViewAt(int index) const
{
    return qobject_cast<SpanView *>(widget(index));
}

QList<SpanView *> TraceTabs::spanViews() const
{
    QList<SpanView *> views;
    for (int i = 0; i < count(); ++i)
        if (SpanView *view = spanViewAt(i))
            views << view;
    return views;
}

QString TraceTabs::keyOf(int index) const
{
    const SpanView *view = spanViewAt(index);
    if (!view || !view->trace())
        return {};
    const TraceSource src = sourceOf(view);
    return src.filePath.isEmpty() ? traceIdOf(*view->trace()) : src.filePath;
}

int TraceTabs::tabOfKey(const QString &key) const
{
    for (int i = 0; i < count(); ++i) {
        const SpanView *view = spanViewAt(i);
        if (!view || !view->trace())
            continue;
        const TraceSource src = sourceOf(view);
        if ((!src.filePath.isEmpty() && src.filePath == key) || traceIdOf(*view->trace()) == key)
            return i;
    }
    return -1;
}

QString TraceTabs::titleOf(const Trace &trace, const TraceSource &source)
{
    if (source.isFetched())
        return tr("Trace %1").arg(source.traceId.isEmpty() ? traceIdOf(trace) : source.traceId);
    return source.filePath == MainWindow::sampleTracePath() ? tr("Sample trace") : QFileInfo(source.filePath).fileName();
}

void TraceTabs::addTraceTab(SpanView *view, const Trace &trace, TraceSource source)
{
    QString tip;
    if (source.isFetched()) {
        const QString id = source.traceId.isEmpty() ? traceIdOf(trace) : source.traceId;
        const QString where = source.profileName.isEmpty() ? source.host : source.profileName;
        tip = source.projectId.isEmpty() ? tr("Trace %1, fetched with profile \"%2\"").arg(id, where)
                                         : tr("Trace %1, fetched with profile \"%2\" from project %3").arg(id, where, source.projectId);
    } else {
        tip = QDir::toNativeSeparators(source.filePath);
    }
    const QString title = titleOf(trace, source);
    m_sources.insert(view, std::move(source)); // removed in closeTab()
    {
        const QSignalBlocker blocker(this);
        const int index = addTab(view, title);
        setTabToolTip(index, tip.toHtmlEscaped());
        setCurrentIndex(index);
    }
    emit currentChanged(currentIndex());
}

void TraceTabs::closeTab(int index)
{
    QWidget *page = widget(index);
    if (!page)
        return;
    if (auto *view = qobject_cast<SpanView *>(page); view && page == currentWidget())
        m_headerState = view->saveHeaderState();
    m_sources.remove(page);
    removeTab(index); // emits currentChanged when the current tab goes
    if (page == m_keptPage)
        page->hide();
    else
        page->deleteLater();
}

void TraceTabs::nextTab()
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + 1) % count());
}

void TraceTabs::previousTab()
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + count() - 1) % count());
}

QByteArray TraceTabs::headerState() const
{
    const SpanView *current = currentSpanView();
    return current ? current->saveHeaderState() : m_headerState;
}

void TraceTabs::resetHeaderStates()
{
    m_headerState.clear();
    for (SpanView *view : spanViews())
        view->resetHeaderState();
}

bool TraceTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == tabBar() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            if (const int index = tabBar()->tabAt(mouse->position().toPoint()); index >= 0) {
                emit tabCloseRequested(index);
                return true;
            }
        }
    }
    return QTabWidget::eventFilter(watched, event);
}

} // namespace td
