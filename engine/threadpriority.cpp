#include "threadpriority.h"

#include <tbb/task_scheduler_observer.h>

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

void applyToThisThread()
{
#ifdef __linux__
    const int nice = g_nice.load();
    if (nice > 0) // on Linux, PRIO_PROCESS with a thread id sets that thread's nice value
        setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), nice);
#endif
}

/// Watches every arena: a worker thread entering one takes the engine's nice value.
class NiceObserver : public tbb::task_scheduler_observer
{
public:
    NiceObserver() { observe(true); }
    ~NiceObserver() override { observe(false); }
    void on_scheduler_entry(bool isWorker) override
    {
        if (isWorker)
            applyToThisThread();
    }
};

} // namespace

void lowerEnginePriority(int nice)
{
    g_nice = std::clamp(nice, 0, 19);
    static NiceObserver observer;
    applyToThisThread();
}

} // namespace rnr
