#include "analysis.h"
#include "spannamedelegate.h"
#include "spansearch.h"
#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "timecontrol.h"
#include "timelineoverview.h"
#include "spanviewcontext.h"
#include "tracebuilder.h"
#include "traceloader.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QPainter>
#include <QLineEdit>
#include <QSignalSpy>
#include <QScrollBar>
#include <QtTest>

using namespace td;

namespace {

TracePtr load(const QString &path)
{
    const LoadResult r = loadTraceFile(path);
    return r.trace;
}

const QString samplePath = QStringLiteral(TRACEDESK_TEST_DATA "/../../resources/sample-trace.json");

} // namespace

class TestSpanView : public QObject
{
    Q_OBJECT
private slots:
    // The tree's rows keep Qt's model rules through expanding, collapsing, sorting, searches, "Only
    // matches", folding and new traces.
    void rowModelIsSound()
    {
        SpanView view;
        QAbstractItemModelTester tester(view.spanModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TracePtr sample = load(samplePath);
        QVERIFY(sample);
        view.setTrace(sample);
        view.collapseAll();
        view.expandAll();
        view.spanModel()->setExpanded(sample->roots().front(), false);
        view.spanModel()->setExpanded(sample->roots().front(), true);
        view.spanModel()->sort(SpanTreeModel::Duration, Qt::DescendingOrder);
        view.spanModel()->sort(-1);
        QCOMPARE(view.setSearchText(QStringLiteral("trident-service")), 2);
        view.setShowOnlyMatches(true);
        QVERIFY(view.spanModel()->rowCount() > 0);
        view.setSearchText(QStringLiteral("no-such-thing-anywhere"));
        view.setShowOnlyMatches(false);
        view.setFoldRepeatedCalls(true);
        view.setFoldRepeatedCalls(false);
        const TracePtr other = load(QStringLiteral(TRACEDESK_TEST_DATA "/realworld/openzipkin__zipkin/zipkin-lens_testdata_yelp.json"));
        QVERIFY(other);
        view.setTrace(other);
        view.setSearchText(QStringLiteral("mobile_api"));
        view.setShowOnlyMatches(true);
        view.setTrace(nullptr);
        QCOMPARE(view.spanModel()->rowCount(), 0);
    }

    // On a large trace typing searches once the typing pauses, on a worker thread: the keys return at once
    // with nothing marked yet, one search runs for the whole word, and its matches equal a direct search.
    // A search asked for directly, or a new trace, drops the one waiting.
    void typingSearchesInTheBackground()
    {
        const std::size_t n = SpanView::asyncSearchSpans + 5000;
        std::string json = "[";
        for (std::size_t i = 0; i < n; ++i) {
            const std::string id = std::to_string(i + 1);
            json += (i ? "," : "") + std::string("{\"traceId\":\"1\",\"id\":\"") + id + "\"";
            if (i > 0)
                json += ",\"parentId\":\"" + std::to_string((i - 1) / 8 + 1) + "\"";
            json += ",\"name\":\"" + std::string(i % 97 == 0 ? "needle-" : "op-") + id + "\",\"timestamp\":"
                    + std::to_string(1000000 + i) + ",\"duration\":10,\"localEndpoint\":{\"serviceName\":\"svc-"
                    + std::to_string(i % 7) + "\"}}";
        }
        json += "]";
        const LoadResult r = loadTraceBytes(std::make_shared<const std::string>(std::move(json)), QStringLiteral("big.json"));
        QVERIFY2(r.trace, qPrintable(r.error));
        QCOMPARE(r.trace->spanCount(), n);

        SpanView view;
        view.setTrace(r.trace);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *edit = view.findChild<QLineEdit *>(QStringLiteral("spanSearch"));
        QVERIFY(edit);
        QSignalSpy finished(&view, &SpanView::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("needle"));
        QVERIFY(view.isSearching());
        QCOMPARE(view.matchCount(), 0);
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!view.isSearching());
        const std::vector<std::int32_t> direct = findSpans(*r.trace, QStringLiteral("needle"));
        QCOMPARE(direct.size(), (n + 96) / 97);
        QCOMPARE(view.matches(), direct);
        QVERIFY(view.context().isMatch(direct.front()));

        // Typing, then a search asked for directly: the direct one's matches stand, nothing waits.
        QTest::keyClicks(edit, QStringLiteral("-1"));
        QVERIFY(view.isSearching());
        QCOMPARE(view.setSearchText(QStringLiteral("svc-3")), static_cast<int>(findSpans(*r.trace, QStringLiteral("svc-3")).size()));
        QVERIFY(!view.isSearching());
        // Typing, then another trace: the search is dropped with the old trace.
        QTest::keyClicks(edit, QStringLiteral("x"));
        QVERIFY(view.isSearching());
        view.setTrace(load(samplePath));
        QVERIFY(!view.isSearching());
        QCOMPARE(view.matchCount(), 0);
        // A small trace searches as the keys come.
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("trident"));
        QVERIFY(!view.isSearching());
        QCOMPARE(view.matchCount(), 2);
    }

    // Folding takes the groups it is handed (the Analysis dock's) rather than finding them again; without
    // any it finds the repeated calls itself.
    void foldingUsesTheGroupsItIsGiven()
    {
        SpanView view;
        const TracePtr t = load(samplePath);
        QVERIFY(t);
        view.setTrace(t);
        // Two children of the root, not repeated calls at all: folded because the list says so.
        const Span &root = t->span(static_cast<std::size_t>(t->roots().front()));
        QVERIFY(root.childCount >= 2);
        const std::int32_t first = *t->childrenBegin(root), second = *(t->childrenBegin(root) + 1);
        RepeatedGroup given;
        given.parent = t->roots().front();
        given.spans = {first, second};
        const std::vector<RepeatedGroup> groups{given};
        view.setFoldRepeatedCalls(true, &groups);
        QCOMPARE(view.context().foldCountOf(first), 2);
        QVERIFY(view.context().folded[static_cast<std::size_t>(second)]);
        // Found here: the sample's own repeated calls (none between those two).
        view.setFoldRepeatedCalls(true);
        QCOMPARE(view.context().foldCountOf(first), 0);
        QVERIFY(!view.context().folded[static_cast<std::size_t>(second)]);
    }

    // A row chosen in the tree (mouse or keys) is the selected span of every view and panel.
    void choosingARowSelectsItsSpan()
    {
        SpanView view;
        const TracePtr t = load(samplePath);
        QVERIFY(t);
        view.setTrace(t);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.expandAll();
        QAbstractItemModel *model = view.treeView()->model();
        const QModelIndex child = model->index(1, 0);
        QVERIFY(child.isValid());
        const std::int32_t span = child.data(SpanTreeModel::SpanIndexRole).toInt();
        QTest::mouseClick(view.treeView()->viewport(), Qt::LeftButton, {}, view.treeView()->visualRect(child).center());
        QCOMPARE(view.selectedSpan(), span);
        QTest::keyClick(view.treeView(), Qt::Key_Down);
        QCOMPARE(view.selectedSpan(), view.treeView()->currentIndex().data(SpanTreeModel::SpanIndexRole).toInt());
        QVERIFY(view.selectedSpan() != span);
    }

    void searchFindsAndCounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("service") << QStringLiteral("TRIDENT-service")
                                 << QStringList{QStringLiteral("5e1f0a3c9b2d4e71"), QStringLiteral("7c4d2e9a1b3f5a60")};
        QTest::newRow("operation") << QStringLiteral("auditservice") << QStringList{QStringLiteral("9a8b7c6d5e4f3a21")};
        QTest::newRow("tag value") << QStringLiteral("warn_jdbc_optimize_time") << QStringList{QStringLiteral("7c4d2e9a1b3f5a60")};
        QTest::newRow("tag key") << QStringLiteral("httpservice.cookies") << QStringList{QStringLiteral("b1ce90a546e67ba5")};
        QTest::newRow("nothing") << QStringLiteral("no-such-thing-anywhere") << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
    }

    void searchFindsAndCounts()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        const TracePtr trace = load(samplePath);
        QVERIFY(trace);
        QStringList found;
        for (const std::int32_t i : findSpans(*trace, text))
            found << trace->qstr(trace->span(static_cast<std::size_t>(i)).spanId);
        QCOMPARE(found, ids);

        SpanView view;
        view.setTrace(trace);
        QCOMPARE(view.setSearchText(text), ids.size());
        if (!ids.isEmpty()) {
            view.findNext();
            QCOMPARE(trace->qstr(trace->span(static_cast<std::size_t>(view.selectedSpan())).spanId), ids.front());
            view.findPrevious();
            QCOMPARE(trace->qstr(trace->span(static_cast<std::size_t>(view.selectedSpan())).spanId), ids.back());
        }
    }

    void onlyMatchesKeepsAncestors()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.setTrace(trace);
        view.setSearchText(QStringLiteral("busisysmapper"));
        view.setShowOnlyMatches(true);
        const SpanTreeModel *m = view.spanModel();
        // The root and the feign call as ancestors, then the match.
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(m->spanAtRow(0), trace->findSpan("b1ce90a546e67ba5"));
        QCOMPARE(m->spanAtRow(1), trace->findSpan("5e1f0a3c9b2d4e71"));
        QCOMPARE(m->spanAtRow(2), trace->findSpan("7c4d2e9a1b3f5a60"));
        view.setShowOnlyMatches(false);
        QCOMPARE(m->rowCount(), 6);
    }

    void collapseHidesDescendants()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.resize(1000, 400);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SpanTreeView *tree = view.treeView();
        const std::int32_t jdbc = trace->findSpan("7c4d2e9a1b3f5a60");
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Name)).isEmpty());
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Timeline)).isEmpty());

        // A click on the feign call's arrow collapses it: its child is gone from the tree column and from
        // the timeline column alike, and the row says how many children it hides.
        const std::int32_t feign = trace->findSpan("5e1f0a3c9b2d4e71");
        const QRect feignCell = tree->visualRect(view.viewIndex(feign, SpanTreeModel::Name));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          SpanNameDelegate::branchRect(feignCell, view.spanModel()->depthOf(feign)).center());
        QVERIFY(!view.spanModel()->isExpanded(feign));
        QVERIFY(!view.viewIndex(jdbc).isValid());
        // Right expands it again; Right on an expanded row goes to its first child, Left back to the parent,
        // Left on an expanded row collapses it, on a collapsed one goes up.
        tree->setCurrentIndex(view.viewIndex(feign));
        QTest::keyClick(tree, Qt::Key_Right);
        QVERIFY(view.spanModel()->isExpanded(feign));
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Timeline)).isEmpty());
        QTest::keyClick(tree, Qt::Key_Right);
        QCOMPARE(view.selectedSpan(), jdbc);
        QTest::keyClick(tree, Qt::Key_Left);
        QCOMPARE(view.selectedSpan(), feign);
        QTest::keyClick(tree, Qt::Key_Left);
        QVERIFY(!view.spanModel()->isExpanded(feign));
        QVERIFY(!view.viewIndex(jdbc).isValid());
        QTest::keyClick(tree, Qt::Key_Left);
        QCOMPARE(view.selectedSpan(), trace->primaryRoot());
        // Selecting a hidden span (a search, another view) opens its parents.
        view.selectSpan(jdbc);
        QVERIFY(view.spanModel()->isExpanded(feign));
        QVERIFY(view.viewIndex(jdbc).isValid());

        view.collapseAll();
        QVERIFY(tree->visualRect(view.viewIndex(trace->findSpan("d3b277175669b1f6"), SpanTreeModel::Timeline)).isEmpty());
        QCOMPARE(view.selectedSpan(), trace->primaryRoot());
        view.expandAll();
        QVERIFY(!tree->visualRect(view.viewIndex(jdbc, SpanTreeModel::Timeline)).isEmpty());
    }

    // A click on a column header sorts each span's children by it; children stay under their parent.
    void clickingAHeaderSortsSiblings()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.resize(1000, 400);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QHeaderView *header = view.treeView()->header();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(SpanTreeModel::Duration) + 10, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), int(SpanTreeModel::Duration));
        const SpanTreeModel *m = view.spanModel();
        const std::int32_t root = trace->primaryRoot();
        QCOMPARE(m->spanAtRow(0), root);
        std::vector<std::int64_t> durations;
        for (int r = 1; r < m->rowCount(); ++r) {
            const Span &s = trace->span(static_cast<std::size_t>(m->spanAtRow(r)));
            if (s.parent == root)
                durations.push_back(s.durationUs);
            else // the only grandchild, right below its parent
                QCOMPARE(s.parent, m->spanAtRow(r - 1));
        }
        QCOMPARE(durations.size(), std::size_t(4));
        if (header->sortIndicatorOrder() == Qt::AscendingOrder)
            QVERIFY(std::is_sorted(durations.begin(), durations.end()));
        else
            QVERIFY(std::is_sorted(durations.rbegin(), durations.rend()));
        QVERIFY(durations.front() != durations.back());
    }

    void timelineIsDrawn()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.resize(1000, 400);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SpanTreeView *tree = view.treeView();
        const std::int32_t error = trace->findSpan("9a8b7c6d5e4f3a21");
        const QRect cell = tree->visualRect(view.viewIndex(error, SpanTreeModel::Timeline));
        const QImage image = tree->viewport()->grab().toImage();
        // The error bar is red somewhere in its row of the timeline column.
        bool red = false;
        for (int x = cell.left(); x <= cell.right() && !red; ++x) {
            const QColor c = image.pixelColor(x, cell.center().y());
            red = c.red() > 180 && c.green() < 80 && c.blue() < 80;
        }
        QVERIFY(red);
    }

    // A large trace's minimap is drawn on a worker thread: the widget paints without it at first, then shows
    // the same picture as drawing it at once; a change while the worker draws (a new size) is not lost.
    void overviewOfALargeTraceIsDrawnInTheBackground()
    {
        SpanView view;
        view.resize(900, 500);
        auto *overview = view.findChild<TimelineOverview *>();
        QVERIFY(overview);
        overview->setBackgroundRenderingAbove(0); // the sample counts as large
        view.setTrace(load(samplePath));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        overview->repaint();
        QVERIFY(!overview->hasPicture()); // the first paint did not wait for it
        QTRY_VERIFY(overview->hasPicture());
        const auto containsRed = [](const QImage &image) {
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (image.pixelColor(x, y) == SpanPalette::errorColor())
                        return true;
            return false;
        };
        QVERIFY(containsRed(overview->grab().toImage())); // the failed span is on it

        // Resized while a worker draws the old size: the old picture is dropped and the new size drawn.
        overview->invalidate();
        QVERIFY(!overview->hasPicture());
        overview->repaint();
        view.resize(700, 500);
        QCoreApplication::processEvents();
        QTRY_VERIFY(overview->hasPicture());
        QVERIFY(containsRed(overview->grab().toImage()));
    }

    // The minimap gives each pixel to the last span over it in tree order: the picture painting every span
    // in turn would give, on a trace with fewer rows than pixels and on one with many more.
    void overviewIsThePictureOfPaintingInOrder_data()
    {
        QTest::addColumn<int>("height");
        QTest::newRow("rows taller than a pixel") << 200;
        QTest::newRow("two spans a pixel row") << 3;
    }

    void overviewIsThePictureOfPaintingInOrder()
    {
        QFETCH(int, height);
        SpanView view;
        view.setTrace(load(samplePath));
        const SpanViewContext &ctx = view.context();
        const QSize size(300, height);
        const QImage fast = TimelineOverview::renderOverview(*ctx.trace, ctx.time->traceRange(), ctx.palette, size, Qt::white);
        QImage slow(size, QImage::Format_RGB32);
        slow.fill(Qt::white);
        {
            QPainter p(&slow);
            const Trace &t = *ctx.trace;
            const auto &order = t.preorder();
            const double rowH = static_cast<double>(height) / static_cast<double>(order.size());
            for (std::size_t row = 0; row < order.size(); ++row) {
                const Span &s = t.span(static_cast<std::size_t>(order[row]));
                const int x0 = std::clamp(static_cast<int>(timeToPixel(s.startUs, ctx.time->traceRange(), size.width())), 0, size.width() - 1);
                const int x1 = std::clamp(std::max(x0 + 1, static_cast<int>(timeToPixel(s.endUs(), ctx.time->traceRange(), size.width()))), 1, size.width());
                const int y = static_cast<int>(static_cast<double>(row) * rowH);
                const int h = std::max(1, static_cast<int>(static_cast<double>(row + 1) * rowH) - y - (rowH > 3 ? 1 : 0));
                p.fillRect(QRect(x0, y, x1 - x0, h), s.isError() ? SpanPalette::errorColor() : ctx.palette.barColor(s));
            }
        }
        QCOMPARE(fast, slow);
        // Not blank: the spans are there, the failed one in red.
        bool red = false;
        for (int y = 0; y < height && !red; ++y)
            for (int x = 0; x < size.width() && !red; ++x)
                red = fast.pixelColor(x, y) == SpanPalette::errorColor();
        QVERIFY(red);
    }

    void zoomToSpanAndBack()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.setTrace(trace);
        TimeControl *time = view.timeControl();
        QCOMPARE(time->visibleRange(), (TimeRange{trace->startUs(), trace->endUs()}));
        const std::int32_t jdbc = trace->findSpan("7c4d2e9a1b3f5a60");
        view.zoomToSpan(jdbc);
        const Span &s = trace->span(static_cast<std::size_t>(jdbc));
        QVERIFY(time->visibleRange().startUs <= s.startUs && time->visibleRange().endUs >= s.endUs());
        QVERIFY(time->visibleRange().durationUs() < s.durationUs * 2);
        view.back();
        QCOMPARE(time->visibleRange(), time->traceRange());
    }

    // SpanTreeView moves QTreeView's row search hint on long scrolls (spantreeview.cpp): rows, clicks and
    // the row under the pointer must stay right after jumps in both directions.
    void longJumpsKeepRowsAndClicksRight()
    {
        // A root, 300 children and 9 grandchildren each, starting in that order: expanded, view row n shows
        // span "s<n>".
        TraceBuilder b;
        int n = 0;
        const auto add = [&b, &n](int parent, std::int64_t start) {
            const int id = n++;
            Span &s = b.beginSpan();
            s.traceId = b.intern("t");
            s.spanId = b.intern("s" + std::to_string(id));
            s.parentId = b.intern(parent < 0 ? std::string() : "s" + std::to_string(parent));
            s.name = b.intern("op");
            s.startUs = 1'000'000 + start;
            s.durationUs = 5;
            b.endSpan();
            return id;
        };
        add(-1, 0);
        for (int c = 0; c < 300; ++c) {
            const int child = add(0, 100 + c * 20);
            for (int g = 0; g < 9; ++g)
                add(child, 100 + c * 20 + 1 + g);
        }
        const TracePtr trace = b.finish();
        QCOMPARE(trace->spanCount(), std::size_t(3001));

        SpanView view;
        view.resize(900, 400);
        view.setTrace(trace);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.expandAll();
        SpanTreeView *tree = view.treeView();
        const int rowHeight = tree->visualRect(tree->model()->index(0, 0)).height();
        QVERIFY(rowHeight > 0);
        const QPoint pointer(30, 2 * rowHeight + rowHeight / 2);
        QCursor::setPos(tree->viewport()->mapToGlobal(pointer));
        QTest::mouseMove(tree->viewport(), pointer);
        QScrollBar *bar = tree->verticalScrollBar();
        const auto spanOfRow = [&trace](int row) { return trace->findSpan("s" + std::to_string(row)); };
        const bool perItem = tree->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
        for (const int value : {bar->maximum(), bar->maximum() / 3, 1, bar->maximum() / 2, bar->maximum() / 2 + 2}) {
            bar->setValue(value);
            tree->viewport()->repaint();
            const int topRow = perItem ? value : value / rowHeight;
            const QModelIndex top = tree->indexAt(QPoint(pointer.x(), 0));
            QCOMPARE(top.data(SpanTreeModel::SpanIndexRole).toInt(), spanOfRow(topRow));
            QCOMPARE(tree->visualRect(top).top(), perItem ? 0 : -(value % rowHeight));
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, pointer);
            const int pointerRow = perItem ? topRow + 2 : (value + pointer.y()) / rowHeight;
            QCOMPARE(tree->currentIndex().data(SpanTreeModel::SpanIndexRole).toInt(), spanOfRow(pointerRow));
            const QRect clicked = tree->visualRect(view.viewIndex(spanOfRow(pointerRow)));
            QVERIFY(clicked.top() <= pointer.y() && pointer.y() <= clicked.bottom());
        }
    }

    void tooltipIsEscaped()
    {
        const TracePtr trace = load(samplePath);
        SpanView view;
        view.setTrace(trace);
        const QString tip = SpanTreeView::toolTipFor(view.context(), trace->findSpan("5e1f0a3c9b2d4e71"));
        QVERIFY(tip.contains(QStringLiteral("http:/tridentservice/allbusisys")));
        QVERIFY(tip.contains(QStringLiteral("trident-service")));
        QVERIFY(tip.contains(QStringLiteral("cs→sr")));
    }
};

QTEST_MAIN(TestSpanView)
#include "tst_spanview.moc"
