#pragma once

#include "spannote.h"
#include "trace.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace td {

class Redactor;

// Where an export came from and when it was made, for the header block of every export.
struct ExportContext
{
    QString source;       // file name or "profile/project"; empty: taken from the trace
    QDateTime exportTime; // invalid: now
    QString imageName;    // Markdown: the picture written beside it, referenced by name; empty: none
    std::vector<SpanNote> notes; // the user's bookmarks and notes on spans of the trace, listed by the summary
};

struct HeaderField
{
    QString label;
    QString value;
};

// The header block: trace id, root service and operation, start time with time zone, duration, spans,
// services, errors, warnings, source and export time. Span data goes through the redactor; the caller adds
// the redaction line once everything else has been through it (redactionLine()).
std::vector<HeaderField> traceHeaderFields(const Trace &trace, const ExportContext &context, Redactor &redactor);
HeaderField redactionLine(const Redactor &redactor);

// "2018-09-27 15:35:36.991 UTC+08:00 (07:35:36.991 UTC)": local time with its zone, and UTC beside it.
QString formatTimeWithZone(std::int64_t us);
// The file name of a file source, or the source name of a fetched trace.
QString traceSourceLabel(const Trace &trace);

// The Markdown incident summary: the header, error spans with exception_class and status, warning spans
// with optimize_warn_pct/type, the ten spans with most self time, spans slower than their durationMoveAvg
// with the ratio, and the critical path. Every span string goes through the redactor.
QString incidentSummaryMarkdown(const Trace &trace, const ExportContext &context, Redactor &redactor);

// Escapes text for a Markdown table cell or line: no line breaks, no pipes, no markup.
QString markdownEscape(const QString &text);

} // namespace td
