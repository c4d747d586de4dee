#include "spansearch.h"

#include "spantreemodel.h"

namespace td {

std::vector<std::int32_t> findSpans(const Trace &trace, const QString &text, const std::atomic<bool> *cancel)
{
    std::vector<std::int32_t> found;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return found;
    // Each distinct string is tested once; spans then look their strings up.
    std::vector<signed char> hit(trace.strings().size(), -1);
    const auto matches = [&](StrId id) {
        if (!id)
            return false;
        if (id >= hit.size())
            return trace.qstr(id).contains(needle, Qt::CaseInsensitive);
        signed char &h = hit[id];
        if (h < 0)
            h = trace.qstr(id).contains(needle, Qt::CaseInsensitive) ? 1 : 0;
        return h == 1;
    };
    std::size_t seen = 0;
    for (const std::int32_t i : trace.preorder()) {
        if (cancel && (++seen & 4095) == 0 && cancel->load(std::memory_order_relaxed))
            return found;
        const Span &s = trace.span(static_cast<std::size_t>(i));
        bool m = matches(s.name) || matches(s.service);
        for (auto t = trace.tagsBegin(s); !m && t != trace.tagsEnd(s); ++t)
            m = matches(t->key) || matches(t->value);
        if (m)
            found.push_back(i);
    }
    return found;
}

} // namespace td
