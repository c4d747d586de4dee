#pragma once

#include "loadlimits.h"
#include "trace.h"

#include <QString>

#include <memory>
#include <string_view>
#include <utility>

namespace td {

// Collects spans as a reader finds them and turns them into an immutable Trace: merges shared
// client/server halves, links the tree, adds placeholders for missing parents, breaks cycles,
// corrects clock skew, computes self time and the critical path.
//
// Readers call beginSpan(), fill the returned span and add its annotations, tags and raw ranges,
// then endSpan() (or discardSpan() when the span turns out unusable).
class TraceBuilder
{
public:
    struct Limits
    {
        std::size_t maxSpans = loadlimits::defaultMaxSpans();
        std::size_t maxTagValueBytes = loadlimits::DefaultMaxTagValueBytes;
    };

    TraceBuilder();
    explicit TraceBuilder(Limits limits);

    StrId intern(std::string_view text) { return m_trace->m_strings.intern(text); }
    std::string_view str(StrId id) const { return m_trace->m_strings.view(id); }
    std::int32_t addEndpoint(const Endpoint &endpoint);

    Span &beginSpan();
    Span &currentSpan() { return m_trace->m_spans.back(); }
    // A span already ended, by the order it was begun (readers resolving references at the end).
    Span *spanAt(std::size_t index) { return index < m_trace->m_spans.size() ? &m_trace->m_spans[index] : nullptr; }
    void addAnnotation(std::int64_t timestampUs, std::string_view value, std::int32_t endpoint = NoIndex);
    // A field (Jaeger log field, OTLP event attribute) of the annotation added last.
    void addAnnotationField(std::string_view key, std::string_view value, JsonType type = JsonType::String);
    void addTag(std::string_view key, std::string_view value, JsonType type = JsonType::String,
                std::int32_t endpoint = NoIndex);
    // The same for a reader whose texts stay where they are until endSpan() or discardSpan() (a mapped file,
    // a parsed document): they are interned when the span ends, all together, their cache misses overlapping.
    void addTagDeferred(std::string_view key, std::string_view value, JsonType type = JsonType::String,
                        std::int32_t endpoint = NoIndex);
    // Sets a string field of the open span to `text` when it ends (as above: the text must stay valid till then).
    void internDeferred(StrId Span::*field, std::string_view text);
    void addRawRange(const RawRange &range);
    // Interprets the span's tags (iplatform keys, HTTP status, error tags), splits its name, and keeps it.
    // Returns false when the span limit was reached (the span is dropped and a problem reported once).
    bool endSpan();
    void discardSpan();

    // Moves everything another builder collected (from the next part of the same input, read in another
    // thread) to the end of this one: strings and endpoints are re-interned, indexes shifted, problems kept.
    void append(TraceBuilder &&other);

    // Room for this many spans in all, the other tables scaled by what the spans so far needed. A reader
    // that can estimate the size of its input calls it once, early, so that the large tables do not grow by
    // copying (each copy faults in fresh pages). Only capacity: a wrong estimate costs address space.
    void reserveFor(std::size_t spans);

    void addProblem(Problem problem);
    const std::vector<Problem> &problems() const { return m_trace->m_problems; }
    std::vector<Problem> &problems() { return m_trace->m_problems; }
    std::size_t spanCount() const { return m_trace->m_spans.size(); }

    void setFormat(std::string format) { m_trace->m_format = std::move(format); }
    std::string_view format() const { return m_trace->m_format; }
    void setSource(const QString &name, const QString &path, std::uint64_t size);
    void setSourceBytes(std::shared_ptr<const std::string> bytes) { m_trace->m_sourceBytes = std::move(bytes); }
    // The trace id the source announced (e.g. the one asked for); spans from other traces are reported.
    void setExpectedTraceId(std::string traceId) { m_expectedTraceId = std::move(traceId); }

    std::shared_ptr<Trace> finish();

private:
    void noteTruncated(std::string_view key, std::size_t bytes);
    // A tag's key and value as kept: sa/ca/ma keys canonical, the value cut at the limit (noted when it is).
    std::pair<std::string_view, std::string_view> tagTexts(std::string_view key, std::string_view value, bool *truncated);
    void dropAnnotationsFrom(std::uint32_t annotation); // with their event fields
    void interpretTags(Span &span);
    void splitName(Span &span);
    void linkTree();
    void breakCycles();
    void placeUntimed();
    void orderChildren();
    void computeSelfTimes();
    void markCriticalPath();
    void summarise();

    std::uint32_t shareTag(const Tag &tag, std::uint64_t hash); // hash: tagHash(tag)
    void sharePendingTags(); // the open span's tags, into the tag table and its tag list
    void internPendingTexts(); // the open span's deferred texts, into its fields and pending tags
    void reserveTags(std::size_t tags); // index room for this many distinct tags in all
    void compactTags();

    std::shared_ptr<Trace> m_trace;
    // Finds the entry of the trace's tag table equal to a tag: open addressing, slot = entry index + 1.
    std::vector<std::uint32_t> m_tagSlots;
    static constexpr std::uint32_t NoText = ~0u;
    struct PendingTag
    {
        Tag tag;
        std::uint64_t hash;
        std::uint32_t keyText = NoText; // deferred: index in m_pendingTexts of the key and of the value
        std::uint32_t valueText = NoText;
    };
    std::vector<PendingTag> m_pendingTags; // of the open span, shared when it ends
    std::vector<std::string_view> m_pendingTexts; // of the open span, interned when it ends
    std::vector<StrId> m_pendingIds;
    std::vector<std::pair<StrId Span::*, std::uint32_t>> m_pendingFields;
    Limits m_limits;
    std::string m_expectedTraceId;
    bool m_spanOpen = false;
    std::size_t m_droppedSpans = 0;     // over maxSpans
    std::size_t m_truncatedSpans = 0;   // spans with a value cut at maxTagValueBytes
    std::string m_truncatedKey;         // of the open span: the first value cut, and its full size
    std::size_t m_truncatedBytes = 0;
};

} // namespace td
