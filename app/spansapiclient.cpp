#include "spansapiclient.h"

#include "connectionprofiles.h"
#include "spansapicodes.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace td {

namespace {

// The first bytes of a body as one line of plain text, for messages.
QString excerpt(const std::string &body)
{
    return backendapi::plainExcerpt(body, 200);
}

bool looksLikeJson(const std::string &body)
{
    const auto first = body.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    return first != std::string::npos && (body[first] == '{' || body[first] == '[');
}

QString describeSslError(const QSslError &error)
{
    QString text = error.errorString();
    const QSslCertificate cert = error.certificate();
    if (!cert.isNull()) {
        const QString subject = cert.subjectDisplayName();
        const QString issuer = cert.issuerDisplayName();
        text += SpansApiClient::tr(" (certificate for \"%1\" issued by \"%2\", valid %3 to %4)")
                    .arg(subject, issuer, cert.effectiveDate().toString(Qt::ISODate),
                         cert.expiryDate().toString(Qt::ISODate));
    }
    return text;
}

QString formatBytes(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return SpansApiClient::tr("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024)
        return SpansApiClient::tr("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
    return SpansApiClient::tr("%1 bytes").arg(bytes);
}

QString formatSeconds(int ms)
{
    if (ms % 1000 == 0)
        return SpansApiClient::tr("%1 s").arg(ms / 1000);
    return SpansApiClient::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

FetchRequest FetchRequest::fromProfile(const ConnectionProfile &profile, const QString &traceId, const QString &token)
{
    FetchRequest r;
    r.kind = profile.kind;
    r.baseUrl = profile.baseUrl;
    r.authMode = profile.authMode;
    r.username = profile.username;
    r.apiVersion = profile.apiVersion;
    r.projectId = profile.projectId;
    r.clusterId = profile.clusterId;
    r.namespaceName = profile.namespaceName;
    r.tokenHeader = profile.tokenHeader;
    r.token = token;
    r.traceId = traceId.trimmed();
    r.timeoutMs = std::max(1, profile.timeoutSeconds) * 1000;
    r.maxBytes = qint64(std::clamp(profile.maxMegabytes, 1, ConnectionProfile::maxMaxMegabytes)) * 1024 * 1024;
    r.verifyTls = profile.verifyTls;
    r.caBundleFile = profile.caBundleFile;
    r.profileName = profile.name;
    return r;
}

QUrl FetchRequest::url() const
{
    if (isRaw())
        return rawUrl;
    if (kind != BackendKind::SpansApi)
        return backendapi::traceUrl(kind, baseUrl, traceId, apiVersion);
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QStringLiteral("/v1/") + projectId.trimmed() + QStringLiteral("/ats/spans");
    url.setPath(path);
    QUrlQuery query;
    // Encode fully: a trace id with '+', '&' or '#' must arrive as typed.
    query.addQueryItem(QStringLiteral("traceId"),
                       QString::fromLatin1(QUrl::toPercentEncoding(traceId.trimmed())));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QString FetchRequest::sourceName() const
{
    const QString where = profileName.isEmpty() ? baseUrl.host() : profileName;
    if (kind != BackendKind::SpansApi)
        return where + QLatin1Char('/') + backendKindKey(kind);
    return where + QLatin1Char('/') + projectId.trimmed();
}

AuthSpec FetchRequest::auth() const
{
    if (kind == BackendKind::SpansApi)
        return AuthSpec{AuthMode::Header, tokenHeader.trimmed()};
    return AuthSpec{authMode, authMode == AuthMode::Header ? tokenHeader.trimmed() : QString()};
}

QString FetchRequest::whereText() const
{
    if (kind == BackendKind::SpansApi)
        return SpansApiClient::tr("project %1").arg(projectId.trimmed());
    return SpansApiClient::tr("%1 at %2").arg(backendKindTitle(kind), baseUrl.toString(QUrl::RemoveUserInfo));
}

QString fetchStepName(FetchStep step)
{
    switch (step) {
    case FetchStep::Succeeded: return SpansApiClient::tr("done");
    case FetchStep::Request: return SpansApiClient::tr("preparing the request");
    case FetchStep::Connect: return SpansApiClient::tr("connecting");
    case FetchStep::Timeout: return SpansApiClient::tr("waiting for the answer");
    case FetchStep::Tls: return SpansApiClient::tr("checking the server certificate (TLS)");
    case FetchStep::Redirect: return SpansApiClient::tr("following a redirect");
    case FetchStep::Authentication: return SpansApiClient::tr("authenticating");
    case FetchStep::NotFound: return SpansApiClient::tr("finding the API");
    case FetchStep::QueryRejected: return SpansApiClient::tr("sending the query");
    case FetchStep::HttpStatus: return SpansApiClient::tr("requesting the trace");
    case FetchStep::Transfer: return SpansApiClient::tr("downloading");
    case FetchStep::TooLarge: return SpansApiClient::tr("downloading");
    case FetchStep::Cancelled: return SpansApiClient::tr("cancelled");
    case FetchStep::NotJson: return SpansApiClient::tr("reading the answer");
    case FetchStep::NotTrace: return SpansApiClient::tr("reading the answer");
    case FetchStep::ParameterRejected: return SpansApiClient::tr("querying the trace");
    case FetchStep::NoTraceData: return SpansApiClient::tr("querying the trace");
    case FetchStep::ApiError: return SpansApiClient::tr("querying the trace");
    }
    return {};
}

QString FetchResult::describe() const
{
    if (step == FetchStep::Succeeded)
        return message;
    QString text = SpansApiClient::tr("Fetching the trace failed while %1: %2").arg(fetchStepName(step), message);
    if (!hint.isEmpty())
        text += QLatin1Char('\n') + hint;
    return text;
}

SpansApiClient::SpansApiClient(QObject *parent)
    : QObject(parent)
    , m_timeout(new QTimer(this))
    , m_pool(new QThreadPool(this))
{
    static const bool proxyConfigured = [] {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return true;
    }();
    Q_UNUSED(proxyConfigured);
    qRegisterMetaType<td::FetchResult>();
    m_pool->setMaxThreadCount(1);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &SpansApiClient::onTimeout);
}

SpansApiClient::~SpansApiClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_parseCancel)
        m_parseCancel->store(true);
    m_pool->waitForDone();
}

void SpansApiClient::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_manager = manager;
}

FetchResult SpansApiClient::failure(FetchStep step, const QString &message, const QString &hint) const
{
    FetchResult r;
    r.step = step;
    r.message = message;
    r.hint = hint;
    return r;
}

void SpansApiClient::fetch(const FetchRequest &request)
{
    // Drop whatever was running: its reply is aborted quietly and its parse result ignored.
    ++m_generation;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_parseCancel)
        m_parseCancel->store(true);
    m_timeout->stop();
    m_request = request;
    m_request.traceId = request.traceId.trimmed();
    m_body.clear();
    m_sslErrors.clear();
    m_refusedRedirect.clear();
    m_timedOut = m_tooLarge = m_cancelled = false;
    m_running = true;

