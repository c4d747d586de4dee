#pragma once

#include <QColor>

class QChart;
class QPalette;

namespace td {

// Colours a chart from the widget palette, so that it reads in light and dark themes alike, and turns
// animations off.
void styleChart(QChart *chart, const QPalette &palette);
// The bar colour of the main series and a quieter one for a second series beside it.
QColor chartPrimaryColor(const QPalette &palette);
QColor chartSecondaryColor(const QPalette &palette);
// The colour of a marked (clicked or selected) bar.
QColor chartMarkColor();

} // namespace td
