#include "analysis.h"

#include "extensionkeys.h"
#include "iplatformtext.h"

#include <QIODevice>
#include <QStringList>

#include <algorithm>
#include <future>
#include <limits>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace td {

namespace {

using iplatform::isNone;
using iplatform::trimValue;

QString qtext(std::string_view v)
{
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

std::int64_t clampedDuration(const Span &s)
{
    return std::max<std::int64_t>(0, s.durationUs);
}

// Sorts by self total, then total, descending; ties keep their order. Sorts positions, not the rows, which
// are large (names and span lists) and may be tens of thousands (one per distinct operation).
void sortBySelfTime(std::vector<AggregateRow> &rows)
{
    std::vector<std::uint32_t> order(rows.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&rows](std::uint32_t a, std::uint32_t b) {
        return std::tie(rows[b].selfTotalUs, rows[b].totalUs) < std::tie(rows[a].selfTotalUs, rows[a].totalUs);
    });
    std::vector<AggregateRow> sorted;
    sorted.reserve(rows.size());
    for (const std::uint32_t i : order)
        sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
}

// Groups the spans (tree order) by a 64-bit key. The first pass gives each span its group through a flat
// open-addressing index, the second fills the groups with exactly sized span lists: one allocation per
// group, none per span.
template<typename KeyOf, typename Name>
std::vector<AggregateRow> groupSpans(const Trace &trace, KeyOf keyOf, Name nameRow)
{
    constexpr std::uint32_t None = std::numeric_limits<std::uint32_t>::max();
    const auto &order = trace.preorder();
    std::vector<std::uint32_t> groupOf(order.size(), None);
    std::vector<std::uint64_t> keys;
    std::vector<std::int32_t> firstSpan;
    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> index(64, None);
    const auto home = [](std::uint64_t key, std::size_t mask) {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    };
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        const Span &s = trace.span(static_cast<std::size_t>(order[pos]));
        if (s.isPlaceholder())
            continue;
        const std::uint64_t key = keyOf(s);
        std::size_t mask = index.size() - 1;
        std::size_t slot = home(key, mask);
        while (index[slot] != None && keys[index[slot]] != key)
            slot = (slot + 1) & mask;
        if (index[slot] == None) {
            const auto group = static_cast<std::uint32_t>(keys.size());
            keys.push_back(key);
            firstSpan.push_back(order[pos]);
            counts.push_back(0);
            if (keys.size() * 2 > index.size()) {
                index.assign(index.size() * 2, None);
                mask = index.size() - 1;
                for (std::uint32_t g = 0; g < keys.size(); ++g) {
                    std::size_t k = home(keys[g], mask);
                    while (index[k] != None)
                        k = (k + 1) & mask;
                    index[k] = g;
                }
            } else {
                index[slot] = group;
            }
            groupOf[pos] = group;
        } else {
            groupOf[pos] = index[slot];
        }
        ++counts[groupOf[pos]];
    }

    std::vector<AggregateRow> rows(keys.size());
    for (std::size_t g = 0; g < rows.size(); ++g) {
        AggregateRow &r = rows[g];
        nameRow(r, trace.span(static_cast<std::size_t>(firstSpan[g])), keys[g]);
        r.minUs = std::numeric_limits<std::int64_t>::max();
        r.spans.reserve(counts[g]);
    }
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        if (groupOf[pos] == None)
            continue;
        const Span &s = trace.span(static_cast<std::size_t>(order[pos]));
        AggregateRow &r = rows[groupOf[pos]];
        const std::int64_t d = clampedDuration(s);
        ++r.count;
        r.totalUs += d;
        r.minUs = std::min(r.minUs, d);
        r.maxUs = std::max(r.maxUs, d);
        r.selfTotalUs += s.selfTimeUs;
        r.spans.push_back(order[pos]);
    }
    const auto traceUs = static_cast<double>(trace.durationUs());
    for (AggregateRow &r : rows)
        r.percentOfTrace = traceUs > 0 ? 100.0 * static_cast<double>(r.selfTotalUs) / traceUs : 0.0;
    sortBySelfTime(rows);
    return rows;
}

