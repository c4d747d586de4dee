#include "flamegraphview.h"

#include "exportbody.h"
#include "plaintooltip.h"
#include "redaction.h"
#include "spanpalette.h"
#include "spantreemodel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

constexpr qreal minTextWidth = 28;

QString duration(std::int64_t us)
{
    return SpanTreeModel::formatDuration(static_cast<double>(us));
}

QColor faded(const QColor &c, const QColor &background)
{
    return QColor::fromRgbF(c.redF() * 0.3f + background.redF() * 0.7f, c.greenF() * 0.3f + background.greenF() * 0.7f,
                            c.blueF() * 0.3f + background.blueF() * 0.7f);
}

// Text on a frame: dark on light colours, white on dark ones.
QColor textOn(const QColor &fill)
{
    const double luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.5 ? QColor(0x1A, 0x1A, 0x1A) : QColor(Qt::white);
}

} // namespace

FlameGraphStyle FlameGraphStyle::fromPalette(const QPalette &palette, const QFont &font)
{
    FlameGraphStyle s;
    s.font = font;
    s.background = palette.color(QPalette::Base);
    s.text = palette.color(QPalette::Text);
    s.mutedText = palette.color(QPalette::PlaceholderText);
    s.border = palette.color(QPalette::Base);
    s.selection = palette.color(QPalette::Highlight);
    s.match = QColor(255, 200, 0);
    s.rowHeight = std::ceil(QFontMetricsF(font).height() + 5);
    return s;
}

FlameGraphStyle FlameGraphStyle::light(const QFont &font)
{
    FlameGraphStyle s;
    s.font = font;
    s.background = Qt::white;
    s.text = QColor(0x1A, 0x1A, 0x1A);
    s.mutedText = QColor(0x5F, 0x66, 0x6E);
    s.border = Qt::white;
    s.selection = QColor(0x1F, 0x6F, 0xD1);
    s.match = QColor(255, 200, 0);
    s.rowHeight = std::ceil(QFontMetricsF(font).height() + 4);
    return s;
}

QString FlameGraphPainter::frameText(const QString &name, const FlameFrame &frame)
{
    QString text = name + QStringLiteral("  ") + duration(frame.totalUs);
    if (frame.spanCount > 1)
        text += QStringLiteral("  ×%1").arg(frame.spanCount);
    return text;
}

