#include "timecontrol.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace td {

double timeToPixel(std::int64_t timeUs, const TimeRange &visible, int widthPx)
{
    if (!visible.isValid() || widthPx <= 0)
        return 0;
    return static_cast<double>(timeUs - visible.startUs) * widthPx / static_cast<double>(visible.durationUs());
}

std::int64_t pixelToTime(double x, const TimeRange &visible, int widthPx)
{
    if (!visible.isValid() || widthPx <= 0)
        return visible.startUs;
    return visible.startUs + std::llround(x * static_cast<double>(visible.durationUs()) / widthPx);
}

static TimeRange clampedTo(TimeRange r, const TimeRange &bounds)
{
    const std::int64_t d = std::min(r.durationUs(), bounds.durationUs());
    if (r.startUs < bounds.startUs)
        r.startUs = bounds.startUs;
    if (r.startUs + d > bounds.endUs)
        r.startUs = bounds.endUs - d;
    r.endUs = r.startUs + d;
    return r;
}

TimeRange zoomedAround(const TimeRange &visible, std::int64_t anchorUs, double factor, const TimeRange &bounds,
                       std::int64_t minDurationUs)
{
    if (!visible.isValid() || factor <= 0)
        return visible;
    const double oldD = static_cast<double>(visible.durationUs());
    double newD = std::clamp(oldD * factor, static_cast<double>(std::min(minDurationUs, bounds.durationUs())),
                             static_cast<double>(bounds.durationUs()));
    const double anchorFraction = (static_cast<double>(anchorUs - visible.startUs)) / oldD;
    TimeRange r;
    r.startUs = anchorUs - std::llround(anchorFraction * newD);
    r.endUs = r.startUs + std::max<std::int64_t>(1, std::llround(newD));
    return clampedTo(r, bounds);
}

TimeRange pannedBy(const TimeRange &visible, std::int64_t deltaUs, const TimeRange &bounds)
{
    return clampedTo({visible.startUs + deltaUs, visible.endUs + deltaUs}, bounds);
}

std::int64_t tickStepUs(std::int64_t visibleDurationUs, int widthPx, int minTickPx)
{
    if (visibleDurationUs <= 0 || widthPx <= 0)
        return 1;
    const double minStep = static_cast<double>(visibleDurationUs) * minTickPx / widthPx;
    std::int64_t magnitude = 1;
    while (true) {
        for (const int m : {1, 2, 5}) {
            if (static_cast<double>(magnitude * m) >= minStep)
                return magnitude * m;
        }
        if (magnitude > std::numeric_limits<std::int64_t>::max() / 100)
            return magnitude;
        magnitude *= 10;
    }
}

QString formatTickLabel(std::int64_t offsetUs, std::int64_t stepUs)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("td::TimeControl", text); };
    if (stepUs < 1000)
        return tr("%1 µs").arg(offsetUs);
    if (stepUs < 100'000 || (stepUs < 1'000'000 && std::abs(offsetUs) < 1'000'000)) {
        const int decimals = stepUs % 1000 == 0 ? 0 : (stepUs % 100 == 0 ? 1 : 2);
        return tr("%1 ms").arg(static_cast<double>(offsetUs) / 1000.0, 0, 'f', decimals);
    }
    const int decimals = stepUs % 1'000'000 == 0 ? 0 : (stepUs % 100'000 == 0 ? 1 : 2);
    return tr("%1 s").arg(static_cast<double>(offsetUs) / 1e6, 0, 'f', decimals);
}

TimeControl::TimeControl(QObject *parent)
    : QObject(parent)
{
}

void TimeControl::setTraceRange(const TimeRange &range)
{
    m_trace = range.isValid() ? range : TimeRange{range.startUs, range.startUs + 1};
    m_history.clear();
    show(m_trace, false);
    emit historyChanged(false);
}

void TimeControl::setVisibleRange(const TimeRange &range)
{
    show(clampedTo(range.isValid() ? range : TimeRange{range.startUs, range.startUs + 1}, m_trace), true);
}

void TimeControl::zoom(double factor, std::int64_t anchorUs)
{
    show(zoomedAround(m_visible, anchorUs, factor, m_trace), true);
}

void TimeControl::pan(std::int64_t deltaUs)
{
    // A pan is not worth a step back on its own.
    show(pannedBy(m_visible, deltaUs, m_trace), false);
}

void TimeControl::back()
{
    if (m_history.empty())
        return;
    const TimeRange r = m_history.back();
    m_history.pop_back();
    show(r, false);
    emit historyChanged(canGoBack());
}

void TimeControl::show(const TimeRange &range, bool remember)
{
    if (range == m_visible)
        return;
    if (remember) {
        m_history.push_back(m_visible);
        if (m_history.size() > 100)
            m_history.erase(m_history.begin());
        emit historyChanged(true);
    }
    m_visible = range;
    emit visibleRangeChanged(m_visible);
}

void TimeControl::setSelectedSpan(std::int32_t spanIndex)
{
    if (spanIndex == m_selected)
        return;
    m_selected = spanIndex;
    emit selectedSpanChanged(spanIndex);
}

} // namespace td