    const auto failSoon = [this](FetchResult result) {
        const quint64 generation = m_generation;
        QTimer::singleShot(0, this, [this, generation, result = std::move(result)]() mutable {
            if (generation == m_generation)
                finish(std::move(result));
        });
    };

    if (m_request.traceId.isEmpty() && !m_request.isRaw()) {
        failSoon(failure(FetchStep::Request, tr("The trace id is empty."), tr("Enter the trace id to fetch.")));
        return;
    }
    const QUrl base = m_request.baseUrl;
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("https") && base.scheme() != QLatin1String("http"))) {
        failSoon(failure(FetchStep::Request, tr("The base URL \"%1\" is not a usable http(s) address.").arg(base.toString()),
                         tr("Check the base URL in the connection profile, e.g. https://apm.example.com.")));
        return;
    }
    if (m_request.kind == BackendKind::SpansApi && !m_request.isRaw() && m_request.projectId.trimmed().isEmpty()) {
        failSoon(failure(FetchStep::Request, tr("The project id is empty."),
                         tr("Enter the project id in the connection profile.")));
        return;
    }
    const AuthSpec auth = m_request.auth();
    if (!m_request.token.isEmpty() && auth.mode == AuthMode::Header && auth.headerName.isEmpty()) {
        failSoon(failure(FetchStep::Request, tr("The token header name is empty."),
                         m_request.kind == BackendKind::SpansApi
                             ? tr("Set the token header in the connection profile (usually X-Auth-Token).")
                             : tr("Set the header name in the connection profile, or choose another kind of authentication.")));
        return;
    }
    // Basic authentication sends "user:password"; the secret is the password.
    const QString secret = auth.mode == AuthMode::Basic && !m_request.username.isEmpty()
        ? m_request.username + QLatin1Char(':') + m_request.token
        : m_request.token;
    const auto [authName, authValue] = authHeader(auth, secret);

    QNetworkRequest req(m_request.url());
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    req.setMaximumRedirectsAllowed(5);
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("TraceDesk/" TRACEDESK_VERSION));
    if (!authName.isEmpty())
        req.setRawHeader(authName, authValue);
    if (m_request.kind == BackendKind::SpansApi && !m_request.clusterId.trimmed().isEmpty())
        req.setRawHeader("clusterId", m_request.clusterId.trimmed().toUtf8());
    if (m_request.kind == BackendKind::SpansApi && !m_request.namespaceName.trimmed().isEmpty())
        req.setRawHeader("namespace", m_request.namespaceName.trimmed().toUtf8());

    if (base.scheme() == QLatin1String("https")) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_request.caBundleFile.isEmpty()) {
            const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_request.caBundleFile, QSsl::Pem);
            if (certs.isEmpty()) {
                failSoon(failure(FetchStep::Request,
                                 tr("The CA bundle \"%1\" could not be read or holds no PEM certificate.").arg(m_request.caBundleFile),
                                 tr("Choose a PEM file with your organisation's CA certificate(s) in the connection profile.")));
                return;
            }
            ssl.addCaCertificates(certs);
        }
        if (!m_request.verifyTls)
            ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        req.setSslConfiguration(ssl);
    }

    if (!m_manager)
        m_manager = new QNetworkAccessManager(this);
    m_reply = m_manager->get(req);
    connect(m_reply, &QNetworkReply::readyRead, this, &SpansApiClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SpansApiClient::onReplyFinished);
    connect(m_reply, &QNetworkReply::redirected, this, &SpansApiClient::onRedirected);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Recorded for the message; never ignored (the handshake then fails).
        m_sslErrors += errors;
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, &SpansApiClient::downloadProgress);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_timeout->start(m_request.timeoutMs);
        bool known = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && length > m_request.maxBytes) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    m_timeout->start(m_request.timeoutMs);
}

