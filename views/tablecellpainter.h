#pragma once

#include <QColor>
#include <QStyledItemDelegate>
#include <QRectF>
#include <QString>

class QFont;
class QPainter;
class QPalette;

namespace td {

// Draws one cell of a span-per-row table (the events table, the span table) for the widget, with its
// palette, and for an export, in the light theme, so that a table and its picture look alike: error rows
// in red, the rows of the selected span tinted, search matches yellow.
class TableCellPainter
{
public:
    struct Style
    {
        QColor text, selectedText, errorText, spanBackground, matchBackground;
    };
    struct State
    {
        bool error = false;
        bool onSelectedSpan = false; // the row's span is the selected span
        bool match = false;          // the row's span matches the search
        bool selected = false;       // the row is the table's current selection (its panel drawn by the style)
    };

    static Style widgetStyle(const QPalette &palette);
    static Style lightStyle();

    // The match or selected-span tint; nothing on a selected row, whose panel the style draws.
    static void paintBackground(QPainter *p, const QRectF &rect, const State &state, const Style &style);
    // Wrapped to at most maxLines lines, the last elided; one line is elided at the right.
    static void paintText(QPainter *p, const QRectF &rect, const QString &text, Qt::Alignment align, int maxLines,
                          const State &state, const Style &style);
    // Lines paintText uses for this text.
    static int lineCount(const QFont &font, qreal width, const QString &text, int maxLines);
};

struct SpanViewContext;

// The item delegate of a span-per-row table: each cell drawn by TableCellPainter from the row's span
// (spanRole) and error flag (errorRole), the search matches and selection of the shared context. Tooltips
// (Qt::ToolTipRole) are shown as plain text, whatever the span data looks like.
class SpanRowDelegate : public QStyledItemDelegate
{
public:
    SpanRowDelegate(const SpanViewContext *context, int spanRole, int errorRole, QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    const SpanViewContext *m_context;
    int m_spanRole;
    int m_errorRole;
};

} // namespace td
