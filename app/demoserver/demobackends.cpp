// Zipkin, Jaeger and Tempo query APIs of the demo server, answering in each backend's documented shapes:
//   Zipkin  /zipkin/api/v2/trace/{id}, /api/v2/traces, /api/v2/services, /api/v2/spans
//   Jaeger  /jaeger/api/traces/{id}, /api/traces, /api/services, /api/services/{s}/operations, /api/v3/traces/{id}
//   Tempo   /tempo/api/traces/{id}, /api/v2/traces/{id}, /api/search (tags or TraceQL q=), /api/search/tags,
//           /api/search/tag/{tag}/values
// including their error answers: Zipkin's 404 "<id> not found", Jaeger's {"errors": [{"code", "msg"}]},
// Tempo's 404 and 400 for TraceQL it cannot parse.

#include "demohttp.h"
#include "demospansserver.h"

#include "traceloader.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace td {

using nlohmann::json;

namespace {

const QByteArray jsonType = "application/json";

QByteArray bytesOf(const std::string &text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString param(const QUrl &url, const char *name)
{
    return QUrlQuery(url).queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

bool hasParam(const QUrl &url, const char *name)
{
    return QUrlQuery(url).hasQueryItem(QString::fromLatin1(name));
}

bool lowerEquals(const std::string &a, const QString &b)
{
    return QString::fromStdString(a).compare(b, Qt::CaseInsensitive) == 0;
}

// Trace ids compare as the backends do: case-insensitive, leading zeros of a 64-bit id ignored.
QString normalId(QString id)
{
    id = id.trimmed().toLower();
    while (id.size() > 16 && id.startsWith(QLatin1Char('0')))
        id.remove(0, 1);
    while (id.size() > 1 && id.size() <= 16 && id.startsWith(QLatin1Char('0')))
        id.remove(0, 1);
    return id;
}

// Zipkin's "k=v and k2" and Tempo's logfmt "k=v k2=\"a b\"" as pairs (value empty for a bare key).
QList<QPair<QString, QString>> splitTerms(const QString &text, bool zipkin)
{
    QList<QPair<QString, QString>> terms;
    if (zipkin) {
        for (const QString &term : text.split(QStringLiteral(" and "), Qt::SkipEmptyParts)) {
            const qsizetype eq = term.indexOf(QLatin1Char('='));
            terms.append(eq < 0 ? qMakePair(term.trimmed(), QString()) : qMakePair(term.left(eq).trimmed(), term.mid(eq + 1).trimmed()));
        }
        return terms;
    }
    static const QRegularExpression pair(QStringLiteral("([^\\s=]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|\\S*)"));
    for (auto it = pair.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString value = m.captured(3).isNull() ? m.captured(2) : m.captured(3);
        value.replace(QStringLiteral("\\\""), QStringLiteral("\""));
        terms.append({m.captured(1), value});
    }
    return terms;
}

struct Filter
{
    QString service;
    QString operation;
    QList<QPair<QString, QString>> tags;
    bool tagsAsSubstring = false; // Tempo matches tag values as case-insensitive substrings
    bool errorsOnly = false;
    std::int64_t minUs = 0;
    std::int64_t maxUs = 0;
    std::int64_t startUs = 0;
    std::int64_t endUs = 0;
    int limit = 20;
};

// TraceQL, as far as the demo goes: { cond && cond ... } with cond one of resource.service.name = "x",
// name = "x", status = error, span.k = "v", .k = "v". Anything else is a parse error, as Tempo says it.
QString parseTraceQl(const QString &q, Filter &filter)
{
    const QString t = q.trimmed();
    if (!t.startsWith(QLatin1Char('{')) || !t.endsWith(QLatin1Char('}')))
        return QStringLiteral("invalid TraceQL query: parse error at line 1, col 1: syntax error: unexpected IDENTIFIER");
    const QString inner = t.mid(1, t.size() - 2).trimmed();
    if (inner.isEmpty() || inner == QLatin1String("true"))
        return {};
    static const QRegularExpression cond(QStringLiteral("^\\s*([A-Za-z_.][\\w.]*)\\s*=\\s*(\"([^\"]*)\"|[\\w.-]+)\\s*$"));
    qsizetype column = 2;
    for (const QString &part : inner.split(QStringLiteral("&&"))) {
        const auto m = cond.match(part);
        if (!m.hasMatch())
            return QStringLiteral("invalid TraceQL query: parse error at line 1, col %1: syntax error: unexpected %2")
                .arg(column).arg(part.trimmed().section(QLatin1Char(' '), 0, 0));
        const QString key = m.captured(1);
        const QString value = m.captured(3).isNull() ? m.captured(2) : m.captured(3);
        if (key == QLatin1String("resource.service.name") || key == QLatin1String(".service.name"))
            filter.service = value;
        else if (key == QLatin1String("name"))
            filter.operation = value;
        else if (key == QLatin1String("status"))
            filter.errorsOnly = value == QLatin1String("error");
        else
            filter.tags.append({key.section(QLatin1Char('.'), 1), value}); // span.k and .k both name tag k
        column += part.size() + 2;
    }
    return {};
}

std::int64_t goDurationParam(const QUrl &url, const char *name, bool *ok)
{
    *ok = true;
    if (!hasParam(url, name) || param(url, name).isEmpty())
        return 0;
    const std::int64_t us = backendapi::parseDurationUs(param(url, name));
    *ok = us > 0;
    return us;
}

std::int64_t integerParam(const QUrl &url, const char *name, bool *ok)
{
    *ok = true;
    if (!hasParam(url, name) || param(url, name).isEmpty())
        return 0;
    return param(url, name).toLongLong(ok);
}

} // namespace

QUrl DemoSpansServer::backendBaseUrl(BackendKind kind) const
{
    QUrl url = baseUrl();
    url.setPath(QLatin1Char('/') + backendKindKey(kind));
    return url;
}

QStringList DemoSpansServer::backendSpecials()
{
    return {
        QStringLiteral("trace id fail-slow    the first trace, after the slow delay (--slow-ms)"),
        QStringLiteral("trace id fail-huge    an answer of --huge-mb MiB"),
        QStringLiteral("trace id fail-500     HTTP 500 in the backend's error shape"),
        QStringLiteral("service fail-slow     a search that answers after the slow delay"),
        QStringLiteral("service fail-500      a search that fails with HTTP 500"),
    };
}

const std::vector<DemoSpansServer::BackendTrace> *DemoSpansServer::storeOf(BackendKind kind) const
{
    const auto it = m_backendTraces.constFind(int(kind));
    return it == m_backendTraces.cend() ? nullptr : &it.value();
}

QStringList DemoSpansServer::backendTraceIds(BackendKind kind) const
{
    QStringList ids;
    if (const auto *traces = storeOf(kind))
        for (const BackendTrace &t : *traces)
            ids << QString::fromStdString(t.traceId);
    return ids;
}

bool DemoSpansServer::addBackendTrace(BackendKind kind, std::string body, QStringList &ids)
{
    auto bytes = std::make_shared<const std::string>(kind == BackendKind::Jaeger ? json{{"data", json::array({json::parse(body)})}}.dump() : body);
    const LoadResult load = loadTraceBytes(bytes, QStringLiteral("demo"));
    if (!load.ok() || load.trace->traceId().empty())
        return false;
    const Trace &trace = *load.trace;
    BackendTrace t;
    t.traceId = std::string(trace.traceId());
    t.body = std::move(body);
    t.hit = traceHitFromTrace(trace);
    for (const Span &span : trace.spans()) {
        if (span.isPlaceholder())
            continue;
        t.services.insert(std::string(trace.str(span.service)));
        auto &stats = t.serviceStats[std::string(trace.str(span.service))];
        ++stats.first;
        stats.second += span.isError() ? 1 : 0;
        t.names.insert(std::string(trace.str(span.name)));
        for (auto tag = trace.tagsBegin(span); tag != trace.tagsEnd(span); ++tag)
            t.tags.insert({std::string(trace.str(tag->key)), std::string(trace.str(tag->value))});
    }
    auto &traces = store(kind);
    traces.erase(std::remove_if(traces.begin(), traces.end(), [&t](const BackendTrace &o) { return o.traceId == t.traceId; }),
                 traces.end());
    ids << QString::fromStdString(t.traceId);
    traces.push_back(std::move(t));
    return true;
}

QStringList DemoSpansServer::addBackendTraceFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    const QByteArray bytes = file.readAll();
    const json doc = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    QStringList ids;
    if (doc.is_array() && !doc.empty() && doc.front().is_object() && doc.front().contains("traceId")) {
        addBackendTrace(BackendKind::Zipkin, doc.dump(), ids);
    } else if (doc.is_object() && (doc.contains("resourceSpans") || doc.contains("result"))) {
        const json &otlp = doc.contains("result") ? doc.at("result") : doc;
        addBackendTrace(BackendKind::Tempo, otlp.dump(), ids);
    } else if (doc.is_object() && doc.contains("data") && doc.at("data").is_array()) {
        for (const json &trace : doc.at("data"))
            if (trace.is_object() && trace.contains("spans"))
                addBackendTrace(BackendKind::Jaeger, trace.dump(), ids);
    } else if (doc.is_object() && doc.contains("spans") && doc.contains("processes")) {
        addBackendTrace(BackendKind::Jaeger, doc.dump(), ids);
    }
    if (ids.isEmpty() && error)
        *error = path + QStringLiteral(": not a Zipkin v2 span array, a Jaeger trace or OTLP JSON");
    return ids;
}

const DemoSpansServer::BackendTrace *DemoSpansServer::findBackendTrace(BackendKind kind, const QString &id) const
{
    const auto *traces = storeOf(kind);
    if (!traces)
        return nullptr;
    const QString wanted = normalId(id);
    for (const BackendTrace &t : *traces)
        if (normalId(QString::fromStdString(t.traceId)) == wanted)
            return &t;
    return nullptr;
}

void DemoSpansServer::handleBackend(QTcpSocket *socket, BackendKind kind, const QString &path, const QUrl &url)
{
    // The special ids and services that make each failure a client must handle.
    const QString id = path.section(QLatin1Char('/'), -1);
    const bool tracePath = path.contains(QLatin1String("/trace/")) || path.contains(QLatin1String("/traces/"));
    const QString service = param(url, kind == BackendKind::Zipkin ? "serviceName" : "service")
        + (kind == BackendKind::Tempo ? param(url, "tags") : QString());
    if ((tracePath && id == QLatin1String("fail-500")) || service.contains(QLatin1String("fail-500"))) {
        if (kind == BackendKind::Jaeger)
            respond(socket, 500, jsonType, R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":500,"msg":"storage unavailable: context deadline exceeded"}]})");
        else
            respond(socket, 500, "text/plain", "storage unavailable: context deadline exceeded\n");
        return;
    }
    if (tracePath && id == QLatin1String("fail-huge")) {
        serveHuge(socket);
        return;
    }
    if ((tracePath && id == QLatin1String("fail-slow")) || service.contains(QLatin1String("fail-slow"))) {
        // The same request without the special name, after the delay.
        QUrl plain = url;
        QString newPath = path;
        if (tracePath) {
            const auto *traces = storeOf(kind);
            newPath = path.left(path.size() - id.size()) + (traces && !traces->empty() ? QString::fromStdString(traces->front().traceId) : QString());
        } else {
            QUrlQuery q(url);
            const QString key = kind == BackendKind::Zipkin ? QStringLiteral("serviceName") : kind == BackendKind::Jaeger ? QStringLiteral("service") : QStringLiteral("tags");
            q.removeAllQueryItems(key);
            plain.setQuery(q);
        }
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_slowDelayMs, this, [this, guard, kind, newPath, plain] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                handleBackend(guard, kind, newPath, plain);
        });
        return;
    }
    switch (kind) {
    case BackendKind::Zipkin: handleZipkin(socket, path, url); return;
    case BackendKind::Jaeger: handleJaeger(socket, path, url); return;
    case BackendKind::Tempo: handleTempo(socket, path, url); return;
    case BackendKind::SpansApi: break;
    }
    respond(socket, 404, "text/plain", "404 page not found\n");
}

