#pragma once

#include "trainer.h"

#include <functional>
#include <vector>

namespace rnr {

/// Everything one training run produced.
struct RunResult
{
    ModelSpec spec;
    HyperParams hp;
    std::vector<EpochRecord> epochs;
    std::uint32_t bestEpoch = 0; ///< the epoch whose model was kept (best validation Recall@k, then MRR@k)
    Metrics validation;          ///< at the best epoch
    Metrics test;                ///< of the kept model
    std::vector<UserOutcome> testOutcomes;
    double trainSeconds = 0.0;
    std::shared_ptr<Model> model; ///< the kept model (parameters of the best epoch)
};

/// Callbacks of a run: the trainer (to reach its control and progress), each finished epoch.
struct RunObserver
{
    std::function<void(Trainer&)> started;
    std::function<void(const RunResult&, const EpochRecord&)> epoch;
    /// The trainer passed to started() is about to be destroyed (also when the run throws):
    /// drop every pointer into it.
    std::function<void()> ended;
};

/// Trains hp.epochs epochs, validating after each, keeps the parameters of the best epoch
/// (validation Recall@k, ties by MRR@k: early-stopping selection on validation) and evaluates
/// them on the test set.
RunResult runExperiment(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                        const RunObserver& observer = {});

/// The paper's grid over alpha x lambda (method.md, protocol step 4). Single-task models have
/// no alpha: their grid is over lambda only; Popularity has no grid.
struct GridSettings
{
    std::vector<double> alphas{0.9, 0.95, 1.0};
    std::vector<double> lambdas{0.01, 0.001};
};

struct GridPoint
{
    double alpha = 0, lambda = 0;
    Metrics validation;
    std::uint32_t bestEpoch = 0;
};

struct GridResult
{
    RunResult best; ///< the point chosen by validation Recall@k (ties: MRR@k), with its test figures
    std::vector<GridPoint> points;
};

GridResult gridSearch(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                      const GridSettings& grid, const RunObserver& observer = {});

/// Paired test of two models over their runs: runs are paired by seed (hp.seed; each seed once,
/// with the first run of that seed on each side), and within a pair by held-out (user, item);
/// the pooled per-user values of `metric` go to the sign-flip test. pairs == 0 when no run or
/// held-out interaction is shared.
PairedTest pairedTestBySeed(const std::vector<RunResult>& a, const std::vector<RunResult>& b, const std::string& metric,
                            std::uint32_t k, std::size_t resamples = 20000);

/// True when a is better than b on validation: Recall@k, then MRR@k.
bool betterOnValidation(const Metrics& a, const Metrics& b);

} // namespace rnr
