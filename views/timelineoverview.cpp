#include "timelineoverview.h"

#include "spanviewcontext.h"

#include <QMouseEvent>
#include <QPainter>

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
    update();
}

void TimelineOverview::resizeEvent(QResizeEvent *)
{
    m_cache = QImage();
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

void TimelineOverview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const QRect a = axisRect();
    if (!m_context->trace || a.width() <= 0 || a.height() <= 0)
        return;
    if (m_cache.isNull()) {
        // One line per span in tree order, squeezed into the height; drawn once per size or trace.
        m_cache = QImage(a.size(), QImage::Format_RGB32);
        m_cache.fill(palette().color(QPalette::Base));
        QPainter cp(&m_cache);
        const Trace &t = *m_context->trace;
        const TimeRange &all = m_context->time->traceRange();
        const auto &order = t.preorder();
        const double rowH = static_cast<double>(a.height()) / std::max<std::size_t>(1, order.size());
        for (std::size_t row = 0; row < order.size(); ++row) {
            const Span &s = t.span(static_cast<std::size_t>(order[row]));
            const int x0 = static_cast<int>(timeToPixel(s.startUs, all, a.width()));
            const int x1 = static_cast<int>(timeToPixel(s.endUs(), all, a.width()));
            const int y = static_cast<int>(row * rowH);
            const int h = std::max(1, static_cast<int>((row + 1) * rowH) - y - (rowH > 3 ? 1 : 0));
            cp.fillRect(QRect(x0, y, std::max(1, x1 - x0), h), s.isError() ? SpanPalette::errorColor() : m_context->palette.barColor(s));
        }
    }
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