namespace {

template<typename Traces>
std::vector<const typename Traces::value_type *> matching(const Traces &traces, const Filter &f, bool honourTime)
{
    std::vector<const typename Traces::value_type *> out;
    for (const auto &t : traces) {
        if (!f.service.isEmpty()
            && std::none_of(t.services.begin(), t.services.end(), [&f](const std::string &s) { return lowerEquals(s, f.service); }))
            continue;
        if (!f.operation.isEmpty()
            && std::none_of(t.names.begin(), t.names.end(), [&f](const std::string &s) { return lowerEquals(s, f.operation); }))
            continue;
        bool tagsMatch = true;
        for (const auto &tagFilter : f.tags) {
            const QString &key = tagFilter.first;
            const QString &value = tagFilter.second;
            const bool found = std::any_of(t.tags.begin(), t.tags.end(), [&](const auto &tag) {
                if (QString::fromStdString(tag.first) != key)
                    return false;
                if (value.isEmpty())
                    return true;
                const QString v = QString::fromStdString(tag.second);
                return f.tagsAsSubstring ? v.contains(value, Qt::CaseInsensitive) : v == value;
            });
            tagsMatch = tagsMatch && found;
        }
        if (!tagsMatch)
            continue;
        if (f.errorsOnly && t.hit.errorCount <= 0)
            continue;
        if ((f.minUs > 0 && t.hit.durationUs < f.minUs) || (f.maxUs > 0 && t.hit.durationUs > f.maxUs))
            continue;
        if (honourTime && ((f.startUs > 0 && t.hit.startUs < f.startUs) || (f.endUs > 0 && t.hit.startUs > f.endUs)))
            continue;
        out.push_back(&t);
        if (int(out.size()) >= f.limit)
            break;
    }
    return out;
}

template<typename Set>
QByteArray namesArray(const Set &names)
{
    json array = json::array();
    for (const auto &n : names)
        array.push_back(n);
    return bytesOf(array.dump());
}

} // namespace