// The text of a string id, converted once: rows of one service share its QString.
class NameCache
{
public:
    explicit NameCache(const Trace &trace) : m_trace(trace) {}
    const QString &operator()(StrId id)
    {
        auto [it, inserted] = m_names.try_emplace(id);
        if (inserted)
            it->second = m_trace.qstr(id);
        return it->second;
    }

private:
    const Trace &m_trace;
    std::unordered_map<StrId, QString> m_names;
};

std::uint64_t pairKey(StrId a, StrId b)
{
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

// The id of a tag key in the trace's string table, or 0 when no span has it (0 is the empty string,
// which is never a key we look for).
StrId keyId(const Trace &trace, std::string_view key)
{
    StrId id = 0;
    return key.empty() || !trace.strings().find(key, &id) ? 0 : id;
}

// Finds a span's first tag with one key, for every span of a trace in turn. Which distinct tags have the key
// is worked out once, a bit per entry of the tag table (small enough to stay in the cache): a span's tags are
// then looked at without reading the table entries of those with other keys, a cache miss each at a million
// spans.
class TagFinder
{
public:
    TagFinder(const Trace &trace, StrId key) : m_trace(trace)
    {
        if (!key)
            return;
        const auto &table = trace.distinctTags();
        m_hasKey.resize(table.size());
        for (std::size_t i = 0; i < table.size(); ++i)
            m_hasKey[i] = table[i].key == key;
    }

    const Tag *find(const Span &s) const
    {
        if (m_hasKey.empty())
            return nullptr;
        for (auto t = m_trace.tagsBegin(s); t != m_trace.tagsEnd(s); ++t)
            if (m_hasKey[t.entry()])
                return &*t;
        return nullptr;
    }

private:
    const Trace &m_trace;
    std::vector<bool> m_hasKey;
};

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
        || static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

QString componentGroup(const Trace &trace, const Span &span)
{
    switch (span.component) {
    case Component::None: return QStringLiteral("other");
    case Component::Other: {
        const QString text = trace.qstr(span.componentName).trimmed().toLower();
        return text.isEmpty() ? QStringLiteral("other") : text;
    }
    default: return QLatin1String(componentKey(span.component));
    }
}

std::vector<AggregateRow> aggregate(const Trace &trace, GroupBy by, std::string_view tagKey)
{
    switch (by) {
    case GroupBy::Service:
        return groupSpans(
            trace, [](const Span &s) { return std::uint64_t{s.service}; },
            [&](AggregateRow &r, const Span &s, std::uint64_t) { r.name = trace.qstr(s.service); });
    case GroupBy::Operation:
        return groupSpans(
            trace, [](const Span &s) { return std::uint64_t{s.name}; },
            [&](AggregateRow &r, const Span &s, std::uint64_t) { r.name = trace.qstr(s.name); });
    case GroupBy::ServiceOperation: {
        NameCache services(trace);
        return groupSpans(
            trace, [](const Span &s) { return pairKey(s.service, s.name); },
            [&](AggregateRow &r, const Span &s, std::uint64_t) {
                r.name = services(s.service);
                r.detail = trace.qstr(s.name);
            });
    }
    case GroupBy::Component: {
        // By kind, and for kinds we do not know by the `lc` text; rows whose names differ only in case merge below.
        auto rows = groupSpans(
            trace,
            [](const Span &s) {
                return pairKey(static_cast<StrId>(s.component), s.component == Component::Other ? s.componentName : 0);
            },
            [&](AggregateRow &r, const Span &s, std::uint64_t) {
                r.name = componentGroup(trace, s);
                r.missing = s.component == Component::None;
            });
        for (std::size_t a = 0; a < rows.size(); ++a) {
            for (std::size_t b = a + 1; b < rows.size();) {
                if (rows[b].name != rows[a].name) {
                    ++b;
                    continue;
                }
                AggregateRow &into = rows[a];
                into.count += rows[b].count;
                into.totalUs += rows[b].totalUs;
                into.selfTotalUs += rows[b].selfTotalUs;
                into.minUs = std::min(into.minUs, rows[b].minUs);
                into.maxUs = std::max(into.maxUs, rows[b].maxUs);
                into.percentOfTrace += rows[b].percentOfTrace;
                into.spans.insert(into.spans.end(), rows[b].spans.begin(), rows[b].spans.end());
                std::sort(into.spans.begin(), into.spans.end(), [&trace](std::int32_t x, std::int32_t y) {
                    return trace.span(static_cast<std::size_t>(x)).startUs < trace.span(static_cast<std::size_t>(y)).startUs;
                });
                rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(b));
            }
        }
        sortBySelfTime(rows);
        return rows;
    }
    case GroupBy::TagKey: {
        const TagFinder finder(trace, keyId(trace, tagKey));
        // Spans without the tag share one group; StrId max never names a string.
        constexpr std::uint64_t noTag = std::numeric_limits<std::uint64_t>::max();
        return groupSpans(
            trace,
            [&](const Span &s) {
                const Tag *t = finder.find(s);
                return t ? std::uint64_t{t->value} : noTag;
            },
            [&](AggregateRow &r, const Span &, std::uint64_t k) {
                r.missing = k == noTag;
                if (!r.missing)
                    r.name = qtext(trimValue(trace.str(static_cast<StrId>(k))));
            });
    }
    }
    return {};
}

