#pragma once

#include "trace.h"

#include <QString>

namespace td::testing {

// Builds a trace from a compact text, one span per line:
//   "root 0 100\nroot/db 10 40 service=db kind=client tag:lc=jdbc"
// The path's last part is the span id, the one before it the parent id; start and duration are µs
// relative to a fixed epoch (1'000'000'000 µs). Options: service=, ip=, kind=client|server|local,
// parent= (overrides the path), id=, trace=, cs= sr= ss= cr= (annotation offsets), tag:KEY=VALUE, notime.
std::shared_ptr<const Trace> buildTrace(const QString &dsl);

constexpr std::int64_t dslEpochUs = 1'000'000'000;

} // namespace td::testing
