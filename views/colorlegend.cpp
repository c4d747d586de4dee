#include "colorlegend.h"

#include <QPainter>

namespace td {

ColorLegend::ColorLegend(QWidget *parent)
    : QWidget(parent)
{
}

void ColorLegend::setEntries(std::vector<SpanPalette::Entry> entries)
{
    m_entries = std::move(entries);
    QStringList tip;
    for (const auto &e : m_entries)
        tip << e.label;
    setToolTip(tip.join(QStringLiteral(", ")).toHtmlEscaped());
    updateGeometry();
    update();
}

QSize ColorLegend::sizeHint() const
{
    int w = 0;
    for (const auto &e : m_entries)
        w += fontMetrics().horizontalAdvance(e.label) + fontMetrics().height() + 16;
    return {w, fontMetrics().height() + 6};
}

QSize ColorLegend::minimumSizeHint() const
{
    return {50, fontMetrics().height() + 6};
}

void ColorLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QFontMetrics fm = fontMetrics();
    const int chip = fm.height() - 4;
    int x = 2;
    for (const auto &e : m_entries) {
        const int textWidth = fm.horizontalAdvance(e.label);
        if (x + chip + 4 + textWidth > width()) {
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(x, 0, width() - x, height()), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("…"));
            break;
        }
        p.fillRect(QRect(x, (height() - chip) / 2, chip, chip), e.color);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x + chip + 4, 0, textWidth, height()), Qt::AlignLeft | Qt::AlignVCenter, e.label);
        x += chip + 4 + textWidth + 12;
    }
}

} // namespace td
