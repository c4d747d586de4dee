// Load benchmark: for each size and form, generates a reference trace (bench/gentrace) and measures, each in
// its own child process so that peak memory figures do not pollute each other:
//   - TraceDesk's loadTraceFile then analyseTrace (read + parse + tree + skew + the Analysis dock's
//     aggregations: everything the window shows),
//   - simdjson parsing the same file (DOM; the envelope's span strings parsed too), the speed reference,
//     in a fresh process and then again with its buffers already in place,
//   - python3 json.load on the same file, the baseline.
// Prints a table and JSON lines.

#include "analysis.h"
#include "memorytuning.h"
#include "traceloader.h"

#include <QCoreApplication>
#include <QFileInfo>

#ifdef TRACEDESK_HAVE_SIMDJSON
#include <simdjson.h>
#endif

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// What a child printed on its stdout, its peak RSS and the wall time around it.
struct ChildRun
{
    bool ok = false;
    std::string output;
    double peakMiB = 0;
    double wallSeconds = 0;
};

ChildRun runChild(const std::vector<std::string> &args)
{
    ChildRun run;
    int pipeFd[2];
    if (pipe(pipeFd) != 0)
        return run;
    const auto t0 = Clock::now();
    const pid_t pid = fork();
    if (pid < 0)
        return run;
    if (pid == 0) {
        dup2(pipeFd[1], STDOUT_FILENO);
        close(pipeFd[0]);
        close(pipeFd[1]);
        std::vector<char *> argv;
        for (const auto &a : args)
            argv.push_back(const_cast<char *>(a.c_str()));
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    close(pipeFd[1]);
    char buf[4096];
    for (;;) {
        const auto got = read(pipeFd[0], buf, sizeof buf);
        if (got <= 0)
            break;
        run.output.append(buf, static_cast<std::size_t>(got));
    }
    close(pipeFd[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.wallSeconds = secondsSince(t0);
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    run.peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    return run;
}

// --- children -------------------------------------------------------------------------------------------

int childLoad(const char *path)
{
    const auto t0 = Clock::now();
    const td::LoadResult result = td::loadTraceFile(QString::fromLocal8Bit(path));
    if (!result.ok()) {
        std::fprintf(stderr, "load failed: %s\n", result.error.toLocal8Bit().constData());
        return 1;
    }
    // The Analysis dock's figures (services, slower than usual, repeated calls, errors) are part of
    // "ready to show": the window computes them right after the load.
    const td::TraceAnalysis analysis = td::analyseTrace(result.trace);
    const double seconds = secondsSince(t0);
    if (analysis.byService.empty()) {
        std::fputs("analysis found no services\n", stderr);
        return 1;
    }
    const td::Trace &t = *result.trace;
    std::printf("%.6f %zu %zu %zu %zu\n", seconds, t.spanCount(), t.memoryBytes(), t.strings().byteSize(),
                t.problems().size());
    return 0;
}

int childSimdjson(const char *path)
{
#ifdef TRACEDESK_HAVE_SIMDJSON
    const auto t0 = Clock::now();
    simdjson::padded_string json;
    if (simdjson::padded_string::load(path).get(json)) {
        std::fputs("simdjson: cannot read the file\n", stderr);
        return 1;
    }
    const double readSeconds = secondsSince(t0);
    simdjson::dom::parser parser;
    simdjson::dom::parser inner;
    // Parses the file; the envelope holds each span as JSON text, and parsing those is part of parsing it.
    const auto parseAll = [&](std::size_t *spans) {
        simdjson::dom::element doc;
        if (parser.parse(json).get(doc))
            return false;
        *spans = 0;
        simdjson::dom::array info;
        if (doc.is_object() && !doc["responseInfo"].get(info)) {
            for (const auto item : info) {
                std::string_view text;
                simdjson::dom::element span;
                if (!item.get(text) && !inner.parse(text.data(), text.size(), true).get(span))
                    ++*spans;
            }
        } else if (doc.is_array()) {
            *spans = simdjson::dom::array(doc).size();
        }
        return true;
    };
    std::size_t spans = 0;
    const auto t1 = Clock::now();
    if (!parseAll(&spans)) {
        std::fputs("simdjson: parse error\n", stderr);
        return 1;
    }
    const double parseSeconds = secondsSince(t1);
    // Again with the same parsers: their buffers are allocated and touched by now, so this is parsing
    // alone, the stricter reference where fresh memory is slow to hand out (virtual machines).
    const auto t2 = Clock::now();
    if (!parseAll(&spans)) {
        std::fputs("simdjson: parse error\n", stderr);
        return 1;
    }
    const double warmSeconds = secondsSince(t2);
    std::printf("%.6f %.6f %zu %.6f\n", parseSeconds, readSeconds, spans, warmSeconds);
    return 0;
#else
    (void)path;
    std::fputs("built without simdjson\n", stderr);
    return 1;
#endif
}

// --- parent ---------------------------------------------------------------------------------------------

struct Result
{
    long long spans = 0;
    std::string form;
    double fileMiB = 0;
    double loadSeconds = 0;
    double loadPeakMiB = 0;
    double bytesPerSpan = 0;
    double modelBytesPerSpan = 0; // without the string table
    double stringMiB = 0;
    std::optional<double> simdjsonSeconds, simdjsonReadSeconds, simdjsonPeakMiB;
    std::optional<double> simdjsonWarmSeconds; // the same parser parsing the file a second time
    std::optional<double> pythonSeconds, pythonPeakMiB;
    std::optional<double> pythonSpansSeconds; // envelope: json.load, then json.loads of every span text
};

std::vector<long long> parseSizes(const char *text)
{
    std::vector<long long> sizes;
    std::string s(text);
    std::size_t pos = 0;
    while (pos <= s.size()) {
        const auto comma = s.find(',', pos);
        std::string item = s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        long long mul = 1;
        if (!item.empty() && (item.back() == 'k' || item.back() == 'K'))
            mul = 1000, item.pop_back();
        else if (!item.empty() && (item.back() == 'm' || item.back() == 'M'))
            mul = 1000000, item.pop_back();
        if (!item.empty())
            sizes.push_back(std::atoll(item.c_str()) * mul);
        if (comma == std::string::npos)
            break;
        pos = comma + 1;
    }
    return sizes;
}

std::string optJson(const std::optional<double> &v, const char *fmt = "%.4f")
{
    if (!v)
        return "null";
    char b[64];
    std::snprintf(b, sizeof b, fmt, *v);
    return b;
}

std::string optCell(const std::optional<double> &v, const char *fmt)
{
    if (!v)
        return "-";
    char b[64];
    std::snprintf(b, sizeof b, fmt, *v);
    return b;
}

void usage()
{
    std::puts("usage: tracedesk-bench [--sizes 1k,10k,100k] [--forms array,envelope] [--repeat N] [--dir DIR]\n"
              "                       [--json FILE] [--no-python] [--python-max-spans N] [--no-simdjson] [--keep]\n"
              "Generates reference traces with gentrace into DIR (default: a temporary directory), measures each in\n"
              "its own process and prints a table and JSON lines. Sizes accept k and M suffixes (1M = 1,000,000).\n"
              "--repeat runs each measurement N times and keeps the fastest (default 3 up to 100k spans, else 1).\n"
              "python runs only up to --python-max-spans (default 200000): json.load needs ~10x the file in RAM.");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--child-load") == 0) {
        td::preferReusingMemory(); // as the application does
        QCoreApplication app(argc, argv); // resources (extension keys) and Qt file APIs
        return childLoad(argv[2]);
    }
    if (argc == 3 && std::strcmp(argv[1], "--child-simdjson") == 0)
        return childSimdjson(argv[2]);

    std::vector<long long> sizes = {1000, 10000, 100000};
    std::vector<std::string> forms = {"array", "envelope"};
    int repeat = 0;
    std::string dir, jsonPath;
    bool python = true, simd = true, keep = false;
    // python's json.load needs about ten times the file in memory: 1M spans would want some 30 GB.
    long long pythonMaxSpans = 200000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--sizes" && hasValue)
            sizes = parseSizes(argv[++i]);
        else if (a == "--forms" && hasValue) {
            forms.clear();
            const std::string f = argv[++i];
            if (f.find("array") != std::string::npos)
                forms.push_back("array");
            if (f.find("envelope") != std::string::npos)
                forms.push_back("envelope");
        } else if (a == "--repeat" && hasValue)
            repeat = std::max(1, std::atoi(argv[++i]));
        else if (a == "--dir" && hasValue)
            dir = argv[++i];
        else if (a == "--json" && hasValue)
            jsonPath = argv[++i];
        else if (a == "--python-max-spans" && hasValue)
            pythonMaxSpans = std::atoll(argv[++i]);
        else if (a == "--no-python")
            python = false;
        else if (a == "--no-simdjson")
            simd = false;
        else if (a == "--keep")
            keep = true;
        else {
            usage();
            return a == "--help" || a == "-h" ? 0 : 1;
        }
    }
#ifndef TRACEDESK_HAVE_SIMDJSON
    simd = false;
#endif
    const std::string self = QFileInfo(QString::fromLocal8Bit(argv[0])).absoluteFilePath().toStdString();
    const std::string gentrace = QFileInfo(QString::fromLocal8Bit(argv[0])).absolutePath().toStdString() + "/gentrace";
    bool tempDir = false;
    if (dir.empty()) {
        char tmpl[] = "/tmp/tracedesk-bench-XXXXXX";
        if (!mkdtemp(tmpl)) {
            std::perror("mkdtemp");
            return 1;
        }
        dir = tmpl;
        tempDir = true;
    }

    std::FILE *jsonOut = jsonPath.empty() ? nullptr : std::fopen(jsonPath.c_str(), "w");
    std::vector<Result> results;
    std::vector<std::string> jsonLines;
    for (const long long size : sizes) {
        for (const auto &form : forms) {
            const std::string file = dir + "/trace-" + std::to_string(size) + "-" + form + ".json";
            if (!QFileInfo::exists(QString::fromStdString(file))) {
                std::fprintf(stderr, "generating %s ...\n", file.c_str());
                const auto gen = runChild({gentrace, "--spans", std::to_string(size), "--form", form, "-o", file});
                if (!gen.ok) {
                    std::fprintf(stderr, "gentrace failed for %s\n", file.c_str());
                    return 1;
                }
            }
            Result r;
            r.spans = size;
            r.form = form;
            r.fileMiB = static_cast<double>(QFileInfo(QString::fromStdString(file)).size()) / (1024.0 * 1024.0);
            const int n = repeat > 0 ? repeat : (size <= 100000 ? 3 : 1);
            bool first = true;
            for (int k = 0; k < n; ++k) {
                std::fprintf(stderr, "loading %s (%d/%d) ...\n", file.c_str(), k + 1, n);
                const auto run = runChild({self, "--child-load", file});
                double secs = 0;
                unsigned long long spans = 0, mem = 0, strBytes = 0, problems = 0;
                if (!run.ok || std::sscanf(run.output.c_str(), "%lf %llu %llu %llu %llu", &secs, &spans, &mem, &strBytes, &problems) != 5) {
                    std::fprintf(stderr, "load of %s failed\n", file.c_str());
                    return 1;
                }
                if (first || secs < r.loadSeconds) {
                    r.loadSeconds = secs;
                    r.bytesPerSpan = static_cast<double>(mem) / static_cast<double>(std::max(1ull, spans));
                    r.modelBytesPerSpan = static_cast<double>(mem - strBytes) / static_cast<double>(std::max(1ull, spans));
                    r.stringMiB = static_cast<double>(strBytes) / (1024.0 * 1024.0);
                }
                r.loadPeakMiB = first ? run.peakMiB : std::max(r.loadPeakMiB, run.peakMiB);
                first = false;
                if (simd) {
                    const auto s = runChild({self, "--child-simdjson", file});
                    double parse = 0, readSecs = 0, warm = 0;
                    unsigned long long sp = 0;
                    if (s.ok && std::sscanf(s.output.c_str(), "%lf %lf %llu %lf", &parse, &readSecs, &sp, &warm) == 4) {
                        if (!r.simdjsonSeconds || parse < *r.simdjsonSeconds) {
                            r.simdjsonSeconds = parse;
                            r.simdjsonReadSeconds = readSecs;
                        }
                        if (!r.simdjsonWarmSeconds || warm < *r.simdjsonWarmSeconds)
                            r.simdjsonWarmSeconds = warm;
                        r.simdjsonPeakMiB = s.peakMiB;
                    }
                }
                if (python && size <= pythonMaxSpans) {
                    const auto p = runChild({"python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", file});
                    if (p.ok && (!r.pythonSeconds || p.wallSeconds < *r.pythonSeconds)) {
                        r.pythonSeconds = p.wallSeconds;
                        r.pythonPeakMiB = p.peakMiB;
                    }
                    // json.load leaves the envelope's span texts as strings; parsing them too is the same
                    // work TraceDesk (and the simdjson figure) does.
                    if (form == "envelope") {
                        const auto q = runChild({"python3", "-c",
                                                 "import json,sys; d=json.load(open(sys.argv[1])); "
                                                 "[json.loads(t) for t in d['responseInfo']]",
                                                 file});
                        if (q.ok && (!r.pythonSpansSeconds || q.wallSeconds < *r.pythonSpansSeconds))
                            r.pythonSpansSeconds = q.wallSeconds;
                    }
                }
            }
            results.push_back(r);
            char line[1024];
            std::snprintf(line, sizeof line,
                          "{\"spans\":%lld,\"form\":\"%s\",\"fileMiB\":%.1f,\"loadSeconds\":%.4f,\"loadMiBPerSecond\":%.1f,"
                          "\"loadPeakRssMiB\":%.1f,\"bytesPerSpan\":%.1f,\"modelBytesPerSpan\":%.1f,\"stringTableMiB\":%.1f,"
                          "\"simdjsonParseSeconds\":%s,\"simdjsonReadSeconds\":%s,\"simdjsonPeakRssMiB\":%s,\"simdjsonWarmParseSeconds\":%s,"
                          "\"pythonJsonLoadSeconds\":%s,\"pythonPeakRssMiB\":%s,\"pythonWithSpanTextsSeconds\":%s,\"nproc\":%ld}",
                          r.spans, r.form.c_str(), r.fileMiB, r.loadSeconds, r.fileMiB / r.loadSeconds, r.loadPeakMiB,
                          r.bytesPerSpan, r.modelBytesPerSpan, r.stringMiB, optJson(r.simdjsonSeconds).c_str(),
                          optJson(r.simdjsonReadSeconds).c_str(), optJson(r.simdjsonPeakMiB, "%.1f").c_str(),
                          optJson(r.simdjsonWarmSeconds).c_str(),
                          optJson(r.pythonSeconds).c_str(), optJson(r.pythonPeakMiB, "%.1f").c_str(),
                          optJson(r.pythonSpansSeconds).c_str(), sysconf(_SC_NPROCESSORS_ONLN));
            jsonLines.push_back(line);
            if (jsonOut) {
                std::fprintf(jsonOut, "%s\n", line);
                std::fflush(jsonOut);
            }
            if (!keep && tempDir)
                std::remove(file.c_str());
        }
    }
    if (jsonOut)
        std::fclose(jsonOut);
    if (tempDir && !keep)
        rmdir(dir.c_str());

    std::printf("| spans | form | file MiB | load s | MB/s | peak RSS MiB | bytes/span (model+strings) | simdjson parse s | load/simdjson | simdjson warm s | load/warm | python json.load s | python/load | python, span texts too s | that/load |\n");
    std::printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const auto &r : results) {
        std::printf("| %lld | %s | %.1f | %.3f | %.0f | %.0f | %.0f (%.0f + %.0f) | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.spans,
                    r.form.c_str(), r.fileMiB, r.loadSeconds, r.fileMiB / r.loadSeconds, r.loadPeakMiB, r.bytesPerSpan,
                    r.modelBytesPerSpan, r.bytesPerSpan - r.modelBytesPerSpan, optCell(r.simdjsonSeconds, "%.3f").c_str(),
                    r.simdjsonSeconds ? optCell(r.loadSeconds / *r.simdjsonSeconds, "%.1fx").c_str() : "-",
                    optCell(r.simdjsonWarmSeconds, "%.3f").c_str(),
                    r.simdjsonWarmSeconds ? optCell(r.loadSeconds / *r.simdjsonWarmSeconds, "%.1fx").c_str() : "-",
                    optCell(r.pythonSeconds, "%.3f").c_str(),
                    r.pythonSeconds ? optCell(*r.pythonSeconds / r.loadSeconds, "%.1fx").c_str() : "-",
                    optCell(r.pythonSpansSeconds, "%.3f").c_str(),
                    r.pythonSpansSeconds ? optCell(*r.pythonSpansSeconds / r.loadSeconds, "%.1fx").c_str() : "-");
    }
    std::printf("\n");
    for (const auto &l : jsonLines)
        std::printf("%s\n", l.c_str());
    return 0;
}
