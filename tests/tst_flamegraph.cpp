#include "exportbody.h"
#include "flamegraph.h"
#include "flamegraphview.h"
#include "redaction.h"
#include "spanview.h"
#include "timecontrol.h"
#include "traceloader.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextDocument>
#include <QToolTip>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <map>

using namespace td;

namespace {

const QString jaegerTestTrace = QStringLiteral(TRACEDESK_TEST_DATA "/realworld/jaegertracing__jaeger-ui/components__TracePage__TraceFlamegraph__testTrace.json");
const QString yelp = QStringLiteral(TRACEDESK_TEST_DATA "/realworld/openzipkin__zipkin/zipkin-lens_testdata_yelp.json");
const QString smartthings = QStringLiteral(TRACEDESK_TEST_DATA "/realworld/openzipkin__zipkin/zipkin-lens_testdata_smartthings-mobile-web-install.json");

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    if (!r.ok())
        qFatal("cannot load %s: %s", qPrintable(path), qPrintable(r.error));
    return r.trace;
}

TracePtr loadText(const char *json)
{
    const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(json), QStringLiteral("test.json"));
    if (!r.ok())
        qFatal("cannot load the test trace: %s", qPrintable(r.error));
    return r.trace;
}

// Jaeger's own grouping test (convertOtelTraceToFlameData.test.ts "groups children with the same
// service:operation name"), with a grandchild under each child-op to show that merged frames merge their
// children too, and a second root.
const char *groupingTrace = "[\n"
    " {\"traceId\":\"f1\",\"id\":\"a\",\"name\":\"parent-op\",\"localEndpoint\":{\"serviceName\":\"svc-a\"},\"timestamp\":1000,\"duration\":100},\n"
    " {\"traceId\":\"f1\",\"id\":\"b\",\"parentId\":\"a\",\"name\":\"child-op\",\"localEndpoint\":{\"serviceName\":\"svc-b\"},\"timestamp\":1000,\"duration\":30},\n"
    " {\"traceId\":\"f1\",\"id\":\"c\",\"parentId\":\"a\",\"name\":\"child-op\",\"localEndpoint\":{\"serviceName\":\"svc-b\"},\"timestamp\":1040,\"duration\":40},\n"
    " {\"traceId\":\"f1\",\"id\":\"d\",\"parentId\":\"a\",\"name\":\"other-op\",\"localEndpoint\":{\"serviceName\":\"svc-b\"},\"timestamp\":1080,\"duration\":20},\n"
    " {\"traceId\":\"f1\",\"id\":\"e\",\"parentId\":\"b\",\"name\":\"leaf\",\"localEndpoint\":{\"serviceName\":\"svc-c\"},\"timestamp\":1005,\"duration\":10,\"tags\":{\"error\":\"boom\"}},\n"
    " {\"traceId\":\"f1\",\"id\":\"f\",\"parentId\":\"c\",\"name\":\"leaf\",\"localEndpoint\":{\"serviceName\":\"svc-c\"},\"timestamp\":1045,\"duration\":15},\n"
    " {\"traceId\":\"f1\",\"id\":\"g\",\"name\":\"op-b\",\"localEndpoint\":{\"serviceName\":\"svc\"},\"timestamp\":2000,\"duration\":30}\n"
    "]";

// Parallel children adding up to more than their parent (Jaeger's ensureParentCoversChildren), and an orphan
// whose parent is missing.
const char *parallelTrace = "[\n"
    " {\"traceId\":\"f2\",\"id\":\"a\",\"name\":\"fan-out\",\"localEndpoint\":{\"serviceName\":\"api\"},\"timestamp\":1000,\"duration\":100},\n"
    " {\"traceId\":\"f2\",\"id\":\"b\",\"parentId\":\"a\",\"name\":\"call\",\"localEndpoint\":{\"serviceName\":\"api\"},\"timestamp\":1010,\"duration\":60},\n"
    " {\"traceId\":\"f2\",\"id\":\"c\",\"parentId\":\"a\",\"name\":\"call\",\"localEndpoint\":{\"serviceName\":\"api\"},\"timestamp\":1020,\"duration\":60},\n"
    " {\"traceId\":\"f2\",\"id\":\"d\",\"parentId\":\"a\",\"name\":\"other\",\"localEndpoint\":{\"serviceName\":\"api\"},\"timestamp\":1030,\"duration\":10},\n"
    " {\"traceId\":\"f2\",\"id\":\"x\",\"parentId\":\"missing\",\"name\":\"orphan\",\"localEndpoint\":{\"serviceName\":\"late\"},\"timestamp\":1050,\"duration\":5}\n"
    "]";

