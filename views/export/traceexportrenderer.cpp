#include "traceexportrenderer.h"

#include "spandetails.h"
#include "spanpainters.h"

#include "annotationspanel.h"
#include "spanpanel.h"
#include "spantreemodel.h"
#include "spanviewcontext.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("td::TraceExportRenderer", text, nullptr, n);
}

// The light theme of every export, whatever the screen theme.
const QColor background(0xFF, 0xFF, 0xFF);
const QColor ink(0x1A, 0x1A, 0x1A);
const QColor muted(0x6B, 0x6B, 0x6B);
const QColor stripe(0xF4, 0xF5, 0xF7);
const QColor gridLine(0xE2, 0xE4, 0xE8);
const QColor selectedRow(0xDC, 0xEA, 0xFB);
const QColor ghostLine(0x9A, 0x9A, 0x9A);

constexpr qreal indentStep = 14;
constexpr int maxDetailValue = 2000; // characters of a tag value drawn; the rest is summarised

QTextOption wrapOption()
{
    QTextOption o(Qt::AlignLeft | Qt::AlignTop);
    o.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return o;
}

qreal wrappedHeight(const QFont &font, qreal width, const QString &text)
{
    QTextLayout layout(text, font);
    layout.setTextOption(wrapOption());
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max<qreal>(10, width));
        height += line.height();
    }
    layout.endLayout();
    return std::max(height, QFontMetricsF(font).height());
}

QFont exportFont(int pixelSize, bool bold = false, bool mono = false)
{
    QFont f;
    if (mono) {
        f.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"), QStringLiteral("Noto Sans Mono")});
        f.setStyleHint(QFont::Monospace);
    } else {
        f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"), QStringLiteral("Liberation Sans")});
        f.setStyleHint(QFont::SansSerif);
    }
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    return f;
}

QString durationText(double us)
{
    return SpanTreeModel::formatDuration(us);
}

} // namespace

TraceExportRenderer::TraceExportRenderer(const ExportSource &source, const ExportOptions &options)
    : m_source(source)
    , m_options(options)
    , m_redactor(options.redact)
    , m_width(std::clamp(options.width, ExportOptions::minWidth, ExportOptions::maxWidth))
    , m_font(exportFont(12))
    , m_bold(exportFont(12, true))
    , m_title1(exportFont(18, true))
    , m_small(exportFont(11))
    , m_mono(exportFont(11, false, true))
{
    m_palette.setTrace(m_source.trace);
    m_palette.setMode(m_source.colorMode);
    if (!m_source.range.isValid() && m_source.trace)
        m_source.range = {m_source.trace->startUs(), m_source.trace->startUs() + std::max<std::int64_t>(1, m_source.trace->durationUs())};
    if (!m_source.range.isValid())
        m_source.range = {0, 1};
    // Span data through the redactor first, the header last: it says how many values were hidden.
    m_body = makeExportBody(m_source, ExportStyle{m_font, m_bold, m_small, m_mono});
    if (m_body) {
        m_body->layOut(m_width - 2 * m_margin, m_redactor);
    } else {
        // A view that cannot draw itself for an export yet gives the timeline, and the header says so.
        m_source.view = TraceViewKind::Timeline;
        buildRows();
    }
    buildDetails();
    buildHeader();
    layOut();
}

TraceExportRenderer::~TraceExportRenderer() = default;

void TraceExportRenderer::buildRows()
{
    m_rowText.reserve(m_source.rows.size());
    const Trace *t = m_source.trace.get();
    for (const ExportRow &row : m_source.rows) {
        RowText text;
        if (t && row.span >= 0 && static_cast<std::size_t>(row.span) < t->spanCount()) {
            const Span &s = t->span(static_cast<std::size_t>(row.span));
            if (s.isPlaceholder()) {
                text.name = tr("missing span %1").arg(m_redactor.text(t->qstr(s.spanId)));
            } else {
                text.service = m_redactor.text(t->qstr(s.service));
                text.name = m_redactor.text(t->qstr(s.name));
                text.duration = durationText(static_cast<double>(s.durationUs));
            }
        }
        m_rowText.push_back(std::move(text));
    }
}