std::vector<AggregateRow> reduceTopN(std::vector<AggregateRow> rows, std::size_t n, bool bySelf)
{
    std::stable_sort(rows.begin(), rows.end(), [bySelf](const AggregateRow &a, const AggregateRow &b) {
        return bySelf ? std::tie(b.selfTotalUs, b.totalUs) < std::tie(a.selfTotalUs, a.totalUs)
                      : std::tie(b.totalUs, b.selfTotalUs) < std::tie(a.totalUs, a.selfTotalUs);
    });
    if (rows.size() <= n + 1) // folding a single row into "other" would only hide its name
        return rows;
    AggregateRow rest;
    rest.name = QStringLiteral("other");
    rest.rest = true;
    rest.minUs = std::numeric_limits<std::int64_t>::max();
    for (std::size_t k = n; k < rows.size(); ++k) {
        const AggregateRow &r = rows[k];
        rest.count += r.count;
        rest.totalUs += r.totalUs;
        rest.selfTotalUs += r.selfTotalUs;
        rest.minUs = std::min(rest.minUs, r.minUs);
        rest.maxUs = std::max(rest.maxUs, r.maxUs);
        rest.percentOfTrace += r.percentOfTrace;
        rest.spans.insert(rest.spans.end(), r.spans.begin(), r.spans.end());
    }
    std::sort(rest.spans.begin(), rest.spans.end());
    rows.resize(n);
    rows.push_back(std::move(rest));
    return rows;
}

std::int64_t logBucketFloor(std::int64_t d)
{
    if (d < 1)
        return 0;
    std::int64_t p = 1;
    while (p <= d / 10)
        p *= 10;
    if (d >= 5 * p)
        return 5 * p;
    if (d >= 2 * p)
        return 2 * p;
    return p;
}

std::int64_t logBucketNext(std::int64_t edge)
{
    if (edge < 1)
        return 1;
    std::int64_t p = 1;
    while (p <= edge / 10)
        p *= 10;
    const std::int64_t mantissa = edge / p;
    const std::int64_t next = mantissa >= 5 ? 10 : (mantissa >= 2 ? 5 : 2);
    if (p > std::numeric_limits<std::int64_t>::max() / next)
        return std::numeric_limits<std::int64_t>::max();
    return next * p;
}

int DurationHistogram::bucketOf(std::int64_t durationUs) const
{
    const std::int64_t d = std::max<std::int64_t>(0, durationUs);
    const auto it = std::upper_bound(buckets.begin(), buckets.end(), d,
                                     [](std::int64_t v, const Bucket &b) { return v < b.highUs; });
    if (it == buckets.end() || d < it->lowUs)
        return -1;
    return static_cast<int>(it - buckets.begin());
}

