#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace td {

// Limits that keep a hostile or runaway input from exhausting memory or stack. Each one, when reached,
// says so: the nesting depth fails the load with line and column, the span count and tag values are cut
// and reported as problems.
namespace loadlimits {

constexpr std::size_t DefaultMaxDepth = 256;
constexpr std::size_t DefaultMaxSpans = 5'000'000;
constexpr std::size_t DefaultMaxTagValueBytes = 64 * 1024;
// Span times in µs beyond ±2^60 (about 36,000 years) are treated as missing: sums and differences of a few
// times then stay inside 64 bits.
constexpr std::int64_t MaxTimeUs = std::int64_t(1) << 60;

// The span limit a load uses unless its options say otherwise: what setDefaultMaxSpans() set (the
// --max-spans command-line option), else TRACEDESK_MAX_SPANS from the environment, else DefaultMaxSpans.
std::size_t defaultMaxSpans();
void setDefaultMaxSpans(std::size_t maxSpans);
// "5000000" or "5M" style text to a span count; 0 when it is not a positive number.
std::size_t parseSpanCount(const char *text);

// Whether JSON text opens more than maxDepth arrays or objects at once (counted without parsing, so
// text found inside a string can be checked before it is parsed).
bool nestedDeeperThan(std::string_view text, std::size_t maxDepth);

} // namespace loadlimits
} // namespace td
