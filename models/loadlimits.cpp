#include "loadlimits.h"

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <limits>

namespace td::loadlimits {

namespace {

std::atomic<std::size_t> &configuredMaxSpans()
{
    static std::atomic<std::size_t> value{[] {
        const std::size_t fromEnvironment = parseSpanCount(std::getenv("TRACEDESK_MAX_SPANS"));
        return fromEnvironment > 0 ? fromEnvironment : DefaultMaxSpans;
    }()};
    return value;
}

} // namespace

std::size_t defaultMaxSpans()
{
    return configuredMaxSpans().load(std::memory_order_relaxed);
}

void setDefaultMaxSpans(std::size_t maxSpans)
{
    configuredMaxSpans().store(maxSpans > 0 ? maxSpans : DefaultMaxSpans, std::memory_order_relaxed);
}

std::size_t parseSpanCount(const char *text)
{
    if (!text || !std::isdigit(static_cast<unsigned char>(*text)))
        return 0;
    char *end = nullptr;
    const unsigned long long n = std::strtoull(text, &end, 10);
    unsigned long long scale = 1;
    if (*end == 'k' || *end == 'K')
        scale = 1'000;
    else if (*end == 'm' || *end == 'M')
        scale = 1'000'000;
    if (scale != 1)
        ++end;
    if (*end != '\0' || n == 0 || n > std::numeric_limits<std::size_t>::max() / scale)
        return 0;
    return static_cast<std::size_t>(n * scale);
}

bool nestedDeeperThan(std::string_view text, std::size_t maxDepth)
{
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return true;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return false;
}

} // namespace td::loadlimits
