#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rnr {

/// One minibatch: rating tuples, and what the ranking component sampled for them. In
/// user-grouped batches (CDAE, SVD++) the tuples of one user are contiguous: group g holds
/// tuples [groupStart[g], groupStart[g + 1]) of user groupUsers[g].
struct Batch
{
    std::vector<std::uint32_t> users, items;
    std::vector<float> ratings;

    std::vector<std::uint32_t> negatives; ///< BPR/WRMF: negativesPerTuple sampled items per tuple
    std::uint32_t negativesPerTuple = 0;

    std::vector<std::uint32_t> groupUsers, groupStart;

    /// CDAE, per group: the user's kept (not dropped) input items, and the targets (all the
    /// user's training positives, label 1, and sampled negatives, label 0).
    std::vector<std::uint32_t> cdaeInputs, cdaeInputStart;
    std::vector<std::uint32_t> cdaeTargets, cdaeTargetStart;
    std::vector<std::uint8_t> cdaeLabels;

    /// Cascades (ESMM, pairwise): likeNegativesPerTuple sampled unrated items per tuple, the
    /// entire space's "not chosen" examples of the like task.
    std::vector<std::uint32_t> likeNegatives;
    std::uint32_t likeNegativesPerTuple = 0;

    std::size_t size() const { return users.size(); }
    std::size_t groups() const { return groupUsers.size(); }
    void clear()
    {
        users.clear();
        items.clear();
        ratings.clear();
        negatives.clear();
        groupUsers.clear();
        groupStart.clear();
        cdaeInputs.clear();
        cdaeInputStart.clear();
        cdaeTargets.clear();
        cdaeTargetStart.clear();
        cdaeLabels.clear();
        likeNegatives.clear();
    }
};

/// A part of a batch handled by one task: tuples [tupleBegin, tupleEnd) and, in user-grouped
/// batches, the groups [groupBegin, groupEnd) that cover exactly those tuples.
struct BatchRange
{
    std::size_t tupleBegin = 0, tupleEnd = 0;
    std::size_t groupBegin = 0, groupEnd = 0;
};

/// Sums of the objective's terms over a batch (or an epoch), before division by tuples.
struct Losses
{
    double ranking = 0.0;        ///< sum of L_R terms (unweighted)
    double rating = 0.0;         ///< sum of L_P terms (unweighted)
    double regularisation = 0.0; ///< lambda * sum of squared norms of the touched rows
    double objective = 0.0;      ///< alpha * ranking + (1 - alpha) * rating + regularisation, all / tuples
    std::size_t tuples = 0;

    Losses& operator+=(const Losses& o)
    {
        ranking += o.ranking;
        rating += o.rating;
        regularisation += o.regularisation;
        objective += o.objective;
        tuples += o.tuples;
        return *this;
    }
};

} // namespace rnr
