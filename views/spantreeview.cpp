#include "spantreeview.h"

#include "spannamedelegate.h"
#include "spantreemodel.h"
#include "spanviewcontext.h"

#include <QHeaderView>
#include <cmath>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>
// QTreeView finds the view row of an index by a linear search from the last row it found
// (QTreeViewPrivate::viewIndex, lastViewedItem). After a jump across a fully expanded 1,000,000-row tree
// the first search of the next paint (the row under the pointer, for branch hover) walks half a million rows,
// which a frame notices. Only the private header lets us move that starting point; see startRowSearchesAtTop().
#include <QtWidgets/private/qtreeview_p.h>

// Qt does not export the type information of its private classes, which UndefinedBehaviorSanitizer's vptr
// check needs for the casts and member reads below (the sanitizer test build would not link).
#if defined(__has_attribute)
#if __has_attribute(no_sanitize)
#define TD_NO_VPTR_CHECK __attribute__((no_sanitize("vptr")))
#endif
#endif
#ifndef TD_NO_VPTR_CHECK
#define TD_NO_VPTR_CHECK
#endif

namespace td {

SpanTreeView::SpanTreeView(SpanViewContext *context, int timelineColumn, QWidget *parent)
    : QTreeView(parent)
    , m_context(context)
    , m_timelineColumn(timelineColumn)
{
    setUniformRowHeights(true);
    setExpandsOnDoubleClick(false);
    // The rows are flat (SpanTreeModel keeps which spans are expanded); the name delegate draws the
    // indentation and the arrows, and this view turns their clicks and Left/Right into expand and collapse.
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setIndentation(0);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
}

void SpanTreeView::updateTimeline()
{
    const int x = header()->sectionViewportPosition(m_timelineColumn);
    const int w = header()->sectionSize(m_timelineColumn);
    if (header()->isSectionHidden(m_timelineColumn) || w <= 0)
        return;
    viewport()->update(QRect(x, 0, w, viewport()->height()));
}

bool SpanTreeView::inTimeline(int viewportX) const
{
    return header()->logicalIndexAt(viewportX) == m_timelineColumn;
}

int SpanTreeView::timelineX(int viewportX) const
{
    return viewportX - header()->sectionViewportPosition(m_timelineColumn) - 2;
}

void SpanTreeView::wheelEvent(QWheelEvent *event)
{
    TimeControl *time = m_context->time;
    const int steps = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (event->modifiers() & Qt::ControlModifier) {
        const int x = event->position().toPoint().x();
        const int width = header()->sectionSize(m_timelineColumn) - 4;
        const std::int64_t anchor = inTimeline(x) ? pixelToTime(timelineX(x), time->visibleRange(), width) : time->centreUs();
        time->zoom(std::pow(1.25, -steps / 120.0), anchor);
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        time->pan(-static_cast<std::int64_t>(static_cast<double>(time->visibleRange().durationUs()) * steps / 1200.0));
        event->accept();
        return;
    }
    QTreeView::wheelEvent(event);
}

SpanTreeModel *SpanTreeView::rows() const
{
    return qobject_cast<SpanTreeModel *>(model());
}

bool SpanTreeView::toggleAt(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    SpanTreeModel *m = rows();
    if (!m || !index.isValid() || index.column() != SpanTreeModel::Name)
        return false;
    const std::int32_t span = SpanTreeModel::spanIndex(index);
    const Trace *t = m->trace().get();
    if (!t || t->span(static_cast<std::size_t>(span)).childCount == 0
        || !SpanNameDelegate::branchRect(visualRect(index), m->depthOf(span)).contains(pos))
        return false;
    m->setExpanded(span, !m->isExpanded(span));
    return true;
}

void SpanTreeView::keyPressEvent(QKeyEvent *event)
{
    SpanTreeModel *m = rows();
    const QModelIndex current = currentIndex();
    if (!m || !m->trace() || !current.isValid() || event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)
        || (event->key() != Qt::Key_Left && event->key() != Qt::Key_Right)) {
        QTreeView::keyPressEvent(event);
        return;
    }
    // As a tree: Right expands, then goes to the first child; Left collapses, then goes to the parent.
    const std::int32_t span = SpanTreeModel::spanIndex(current);
    const Span &s = m->trace()->span(static_cast<std::size_t>(span));
    const bool expanded = m->isExpanded(span) && s.childCount > 0;
    QModelIndex next;
    if (event->key() == Qt::Key_Right) {
        if (s.childCount > 0 && !m->isExpanded(span))
            m->setExpanded(span, true);
        else if (const std::int32_t below = m->spanAtRow(current.row() + 1);
                 expanded && below >= 0 && m->trace()->span(static_cast<std::size_t>(below)).parent == span)
            next = m->index(current.row() + 1, 0); // the first child shown
    } else {
        if (expanded)
            m->setExpanded(span, false);
        else if (s.parent >= 0)
            next = m->indexForSpan(s.parent);
    }
    if (next.isValid())
        setCurrentIndex(next);
    event->accept();
}

void SpanTreeView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && toggleAt(event->position().toPoint())) {
        event->accept();
        return;
    }
    m_pressPos = event->position().toPoint();
    m_pressInTimeline = event->button() == Qt::LeftButton && inTimeline(m_pressPos.x());
    m_pressStartUs = m_context->time->visibleRange().startUs;
    m_panning = false;
    QTreeView::mousePressEvent(event);
}

