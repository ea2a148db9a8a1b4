#pragma once

#include "dataset.h"
#include "evaluator.h"
#include "model.h"
#include "split.h"

#include <atomic>
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

/// Cooperative cancel and pause, set from any thread; checked before every minibatch.
class TrainControl
{
public:
    void cancel() { m_cancel.store(true); }
    void setPaused(bool paused) { m_pause.store(paused); }
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }
    bool paused() const { return m_pause.load(std::memory_order_relaxed); }
    const std::atomic<bool>* cancelFlag() const { return &m_cancel; }

private:
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_pause{false};
};

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
};

/// Trains one model on a split (method.md, "Training"): shuffled minibatches of training tuples
/// (user-grouped for CDAE and SVD++), R then P on each tuple, sparse optimiser steps on the
/// touched rows. Within a batch the gradients of fixed-size chunks are computed in parallel in
/// a tbb::task_arena of hp.threads threads and summed in chunk order, so a seed gives the same
/// result on any number of threads. The caller owns the loop: step() runs (part of) an epoch.
class Trainer
{
public:
    /// data: the filtered data set the split was made from (for the scale and the mean).
    Trainer(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    /// Runs up to maxBatches minibatches of the current epoch; returns the record when the
    /// epoch ended (after validating), nothing when it is still under way. Throws Cancelled
    /// when control().cancel() was called, TrainingError when the loss is not finite.
    std::optional<EpochRecord> step(std::size_t maxBatches = SIZE_MAX);
    /// Runs whole epochs until hp.epochs are done.
    bool done() const;
    std::uint32_t epochsDone() const;

    void setProgressCallback(std::function<void(const BatchProgress&)> callback);
    TrainControl& control();

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
