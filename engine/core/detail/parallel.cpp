#include "core/detail/parallel.h"

#include "core/threadpriority.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <map>
#include <memory>
#include <mutex>

namespace rnr {

namespace {

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
    arenaFor(threads).execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 1), [&](const tbb::blocked_range<std::size_t>& r) {
            applyEnginePriority();
            for (std::size_t k = r.begin(); k < r.end(); ++k)
                body(k);
        });
    });
}

} // namespace rnr
