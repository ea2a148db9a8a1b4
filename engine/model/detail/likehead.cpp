// The like head of the cascades (docs/method.md, "Choose, then like"): ESMM's entire-space
// cross-entropy on p(like) = sigma(s_R) sigma(t) (Ma et al., SIGIR 2018), and the pairwise
// cascade's hinge terms on the like score log p(like) (after Durmus et al., 2024; the pairs are
// the ones method.md lists).
#include "model/detail/likehead.h"

#include "core/detail/rng.h"
#include "model/detail/activation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace rnr {

namespace {

template <typename T> T sigmoidOf(T x)
{
    return x >= 0 ? T(1) / (T(1) + std::exp(-x)) : std::exp(x) / (T(1) + std::exp(x));
}

/// One hinge term m - (f_a - f_b) with a above b: adds its weighted value to the loss and its
/// slopes to df; inactive at and beyond the kink.
template <typename T>
void hinge(T margin, T weight, std::size_t a, std::size_t b, const std::vector<T>& f, std::vector<T>& df, double& loss)
{
    const T h = margin - (f[a] - f[b]);
    if (!(h > T(0)))
        return;
    loss += double(weight * h);
    df[a] -= weight;
    df[b] += weight;
}

} // namespace

template <typename T> T logSigmoid(T x)
{
    return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x));
}

template <typename T>
LikeHead<T>::LikeHead(Activation activation, bool pairwise, double threshold)
    : m_activation(activation), m_pairwise(pairwise), m_threshold(static_cast<T>(threshold))
{}

template <typename T> void LikeHead<T>::allocate(Params<T>& p, std::uint32_t items, std::uint32_t dim) const
{
    p[Block::LikeWeight] = RowMatrix<T>::Zero(dim, dim);
    p[Block::LikeBias] = RowMatrix<T>::Zero(1, dim);
    p[Block::LikeItemBias] = RowMatrix<T>::Zero(items, 1);
}

template <typename T> void LikeHead<T>::initialise(Params<T>& p, Rng& rng) const
{
    xavier(p[Block::LikeWeight], rng);
}

template <typename T> void LikeHead<T>::reserveSamples(Batch& batch, const HyperParams& hp) const
{
    batch.likeNegativesPerTuple = hp.likeNegatives;
    batch.likeNegatives.resize(batch.size() * hp.likeNegatives);
}

template <typename T>
void LikeHead<T>::sampleRange(Batch& batch, const BatchRange& range, Rng& rng, const UserItems& history) const
{
    const auto items = static_cast<std::uint32_t>(history.itemCount);
    const std::uint32_t k = batch.likeNegativesPerTuple;
    for (std::size_t t = range.tupleBegin; t < range.tupleEnd; ++t)
        for (std::uint32_t n = 0; n < k; ++n)
            batch.likeNegatives[t * k + n] = sampleUnrated(rng, history, batch.users[t], items);
}

template <typename T>
void LikeHead<T>::tower(const Params<T>& p, const RowMatrix<T>& input, RowMatrix<T>& pre, RowMatrix<T>& out) const
{
    pre.noalias() = input * p[Block::LikeWeight].transpose();
    pre.rowwise() += p[Block::LikeBias].row(0);
    activate(m_activation, pre, out);
}

