#pragma once

#include "spanpanel.h"

class QTreeWidget;

namespace td {

// The local endpoint of the selected span, the server it called (`sa`) and the client that called it (`ca`).
class EndpointsPanel : public SpanPanel
{
    Q_OBJECT
public:
    enum Column { Role, Service, Address, Port, ColumnCount };

    explicit EndpointsPanel(QWidget *parent = nullptr);
    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;
    QTreeWidget *table() const { return m_table; }

private:
    void addRow(const Trace &trace, const QString &role, std::int32_t endpoint);

    QTreeWidget *m_table;
};

} // namespace td
