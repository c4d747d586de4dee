#include "flatjson.h"

#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace td::flatjson {

namespace {

// The first byte at or after p that ends a plain run inside a string: '"', '\\', a control character
// or a non-ASCII byte (which is then checked as UTF-8). Returns `end` when there is none.
inline const char *scanPlain(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed compare: bytes >= 0x80 are negative, so "less than 0x20" also catches non-ASCII.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmplt_epi8(v, space));
        const int mask = _mm_movemask_epi8(special);
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            return p;
        ++p;
    }
    return end;
}

inline bool continuation(const char *p, const char *end, int n, unsigned lo = 0x80, unsigned hi = 0xBF)
{
    if (end - p < n + 1)
        return false;
    const auto first = static_cast<unsigned char>(p[1]);
    if (first < lo || first > hi)
        return false;
    for (int i = 2; i <= n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x80 || c > 0xBF)
            return false;
    }
    return true;
}

// One UTF-8 sequence at p (first byte >= 0x80), checked the way RFC 3629 (and nlohmann/json) do.
const char *utf8(const char *p, const char *end)
{
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0xC2 && c <= 0xDF)
        return continuation(p, end, 1) ? p + 2 : nullptr;
    if (c == 0xE0)
        return continuation(p, end, 2, 0xA0, 0xBF) ? p + 3 : nullptr;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return continuation(p, end, 2) ? p + 3 : nullptr;
    if (c == 0xED)
        return continuation(p, end, 2, 0x80, 0x9F) ? p + 3 : nullptr;
    if (c == 0xF0)
        return continuation(p, end, 3, 0x90, 0xBF) ? p + 4 : nullptr;
    if (c >= 0xF1 && c <= 0xF3)
        return continuation(p, end, 3) ? p + 4 : nullptr;
    if (c == 0xF4)
        return continuation(p, end, 3, 0x80, 0x8F) ? p + 4 : nullptr;
    return nullptr;
}

bool hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= static_cast<unsigned>(c - 'A' + 10);
        else
            return false;
    }
    *out = v;
    return true;
}

void appendUtf8(std::string &out, unsigned cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// The escape sequence at p (p[0] == '\\'), appended unescaped; returns the position after it.
const char *unescape(const char *p, const char *end, std::string &out)
{
    if (end - p < 2)
        return nullptr;
    switch (p[1]) {
    case '"': out.push_back('"'); return p + 2;
    case '\\': out.push_back('\\'); return p + 2;
    case '/': out.push_back('/'); return p + 2;
    case 'b': out.push_back('\b'); return p + 2;
    case 'f': out.push_back('\f'); return p + 2;
    case 'n': out.push_back('\n'); return p + 2;
    case 'r': out.push_back('\r'); return p + 2;
    case 't': out.push_back('\t'); return p + 2;
    case 'u': break;
    default: return nullptr;
    }
    unsigned cp = 0;
    if (end - p < 6 || !hex4(p + 2, &cp))
        return nullptr;
    p += 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return nullptr; // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned low = 0;
        if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &low) || low < 0xDC00 || low > 0xDFFF)
            return nullptr;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        p += 6;
    }
    appendUtf8(out, cp);
    return p;
}

// The body of a string from just after its opening quote. Without escapes nothing is copied and
// `escaped` stays false; with escapes the whole unescaped text is appended to `out`.
const char *stringBody(const char *p, const char *end, std::string &out, bool &escaped)
{
    escaped = false;
    const char *run = p;
    for (;;) {
        p = scanPlain(p, end);
        if (p >= end)
            return nullptr;
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            if (escaped)
                out.append(run, p);
            return p + 1;
        }
        if (c == '\\') {
            escaped = true;
            out.append(run, p);
            // JSON text inside a string (spans API) escapes every quote: keep that case short.
            if (end - p >= 2 && (p[1] == '"' || p[1] == '\\' || p[1] == '/')) {
                out.push_back(p[1]);
                p += 2;
                run = p;
                continue;
            }
            p = unescape(p, end, out);
            if (!p)
                return nullptr;
            run = p;
            continue;
        }
        if (c < 0x80)
            return nullptr; // a control character must be escaped
        p = utf8(p, end);
        if (!p)
            return nullptr;
    }
}

} // namespace

