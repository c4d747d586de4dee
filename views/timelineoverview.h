#pragma once

#include <QImage>
#include <QWidget>

namespace td {

struct SpanViewContext;

// A minimap of the whole trace with the visible window drawn on it; drag the window to pan,
// click elsewhere to centre it there. The spans are drawn once into a cached image.
class TimelineOverview : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineOverview(const SpanViewContext *context, QWidget *parent = nullptr);

    // Left and right margins so that the minimap lines up with the timeline column.
    void setAxisMargins(int left, int right);
    // Redraws the cached image (trace or colours changed).
    void invalidate();
    QSize sizeHint() const override;
    // The picture of the whole trace: one line per span in tree order over the trace's time, squeezed into
    // size (failed spans red), as if each span were painted over the ones before it.
    static QImage renderOverview(const SpanViewContext &context, QSize size, const QColor &background);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QRect axisRect() const;
    QRect windowRect() const;
    void moveWindowTo(int x);

    const SpanViewContext *m_context;
    QImage m_cache;
    int m_left = 0;
    int m_right = 0;
    int m_grabOffset = -1;
};

} // namespace td
