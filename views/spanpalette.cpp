#include "spanpalette.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace td {

namespace {

// Okabe-Ito without black and the red we keep for errors, then Paul Tol's muted scheme.
const std::array<QColor, 12> &serviceColors()
{
    static const std::array<QColor, 12> colors{
        QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x9E, 0x73), QColor(0x56, 0xB4, 0xE9), QColor(0xCC, 0x79, 0xA7),
        QColor(0xF0, 0xE4, 0x42), QColor(0x88, 0x22, 0x55), QColor(0x44, 0xAA, 0x99), QColor(0x99, 0x99, 0x33),
        QColor(0x33, 0x22, 0x88), QColor(0xAA, 0x44, 0x99), QColor(0x11, 0x77, 0x33), QColor(0x88, 0xCC, 0xEE),
    };
    return colors;
}

} // namespace

void SpanPalette::setTrace(const TracePtr &trace)
{
    m_trace = trace;
}

QColor SpanPalette::serviceColor(StrId service) const
{
    if (!m_trace || !service)
        return placeholderColor();
    const auto &services = m_trace->services();
    const auto it = std::find(services.begin(), services.end(), service);
    if (it == services.end())
        return placeholderColor();
    const auto &colors = serviceColors();
    return colors.at(static_cast<std::size_t>(it - services.begin()) % colors.size());
}

QColor SpanPalette::componentColor(Component c)
{
    switch (c) {
    case Component::HttpService: return QColor(0x00, 0x72, 0xB2);
    case Component::HttpClient: return QColor(0x56, 0xB4, 0xE9);
    case Component::FeignClient: return QColor(0x00, 0x9E, 0x73);
    case Component::Jdbc: return QColor(0xCC, 0x79, 0xA7);
    case Component::Scheduled: return QColor(0x99, 0x99, 0x33);
    case Component::Other: return QColor(0x88, 0x22, 0x55);
    case Component::None: break;
    }
    return QColor(0x77, 0x77, 0x77);
}

QColor SpanPalette::barColor(const Span &span) const
{
    if (span.isPlaceholder())
        return placeholderColor();
    return m_mode == ColorMode::Service ? serviceColor(span.service) : componentColor(span.component);
}

QColor SpanPalette::textColorFor(const QColor &bar)
{
    return bar.lightness() > 120 ? bar.darker(100 + (bar.lightness() - 100)) : bar;
}

std::vector<SpanPalette::Entry> SpanPalette::legend() const
{
    std::vector<Entry> entries;
    if (m_mode == ColorMode::Service) {
        if (m_trace)
            for (const StrId s : m_trace->services())
                entries.push_back({m_trace->qstr(s), serviceColor(s)});
    } else {
        for (const auto c : {Component::HttpService, Component::HttpClient, Component::FeignClient, Component::Jdbc,
                             Component::Scheduled, Component::Other, Component::None}) {
            const QString label = c == Component::None ? QCoreApplication::translate("td::SpanPalette", "no component")
                                                       : QString::fromLatin1(componentKey(c));
            entries.push_back({label, componentColor(c)});
        }
    }
    entries.push_back({QCoreApplication::translate("td::SpanPalette", "error"), errorColor()});
    entries.push_back({QCoreApplication::translate("td::SpanPalette", "missing span"), placeholderColor()});
    return entries;
}

} // namespace td
