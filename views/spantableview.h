#pragma once

#include "traceviewpage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace td {

class SpanTableFilter;
class SpanTableModel;

// Every real span of the trace as a sortable, filterable table (service, operation, start, duration, self
// time, error, component and tag columns the user adds). A row selects its span everywhere and follows the
// span selected elsewhere; Ctrl+C copies the selected rows as TSV, "Export CSV…" writes the filtered rows.
// Rows are built when the page is first shown after a trace change.
class SpanTableView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit SpanTableView(SpanViewContext *context, QWidget *parent = nullptr);

    void traceChanged() override;
    // Search matches changed: repaint the rows (matches are drawn yellow).
    void marksChanged() override;
    // The filtered, sorted spans as items and the added tag columns.
    void describeExport(ExportSource *source) const override;

    SpanTableModel *model() const { return m_model; }
    SpanTableFilter *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *serviceBox() const { return m_service; }
    QCheckBox *errorsOnlyBox() const { return m_errorsOnly; }
    QLineEdit *minDurationEdit() const { return m_minDuration; }

    void ensureBuilt();
    // Adds a column for this tag key (no-op when empty or already shown).
    void addTagColumn(const QString &key);
    // The selected rows as TSV, as Ctrl+C puts on the clipboard.
    QString selectedRowsTsv() const;
    void copySelection();
    // Asks for a file and writes the filtered rows as CSV.
    void exportCsv();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void updateCount();
    void askTagColumn();
    void onCurrentRowChanged(const QModelIndex &current);
    void onSelectedSpanChanged(std::int32_t spanIndex);

    SpanTableModel *m_model;
    SpanTableFilter *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QComboBox *m_service;
    QCheckBox *m_errorsOnly;
    QLineEdit *m_minDuration;
    QPushButton *m_addColumn;
    QPushButton *m_export;
    QLabel *m_count;
    bool m_built = false;
    bool m_following = false;
};

} // namespace td
