#include "problemspanel.h"

#include "spanpalette.h"
#include "spanpanel.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace td {

namespace {

QString kindName(Problem::Kind k)
{
    const auto tr = [](const char *s) { return ProblemsPanel::tr(s); };
    switch (k) {
    case Problem::Kind::Parse: return tr("parse");
    case Problem::Kind::SkippedSpan: return tr("skipped span");
    case Problem::Kind::MissingParent: return tr("missing parent");
    case Problem::Kind::DuplicateId: return tr("duplicate id");
    case Problem::Kind::Cycle: return tr("cycle");
    case Problem::Kind::SkewAdjusted: return tr("clock skew");
    case Problem::Kind::OutsideParent: return tr("outside parent");
    case Problem::Kind::NoTimestamp: return tr("no timestamp");
    case Problem::Kind::Truncated: return tr("truncated");
    case Problem::Kind::Envelope: return tr("API error");
    case Problem::Kind::Other: break;
    }
    return tr("other");
}

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_table = SpanPanel::makeTable({tr("Severity"), tr("Kind"), tr("Where"), tr("Message")}, this);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->header()->resizeSection(Severity, 80);
    m_table->header()->resizeSection(Kind, 110);
    m_table->header()->resizeSection(Where, 180);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    const auto go = [this](QTreeWidgetItem *item) {
        const int span = item ? item->data(Severity, Qt::UserRole).toInt() : -1;
        if (span >= 0)
            emit spanRequested(span);
    };
    connect(m_table, &QTreeWidget::itemActivated, this, go);
    connect(m_table, &QTreeWidget::itemClicked, this, go);
}

void ProblemsPanel::setTrace(const TracePtr &trace)
{
    m_table->clear();
    if (!trace)
        return;
    for (const Problem &p : trace->problems()) {
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(Severity, QString::fromLatin1(Problem::severityName(p.severity)));
        if (p.severity == Problem::Severity::Error)
            item->setForeground(Severity, SpanPalette::errorColor());
        item->setText(Kind, kindName(p.kind));
        item->setText(Where, QString::fromStdString(p.where));
        item->setText(Message, QString::fromStdString(p.message));
        item->setToolTip(Message, QString::fromStdString(p.message).toHtmlEscaped());
        item->setData(Severity, Qt::UserRole, p.span);
    }
}

} // namespace td
