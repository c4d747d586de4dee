#pragma once

#include "traceviewpage.h"

namespace td {

// The trace graph of services. (Being written.)
class TraceGraphView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit TraceGraphView(SpanViewContext *context, QWidget *parent = nullptr);

    void traceChanged() override;
};

} // namespace td
