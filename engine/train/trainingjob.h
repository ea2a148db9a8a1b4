#pragma once

#include "data/dataset.h"
#include "data/split.h"
#include "model/hyperparams.h"
#include "train/records.h"
#include "train/runresult.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace rnr {

/// The hyper-parameters of every point a job of (spec, hp, grid) trains, in training order
/// (balance values, then alpha, then lambda): hp itself without a grid, else the grid reduced to
/// what the model has (see TrainingJob). Throws UsageError for a balance value out of range.
std::vector<HyperParams> gridPoints(const ModelSpec& spec, const HyperParams& hp,
                                    const std::optional<GridSettings>& grid);

/// Adds a finished point's run to a grid's result: its GridPoint, and the run as the best when it
/// is the first (result.points was empty) or better on validation than the best so far (an
/// earlier point wins a tie). Returns whether it became the best.
bool addGridPoint(GridResult& result, RunResult run);

/// What a job reports as it goes. Called on the thread that calls step().
struct JobObserver
{
    /// A grid point (or the one point of a plain run) starts training: its 0-based index and
    /// its hyper-parameters.
    std::function<void(int point, const HyperParams& hp)> pointStarted;
    std::function<void(const BatchProgress&)> progress;
    std::function<void(const EpochRecord&)> epoch;
};

/// One training run as a sequence of short steps: a plain run of hp, or the alpha x lambda grid
/// (each point trained in turn), validating after every epoch and keeping the parameters of each
/// point's best epoch (validation Recall@k, ties by MRR@k), then the best point's test figures
/// (docs/method.md, "Model selection").
///
/// The caller owns the loop: step() trains a few minibatches (the step that ends an epoch also
/// validates, the one that ends a point also tests) and returns. Nothing here waits, sleeps or
/// polls a flag: pausing is not calling step(), cancelling is destroying the job. The GUI's engine
/// thread calls step() from its event loop, so pause and stop are ordinary queued calls.
class TrainingJob
{
public:
    /// data and split must outlive the job (it keeps references, not copies: on large data a copy
    /// of the split would cost as much as the data). grid: nullopt trains hp as given; a grid is
    /// reduced to what the model has (no alpha for single-task models, nothing for models with
    /// nothing to learn).
    TrainingJob(const Dataset& data, const Split& split, ModelSpec spec, HyperParams hp,
                std::optional<GridSettings> grid = std::nullopt, JobObserver observer = {});
    ~TrainingJob();
    TrainingJob(const TrainingJob&) = delete;
    TrainingJob& operator=(const TrainingJob&) = delete;

    /// Trains at most maxBatches minibatches; true once the whole job is done. Throws
    /// TrainingError when a loss is not finite (the job is then done and has no result).
    bool step(std::size_t maxBatches);
    bool done() const;
    /// The number of points the job trains (1 for a plain run).
    int pointCount() const;
    /// Once done(): the best point's run and every point's validation figures.
    GridResult takeResult();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace rnr