void SpanTreeView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressInTimeline && (event->buttons() & Qt::LeftButton)) {
        const int dx = event->position().toPoint().x() - m_pressPos.x();
        if (m_panning || std::abs(dx) > 4) {
            if (!m_panning)
                viewport()->setCursor(Qt::ClosedHandCursor);
            m_panning = true;
            TimeControl *time = m_context->time;
            const int width = std::max(1, header()->sectionSize(m_timelineColumn) - 4);
            const TimeRange &v = time->visibleRange();
            const auto delta = -static_cast<std::int64_t>(static_cast<double>(dx) * static_cast<double>(v.durationUs()) / width);
            time->pan(m_pressStartUs + delta - v.startUs);
            return;
        }
    }
    QTreeView::mouseMoveEvent(event);
}

void SpanTreeView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        m_pressInTimeline = false;
        viewport()->unsetCursor();
        return;
    }
    m_pressInTimeline = false;
    QTreeView::mouseReleaseEvent(event);
}

void SpanTreeView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid()) {
        emit zoomToSpanRequested(index.data(SpanTreeModel::SpanIndexRole).toInt());
        emit activated(index);
        event->accept();
        return;
    }
    QTreeView::mouseDoubleClickEvent(event);
}

bool SpanTreeView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (index.isValid())
            QToolTip::showText(help->globalPos(), toolTipFor(*m_context, index.data(SpanTreeModel::SpanIndexRole).toInt()),
                               viewport(), visualRect(index));
        else
            QToolTip::hideText();
        return true;
    }
    return QTreeView::viewportEvent(event);
}

TD_NO_VPTR_CHECK void SpanTreeView::startRowSearchesAtTop(bool forgetHover)
{
    auto *d = static_cast<QTreeViewPrivate *>(QObjectPrivate::get(this));
    const int top = d->firstVisibleItem();
    if (top < 0 || top >= d->viewItems.size())
        return;
    // Only a starting point: viewIndex() still searches every row, so any value in range stays correct.
    d->lastViewedItem = top;
    // The row under the pointer before a jump is out of sight after it. QAbstractItemView would look up
    // its old position (a long search from the new top) only to repaint a row that is repainted anyway.
    if (forgetHover)
        d->hover = QPersistentModelIndex();
}

TD_NO_VPTR_CHECK int SpanTreeView::uniformRowHeight() const
{
    return static_cast<const QTreeViewPrivate *>(QObjectPrivate::get(this))->defaultItemHeight;
}

void SpanTreeView::paintEvent(QPaintEvent *event)
{
    startRowSearchesAtTop(false);
    QTreeView::paintEvent(event);
}

void SpanTreeView::scrollContentsBy(int dx, int dy)
{
    QTreeView::scrollContentsBy(dx, dy);
    const int rowHeight = std::max(1, uniformRowHeight());
    const int rowsMoved = verticalScrollMode() == ScrollPerPixel ? std::abs(dy) / rowHeight : std::abs(dy);
    // Runs before QAbstractItemView::verticalScrollbarValueChanged(), which moves the hover to the row
    // under the pointer.
    if (rowsMoved > viewport()->height() / rowHeight)
        startRowSearchesAtTop(true);
}

QString SpanTreeView::toolTipFor(const SpanViewContext &context, std::int32_t spanIndex)
{
    if (!context.trace || spanIndex < 0 || static_cast<std::size_t>(spanIndex) >= context.trace->spanCount())
        return {};
    const Trace &t = *context.trace;
    const Span &s = t.span(static_cast<std::size_t>(spanIndex));
    const auto dur = [](std::int64_t us) { return SpanTreeModel::formatDuration(static_cast<double>(us)).toHtmlEscaped(); };
    QString html = QStringLiteral("<table style='white-space:pre'>");
    const auto row = [&html](const QString &label, const QString &escapedValue) {
        html += QStringLiteral("<tr><td><b>") + label.toHtmlEscaped() + QStringLiteral("</b></td><td>") + escapedValue
              + QStringLiteral("</td></tr>");
    };
    if (s.isPlaceholder()) {
        row(tr("Missing span"), t.qstr(s.spanId).toHtmlEscaped());
        row(tr("Note"), tr("Referenced as a parent but not in the trace").toHtmlEscaped());
        return html + QStringLiteral("</table>");
    }
    row(tr("Operation"), t.qstr(s.name).toHtmlEscaped());
    row(tr("Service"), t.qstr(s.service).toHtmlEscaped());
    row(tr("Start"), QStringLiteral("+") + dur(s.startUs - t.startUs()));
    row(tr("Duration"), dur(s.durationUs));
    row(tr("Self time"), dur(s.selfTimeUs));
    QString status = s.isError() ? tr("error") : s.isWarning() ? tr("slow (warning)") : tr("ok");
    if (s.statusText)
        status += QStringLiteral(": ") + t.qstr(s.statusText);
    row(tr("Status"), status.toHtmlEscaped());
    if (s.hasDurationMoveAvg())
        row(tr("Usual duration"), dur(static_cast<std::int64_t>(s.durationMoveAvgUs)));
    const auto [cs, sr, ss, cr] = t.adjustedRpcTimes(s);
    if (cs && sr)
        row(tr("Request network (cs→sr)"), dur(sr - cs));
    if (sr && ss)
        row(tr("Server (sr→ss)"), dur(ss - sr));
    if (ss && cr)
        row(tr("Response network (ss→cr)"), dur(cr - ss));
    if (s.skewShiftUs || s.serverShiftUs)
        row(tr("Clock skew corrected"), dur(s.serverShiftUs != s.skewShiftUs ? s.serverShiftUs : s.skewShiftUs));
    return html + QStringLiteral("</table>");
}

} // namespace td
