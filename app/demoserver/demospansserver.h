#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include "backendapi.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

class QTcpSocket;

namespace td {

// One request as the demo server saw it. Header names are lower-case.
struct DemoRequest
{
    QByteArray method;
    QByteArray target; // path and query as sent
    QHash<QByteArray, QByteArray> headers;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// A small HTTP/1.1 server on 127.0.0.1 that speaks the spans API contract
// (GET /v1/{project_id}/ats/spans?traceId=ID) for demos and tests. Special trace ids
// ("fail-401", "fail-slow", ...; see specialTraceIds()) produce each failure a client must handle.
// It also speaks Zipkin's, Jaeger's and Tempo's query APIs under /zipkin, /jaeger and /tempo
// (backendBaseUrl()), on real traces of those projects (demobackends.cpp).
class DemoSpansServer : public QObject
{
    Q_OBJECT

public:
    explicit DemoSpansServer(QObject *parent = nullptr);
    ~DemoSpansServer() override;

    // Listens on 127.0.0.1 only; port 0 picks a free one.
    bool listen(quint16 port = 0);
    void close();
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    QString errorString() const { return m_server.errorString(); }

    // Adds the spans of a file (a JSON array of spans, a single span, or a spans API envelope);
    // each trace id found becomes servable. Returns the trace ids, or an empty list with *error set.
    QStringList addTraceFile(const QString &path, QString *error = nullptr);
    QStringList addTraceJson(const QByteArray &json, QString *error = nullptr);
    // The bundled sample trace's id (loaded in the constructor).
    QString sampleTraceId() const { return m_sampleTraceId; }
    QStringList traceIds() const;

    // Send responseInfo entries as JSON objects instead of JSON strings (the documented form).
    void setResponseInfoAsObjects(bool objects) { m_objects = objects; }
    // How long "fail-slow" waits before answering.
    void setSlowDelayMs(int ms) { m_slowDelayMs = ms; }
    // Size of the "fail-huge" answer.
    void setHugeBytes(qint64 bytes) { m_hugeBytes = bytes; }
    // When set, requests without this token in the header answer HTTP 401.
    void setRequiredToken(const QByteArray &headerName, const QByteArray &token);

    // Zipkin, Jaeger (and its API v3) and Tempo: http://127.0.0.1:PORT/zipkin, /jaeger, /tempo.
    QUrl backendBaseUrl(BackendKind kind) const;
    // Serves a Zipkin v2 span array with Zipkin, a Jaeger trace ({data: [...]} or {spans, processes}) with
    // Jaeger, and OTLP JSON with Tempo and Jaeger's API v3. Returns the trace ids added.
    QStringList addBackendTraceFile(const QString &path, QString *error = nullptr);
    QStringList backendTraceIds(BackendKind kind) const;
    // Searches ignore the time range unless this is set (the bundled traces were recorded years ago).
    void setHonourTimeRange(bool honour) { m_honourTimeRange = honour; }
    // "what it does" lines of the backends' special ids and services, for the help text.
    static QStringList backendSpecials();

    const QList<DemoRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    // "id - what it does" lines for the help text.
    static QStringList specialTraceIds();

Q_SIGNALS:
    void requestServed(const td::DemoRequest &request);

private:
    void onNewConnection();
    void handle(QTcpSocket *socket, const DemoRequest &request);
    QByteArray envelope(const QString &code, const QString &message, const std::vector<std::string> *spans) const;
    void serveSynthetic(QTcpSocket *socket, const QString &traceId, int spanCount);
    void serveHuge(QTcpSocket *socket);
    void serveTrickle(QTcpSocket *socket, const QByteArray &body);

    // One trace as a backend stores it: its own JSON, and what searches filter on.
    struct BackendTrace
    {
        std::string traceId;
        std::string body; // Zipkin: span array; Jaeger: trace object; Tempo: OTLP document
        TraceHit hit;
        std::set<std::string> services;
        std::set<std::string> names;
        std::set<std::pair<std::string, std::string>> tags;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> serviceStats; // spans, errors
    };
    void handleBackend(QTcpSocket *socket, BackendKind kind, const QString &path, const QUrl &url);
    void handleZipkin(QTcpSocket *socket, const QString &path, const QUrl &url);
    void handleJaeger(QTcpSocket *socket, const QString &path, const QUrl &url);
    void handleTempo(QTcpSocket *socket, const QString &path, const QUrl &url);
    const BackendTrace *findBackendTrace(BackendKind kind, const QString &id) const;
    bool addBackendTrace(BackendKind kind, std::string body, QStringList &ids);
    std::vector<BackendTrace> &store(BackendKind kind) { return m_backendTraces[int(kind)]; }
    const std::vector<BackendTrace> *storeOf(BackendKind kind) const;

    QHash<int, std::vector<BackendTrace>> m_backendTraces; // by BackendKind: Zipkin, Jaeger, Tempo (OTLP)
    bool m_honourTimeRange = false;
    QTcpServer m_server;
    QHash<QString, std::vector<std::string>> m_traces; // trace id -> spans as compact JSON text
    QString m_sampleTraceId;
    QList<DemoRequest> m_requests;
    QByteArray m_tokenHeader;
    QByteArray m_token;
    bool m_objects = false;
    int m_slowDelayMs = 10000;
    qint64 m_hugeBytes = qint64(300) * 1024 * 1024;
};

} // namespace td
