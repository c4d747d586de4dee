#include "stringtable.h"

namespace td {

StringTable::StringTable()
{
    m_strings.emplace_back();
    m_index.emplace(std::string_view(m_strings.back()), 0);
}

StrId StringTable::intern(std::string_view text)
{
    if (const auto it = m_index.find(text); it != m_index.end())
        return it->second;
    const auto id = static_cast<StrId>(m_strings.size());
    m_strings.emplace_back(text);
    m_index.emplace(std::string_view(m_strings.back()), id);
    return id;
}

bool StringTable::find(std::string_view text, StrId *id) const
{
    const auto it = m_index.find(text);
    if (it == m_index.end())
        return false;
    if (id)
        *id = it->second;
    return true;
}

std::size_t StringTable::byteSize() const
{
    std::size_t total = 0;
    for (const auto &s : m_strings)
        total += s.capacity() + sizeof(std::string) + 3 * sizeof(void *);
    return total;
}

} // namespace td
