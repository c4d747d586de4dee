#include "iplatformtext.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

namespace td::iplatform {

namespace {

bool isTrimmed(char c)
{
    return c == ' ' || c == '\t' || c == '\'' || c == '"';
}

} // namespace

std::string_view trimValue(std::string_view value)
{
    while (!value.empty() && isTrimmed(value.front()))
        value.remove_prefix(1);
    while (!value.empty() && isTrimmed(value.back()))
        value.remove_suffix(1);
    return value;
}

QString trimValue(const QString &value)
{
    qsizetype from = 0, to = value.size();
    const auto trimmed = [](QChar c) { return c.unicode() < 128 && isTrimmed(static_cast<char>(c.unicode())); };
    while (from < to && trimmed(value[from]))
        ++from;
    while (to > from && trimmed(value[to - 1]))
        --to;
    return value.mid(from, to - from);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool isNone(std::string_view value)
{
    value = trimValue(value);
    return value.empty() || equalsIgnoreCase(value, "none") || equalsIgnoreCase(value, "null");
}

bool isNone(const QString &value)
{
    const QString v = trimValue(value);
    return v.isEmpty() || v.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
        || v.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0;
}

bool parseNumber(std::string_view value, double *out)
{
    value = trimValue(value);
    if (value.empty())
        return false;
    const std::string s(value);
    char *end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str())
        return false;
    *out = v;
    return true;
}

} // namespace td::iplatform
