#pragma once

#include "trace.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace td {

class Redactor;

// One event of a trace: an annotation of a span (Zipkin v1/v2 annotation, Jaeger log, OTLP event, Log
// Service log), or a whole cloud audit record (CTS), which is an event on a time axis rather than a span.
struct TraceEvent
{
    std::int64_t timeUs = 0;  // corrected for clock skew, µs since the epoch
    std::int64_t shiftUs = 0; // how far the correction moved it; as recorded: timeUs - shiftUs
    std::int32_t span = NoIndex;
    std::int32_t annotation = NoIndex; // into Trace::annotations(); NoIndex: the span itself (a CTS record)

    std::int64_t rawUs() const { return timeUs - shiftUs; }
};

// The columns of the events table, in the model and in an export.
enum class EventColumn { Time, Service, Span, Event, Fields };
constexpr int eventColumnCount = 5;

struct EventTextOptions
{
    bool rawTimes = false;     // Time as recorded rather than corrected for clock skew
    bool oneLine = true;       // line breaks drawn as ⏎, tabs as spaces
    int maxChars = 0;          // cut after this many characters with "…"; 0: whole
    Redactor *redactor = nullptr; // every text from span data through it (exports)
};

// Every event of a trace in time order, with the texts of each column. Annotation times are kept as
// recorded (ClockSkew); an event is corrected as the timeline corrects its span: sr/ss, and any other
// annotation on the server's endpoint of a row that holds both halves, by Span::serverShiftUs; the rest by
// Span::skewShiftUs.
class TraceEvents
{
public:
    TraceEvents() = default;
    explicit TraceEvents(TracePtr trace);

    const TracePtr &trace() const { return m_trace; }
    const std::vector<TraceEvent> &events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }
    const TraceEvent &at(std::size_t i) const { return m_events.at(i); }
    // The event of an annotation, or -1.
    std::int32_t eventOfAnnotation(std::uint32_t annotation) const;
    // Events of one span: the span's annotations (or its CTS record) by event index, in time order.
    std::vector<std::int32_t> eventsOfSpan(std::int32_t span) const;

    // Says error or exception: the event's value or a field (error=true, error.*, exception.*,
    // level=error/fatal/critical). Events of error spans are not counted here: see isErrorRow.
    bool isErrorEvent(std::size_t event) const { return event < m_errorEvent.size() && m_errorEvent[event]; }
    // What "errors only" keeps and what is drawn red: error events and the events of error spans.
    bool isErrorRow(std::size_t event) const;
    // The service that recorded the event: its annotation's endpoint's, else its span's.
    StrId serviceOf(const TraceEvent &event) const;

    // The text of one cell; the view's model and the export both call this, so they agree.
    QString text(std::size_t event, EventColumn column, const EventTextOptions &options = {}) const;
    // A cs, sr, ss or cr annotation.
    bool isRpcEvent(std::size_t event) const;
    // cs, sr, ss, cr, ws and wr as people read them ("Client Send"); empty for any other value.
    static QString meaning(std::string_view value);
    // "12.5 ms" after the trace's start, as SpanTreeModel::formatDuration writes it (faster); negative
    // before it (a time recorded before the trace's corrected start).
    static QString offsetText(std::int64_t offsetUs);

private:
    TracePtr m_trace;
    std::vector<TraceEvent> m_events;
    std::vector<std::int32_t> m_eventOfAnnotation; // by annotation index
    std::vector<std::int32_t> m_eventOfRecord;     // CTS: by span index; empty for other formats
    std::vector<char> m_errorEvent;                // by event
    std::vector<char> m_rpcEvent;                  // by event
};

// What the events table keeps.
struct EventFilter
{
    QString text;    // in any column's text, case-insensitive
    QString service; // the service that recorded the event (TraceEvents::serviceOf); empty: any
    bool errorsOnly = false; // TraceEvents::isErrorRow
    // cs/sr/ss/cr too. They are most of a Zipkin trace's events (for Zipkin v2 halves TraceDesk derives
    // them from the client's and the server's times); without them the other annotations stand out.
    bool rpcEvents = true;

    bool operator==(const EventFilter &) const = default;
};

// The events of a trace as a table: one row per event shown, filtered on an index vector with one reset.
class TraceEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Service, Span, Event, Fields, ColumnCount };
    enum Role {
        SpanIndexRole = Qt::UserRole, // int span index
        EventIndexRole,               // int index into events()
        ErrorRole,                    // bool: isErrorRow
        TimeUsRole,                   // qint64: the time shown (raw or corrected), µs since the epoch
    };

    explicit TraceEventsModel(QObject *parent = nullptr);

    // Collects the events (one reset); null empties the model.
    void setTrace(TracePtr trace);
    const TraceEvents &events() const { return m_events; }
    bool isEmpty() const { return m_events.size() == 0; }

    // Keeps the events that pass; one model reset.
    void setFilter(const EventFilter &filter);
    const EventFilter &filter() const { return m_filter; }
    // Raw (as recorded) or corrected times in the Time column.
    void setShowRawTimes(bool raw);
    bool showRawTimes() const { return m_raw; }

    int totalCount() const { return static_cast<int>(m_events.size()); }
    // Event indices in row order.
    const std::vector<std::int32_t> &rows() const { return m_rows; }
    std::int32_t eventAt(int row) const;
    std::int32_t spanAt(int row) const;
    int rowOfEvent(std::int32_t event) const;
    // The first row shown of a span's events, or -1.
    int firstRowOfSpan(std::int32_t span) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString columnTitle(int column);

private:
    void applyFilter();

    TraceEvents m_events;
    std::vector<std::int32_t> m_rows;   // event index by row
    std::vector<std::int32_t> m_rowOf;  // row by event index, -1 when filtered out
    EventFilter m_filter;
    bool m_raw = false;
};

} // namespace td
