#pragma once

#include "flamegraph.h"
#include "traceviewpage.h"

#include <QColor>
#include <QFont>
#include <QRectF>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPainter;
class QScrollBar;
class QSplitter;
class QStandardItemModel;
class QTableView;

namespace td {

class FlameGraphCanvas;
class SpanPalette;

// Colours and fonts of the flame graph: the widget's palette on screen, the light theme in exports.
struct FlameGraphStyle
{
    QFont font;
    QColor background, text, mutedText, border, selection, match;
    qreal rowHeight = 20;

    static FlameGraphStyle fromPalette(const QPalette &palette, const QFont &font);
    static FlameGraphStyle light(const QFont &font);
};

// Draws rows of a flame graph between two x values, for the widget and for exports alike. Frames narrower
// than a pixel are not drawn one by one: after such a frame the painter jumps to the first frame that starts
// a pixel further on, so a frame costs what its pixels cost, not what the trace holds.
class FlameGraphPainter
{
public:
    struct Marks
    {
        std::int32_t selectedFrame = -1;
        const std::vector<char> *matchedFrames = nullptr; // search matches, by frame (not copied per paint)
        bool anyMatch = false;
    };
    // Rows [firstRow, endRow) from the top of `area`, frames between fromX and toX across its width. label()
    // gives a frame's text ("service: operation"; redacted in exports).
    static void paint(QPainter *painter, const Trace &trace, const FlameGraph &graph, const SpanPalette &palette,
                      const FlameGraphStyle &style, const Marks &marks, const QRectF &area, std::uint32_t firstRow,
                      std::uint32_t endRow, std::int64_t fromX, std::int64_t toX,
                      const std::function<QString(std::int32_t)> &label);
    // The text inside a frame: its name and duration, elided to the width.
    static QString frameText(const QString &name, const FlameFrame &frame);
};

// The flame graph (icicle, root on top). In the time mode a frame per span, on the timeline's time axis
// (shared zoom: double-click a frame zooms the timeline to it, Backspace goes back). In the merged mode
// identical service+operation paths are one frame, laid out as Jaeger UI lays its flame graph out, with
// Jaeger's Count / Self / Total table beside it; double-click zooms into a frame, Backspace zooms out.
// Colours follow the timeline's colour mode, errors are red, search matches are outlined and the rest fade.
// A click selects the frame's (first) span in the tree and every view.
class FlameGraphView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit FlameGraphView(SpanViewContext *context, QWidget *parent = nullptr);
    ~FlameGraphView() override;

    void traceChanged() override;
    void marksChanged() override;
    bool back() override;
    void describeExport(ExportSource *source) const override;

    bool merged() const { return m_merged; }
    void setMerged(bool merged);
    // The graph of the current mode, built when first needed.
    const FlameGraph *graph();
    // The x range drawn across the canvas.
    std::pair<std::int64_t, std::int64_t> visibleX();
    // Where a frame is drawn on the canvas (empty when out of view); for tests and the scroll-into-view.
    QRectF frameRect(std::int32_t frame);
    QWidget *canvas() const;
    QTableView *table() const { return m_table; }
    QComboBox *modeBox() const { return m_mode; }
    // Double-click on a frame: the timeline (time mode) or the merged graph zooms to it.
    void zoomToFrame(std::int32_t frame);
    void selectFrame(std::int32_t frame);
    // Ctrl+wheel: the time axis (time mode) or the merged graph scaled by factor around anchor.
    void zoomAround(double factor, std::int64_t anchor);

protected:
    void showEvent(QShowEvent *event) override;

private:
    friend class FlameGraphCanvas;
    FlameGraphPainter::Marks marks();
    void rebuildTable();
    void updateSummary();
    void scrollToSelection();
    QString toolTipFor(std::int32_t frame);

    FlameGraphCanvas *m_canvas;
    QScrollBar *m_scroll;
    QComboBox *m_mode;
    QLabel *m_summary;
    QSplitter *m_splitter;
    QTableView *m_table;
    QStandardItemModel *m_tableModel;
    std::vector<FlameTableRow> m_tableRows;
    std::optional<FlameGraph> m_time, m_mergedGraph;
    bool m_builtRaw = false;
    bool m_merged = false;
    bool m_tableStale = true;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_mergedHistory;
    std::pair<std::int64_t, std::int64_t> m_mergedRange{0, 0};
    std::vector<char> m_matchedFrames;
    bool m_matchesDirty = true;
    bool m_anyMatch = false;
};

} // namespace td
