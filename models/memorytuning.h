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

// Asks for transparent huge pages (2 MiB) for the whole 2 MiB-aligned stretches of [data, data + bytes):
// one page fault instead of 512 when a large array is first written. Only advice; nothing happens where the
// system does not offer huge pages or below 4 MiB.
void adviseHugePages(const void *data, std::size_t bytes);

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

} // namespace td
