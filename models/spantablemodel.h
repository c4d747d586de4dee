#pragma once

#include "trace.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <cstdint>
#include <vector>

class QIODevice;

namespace td {

// The spans of a trace as a flat table: one row per real span (placeholders are left out). Rows hold
// only a span index; every cell is computed in data() from the trace, so a million spans cost 4 MB.
class SpanTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Service, Operation, Start, Duration, SelfTime, Error, ComponentColumn, FixedColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // numbers for the time and error columns, text for the others
        SpanIndexRole,           // int span index into Trace::spans()
        ErrorRole,               // bool: the span failed (Span::isError)
    };

    explicit SpanTableModel(QObject *parent = nullptr);

    // Resets the model; GUI thread only.
    void setTrace(TracePtr trace);
    const TracePtr &trace() const { return m_trace; }

    // Extra columns after the fixed ones, one per tag key: the value of the span's first tag with that key.
    void setTagColumns(const QStringList &keys);
    const QStringList &tagColumns() const { return m_tagKeys; }

    // Raw (as recorded) or adjusted (clock skew corrected, the default) start times in the Start column,
    // as the timeline's Raw/Adjusted switch; a change updates that column (a table sorted by it re-sorts).
    void setShowRawTimes(bool raw);
    bool showRawTimes() const { return m_raw; }
    // The start shown for a span: µs from the trace start, raw or adjusted.
    std::int64_t startOffsetUs(const Span &span) const;

    // The row of a span, or -1 (a placeholder, or not in the trace).
    int rowForSpan(std::int32_t spanIndex) const;
    std::int32_t spanAtRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The text of one cell, as DisplayRole gives it.
    QString cellText(std::int32_t spanIndex, int column) const;

    // The rows the indexes touch (any model: this one or a proxy over it), in row order, every column,
    // tab-separated; tabs and line breaks inside values become spaces. No header line.
    static QString rowsAsTsv(const QModelIndexList &indexes);
    // A header line and every row of the model (this one or a proxy over it) as CSV per RFC 4180:
    // fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF; a field that
    // a spreadsheet would run as a formula (=, +, -, @ first, not a number) starts with a '.
    static bool writeCsv(QIODevice *device, const QAbstractItemModel *model);
    static QString csvField(const QString &value);

private:
    TracePtr m_trace;
    std::vector<std::int32_t> m_rows;
    QStringList m_tagKeys;
    std::vector<StrId> m_tagKeyIds; // 0 when the key is not in the trace's strings
    std::vector<char> m_tagKeyFound;
    StrId m_componentKey = 0;
    bool m_hasComponentKey = false;
    bool m_raw = false;

    void resolveKeys();
};

// Filters and sorts a SpanTableModel: text over service and operation, one service, errors only and a
// minimum duration. Sorts by SpanTableModel::SortRole.
class SpanTableFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SpanTableFilter(QObject *parent = nullptr);

    void setTextFilter(const QString &text);   // case-insensitive substring of service or operation
    void setServiceFilter(const QString &service); // exact service name; empty for all
    void setErrorsOnly(bool on);
    void setMinDurationUs(std::int64_t us);    // 0 or less: no minimum

    QString textFilter() const { return m_text; }
    QString serviceFilter() const { return m_service; }
    bool errorsOnly() const { return m_errorsOnly; }
    std::int64_t minDurationUs() const { return m_minDurationUs; }

    std::int32_t spanAt(const QModelIndex &proxyIndex) const;
    QModelIndex indexForSpan(std::int32_t spanIndex, int column = 0) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Time and error columns compare the spans' numbers directly (no QVariant per comparison: a million
    // rows sort in a fraction of the time); text columns compare the cell text.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

public:
    void setSourceModel(QAbstractItemModel *source) override;

private:
    SpanTableModel *table() const { return sourceModel() == m_table ? m_table : nullptr; }
    void changed();

    SpanTableModel *m_table = nullptr; // the source when it is a SpanTableModel (lessThan runs per comparison)

    QString m_text;
    QString m_service;
    bool m_errorsOnly = false;
    std::int64_t m_minDurationUs = 0;
};

} // namespace td
