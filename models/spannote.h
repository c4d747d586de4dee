#pragma once

#include <QDateTime>
#include <QString>

namespace td {

// A note and/or bookmark on one span of a trace (kept in the library, drawn by the views and exports).
struct SpanNote
{
    QString spanId;
    QString text;
    bool bookmarked = false;
    QDateTime updatedAt; // UTC
};

} // namespace td