void SpansApiClient::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_parseCancel)
        m_parseCancel->store(true);
    if (m_reply)
        m_reply->abort(); // finished() follows synchronously and reports the cancel
}

void SpansApiClient::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void SpansApiClient::onReadyRead()
{
    if (!m_reply || m_tooLarge || !m_reply->isOpen())
        return;
    m_timeout->start(m_request.timeoutMs);
    const QByteArray chunk = m_reply->readAll();
    m_body.append(chunk.constData(), static_cast<std::size_t>(chunk.size()));
    if (static_cast<qint64>(m_body.size()) > m_request.maxBytes) {
        m_tooLarge = true;
        m_reply->abort();
    }
}

void SpansApiClient::onRedirected(const QUrl &url)
{
    const QUrl original = m_request.url();
    const bool sameScheme = url.scheme() == original.scheme();
    const bool sameHost = url.host().compare(original.host(), Qt::CaseInsensitive) == 0
        && url.port(original.scheme() == QLatin1String("https") ? 443 : 80)
            == original.port(original.scheme() == QLatin1String("https") ? 443 : 80);
    if (sameScheme && sameHost) {
        Q_EMIT m_reply->redirectAllowed();
        return;
    }
    m_refusedRedirect = url.toString(QUrl::RemoveUserInfo);
    m_reply->abort();
}

