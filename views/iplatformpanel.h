#pragma once

#include "spanpanel.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace td {

// The iplatform extension fields of the selected span (lc, succeed, busisys, serviceInstId, durationMoveAvg,
// optimize_warn_pct, optimize_warn_type, exception_class), with failures and warnings flagged.
class IPlatformPanel : public SpanPanel
{
    Q_OBJECT
public:
    enum Column { Field, Value, Note, ColumnCount };

    explicit IPlatformPanel(QWidget *parent = nullptr);
    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;

    QTreeWidget *table() const { return m_table; }
    // The row of an extension key ("lc", "durationMoveAvg", ...), or nullptr; for tests.
    QTreeWidgetItem *rowFor(const QString &key) const;
    bool hasFields() const;

private:
    QTreeWidget *m_table;
    QLabel *m_empty;
};

} // namespace td
