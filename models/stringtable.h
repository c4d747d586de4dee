#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace td {

using StrId = std::uint32_t;

// Interns UTF-8 strings so that each distinct text is stored once; id 0 is always the empty string.
// Texts live in large blocks (no allocation per string) and are found through an open-addressing index
// that keeps part of each hash, so a lookup rarely compares text that does not match.
class StringTable
{
public:
    StringTable();
    StringTable(StringTable &&) noexcept = default;
    StringTable &operator=(StringTable &&) noexcept = default;

    StrId intern(std::string_view text)
    {
        // Most texts repeat the one before them in their cache slot (tag keys, "true", service names):
        // those are found without hashing.
        StrId id = 0;
        if (findRecent(text, &id))
            return id;
        id = internSlow(text);
        remember(text, id);
        return id;
    }
    // Interns texts[0..n) into ids[0..n), as intern() one after another would. The lookups of a batch overlap
    // (their index slots, entries and texts are fetched together), where one intern() after another waits for
    // each of those cache misses in turn: at a million spans nearly every new or rare text misses them all.
    void internMany(const std::string_view *texts, StrId *ids, std::size_t n);
    std::string_view view(StrId id) const { return id < m_views.size() ? m_views[id] : std::string_view(); }
    std::size_t size() const { return m_views.size(); }
    std::size_t byteSize() const;
    // Looks up without inserting; returns false when the text was never interned.
    bool find(std::string_view text, StrId *id) const;

    // Makes room for this many strings in all, so that interning up to there never regrows the index.
    void reserve(std::size_t strings);
    // Interns every string of `other` and takes over its storage (`other` is left empty); returns, for each
    // id of `other`, the id of the same text here.
    std::vector<StrId> merge(StringTable &&other);

    static std::uint64_t hash(std::string_view text) noexcept;

private:
    struct Recent
    {
        StrId id = 0;
        std::uint32_t size = 0;
    };
    static std::size_t recentSlot(std::string_view text)
    {
        const std::size_t n = text.size();
        if (n == 0)
            return 0;
        const auto c = [&text](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(text[i])); };
        return (n * 0x9E3779B1u ^ c(0) << 3 ^ c(n / 2) << 7 ^ c(n - 1)) & (RecentSlots - 1);
    }
    bool findRecent(std::string_view text, StrId *id) const
    {
        const Recent &recent = m_recent[recentSlot(text)];
        if (recent.size != text.size() || recent.id >= m_views.size() || m_views[recent.id] != text)
            return false;
        *id = recent.id;
        return true;
    }
    void remember(std::string_view text, StrId id) { m_recent[recentSlot(text)] = {id, static_cast<std::uint32_t>(text.size())}; }
    StrId internSlow(std::string_view text);
    static constexpr std::size_t RecentSlots = 1024;
    std::unique_ptr<Recent[]> m_recent = std::make_unique<Recent[]>(RecentSlots);

    // Index slot: 0 is empty, else (high 32 bits of the hash) << 32 | (id + 1). The slot a text goes to comes
    // from those kept bits too.
    std::size_t slotOf(std::string_view text, std::uint64_t h) const;
    // Gives a text already in this table's blocks (store(), or adopted ones) a new id in the empty slot
    // found by slotOf(text, h).
    StrId insertAt(std::size_t slot, std::string_view stored, std::uint64_t h);
    void grow(std::size_t slotCount);
    std::string_view store(std::string_view text);

    std::vector<std::string_view> m_views;
    std::vector<std::uint64_t> m_slots;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::vector<std::size_t> m_blockSizes;
    char *m_free = nullptr;       // next free byte of the current block
    std::size_t m_freeBytes = 0;
};

} // namespace td
