// Frame benchmark: opens a generated trace in the real TraceDesk window (offscreen), expands every
// span and prints the time to the first frame and the median and worst frame time while scrolling and zooming.
// A frame is: the user action and the events it causes, including the paint of what changed.
// Then it switches the tab to each other view (flame graph, span table, trace graph, events) and prints the
// first switch, the switches back and again, and frame times on each view.
// With --sample it measures the bundled sample's first frame from process start instead.

#include "mainwindow.h"
#include "memorytuning.h"
#include "spantreemodel.h"
#include "spantreeview.h"
#include "spanview.h"
#include "timecontrol.h"
#include "traceloader.h"
#include "tracegraphview.h"
#include "traceviewkind.h"
#include "traceviewpage.h"

#include <QAbstractItemView>
#include <QWheelEvent>
#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QScrollBar>
#include <QThreadPool>
#include <QTimer>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// The largest resident size this process has had so far.
double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::int64_t monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

struct Stats
{
    double median = 0, p95 = 0, worst = 0;
    std::size_t frames = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.frames = v.size();
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
    s.worst = v.back();
    return s;
}

// Runs in a child so that "from process start" means a fresh process: prints the ms from exec to the end of
// the first repaint of the window showing the bundled sample.
int childSample(std::int64_t spawnNs)
{
    int argc = 1;
    char arg0[] = "tracedesk-framebench";
    char *argv[] = {arg0, nullptr};
    QApplication app(argc, argv);
    td::MainWindow window;
    QObject::connect(&window, &td::MainWindow::traceShown, &window, [&window, spawnNs] {
        window.repaint();
        const double ms = static_cast<double>(monotonicNs() - spawnNs) / 1e6;
        std::printf("%.3f\n", ms);
        QCoreApplication::exit(0);
    });
    QObject::connect(&window, &td::MainWindow::loadFailed, &window, [] { QCoreApplication::exit(2); });
    window.resize(1400, 900);
    window.show();
    window.openSample();
    return QCoreApplication::exec();
}

double sampleFirstFrameMs(const std::string &self)
{
    int pipeFd[2];
    if (pipe(pipeFd) != 0)
        return -1;
    const std::string spawn = std::to_string(monotonicNs());
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipeFd[1], STDOUT_FILENO);
        close(pipeFd[0]);
        close(pipeFd[1]);
        execl(self.c_str(), self.c_str(), "--child-sample", spawn.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    close(pipeFd[1]);
    std::string out;
    char buf[256];
    for (;;) {
        const auto got = read(pipeFd[0], buf, sizeof buf);
        if (got <= 0)
            break;
        out.append(buf, static_cast<std::size_t>(got));
    }
    close(pipeFd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return std::atof(out.c_str());
}

void usage()
{
    std::puts("usage: tracedesk-framebench [--spans N | --file FILE] [--frames N] [--size WxH] [--sample-runs N]\n"
              "                            [--screenshot OUT.png]\n"
              "Loads a trace (generated with gentrace when no FILE is given), shows it fully expanded in the\n"
              "TraceDesk window offscreen and prints first-frame and frame-time figures as a table and a JSON line.");
}

} // namespace

