#pragma once

#include "spanpanel.h"

class QPlainTextEdit;

namespace td {

// The selected span exactly as read from the source, pretty-printed when it parses.
class RawJsonPanel : public SpanPanel
{
    Q_OBJECT
public:
    explicit RawJsonPanel(QWidget *parent = nullptr);
    void showSpan(const TracePtr &trace, std::int32_t spanIndex) override;
    QString text() const;

private:
    QPlainTextEdit *m_text;
};

} // namespace td
