#include "timelineheader.h"

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

    const QRect axis = rect.adjusted(2, 0, -2, 0);
    const TimeRange &visible = m_time->visibleRange();
    const std::int64_t step = tickStepUs(visible.durationUs(), axis.width());
    const std::int64_t origin = m_time->traceRange().startUs;
    // First tick at or after the visible start, on the step grid counted from the trace start.
    std::int64_t offset = visible.startUs - origin;
    std::int64_t t = offset >= 0 ? ((offset + step - 1) / step) * step : -((-offset) / step) * step;
    const QFontMetrics fm = fontMetrics();
    painter->setPen(palette().color(QPalette::WindowText));
    painter->setClipRect(rect);
    for (; origin + t <= visible.endUs; t += step) {
        const int x = axis.left() + static_cast<int>(timeToPixel(origin + t, visible, axis.width()));
        painter->drawLine(x, rect.bottom() - 6, x, rect.bottom());
        // Minor ticks at fifths of the step.
        for (int i = 1; i < 5; ++i) {
            const int xm = axis.left() + static_cast<int>(timeToPixel(origin + t + step * i / 5, visible, axis.width()));
            painter->drawLine(xm, rect.bottom() - 2, xm, rect.bottom());
        }
        const QString label = formatTickLabel(t, step);
        const int w = fm.horizontalAdvance(label);
        if (x + 3 + w <= rect.right())
            painter->drawText(QRect(x + 3, rect.bottom() - 6 - fm.height(), w, fm.height()), Qt::AlignLeft | Qt::AlignBottom, label);
    }
    painter->drawText(axis.adjusted(2, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                      tr("Timeline  %1 – %2 of %3")
                          .arg(formatTickLabel(visible.startUs - origin, step), formatTickLabel(visible.endUs - origin, step),
                               formatTickLabel(m_time->traceRange().durationUs(), step)));
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
