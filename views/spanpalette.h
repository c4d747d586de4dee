#pragma once

#include "trace.h"

#include <QColor>
#include <QString>

#include <vector>

namespace td {

enum class ColorMode { Service, Component };

// Bar colours: by service (index in the trace's sorted service list, so a service keeps its colour
// while the trace is open) or by iplatform component. Okabe-Ito based, safe for colour-blind readers.
class SpanPalette
{
public:
    struct Entry
    {
        QString label;
        QColor color;
    };

    void setTrace(const TracePtr &trace);
    void setMode(ColorMode mode) { m_mode = mode; }
    ColorMode mode() const { return m_mode; }

    QColor barColor(const Span &span) const;
    QColor serviceColor(StrId service) const;
    // Readable on the base background: the bar colour darkened when it is light.
    static QColor textColorFor(const QColor &bar);
    static QColor componentColor(Component c);
    // What the current mode's colours mean, for the legend.
    std::vector<Entry> legend() const;

    static QColor errorColor() { return QColor(0xD5, 0x1E, 0x1E); }
    static QColor warningColor() { return QColor(0xE6, 0x9F, 0x00); }
    static QColor placeholderColor() { return QColor(0x9E, 0x9E, 0x9E); }

private:
    TracePtr m_trace;
    ColorMode m_mode = ColorMode::Service;
};

} // namespace td
