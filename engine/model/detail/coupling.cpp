// Couplings: how P sees the shared embeddings (docs/method.md, "Couplings"). Vanilla hands it p_u
// and q_i as they are; RnR adds the deviation q^d_i and maps both sides through one tied FC layer
// g(W v + c); its two ablations keep one of the two ingredients: the deviation alone
// (x_u = p_u, y_i = q_i + q^d_i) or the tied layer alone (x_u = g(W p_u + c), y_i = g(W q_i + c)).
#include "core/detail/rng.h"
#include "model/detail/activation.h"
#include "model/detail/components.h"

#include <cmath>

namespace rnr {

namespace {

/// Vanilla MTL: x_u = p_u, y_i = q_i (also what a rating-only model uses for its own U, I).
template <typename T> class SharedCoupling final : public CouplingComponent<T>
{
public:
    void allocate(Params<T>&, std::uint32_t, std::uint32_t, std::uint32_t) const override {}
    void forward(const ChunkContext<T>& ctx, CouplingCache<T>&, RowMatrix<T>& X, RowMatrix<T>& Y) const override
    {
        const auto n = Eigen::Index(ctx.range.tupleEnd - ctx.range.tupleBegin);
        const auto& U = ctx.params[Block::Users];
        const auto& I = ctx.params[Block::Items];
        X.resize(n, U.cols());
        Y.resize(n, I.cols());
        for (Eigen::Index r = 0; r < n; ++r) {
            X.row(r) = U.row(ctx.batch.users[ctx.range.tupleBegin + std::size_t(r)]);
            Y.row(r) = I.row(ctx.batch.items[ctx.range.tupleBegin + std::size_t(r)]);
        }
    }
    void backward(ChunkContext<T>& ctx, const CouplingCache<T>&, const RowMatrix<T>&, const RowMatrix<T>&,
                  const RowMatrix<T>& dX, const RowMatrix<T>& dY) const override
    {
        for (Eigen::Index r = 0; r < dX.rows(); ++r) {
            const std::size_t t = ctx.range.tupleBegin + std::size_t(r);
            ctx.grads.add(Block::Users, ctx.batch.users[t], dX.cols()) = dX.row(r).transpose();
            ctx.grads.add(Block::Items, ctx.batch.items[t], dY.cols()) = dY.row(r).transpose();
        }
    }
    RowMatrix<T> userVectors(const Params<T>& p, const std::vector<std::uint32_t>& users) const override
    {
        RowMatrix<T> X(Eigen::Index(users.size()), p[Block::Users].cols());
        for (std::size_t r = 0; r < users.size(); ++r)
            X.row(Eigen::Index(r)) = p[Block::Users].row(users[r]);
        return X;
    }
    RowMatrix<T> itemVectors(const Params<T>& p) const override { return p[Block::Items]; }
};

/// RnR: x_u = g(W p_u + c), y_i = g(W (q_i + q^d_i) + c), W and c tied across both sides; without
/// the deviation (fc-only) y_i = g(W q_i + c); without the layer (deviation-only) x_u = p_u and
/// y_i = q_i + q^d_i.
template <typename T> class RnrCoupling final : public CouplingComponent<T>
{
public:
    RnrCoupling(Activation activation, bool deviation, bool fc)
        : m_activation(activation), m_deviation(deviation), m_fc(fc)
    {}

    void allocate(Params<T>& p, std::uint32_t, std::uint32_t items, std::uint32_t dim) const override
    {
        if (m_deviation)
            p[Block::Deviation] = RowMatrix<T>::Zero(items, dim);
        if (m_fc) {
            p[Block::FcWeight] = RowMatrix<T>::Zero(dim, dim);
            p[Block::FcBias] = RowMatrix<T>::Zero(1, dim);
        }
    }
    void initialise(Params<T>& p, Rng& rng) const override
    {
        if (m_fc)
            xavier(p[Block::FcWeight], rng);
    }

    void forward(const ChunkContext<T>& ctx, CouplingCache<T>& cache, RowMatrix<T>& X, RowMatrix<T>& Y) const override
    {
        const auto n = Eigen::Index(ctx.range.tupleEnd - ctx.range.tupleBegin);
        const auto& U = ctx.params[Block::Users];
        const auto& I = ctx.params[Block::Items];
        cache.userInput.resize(n, U.cols());
        cache.itemInput.resize(n, I.cols());
        for (Eigen::Index r = 0; r < n; ++r) {
            const std::size_t t = ctx.range.tupleBegin + std::size_t(r);
            cache.userInput.row(r) = U.row(ctx.batch.users[t]);
            cache.itemInput.row(r) = I.row(ctx.batch.items[t]);
            if (m_deviation)
                cache.itemInput.row(r) += ctx.params[Block::Deviation].row(ctx.batch.items[t]);
        }
        layer(ctx.params, cache.userInput, cache.userPre, X);
        layer(ctx.params, cache.itemInput, cache.itemPre, Y);
    }

    void backward(ChunkContext<T>& ctx, const CouplingCache<T>& cache, const RowMatrix<T>& X, const RowMatrix<T>& Y,
                  const RowMatrix<T>& dX, const RowMatrix<T>& dY) const override
    {
        const Eigen::Index d = dX.cols();
        RowMatrix<T> dP, dQ;
        if (m_fc) {
            const RowMatrix<T> dZu = slope(cache.userPre, X).cwiseProduct(dX);
            const RowMatrix<T> dZi = slope(cache.itemPre, Y).cwiseProduct(dY);
            const auto& W = ctx.params[Block::FcWeight];
            // dW = dZ^T V (for z = W v), dc = column sums, dV = dZ W.
            RowMatrix<T> dW = dZu.transpose() * cache.userInput;
            dW.noalias() += dZi.transpose() * cache.itemInput;
            const Vector<T> dc = columnSums(dZu) + columnSums(dZi);
            dP = dZu * W;
            dQ = dZi * W;
            for (Eigen::Index r = 0; r < d; ++r)
                ctx.grads.add(Block::FcWeight, std::uint32_t(r), d) = dW.row(r).transpose();
            ctx.grads.add(Block::FcBias, 0, d) = dc;
        }
        const RowMatrix<T>& dUser = m_fc ? dP : dX;
        const RowMatrix<T>& dItem = m_fc ? dQ : dY;
        for (Eigen::Index r = 0; r < dUser.rows(); ++r) {
            const std::size_t t = ctx.range.tupleBegin + std::size_t(r);
            ctx.grads.add(Block::Users, ctx.batch.users[t], d) = dUser.row(r).transpose();
            ctx.grads.add(Block::Items, ctx.batch.items[t], d) = dItem.row(r).transpose();
            if (m_deviation)
                ctx.grads.add(Block::Deviation, ctx.batch.items[t], d) = dItem.row(r).transpose();
        }
    }

    RowMatrix<T> userVectors(const Params<T>& p, const std::vector<std::uint32_t>& users) const override
    {
        RowMatrix<T> input(Eigen::Index(users.size()), p[Block::Users].cols()), pre, out;
        for (std::size_t r = 0; r < users.size(); ++r)
            input.row(Eigen::Index(r)) = p[Block::Users].row(users[r]);
        layer(p, input, pre, out);
        return out;
    }
    RowMatrix<T> itemVectors(const Params<T>& p) const override
    {
        const RowMatrix<T> input = m_deviation ? RowMatrix<T>(p[Block::Items] + p[Block::Deviation]) : p[Block::Items];
        RowMatrix<T> pre, out;
        layer(p, input, pre, out);
        return out;
    }

private:
    void layer(const Params<T>& p, const RowMatrix<T>& input, RowMatrix<T>& pre, RowMatrix<T>& out) const
    {
        if (!m_fc) {
            out = input;
            return;
        }
        pre.noalias() = input * p[Block::FcWeight].transpose();
        pre.rowwise() += p[Block::FcBias].row(0);
        activate(m_activation, pre, out);
    }
    RowMatrix<T> slope(const RowMatrix<T>& pre, const RowMatrix<T>& out) const
    {
        return activationSlope(m_activation, pre, out);
    }

    Activation m_activation;
    bool m_deviation, m_fc;
};

} // namespace

template <typename T> std::unique_ptr<CouplingComponent<T>> makeCoupling(Coupling coupling, const HyperParams& hp)
{
    const Activation activation = hp.activation;
    switch (coupling) {
    case Coupling::RnR:
        return std::make_unique<RnrCoupling<T>>(activation, true, true);
    case Coupling::DeviationOnly:
        return std::make_unique<RnrCoupling<T>>(activation, true, false);
    case Coupling::FcOnly:
        return std::make_unique<RnrCoupling<T>>(activation, false, true);
    case Coupling::MMoE:
        return makeExpertCoupling<T>(activation, hp.experts, 0, 1);
    case Coupling::PLE:
        return makeExpertCoupling<T>(activation, hp.experts, hp.taskExperts, hp.levels);
    case Coupling::CrossStitch:
        return makeCrossStitchCoupling<T>();
    case Coupling::Single:
    case Coupling::Vanilla:
    case Coupling::ESMM: // cascades have no rating component (model/detail/likehead.h)
    case Coupling::Pairwise:
        break;
    }
    return std::make_unique<SharedCoupling<T>>();
}

template std::unique_ptr<CouplingComponent<float>> makeCoupling<float>(Coupling, const HyperParams&);
template std::unique_ptr<CouplingComponent<double>> makeCoupling<double>(Coupling, const HyperParams&);

} // namespace rnr
