#pragma once

#include "traceviewpage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace td {

class TraceEventsModel;
struct EventFilter;

// Every event of the trace (annotations, Jaeger logs, OTLP events, Log Service logs, cloud audit records) in
// time order, with their service, span and fields; filtered by text, service and errors. A row selects its
// span everywhere; Enter or a double-click asks for the span's details. The rows of the span selected
// elsewhere are highlighted and the first is scrolled into view; search matches are highlighted, events of
// error spans (and events that say error) are red; Raw/Adjusted changes the times. The events are
// collected when the page is first shown.
class EventsView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit EventsView(SpanViewContext *context, QWidget *parent = nullptr);

    void traceChanged() override;
    void marksChanged() override;
    void describeExport(ExportSource *source) const override;

    TraceEventsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *serviceBox() const { return m_service; }
    QCheckBox *errorsOnlyBox() const { return m_errorsOnly; }
    QCheckBox *rpcEventsBox() const { return m_rpcEvents; }
    QLabel *countLabel() const { return m_count; }
    // The events are collected (done when first shown; tests may ask for it).
    bool isBuilt() const { return m_built; }
    void ensureBuilt();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    EventFilter currentFilter() const;
    void updateCount();
    void onCurrentRowChanged(const QModelIndex &current);
    void onSelectedSpanChanged(std::int32_t spanIndex);
    // Makes the first row of the selected span current (unless the current row is already one of its
    // rows) and scrolls to it.
    void followSelectedSpan();

    TraceEventsModel *m_model;
    QTableView *m_table;
    QLineEdit *m_filter;
    QComboBox *m_service;
    QCheckBox *m_errorsOnly;
    QCheckBox *m_rpcEvents;
    QLabel *m_count;
    bool m_built = false;
    bool m_following = false; // moving the current row to the span selected elsewhere
};

} // namespace td