void FlameGraphPainter::paint(QPainter *p, const Trace &trace, const FlameGraph &graph, const SpanPalette &palette,
                              const FlameGraphStyle &style, const Marks &marks, const QRectF &area, std::uint32_t firstRow,
                              std::uint32_t endRow, std::int64_t fromX, std::int64_t toX,
                              const std::function<QString(std::int32_t)> &label)
{
    if (toX <= fromX || area.width() <= 0)
        return;
    p->save();
    p->setClipRect(area);
    p->setFont(style.font);
    const QFontMetricsF fm(style.font);
    const double scale = area.width() / static_cast<double>(toX - fromX);
    const auto px = [&](std::int64_t x) { return area.left() + static_cast<double>(x - fromX) * scale; };
    const auto xAt = [&](double pixel) { return fromX + static_cast<std::int64_t>(std::floor((pixel - area.left()) / scale)); };
    endRow = std::min(endRow, graph.rowCount());

    const auto drawFrame = [&](std::int32_t index, const FlameFrame &f, qreal top) -> qreal {
        const qreal x0 = std::max(px(f.x), area.left() - 1);
        qreal x1 = std::min(px(f.end()), area.right() + 1);
        if (x1 - x0 < 1)
            x1 = x0 + 1;
        const QRectF r(x0, top, x1 - x0, style.rowHeight - 1);
        const Span &first = trace.spans()[static_cast<std::size_t>(graph.spanAt(f.firstSpan))];
        QColor colour = f.errorCount > 0 ? SpanPalette::errorColor() : palette.barColor(first);
        const bool matched = marks.anyMatch && marks.matchedFrames && static_cast<std::size_t>(index) < marks.matchedFrames->size()
                             && (*marks.matchedFrames)[static_cast<std::size_t>(index)];
        if (marks.anyMatch && !matched)
            colour = faded(colour, style.background);
        p->fillRect(r.width() > 3 ? r.adjusted(0, 0, -1, 0) : r, colour);
        if (r.width() >= minTextWidth) {
            p->setPen(textOn(colour));
            const QRectF textRect = r.adjusted(4, 0, -3, 0);
            p->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                        fm.elidedText(frameText(label(index), f), Qt::ElideRight, textRect.width()));
        }
        if (matched) {
            p->setPen(QPen(style.match, 2));
            p->setBrush(Qt::NoBrush);
            p->drawRect(r.adjusted(1, 1, -2, -1));
        }
        return x1;
    };

    for (std::uint32_t row = firstRow; row < endRow; ++row) {
        const qreal top = area.top() + (row - firstRow) * style.rowHeight;
        if (top > area.bottom())
            break;
        const std::vector<std::int32_t> &frames = graph.rowFrames(row);
        std::size_t k = graph.firstInRow(row, fromX);
        while (k < frames.size()) {
            const FlameFrame &f = graph.frame(frames[k]);
            if (f.x >= toX)
                break;
            const qreal x0 = px(f.x);
            const qreal x1 = drawFrame(frames[k], f, top);
            if (x1 - std::max(x0, area.left()) < 2) {
                // A sliver: the next frame worth drawing starts in the next pixel.
                k = std::max(k + 1, graph.firstInRow(row, xAt(std::floor(x1) + 1)));
            } else {
                ++k;
            }
        }
    }
    // The selection over everything, even when it is a sliver that was skipped.
    if (marks.selectedFrame >= 0 && static_cast<std::size_t>(marks.selectedFrame) < graph.frames().size()) {
        const FlameFrame &f = graph.frame(marks.selectedFrame);
        if (f.depth >= firstRow && f.depth < endRow && f.end() >= fromX && f.x <= toX) {
            const qreal top = area.top() + (f.depth - firstRow) * style.rowHeight;
            drawFrame(marks.selectedFrame, f, top);
            const qreal x0 = std::max(px(f.x), area.left());
            const qreal x1 = std::max(x0 + 1, std::min(px(f.end()), area.right()));
            p->setPen(QPen(style.selection, 2));
            p->setBrush(Qt::NoBrush);
            p->drawRect(QRectF(x0, top, x1 - x0, style.rowHeight - 1).adjusted(1, 1, -1, -1));
        }
    }
    p->restore();
}

// The drawing surface: rows from the scroll bar's value down, the view's x range across.
class FlameGraphCanvas : public QWidget
{
public:
    explicit FlameGraphCanvas(FlameGraphView *view)
        : QWidget(view), m_view(view)
    {
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setMinimumSize(100, 60);
    }

    FlameGraphStyle style() const { return FlameGraphStyle::fromPalette(palette(), font()); }
    std::uint32_t firstRow() const { return static_cast<std::uint32_t>(std::max(0, m_view->m_scroll->value())); }
    std::uint32_t visibleRows() const { return static_cast<std::uint32_t>(std::ceil(height() / style().rowHeight)); }

