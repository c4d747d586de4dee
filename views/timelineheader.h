#pragma once

#include <QHeaderView>

namespace td {

class TimeControl;

// The header of a span view. Above the timeline column it is a ruler with µs/ms/s ticks relative to the
// trace start; dragging a range on it zooms to that range.
class TimelineHeader : public QHeaderView
{
    Q_OBJECT
public:
    TimelineHeader(TimeControl *time, int timelineSection, QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    bool inTimeline(int x) const;
    QRect timelineRect() const;

    TimeControl *m_time;
    int m_timelineSection;
    int m_dragFrom = -1;
    int m_dragTo = -1;
};

} // namespace td
