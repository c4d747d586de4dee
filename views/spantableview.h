#pragma once

#include "traceviewpage.h"

namespace td {

// The span table. (Being written.)
class SpanTableView : public TraceViewPage
{
    Q_OBJECT
public:
    explicit SpanTableView(SpanViewContext *context, QWidget *parent = nullptr);

    void traceChanged() override;
};

} // namespace td