void DemoSpansServer::handleZipkin(QTcpSocket *socket, const QString &path, const QUrl &url)
{
    static const std::vector<BackendTrace> none;
    const auto *stored = storeOf(BackendKind::Zipkin);
    const auto &traces = stored ? *stored : none;
    if (path.startsWith(QLatin1String("/api/v2/trace/"))) {
        const QString id = path.mid(14);
        if (const BackendTrace *t = findBackendTrace(BackendKind::Zipkin, id))
            respond(socket, 200, jsonType, bytesOf(t->body));
        else
            respond(socket, 404, "text/plain", (id + QStringLiteral(" not found")).toUtf8());
        return;
    }
    if (path == QLatin1String("/api/v2/services")) {
        std::set<std::string> services;
        for (const auto &t : traces)
            services.insert(t.services.begin(), t.services.end());
        respond(socket, 200, jsonType, namesArray(services));
        return;
    }
    if (path == QLatin1String("/api/v2/spans")) {
        if (param(url, "serviceName").isEmpty()) {
            respond(socket, 400, "text/plain", "serviceName is required");
            return;
        }
        std::set<std::string> names;
        for (const auto &t : traces)
            if (std::any_of(t.services.begin(), t.services.end(), [&url](const std::string &s) { return lowerEquals(s, param(url, "serviceName")); }))
                names.insert(t.names.begin(), t.names.end());
        respond(socket, 200, jsonType, namesArray(names));
        return;
    }
    if (path == QLatin1String("/api/v2/traces")) {
        Filter f;
        bool ok1 = true, ok2 = true, ok3 = true, ok4 = true, ok5 = true;
        f.service = param(url, "serviceName");
        f.operation = param(url, "spanName");
        f.tags = splitTerms(param(url, "annotationQuery"), true);
        f.minUs = integerParam(url, "minDuration", &ok1);
        f.maxUs = integerParam(url, "maxDuration", &ok2);
        const std::int64_t endTs = integerParam(url, "endTs", &ok3);
        const std::int64_t lookback = integerParam(url, "lookback", &ok4);
        f.limit = hasParam(url, "limit") ? int(integerParam(url, "limit", &ok5)) : 10;
        if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5 || f.limit < 1) {
            respond(socket, 400, "text/plain", "minDuration, maxDuration, endTs, lookback and limit must be whole numbers");
            return;
        }
        f.endUs = endTs * 1000;
        f.startUs = endTs > 0 && lookback > 0 ? (endTs - lookback) * 1000 : 0;
        QByteArray body = "[";
        for (const BackendTrace *t : matching(traces, f, m_honourTimeRange)) {
            if (body.size() > 1)
                body += ',';
            body += bytesOf(t->body);
        }
        body += ']';
        respond(socket, 200, jsonType, body);
        return;
    }
    respond(socket, 404, "text/plain", "Not Found");
}

