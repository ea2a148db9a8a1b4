#pragma once

// What the non-linear 2-D projections (analysis/tsne.h, analysis/umap.h) share: the seed, the
// thread count and the progress callback (docs/projections.md, "Common interface").

#include "core/errors.h"

#include <cstdint>
#include <functional>

namespace rnr {

/// How a layout runs, as opposed to what it computes (that is in TsneOptions and UmapOptions).
struct LayoutOptions
{
    std::uint64_t seed = 1; ///< the same seed (and data) gives the same layout
    unsigned threads = 1;   ///< threads of the engine's parallel loops; 0 and 1 both mean one
    /// Called on the calling thread between steps (every few iterations, and between the chunks
    /// of the neighbour search) with the share of the work done, in [0, 1]; return false to stop.
    /// A stopped layout throws Cancelled. Empty: no reports.
    std::function<bool(double fraction)> progress;

    /// Reports `fraction` and throws Cancelled when the callback says stop.
    void report(double fraction) const
    {
        if (progress && !progress(fraction))
            throw Cancelled();
    }
};

} // namespace rnr
