#include "compareview.h"

#include "exportbody.h"
#include "redaction.h"
#include "spantreemodel.h"

#include <QComboBox>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

QString duration(std::int64_t us)
{
    return SpanTreeModel::formatDuration(static_cast<double>(us));
}

QString traceLabel(const Trace &t)
{
    return QString::fromUtf8(t.traceId().data(), static_cast<qsizetype>(t.traceId().size()));
}

// A's bar in the upper half of rect, B's in the lower, on [0, axisUs) relative to each trace's start.
void paintBars(QPainter *p, const QRectF &rect, const CompareRow &row, std::int64_t axisUs)
{
    const double scale = rect.width() / static_cast<double>(std::max<std::int64_t>(1, axisUs));
    const qreal h = std::max<qreal>(3, (rect.height() - 4) / 2);
    const auto bar = [&](bool present, std::int64_t start, std::int64_t end, qreal top, const QColor &colour) {
        if (!present)
            return;
        const qreal x0 = rect.left() + static_cast<double>(start) * scale;
        const qreal x1 = std::max(x0 + 1, rect.left() + static_cast<double>(end) * scale);
        p->fillRect(QRectF(x0, top, x1 - x0, h), colour);
    };
    bar(!row.spansA.empty(), row.startAUs, row.endAUs, rect.top() + 2, CompareColors::barA());
    bar(!row.spansB.empty(), row.startBUs, row.endBUs, rect.top() + 2 + h, CompareColors::barB());
}

class CompareBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(p, option, index);
        const auto *model = qobject_cast<const CompareTreeModel *>(index.model());
        if (!model || !model->compare())
            return;
        const std::int32_t row = model->rowOf(index);
        if (row < 0)
            return;
        p->save();
        paintBars(p, QRectF(option.rect).adjusted(2, 1, -2, -1), model->compare()->rows()[static_cast<std::size_t>(row)], model->axisUs());
        p->restore();
    }
};

} // namespace

CompareTreeModel::CompareTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void CompareTreeModel::setCompare(const TraceCompare *compare, std::int64_t axisUs)
{
    beginResetModel();
    m_compare = compare;
    m_axisUs = std::max<std::int64_t>(1, axisUs);
    m_slowdown = compare ? compare->bySlowdown() : std::vector<std::int32_t>();
    const std::size_t n = compare ? compare->rows().size() : 0;
    m_positionInSlowdown.assign(n, -1);
    for (std::size_t k = 0; k < m_slowdown.size(); ++k)
        m_positionInSlowdown[static_cast<std::size_t>(m_slowdown[k])] = static_cast<std::int32_t>(k);
    m_rowInParent.assign(n, 0);
    if (compare) {
        for (std::size_t k = 0; k < compare->roots().size(); ++k)
            m_rowInParent[static_cast<std::size_t>(compare->roots()[k])] = static_cast<std::int32_t>(k);
        for (const CompareRow &r : compare->rows())
            for (std::size_t k = 0; k < r.children.size(); ++k)
                m_rowInParent[static_cast<std::size_t>(r.children[k])] = static_cast<std::int32_t>(k);
    }
    endResetModel();
}

void CompareTreeModel::setBySlowdown(bool bySlowdown)
{
    if (bySlowdown == m_bySlowdown)
        return;
    beginResetModel();
    m_bySlowdown = bySlowdown;
    endResetModel();
}

const std::vector<std::int32_t> &CompareTreeModel::childrenOf(std::int32_t row) const
{
    return row < 0 ? m_compare->roots() : m_compare->rows()[static_cast<std::size_t>(row)].children;
}

QModelIndex CompareTreeModel::indexOfRow(std::int32_t row, int column) const
{
    if (!m_compare || row < 0 || static_cast<std::size_t>(row) >= m_compare->rows().size())
        return {};
    const int position = m_bySlowdown ? m_positionInSlowdown[static_cast<std::size_t>(row)] : m_rowInParent[static_cast<std::size_t>(row)];
    return createIndex(position, column, static_cast<quintptr>(row));
}

std::int32_t CompareTreeModel::rowOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<std::int32_t>(index.internalId()) : -1;
}

