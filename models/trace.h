#pragma once

#include "problem.h"
#include "span.h"
#include "stringtable.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace td {

// The first cs/sr/ss/cr annotation times of a span (0 where absent): the RPC's wire and server segments.
struct RpcTimes
{
    std::int64_t cs = 0, sr = 0, ss = 0, cr = 0;
};

// Walks a span's tags: references into the table of distinct tags.
class TagIterator
{
public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Tag;
    using difference_type = std::ptrdiff_t;
    using pointer = const Tag *;
    using reference = const Tag &;

    TagIterator() = default;
    TagIterator(const Tag *table, const std::uint32_t *ref) : m_table(table), m_ref(ref) {}
    const Tag &operator*() const { return m_table[*m_ref]; }
    const Tag *operator->() const { return &m_table[*m_ref]; }
    // The tag's index in Trace::distinctTags().
    std::uint32_t entry() const { return *m_ref; }
    const Tag &operator[](difference_type n) const { return m_table[m_ref[n]]; }
    TagIterator &operator++() { ++m_ref; return *this; }
    TagIterator operator++(int) { auto old = *this; ++m_ref; return old; }
    TagIterator &operator--() { --m_ref; return *this; }
    TagIterator &operator+=(difference_type n) { m_ref += n; return *this; }
    TagIterator operator+(difference_type n) const { return {m_table, m_ref + n}; }
    difference_type operator-(const TagIterator &o) const { return m_ref - o.m_ref; }
    bool operator==(const TagIterator &o) const { return m_ref == o.m_ref; }
    bool operator!=(const TagIterator &o) const { return m_ref != o.m_ref; }

private:
    const Tag *m_table = nullptr;
    const std::uint32_t *m_ref = nullptr;
};

// A loaded trace: spans flat, strings interned, children as index ranges. Built once by TraceBuilder,
// then published as std::shared_ptr<const Trace> and never changed.
class Trace
{
public:
    const std::vector<Span> &spans() const { return m_spans; }
    const Span &span(std::size_t index) const { return m_spans.at(index); }
    std::size_t spanCount() const { return m_spans.size(); }
    // Spans read from the source, without placeholders for missing parents.
    std::size_t realSpanCount() const { return m_spans.size() - m_placeholderCount; }

    std::string_view str(StrId id) const { return m_strings.view(id); }
    QString qstr(StrId id) const;
    const StringTable &strings() const { return m_strings; }

    const std::vector<std::int32_t> &roots() const { return m_roots; }
    // Children of a span, ordered by start time.
    const std::int32_t *childrenBegin(const Span &s) const { return m_childIndex.data() + s.firstChild; }
    const std::int32_t *childrenEnd(const Span &s) const { return m_childIndex.data() + s.firstChild + s.childCount; }
    std::int32_t child(const Span &s, std::uint32_t row) const { return m_childIndex.at(s.firstChild + row); }
    // Depth-first order, children by start time: the order of the tree when everything is expanded.
    const std::vector<std::int32_t> &preorder() const { return m_preorder; }

    const std::vector<Endpoint> &endpoints() const { return m_endpoints; }
    const Endpoint *endpoint(std::int32_t index) const;
    const std::vector<Annotation> &annotations() const { return m_annotations; }
    // The distinct tags of the trace (spans that carry the same key, value and endpoint share one entry).
    const std::vector<Tag> &distinctTags() const { return m_tagTable; }
    const std::vector<Tag> &eventFields() const { return m_eventFields; }
    // The fields (Jaeger log fields, OTLP event attributes) of one annotation of this trace.
    struct TagRange
    {
        const Tag *first = nullptr, *last = nullptr;
        const Tag *begin() const { return first; }
        const Tag *end() const { return last; }
        std::size_t size() const { return static_cast<std::size_t>(last - first); }
    };
    TagRange annotationFields(const Annotation &annotation) const;
    const Annotation *annotationsBegin(const Span &s) const { return m_annotations.data() + s.firstAnnotation; }
    const Annotation *annotationsEnd(const Span &s) const { return annotationsBegin(s) + s.annotationCount; }
    // A span's tags in source order (iterators over shared entries: use auto, ->, *, ++).
    TagIterator tagsBegin(const Span &s) const { return {m_tagTable.data(), m_tagRefs.data() + s.firstTag}; }
    TagIterator tagsEnd(const Span &s) const { return {m_tagTable.data(), m_tagRefs.data() + s.firstTag + s.tagCount}; }
    // cs/sr/ss/cr as recorded (0 when absent), and as corrected for clock skew: the client's by the
    // row's skewShiftUs, the server's by its serverShiftUs.
    RpcTimes rpcTimes(const Span &s) const;
    RpcTimes adjustedRpcTimes(const Span &s) const;
    // The value of the first tag with this key, or nullptr.
    const Tag *findTag(const Span &s, std::string_view key) const;
    const std::vector<RawRange> &rawRanges() const { return m_rawRanges; }