template <typename T> double LikeHead<T>::accumulate(ChunkContext<T>& ctx, const RankingComponent<T>& choice) const
{
    const Batch& batch = ctx.batch;
    const auto& U = ctx.params[Block::Users];
    const auto& I = ctx.params[Block::Items];
    const auto& bL = ctx.params[Block::LikeItemBias];
    const Eigen::Index d = U.cols();
    const std::size_t begin = ctx.range.tupleBegin, n = ctx.range.tupleEnd - begin;
    const std::size_t K = batch.likeNegativesPerTuple, per = 1 + K;

    // Pairs: each tuple's item, then its K unrated items; pair (t - begin) * per + k.
    std::vector<ChoicePair> pairs(n * per);
    std::vector<std::uint8_t> liked(pairs.size(), 0);
    RowMatrix<T> Pu(Eigen::Index(n), d), Qp(Eigen::Index(pairs.size()), d);
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t t = begin + r;
        Pu.row(Eigen::Index(r)) = U.row(batch.users[t]);
        for (std::size_t k = 0; k < per; ++k) {
            const std::uint32_t j = k == 0 ? batch.items[t] : batch.likeNegatives[t * K + k - 1];
            pairs[r * per + k] = ChoicePair{t, j};
            Qp.row(Eigen::Index(r * per + k)) = I.row(j);
        }
        liked[r * per] = T(batch.ratings[t]) >= m_threshold;
    }
    RowMatrix<T> preU, Au, preI, Ai;
    tower(ctx.params, Pu, preU, Au);
    tower(ctx.params, Qp, preI, Ai);
    std::vector<T> s, t(pairs.size()), f(pairs.size());
    choice.choiceLogits(ctx, pairs, s);
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        t[q] = Au.row(Eigen::Index(q / per)).dot(Ai.row(Eigen::Index(q))) + bL(pairs[q].item, 0);
        f[q] = logSigmoid(s[q]) + logSigmoid(t[q]);
    }

    // Cross-entropy of p = sigma(s) sigma(t): -log p when liked, else -log(1 - p), where
    // 1 - p = sigma(-s) + sigma(s) sigma(-t) keeps its precision.
    double loss = 0;
    std::vector<T> ds(pairs.size()), dt(pairs.size()), df(pairs.size(), T(0));
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const T ns = sigmoidOf(-s[q]), nt = sigmoidOf(-t[q]);
        if (liked[q]) {
            loss -= double(f[q]);
            ds[q] = -ns;
            dt[q] = -nt;
        } else {
            const T rest = std::max(ns + sigmoidOf(s[q]) * nt, std::numeric_limits<T>::min());
            const T p = std::exp(f[q]);
            loss -= double(std::log(rest));
            ds[q] = p * ns / rest;
            dt[q] = p * nt / rest;
        }
    }
    if (m_pairwise) {
        // Within each user's tuples of the range: the k-th liked tuple is paired with the
        // (k mod |C|)-th chosen-not-liked one (margin m1) and with its own first unrated item (m2).
        const T w = static_cast<T>(ctx.hp.pairWeight);
        const T m1 = static_cast<T>(ctx.hp.pairMarginChosen), m2 = static_cast<T>(ctx.hp.pairMarginUnchosen);
        const bool choiceToo = ctx.hp.pairHeads == PairHeads::Both;
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return batch.users[begin + a] < batch.users[begin + b]; });
        std::vector<T> dsPair(pairs.size(), T(0));
        std::vector<std::size_t> likes, others;
        for (std::size_t a = 0; a < n;) {
            std::size_t e = a;
            likes.clear();
            others.clear();
            for (; e < n && batch.users[begin + order[e]] == batch.users[begin + order[a]]; ++e)
                (liked[order[e] * per] ? likes : others).push_back(order[e] * per);
            for (std::size_t k = 0; k < likes.size(); ++k) {
                const std::size_t l = likes[k];
                if (!others.empty()) {
                    hinge(m1, w, l, others[k % others.size()], f, df, loss);
                    if (choiceToo)
                        hinge(m1, w, l, others[k % others.size()], s, dsPair, loss);
                }
                if (K > 0) {
                    hinge(m2, w, l, l + 1, f, df, loss);
                    if (choiceToo)
                        hinge(m2, w, l, l + 1, s, dsPair, loss);
                }
            }
            a = e;
        }
        for (std::size_t q = 0; q < pairs.size(); ++q) { // d f / d s = sigma(-s), d f / d t = sigma(-t)
            ds[q] += df[q] * sigmoidOf(-s[q]) + dsPair[q];
            dt[q] += df[q] * sigmoidOf(-t[q]);
        }
    }
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        ds[q] *= ctx.rateScale;
        dt[q] *= ctx.rateScale;
    }

    // The tower's backward pass: t = a_u . a_j + b^L_j, a = g(W_L v + c_L).
    RowMatrix<T> dAu = RowMatrix<T>::Zero(Au.rows(), d), dAi(Ai.rows(), d);
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const auto r = Eigen::Index(q / per);
        dAu.row(r) += dt[q] * Ai.row(Eigen::Index(q));
        dAi.row(Eigen::Index(q)) = dt[q] * Au.row(r);
        ctx.grads.add(Block::LikeItemBias, pairs[q].item, 1)(0) = dt[q];
    }
    const RowMatrix<T> dZu = activationSlope(m_activation, preU, Au).cwiseProduct(dAu);
    const RowMatrix<T> dZi = activationSlope(m_activation, preI, Ai).cwiseProduct(dAi);
    const auto& W = ctx.params[Block::LikeWeight];
    RowMatrix<T> dW = dZu.transpose() * Pu;
    dW.noalias() += dZi.transpose() * Qp;
    for (Eigen::Index r = 0; r < d; ++r)
        ctx.grads.add(Block::LikeWeight, std::uint32_t(r), d) = dW.row(r).transpose();
    ctx.grads.add(Block::LikeBias, 0, d) = columnSums(dZu) + columnSums(dZi);
    const RowMatrix<T> dPu = dZu * W, dQp = dZi * W;
    for (std::size_t r = 0; r < n; ++r)
        ctx.grads.add(Block::Users, batch.users[begin + r], d) = dPu.row(Eigen::Index(r)).transpose();
    for (std::size_t q = 0; q < pairs.size(); ++q)
        ctx.grads.add(Block::Items, pairs[q].item, d) = dQp.row(Eigen::Index(q)).transpose();
    choice.choiceBackward(ctx, pairs, ds);
    return loss;
}

template <typename T>
void LikeHead<T>::likeLogits(const Params<T>& p, const std::vector<std::uint32_t>& users, const RowMatrix<T>& itemTower,
                             RowMatrix<T>& out) const
{
    RowMatrix<T> input(Eigen::Index(users.size()), p[Block::Users].cols());
    for (std::size_t r = 0; r < users.size(); ++r)
        input.row(Eigen::Index(r)) = p[Block::Users].row(users[r]);
    out.noalias() = vectors(p, input) * itemTower.transpose();
    out.rowwise() += p[Block::LikeItemBias].col(0).transpose();
}

template <typename T>
std::vector<T> LikeHead<T>::pairLogits(const Params<T>& p, const std::vector<std::uint32_t>& users,
                                       const std::vector<std::uint32_t>& items) const
{
    const Eigen::Index d = p[Block::Users].cols();
    RowMatrix<T> Pu(Eigen::Index(users.size()), d), Qj(Eigen::Index(items.size()), d);
    for (std::size_t k = 0; k < users.size(); ++k) {
        Pu.row(Eigen::Index(k)) = p[Block::Users].row(users[k]);
        Qj.row(Eigen::Index(k)) = p[Block::Items].row(items[k]);
    }
    const RowMatrix<T> Au = vectors(p, Pu), Aj = vectors(p, Qj);
    std::vector<T> out(users.size());
    for (std::size_t k = 0; k < users.size(); ++k)
        out[k] = Au.row(Eigen::Index(k)).dot(Aj.row(Eigen::Index(k))) + p[Block::LikeItemBias](items[k], 0);
    return out;
}

template class LikeHead<float>;
template class LikeHead<double>;
template float logSigmoid<float>(float);
template double logSigmoid<double>(double);

} // namespace rnr
