#include "spanpainters.h"
#include "spanpalette.h"
#include "spanviewcontext.h"
#include "tracedsl.h"

#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace td;
using namespace td::testing;

namespace {

const Span &byId(const Trace &t, std::string_view id)
{
    const std::int32_t i = t.findSpan(id);
    if (i < 0)
        qFatal("no span %s", std::string(id).c_str());
    return t.span(static_cast<std::size_t>(i));
}

SpanPaintStyle lightStyle(QStringList *drawn = nullptr)
{
    SpanPaintStyle style;
    style.font.setPixelSize(12);
    style.bold = style.font;
    style.bold.setBold(true);
    style.text = Qt::black;
    style.muted = Qt::gray;
    style.selectedText = Qt::white;
    style.ink = Qt::black;
    style.ghost = QColor(0x12, 0x34, 0x56);
    style.drawn = drawn;
    return style;
}

QImage blank(int w, int h)
{
    QImage image(w, h, QImage::Format_ARGB32);
    image.fill(Qt::white);
    return image;
}

bool rowHas(const QImage &image, int y, int from, int to, const QColor &colour)
{
    for (int x = std::max(0, from); x <= std::min(image.width() - 1, to); ++x)
        if (image.pixelColor(x, y) == colour)
            return true;
    return false;
}

} // namespace

// The timeline's one drawing layer (views/spanpainters), used by the window's delegates and header and by
// exports: what it draws for each kind of span, checked on the pixels and the strings.
class TestSpanPainters : public QObject
{
    Q_OBJECT
private slots:
    void barSitsAtItsTimes()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100\nroot/a 25 50"));
        const TimeRange visible{dslEpochUs, dslEpochUs + 100};
        const QRectF cell(10, 0, 200, 20);
        const QRectF bar = spanBarRect(byId(*t, "a"), byId(*t, "a").startUs, cell, visible);
        QCOMPARE(bar.left(), 60.0);
        QCOMPARE(bar.width(), 100.0);
        QVERIFY(bar.top() > cell.top() && bar.bottom() < cell.bottom());
        // A span far outside the visible range stays a sane rectangle just outside the cell, one pixel wide at least.
        const QRectF far = spanBarRect(byId(*t, "a"), dslEpochUs + 1'000'000'000, cell, visible);
        QVERIFY(far.left() <= cell.right() + 10);
        QVERIFY(far.width() >= 1);
    }

