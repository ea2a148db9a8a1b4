#pragma once

namespace rnr {

/// Lets interactive threads win when training uses every core: the calling thread and every
/// worker thread of the engine's parallel loops get this (Linux) nice value, 1-19. The GUI
/// calls it on its engine thread so that a 2-core machine training on 2 threads still repaints
/// promptly; the CLI leaves priorities alone. No effect where per-thread nice is not supported.
void lowerEnginePriority(int nice);

/// Gives the calling thread the engine's nice value once (a thread-local check after that). The
/// engine's parallel loops call it at the start of every task, so that TBB's worker threads,
/// which no arena observer of ours sees, run at the engine's priority too.
void applyEnginePriority();

} // namespace rnr
