#pragma once

// The like head of the cascades ESMM and pairwise (docs/method.md, "Choose, then like"): a like
// tower on the shared vectors, t(u, j) = g(W_L p_u + c_L) . g(W_L q_j + c_L) + b^L_j, read
// after the choice head R: p(like) = sigma(s_R) sigma(t). Internal to the engine and its tests.

#include "model/detail/components.h"

namespace rnr {

template <typename T> class LikeHead
{
public:
    /// threshold: the rating at or above which a rated item is liked (already resolved).
    LikeHead(Activation activation, bool pairwise, double threshold);

    void allocate(Params<T>& params, std::uint32_t items, std::uint32_t dim) const;
    void initialise(Params<T>& params, Rng& rng) const;
    /// The pairwise loss pairs a user's items within one batch: its batches group by user.
    bool groupsByUser() const { return m_pairwise; }
    void reserveSamples(Batch& batch, const HyperParams& hp) const;
    /// Draws each tuple's unrated items of the range.
    void sampleRange(Batch& batch, const BatchRange& range, Rng& rng, const UserItems& history) const;

    /// The like task's data terms of a range: the cross-entropy of p(like) on every tuple's item
    /// (label: liked) and its sampled unrated items (label 0), plus the pairwise cascade's hinge
    /// terms. Gradients (scaled by ctx.rateScale) reach the tower and, through s_R, the choice head.
    double accumulate(ChunkContext<T>& ctx, const RankingComponent<T>& choice) const;

    /// The like logit t(users[k], items[k]) of each pair.
    std::vector<T> pairLogits(const Params<T>& params, const std::vector<std::uint32_t>& users,
                              const std::vector<std::uint32_t>& items) const;
    /// The like logits t(u, j) of every item (columns) for users (rows); itemTower: vectors() of
    /// every item, computed once by the caller.
    void likeLogits(const Params<T>& params, const std::vector<std::uint32_t>& users, const RowMatrix<T>& itemTower,
                    RowMatrix<T>& out) const;

    /// The tower's vectors g(W_L v + c_L) of the rows of input (rows of U or I).
    RowMatrix<T> vectors(const Params<T>& params, const RowMatrix<T>& input) const
    {
        RowMatrix<T> pre, out;
        tower(params, input, pre, out);
        return out;
    }

private:
    void tower(const Params<T>& params, const RowMatrix<T>& input, RowMatrix<T>& pre, RowMatrix<T>& out) const;

    Activation m_activation;
    bool m_pairwise;
    T m_threshold;
};

/// log sigma(x) without overflow.
template <typename T> T logSigmoid(T x);

extern template class LikeHead<float>;
extern template class LikeHead<double>;

} // namespace rnr
