#pragma once

#include <QString>
#include <QUrl>

namespace td {

// A trace link, `tracedesk://trace/<id>?profile=<name>`, as put in alerts, chats and wikis. The profile is
// optional (the window then uses the only saved profile); the id and the profile name are percent-decoded.
struct TraceLink
{
    QString traceId;
    QString profile;

    QUrl toUrl() const;
};

struct TraceLinkParse
{
    TraceLink link;
    QString error; // why the link was refused, for the user; empty when link is usable

    bool ok() const { return error.isEmpty(); }
};

// True when `argument` is meant as a trace link (it starts with "tracedesk:"), so the command line
// treats it as a link, not as a file name, and reports a malformed one as such.
bool isTraceLinkArgument(const QString &argument);

// Parses and checks a link. Refuses other schemes, a missing or empty id, extra path segments, ids with
// characters no tracing system uses, unknown or repeated query parameters and an empty profile name.
TraceLinkParse parseTraceLink(const QString &text);

} // namespace td
