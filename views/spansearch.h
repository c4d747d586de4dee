#pragma once

#include "trace.h"

#include <QString>

#include <atomic>
#include <vector>

namespace td {

// Spans whose name, service, tag key or tag value contains text (case-insensitive), in tree order.
// Stops early, returning what it found so far, once *cancel is set (a background search superseded).
std::vector<std::int32_t> findSpans(const Trace &trace, const QString &text, const std::atomic<bool> *cancel = nullptr);

} // namespace td
