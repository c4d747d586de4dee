#include "spantableview.h"

#include "backendapi.h"
#include "exportbody.h"
#include "exportoptions.h"
#include "spantablemodel.h"
#include "tablecellpainter.h"

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
#include <QPainter>
#include <QVBoxLayout>
#include <QFontMetricsF>

#include "redaction.h"

#include <algorithm>
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
    // Failed spans in red, search matches yellow, the selected span's row tinted: as in the events table.
    m_table->setItemDelegate(new SpanRowDelegate(m_context, SpanTableModel::SpanIndexRole, SpanTableModel::ErrorRole, m_table));
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

void SpanTableView::marksChanged()
{
    m_model->setShowRawTimes(m_context->showRawTimes);
    m_table->viewport()->update();
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
    m_model->setShowRawTimes(m_context->showRawTimes);
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

namespace {

// The span table below an export's header: the rows as the page filtered and sorted them (or every span in
// tree order), one line each, cells through the redactor (tag columns by their key).
class SpanTableExportBody : public ExportBody
{
public:
    SpanTableExportBody(const ExportSource &source, const ExportStyle &style)
        : m_style(style), m_selectedSpan(source.detailsSpan)
    {
        m_model.setTrace(source.trace);
        m_model.setTagColumns(source.tableTagColumns);
        m_model.setShowRawTimes(source.showRawTimes);
        if (source.items.empty()) {
            // Without the page's order (headless): by start, as the trace ran.
            for (int r = 0; r < m_model.rowCount(); ++r)
                m_spans.push_back(m_model.spanAtRow(r));
            const Trace &t = *source.trace;
            std::stable_sort(m_spans.begin(), m_spans.end(), [this, &t](std::int32_t a, std::int32_t b) {
                return m_model.startOffsetUs(t.span(static_cast<std::size_t>(a))) < m_model.startOffsetUs(t.span(static_cast<std::size_t>(b)));
            });
        } else {
            for (const std::int32_t i : source.items)
                if (source.trace && i >= 0 && static_cast<std::size_t>(i) < source.trace->spanCount())
                    m_spans.push_back(i);
        }
    }

    void layOut(qreal width, Redactor &redactor) override
    {
        m_width = width;
        const int columns = m_model.columnCount();
        // Service, Operation, Start, Duration, Self time, Error, Component; tag columns share what is left.
        const qreal fixed[] = {0.14, 0.30, 0.08, 0.08, 0.08, 0.05, 0.10};
        const int tags = columns - SpanTableModel::FixedColumnCount;
        qreal used = 0;
        for (const qreal f : fixed)
            used += f;
        const qreal scale = tags > 0 ? 0.6 / used : 1.0 / used;
        m_columnX.clear();
        qreal x = 0;
        for (int c = 0; c < columns; ++c) {
            m_columnX.push_back(x);
            x += std::round(width * (c < SpanTableModel::FixedColumnCount ? fixed[c] * scale : 0.4 / tags));
        }
        m_columnX.push_back(width);
        m_rowHeight = std::ceil(QFontMetricsF(m_style.font).height()) + 2 * padding;
        m_titles.clear();
        for (int c = 0; c < columns; ++c)
            m_titles << redactor.text(m_model.headerData(c, Qt::Horizontal).toString());
        m_rows.clear();
        m_rows.reserve(m_spans.size());
        const Trace *trace = m_model.trace().get();
        for (const std::int32_t span : m_spans) {
            Row row;
            row.error = trace->span(static_cast<std::size_t>(span)).isError();
            row.selected = span == m_selectedSpan;
            for (int c = 0; c < columns; ++c) {
                const QString text = m_model.cellText(span, c);
                row.texts << (c >= SpanTableModel::FixedColumnCount
                                  ? redactor.tagValue(m_titles.at(c), text)
                                  : c == SpanTableModel::Service || c == SpanTableModel::Operation || c == SpanTableModel::ComponentColumn
                                  ? redactor.text(text)
                                  : text);
            }
            m_rows.push_back(std::move(row));
        }
    }

    int bandCount() const override { return static_cast<int>(m_rows.size()); }
    qreal bandHeight(int) const override { return m_rowHeight; }
    qreal headHeight() const override { return m_rowHeight + 2; }

    void paintHead(QPainter *p, const QPointF &topLeft) const override
    {
        p->save();
        p->fillRect(QRectF(topLeft, QSizeF(m_width, headHeight())), QColor(0xEC, 0xEE, 0xF1));
        p->setFont(m_style.bold);
        p->setPen(ink);
        for (int c = 0; c < m_titles.size(); ++c)
            p->drawText(cellRect(c, topLeft.x(), topLeft.y() + 1), alignment(c), m_titles.at(c));
        p->restore();
    }

    void paintBands(QPainter *p, int first, int end, const QPointF &topLeft) const override
    {
        p->save();
        p->setFont(m_style.font);
        const TableCellPainter::Style style = TableCellPainter::lightStyle();
        qreal y = topLeft.y();
        for (int b = std::max(0, first); b < end && b < bandCount(); ++b) {
            const Row &row = m_rows[static_cast<std::size_t>(b)];
            const QRectF band(topLeft.x(), y, m_width, m_rowHeight);
            if (b % 2)
                p->fillRect(band, QColor(0xF4, 0xF5, 0xF7));
            TableCellPainter::State state;
            state.error = row.error;
            state.onSelectedSpan = row.selected;
            TableCellPainter::paintBackground(p, band, state, style);
            for (int c = 0; c < row.texts.size(); ++c)
                TableCellPainter::paintText(p, cellRect(c, topLeft.x(), y), row.texts.at(c),
                                            static_cast<Qt::Alignment>(alignment(c)), 1, state, style);
            y += m_rowHeight;
        }
        p->restore();
    }

    QStringList drawnTexts() const override
    {
        QStringList out = m_titles;
        for (const Row &row : m_rows)
            for (const QString &t : row.texts)
                if (!t.isEmpty())
                    out << t;
        return out;
    }

private:
    struct Row
    {
        QStringList texts;
        bool error = false;
        bool selected = false;
    };
    static constexpr qreal padding = 3;
    static constexpr qreal cellPadding = 4;
    static inline const QColor ink{0x1A, 0x1A, 0x1A};

    static int alignment(int column)
    {
        const bool number = column == SpanTableModel::Start || column == SpanTableModel::Duration || column == SpanTableModel::SelfTime;
        return static_cast<int>((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | Qt::TextSingleLine);
    }
    QRectF cellRect(int c, qreal left, qreal top) const
    {
        const qreal x0 = m_columnX[static_cast<std::size_t>(c)], x1 = m_columnX[static_cast<std::size_t>(c) + 1];
        return QRectF(left + x0 + cellPadding, top, std::max<qreal>(4, x1 - x0 - 2 * cellPadding), m_rowHeight);
    }

    SpanTableModel m_model;
    ExportStyle m_style;
    std::int32_t m_selectedSpan;
    std::vector<std::int32_t> m_spans;
    QStringList m_titles;
    std::vector<Row> m_rows;
    std::vector<qreal> m_columnX;
    qreal m_width = 0;
    qreal m_rowHeight = 18;
};

} // namespace

std::unique_ptr<ExportBody> makeSpanTableExportBody(const ExportSource &source, const ExportStyle &style)
{
    if (!source.trace)
        return nullptr;
    return std::make_unique<SpanTableExportBody>(source, style);
}

} // namespace td
