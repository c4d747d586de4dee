#include "tracegraphview.h"

#include "exportbody.h"
#include "plaintooltip.h"
#include "redaction.h"
#include "spanpalette.h"
#include "spantreemodel.h"

#include <QComboBox>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QMutex>
#include <QPainter>
#include <QPainterPathStroker>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QFutureWatcher>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <clocale>
#include <cmath>
#include <locale.h>

namespace td {

namespace {

constexpr qreal nodePadding = 8;
constexpr qreal colourBand = 6;
constexpr qreal maxNodeTextWidth = 260;

// Graphviz keeps global state (its parser, the dot layout's statics): one layout at a time.
QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

// One Graphviz context for the process, used under graphvizMutex and never freed: its text-layout plugin
// (pango) keeps a pointer to the last font name it measured, which lives in the context's font table, so
// freeing a context and making another leaves that pointer dangling (a use-after-free on the next edge
// label, which AddressSanitizer found in Graphviz 2.42).
GVC_t *graphvizContext()
{
    static GVC_t *gvc = gvContext();
    return gvc;
}

// Graphviz reads its numeric attributes with strtod, which follows LC_NUMERIC; Qt sets the user's locale,
// where "1.5" may not parse. The C numeric locale for this thread only, while laying out.
class CNumericLocale
{
public:
    CNumericLocale()
        : m_c(newlocale(LC_NUMERIC_MASK, "C", static_cast<locale_t>(nullptr)))
        , m_old(m_c ? uselocale(m_c) : static_cast<locale_t>(nullptr))
    {
    }
    ~CNumericLocale()
    {
        if (m_c) {
            uselocale(m_old);
            freelocale(m_c);
        }
    }
    CNumericLocale(const CNumericLocale &) = delete;
    CNumericLocale &operator=(const CNumericLocale &) = delete;

private:
    locale_t m_c;
    locale_t m_old;
};

void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.constData()), const_cast<char *>(""));
}

QByteArray inches(qreal px)
{
    return QByteArray::number(px / 72.0, 'f', 4);
}

QString duration(std::int64_t us)
{
    return SpanTreeModel::formatDuration(static_cast<double>(us));
}

QString countText(std::int64_t n, const char *one, const char *many)
{
    return n == 1 ? TraceGraphView::tr(one) : TraceGraphView::tr(many).arg(n);
}

} // namespace

TraceGraphStyle TraceGraphStyle::fromPalette(const QPalette &palette, const QFont &font)
{
    TraceGraphStyle s;
    s.font = font;
    s.bold = font;
    s.bold.setBold(true);
    s.small = font;
    if (font.pixelSize() > 0)
        s.small.setPixelSize(std::max(8, font.pixelSize() - 1));
    else
        s.small.setPointSizeF(std::max(7.0, font.pointSizeF() - 1));
    s.background = palette.color(QPalette::Base);
    s.nodeFill = palette.color(QPalette::AlternateBase);
    if (s.nodeFill == s.background)
        s.nodeFill = palette.color(QPalette::Button);
    s.nodeBorder = palette.color(QPalette::Mid);
    s.text = palette.color(QPalette::Text);
    s.mutedText = palette.color(QPalette::PlaceholderText);
    s.edge = palette.color(QPalette::Mid);
    s.edgeText = palette.color(QPalette::Text);
    s.error = SpanPalette::errorColor();
    s.selection = palette.color(QPalette::Highlight);
    s.match = QColor(255, 235, 120);
    s.highlight = palette.color(QPalette::Highlight);
    return s;
}

TraceGraphStyle TraceGraphStyle::light(const QFont &font, const QFont &bold, const QFont &small)
{
    TraceGraphStyle s;
    s.font = font;
    s.bold = bold;
    s.small = small;
    s.background = Qt::white;
    s.nodeFill = QColor(0xF6, 0xF7, 0xF9);
    s.nodeBorder = QColor(0xA0, 0xA6, 0xAE);
    s.text = QColor(0x1A, 0x1A, 0x1A);
    s.mutedText = QColor(0x5F, 0x66, 0x6E);
    s.edge = QColor(0x7A, 0x82, 0x8C);
    s.edgeText = QColor(0x30, 0x34, 0x3A);
    s.error = SpanPalette::errorColor().darker(115);
    s.selection = QColor(0x1F, 0x6F, 0xD1);
    s.match = QColor(255, 235, 120);
    s.highlight = QColor(0x1F, 0x6F, 0xD1);
    return s;
}

