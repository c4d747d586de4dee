#pragma once

#include <QSet>
#include <QString>
#include <QStringView>

namespace td {

// Hides secrets in text that leaves the app (exports, copied text): query parameters named like token,
// password, secret, key or signature; Authorization, Cookie, Set-Cookie and similar header values;
// *.cookies.* tag values; session ids (JSESSIONID=...); passwords in JDBC and other URLs. A hidden value
// reads "[redacted]". Counts the distinct values it hid, for the "N values redacted" line of an export.
class Redactor
{
public:
    explicit Redactor(bool enabled = true);

    bool isEnabled() const { return m_enabled; }
    // Secrets inside free text: names, URLs, bodies, a span's JSON.
    QString text(const QString &text);
    // A tag value: hidden whole when the key names a secret (see isSecretKey), otherwise as text().
    QString tagValue(QStringView key, const QString &value);
    // Distinct values hidden so far.
    int redactedCount() const { return static_cast<int>(m_hidden.size()); }

    static QString placeholder();
    // Keys whose whole value is a secret: Authorization/Cookie/Set-Cookie-like headers, *.cookies.*,
    // and keys named like a password, token, secret or API key.
    static bool isSecretKey(QStringView key);
    // The copy filter of the detail panels: text() with a throw-away counter.
    static QString redactCopiedText(const QString &text);

private:
    void hide(const QString &secret);

    bool m_enabled;
    QSet<QString> m_hidden;
};

} // namespace td
