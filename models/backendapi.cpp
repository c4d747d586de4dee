#include "backendapi.h"

#include "traceloader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace td {

using nlohmann::json;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::BackendApi", text);
}

// base + "/" + path, keeping a path prefix of the base (a backend behind a reverse proxy).
QUrl withPath(const QUrl &base, const QString &path)
{
    QUrl url = base;
    // Both halves are percent-encoded (path holds encoded segments): set them as such, not encoded again.
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path, QUrl::TolerantMode);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

// One path segment, percent-encoded completely: an id or name with '/', '?' or '#' stays one segment.
QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text.trimmed()));
}

void setQuery(QUrl &url, const QList<QPair<QString, QString>> &items)
{
    // Encoded by hand so that '+', '&', '=' and spaces in values arrive as typed.
    QStringList parts;
    for (const auto &[key, value] : items)
        parts << QString::fromLatin1(QUrl::toPercentEncoding(key)) + QLatin1Char('=')
                + QString::fromLatin1(QUrl::toPercentEncoding(value));
    url.setQuery(parts.join(QLatin1Char('&')), QUrl::StrictMode);
}

std::optional<json> parseJson(const std::string &body)
{
    try {
        json doc = json::parse(body, nullptr, false);
        if (doc.is_discarded())
            return std::nullopt;
        return doc;
    } catch (...) {
        return std::nullopt;
    }
}

using backendapi::plainExcerpt;

QString jsonText(const json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

// Jaeger: {"data": null, "errors": [{"code": 400, "msg": "..."}]}; others: {"error": ...} / {"message": ...}.
QString errorDocumentMessage(const json &doc)
{
    if (!doc.is_object())
        return {};
    if (const auto it = doc.find("errors"); it != doc.end() && it->is_array() && !it->empty()) {
        QStringList messages;
        for (const json &e : *it) {
            if (e.is_object() && e.contains("msg"))
                messages << jsonText(e.at("msg"));
            else
                messages << jsonText(e);
        }
        return messages.join(QStringLiteral("; "));
    }
    for (const char *key : {"error", "message", "msg"}) {
        if (const auto it = doc.find(key); it != doc.end() && !it->is_null() && !(it->is_string() && it->get<std::string>().empty())) {
            if (it->is_object() && it->contains("message"))
                return jsonText(it->at("message"));
            return jsonText(*it);
        }
    }
    return {};
}

std::int64_t numberOrString(const json &value)
{
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number())
        return static_cast<std::int64_t>(value.get<double>());
    if (value.is_string()) {
        bool ok = false;
        const qint64 v = QString::fromStdString(value.get<std::string>()).toLongLong(&ok);
        return ok ? v : 0;
    }
    return 0;
}