    std::int32_t frameAt(const QPointF &pos)
    {
        const FlameGraph *g = m_view->graph();
        if (!g || width() <= 0)
            return -1;
        const std::uint32_t row = firstRow() + static_cast<std::uint32_t>(std::max(0.0, pos.y()) / style().rowHeight);
        const auto [fromX, toX] = m_view->visibleX();
        const double scale = static_cast<double>(toX - fromX) / width();
        const std::int64_t x = fromX + static_cast<std::int64_t>(std::floor(pos.x() * scale));
        std::int32_t found = g->frameAt(row, x);
        if (found < 0) {
            // A frame thinner than a pixel is drawn one pixel wide: find it within that pixel.
            const std::int64_t slack = static_cast<std::int64_t>(std::ceil(scale));
            found = g->frameAt(row, std::max(fromX, x - slack));
        }
        return found;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const FlameGraphStyle s = style();
        p.fillRect(rect(), s.background);
        const FlameGraph *g = m_view->graph();
        if (!g || g->frames().empty()) {
            p.setPen(s.mutedText);
            p.drawText(rect(), Qt::AlignCenter, FlameGraphView::tr("No spans to draw."));
            return;
        }
        const Trace &trace = *m_view->m_context->trace;
        const auto [fromX, toX] = m_view->visibleX();
        const FlameGraphPainter::Marks marks = m_view->marks();
        FlameGraphPainter::paint(&p, trace, *g, m_view->m_context->palette, s, marks, QRectF(rect()), firstRow(),
                                 firstRow() + visibleRows() + 1, fromX, toX, [&](std::int32_t frame) {
                                     return FlameGraph::frameName(trace, g->frame(frame));
                                 });
    }
    void resizeEvent(QResizeEvent *) override { m_view->updateSummary(); }
    void wheelEvent(QWheelEvent *event) override
    {
        if (event->modifiers() & Qt::ControlModifier) {
            const double factor = std::pow(1.0015, -event->angleDelta().y());
            const auto [fromX, toX] = m_view->visibleX();
            const std::int64_t anchor = fromX + static_cast<std::int64_t>((toX - fromX) * event->position().x() / std::max(1, width()));
            m_view->zoomAround(factor, anchor);
        } else {
            QCoreApplication::sendEvent(m_view->m_scroll, event);
        }
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_view->selectFrame(frameAt(event->position()));
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_view->zoomToFrame(frameAt(event->position()));
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        const FlameGraph *g = m_view->graph();
        const std::int32_t selected = g && m_view->m_context->time ? g->frameOfSpan(m_view->m_context->time->selectedSpan()) : -1;
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && selected >= 0) {
            m_view->zoomToFrame(selected);
        } else if (event->key() == Qt::Key_Up && selected >= 0 && g->frame(selected).parent >= 0) {
            m_view->selectFrame(g->frame(selected).parent);
        } else {
            QWidget::keyPressEvent(event);
        }
    }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            showPlainToolTip(help->globalPos(), m_view->toolTipFor(frameAt(help->pos())), this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    FlameGraphView *m_view;
};

FlameGraphView::FlameGraphView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
    , m_canvas(new FlameGraphCanvas(this))
    , m_scroll(new QScrollBar(Qt::Vertical, this))
    , m_mode(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_table(new QTableView(this))
    , m_tableModel(new QStandardItemModel(this))
{
    m_canvas->setObjectName(QStringLiteral("flameCanvas"));
    m_mode->setObjectName(QStringLiteral("flameMode"));
    m_mode->addItem(tr("Time"));
    m_mode->addItem(tr("Merged"));
    m_mode->setToolTip(tr("A frame per span on the time axis, or identical service+operation paths merged (as Jaeger)"));
    m_summary->setTextFormat(Qt::PlainText);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    auto *modeLabel = new QLabel(tr("Frames:"), this);
    modeLabel->setBuddy(m_mode);
    bar->addWidget(modeLabel);
    bar->addWidget(m_mode);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);

    auto *graphBox = new QWidget(m_splitter);
    auto *graphLayout = new QHBoxLayout(graphBox);
    graphLayout->setContentsMargins(0, 0, 0, 0);
    graphLayout->setSpacing(0);
    graphLayout->addWidget(m_canvas, 1);
    graphLayout->addWidget(m_scroll);
    m_table->setObjectName(QStringLiteral("flameTable"));
    m_table->setModel(m_tableModel);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setWordWrap(false);
    m_tableModel->setSortRole(Qt::UserRole);
    m_splitter->addWidget(graphBox);
    m_splitter->addWidget(m_table);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_table->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) { setMerged(i == 1); });
    connect(m_scroll, &QScrollBar::valueChanged, m_canvas, qOverload<>(&QWidget::update));
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const QModelIndex first = index.siblingAtColumn(0);
        const QVariant spans = first.data(Qt::UserRole + 1);
        const auto row = spans.toInt();
        if (row >= 0 && static_cast<std::size_t>(row) < m_tableRows.size())
            emit highlightRequested(m_tableRows[static_cast<std::size_t>(row)].spans);
    });
    if (m_context && m_context->time) {
        connect(m_context->time, &TimeControl::visibleRangeChanged, m_canvas, qOverload<>(&QWidget::update));
        connect(m_context->time, &TimeControl::selectedSpanChanged, this, [this] {
            scrollToSelection();
            m_canvas->update();
        });
    }
}

