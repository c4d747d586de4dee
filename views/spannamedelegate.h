#pragma once

#include <QStyledItemDelegate>

namespace td {

struct SpanViewContext;

// The tree column of a span view: status mark, service in its colour, operation, and the number of
// children when the row is collapsed. Span data is drawn as plain text.
class SpanNameDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SpanNameDelegate(const SpanViewContext *context, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const SpanViewContext *m_context;
};

} // namespace td
