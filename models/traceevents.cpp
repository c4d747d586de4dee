#include "traceevents.h"

#include "redaction.h"
#include "spantreemodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace td {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("td::TraceEventsModel", text);
}

bool containsIgnoreCase(std::string_view text, std::string_view word)
{
    if (word.size() > text.size())
        return false;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::search(text.begin(), text.end(), word.begin(), word.end(),
                       [&](char a, char b) { return lower(a) == lower(b); })
        != text.end();
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && containsIgnoreCase(a, b);
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool saysError(std::string_view value)
{
    return containsIgnoreCase(value, "error") || containsIgnoreCase(value, "exception");
}

// A field that marks its event as an error: Jaeger's error=true and error.* / OpenTracing's error.kind,
// OTLP's exception.* attributes, a log level of error or worse.
bool fieldSaysError(std::string_view key, std::string_view value)
{
    if (equalsIgnoreCase(key, "error"))
        return !value.empty() && !equalsIgnoreCase(value, "false") && value != "0";
    if (startsWithIgnoreCase(key, "error.") || startsWithIgnoreCase(key, "exception."))
        return true;
    if (equalsIgnoreCase(key, "event"))
        return saysError(value);
    if (equalsIgnoreCase(key, "level") || equalsIgnoreCase(key, "log.level") || equalsIgnoreCase(key, "severity"))
        return equalsIgnoreCase(value, "error") || equalsIgnoreCase(value, "fatal") || equalsIgnoreCase(value, "critical");
    return false;
}

QString timestampText(std::int64_t us)
{
    const std::int64_t ms = us >= 0 ? us / 1000 : (us - 999) / 1000;
    const auto micros = static_cast<int>(us - ms * 1000);
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
        + QStringLiteral("%1 UTC").arg(micros, 3, 10, QLatin1Char('0'));
}

QString oneLine(QString text)
{
    text.replace(QLatin1String("\r\n"), QStringLiteral(" \u23CE "));
    text.replace(QLatin1Char('\n'), QStringLiteral(" \u23CE "));
    text.replace(QLatin1Char('\r'), QStringLiteral(" \u23CE "));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return text;
}

} // namespace

TraceEvents::TraceEvents(TracePtr trace)
    : m_trace(std::move(trace))
{
    if (!m_trace)
        return;
    const Trace &t = *m_trace;
    const auto &annotations = t.annotations();
    const auto &spans = t.spans();
    // A cloud audit record is an operation on a time axis: the record is the event.
    const bool records = t.format().substr(0, 3) == "cts";
    StrId cs = 0, cr = 0, sr = 0, ss = 0;
    const bool anyCs = t.strings().find("cs", &cs), anyCr = t.strings().find("cr", &cr);
    const bool anySr = t.strings().find("sr", &sr), anySs = t.strings().find("ss", &ss);
    const auto is = [](bool any, StrId id, StrId value) { return any && id == value; };

    m_events.reserve(annotations.size() + (records ? spans.size() : 0));
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const Span &s = spans[i];
        const auto span = static_cast<std::int32_t>(i);
        if (records && s.annotationCount == 0 && !s.isPlaceholder()) {
            m_events.push_back({s.startUs, s.startUs - s.rawStartUs, span, NoIndex});
            continue;
        }
        if (s.annotationCount == 0 || s.firstAnnotation + s.annotationCount > annotations.size())
            continue;
        const Annotation *first = annotations.data() + s.firstAnnotation;
        const Annotation *last = first + s.annotationCount;
        // A row holding a client and its server: the server's side moved by its own shift.
        std::int32_t clientEp = NoIndex, serverEp = NoIndex;
        const bool twoSides = s.serverShiftUs != s.skewShiftUs;
        if (twoSides) {
            for (const Annotation *a = first; a != last; ++a) {
                if (clientEp == NoIndex && (is(anyCs, cs, a->value) || is(anyCr, cr, a->value)))
                    clientEp = a->endpoint;
                else if (serverEp == NoIndex && (is(anySr, sr, a->value) || is(anySs, ss, a->value)))
                    serverEp = a->endpoint;
            }
        }
        for (const Annotation *a = first; a != last; ++a) {
            bool server = false;
            if (twoSides) {
                if (is(anySr, sr, a->value) || is(anySs, ss, a->value))
                    server = true;
                else if (!is(anyCs, cs, a->value) && !is(anyCr, cr, a->value))
                    server = a->endpoint != NoIndex && a->endpoint == serverEp && a->endpoint != clientEp;
            }
            const std::int64_t shift = server ? s.serverShiftUs : s.skewShiftUs;
            m_events.push_back({a->timestampUs + shift, shift, span, static_cast<std::int32_t>(a - annotations.data())});
        }
    }
    std::sort(m_events.begin(), m_events.end(), [](const TraceEvent &a, const TraceEvent &b) {
        if (a.timeUs != b.timeUs)
            return a.timeUs < b.timeUs;
        if (a.span != b.span)
            return a.span < b.span;
        return a.annotation < b.annotation;
    });

    m_eventOfAnnotation.assign(annotations.size(), -1);
    if (records)
        m_eventOfRecord.assign(spans.size(), -1);
    m_errorEvent.assign(m_events.size(), 0);
    m_rpcEvent.assign(m_events.size(), 0);
    std::unordered_map<StrId, bool> valueSaysError;
    for (std::size_t k = 0; k < m_events.size(); ++k) {
        const TraceEvent &e = m_events[k];
        if (e.annotation == NoIndex) {
            m_eventOfRecord[static_cast<std::size_t>(e.span)] = static_cast<std::int32_t>(k);
            continue;
        }
        m_eventOfAnnotation[static_cast<std::size_t>(e.annotation)] = static_cast<std::int32_t>(k);
        const Annotation &a = annotations[static_cast<std::size_t>(e.annotation)];
        m_rpcEvent[k] = is(anyCs, cs, a.value) || is(anySr, sr, a.value) || is(anySs, ss, a.value) || is(anyCr, cr, a.value);
        auto [it, added] = valueSaysError.try_emplace(a.value, false);
        if (added)
            it->second = saysError(t.str(a.value));
        bool error = it->second;
        for (const Tag &f : t.annotationFields(a)) {
            if (error)
                break;
            error = fieldSaysError(t.str(f.key), t.str(f.value));
        }
        m_errorEvent[k] = error;
    }
}