const char *secretTrace = "[\n"
    " {\"traceId\":\"b1\",\"id\":\"1\",\"name\":\"GET /login?token=s3cr3tvalue42\",\"localEndpoint\":{\"serviceName\":\"gateway\"},\"timestamp\":1000,\"duration\":100},\n"
    " {\"traceId\":\"b1\",\"id\":\"2\",\"parentId\":\"1\",\"name\":\"select\",\"localEndpoint\":{\"serviceName\":\"gateway\"},\"timestamp\":1010,\"duration\":50}\n"
    "]";

std::int32_t child(const FlameGraph &g, std::int32_t parent, const Trace &t, const QString &name)
{
    for (std::size_t k = 0; k < g.frames().size(); ++k)
        if (g.frames()[k].parent == parent && FlameGraph::frameName(t, g.frames()[k]) == name)
            return static_cast<std::int32_t>(k);
    return -1;
}

int childCount(const FlameGraph &g, std::int32_t parent)
{
    return static_cast<int>(std::count_if(g.frames().begin(), g.frames().end(), [parent](const FlameFrame &f) { return f.parent == parent; }));
}

} // namespace

class TestFlameGraph : public QObject
{
    Q_OBJECT
private slots:
    // The frames Jaeger UI's own test expects of this trace (convertOtelTraceToFlameData.test.ts "produces
    // correct hierarchy for the test trace"): OrderVehicle -> HTTP GET -> BikeHandler -> FindNearestVehicle,
    // one frame each, with these values.
    void mergedFramesAreJaegers()
    {
        const TracePtr t = load(jaegerTestTrace);
        const FlameGraph g = FlameGraph::build(*t, FlameGraph::Mode::Merged);
        QCOMPARE(childCount(g, -1), 1);
        const std::int32_t root = child(g, -1, *t, QStringLiteral("load-generator: OrderVehicle"));
        QVERIFY(root >= 0);
        QCOMPARE(g.frame(root).width, 1181596);
        QCOMPARE(g.frame(root).totalUs, 1181596);
        // Jaeger: the virtual root's value is the sum of the root spans' durations.
        QCOMPARE(g.maxX() - g.minX(), 1181596);
        const struct { const char *name; std::int64_t value; } chain[] = {
            {"load-generator: HTTP GET", 968334},
            {"ride-sharing-app: BikeHandler", 967066},
            {"ride-sharing-app: FindNearestVehicle", 966333},
        };
        std::int32_t parent = root;
        for (const auto &step : chain) {
            QCOMPARE(childCount(g, parent), 1);
            const std::int32_t f = child(g, parent, *t, QString::fromLatin1(step.name));
            QVERIFY2(f >= 0, step.name);
            QCOMPARE(g.frame(f).width, step.value);
            QCOMPARE(g.frame(f).spanCount, 1u);
            parent = f;
        }
        QCOMPARE(childCount(g, parent), 0);
        QCOMPARE(g.rowCount(), 4u);
    }

    // Jaeger's Count / Self / Total table of the same trace (generateTableData.test.ts).
    void tableIsJaegers()
    {
        const TracePtr t = load(jaegerTestTrace);
        const std::vector<FlameTableRow> rows = flameTable(*t);
        QCOMPARE(rows.size(), 4u);
        std::map<QString, FlameTableRow> byName;
        for (const FlameTableRow &r : rows)
            byName[t->qstr(r.service) + QStringLiteral(": ") + t->qstr(r.name)] = r;
        QCOMPARE(byName.size(), 4u);
        const FlameTableRow &root = byName.at(QStringLiteral("load-generator: OrderVehicle"));
        QCOMPARE(root.totalUs, 1181596);
        QCOMPARE(root.selfUs, 1181596 - 968334);
        QCOMPARE(root.count, 1);
        const FlameTableRow &leaf = byName.at(QStringLiteral("ride-sharing-app: FindNearestVehicle"));
        QCOMPARE(leaf.selfUs, leaf.totalUs);
    }

