#include "core/threadpriority.h"

#include <algorithm>
#include <atomic>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace rnr {

namespace {

std::atomic<int> g_nice{0};

thread_local int t_applied = 0; ///< the nice value this thread already has from us

void applyToThisThread()
{
    const int nice = g_nice.load(std::memory_order_relaxed);
    if (nice == t_applied)
        return;
    t_applied = nice;
#ifdef __linux__
    // On Linux, PRIO_PROCESS with a thread id sets that one thread's nice value.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), nice);
#endif
}

} // namespace

void lowerEnginePriority(int nice)
{
    g_nice = std::clamp(nice, 0, 19);
    applyToThisThread();
}

void applyEnginePriority()
{
    applyToThisThread();
}

} // namespace rnr
