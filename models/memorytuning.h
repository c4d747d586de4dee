#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace td {

// Asks the C library to keep freed memory for reuse instead of handing each large block back to the
// system: loading a trace grows and frees many large arrays, and every page the system hands out again
// costs a page fault (tracedesk-bench shows what it saves).
// Process-wide; called once at the start of the application and of the benchmark programs that measure it.
void preferReusingMemory();

// Hands the memory the C library keeps from freed blocks back to the system (preferReusingMemory() keeps
// up to 256 MiB). For the end of a phase that freed much of what it grew: what follows allocates its large
// arrays as mappings of their own, which the kept memory would not serve.
void handBackFreedMemory();

// Asks for transparent huge pages (2 MiB) for the whole 2 MiB-aligned stretches of [data, data + bytes):
// one page fault instead of 512 when a large array is first written. Only advice; nothing happens where the
// system does not offer huge pages or below 4 MiB.
void adviseHugePages(const void *data, std::size_t bytes);

// Hands the whole pages of [data, data + bytes) back to the system; they read as zeros if touched again.
// For room an array reserved and never used, what was copied out of an array about to be freed, or what
// was read of a read-only file mapping.
void releasePages(const void *data, std::size_t bytes);

// reserve() for an array that is about to grow large, with adviseHugePages() on its new storage.
template <typename Vector>
void reserveLarge(Vector &v, std::size_t count)
{
    if (count <= v.capacity())
        return;
    v.reserve(count);
    adviseHugePages(v.data(), v.capacity() * sizeof(*v.data()));
}

// Before a push_back: doubles a full array's room (at least `minimum`) the way reserveLarge() does.
template <typename Vector>
void makeRoomLarge(Vector &v, std::size_t minimum = 1024)
{
    if (v.size() == v.capacity())
        reserveLarge(v, std::max(minimum, v.capacity() * 2));
}

// A new array of `count` copies of `value`, with adviseHugePages() before its pages are first written.
template <typename T>
std::vector<T> largeArray(std::size_t count, const T &value)
{
    std::vector<T> v;
    reserveLarge(v, count);
    v.assign(count, value);
    return v;
}

// Frees an array's storage now (clear() keeps it).
template <typename Vector>
void releaseVector(Vector &v)
{
    Vector().swap(v);
}

// For an array that will not grow again: copies it to its exact size only when more than an eighth of its
// room is unused. Otherwise the copy (a second array of that size at once, and seconds at a million spans)
// buys little: the unused room's pages, never written, are handed back instead.
template <typename Vector>
void trimLarge(Vector &v)
{
    const std::size_t spare = v.capacity() - v.size();
    if (spare > v.size() / 8) {
        v.shrink_to_fit();
        return;
    }
    releasePages(v.data() + v.size(), spare * sizeof(*v.data()));
}

} // namespace td
