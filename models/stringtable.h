#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace td {

using StrId = std::uint32_t;

// Interns UTF-8 strings so that each distinct text is stored once; id 0 is always the empty string.
class StringTable
{
public:
    StringTable();

    StrId intern(std::string_view text);
    std::string_view view(StrId id) const { return id < m_strings.size() ? std::string_view(m_strings[id]) : std::string_view(); }
    std::size_t size() const { return m_strings.size(); }
    std::size_t byteSize() const;
    // Looks up without inserting; returns false when the text was never interned.
    bool find(std::string_view text, StrId *id) const;

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    // A deque never moves its elements, so the views used as index keys stay valid.
    std::deque<std::string> m_strings;
    std::unordered_map<std::string_view, StrId, Hash, std::equal_to<>> m_index;
};

} // namespace td
