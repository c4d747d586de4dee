#pragma once

#include "stringtable.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace td {

enum class SpanKind : std::uint8_t { Unspecified, Client, Server, Local, Producer, Consumer };

// The iplatform `lc` component; Other covers any value we do not know, None a span without `lc`.
enum class Component : std::uint8_t { None, HttpService, HttpClient, FeignClient, Jdbc, Scheduled, Other };

// How a tag value was typed in the source JSON, so exports and the raw view can keep it.
enum class JsonType : std::uint8_t { String, Number, Bool, Null, Object, Array };

enum class SkewReason : std::uint8_t {
    None,
    ServerBeforeClient, // server half started before its client half sent the request (Zipkin's only case)
};

constexpr std::int32_t NoIndex = -1;

struct Endpoint
{
    StrId service = 0;
    StrId ipv4 = 0;
    StrId ipv6 = 0;
    std::int32_t port = 0; // 0: unknown
    bool operator==(const Endpoint &) const = default;
};

// An event on a span: a Zipkin annotation (cs/sr/ss/cr or free text), a Jaeger log or an OTLP event.
// Event attributes (Jaeger log fields, OTLP event attributes) are kept apart: Trace::annotationFields().
struct Annotation
{
    std::int64_t timestampUs = 0;
    StrId value = 0;
    std::int32_t endpoint = NoIndex; // index into Trace::endpoints()
};
static_assert(sizeof(Annotation) == 16);

// Which event fields belong to an annotation; only annotations that have fields have one.
struct AnnotationFields
{
    std::uint32_t annotation = 0; // index into Trace::annotations()
    std::uint32_t first = 0;      // range in Trace::eventFields()
    std::uint32_t count = 0;
};

struct Tag
{
    StrId key = 0;
    StrId value = 0;
    // Packed into one word: a span has about fifteen tags, so four bytes each is 60 bytes a span.
    std::int32_t endpoint : 27 = NoIndex; // index into Trace::endpoints(); TraceBuilder keeps it below 2^26
    JsonType type : 4 = JsonType::String;
    bool truncated : 1 = false; // value longer than the limit; the raw view still has it whole
};
static_assert(sizeof(Tag) == 12);

// Byte range in the loaded source where a span's JSON came from (two for merged Zipkin v1 halves).
struct RawRange
{
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    bool embedded = false; // the range is a JSON string whose text is the span (spans API responseInfo)
};

namespace SpanFlag {
enum : std::uint16_t {
    Error = 1 << 0,
    Warning = 1 << 1,
    Placeholder = 1 << 2, // stands for a parent that is referenced but missing from the trace
    Orphan = 1 << 3,      // its parent is missing; it hangs under a placeholder
    Shared = 1 << 4,      // merged from a client and a server half reported with the same id
    NoTimestamp = 1 << 5, // the source gave no start time; placed at its parent's start
    CriticalPath = 1 << 6,
    OutsideParent = 1 << 7, // starts before or ends after its parent
    CycleBroken = 1 << 8,
    ExtraServer = 1 << 9, // one more server answering a client span id already merged with its first server
};
}

struct Span
{
    // (Members are ordered by size, widest first, so that the struct has no padding: a million spans
    // are loaded at once.)

    // time, in µs since the epoch; startUs is after clock-skew correction, rawStartUs as read
    std::int64_t startUs = 0;
    std::int64_t durationUs = 0;
    std::int64_t rawStartUs = 0;
    std::int64_t skewShiftUs = 0;   // how far clock-skew correction moved the row (its client side)
    std::int64_t serverShiftUs = 0; // ... and its server side (sr/ss), for a row holding both halves
    std::int64_t selfTimeUs = 0; // filled by TraceBuilder
    double durationMoveAvgUs = std::numeric_limits<double>::quiet_NaN(); // iplatform `durationMoveAvg`
    double warnPct = std::numeric_limits<double>::quiet_NaN(); // `optimize_warn_pct` as a number (200.0% -> 200)

    // identity
    StrId traceId = 0;
    StrId spanId = 0;
    StrId parentId = 0;
    StrId name = 0;
    // `service:instance:transaction` names split; otherwise service from the local endpoint / process.
    StrId service = 0;
    StrId instance = 0;
    StrId transaction = 0;

    std::int32_t localEndpoint = NoIndex;
    std::int32_t remoteEndpoint = NoIndex;
    std::uint32_t firstAnnotation = 0, annotationCount = 0;
    std::uint32_t firstTag = 0, tagCount = 0;
    std::uint32_t firstRaw = 0, rawCount = 0;

    // iplatform extensions (and their equivalents from other formats)
    StrId componentName = 0;  // the `lc` text as given
    StrId busisys = 0;
    StrId serviceInstId = 0;
    StrId warnPctText = 0;
    StrId warnType = 0;
    StrId exceptionClass = 0;
    StrId statusText = 0; // why the span is in error or warning, for tooltips and summaries

    // tree, filled by TraceBuilder
    std::int32_t parent = NoIndex;
    std::uint32_t firstChild = 0, childCount = 0; // range into Trace::childIndex()
    std::uint32_t depth = 0;
    std::uint32_t rowInParent = 0;

    std::uint16_t flags = 0;
    SpanKind kind = SpanKind::Unspecified;
    SkewReason skewReason = SkewReason::None;
    Component component = Component::None;
    std::int8_t succeed = -1; // -1 not given, 0 false, 1 true

    bool hasFlag(std::uint16_t f) const { return (flags & f) != 0; }
    bool isError() const { return hasFlag(SpanFlag::Error); }
    bool isWarning() const { return hasFlag(SpanFlag::Warning); }
    bool isPlaceholder() const { return hasFlag(SpanFlag::Placeholder); }
    bool hasDurationMoveAvg() const { return !std::isnan(durationMoveAvgUs); }
    std::int64_t endUs() const { return startUs + durationUs; }
};

const char *componentKey(Component c);
Component componentFromText(std::string_view text);
const char *spanKindName(SpanKind k);

} // namespace td
