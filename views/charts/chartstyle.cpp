#include "chartstyle.h"

#include "spanpalette.h"

#include <QPalette>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>

namespace td {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

QColor chartPrimaryColor(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Highlight);
}

QColor chartSecondaryColor(const QPalette &palette)
{
    return mix(chartPrimaryColor(palette), palette.color(QPalette::Base), 0.6);
}

QColor chartMarkColor()
{
    return SpanPalette::warningColor();
}

void styleChart(QChart *chart, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor grid = mix(palette.color(QPalette::Base), text, 0.2);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(palette.color(QPalette::Base).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

} // namespace td
