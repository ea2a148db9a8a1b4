#pragma once

// What training reports while it runs: plain values that the views draw and that cross threads
// (the GUI's engine thread sends them as queued signals).

#include "eval/metrics.h"
#include "train/interplay.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace rnr {

/// Reported during an epoch: after its first batch, then at most every 50 ms.
struct BatchProgress
{
    std::uint32_t epoch = 0; ///< 1-based epoch in progress
    std::size_t tuplesDone = 0, tuplesTotal = 0;
    /// Means per tuple over the batches since the previous report (a few ms of training): the
    /// per-batch curve, already lightly smoothed.
    double rankingLoss = 0, ratingLoss = 0, regularisation = 0, objective = 0;
    double samplesPerSecond = 0;
};

/// One finished epoch: mean losses per training tuple, time, validation figures.
struct EpochRecord
{
    std::uint32_t epoch = 0;
    double rankingLoss = 0, ratingLoss = 0, regularisation = 0, objective = 0;
    double seconds = 0, samplesPerSecond = 0;
    std::optional<Metrics> validation;
    /// Multi-task models: how the tasks' gradients on the shared rows related this epoch.
    std::optional<Interplay> interplay;
};

} // namespace rnr
