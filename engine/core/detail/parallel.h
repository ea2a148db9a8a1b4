#pragma once

// The engine's one parallel loop. TBB stays in parallel.cpp (Qt's `emit` macro breaks its
// headers: docs/architecture.md, rule 2).

#include <cstddef>
#include <functional>

namespace rnr {

/// Runs body(k) for every k in [0, count), one k per task, on `threads` threads: inline when
/// threads <= 1 or count < 2, otherwise in the engine's arena for that thread count (made once and
/// kept for the process, shared by the trainer and the evaluator). Every task first takes the
/// engine's thread priority (core/threadpriority.h). Which thread runs which k varies; callers
/// that need a deterministic result write to slot k and combine in k order.
void parallelFor(unsigned threads, std::size_t count, const std::function<void(std::size_t)>& body);

} // namespace rnr
