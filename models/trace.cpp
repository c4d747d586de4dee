#include "trace.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace td {

QString Trace::qstr(StrId id) const
{
    const auto v = m_strings.view(id);
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

const Endpoint *Trace::endpoint(std::int32_t index) const
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_endpoints.size())
        return nullptr;
    return &m_endpoints[static_cast<std::size_t>(index)];
}

const Tag *Trace::findTag(const Span &s, std::string_view key) const
{
    StrId id = 0;
    if (!m_strings.find(key, &id))
        return nullptr;
    for (auto it = tagsBegin(s); it != tagsEnd(s); ++it)
        if (it->key == id)
            return &*it;
    return nullptr;
}

std::int32_t Trace::findSpan(std::string_view spanId) const
{
    StrId id = 0;
    if (!m_strings.find(spanId, &id))
        return -1;
    const auto it = std::lower_bound(m_idIndex.begin(), m_idIndex.end(), id,
                                     [](const auto &e, StrId v) { return e.first < v; });
    if (it != m_idIndex.end() && it->first == id)
        return it->second;
    // Placeholders are not in the id index.
    for (std::size_t i = m_spans.size() - m_placeholderCount; i < m_spans.size(); ++i)
        if (m_spans[i].spanId == id)
            return static_cast<std::int32_t>(i);
    return -1;
}

RpcTimes Trace::rpcTimes(const Span &s) const
{
    RpcTimes r;
    for (const Annotation *a = annotationsBegin(s); a != annotationsEnd(s); ++a) {
        const std::string_view v = str(a->value);
        std::int64_t *slot = v == "cs" ? &r.cs : v == "sr" ? &r.sr : v == "ss" ? &r.ss : v == "cr" ? &r.cr : nullptr;
        if (slot && !*slot)
            *slot = a->timestampUs;
    }
    return r;
}

RpcTimes Trace::adjustedRpcTimes(const Span &s) const
{
    RpcTimes r = rpcTimes(s);
    const auto shift = [](std::int64_t &t, std::int64_t by) {
        if (t)
            t += by;
    };
    shift(r.cs, s.skewShiftUs);
    shift(r.cr, s.skewShiftUs);
    shift(r.sr, s.serverShiftUs);
    shift(r.ss, s.serverShiftUs);
    return r;
}

std::int32_t Trace::primaryRoot() const
{
    // The earliest root that is a real span; else the earliest root.
    for (auto r : m_roots)
        if (!m_spans[static_cast<std::size_t>(r)].isPlaceholder())
            return r;
    return m_roots.empty() ? -1 : m_roots.front();
}

std::string Trace::rawJson(std::size_t spanIndex) const
{
    if (spanIndex >= m_spans.size())
        return {};
    const Span &s = m_spans[spanIndex];
    std::vector<std::string> parts;
    QFile file;
    if (!m_sourceBytes && !m_sourcePath.isEmpty()) {
        file.setFileName(m_sourcePath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
    }
    for (std::uint32_t k = s.firstRaw; k < s.firstRaw + s.rawCount; ++k) {
        const RawRange &r = m_rawRanges[k];
        std::string bytes;
        if (m_sourceBytes) {
            if (r.offset + r.length > m_sourceBytes->size())
                continue;
            bytes = m_sourceBytes->substr(r.offset, r.length);
        } else {
            if (!file.seek(static_cast<qint64>(r.offset)))
                continue;
            const QByteArray data = file.read(r.length);
            bytes.assign(data.constData(), static_cast<std::size_t>(data.size()));
        }
        if (r.embedded) {
            // The range is a JSON string holding the span (spans API), after the separators before it;
            // show the span itself.
            if (const auto quote = bytes.find('"'); quote != std::string::npos)
                bytes.erase(0, quote);
            const auto str = nlohmann::json::parse(bytes, nullptr, false);
            if (str.is_string())
                bytes = str.get<std::string>();
        }
        const auto doc = nlohmann::json::parse(bytes, nullptr, false);
        parts.push_back(doc.is_discarded() ? bytes : doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    if (parts.size() == 1)
        return parts.front();
    std::string out = "[\n";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += parts[i];
        out += i + 1 < parts.size() ? ",\n" : "\n";
    }
    out += "]";
    return out;
}

Trace::TagRange Trace::annotationFields(const Annotation &annotation) const
{
    if (m_annotations.empty() || &annotation < m_annotations.data() || &annotation >= m_annotations.data() + m_annotations.size())
        return {};
    const auto index = static_cast<std::uint32_t>(&annotation - m_annotations.data());
    const auto it = std::lower_bound(m_annotationFields.begin(), m_annotationFields.end(), index,
                                     [](const AnnotationFields &f, std::uint32_t i) { return f.annotation < i; });
    if (it == m_annotationFields.end() || it->annotation != index || it->first + it->count > m_eventFields.size())
        return {};
    return {m_eventFields.data() + it->first, m_eventFields.data() + it->first + it->count};
}

std::size_t Trace::memoryBytes() const
{
    // The span and tag arrays by size: TraceBuilder::finish() hands the pages of their unused room back.
    return m_strings.byteSize() + m_spans.size() * sizeof(Span) + m_childIndex.capacity() * sizeof(std::int32_t)
        + m_roots.capacity() * sizeof(std::int32_t) + m_preorder.capacity() * sizeof(std::int32_t)
        + m_endpoints.size() * sizeof(Endpoint) + m_annotations.size() * sizeof(Annotation)
        + (m_tagTable.size() + m_eventFields.size()) * sizeof(Tag) + m_tagRefs.size() * sizeof(std::uint32_t)
        + m_rawRanges.size() * sizeof(RawRange) + m_idIndex.capacity() * sizeof(m_idIndex.front())
        + m_annotationFields.size() * sizeof(AnnotationFields);
}

} // namespace td
