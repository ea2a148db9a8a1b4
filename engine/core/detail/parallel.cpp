#include "core/detail/parallel.h"

#include "core/sanitizers.h"
#include "core/threadpriority.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <map>
#include <memory>
#include <mutex>

// ThreadSanitizer sees only instrumented code, and Debian's libtbb is not: the order its scheduler
// gives (and its own task objects, inlined from its headers) would be reported as races. Built
// with TSan, the loop runs the same bodies on plain threads that TSan sees instead
// (docs/testing.md, "ThreadSanitizer").
#if RNR_THREAD_SANITIZER
#define RNR_PLAIN_THREADS 1
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>
#else
#define RNR_PLAIN_THREADS 0
#endif

namespace rnr {

namespace {

#if !RNR_PLAIN_THREADS
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

#endif

} // namespace

void parallelFor(unsigned threads, std::size_t count, const std::function<void(std::size_t)>& body)
{
    if (threads <= 1 || count < 2) {
        for (std::size_t k = 0; k < count; ++k)
            body(k);
        return;
    }
#if RNR_PLAIN_THREADS
    std::atomic<std::size_t> next{0};
    std::mutex failure;
    std::exception_ptr error;
    const auto work = [&] {
        applyEnginePriority();
        for (std::size_t k; (k = next++) < count;) {
            try {
                body(k);
            } catch (...) {
                const std::lock_guard lock(failure);
                if (!error)
                    error = std::current_exception();
                next = count;
            }
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < std::min<std::size_t>(threads, count); ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread& helper : helpers)
        helper.join();
    if (error)
        std::rethrow_exception(error);
#else
    arenaFor(threads).execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 1), [&](const tbb::blocked_range<std::size_t>& r) {
            applyEnginePriority();
            for (std::size_t k = r.begin(); k < r.end(); ++k)
                body(k);
        });
    });
#endif
}

} // namespace rnr
