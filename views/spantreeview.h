#pragma once

#include <QTreeView>

namespace td {

struct SpanViewContext;
class SpanTreeModel;

// The tree + timeline of spans. Ctrl+wheel zooms around the mouse, Shift+wheel or dragging in the timeline
// pans, a double-click zooms to the span; tooltips describe the span under the mouse.
class SpanTreeView : public QTreeView
{
    Q_OBJECT
public:
    SpanTreeView(SpanViewContext *context, int timelineColumn, QWidget *parent = nullptr);

    // The tooltip text (HTML with every span string escaped) for a span.
    static QString toolTipFor(const SpanViewContext &context, std::int32_t spanIndex);

public slots:
    // Repaints only the timeline column (zoom and pan leave the tree and time columns as they are, and
    // their text is the expensive part of a row).
    void updateTimeline();

signals:
    void zoomToSpanRequested(std::int32_t spanIndex);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    SpanTreeModel *rows() const;
    // Expands or collapses the span whose arrow is at pos; false when there is no arrow there.
    bool toggleAt(const QPoint &pos);
    bool inTimeline(int viewportX) const;
    int timelineX(int viewportX) const;
    void startRowSearchesAtTop(bool forgetHover);
    int uniformRowHeight() const;

    SpanViewContext *m_context;
    int m_timelineColumn;
    QPoint m_pressPos;
    std::int64_t m_pressStartUs = 0;
    bool m_pressInTimeline = false;
    bool m_panning = false;
};

} // namespace td