std::string stringOf(const json &obj, const char *key)
{
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A trace of the search answer, read like a file with the same content would be.
std::optional<TraceHit> hitFromJson(const std::string &text)
{
    auto bytes = std::make_shared<const std::string>(text);
    LoadOptions options;
    const LoadResult load = loadTraceBytes(bytes, QStringLiteral("search"), options);
    if (!load.ok())
        return std::nullopt;
    return traceHitFromTrace(*load.trace);
}

// Tempo: {"traceID", "rootServiceName", "rootTraceName", "startTimeUnixNano", "durationMs",
// "serviceStats": {"svc": {"spanCount", "errorCount"}}, "spanSets": [...]}.
TraceHit tempoHit(const json &t)
{
    TraceHit hit;
    hit.traceId = stringOf(t, "traceID");
    hit.rootService = stringOf(t, "rootServiceName");
    hit.rootName = stringOf(t, "rootTraceName");
    if (const auto it = t.find("startTimeUnixNano"); it != t.end())
        hit.startUs = numberOrString(*it) / 1000;
    if (const auto it = t.find("durationMs"); it != t.end())
        hit.durationUs = numberOrString(*it) * 1000;
    std::set<std::string> services;
    if (!hit.rootService.empty() && hit.rootService != "<root span not yet received>")
        services.insert(hit.rootService);
    if (const auto it = t.find("serviceStats"); it != t.end() && it->is_object()) {
        std::int64_t spans = 0;
        std::int64_t errors = 0;
        for (auto s = it->begin(); s != it->end(); ++s) {
            services.insert(s.key());
            if (s->is_object()) {
                spans += s->contains("spanCount") ? numberOrString(s->at("spanCount")) : 0;
                errors += s->contains("errorCount") ? numberOrString(s->at("errorCount")) : 0;
            }
        }
        hit.spanCount = spans;
        hit.errorCount = errors;
    }
    hit.services.assign(services.begin(), services.end());
    return hit;
}

QString logfmtValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('=')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString backendKindKey(BackendKind kind)
{
    switch (kind) {
    case BackendKind::SpansApi: return QStringLiteral("spans-api");
    case BackendKind::Zipkin: return QStringLiteral("zipkin");
    case BackendKind::Jaeger: return QStringLiteral("jaeger");
    case BackendKind::Tempo: return QStringLiteral("tempo");
    }
    return {};
}

std::optional<BackendKind> backendKindFromKey(QStringView key)
{
    for (BackendKind kind : {BackendKind::SpansApi, BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo})
        if (key.compare(backendKindKey(kind), Qt::CaseInsensitive) == 0)
            return kind;
    return std::nullopt;
}

QString backendKindTitle(BackendKind kind)
{
    switch (kind) {
    case BackendKind::SpansApi: return tr("Spans API");
    case BackendKind::Zipkin: return tr("Zipkin");
    case BackendKind::Jaeger: return tr("Jaeger");
    case BackendKind::Tempo: return tr("Grafana Tempo");
    }
    return {};
}

std::optional<AuthSpec> parseAuthSpec(QStringView text)
{
    const QString t = text.trimmed().toString();
    if (t.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return AuthSpec{AuthMode::None, {}};
    if (t.compare(QLatin1String("bearer"), Qt::CaseInsensitive) == 0)
        return AuthSpec{AuthMode::Bearer, {}};
    if (t.compare(QLatin1String("basic"), Qt::CaseInsensitive) == 0)
        return AuthSpec{AuthMode::Basic, {}};
    if (t.startsWith(QLatin1String("header:"), Qt::CaseInsensitive)) {
        const QString name = t.mid(7).trimmed();
        // An HTTP token: letters, digits and !#$%&'*+-.^_`|~ only.
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
        if (valid.match(name).hasMatch())
            return AuthSpec{AuthMode::Header, name};
    }
    return std::nullopt;
}

QString authSpecText(const AuthSpec &spec)
{
    switch (spec.mode) {
    case AuthMode::None: return QStringLiteral("none");
    case AuthMode::Bearer: return QStringLiteral("bearer");
    case AuthMode::Basic: return QStringLiteral("basic");
    case AuthMode::Header: return QStringLiteral("header:") + spec.headerName;
    }
    return {};
}

QPair<QByteArray, QByteArray> authHeader(const AuthSpec &spec, const QString &secret)
{
    if (secret.isEmpty())
        return {};
    switch (spec.mode) {
    case AuthMode::None: return {};
    case AuthMode::Bearer: return {QByteArrayLiteral("Authorization"), "Bearer " + secret.toUtf8()};
    case AuthMode::Basic: return {QByteArrayLiteral("Authorization"), "Basic " + secret.toUtf8().toBase64()};
    case AuthMode::Header: return {spec.headerName.trimmed().toLatin1(), secret.toUtf8()};
    }
    return {};
}

TraceHit traceHitFromTrace(const Trace &trace)
{
    TraceHit hit;
    hit.traceId = std::string(trace.traceId());
    const std::int32_t root = trace.primaryRoot();
    if (root >= 0) {
        const Span &span = trace.span(static_cast<std::size_t>(root));
        hit.rootService = std::string(trace.str(span.service));
        hit.rootName = std::string(trace.str(span.name));
    }
    hit.startUs = trace.startUs();
    hit.durationUs = trace.durationUs();
    hit.spanCount = static_cast<std::int64_t>(trace.realSpanCount());
    std::int64_t errors = 0;
    for (const Span &span : trace.spans())
        if (!span.isPlaceholder() && span.isError())
            ++errors;
    hit.errorCount = errors;
    for (StrId id : trace.services())
        hit.services.emplace_back(trace.str(id));
    return hit;
}

nlohmann::json traceHitJson(const TraceHit &hit)
{
    json j = json::object();
    j["traceId"] = hit.traceId;
    j["rootService"] = hit.rootService;
    j["rootName"] = hit.rootName;
    j["startUs"] = hit.startUs;
    j["durationUs"] = hit.durationUs;
    j["spanCount"] = hit.spanCount >= 0 ? json(hit.spanCount) : json(nullptr);
    j["errorCount"] = hit.errorCount >= 0 ? json(hit.errorCount) : json(nullptr);
    j["services"] = hit.services;
    return j;
}

namespace backendapi {

QString plainExcerpt(const std::string &body, std::size_t limit)
{
    QString text = QString::fromUtf8(body.data(), qsizetype(std::min(body.size(), limit)));
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char(' ');
    text = text.simplified();
    if (body.size() > limit)
        text += QStringLiteral("...");
    return text;
}

QUrl traceUrl(BackendKind kind, const QUrl &base, const QString &traceId, int apiVersion)
{
    switch (kind) {
    case BackendKind::Zipkin:
        return withPath(base, QStringLiteral("/api/v2/trace/") + segment(traceId));
    case BackendKind::Jaeger:
        return withPath(base, (apiVersion == 3 ? QStringLiteral("/api/v3/traces/") : QStringLiteral("/api/traces/")) + segment(traceId));
    case BackendKind::Tempo:
        return withPath(base, (apiVersion == 2 ? QStringLiteral("/api/v2/traces/") : QStringLiteral("/api/traces/")) + segment(traceId));
    case BackendKind::SpansApi:
        break;
    }
    return {};
}

QUrl searchUrl(BackendKind kind, const QUrl &base, const TraceQuery &q)
{
    QList<QPair<QString, QString>> items;
    const QString service = q.service.trimmed();
    const QString operation = q.operation.trimmed();
    switch (kind) {
    case BackendKind::Zipkin: {
        // Zipkin: durations in µs, endTs and lookback in ms; tags as annotationQuery "k=v and k2=v2".
        QUrl url = withPath(base, QStringLiteral("/api/v2/traces"));
        if (!service.isEmpty())
            items.append({QStringLiteral("serviceName"), service});
        if (!operation.isEmpty())
            items.append({QStringLiteral("spanName"), operation});
        QStringList terms;
        for (const auto &[key, value] : q.tags)
            terms << (value.isEmpty() ? key : key + QLatin1Char('=') + value);
        if (!terms.isEmpty())
            items.append({QStringLiteral("annotationQuery"), terms.join(QStringLiteral(" and "))});
        if (q.minDurationUs > 0)
            items.append({QStringLiteral("minDuration"), QString::number(q.minDurationUs)});
        if (q.maxDurationUs > 0)
            items.append({QStringLiteral("maxDuration"), QString::number(q.maxDurationUs)});
        if (q.endUs > 0) {
            items.append({QStringLiteral("endTs"), QString::number(q.endUs / 1000)});
            if (q.startUs > 0 && q.startUs < q.endUs)
                items.append({QStringLiteral("lookback"), QString::number((q.endUs - q.startUs) / 1000)});
        }
        items.append({QStringLiteral("limit"), QString::number(std::max(1, q.limit))});
        setQuery(url, items);
        return url;
    }
    case BackendKind::Jaeger: {
        // Jaeger: start/end in µs, durations as Go durations, tags as a JSON object.
        QUrl url = withPath(base, QStringLiteral("/api/traces"));
        items.append({QStringLiteral("service"), service});
        if (!operation.isEmpty())
            items.append({QStringLiteral("operation"), operation});
        if (!q.tags.isEmpty()) {
            json tags = json::object();
            for (const auto &[key, value] : q.tags)
                tags[key.toStdString()] = value.toStdString();
            items.append({QStringLiteral("tags"), QString::fromStdString(tags.dump())});
        }
        if (q.minDurationUs > 0)
            items.append({QStringLiteral("minDuration"), goDuration(q.minDurationUs)});
        if (q.maxDurationUs > 0)
            items.append({QStringLiteral("maxDuration"), goDuration(q.maxDurationUs)});
        if (q.startUs > 0)
            items.append({QStringLiteral("start"), QString::number(q.startUs)});
        if (q.endUs > 0)
            items.append({QStringLiteral("end"), QString::number(q.endUs)});
        items.append({QStringLiteral("limit"), QString::number(std::max(1, q.limit))});
        setQuery(url, items);
        return url;
    }
    case BackendKind::Tempo: {
        // Tempo: TraceQL in q=, or tags in logfmt; start/end in epoch seconds; Go durations.
        QUrl url = withPath(base, QStringLiteral("/api/search"));
        if (!q.traceQl.trimmed().isEmpty()) {
            items.append({QStringLiteral("q"), q.traceQl.trimmed()});
        } else {
            QStringList tags;
            if (!service.isEmpty())
                tags << QStringLiteral("service.name=") + logfmtValue(service);
            if (!operation.isEmpty())
                tags << QStringLiteral("name=") + logfmtValue(operation);
            for (const auto &[key, value] : q.tags)
                tags << key + QLatin1Char('=') + logfmtValue(value);
            if (!tags.isEmpty())
                items.append({QStringLiteral("tags"), tags.join(QLatin1Char(' '))});
            if (q.minDurationUs > 0)
                items.append({QStringLiteral("minDuration"), goDuration(q.minDurationUs)});
            if (q.maxDurationUs > 0)
                items.append({QStringLiteral("maxDuration"), goDuration(q.maxDurationUs)});
        }
        if (q.startUs > 0)
            items.append({QStringLiteral("start"), QString::number(q.startUs / 1000000)});
        if (q.endUs > 0)
            items.append({QStringLiteral("end"), QString::number((q.endUs + 999999) / 1000000)});
        items.append({QStringLiteral("limit"), QString::number(std::max(1, q.limit))});
        setQuery(url, items);
        return url;
    }
    case BackendKind::SpansApi:
        break;
    }
    return {};
}

QUrl servicesUrl(BackendKind kind, const QUrl &base)
{
    switch (kind) {
    case BackendKind::Zipkin: return withPath(base, QStringLiteral("/api/v2/services"));
    case BackendKind::Jaeger: return withPath(base, QStringLiteral("/api/services"));
    case BackendKind::Tempo: return withPath(base, QStringLiteral("/api/search/tag/service.name/values"));
    case BackendKind::SpansApi: break;
    }
    return {};
}

QUrl operationsUrl(BackendKind kind, const QUrl &base, const QString &service)
{
    switch (kind) {
    case BackendKind::Zipkin: {
        QUrl url = withPath(base, QStringLiteral("/api/v2/spans"));
        setQuery(url, {{QStringLiteral("serviceName"), service.trimmed()}});
        return url;
    }
    case BackendKind::Jaeger:
        return withPath(base, QStringLiteral("/api/services/") + segment(service) + QStringLiteral("/operations"));
    case BackendKind::Tempo:
        return withPath(base, QStringLiteral("/api/search/tag/name/values"));
    case BackendKind::SpansApi:
        break;
    }
    return {};
}

QUrl tagNamesUrl(BackendKind kind, const QUrl &base)
{
    if (kind == BackendKind::Tempo)
        return withPath(base, QStringLiteral("/api/search/tags"));
    return {};
}

SearchAnswer parseSearchAnswer(BackendKind kind, const std::string &body, const std::atomic_bool *cancel)
{
    SearchAnswer answer;
    const auto doc = parseJson(body);
    if (!doc) {
        answer.error = tr("The answer is not JSON. It began: %1").arg(plainExcerpt(body, 200));
        return answer;
    }
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const QString serverError = errorDocumentMessage(*doc);
    switch (kind) {
    case BackendKind::Zipkin: {
        if (!doc->is_array()) {
            answer.serverError = serverError;
            if (serverError.isEmpty())
                answer.error = tr("Zipkin's search answer should be a list of traces (each a list of spans).");
            return answer;
        }
        for (const json &trace : *doc) {
            if (cancelled()) {
                answer.error = tr("The search was cancelled.");
                return answer;
            }
            if (!trace.is_array() || trace.empty())
                continue;
            if (auto hit = hitFromJson(trace.dump(-1, ' ', false, json::error_handler_t::replace)))
                answer.hits.push_back(std::move(*hit));
        }
        return answer;
    }
    case BackendKind::Jaeger: {
        if (!serverError.isEmpty()) {
            answer.serverError = serverError;
            return answer;
        }
        const auto data = doc->is_object() ? doc->find("data") : doc->end();
        if (!doc->is_object() || data == doc->end() || !(data->is_array() || data->is_null())) {
            answer.error = tr("Jaeger's search answer should be {\"data\": [traces]}.");
            return answer;
        }
        if (data->is_null())
            return answer;
        for (const json &trace : *data) {
            if (cancelled()) {
                answer.error = tr("The search was cancelled.");
                return answer;
            }
            if (!trace.is_object())
                continue;
            const json one = {{"data", json::array({trace})}};
            if (auto hit = hitFromJson(one.dump(-1, ' ', false, json::error_handler_t::replace)))
                answer.hits.push_back(std::move(*hit));
        }
        return answer;
    }
    case BackendKind::Tempo: {
        const auto traces = doc->is_object() ? doc->find("traces") : doc->end();
        if (!doc->is_object() || traces == doc->end()) {
            answer.serverError = serverError;
            if (serverError.isEmpty())
                answer.error = tr("Tempo's search answer should be {\"traces\": [...]}.");
            return answer;
        }
        if (traces->is_array())
            for (const json &t : *traces)
                if (t.is_object())
                    answer.hits.push_back(tempoHit(t));
        return answer;
    }
    case BackendKind::SpansApi:
        break;
    }
    answer.error = tr("The spans API has no search.");
    return answer;
}

NameList parseNameList(const std::string &body)
{
    NameList list;
    const auto doc = parseJson(body);
    if (!doc) {
        list.error = tr("The answer is not JSON. It began: %1").arg(plainExcerpt(body, 200));
        return list;
    }
    // Zipkin: ["a", "b"]; Jaeger: {"data": ["a"]} or {"data": [{"name": "a", "spanKind": ...}]};
    // Tempo: {"tagValues": ["a"]}, {"tagValues": [{"type": "string", "value": "a"}]}, {"tagNames": [...]},
    // or v2's {"scopes": [{"name": "span", "tags": [...]}]}.
    std::set<QString> names;
    const auto addAll = [&names](const json &array) {
        if (!array.is_array())
            return;
        for (const json &v : array) {
            QString name;
            if (v.is_string())
                name = QString::fromStdString(v.get<std::string>());
            else if (v.is_object() && v.contains("value"))
                name = jsonText(v.at("value"));
            else if (v.is_object() && v.contains("name"))
                name = jsonText(v.at("name"));
            if (!name.isEmpty())
                names.insert(name);
        }
    };
    if (doc->is_array()) {
        addAll(*doc);
    } else if (doc->is_object()) {
        const QString serverError = errorDocumentMessage(*doc);
        bool known = false;
        for (const char *key : {"data", "tagValues", "tagNames", "operations"}) {
            if (const auto it = doc->find(key); it != doc->end()) {
                known = true;
                addAll(*it);
            }
        }
        if (const auto it = doc->find("scopes"); it != doc->end() && it->is_array()) {
            known = true;
            for (const json &scope : *it)
                if (scope.is_object() && scope.contains("tags"))
                    addAll(scope.at("tags"));
        }
        if (!serverError.isEmpty() && names.empty()) {
            list.serverError = serverError;
            return list;
        }
        if (!known) {
            list.error = tr("The answer holds no list of names.");
            return list;
        }
    } else {
        list.error = tr("The answer holds no list of names.");
        return list;
    }
    for (const QString &n : names)
        list.names << n;
    return list;
}

QString serverMessage(const std::string &body)
{
    if (body.empty())
        return {};
    if (const auto doc = parseJson(body)) {
        const QString message = errorDocumentMessage(*doc);
        if (!message.isEmpty())
            return plainExcerpt(message.toStdString());
    }
    // HTML error pages: the title says the most.
    const QString text = QString::fromUtf8(body.data(), qsizetype(std::min<std::size_t>(body.size(), 4096)));
    static const QRegularExpression title(QStringLiteral("<title>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = title.match(text); m.hasMatch())
        return m.captured(1).simplified();
    return plainExcerpt(body);
}

bool saysTraceNotFound(BackendKind kind, int httpStatus, const std::string &body)
{
    const QString message = serverMessage(body).toLower();
    switch (kind) {
    case BackendKind::Zipkin:
        // Zipkin answers 404 with "<traceId> not found" as text.
        // Not an HTML page (a proxy's 404 for a wrong base URL): its <title> alone would say "not found" too.
        return httpStatus == 404 && message.contains(QLatin1String("not found")) && body.find('<') == std::string::npos;
    case BackendKind::Jaeger:
        // Jaeger: 404 with {"errors": [{"code": 404, "msg": "trace not found"}]}.
        return (httpStatus == 404 || httpStatus == 200) && message.contains(QLatin1String("trace not found"));
    case BackendKind::Tempo:
        // Tempo: 404 with "trace not found" or "Unable to find <id>" as text.
        return httpStatus == 404
            && (message.contains(QLatin1String("trace not found")) || message.contains(QLatin1String("unable to find")));
    case BackendKind::SpansApi:
        break;
    }
    return false;
}

std::optional<QList<QPair<QString, QString>>> parseTagList(QStringView text, QString *error)
{
    QList<QPair<QString, QString>> tags;
    const QString t = text.toString();
    qsizetype i = 0;
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    while (i < t.size()) {
        while (i < t.size() && t.at(i).isSpace())
            ++i;
        if (i >= t.size())
            break;
        const qsizetype keyStart = i;
        while (i < t.size() && !t.at(i).isSpace() && t.at(i) != QLatin1Char('='))
            ++i;
        const QString key = t.mid(keyStart, i - keyStart);
        if (i >= t.size() || t.at(i) != QLatin1Char('='))
            return fail(tr("\"%1\" is not key=value.").arg(key));
        if (key.isEmpty())
            return fail(tr("A tag needs a key before '='."));
        ++i; // '='
        QString value;
        if (i < t.size() && t.at(i) == QLatin1Char('"')) {
            ++i;
            bool closed = false;
            while (i < t.size()) {
                const QChar c = t.at(i++);
                if (c == QLatin1Char('\\') && i < t.size()) {
                    value += t.at(i++);
                } else if (c == QLatin1Char('"')) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return fail(tr("The quote after %1= is not closed.").arg(key));
        } else {
            const qsizetype valueStart = i;
            while (i < t.size() && !t.at(i).isSpace())
                ++i;
            value = t.mid(valueStart, i - valueStart);
        }
        tags.append({key, value});
    }
    return tags;
}

std::int64_t parseDurationUs(QStringView text)
{
    // One or more <number><unit> parts, as Go and Jaeger's UI write them (µ as the micro sign or Greek mu, as Go takes both).
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|\u03BCs|ms|s|m|h)"));
    const QString t = text.trimmed().toString().toLower();
    if (t.isEmpty())
        return -1;
    double total = 0;
    qsizetype pos = 0;
    while (pos < t.size()) {
        const auto m = part.match(t, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return -1;
        const double value = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        double scale = 1;
        if (unit == QLatin1String("ns"))
            scale = 0.001;
        else if (unit == QLatin1String("ms"))
            scale = 1000;
        else if (unit == QLatin1String("s"))
            scale = 1e6;
        else if (unit == QLatin1String("m"))
            scale = 60e6;
        else if (unit == QLatin1String("h"))
            scale = 3600e6;
        total += value * scale;
        pos = m.capturedEnd();
    }
    if (total > 9e15)
        return -1;
    return static_cast<std::int64_t>(total + 0.5);
}

QString goDuration(std::int64_t us)
{
    if (us % 1000000 == 0)
        return QString::number(us / 1000000) + QLatin1Char('s');
    if (us % 1000 == 0)
        return QString::number(us / 1000) + QStringLiteral("ms");
    return QString::number(us) + QStringLiteral("us");
}

std::optional<std::int64_t> parseTimeUs(QStringView text)
{
    const QString t = text.trimmed().toString();
    if (t.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 n = t.toLongLong(&isNumber);
    if (isNumber) {
        if (n <= 0)
            return std::nullopt;
        if (n < 100000000000LL) // up to year 5138 in seconds
            return n * 1000000;
        if (n < 100000000000000LL) // milliseconds
            return n * 1000;
        return n;
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch() * 1000;
}

} // namespace backendapi

} // namespace td