void DemoSpansServer::handleJaeger(QTcpSocket *socket, const QString &path, const QUrl &url)
{
    static const std::vector<BackendTrace> none;
    const auto *stored = storeOf(BackendKind::Jaeger);
    const auto &traces = stored ? *stored : none;
    const auto errors = [socket](int code, const QString &message) {
        const json doc = {{"data", nullptr}, {"total", 0}, {"limit", 0}, {"offset", 0},
                          {"errors", json::array({{{"code", code}, {"msg", message.toStdString()}}})}};
        respond(socket, code, jsonType, bytesOf(doc.dump()));
    };
    const auto data = [socket](const json &items) {
        const json doc = {{"data", items}, {"total", items.size()}, {"limit", 0}, {"offset", 0}, {"errors", nullptr}};
        respond(socket, 200, jsonType, bytesOf(doc.dump()));
    };
    if (path.startsWith(QLatin1String("/api/v3/traces/"))) {
        // API v3: OTLP JSON in "result"; its errors are {"error": {"httpCode", "message"}}.
        if (const BackendTrace *t = findBackendTrace(BackendKind::Tempo, path.mid(15)))
            respond(socket, 200, jsonType, "{\"result\":" + bytesOf(t->body) + "}");
        else
            respond(socket, 404, jsonType, R"({"error":{"httpCode":404,"message":"trace not found"}})");
        return;
    }
    if (path.startsWith(QLatin1String("/api/traces/"))) {
        if (const BackendTrace *t = findBackendTrace(BackendKind::Jaeger, path.mid(12)))
            data(json::array({json::parse(t->body)}));
        else
            errors(404, QStringLiteral("trace not found"));
        return;
    }
    if (path == QLatin1String("/api/services")) {
        std::set<std::string> services;
        for (const auto &t : traces)
            services.insert(t.services.begin(), t.services.end());
        data(json(services));
        return;
    }
    if (path.startsWith(QLatin1String("/api/services/")) && path.endsWith(QLatin1String("/operations"))) {
        const QString service = QUrl::fromPercentEncoding(path.mid(14, path.size() - 14 - 11).toUtf8());
        std::set<std::string> names;
        for (const auto &t : traces)
            if (t.services.count(service.toStdString()))
                names.insert(t.names.begin(), t.names.end());
        data(json(names));
        return;
    }
    if (path == QLatin1String("/api/traces")) {
        Filter f;
        f.service = param(url, "service");
        if (f.service.isEmpty()) {
            errors(400, QStringLiteral("parameter 'service' is required"));
            return;
        }
        f.operation = param(url, "operation");
        if (hasParam(url, "tags")) {
            const json tags = json::parse(param(url, "tags").toStdString(), nullptr, false);
            if (!tags.is_object()) {
                errors(400, QStringLiteral("malformed 'tags' parameter: expected a JSON object of strings"));
                return;
            }
            for (auto it = tags.begin(); it != tags.end(); ++it)
                f.tags.append({QString::fromStdString(it.key()), it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString()});
        }
        bool ok1 = true, ok2 = true, ok3 = true, ok4 = true, ok5 = true;
        f.minUs = goDurationParam(url, "minDuration", &ok1);
        f.maxUs = goDurationParam(url, "maxDuration", &ok2);
        f.startUs = integerParam(url, "start", &ok3);
        f.endUs = integerParam(url, "end", &ok4);
        f.limit = hasParam(url, "limit") ? int(integerParam(url, "limit", &ok5)) : 20;
        if (!ok1 || !ok2) {
            errors(400, QStringLiteral("cannot parse minDuration or maxDuration: time: invalid duration"));
            return;
        }
        if (!ok3 || !ok4 || !ok5) {
            errors(400, QStringLiteral("unable to parse param 'start', 'end' or 'limit': strconv.ParseInt: invalid syntax"));
            return;
        }
        json items = json::array();
        for (const BackendTrace *t : matching(traces, f, m_honourTimeRange))
            items.push_back(json::parse(t->body));
        data(items);
        return;
    }
    errors(404, QStringLiteral("404 page not found"));
}