int TraceGraphScene::nodeAt(const QPointF &p) const
{
    for (std::size_t k = 0; k < nodes.size(); ++k)
        if (nodes[k].rect.contains(p))
            return static_cast<int>(k);
    return -1;
}

int TraceGraphScene::edgeAt(const QPointF &p, qreal tolerance) const
{
    QPainterPathStroker stroker;
    stroker.setWidth(2 * tolerance);
    for (std::size_t k = 0; k < edges.size(); ++k) {
        const Edge &e = edges[k];
        if (e.labelRect.contains(p) || e.arrow.boundingRect().adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p))
            return static_cast<int>(k);
        if (e.path.controlPointRect().adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p)
            && stroker.createStroke(e.path).contains(p))
            return static_cast<int>(k);
    }
    return -1;
}

TraceGraphScene layOutTraceGraph(const Trace &trace, const TraceGraph &graph, const TraceGraphStyle &style,
                                 const SpanPalette &palette, const std::function<QString(const QString &)> &text)
{
    TraceGraphScene scene;
    const QFontMetricsF fm(style.font), bm(style.bold), sm(style.small);
    const qreal lineHeight = std::ceil(fm.height());

    // Texts and sizes first: Graphviz gets fixed-size boxes measured with our fonts.
    std::vector<QSizeF> nodeSizes;
    for (const TraceGraphNode &n : graph.nodes()) {
        TraceGraphScene::Node node;
        const QString service = text(trace.qstr(n.service));
        if (graph.byOperation()) {
            node.title = text(trace.qstr(n.operation));
            node.subtitle = n.remote ? TraceGraphView::tr("%1 (not traced)").arg(service) : service;
        } else {
            node.title = service;
            if (n.remote)
                node.subtitle = TraceGraphView::tr("not traced");
        }
        if (node.title.isEmpty())
            node.title = TraceGraphView::tr("(no name)");
        node.stats = n.remote ? countText(n.spanCount, "1 call", "%1 calls") : countText(n.spanCount, "1 span", "%1 spans");
        node.times = n.remote ? TraceGraphView::tr("total %1").arg(duration(n.totalUs))
                              : TraceGraphView::tr("total %1 · self %2").arg(duration(n.totalUs), duration(n.selfUs));
        if (n.errorCount > 0)
            node.errors = countText(n.errorCount, "1 error", "%1 errors");
        node.color = n.remote ? SpanPalette::placeholderColor() : palette.serviceColor(n.service);
        node.remote = n.remote;
        qreal w = std::max({bm.horizontalAdvance(node.title), sm.horizontalAdvance(node.subtitle),
                            fm.horizontalAdvance(node.stats + QStringLiteral("   ") + node.errors), sm.horizontalAdvance(node.times)});
        w = std::min(w, maxNodeTextWidth);
        const int lines = 3 + (node.subtitle.isEmpty() ? 0 : 1);
        nodeSizes.emplace_back(std::ceil(w + 2 * nodePadding + colourBand), std::ceil(lines * lineHeight + 2 * nodePadding - 4));
        scene.nodes.push_back(std::move(node));
    }
    std::vector<QSizeF> labelSizes;
    for (const TraceGraphEdge &e : graph.edges()) {
        TraceGraphScene::Edge edge;
        edge.label = countText(e.callCount, "1 call", "%1 calls") + QStringLiteral(" · ") + duration(e.totalUs);
        if (e.errorCount > 0)
            edge.errors = countText(e.errorCount, "1 error", "%1 errors");
        const qreal w = std::max(sm.horizontalAdvance(edge.label), sm.horizontalAdvance(edge.errors));
        labelSizes.emplace_back(std::ceil(w + 4), std::ceil(sm.height() * (edge.errors.isEmpty() ? 1 : 2)));
        scene.edges.push_back(std::move(edge));
    }
    if (scene.nodes.empty())
        return scene;

    QMutexLocker lock(&graphvizMutex());
    const CNumericLocale cLocale;
    GVC_t *gvc = graphvizContext();
    Agraph_t *g = agopen(const_cast<char *>("trace"), Agdirected, nullptr);
    set(g, "rankdir", "LR");
    set(g, "nodesep", "0.35");
    set(g, "ranksep", "0.7");
    set(g, "splines", "spline");
    set(g, "outputorder", "edgesfirst");
    std::vector<Agnode_t *> gvNodes;
    for (std::size_t k = 0; k < scene.nodes.size(); ++k) {
        // Names are our indices, never span data: Graphviz sees no text from the trace.
        const QByteArray name = "n" + QByteArray::number(static_cast<qulonglong>(k));
        Agnode_t *n = agnode(g, const_cast<char *>(name.constData()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", inches(nodeSizes[k].width()));
        set(n, "height", inches(nodeSizes[k].height()));
        gvNodes.push_back(n);
    }
    // dot lays an edge label out as an extra node of its own: on a dense graph (a synthetic trace where every
    // service calls every other has 400 edges) labels make the layout seconds long and the picture a tangle
    // of reserved boxes. Beyond this many edges the calls are told by the tooltips and the click only.
    const bool labelled = scene.edges.size() <= TraceGraphScene::maxLabelledEdges;
    std::vector<Agedge_t *> gvEdges;
    for (std::size_t k = 0; k < scene.edges.size(); ++k) {
        const TraceGraphEdge &e = graph.edges()[k];
        Agedge_t *edge = agedge(g, gvNodes.at(static_cast<std::size_t>(e.from)), gvNodes.at(static_cast<std::size_t>(e.to)), nullptr, 1);
        gvEdges.push_back(edge);
        if (!labelled)
            continue;
        // Graphviz sizes a label by its own estimate of a font's widths: a run of 'n' (0.556 em in its
        // Helvetica table) as wide as our measured label, one line per line, reserves the room we draw in.
        const qreal fontSize = 10;
        const int chars = std::max(1, static_cast<int>(std::ceil(labelSizes[k].width() / (0.556 * fontSize))));
        QByteArray reserve(chars, 'n');
        if (!scene.edges[k].errors.isEmpty())
            reserve += "\\n" + QByteArray(chars, 'n');
        set(edge, "fontname", "Helvetica");
        set(edge, "fontsize", QByteArray::number(fontSize, 'f', 1));
        set(edge, "label", reserve);
    }

    if (gvLayout(gvc, g, "dot") != 0) {
        scene.error = TraceGraphView::tr("Graphviz could not lay out the graph.");
        agclose(g);
        scene.nodes.clear();
        scene.edges.clear();
        return scene;
    }
    const boxf bb = GD_bb(g);
    const auto toScene = [&bb](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    for (std::size_t k = 0; k < scene.nodes.size(); ++k) {
        Agnode_t *n = gvNodes[k];
        const QPointF c = toScene(ND_coord(n));
        const qreal w = ND_width(n) * 72.0, h = ND_height(n) * 72.0;
        scene.nodes[k].rect = QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
    }
    for (std::size_t k = 0; k < scene.edges.size(); ++k) {
        Agedge_t *e = gvEdges[k];
        TraceGraphScene::Edge &edge = scene.edges[k];
        const splines *spl = ED_spl(e);
        if (spl && spl->size > 0 && spl->list[0].size >= 1) {
            const bezier &bz = spl->list[0];
            QPainterPath path(toScene(bz.list[0]));
            for (int i = 1; i + 2 < bz.size; i += 3)
                path.cubicTo(toScene(bz.list[i]), toScene(bz.list[i + 1]), toScene(bz.list[i + 2]));
            const QPointF end = toScene(bz.list[bz.size - 1]);
            if (bz.eflag) {
                const QPointF tip = toScene(bz.ep);
                const QLineF axis(end, tip);
                const QLineF normal = axis.normalVector();
                const qreal half = std::max<qreal>(3.5, axis.length() * 0.4);
                const QPointF side = normal.length() > 0 ? (normal.p2() - normal.p1()) / normal.length() * half : QPointF();
                edge.arrow << tip << end + side << end - side;
            }
            edge.path = path;
        }
        if (const textlabel_t *label = ED_label(e); label && label->set) {
            const QPointF c = toScene(label->pos);
            edge.labelRect = QRectF(c.x() - labelSizes[k].width() / 2, c.y() - labelSizes[k].height() / 2,
                                    labelSizes[k].width(), labelSizes[k].height());
        }
    }
    scene.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    for (const TraceGraphScene::Edge &e : scene.edges)
        scene.bounds |= e.labelRect | e.path.controlPointRect();
    gvFreeLayout(gvc, g);
    agclose(g);
    return scene;
}

void TraceGraphPainter::paint(QPainter *p, const TraceGraphScene &scene, const TraceGraphStyle &style, const Marks &marks)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    const bool texts = marks.scale * QFontMetricsF(style.font).height() >= 5;
    const QFontMetricsF fm(style.font), bm(style.bold), sm(style.small);
    const qreal lineHeight = std::ceil(fm.height());

    for (std::size_t k = 0; k < scene.edges.size(); ++k) {
        const TraceGraphScene::Edge &e = scene.edges[k];
        const bool highlighted = static_cast<int>(k) == marks.highlightEdge;
        const QColor colour = highlighted ? style.highlight : !e.errors.isEmpty() ? style.error : style.edge;
        p->setPen(QPen(colour, highlighted ? 2.5 : 1.3));
        p->setBrush(Qt::NoBrush);
        p->drawPath(e.path);
        p->setPen(Qt::NoPen);
        p->setBrush(colour);
        p->drawPolygon(e.arrow);
        if (!texts || e.labelRect.isEmpty())
            continue;
        p->setFont(style.small);
        p->setPen(highlighted ? style.highlight : style.edgeText);
        const QRectF first(e.labelRect.left(), e.labelRect.top(), e.labelRect.width(), sm.height());
        p->drawText(first, Qt::AlignCenter | Qt::TextSingleLine, e.label);
        if (!e.errors.isEmpty()) {
            p->setPen(style.error);
            p->drawText(first.translated(0, sm.height()), Qt::AlignCenter | Qt::TextSingleLine, e.errors);
        }
    }

    for (std::size_t k = 0; k < scene.nodes.size(); ++k) {
        const TraceGraphScene::Node &n = scene.nodes[k];
        const bool selected = static_cast<int>(k) == marks.selectedNode;
        const bool highlighted = static_cast<int>(k) == marks.highlightNode;
        const bool matched = k < marks.matchedNodes.size() && marks.matchedNodes[k];
        const QRectF r = n.rect;
        if (matched) {
            p->setPen(Qt::NoPen);
            p->setBrush(style.match);
            p->drawRoundedRect(r.adjusted(-4, -4, 4, 4), 8, 8);
        }
        QPen border(selected || highlighted ? style.selection : !n.errors.isEmpty() ? style.error : style.nodeBorder,
                    selected ? 3 : highlighted ? 2 : 1);
        if (n.remote)
            border.setStyle(Qt::DashLine);
        p->setPen(border);
        p->setBrush(style.nodeFill);
        p->drawRoundedRect(r, 5, 5);
        // The service colour as a band on the left, clipped to the rounded box.
        QPainterPath box;
        box.addRoundedRect(r, 5, 5);
        QPainterPath band;
        band.addRect(QRectF(r.left(), r.top(), colourBand, r.height()));
        p->setPen(Qt::NoPen);
        p->setBrush(n.color);
        p->drawPath(box.intersected(band));
        if (!texts)
            continue;
        const qreal x = r.left() + colourBand + nodePadding;
        const qreal w = r.right() - nodePadding - x;
        qreal y = r.top() + nodePadding - 2;
        p->setFont(style.bold);
        p->setPen(style.text);
        p->drawText(QRectF(x, y, w, lineHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                    bm.elidedText(n.title, Qt::ElideMiddle, w));
        y += lineHeight;
        if (!n.subtitle.isEmpty()) {
            p->setFont(style.small);
            p->setPen(style.mutedText);
            p->drawText(QRectF(x, y, w, lineHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                        sm.elidedText(n.subtitle, Qt::ElideMiddle, w));
            y += lineHeight;
        }
        p->setFont(style.font);
        p->setPen(style.text);
        p->drawText(QRectF(x, y, w, lineHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, n.stats);
        if (!n.errors.isEmpty()) {
            p->setPen(style.error);
            p->drawText(QRectF(x, y, w, lineHeight), Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, n.errors);
        }
        y += lineHeight;
        p->setFont(style.small);
        p->setPen(style.mutedText);
        p->drawText(QRectF(x, y, w, lineHeight), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                    sm.elidedText(n.times, Qt::ElideRight, w));
    }
    p->restore();
}

// The drawing surface: the scene through a zoom and pan transform.
class TraceGraphCanvas : public QWidget
{
public:
    explicit TraceGraphCanvas(TraceGraphView *view)
        : QWidget(view), m_view(view)
    {
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setMinimumSize(100, 80);
    }

    QTransform transform() const
    {
        QTransform t;
        t.translate(m_offset.x(), m_offset.y());
        t.scale(m_scale, m_scale);
        return t;
    }
    QPointF toScene(const QPointF &p) const { return (p - m_offset) / m_scale; }

    void fit()
    {
        m_fitted = true;
        const TraceGraphScene *scene = m_view->readyScene();
        if (!scene || scene->bounds.isEmpty()) {
            m_scale = 1;
            m_offset = QPointF();
            update();
            return;
        }
        const QRectF b = scene->bounds.adjusted(-margin, -margin, margin, margin);
        m_scale = std::clamp(std::min(width() / b.width(), height() / b.height()), minScale, 1.5);
        m_offset = QPointF((width() - b.width() * m_scale) / 2 - b.left() * m_scale,
                           (height() - b.height() * m_scale) / 2 - b.top() * m_scale);
        update();
    }
    void refit() { m_fitted = false; update(); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const TraceGraphStyle style = TraceGraphStyle::fromPalette(palette(), font());
        p.fillRect(rect(), style.background);
        const TraceGraphScene *scene = m_view->readyScene();
        if (scene && !m_fitted)
            fit();
        if (!scene || scene->nodes.empty()) {
            p.setPen(style.mutedText);
            p.drawText(rect(), Qt::AlignCenter,
                       m_view->isLayingOut()                ? TraceGraphView::tr("Laying out the graph…")
                       : scene && !scene->error.isEmpty() ? scene->error
                                                          : TraceGraphView::tr("No spans to draw."));
            return;
        }
        p.setTransform(transform());
        TraceGraphPainter::Marks marks = m_view->marks();
        marks.scale = m_scale;
        TraceGraphPainter::paint(&p, *scene, style, marks);
    }
    void resizeEvent(QResizeEvent *) override
    {
        if (!m_userMoved)
            m_fitted = false;
    }
    void wheelEvent(QWheelEvent *event) override
    {
        const qreal factor = std::pow(1.0015, event->angleDelta().y());
        const QPointF anchor = toScene(event->position());
        m_scale = std::clamp(m_scale * factor, minScale, maxScale);
        m_offset = event->position() - anchor * m_scale;
        m_userMoved = true;
        update();
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton) {
            m_pressPos = event->position();
            m_lastPos = event->position();
            m_dragging = false;
        }
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (event->buttons() & Qt::LeftButton) {
            if (!m_dragging && (event->position() - m_pressPos).manhattanLength() > 4)
                m_dragging = true;
            if (m_dragging) {
                m_offset += event->position() - m_lastPos;
                m_lastPos = event->position();
                m_userMoved = true;
                setCursor(Qt::ClosedHandCursor);
                update();
            }
        }
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        unsetCursor();
        if (!m_dragging)
            m_view->clickAt(toScene(event->position()));
        m_dragging = false;
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        const TraceGraphScene *scene = m_view->readyScene();
        const QPointF s = toScene(event->position());
        if (scene && scene->nodeAt(s) < 0 && scene->edgeAt(s, 4 / m_scale) < 0) {
            m_userMoved = false;
            fit();
        }
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_F || event->key() == Qt::Key_0) {
            m_userMoved = false;
            fit();
        } else if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal || event->key() == Qt::Key_Minus) {
            const qreal factor = event->key() == Qt::Key_Minus ? 1 / 1.25 : 1.25;
            const QPointF centre(width() / 2.0, height() / 2.0);
            const QPointF anchor = toScene(centre);
            m_scale = std::clamp(m_scale * factor, minScale, maxScale);
            m_offset = centre - anchor * m_scale;
            m_userMoved = true;
            update();
        } else {
            QWidget::keyPressEvent(event);
        }
    }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            showPlainToolTip(help->globalPos(), m_view->toolTipAt(toScene(help->pos())), this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    friend class TraceGraphView;
    static constexpr qreal margin = 16;
    static constexpr qreal minScale = 0.05;
    static constexpr qreal maxScale = 6;
    TraceGraphView *m_view;
    qreal m_scale = 1;
    QPointF m_offset;
    QPointF m_pressPos, m_lastPos;
    bool m_dragging = false;
    bool m_fitted = false;
    bool m_userMoved = false;
};

TraceGraphView::TraceGraphView(SpanViewContext *context, QWidget *parent)
    : TraceViewPage(context, parent)
    , m_canvas(new TraceGraphCanvas(this))
    , m_mode(new QComboBox(this))
    , m_summary(new QLabel(this))
{
    m_mode->setObjectName(QStringLiteral("graphMode"));
    m_mode->addItem(tr("Services"));
    m_mode->addItem(tr("Service + operation"));
    m_mode->setToolTip(tr("A node per service, or per operation of each service"));
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole graph (F, or double-click the background)"));
    m_summary->setTextFormat(Qt::PlainText);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    auto *modeLabel = new QLabel(tr("Nodes:"), this);
    modeLabel->setBuddy(m_mode);
    bar->addWidget(modeLabel);
    bar->addWidget(m_mode);
    bar->addWidget(fit);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) { setByOperation(i == 1); });
    connect(fit, &QToolButton::clicked, this, &TraceGraphView::fitToView);
    if (m_context && m_context->time)
        connect(m_context->time, &TimeControl::selectedSpanChanged, m_canvas, qOverload<>(&QWidget::update));
}

TraceGraphView::~TraceGraphView() = default;

QWidget *TraceGraphView::canvas() const
{
    return m_canvas;
}

void TraceGraphView::traceChanged()
{
    ++m_generation; // a layout of the old trace still running is dropped when it ends
    for (Cache &c : m_cache) {
        c.graph.reset();
        c.scene.reset();
        c.pending = {};
    }
    m_highlightNode = m_highlightEdge = -1;
    m_matchesDirty = true;
    m_canvas->refit();
    if (isVisible())
        updateSummary();
}

void TraceGraphView::marksChanged()
{
    m_matchesDirty = true;
    // A highlight from elsewhere (a search) replaces the clicked node's.
    m_canvas->update();
}

void TraceGraphView::describeExport(ExportSource *source) const
{
    source->graphByOperation = m_byOperation;
}

void TraceGraphView::setByOperation(bool byOperation)
{
    if (byOperation == m_byOperation)
        return;
    m_byOperation = byOperation;
    {
        const QSignalBlocker block(m_mode);
        m_mode->setCurrentIndex(byOperation ? 1 : 0);
    }
    m_highlightNode = m_highlightEdge = -1;
    m_matchesDirty = true;
    m_canvas->refit();
    if (isVisible())
        updateSummary();
}

QMutex &TraceGraphView::graphvizLock()
{
    return graphvizMutex();
}

const TraceGraph *TraceGraphView::graph()
{
    if (!m_context || !m_context->trace)
        return nullptr;
    Cache &c = current();
    if (!c.graph && c.pending.isValid()) {
        c.pending.waitForFinished();
        takeLayout(m_byOperation ? 1 : 0);
    }
    if (!c.graph)
        c.graph = TraceGraph::build(*m_context->trace, m_byOperation);
    return &*c.graph;
}

const TraceGraphScene *TraceGraphView::scene()
{
    const TraceGraph *g = graph();
    if (!g)
        return nullptr;
    Cache &c = current();
    if (!c.scene) {
        const TraceGraphStyle style = TraceGraphStyle::fromPalette(m_canvas->palette(), m_canvas->font());
        c.scene = layOutTraceGraph(*m_context->trace, *g, style, m_context->palette, [](const QString &s) { return s; });
    }
    return &*c.scene;
}

const TraceGraph *TraceGraphView::readyGraph()
{
    Cache &c = current();
    return c.graph ? &*c.graph : nullptr;
}

bool TraceGraphView::isLayingOut() const
{
    return m_cache[m_byOperation ? 1 : 0].pending.isValid();
}

const TraceGraphScene *TraceGraphView::readyScene()
{
    if (!m_context || !m_context->trace)
        return nullptr;
    Cache &c = current();
    if (c.scene && c.graph)
        return &*c.scene;
    if (c.pending.isValid())
        return nullptr;
    // Everything the worker reads is its own copy: the trace (shared, immutable), the style, the palette.
    const TracePtr trace = m_context->trace;
    const bool byOperation = m_byOperation;
    const TraceGraphStyle style = TraceGraphStyle::fromPalette(m_canvas->palette(), m_canvas->font());
    const SpanPalette palette = m_context->palette;
    c.pending = QtConcurrent::run([trace, byOperation, style, palette] {
        LaidOut out;
        out.graph = TraceGraph::build(*trace, byOperation);
        out.scene = layOutTraceGraph(*trace, out.graph, style, palette, [](const QString &s) { return s; });
        return out;
    });
    const int slot = byOperation ? 1 : 0;
    auto *watcher = new QFutureWatcher<LaidOut>(this);
    connect(watcher, &QFutureWatcher<LaidOut>::finished, this, [this, watcher, slot, generation = m_generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            takeLayout(slot);
    });
    watcher->setFuture(c.pending);
    return nullptr;
}

void TraceGraphView::takeLayout(int slot)
{
    Cache &c = m_cache[static_cast<std::size_t>(slot)];
    if (!c.pending.isValid() || !c.pending.isFinished())
        return;
    LaidOut out = c.pending.takeResult();
    c.pending = {};
    if (!c.graph)
        c.graph = std::move(out.graph);
    if (!c.scene)
        c.scene = std::move(out.scene);
    if (slot == (m_byOperation ? 1 : 0)) {
        m_matchesDirty = true;
        m_canvas->refit();
        updateSummary();
        emit layoutFinished();
    }
}

QRectF TraceGraphView::nodeRectOnCanvas(int node)
{
    const TraceGraphScene *s = scene();
    if (!s || node < 0 || static_cast<std::size_t>(node) >= s->nodes.size())
        return {};
    if (!m_canvas->m_fitted)
        m_canvas->fit();
    return m_canvas->transform().mapRect(s->nodes[static_cast<std::size_t>(node)].rect);
}

void TraceGraphView::fitToView()
{
    m_canvas->m_userMoved = false;
    m_canvas->fit();
}

void TraceGraphView::showEvent(QShowEvent *event)
{
    TraceViewPage::showEvent(event);
    updateSummary();
}

void TraceGraphView::updateSummary()
{
    readyScene(); // starts the layout when there is none
    const TraceGraph *g = readyGraph();
    if (!g) {
        if (isLayingOut())
            m_summary->setText(tr("Laying out the graph with Graphviz…"));
        else
            m_summary->clear();
        m_canvas->update();
        return;
    }
    std::int64_t calls = 0;
    for (const TraceGraphEdge &e : g->edges())
        calls += e.callCount;
    m_summary->setText(tr("%1 nodes · %2 edges · %3 calls · click a node or edge to mark its spans")
                           .arg(g->nodes().size())
                           .arg(g->edges().size())
                           .arg(calls));
    m_canvas->update();
}

void TraceGraphView::clickAt(const QPointF &scenePoint)
{
    const TraceGraphScene *s = readyScene();
    const TraceGraph *g = readyGraph();
    if (!g || !s)
        return;
    const int node = s->nodeAt(scenePoint);
    const int edge = node < 0 ? s->edgeAt(scenePoint, 4 / std::max<qreal>(0.05, m_canvas->m_scale)) : -1;
    m_highlightNode = node;
    m_highlightEdge = edge;
    if (node >= 0)
        emit highlightRequested(g->nodes()[static_cast<std::size_t>(node)].spans);
    else if (edge >= 0)
        emit highlightRequested(g->edges()[static_cast<std::size_t>(edge)].spans);
    m_canvas->update();
}

QString TraceGraphView::toolTipAt(const QPointF &scenePoint)
{
    const TraceGraphScene *s = readyScene();
    const TraceGraph *g = readyGraph();
    if (!g || !s)
        return {};
    const Trace &t = *m_context->trace;
    if (const int k = s->nodeAt(scenePoint); k >= 0) {
        const TraceGraphNode &n = g->nodes()[static_cast<std::size_t>(k)];
        QString tip = t.qstr(n.service);
        if (g->byOperation())
            tip += QLatin1Char('\n') + t.qstr(n.operation);
        if (n.remote)
            tip += QLatin1Char('\n') + tr("Not traced: known from the calls of its clients");
        tip += QLatin1Char('\n') + tr("Spans: %1, errors: %2").arg(n.spanCount).arg(n.errorCount);
        tip += QLatin1Char('\n') + tr("Total: %1, self: %2").arg(duration(n.totalUs), duration(n.selfUs));
        return tip;
    }
    if (const int k = s->edgeAt(scenePoint, 4 / std::max<qreal>(0.05, m_canvas->m_scale)); k >= 0) {
        const TraceGraphEdge &e = g->edges()[static_cast<std::size_t>(k)];
        const auto name = [&](std::int32_t node) {
            const TraceGraphNode &n = g->nodes()[static_cast<std::size_t>(node)];
            return g->byOperation() ? t.qstr(n.service) + QStringLiteral(" ") + t.qstr(n.operation) : t.qstr(n.service);
        };
        return tr("%1 → %2\nCalls: %3, errors: %4\nTotal: %5")
            .arg(name(e.from), name(e.to))
            .arg(e.callCount)
            .arg(e.errorCount)
            .arg(duration(e.totalUs));
    }
    return {};
}

TraceGraphPainter::Marks TraceGraphView::marks()
{
    TraceGraphPainter::Marks m;
    const TraceGraph *g = readyGraph();
    if (!g)
        return m;
    if (m_matchesDirty) {
        m_matchesDirty = false;
        m_matchedNodes.assign(g->nodes().size(), 0);
        if (std::find(m_context->matches.begin(), m_context->matches.end(), 1) != m_context->matches.end()) {
            for (std::size_t k = 0; k < g->nodes().size(); ++k)
                for (const std::int32_t i : g->nodes()[k].spans)
                    if (m_context->isMatch(i)) {
                        m_matchedNodes[k] = 1;
                        break;
                    }
        }
    }
    m.matchedNodes = m_matchedNodes;
    m.highlightNode = m_highlightNode;
    m.highlightEdge = m_highlightEdge;
    if (m_context->time)
        m.selectedNode = g->nodeOfSpan(m_context->time->selectedSpan());
    return m;
}

namespace {

class TraceGraphExportBody : public ExportBody
{
public:
    TraceGraphExportBody(const ExportSource &source, const ExportStyle &style)
        : m_trace(source.trace)
        , m_style(TraceGraphStyle::light(style.font, style.bold, style.small))
        , m_byOperation(source.graphByOperation)
        , m_selectedSpan(source.detailsSpan)
    {
    }

    void layOut(qreal width, Redactor &redactor) override
    {
        m_width = width;
        m_texts.clear();
        if (!m_trace)
            return;
        const TraceGraph graph = TraceGraph::build(*m_trace, m_byOperation);
        SpanPalette palette;
        palette.setTrace(m_trace);
        m_scene = layOutTraceGraph(*m_trace, graph, m_style, palette, [&redactor](const QString &s) { return redactor.text(s); });
        m_marks = {};
        m_marks.selectedNode = graph.nodeOfSpan(m_selectedSpan);
        const QRectF b = m_scene.bounds.adjusted(-margin, -margin, margin, margin);
        m_scale = b.width() > 0 ? std::min<qreal>(1, width / b.width()) : 1;
        m_marks.scale = m_scale;
        m_height = m_scene.nodes.empty() ? 2 * margin + QFontMetricsF(m_style.font).height() : b.height() * m_scale;
        for (const TraceGraphScene::Node &n : m_scene.nodes)
            m_texts << n.title << n.subtitle << n.stats << n.times << n.errors;
        for (const TraceGraphScene::Edge &e : m_scene.edges)
            m_texts << e.label << e.errors;
        if (m_scene.nodes.empty())
            m_texts << emptyText();
        m_texts.removeAll(QString());
    }

    int bandCount() const override { return 1; }
    qreal bandHeight(int) const override { return m_height; }

    void paintBands(QPainter *p, int first, int end, const QPointF &topLeft) const override
    {
        if (first > 0 || end < 1)
            return;
        p->save();
        if (m_scene.nodes.empty()) {
            p->setFont(m_style.font);
            p->setPen(m_style.mutedText);
            p->drawText(QRectF(topLeft, QSizeF(m_width, m_height)), Qt::AlignCenter, emptyText());
            p->restore();
            return;
        }
        const QRectF b = m_scene.bounds.adjusted(-margin, -margin, margin, margin);
        const qreal x = topLeft.x() + std::max<qreal>(0, (m_width - b.width() * m_scale) / 2);
        p->translate(x, topLeft.y());
        p->scale(m_scale, m_scale);
        p->translate(-b.left(), -b.top());
        TraceGraphPainter::paint(p, m_scene, m_style, m_marks);
        p->restore();
    }

    QStringList drawnTexts() const override { return m_texts; }

private:
    static constexpr qreal margin = 12;
    QString emptyText() const
    {
        return m_scene.error.isEmpty() ? TraceGraphView::tr("No spans to draw.") : m_scene.error;
    }

    TracePtr m_trace;
    TraceGraphStyle m_style;
    bool m_byOperation;
    std::int32_t m_selectedSpan;
    TraceGraphScene m_scene;
    TraceGraphPainter::Marks m_marks;
    QStringList m_texts;
    qreal m_width = 0;
    qreal m_height = 0;
    qreal m_scale = 1;
};

} // namespace

std::unique_ptr<ExportBody> makeTraceGraphExportBody(const ExportSource &source, const ExportStyle &style)
{
    return std::make_unique<TraceGraphExportBody>(source, style);
}

} // namespace td
