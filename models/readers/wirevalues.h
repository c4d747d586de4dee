#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Text forms of times, durations and ids that trace formats put in JSON strings.
namespace td::wire {

// "2017-01-26T16:46:31.639875139-05:00" (RFC 3339) as µs since the epoch; digits past µs are dropped.
std::optional<std::int64_t> rfc3339ToUs(std::string_view text);

// A Go / protobuf-JSON duration ("5000ns", "0.005s", "1m30.5s", "-2ms") in µs, truncated toward zero.
std::optional<std::int64_t> durationToUs(std::string_view text);

// Standard or URL-safe base64, padded or not; nullopt when the text is not base64.
std::optional<std::string> base64Decode(std::string_view text);

std::string toHex(std::string_view bytes);
bool isHex(std::string_view text);

// An id as lowercase hex: hex text lowercased; with allowBase64, padded base64 of 8 or 16 bytes (protobuf
// JSON) decoded. Anything else ("span-A") is kept as written.
std::string hexId(std::string_view text, bool allowBase64);

} // namespace td::wire