void TraceExportRenderer::buildDetails()
{
    const Trace *t = m_source.trace.get();
    if (!m_options.details || !t || m_source.detailsSpan < 0 || static_cast<std::size_t>(m_source.detailsSpan) >= t->spanCount())
        return;
    const Span &s = t->span(static_cast<std::size_t>(m_source.detailsSpan));
    const auto text = [&](StrId id) { return m_redactor.text(t->qstr(id)); };
    const auto section = [&](const QString &title) { m_details.push_back({DetailItem::Section, title, QString(), false, 0}); };
    const auto field = [&](const QString &label, const QString &value, bool mono = false) {
        if (!value.isEmpty())
            m_details.push_back({DetailItem::Field, label, value, mono, 0});
    };
    const auto dur = [](double us) { return durationText(us); };

    const QString who = s.isPlaceholder() ? tr("missing span %1").arg(text(s.spanId))
                                          : (s.service ? text(s.service) + QStringLiteral(": ") : QString()) + text(s.name);
    section(tr("Selected span: %1").arg(who));
    field(tr("Operation"), text(s.name));
    field(tr("Service"), text(s.service));
    field(tr("Instance"), text(s.instance));
    field(tr("Transaction"), text(s.transaction));
    if (!s.isPlaceholder()) {
        QString status = s.isError() ? tr("Error") : s.isWarning() ? tr("Warning: slower than usual") : tr("OK");
        if (s.statusText)
            status += QStringLiteral(" — ") + text(s.statusText);
        field(tr("Status"), status);
    }
    field(tr("Span ID"), text(s.spanId));
    field(tr("Parent ID"), text(s.parentId));
    field(tr("Kind"), QString::fromLatin1(spanKindName(s.kind)));
    field(tr("Component"), s.componentName ? text(s.componentName)
                           : s.component != Component::None ? QString::fromLatin1(componentKey(s.component)) : QString());
    field(tr("Start"), formatTimeWithZone(s.startUs));
    field(tr("Offset in trace"), QStringLiteral("+") + dur(static_cast<double>(s.startUs - t->startUs())));
    field(tr("Duration"), dur(static_cast<double>(s.durationUs)));
    field(tr("Self time"), dur(static_cast<double>(s.selfTimeUs)));
    if (s.serverShiftUs != s.skewShiftUs)
        field(tr("Clock skew"), tr("server side shifted by %1").arg(dur(static_cast<double>(s.serverShiftUs))));
    else if (s.skewShiftUs)
        field(tr("Clock skew"), tr("shifted by %1").arg(dur(static_cast<double>(s.skewShiftUs))));

    const std::size_t before = m_details.size();
    section(tr("iplatform"));
    // The iplatform panel's fields and notes, by the same rules (spandetails.h).
    for (const IPlatformField &f : iplatformFields(*t, s))
        field(QString::fromStdString(f.key),
              m_redactor.text(f.value) + (f.note.isEmpty() ? QString() : QStringLiteral(" (") + f.note + QLatin1Char(')')));
    if (m_details.size() == before + 1)
        m_details.pop_back();

    if (s.annotationCount > 0) {
        section(tr("Annotations"));
        std::vector<const Annotation *> ordered;
        for (const Annotation *a = t->annotationsBegin(s); a != t->annotationsEnd(s); ++a)
            ordered.push_back(a);
        std::stable_sort(ordered.begin(), ordered.end(), [](const Annotation *a, const Annotation *b) { return a->timestampUs < b->timestampUs; });
        for (const Annotation *a : ordered) {
            const QString meaning = AnnotationsPanel::meaning(t->str(a->value));
            QString value = SpanPanel::formatTimestamp(a->timestampUs, false) + QStringLiteral("  +")
                          + dur(static_cast<double>(a->timestampUs - s.rawStartUs));
            const QString endpoint = m_redactor.text(SpanPanel::formatEndpoint(*t, a->endpoint));
            if (!endpoint.isEmpty())
                value += QStringLiteral("  ") + endpoint;
            const QString event = text(a->value);
            field(meaning.isEmpty() ? event : event + QStringLiteral(" (") + meaning + QLatin1Char(')'), value);
        }
    }

    if (s.tagCount > 0) {
        section(tr("Tags"));
        for (auto tag = t->tagsBegin(s); tag != t->tagsEnd(s); ++tag) {
            const QString key = t->qstr(tag->key);
            QString value = m_redactor.tagValue(key, t->qstr(tag->value));
            if (value.size() > maxDetailValue)
                value = value.left(maxDetailValue) + tr("… (%1 characters in all)").arg(value.size());
            else if (tag->truncated)
                value += tr("… (truncated when read)");
            m_details.push_back({DetailItem::Field, m_redactor.text(key), value.isEmpty() ? QStringLiteral("\"\"") : value, true, 0});
        }
    }
}

