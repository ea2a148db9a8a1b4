#pragma once

#include "data/split.h"
#include "model/hyperparams.h"

#include <cstdint>

namespace rnr {

/// One run of a series over seeds: its split and its hyper-parameters.
struct SeededRun
{
    SplitConfig split;
    HyperParams hp;
};

/// The seed policy of repeated runs (docs/method.md, "Seeds"): run `index` (0-based) of a series
/// splits the data with first.seed + index and seeds the model with the same number, so that
/// every model compared under one seed sees the same split. The command line's `compare` and the
/// window's Seeds box both go through here.
inline SeededRun seededRun(const SplitConfig& first, const HyperParams& hp, std::uint64_t index)
{
    SeededRun run{first, hp};
    run.split.seed = first.seed + index;
    run.hp.seed = run.split.seed;
    return run;
}

} // namespace rnr