std::int32_t TraceEvents::eventOfAnnotation(std::uint32_t annotation) const
{
    return annotation < m_eventOfAnnotation.size() ? m_eventOfAnnotation[annotation] : -1;
}

std::vector<std::int32_t> TraceEvents::eventsOfSpan(std::int32_t span) const
{
    std::vector<std::int32_t> out;
    if (!m_trace || span < 0 || static_cast<std::size_t>(span) >= m_trace->spanCount())
        return out;
    if (static_cast<std::size_t>(span) < m_eventOfRecord.size() && m_eventOfRecord[static_cast<std::size_t>(span)] >= 0)
        out.push_back(m_eventOfRecord[static_cast<std::size_t>(span)]);
    const Span &s = m_trace->span(static_cast<std::size_t>(span));
    for (std::uint32_t a = s.firstAnnotation; a < s.firstAnnotation + s.annotationCount; ++a)
        if (const auto e = eventOfAnnotation(a); e >= 0)
            out.push_back(e);
    std::sort(out.begin(), out.end());
    return out;
}

bool TraceEvents::isErrorRow(std::size_t event) const
{
    if (event >= m_events.size())
        return false;
    return m_errorEvent[event] || m_trace->span(static_cast<std::size_t>(m_events[event].span)).isError();
}

bool TraceEvents::isRpcEvent(std::size_t event) const
{
    return event < m_rpcEvent.size() && m_rpcEvent[event];
}

StrId TraceEvents::serviceOf(const TraceEvent &event) const
{
    const Trace &t = *m_trace;
    if (event.annotation != NoIndex) {
        const Annotation &a = t.annotations()[static_cast<std::size_t>(event.annotation)];
        if (const Endpoint *ep = t.endpoint(a.endpoint); ep && ep->service)
            return ep->service;
    }
    return t.span(static_cast<std::size_t>(event.span)).service;
}

QString TraceEvents::meaning(std::string_view value)
{
    // The names the span's Annotations panel gives them.
    if (value == "cs")
        return tr("Client Send");
    if (value == "sr")
        return tr("Server Receive");
    if (value == "ss")
        return tr("Server Send");
    if (value == "cr")
        return tr("Client Receive");
    if (value == "ws")
        return tr("Wire Send");
    if (value == "wr")
        return tr("Wire Receive");
    return {};
}