QModelIndex CompareTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_compare || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (m_bySlowdown) {
        if (parent.isValid() || static_cast<std::size_t>(row) >= m_slowdown.size())
            return {};
        return createIndex(row, column, static_cast<quintptr>(m_slowdown[static_cast<std::size_t>(row)]));
    }
    const std::vector<std::int32_t> &children = childrenOf(rowOf(parent));
    if (static_cast<std::size_t>(row) >= children.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex CompareTreeModel::parent(const QModelIndex &child) const
{
    if (!m_compare || !child.isValid() || m_bySlowdown)
        return {};
    const std::int32_t parentRow = m_compare->rows()[static_cast<std::size_t>(rowOf(child))].parent;
    return parentRow < 0 ? QModelIndex() : indexOfRow(parentRow);
}

int CompareTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_compare || parent.column() > 0)
        return 0;
    if (m_bySlowdown)
        return parent.isValid() ? 0 : static_cast<int>(m_slowdown.size());
    return static_cast<int>(childrenOf(rowOf(parent)).size());
}

int CompareTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString CompareTreeModel::headerText(int column)
{
    switch (column) {
    case NameColumn: return tr("Service: operation");
    case CountAColumn: return tr("Count A");
    case CountBColumn: return tr("Count B");
    case DurationAColumn: return tr("Duration A");
    case DurationBColumn: return tr("Duration B");
    case DeltaColumn: return tr("Difference");
    case RatioColumn: return tr("Ratio");
    case TimelineColumn: return tr("A (upper bar) / B (lower bar)");
    }
    return {};
}

QString CompareTreeModel::cellText(const TraceCompare &compare, std::int32_t index, int column)
{
    const CompareRow &r = compare.rows()[static_cast<std::size_t>(index)];
    const bool inA = !r.spansA.empty(), inB = !r.spansB.empty();
    switch (column) {
    case NameColumn:
        return r.service + QStringLiteral(": ") + r.operation;
    case CountAColumn: return inA ? QString::number(r.countA()) : QStringLiteral("–");
    case CountBColumn: return inB ? QString::number(r.countB()) : QStringLiteral("–");
    case DurationAColumn: return inA ? duration(r.durationAUs) : QStringLiteral("–");
    case DurationBColumn: return inB ? duration(r.durationBUs) : QStringLiteral("–");
    case DeltaColumn: {
        const std::int64_t d = r.deltaUs();
        return (d > 0 ? QStringLiteral("+") : d < 0 ? QStringLiteral("−") : QString()) + duration(std::abs(d));
    }
    case RatioColumn:
        if (!inA)
            return tr("only in B");
        if (!inB)
            return tr("only in A");
        if (!std::isfinite(r.ratio()))
            return QStringLiteral("–");
        return QStringLiteral("×%1").arg(r.ratio(), 0, 'f', r.ratio() >= 10 ? 0 : 2);
    }
    return {};
}

QVariant CompareTreeModel::data(const QModelIndex &index, int role) const
{
    if (!m_compare || !index.isValid())
        return {};
    const std::int32_t row = rowOf(index);
    const CompareRow &r = m_compare->rows()[static_cast<std::size_t>(row)];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn && m_bySlowdown)
            return m_compare->path(row).join(QStringLiteral(" › "));
        return index.column() == TimelineColumn ? QVariant() : QVariant(cellText(*m_compare, row, index.column()));
    case Qt::ToolTipRole:
        return m_compare->path(row).join(QStringLiteral(" › "));
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (r.side() == CompareSide::OnlyA)
            return CompareColors::onlyA();
        if (r.side() == CompareSide::OnlyB)
            return CompareColors::onlyB();
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DeltaColumn && r.side() == CompareSide::Both && r.deltaUs() != 0)
            return r.deltaUs() > 0 ? QColor(0xC6, 0x28, 0x28) : QColor(0x2E, 0x7D, 0x32);
        return {};
    case RowRole:
        return row;
    case SortRole:
        return static_cast<qlonglong>(r.deltaUs());
    }
    return {};
}

QVariant CompareTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return headerText(section);
    return {};
}