FlameGraphView::~FlameGraphView() = default;

QWidget *FlameGraphView::canvas() const
{
    return m_canvas;
}

void FlameGraphView::traceChanged()
{
    m_time.reset();
    m_mergedGraph.reset();
    m_mergedHistory.clear();
    m_mergedRange = {0, 0};
    m_matchesDirty = true;
    m_tableStale = true;
    m_scroll->setValue(0);
    if (isVisible()) {
        rebuildTable();
        updateSummary();
    }
    m_canvas->update();
}

void FlameGraphView::marksChanged()
{
    m_matchesDirty = true;
    if (m_time && m_context && m_builtRaw != m_context->showRawTimes)
        m_time.reset();
    m_canvas->update();
}

bool FlameGraphView::back()
{
    if (!m_merged || m_mergedHistory.empty())
        return false;
    m_mergedRange = m_mergedHistory.back();
    m_mergedHistory.pop_back();
    m_canvas->update();
    return true;
}

void FlameGraphView::describeExport(ExportSource *source) const
{
    source->flameMerged = m_merged;
}

void FlameGraphView::setMerged(bool merged)
{
    if (merged == m_merged)
        return;
    m_merged = merged;
    {
        const QSignalBlocker block(m_mode);
        m_mode->setCurrentIndex(merged ? 1 : 0);
    }
    m_matchesDirty = true;
    m_table->setVisible(merged);
    if (merged)
        rebuildTable();
    m_scroll->setValue(0);
    updateSummary();
    scrollToSelection();
    m_canvas->update();
}

const FlameGraph *FlameGraphView::graph()
{
    if (!m_context || !m_context->trace)
        return nullptr;
    if (m_merged) {
        if (!m_mergedGraph)
            m_mergedGraph = FlameGraph::build(*m_context->trace, FlameGraph::Mode::Merged);
        return &*m_mergedGraph;
    }
    if (!m_time || m_builtRaw != m_context->showRawTimes) {
        m_builtRaw = m_context->showRawTimes;
        m_time = FlameGraph::build(*m_context->trace, FlameGraph::Mode::Time, m_builtRaw);
        m_matchesDirty = true;
    }
    return &*m_time;
}

std::pair<std::int64_t, std::int64_t> FlameGraphView::visibleX()
{
    const FlameGraph *g = graph();
    if (m_merged) {
        if (m_mergedRange.second > m_mergedRange.first)
            return m_mergedRange;
        return {g ? g->minX() : 0, g ? std::max(g->maxX(), g->minX() + 1) : 1};
    }
    if (m_context && m_context->time && m_context->time->visibleRange().isValid())
        return {m_context->time->visibleRange().startUs, m_context->time->visibleRange().endUs};
    return {g ? g->minX() : 0, g ? std::max(g->maxX(), g->minX() + 1) : 1};
}

