// Generates reference traces for the benchmarks: Zipkin v1 spans with the iplatform extension keys, about
// 2.5 KB each, one trace over about 20 services, as a plain JSON array or a spans API envelope. The output
// depends only on the arguments (own PRNG, no clock, no locale), so a size and seed always give the same bytes.

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// splitmix64: tiny, fast and the same on every platform.
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // [0, n)
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

struct Service
{
    std::string name;
    std::string ip;
    int port;
    std::string busisys;
};

const char *const serviceNames[] = {
    "gateway", "auth-service", "order-service", "payment-service", "inventory-service", "user-service",
    "catalog-service", "pricing-service", "shipping-service", "notify-service", "report-service", "search-service",
    "cart-service", "coupon-service", "audit-service", "billing-service", "ledger-service", "config-service",
    "scheduler-service", "cmdb-service"};
constexpr int serviceCount = sizeof serviceNames / sizeof *serviceNames;

const char *const components[] = {"httpservice", "httpclient", "feignclient", "jdbc", "scheduled"};

const char *const exceptions[] = {"java.net.SocketTimeoutException", "java.sql.SQLTransientConnectionException",
                                  "org.springframework.web.client.HttpServerErrorException", "500"};

const char *const tables[] = {"orders", "order_items", "payments", "stock", "users", "prices", "shipments", "audit_log"};

class Writer
{
public:
    explicit Writer(std::FILE *out) : m_out(out) { m_buf.reserve(1 << 22); }
    ~Writer() { flush(); }
    void put(std::string_view s) { m_buf.append(s); maybeFlush(); }
    void put(char c) { m_buf.push_back(c); }
    void flush()
    {
        if (!m_buf.empty())
            std::fwrite(m_buf.data(), 1, m_buf.size(), m_out);
        m_buf.clear();
    }
    void maybeFlush()
    {
        if (m_buf.size() > (1 << 21))
            flush();
    }

private:
    std::FILE *m_out;
    std::string m_buf;
};

void appendInt(std::string &s, std::int64_t v)
{
    char b[24];
    const int n = std::snprintf(b, sizeof b, "%" PRId64, v);
    s.append(b, static_cast<std::size_t>(n));
}

void appendHex(std::string &s, std::uint64_t v)
{
    char b[20];
    const int n = std::snprintf(b, sizeof b, "%016" PRIx64, v);
    s.append(b, static_cast<std::size_t>(n));
}

void endpoint(std::string &s, const Service &svc)
{
    s += "{\"serviceName\":\"";
    s += svc.name;
    s += "\",\"ipv4\":\"";
    s += svc.ip;
    s += "\",\"port\":";
    appendInt(s, svc.port);
    s += '}';
}

void tag(std::string &s, bool &first, std::string_view key, std::string_view value, const Service &svc)
{
    if (!first)
        s += ',';
    first = false;
    s += "{\"key\":\"";
    s += key;
    s += "\",\"value\":\"";
    s += value; // generated values never need escaping
    s += "\",\"endpoint\":";
    endpoint(s, svc);
    s += '}';
}

void annotation(std::string &s, bool &first, std::int64_t ts, const char *value, const Service &svc)
{
    if (!first)
        s += ',';
    first = false;
    s += "{\"timestamp\":";
    appendInt(s, ts);
    s += ",\"value\":\"";
    s += value;
    s += "\",\"endpoint\":";
    endpoint(s, svc);
    s += '}';
}

struct Node
{
    std::int32_t parent;
    std::int32_t service;
    std::int64_t start;
    std::int64_t duration;
    std::uint64_t id;
};

void usage()
{
    std::fputs("usage: gentrace --spans N [--form array|envelope] [--seed S] [-o FILE]\n"
               "Writes a deterministic Zipkin v1 trace with iplatform tags (about 2.5 KB per span).\n",
               stderr);
}

} // namespace

