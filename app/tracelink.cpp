#include "tracelink.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace td {

namespace {

constexpr qsizetype MaxIdLength = 128;
constexpr qsizetype MaxProfileLength = 200;

// Hex, base64url and the dashed/dotted forms APM systems print; nothing that could be a path or a query.
bool isIdChar(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-'
        || c == u'_' || c == u'.' || c == u':';
}

} // namespace

QUrl TraceLink::toUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("tracedesk"));
    url.setHost(QStringLiteral("trace"));
    url.setPath(QLatin1Char('/') + traceId);
    if (!profile.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("profile"), QString(profile).replace(QLatin1Char('%'), QStringLiteral("%25")));
        url.setQuery(query);
    }
    return url;
}

bool isTraceLinkArgument(const QString &argument)
{
    return argument.trimmed().startsWith(QLatin1String("tracedesk:"), Qt::CaseInsensitive);
}

TraceLinkParse parseTraceLink(const QString &text)
{
    TraceLinkParse result;
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString expected = QCoreApplication::translate("td::TraceLink", "A trace link looks like tracedesk://trace/<id>?profile=<name>.");
    if (trimmed.isEmpty()) {
        result.error = QCoreApplication::translate("td::TraceLink", "The trace link is empty.") + QLatin1Char(' ') + expected;
        return result;
    }
    if (!url.isValid()) {
        result.error = QCoreApplication::translate("td::TraceLink", "\"%1\" is not a valid link: %2").arg(trimmed, url.errorString()) + QLatin1Char(' ') + expected;
        return result;
    }
    if (url.scheme().compare(QLatin1String("tracedesk"), Qt::CaseInsensitive) != 0) {
        result.error = QCoreApplication::translate("td::TraceLink", "\"%1\" is not a TraceDesk link.").arg(trimmed) + QLatin1Char(' ') + expected;
        return result;
    }
    if (url.host().compare(QLatin1String("trace"), Qt::CaseInsensitive) != 0) {
        result.error = url.host().isEmpty()
            ? QCoreApplication::translate("td::TraceLink", "The link does not say what to open (\"tracedesk://trace/...\" is missing).") + QLatin1Char(' ') + expected
            : QCoreApplication::translate("td::TraceLink", "TraceDesk cannot open \"%1\" links, only trace links.").arg(url.host()) + QLatin1Char(' ') + expected;
        return result;
    }
    if (!url.userInfo().isEmpty() || url.port() != -1 || !url.fragment().isEmpty()) {
        result.error = QCoreApplication::translate("td::TraceLink", "The link has parts a trace link does not have (user, port or #fragment).") + QLatin1Char(' ') + expected;
        return result;
    }
    QString path = url.path(QUrl::FullyDecoded);
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty()) {
        result.error = QCoreApplication::translate("td::TraceLink", "The link has no trace id.") + QLatin1Char(' ') + expected;
        return result;
    }
    if (path.contains(QLatin1Char('/'))) {
        result.error = QCoreApplication::translate("td::TraceLink", "The trace id \"%1\" contains \"/\"; a link holds exactly one trace id.").arg(path);
        return result;
    }
    if (path.size() > MaxIdLength) {
        result.error = QCoreApplication::translate("td::TraceLink", "The trace id is %1 characters long; trace ids have at most %2.").arg(path.size()).arg(MaxIdLength);
        return result;
    }
    for (const QChar c : std::as_const(path)) {
        if (!isIdChar(c)) {
            result.error = QCoreApplication::translate("td::TraceLink", "The trace id \"%1\" contains \"%2\"; trace ids are made of letters, digits and - _ . :")
                               .arg(path, QString(c));
            return result;
        }
    }
    result.link.traceId = path;

    const QUrlQuery query(url);
    bool profileSeen = false;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key != QLatin1String("profile")) {
            result.error = QCoreApplication::translate("td::TraceLink", "The link has an unknown parameter \"%1\"; only \"profile\" is understood.").arg(key);
            return result;
        }
        if (profileSeen) {
            result.error = QCoreApplication::translate("td::TraceLink", "The link names the profile more than once.");
            return result;
        }
        profileSeen = true;
        const QString name = value.trimmed();
        if (name.isEmpty()) {
            result.error = QCoreApplication::translate("td::TraceLink", "The link's profile name is empty.") + QLatin1Char(' ') + expected;
            return result;
        }
        if (name.size() > MaxProfileLength) {
            result.error = QCoreApplication::translate("td::TraceLink", "The link's profile name is too long.");
            return result;
        }
        result.link.profile = name;
    }
    return result;
}

} // namespace td
