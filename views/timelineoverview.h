#pragma once

#include "spanpalette.h"
#include "timecontrol.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

namespace td {

struct SpanViewContext;

// A minimap of the whole trace with the visible window drawn on it; drag the window to pan,
// click elsewhere to centre it there. The spans are drawn once into a cached image; for a large trace on a
// worker thread, so that the first frame does not wait for it (the minimap shows its background meanwhile).
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
    static QImage renderOverview(const Trace &trace, const TimeRange &traceRange, const SpanPalette &palette, QSize size,
                                 const QColor &background);
    // Traces with more spans than this get their picture drawn on a worker thread (default 20,000).
    void setBackgroundRenderingAbove(std::size_t spans) { m_backgroundAbove = spans; }
    // Whether the picture of the current trace and size is drawn (false while a worker draws it).
    bool hasPicture() const { return !m_cache.isNull(); }

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

    void startRendering(QSize size);

    const SpanViewContext *m_context;
    QImage m_cache;
    std::size_t m_backgroundAbove = 20000;
    // The worker's picture, kept only when nothing changed since it started (same generation).
    QFutureWatcher<QImage> m_rendering;
    quint64 m_generation = 0;
    quint64 m_renderingGeneration = 0;
    int m_left = 0;
    int m_right = 0;
    int m_grabOffset = -1;
};

} // namespace td
