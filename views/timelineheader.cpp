#include "timelineheader.h"

#include "spanpainters.h"
#include "timecontrol.h"

#include <QMouseEvent>
#include <QPainter>

namespace td {

TimelineHeader::TimelineHeader(TimeControl *time, int timelineSection, QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
    , m_time(time)
    , m_timelineSection(timelineSection)
{
    setSectionsClickable(true);
    setHighlightSections(false);
    setToolTip(tr("Drag across the ruler to zoom to a range; double-click to fit the whole trace."));
    connect(time, &TimeControl::visibleRangeChanged, viewport(), qOverload<>(&QWidget::update));
}

QSize TimelineHeader::sizeHint() const
{
    QSize s = QHeaderView::sizeHint();
    s.setHeight(std::max(s.height(), fontMetrics().height() * 2 + 8));
    return s;
}

QRect TimelineHeader::timelineRect() const
{
    const int x = sectionViewportPosition(m_timelineSection);
    return QRect(x, 0, sectionSize(m_timelineSection), height());
}

bool TimelineHeader::inTimeline(int x) const
{
    return logicalIndexAt(x) == m_timelineSection;
}

void TimelineHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (logicalIndex != m_timelineSection) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    painter->save();
    QStyleOptionHeader opt;
    initStyleOption(&opt);
    opt.rect = rect;
    opt.section = logicalIndex;
    opt.position = QStyleOptionHeader::End;
    style()->drawControl(QStyle::CE_HeaderSection, &opt, painter, this);

    SpanPaintStyle ruler;
    ruler.font = font();
    ruler.text = palette().color(QPalette::WindowText);
    painter->setClipRect(rect);
    // The axis ends on the header's last pixel row, where the ticks stand.
    paintTimeRuler(painter, QRectF(rect.adjusted(2, 0, -2, -1)), m_time->visibleRange(),
                   m_time->traceRange().startUs, m_time->traceRange().durationUs(), ruler);
    if (m_dragFrom >= 0 && m_dragTo >= 0) {
        const QRect band = QRect(QPoint(std::min(m_dragFrom, m_dragTo), rect.top()), QPoint(std::max(m_dragFrom, m_dragTo), rect.bottom()));
        QColor c = palette().color(QPalette::Highlight);
        c.setAlpha(90);
        painter->fillRect(band, c);
    }
    painter->restore();
}

void TimelineHeader::mousePressEvent(QMouseEvent *event)
{
    const int x = event->position().toPoint().x();
    if (event->button() == Qt::LeftButton && inTimeline(x)) {
        m_dragFrom = m_dragTo = x;
        viewport()->update();
        return;
    }
    QHeaderView::mousePressEvent(event);
}

void TimelineHeader::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom >= 0) {
        const QRect r = timelineRect();
        m_dragTo = std::clamp(event->position().toPoint().x(), r.left(), r.right());
        viewport()->update();
        return;
    }
    QHeaderView::mouseMoveEvent(event);
}

void TimelineHeader::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom >= 0) {
        const QRect r = timelineRect().adjusted(2, 0, -2, 0);
        const int a = std::min(m_dragFrom, m_dragTo) - r.left(), b = std::max(m_dragFrom, m_dragTo) - r.left();
        m_dragFrom = m_dragTo = -1;
        viewport()->update();
        if (b - a >= 3) {
            const TimeRange &v = m_time->visibleRange();
            m_time->setVisibleRange({pixelToTime(a, v, r.width()), pixelToTime(b, v, r.width())});
        }
        return;
    }
    QHeaderView::mouseReleaseEvent(event);
}

void TimelineHeader::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (inTimeline(event->position().toPoint().x())) {
        m_time->fit();
        return;
    }
    QHeaderView::mouseDoubleClickEvent(event);
}

} // namespace td
