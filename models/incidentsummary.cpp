#include "incidentsummary.h"

#include "analysis.h"

#include "redaction.h"
#include "spantreemodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace td {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("td::IncidentSummary", text, nullptr, n);
}

QString duration(double us)
{
    return SpanTreeModel::formatDuration(us);
}

QString zoneOf(const QDateTime &t)
{
    const int offset = t.offsetFromUtc();
    if (offset == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString formatTimeWithZone(std::int64_t us)
{
    const std::int64_t ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms);
    QString text = local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QLatin1Char(' ') + zoneOf(local);
    if (local.offsetFromUtc() != 0)
        text += QStringLiteral(" (") + QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss.zzz"))
              + QStringLiteral(" UTC)");
    return text;
}

QString traceSourceLabel(const Trace &trace)
{
    if (!trace.sourcePath().isEmpty())
        return QFileInfo(trace.sourcePath()).fileName();
    const QFileInfo info(trace.sourceName());
    // A file read through a device has its path as the name; a fetched trace "profile/project".
    return info.isAbsolute() || trace.sourceName().startsWith(QLatin1Char(':')) ? info.fileName() : trace.sourceName();
}

std::vector<HeaderField> traceHeaderFields(const Trace &t, const ExportContext &context, Redactor &redactor)
{
    std::vector<HeaderField> fields;
    const auto text = [&](StrId id) { return redactor.text(t.qstr(id)); };
    fields.push_back({tr("Trace ID"), redactor.text(QString::fromUtf8(t.traceId().data(), static_cast<qsizetype>(t.traceId().size())))});
    QString root;
    if (const std::int32_t r = t.primaryRoot(); r >= 0) {
        const Span &s = t.span(static_cast<std::size_t>(r));
        root = s.isPlaceholder() ? tr("(missing span %1)").arg(text(s.spanId))
                                 : (s.service ? text(s.service) + QStringLiteral(": ") : QString()) + text(s.name);
    }
    fields.push_back({tr("Root"), root});
    fields.push_back({tr("Start"), formatTimeWithZone(t.startUs())});
    fields.push_back({tr("Duration"), duration(static_cast<double>(t.durationUs()))});
    fields.push_back({tr("Spans"), QString::number(t.realSpanCount())});
    QStringList services;
    for (const StrId id : t.services())
        services << text(id);
    fields.push_back({tr("Services"), services.isEmpty() ? QStringLiteral("0")
                                                         : QStringLiteral("%1: %2").arg(services.size()).arg(services.join(QStringLiteral(", ")))});
    fields.push_back({tr("Errors"), QString::number(t.errorCount())});
    fields.push_back({tr("Warnings"), QString::number(t.warningCount())});
    fields.push_back({tr("Source"), redactor.text(context.source.isEmpty() ? traceSourceLabel(t) : context.source)});
    const QDateTime now = context.exportTime.isValid() ? context.exportTime : QDateTime::currentDateTime();
    fields.push_back({tr("Exported"), formatTimeWithZone(now.toMSecsSinceEpoch() * 1000)});
    return fields;
}

HeaderField redactionLine(const Redactor &redactor)
{
    if (!redactor.isEnabled())
        return {tr("Redaction"), tr("off: secrets in span data are shown as they are")};
    const int n = redactor.redactedCount();
    return {tr("Redaction"), n == 1 ? tr("1 value redacted") : tr("%1 values redacted").arg(n)};
}

QString markdownEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\r': break;
        case '\n':
        case '\t': out += QLatin1Char(' '); break;
        case '\\': case '|': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '#':
            out += QLatin1Char('\\');
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

QString incidentSummaryMarkdown(const Trace &t, const ExportContext &context, Redactor &redactor)
{
    const auto text = [&](StrId id) { return markdownEscape(redactor.text(t.qstr(id))); };
    const auto spanName = [&](const Span &s) {
        return s.isPlaceholder() ? tr("(missing span %1)").arg(text(s.spanId)) : text(s.name);
    };
    const auto dur = [](std::int64_t us) { return duration(static_cast<double>(us)); };
    const double total = static_cast<double>(std::max<std::int64_t>(1, t.durationUs()));

    std::vector<const Span *> spans;
    for (const std::int32_t i : t.preorder())
        if (!t.span(static_cast<std::size_t>(i)).isPlaceholder())
            spans.push_back(&t.span(static_cast<std::size_t>(i)));

    // The sections first, so that the header can say how many values they redacted.
    QString body;
    std::vector<const Span *> errors, warnings, path;
    for (const Span *s : spans) {
        if (s->isError())
            errors.push_back(s);
        if (s->isWarning())
            warnings.push_back(s);
        if (s->hasFlag(SpanFlag::CriticalPath))
            path.push_back(s);
    }

    // The engineer's own marks first: what they found worth pointing at.
    if (!context.notes.empty()) {
        body += QStringLiteral("\n## ") + tr("Bookmarks and notes (%1)").arg(context.notes.size()) + QStringLiteral("\n\n");
        for (const SpanNote &n : context.notes) {
            const std::int32_t i = t.findSpan(n.spanId.toStdString());
            const Span *s = i >= 0 ? &t.span(static_cast<std::size_t>(i)) : nullptr;
            QString line = QStringLiteral("- ") + (n.bookmarked ? QStringLiteral("\u2605 ") : QString());
            line += s ? (s->service ? text(s->service) + QStringLiteral(": ") : QString()) + spanName(*s)
                         + QStringLiteral(" (") + dur(s->durationUs) + QStringLiteral(", ") + markdownEscape(redactor.text(n.spanId)) + QLatin1Char(')')
                      : tr("span %1 (not in this trace)").arg(markdownEscape(redactor.text(n.spanId)));
            if (!n.text.trimmed().isEmpty())
                line += QStringLiteral(" — ") + markdownEscape(redactor.text(n.text.simplified()));
            body += line + QLatin1Char('\n');
        }
    }

    body += QStringLiteral("\n## ") + tr("Errors (%1)").arg(errors.size()) + QStringLiteral("\n\n");
    if (errors.empty()) {
        body += tr("No span failed.") + QLatin1Char('\n');
    } else {
        body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n|---|---|---:|---|---|\n")
                    .arg(tr("Span"), tr("Service"), tr("Duration"), QStringLiteral("exception\\_class"), tr("Status"));
        for (const Span *s : errors) {
            QString status = text(s->statusText);
            if (status.isEmpty() && s->succeed == 0)
                status = QStringLiteral("succeed=false");
            body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                        .arg(spanName(*s), text(s->service), dur(s->durationUs), text(s->exceptionClass), status);
        }
    }

    body += QStringLiteral("\n## ") + tr("Warnings (%1)").arg(warnings.size()) + QStringLiteral("\n\n");
    if (warnings.empty()) {
        body += tr("No slow-call warnings.") + QLatin1Char('\n');
    } else {
        body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n|---|---|---:|---:|---|---:|\n")
                    .arg(tr("Span"), tr("Service"), tr("Duration"), QStringLiteral("optimize\\_warn\\_pct"),
                         QStringLiteral("optimize\\_warn\\_type"), tr("Usual"));
        for (const Span *s : warnings)
            body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                        .arg(spanName(*s), text(s->service), dur(s->durationUs), text(s->warnPctText), text(s->warnType),
                             s->hasDurationMoveAvg() ? duration(s->durationMoveAvgUs) : QString());
    }

    std::vector<const Span *> bySelf = spans;
    std::stable_sort(bySelf.begin(), bySelf.end(), [](const Span *a, const Span *b) { return a->selfTimeUs > b->selfTimeUs; });
    if (bySelf.size() > 10)
        bySelf.resize(10);
    body += QStringLiteral("\n## ") + tr("Most self time") + QStringLiteral("\n\n");
    body += QStringLiteral("| # | %1 | %2 | %3 | %4 | %5 |\n|---:|---|---|---:|---:|---:|\n")
                .arg(tr("Span"), tr("Service"), tr("Self time"), tr("% of trace"), tr("Duration"));
    for (std::size_t i = 0; i < bySelf.size(); ++i) {
        const Span *s = bySelf[i];
        body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                    .arg(QString::number(i + 1), spanName(*s), text(s->service), dur(s->selfTimeUs),
                         QStringLiteral("%1 %").arg(100.0 * static_cast<double>(s->selfTimeUs) / total, 0, 'f', 1), dur(s->durationUs));
    }

    // The Analysis dock's list, in its order (largest ratio first).
    const std::vector<SlowSpan> slow = slowerThanUsual(t);
    body += QStringLiteral("\n## ") + tr("Slower than usual (%1)").arg(slow.size()) + QStringLiteral("\n\n");
    if (slow.empty()) {
        body += tr("No span took longer than its usual duration (durationMoveAvg).") + QLatin1Char('\n');
    } else {
        body += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n|---|---|---:|---:|---:|\n")
                    .arg(tr("Span"), tr("Service"), tr("Duration"), tr("Usual (durationMoveAvg)"), tr("Ratio"));
        for (const SlowSpan &slowSpan : slow) {
            const Span &s = t.span(static_cast<std::size_t>(slowSpan.span));
            body += QStringLiteral("| %1 | %2 | %3 | %4 | %5× |\n")
                        .arg(spanName(s), text(s.service), dur(slowSpan.durationUs), duration(slowSpan.usualUs),
                             QString::number(slowSpan.ratio, 'f', 2));
        }
    }

    body += QStringLiteral("\n## ") + tr("Critical path") + QStringLiteral("\n\n");
    if (path.empty())
        body += tr("No critical path.") + QLatin1Char('\n');
    for (std::size_t i = 0; i < path.size(); ++i) {
        const Span *s = path[i];
        body += QStringLiteral("%1. %2%3 — %4 (%5)\n")
                    .arg(QString::number(i + 1), s->service ? text(s->service) + QStringLiteral(": ") : QString(), spanName(*s),
                         dur(s->durationUs), tr("self %1").arg(dur(s->selfTimeUs)));
    }

    const std::vector<HeaderField> fields = traceHeaderFields(t, context, redactor);
    QString out = QStringLiteral("# ") + tr("Incident summary: trace %1").arg(markdownEscape(fields.front().value)) + QStringLiteral("\n\n");
    if (!context.imageName.isEmpty())
        out += QStringLiteral("![%1](%2)\n\n").arg(tr("Trace timeline"), QString::fromUtf8(QUrl::toPercentEncoding(context.imageName)));
    out += QStringLiteral("| | |\n|---|---|\n");
    for (const HeaderField &f : fields)
        out += QStringLiteral("| %1 | %2 |\n").arg(markdownEscape(f.label), markdownEscape(f.value));
    const HeaderField r = redactionLine(redactor);
    out += QStringLiteral("| %1 | %2 |\n").arg(markdownEscape(r.label), markdownEscape(r.value));
    return out + body;
}

} // namespace td