DurationHistogram durationHistogram(const Trace &trace)
{
    DurationHistogram h;
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = -1;
    for (const Span &s : trace.spans()) {
        if (s.isPlaceholder())
            continue;
        lo = std::min(lo, clampedDuration(s));
        hi = std::max(hi, clampedDuration(s));
    }
    if (hi < 0)
        return h;
    const std::int64_t last = logBucketFloor(hi);
    for (std::int64_t edge = logBucketFloor(lo);; edge = logBucketNext(edge)) {
        h.buckets.push_back({edge, logBucketNext(edge), 0});
        if (edge >= last || h.buckets.back().highUs == std::numeric_limits<std::int64_t>::max())
            break;
    }
    for (const Span &s : trace.spans()) {
        if (s.isPlaceholder())
            continue;
        const int b = h.bucketOf(clampedDuration(s));
        if (b >= 0)
            ++h.buckets[static_cast<std::size_t>(b)].count;
    }
    return h;
}

std::vector<std::int32_t> spansWithDuration(const Trace &trace, std::int64_t lowUs, std::int64_t highUs)
{
    std::vector<std::int32_t> out;
    for (const std::int32_t i : trace.preorder()) {
        const Span &s = trace.span(static_cast<std::size_t>(i));
        const std::int64_t d = clampedDuration(s);
        if (!s.isPlaceholder() && d >= lowUs && d < highUs)
            out.push_back(i);
    }
    return out;
}

std::vector<SlowSpan> slowerThanUsual(const Trace &trace)
{
    std::vector<SlowSpan> out;
    for (const std::int32_t i : trace.preorder()) {
        const Span &s = trace.span(static_cast<std::size_t>(i));
        if (s.isPlaceholder() || !s.hasDurationMoveAvg() || !(s.durationMoveAvgUs > 0)
            || static_cast<double>(s.durationUs) <= s.durationMoveAvgUs)
            continue;
        SlowSpan slow;
        slow.span = i;
        slow.durationUs = s.durationUs;
        slow.usualUs = s.durationMoveAvgUs;
        slow.ratio = static_cast<double>(s.durationUs) / s.durationMoveAvgUs;
        slow.warnPct = qtext(trimValue(trace.str(s.warnPctText)));
        const auto type = trace.str(s.warnType);
        if (!isNone(type))
            slow.warnType = qtext(type);
        out.push_back(std::move(slow));
    }
    std::stable_sort(out.begin(), out.end(), [](const SlowSpan &a, const SlowSpan &b) { return a.ratio > b.ratio; });
    return out;
}

std::string normalizeSql(std::string_view sql)
{
    std::string out;
    out.reserve(sql.size());
    bool pendingSpace = false;
    const auto put = [&](char c) {
        if (pendingSpace && !out.empty())
            out += ' ';
        pendingSpace = false;
        out += c;
    };
    for (std::size_t i = 0; i < sql.size();) {
        const char c = sql[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pendingSpace = true;
            ++i;
        } else if (c == '\'') {
            // A string literal; '' inside it is an escaped quote.
            ++i;
            while (i < sql.size()) {
                if (sql[i] == '\'' && i + 1 < sql.size() && sql[i + 1] == '\'')
                    i += 2;
                else if (sql[i] == '\'') {
                    ++i;
                    break;
                } else
                    ++i;
            }
            put('?');
        } else if (c >= '0' && c <= '9' && (out.empty() || pendingSpace || !isIdentChar(out.back()))) {
            while (i < sql.size() && (isIdentChar(sql[i]) || sql[i] == '.'))
                ++i;
            put('?');
        } else {
            put(c);
            ++i;
        }
    }
    return out;
}

