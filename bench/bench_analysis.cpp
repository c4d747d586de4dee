// Times the Analysis views on a large trace: the plain analysis (models/analysis.h) and the whole path the
// window takes, from AnalysisView::setTrace() (background thread) to analysisReady() (tables and charts filled).
//
//   bench_analysis [--spans N] [--grab DIR] [FILE]
//   FILE: a trace to load (e.g. written by gentrace); else N generated spans. --grab saves each tab as DIR/tab-K.png.

#include "analysis.h"
#include "analysisview.h"
#include "tracebuilder.h"
#include "traceloader.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>
#include <ctime>
#include <string>

namespace {

// A deterministic trace: 20 services, components, usual durations, and N+1 query groups under some parents.
td::TracePtr generate(int count)
{
    static const char *const components[] = {"httpservice", "httpclient", "feignclient", "jdbc", "scheduled", ""};
    td::TraceBuilder b;
    std::uint64_t state = 42;
    const auto next = [&state] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return state >> 33;
    };
    std::vector<std::int64_t> start(static_cast<std::size_t>(count)), duration(static_cast<std::size_t>(count));
    const std::int64_t epoch = 1'700'000'000'000'000;
    for (int i = 0; i < count; ++i) {
        const int parent = i == 0 ? -1 : static_cast<int>(next() % static_cast<std::uint64_t>(std::min(i, 5000))) + std::max(0, i - 5000);
        const std::size_t k = static_cast<std::size_t>(i);
        if (parent < 0) {
            start[k] = epoch;
            duration[k] = 60'000'000;
        } else {
            const auto p = static_cast<std::size_t>(parent);
            start[k] = start[p] + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(std::max<std::int64_t>(1, duration[p] / 2)));
            duration[k] = std::max<std::int64_t>(1, duration[p] / (2 + static_cast<std::int64_t>(next() % 6)));
        }
        td::Span &s = b.beginSpan();
        s.traceId = b.intern("bench");
        s.spanId = b.intern(std::to_string(i + 1));
        s.parentId = parent < 0 ? 0 : b.intern(std::to_string(parent + 1));
        const char *lc = components[next() % 6];
        s.name = b.intern(std::string(*lc ? lc : "op") + "-" + std::to_string(next() % 40));
        s.startUs = start[k];
        s.durationUs = duration[k];
        td::Endpoint ep;
        ep.service = b.intern("service-" + std::to_string(next() % 20));
        b.currentSpan().localEndpoint = b.addEndpoint(ep);
        if (*lc)
            b.addTag("lc", lc);
        b.addTag("durationMoveAvg", std::to_string(static_cast<double>(duration[k]) * (0.5 + static_cast<double>(next() % 100) / 100.0)));
        if (std::string_view(lc) == "jdbc")
            b.addTag("jdbc.sql", "select * from orders where id = " + std::to_string(next() % 1000));
        if (next() % 200 == 0)
            b.addTag("exception_class", "java.net.SocketTimeoutException");
        b.endSpan();
    }
    return b.finish();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    int spans = 100'000;
    QString file;
    QString grabDir;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--spans") && i + 1 < args.size())
            spans = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--grab") && i + 1 < args.size())
            grabDir = args.at(++i);
        else
            file = args.at(i);
    }
    QElapsedTimer timer;
    timer.start();
    td::TracePtr trace;
    if (!file.isEmpty()) {
        const td::LoadResult r = td::loadTraceFile(file);
        trace = r.trace;
        if (!trace) {
            std::fprintf(stderr, "bench_analysis: cannot read %s\n", qPrintable(file));
            return 2;
        }
    } else {
        trace = generate(spans);
    }
    std::printf("trace: %zu spans (%s) in %lld ms\n", trace->realSpanCount(), file.isEmpty() ? "generated" : qPrintable(file),
                static_cast<long long>(timer.elapsed()));

    for (int run = 0; run < 3; ++run) {
        timer.restart();
        const std::clock_t cpu = std::clock();
        const td::TraceAnalysis a = td::analyseTrace(trace);
        // CPU time too: on a busy machine the wall time says more about the other processes.
        std::printf("analyseTrace: %lld ms (%.0f ms CPU; %zu services, %zu slower, %zu repeated groups, %zu errors, %zu tag keys)\n",
                    static_cast<long long>(timer.elapsed()), 1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC,
                    a.byService.size(), a.slower.size(), a.repeated.size(),
                    a.errors.size(), static_cast<std::size_t>(a.tagKeys.size()));
    }

    td::AnalysisView view;
    view.resize(1000, 600);
    view.show();
    for (int run = 0; run < 3; ++run) {
        QSignalSpy ready(&view, &td::AnalysisView::analysisReady);
        timer.restart();
        const std::clock_t cpu = std::clock();
        view.setTrace(trace);
        const qint64 returned = timer.elapsed();
        if (!ready.wait(30'000)) {
            std::fprintf(stderr, "bench_analysis: no result within 30 s\n");
            return 1;
        }
        std::printf("AnalysisView: setTrace returned after %lld ms, ready after %lld ms (%.0f ms CPU, all threads)\n",
                    static_cast<long long>(returned), static_cast<long long>(timer.elapsed()),
                    1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
        if (run < 2)
            view.setTrace(nullptr);
    }
    if (!grabDir.isEmpty()) {
        QDir().mkpath(grabDir);
        view.setSelectedSpan(trace->primaryRoot()); // its duration bucket is marked
        for (int k = 0; k < view.tabs()->count(); ++k) {
            view.tabs()->setCurrentIndex(k);
            QCoreApplication::processEvents();
            view.grab().save(QDir(grabDir).filePath(QStringLiteral("tab-%1.png").arg(k)));
        }
    }
    return 0;
}
