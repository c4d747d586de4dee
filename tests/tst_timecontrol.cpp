#include "timecontrol.h"

#include <QSignalSpy>
#include <QtTest>

using namespace td;

class TestTimeControl : public QObject
{
    Q_OBJECT
private slots:
    void pixelRoundTrip_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("width");
        QTest::newRow("ms trace") << qint64(1538033736991000) << qint64(1538033737892000) << 800;
        QTest::newRow("narrow") << qint64(0) << qint64(10) << 1000;
        QTest::newRow("hour") << qint64(5) << qint64(3'600'000'005) << 1920;
    }

    void pixelRoundTrip()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(int, width);
        const TimeRange r{start, end};
        QCOMPARE(timeToPixel(start, r, width), 0.0);
        QCOMPARE(timeToPixel(end, r, width), double(width));
        for (int x : {0, 1, width / 3, width / 2, width - 1, width}) {
            const std::int64_t t = pixelToTime(x, r, width);
            // Times are whole µs: the round trip lands within half a µs's worth of pixels, or half a pixel.
            const double tolerance = 0.5 * std::max(1.0, double(width) / double(end - start));
            QVERIFY(std::abs(timeToPixel(t, r, width) - x) <= tolerance + 1e-9);
        }
    }

    void zoomKeepsAnchor()
    {
        const TimeRange bounds{1000, 2000};
        const TimeRange zoomed = zoomedAround(bounds, 1250, 0.5, bounds);
        QCOMPARE(zoomed.durationUs(), 500);
        // The anchor stays at the same fraction of the width: a quarter in.
        QCOMPARE(zoomed.startUs, 1125);
        // Zooming back out by the inverse factor returns to the whole range.
        QCOMPARE(zoomedAround(zoomed, 1250, 2.0, bounds), bounds);
        // Never wider than the trace, never narrower than the minimum.
        QCOMPARE(zoomedAround(bounds, 1500, 10, bounds), bounds);
        QCOMPARE(zoomedAround(bounds, 1500, 1e-9, bounds, 10).durationUs(), 10);
    }

    void panStaysInside()
    {
        const TimeRange bounds{0, 1000};
        QCOMPARE(pannedBy({100, 200}, 50, bounds), (TimeRange{150, 250}));
        QCOMPARE(pannedBy({100, 200}, -500, bounds), (TimeRange{0, 100}));
        QCOMPARE(pannedBy({800, 900}, 500, bounds), (TimeRange{900, 1000}));
    }

    void ticks_data()
    {
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("step");
        QTest::newRow("901 ms in 800 px") << qint64(901000) << 800 << qint64(100000);
        QTest::newRow("10 µs") << qint64(10) << 700 << qint64(1);
        QTest::newRow("2 s in 300 px") << qint64(2'000'000) << 300 << qint64(500000);
    }

    void ticks()
    {
        QFETCH(qint64, duration);
        QFETCH(int, width);
        QFETCH(qint64, step);
        QCOMPARE(tickStepUs(duration, width, 70), step);
    }

    void tickLabels()
    {
        QCOMPARE(formatTickLabel(200, 100), QStringLiteral("200 µs"));
        QCOMPARE(formatTickLabel(200000, 100000), QStringLiteral("200 ms"));
        QCOMPARE(formatTickLabel(1500, 500), QStringLiteral("1500 µs"));
        QCOMPARE(formatTickLabel(2500000, 500000), QStringLiteral("2.5 s"));
        QCOMPARE(formatTickLabel(500000, 500000), QStringLiteral("500 ms"));
    }

    void historyGoesBack()
    {
        TimeControl time;
        time.setTraceRange({0, 1000});
        QSignalSpy changed(&time, &TimeControl::visibleRangeChanged);
        QVERIFY(!time.canGoBack());
        time.setVisibleRange({100, 200});
        time.zoomIn();
        QVERIFY(time.visibleRange().durationUs() < 100);
        time.back();
        QCOMPARE(time.visibleRange(), (TimeRange{100, 200}));
        time.back();
        QCOMPARE(time.visibleRange(), (TimeRange{0, 1000}));
        QVERIFY(!time.canGoBack());
        QCOMPARE(changed.count(), 4);
        time.setVisibleRange({-50, 20});
        QCOMPARE(time.visibleRange(), (TimeRange{0, 70}));
        time.fit();
        QCOMPARE(time.visibleRange(), time.traceRange());
    }
};

QTEST_GUILESS_MAIN(TestTimeControl)
#include "tst_timecontrol.moc"
