// Ranking components R: BPR, WRMF, CDAE and Popularity (docs/method.md, "Underlying algorithms").
#include "core/detail/prefetch.h"
#include "core/detail/rng.h"
#include "core/errors.h"
#include "model/detail/components.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace rnr {

std::uint32_t sampleUnrated(Rng& rng, const UserItems& history, std::uint32_t user, std::uint32_t items)
{
    std::uint32_t item = 0;
    for (int attempt = 0; attempt < 64; ++attempt) {
        item = static_cast<std::uint32_t>(rng.below(items));
        if (!history.contains(user, item))
            break;
    }
    return item;
}

namespace {

template <typename T> T sigmoid(T x)
{
    return x >= 0 ? T(1) / (T(1) + std::exp(-x)) : std::exp(x) / (T(1) + std::exp(x));
}

/// log(1 + exp(x)) without overflow.
template <typename T> T softplus(T x)
{
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

/// Tuples ahead whose rows a tuple-wise ranker asks for (core/detail/prefetch.h).
constexpr std::size_t kRowsAhead = 2;

/// Asks for the rows tuple t reads: its user's, its item's and its negatives' vectors.
template <typename T> void prefetchTuple(const ChunkContext<T>& ctx, std::size_t t)
{
    const Eigen::Index d = ctx.users.cols();
    const std::uint32_t k = ctx.batch.negativesPerTuple;
    detail::prefetchFloats(ctx.users.row(ctx.batch.users[t]).data(), d);
    detail::prefetchFloats(ctx.items.row(ctx.batch.items[t]).data(), d);
    for (std::uint32_t n = 0; n < k; ++n)
        detail::prefetchFloats(ctx.items.row(ctx.batch.negatives[t * k + n]).data(), d);
}

void reserveTupleNegatives(Batch& batch, std::uint32_t perTuple)
{
    batch.negativesPerTuple = perTuple;
    batch.negatives.resize(batch.size() * perTuple);
}

void sampleTupleNegatives(Batch& batch, const BatchRange& range, Rng& rng, const UserItems& history)
{
    const auto items = static_cast<std::uint32_t>(history.itemCount);
    const std::uint32_t perTuple = batch.negativesPerTuple;
    for (std::size_t t = range.tupleBegin; t < range.tupleEnd; ++t)
        for (std::uint32_t k = 0; k < perTuple; ++k)
            batch.negatives[t * perTuple + k] = sampleUnrated(rng, history, batch.users[t], items);
}

/// Tuple-wise rankers read the tuple's user, its item and its negatives.
void tupleRows(const Batch& batch, const BatchRange& range, std::vector<std::uint32_t>& users,
               std::vector<std::uint32_t>& items)
{
    const std::uint32_t k = batch.negativesPerTuple;
    for (std::size_t t = range.tupleBegin; t < range.tupleEnd; ++t) {
        users.push_back(batch.users[t]);
        items.push_back(batch.items[t]);
        for (std::uint32_t n = 0; n < k; ++n)
            items.push_back(batch.negatives[t * k + n]);
    }
}

/// Rankers that sample one set of negatives per tuple.
template <typename T> class TupleSampling : public RankingComponent<T>
{
public:
    void sample(Batch& batch, Rng& rng, const UserItems& history, const HyperParams& hp) const final
    {
        reserveSamples(batch, hp);
        sampleRange(batch, BatchRange{0, batch.size(), 0, batch.groups()}, rng, history);
    }
    bool samplesByRange() const final { return true; }
    void reserveSamples(Batch& batch, const HyperParams& hp) const final
    {
        reserveTupleNegatives(batch, negativesPerTuple(hp));
    }
    void sampleRange(Batch& batch, const BatchRange& range, Rng& rng, const UserItems& history) const final
    {
        sampleTupleNegatives(batch, range, rng, history);
    }
    void touchedRows(const Batch& batch, const BatchRange& range, std::vector<std::uint32_t>& users,
                     std::vector<std::uint32_t>& items) const final
    {
        tupleRows(batch, range, users, items);
    }

protected:
    virtual std::uint32_t negativesPerTuple(const HyperParams& hp) const = 0;
};

template <typename T> RowMatrix<T> gatherRows(const RowSource<T>& m, const std::vector<std::uint32_t>& rows)
{
    RowMatrix<T> out(static_cast<Eigen::Index>(rows.size()), m.cols());
    for (std::size_t r = 0; r < rows.size(); ++r)
        out.row(Eigen::Index(r)) = m.row(rows[r]);
    return out;
}

/// The choice logit of dot-product rankers: s = p_u . q_j (+ b_j when the ranker has item biases).
template <typename T>
void dotLogits(const ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs, bool bias, std::vector<T>& out)
{
    const auto& U = ctx.params[Block::Users];
    const auto& I = ctx.params[Block::Items];
    out.resize(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const std::uint32_t u = ctx.batch.users[pairs[k].tuple], j = pairs[k].item;
        out[k] = U.row(u).dot(I.row(j)) + (bias ? ctx.params[Block::RankItemBias](j, 0) : T(0));
    }
}

template <typename T>
void dotBackward(ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs, bool bias, const std::vector<T>& dLogit)
{
    const auto& U = ctx.params[Block::Users];
    const auto& I = ctx.params[Block::Items];
    const Eigen::Index d = U.cols();
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const std::uint32_t u = ctx.batch.users[pairs[k].tuple], j = pairs[k].item;
        ctx.grads.add(Block::Users, u, d) = dLogit[k] * I.row(j).transpose();
        ctx.grads.add(Block::Items, j, d) = dLogit[k] * U.row(u).transpose();
        if (bias)
            ctx.grads.add(Block::RankItemBias, j, 1)(0) = dLogit[k];
    }
}

/// BPR: s_ui = p_u . q_i + b_i; loss -log sigma(s_ui - s_uj) per sampled negative j.
template <typename T> class BprRanking final : public TupleSampling<T>
{
public:
    void allocate(Params<T>& p, std::uint32_t, std::uint32_t items, std::uint32_t) const override
    {
        p[Block::RankItemBias] = RowMatrix<T>::Zero(items, 1);
    }
    std::uint32_t negativesPerTuple(const HyperParams& hp) const override { return hp.bprNegatives; }
    double accumulate(ChunkContext<T>& ctx) const override
    {
        const RowSource<T>& U = ctx.users;
        const RowSource<T>& I = ctx.items;
        const auto& b = ctx.params[Block::RankItemBias];
        const Eigen::Index d = U.cols();
        const std::uint32_t k = ctx.batch.negativesPerTuple;
        double loss = 0;
        // Accumulated locally: a Map returned by grads.add() dangles once the same block's
        // storage grows, which the negatives' add() calls below do.
        Vector<T> gu(d), gi(d);
        for (std::size_t t = ctx.range.tupleBegin; t < ctx.range.tupleEnd; ++t) {
            if (t + kRowsAhead < ctx.range.tupleEnd)
                prefetchTuple(ctx, t + kRowsAhead);
            const std::uint32_t u = ctx.batch.users[t], i = ctx.batch.items[t];
            gu.setZero();
            gi.setZero();
            T gbi = T(0);
            for (std::uint32_t n = 0; n < k; ++n) {
                const std::uint32_t j = ctx.batch.negatives[t * k + n];
                const T x = U.row(u).dot(I.row(i) - I.row(j)) + b(i, 0) - b(j, 0);
                loss += double(softplus(-x));
                const T g = -sigmoid(-x) * ctx.rankScale; // d softplus(-x) / dx = -sigma(-x)
                gu += g * (I.row(i) - I.row(j)).transpose();
                gi += g * U.row(u).transpose();
                gbi += g;
                ctx.grads.add(Block::Items, j, d) = -g * U.row(u).transpose();
                ctx.grads.add(Block::RankItemBias, j, 1)(0) = -g;
            }
            ctx.grads.add(Block::Users, u, d) = gu;
            ctx.grads.add(Block::Items, i, d) = gi;
            ctx.grads.add(Block::RankItemBias, i, 1)(0) = gbi;
        }
        return loss;
    }
    void choiceLogits(const ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                      std::vector<T>& out) const override
    {
        dotLogits(ctx, pairs, true, out);
    }
    void choiceBackward(ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                        const std::vector<T>& dLogit) const override
    {
        dotBackward(ctx, pairs, true, dLogit);
    }
    void scores(const Params<T>& p, const UserItems&, const std::vector<std::uint32_t>& users, const RowSource<T>& U,
                const RowSource<T>& I, RowMatrix<T>& out) const override
    {
        out.noalias() = gatherRows(U, users) * I.rows->transpose();
        out.rowwise() += p[Block::RankItemBias].col(0).transpose();
    }
};

/// WRMF (pointwise, SGD): s_ui = p_u . q_i; c_ui (1 - s_ui)^2 on positives with c = 1 + a r,
/// (0 - s_uj)^2 on sampled negatives.
template <typename T> class WrmfRanking final : public TupleSampling<T>
{
public:
    void allocate(Params<T>&, std::uint32_t, std::uint32_t, std::uint32_t) const override {}
    std::uint32_t negativesPerTuple(const HyperParams& hp) const override { return hp.wrmfNegatives; }
    double accumulate(ChunkContext<T>& ctx) const override
    {
        const RowSource<T>& U = ctx.users;
        const RowSource<T>& I = ctx.items;
        const Eigen::Index d = U.cols();
        const std::uint32_t k = ctx.batch.negativesPerTuple;
        const T a = T(ctx.hp.wrmfConfidence);
        double loss = 0;
        for (std::size_t t = ctx.range.tupleBegin; t < ctx.range.tupleEnd; ++t) {
            const std::uint32_t u = ctx.batch.users[t], i = ctx.batch.items[t];
            const T c = T(1) + a * T(ctx.batch.ratings[t]);
            const T s = U.row(u).dot(I.row(i));
            loss += double(c * (T(1) - s) * (T(1) - s));
            const T g = T(-2) * c * (T(1) - s) * ctx.rankScale;
            auto gu = ctx.grads.add(Block::Users, u, d);
            gu = g * I.row(i).transpose();
            ctx.grads.add(Block::Items, i, d) = g * U.row(u).transpose();
            for (std::uint32_t n = 0; n < k; ++n) {
                const std::uint32_t j = ctx.batch.negatives[t * k + n];
                const T sj = U.row(u).dot(I.row(j));
                loss += double(sj * sj);
                const T gj = T(2) * sj * ctx.rankScale;
                gu += gj * I.row(j).transpose();
                ctx.grads.add(Block::Items, j, d) = gj * U.row(u).transpose();
            }
        }
        return loss;
    }
    void choiceLogits(const ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                      std::vector<T>& out) const override
    {
        dotLogits(ctx, pairs, false, out);
    }
    void choiceBackward(ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                        const std::vector<T>& dLogit) const override
    {
        dotBackward(ctx, pairs, false, dLogit);
    }
    void scores(const Params<T>&, const UserItems&, const std::vector<std::uint32_t>& users, const RowSource<T>& U,
                const RowSource<T>& I, RowMatrix<T>& out) const override
    {
        out.noalias() = gatherRows(U, users) * I.rows->transpose();
    }
};

/// CDAE: per user, z_u = sigmoid(W_in^T y~_u + V_u + b) from the dropped-out interaction vector,
/// s_ui = z_u . W_out_i + b'_i, binary cross-entropy on all positives and sampled negatives.
/// V is the shared U and W_out the shared I; W_in and b are CDAE's own.
template <typename T> class CdaeRanking final : public RankingComponent<T>
{
public:
    void allocate(Params<T>& p, std::uint32_t, std::uint32_t items, std::uint32_t dim) const override
    {
        p[Block::RankItemBias] = RowMatrix<T>::Zero(items, 1);
        p[Block::CdaeInput] = RowMatrix<T>::Zero(items, dim);
        p[Block::CdaeHiddenBias] = RowMatrix<T>::Zero(1, dim);
    }
    void initialise(Params<T>& p, Rng& rng) const override { xavier(p[Block::CdaeInput], rng); }
    bool groupsByUser() const override { return true; }
    void sample(Batch& batch, Rng& rng, const UserItems& history, const HyperParams& hp) const override
    {
        const auto items = static_cast<std::uint32_t>(history.itemCount);
        batch.cdaeInputs.clear();
        batch.cdaeTargets.clear();
        batch.cdaeLabels.clear();
        batch.cdaeInputStart.assign(1, 0);
        batch.cdaeTargetStart.assign(1, 0);
        for (const std::uint32_t u : batch.groupUsers) {
            for (const std::uint32_t i : history.of(u)) {
                if (rng.uniform() >= hp.cdaeDropout)
                    batch.cdaeInputs.push_back(i);
                batch.cdaeTargets.push_back(i);
                batch.cdaeLabels.push_back(1);
                for (std::uint32_t n = 0; n < hp.cdaeNegatives; ++n) {
                    batch.cdaeTargets.push_back(sampleUnrated(rng, history, u, items));
                    batch.cdaeLabels.push_back(0);
                }
            }
            batch.cdaeInputStart.push_back(static_cast<std::uint32_t>(batch.cdaeInputs.size()));
            batch.cdaeTargetStart.push_back(static_cast<std::uint32_t>(batch.cdaeTargets.size()));
        }
    }
    double accumulate(ChunkContext<T>& ctx) const override
    {
        const RowSource<T>& V = ctx.users;
        const RowSource<T>& Wout = ctx.items;
        const auto& bOut = ctx.params[Block::RankItemBias];
        const Eigen::Index d = V.cols();
        double loss = 0;
        Vector<T> z(d), dz(d);
        for (std::size_t g = ctx.range.groupBegin; g < ctx.range.groupEnd; ++g) {
            hidden(ctx, V, g, z);
            dz.setZero();
            for (auto k = ctx.batch.cdaeTargetStart[g]; k < ctx.batch.cdaeTargetStart[g + 1]; ++k) {
                const std::uint32_t item = ctx.batch.cdaeTargets[k];
                const T y = T(ctx.batch.cdaeLabels[k]);
                const T s = z.dot(Wout.row(item).transpose()) + bOut(item, 0);
                loss += double(softplus(s) - y * s);
                const T ds = (sigmoid(s) - y) * ctx.rankScale;
                ctx.grads.add(Block::Items, item, d) = ds * z;
                ctx.grads.add(Block::RankItemBias, item, 1)(0) = ds;
                dz += ds * Wout.row(item).transpose();
            }
            hiddenBackward(ctx, g, z, dz);
        }
        return loss;
    }
    /// A pair's user is its tuple's group's: z_u from that group's corrupted input, as accumulate().
    void choiceLogits(const ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                      std::vector<T>& out) const override
    {
        const auto& I = ctx.params[Block::Items];
        const auto& bOut = ctx.params[Block::RankItemBias];
        Vector<T> z(I.cols());
        std::size_t current = SIZE_MAX;
        out.resize(pairs.size());
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            const std::size_t g = groupOf(ctx.batch, pairs[k].tuple);
            if (g != current)
                hidden(ctx, RowSource<T>{&ctx.params[Block::Users], nullptr}, current = g, z);
            out[k] = z.dot(I.row(pairs[k].item).transpose()) + bOut(pairs[k].item, 0);
        }
    }
    void choiceBackward(ChunkContext<T>& ctx, const std::vector<ChoicePair>& pairs,
                        const std::vector<T>& dLogit) const override
    {
        const auto& I = ctx.params[Block::Items];
        const Eigen::Index d = I.cols();
        Vector<T> z(d), dz = Vector<T>::Zero(d);
        std::size_t current = SIZE_MAX;
        for (std::size_t k = 0; k <= pairs.size(); ++k) {
            const std::size_t g = k < pairs.size() ? groupOf(ctx.batch, pairs[k].tuple) : SIZE_MAX;
            if (g != current && current != SIZE_MAX) { // the previous group's z is complete
                hiddenBackward(ctx, current, z, dz);
                dz.setZero();
            }
            if (k == pairs.size())
                break;
            if (g != current)
                hidden(ctx, RowSource<T>{&ctx.params[Block::Users], nullptr}, current = g, z);
            const std::uint32_t j = pairs[k].item;
            ctx.grads.add(Block::Items, j, d) = dLogit[k] * z;
            ctx.grads.add(Block::RankItemBias, j, 1)(0) = dLogit[k];
            dz += dLogit[k] * I.row(j).transpose();
        }
    }

private:
    static std::size_t groupOf(const Batch& batch, std::size_t tuple)
    {
        return std::size_t(std::upper_bound(batch.groupStart.begin(), batch.groupStart.end(), tuple) -
                           batch.groupStart.begin()) -
               1;
    }
    /// z_u = sigmoid(W_in^T y~_u + V_u + b) of group g's user, from the group's kept inputs.
    static void hidden(const ChunkContext<T>& ctx, const RowSource<T>& V, std::size_t g, Vector<T>& z)
    {
        const auto& Win = ctx.params[Block::CdaeInput];
        const T keepScale = T(1) / (T(1) - T(ctx.hp.cdaeDropout));
        Vector<T> a = V.row(ctx.batch.groupUsers[g]).transpose() + ctx.params[Block::CdaeHiddenBias].row(0).transpose();
        for (auto k = ctx.batch.cdaeInputStart[g]; k < ctx.batch.cdaeInputStart[g + 1]; ++k)
            a += keepScale * Win.row(ctx.batch.cdaeInputs[k]).transpose();
        z = a.unaryExpr([](T x) { return sigmoid(x); });
    }
    /// Takes dL/dz of group g's user back to V_u, b and the kept inputs' rows of W_in.
    static void hiddenBackward(ChunkContext<T>& ctx, std::size_t g, const Vector<T>& z, const Vector<T>& dz)
    {
        const Eigen::Index d = z.size();
        const T keepScale = T(1) / (T(1) - T(ctx.hp.cdaeDropout));
        const Vector<T> da = dz.cwiseProduct(z).cwiseProduct(Vector<T>::Ones(d) - z);
        ctx.grads.add(Block::Users, ctx.batch.groupUsers[g], d) = da;
        ctx.grads.add(Block::CdaeHiddenBias, 0, d) = da;
        for (auto k = ctx.batch.cdaeInputStart[g]; k < ctx.batch.cdaeInputStart[g + 1]; ++k)
            ctx.grads.add(Block::CdaeInput, ctx.batch.cdaeInputs[k], d) = keepScale * da;
    }

public:
    void touchedRows(const Batch& batch, const BatchRange& range, std::vector<std::uint32_t>& users,
                     std::vector<std::uint32_t>& items) const override
    {
        for (std::size_t g = range.groupBegin; g < range.groupEnd; ++g) {
            users.push_back(batch.groupUsers[g]);
            for (auto k = batch.cdaeTargetStart[g]; k < batch.cdaeTargetStart[g + 1]; ++k)
                items.push_back(batch.cdaeTargets[k]);
        }
    }
    void scores(const Params<T>& p, const UserItems& history, const std::vector<std::uint32_t>& users,
                const RowSource<T>& U, const RowSource<T>& I, RowMatrix<T>& out) const override
    {
        // Inference sees the whole, uncorrupted interaction vector (inverted dropout).
        RowMatrix<T> Z(static_cast<Eigen::Index>(users.size()), U.cols());
        for (std::size_t r = 0; r < users.size(); ++r) {
            Vector<T> a = U.row(users[r]).transpose() + p[Block::CdaeHiddenBias].row(0).transpose();
            for (const std::uint32_t i : history.of(users[r]))
                a += p[Block::CdaeInput].row(i).transpose();
            Z.row(Eigen::Index(r)) = a.unaryExpr([](T x) { return sigmoid(x); }).transpose();
        }
        out.noalias() = Z * I.rows->transpose();
        out.rowwise() += p[Block::RankItemBias].col(0).transpose();
    }
};

