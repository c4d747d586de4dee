#pragma once

#include <QByteArray>

class QTcpSocket;

namespace td {

// Writes one complete HTTP/1.1 answer (Connection: close) and closes the socket once it is sent.
void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
             const QByteArray &extra = {});

} // namespace td
