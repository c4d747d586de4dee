#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QSettings;

namespace td {

// Where and how to reach one spans API. The token is not part of it: tokens live in TokenStore only.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    QString name;
    QUrl baseUrl;        // e.g. https://apm.example.com ; the path /v1/{project}/ats/spans is added
    QString projectId;
    QString clusterId;   // optional request header "clusterId"
    QString namespaceName; // optional request header "namespace"
    QString tokenHeader = QStringLiteral("X-Auth-Token");
    int timeoutSeconds = 30;
    // The largest answer accepted, in MiB; a bigger download is stopped and reported.
    static constexpr int defaultMaxMegabytes = 256;
    static constexpr int maxMaxMegabytes = 4096;
    int maxMegabytes = defaultMaxMegabytes;
    bool verifyTls = true;
    QString caBundleFile; // optional PEM file with extra CA certificates

    // Empty when usable; else one sentence saying what to fix.
    QString validationError() const;
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
