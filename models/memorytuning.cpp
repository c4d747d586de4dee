#include "memorytuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <cstdint>

namespace td {

void preferReusingMemory()
{
#if defined(__GLIBC__)
    // Blocks up to 32 MiB (glibc's largest setting) come from the heap instead of a fresh mapping that is
    // unmapped on free, and up to 256 MiB freed at the top of the heap stays there for the next
    // allocation. Larger blocks (the tables of a million-span trace) still get mappings of their own.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

void handBackFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void adviseHugePages(const void *data, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = 2u << 20;
    if (bytes < 2 * huge)
        return;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE); // advice: a refusal changes nothing
#else
    (void)data;
    (void)bytes;
#endif
}

void releasePages(const void *data, std::size_t bytes)
{
#if defined(__unix__) || defined(__APPLE__)
    static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) / page * page;
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / page * page;
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED); // advice: a refusal changes nothing
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace td
