#pragma once

// The building blocks a ModelT is composed of. Adding a ranking or rating algorithm means
// adding one component here, not one class per (R, P) pair. Internal to the engine (and its
// tests); the public face is model.h.

#include "data/split.h"
#include "model/detail/batch.h"
#include "model/hyperparams.h"
#include "model/params.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace rnr {

class Rng;

/// The shared user or item vectors as the ranking task reads them: the block itself, or, for
/// designs that map them per task (MMoE, PLE), the mapped rows of the ids a chunk uses.
template <typename T> struct RowSource
{
    const RowMatrix<T>* rows = nullptr;
    const std::vector<std::uint32_t>* ids = nullptr; ///< sorted, distinct: rows->row(k) is ids[k]'s; null: row = id

    Eigen::Index position(std::uint32_t id) const
    {
        if (!ids)
            return Eigen::Index(id);
        return Eigen::Index(std::lower_bound(ids->begin(), ids->end(), id) - ids->begin());
    }
    auto row(std::uint32_t id) const { return rows->row(position(id)); }
    Eigen::Index cols() const { return rows->cols(); }
};

/// What a component sees while computing one part of a batch.
template <typename T> struct ChunkContext
{
    const Params<T>& params;
    const Batch& batch;
    const BatchRange& range;
    const HyperParams& hp;
    const UserItems& history;
    T rankScale; ///< alpha / B: multiplies R's gradients
    T rateScale; ///< (1 - alpha) / B: multiplies P's gradients
    RowGrads<T>& grads;
    /// The ranking task's user and item vectors (the shared U and I unless the design maps them);
    /// R's gradients on Block::Users and Block::Items rows are gradients on these vectors.
    RowSource<T> users, items;
};

/// Cascades (docs/method.md, "Choose, then like"): an item j scored for the user of tuple t of a
/// batch (the tuple's own item, or one of its sampled unrated items).
struct ChoicePair
{
    std::size_t tuple;
    std::uint32_t item;
};

/// A uniformly drawn item the user has not interacted with in training (rejection sampling;
/// gives up after many tries for a user who has nearly every item, returning any item).
std::uint32_t sampleUnrated(Rng& rng, const UserItems& history, std::uint32_t user, std::uint32_t items);

/// R: a ranking algorithm on the shared U, I (and its own blocks).
template <typename T> class RankingComponent
{
public:
    virtual ~RankingComponent() = default;
    /// Gives the component's own blocks their shapes (zeros).
    virtual void allocate(Params<T>& params, std::uint32_t users, std::uint32_t items, std::uint32_t dim) const = 0;
    virtual void initialise(Params<T>& /*params*/, Rng& /*rng*/) const {}
    virtual bool groupsByUser() const { return false; }
    virtual bool trainable() const { return true; }
    virtual void sample(Batch& batch, Rng& rng, const UserItems& history, const HyperParams& hp) const = 0;
    /// Tuple-wise samplers (BPR, WRMF) can fill disjoint ranges of a batch on several threads:
    /// reserveSamples() sizes the batch's arrays, sampleRange() fills one range.
    virtual bool samplesByRange() const { return false; }
    virtual void reserveSamples(Batch& /*batch*/, const HyperParams& /*hp*/) const {}
    virtual void sampleRange(Batch& /*batch*/, const BatchRange& /*range*/, Rng& /*rng*/,
                             const UserItems& /*history*/) const
    {}
    /// Appends gradients (scaled by rankScale); returns the unweighted sum of its loss terms.
    /// Reads the shared vectors through ctx.users and ctx.items only.
    virtual double accumulate(ChunkContext<T>& ctx) const = 0;
    /// The rows of the shared U and I that accumulate() reads for a range (repeats allowed).
    virtual void touchedRows(const Batch& /*batch*/, const BatchRange& /*range*/, std::vector<std::uint32_t>& /*users*/,
                             std::vector<std::uint32_t>& /*items*/) const
    {}
    /// The choice head of a cascade: R's score s(u, j) of each pair as a logit, p(choose) =
    /// sigma(s), read as in training (CDAE: from the batch's corrupted input). Shared U and I.
    virtual void choiceLogits(const ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                              std::vector<T>& out) const = 0;
    /// Appends the gradients of dLogit (one per pair, already scaled) to ctx.grads.
    virtual void choiceBackward(ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                                const std::vector<T>& dLogit) const = 0;
    /// Scores of every item (columns) for each user (rows); U and I as in ChunkContext (I covers
    /// every item).
    virtual void scores(const Params<T>& params, const UserItems& history, const std::vector<std::uint32_t>& users,
                        const RowSource<T>& U, const RowSource<T>& I, RowMatrix<T>& out) const = 0;
};

/// P: a rating algorithm on the vectors the coupling hands it (x_u, y_i per tuple).
template <typename T> class RatingComponent
{
public:
    virtual ~RatingComponent() = default;
    virtual void allocate(Params<T>& params, std::uint32_t users, std::uint32_t items, std::uint32_t dim) const = 0;
    virtual void initialise(Params<T>& /*params*/, Rng& /*rng*/) const {}
    virtual bool groupsByUser() const { return false; }
    /// X, Y: one row per tuple of the range. Writes dL/dX, dL/dY (scaled by rateScale) and
    /// appends its own gradients; returns the unweighted sum of squared errors.
    virtual double accumulate(ChunkContext<T>& ctx, const RowMatrix<T>& X, const RowMatrix<T>& Y, RowMatrix<T>& dX,
                              RowMatrix<T>& dY) const = 0;
    /// Predicted ratings of every item (Y: all items' vectors) for users (X: their vectors).
    virtual void predictAll(const Params<T>& params, const UserItems& history, const std::vector<std::uint32_t>& users,
                            const RowMatrix<T>& X, const RowMatrix<T>& Y, RowMatrix<T>& out) const = 0;
    /// Predicted rating of each (users[r], items[r]); X: the users' vectors (row r), Y: all items'.
    virtual std::vector<T> predictPairs(const Params<T>& params, const UserItems& history,
                                        const std::vector<std::uint32_t>& users,
                                        const std::vector<std::uint32_t>& items, const RowMatrix<T>& X,
                                        const RowMatrix<T>& Y) const = 0;
};