std::vector<RepeatedGroup> repeatedCalls(const Trace &trace, int minCount)
{
    const std::size_t minimum = static_cast<std::size_t>(std::max(2, minCount));
    const TagFinder sqlOf(trace, keyId(trace, "jdbc.sql"));
    std::vector<RepeatedGroup> out;
    struct Call
    {
        StrId service;
        StrId name;
        std::string sql;
        StrId rawSql;
        std::int32_t span;
    };
    std::vector<Call> calls;
    for (const std::int32_t p : trace.preorder()) {
        const Span &parent = trace.span(static_cast<std::size_t>(p));
        if (parent.childCount < minimum)
            continue;
        calls.clear();
        for (auto c = trace.childrenBegin(parent); c != trace.childrenEnd(parent); ++c) {
            const Span &s = trace.span(static_cast<std::size_t>(*c));
            if (s.isPlaceholder())
                continue;
            const Tag *sql = sqlOf.find(s);
            calls.push_back({s.service, s.name, sql ? normalizeSql(trace.str(sql->value)) : std::string(),
                             sql ? sql->value : StrId{0}, *c});
        }
        // Stable: within a group the calls stay in start order.
        std::stable_sort(calls.begin(), calls.end(), [](const Call &a, const Call &b) {
            return std::tie(a.service, a.name, a.sql) < std::tie(b.service, b.name, b.sql);
        });
        for (std::size_t k = 0; k < calls.size();) {
            std::size_t e = k + 1;
            while (e < calls.size() && calls[e].service == calls[k].service && calls[e].name == calls[k].name
                   && calls[e].sql == calls[k].sql)
                ++e;
            if (e - k >= minimum) {
                RepeatedGroup g;
                g.parent = p;
                g.service = trace.qstr(calls[k].service);
                g.operation = trace.qstr(calls[k].name);
                g.sql = QString::fromStdString(calls[k].sql);
                g.startUs = std::numeric_limits<std::int64_t>::max();
                g.endUs = std::numeric_limits<std::int64_t>::min();
                std::unordered_set<StrId> statements;
                for (std::size_t j = k; j < e; ++j) {
                    const Span &s = trace.span(static_cast<std::size_t>(calls[j].span));
                    g.spans.push_back(calls[j].span);
                    g.totalUs += clampedDuration(s);
                    g.startUs = std::min(g.startUs, s.startUs);
                    g.endUs = std::max(g.endUs, s.endUs());
                    if (calls[j].rawSql)
                        statements.insert(calls[j].rawSql);
                }
                g.distinctStatements = static_cast<int>(statements.size());
                out.push_back(std::move(g));
            }
            k = e;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RepeatedGroup &a, const RepeatedGroup &b) {
        const auto ca = a.count(), cb = b.count();
        return std::tie(cb, b.totalUs) < std::tie(ca, a.totalUs);
    });
    return out;
}

std::vector<ErrorSpan> errorSpans(const Trace &trace)
{
    const auto &keys = ExtensionKeys::instance();
    std::vector<ErrorSpan> out;
    for (const std::int32_t i : trace.preorder()) {
        const Span &s = trace.span(static_cast<std::size_t>(i));
        if (!s.isError() || s.isPlaceholder())
            continue;
        ErrorSpan e;
        e.span = i;
        e.service = trace.qstr(s.service);
        e.operation = trace.qstr(s.name);
        if (const auto ex = trace.str(s.exceptionClass); !isNone(ex))
            e.exceptionClass = qtext(ex);
        for (auto t = trace.tagsBegin(s); t != trace.tagsEnd(s); ++t) {
            if (keys.isHttpStatusKey(trace.str(t->key))) {
                e.statusCode = qtext(trimValue(trace.str(t->value)));
                break;
            }
        }
        e.reason = trace.qstr(s.statusText);
        e.startOffsetUs = s.startUs - trace.startUs();
        out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ErrorSpan &a, const ErrorSpan &b) { return a.startOffsetUs < b.startOffsetUs; });
    return out;
}