void FlameGraphView::zoomAround(double factor, std::int64_t anchor)
{
    if (!m_merged) {
        if (m_context && m_context->time)
            m_context->time->zoom(factor, anchor);
        return;
    }
    const FlameGraph *g = graph();
    if (!g)
        return;
    const auto [fromX, toX] = visibleX();
    const double span = static_cast<double>(toX - fromX) * factor;
    const double left = static_cast<double>(anchor) - (static_cast<double>(anchor - fromX)) * factor;
    std::int64_t a = std::max(g->minX(), static_cast<std::int64_t>(std::llround(left)));
    std::int64_t b = std::min(std::max(g->maxX(), g->minX() + 1), static_cast<std::int64_t>(std::llround(left + span)));
    if (b - a < 2)
        return;
    m_mergedRange = {a, b};
    m_canvas->update();
}

QRectF FlameGraphView::frameRect(std::int32_t frame)
{
    const FlameGraph *g = graph();
    if (!g || frame < 0 || static_cast<std::size_t>(frame) >= g->frames().size())
        return {};
    const FlameFrame &f = g->frame(frame);
    const auto [fromX, toX] = visibleX();
    const double scale = m_canvas->width() / static_cast<double>(toX - fromX);
    const qreal rowHeight = m_canvas->style().rowHeight;
    const qreal top = (static_cast<qreal>(f.depth) - m_scroll->value()) * rowHeight;
    const qreal x0 = static_cast<double>(f.x - fromX) * scale;
    const qreal x1 = std::max(x0 + 1, static_cast<double>(f.end() - fromX) * scale);
    return QRectF(x0, top, x1 - x0, rowHeight - 1) & QRectF(m_canvas->rect());
}

void FlameGraphView::zoomToFrame(std::int32_t frame)
{
    const FlameGraph *g = graph();
    if (!g || frame < 0)
        return;
    const FlameFrame &f = g->frame(frame);
    selectFrame(frame);
    if (m_merged) {
        if (f.width <= 0)
            return;
        m_mergedHistory.push_back(visibleX());
        m_mergedRange = {f.x, f.end()};
        m_canvas->update();
    } else if (m_context->time) {
        const std::int64_t shift = m_context->showRawTimes
            ? m_context->trace->span(static_cast<std::size_t>(g->spanAt(f.firstSpan))).startUs - f.x
            : 0;
        m_context->time->setVisibleRange({f.x + shift, f.end() + shift + (f.width == 0 ? 1 : 0)});
    }
}

void FlameGraphView::selectFrame(std::int32_t frame)
{
    const FlameGraph *g = graph();
    if (!g || frame < 0 || static_cast<std::size_t>(frame) >= g->frames().size() || !m_context->time)
        return;
    m_context->time->setSelectedSpan(g->spanAt(g->frame(frame).firstSpan));
}

void FlameGraphView::showEvent(QShowEvent *event)
{
    TraceViewPage::showEvent(event);
    if (m_merged)
        rebuildTable();
    updateSummary();
    scrollToSelection();
}

void FlameGraphView::scrollToSelection()
{
    const FlameGraph *g = isVisible() ? graph() : nullptr;
    if (!g || !m_context->time)
        return;
    const std::int32_t frame = g->frameOfSpan(m_context->time->selectedSpan());
    if (frame < 0)
        return;
    const int row = static_cast<int>(g->frame(frame).depth);
    const int rows = static_cast<int>(m_canvas->visibleRows());
    if (row < m_scroll->value())
        m_scroll->setValue(row);
    else if (row >= m_scroll->value() + rows - 1)
        m_scroll->setValue(row - rows + 2);
}

