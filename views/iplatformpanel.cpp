#include "iplatformpanel.h"

#include <QLocale>

#include "extensionkeys.h"
#include "spandetails.h"
#include "spanpalette.h"
#include "spantreemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace td {


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
        for (const IPlatformField &field : iplatformFields(t, s)) {
            const std::string &key = field.key;
            const int severity = field.severity;
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
            item->setText(Value, field.value);
            item->setText(Note, field.note);
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
