#include "timelineoverview.h"

#include <numeric>

#include "spanviewcontext.h"

#include <QMouseEvent>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace td {

TimelineOverview::TimelineOverview(const SpanViewContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setCursor(Qt::OpenHandCursor);
    setToolTip(tr("Whole trace; drag the window to pan"));
    connect(context->time, &TimeControl::visibleRangeChanged, this, qOverload<>(&QWidget::update));
    connect(&m_rendering, &QFutureWatcher<QImage>::finished, this, [this] {
        if (m_renderingGeneration == m_generation)
            m_cache = m_rendering.result();
        update(); // shows the picture, or starts drawing the current one
    });
}

void TimelineOverview::startRendering(QSize size)
{
    m_renderingGeneration = m_generation;
    m_rendering.setFuture(QtConcurrent::run(
        [trace = m_context->trace, range = m_context->time->traceRange(), colours = m_context->palette, size,
         background = palette().color(QPalette::Base)] { return renderOverview(*trace, range, colours, size, background); }));
}

QSize TimelineOverview::sizeHint() const
{
    return {400, 36};
}

void TimelineOverview::setAxisMargins(int left, int right)
{
    if (left == m_left && right == m_right)
        return;
    m_left = left;
    m_right = right;
    invalidate();
}

QRect TimelineOverview::axisRect() const
{
    return rect().adjusted(m_left + 2, 2, -m_right - 2, -2);
}

void TimelineOverview::invalidate()
{
    m_cache = QImage();
    ++m_generation;
    update();
}

void TimelineOverview::resizeEvent(QResizeEvent *)
{
    m_cache = QImage();
    ++m_generation;
}

QRect TimelineOverview::windowRect() const
{
    const QRect a = axisRect();
    const TimeRange &all = m_context->time->traceRange();
    const TimeRange &v = m_context->time->visibleRange();
    const int x0 = static_cast<int>(timeToPixel(v.startUs, all, a.width()));
    const int x1 = static_cast<int>(timeToPixel(v.endUs, all, a.width()));
    return QRect(a.left() + x0, a.top(), std::max(3, x1 - x0), a.height());
}

QImage TimelineOverview::renderOverview(const Trace &t, const TimeRange &all, const SpanPalette &palette, QSize size,
                                        const QColor &background)
{
    // One line per span in tree order, squeezed into the height; drawn once per size or trace. A million
    // spans share a few dozen pixel rows, so painting each span in turn (the later over the earlier) would
    // cost a rectangle per span. The same picture comes from going backwards and giving each pixel to the
    // first span that covers it: a "next free pixel" list per pixel row skips what is taken, so every pixel
    // is written once and a span over taken pixels costs a lookup.
    QImage image(size, QImage::Format_RGB32);
    image.fill(background);
    const auto &order = t.preorder();
    const int width = size.width(), height = size.height();
    const double rowH = static_cast<double>(height) / static_cast<double>(std::max<std::size_t>(1, order.size()));
    std::vector<std::vector<int>> next(static_cast<std::size_t>(height));
    const auto freeFrom = [](std::vector<int> &n, int x) {
        int root = x;
        while (n[static_cast<std::size_t>(root)] != root)
            root = n[static_cast<std::size_t>(root)];
        while (n[static_cast<std::size_t>(x)] != root) { // shorten the path for the next lookups
            const int up = n[static_cast<std::size_t>(x)];
            n[static_cast<std::size_t>(x)] = root;
            x = up;
        }
        return root;
    };
    for (std::size_t row = order.size(); row-- > 0;) {
        const Span &s = t.span(static_cast<std::size_t>(order[row]));
        const int x0 = std::clamp(static_cast<int>(timeToPixel(s.startUs, all, width)), 0, width - 1);
        const int x1 = std::clamp(std::max(x0 + 1, static_cast<int>(timeToPixel(s.endUs(), all, width))), 1, width);
        const int y = static_cast<int>(static_cast<double>(row) * rowH);
        const int h = std::max(1, static_cast<int>(static_cast<double>(row + 1) * rowH) - y - (rowH > 3 ? 1 : 0));
        QRgb colour = 0;
        bool coloured = false;
        for (int yy = y; yy < std::min(height, y + h); ++yy) {
            std::vector<int> &n = next[static_cast<std::size_t>(yy)];
            if (n.empty()) {
                n.resize(static_cast<std::size_t>(width) + 1);
                std::iota(n.begin(), n.end(), 0);
            }
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(yy));
            for (int x = freeFrom(n, x0); x < x1; x = freeFrom(n, x + 1)) {
                if (!coloured) {
                    colour = (s.isError() ? SpanPalette::errorColor() : palette.barColor(s)).rgb();
                    coloured = true;
                }
                line[x] = colour;
                n[static_cast<std::size_t>(x)] = x + 1;
            }
        }
    }
    return image;
}

void TimelineOverview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const QRect a = axisRect();
    if (!m_context->trace || a.width() <= 0 || a.height() <= 0)
        return;
    if (m_cache.isNull()) {
        if (m_context->trace->spanCount() <= m_backgroundAbove)
            m_cache = renderOverview(*m_context->trace, m_context->time->traceRange(), m_context->palette, a.size(),
                                     palette().color(QPalette::Base));
        else if (!m_rendering.isRunning())
            startRendering(a.size());
    }
    if (m_cache.isNull())
        p.fillRect(a, palette().color(QPalette::Base));
    else
        p.drawImage(a.topLeft(), m_cache);
    // Shade what is outside the visible window.
    const QRect w = windowRect();
    QColor shade = palette().color(QPalette::Window);
    shade.setAlpha(170);
    p.fillRect(QRect(a.left(), a.top(), w.left() - a.left(), a.height()), shade);
    p.fillRect(QRect(w.right() + 1, a.top(), a.right() - w.right(), a.height()), shade);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.drawRect(w.adjusted(1, 1, -1, -1));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(a.adjusted(-1, -1, 0, 0));
}

void TimelineOverview::moveWindowTo(int left)
{
    const QRect a = axisRect();
    const TimeRange &all = m_context->time->traceRange();
    const TimeRange &v = m_context->time->visibleRange();
    const std::int64_t start = pixelToTime(left - a.left(), all, a.width());
    m_context->time->pan(start - v.startUs);
}

void TimelineOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int x = event->position().toPoint().x();
    const QRect w = windowRect();
    if (x < w.left() || x > w.right()) {
        moveWindowTo(x - w.width() / 2);
        m_grabOffset = w.width() / 2;
    } else {
        m_grabOffset = x - w.left();
    }
    setCursor(Qt::ClosedHandCursor);
}

void TimelineOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (m_grabOffset >= 0)
        moveWindowTo(event->position().toPoint().x() - m_grabOffset);
}

void TimelineOverview::mouseReleaseEvent(QMouseEvent *)
{
    m_grabOffset = -1;
    setCursor(Qt::OpenHandCursor);
}

} // namespace td