    const std::vector<Problem> &problems() const { return m_problems; }
    std::size_t errorCount() const { return m_errorCount; }
    std::size_t warningCount() const { return m_warningCount; }
    const std::vector<StrId> &services() const { return m_services; } // sorted by text
    std::int32_t findSpan(std::string_view spanId) const;              // first span with this id, or -1

    std::int64_t startUs() const { return m_startUs; } // earliest (adjusted) span start
    std::int64_t endUs() const { return m_endUs; }
    std::int64_t durationUs() const { return m_endUs - m_startUs; }
    std::string_view traceId() const { return m_traceId; }
    std::string_view format() const { return m_format; }
    // Where the trace came from: a file path or "profile/project" for fetched traces.
    const QString &sourceName() const { return m_sourceName; }
    // The bytes the trace was read from when they are kept in memory (fetched traces); else empty.
    const std::shared_ptr<const std::string> &sourceBytes() const { return m_sourceBytes; }
    const QString &sourcePath() const { return m_sourcePath; }
    std::uint64_t sourceSize() const { return m_sourceSize; }

    // The span exactly as read, from its byte range(s) in the source; several halves joined as an array.
    std::string rawJson(std::size_t spanIndex) const;
    // Index of the root span whose subtree starts first, the trace's "root" for summaries; -1 if empty.
    std::int32_t primaryRoot() const;
    // Bytes held by the model (spans, tables and strings), for the memory figures.
    std::size_t memoryBytes() const;

private:
    friend class TraceBuilder;
    friend class SharedSpans;
    friend class ClockSkew;

    StringTable m_strings;
    std::vector<Span> m_spans;
    std::vector<std::int32_t> m_childIndex;
    std::vector<std::int32_t> m_roots;
    std::vector<std::int32_t> m_preorder;
    std::vector<Endpoint> m_endpoints;
    std::vector<Annotation> m_annotations;
    // Tags are shared: iplatform spans repeat most of theirs (lc, succeed, busisys, ...) span after span, so
    // each span holds 4-byte references into a table of distinct tags.
    std::vector<Tag> m_tagTable;
    std::vector<std::uint32_t> m_tagRefs;
    std::vector<Tag> m_eventFields;
    std::vector<AnnotationFields> m_annotationFields; // sorted by annotation index
    std::vector<RawRange> m_rawRanges;
    std::vector<Problem> m_problems;
    std::vector<StrId> m_services;
    std::vector<std::pair<StrId, std::int32_t>> m_idIndex; // sorted by span id StrId for findSpan
    std::size_t m_errorCount = 0;
    std::size_t m_warningCount = 0;
    std::size_t m_placeholderCount = 0;
    std::int64_t m_startUs = 0;
    std::int64_t m_endUs = 0;
    std::string m_traceId;
    std::string m_format;
    QString m_sourceName;
    QString m_sourcePath;
    std::uint64_t m_sourceSize = 0;
    std::shared_ptr<const std::string> m_sourceBytes;
};

using TracePtr = std::shared_ptr<const Trace>;

} // namespace td
