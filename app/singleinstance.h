#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace td {

// One TraceDesk window per user session: the first launch listens on a local socket; a later launch hands
// its arguments (absolute file paths or tracedesk:// links) to it and exits.
//
//   SingleInstance instance;
//   if (instance.sendToRunning(items)) return 0;      // the running TraceDesk took them
//   instance.listen();
//   connect(&instance, &SingleInstance::argumentsReceived, &window, ...);
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key` names the socket; the default is per user (tests pass their own).
    explicit SingleInstance(const QString &key = defaultKey(), QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString defaultKey();
    QString key() const { return m_key; }

    // Hands `items` to a running instance; true once that instance confirmed it has them. False when none
    // is running (or it did not answer within timeoutMs), so the caller opens its own window.
    bool sendToRunning(const QStringList &items, int timeoutMs = 2000);

    // Becomes the running instance. A socket left behind by a crashed instance is replaced; false when
    // another live instance holds the key or the socket cannot be created.
    bool listen();
    bool isListening() const;

    // The largest message accepted, so a stray client cannot make the instance buffer without end.
    static constexpr qint64 MaxMessageBytes = 1 << 20;

Q_SIGNALS:
    // What a later launch asked to open; an empty list means "just show the window".
    void argumentsReceived(const QStringList &items);

private:
    void onNewConnection();
    void readFrom(QLocalSocket *socket);

    QString m_key;
    QLocalServer *m_server = nullptr;
};

} // namespace td
