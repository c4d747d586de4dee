#include "demospansserver.h"

#include "demohttp.h"
#include "spansapicodes.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace td {

using nlohmann::json;

namespace {

QString codeText(std::string_view code)
{
    return QString::fromLatin1(code.data(), qsizetype(code.size()));
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 500: return "Internal Server Error";
    default: return "Unknown";
    }
}

QByteArray head(int status, const QByteArray &contentType, qint64 contentLength, const QByteArray &extra = {})
{
    QByteArray h = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    h += "Server: tracedesk-demo-server\r\n";
    if (!contentType.isEmpty())
        h += "Content-Type: " + contentType + "\r\n";
    if (contentLength >= 0)
        h += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    h += extra;
    h += "Connection: close\r\n\r\n";
    return h;
}

} // namespace

void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
             const QByteArray &extra)
{
    socket->write(head(status, contentType, body.size(), extra));
    socket->write(body);
    socket->disconnectFromHost(); // after the buffered bytes are written
}

namespace {

void collectSpans(const json &value, std::vector<json> &out)
{
    if (value.is_array()) {
        for (const auto &v : value)
            collectSpans(v, out);
    } else if (value.is_string()) {
        json inner = json::parse(value.get<std::string>(), nullptr, false);
        if (inner.is_object())
            out.push_back(std::move(inner));
    } else if (value.is_object()) {
        if (value.contains("responseInfo"))
            collectSpans(value.at("responseInfo"), out);
        else
            out.push_back(value);
    }
}

std::string hex16(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

} // namespace

DemoSpansServer::DemoSpansServer(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<td::DemoRequest>();
    connect(&m_server, &QTcpServer::newConnection, this, &DemoSpansServer::onNewConnection);
    const QStringList ids = addTraceFile(QStringLiteral(":/tracedesk-demo/sample-trace.json"));
    m_sampleTraceId = ids.value(0);
    // Real traces of the Zipkin, Jaeger and OpenTelemetry projects for the Zipkin, Jaeger and Tempo APIs.
    const QDir backends(QStringLiteral(":/tracedesk-demo/backends"));
    for (const QString &dir : backends.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        for (const QString &file : QDir(backends.filePath(dir)).entryList(QDir::Files, QDir::Name))
            addBackendTraceFile(backends.filePath(dir) + QLatin1Char('/') + file);
}

DemoSpansServer::~DemoSpansServer() = default;

bool DemoSpansServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void DemoSpansServer::close()
{
    m_server.close();
}

quint16 DemoSpansServer::port() const
{
    return m_server.serverPort();
}

QUrl DemoSpansServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void DemoSpansServer::setRequiredToken(const QByteArray &headerName, const QByteArray &token)
{
    m_tokenHeader = headerName.toLower();
    m_token = token;
}

QStringList DemoSpansServer::traceIds() const
{
    QStringList ids = m_traces.keys();
    ids.sort();
    return ids;
}

QStringList DemoSpansServer::addTraceFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QStringList ids = addTraceJson(file.readAll(), error);
    if (ids.isEmpty() && error)
        *error = path + QStringLiteral(": ") + *error;
    return ids;
}

QStringList DemoSpansServer::addTraceJson(const QByteArray &bytes, QString *error)
{
    const json doc = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (doc.is_discarded()) {
        if (error)
            *error = QStringLiteral("not valid JSON");
        return {};
    }
    std::vector<json> spans;
    collectSpans(doc, spans);
    QStringList ids;
    for (const json &span : spans) {
        const auto it = span.find("traceId");
        if (it == span.end() || !it->is_string())
            continue;
        const QString id = QString::fromStdString(it->get<std::string>());
        if (!ids.contains(id)) {
            ids << id;
            m_traces[id].clear();
        }
        m_traces[id].push_back(span.dump());
    }
    if (ids.isEmpty() && error)
        *error = QStringLiteral("no spans with a traceId (the demo server serves Zipkin-style span arrays and spans API answers)");
    return ids;
}

QStringList DemoSpansServer::specialTraceIds()
{
    return {
        QStringLiteral("fail-400101       SVCSTG.ATS.400101 parameter verification failed (HTTP 400)"),
        QStringLiteral("fail-200103       SVCSTG.ATS.200103 no tracing data found (also any unknown id)"),
        QStringLiteral("fail-unknown-code an error code the client does not know"),
        QStringLiteral("fail-401          HTTP 401 (token rejected)"),
        QStringLiteral("fail-403          HTTP 403 (access denied)"),
        QStringLiteral("fail-404          HTTP 404"),
        QStringLiteral("fail-500          HTTP 500 with an HTML page"),
        QStringLiteral("fail-not-json     HTTP 200 with an HTML login page"),
        QStringLiteral("fail-slow         the sample, after the slow delay (--slow-ms)"),
        QStringLiteral("fail-slow-body    the sample, trickled 1 KiB every 100 ms"),
        QStringLiteral("fail-huge         an endless-looking answer of --huge-mb MiB"),
        QStringLiteral("fail-redirect     HTTP 302 to another host"),
        QStringLiteral("redirect-same-host HTTP 302 to the sample on this server"),
        QStringLiteral("fail-other-trace  success, but with the spans of the sample trace"),
        QStringLiteral("spans-N           a generated trace of N spans (e.g. spans-50000)"),
    };
}

void DemoSpansServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        auto handled = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, handled] {
            buffer->append(socket->readAll());
            if (*handled)
                return;
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) {
                if (buffer->size() > 64 * 1024)
                    respond(socket, 400, "text/plain", "request header too large\n");
                return;
            }
            *handled = true;
            DemoRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
            }
            m_requests.append(request);
            Q_EMIT requestServed(request);
            handle(socket, request);
        });
    }
}

