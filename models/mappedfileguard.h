#pragma once

#include <cstddef>

namespace td {

// Keeps a read-only file mapping readable when the file shrinks while it is being read: touching a page
// past the new end raises SIGBUS, which would kill the process. While a guard lives, such a page is replaced
// by zeros (which no JSON parser accepts) and the guard remembers it, so the load fails and says why.
// Faults outside the guarded ranges go to the handler that was there before. POSIX only; elsewhere it
// guards nothing.
class MappedFileGuard
{
public:
    MappedFileGuard(const void *data, std::size_t size);
    ~MappedFileGuard();
    MappedFileGuard(const MappedFileGuard &) = delete;
    MappedFileGuard &operator=(const MappedFileGuard &) = delete;

    // Whether a read past the end of the file was caught.
    bool fileShrank() const;

private:
    int m_slot = -1; // -1 when all slots were taken: then this mapping is not guarded
};

} // namespace td
