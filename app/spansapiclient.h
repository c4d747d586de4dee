#pragma once

#include "backendapi.h"
#include "traceloader.h"

#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>
#include <string>

class QNetworkAccessManager;
class QNetworkReply;
class QThreadPool;
class QTimer;

namespace td {

struct ConnectionProfile;

// One GET of a trace: {base}/v1/{project}/ats/spans?traceId={id} for the spans API, or the trace address of
// Zipkin, Jaeger or Tempo (backendapi::traceUrl). With rawUrl set, a GET of that address whose answer is
// returned unparsed (the search page's services, operations and searches).
struct FetchRequest
{
    BackendKind kind = BackendKind::SpansApi;
    QUrl baseUrl;
    AuthMode authMode = AuthMode::None; // Zipkin, Jaeger, Tempo; the spans API always uses tokenHeader
    QString username;                   // AuthMode::Basic: sent as username:token
    int apiVersion = 0;                 // see ConnectionProfile::apiVersion
    QUrl rawUrl;
    QString projectId;
    QString clusterId;     // sent as header "clusterId" when not empty
    QString namespaceName; // sent as header "namespace" when not empty
    QString tokenHeader = QStringLiteral("X-Auth-Token");
    QString token;         // never logged; sent only when not empty
    QString traceId;       // trimmed by the client
    int timeoutMs = 30000; // no byte from the server for this long fails the fetch
    bool verifyTls = true;
    QString caBundleFile;
    qint64 maxBytes = qint64(256) * 1024 * 1024;
    QString profileName;   // for the trace's source name ("profile/project")

    static FetchRequest fromProfile(const ConnectionProfile &profile, const QString &traceId, const QString &token);
    QUrl url() const;
    QString sourceName() const;
    AuthSpec auth() const;
    bool isRaw() const { return rawUrl.isValid() && !rawUrl.isEmpty(); }
    // "project demo" for the spans API, "Zipkin at host" for the others: for messages.
    QString whereText() const;
};

// Which step a fetch stopped at. Every failure says what happened and what to do.
enum class FetchStep {
    Succeeded,
    Request,         // the request itself is incomplete (empty trace id, bad URL, unreadable CA bundle)
    Connect,         // host not found, connection refused, network unreachable
    Timeout,
    Tls,
    Redirect,        // redirected to another host or from https to http
    Authentication,  // HTTP 401/403
    NotFound,        // HTTP 404 that is not the backend saying "no such trace"
    QueryRejected,   // HTTP 400 from Zipkin, Jaeger or Tempo (a bad search, e.g. TraceQL that does not parse)
    HttpStatus,      // any other non-2xx status
    Transfer,        // the connection broke during the download
    TooLarge,        // the answer exceeded maxBytes
    Cancelled,
    NotJson,         // the body is not JSON
    NotTrace,        // JSON, but no spans in it
    ParameterRejected, // SVCSTG.ATS.400101
    NoTraceData,       // SVCSTG.ATS.200103 (or success with no spans); a backend's "trace not found"
    ApiError,          // any other spans API errorCode
};

// Short name of the step for messages and stderr: "connecting", "TLS handshake", ...
QString fetchStepName(FetchStep step);

struct FetchResult
{
    FetchStep step = FetchStep::Succeeded;
    QString message; // what happened, one or two sentences (server text included as plain text)
    QString hint;    // what to do about it
    // 401/403: the UI should offer to enter a new token for the profile and try again.
    bool tokenRejected = false;
    int httpStatus = 0;
    QString envelopeCode;
    QString envelopeMessage;
    QList<QSslError> sslErrors;
    // Things worth telling although the fetch worked (spans of another trace, TLS verification off).
    QStringList warnings;
    // The parse: load.trace is the trace on success; load.trace->sourceBytes() holds the exact bytes received.
    LoadResult load;
    // The exact bytes received (also on most failures, for a raw view); null when nothing arrived.
    std::shared_ptr<const std::string> bytes;
    FetchRequest request; // with the token cleared

    bool ok() const { return step == FetchStep::Succeeded && load.ok(); }
    // Answer received but not readable as a trace (command line exit 2) rather than a failed fetch (exit 3).
    bool answerUnreadable() const { return step == FetchStep::NotJson || step == FetchStep::NotTrace; }
    // "Fetching trace failed while <step>: <message>\n<hint>", plain text.
    QString describe() const;
};

// Fetches one trace from the spans API in the background: download on the GUI thread's event loop
// (QNetworkAccessManager), parse with QtConcurrent. One fetch at a time; a new fetch cancels the previous one.
class SpansApiClient : public QObject
{
    Q_OBJECT

public:
    explicit SpansApiClient(QObject *parent = nullptr);
    ~SpansApiClient() override;

    void fetch(const FetchRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }

    // Shared with other network users if wanted; the client does not take ownership.
    void setNetworkAccessManager(QNetworkAccessManager *manager);

Q_SIGNALS:
    // Bytes received so far; total is -1 when the server did not say.
    void downloadProgress(qint64 received, qint64 total);
    // The download is complete and the trace is being parsed.
    void parsingStarted(qint64 bytes);
    void parseProgress(qint64 bytesRead, qint64 totalBytes, qint64 spans);
    void finished(const td::FetchResult &result);

private:
    void onReadyRead();
    void onReplyFinished();
    void onRedirected(const QUrl &url);
    void onTimeout();
    void startParse();
    void finish(FetchResult result);
    FetchResult failure(FetchStep step, const QString &message, const QString &hint) const;
    FetchResult classifyNetworkError(QNetworkReply *reply) const;
    // The answer to an HTTP error status from Zipkin, Jaeger or Tempo, with the server's own message.
    FetchResult backendStatusFailure(int status, const QString &reason) const;
    QString apiName() const; // "the spans API", "Zipkin", ...

    QNetworkAccessManager *m_manager = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout = nullptr;
    QThreadPool *m_pool = nullptr; // one parse at a time, waited for on destruction
    FetchRequest m_request;
    std::string m_body;
    QList<QSslError> m_sslErrors;
    QString m_refusedRedirect;
    int m_httpStatus = 0;
    bool m_running = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_cancelled = false;
    quint64 m_generation = 0; // a parse of an older fetch finishing late is dropped
    std::shared_ptr<std::atomic_bool> m_parseCancel;
};

} // namespace td

Q_DECLARE_METATYPE(td::FetchResult)