    // Jaeger's grouping rules on a trace built for them.
    void mergedGroupsSiblingsAndTheirChildren()
    {
        const TracePtr t = loadText(groupingTrace);
        const FlameGraph g = FlameGraph::build(*t, FlameGraph::Mode::Merged);
        // Roots are not merged; two roots side by side: 100 + 30.
        QCOMPARE(childCount(g, -1), 2);
        QCOMPARE(g.maxX() - g.minX(), 130);
        const std::int32_t parent = child(g, -1, *t, QStringLiteral("svc-a: parent-op"));
        QVERIFY(parent >= 0);
        QCOMPARE(g.frame(parent).x, 0);
        QCOMPARE(g.frame(child(g, -1, *t, QStringLiteral("svc: op-b"))).x, 100);
        QCOMPARE(childCount(g, parent), 2);
        const std::int32_t grouped = child(g, parent, *t, QStringLiteral("svc-b: child-op"));
        QVERIFY(grouped >= 0);
        QCOMPARE(g.frame(grouped).totalUs, 70);
        QCOMPARE(g.frame(grouped).width, 70);
        QCOMPARE(g.frame(grouped).spanCount, 2u);
        QCOMPARE(g.spansOf(grouped).size(), 2u);
        // Self time of the group: 30 - 10 and 40 - 15.
        QCOMPARE(g.frame(grouped).selfUs, 45);
        const std::int32_t other = child(g, parent, *t, QStringLiteral("svc-b: other-op"));
        QCOMPARE(g.frame(other).totalUs, 20);
        // Siblings side by side from the parent's left edge, in order of first appearance.
        QCOMPARE(g.frame(grouped).x, g.frame(parent).x);
        QCOMPARE(g.frame(other).x, g.frame(parent).x + 70);
        // The two child-op spans' children are one frame below the merged one.
        QCOMPARE(childCount(g, grouped), 1);
        const std::int32_t leaf = child(g, grouped, *t, QStringLiteral("svc-c: leaf"));
        QCOMPARE(g.frame(leaf).spanCount, 2u);
        QCOMPARE(g.frame(leaf).totalUs, 25);
        QCOMPARE(g.frame(leaf).errorCount, 1u);
        QCOMPARE(g.frame(leaf).depth, 2u);
        // Every span is in exactly one frame.
        std::size_t spans = 0;
        for (std::size_t k = 0; k < g.frames().size(); ++k)
            for (const std::int32_t s : g.spansOf(static_cast<std::int32_t>(k))) {
                QCOMPARE(g.frameOfSpan(s), static_cast<std::int32_t>(k));
                ++spans;
            }
        QCOMPARE(spans, t->realSpanCount());
        QCOMPARE(g.path(*t, leaf), (QStringList{QStringLiteral("svc-a: parent-op"), QStringLiteral("svc-b: child-op"), QStringLiteral("svc-c: leaf")}));
    }

    // A frame covers its children even when parallel children add up to more (ensureParentCoversChildren);
    // its total stays the real duration. A placeholder is no frame: the orphan is a root.
    void mergedParentCoversChildrenAndOrphansAreRoots()
    {
        const TracePtr t = loadText(parallelTrace);
        const FlameGraph g = FlameGraph::build(*t, FlameGraph::Mode::Merged);
        const std::int32_t root = child(g, -1, *t, QStringLiteral("api: fan-out"));
        QCOMPARE(g.frame(root).totalUs, 100);
        QCOMPARE(g.frame(root).width, 130);
        QCOMPARE(g.frame(child(g, root, *t, QStringLiteral("api: call"))).width, 120);
        const std::int32_t orphan = child(g, -1, *t, QStringLiteral("late: orphan"));
        QVERIFY(orphan >= 0);
        QCOMPARE(g.frame(orphan).depth, 0u);
        for (std::size_t i = 0; i < t->spanCount(); ++i)
            QCOMPARE(g.frameOfSpan(static_cast<std::int32_t>(i)) < 0, t->span(i).isPlaceholder());
    }

