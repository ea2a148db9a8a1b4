#pragma once

// The roofline of training (README, "Performance: the roofline"): what the machine can do —
// measured GEMM rates and memory bandwidths — and what an epoch of a model asks of it: floating-
// point operations and bytes of parameter-row traffic, counted from the operations the code does
// per training tuple. `rnr bench` prints each model's epoch against both.

#include "model/hyperparams.h"

#include <cstddef>

namespace rnr {

/// Rates measured on this machine with `threads` threads (each thread its own work).
struct MachineRates
{
    double gemmFlops = 0;      ///< single-precision GEMM, 1024 x 1024 x 1024, FLOP/s
    double smallGemmFlops = 0; ///< the tied FC layer's GEMMs: 64 x d times d x d, FLOP/s
    double streamBytes = 0;    ///< STREAM triad a = b + s c over 3 x 64 MiB, bytes/s (main memory)
    double rowBytes = 0;       ///< read-modify-write of random d-float rows of a table in cache
                               ///< (the shape of an embedding update), bytes/s
};

/// Measures the rates (best of `repeats`); takes about a second.
MachineRates measureMachine(unsigned threads, std::size_t dim, int repeats = 3);

/// What one epoch of a model costs by the counting of the README's roofline.
struct EpochCost
{
    double flops = 0; ///< floating-point operations (a multiply-add counts two)
    double bytes = 0; ///< parameter-row traffic: rows read, gradient rows written and summed, rows stepped
};

/// The cost of an epoch over `tuples` training tuples (hp: dim, negatives).
EpochCost epochCost(const ModelSpec& spec, const HyperParams& hp, std::size_t tuples);

/// The least time an epoch of this cost can take on a machine of these rates by the roofline: the
/// slower of its FLOPs at the tied layer's GEMM rate and its row traffic at the random-row rate
/// (as if the two overlapped perfectly). A budget below it cannot be met by scheduling; only by
/// fewer operations or bytes per tuple. 0 when a rate is unknown.
double floorSeconds(const EpochCost& cost, const MachineRates& rates);

} // namespace rnr
