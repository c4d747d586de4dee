#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// A small, fast JSON reader for one value at a time (one span), straight from bytes in memory.
//
// The value is parsed into a flat list of nodes ("tape") that is reused from one value to the next, so
// reading a span allocates nothing once the buffers have grown. Strings without escapes point into the
// input; unescaped strings go to an arena. Only what the fast span readers need: types, text, numbers as
// written, object members in order. Strict JSON (as nlohmann/json accepts it): any syntax error, invalid
// UTF-8 or nesting beyond the limit makes parse() fail, and the caller reads the input the slow way,
// which reports where and why.
namespace td::flatjson {

enum class Type : std::uint8_t { Null, False, True, Number, String, Object, Array };

struct Node
{
    Type type = Type::Null;
    bool inArena = false;   // String: the text is in the arena (it had escapes)
    bool integral = false;  // Number: written without fraction or exponent
    std::uint32_t end = 0;  // index one past this value's subtree
    std::uint32_t offset = 0; // String/Number: where the text starts; Object/Array: offset of '{' or '['
    std::uint32_t length = 0; // String/Number: text length; Object/Array: bytes up to and including the closer
};

constexpr std::uint32_t None = 0xffffffffu;

class Document
{
public:
    // Parses the value that starts at `begin` (after optional whitespace). Returns the position just after
    // it, or nullptr when the bytes are not valid JSON (or nested deeper than maxDepth).
    const char *parse(const char *begin, const char *end, std::size_t maxDepth);

    // Parses a JSON value written inside a JSON string, as the spans API sends each span, in one pass
    // instead of unescaping the string first: `begin` is just after the string's opening quote and the
    // value's own quotes are written \". Only the usual shape: no escapes inside the value's strings and
    // only spaces between tokens. Returns the position of the string's closing quote, or nullptr when the
    // text needs the general way (readString, then parse), which also gives any error.
    const char *parseEscaped(const char *begin, const char *end, std::size_t maxDepth);

    const Node &node(std::uint32_t i) const { return m_nodes[i]; }
    std::size_t size() const { return m_nodes.size(); }
    Type type(std::uint32_t i) const { return m_nodes[i].type; }
    std::string_view text(std::uint32_t i) const
    {
        const Node &n = m_nodes[i];
        return n.inArena ? std::string_view(m_arena.data() + n.offset, n.length)
                         : std::string_view(m_base + n.offset, n.length);
    }
    // The source bytes of an object or array, brackets included.
    std::string_view source(std::uint32_t i) const { return {m_base + m_nodes[i].offset, m_nodes[i].length}; }
    // The value of the last member named `key` (JSON parsers keep the last of duplicates), or None.
    std::uint32_t find(std::uint32_t object, std::string_view key) const;
    // Members of an object as key node indexes; the value is key + 1. Elements of an array likewise.
    std::uint32_t first(std::uint32_t container) const { return container + 1; }
    std::uint32_t nextMember(std::uint32_t key) const { return m_nodes[key + 1].end; }
    std::uint32_t nextElement(std::uint32_t element) const { return m_nodes[element].end; }
    std::uint32_t endOf(std::uint32_t container) const { return m_nodes[container].end; }
    bool isEmptyContainer(std::uint32_t i) const { return m_nodes[i].end == i + 1; }

private:
    template <bool Escaped>
    const char *value(const char *p, std::size_t depth);
    const char *string(const char *p, Node &node);
    const char *escapedString(const char *p, Node &node);
    const char *number(const char *p, Node &node);

    const char *m_base = nullptr;
    const char *m_end = nullptr;
    std::size_t m_maxDepth = 0;
    std::vector<Node> m_nodes;
    std::string m_arena;
};

// Skips JSON whitespace.
inline const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

// Reads the JSON string whose opening quote is at `p` and appends its unescaped text to `out`. Returns the
// position after the closing quote, or nullptr when it is not a valid JSON string.
const char *readString(const char *p, const char *end, std::string &out);

} // namespace td::flatjson
