#pragma once

#include "tracelibrary.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace td {

class LibraryTableModel;

// The start page's list of traces opened before: filters (text over ids, services and operations; errors
// only; minimum duration; when the trace started) over a sortable table. Enter or a double-click asks to
// open the row's trace. Without a library, or with one that failed to open, it shows why instead.
class LibraryView : public QWidget
{
    Q_OBJECT

public:
    enum DateRange { AnyDate, Last24Hours, Last7Days, Last30Days, Between };

    explicit LibraryView(QWidget *parent = nullptr);

    // Not owned; must outlive the view or be replaced (nullptr shows the view disabled). Reads it at once.
    void setLibrary(TraceLibrary *library);
    TraceLibrary *library() const { return m_library; }
    // The query the filters describe; *error (if given) says which filter was not understood.
    LibraryQuery query(QString *error = nullptr) const;
    // The end of the "last N" ranges; the clock unless a test sets it.
    void setNow(const QDateTime &now) { m_now = now; }
    void setUtc(bool utc);
    // The entry of the current row, if any.
    std::optional<LibraryEntry> currentEntry() const;

    // Widgets, for tests and the start page.
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *errorsOnlyBox() const { return m_errorsOnly; }
    QLineEdit *minDurationEdit() const { return m_minDuration; }
    QComboBox *dateBox() const { return m_date; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QTableView *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    // Enabled when exactly two rows are selected (Ctrl+click): compares them (compareRequested).
    QPushButton *compareButton() const { return m_compare; }
    QLabel *disabledLabel() const { return m_disabled; }
    LibraryTableModel *model() const { return m_model; }
    // Rows as shown (sorted), entry by entry.
    LibraryEntry entryAt(int viewRow) const;

public Q_SLOTS:
    // Reads the library again with the current filters (after a trace was recorded).
    void refresh();

Q_SIGNALS:
    void openRequested(const td::LibraryEntry &entry);
    void compareRequested(const td::LibraryEntry &a, const td::LibraryEntry &b);

private:
    void activate(const QModelIndex &index);

    TraceLibrary *m_library = nullptr;
    QDateTime m_now;
    QWidget *m_filters = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QLineEdit *m_minDuration = nullptr;
    QComboBox *m_date = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_compare = nullptr;
    QLabel *m_disabled = nullptr;
    LibraryTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    bool m_columnsFitted = false;
};

} // namespace td
