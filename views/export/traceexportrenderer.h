#pragma once

#include "exportbody.h"
#include "exportoptions.h"
#include "redaction.h"
#include "spanpainters.h"

#include <QFont>
#include <QSizeF>
#include <QStringList>

#include <vector>

class QPainter;

namespace td {

// Draws a trace for an export with QPainter, in a light theme whatever the screen's: the header block,
// the colour legend, the ruler, one row per span (tree on the left, Gantt bar on the right, in the view's
// colours and marks) and optionally the selected span's details. Every string that comes from span data
// goes through the Redactor before it is laid out, so what is drawn is what the header counted.
// Sizes are in logical pixels; long traces are cut into pages that each repeat the header and the ruler.
class TraceExportRenderer
{
public:
    struct Page
    {
        int firstRow = 0, rowEnd = 0;
        int firstDetail = 0, detailEnd = 0;
    };

    // For a source.view other than the timeline, the view's ExportBody takes the place of the ruler and
    // the rows (Page::firstRow/rowEnd then count its bands).
    TraceExportRenderer(const ExportSource &source, const ExportOptions &options);
    ~TraceExportRenderer();

    qreal width() const { return m_width; }
    // Height of everything on one page (PNG, SVG, clipboard).
    qreal singlePageHeight() const;
    // Pages of at most pageHeight logical pixels; at least one.
    std::vector<Page> paginate(qreal pageHeight) const;
    Page wholePage() const;
    // Paints a page with its top-left corner at (0, 0); the painter may be scaled.
    void paintPage(QPainter *painter, const Page &page, qreal pageHeight) const;

    int redactedCount() const { return m_redactor.redactedCount(); }
    // Lines of the details block (section titles and fields), as pages count them.
    int detailItemCount() const { return static_cast<int>(m_details.size()); }
    // Every string painted so far, for tests that check nothing secret was drawn.
    QStringList drawnTexts() const { return m_body ? m_drawn + m_body->drawnTexts() : m_drawn; }
    // The title line ("Trace 0123abcd: service: operation") for document metadata.
    const QString &title() const { return m_title; }

private:
    struct DetailItem
    {
        enum Kind { Section, Field } kind = Field;
        QString label;
        QString value;
        bool monospace = false;
        qreal height = 0;
    };
    struct RowText
    {
        QString service;
        QString name;
        QString duration;
    };

    void buildHeader();
    void buildRows();
    void buildDetails();
    void layOut();
    qreal headerBlockHeight() const { return m_headerHeight; }
    // The ruler or the body's head, and the rows or the body's bands.
    qreal headHeight() const { return m_body ? m_body->headHeight() : m_rulerHeight; }
    int unitCount() const { return m_body ? m_body->bandCount() : static_cast<int>(m_source.rows.size()); }
    qreal unitHeight(int i) const { return m_body ? m_body->bandHeight(i) : m_rowHeight; }
    qreal paintBody(QPainter *p, const Page &page, qreal y, qreal pageHeight) const;

    void drawText(QPainter *p, const QRectF &rect, int flags, const QString &text) const;
    void paintHeader(QPainter *p) const;
    void paintRuler(QPainter *p, qreal y) const;
    void paintRow(QPainter *p, int row, qreal y) const;
    // The light theme's colours for the shared span painters, text in the given font.
    SpanPaintStyle paintStyle(const QFont &font) const;
    qreal paintDetails(QPainter *p, int first, int end, qreal y) const;

    ExportSource m_source;
    ExportOptions m_options;
    Redactor m_redactor;
    std::unique_ptr<ExportBody> m_body;
    SpanPalette m_palette;
    qreal m_width = 1600;

    QFont m_font, m_bold, m_title1, m_small, m_mono;
    QString m_title;
    std::vector<HeaderField> m_header;
    std::vector<SpanPalette::Entry> m_legend;
    std::vector<RowText> m_rowText;
    std::vector<DetailItem> m_details;

    // Layout
    qreal m_margin = 16;
    qreal m_rowHeight = 20;
    qreal m_rulerHeight = 34;
    qreal m_headerHeight = 0; // title, fields and legend
    qreal m_nameWidth = 300;
    qreal m_labelWidth = 100;
    std::vector<qreal> m_fieldHeights; // per header row (two fields side by side)
    qreal m_legendTop = 0;
    qreal m_legendHeight = 0;

    mutable QStringList m_drawn;
};

} // namespace td