void TraceExportRenderer::buildHeader()
{
    const Trace *t = m_source.trace.get();
    if (!t) {
        m_title = tr("No trace");
        m_header.push_back(redactionLine(m_redactor));
        return;
    }
    m_header = traceHeaderFields(*t, m_source.context, m_redactor);
    const QString root = m_header.size() > 1 ? m_header[1].value : QString();
    m_title = tr("Trace %1").arg(m_header.front().value) + (root.isEmpty() ? QString() : QStringLiteral(" — ") + root);
    const auto offset = [&](std::int64_t us) -> QString { return QStringLiteral("+") + durationText(static_cast<double>(us - t->startUs())); };
    const QString rows = m_source.rows.size() == 1 ? tr("1 row") : tr("%1 rows").arg(m_source.rows.size());
    static const char *const viewNames[] = {QT_TRANSLATE_NOOP("td::TraceExportRenderer", "Timeline"),
                                            QT_TRANSLATE_NOOP("td::TraceExportRenderer", "Flame graph"),
                                            QT_TRANSLATE_NOOP("td::TraceExportRenderer", "Span table"),
                                            QT_TRANSLATE_NOOP("td::TraceExportRenderer", "Trace graph"),
                                            QT_TRANSLATE_NOOP("td::TraceExportRenderer", "Events")};
    if (m_source.compareWith) {
        const Trace &b = *m_source.compareWith;
        m_title = tr("Compare %1 ⇄ %2").arg(m_redactor.text(m_source.compareNameA), m_redactor.text(m_source.compareNameB));
        m_header.push_back({tr("View"), tr("Compare: A is this trace, B is %1 (%2 spans, %3)")
                                            .arg(QString::fromUtf8(b.traceId().data(), static_cast<qsizetype>(b.traceId().size())))
                                            .arg(b.realSpanCount())
                                            .arg(durationText(static_cast<double>(b.durationUs())))});
    } else if (m_body)
        m_header.push_back({tr("View"), tr(viewNames[static_cast<int>(m_source.view)])});
    else
        m_header.push_back({tr("Scope"), m_source.scope == ExportScope::Visible
                                         ? tr("visible range %1 – %2, %3").arg(offset(m_source.range.startUs), offset(m_source.range.endUs), rows)
                                         : tr("whole trace, %1 as expanded in the view").arg(rows)});
    m_header.push_back(redactionLine(m_redactor));
    m_legend = m_palette.legend();
}

