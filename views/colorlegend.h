#pragma once

#include "spanpalette.h"

#include <QWidget>

namespace td {

// A row of colour chips with what they stand for (services or components, errors, missing spans).
class ColorLegend : public QWidget
{
    Q_OBJECT
public:
    explicit ColorLegend(QWidget *parent = nullptr);

    void setEntries(std::vector<SpanPalette::Entry> entries);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<SpanPalette::Entry> m_entries;
};

} // namespace td