CompareView::CompareView(TracePtr a, TracePtr b, const QString &nameA, const QString &nameB, QWidget *parent)
    : QWidget(parent)
    , m_a(std::move(a))
    , m_b(std::move(b))
    , m_nameA(nameA)
    , m_nameB(nameB)
    , m_compare(TraceCompare::build(*m_a, *m_b))
    , m_model(new CompareTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_order(new QComboBox(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("compareView"));
    m_model->setCompare(&m_compare, std::max(m_a->durationUs(), m_b->durationUs()));
    m_tree->setModel(m_model);
    m_tree->setObjectName(QStringLiteral("compareTree"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setItemDelegateForColumn(CompareTreeModel::TimelineColumn, new CompareBarDelegate(m_tree));
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(CompareTreeModel::NameColumn, 320);
    for (int c = CompareTreeModel::CountAColumn; c <= CompareTreeModel::RatioColumn; ++c)
        m_tree->header()->resizeSection(c, c <= CompareTreeModel::CountBColumn ? 70 : 95);
    m_tree->expandAll();

    m_order->setObjectName(QStringLiteral("compareOrder"));
    m_order->addItem(tr("Tree of calls"));
    m_order->addItem(tr("Largest slowdown first"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("A: %1 (%2, %3 spans, %4)\nB: %5 (%6, %7 spans, %8)\n%9 rows in both · %10 only in A · %11 only in B")
                           .arg(m_nameA, traceLabel(*m_a)).arg(m_a->realSpanCount()).arg(duration(m_a->durationUs()))
                           .arg(m_nameB, traceLabel(*m_b)).arg(m_b->realSpanCount()).arg(duration(m_b->durationUs()))
                           .arg(m_compare.matchedCount()).arg(m_compare.onlyACount()).arg(m_compare.onlyBCount()));
    auto *legend = new QLabel(this);
    legend->setTextFormat(Qt::PlainText);
    legend->setText(tr("Bars: A above, B below, from each trace's start. Red rows: only in A; green rows: only in B."));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    auto *orderLabel = new QLabel(tr("Rows:"), this);
    orderLabel->setBuddy(m_order);
    bar->addWidget(m_summary, 1);
    bar->addWidget(orderLabel);
    bar->addWidget(m_order);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(legend);
    layout->addWidget(m_tree, 1);
    legend->setContentsMargins(6, 0, 6, 0);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this](int i) { setBySlowdown(i == 1); });

    // The question is "what got slower": the biggest slowdown is selected first.
    const std::vector<std::int32_t> order = m_compare.bySlowdown();
    if (!order.empty())
        selectRow(order.front());
}

CompareView::~CompareView() = default;

QString CompareView::title() const
{
    return tr("%1 ⇄ %2").arg(m_nameA, m_nameB);
}

std::int32_t CompareView::selectedRow() const
{
    return m_model->rowOf(m_tree->currentIndex());
}

void CompareView::selectRow(std::int32_t row)
{
    const QModelIndex index = m_model->indexOfRow(row);
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void CompareView::setBySlowdown(bool bySlowdown)
{
    const std::int32_t selected = selectedRow();
    {
        const QSignalBlocker block(m_order);
        m_order->setCurrentIndex(bySlowdown ? 1 : 0);
    }
    m_model->setBySlowdown(bySlowdown);
    if (!bySlowdown)
        m_tree->expandAll();
    selectRow(bySlowdown ? m_compare.bySlowdown().front() : selected);
}

ExportSource CompareView::exportSource() const
{
    ExportSource source = exportSourceFromTrace(m_a, ExportScope::All, NoIndex);
    source.compareWith = m_b;
    source.compareNameA = m_nameA;
    source.compareNameB = m_nameB;
    source.compareBySlowdown = m_model->bySlowdown();
    return source;
}

namespace {

// The comparison below the export's header: column titles, then a band per row (in the tab's order) with
// the cell texts and the two bars.
class CompareExportBody : public ExportBody
{
public:
    CompareExportBody(const ExportSource &source, const ExportStyle &style)
        : m_source(source), m_style(style)
    {
    }

    void layOut(qreal width, Redactor &redactor) override
    {
        m_width = width;
        m_texts.clear();
        m_cells.clear();
        m_rows.clear();
        if (!m_source.trace || !m_source.compareWith)
            return;
        m_compare = TraceCompare::build(*m_source.trace, *m_source.compareWith, m_source.showRawTimes);
        m_axisUs = std::max(m_source.trace->durationUs(), m_source.compareWith->durationUs());
        if (m_source.compareBySlowdown) {
            m_rows = m_compare.bySlowdown();
        } else {
            m_rows.reserve(m_compare.rows().size());
            for (std::size_t k = 0; k < m_compare.rows().size(); ++k)
                m_rows.push_back(static_cast<std::int32_t>(k));
        }
        for (int c = 0; c < CompareTreeModel::TimelineColumn; ++c)
            m_texts << CompareTreeModel::headerText(c);
        for (const std::int32_t r : m_rows) {
            QStringList cells;
            for (int c = 0; c < CompareTreeModel::TimelineColumn; ++c) {
                QString text = c == CompareTreeModel::NameColumn && m_source.compareBySlowdown
                    ? m_compare.path(r).join(QStringLiteral(" › "))
                    : CompareTreeModel::cellText(m_compare, r, c);
                if (c == CompareTreeModel::NameColumn)
                    text = redactor.text(text);
                cells << text;
                m_texts << text;
            }
            m_cells.push_back(cells);
        }
        const QFontMetricsF fm(m_style.font);
        m_rowHeight = std::ceil(fm.height() + 6);
        // Name gets what the numbers leave, the bars a fifth.
        const qreal numbers = fm.horizontalAdvance(QStringLiteral("000000 ms ×")) + 12;
        m_columnX.clear();
        qreal x = 0;
        const qreal bars = std::max<qreal>(120, width / 5);
        const qreal name = std::max<qreal>(160, width - bars - 6 * numbers);
        m_columnX << x;
        x += name;
        for (int c = 1; c <= CompareTreeModel::TimelineColumn; ++c) {
            m_columnX << x;
            x += numbers;
        }
        m_columnX.back() = width - bars;
        m_columnX << width;
    }

    int bandCount() const override { return std::max<int>(1, static_cast<int>(m_rows.size())); }
    qreal bandHeight(int) const override { return m_rowHeight; }
    qreal headHeight() const override { return m_rowHeight; }

    void paintHead(QPainter *p, const QPointF &topLeft) const override
    {
        p->save();
        p->setFont(m_style.bold);
        p->setPen(QColor(0x30, 0x34, 0x3A));
        for (int c = 0; c <= CompareTreeModel::TimelineColumn; ++c)
            p->drawText(cell(topLeft, c), (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter | Qt::TextSingleLine,
                        CompareTreeModel::headerText(c));
        p->restore();
    }

    void paintBands(QPainter *p, int first, int end, const QPointF &topLeft) const override
    {
        p->save();
        p->setFont(m_style.font);
        const QFontMetricsF fm(m_style.font);
        if (m_rows.empty()) {
            p->setPen(QColor(0x5F, 0x66, 0x6E));
            p->drawText(QRectF(topLeft, QSizeF(m_width, m_rowHeight)), Qt::AlignCenter, CompareView::tr("No spans to compare."));
            p->restore();
            return;
        }
        for (int band = first; band < end && band < static_cast<int>(m_rows.size()); ++band) {
            const QPointF origin = topLeft + QPointF(0, (band - first) * m_rowHeight);
            const CompareRow &r = m_compare.rows()[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(band)])];
            if (r.side() != CompareSide::Both)
                p->fillRect(QRectF(origin, QSizeF(m_width, m_rowHeight)), r.side() == CompareSide::OnlyA ? CompareColors::onlyA() : CompareColors::onlyB());
            const QStringList &cells = m_cells[static_cast<std::size_t>(band)];
            for (int c = 0; c < CompareTreeModel::TimelineColumn; ++c) {
                QRectF rect = cell(origin, c);
                if (c == 0 && !m_source.compareBySlowdown)
                    rect.setLeft(rect.left() + 12 * r.depth);
                QColor pen(0x1A, 0x1A, 0x1A);
                if (c == CompareTreeModel::DeltaColumn && r.side() == CompareSide::Both && r.deltaUs() != 0)
                    pen = r.deltaUs() > 0 ? QColor(0xC6, 0x28, 0x28) : QColor(0x2E, 0x7D, 0x32);
                p->setPen(pen);
                p->drawText(rect, (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter | Qt::TextSingleLine,
                            fm.elidedText(cells[c], Qt::ElideMiddle, rect.width()));
            }
            paintBars(p, cell(origin, CompareTreeModel::TimelineColumn).adjusted(0, 1, 0, -1), r, m_axisUs);
            p->setPen(QColor(0xE4, 0xE6, 0xEA));
            p->drawLine(origin + QPointF(0, m_rowHeight - 0.5), origin + QPointF(m_width, m_rowHeight - 0.5));
        }
        p->restore();
    }

    QStringList drawnTexts() const override { return m_texts; }

private:
    QRectF cell(const QPointF &origin, int column) const
    {
        const qreal left = m_columnX[column] + 4, right = m_columnX[column + 1] - 4;
        return QRectF(origin.x() + left, origin.y(), std::max<qreal>(1, right - left), m_rowHeight);
    }

    ExportSource m_source;
    ExportStyle m_style;
    TraceCompare m_compare;
    std::vector<std::int32_t> m_rows;
    std::vector<QStringList> m_cells;
    QList<qreal> m_columnX;
    QStringList m_texts;
    std::int64_t m_axisUs = 1;
    qreal m_width = 0;
    qreal m_rowHeight = 18;
};

} // namespace

std::unique_ptr<ExportBody> makeCompareExportBody(const ExportSource &source, const ExportStyle &style)
{
    return std::make_unique<CompareExportBody>(source, style);
}

} // namespace td