void TraceExportRenderer::layOut()
{
    const QFontMetricsF fm(m_font), bfm(m_bold), tfm(m_title1), sfm(m_small);
    m_rowHeight = std::ceil(fm.height() + 6);
    m_rulerHeight = std::ceil(sfm.height() * 2 + 10);

    // Header: title, then the fields in two columns.
    const qreal inner = m_width - 2 * m_margin;
    const qreal colWidth = (inner - 24) / 2;
    m_labelWidth = 0;
    for (const HeaderField &f : m_header)
        m_labelWidth = std::max(m_labelWidth, bfm.horizontalAdvance(f.label) + 10);
    m_labelWidth = std::min(m_labelWidth, colWidth / 3);
    const std::size_t half = (m_header.size() + 1) / 2;
    m_fieldHeights.clear();
    for (std::size_t i = 0; i < half; ++i) {
        qreal h = wrappedHeight(m_font, colWidth - m_labelWidth, m_header[i].value);
        if (i + half < m_header.size())
            h = std::max(h, wrappedHeight(m_font, colWidth - m_labelWidth, m_header[i + half].value));
        m_fieldHeights.push_back(std::ceil(h) + 2);
    }
    qreal y = m_margin + tfm.height() + 8;
    for (const qreal h : m_fieldHeights)
        y += h;
    // Legend: swatches that wrap, then a line that says what the marks mean.
    m_legendTop = y + 8;
    qreal x = 0;
    int lines = m_legend.empty() ? 0 : 1;
    for (const auto &e : m_legend) {
        const qreal w = 16 + sfm.horizontalAdvance(e.label) + 16;
        if (x > 0 && x + w > inner) {
            ++lines;
            x = 0;
        }
        x += w;
    }
    m_legendHeight = lines * (sfm.height() + 4) + sfm.height() + 4;
    m_headerHeight = std::ceil(m_legendTop + m_legendHeight + 6);

    // Name column: wide enough for the rows' text, within a third of the width.
    qreal nameWidth = bfm.horizontalAdvance(tr("Span")) + 20;
    for (std::size_t i = 0; i < m_rowText.size() && i < 20000; ++i) {
        const RowText &r = m_rowText[i];
        const qreal w = m_source.rows[i].depth * indentStep + 32 + bfm.horizontalAdvance(r.service) + fm.horizontalAdvance(r.name) + 40;
        nameWidth = std::max(nameWidth, w);
    }
    m_nameWidth = std::ceil(std::clamp(nameWidth, 220.0, inner * 0.42));

    // Details: each item's wrapped height.
    const qreal detailLabelWidth = std::min<qreal>(320, inner / 3);
    for (DetailItem &d : m_details) {
        if (d.kind == DetailItem::Section)
            d.height = std::ceil(bfm.height() * 1.3 + 12);
        else
            d.height = std::ceil(std::max(wrappedHeight(m_bold, detailLabelWidth - 8, d.label),
                                          wrappedHeight(d.monospace ? m_mono : m_font, inner - detailLabelWidth, d.value)) + 3);
    }
}

qreal TraceExportRenderer::singlePageHeight() const
{
    qreal h = m_headerHeight + headHeight();
    if (m_body) {
        for (int i = 0; i < m_body->bandCount(); ++i)
            h += m_body->bandHeight(i);
    } else {
        h += static_cast<qreal>(m_source.rows.size()) * m_rowHeight;
    }
    if (!m_details.empty())
        h += 10;
    for (const DetailItem &d : m_details)
        h += d.height;
    return std::ceil(h + m_margin);
}

TraceExportRenderer::Page TraceExportRenderer::wholePage() const
{
    return {0, unitCount(), 0, static_cast<int>(m_details.size())};
}

std::vector<TraceExportRenderer::Page> TraceExportRenderer::paginate(qreal pageHeight) const
{
    std::vector<Page> pages;
    const qreal bottom = pageHeight - m_margin;
    // Every page has the header and, while rows remain, the ruler; at least one row or item per page.
    const int rows = unitCount();
    const qreal top = m_headerHeight + headHeight();
    qreal y = top;
    for (int r = 0; r < rows; ++r) {
        const qreal h = unitHeight(r);
        if (pages.empty() || (y + h > bottom && pages.back().rowEnd > pages.back().firstRow)) {
            pages.push_back({r, r, 0, 0});
            y = top;
        }
        pages.back().rowEnd = r + 1;
        y += h;
    }
    if (pages.empty())
        pages.push_back({0, 0, 0, 0});
    int item = 0;
    const int items = static_cast<int>(m_details.size());
    y = std::min(y, bottom) + 10;
    while (item < items) {
        Page &page = pages.back();
        page.firstDetail = page.detailEnd = item;
        // A page without rows takes at least one item, so that every item finds a page.
        const bool rowless = page.rowEnd == page.firstRow;
        while (item < items) {
            const qreal h = m_details[static_cast<std::size_t>(item)].height;
            const bool empty = rowless && page.detailEnd == page.firstDetail;
            if (y + h > bottom && !empty)
                break;
            // A section title does not end a page on its own.
            const bool lonelyTitle = m_details[static_cast<std::size_t>(item)].kind == DetailItem::Section && item + 1 < items
                                  && y + h + m_details[static_cast<std::size_t>(item) + 1].height > bottom;
            if (lonelyTitle && !empty)
                break;
            y += h;
            page.detailEnd = ++item;
        }
        if (item < items) {
            pages.push_back({0, 0, item, item});
            y = m_headerHeight + 10;
        }
    }
    return pages;
}