/// The two tasks, as designs that map vectors per task (MMoE, PLE) index them.
enum class Task
{
    Ranking = 0,
    Rating = 1
};
/// Which shared block rows come from: U (users) or I (items).
enum class Side
{
    Users,
    Items
};

/// What a per-task mapping keeps between its forward and backward pass for some rows.
template <typename T> struct MapCache
{
    RowMatrix<T> input;                 ///< the rows mapped, one per id
    std::vector<RowMatrix<T>> pre, out; ///< per expert the task's last gate covers: pre-activations, outputs
    RowMatrix<T> gates;                 ///< ids x the task's experts: the last gate's softmax weights
    /// Two-level PLE's first level: every expert on the input, the task's and the shared gate, and
    /// their mixtures (the second level's inputs).
    std::vector<RowMatrix<T>> firstPre, firstOut;
    RowMatrix<T> firstGates, sharedGates, taskInput, sharedInput;
};

/// Intermediate values the coupling keeps between forward and backward.
template <typename T> struct CouplingCache
{
    RowMatrix<T> userInput, itemInput; ///< p_u and q_i (+ q^d_i) per tuple
    RowMatrix<T> userPre, itemPre;     ///< pre-activations (RnR)
    MapCache<T> userMap, itemMap;      ///< per-task mappings (MMoE, PLE)
};

/// How P sees the shared embeddings.
template <typename T> class CouplingComponent
{
public:
    virtual ~CouplingComponent() = default;
    virtual void allocate(Params<T>& params, std::uint32_t users, std::uint32_t items, std::uint32_t dim) const = 0;
    virtual void initialise(Params<T>& /*params*/, Rng& /*rng*/) const {}
    virtual void forward(const ChunkContext<T>& ctx, CouplingCache<T>& cache, RowMatrix<T>& X,
                         RowMatrix<T>& Y) const = 0;
    virtual void backward(ChunkContext<T>& ctx, const CouplingCache<T>& cache, const RowMatrix<T>& X,
                          const RowMatrix<T>& Y, const RowMatrix<T>& dX, const RowMatrix<T>& dY) const = 0;
    /// x_u for the given users / y_i for every item, as P sees them.
    virtual RowMatrix<T> userVectors(const Params<T>& params, const std::vector<std::uint32_t>& users) const = 0;
    virtual RowMatrix<T> itemVectors(const Params<T>& params) const = 0;

    /// Whether the ranking task reads mapped vectors too (MMoE, PLE): then mapForward() gives
    /// them and mapBackward() takes R's gradients on them back to U, I and the design's blocks.
    virtual bool mapsRanking() const { return false; }
    /// Task `task`'s vectors of the rows `ids` of one side (repeats allowed), one row per id.
    virtual void mapForward(const Params<T>& /*params*/, Task /*task*/, Side /*side*/,
                            const std::vector<std::uint32_t>& /*ids*/, MapCache<T>& /*cache*/,
                            RowMatrix<T>& /*out*/) const
    {}
    /// Appends the gradients of dOut (one row per id, as mapForward's out) to ctx.grads.
    virtual void mapBackward(ChunkContext<T>& /*ctx*/, Task /*task*/, Side /*side*/,
                             const std::vector<std::uint32_t>& /*ids*/, const MapCache<T>& /*cache*/,
                             const RowMatrix<T>& /*dOut*/) const
    {}
    /// Expert mixtures: the mean over every row of the side of each expert's weight in the task's
    /// gate, indexed by expert (experts the gate does not cover: 0). Empty for other designs.
    virtual std::vector<double> meanGates(const Params<T>& /*params*/, Task /*task*/, Side /*side*/) const
    {
        return {};
    }
};

template <typename T> std::unique_ptr<RankingComponent<T>> makeRanking(Ranker ranker);
template <typename T> std::unique_ptr<RatingComponent<T>> makeRating(Rater rater);
template <typename T> std::unique_ptr<CouplingComponent<T>> makeCoupling(Coupling coupling, const HyperParams& hp);
/// Cross-stitch units (engine/model/detail/crossstitch.cpp).
template <typename T> std::unique_ptr<CouplingComponent<T>> makeCrossStitchCoupling();
/// MMoE (taskExperts = 0, one level) and PLE with one or two extraction levels
/// (engine/model/detail/experts.cpp).
template <typename T>
std::unique_ptr<CouplingComponent<T>> makeExpertCoupling(Activation activation, std::uint32_t shared,
                                                         std::uint32_t taskExperts, std::uint32_t levels);

/// Xavier (Glorot) uniform initialisation of a rows x cols matrix: U(-a, a), a = sqrt(6 / (rows + cols)).
template <typename T> void xavier(RowMatrix<T>& m, Rng& rng);

} // namespace rnr
