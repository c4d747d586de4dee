#pragma once

#include "tracelibrary.h"

#include <QAbstractTableModel>

#include <vector>

namespace td {

// Library entries as a table, newest opened first as the library gives them. SortRole gives numbers for
// the time and count columns, so that a proxy sorts 9 ms before 10 ms.
class LibraryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Opened, Started, TraceId, Root, Duration, Spans, Errors, Services, Source, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit LibraryTableModel(QObject *parent = nullptr);

    void setEntries(std::vector<LibraryEntry> entries);
    const std::vector<LibraryEntry> &entries() const { return m_entries; }
    const LibraryEntry &entry(int row) const { return m_entries.at(static_cast<std::size_t>(row)); }
    void setUtc(bool utc);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "payments: POST /pay" (just the service, or the operation, when the other is missing).
    static QString rootText(const LibraryEntry &e);
    static QString formatTime(const QDateTime &t, bool utc);

private:
    std::vector<LibraryEntry> m_entries;
    bool m_utc = false;
};

} // namespace td