void TraceExportRenderer::drawText(QPainter *p, const QRectF &rect, int flags, const QString &text) const
{
    if (text.isEmpty())
        return;
    m_drawn << text;
    p->drawText(rect, flags, text);
}

void TraceExportRenderer::paintPage(QPainter *p, const Page &page, qreal pageHeight) const
{
    p->save();
    p->fillRect(QRectF(0, 0, m_width, pageHeight), background);
    paintHeader(p);
    qreal y = m_headerHeight;
    if (m_body) {
        y = paintBody(p, page, y, pageHeight);
    } else if (page.rowEnd > page.firstRow || (page.firstDetail == 0 && m_source.rows.empty())) {
        paintRuler(p, y);
        y += m_rulerHeight;
        const qreal rowsTop = y;
        for (int r = page.firstRow; r < page.rowEnd; ++r) {
            const ExportRow &row = m_source.rows[static_cast<std::size_t>(r)];
            const QRectF rect(m_margin, y, m_width - 2 * m_margin, m_rowHeight);
            if (row.span == m_source.detailsSpan && m_options.details)
                p->fillRect(rect, selectedRow);
            else if (r % 2)
                p->fillRect(rect, stripe);
            y += m_rowHeight;
        }
        // Faint lines at the ruler's ticks across the rows.
        const qreal axisLeft = m_margin + m_nameWidth + 2, axisWidth = m_width - m_margin - axisLeft - 2;
        const TimeRange &range = m_source.range;
        const std::int64_t step = tickStepUs(range.durationUs(), static_cast<int>(axisWidth));
        const std::int64_t origin = m_source.trace ? m_source.trace->startUs() : range.startUs;
        p->setPen(QPen(gridLine, 1));
        forEachTick(range, origin, step, QRectF(axisLeft, rowsTop, axisWidth, y - rowsTop),
                    [&](double x, std::int64_t) { p->drawLine(QPointF(x, rowsTop), QPointF(x, y)); });
        p->drawLine(QPointF(m_margin + m_nameWidth, rowsTop), QPointF(m_margin + m_nameWidth, y));
        qreal rowY = rowsTop;
        for (int r = page.firstRow; r < page.rowEnd; ++r) {
            paintRow(p, r, rowY);
            rowY += m_rowHeight;
        }
        p->setPen(QPen(gridLine, 1));
        p->drawLine(QPointF(m_margin, y), QPointF(m_width - m_margin, y));
        y += 10;
    } else {
        y += 10;
    }
    paintDetails(p, page.firstDetail, page.detailEnd, y);
    p->restore();
}

qreal TraceExportRenderer::paintBody(QPainter *p, const Page &page, qreal y, qreal pageHeight) const
{
    if (page.rowEnd > page.firstRow) {
        m_body->paintHead(p, QPointF(m_margin, y));
        y += m_body->headHeight();
        qreal h = 0;
        for (int i = page.firstRow; i < page.rowEnd; ++i)
            h += m_body->bandHeight(i);
        // One band taller than the page (a large graph on a PDF page) is scaled down to fit it.
        const qreal room = pageHeight - m_margin - y;
        if (h > room && room > 20) {
            const qreal scale = room / h;
            p->save();
            p->translate(m_margin + (m_width - 2 * m_margin) * (1 - scale) / 2, y);
            p->scale(scale, scale);
            m_body->paintBands(p, page.firstRow, page.rowEnd, QPointF(0, 0));
            p->restore();
            h = room;
        } else {
            m_body->paintBands(p, page.firstRow, page.rowEnd, QPointF(m_margin, y));
        }
        y += h;
        p->setPen(QPen(gridLine, 1));
        p->drawLine(QPointF(m_margin, y), QPointF(m_width - m_margin, y));
    }
    return y + 10;
}

