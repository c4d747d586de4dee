#pragma once

#include "trace.h"

#include <QWidget>

class QTreeWidget;

namespace td {

// The problems met reading and building the trace; activating one that concerns a span selects that span.
class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { Severity, Kind, Where, Message, ColumnCount };

    explicit ProblemsPanel(QWidget *parent = nullptr);
    void setTrace(const TracePtr &trace);
    QTreeWidget *table() const { return m_table; }

signals:
    void spanRequested(std::int32_t spanIndex);

private:
    QTreeWidget *m_table;
};

} // namespace td