const char *readString(const char *p, const char *end, std::string &out)
{
    if (p >= end || *p != '"')
        return nullptr;
    const char *body = p + 1;
    bool escaped = false;
    const std::size_t before = out.size();
    const char *after = stringBody(body, end, out, escaped);
    if (!after) {
        out.resize(before);
        return nullptr;
    }
    if (!escaped)
        out.append(body, after - 1);
    return after;
}

const char *Document::string(const char *p, Node &node)
{
    // p is at the opening quote
    node.type = Type::String;
    const char *body = p + 1;
    const std::size_t arenaStart = m_arena.size();
    bool escaped = false;
    const char *after = stringBody(body, m_end, m_arena, escaped);
    if (!after)
        return nullptr;
    node.inArena = escaped;
    if (escaped) {
        node.offset = static_cast<std::uint32_t>(arenaStart);
        node.length = static_cast<std::uint32_t>(m_arena.size() - arenaStart);
    } else {
        node.offset = static_cast<std::uint32_t>(body - m_base);
        node.length = static_cast<std::uint32_t>(after - 1 - body);
    }
    return after;
}

const char *Document::escapedString(const char *p, Node &node)
{
    // p is at the backslash of the opening \"
    node.type = Type::String;
    const char *body = p + 2;
    for (const char *q = body;;) {
        q = scanPlain(q, m_end);
        if (q >= m_end)
            return nullptr;
        const auto c = static_cast<unsigned char>(*q);
        if (c == '\\') {
            if (m_end - q < 2 || q[1] != '"')
                return nullptr; // an escape inside the value's string (or a stray one): the general way
            node.offset = static_cast<std::uint32_t>(body - m_base);
            node.length = static_cast<std::uint32_t>(q - body);
            return q + 2;
        }
        if (c < 0x80)
            return nullptr; // '"' ends the outer string inside a value; a control character is an error
        q = utf8(q, m_end);
        if (!q)
            return nullptr;
    }
}

const char *Document::number(const char *p, Node &node)
{
    const char *q = p;
    const auto digit = [this](const char *c) { return c < m_end && *c >= '0' && *c <= '9'; };
    // One or more digits at q; false when there is none.
    const auto digits = [&] {
        if (!digit(q))
            return false;
        while (digit(q))
            ++q;
        return true;
    };
    if (q < m_end && *q == '-')
        ++q;
    if (q < m_end && *q == '0')
        ++q;
    else if (!digits())
        return nullptr;
    node.integral = true;
    if (q < m_end && *q == '.') {
        ++q;
        if (!digits())
            return nullptr;
        node.integral = false;
    }
    if (q < m_end && (*q == 'e' || *q == 'E')) {
        ++q;
        if (q < m_end && (*q == '+' || *q == '-'))
            ++q;
        if (!digits())
            return nullptr;
        node.integral = false;
    }
    node.type = Type::Number;
    node.offset = static_cast<std::uint32_t>(p - m_base);
    node.length = static_cast<std::uint32_t>(q - p);
    return q;
}

namespace {

// Between the tokens of a value written inside a string only spaces are taken as they are: a raw tab or
// line break is not allowed in a JSON string, and an escaped one sends the text the general way.
inline const char *skipSpaces(const char *p, const char *end)
{
    while (p < end && *p == ' ')
        ++p;
    return p;
}

template <bool Escaped>
inline const char *skip(const char *p, const char *end)
{
    return Escaped ? skipSpaces(p, end) : skipSpace(p, end);
}

} // namespace

