#pragma once

#include "core/sanitizers.h"

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <type_traits>
#include <utility>

namespace rnr {

// Every hand-over of work or results between the GUI thread and the engine, loader and pool
// threads goes through these helpers. In a normal build they are the plain Qt calls. Built with
// ThreadSanitizer they also tell it about the hand-over: Debian's Qt is not instrumented, so the
// locks in its event queue and thread pool are invisible to TSan, and the values a queued call
// carries would be reported as races. See docs/testing.md, "ThreadSanitizer".

namespace detail {
#if RNR_THREAD_SANITIZER
void handOffBegin();
void handOffEnd();
void handedOver();
#else
inline void handOffBegin() {}
inline void handOffEnd() {}
inline void handedOver() {}
#endif

/// A queued call that acquires the hand-over both when it runs and when it is dropped
/// undelivered (its receiver was deleted first, and Qt frees the pending call on that thread):
/// either way the values it carries are freed after the acquire.
template <class Call> class Delivered
{
public:
    explicit Delivered(Call call) : m_call(std::move(call)) {}
    Delivered(Delivered&&) noexcept = default;
    Delivered(const Delivered&) = delete;
    Delivered& operator=(const Delivered&) = delete;
    Delivered& operator=(Delivered&&) = delete;
    ~Delivered() { handedOver(); }

    void operator()()
    {
        handedOver();
        m_call();
    }

private:
    Call m_call;
};
} // namespace detail

/// Runs queue(), which queues a call or emits a signal whose connections are all queued, for
/// another thread. Under TSan the call's copies made here are not watched and the receiving thread
/// is ordered after this point (an event delivered there acquires what was released here).
template <class Queue> void handOff(Queue&& queue)
{
    detail::handOffBegin();
    std::forward<Queue>(queue)();
    detail::handOffEnd();
}

/// Calls call() on receiver's thread, as a queued call.
template <class Call> void postTo(QObject* receiver, Call&& call)
{
    handOff([&] {
        QMetaObject::invokeMethod(receiver, detail::Delivered<std::decay_t<Call>>(std::forward<Call>(call)),
                                  Qt::QueuedConnection);
    });
}

/// Starts task() on one of pool's threads.
template <class Task> void startOnPool(QThreadPool& pool, Task&& task)
{
    handOff([&] {
        pool.start([task = std::forward<Task>(task)]() mutable {
            detail::handedOver();
            task();
        });
    });
}

} // namespace rnr
