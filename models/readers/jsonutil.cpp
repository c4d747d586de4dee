#include "jsonutil.h"

#include "loadlimits.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace td::jsonutil {

std::string text(const json &v)
{
    switch (v.type()) {
    case json::value_t::string: return v.get_ref<const std::string &>();
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer: return std::to_string(v.get<std::int64_t>());
    case json::value_t::number_unsigned: return std::to_string(v.get<std::uint64_t>());
    case json::value_t::number_float: {
        const double d = v.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
            return std::to_string(static_cast<std::int64_t>(d));
        return v.dump();
    }
    default: return {};
    }
}

std::string anyText(const json &v)
{
    if (v.is_object() || v.is_array())
        return v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (v.is_null())
        return "null";
    return text(v);
}

JsonType typeOf(const json &v)
{
    switch (v.type()) {
    case json::value_t::string: return JsonType::String;
    case json::value_t::boolean: return JsonType::Bool;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return JsonType::Number;
    case json::value_t::object: return JsonType::Object;
    case json::value_t::array: return JsonType::Array;
    default: return JsonType::Null;
    }
}

std::optional<std::int64_t> integer(const json &v)
{
    constexpr double limit = 9.2e18;
    if (v.is_number_integer())
        return v.get<std::int64_t>();
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!std::isfinite(d) || std::fabs(d) > limit)
            return std::nullopt;
        return static_cast<std::int64_t>(d);
    }
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        if (s.empty() || s.size() > 40)
            return std::nullopt;
        char *end = nullptr;
        errno = 0;
        const long long ll = std::strtoll(s.c_str(), &end, 10);
        if (end && *end == '\0' && errno == 0)
            return static_cast<std::int64_t>(ll);
        const double d = std::strtod(s.c_str(), &end);
        if (end && *end == '\0' && std::isfinite(d) && std::fabs(d) < limit)
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

std::optional<double> number(const json &v)
{
    if (v.is_number())
        return v.get<double>();
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        char *end = nullptr;
        const double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end && *end == '\0' && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

json structured(const json &o, std::string_view key)
{
    const json *v = field(o, key);
    if (!v)
        return json();
    if (v->is_string()) {
        const auto &text = v->get_ref<const std::string &>();
        // Parsed values are copied and printed recursively: text nested this deep would exhaust the stack.
        // The loader turns the exception into "span skipped: ...".
        if (loadlimits::nestedDeeperThan(text, loadlimits::DefaultMaxDepth))
            throw std::runtime_error(std::string(key) + " holds JSON text nested deeper than "
                                     + std::to_string(loadlimits::DefaultMaxDepth) + " levels");
        auto parsed = json::parse(text, nullptr, false);
        return parsed.is_discarded() ? json() : parsed;
    }
    return *v;
}

std::string ipv4Text(const json &v)
{
    if (v.is_number_integer() || v.is_number_unsigned()) {
        const auto n = static_cast<std::uint32_t>(v.get<std::int64_t>());
        return std::to_string(n >> 24) + "." + std::to_string((n >> 16) & 255) + "." + std::to_string((n >> 8) & 255) + "."
            + std::to_string(n & 255);
    }
    return text(v);
}

} // namespace td::jsonutil