QStringList tagKeys(const Trace &trace)
{
    std::vector<char> seen(trace.strings().size(), 0);
    QStringList keys;
    for (const Tag &t : trace.distinctTags()) {
        if (t.key < seen.size() && !seen[t.key]) {
            seen[t.key] = 1;
            keys << trace.qstr(t.key);
        }
    }
    keys.sort();
    return keys;
}

TraceAnalysis analyseTrace(const TracePtr &trace, const std::atomic<bool> *cancel)
{
    TraceAnalysis a;
    a.trace = trace;
    if (!trace)
        return a;
    const auto stop = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    // Half of the work beside the other half: the two groupings by operation weigh the most (a row per
    // distinct operation, tens of thousands in a large trace) and go one to each side.
    const auto second = [&a, &trace, &stop] {
        if (!stop())
            a.byServiceOperation = aggregate(*trace, GroupBy::ServiceOperation);
        if (!stop())
            a.repeated = repeatedCalls(*trace);
        if (!stop())
            a.errors = errorSpans(*trace);
    };
    std::future<void> beside;
    if (trace->spanCount() >= 10000) {
        try {
            beside = std::async(std::launch::async, second);
        } catch (const std::system_error &) {
            // No thread to be had: everything on this one.
        }
    }
    if (!stop())
        a.byService = aggregate(*trace, GroupBy::Service);
    if (!stop())
        a.byComponent = aggregate(*trace, GroupBy::Component);
    if (!stop())
        a.byOperation = aggregate(*trace, GroupBy::Operation);
    if (!stop())
        a.histogram = durationHistogram(*trace);
    if (!stop())
        a.slower = slowerThanUsual(*trace);
    if (!stop())
        a.tagKeys = tagKeys(*trace);
    if (beside.valid())
        beside.get(); // rethrows what the other thread threw
    else
        second();
    a.cancelled = stop();
    return a;
}

namespace {

QByteArray csvCell(const QString &text)
{
    QString t = text;
    // A spreadsheet runs a cell that starts with one of these as a formula; span data is untrusted.
    if (!t.isEmpty() && (t.front() == u'=' || t.front() == u'+' || t.front() == u'-' || t.front() == u'@'
                         || t.front() == u'\t' || t.front() == u'\r'))
        t.prepend(u'\'');
    if (t.contains(u',') || t.contains(u'"') || t.contains(u'\n') || t.contains(u'\r') || t.contains(u'\'')) {
        t.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return '"' + t.toUtf8() + '"';
    }
    return t.toUtf8();
}

} // namespace

QByteArray statisticsCsv(const std::vector<AggregateRow> &rows, GroupBy by)
{
    QByteArray out;
    switch (by) {
    case GroupBy::Service: out += "service"; break;
    case GroupBy::Component: out += "component"; break;
    case GroupBy::Operation: out += "operation"; break;
    case GroupBy::ServiceOperation: out += "service,operation"; break;
    case GroupBy::TagKey: out += "tag value"; break;
    }
    out += ",count,total_us,avg_us,min_us,max_us,self_total_us,self_avg_us,percent_of_trace\r\n";
    for (const AggregateRow &r : rows) {
        out += csvCell(r.name);
        if (by == GroupBy::ServiceOperation)
            out += ',' + csvCell(r.detail);
        out += ',' + QByteArray::number(r.count);
        out += ',' + QByteArray::number(r.totalUs);
        out += ',' + QByteArray::number(r.avgUs(), 'f', 1);
        out += ',' + QByteArray::number(r.minUs);
        out += ',' + QByteArray::number(r.maxUs);
        out += ',' + QByteArray::number(r.selfTotalUs);
        out += ',' + QByteArray::number(r.selfAvgUs(), 'f', 1);
        out += ',' + QByteArray::number(r.percentOfTrace, 'f', 2);
        out += "\r\n";
    }
    return out;
}

bool writeStatisticsCsv(QIODevice &device, const std::vector<AggregateRow> &rows, GroupBy by)
{
    const QByteArray bytes = statisticsCsv(rows, by);
    return device.write(bytes) == bytes.size();
}

} // namespace td