int main(int argc, char **argv)
{
    std::int64_t count = 1000;
    std::uint64_t seed = 1;
    bool envelope = false;
    const char *outPath = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--spans" && hasValue)
            count = std::strtoll(argv[++i], nullptr, 10);
        else if (a == "--seed" && hasValue)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--form" && hasValue)
            envelope = std::string_view(argv[++i]) == "envelope";
        else if ((a == "-o" || a == "--output") && hasValue)
            outPath = argv[++i];
        else {
            usage();
            return a == "--help" || a == "-h" ? 0 : 1;
        }
    }
    if (count < 1) {
        usage();
        return 1;
    }
    std::FILE *out = outPath ? std::fopen(outPath, "wb") : stdout;
    if (!out) {
        std::perror(outPath);
        return 1;
    }

    Rng rng(seed * 0x2545F4914F6CDD1Dull + 7);
    std::vector<Service> services;
    for (int i = 0; i < serviceCount; ++i) {
        char ip[32];
        std::snprintf(ip, sizeof ip, "10.%d.%d.%d", 20 + i % 5, static_cast<int>(rng.below(250)) + 1, static_cast<int>(rng.below(250)) + 1);
        services.push_back({serviceNames[i], ip, 8000 + static_cast<int>(rng.below(2000)), i % 3 == 0 ? "OneITOM" : i % 3 == 1 ? "Mall" : "Finance"});
    }

    // The tree: a parent among recent spans (depth grows slowly, fan-out varies), or a span near the root.
    const std::uint64_t traceIdNum = rng.next();
    std::string traceId;
    appendHex(traceId, traceIdNum);
    std::vector<Node> nodes(static_cast<std::size_t>(count));
    std::vector<std::uint32_t> depth(static_cast<std::size_t>(count), 0);
    const std::int64_t epoch = 1700000000000000 + static_cast<std::int64_t>(rng.below(1000000000));
    nodes[0] = {-1, 0, epoch, 60'000'000 + static_cast<std::int64_t>(rng.below(30'000'000)), traceIdNum};
    for (std::int64_t i = 1; i < count; ++i) {
        Node &n = nodes[static_cast<std::size_t>(i)];
        std::int64_t p;
        if (rng.chance(0.05))
            p = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(std::min<std::int64_t>(i, 64))));
        else
            p = i - 1 - static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(std::min<std::int64_t>(i, 8))));
        // Calls nest 3 to 14 levels deep, as in real services; deeper picks climb back up the tree.
        const std::uint32_t maxDepth = 3 + static_cast<std::uint32_t>(rng.below(12));
        while (depth[static_cast<std::size_t>(p)] >= maxDepth)
            p = nodes[static_cast<std::size_t>(p)].parent;
        depth[static_cast<std::size_t>(i)] = depth[static_cast<std::size_t>(p)] + 1;
        const Node &parent = nodes[static_cast<std::size_t>(p)];
        n.parent = static_cast<std::int32_t>(p);
        n.service = static_cast<std::int32_t>(rng.chance(0.3) ? parent.service : static_cast<std::int32_t>(rng.below(serviceCount)));
        n.duration = std::max<std::int64_t>(1, static_cast<std::int64_t>(static_cast<double>(parent.duration) * (0.2 + 0.7 * rng.unit())));
        n.start = parent.start + static_cast<std::int64_t>(static_cast<double>(parent.duration - n.duration) * rng.unit());
        n.id = rng.next();
    }

    Writer w(out);
    if (envelope)
        w.put("{\"errorCode\":\"SVCSTG.ATS.2000\",\"errorMessage\":null,\"responseInfo\":[\n");
    else
        w.put("[\n");
    std::string s, esc;
    s.reserve(8192);
    esc.reserve(16384);
    for (std::int64_t i = 0; i < count; ++i) {
        const Node &n = nodes[static_cast<std::size_t>(i)];
        const Service &svc = services[static_cast<std::size_t>(n.service)];
        const Service &caller = n.parent >= 0 ? services[static_cast<std::size_t>(nodes[static_cast<std::size_t>(n.parent)].service)] : svc;
        const char *lc = i == 0 ? "httpservice" : components[rng.below(5)];
        const bool rpc = std::strcmp(lc, "jdbc") != 0 && std::strcmp(lc, "scheduled") != 0;
        const bool error = rng.chance(0.02);
        const bool warn = !error && rng.chance(0.03);
        const bool skew = rpc && i > 0 && caller.name != svc.name && rng.chance(0.01);
        std::string id, parentId;
        appendHex(id, n.id);
        if (n.parent >= 0)
            appendHex(parentId, nodes[static_cast<std::size_t>(n.parent)].id);

        s.clear();
        s += "{\"traceId\":\"";
        s += traceId;
        s += "\",\"id\":\"";
        s += id;
        s += "\",\"name\":\"";
        s += svc.name;
        s += ':';
        s += svc.ip;
        s += ':';
        std::string op;
        if (std::strcmp(lc, "jdbc") == 0) {
            op = "o.i.m.dao.";
            op += tables[rng.below(8)];
            op += "mapper.select";
        } else {
            op = "/api/v1/";
            op += tables[rng.below(8)];
            op += '/';
            appendInt(op, static_cast<std::int64_t>(rng.below(500)));
        }
        s += op;
        s += '"';
        if (n.parent >= 0) {
            s += ",\"parentId\":\"";
            s += parentId;
            s += '"';
        }
        s += ",\"timestamp\":";
        appendInt(s, n.start);
        s += ",\"duration\":";
        appendInt(s, n.duration);

        s += ",\"annotations\":[";
        bool first = true;
        if (rpc) {
            const std::int64_t net = std::max<std::int64_t>(1, n.duration / 20);
            const std::int64_t off = skew ? (rng.chance(0.5) ? -1 : 1) * (n.duration / 2 + 5000) : 0;
            annotation(s, first, n.start, "cs", caller);
            annotation(s, first, n.start + net + off, "sr", svc);
            annotation(s, first, n.start + n.duration - net + off, "ss", svc);
            annotation(s, first, n.start + n.duration, "cr", caller);
        } else {
            annotation(s, first, n.start, "lc-start", svc);
        }
        s += "],\"binaryAnnotations\":[";
        first = true;
        std::string num;
        tag(s, first, "lc", lc, svc);
        tag(s, first, "succeed", error ? "false" : "true", svc);
        tag(s, first, "busisys", svc.busisys, svc);
        std::string inst = svc.ip + "::" + svc.name + ':';
        appendInt(inst, svc.port);
        tag(s, first, "serviceInstId", inst, svc);
        num.clear();
        appendInt(num, warn ? n.duration / 3 : n.duration * (10 + static_cast<std::int64_t>(rng.below(5))) / 10);
        num += ".0";
        tag(s, first, "durationMoveAvg", num, svc);
        tag(s, first, "optimize_warn_pct", warn ? "200.0%" : "none", svc);
        tag(s, first, "optimize_warn_type", warn ? "slow" : "none", svc);
        tag(s, first, "exception_class", error ? exceptions[rng.below(4)] : "none", svc);
        if (std::strcmp(lc, "jdbc") == 0) {
            const char *table = tables[rng.below(8)];
            std::string sql = "select id, status, amount, created_at, updated_at from ";
            sql += table;
            sql += " where id = ";
            appendInt(sql, static_cast<std::int64_t>(rng.below(1000000)));
            sql += " and tenant_id = 42 order by created_at desc limit 50";
            tag(s, first, "jdbc.sql", sql, svc);
            tag(s, first, "jdbc.class", "org.iplatform.microservices.dao.OrderMapper", svc);
            tag(s, first, "jdbc.method", "selectById", svc);
            tag(s, first, "jdbc.databasevendor", "MySQL", svc);
            tag(s, first, "jdbc.url", "jdbc:mysql://db-primary:3306/mall?useSSL=true", svc);
            tag(s, first, "jdbc.username", "mall_app", svc);
            num.clear();
            appendInt(num, n.duration * 9 / 10);
            tag(s, first, "jdbc.sql_cost", num, svc);
            tag(s, first, "jdbc.version", "8.0.33", svc);
        } else {
            const std::string family = std::strcmp(lc, "scheduled") == 0 ? "httpservice" : lc;
            tag(s, first, family + ".method", rng.chance(0.7) ? "GET" : "POST", caller);
            tag(s, first, family + ".path", op, caller);
            tag(s, first, family + ".url", "http://" + svc.name + ':' + std::to_string(svc.port) + op, caller);
            tag(s, first, family + ".status_code", error ? "503" : "200", caller);
            tag(s, first, family + ".request.headers.x-b3-traceid", traceId, caller);
            tag(s, first, family + ".request.headers.x-b3-spanid", id, caller);
            tag(s, first, family + ".request.headers.x-b3-parentspanid", n.parent >= 0 ? parentId : id, caller);
        }
        if (std::strcmp(lc, "scheduled") == 0)
            tag(s, first, "scheduled.class", "org.iplatform.microservices.jobs.ReconcileJob", svc);
        s += "]}";

        if (envelope) {
            esc.clear();
            esc += '"';
            for (const char c : s) {
                if (c == '"' || c == '\\')
                    esc += '\\';
                esc += c;
            }
            esc += '"';
            w.put(esc);
        } else {
            w.put(s);
        }
        w.put(i + 1 < count ? ",\n" : "\n");
    }
    w.put(envelope ? "]}\n" : "]\n");
    w.flush();
    if (outPath && std::fclose(out) != 0) {
        std::perror(outPath);
        return 1;
    }
    return 0;
}
