#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

namespace QKeychain {
class Job;
}

namespace td {

// Tokens for connection profiles: in the system keychain (QtKeychain) when a keychain service answers,
// else in memory for this session only. Never written to settings, logs or exports.
// Keep one instance for the life of the application: it holds the session-only tokens.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Storage { Keychain, SessionOnly };
    Q_ENUM(Storage)

    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    // How long to wait for a keychain service before giving up on it for the session.
    void setKeychainTimeout(std::chrono::milliseconds timeout) { m_keychainTimeout = timeout; }
    // Tests and --fetch without a display may skip the keychain entirely.
    void setKeychainEnabled(bool enabled);
    bool keychainUnavailable() const { return m_keychainUnavailable; }
    // Why the keychain is not used, for the user; empty while it works or was not tried.
    QString keychainProblem() const { return m_keychainProblem; }

    // The token of a profile: session memory first, then the keychain. `done` runs later on this thread
    // with an empty string when there is none; it is dropped if `context` is destroyed first.
    using ReadCallback = std::function<void(const QString &token)>;
    void readToken(const QString &profile, QObject *context, ReadCallback done);

    // `note` says where the token went, in words for the user (e.g. that it is kept for this session only).
    using StoreCallback = std::function<void(Storage where, const QString &note)>;
    void storeToken(const QString &profile, const QString &token, QObject *context, StoreCallback done);

    // Removes the token from memory and the keychain (fire and forget).
    void forgetToken(const QString &profile);

    // TRACEDESK_TOKEN from the environment, for the command line; empty when unset.
    static QString environmentToken();

Q_SIGNALS:
    // Emitted once, when the keychain is found not to answer, so the UI can say tokens last for the session only.
    void keychainUnavailableDetected(const QString &reason);

private:
    void markKeychainUnavailable(const QString &reason);
    void runBounded(QKeychain::Job *job, std::function<void()> onTimeout, std::function<void()> onFinished);
    QString keychainService() const;

    QHash<QString, QString> m_sessionTokens;
    std::chrono::milliseconds m_keychainTimeout{3000};
    bool m_keychainUnavailable = false;
    QString m_keychainProblem;
};

} // namespace td
