#include "connectionprofiles.h"

#include <QSettings>

#include <algorithm>

namespace td {

QString ConnectionProfile::validationError() const
{
    if (name.trimmed().isEmpty())
        return tr("The profile needs a name.");
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return tr("The base URL must be a full address such as https://apm.example.com.");
    if (baseUrl.scheme() != QLatin1String("https") && baseUrl.scheme() != QLatin1String("http"))
        return tr("The base URL must start with https:// (or http:// for a local test server).");
    if (kind == BackendKind::SpansApi && projectId.trimmed().isEmpty())
        return tr("The project id is missing.");
    if (kind == BackendKind::SpansApi && tokenHeader.trimmed().isEmpty())
        return tr("The token header name is missing (usually X-Auth-Token).");
    if (kind != BackendKind::SpansApi && authMode == AuthMode::Header && !parseAuthSpec(QString(QStringLiteral("header:") + tokenHeader)))
        return tr("The header name for the secret is missing or not a valid HTTP header name.");
    if (kind != BackendKind::SpansApi && authMode == AuthMode::Basic && username.trimmed().isEmpty())
        return tr("Basic authentication needs a user name.");
    if (timeoutSeconds < 1)
        return tr("The timeout must be at least one second.");
    if (maxMegabytes < 1 || maxMegabytes > maxMaxMegabytes)
        return tr("The size limit must be between 1 and %1 MiB.").arg(maxMaxMegabytes);
    return {};
}

AuthSpec ConnectionProfile::auth() const
{
    if (kind == BackendKind::SpansApi)
        return AuthSpec{AuthMode::Header, tokenHeader.trimmed()};
    return AuthSpec{authMode, authMode == AuthMode::Header ? tokenHeader.trimmed() : QString()};
}

namespace ConnectionProfiles {

namespace {

// Profile names are free text; QSettings keys treat '/' as a group separator, so encode them.
QString historyKey(const QString &profileName)
{
    return QStringLiteral("connections/recentTraceIds/")
        + QString::fromLatin1(profileName.toUtf8().toPercentEncoding());
}

} // namespace

QList<ConnectionProfile> load(QSettings &settings)
{
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(QStringLiteral("connections/profiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings.value(QStringLiteral("name")).toString();
        p.kind = backendKindFromKey(settings.value(QStringLiteral("kind")).toString()).value_or(BackendKind::SpansApi);
        p.baseUrl = QUrl(settings.value(QStringLiteral("baseUrl")).toString());
        if (const auto auth = parseAuthSpec(settings.value(QStringLiteral("auth"), QStringLiteral("none")).toString()))
            p.authMode = auth->mode;
        p.username = settings.value(QStringLiteral("username")).toString();
        p.apiVersion = settings.value(QStringLiteral("apiVersion"), 0).toInt();
        p.projectId = settings.value(QStringLiteral("projectId")).toString();
        p.clusterId = settings.value(QStringLiteral("clusterId")).toString();
        p.namespaceName = settings.value(QStringLiteral("namespace")).toString();
        p.tokenHeader = settings.value(QStringLiteral("tokenHeader"), p.tokenHeader).toString();
        p.timeoutSeconds = settings.value(QStringLiteral("timeoutSeconds"), p.timeoutSeconds).toInt();
        p.maxMegabytes = std::clamp(settings.value(QStringLiteral("maxMegabytes"), p.maxMegabytes).toInt(), 1,
                                    ConnectionProfile::maxMaxMegabytes);
        p.verifyTls = settings.value(QStringLiteral("verifyTls"), true).toBool();
        p.caBundleFile = settings.value(QStringLiteral("caBundleFile")).toString();
        if (!p.name.isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void save(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    settings.remove(QStringLiteral("connections/profiles"));
    settings.beginWriteArray(QStringLiteral("connections/profiles"), static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("kind"), backendKindKey(p.kind));
        settings.setValue(QStringLiteral("baseUrl"), p.baseUrl.toString());
        // "none", "bearer", "basic" or "header:NAME", as --auth spells it.
        settings.setValue(QStringLiteral("auth"), authSpecText(AuthSpec{p.authMode, p.tokenHeader.trimmed()}));
        settings.setValue(QStringLiteral("username"), p.username);
        settings.setValue(QStringLiteral("apiVersion"), p.apiVersion);
        settings.setValue(QStringLiteral("projectId"), p.projectId);
        settings.setValue(QStringLiteral("clusterId"), p.clusterId);
        settings.setValue(QStringLiteral("namespace"), p.namespaceName);
        settings.setValue(QStringLiteral("tokenHeader"), p.tokenHeader);
        settings.setValue(QStringLiteral("timeoutSeconds"), p.timeoutSeconds);
        settings.setValue(QStringLiteral("maxMegabytes"), p.maxMegabytes);
        settings.setValue(QStringLiteral("verifyTls"), p.verifyTls);
        settings.setValue(QStringLiteral("caBundleFile"), p.caBundleFile);
    }
    settings.endArray();
}

std::optional<ConnectionProfile> find(const QList<ConnectionProfile> &profiles, const QString &name)
{
    for (const ConnectionProfile &p : profiles)
        if (p.name == name)
            return p;
    return std::nullopt;
}

QString lastUsedProfile(QSettings &settings)
{
    return settings.value(QStringLiteral("connections/lastUsed")).toString();
}

void setLastUsedProfile(QSettings &settings, const QString &name)
{
    settings.setValue(QStringLiteral("connections/lastUsed"), name);
}

QStringList recentTraceIds(QSettings &settings, const QString &profileName)
{
    return settings.value(historyKey(profileName)).toStringList();
}

void addRecentTraceId(QSettings &settings, const QString &profileName, const QString &traceId)
{
    const QString id = traceId.trimmed();
    if (id.isEmpty())
        return;
    QStringList ids = recentTraceIds(settings, profileName);
    ids.removeAll(id);
    ids.prepend(id);
    while (ids.size() > maxRecentTraceIds)
        ids.removeLast();
    settings.setValue(historyKey(profileName), ids);
}

void clearRecentTraceIds(QSettings &settings, const QString &profileName)
{
    settings.remove(historyKey(profileName));
}

} // namespace ConnectionProfiles

} // namespace td
