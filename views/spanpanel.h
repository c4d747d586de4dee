#pragma once

#include "trace.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace td {

// A detail panel that follows the selected span.
class SpanPanel : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // spanIndex -1 (or a null trace) clears the panel.
    virtual void showSpan(const TracePtr &trace, std::int32_t spanIndex) = 0;

    // "2018-09-27 15:35:36.991000" in local time or UTC.
    static QString formatTimestamp(std::int64_t us, bool utc);
    // Whether absolute times are shown in UTC rather than local time (Preferences, "view/timeZone").
    static bool utcDisplay();
    static void setUtcDisplay(bool utc);
    static QString formatEndpoint(const Trace &trace, std::int32_t endpoint);
    static bool isValidSpan(const TracePtr &trace, std::int32_t spanIndex);
    // A read-only, sortable-off tree widget with the given column titles, alternating rows.
    static QTreeWidget *makeTable(const QStringList &columns, QWidget *parent);

protected:
    // Fills the panel with the table and, below it, a hidden note shown when the span has nothing to list.
    QLabel *layOutTable(QTreeWidget *table, const QString &emptyNote);
};

} // namespace td
