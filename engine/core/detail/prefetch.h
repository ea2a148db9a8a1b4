#pragma once

// Software prefetch of a parameter row before it is needed. Training touches rows of the
// embedding tables in random order (users, items, negatives), so the hardware prefetcher cannot
// guess them and every row costs a full memory latency; asking for the next rows while the current
// one is worked on hides most of it (README, "Performance"). A hint only: never changes a result.

#include <cstddef>
#include <cstdint>

namespace rnr::detail {

/// Asks for the cache lines of `count` values from `data` (for writing when `write`).
template <typename T> void prefetchFloats(const T* data, std::ptrdiff_t count, bool write = false)
{
    // Every line the values touch, also the last one when the row does not start on a line.
    constexpr std::uintptr_t kLine = 64;
    const auto first = reinterpret_cast<std::uintptr_t>(data) & ~(kLine - 1);
    const auto last = reinterpret_cast<std::uintptr_t>(data + count) - 1;
    for (std::uintptr_t line = first; count > 0 && line <= last; line += kLine) {
        if (write)
            __builtin_prefetch(reinterpret_cast<const void*>(line), 1, 3);
        else
            __builtin_prefetch(reinterpret_cast<const void*>(line), 0, 3);
    }
}

} // namespace rnr::detail
