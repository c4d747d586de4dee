#include "redaction.h"

#include <QRegularExpression>

#include <array>

namespace td {

namespace {

// Words that make a parameter, header, JSON member or tag key name a secret, after splitting the name on
// '-', '_', '.' and lower/upper case changes: access_token, X-Amz-Signature, apiKey, set-cookie...
bool isSecretWord(QStringView w)
{
    static const std::array<QLatin1StringView, 19> words{
        QLatin1StringView("token"),      QLatin1StringView("password"),    QLatin1StringView("passwd"),
        QLatin1StringView("pwd"),        QLatin1StringView("secret"),      QLatin1StringView("key"),
        QLatin1StringView("apikey"),     QLatin1StringView("signature"),   QLatin1StringView("sig"),
        QLatin1StringView("credential"), QLatin1StringView("credentials"), QLatin1StringView("auth"),
        QLatin1StringView("authorization"), QLatin1StringView("cookie"),   QLatin1StringView("cookies"),
        QLatin1StringView("jsessionid"), QLatin1StringView("phpsessid"),   QLatin1StringView("sessionid"),
        QLatin1StringView("accesstoken"),
    };
    for (const auto &word : words)
        if (w.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// A name is secret when one of its words is (see isSecretWord), or when it is a session cookie name.
bool isSecretName(QStringView name)
{
    if (name.isEmpty() || name.size() > 200)
        return false;
    if (name.compare(QLatin1StringView("asp.net_sessionid"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1StringView("session_id"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1StringView("sid"), Qt::CaseInsensitive) == 0)
        return true;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= name.size(); ++i) {
        const bool end = i == name.size();
        const QChar c = end ? QChar() : name.at(i);
        const bool separator = !end && (c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.'));
        // accessToken, apiKey: a capital after a small letter starts a word.
        const bool camel = !end && i > start && c.isUpper() && name.at(i - 1).isLower();
        if (end || separator || camel) {
            if (i > start && isSecretWord(name.mid(start, i - start)))
                return true;
            start = separator ? i + 1 : i;
        }
    }
    return isSecretWord(name);
}

// Names of JSON members that hold names, not secrets, even though "key" is a secret word in a query.
bool isStructuralMember(QStringView name)
{
    return name == QLatin1StringView("key") || name == QLatin1StringView("name") || name == QLatin1StringView("value")
        || name == QLatin1StringView("type");
}

} // namespace

Redactor::Redactor(bool enabled)
    : m_enabled(enabled)
{
}

QString Redactor::placeholder()
{
    return QStringLiteral("[redacted]");
}

bool Redactor::isSecretKey(QStringView key)
{
    // *.cookies.*: every cookie value.
    if (key.contains(QLatin1StringView(".cookies."), Qt::CaseInsensitive)
        || key.startsWith(QLatin1StringView("cookies."), Qt::CaseInsensitive))
        return true;
    // A header or attribute key: the last part names the thing ("httpservice.request.headers.authorization",
    // "http.request.header.cookie"); other parts name the family ("jdbc.url" is not a secret, its password is).
    const qsizetype dot = key.lastIndexOf(QLatin1Char('.'));
    const QStringView last = dot >= 0 ? key.mid(dot + 1) : key;
    return isSecretName(last);
}

QString Redactor::redactCopiedText(const QString &text)
{
    Redactor r;
    return r.text(text);
}

void Redactor::hide(const QString &secret)
{
    m_hidden.insert(secret);
}

QString Redactor::tagValue(QStringView key, const QString &value)
{
    if (!m_enabled)
        return value;
    if (isSecretKey(key) && !value.isEmpty() && value != placeholder()) {
        hide(value);
        return placeholder();
    }
    return text(value);
}

QString Redactor::text(const QString &input)
{
    if (!m_enabled || input.isEmpty())
        return input;

    // Replaces capture group `group` of each match for which hideIt(match) says so.
    const auto replaceGroup = [this](const QString &in, const QRegularExpression &re, int group, auto hideIt) {
        QString out;
        qsizetype last = 0;
        auto it = re.globalMatch(in);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString secret = m.captured(group);
            if (secret.isEmpty() || secret == placeholder() || !hideIt(m))
                continue;
            out += QStringView(in).mid(last, m.capturedStart(group) - last);
            out += placeholder();
            last = m.capturedEnd(group);
            hide(secret);
        }
        if (last == 0)
            return in;
        out += QStringView(in).mid(last);
        return out;
    };
    const auto always = [](const QRegularExpressionMatch &) { return true; };
    const auto nameIsSecretKey = [](const QRegularExpressionMatch &m) { return isSecretKey(m.capturedView(1)); };
    const auto nameIsSecret = [](const QRegularExpressionMatch &m) {
        return !isStructuralMember(m.capturedView(1)) && isSecretName(m.capturedView(1));
    };

    QString s = input;
    // {"key": "httpservice.cookies.JSESSIONID", "value": "..."}: Zipkin binary annotations, spans API and
    // Jaeger tags in a span's JSON, also with a "type" between.
    static const QRegularExpression keyValue(QStringLiteral(
        "\"key\"\\s*:\\s*\"([^\"\\\\]{1,300})\"(?:\\s*,\\s*\"(?:type|vType)\"\\s*:\\s*\"[^\"]*\")?\\s*,\\s*\"(?:value|vStr)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    s = replaceGroup(s, keyValue, 2, nameIsSecretKey);
    // "password": "...", "Authorization": "...", "access_token": "..." in JSON, and the same escaped inside a
    // JSON string (a body kept as text).
    static const QRegularExpression member(QStringLiteral(
        "\"([A-Za-z0-9_.\\-]{1,100})\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    s = replaceGroup(s, member, 2, nameIsSecret);
    static const QRegularExpression escapedMember(QStringLiteral(
        "\\\\\"([A-Za-z0-9_.\\-]{1,100})\\\\\"\\s*:\\s*\\\\\"((?:[^\"\\\\]|\\\\[^\"])*)\\\\\""));
    s = replaceGroup(s, escapedMember, 2, nameIsSecret);
    // A cookie written as JSON: {"name":"JSESSIONID","value":"..."}.
    static const QRegularExpression nameValue(QStringLiteral(
        "\"name\"\\s*:\\s*\"([^\"\\\\]{1,200})\"\\s*,\\s*\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    s = replaceGroup(s, nameValue, 2, [](const QRegularExpressionMatch &m) { return isSecretName(m.capturedView(1)); });
    static const QRegularExpression escapedNameValue(QStringLiteral(
        "\\\\\"name\\\\\"\\s*:\\s*\\\\\"([^\"\\\\]{1,200})\\\\\"\\s*,\\s*\\\\\"value\\\\\"\\s*:\\s*\\\\\"((?:[^\"\\\\]|\\\\[^\"])*)\\\\\""));
    s = replaceGroup(s, escapedNameValue, 2, [](const QRegularExpressionMatch &m) { return isSecretName(m.capturedView(1)); });
    // "Authorization: Bearer ...", "Cookie: a=b" on a line of their own.
    static const QRegularExpression headerLine(QStringLiteral(
        "(?<![A-Za-z0-9_\\-])([A-Za-z][A-Za-z0-9_\\-]{0,100})[ \\t]*:[ \\t]*([^\\r\\n]+)"));
    s = replaceGroup(s, headerLine, 2, [](const QRegularExpressionMatch &m) {
        const QStringView name = m.capturedView(1);
        // Only header names, so that "jdbc:mysql:..." and "key: value" prose stay.
        return name.contains(QLatin1Char('-')) || name.compare(QLatin1StringView("authorization"), Qt::CaseInsensitive) == 0
                   || name.compare(QLatin1StringView("cookie"), Qt::CaseInsensitive) == 0
               ? isSecretName(name)
               : false;
    });
    // scheme://user:password@host (JDBC URLs included).
    static const QRegularExpression userInfo(QStringLiteral(
        "([A-Za-z][A-Za-z0-9+.\\-]*://[^\\s/:@?#'\"]*):([^\\s/@?#'\"]+)@"));
    s = replaceGroup(s, userInfo, 2, always);
    // jdbc:oracle:thin:user/password@host
    static const QRegularExpression oracle(QStringLiteral(
        "(jdbc:oracle:[A-Za-z]+:[^\\s/@:\"']*)/([^\\s@\"']+)@"));
    s = replaceGroup(s, oracle, 2, always);
    // name=value in queries, cookies and JDBC properties: access_token=..., password=..., JSESSIONID=...
    static const QRegularExpression param(QStringLiteral(
        "(?<![A-Za-z0-9_.\\-])([A-Za-z0-9_.\\-]{1,100})=([^&;#?\\s'\",]*)"));
    s = replaceGroup(s, param, 2, nameIsSecretKey);
    // A bearer or basic credential wherever it stands (with a digit, so "Basic authentication" stays).
    static const QRegularExpression scheme(QStringLiteral(
        "\\b(Bearer|Basic|Digest)\\s+((?=[A-Za-z\\-._~+/]*[0-9])[A-Za-z0-9\\-._~+/]{8,}=*)"),
        QRegularExpression::CaseInsensitiveOption);
    s = replaceGroup(s, scheme, 2, always);
    return s;
}

} // namespace td
