#include "overviewpanel.h"

#include "spantreemodel.h"

#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace td {

OverviewPanel::OverviewPanel(QWidget *parent)
    : SpanPanel(parent)
{
    auto *content = new QWidget;
    m_form = new QFormLayout(content);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    addField(QStringLiteral("operation"), tr("Operation"));
    addField(QStringLiteral("service"), tr("Service"));
    addField(QStringLiteral("instance"), tr("Instance"));
    addField(QStringLiteral("transaction"), tr("Transaction"));
    addField(QStringLiteral("status"), tr("Status"));
    addField(QStringLiteral("traceId"), tr("Trace ID"));
    addField(QStringLiteral("spanId"), tr("Span ID"));
    addField(QStringLiteral("parentId"), tr("Parent ID"));
    addField(QStringLiteral("kind"), tr("Kind"));
    addField(QStringLiteral("component"), tr("Component"));
    addField(QStringLiteral("start"), tr("Start"));
    addField(QStringLiteral("startUtc"), tr("Start (UTC)"));
    addField(QStringLiteral("offset"), tr("Offset in trace"));
    addField(QStringLiteral("duration"), tr("Duration"));
    addField(QStringLiteral("selfTime"), tr("Self time"));
    addField(QStringLiteral("children"), tr("Children"));
    addField(QStringLiteral("skew"), tr("Clock skew"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void OverviewPanel::addField(const QString &field, const QString &label)
{
    auto *value = new QLabel;
    value->setObjectName(field);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_form->addRow(label, value);
    m_values.insert(field, value);
}

void OverviewPanel::set(const QString &field, const QString &text)
{
    if (QLabel *l = m_values.value(field)) {
        l->setText(text);
        // Rows stay visible: in Qt 6.4 QFormLayout writes out of bounds in its height-for-width pass when
        // rows with word-wrapped labels are hidden (setRowVisible or hidden widgets), and crashes later.
        if (text.isEmpty())
            l->setText(tr("—"));
    }
}

QString OverviewPanel::value(const QString &field) const
{
    const QLabel *l = m_values.value(field);
    return l ? l->text() : QString();
}

void OverviewPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    if (!isValidSpan(trace, spanIndex)) {
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            set(it.key(), QString());
        set(QStringLiteral("operation"), tr("No span selected"));
        return;
    }
    const Trace &t = *trace;
    const Span &s = t.span(static_cast<std::size_t>(spanIndex));
    const auto dur = [](std::int64_t us) { return SpanTreeModel::formatDuration(static_cast<double>(us)); };
    set(QStringLiteral("operation"), s.isPlaceholder() ? tr("(missing span: referenced as a parent, not in the trace)") : t.qstr(s.name));
    set(QStringLiteral("service"), t.qstr(s.service));
    set(QStringLiteral("instance"), t.qstr(s.instance));
    set(QStringLiteral("transaction"), t.qstr(s.transaction));
    QString status = s.isError() ? tr("Error") : s.isWarning() ? tr("Warning: slower than usual") : tr("OK");
    if (s.statusText)
        status += QStringLiteral(" — ") + t.qstr(s.statusText);
    set(QStringLiteral("status"), s.isPlaceholder() ? QString() : status);
    set(QStringLiteral("traceId"), t.qstr(s.traceId));
    set(QStringLiteral("spanId"), t.qstr(s.spanId));
    set(QStringLiteral("parentId"), t.qstr(s.parentId));
    QString kind = QString::fromLatin1(spanKindName(s.kind));
    if (s.hasFlag(SpanFlag::Shared))
        kind += tr(" (client and server halves shared one id)");
    set(QStringLiteral("kind"), kind);
    set(QStringLiteral("component"), s.componentName ? t.qstr(s.componentName)
                                     : s.component != Component::None ? QString::fromLatin1(componentKey(s.component))
                                                                      : QString());
    set(QStringLiteral("start"), formatTimestamp(s.startUs, false));
    set(QStringLiteral("startUtc"), formatTimestamp(s.startUs, true));
    set(QStringLiteral("offset"), QStringLiteral("+") + dur(s.startUs - t.startUs()));
    set(QStringLiteral("duration"), dur(s.durationUs));
    set(QStringLiteral("selfTime"), dur(s.selfTimeUs));
    set(QStringLiteral("children"), s.childCount ? QString::number(s.childCount) : QString());
    QString skew;
    if (s.serverShiftUs != s.skewShiftUs)
        skew = tr("server side shifted by %1").arg(dur(s.serverShiftUs));
    else if (s.skewShiftUs)
        skew = tr("shifted by %1").arg(dur(s.skewShiftUs));
    if (!skew.isEmpty() && s.skewReason == SkewReason::ServerBeforeClient)
        skew += tr(" (server started before its client sent the request)");
    set(QStringLiteral("skew"), skew);
}

} // namespace td
