#pragma once

// Software prefetch of a parameter row before it is needed. Training touches rows of the
// embedding tables in random order (users, items, negatives), so the hardware prefetcher cannot
// guess them and every row costs a full memory latency; asking for the next rows while the current
// one is worked on hides most of it (README, "Performance"). A hint only: never changes a result.

#include <cstddef>

namespace rnr::detail {

/// Asks for the cache lines of `count` values from `data` (for writing when `write`).
template <typename T> void prefetchFloats(const T* data, std::ptrdiff_t count, bool write = false)
{
    constexpr std::ptrdiff_t kLine = 64 / sizeof(T);
    for (std::ptrdiff_t offset = 0; offset < count; offset += kLine) {
        if (write)
            __builtin_prefetch(data + offset, 1, 3);
        else
            __builtin_prefetch(data + offset, 0, 3);
    }
}

} // namespace rnr::detail