void TraceExportRenderer::paintHeader(QPainter *p) const
{
    const QFontMetricsF tfm(m_title1), sfm(m_small);
    const qreal inner = m_width - 2 * m_margin;
    p->setPen(ink);
    p->setFont(m_title1);
    drawText(p, QRectF(m_margin, m_margin, inner, tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
             tfm.elidedText(m_title, Qt::ElideRight, inner));
    const qreal colWidth = (inner - 24) / 2;
    const std::size_t half = (m_header.size() + 1) / 2;
    qreal y = m_margin + tfm.height() + 8;
    for (std::size_t i = 0; i < half; ++i) {
        for (const std::size_t k : {i, i + half}) {
            if (k >= m_header.size())
                continue;
            const qreal x = m_margin + (k == i ? 0 : colWidth + 24);
            p->setFont(m_bold);
            p->setPen(muted);
            drawText(p, QRectF(x, y, m_labelWidth, m_fieldHeights[i]), Qt::AlignLeft | Qt::AlignTop, m_header[k].label);
            p->setFont(m_font);
            p->setPen(ink);
            m_drawn << m_header[k].value;
            p->drawText(QRectF(x + m_labelWidth, y, colWidth - m_labelWidth, m_fieldHeights[i]), m_header[k].value, wrapOption());
        }
        y += m_fieldHeights[i];
    }
    // Legend.
    p->setFont(m_small);
    qreal x = 0;
    y = m_legendTop;
    const qreal lineHeight = sfm.height() + 4;
    for (const auto &e : m_legend) {
        const qreal w = 16 + sfm.horizontalAdvance(e.label) + 16;
        if (x > 0 && x + w > inner) {
            x = 0;
            y += lineHeight;
        }
        p->fillRect(QRectF(m_margin + x, y + (sfm.height() - 10) / 2, 10, 10), e.color);
        p->setPen(ink);
        drawText(p, QRectF(m_margin + x + 16, y, w - 16, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter, e.label);
        x += w;
    }
    if (!m_legend.empty())
        y += lineHeight;
    p->setPen(muted);
    drawText(p, QRectF(m_margin, y, inner, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
             sfm.elidedText(tr("Red bar: failed. Amber outline: slower than usual (black tick: usual duration, dotted: warning "
                               "threshold). Lighter ends: network time (cs→sr, ss→cr). Dashed outline: position before "
                               "clock-skew correction."),
                            Qt::ElideRight, inner));
}

void TraceExportRenderer::paintRuler(QPainter *p, qreal y) const
{
    const qreal axisLeft = m_margin + m_nameWidth + 2, axisWidth = m_width - m_margin - axisLeft - 2;
    const QRectF rect(m_margin, y, m_width - 2 * m_margin, m_rulerHeight);
    p->fillRect(rect, QColor(0xEC, 0xEE, 0xF1));
    p->setPen(QPen(QColor(0xC8, 0xCC, 0xD2), 1));
    p->drawLine(rect.bottomLeft(), rect.bottomRight());
    p->drawLine(QPointF(m_margin + m_nameWidth, y), QPointF(m_margin + m_nameWidth, y + m_rulerHeight));
    p->setFont(m_bold);
    p->setPen(ink);
    drawText(p, QRectF(m_margin + 6, y, m_nameWidth - 12, m_rulerHeight), Qt::AlignLeft | Qt::AlignVCenter, tr("Span"));

    const std::int64_t origin = m_source.trace ? m_source.trace->startUs() : m_source.range.startUs;
    const std::int64_t total = m_source.trace ? m_source.trace->durationUs() : m_source.range.durationUs();
    paintTimeRuler(p, QRectF(axisLeft, y, axisWidth, m_rulerHeight), m_source.range, origin, total, paintStyle(m_small));
}

void TraceExportRenderer::paintRow(QPainter *p, int r, qreal y) const
{
    const ExportRow &row = m_source.rows[static_cast<std::size_t>(r)];
    const RowText &text = m_rowText[static_cast<std::size_t>(r)];
    const Trace *t = m_source.trace.get();
    if (!t || row.span < 0 || static_cast<std::size_t>(row.span) >= t->spanCount())
        return;
    const Span &s = t->span(static_cast<std::size_t>(row.span));

    p->save();
    const QRectF nameCell(m_margin, y, m_nameWidth, m_rowHeight);
    p->setClipRect(nameCell);
    qreal x = m_margin + 4 + row.depth * indentStep;
    const qreal cy = y + m_rowHeight / 2;
    // Expand/collapse arrow, as the tree shows it.
    if (s.childCount > 0) {
        QPainterPath arrow;
        if (row.collapsed) {
            arrow.moveTo(x + 2, cy - 4);
            arrow.lineTo(x + 7, cy);
            arrow.lineTo(x + 2, cy + 4);
        } else {
            arrow.moveTo(x, cy - 2);
            arrow.lineTo(x + 8, cy - 2);
            arrow.lineTo(x + 4, cy + 3);
        }
        arrow.closeSubpath();
        p->setRenderHint(QPainter::Antialiasing, true);
        p->fillPath(arrow, muted);
    }
    p->restore();
    x += 12 - 3; // the painter's own inset
    SpanNameText name;
    name.name = text.name;
    name.service = text.service;
    if (!s.isPlaceholder()) {
        name.marks = spanMarkText(static_cast<std::size_t>(row.span) < m_source.marks.size() ? m_source.marks[static_cast<std::size_t>(row.span)] : 0);
        if (row.collapsed)
            name.suffix = QStringLiteral(" (%1)").arg(s.childCount);
    }
    const SpanPaintStyle style = paintStyle(m_font);
    paintSpanName(p, s, QRectF(x, y, m_margin + m_nameWidth - 3 - x, m_rowHeight), name, m_palette, style);

    const qreal axisLeft = m_margin + m_nameWidth + 2, axisWidth = m_width - m_margin - axisLeft - 2;
    const QRectF cell(axisLeft, y, axisWidth, m_rowHeight);
    const QRectF bar = paintSpanBar(p, *t, s, cell, m_source.range, m_palette, style);
    paintSpanBarLabel(p, s, cell, bar, text.duration, m_palette, paintStyle(m_small));
}

SpanPaintStyle TraceExportRenderer::paintStyle(const QFont &font) const
{
    SpanPaintStyle style;
    style.font = font;
    style.bold = font;
    style.bold.setBold(true);
    style.text = ink;
    style.muted = muted;
    style.selectedText = ink;
    style.ink = ink;
    style.ghost = ghostLine;
    style.showRawTimes = m_source.showRawTimes;
    style.showCriticalPath = m_source.showCriticalPath;
    style.drawn = &m_drawn;
    return style;
}

qreal TraceExportRenderer::paintDetails(QPainter *p, int first, int end, qreal y) const
{
    const qreal inner = m_width - 2 * m_margin;
    const qreal labelWidth = std::min<qreal>(320, inner / 3);
    for (int i = first; i < end; ++i) {
        const DetailItem &d = m_details[static_cast<std::size_t>(i)];
        if (d.kind == DetailItem::Section) {
            p->setFont(m_bold);
            p->setPen(ink);
            const qreal top = y + 8;
            drawText(p, QRectF(m_margin, top, inner, d.height - 10), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(m_bold).elidedText(d.label, Qt::ElideRight, inner));
            p->setPen(QPen(gridLine, 1));
            p->drawLine(QPointF(m_margin, y + d.height - 2), QPointF(m_width - m_margin, y + d.height - 2));
        } else {
            p->setFont(m_bold);
            p->setPen(muted);
            m_drawn << d.label;
            p->drawText(QRectF(m_margin, y, labelWidth - 8, d.height), d.label, wrapOption());
            p->setFont(d.monospace ? m_mono : m_font);
            p->setPen(ink);
            m_drawn << d.value;
            p->drawText(QRectF(m_margin + labelWidth, y, inner - labelWidth, d.height), d.value, wrapOption());
        }
        y += d.height;
    }
    return y;
}

} // namespace td
