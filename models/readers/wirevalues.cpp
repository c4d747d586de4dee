#include "wirevalues.h"

#include <array>
#include <limits>

namespace td::wire {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads exactly n digits at pos.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t n)
{
    if (pos + n > text.size())
        return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!isDigit(text[i]))
            return std::nullopt;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool leapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

} // namespace

std::optional<std::int64_t> rfc3339ToUs(std::string_view t)
{
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
    const auto year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    const auto hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second || t[4] != '-' || t[7] != '-'
        || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
        return std::nullopt;
    static constexpr std::array<int, 12> monthDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*month < 1 || *month > 12 || *day < 1 || *day > monthDays[static_cast<std::size_t>(*month - 1)]
        || (*month == 2 && *day == 29 && !leapYear(*year)) || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;
    std::size_t pos = 19;
    std::int64_t fracUs = 0;
    if (pos < t.size() && t[pos] == '.') {
        ++pos;
        const auto start = pos;
        std::int64_t scale = 100000;
        while (pos < t.size() && isDigit(t[pos])) {
            fracUs += (t[pos] - '0') * scale; // digits after the sixth add nothing (scale reaches 0)
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
    }
    if (pos >= t.size())
        return std::nullopt;
    std::int64_t offsetSeconds = 0;
    if (t[pos] == 'Z' || t[pos] == 'z') {
        ++pos;
    } else if (t[pos] == '+' || t[pos] == '-') {
        const int sign = t[pos] == '-' ? -1 : 1;
        const auto oh = digits(t, pos + 1, 2);
        std::size_t mpos = pos + 3;
        if (mpos < t.size() && t[mpos] == ':')
            ++mpos;
        const auto om = digits(t, mpos, 2);
        if (!oh || !om || *oh > 23 || *om > 59)
            return std::nullopt;
        offsetSeconds = sign * (*oh * 3600 + *om * 60);
        pos = mpos + 2;
    } else {
        return std::nullopt;
    }
    if (pos != t.size())
        return std::nullopt;
    const std::int64_t days = daysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
    const std::int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second - offsetSeconds;
    return seconds * 1'000'000 + fracUs;
}

std::optional<std::int64_t> durationToUs(std::string_view t)
{
    if (t.empty())
        return std::nullopt;
    bool negative = false;
    if (t.front() == '-' || t.front() == '+') {
        negative = t.front() == '-';
        t.remove_prefix(1);
    }
    if (t == "0")
        return 0;
    if (t.empty())
        return std::nullopt;
    constexpr auto maxNs = std::numeric_limits<std::int64_t>::max();
    std::int64_t totalNs = 0;
    while (!t.empty()) {
        std::int64_t whole = 0;
        std::size_t i = 0;
        bool any = false;
        for (; i < t.size() && isDigit(t[i]); ++i) {
            if (whole > (maxNs - 9) / 10)
                return std::nullopt;
            whole = whole * 10 + (t[i] - '0');
            any = true;
        }
        std::int64_t frac = 0, fracScale = 1;
        if (i < t.size() && t[i] == '.') {
            for (++i; i < t.size() && isDigit(t[i]); ++i) {
                any = true;
                if (fracScale < 1'000'000'000'000'000LL) { // 18 digits are more than any unit needs
                    frac = frac * 10 + (t[i] - '0');
                    fracScale *= 10;
                }
            }
        }
        if (!any)
            return std::nullopt;
        t.remove_prefix(i);
        std::int64_t unitNs = 0;
        for (const auto &[name, ns] : {std::pair<std::string_view, std::int64_t>{"ns", 1},
                                       {"us", 1'000},
                                       {"\xC2\xB5s", 1'000}, // µs, micro sign
                                       {"\xCE\xBCs", 1'000}, // μs, Greek mu
                                       {"ms", 1'000'000},
                                       {"s", 1'000'000'000},
                                       {"m", 60'000'000'000},
                                       {"h", 3'600'000'000'000}}) {
            // "ms" must win over "m"; the list is ordered so the longer unit is tried first.
            if (t.starts_with(name)) {
                unitNs = ns;
                t.remove_prefix(name.size());
                break;
            }
        }
        if (unitNs == 0)
            return std::nullopt;
        if (whole > maxNs / unitNs)
            return std::nullopt;
        std::int64_t partNs = whole * unitNs;
        // frac / fracScale of a unit, without overflow: fracScale is at most 1e18 and unitNs at most 3.6e12.
        partNs += static_cast<std::int64_t>(static_cast<long double>(frac) * unitNs / fracScale);
        if (partNs < 0 || totalNs > maxNs - partNs)
            return std::nullopt;
        totalNs += partNs;
    }
    const std::int64_t us = totalNs / 1000;
    return negative ? -us : us;
}

std::optional<std::string> base64Decode(std::string_view text)
{
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        const int v = base64Value(c);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xFF));
        }
    }
    return out;
}

std::string toHex(std::string_view bytes)
{
    static constexpr char digitsHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digitsHex[b >> 4]);
        out.push_back(digitsHex[b & 15]);
    }
    return out;
}

bool isHex(std::string_view text)
{
    for (char c : text)
        if (!isDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F'))
            return false;
    return !text.empty();
}

std::string hexId(std::string_view text, bool allowBase64)
{
    if (isHex(text)) {
        std::string out(text);
        for (char &c : out)
            if (c >= 'A' && c <= 'F')
                c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    // Padded base64 of 8 or 16 bytes is 12 or 24 characters; hex text never decodes to those lengths.
    if (allowBase64 && (text.size() == 12 || text.size() == 24)) {
        if (const auto bytes = base64Decode(text); bytes && (bytes->size() == 8 || bytes->size() == 16))
            return toHex(*bytes);
    }
    return std::string(text);
}

} // namespace td::wire
