#include "iplatformpanel.h"

#include <QLocale>

#include "extensionkeys.h"
#include "iplatformtext.h"
#include "spanpalette.h"
#include "spantreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace td {

using iplatform::isNone;

IPlatformPanel::IPlatformPanel(QWidget *parent)
    : SpanPanel(parent)
{
    m_table = makeTable({tr("Field"), tr("Value"), tr("Note")}, this);
    m_table->header()->resizeSection(Field, 200);
    m_table->header()->resizeSection(Value, 190);
    m_empty = layOutTable(m_table, tr("This span has no iplatform fields."));
}

QTreeWidgetItem *IPlatformPanel::rowFor(const QString &key) const
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        if (m_table->topLevelItem(i)->data(Field, Qt::UserRole).toString() == key)
            return m_table->topLevelItem(i);
    }
    return nullptr;
}

bool IPlatformPanel::hasFields() const
{
    return m_table->topLevelItemCount() > 0;
}

void IPlatformPanel::showSpan(const TracePtr &trace, std::int32_t spanIndex)
{
    m_table->clear();
    if (isValidSpan(trace, spanIndex)) {
        const Trace &t = *trace;
        const Span &s = t.span(static_cast<std::size_t>(spanIndex));
        const auto &keys = ExtensionKeys::instance();
        const auto dur = [](double us) { return SpanTreeModel::formatDuration(us); };
        for (const std::string &key : keys.roleKeys()) {
            QString value, note;
            int severity = 0; // 1 warning, 2 failure
            switch (keys.role(key)) {
            case ExtensionKeys::Role::Component:
                value = t.qstr(s.componentName);
                break;
            case ExtensionKeys::Role::Succeed:
                if (s.succeed >= 0)
                    value = s.succeed ? QStringLiteral("true") : QStringLiteral("false");
                if (s.succeed == 0) {
                    note = tr("failed");
                    severity = 2;
                }
                break;
            case ExtensionKeys::Role::Busisys: value = t.qstr(s.busisys); break;
            case ExtensionKeys::Role::ServiceInstId: value = t.qstr(s.serviceInstId); break;
            case ExtensionKeys::Role::DurationMoveAvg:
                if (s.hasDurationMoveAvg()) {
                    value = dur(s.durationMoveAvgUs);
                    const double ratio = s.durationMoveAvgUs > 0 ? static_cast<double>(s.durationUs) / s.durationMoveAvgUs : NAN;
                    note = std::isnan(ratio) ? tr("actual %1").arg(dur(static_cast<double>(s.durationUs)))
                                             : tr("actual %1 = %2× usual").arg(dur(static_cast<double>(s.durationUs))).arg(ratio, 0, 'f', 2);
                    if (s.isWarning())
                        severity = 1;
                }
                break;
            case ExtensionKeys::Role::WarnPct:
                value = t.qstr(s.warnPctText);
                if (!std::isnan(s.warnPct) && s.warnPct > 0 && s.hasDurationMoveAvg())
                    note = tr("warns above %1").arg(dur(s.durationMoveAvgUs * (1.0 + s.warnPct / 100.0)));
                break;
            case ExtensionKeys::Role::WarnType:
                value = t.qstr(s.warnType);
                if (!value.isEmpty() && !isNone(value)) {
                    note = tr("performance warning");
                    severity = 1;
                }
                break;
            case ExtensionKeys::Role::ExceptionClass:
                value = t.qstr(s.exceptionClass);
                if (!value.isEmpty() && !isNone(value)) {
                    note = tr("failed with this exception");
                    severity = 2;
                }
                break;
            case ExtensionKeys::Role::None: break;
            }
            if (value.isEmpty())
                continue;
            auto *item = new QTreeWidgetItem(m_table);
            const QString qkey = QString::fromStdString(key);
            const ExtensionKeys::Label *label = keys.keyLabel(key);
            const bool chinese = QLocale().language() == QLocale::Chinese;
            item->setText(Field, label ? label->text(chinese) + QStringLiteral(" (") + qkey + QStringLiteral(")") : qkey);
            item->setData(Field, Qt::UserRole, qkey);
            if (label)
                item->setToolTip(Field, QString((chinese ? label->en : label->zh) + QStringLiteral("\n")
                                                + (chinese && !label->meaningZh.isEmpty() ? label->meaningZh : label->meaningEn))
                                            .toHtmlEscaped());
            item->setText(Value, value);
            item->setText(Note, note);
            if (severity) {
                const QColor c = severity == 2 ? SpanPalette::errorColor() : SpanPalette::warningColor().darker(140);
                QFont bold = m_table->font();
                bold.setBold(true);
                for (const int col : {Value, Note}) {
                    item->setForeground(col, c);
                    item->setFont(col, bold);
                }
                item->setData(Note, Qt::UserRole, severity);
            }
        }
    }
    const bool any = hasFields();
    m_table->setVisible(any);
    m_empty->setVisible(!any);
}

} // namespace td