FetchResult SpansApiClient::classifyNetworkError(QNetworkReply *reply) const
{
    const QUrl url = m_request.url();
    const QString host = url.host();
    const QString base = m_request.baseUrl.toString(QUrl::RemoveUserInfo);
    const QString serverText = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return failure(FetchStep::Connect, tr("The host name \"%1\" could not be resolved.").arg(host),
                       tr("Check the base URL (%1) in the connection profile, and your network or proxy settings.").arg(base));
    case QNetworkReply::ConnectionRefusedError:
        return failure(FetchStep::Connect,
                       tr("%1 refused the connection on port %2.").arg(host).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80)),
                       tr("Check the base URL (%1) and its port: is %2 served there?").arg(base, apiName()));
    case QNetworkReply::TimeoutError:
        return failure(FetchStep::Timeout, tr("The connection to %1 timed out.").arg(host),
                       tr("Check the base URL (%1) and that the server is reachable from this network (VPN, proxy).").arg(base));
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return failure(FetchStep::Connect, tr("The proxy failed: %1").arg(serverText),
                       tr("Check the system proxy settings (TraceDesk uses them)."));
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList problems;
        for (const QSslError &e : m_sslErrors)
            problems << describeSslError(e);
        if (problems.isEmpty())
            problems << serverText;
        FetchResult r = failure(FetchStep::Tls,
                                tr("The certificate of %1 could not be verified: %2").arg(host, problems.join(QStringLiteral("; "))),
                                tr("If the server uses a certificate from your organisation's own CA, add that CA's PEM file as "
                                   "the CA bundle in the connection profile. TraceDesk does not skip this check."));
        r.sslErrors = m_sslErrors;
        return r;
    }
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return failure(FetchStep::Redirect, tr("The server redirected the request: %1").arg(serverText),
                       tr("Use the final address as the base URL in the connection profile."));
    case QNetworkReply::RemoteHostClosedError:
        return failure(FetchStep::Transfer, tr("%1 closed the connection before the answer was complete.").arg(host),
                       tr("Try again; if it keeps happening, the server or a proxy in between is dropping the request."));
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
        return failure(FetchStep::Connect, tr("The network is not available: %1").arg(serverText),
                       tr("Check your network connection and try again."));
    default:
        break;
    }
    if (!m_sslErrors.isEmpty()) {
        QStringList problems;
        for (const QSslError &e : m_sslErrors)
            problems << describeSslError(e);
        FetchResult r = failure(FetchStep::Tls,
                                tr("The certificate of %1 could not be verified: %2").arg(host, problems.join(QStringLiteral("; "))),
                                tr("Add your organisation's CA as the CA bundle in the connection profile."));
        r.sslErrors = m_sslErrors;
        return r;
    }
    return failure(FetchStep::Transfer, tr("The download failed: %1").arg(serverText),
                   tr("Try again; check the base URL (%1) if it keeps failing.").arg(base));
}

QString SpansApiClient::apiName() const
{
    return m_request.kind == BackendKind::SpansApi ? tr("the spans API") : backendKindTitle(m_request.kind);
}

