#pragma once

#include "spanpanel.h"

class QLabel;
class QTreeWidget;

namespace td {

// The events of the selected span (cs/sr/ss/cr spelled out), their time and where they happened.
class AnnotationsPanel : public SpanPanel
{
    Q_OBJECT
public:
    enum Column { Event, Meaning, Time, Offset, Endpoint, ColumnCount };

    explicit AnnotationsPanel(QWidget *parent = nullptr);
    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;
    QTreeWidget *table() const { return m_table; }

    // "Client Send" for "cs" and so on; empty for other values.
    static QString meaning(std::string_view value);

private:
    QTreeWidget *m_table;
    QLabel *m_empty;
};

} // namespace td
