#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "backendapi.h"

#include <optional>

class QSettings;

namespace td {

// Where and how to reach one trace backend: the spans API (the default kind), Zipkin, Jaeger or Tempo.
// The token or password is not part of it: secrets live in TokenStore only.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    QString name;
    BackendKind kind = BackendKind::SpansApi;
    QUrl baseUrl;        // e.g. https://apm.example.com ; the spans API adds /v1/{project}/ats/spans
    // Zipkin, Jaeger and Tempo: how the secret is sent (the spans API always sends it in tokenHeader).
    AuthMode authMode = AuthMode::None;
    QString username;    // AuthMode::Basic: the user; the password is the profile's secret
    // Jaeger 3: /api/v3/traces/{id}; Tempo 2: /api/v2/traces/{id}; 0: the classic paths.
    int apiVersion = 0;
    QString projectId;   // spans API only
    QString clusterId;   // optional request header "clusterId"
    QString namespaceName; // optional request header "namespace"
    QString tokenHeader = QStringLiteral("X-Auth-Token"); // spans API, and AuthMode::Header of the others
    int timeoutSeconds = 30;
    // The largest answer accepted, in MiB; a bigger download is stopped and reported.
    static constexpr int defaultMaxMegabytes = 256;
    static constexpr int maxMaxMegabytes = 4096;
    int maxMegabytes = defaultMaxMegabytes;
    bool verifyTls = true;
    QString caBundleFile; // optional PEM file with extra CA certificates

    // Empty when usable; else one sentence saying what to fix.
    QString validationError() const;
    // How the secret is sent: the spans API's token header, or authMode.
    AuthSpec auth() const;
};

// Profiles and recent trace ids in QSettings ("connections/..."). Tokens are never written here.
namespace ConnectionProfiles {

QList<ConnectionProfile> load(QSettings &settings);
void save(QSettings &settings, const QList<ConnectionProfile> &profiles);
std::optional<ConnectionProfile> find(const QList<ConnectionProfile> &profiles, const QString &name);

QString lastUsedProfile(QSettings &settings);
void setLastUsedProfile(QSettings &settings, const QString &name);

// Most recent first, at most maxRecentTraceIds.
constexpr int maxRecentTraceIds = 20;
QStringList recentTraceIds(QSettings &settings, const QString &profileName);
void addRecentTraceId(QSettings &settings, const QString &profileName, const QString &traceId);
void clearRecentTraceIds(QSettings &settings, const QString &profileName);

} // namespace ConnectionProfiles

} // namespace td
