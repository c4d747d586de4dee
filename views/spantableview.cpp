#include "spantableview.h"

#include "backendapi.h"
#include "exportbody.h"
#include "exportoptions.h"
#include "spantablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace td {

SpanTableView::SpanTableView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
    , m_model(new SpanTableModel(this))
    , m_proxy(new SpanTableFilter(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_service(new QComboBox(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_minDuration(new QLineEdit(this))
    , m_addColumn(new QPushButton(tr("Add column…"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("spanTableFilter"));
    m_filter->setPlaceholderText(tr("Filter spans (service, operation)"));
    m_filter->setClearButtonEnabled(true);
    m_service->setObjectName(QStringLiteral("spanTableService"));
    m_service->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_service->setToolTip(tr("Only the spans of this service"));
    m_errorsOnly->setObjectName(QStringLiteral("spanTableErrorsOnly"));
    m_minDuration->setObjectName(QStringLiteral("spanTableMinDuration"));
    m_minDuration->setPlaceholderText(tr("Min duration (100ms)"));
    m_minDuration->setClearButtonEnabled(true);
    m_minDuration->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Min duration (100ms)")) + 40);
    m_addColumn->setToolTip(tr("Add a column showing a tag's value"));
    m_export->setToolTip(tr("Write the rows shown to a CSV file"));
    m_count->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("spanTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    // Fixed heights: a million rows cost nothing to lay out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setSortIndicator(SpanTableModel::Start, Qt::AscendingOrder);
    header->resizeSection(SpanTableModel::Service, 150);
    header->resizeSection(SpanTableModel::Operation, 240);

    auto *copy = new QAction(tr("Copy"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(copy);
    connect(copy, &QAction::triggered, this, &SpanTableView::copySelection);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_service);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_minDuration);
    bar->addWidget(m_addColumn);
    bar->addWidget(m_export);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    connect(m_filter, &QLineEdit::textChanged, this, &SpanTableView::applyFilter);
    connect(m_service, &QComboBox::currentIndexChanged, this, &SpanTableView::applyFilter);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &SpanTableView::applyFilter);
    connect(m_minDuration, &QLineEdit::textChanged, this, &SpanTableView::applyFilter);
    connect(m_addColumn, &QPushButton::clicked, this, &SpanTableView::askTagColumn);
    connect(m_export, &QPushButton::clicked, this, &SpanTableView::exportCsv);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const std::int32_t span = m_proxy->spanAt(index); span >= 0)
            emit spanActivated(span);
    });
    if (m_context->time)
        connect(m_context->time, &TimeControl::selectedSpanChanged, this, &SpanTableView::onSelectedSpanChanged);
    updateCount();
}

void SpanTableView::traceChanged()
{
    m_built = false;
    if (isVisible())
        ensureBuilt();
    else {
        m_model->setTrace(nullptr);
        updateCount();
    }
}

void SpanTableView::describeExport(ExportSource *source) const
{
    source->tableTagColumns = m_model->tagColumns();
    if (!m_built)
        return; // never shown: every span in the default order
    source->items.clear();
    source->items.reserve(static_cast<std::size_t>(m_proxy->rowCount()));
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        source->items.push_back(m_proxy->spanAt(m_proxy->index(r, 0)));
    // Nothing passes the filter: an index no span has, so the export draws no rows rather than all.
    if (source->items.empty() && m_model->rowCount() > 0)
        source->items.push_back(-1);
}

void SpanTableView::showEvent(QShowEvent *event)
{
    TraceViewPage::showEvent(event);
    ensureBuilt();
}

void SpanTableView::ensureBuilt()
{
    if (m_built)
        return;
    m_built = true;
    const TracePtr &trace = m_context->trace;
    {
        const QSignalBlocker block(m_service);
        const QString previous = m_service->currentData().toString();
        m_service->clear();
        m_service->addItem(tr("All services"), QString());
        if (trace)
            for (const StrId id : trace->services()) {
                const QString name = trace->qstr(id);
                if (!name.isEmpty())
                    m_service->addItem(name, name);
            }
        const int keep = m_service->findData(previous);
        m_service->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    m_model->setTrace(trace);
    applyFilter();
    if (m_context->time)
        onSelectedSpanChanged(m_context->time->selectedSpan());
}

void SpanTableView::applyFilter()
{
    m_proxy->setTextFilter(m_filter->text().trimmed());
    m_proxy->setServiceFilter(m_service->currentData().toString());
    m_proxy->setErrorsOnly(m_errorsOnly->isChecked());
    const QString min = m_minDuration->text().trimmed();
    const std::int64_t us = min.isEmpty() ? 0 : backendapi::parseDurationUs(min);
    // A duration being typed ("10", "1.") is not one yet: keep the field's text, mark it, filter by nothing.
    m_minDuration->setStyleSheet(us < 0 ? QStringLiteral("color: #c0392b") : QString());
    m_proxy->setMinDurationUs(us < 0 ? 0 : us);
    updateCount();
}

void SpanTableView::updateCount()
{
    if (!m_model->trace()) {
        m_count->clear();
        return;
    }
    if (m_proxy->rowCount() == m_model->rowCount())
        m_count->setText(tr("%n span(s)", nullptr, m_model->rowCount()));
    else
        m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void SpanTableView::addTagColumn(const QString &key)
{
    const QString k = key.trimmed();
    if (k.isEmpty() || m_model->tagColumns().contains(k))
        return;
    QStringList keys = m_model->tagColumns();
    keys << k;
    m_model->setTagColumns(keys);
    updateCount();
}

void SpanTableView::askTagColumn()
{
    QStringList keys;
    if (const TracePtr &t = m_context->trace) {
        std::set<QString> distinct;
        for (const Tag &tag : t->distinctTags())
            distinct.insert(t->qstr(tag.key));
        for (const QString &k : distinct)
            if (!k.isEmpty() && !m_model->tagColumns().contains(k))
                keys << k;
    }
    bool ok = false;
    const QString key = QInputDialog::getItem(this, tr("Add column"), tr("Tag key:"), keys, 0, true, &ok);
    if (ok)
        addTagColumn(key);
}

QString SpanTableView::selectedRowsTsv() const
{
    return SpanTableModel::rowsAsTsv(m_table->selectionModel()->selectedIndexes());
}

void SpanTableView::copySelection()
{
    const QString text = selectedRowsTsv();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void SpanTableView::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !SpanTableModel::writeCsv(&file, m_proxy) || !file.commit())
        QMessageBox::warning(this, tr("Export CSV"), tr("Cannot write %1: %2").arg(path, file.errorString()));
}

void SpanTableView::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_following || !current.isValid() || !m_context->time)
        return;
    if (const std::int32_t span = m_proxy->spanAt(current); span >= 0)
        m_context->time->setSelectedSpan(span);
}

void SpanTableView::onSelectedSpanChanged(std::int32_t spanIndex)
{
    if (!m_built || spanIndex < 0)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && m_proxy->spanAt(current) == spanIndex)
        return;
    const QModelIndex index = m_proxy->indexForSpan(spanIndex, current.isValid() ? current.column() : 0);
    if (!index.isValid())
        return;
    m_following = true;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    m_following = false;
}

std::unique_ptr<ExportBody> makeSpanTableExportBody(const ExportSource &source, const ExportStyle &style)
{
    Q_UNUSED(source)
    Q_UNUSED(style)
    return nullptr;
}

} // namespace td
