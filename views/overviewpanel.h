#pragma once

#include "spanpanel.h"

#include <QHash>

class QFormLayout;
class QLabel;

namespace td {

// Who, what and when of the selected span; every value is selectable plain text so ids can be copied.
class OverviewPanel : public SpanPanel
{
    Q_OBJECT
public:
    explicit OverviewPanel(QWidget *parent = nullptr);

    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;
    // The value shown for a field ("service", "spanId", "duration", ...), for tests.
    QString value(const QString &field) const;

private:
    void addField(const QString &field, const QString &label);
    void set(const QString &field, const QString &text);

    QFormLayout *m_form;
    QHash<QString, QLabel *> m_values;
};

} // namespace td