QString TraceEvents::offsetText(std::int64_t offsetUs)
{
    // SpanTreeModel::formatDuration's rules and units, with numbers by std::to_chars: the filter formats
    // every event's time, and QString::arg(double) is slow at that count (bench/ shows it). tst_events
    // checks that the two agree.
    static const QString us = QCoreApplication::translate("td::SpanTreeModel", "%1 µs");
    static const QString ms = QCoreApplication::translate("td::SpanTreeModel", "%1 ms");
    static const QString sec = QCoreApplication::translate("td::SpanTreeModel", "%1 s");
    static const QString min = QCoreApplication::translate("td::SpanTreeModel", "%1 min %2 s");
    const auto fixed = [](double v, int precision) {
        char buffer[64];
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, precision);
        return r.ec == std::errc() ? QString::fromLatin1(buffer, r.ptr - buffer) : QString::number(v, 'f', precision);
    };
    const auto fill = [](const QString &pattern, const QString &number) {
        QString out = pattern;
        return out.replace(QLatin1String("%1"), number);
    };
    const auto value = static_cast<double>(offsetUs);
    const double a = std::abs(value);
    if (a < 1000)
        return fill(us, fixed(value, 0));
    if (a < 1'000'000) {
        const double m = value / 1000.0;
        return fill(ms, fixed(m, std::abs(m) < 10 ? 2 : (std::abs(m) < 100 ? 1 : 0)));
    }
    const double s = value / 1e6;
    if (a < 60e6)
        return fill(sec, fixed(s, std::abs(s) < 10 ? 3 : 2));
    const auto minutes = static_cast<qint64>(s / 60);
    QString out = min;
    out.replace(QLatin1String("%1"), QString::number(minutes));
    return out.replace(QLatin1String("%2"), fixed(s - 60.0 * static_cast<double>(minutes), 1));
}

QString TraceEvents::text(std::size_t event, EventColumn column, const EventTextOptions &options) const
{
    if (!m_trace || event >= m_events.size())
        return {};
    const Trace &t = *m_trace;
    const TraceEvent &e = m_events[event];
    const Span &s = t.span(static_cast<std::size_t>(e.span));
    const Annotation *a = e.annotation == NoIndex ? nullptr : &t.annotations()[static_cast<std::size_t>(e.annotation)];
    const auto fromData = [&](const QString &text) { return options.redactor ? options.redactor->text(text) : text; };
    QString out;
    switch (column) {
    case EventColumn::Time:
        return offsetText((options.rawTimes ? e.rawUs() : e.timeUs) - t.startUs());
    case EventColumn::Service:
        out = fromData(t.qstr(serviceOf(e)));
        break;
    case EventColumn::Span:
        out = fromData(t.qstr(s.name));
        break;
    case EventColumn::Event:
        if (!a) {
            out = fromData(t.qstr(s.name));
        } else if (const QString named = meaning(t.str(a->value)); !named.isEmpty()) {
            out = named + QStringLiteral(" (") + t.qstr(a->value) + QLatin1Char(')');
        } else {
            out = fromData(t.qstr(a->value));
        }
        break;
    case EventColumn::Fields: {
        QStringList parts;
        const auto add = [&](const Tag &f) {
            const QString key = t.qstr(f.key);
            const QString value = t.qstr(f.value);
            parts << (options.redactor ? options.redactor->text(key) + QLatin1Char('=') + options.redactor->tagValue(key, value)
                                       : key + QLatin1Char('=') + value);
        };
        if (a) {
            for (const Tag &f : t.annotationFields(*a))
                add(f);
        } else {
            for (auto it = t.tagsBegin(s); it != t.tagsEnd(s); ++it)
                add(*it);
        }
        out = parts.join(QStringLiteral("; "));
        break;
    }
    }
    if (options.oneLine)
        out = oneLine(std::move(out));
    if (options.maxChars > 0 && out.size() > options.maxChars)
        out = out.left(options.maxChars) + QStringLiteral("\u2026");
    return out;
}

TraceEventsModel::TraceEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TraceEventsModel::setTrace(TracePtr trace)
{
    beginResetModel();
    m_events = TraceEvents(std::move(trace));
    m_rows.clear();
    m_rowOf.clear();
    applyFilter();
    endResetModel();
}

void TraceEventsModel::setFilter(const EventFilter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    applyFilter();
    endResetModel();
}