int main(int argc, char **argv)
{
    td::preferReusingMemory(); // as the application does
    if (argc == 3 && std::strcmp(argv[1], "--child-sample") == 0) {
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
        return childSample(std::atoll(argv[2]));
    }
    long long spans = 100000;
    std::string file;
    int frames = 200;
    int width = 1400, height = 900;
    int sampleRuns = 5;
    std::string screenshot;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--spans" && hasValue) {
            std::string v = argv[++i];
            long long mul = 1;
            if (!v.empty() && (v.back() == 'k' || v.back() == 'K'))
                mul = 1000, v.pop_back();
            else if (!v.empty() && (v.back() == 'm' || v.back() == 'M'))
                mul = 1000000, v.pop_back();
            spans = std::atoll(v.c_str()) * mul;
        } else if (a == "--file" && hasValue)
            file = argv[++i];
        else if (a == "--frames" && hasValue)
            frames = std::max(10, std::atoi(argv[++i]));
        else if (a == "--size" && hasValue)
            std::sscanf(argv[++i], "%dx%d", &width, &height);
        else if (a == "--screenshot" && hasValue)
            screenshot = argv[++i];
        else if (a == "--sample-runs" && hasValue)
            sampleRuns = std::max(0, std::atoi(argv[++i]));
        else {
            usage();
            return a == "--help" || a == "-h" ? 0 : 1;
        }
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    const std::string self = QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteFilePath().toStdString();

    // The sample first, in fresh processes, before this one grows.
    std::vector<double> sampleMs;
    for (int k = 0; k < sampleRuns; ++k)
        if (const double ms = sampleFirstFrameMs(self); ms >= 0)
            sampleMs.push_back(ms);
    const Stats sample = stats(sampleMs);

    QApplication app(argc, argv);
    std::string generated;
    if (file.empty()) {
        const QString path = QDir::temp().filePath(QStringLiteral("tracedesk-framebench-%1.json").arg(getpid()));
        generated = path.toStdString();
        const QString gentrace = QFileInfo(QString::fromLocal8Bit(argv[0])).absolutePath() + QStringLiteral("/gentrace");
        std::fprintf(stderr, "generating %lld spans ...\n", spans);
        if (QProcess::execute(gentrace, {QStringLiteral("--spans"), QString::number(spans), QStringLiteral("-o"), path}) != 0) {
            std::fprintf(stderr, "gentrace failed\n");
            return 1;
        }
        file = generated;
    }
    std::fprintf(stderr, "loading %s ...\n", file.c_str());
    auto t0 = Clock::now();
    const auto loadStart = t0;
    const td::LoadResult loaded = td::loadTraceFile(QString::fromStdString(file));
    const double loadMs = msSince(t0);
    if (!generated.empty())
        std::remove(generated.c_str());
    if (!loaded.ok()) {
        std::fprintf(stderr, "load failed: %s\n", loaded.error.toLocal8Bit().constData());
        return 1;
    }
    const std::size_t spanCount = loaded.trace->spanCount();

    td::MainWindow window;
    window.resize(width, height);
    window.show();
    QCoreApplication::processEvents();

    // Time to first frame: the loaded trace handed to the window, fully expanded, painted once.
    t0 = Clock::now();
    window.showTrace(loaded.trace);
    const double showMs = msSince(t0);
    td::SpanView *view = window.spanView();
    if (!view) {
        std::fprintf(stderr, "the window shows no span view\n");
        return 1;
    }
    view->expandAll();
    const double expandedMs = msSince(t0);
    QCoreApplication::processEvents();
    const double eventsMs = msSince(t0);
    window.repaint();
    const double firstFrameMs = msSince(t0);
    const double loadToFrameMs = msSince(loadStart); // the load, the window's creation and the first frame
    std::fprintf(stderr, "first frame: showTrace %.0f ms, expandAll %.0f ms, events %.0f ms, paint %.0f ms\n", showMs,
                 expandedMs - showMs, eventsMs - expandedMs, firstFrameMs - eventsMs);
    // The analysis panels compute in the background after a trace is shown: let them finish so that they
    // do not compete with the frames measured below.
    QThreadPool::globalInstance()->waitForDone();
    // Their results reach the window as queued events: filling the charts and tables is one-off GUI work
    // after a load, timed here on its own rather than inside the first scroll frame.
    const auto settle0 = Clock::now();
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    const double analysisShownMs = msSince(settle0);

    td::SpanTreeView *tree = view->treeView();
    QScrollBar *bar = tree->verticalScrollBar();
    // The pointer rests over the middle of the span names, as when scrolling with the wheel or the keys: the
    // view then tracks the row under it (hover) on every scroll, which is part of the frame.
    QCursor::setPos(tree->viewport()->mapToGlobal(QPoint(tree->columnWidth(0) / 2, tree->viewport()->height() / 2)));
    QCoreApplication::processEvents();
    td::TimeControl *time = view->timeControl();
    // A frame: the action, then the events it posts, including the paint of what it made dirty (as the
    // event loop would do it; repainting the whole window each time would count docks that did not change).
    const auto frame = [](auto &&action) {
        const auto f0 = Clock::now();
        action();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        return msSince(f0);
    };

    // Scrolling: line steps, page steps and jumps across the whole tree (scroll bar drags).
    std::vector<double> scrollMs;
    std::uint64_t rng = 12345;
    const auto nextRand = [&rng] {
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        return rng >> 33;
    };
    for (int k = 0; k < frames; ++k) {
        scrollMs.push_back(frame([&] {
            const int kind = k % 4;
            if (kind == 0)
                bar->setValue(bar->value() + bar->singleStep() * 3);
            else if (kind == 1)
                bar->setValue(bar->value() + bar->pageStep());
            else if (kind == 2)
                bar->setValue(static_cast<int>(nextRand() % static_cast<std::uint64_t>(std::max(1, bar->maximum()))));
            else
                bar->setValue(bar->value() - bar->singleStep() * 3);
        }));
    }
    // Zooming in and out around points of the trace, and panning, like Ctrl+wheel and Shift+wheel.
    std::vector<double> zoomMs;
    const td::TimeRange range = time->traceRange();
    for (int k = 0; k < frames; ++k) {
        zoomMs.push_back(frame([&] {
            const int kind = k % 10;
            // Around the start of a span on screen, as a user zooms into what they look at.
            const int y = static_cast<int>(nextRand() % static_cast<std::uint64_t>(std::max(1, tree->viewport()->height())));
            const int spanIndex = tree->indexAt(QPoint(10, y)).data(td::SpanTreeModel::SpanIndexRole).toInt();
            const std::int64_t anchor = spanIndex >= 0 ? loaded.trace->span(static_cast<std::size_t>(spanIndex)).startUs
                                                       : range.startUs + range.durationUs() / 2;
            if (kind < 5)
                time->zoom(0.7, anchor);
            else if (kind < 8)
                time->pan(time->visibleRange().durationUs() / 7 * (kind == 6 ? -1 : 1));
            else
                time->zoom(1.0 / 0.7 / 0.7, anchor);
        }));
    }
    const auto worstAt = [](const std::vector<double> &v) {
        return static_cast<long>(std::max_element(v.begin(), v.end()) - v.begin());
    };
    std::fprintf(stderr, "slowest frames: scroll #%ld of %zu, zoom #%ld of %zu\n", worstAt(scrollMs), scrollMs.size(),
                 worstAt(zoomMs), zoomMs.size());
    std::vector<double> all = scrollMs;
    all.insert(all.end(), zoomMs.begin(), zoomMs.end());
    const Stats scroll = stats(scrollMs), zoom = stats(zoomMs), both = stats(all);
    // View > Collapse All and Expand All, each until the tree is painted again (the worst of three each).
    double collapseAllMs = 0, expandAllMs = 0;
    for (int k = 0; k < 3; ++k) {
        collapseAllMs = std::max(collapseAllMs, frame([&] {
            view->collapseAll();
            tree->viewport()->repaint();
        }));
        expandAllMs = std::max(expandAllMs, frame([&] {
            view->expandAll();
            tree->viewport()->repaint();
        }));
    }
    if (!screenshot.empty())
        window.grab().save(QString::fromStdString(screenshot));
    const double timelinePeakMiB = peakRssMiB(); // the window as it opens: the timeline, tree and docks


    // The other views of the tab: the first switch to each (which builds its data), switching back to the
    // timeline and to the view again, and frames on the view (zooming the shared time range, scrolling its
    // list when it has one).
    struct ViewFigures
    {
        td::TraceViewKind kind;
        double firstSwitchMs = 0, readyMs = 0, againMs = 0, backMs = 0;
        Stats frames;
    };
    std::vector<ViewFigures> viewFigures;
    for (const td::TraceViewKind kind : {td::TraceViewKind::FlameGraph, td::TraceViewKind::SpanTable,
                                         td::TraceViewKind::TraceGraph, td::TraceViewKind::Events}) {
        ViewFigures f{kind};
        const auto switched = Clock::now();
        f.firstSwitchMs = frame([&] { view->setCurrentView(kind); });
        QThreadPool::globalInstance()->waitForDone(); // a layout in the background lands as a queued event
        frame([] {});
        f.readyMs = msSince(switched); // until the view shows its data (the trace graph lays out in the background)
        f.backMs = frame([&] { view->setCurrentView(td::TraceViewKind::Timeline); });
        f.againMs = frame([&] { view->setCurrentView(kind); });
        td::TraceViewPage *page = view->page(kind);
        QAbstractItemView *list = page ? page->findChild<QAbstractItemView *>() : nullptr;
        std::vector<double> ms;
        for (int k = 0; k < frames / 2; ++k) {
            ms.push_back(frame([&] {
                if (kind == td::TraceViewKind::TraceGraph) {
                    // The graph has no time axis: zoom its canvas with the wheel and paint it.
                    QWidget *canvas = static_cast<td::TraceGraphView *>(page)->canvas();
                    const QPointF at(canvas->width() / 2.0, canvas->height() / 2.0);
                    QWheelEvent wheel(at, canvas->mapToGlobal(at), QPoint(), QPoint(0, k % 4 < 2 ? 120 : -120), Qt::NoButton,
                                      Qt::NoModifier, Qt::NoScrollPhase, false);
                    QCoreApplication::sendEvent(canvas, &wheel);
                    canvas->repaint();
                } else if (list && k % 2 == 1) {
                    QScrollBar *s = list->verticalScrollBar();
                    s->setValue(static_cast<int>(nextRand() % static_cast<std::uint64_t>(std::max(1, s->maximum() + 1))));
                } else {
                    const std::int64_t anchor = range.startUs + static_cast<std::int64_t>(nextRand() % static_cast<std::uint64_t>(std::max<std::int64_t>(1, range.durationUs())));
                    time->zoom(k % 4 < 2 ? 0.7 : 1.0 / 0.7, anchor);
                }
            }));
        }
        f.frames = stats(ms);
        viewFigures.push_back(f);
    }
    view->setCurrentView(td::TraceViewKind::Timeline);
    const double peakMiB = peakRssMiB();

    std::printf("| spans | load s | first frame ms | analysis shown ms | scroll median/p95/worst ms | zoom median/p95/worst ms | all median / worst ms | sample first frame ms (median/worst of %zu) | load to first frame s | peak RSS MiB, timeline / every view |\n",
                sample.frames);
    std::printf("|---:|---:|---:|---:|---|---|---|---|---:|---:|\n");
    std::printf("| %zu | %.2f | %.0f | %.0f | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %.2f / %.2f | %.0f / %.0f | %.2f | %.0f / %.0f |\n\n", spanCount,
                loadMs / 1000.0, firstFrameMs, analysisShownMs, scroll.median, scroll.p95, scroll.worst, zoom.median, zoom.p95,
                zoom.worst, both.median, both.worst, sample.median, sample.worst, loadToFrameMs / 1000.0, timelinePeakMiB, peakMiB);
    std::printf("{\"spans\":%zu,\"loadSeconds\":%.3f,\"firstFrameMs\":%.1f,\"analysisShownMs\":%.1f,\"scrollMedianMs\":%.3f,\"scrollP95Ms\":%.3f,"
                "\"scrollWorstMs\":%.3f,\"zoomMedianMs\":%.3f,\"zoomP95Ms\":%.3f,\"zoomWorstMs\":%.3f,\"frameMedianMs\":%.3f,"
                "\"frameWorstMs\":%.3f,\"frames\":%zu,\"sampleFirstFrameMedianMs\":%.1f,\"sampleFirstFrameWorstMs\":%.1f,"
                "\"loadToFirstFrameSeconds\":%.3f,\"timelinePeakRssMiB\":%.1f,\"peakRssMiB\":%.1f,\"width\":%d,\"height\":%d}\n",
                spanCount, loadMs / 1000.0, firstFrameMs, analysisShownMs, scroll.median, scroll.p95, scroll.worst, zoom.median, zoom.p95,
                zoom.worst, both.median, both.worst, both.frames, sample.median, sample.worst, loadToFrameMs / 1000.0, timelinePeakMiB,
                peakMiB, width, height);
    std::printf("| spans | collapse all ms | expand all ms |\n|---:|---:|---:|\n| %zu | %.0f | %.0f |\n", spanCount, collapseAllMs, expandAllMs);
    std::printf("{\"spans\":%zu,\"collapseAllMs\":%.1f,\"expandAllMs\":%.1f}\n", spanCount, collapseAllMs, expandAllMs);
    std::printf("\n| view | first switch ms | data shown ms | back to timeline ms | switch again ms | frame median/p95/worst ms |\n");
    std::printf("|---|---:|---:|---:|---:|---|\n");
    for (const ViewFigures &f : viewFigures)
        std::printf("| %s | %.0f | %.0f | %.0f | %.0f | %.2f / %.2f / %.2f |\n", td::traceViewKindName(f.kind).toUtf8().constData(),
                    f.firstSwitchMs, f.readyMs, f.backMs, f.againMs, f.frames.median, f.frames.p95, f.frames.worst);
    std::printf("{\"views\":[");
    for (std::size_t i = 0; i < viewFigures.size(); ++i) {
        const ViewFigures &f = viewFigures[i];
        std::printf("%s{\"view\":\"%s\",\"firstSwitchMs\":%.1f,\"readyMs\":%.1f,\"backMs\":%.1f,\"againMs\":%.1f,\"frameMedianMs\":%.3f,"
                    "\"frameWorstMs\":%.3f}",
                    i ? "," : "", td::traceViewKindName(f.kind).toUtf8().constData(), f.firstSwitchMs, f.readyMs, f.backMs, f.againMs,
                    f.frames.median, f.frames.worst);
    }
    std::printf("]}\n");
    return 0;
}
