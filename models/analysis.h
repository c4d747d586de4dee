#pragma once

#include "trace.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace td {

// Summaries of a trace for the Analysis views: plain functions over an immutable Trace, safe to run on
// any thread. Placeholders for missing parents are never counted.

enum class GroupBy { Service, Component, Operation, ServiceOperation, TagKey };

// One group of spans and its times, like a row of Jaeger's Trace Statistics.
struct AggregateRow
{
    QString name;   // service, component, operation or tag value; the service for ServiceOperation
    QString detail; // the operation for ServiceOperation, else empty
    bool missing = false; // spans without the tag (TagKey) or without a component (Component: name "other")
    bool rest = false;    // the "other" row that reduceTopN() folds the small groups into
    std::int64_t count = 0;
    std::int64_t totalUs = 0;
    std::int64_t minUs = 0;
    std::int64_t maxUs = 0;
    std::int64_t selfTotalUs = 0;
    double percentOfTrace = 0; // self total as a share of the trace's duration, in percent
    std::vector<std::int32_t> spans; // span indices in tree order

    double avgUs() const { return count ? static_cast<double>(totalUs) / static_cast<double>(count) : 0.0; }
    double selfAvgUs() const { return count ? static_cast<double>(selfTotalUs) / static_cast<double>(count) : 0.0; }
};

// Groups the spans; tagKey is used with GroupBy::TagKey only. Sorted by self total, then total, descending.
std::vector<AggregateRow> aggregate(const Trace &trace, GroupBy by, std::string_view tagKey = {});

// The n rows with the largest self total (or total when bySelf is false) and, when more remain, one row
// summing the rest (rest = true, name "other", spans of every group folded in).
std::vector<AggregateRow> reduceTopN(std::vector<AggregateRow> rows, std::size_t n, bool bySelf = true);

// The group a component-kind aggregation puts a span in: "jdbc", ..., the `lc` text as given for kinds we do
// not know, "other" for spans without one.
QString componentGroup(const Trace &trace, const Span &span);

// Span durations on logarithmic buckets (1-2-5 steps: [1 µs, 2 µs), [2 µs, 5 µs), [5 µs, 10 µs), ...); the first
// bucket starts at 0 so that zero-length spans count.
struct DurationHistogram
{
    struct Bucket
    {
        std::int64_t lowUs = 0;  // inclusive
        std::int64_t highUs = 0; // exclusive
        std::int64_t count = 0;
    };
    std::vector<Bucket> buckets; // from the bucket of the shortest span to that of the longest
    // The bucket a duration falls in, or -1 when outside the histogram.
    int bucketOf(std::int64_t durationUs) const;
};
DurationHistogram durationHistogram(const Trace &trace);
// The 1-2-5 edge at or below a duration (0 for durations below 1 µs).
std::int64_t logBucketFloor(std::int64_t durationUs);
std::int64_t logBucketNext(std::int64_t edgeUs);
// Spans (not placeholders) with lowUs <= duration < highUs, in tree order.
std::vector<std::int32_t> spansWithDuration(const Trace &trace, std::int64_t lowUs, std::int64_t highUs);

// A span that took longer than its usual duration (durationMoveAvg).
struct SlowSpan
{
    std::int32_t span = NoIndex;
    double ratio = 0; // duration / durationMoveAvg
    std::int64_t durationUs = 0;
    double usualUs = 0;
    QString warnPct;  // optimize_warn_pct as given
    QString warnType; // optimize_warn_type, empty when none
};
// Sorted by ratio, largest first.
std::vector<SlowSpan> slowerThanUsual(const Trace &trace);

// Siblings under one parent that are the same call: same service and operation and, for spans with a
// `jdbc.sql` tag, the same statement once literals are replaced by `?` (the N+1 query pattern).
struct RepeatedGroup
{
    std::int32_t parent = NoIndex;
    QString service;
    QString operation;
    QString sql; // the normalised statement, empty when the calls carry no jdbc.sql
    int distinctStatements = 0; // different jdbc.sql texts (different parameters) in the group
    std::int64_t totalUs = 0;
    std::int64_t startUs = 0; // first start
    std::int64_t endUs = 0;   // last end
    std::vector<std::int32_t> spans; // by start
    std::int64_t count() const { return static_cast<std::int64_t>(spans.size()); }
};
// Groups of at least minCount calls, most calls first (then most time).
std::vector<RepeatedGroup> repeatedCalls(const Trace &trace, int minCount = 2);
// `select * from t where id = 42 and n = 'x'` -> `select * from t where id = ? and n = ?`, spaces collapsed.
std::string normalizeSql(std::string_view sql);

struct ErrorSpan
{
    std::int32_t span = NoIndex;
    QString service;
    QString operation;
    QString exceptionClass; // empty when none
    QString statusCode;     // the HTTP status tag's value, empty when none
    QString reason;         // why the span is in error
    std::int64_t startOffsetUs = 0; // from the trace start
};
// Every error span, by start time.
std::vector<ErrorSpan> errorSpans(const Trace &trace);

// Tag keys that occur in the trace, sorted, for "group by tag key".
QStringList tagKeys(const Trace &trace);

// Everything the Analysis dock shows, computed together off the GUI thread.
struct TraceAnalysis
{
    TracePtr trace;
    std::vector<AggregateRow> byService;
    std::vector<AggregateRow> byComponent;
    std::vector<AggregateRow> byOperation;
    std::vector<AggregateRow> byServiceOperation;
    DurationHistogram histogram;
    std::vector<SlowSpan> slower;
    std::vector<RepeatedGroup> repeated;
    std::vector<ErrorSpan> errors;
    QStringList tagKeys;
    bool cancelled = false; // stopped early by analyseTrace's cancel flag: incomplete
};

// Every part of the analysis. Once *cancel is set (a newer trace is shown) the parts not begun are left
// empty and `cancelled` says so: the caller throws the result away.
TraceAnalysis analyseTrace(const TracePtr &trace, const std::atomic<bool> *cancel = nullptr);

// The statistics as CSV (RFC 4180, UTF-8, times in µs). Cells that a spreadsheet would read as a formula
// are prefixed with a quote. Returns false when the device refuses the bytes.
QByteArray statisticsCsv(const std::vector<AggregateRow> &rows, GroupBy by);
bool writeStatisticsCsv(QIODevice &device, const std::vector<AggregateRow> &rows, GroupBy by);

} // namespace td
