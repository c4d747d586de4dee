// The fast Zipkin path split between threads must give exactly what one thread gives, whatever the bytes:
// the split points are guesses that the previous part checks, and a wrong one must never show. Aborts on any
// difference; each input is read by one thread and by three, with the split forced however small it is.
#include "fuzzreader.h"

#include <cstdlib>

namespace {

std::string digest(const td::LoadResult &r)
{
    std::string out = r.ok() ? "ok" : "failed: " + r.error.toStdString();
    if (!r.ok())
        return out;
    const td::Trace &t = *r.trace;
    out += " " + std::string(t.format()) + " " + std::to_string(t.spanCount());
    for (const td::Span &s : t.spans()) {
        out += "|" + std::string(t.str(s.spanId)) + "<" + std::string(t.str(s.parentId)) + " " + std::to_string(s.startUs) + "+"
            + std::to_string(s.durationUs) + " f" + std::to_string(s.flags);
        for (auto g = t.tagsBegin(s); g != t.tagsEnd(s); ++g)
            out += " " + std::string(t.str(g->key)) + "=" + std::string(t.str(g->value));
        for (auto a = t.annotationsBegin(s); a != t.annotationsEnd(s); ++a)
            out += " @" + std::to_string(a->timestampUs) + std::string(t.str(a->value));
    }
    for (const auto &p : t.problems())
        out += "|" + p.message + "@" + p.where + "#" + std::to_string(p.span);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto bytes = std::make_shared<const std::string>(reinterpret_cast<const char *>(data), size);
    td::LoadOptions one;
    one.threads = 1;
    one.limits.maxTagValueBytes = 256;
    td::LoadOptions split = one;
    split.threads = 3;
    split.splitAboveBytes = 0;
    const auto a = td::loadTraceBytes(bytes, QStringLiteral("fuzz.json"), one);
    const auto b = td::loadTraceBytes(bytes, QStringLiteral("fuzz.json"), split);
    if (digest(a) != digest(b))
        std::abort();
    if (b.trace)
        td::fuzz::walk(*b.trace);
    return 0;
}