void FlameGraphView::updateSummary()
{
    const FlameGraph *g = isVisible() ? graph() : nullptr;
    if (!g) {
        m_summary->clear();
        return;
    }
    const int rows = static_cast<int>(g->rowCount());
    m_scroll->setRange(0, std::max(0, rows - static_cast<int>(m_canvas->visibleRows()) + 1));
    m_scroll->setPageStep(std::max(1, static_cast<int>(m_canvas->visibleRows()) - 1));
    if (m_merged)
        m_summary->setText(tr("%1 frames from %2 spans · %3 levels · double-click zooms in, Backspace out")
                               .arg(g->frames().size())
                               .arg(m_context->trace->realSpanCount())
                               .arg(rows));
    else
        m_summary->setText(tr("%1 spans · %2 rows · double-click zooms the timeline to a frame · Ctrl+wheel zooms")
                               .arg(g->frames().size())
                               .arg(rows));
}

void FlameGraphView::rebuildTable()
{
    if (!m_tableStale && m_tableModel->rowCount() > 0)
        return;
    m_tableStale = false;
    m_tableModel->clear();
    m_tableRows.clear();
    m_tableModel->setHorizontalHeaderLabels({tr("Service: operation"), tr("Count"), tr("Self"), tr("Total"), tr("Errors")});
    if (!m_context || !m_context->trace)
        return;
    const Trace &trace = *m_context->trace;
    m_tableRows = flameTable(trace);
    const std::vector<FlameTableRow> &rows = m_tableRows;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const FlameTableRow &r = rows[k];
        const QString name = trace.qstr(r.service) + QStringLiteral(": ") + trace.qstr(r.name);
        auto *nameItem = new QStandardItem(name);
        nameItem->setData(name, Qt::UserRole);
        nameItem->setData(static_cast<int>(k), Qt::UserRole + 1);
        nameItem->setToolTip(plainToolTip(name));
        const auto number = [](const QString &text, qlonglong value) {
            auto *item = new QStandardItem(text);
            item->setData(value, Qt::UserRole);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        QList<QStandardItem *> items{nameItem, number(QString::number(r.count), r.count), number(duration(r.selfUs), r.selfUs),
                                     number(duration(r.totalUs), r.totalUs), number(QString::number(r.errorCount), r.errorCount)};
        if (r.errorCount > 0)
            items.back()->setForeground(SpanPalette::errorColor());
        m_tableModel->appendRow(items);
    }
    m_table->sortByColumn(3, Qt::DescendingOrder);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(0, std::min(m_table->columnWidth(0), 320));
}

FlameGraphPainter::Marks FlameGraphView::marks()
{
    FlameGraphPainter::Marks m;
    const FlameGraph *g = graph();
    if (!g)
        return m;
    if (m_matchesDirty) {
        m_matchesDirty = false;
        m_anyMatch = std::find(m_context->matches.begin(), m_context->matches.end(), 1) != m_context->matches.end();
        m_matchedFrames.clear();
        if (m_anyMatch) {
            m_matchedFrames.assign(g->frames().size(), 0);
            for (std::size_t i = 0; i < m_context->matches.size(); ++i)
                if (m_context->matches[i])
                    if (const std::int32_t f = g->frameOfSpan(static_cast<std::int32_t>(i)); f >= 0)
                        m_matchedFrames[static_cast<std::size_t>(f)] = 1;
        }
    }
    m.anyMatch = m_anyMatch;
    m.matchedFrames = &m_matchedFrames;
    if (m_context->time)
        m.selectedFrame = g->frameOfSpan(m_context->time->selectedSpan());
    return m;
}

QString FlameGraphView::toolTipFor(std::int32_t frame)
{
    const FlameGraph *g = graph();
    if (!g || frame < 0)
        return {};
    const Trace &t = *m_context->trace;
    const FlameFrame &f = g->frame(frame);
    QString tip = FlameGraph::frameName(t, f);
    if (f.spanCount > 1)
        tip += QLatin1Char('\n') + tr("%1 spans").arg(f.spanCount);
    tip += QLatin1Char('\n') + tr("Duration: %1, self: %2").arg(duration(f.totalUs), duration(f.selfUs));
    if (f.errorCount > 0)
        tip += QLatin1Char('\n') + tr("Errors: %1").arg(f.errorCount);
    return tip;
}