void TraceEventsModel::applyFilter()
{
    const std::size_t n = m_events.size();
    m_rows.clear();
    m_rowOf.assign(n, -1);
    if (n == 0)
        return;
    const Trace &t = *m_events.trace();
    StrId service = 0;
    if (!m_filter.service.isEmpty() && !t.strings().find(m_filter.service.toStdString(), &service))
        return;
    const QString needle = m_filter.text;
    const bool anyText = !needle.isEmpty();
    const bool digits = std::any_of(needle.begin(), needle.end(), [](QChar c) { return c.isDigit(); });
    // Names repeat from event to event: each distinct string is tested once. 0 unknown, 1 matches, 2 not.
    std::vector<signed char> stringMatch(anyText ? t.strings().size() : 0, 0);
    std::unordered_map<StrId, bool> eventMatch;
    const auto matches = [&](StrId id) {
        if (id >= stringMatch.size())
            return false;
        signed char &m = stringMatch[id];
        if (m == 0)
            m = t.qstr(id).contains(needle, Qt::CaseInsensitive) ? 1 : 2;
        return m == 1;
    };
    const auto &annotations = t.annotations();
    m_rows.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const TraceEvent &e = m_events.events()[k];
        if (service && m_events.serviceOf(e) != service)
            continue;
        if (m_filter.errorsOnly && !m_events.isErrorRow(k))
            continue;
        if (!m_filter.rpcEvents && m_events.isRpcEvent(k))
            continue;
        if (anyText) {
            const td::Span &s = t.span(static_cast<std::size_t>(e.span));
            bool hit = matches(m_events.serviceOf(e)) || matches(s.name);
            if (!hit && e.annotation != NoIndex) {
                const Annotation &a = annotations[static_cast<std::size_t>(e.annotation)];
                auto [it, added] = eventMatch.try_emplace(a.value, false);
                if (added)
                    it->second = m_events.text(k, EventColumn::Event, {m_raw, false, 0, nullptr}).contains(needle, Qt::CaseInsensitive);
                hit = it->second
                    || (t.annotationFields(a).size() > 0
                        && m_events.text(k, EventColumn::Fields, {m_raw, false, 0, nullptr}).contains(needle, Qt::CaseInsensitive));
            } else if (!hit) {
                hit = m_events.text(k, EventColumn::Fields, {m_raw, false, 0, nullptr}).contains(needle, Qt::CaseInsensitive);
            }
            if (!hit && digits)
                hit = m_events.text(k, EventColumn::Time, {m_raw, false, 0, nullptr}).contains(needle, Qt::CaseInsensitive);
            if (!hit)
                continue;
        }
        m_rowOf[k] = static_cast<std::int32_t>(m_rows.size());
        m_rows.push_back(static_cast<std::int32_t>(k));
    }
}

void TraceEventsModel::setShowRawTimes(bool raw)
{
    if (raw == m_raw)
        return;
    m_raw = raw;
    // A filter with digits may match the Time column, whose texts change with the switch.
    if (std::any_of(m_filter.text.begin(), m_filter.text.end(), [](QChar c) { return c.isDigit(); })) {
        beginResetModel();
        applyFilter();
        endResetModel();
    } else if (!m_rows.empty()) {
        emit dataChanged(index(0, Time), index(static_cast<int>(m_rows.size()) - 1, Time));
    }
}

std::int32_t TraceEventsModel::eventAt(int row) const
{
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? m_rows[static_cast<std::size_t>(row)] : -1;
}

std::int32_t TraceEventsModel::spanAt(int row) const
{
    const std::int32_t e = eventAt(row);
    return e < 0 ? NoIndex : m_events.at(static_cast<std::size_t>(e)).span;
}

int TraceEventsModel::rowOfEvent(std::int32_t event) const
{
    return event >= 0 && static_cast<std::size_t>(event) < m_rowOf.size() ? m_rowOf[static_cast<std::size_t>(event)] : -1;
}

int TraceEventsModel::firstRowOfSpan(std::int32_t span) const
{
    int best = -1;
    for (const std::int32_t e : m_events.eventsOfSpan(span)) {
        const int r = rowOfEvent(e);
        if (r >= 0 && (best < 0 || r < best))
            best = r;
    }
    return best;
}

int TraceEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TraceEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceEventsModel::data(const QModelIndex &index, int role) const
{
    const std::int32_t e = eventAt(index.row());
    if (!index.isValid() || e < 0 || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const auto k = static_cast<std::size_t>(e);
    const TraceEvent &event = m_events.at(k);
    const auto column = static_cast<EventColumn>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        // A long stack trace is cut: the row shows a line of it, the tooltip more.
        return m_events.text(k, column, {m_raw, true, 500, nullptr});
    case Qt::ToolTipRole: {
        if (column != EventColumn::Time)
            return m_events.text(k, column, {m_raw, false, 4000, nullptr});
        QString tip = timestampText(m_raw ? event.rawUs() : event.timeUs);
        if (event.shiftUs != 0)
            tip += QLatin1Char('\n')
                + (m_raw ? tr("as recorded; corrected for clock skew: %1").arg(timestampText(event.timeUs))
                         : tr("corrected for clock skew by %1; recorded: %2")
                               .arg(SpanTreeModel::formatDuration(static_cast<double>(event.shiftUs)), timestampText(event.rawUs())));
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (column == EventColumn::Time)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SpanIndexRole:
        return event.span;
    case EventIndexRole:
        return e;
    case ErrorRole:
        return m_events.isErrorRow(k);
    case TimeUsRole:
        return static_cast<qint64>(m_raw ? event.rawUs() : event.timeUs);
    default:
        return {};
    }
}

QString TraceEventsModel::columnTitle(int column)
{
    switch (column) {
    case Time: return tr("Time");
    case Service: return tr("Service");
    case Span: return tr("Span");
    case Event: return tr("Event");
    case Fields: return tr("Fields");
    default: return {};
    }
}

QVariant TraceEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole && section == Time)
        return tr("Offset from the start of the trace");
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == Time ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    return {};
}

} // namespace td
