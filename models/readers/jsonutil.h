#pragma once

#include "span.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Tolerant accessors for untrusted span JSON: never operator[], never a throwing get<>.
namespace td::jsonutil {

using nlohmann::json;

inline const json *field(const json &o, std::string_view key)
{
    if (!o.is_object())
        return nullptr;
    const auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
}

// The text of a scalar: strings as they are, numbers and booleans as written; empty otherwise.
std::string text(const json &v);
inline std::string text(const json &o, std::string_view key)
{
    const json *v = field(o, key);
    return v ? text(*v) : std::string();
}
// Any value as text: scalars as text(), objects and arrays as compact JSON.
std::string anyText(const json &v);

JsonType typeOf(const json &v);

// A whole number from a number or a numeric string ("1686294916826000000", 1.5e6).
std::optional<std::int64_t> integer(const json &v);
inline std::optional<std::int64_t> integer(const json &o, std::string_view key)
{
    const json *v = field(o, key);
    return v ? integer(*v) : std::nullopt;
}
std::optional<double> number(const json &v);

// An object or array field that may also arrive as JSON text (Log Service rows do this). Throws
// std::runtime_error when that text is nested deeper than the load's depth limit (the span is skipped).
json structured(const json &o, std::string_view key);

// "1.2.3.4" or a packed 32-bit integer (Zipkin thrift JSON).
std::string ipv4Text(const json &v);

} // namespace td::jsonutil
