#include "memorytuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

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

} // namespace td
