#pragma once

#include "data/split.h"
#include "model/detail/batch.h"
#include "model/hyperparams.h"
#include "model/params.h"

#include <memory>

namespace rnr {

class Rng;
template <typename T> class RankingComponent;
template <typename T> class RatingComponent;
template <typename T> class CouplingComponent;
template <typename T> class LikeHead;

/// A model of docs/method.md ("Underlying algorithms", "Couplings") composed of a ranking
/// component (BPR, CDAE, WRMF, Popularity or none), a rating component (SVD, SVD++ or none) and
/// a coupling (single task, vanilla sharing, or RnR's deviation + tied FC layer). Templated on
/// the scalar so that training runs in float and the gradient checks in double on the very same
/// code.
///
/// The minibatch objective (what the gradients are of) is
///   O = [alpha * sum L_R + (1 - alpha) * sum L_P + lambda * sum_{touched rows r} ||theta_r||^2] / B
/// over the B tuples of the batch, where "touched rows" are the distinct rows of U, I, Id, W_in
/// and Z that the batch uses, plus W and c (always touched): regularisation per touched row, the
/// usual practice with SGD. The biases of R and P are not regularised (c of the FC layer is part of
/// theta and is). Single-task models have alpha = 1 (R) or
/// 0 (P) whatever the setting. With uncertainty weighting (docs/method.md, "Loss balancing")
/// alpha, 1 - alpha are exp(-s_R), exp(-s_P) and O gains s_R + s_P.
template <typename T> class ModelT
{
public:
    /// history: the training items of every user (CDAE and SVD++ read it, and evaluation
    /// excludes it). meanRating: mu.
    ModelT(const ModelSpec& spec, const HyperParams& hp, std::uint32_t users, std::uint32_t items, UserItems history,
           double meanRating);
    ~ModelT();
    ModelT(ModelT&&) noexcept;
    ModelT& operator=(ModelT&&) noexcept;

    const ModelSpec& spec() const { return m_spec; }
    const HyperParams& hyperParams() const { return m_hp; }
    std::uint32_t userCount() const { return m_users; }
    std::uint32_t itemCount() const { return m_items; }
    const UserItems& history() const { return m_history; }
    Params<T>& params() { return m_params; }
    const Params<T>& params() const { return m_params; }

    /// The effective task weights (alpha, 1 - alpha), fixed to (1, 0) or (0, 1) for single tasks;
    /// (exp(-s_R), exp(-s_P)) with uncertainty weighting.
    T rankWeight() const;
    T rateWeight() const;

    /// Xavier-initialises the embeddings, W, W_in and Z; zeros for Id and biases.
    void initialise(Rng& rng);
    /// True when training batches must group each user's tuples (CDAE, SVD++).
    bool groupsByUser() const;
    /// Adds the sampled parts to a batch whose tuples (and groups) are set: negatives, CDAE's
    /// dropout and targets.
    void sample(Batch& batch, Rng& rng) const;
    /// Parallel sampling (BPR, WRMF): reserveSamples() once per batch, then sampleRange() for
    /// disjoint ranges, possibly on several threads. False: use sample().
    bool samplesByRange() const;
    void reserveSamples(Batch& batch) const;
    void sampleRange(Batch& batch, const BatchRange& range, Rng& rng) const;

    /// Data terms of one part of a batch: appends weighted gradients (already divided by
    /// batchSize) and returns the unweighted loss sums.
    /// With uncertainty weighting, also the gradient of the log-variances' terms.
    Losses accumulate(const Batch& batch, const BatchRange& range, std::size_t batchSize, RowGrads<T>& grads) const;
    /// The same with task weights chosen by the caller (scheduled or learnt outside the model).
    Losses accumulate(const Batch& batch, const BatchRange& range, std::size_t batchSize, RowGrads<T>& grads,
                      T rankWeight, T rateWeight) const;
    /// The data terms of one task alone (Task 0 ranking, 1 rating), its weight taken as 1: the
    /// task's own gradient, what the interplay diagnostics compare (train/interplay.h).
    Losses accumulateTask(const Batch& batch, const BatchRange& range, std::size_t batchSize, RowGrads<T>& grads,
                          int task) const;
    /// Adds lambda's terms for every touched row to the summed gradients; returns them.
    double regularise(SummedGrads<T>& grads, std::size_t batchSize) const;
    /// The same for one block (0 for blocks lambda does not apply to).
    double regulariseBlock(SummedGrads<T>& grads, int block, std::size_t batchSize) const;
    /// The whole objective of a batch, single-threaded; fills grads when given (tests, checks).
    Losses objective(const Batch& batch, SummedGrads<T>* grads) const;

    /// Ranking scores of all items for the given users (rows), what evaluation ranks by: R's
    /// score for models with a ranker, the predicted rating for rating-only models.
    void rankingScores(const std::vector<std::uint32_t>& users, RowMatrix<T>& scores) const;
    /// Whether the model has a like head after its choice head (the cascades ESMM, pairwise).
    bool hasLikeHead() const { return m_like != nullptr; }
    /// Cascades: turns the choice logits s_R of users (rows) x every item (what rankingScores
    /// gives) into the like scores log p(like) = log sigma(s_R) + log sigma(t). Throws otherwise.
    void likeScores(const std::vector<std::uint32_t>& users, RowMatrix<T>& scores) const;
    /// The same with the like tower's item vectors (likeItemTower()) computed once by the caller.
    void likeScores(const std::vector<std::uint32_t>& users, const RowMatrix<T>& itemTower, RowMatrix<T>& scores) const;
    /// Cascades: the like tower's vectors g(W_L q_j + c_L) of every item.
    RowMatrix<T> likeItemTower() const;
    /// Cascades: p(like | choose) = sigma(t) of each (users[k], items[k]); NaN for other models.
    std::vector<T> likeGivenChoice(const std::vector<std::uint32_t>& users,
                                   const std::vector<std::uint32_t>& items) const;
    /// Predicted rating of P (unclipped); NaN for models without a rating component.
    T predictRating(std::uint32_t user, std::uint32_t item) const;
    /// Predicted ratings of many (user, item) pairs at once (item vectors computed once).
    std::vector<T> predictRatings(const std::vector<std::uint32_t>& users,
                                  const std::vector<std::uint32_t>& items) const;
    /// The vectors P rates with: x_u / y_i (after the FC layer for RnR; SVD++'s implicit term
    /// is not included); for cascades the like tower's. Empty for models with neither.
    RowMatrix<T> ratingUserVectors() const;
    RowMatrix<T> ratingItemVectors() const;
    /// The item vectors R ranks with: q_i itself, or its mixture for designs that map the ranking
    /// task's vectors too (MMoE, PLE).
    RowMatrix<T> rankingItemVectors() const;
    /// Expert mixtures (MMoE, PLE): task's (0 ranking, 1 rating) mean gate weight per expert over
    /// every user (items false) or item; empty for other models.
    std::vector<double> meanGates(int task, bool items) const;

private:
    bool learnsVariances() const;
    Losses accumulateWeighted(const Batch& batch, const BatchRange& range, std::size_t batchSize, RowGrads<T>& grads,
                              T rankWeight, T rateWeight, bool ranking, bool rating) const;

    ModelSpec m_spec;
    HyperParams m_hp;
    std::uint32_t m_users = 0, m_items = 0;
    UserItems m_history;
    Params<T> m_params;
    std::unique_ptr<RankingComponent<T>> m_ranking;
    std::unique_ptr<RatingComponent<T>> m_rating;
    std::unique_ptr<CouplingComponent<T>> m_coupling;
    std::unique_ptr<LikeHead<T>> m_like;
};

using Model = ModelT<float>;

extern template class ModelT<float>;
extern template class ModelT<double>;

} // namespace rnr
