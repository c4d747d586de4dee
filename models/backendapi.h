#pragma once

#include "trace.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace td {

// The trace backends TraceDesk talks to. The spans API is the vendor API of the seeds; the others are the
// open-source backends most teams run. Each speaks its own URLs and answer shapes (see backendapi.cpp).
enum class BackendKind { SpansApi, Zipkin, Jaeger, Tempo };

// "spans-api", "zipkin", "jaeger", "tempo": the command line's and the settings' spelling.
QString backendKindKey(BackendKind kind);
std::optional<BackendKind> backendKindFromKey(QStringView key);
// "Spans API", "Zipkin", "Jaeger", "Grafana Tempo": for people.
QString backendKindTitle(BackendKind kind);
inline bool backendCanSearch(BackendKind kind) { return kind != BackendKind::SpansApi; }

// How a request proves who it is. The secret itself lives in the keychain (or TRACEDESK_TOKEN), never here.
enum class AuthMode { None, Bearer, Basic, Header };

struct AuthSpec
{
    AuthMode mode = AuthMode::None;
    QString headerName; // AuthMode::Header only
};

// "none", "bearer", "basic", "header:NAME" (the command line's --auth); nullopt when not one of them.
std::optional<AuthSpec> parseAuthSpec(QStringView text);
QString authSpecText(const AuthSpec &spec);
// The header a secret goes in: Authorization: Bearer S, Authorization: Basic base64(S) where S is
// "user:password", or NAME: S. Empty name for AuthMode::None or an empty secret.
QPair<QByteArray, QByteArray> authHeader(const AuthSpec &spec, const QString &secret);

// What the Search page and --search look for. Durations and times are in microseconds; 0 means "not set".
struct TraceQuery
{
    QString service;
    QString operation;
    QList<QPair<QString, QString>> tags; // key=value, all must match
    QString traceQl;                     // Tempo only: sent as q= (the other filters are then not sent)
    std::int64_t minDurationUs = 0;
    std::int64_t maxDurationUs = 0;
    std::int64_t startUs = 0; // epoch
    std::int64_t endUs = 0;   // epoch
    int limit = 20;
};

// One search result row: what a backend said (Tempo) or what TraceDesk made of the trace it sent (Zipkin, Jaeger).
struct TraceHit
{
    std::string traceId;
    std::string rootService;
    std::string rootName;
    std::int64_t startUs = 0; // epoch
    std::int64_t durationUs = 0;
    std::int64_t spanCount = -1;  // -1: the backend did not say
    std::int64_t errorCount = -1; // -1: the backend did not say
    std::vector<std::string> services;
};

TraceHit traceHitFromTrace(const Trace &trace);
// The --search line: traceId, rootService, rootName, startUs, durationUs, spanCount, errorCount, services
// (counts the backend did not give are null).
nlohmann::json traceHitJson(const TraceHit &hit);

// Results of one search answer, or why it could not be read.
struct SearchAnswer
{
    std::vector<TraceHit> hits;
    QString error;       // empty when the answer was read
    QString serverError; // the backend's own message when the answer is an error document
    bool ok() const { return error.isEmpty() && serverError.isEmpty(); }
};

// A list of names: services, operations, tag names or tag values.
struct NameList
{
    QStringList names; // sorted, no duplicates
    QString error;
    QString serverError;
    bool ok() const { return error.isEmpty() && serverError.isEmpty(); }
};

namespace backendapi {

// The first `limit` bytes of a body as one line of plain text (controls blanked, "..." when cut), for messages.
QString plainExcerpt(const std::string &body, std::size_t limit = 300);

// GET addresses. `base` may carry a path prefix (a backend behind a reverse proxy); it is kept.
// apiVersion: Jaeger 3 uses /api/v3/traces/{id} (OTLP in "result"); Tempo 2 uses /api/v2/traces/{id};
// anything else the backend's classic path.
QUrl traceUrl(BackendKind kind, const QUrl &base, const QString &traceId, int apiVersion = 0);
QUrl searchUrl(BackendKind kind, const QUrl &base, const TraceQuery &query);
QUrl servicesUrl(BackendKind kind, const QUrl &base);
// Zipkin and Jaeger list a service's operations; Tempo lists the span names it has seen (all services).
QUrl operationsUrl(BackendKind kind, const QUrl &base, const QString &service);
// Tempo's tag names (/api/search/tags), for completing the tags field; empty URL for the others.
QUrl tagNamesUrl(BackendKind kind, const QUrl &base);

// Reads a search answer: Zipkin's array of traces, Jaeger's {"data": [traces]}, Tempo's {"traces": [...]}.
// `cancel` stops the work between traces (the answer is then incomplete and not ok()).
SearchAnswer parseSearchAnswer(BackendKind kind, const std::string &body, const std::atomic_bool *cancel = nullptr);
// Reads a services, operations, tag names or tag values answer of any of the three backends.
NameList parseNameList(const std::string &body);

// The backend's own words in an error answer: Jaeger's {"errors": [{"code", "msg"}]}, {"error": ...},
// {"message": ...}, or the start of a plain-text body. Plain text, at most about 300 characters.
QString serverMessage(const std::string &body);
// True when a 404 (or Jaeger's error document) means "no such trace" rather than "no such API".
bool saysTraceNotFound(BackendKind kind, int httpStatus, const std::string &body);

// "key=value key2=\"a b\"" (logfmt, as Jaeger's and Tempo's search fields take tags) as pairs; nullopt with
// *error set when a term has no key or a quote is not closed.
std::optional<QList<QPair<QString, QString>>> parseTagList(QStringView text, QString *error = nullptr);

// "100ms", "2s", "1.5s", "250us", "250µs", "3m", "1h", "1h30m"; -1 when not a duration.
std::int64_t parseDurationUs(QStringView text);
// Go's time.ParseDuration spelling (Jaeger and Tempo parameters): "2s", "100ms", "1500us".
QString goDuration(std::int64_t us);
// "2026-12-06T10:00:00Z" (ISO 8601, local time without a zone) or epoch seconds, milliseconds or
// microseconds (told apart by size); nullopt when neither.
std::optional<std::int64_t> parseTimeUs(QStringView text);

} // namespace backendapi

} // namespace td
