#include "core/detail/parallel.h"

#include "core/threadpriority.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <map>
#include <memory>
#include <mutex>

// ThreadSanitizer sees only instrumented code, and Debian's libtbb is not: the order TBB's
// scheduler gives (the caller's writes before the tasks, the tasks' writes before the caller goes
// on) is declared to it here, as libraries built with TSan do themselves (docs/testing.md,
// "ThreadSanitizer").
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#define RNR_HAPPENS_BEFORE(address) __tsan_release(address)
#define RNR_HAPPENS_AFTER(address) __tsan_acquire(address)
#else
#define RNR_HAPPENS_BEFORE(address) static_cast<void>(address)
#define RNR_HAPPENS_AFTER(address) static_cast<void>(address)
#endif

namespace rnr {

namespace {

/// Declares, when it goes out of scope (also by an exception), that what came before happens
/// before whatever follows an acquire of `address`.
struct ReleaseAtExit
{
    char* address;
    ~ReleaseAtExit() { RNR_HAPPENS_BEFORE(address); }
};
struct AcquireAtExit
{
    char* address;
    ~AcquireAtExit() { RNR_HAPPENS_AFTER(address); }
};

tbb::task_arena& arenaFor(unsigned threads)
{
    static std::mutex mutex;
    static std::map<unsigned, std::unique_ptr<tbb::task_arena>> arenas;
    const std::lock_guard lock(mutex);
    std::unique_ptr<tbb::task_arena>& arena = arenas[threads];
    if (!arena)
        arena = std::make_unique<tbb::task_arena>(static_cast<int>(threads));
    return *arena;
}

} // namespace

void parallelFor(unsigned threads, std::size_t count, const std::function<void(std::size_t)>& body)
{
    if (threads <= 1 || count < 2) {
        for (std::size_t k = 0; k < count; ++k)
            body(k);
        return;
    }
    char fork = 0, join = 0;
    RNR_HAPPENS_BEFORE(&fork);
    const AcquireAtExit joined{&join};
    arenaFor(threads).execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 1), [&](const tbb::blocked_range<std::size_t>& r) {
            RNR_HAPPENS_AFTER(&fork);
            const ReleaseAtExit done{&join};
            applyEnginePriority();
            for (std::size_t k = r.begin(); k < r.end(); ++k)
                body(k);
        });
    });
}

} // namespace rnr