FetchResult SpansApiClient::backendStatusFailure(int status, const QString &reason) const
{
    const QString said = backendapi::serverMessage(m_body);
    const QString saidText = said.isEmpty() ? tr("(no message)") : said;
    const QString base = m_request.baseUrl.toString(QUrl::RemoveUserInfo);
    const QString title = backendKindTitle(m_request.kind);
    if (!m_request.isRaw() && backendapi::saysTraceNotFound(m_request.kind, status, m_body)) {
        return failure(FetchStep::NoTraceData,
                       tr("%1 has no trace with id %2 (HTTP %3). The server said: %4").arg(title, m_request.traceId).arg(status).arg(saidText),
                       tr("Check the trace id, and that %1 is the backend the trace was sent to. Very recent traces can take "
                          "a minute to appear; old ones may have passed the backend's retention.").arg(base));
    }
    if (status == 404) {
        return failure(FetchStep::NotFound,
                       tr("The server answered HTTP 404 (not found) for %1. The server said: %2").arg(m_request.url().path(), saidText),
                       tr("Check the base URL (%1) and the backend kind (%2): %3").arg(base, title,
                          m_request.kind == BackendKind::Zipkin   ? tr("Zipkin serves /api/v2/... usually on port 9411.")
                          : m_request.kind == BackendKind::Jaeger ? tr("Jaeger's query service serves /api/... usually on port 16686.")
                                                                  : tr("Tempo serves /api/... usually on port 3200.")));
    }
    if (status == 400) {
        return failure(FetchStep::QueryRejected, tr("%1 rejected the request (HTTP 400): %2").arg(title, saidText),
                       m_request.kind == BackendKind::Tempo
                           ? tr("Check the search fields; for TraceQL, the query's syntax (e.g. { resource.service.name = \"api\" }).")
                           : tr("Check the search fields (service, tags as key=value, durations such as 100ms)."));
    }
    return failure(FetchStep::HttpStatus, tr("%1 answered HTTP %2 %3: %4").arg(title).arg(status).arg(reason, saidText),
                   status >= 500 ? tr("The backend has a problem; try again later, or ask whoever runs %1.").arg(base)
                                 : tr("Check the connection profile (base URL, backend kind, authentication)."));
}

void SpansApiClient::onReplyFinished()
{
    if (!m_reply)
        return;
    m_timeout->stop();
    if (!m_tooLarge && !m_cancelled && !m_timedOut)
        onReadyRead(); // whatever is still buffered
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_httpStatus = status;
    FetchResult result;
    const QString project = m_request.projectId.trimmed();

    if (m_cancelled) {
        result = failure(FetchStep::Cancelled, tr("The fetch was cancelled."), QString());
    } else if (m_timedOut) {
        result = failure(FetchStep::Timeout,
                         tr("The server sent nothing for %1 (the profile's timeout).").arg(formatSeconds(m_request.timeoutMs)),
                         tr("Try again, or raise the timeout in the connection profile if the service is known to be slow."));
    } else if (m_tooLarge) {
        result = failure(FetchStep::TooLarge,
                         tr("The answer is larger than the limit of %1; the download was stopped.").arg(formatBytes(m_request.maxBytes)),
                         m_request.profileName.isEmpty()
                             ? tr("Raise the size limit if this trace really is that large.")
                             : tr("If this trace really is that large, raise the size limit of profile \"%1\" "
                                  "in File > Connections.").arg(m_request.profileName));
    } else if (!m_refusedRedirect.isEmpty()) {
        result = failure(FetchStep::Redirect,
                         tr("The server redirected the request to %1; TraceDesk follows redirects only to the same "
                            "scheme and host, so the token is not sent elsewhere.").arg(m_refusedRedirect),
                         tr("If that address is right, use it as the base URL in the connection profile."));
    } else if (status == 401 || status == 403) {
        const QString said = m_request.kind == BackendKind::SpansApi ? QString() : backendapi::serverMessage(m_body);
        result = failure(FetchStep::Authentication,
                         (status == 401 ? tr("The server rejected the token (HTTP 401): it is missing, wrong or expired.")
                          : m_request.kind == BackendKind::SpansApi
                              ? tr("The server refused access (HTTP 403): the token is rejected or expired, "
                                   "or it has no access to project %1.").arg(project)
                              : tr("The server refused access (HTTP 403): the credentials are rejected or have no access."))
                             + (said.isEmpty() ? QString() : tr(" The server said: %1").arg(said)),
                         m_request.kind == BackendKind::SpansApi || m_request.authMode != AuthMode::None
                             ? tr("Enter a new token for this connection profile and try again.")
                             : tr("This backend wants credentials: set the profile's authentication (bearer token, basic or a header)."));
        result.tokenRejected = true;
    } else if (m_request.kind != BackendKind::SpansApi && status != 0 && (status < 200 || status > 299)) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result = backendStatusFailure(status, reason);
    } else if (status == 404) {
        result = failure(FetchStep::NotFound, tr("The server answered HTTP 404 (not found) for %1.").arg(m_request.url().path()),
                         tr("Check the base URL and the project id (%1) in the connection profile.").arg(project));
    } else if (status != 0 && (status < 200 || status > 299)) {
        // A spans API error code in the body says more than the status.
        const auto doc = nlohmann::json::parse(m_body, nullptr, false);
        if (doc.is_object() && doc.contains("errorCode") && doc.at("errorCode").is_string()) {
            startParse();
            return;
        }
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result = failure(FetchStep::HttpStatus,
                         tr("The server answered HTTP %1 %2. The answer began: %3")
                             .arg(status).arg(reason, m_body.empty() ? tr("(empty)") : excerpt(m_body)),
                         status >= 500 ? tr("The service has a problem; try again later.")
                                       : tr("Check the connection profile (base URL, project id, headers)."));
    } else if (reply->error() != QNetworkReply::NoError) {
        result = classifyNetworkError(reply);
    } else if (m_request.isRaw()) {
        // The caller reads the answer (a search or a list of names).
        result.step = FetchStep::Succeeded;
        result.httpStatus = status;
        result.bytes = std::make_shared<const std::string>(std::move(m_body));
        m_body = std::string();
        finish(std::move(result));
        return;
    } else {
        startParse();
        return;
    }
    result.httpStatus = status;
    if (!m_body.empty())
        result.bytes = std::make_shared<const std::string>(std::move(m_body));
    finish(std::move(result));
}

