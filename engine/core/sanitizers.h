#pragma once

// RNR_THREAD_SANITIZER is 1 in a build with ThreadSanitizer (GCC or clang), else 0. TSan sees only
// instrumented code; the places that work around uninstrumented libraries (TBB's scheduler, Qt's
// queued calls) test it (docs/testing.md, "ThreadSanitizer").
#if defined(__SANITIZE_THREAD__)
#define RNR_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define RNR_THREAD_SANITIZER 1
#endif
#endif
#ifndef RNR_THREAD_SANITIZER
#define RNR_THREAD_SANITIZER 0
#endif
