#pragma once

#include "tracegraph.h"
#include "traceviewpage.h"

#include <QColor>
#include <QFuture>
#include <QFont>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <array>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QMutex;
class QPainter;

namespace td {

class SpanPalette;
class TraceGraphCanvas;

// Colours and fonts of the trace graph: the widget's palette on screen, the light theme in exports.
struct TraceGraphStyle
{
    QFont font, bold, small;
    QColor background, nodeFill, nodeBorder, text, mutedText, edge, edgeText, error, selection, match, highlight;

    static TraceGraphStyle fromPalette(const QPalette &palette, const QFont &font);
    static TraceGraphStyle light(const QFont &font, const QFont &bold, const QFont &small);
};

// The graph laid out by Graphviz dot, in scene coordinates (1 unit = 1 px at zoom 1, y down), with the texts
// to draw (already redacted for exports).
struct TraceGraphScene
{
    struct Node
    {
        QRectF rect;
        QString title, subtitle, stats, times, errors;
        QColor color;
        bool remote = false;
    };
    struct Edge
    {
        QPainterPath path;
        QPolygonF arrow;  // the arrowhead at the callee
        QRectF labelRect; // centred where Graphviz placed the label
        QString label, errors;
    };
    // More edges than this are laid out without room for their labels (see layOutTraceGraph).
    static constexpr std::size_t maxLabelledEdges = 80;

    std::vector<Node> nodes; // as TraceGraph::nodes()
    std::vector<Edge> edges; // as TraceGraph::edges()
    QRectF bounds;
    QString error; // Graphviz failed: nothing laid out

    // The node or edge under a scene point, or -1.
    int nodeAt(const QPointF &p) const;
    int edgeAt(const QPointF &p, qreal tolerance) const;
};

// Lays the graph out with Graphviz dot (nodes sized by the style's font metrics). text() gives each string
// from span data its final form (the Redactor in exports).
TraceGraphScene layOutTraceGraph(const Trace &trace, const TraceGraph &graph, const TraceGraphStyle &style,
                                 const SpanPalette &palette, const std::function<QString(const QString &)> &text);

// Draws a laid-out graph, for the widget and for exports alike.
class TraceGraphPainter
{
public:
    struct Marks
    {
        int selectedNode = -1;  // the node of the selected span
        int highlightNode = -1; // clicked
        int highlightEdge = -1; // clicked
        std::vector<char> matchedNodes; // nodes holding search matches, by node
        qreal scale = 1;                // device pixels per scene unit: texts are left out when too small
    };
    static void paint(QPainter *painter, const TraceGraphScene &scene, const TraceGraphStyle &style, const Marks &marks);
};

// The trace graph: services (or service+operation) as nodes with their span count, total and self time and
// errors, calls between them as edges with the call count, the callees' total time and errors (TraceGraph).
// Laid out by Graphviz dot when first shown, once per trace and mode. Wheel zooms around the cursor, a drag
// pans, double-click on the background (or F) fits. A click on a node marks its spans like search matches
// (highlightRequested, which also selects the first); a click on an edge marks the calls. The node of the
// selected span is drawn emphasised.
class TraceGraphView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit TraceGraphView(SpanViewContext *context, QWidget *parent = nullptr);
    ~TraceGraphView() override;

    void traceChanged() override;
    void marksChanged() override;
    void describeExport(ExportSource *source) const override;

    bool byOperation() const { return m_byOperation; }
    void setByOperation(bool byOperation);
    // The graph and its layout for the current mode, built now if needed (waiting for a layout under way);
    // for exports and tests. On screen the layout runs in the background (readyScene).
    const TraceGraph *graph();
    const TraceGraphScene *scene();
    // The laid-out graph when it is ready; otherwise starts laying it out on a worker thread (Graphviz dot
    // takes seconds on a dense graph of a large trace) and returns null. layoutFinished() says when it came.
    const TraceGraphScene *readyScene();
    bool isLayingOut() const;
    // Held while Graphviz runs (it is not reentrant); a test holds it to show the GUI thread stays free.
    static QMutex &graphvizLock();
    QWidget *canvas() const;
    QComboBox *modeBox() const { return m_mode; }
    // Where a node is drawn in the canvas's coordinates.
    QRectF nodeRectOnCanvas(int node);
    void fitToView();

signals:
    // A background layout of the current mode arrived; the canvas shows it.
    void layoutFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    friend class TraceGraphCanvas;
    struct LaidOut
    {
        TraceGraph graph;
        TraceGraphScene scene;
    };
    struct Cache
    {
        std::optional<TraceGraph> graph;
        std::optional<TraceGraphScene> scene;
        QFuture<LaidOut> pending; // a layout under way on a worker thread
    };
    // A finished background layout of this slot of m_cache goes into the cache.
    void takeLayout(int slot);
    const TraceGraph *readyGraph();
    Cache &current() { return m_cache[m_byOperation ? 1 : 0]; }
    void updateSummary();
    void clickAt(const QPointF &scenePoint);
    QString toolTipAt(const QPointF &scenePoint);
    TraceGraphPainter::Marks marks();

    TraceGraphCanvas *m_canvas;
    QComboBox *m_mode;
    QLabel *m_summary;
    std::array<Cache, 2> m_cache;
    std::uint64_t m_generation = 0; // bumped by a new trace: a layout started before it is dropped
    bool m_byOperation = false;
    int m_highlightNode = -1;
    int m_highlightEdge = -1;
    std::vector<char> m_matchedNodes;
    bool m_matchesDirty = true;
};

} // namespace td