void SpansApiClient::startParse()
{
    auto bytes = std::make_shared<const std::string>(std::move(m_body));
    m_body = std::string();
    m_parseCancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT parsingStarted(static_cast<qint64>(bytes->size()));

    const quint64 generation = m_generation;
    const QString sourceName = m_request.sourceName();
    const std::string expected = m_request.traceId.toStdString();
    const qint64 total = static_cast<qint64>(bytes->size());
    auto cancel = m_parseCancel;
    QFuture<LoadResult> future = QtConcurrent::run(m_pool, [this, bytes, sourceName, expected, cancel, total] {
        LoadOptions options;
        options.cancel = cancel.get();
        options.expectedTraceId = expected;
        std::uint64_t lastReported = 0;
        options.progress = [this, &lastReported, total](std::uint64_t read, std::uint64_t spans) {
            // About a hundred updates per parse are plenty for a progress bar.
            if (read - lastReported < std::max<std::uint64_t>(64 * 1024, std::uint64_t(total) / 100))
                return;
            lastReported = read;
            QMetaObject::invokeMethod(this, [this, read, total, spans] {
                Q_EMIT parseProgress(qint64(read), total, qint64(spans));
            }, Qt::QueuedConnection);
        };
        return loadTraceBytes(bytes, sourceName, options);
    });
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation, bytes, expected] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        LoadResult load = watcher->result();
        FetchResult result;
        result.bytes = bytes;
        result.httpStatus = m_httpStatus;
        const QString id = m_request.traceId;
        const QString project = m_request.projectId.trimmed();
        const QString code = QString::fromStdString(load.envelopeCode);
        const auto isCode = [&load](std::string_view c) { return load.envelopeCode == c; };
        const QString serverMessage = QString::fromStdString(load.envelopeMessage);
        const QString said = serverMessage.isEmpty() ? QString() : tr(" The server said: %1").arg(serverMessage);
        if (load.cancelled || m_cancelled) {
            result.step = FetchStep::Cancelled;
            result.message = tr("The fetch was cancelled.");
        } else if (load.ok()) {
            result.step = FetchStep::Succeeded;
            result.message = tr("Fetched trace %1 from %2 (%3 spans).")
                                 .arg(id, m_request.whereText()).arg(load.trace->realSpanCount());
            for (const Problem &p : load.trace->problems())
                if (p.kind == Problem::Kind::Other && p.message.find(expected) != std::string::npos)
                    result.warnings << QString::fromStdString(p.message);
            if (!m_request.verifyTls && m_request.baseUrl.scheme() == QLatin1String("https"))
                result.warnings << tr("The server certificate was not verified (TLS verification is off in this profile).");
        } else if (isCode(spansapi::ParameterVerificationFailed)) {
            result.step = FetchStep::ParameterRejected;
            result.message = tr("The spans API rejected the request (%1, parameter verification failed).").arg(code) + said;
            result.hint = tr("Check the trace id \"%1\" (as printed in the logs) and the project id %2.").arg(id, project);
        } else if (isCode(spansapi::NoTraceData) || (isCode(spansapi::Succeeded) && !load.ok())) {
            // The code is named so that the engineer can quote it to the vendor.
            result.step = FetchStep::NoTraceData;
            result.message = (isCode(spansapi::NoTraceData)
                                  ? tr("No trace with id %1 in project %2 (%3, no tracing data found).")
                                  : tr("No trace with id %1 in project %2 (the spans API answered %3, query succeeded, with no spans)."))
                                 .arg(id, project, code)
                + said;
            result.hint = tr("Check the trace id, and that the profile's project, cluster and namespace are where the trace "
                             "was recorded. Very recent traces can take a minute to appear.");
        } else if (!code.isEmpty()) {
            result.step = FetchStep::ApiError;
            result.message = tr("The spans API answered %1.").arg(code)
                + (serverMessage.isEmpty() ? QString() : QLatin1Char(' ') + serverMessage);
            result.hint = tr("TraceDesk does not know this code; the server's message is shown as given.");
        } else if (m_request.kind != BackendKind::SpansApi && looksLikeJson(*bytes) && load.line == 0
                   && (backendapi::saysTraceNotFound(m_request.kind, 200, *bytes) || bytes->find_first_not_of(" \t\r\n[]{}") == std::string::npos
                       || bytes->find("\"resourceSpans\":[]") != std::string::npos || bytes->find("\"batches\":[]") != std::string::npos)) {
            // An empty answer ([] from Zipkin, {} or no batches from Tempo, "trace not found" from Jaeger).
            result.step = FetchStep::NoTraceData;
            result.message = tr("%1 has no trace with id %2 (the answer holds no spans).").arg(backendKindTitle(m_request.kind), id);
            result.hint = tr("Check the trace id and the base URL. Very recent traces can take a minute to appear.");
        } else if (!looksLikeJson(*bytes) || load.line > 0) {
            result.step = FetchStep::NotJson;
            result.message = tr("The answer is not JSON (%1). It began: %2").arg(load.error, excerpt(*bytes));
            result.hint = tr("A login page or a proxy error page often looks like this: check the base URL and the proxy.");
        } else {
            result.step = FetchStep::NotTrace;
            result.message = tr("The answer is JSON but holds no spans: %1").arg(load.error);
            result.hint = m_request.kind == BackendKind::SpansApi
                ? tr("Check that the base URL points at the spans API (…/v1/{project_id}/ats/spans).")
                : tr("Check that the base URL points at %1 and that the profile's backend kind is right.").arg(apiName());
        }
        result.envelopeCode = code;
        result.envelopeMessage = serverMessage;
        result.load = std::move(load);
        finish(std::move(result));
    });
    watcher->setFuture(future);
}

void SpansApiClient::finish(FetchResult result)
{
    m_running = false;
    m_timeout->stop();
    result.request = m_request;
    result.request.token.clear();
    if (result.step != FetchStep::Succeeded)
        result.load.trace.reset();
    Q_EMIT finished(result);
}

} // namespace td
