#include "formatreader.h"

#include "jsonutil.h"

#include <limits>

namespace td {

using nlohmann::json;
namespace ju = jsonutil;

namespace {

// Why a failed operation failed: its message, else the error in its response ({"error":{code,message}}).
std::string failureText(const json &record)
{
    if (const json *message = ju::field(record, "message"); message && !message->is_null()) {
        if (auto text = ju::anyText(*message); !text.empty())
            return text;
    }
    const json response = ju::structured(record, "response");
    const json *error = ju::field(response, "error");
    if (!error)
        return {};
    if (!error->is_object())
        return ju::anyText(*error);
    const auto code = ju::text(*error, "code");
    const auto message = ju::text(*error, "message");
    if (!code.empty() && !message.empty())
        return code + ": " + message;
    return message.empty() ? code : message;
}

// Reads cloud audit (CTS) trace records: each record is one operation, shown as a root span from the time it
// happened to the time it was recorded (both in ms), under its service type; the rating drives the colour
// (warning: the operation failed; incident: it had serious consequences).
class CtsReader : public FormatReader
{
public:
    void readSpan(const json &r, const SpanContext &ctx, TraceBuilder &b) override
    {
        const auto id = ju::text(r, "trace_id");
        Span &span = b.beginSpan();
        if (id.empty()) {
            skipSpan(b, ctx, "the record has no trace_id");
            return;
        }
        // A record's trace_id names the operation, not a trace of several spans; every record is its own root
        // and they share no trace id, so a list of records is not reported as a mix of traces.
        span.spanId = b.intern(id);
        span.name = b.intern(ju::text(r, "trace_name"));
        // Milliseconds since the epoch; a value that does not fit in µs is no time at all.
        const auto millis = [&r](const char *key) -> std::optional<std::int64_t> {
            const auto ms = ju::integer(r, key);
            if (ms && *ms > 0 && *ms <= std::numeric_limits<std::int64_t>::max() / 1000)
                return ms;
            return std::nullopt;
        };
        const auto time = millis("time");
        const auto recorded = millis("record_time");
        if (time) {
            span.startUs = *time * 1000;
            if (recorded && *recorded > *time)
                span.durationUs = (*recorded - *time) * 1000;
        } else if (recorded) {
            span.startUs = *recorded * 1000;
        } else {
            span.flags |= SpanFlag::NoTimestamp;
        }
        Endpoint ep;
        ep.service = b.intern(ju::text(r, "service_type"));
        ep.ipv4 = b.intern(ju::text(r, "source_ip"));
        span.localEndpoint = b.addEndpoint(ep);
        span.service = ep.service;
        addRaw(b, ctx);

        for (const auto &[key, value] : r.items()) {
            if (key == "trace_id" || key == "trace_name" || key == "time" || key == "service_type")
                continue;
            // user, request and response are JSON text; they stay text, the detail view formats them.
            b.addTag(key, ju::anyText(value), ju::typeOf(value));
        }

        const auto rating = ju::text(r, "trace_rating");
        if (rating == "warning" || rating == "incident") {
            Span &cur = b.currentSpan();
            cur.flags |= rating == "incident" ? SpanFlag::Error : SpanFlag::Warning;
            const auto why = failureText(r);
            cur.statusText = b.intern(why.empty() ? rating : why);
        }
        b.endSpan();
    }
};

} // namespace

std::unique_ptr<FormatReader> makeCtsReader()
{
    return std::make_unique<CtsReader>();
}

} // namespace td
