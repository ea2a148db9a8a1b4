#pragma once

#include "data/dataset.h"
#include "data/split.h"
#include "eval/evaluator.h"
#include "model/model.h"
#include "train/records.h"

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

namespace rnr {

/// Training stopped for a reason the user must act on (e.g. a diverging learning rate).
class TrainingError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// Trains one model on a split (docs/method.md, "Training"): shuffled minibatches of training tuples
/// (user-grouped for CDAE and SVD++), R then P on each tuple, sparse optimiser steps on the
/// touched rows. Within a batch the gradients of fixed-size chunks are computed in parallel in
/// a tbb::task_arena of hp.threads threads and summed in chunk order, so a seed gives the same
/// result on any number of threads. The caller owns the loop: step() runs (part of) an epoch
/// and returns; nothing here waits or sleeps, so pausing is not calling step() and cancelling is
/// destroying the trainer (train/trainingjob.h drives it that way).
class Trainer
{
public:
    /// data: the filtered data set the split was made from (for the scale and the mean).
    Trainer(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    /// Runs up to maxBatches minibatches of the current epoch; returns the record when the
    /// epoch ended (after validating), nothing when it is still under way. Throws
    /// TrainingError when the loss is not finite.
    std::optional<EpochRecord> step(std::size_t maxBatches = SIZE_MAX);
    /// Runs whole epochs until hp.epochs are done.
    bool done() const;
    std::uint32_t epochsDone() const;

    void setProgressCallback(std::function<void(const BatchProgress&)> callback);

    const Model& model() const;
    Model& model();
    const HyperParams& hyperParams() const;
    /// Evaluates on the validation (all of it) or test held-out interactions.
    Evaluation validate(bool keepTop = false) const;
    Evaluation test(bool keepTop = true) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace rnr
