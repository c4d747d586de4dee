#include "tracesummary.h"

namespace td {

using nlohmann::json;

nlohmann::json traceSummary(const Trace &t)
{
    const auto s = [&t](StrId id) { return std::string(t.str(id)); };
    json doc = json::object();
    doc["format"] = std::string(t.format());
    doc["traceId"] = std::string(t.traceId());
    doc["spanCount"] = t.realSpanCount();
    json services = json::array();
    for (auto id : t.services())
        services.push_back(s(id));
    doc["services"] = services;
    doc["startUs"] = t.startUs();
    doc["durationUs"] = t.durationUs();
    json roots = json::array();
    json orphans = json::array();
    for (auto r : t.roots()) {
        const Span &span = t.span(static_cast<std::size_t>(r));
        if (!span.isPlaceholder())
            roots.push_back(s(span.spanId));
    }
    for (auto index : t.preorder()) {
        const Span &span = t.span(static_cast<std::size_t>(index));
        if (span.hasFlag(SpanFlag::Orphan))
            orphans.push_back(s(span.spanId));
    }
    doc["rootIds"] = roots;
    doc["orphanIds"] = orphans;
    doc["errorCount"] = t.errorCount();
    doc["warningCount"] = t.warningCount();
    json problems = json::array();
    for (const auto &p : t.problems())
        problems.push_back({{"severity", Problem::severityName(p.severity)}, {"message", p.message}, {"where", p.where}});
    doc["problems"] = problems;
    json spans = json::array();
    for (auto index : t.preorder()) {
        const Span &span = t.span(static_cast<std::size_t>(index));
        if (span.isPlaceholder())
            continue;
        json j = json::object();
        j["id"] = s(span.spanId);
        j["parentId"] = s(span.parentId);
        j["depth"] = span.depth;
        j["name"] = s(span.name);
        j["service"] = s(span.service);
        j["component"] = span.componentName ? s(span.componentName) : std::string(componentKey(span.component));
        j["startUs"] = span.startUs - t.startUs();
        j["durationUs"] = span.durationUs;
        j["selfTimeUs"] = span.selfTimeUs;
        j["error"] = span.isError();
        j["warning"] = span.isWarning();
        j["criticalPath"] = span.hasFlag(SpanFlag::CriticalPath);
        spans.push_back(std::move(j));
    }
    doc["spans"] = spans;
    return doc;
}

} // namespace td