/// Popularity: ranks by training interaction count; nothing to learn.
template <typename T> class PopularityRanking final : public RankingComponent<T>
{
public:
    void allocate(Params<T>&, std::uint32_t, std::uint32_t, std::uint32_t) const override {}
    bool trainable() const override { return false; }
    void sample(Batch&, Rng&, const UserItems&, const HyperParams&) const override {}
    double accumulate(ChunkContext<T>&) const override { return 0.0; }
    void choiceLogits(const ChunkContext<T>&, const std::vector<ChoicePair>&, std::vector<T>&) const override
    {
        throw UsageError("Popularity learns nothing: it cannot be a cascade's choice head");
    }
    void choiceBackward(ChunkContext<T>&, const std::vector<ChoicePair>&, const std::vector<T>&) const override {}
    void scores(const Params<T>&, const UserItems& history, const std::vector<std::uint32_t>& users,
                const RowSource<T>&, const RowSource<T>&, RowMatrix<T>& out) const override
    {
        Vector<T> counts = Vector<T>::Zero(static_cast<Eigen::Index>(history.itemCount));
        for (const std::uint32_t i : history.items)
            counts(i) += T(1);
        out.resize(static_cast<Eigen::Index>(users.size()), counts.size());
        out.rowwise() = counts.transpose();
    }
};

} // namespace

template <typename T> std::unique_ptr<RankingComponent<T>> makeRanking(Ranker ranker)
{
    switch (ranker) {
    case Ranker::BPR:
        return std::make_unique<BprRanking<T>>();
    case Ranker::WRMF:
        return std::make_unique<WrmfRanking<T>>();
    case Ranker::CDAE:
        return std::make_unique<CdaeRanking<T>>();
    case Ranker::Popularity:
        return std::make_unique<PopularityRanking<T>>();
    case Ranker::None:
        break;
    }
    return nullptr;
}

template <typename T> void xavier(RowMatrix<T>& m, Rng& rng)
{
    const double limit = std::sqrt(6.0 / double(m.rows() + m.cols()));
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            m(r, c) = static_cast<T>((2.0 * rng.uniform() - 1.0) * limit);
}

template std::unique_ptr<RankingComponent<float>> makeRanking<float>(Ranker);
template std::unique_ptr<RankingComponent<double>> makeRanking<double>(Ranker);
template void xavier<float>(RowMatrix<float>&, Rng&);
template void xavier<double>(RowMatrix<double>&, Rng&);

} // namespace rnr
