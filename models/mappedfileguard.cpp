#include "mappedfileguard.h"

#include <atomic>
#include <cstdint>
#include <mutex>

#if defined(__unix__) || defined(__APPLE__)
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#define TRACEDESK_GUARD_MAPPINGS 1
#endif

namespace td {

#if TRACEDESK_GUARD_MAPPINGS
namespace {

// A few loads may run at once (tabs); the handler reads these without locks.
struct GuardedRange
{
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
    std::atomic_bool hit{false};
};
constexpr int Slots = 16;
GuardedRange g_ranges[Slots];
std::uintptr_t g_pageSize = 4096;
struct sigaction g_previous;

void onBusError(int signal, siginfo_t *info, void *context)
{
    const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (auto &range : g_ranges) {
        const auto begin = range.begin.load(std::memory_order_acquire);
        const auto end = range.end.load(std::memory_order_acquire);
        if (begin == 0 || address < begin || address >= end)
            continue;
        // Zeros in place of the page the file no longer has; the read then carries on and fails to parse.
        void *page = reinterpret_cast<void *>(address & ~(g_pageSize - 1));
        if (mmap(page, g_pageSize, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
            range.hit.store(true, std::memory_order_release);
            return;
        }
    }
    // Not ours: whoever handled SIGBUS before (a sanitizer, say), else the default action, which the
    // repeated fault then takes.
    if ((g_previous.sa_flags & SA_SIGINFO) && g_previous.sa_sigaction) {
        g_previous.sa_sigaction(signal, info, context);
        return;
    }
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(signal);
        return;
    }
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    sigaction(SIGBUS, &fallback, nullptr);
}

void installHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_pageSize = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
        struct sigaction action = {};
        action.sa_sigaction = onBusError;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        sigaction(SIGBUS, &action, &g_previous);
    });
}

} // namespace

MappedFileGuard::MappedFileGuard(const void *data, std::size_t size)
{
    installHandler();
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    for (int i = 0; i < Slots; ++i) {
        std::uintptr_t expected = 0;
        if (g_ranges[i].begin.compare_exchange_strong(expected, begin, std::memory_order_acq_rel)) {
            g_ranges[i].hit.store(false, std::memory_order_relaxed);
            // Rounded up to whole pages: the tail of the last page faults too.
            g_ranges[i].end.store((begin + size + g_pageSize - 1) & ~(g_pageSize - 1), std::memory_order_release);
            m_slot = i;
            return;
        }
    }
}

MappedFileGuard::~MappedFileGuard()
{
    if (m_slot < 0)
        return;
    g_ranges[m_slot].end.store(0, std::memory_order_release);
    g_ranges[m_slot].begin.store(0, std::memory_order_release);
}

bool MappedFileGuard::fileShrank() const
{
    return m_slot >= 0 && g_ranges[m_slot].hit.load(std::memory_order_acquire);
}

#else

MappedFileGuard::MappedFileGuard(const void *, std::size_t) {}
MappedFileGuard::~MappedFileGuard() = default;
bool MappedFileGuard::fileShrank() const
{
    return false;
}

#endif

} // namespace td
