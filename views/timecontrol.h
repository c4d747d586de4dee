#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace td {

// A span of time in µs since the epoch, [startUs, endUs).
struct TimeRange
{
    std::int64_t startUs = 0;
    std::int64_t endUs = 0;

    std::int64_t durationUs() const { return endUs - startUs; }
    bool isValid() const { return endUs > startUs; }
    bool operator==(const TimeRange &) const = default;
};

// Time <-> pixel maths for a visible range drawn across widthPx pixels starting at x = 0.
double timeToPixel(std::int64_t timeUs, const TimeRange &visible, int widthPx);
std::int64_t pixelToTime(double x, const TimeRange &visible, int widthPx);
// The visible range scaled by factor (< 1 zooms in) keeping anchorUs at the same pixel, kept within bounds
// and no narrower than minDurationUs.
TimeRange zoomedAround(const TimeRange &visible, std::int64_t anchorUs, double factor, const TimeRange &bounds,
                       std::int64_t minDurationUs = 10);
// The visible range moved by deltaUs, kept within bounds.
TimeRange pannedBy(const TimeRange &visible, std::int64_t deltaUs, const TimeRange &bounds);
// A 1-2-5 step in µs so that ticks are at least minTickPx apart.
std::int64_t tickStepUs(std::int64_t visibleDurationUs, int widthPx, int minTickPx = 70);
// A tick label relative to the trace start, in the unit the step calls for: "250 µs", "1.5 ms", "2 s".
QString formatTickLabel(std::int64_t offsetUs, std::int64_t stepUs);

// Owns the time of a span view: the trace range, the visible range, the selected span and the zoom history,
// like Qt Creator's TimelineZoomControl.
class TimeControl : public QObject
{
    Q_OBJECT
public:
    explicit TimeControl(QObject *parent = nullptr);

    const TimeRange &traceRange() const { return m_trace; }
    const TimeRange &visibleRange() const { return m_visible; }
    // Forgets the history and shows the whole range.
    void setTraceRange(const TimeRange &range);
    // Shows range (clamped to the trace); the range shown before goes on the back-stack.
    void setVisibleRange(const TimeRange &range);
    void zoom(double factor, std::int64_t anchorUs);
    void zoomIn() { zoom(1 / 1.5, centreUs()); }
    void zoomOut() { zoom(1.5, centreUs()); }
    void pan(std::int64_t deltaUs);
    void fit() { setVisibleRange(m_trace); }
    bool canGoBack() const { return !m_history.empty(); }
    void back();
    std::int64_t centreUs() const { return m_visible.startUs + m_visible.durationUs() / 2; }

    std::int32_t selectedSpan() const { return m_selected; }
    void setSelectedSpan(std::int32_t spanIndex);

signals:
    void visibleRangeChanged(const td::TimeRange &range);
    void selectedSpanChanged(std::int32_t spanIndex);
    void historyChanged(bool canGoBack);

private:
    void show(const TimeRange &range, bool remember);

    TimeRange m_trace{0, 1};
    TimeRange m_visible{0, 1};
    std::vector<TimeRange> m_history;
    std::int32_t m_selected = -1;
    bool m_panning = false;
};

} // namespace td