    void failedSpanIsRedOthersTheirServiceColour()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100 service=front\nroot/bad 20 60 service=back tag:error=true"));
        SpanPalette palette;
        palette.setTrace(t);
        const TimeRange visible{dslEpochUs, dslEpochUs + 100};
        QImage image = blank(220, 40);
        {
            QPainter p(&image);
            paintSpanBar(&p, *t, byId(*t, "root"), QRectF(10, 0, 200, 20), visible, palette, lightStyle());
            paintSpanBar(&p, *t, byId(*t, "bad"), QRectF(10, 20, 200, 20), visible, palette, lightStyle());
        }
        QVERIFY(byId(*t, "bad").isError());
        QCOMPARE(image.pixelColor(110, 10), palette.barColor(byId(*t, "root")));
        QCOMPARE(image.pixelColor(90, 30), SpanPalette::errorColor());
        // Nothing before the failed span's start.
        QCOMPARE(image.pixelColor(40, 30), QColor(Qt::white));
    }

    void skewGhostStandsWhereTheSpanWasRecorded()
    {
        const auto t = buildTrace(QStringLiteral("root 100 200 ip=1.1.1.1 kind=client\n"
                                                 "root 50 40 kind=server ip=2.2.2.2\n"
                                                 "root/db 60 10 ip=2.2.2.2"));
        const Span &db = byId(*t, "db");
        QVERIFY(db.skewShiftUs != 0);
        SpanPalette palette;
        palette.setTrace(t);
        const TimeRange visible{dslEpochUs, dslEpochUs + 300};
        const QRectF cell(0, 0, 300, 20);
        const int rawX = static_cast<int>(spanBarRect(db, db.rawStartUs, cell, visible).left());
        const int shownX = static_cast<int>(spanBarRect(db, db.startUs, cell, visible).left());
        const auto paint = [&](bool raw) {
            QImage image = blank(300, 20);
            QPainter p(&image);
            SpanPaintStyle style = lightStyle();
            style.showRawTimes = raw;
            paintSpanBar(&p, *t, db, cell, visible, palette, style);
            return image;
        };
        const QImage adjusted = paint(false);
        // The corrected bar is filled; at the recorded position only the dashed ghost outline.
        QCOMPARE(adjusted.pixelColor(shownX + 3, 10), palette.barColor(db));
        QVERIFY(rowHas(adjusted, 6, rawX, rawX + 10, lightStyle().ghost) || rowHas(adjusted, 13, rawX, rawX + 10, lightStyle().ghost));
        QVERIFY(adjusted.pixelColor(rawX + 3, 10) != palette.barColor(db));
        // Raw times: the bar itself at the recorded position, no ghost.
        const QImage raw = paint(true);
        QCOMPARE(raw.pixelColor(rawX + 3, 10), palette.barColor(db));
        QVERIFY(!rowHas(raw, 6, 0, 299, lightStyle().ghost));
    }

    void missingSpanIsHatched()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100\nroot/child 10 50 parent=gone"));
        std::int32_t placeholder = -1;
        for (std::size_t i = 0; i < t->spanCount(); ++i)
            if (t->span(i).isPlaceholder())
                placeholder = static_cast<std::int32_t>(i);
        QVERIFY(placeholder >= 0);
        const Span &s = t->span(static_cast<std::size_t>(placeholder));
        SpanPalette palette;
        palette.setTrace(t);
        const TimeRange visible{t->startUs(), t->startUs() + std::max<std::int64_t>(1, t->durationUs())};
        QImage image = blank(200, 20);
        QStringList drawn;
        {
            QPainter p(&image);
            const QRectF bar = paintSpanBar(&p, *t, s, QRectF(0, 0, 200, 20), visible, palette, lightStyle());
            paintSpanBarLabel(&p, s, QRectF(0, 0, 200, 20), bar, QStringLiteral("50 µs"), palette, lightStyle(&drawn));
        }
        const QRectF bar = spanBarRect(s, s.startUs, QRectF(0, 0, 200, 20), visible);
        const QColor hatch = SpanPalette::placeholderColor(), ground = SpanPalette::placeholderColor().lighter(150);
        QVERIFY(rowHas(image, 10, static_cast<int>(bar.left()) + 2, static_cast<int>(bar.right()) - 2, hatch));
        QVERIFY(rowHas(image, 10, static_cast<int>(bar.left()) + 2, static_cast<int>(bar.right()) - 2, ground));
        QVERIFY(drawn.isEmpty()); // a missing span has no duration to show
    }

    void labelGoesBesideTheBarOrOnIt()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100\nroot/a 0 20\nroot/b 0 100"));
        SpanPalette palette;
        palette.setTrace(t);
        const TimeRange visible{dslEpochUs, dslEpochUs + 100};
        const QRectF cell(0, 0, 400, 20);
        QImage image = blank(400, 40);
        QPainter p(&image);
        QStringList beside, on;
        const Span &a = byId(*t, "a"), &b = byId(*t, "b");
        paintSpanBarLabel(&p, a, cell, spanBarRect(a, a.startUs, cell, visible), QStringLiteral("20 µs"), palette, lightStyle(&beside));
        QCOMPARE(beside, QStringList{QStringLiteral("20 µs")});
        // A bar filling the cell: the label on the bar, in black or white against it.
        paintSpanBarLabel(&p, b, cell, spanBarRect(b, b.startUs, cell, visible), QStringLiteral("100 µs"), palette, lightStyle(&on));
        QCOMPARE(on, QStringList{QStringLiteral("100 µs")});
    }

    void nameCellDrawsWhatItIsGiven()
    {
        const auto t = buildTrace(QStringLiteral("root 0 100 service=checkout tag:error=true\nroot/a 0 20"));
        SpanPalette palette;
        palette.setTrace(t);
        QStringList drawn;
        QImage image = blank(500, 20);
        {
            QPainter p(&image);
            const SpanNameText text{QStringLiteral("checkout"), QStringLiteral("POST /pay"), QStringLiteral(" (1)"), spanMarkText(3)};
            paintSpanName(&p, byId(*t, "root"), QRectF(0, 0, 500, 20), text, palette, lightStyle(&drawn));
        }
        QCOMPARE(drawn, (QStringList{spanMarkText(3), QStringLiteral("checkout"), QStringLiteral("POST /pay"), QStringLiteral(" (1)")}));
        // The red status disc at the start of the cell.
        bool red = false;
        for (int x = 2; x < 16 && !red; ++x)
            red = image.pixelColor(x, 10).red() > 180 && image.pixelColor(x, 10).green() < 80;
        QVERIFY(red);
        // A narrow cell elides the operation in the middle and keeps the marks.
        drawn.clear();
        QImage narrow = blank(120, 20);
        QPainter p(&narrow);
        const SpanNameText longName{QString(), QStringLiteral("com.example.payments.CheckoutService.authorise"), QString(), spanMarkText(1)};
        paintSpanName(&p, byId(*t, "a"), QRectF(0, 0, 120, 20), longName, palette, lightStyle(&drawn));
        QCOMPARE(drawn.size(), 2);
        QCOMPARE(drawn.front(), spanMarkText(1));
        QVERIFY(drawn.back().contains(QChar(0x2026)));
        QVERIFY(drawn.back().startsWith(QStringLiteral("com.")) && drawn.back().endsWith(QStringLiteral("authorise").right(3)));
    }

    void rulerCountsFromTheTraceStart()
    {
        QStringList drawn;
        QImage image = blank(600, 40);
        QPainter p(&image);
        // Zoomed to 200-700 ms of a 1 s trace.
        const std::int64_t origin = 5'000'000;
        const std::int64_t step = paintTimeRuler(&p, QRectF(0, 0, 600, 36), {origin + 200'000, origin + 700'000}, origin, 1'000'000, lightStyle(&drawn));
        QCOMPARE(step, std::int64_t(100'000)); // about 70 px apart at the least, on a 1-2-5 grid
        QVERIFY(drawn.contains(QStringLiteral("200 ms")));
        QVERIFY(drawn.contains(QStringLiteral("600 ms")));
        QVERIFY(!drawn.contains(QStringLiteral("100 ms")));
        QVERIFY(!drawn.contains(QStringLiteral("700 ms"))); // at the right edge: no room for its label
        // Then the caption: the visible part and the whole trace.
        QCOMPARE(drawn.back(), QStringLiteral("Timeline  200 ms – 700 ms of 1.0 s"));
        // Major ticks stand on the axis' bottom edge where the grid says.
        std::vector<double> ticks;
        forEachTick({origin + 200'000, origin + 700'000}, origin, step, QRectF(0, 0, 600, 36), [&](double x, std::int64_t) { ticks.push_back(x); });
        QCOMPARE(ticks.size(), std::size_t(6));
        QCOMPARE(ticks.front(), 0.0);
        QCOMPARE(image.pixelColor(static_cast<int>(ticks[1]), 34), QColor(Qt::black));
    }
};

QTEST_MAIN(TestSpanPainters)
#include "tst_spanpainters.moc"
