#pragma once

#include <QRect>
#include <QString>
#include <QTextDocument>
#include <QToolTip>

namespace td {

// Span data is plain text, but a tooltip shows text that looks like HTML ("<b>", "<img src=…>") as HTML.
// Every tooltip that carries span data goes through these: the text is shown as written, line breaks kept.
inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpacePre);
}

// Shows text as a plain-text tooltip at globalPos over widget (within rect, when given), or hides the tooltip
// when there is no text: what a canvas does on QEvent::ToolTip.
inline void showPlainToolTip(const QPoint &globalPos, const QString &text, QWidget *widget, const QRect &rect = QRect())
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, plainToolTip(text), widget, rect);
}

} // namespace td
