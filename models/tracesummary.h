#pragma once

#include "trace.h"

#include <nlohmann/json.hpp>

namespace td {

// The `--summary` document: what the model made of a trace, for scripts and tests.
nlohmann::json traceSummary(const Trace &trace);

} // namespace td