void DemoSpansServer::handleTempo(QTcpSocket *socket, const QString &path, const QUrl &url)
{
    static const std::vector<BackendTrace> none;
    const auto *stored = storeOf(BackendKind::Tempo);
    const auto &traces = stored ? *stored : none;
    if (path.startsWith(QLatin1String("/api/traces/")) || path.startsWith(QLatin1String("/api/v2/traces/"))) {
        const bool v2 = path.startsWith(QLatin1String("/api/v2/"));
        const BackendTrace *t = findBackendTrace(BackendKind::Tempo, path.section(QLatin1Char('/'), -1));
        if (!t) {
            respond(socket, 404, "text/plain", "trace not found");
            return;
        }
        // v1 names the OTLP resourceSpans "batches"; v2 wraps the OTLP document in "trace".
        if (v2) {
            respond(socket, 200, jsonType, "{\"trace\":" + bytesOf(t->body) + "}");
        } else {
            const json otlp = json::parse(t->body);
            respond(socket, 200, jsonType, bytesOf(json{{"batches", otlp.value("resourceSpans", json::array())}}.dump()));
        }
        return;
    }
    if (path == QLatin1String("/api/search/tags")) {
        std::set<std::string> names{"service.name", "name", "status"};
        for (const auto &t : traces)
            for (const auto &tag : t.tags)
                names.insert(tag.first);
        respond(socket, 200, jsonType, "{\"tagNames\":" + namesArray(names) + "}");
        return;
    }
    if (path.startsWith(QLatin1String("/api/search/tag/")) && path.endsWith(QLatin1String("/values"))) {
        const QString tag = QUrl::fromPercentEncoding(path.mid(16, path.size() - 16 - 7).toUtf8());
        std::set<std::string> values;
        for (const auto &t : traces) {
            if (tag == QLatin1String("service.name"))
                values.insert(t.services.begin(), t.services.end());
            else if (tag == QLatin1String("name"))
                values.insert(t.names.begin(), t.names.end());
            else
                for (const auto &kv : t.tags)
                    if (QString::fromStdString(kv.first) == tag)
                        values.insert(kv.second);
        }
        respond(socket, 200, jsonType, "{\"tagValues\":" + namesArray(values) + "}");
        return;
    }
    if (path == QLatin1String("/api/search")) {
        Filter f;
        f.tagsAsSubstring = true;
        if (hasParam(url, "q")) {
            const QString problem = parseTraceQl(param(url, "q"), f);
            if (!problem.isEmpty()) {
                respond(socket, 400, "text/plain", problem.toUtf8());
                return;
            }
        } else {
            for (const auto &[key, value] : splitTerms(param(url, "tags"), false)) {
                if (key == QLatin1String("service.name"))
                    f.service = value;
                else if (key == QLatin1String("name"))
                    f.operation = value;
                else
                    f.tags.append({key, value});
            }
        }
        bool ok1 = true, ok2 = true, ok3 = true, ok4 = true, ok5 = true;
        f.minUs = goDurationParam(url, "minDuration", &ok1);
        f.maxUs = goDurationParam(url, "maxDuration", &ok2);
        f.startUs = integerParam(url, "start", &ok3) * 1000000;
        f.endUs = integerParam(url, "end", &ok4) * 1000000;
        f.limit = hasParam(url, "limit") ? int(integerParam(url, "limit", &ok5)) : 20;
        if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5) {
            respond(socket, 400, "text/plain", "invalid minDuration, maxDuration, start, end or limit");
            return;
        }
        json found = json::array();
        for (const BackendTrace *t : matching(traces, f, m_honourTimeRange)) {
            json item = {{"traceID", t->hit.traceId},
                         {"rootServiceName", t->hit.rootService},
                         {"rootTraceName", t->hit.rootName},
                         {"startTimeUnixNano", std::to_string(t->hit.startUs * 1000)},
                         {"durationMs", t->hit.durationUs / 1000}};
            // Tempo gives per-service counts in serviceStats.
            json stats = json::object();
            for (const auto &[service, counts] : t->serviceStats) {
                stats[service] = {{"spanCount", counts.first}};
                if (counts.second > 0)
                    stats[service]["errorCount"] = counts.second;
            }
            item["serviceStats"] = stats;
            found.push_back(std::move(item));
        }
        respond(socket, 200, jsonType, bytesOf(json{{"traces", found}, {"metrics", {{"inspectedTraces", traces.size()}}}}.dump()));
        return;
    }
    respond(socket, 404, "text/plain", "404 page not found");
}

} // namespace td
