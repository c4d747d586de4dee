#pragma once

#include "spanpanel.h"

#include <functional>

class QAction;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace td {

// The tags of the selected span grouped by family (httpservice, httpclient, feignclient, jdbc, scheduled)
// and group (request headers, response headers, cookies), filterable; the selected value is shown whole
// below, JSON pretty-printed, in a monospace font. Copy key, value (Ctrl+C) or the whole span as JSON from the
// context menu; everything copied passes through the copy filter first (redaction plugs in there).
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

    // Applied to every text before it goes to the clipboard; identity by default, an empty function resets it.
    using CopyFilter = std::function<QString(const QString &)>;
    void setCopyFilter(CopyFilter filter);
    // The current tag's full key / full value, and the selected span as JSON (as read, else built from the
    // model), each through the copy filter, put on the clipboard. False when there is nothing to copy.
    bool copyKey();
    bool copyValue();
    bool copySpanJson();
    // The span as JSON before filtering: exactly as read when the source is available.
    QString spanJson() const;
    QAction *copyKeyAction() const { return m_copyKey; }
    QAction *copyValueAction() const { return m_copyValue; }
    QAction *copySpanAction() const { return m_copySpan; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showValue(QTreeWidgetItem *item);
    void applyFilter();
    void updateActions();
    bool toClipboard(const QString &text);
    void showContextMenu(const QPoint &pos);

    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_value;
    QAction *m_copyKey;
    QAction *m_copyValue;
    QAction *m_copySpan;
    QAction *m_copySelection; // the value view's selected text, filtered too
    CopyFilter m_copyFilter;
    TracePtr m_trace;
    std::int32_t m_span = -1;
};

} // namespace td
