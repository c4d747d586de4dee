#pragma once

#include "traceviewpage.h"

namespace td {

// The flame graph (icicle, root on top). (Being written.)
class FlameGraphView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit FlameGraphView(SpanViewContext *context, QWidget *parent = nullptr);

    void traceChanged() override;
};

} // namespace td
