#pragma once

// Whole runs in one call, for the command line and the tests: loops over a TrainingJob.

#include "eval/metrics.h"
#include "train/runresult.h"
#include "train/trainingjob.h"

#include <string>
#include <vector>

namespace rnr {

/// Trains hp.epochs epochs, validating after each, keeps the parameters of the best epoch
/// (validation Recall@k, ties by MRR@k) and evaluates them on the test set.
/// observer.pointStarted is called once, with point 0.
RunResult runExperiment(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                        const JobObserver& observer = {});

/// The paper's grid over alpha x lambda (docs/method.md, "Grid"): every point trained as by
/// runExperiment(), the best validation point kept with its test figures.
GridResult gridSearch(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                      const GridSettings& grid, const JobObserver& observer = {});

/// Paired test of two models over their runs: runs are paired by seed (hp.seed; each seed once,
/// with the first run of that seed on each side), and within a pair by held-out (user, item);
/// the pooled per-user values of `metric` go to the sign-flip test. pairs == 0 when no run or
/// held-out interaction is shared.
PairedTest pairedTestBySeed(const std::vector<RunResult>& a, const std::vector<RunResult>& b, const std::string& metric,
                            std::uint32_t k, std::size_t resamples = 20000);

} // namespace rnr