QByteArray DemoSpansServer::envelope(const QString &code, const QString &message, const std::vector<std::string> *spans) const
{
    json doc = json::object();
    doc["errorCode"] = code.toStdString();
    doc["errorMessage"] = message.isEmpty() ? json(nullptr) : json(message.toStdString());
    json info = json::array();
    if (spans) {
        for (const std::string &span : *spans)
            info.push_back(m_objects ? json::parse(span) : json(span));
    }
    doc["responseInfo"] = std::move(info);
    const std::string text = doc.dump();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

void DemoSpansServer::handle(QTcpSocket *socket, const DemoRequest &request)
{
    const QByteArray jsonType = "application/json;charset=UTF-8";
    if (request.method != "GET") {
        respond(socket, 405, "text/plain", "only GET\n", "Allow: GET\r\n");
        return;
    }
    const QUrl url = QUrl::fromEncoded("http://127.0.0.1" + request.target);
    for (BackendKind kind : {BackendKind::Zipkin, BackendKind::Jaeger, BackendKind::Tempo}) {
        const QString prefix = QLatin1Char('/') + backendKindKey(kind) + QLatin1Char('/');
        if (url.path().startsWith(prefix)) {
            if (!m_token.isEmpty() && request.header(m_tokenHeader) != m_token) {
                respond(socket, 401, "text/plain", "Unauthorized\n");
                return;
            }
            handleBackend(socket, kind, url.path().mid(prefix.size() - 1), url);
            return;
        }
    }
    const QStringList parts = url.path().split(QLatin1Char('/'));
    if (parts.size() != 5 || parts.at(1) != QLatin1String("v1") || parts.at(2).isEmpty()
        || parts.at(3) != QLatin1String("ats") || parts.at(4) != QLatin1String("spans")) {
        respond(socket, 404, "application/json",
                R"({"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published"})");
        return;
    }
    const QString project = parts.at(2);
    if (!m_token.isEmpty() && request.header(m_tokenHeader) != m_token) {
        respond(socket, 401, "application/json",
                R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: token missing or expired"})");
        return;
    }
    const QString id = QUrlQuery(url).queryItemValue(QStringLiteral("traceId"), QUrl::FullyDecoded);
    const auto sample = m_traces.constFind(m_sampleTraceId);
    const std::vector<std::string> *sampleSpans = sample != m_traces.cend() ? &sample.value() : nullptr;

    if (id.trimmed().isEmpty() || id == QLatin1String("fail-400101")) {
        respond(socket, 400, jsonType, envelope(codeText(spansapi::ParameterVerificationFailed),
                                                QStringLiteral("Parameter verification failed: traceId"), nullptr));
    } else if (id == QLatin1String("fail-unknown-code")) {
        respond(socket, 200, jsonType, envelope(QStringLiteral("SVCSTG.ATS.500123"),
                                                QStringLiteral("Elasticsearch cluster is busy, try later"), nullptr));
    } else if (id == QLatin1String("fail-401")) {
        respond(socket, 401, "application/json", R"({"error_code":"APIGW.0307","error_msg":"The token has expired"})");
    } else if (id == QLatin1String("fail-403")) {
        respond(socket, 403, "application/json", R"({"error_code":"APIGW.0302","error_msg":"Access denied"})");
    } else if (id == QLatin1String("fail-404")) {
        respond(socket, 404, "text/plain", "Not Found\n");
    } else if (id == QLatin1String("fail-500")) {
        respond(socket, 500, "text/html",
                "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>"
                "<p>upstream connect error or disconnect/reset before headers</p></body></html>");
    } else if (id == QLatin1String("fail-not-json")) {
        respond(socket, 200, "text/html",
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>User <input name=u></form></body></html>");
    } else if (id == QLatin1String("fail-slow")) {
        const QByteArray body = envelope(codeText(spansapi::Succeeded), {}, sampleSpans);
        QTimer::singleShot(m_slowDelayMs, socket, [socket, body, jsonType] { respond(socket, 200, jsonType, body); });
    } else if (id == QLatin1String("fail-slow-body")) {
        serveTrickle(socket, envelope(codeText(spansapi::Succeeded), {}, sampleSpans));
    } else if (id == QLatin1String("fail-huge")) {
        serveHuge(socket);
    } else if (id == QLatin1String("fail-redirect")) {
        QUrl target = url;
        target.setHost(QStringLiteral("other-host.invalid"));
        target.setPort(port());
        respond(socket, 302, "text/plain", "moved\n", "Location: " + target.toEncoded() + "\r\n");
    } else if (id == QLatin1String("redirect-same-host")) {
        QUrl target = url;
        target.setHost(QString());
        target.setPort(-1);
        target.setScheme(QString());
        target.setQuery(QStringLiteral("traceId=") + m_sampleTraceId);
        respond(socket, 302, "text/plain", "moved\n", "Location: " + target.toEncoded() + "\r\n");
    } else if (id == QLatin1String("fail-other-trace")) {
        respond(socket, 200, jsonType, envelope(codeText(spansapi::Succeeded), {}, sampleSpans));
    } else if (id.startsWith(QLatin1String("spans-")) && id.mid(6).toInt() > 0) {
        serveSynthetic(socket, id, std::min(id.mid(6).toInt(), 2000000));
    } else if (const auto it = m_traces.constFind(id); it != m_traces.cend()) {
        respond(socket, 200, jsonType, envelope(codeText(spansapi::Succeeded), {}, &it.value()));
    } else {
        Q_UNUSED(project);
        respond(socket, 200, jsonType, envelope(codeText(spansapi::NoTraceData), QStringLiteral("No tracing data found"), nullptr));
    }
}

void DemoSpansServer::serveSynthetic(QTcpSocket *socket, const QString &traceId, int spanCount)
{
    // A tree with fan-out 8; children start later and end earlier than their parents.
    const std::string tid = traceId.toStdString();
    const std::int64_t base = 1700000000000000;
    std::vector<int> depth(static_cast<std::size_t>(spanCount), 0);
    std::vector<std::string> spans;
    spans.reserve(static_cast<std::size_t>(spanCount));
    for (int i = 0; i < spanCount; ++i) {
        const int parent = i == 0 ? -1 : (i - 1) / 8;
        depth[std::size_t(i)] = parent < 0 ? 0 : depth[std::size_t(parent)] + 1;
        const int d = depth[std::size_t(i)];
        const std::int64_t start = base + d * 10 + (i % 7);
        const std::int64_t duration = 10000000 - d * 100 - 20;
        const std::string service = "svc-" + std::to_string(i % 13);
        json endpoint = {{"serviceName", service}, {"ipv4", "10.0.0." + std::to_string(i % 13 + 1)}, {"port", 8080}};
        json span = {{"traceId", tid},
                     {"id", hex16(0x1000 + std::uint64_t(i))},
                     {"name", service + ":inst-1:/op/" + std::to_string(i % 50)},
                     {"timestamp", start},
                     {"duration", duration},
                     {"annotations", json::array({{{"timestamp", start}, {"value", "sr"}, {"endpoint", endpoint}},
                                                  {{"timestamp", start + duration}, {"value", "ss"}, {"endpoint", endpoint}}})},
                     {"binaryAnnotations", json::array({{{"key", "seq"}, {"value", std::to_string(i)}}})}};
        if (parent >= 0)
            span["parentId"] = hex16(0x1000 + std::uint64_t(parent));
        spans.push_back(span.dump());
    }
    respond(socket, 200, "application/json", envelope(codeText(spansapi::Succeeded), {}, &spans));
}

void DemoSpansServer::serveHuge(QTcpSocket *socket)
{
    // No Content-Length: the body ends when the connection closes, so only counting bytes can stop it.
    socket->write(head(200, "application/json", -1));
    socket->write(R"({"errorCode":")" + QByteArray(spansapi::Succeeded.data(), qsizetype(spansapi::Succeeded.size()))
                  + R"(","errorMessage":null,"responseInfo":[)");
    const auto sample = m_traces.constFind(m_sampleTraceId);
    const std::string one = json(sample != m_traces.cend() && !sample->empty() ? sample->front() : std::string("{}")).dump();
    QByteArray chunk;
    while (chunk.size() < 256 * 1024)
        chunk += QByteArray(one.data(), qsizetype(one.size())) + ',';
    auto sent = std::make_shared<qint64>(0);
    const qint64 limit = m_hugeBytes;
    auto pump = [socket, chunk, sent, limit, one] {
        while (socket->bytesToWrite() < 1024 * 1024 && *sent < limit) {
            socket->write(chunk);
            *sent += chunk.size();
        }
        if (*sent >= limit && socket->state() == QAbstractSocket::ConnectedState && !socket->property("done").toBool()) {
            socket->setProperty("done", true);
            socket->write(QByteArray(one.data(), qsizetype(one.size())) + "]}");
            socket->disconnectFromHost();
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

void DemoSpansServer::serveTrickle(QTcpSocket *socket, const QByteArray &body)
{
    socket->write(head(200, "application/json", body.size()));
    auto offset = std::make_shared<qsizetype>(0);
    auto *timer = new QTimer(socket);
    connect(timer, &QTimer::timeout, socket, [socket, body, offset, timer] {
        socket->write(body.mid(*offset, 1024));
        *offset += 1024;
        if (*offset >= body.size()) {
            timer->stop();
            socket->disconnectFromHost();
        }
    });
    timer->start(100);
}

} // namespace td
