#include "threads/crossthread.h"

#if RNR_THREAD_SANITIZER

#include <QCoreApplication>

// The sanitizer runtime's interface (compiler-rt's tsan_interface.h; GCC ships no header for it).
extern "C" {
void __tsan_acquire(void* addr);
void __tsan_release(void* addr);
void __tsan_ignore_thread_begin();
void __tsan_ignore_thread_end();
}

namespace rnr::detail {

namespace {

// One clock for every hand-over. Qt's queue is per thread; one clock orders a little more than
// Qt does (a thread that hands anything over is ordered before every later delivery), never less.
char g_handOffClock;

// Called by Qt before it delivers any event, on the thread that delivers it.
bool acquireOnDelivery(void**)
{
    handedOver();
    return false; // deliver the event as usual
}

// Registered when the program starts, before any thread hands anything over.
[[maybe_unused]] const bool g_deliveryHook =
    QInternal::registerCallback(QInternal::EventNotifyCallback, acquireOnDelivery);

} // namespace

void handOffBegin()
{
    // Released before the call is queued, so before its delivery: the receiver sees all this
    // thread wrote. The copies Qt makes of the call's values happen after it and are not watched
    // (their first access that TSan sees is the receiver's).
    __tsan_release(&g_handOffClock);
    __tsan_ignore_thread_begin();
}

void handOffEnd()
{
    __tsan_ignore_thread_end();
}

void handedOver()
{
    __tsan_acquire(&g_handOffClock);
}

} // namespace rnr::detail

#endif
