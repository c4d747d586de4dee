#include "tokenstore.h"

#include <utility>

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace td {

namespace {

bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

// Why a job failed, in words: QtKeychain often says only "Unknown error".
QString keychainErrorText(const QKeychain::Job *job)
{
    QString what;
    switch (job->error()) {
    case QKeychain::NoBackendAvailable: what = TokenStore::tr("no keychain service (Secret Service or KWallet) is running"); break;
    case QKeychain::NotImplemented: what = TokenStore::tr("no keychain support on this platform"); break;
    case QKeychain::AccessDenied: what = TokenStore::tr("access to the keychain was denied"); break;
    default: what = TokenStore::tr("the keychain service did not respond properly"); break;
    }
    const QString detail = job->errorString();
    if (!detail.isEmpty() && detail != QLatin1String("Unknown error"))
        what += QStringLiteral(": ") + detail;
    return what;
}

QString sessionOnlyNote(const QString &reason)
{
    return TokenStore::tr("No system keychain answered (%1). The token is kept in memory until TraceDesk quits; "
                          "you will be asked for it again next time.")
        .arg(reason);
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

TokenStore::~TokenStore()
{
    // Overwrite before the memory is released; QString may have shared copies, this covers ours.
    for (auto it = m_sessionTokens.begin(); it != m_sessionTokens.end(); ++it)
        it.value().fill(QLatin1Char(' '));
}

void TokenStore::setKeychainEnabled(bool enabled)
{
    if (!enabled)
        markKeychainUnavailable(tr("the keychain is switched off"));
}

QString TokenStore::environmentToken()
{
    return qEnvironmentVariable("TRACEDESK_TOKEN");
}

QString TokenStore::keychainService() const
{
    const QString app = QCoreApplication::applicationName();
    return app.isEmpty() ? QStringLiteral("TraceDesk") : app;
}

void TokenStore::markKeychainUnavailable(const QString &reason)
{
    if (m_keychainUnavailable)
        return;
    m_keychainUnavailable = true;
    m_keychainProblem = reason;
    Q_EMIT keychainUnavailableDetected(reason);
}

void TokenStore::readToken(const QString &profile, QObject *context, ReadCallback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, done = std::move(done)](const QString &token) {
        if (guard)
            done(token);
    };
    const auto cached = m_sessionTokens.constFind(profile);
    if (cached != m_sessionTokens.cend() || m_keychainUnavailable) {
        const QString token = cached != m_sessionTokens.cend() ? cached.value() : QString();
        QTimer::singleShot(0, this, [deliver, token] { deliver(token); });
        return;
    }

    auto *job = new QKeychain::ReadPasswordJob(keychainService(), this);
    job->setKey(profile);
    job->setInsecureFallback(false); // never a plain-text file
    runBounded(job, [deliver] { deliver(QString()); }, [this, job, deliver, profile] {
        QString token;
        if (job->error() == QKeychain::NoError)
            token = job->textData();
        else if (meansNoKeychain(job->error()))
            markKeychainUnavailable(keychainErrorText(job));
        if (!token.isEmpty())
            m_sessionTokens.insert(profile, token);
        deliver(token);
    });
}

void TokenStore::storeToken(const QString &profile, const QString &token, QObject *context, StoreCallback done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, done = std::move(done)](Storage where, const QString &note) {
        if (guard && done)
            done(where, note);
    };
    if (token.isEmpty()) {
        forgetToken(profile);
        QTimer::singleShot(0, this, [deliver] { deliver(Storage::Keychain, tr("The token was removed.")); });
        return;
    }
    m_sessionTokens.insert(profile, token);
    if (m_keychainUnavailable) {
        QTimer::singleShot(0, this, [this, deliver] { deliver(Storage::SessionOnly, sessionOnlyNote(m_keychainProblem)); });
        return;
    }

    auto *job = new QKeychain::WritePasswordJob(keychainService(), this);
    job->setKey(profile);
    job->setInsecureFallback(false);
    job->setTextData(token);
    runBounded(job, [this, deliver] { deliver(Storage::SessionOnly, sessionOnlyNote(m_keychainProblem)); },
               [this, job, deliver] {
                   if (job->error() == QKeychain::NoError) {
                       deliver(Storage::Keychain, tr("The token is stored in the system keychain."));
                       return;
                   }
                   if (meansNoKeychain(job->error()))
                       markKeychainUnavailable(keychainErrorText(job));
                   deliver(Storage::SessionOnly,
                           sessionOnlyNote(m_keychainProblem.isEmpty() ? keychainErrorText(job) : m_keychainProblem));
               });
}

void TokenStore::runBounded(QKeychain::Job *job, std::function<void()> onTimeout, std::function<void()> onFinished)
{
    // A missing D-Bus service can leave a job pending for a long time: answer after the bound regardless,
    // and exactly once.
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, answered, onTimeout] {
        if (std::exchange(*answered, true))
            return;
        markKeychainUnavailable(tr("no answer within %1 ms").arg(m_keychainTimeout.count()));
        onTimeout();
    });
    connect(job, &QKeychain::Job::finished, this, [answered, onFinished] {
        if (!std::exchange(*answered, true))
            onFinished();
    });
    timer->start(m_keychainTimeout);
    job->start();
}

void TokenStore::forgetToken(const QString &profile)
{
    m_sessionTokens.remove(profile);
    if (m_keychainUnavailable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(keychainService(), this);
    job->setKey(profile);
    job->setInsecureFallback(false);
    job->start();
}

} // namespace td
