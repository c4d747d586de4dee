#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

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
