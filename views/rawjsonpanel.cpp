#include "rawjsonpanel.h"

#include "tagspanel.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace td {

RawJsonPanel::RawJsonPanel(QWidget *parent)
    : SpanPanel(parent)
    , m_text(new QPlainTextEdit(this))
{
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
}

QString RawJsonPanel::text() const
{
    return m_text->toPlainText();
}

void RawJsonPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    if (!isValidSpan(trace, spanIndex)) {
        m_text->clear();
        return;
    }
    if (trace->span(static_cast<std::size_t>(spanIndex)).isPlaceholder()) {
        m_text->setPlainText(tr("This span is missing from the trace; other spans name it as their parent."));
        return;
    }
    const std::string raw = trace->rawJson(static_cast<std::size_t>(spanIndex));
    m_text->setPlainText(raw.empty() ? tr("The source of this span is not available.")
                                     : TagsPanel::prettyValue(QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size()))));
}

} // namespace td