template <bool Escaped>
const char *Document::value(const char *p, std::size_t depth)
{
    p = skip<Escaped>(p, m_end);
    if (p >= m_end)
        return nullptr;
    const auto index = static_cast<std::uint32_t>(m_nodes.size());
    m_nodes.emplace_back();
    const auto literal = [&](const char *word, std::size_t n, Type type) -> const char * {
        if (static_cast<std::size_t>(m_end - p) < n || std::memcmp(p, word, n) != 0)
            return nullptr;
        m_nodes[index].type = type;
        return p + n;
    };
    const char *start = p;
    switch (*p) {
    case '{':
    case '[': {
        const bool object = *p == '{';
        const char closer = object ? '}' : ']';
        if (depth >= m_maxDepth)
            return nullptr;
        m_nodes[index].type = object ? Type::Object : Type::Array;
        p = skip<Escaped>(p + 1, m_end);
        if (p < m_end && *p == closer) {
            ++p;
            break;
        }
        for (;;) {
            if (object) {
                if (p >= m_end || *p != (Escaped ? '\\' : '"'))
                    return nullptr;
                const auto key = m_nodes.size();
                m_nodes.emplace_back();
                p = Escaped ? escapedString(p, m_nodes[key]) : string(p, m_nodes[key]);
                if (!p)
                    return nullptr;
                m_nodes[key].end = static_cast<std::uint32_t>(key + 1);
                p = skip<Escaped>(p, m_end);
                if (p >= m_end || *p != ':')
                    return nullptr;
                ++p;
            }
            p = value<Escaped>(p, depth + 1);
            if (!p)
                return nullptr;
            p = skip<Escaped>(p, m_end);
            if (p < m_end && *p == ',') {
                p = skip<Escaped>(p + 1, m_end);
                continue;
            }
            if (p < m_end && *p == closer) {
                ++p;
                break;
            }
            return nullptr;
        }
        break;
    }
    case '"':
        if (Escaped)
            return nullptr; // the end of the outer string inside the value
        p = string(p, m_nodes[index]);
        break;
    case '\\':
        if (!Escaped)
            return nullptr;
        p = escapedString(p, m_nodes[index]);
        break;
    case 't': p = literal("true", 4, Type::True); break;
    case 'f': p = literal("false", 5, Type::False); break;
    case 'n': p = literal("null", 4, Type::Null); break;
    default: p = number(p, m_nodes[index]); break;
    }
    if (!p)
        return nullptr;
    Node &n = m_nodes[index];
    n.end = static_cast<std::uint32_t>(m_nodes.size());
    if (n.type == Type::Object || n.type == Type::Array) {
        n.offset = static_cast<std::uint32_t>(start - m_base);
        n.length = static_cast<std::uint32_t>(p - start);
    }
    return p;
}

const char *Document::parse(const char *begin, const char *end, std::size_t maxDepth)
{
    m_nodes.clear();
    m_arena.clear();
    m_base = begin;
    m_end = end;
    m_maxDepth = maxDepth;
    if (static_cast<std::uint64_t>(end - begin) >= std::numeric_limits<std::uint32_t>::max())
        return nullptr;
    return value<false>(begin, 0);
}

const char *Document::parseEscaped(const char *begin, const char *end, std::size_t maxDepth)
{
    m_nodes.clear();
    m_arena.clear();
    m_base = begin;
    // Offsets are 32-bit from the value's start; the value cannot reach further (a span text is far shorter).
    m_end = static_cast<std::uint64_t>(end - begin) < std::numeric_limits<std::uint32_t>::max()
        ? end : begin + (std::numeric_limits<std::uint32_t>::max() - 1);
    m_maxDepth = maxDepth;
    const char *p = value<true>(begin, 0);
    if (!p)
        return nullptr;
    p = skipSpaces(p, m_end);
    return p < m_end && *p == '"' ? p : nullptr;
}

std::uint32_t Document::find(std::uint32_t object, std::string_view key) const
{
    if (m_nodes[object].type != Type::Object)
        return None;
    std::uint32_t found = None;
    const std::uint32_t stop = m_nodes[object].end;
    for (std::uint32_t k = object + 1; k < stop; k = m_nodes[k + 1].end)
        if (m_nodes[k].length == key.size() && text(k) == key)
            found = k + 1;
    return found;
}

} // namespace td::flatjson