    // Time mode: a frame per span at its time; parallel calls go to rows of their own, and no two frames of a
    // row overlap (checked on the real 667-span trace too).
    void timeModeStacksParallelCalls_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("parallel") << QString();
        QTest::newRow("smartthings") << smartthings;
    }
    void timeModeStacksParallelCalls()
    {
        QFETCH(QString, file);
        const TracePtr t = file.isEmpty() ? loadText(parallelTrace) : load(file);
        const FlameGraph g = FlameGraph::build(*t, FlameGraph::Mode::Time);
        QCOMPARE(g.frames().size(), t->realSpanCount());
        for (std::uint32_t row = 0; row < g.rowCount(); ++row) {
            std::int64_t lastEnd = INT64_MIN;
            for (const std::int32_t f : g.rowFrames(row)) {
                QVERIFY2(g.frame(f).x >= lastEnd, qPrintable(QStringLiteral("row %1 overlaps").arg(row)));
                lastEnd = g.frame(f).end();
                // Below its parent, and at the span's own time.
                const FlameFrame &frame = g.frame(f);
                const Span &s = t->span(static_cast<std::size_t>(g.spanAt(frame.firstSpan)));
                QCOMPARE(frame.x, s.startUs);
                QCOMPARE(frame.totalUs, s.durationUs);
                if (frame.parent >= 0)
                    QVERIFY(frame.depth > g.frame(frame.parent).depth);
            }
        }
        if (file.isEmpty()) {
            const auto frameOf = [&](const char *id) { return g.frame(g.frameOfSpan(t->findSpan(id))); };
            QCOMPARE(frameOf("b").depth, 1u);
            QCOMPARE(frameOf("c").depth, 2u); // overlaps b
            QCOMPARE(frameOf("d").depth, 3u); // overlaps b and c
            // The orphan is a root: no parent, on the first row free at its time (b and c still run at 1050).
            QCOMPARE(frameOf("x").parent, -1);
            QCOMPARE(frameOf("x").depth, 3u);
            // What a painter finds at a point.
            const std::int32_t b = g.frameOfSpan(t->findSpan("b"));
            QCOMPARE(g.frameAt(1, 1015), b);
            QCOMPARE(g.frameAt(1, 1075), -1);
        }
    }

    // --summary-flamegraph adds the merged frames to --summary; --summary alone does not.
    void summaryCommand()
    {
        const TracePtr t = load(jaegerTestTrace);
        const nlohmann::json frames = flameGraphSummary(*t);
        QCOMPARE(frames.size(), 4u);
        QCOMPARE(frames[0]["path"].size(), 1u);
        QCOMPARE(frames[3]["path"].back().get<std::string>(), std::string("ride-sharing-app: FindNearestVehicle"));
        QCOMPARE(frames[1]["totalUs"].get<std::int64_t>(), 968334);

        const auto run = [](const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral(TRACEDESK_EXE), args);
            if (!p.waitForFinished(60000) || p.exitCode() != 0)
                return QJsonObject();
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        const QJsonObject with = run({QStringLiteral("--no-library"), QStringLiteral("--summary-flamegraph"), jaegerTestTrace});
        const QJsonArray flame = with.value(QStringLiteral("flamegraph")).toArray();
        QCOMPARE(flame.size(), 4);
        const QJsonObject top = flame.at(0).toObject();
        QCOMPARE(top.value(QStringLiteral("path")).toArray().at(0).toString(), QStringLiteral("load-generator: OrderVehicle"));
        QCOMPARE(top.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(top.value(QStringLiteral("totalUs")).toInteger(), 1181596);
        QCOMPARE(top.value(QStringLiteral("selfUs")).toInteger(), 1181596 - 968334);
        QVERIFY(with.contains(QStringLiteral("spanCount")));
        const QJsonObject without = run({QStringLiteral("--no-library"), QStringLiteral("--summary"), jaegerTestTrace});
        QVERIFY(without.contains(QStringLiteral("spanCount")));
        QVERIFY(!without.contains(QStringLiteral("flamegraph")));
    }

    // The page in a span view: a click selects the frame's span for every view, a double-click zooms the
    // timeline to it and Backspace goes back; the merged mode zooms in its own history and fills the table.
    // Span data is plain text: a frame's tooltip shows an operation named like HTML as written.
    void toolTipIsPlainText()
    {
        SpanView view;
        view.resize(900, 400);
        view.setTrace(loadText("[{\"traceId\":\"1\",\"id\":\"a\",\"name\":\"<b>bold</b> & <img src=x>\",\"timestamp\":1000000,"
                               "\"duration\":5000,\"localEndpoint\":{\"serviceName\":\"front\"}}]"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCurrentView(TraceViewKind::FlameGraph);
        auto *page = qobject_cast<FlameGraphView *>(view.page(TraceViewKind::FlameGraph));
        QVERIFY(page && page->graph() && page->graph()->rowCount() > 0);
        const std::int32_t frame = page->graph()->rowFrames(0).front();
        const QPoint at = page->frameRect(frame).center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, page->canvas()->mapToGlobal(at));
        QCoreApplication::sendEvent(page->canvas(), &help);
        const QString shown = QToolTip::text();
        // What the tooltip displays is the name as written: the HTML it was given renders back to it.
        QTextDocument rendered;
        rendered.setHtml(shown);
        QVERIFY2(rendered.toPlainText().replace(QChar::Nbsp, QLatin1Char(' ')).contains(QStringLiteral("<b>bold</b> & <img src=x>")),
                 qPrintable(shown));
        QVERIFY(!shown.contains(QStringLiteral("<b>")));
        QToolTip::hideText();
    }

    void viewSelectsZoomsAndMerges()
    {
        SpanView view;
        view.resize(1200, 600);
        view.setTrace(load(yelp));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setCurrentView(TraceViewKind::FlameGraph);
        auto *page = qobject_cast<FlameGraphView *>(view.page(TraceViewKind::FlameGraph));
        QVERIFY(page);
        QVERIFY(page->isVisible());
        const FlameGraph *g = page->graph();
        QVERIFY(g);
        // A frame below the root, on screen and wide enough to click.
        std::int32_t target = -1;
        for (std::uint32_t row = 1; row < g->rowCount() && target < 0; ++row)
            for (const std::int32_t f : g->rowFrames(row))
                if (page->frameRect(f).width() > 20 && page->frameRect(f).bottom() < page->canvas()->height()) {
                    target = f;
                    break;
                }
        QVERIFY(target >= 0);
        const std::int32_t span = g->spanAt(g->frame(target).firstSpan);
        QTest::mouseClick(page->canvas(), Qt::LeftButton, {}, page->frameRect(target).center().toPoint());
        QCOMPARE(view.selectedSpan(), span);
        QCOMPARE(view.timeControl()->selectedSpan(), span);

        const TimeRange before = view.timeControl()->visibleRange();
        QTest::mouseDClick(page->canvas(), Qt::LeftButton, {}, page->frameRect(target).center().toPoint());
        const TimeRange zoomed = view.timeControl()->visibleRange();
        QCOMPARE(zoomed.startUs, t(view)->span(static_cast<std::size_t>(span)).startUs);
        QCOMPARE(zoomed.durationUs(), std::max<std::int64_t>(10, t(view)->span(static_cast<std::size_t>(span)).durationUs));
        QVERIFY(!(zoomed == before));
        // The zoomed frame now spans the canvas.
        QVERIFY(page->frameRect(target).width() >= page->canvas()->width() - 2);
        view.back();
        QCOMPARE(view.timeControl()->visibleRange(), before);

        // Selecting in the tree selects the frame too (drawn selected: the page asks frameOfSpan).
        const std::int32_t other = g->spanAt(g->frame(g->rowFrames(0).front()).firstSpan);
        view.selectSpan(other);
        QCOMPARE(g->frameOfSpan(view.selectedSpan()), g->rowFrames(0).front());

        page->modeBox()->setCurrentIndex(1);
        QVERIFY(page->merged());
        const FlameGraph *m = page->graph();
        QCOMPARE(m->mode(), FlameGraph::Mode::Merged);
        QVERIFY(m->frames().size() <= t(view)->realSpanCount());
        QVERIFY(page->table()->isVisible());
        QCOMPARE(page->table()->model()->rowCount(), static_cast<int>(flameTable(*view.trace()).size()));
        // Sorted by total, largest first.
        QVERIFY(page->table()->model()->index(0, 3).data(Qt::UserRole).toLongLong()
                >= page->table()->model()->index(1, 3).data(Qt::UserRole).toLongLong());
        const auto fullX = page->visibleX();
        std::int32_t deep = -1;
        for (std::uint32_t row = 1; row < m->rowCount() && deep < 0; ++row)
            for (const std::int32_t f : m->rowFrames(row))
                if (page->frameRect(f).width() > 20 && m->frame(f).width < (fullX.second - fullX.first) / 2) {
                    deep = f;
                    break;
                }
        QVERIFY(deep >= 0);
        page->zoomToFrame(deep);
        QCOMPARE(page->visibleX(), std::make_pair(m->frame(deep).x, m->frame(deep).end()));
        QVERIFY(page->back());
        QCOMPARE(page->visibleX(), fullX);
        QVERIFY(!page->back());
        ExportSource source;
        page->describeExport(&source);
        QVERIFY(source.flameMerged);

        // A search fades what does not match: a matching frame keeps its colour, another one fades.
        page->modeBox()->setCurrentIndex(0);
        QVERIFY(!page->merged());
        view.selectSpan(-1);
        const FlameGraph *tg = page->graph();
        const std::int32_t root = tg->rowFrames(0).front();
        const std::int32_t unmatched = target;
        // A pixel inside the frame, left of its text.
        const auto pixel = [&](std::int32_t frame) {
            const QImage image = page->canvas()->grab().toImage();
            const QPointF at = page->frameRect(frame).topLeft() + QPointF(2, 3);
            return image.pixelColor(qRound(at.x() * image.devicePixelRatio()), qRound(at.y() * image.devicePixelRatio())).rgb();
        };
        const Span &rootSpan = t(view)->span(static_cast<std::size_t>(tg->spanAt(tg->frame(root).firstSpan)));
        const Span &unmatchedSpan = t(view)->span(static_cast<std::size_t>(tg->spanAt(tg->frame(unmatched).firstSpan)));
        QVERIFY(unmatchedSpan.service != rootSpan.service);
        const QRgb rootBefore = pixel(root), unmatchedBefore = pixel(unmatched);
        QVERIFY(view.setSearchText(t(view)->qstr(rootSpan.service)) >= 1);
        QVERIFY(!view.context().isMatch(tg->spanAt(tg->frame(unmatched).firstSpan)));
        QCOMPARE(pixel(root), rootBefore);
        QVERIFY(pixel(unmatched) != unmatchedBefore);
    }

    // The export draws frames through the redactor, and can fail: without redaction the secret is drawn.
    void exportBodyRedactsAndDraws()
    {
        const TracePtr trace = loadText(secretTrace);
        ExportSource source = exportSourceFromTrace(trace, ExportScope::All, NoIndex);
        source.view = TraceViewKind::FlameGraph;
        ExportStyle style;
        style.font.setPixelSize(12);
        for (const bool merged : {false, true}) {
            source.flameMerged = merged;
            std::unique_ptr<ExportBody> body = makeExportBody(source, style);
            QVERIFY(body);
            Redactor redactor(true);
            body->layOut(1000, redactor);
            QCOMPARE(body->bandCount(), 2);
            const QString all = body->drawnTexts().join(QLatin1Char('\n'));
            QVERIFY2(!all.contains(QLatin1String("s3cr3tvalue42")), qPrintable(all));
            QVERIFY(all.contains(Redactor::placeholder()));
            QVERIFY(all.contains(QLatin1String("gateway: select")));
            QImage image(1000, static_cast<int>(std::ceil(body->bandHeight(0) * 2)), QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            body->paintBands(&p, 0, 2, QPointF(0, 0));
            p.end();
            int inked = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); x += 2)
                    inked += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
            QVERIFY(inked > 1000);

            Redactor off(false);
            std::unique_ptr<ExportBody> plain = makeExportBody(source, style);
            plain->layOut(1000, off);
            QVERIFY(plain->drawnTexts().join(QLatin1Char('\n')).contains(QLatin1String("s3cr3tvalue42")));
        }
    }

private:
    static const Trace *t(const SpanView &view) { return view.trace().get(); }
};

QTEST_MAIN(TestFlameGraph)
#include "tst_flamegraph.moc"