namespace {

class FlameGraphExportBody : public ExportBody
{
public:
    FlameGraphExportBody(const ExportSource &source, const ExportStyle &style)
        : m_source(source), m_style(FlameGraphStyle::light(style.font))
    {
    }

    void layOut(qreal width, Redactor &redactor) override
    {
        m_width = width;
        m_texts.clear();
        m_labels.clear();
        if (!m_source.trace)
            return;
        const Trace &trace = *m_source.trace;
        m_palette.setTrace(m_source.trace);
        m_palette.setMode(m_source.colorMode);
        m_graph = FlameGraph::build(trace, m_source.flameMerged ? FlameGraph::Mode::Merged : FlameGraph::Mode::Time,
                                    m_source.showRawTimes);
        m_fromX = m_graph.minX();
        m_toX = std::max(m_graph.maxX(), m_graph.minX() + 1);
        if (!m_source.flameMerged && m_source.scope == ExportScope::Visible && m_source.range.isValid()) {
            m_fromX = m_source.range.startUs;
            m_toX = m_source.range.endUs;
        }
        m_marks = {};
        m_marks.selectedFrame = m_graph.frameOfSpan(m_source.detailsSpan);
        // Only the frames wide enough for text get one, each through the redactor.
        const double scale = width / static_cast<double>(m_toX - m_fromX);
        m_labels.resize(m_graph.frames().size());
        for (std::size_t k = 0; k < m_graph.frames().size(); ++k) {
            const FlameFrame &f = m_graph.frames()[k];
            const double w = static_cast<double>(std::min(f.end(), m_toX) - std::max(f.x, m_fromX)) * scale;
            if (w >= minTextWidth || static_cast<std::int32_t>(k) == m_marks.selectedFrame) {
                m_labels[k] = redactor.text(FlameGraph::frameName(trace, f));
                m_texts << FlameGraphPainter::frameText(m_labels[k], f);
            }
        }
        if (m_graph.frames().empty())
            m_texts << FlameGraphView::tr("No spans to draw.");
    }

    int bandCount() const override { return std::max(1, static_cast<int>(m_graph.rowCount())); }
    qreal bandHeight(int) const override { return m_style.rowHeight; }

    void paintBands(QPainter *p, int first, int end, const QPointF &topLeft) const override
    {
        if (!m_source.trace)
            return;
        if (m_graph.frames().empty()) {
            p->save();
            p->setFont(m_style.font);
            p->setPen(m_style.mutedText);
            p->drawText(QRectF(topLeft, QSizeF(m_width, m_style.rowHeight)), Qt::AlignCenter, FlameGraphView::tr("No spans to draw."));
            p->restore();
            return;
        }
        const QRectF area(topLeft, QSizeF(m_width, (end - first) * m_style.rowHeight));
        FlameGraphPainter::paint(p, *m_source.trace, m_graph, m_palette, m_style, m_marks, area, static_cast<std::uint32_t>(first),
                                 static_cast<std::uint32_t>(end), m_fromX, m_toX,
                                 [this](std::int32_t frame) { return m_labels[static_cast<std::size_t>(frame)]; });
    }

    QStringList drawnTexts() const override { return m_texts; }

private:
    ExportSource m_source;
    FlameGraphStyle m_style;
    SpanPalette m_palette;
    FlameGraph m_graph;
    FlameGraphPainter::Marks m_marks;
    std::vector<QString> m_labels;
    QStringList m_texts;
    std::int64_t m_fromX = 0, m_toX = 1;
    qreal m_width = 0;
};

} // namespace

std::unique_ptr<ExportBody> makeFlameGraphExportBody(const ExportSource &source, const ExportStyle &style)
{
    return std::make_unique<FlameGraphExportBody>(source, style);
}

} // namespace td
