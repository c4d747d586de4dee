#pragma once

#include "traceviewpage.h"

namespace td {

// The events of the trace in time order. (Being written.)
class EventsView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit EventsView(SpanViewContext *context, QWidget *parent = nullptr);

    void traceChanged() override;
};

} // namespace td
