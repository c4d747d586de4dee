#include "stringtable.h"

#include "memorytuning.h"

#include <array>
#include <cstring>

namespace td {

namespace {

constexpr std::size_t BlockBytes = 256 * 1024;

inline std::uint64_t load64(const char *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

inline std::uint64_t mix(std::uint64_t a, std::uint64_t b)
{
    const std::uint64_t r = (a ^ (a >> 29)) * b;
    return r ^ (r >> 32);
}

} // namespace

std::uint64_t StringTable::hash(std::string_view text) noexcept
{
    // Eight bytes at a time, multiply-fold mixing (in the spirit of wyhash); good enough for an index
    // whose slots also keep 32 bits of the hash.
    constexpr std::uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull, k2 = 0x8ebc6af09c88c6e3ull;
    const char *p = text.data();
    std::size_t n = text.size();
    std::uint64_t h = k0 ^ (n * k1);
    while (n >= 8) {
        h = mix(h ^ load64(p), k1);
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t tail = 0;
        std::memcpy(&tail, p, n);
        h = mix(h ^ tail, k2);
    }
    return mix(h, k0 ^ k2);
}

StringTable::StringTable()
{
    m_slots.assign(1024, 0);
    m_views.emplace_back();
    const auto h = hash({});
    m_slots[slotOf({}, h)] = (h >> 32 << 32) | 1u;
}

std::size_t StringTable::slotOf(std::string_view text, std::uint64_t h) const
{
    const std::size_t mask = m_slots.size() - 1;
    const std::uint64_t tag = h >> 32;
    for (std::size_t i = static_cast<std::size_t>(tag) & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = m_slots[i];
        if (slot == 0)
            return i;
        if ((slot >> 32) == tag && m_views[static_cast<std::uint32_t>(slot) - 1] == text)
            return i;
    }
}

void StringTable::grow(std::size_t slotCount)
{
    if (slotCount <= m_slots.size())
        return;
    std::vector<std::uint64_t> old = largeArray<std::uint64_t>(slotCount, 0);
    old.swap(m_slots);
    // A slot's position comes from the hash bits it keeps, so moving it needs no rehash of its text.
    const std::size_t mask = m_slots.size() - 1;
    for (const std::uint64_t slot : old) {
        if (slot == 0)
            continue;
        std::size_t i = static_cast<std::size_t>(slot >> 32) & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void StringTable::reserve(std::size_t strings)
{
    std::size_t slotCount = m_slots.size();
    while ((strings + 1) * 2 > slotCount)
        slotCount *= 2;
    grow(slotCount);
    m_views.reserve(strings);
}

std::string_view StringTable::store(std::string_view text)
{
    if (text.size() > m_freeBytes) {
        const std::size_t size = text.size() > BlockBytes / 4 ? text.size() : BlockBytes;
        m_blocks.push_back(std::make_unique<char[]>(size));
        m_blockSizes.push_back(size);
        if (size == text.size()) {
            // A large text gets a block of its own; the current block keeps its free room.
            std::memcpy(m_blocks.back().get(), text.data(), text.size());
            return {m_blocks.back().get(), text.size()};
        }
        m_free = m_blocks.back().get();
        m_freeBytes = size;
    }
    std::memcpy(m_free, text.data(), text.size());
    const std::string_view stored(m_free, text.size());
    m_free += text.size();
    m_freeBytes -= text.size();
    return stored;
}

StrId StringTable::internSlow(std::string_view text)
{
    const auto h = hash(text);
    std::size_t i = slotOf(text, h);
    if (m_slots[i] != 0)
        return static_cast<std::uint32_t>(m_slots[i]) - 1;
    if ((m_views.size() + 1) * 2 > m_slots.size()) {
        grow(m_slots.size() * 2);
        i = slotOf(text, h);
    }
    return insertAt(i, store(text), h);
}

void StringTable::internMany(const std::string_view *texts, StrId *ids, std::size_t n)
{
    constexpr std::size_t Batch = 64;
    std::array<std::uint64_t, Batch> hashes;
    std::array<std::uint8_t, Batch> look;     // the batch's texts not in the recent cache
    std::array<std::uint32_t, Batch> entries; // of their first slots when its kept hash bits match, else 0
    for (std::size_t first = 0; first < n; first += Batch) {
        const std::size_t m = std::min(Batch, n - first);
        if ((m_views.size() + m + 1) * 2 > m_slots.size())
            reserve(m_views.size() + m); // no regrowing below: the slots fetched stay the ones used
        const std::size_t mask = m_slots.size() - 1;
        std::size_t misses = 0;
        for (std::size_t k = 0; k < m; ++k) {
            if (findRecent(texts[first + k], &ids[first + k]))
                continue;
            hashes[k] = hash(texts[first + k]);
            look[misses++] = static_cast<std::uint8_t>(k);
            __builtin_prefetch(&m_slots[static_cast<std::size_t>(hashes[k] >> 32) & mask]);
        }
        // The entries the first slots name, then their texts: each step's misses overlap.
        for (std::size_t j = 0; j < misses; ++j) {
            const std::uint64_t h = hashes[look[j]];
            const std::uint64_t slot = m_slots[static_cast<std::size_t>(h >> 32) & mask];
            entries[j] = slot != 0 && (slot >> 32) == (h >> 32) ? static_cast<std::uint32_t>(slot) : 0;
            if (entries[j])
                __builtin_prefetch(&m_views[entries[j] - 1]);
        }
        for (std::size_t j = 0; j < misses; ++j)
            if (entries[j])
                __builtin_prefetch(m_views[entries[j] - 1].data());
        // In order, so that a text repeated inside the batch gets the id its first occurrence was given.
        for (std::size_t j = 0; j < misses; ++j) {
            const std::size_t k = look[j];
            const std::string_view text = texts[first + k];
            const std::size_t i = slotOf(text, hashes[k]);
            ids[first + k] = m_slots[i] != 0 ? static_cast<std::uint32_t>(m_slots[i]) - 1 : insertAt(i, store(text), hashes[k]);
            remember(text, ids[first + k]);
        }
    }
}

StrId StringTable::insertAt(std::size_t slot, std::string_view stored, std::uint64_t h)
{
    const auto id = static_cast<StrId>(m_views.size());
    makeRoomLarge(m_views);
    m_views.push_back(stored);
    m_slots[slot] = (h >> 32 << 32) | (static_cast<std::uint64_t>(id) + 1);
    return id;
}

std::vector<StrId> StringTable::merge(StringTable &&other)
{
    std::vector<StrId> ids(other.m_views.size(), 0);
    reserve(m_views.size() + other.m_views.size());
    // The other table's texts stay where they are: its blocks become ours, so a new text needs no copy.
    // Its texts are walked in order (hashing them is cheaper than the cache misses of walking its index),
    // a batch at a time, with the slots here that the batch goes to fetched together.
    constexpr std::size_t Batch = 32;
    std::array<std::uint64_t, Batch> hashes;
    const std::size_t mask = m_slots.size() - 1; // reserve() above: no regrowing below
    const std::size_t count = other.m_views.size();
    for (std::size_t first = 1; first < count; first += Batch) { // id 0, the empty string, stays 0
        const std::size_t n = std::min(Batch, count - first);
        for (std::size_t k = 0; k < n; ++k) {
            hashes[k] = hash(other.m_views[first + k]);
            __builtin_prefetch(&m_slots[static_cast<std::size_t>(hashes[k] >> 32) & mask]);
        }
        for (std::size_t k = 0; k < n; ++k) {
            const std::string_view text = other.m_views[first + k];
            const std::size_t i = slotOf(text, hashes[k]);
            ids[first + k] = m_slots[i] != 0 ? static_cast<std::uint32_t>(m_slots[i]) - 1 : insertAt(i, text, hashes[k]);
        }
    }
    for (std::size_t b = 0; b < other.m_blocks.size(); ++b) {
        m_blocks.push_back(std::move(other.m_blocks[b]));
        m_blockSizes.push_back(other.m_blockSizes[b]);
    }
    other = StringTable();
    return ids;
}

bool StringTable::find(std::string_view text, StrId *id) const
{
    const std::size_t i = slotOf(text, hash(text));
    if (m_slots[i] == 0)
        return false;
    if (id)
        *id = static_cast<std::uint32_t>(m_slots[i]) - 1;
    return true;
}

std::size_t StringTable::byteSize() const
{
    std::size_t total = m_views.capacity() * sizeof(std::string_view) + m_slots.capacity() * sizeof(std::uint64_t)
        + RecentSlots * sizeof(Recent);
    for (const auto size : m_blockSizes)
        total += size;
    return total;
}

} // namespace td
