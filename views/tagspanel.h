#pragma once

#include "spanpanel.h"

class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace td {

// The tags of the selected span grouped by family (httpservice, httpclient, feignclient, jdbc, scheduled)
// and group (request headers, response headers, cookies), filterable; the selected value is shown whole
// below, JSON pretty-printed, in a monospace font.
class TagsPanel : public SpanPanel
{
    Q_OBJECT
public:
    enum Column { Key, Value, ColumnCount };
    enum Role { FullKeyRole = Qt::UserRole, FullValueRole };

    explicit TagsPanel(QWidget *parent = nullptr);
    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;

    void setFilter(const QString &text);
    QTreeWidget *tree() const { return m_tree; }
    QPlainTextEdit *valueView() const { return m_value; }
    // The item of a tag by its full key, or nullptr.
    QTreeWidgetItem *itemFor(const QString &key) const;
    // A tag value as shown in the value view: JSON pretty-printed, anything else as is.
    static QString prettyValue(const QString &value);

private:
    void showValue(QTreeWidgetItem *item);
    void applyFilter();

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_value;
};

} // namespace td
