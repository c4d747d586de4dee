#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

namespace td {

namespace {

// Message: quint32 magic, quint32 byte count, then a QDataStream'd QStringList. Answer: one byte.
constexpr quint32 Magic = 0x54444931; // "TDI1"
constexpr char Ack = 'k';
constexpr int HeaderBytes = 8;

QByteArray encode(const QStringList &items)
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        out << items;
    }
    QByteArray message;
    QDataStream header(&message, QIODevice::WriteOnly);
    header.setVersion(QDataStream::Qt_6_0);
    header << Magic << static_cast<quint32>(payload.size());
    message.append(payload);
    return message;
}

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey()
{
    // Per user (home directory) and display, so two users or two X sessions each get their own window.
    const QByteArray session = QDir::homePath().toUtf8() + '\n' + qgetenv("DISPLAY") + '\n' + qgetenv("WAYLAND_DISPLAY");
    return QStringLiteral("tracedesk-")
        + QString::fromLatin1(QCryptographicHash::hash(session, QCryptographicHash::Sha256).toHex().left(16));
}

bool SingleInstance::sendToRunning(const QStringList &items, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(encode(items));
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    char answer = 0;
    const bool delivered = socket.getChar(&answer) && answer == Ack;
    socket.disconnectFromServer();
    return delivered;
}

bool SingleInstance::listen()
{
    if (m_server && m_server->isListening())
        return true;
    // Qt replaces an existing socket file when it listens, so ask first whether someone answers on it.
    {
        QLocalSocket probe;
        probe.connectToServer(m_key);
        if (probe.waitForConnected(500)) {
            probe.abort();
            return false;
        }
    }
    if (!m_server) {
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    }
    if (m_server->listen(m_key))
        return true;
    if (m_server->serverError() != QAbstractSocket::AddressInUseError)
        return false;
    // Nobody answered, so the name is a socket file left by an instance that crashed.
    QLocalServer::removeServer(m_key);
    return m_server->listen(m_key);
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        // A launch hands over in milliseconds; a peer that stays silent is dropped.
        QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
        readFrom(socket);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    if (socket->bytesAvailable() < HeaderBytes)
        return;
    QByteArray header = socket->peek(HeaderBytes);
    QDataStream in(header);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0;
    quint32 size = 0;
    in >> magic >> size;
    if (magic != Magic || size > MaxMessageBytes) {
        socket->abort();
        return;
    }
    if (socket->bytesAvailable() < HeaderBytes + static_cast<qint64>(size))
        return;
    socket->skip(HeaderBytes);
    const QByteArray payload = socket->read(size);
    QDataStream body(payload);
    body.setVersion(QDataStream::Qt_6_0);
    QStringList items;
    body >> items;
    if (body.status() != QDataStream::Ok || !body.atEnd()) {
        socket->abort();
        return;
    }
    socket->putChar(Ack);
    socket->flush();
    // The receiver may open dialogs; the socket must not be touched after the signal returns.
    QPointer<QLocalSocket> guard(socket);
    Q_EMIT argumentsReceived(items);
    if (guard)
        guard->disconnectFromServer();
}

} // namespace td
