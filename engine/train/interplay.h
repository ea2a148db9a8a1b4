#pragma once

// The task-interplay diagnostics (docs/method.md, "Task interplay"): how the ranking and the
// rating gradients on the shared user and item rows relate, over a sample of each epoch's batches.

#include "model/params.h"

#include <array>
#include <cstddef>
#include <limits>
#include <vector>

namespace rnr {

/// One sampled batch: each task's gradient (on its own, unweighted by alpha) on the rows of U and
/// I, compared. Sums over rows, so that a block's cosine is dot / sqrt(normRanking2 * normRating2).
struct BatchInterplay
{
    double dotUsers = 0, rankingUsers2 = 0, ratingUsers2 = 0; ///< <g_R, g_P>, |g_R|^2, |g_P|^2 on U
    double dotItems = 0, rankingItems2 = 0, ratingItems2 = 0; ///< the same on I
    std::size_t sharedRows = 0;                               ///< rows of U and I both tasks moved
    std::size_t conflictRows = 0;                             ///< of those, the rows whose dot < 0
};

/// Two tasks' summed gradients on one block: their dot product over the rows both moved, each
/// one's squared norm over all its rows.
struct BlockGeometry
{
    double dot = 0, a2 = 0, b2 = 0;
    std::size_t sharedRows = 0, conflictRows = 0; ///< rows both moved; of those, the rows whose dot < 0
};
BlockGeometry blockGeometry(const SummedGrads<float>& a, const SummedGrads<float>& b, Block block);

/// Compares two tasks' summed gradients on Block::Users and Block::Items.
BatchInterplay compareTaskGradients(const SummedGrads<float>& ranking, const SummedGrads<float>& rating);

/// An epoch's figures: means over its sampled batches.
struct Interplay
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    double cosineUsers = kNone, cosineItems = kNone; ///< mean of the batches' block cosines
    double conflictShare = kNone;                    ///< conflicting rows / rows both tasks moved
    double batchConflictShare = kNone;          ///< share of batches whose gradients on U and I together point apart
    double normRanking = 0, normRating = 0;     ///< mean norm of each task's gradient on U and I together
    double rankingWeight = 0, ratingWeight = 0; ///< the task weights in force
    std::size_t batches = 0;
    /// Expert mixtures, at the end of the epoch: [task: ranking, rating][side: users, items], the
    /// mean gate weight per expert over every user or item (ModelT::meanGates); else empty.
    std::array<std::array<std::vector<double>, 2>, 2> gates;
};

/// Sums sampled batches into an epoch's Interplay.
class InterplayMeter
{
public:
    void add(const BatchInterplay& batch);
    Interplay result(double rankingWeight, double ratingWeight) const;
    void clear() { *this = InterplayMeter{}; }

private:
    double m_cosineUsers = 0, m_cosineItems = 0, m_normRanking = 0, m_normRating = 0;
    std::size_t m_usersBatches = 0, m_itemsBatches = 0, m_batches = 0, m_conflictBatches = 0;
    std::size_t m_sharedRows = 0, m_conflictRows = 0;
};

} // namespace rnr
