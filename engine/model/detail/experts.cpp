// Expert mixtures (docs/method.md, "Couplings"): MMoE (Ma et al., KDD 2018) and one CGC level of
// PLE (Tang et al., RecSys 2020). Experts e(v) = g(W_e v + c_e) map a shared vector v (p_u or
// q_i: users and items alike, tied as RnR's layer is); task t reads the mixture
//   x_t(v) = sum_j pi_tj(v) e_j(v),  pi_t(v) = softmax(G_t v + h_t),
// over the experts its gate covers: the shared ones (MMoE: all) and, for PLE, its own.
#include "core/detail/rng.h"
#include "model/detail/activation.h"
#include "model/detail/taskmap.h"

namespace rnr {

namespace {

template <typename T> class ExpertCoupling final : public TaskMapCoupling<T>
{
public:
    ExpertCoupling(Activation activation, std::uint32_t shared, std::uint32_t own)
        : m_activation(activation), m_shared(shared), m_own(own)
    {}

    void allocate(Params<T>& p, std::uint32_t, std::uint32_t, std::uint32_t dim) const override
    {
        p[Block::ExpertWeight] = RowMatrix<T>::Zero(Eigen::Index(experts()) * dim, dim);
        p[Block::ExpertBias] = RowMatrix<T>::Zero(experts(), dim);
        p[Block::GateWeight] = RowMatrix<T>::Zero(2 * Eigen::Index(gated()), dim);
        p[Block::GateBias] = RowMatrix<T>::Zero(2, gated());
    }
    void initialise(Params<T>& p, Rng& rng) const override
    {
        const Eigen::Index d = p[Block::ExpertWeight].cols();
        RowMatrix<T> w(d, d), gate(gated(), d);
        for (std::uint32_t e = 0; e < experts(); ++e) { // each expert as its own d x d layer
            xavier(w, rng);
            p[Block::ExpertWeight].middleRows(e * d, d) = w;
        }
        for (int t = 0; t < 2; ++t) {
            xavier(gate, rng);
            p[Block::GateWeight].middleRows(t * Eigen::Index(gated()), gated()) = gate;
        }
    }

    void mapForward(const Params<T>& p, Task task, Side side, const std::vector<std::uint32_t>& ids, MapCache<T>& cache,
                    RowMatrix<T>& out) const override
    {
        const RowMatrix<T>& source = p[side == Side::Users ? Block::Users : Block::Items];
        const auto n = Eigen::Index(ids.size());
        const Eigen::Index d = source.cols(), G = gated();
        cache.input.resize(n, d);
        for (Eigen::Index r = 0; r < n; ++r)
            cache.input.row(r) = source.row(ids[std::size_t(r)]);
        cache.pre.resize(std::size_t(G));
        cache.out.resize(std::size_t(G));
        for (Eigen::Index j = 0; j < G; ++j) {
            const Eigen::Index e = expert(task, j);
            RowMatrix<T>& pre = cache.pre[std::size_t(j)];
            pre.noalias() = cache.input * p[Block::ExpertWeight].middleRows(e * d, d).transpose();
            pre.rowwise() += p[Block::ExpertBias].row(e);
            activate(m_activation, pre, cache.out[std::size_t(j)]);
        }
        gates(p, task, cache.input, cache.gates);
        out = RowMatrix<T>::Zero(n, d);
        for (Eigen::Index j = 0; j < G; ++j)
            out.array() += cache.out[std::size_t(j)].array().colwise() * cache.gates.col(j).array();
    }

    void mapBackward(ChunkContext<T>& ctx, Task task, Side side, const std::vector<std::uint32_t>& ids,
                     const MapCache<T>& cache, const RowMatrix<T>& dOut) const override
    {
        const Params<T>& p = ctx.params;
        const Eigen::Index n = dOut.rows(), d = dOut.cols(), G = gated(), t = Eigen::Index(task);
        RowMatrix<T> dInput = RowMatrix<T>::Zero(n, d);
        RowMatrix<T> dGates(n, G);
        for (Eigen::Index j = 0; j < G; ++j) {
            const RowMatrix<T>& out = cache.out[std::size_t(j)];
            dGates.col(j) = dOut.cwiseProduct(out).rowwise().sum();
            // The expert: d out / d e_j = pi_j, then its layer.
            RowMatrix<T> dPre = dOut.array().colwise() * cache.gates.col(j).array();
            dPre = activationSlope(m_activation, cache.pre[std::size_t(j)], out).cwiseProduct(dPre);
            const Eigen::Index e = expert(task, j);
            const RowMatrix<T> dW = dPre.transpose() * cache.input;
            for (Eigen::Index r = 0; r < d; ++r)
                ctx.grads.add(Block::ExpertWeight, std::uint32_t(e * d + r), d) = dW.row(r).transpose();
            ctx.grads.add(Block::ExpertBias, std::uint32_t(e), d) = columnSums(dPre);
            dInput.noalias() += dPre * p[Block::ExpertWeight].middleRows(e * d, d);
        }
        // Softmax: d logit_k = pi_k (d pi_k - sum_j pi_j d pi_j).
        const Vector<T> inner = dGates.cwiseProduct(cache.gates).rowwise().sum();
        const RowMatrix<T> dLogits = cache.gates.cwiseProduct(dGates - inner.replicate(1, G));
        const RowMatrix<T> dGate = dLogits.transpose() * cache.input;
        for (Eigen::Index j = 0; j < G; ++j)
            ctx.grads.add(Block::GateWeight, std::uint32_t(t * G + j), d) = dGate.row(j).transpose();
        ctx.grads.add(Block::GateBias, std::uint32_t(t), G) = columnSums(dLogits);
        dInput.noalias() += dLogits * p[Block::GateWeight].middleRows(t * G, G);
        const Block shared = side == Side::Users ? Block::Users : Block::Items;
        for (Eigen::Index r = 0; r < n; ++r)
            ctx.grads.add(shared, ids[std::size_t(r)], d) = dInput.row(r).transpose();
    }

    std::vector<double> meanGates(const Params<T>& p, Task task, Side side) const override
    {
        const RowMatrix<T>& source = p[side == Side::Users ? Block::Users : Block::Items];
        std::vector<double> sums(experts(), 0.0);
        constexpr Eigen::Index kRows = 4096; // a block of rows at a time: no gate matrix of every row
        RowMatrix<T> weights;
        for (Eigen::Index begin = 0; begin < source.rows(); begin += kRows) {
            const Eigen::Index rows = std::min(kRows, source.rows() - begin);
            gates(p, task, source.middleRows(begin, rows), weights);
            for (Eigen::Index j = 0; j < weights.cols(); ++j)
                sums[std::size_t(expert(task, j))] += double(weights.col(j).template cast<double>().sum());
        }
        for (double& v : sums)
            v /= double(std::max<Eigen::Index>(source.rows(), 1));
        return sums;
    }

private:
    /// The task's gate on the input rows: a softmax over its experts, shifted by the row's largest logit.
    template <typename Input> void gates(const Params<T>& p, Task task, const Input& input, RowMatrix<T>& out) const
    {
        const Eigen::Index G = gated(), t = Eigen::Index(task);
        out.noalias() = input * p[Block::GateWeight].middleRows(t * G, G).transpose();
        out.rowwise() += p[Block::GateBias].row(t);
        for (Eigen::Index r = 0; r < out.rows(); ++r) {
            auto row = out.row(r);
            row = (row.array() - row.maxCoeff()).exp().matrix();
            row /= row.sum();
        }
    }

    std::uint32_t experts() const { return m_shared + 2 * m_own; }
    /// Experts one gate covers: the shared ones and the task's own.
    std::uint32_t gated() const { return m_shared + m_own; }
    /// The expert behind task t's j-th gate entry: shared experts first, then each task's own.
    Eigen::Index expert(Task task, Eigen::Index j) const
    {
        return j < Eigen::Index(m_shared) ? j : Eigen::Index(m_shared + std::uint32_t(task) * m_own) + (j - m_shared);
    }

    Activation m_activation;
    std::uint32_t m_shared, m_own;
};

} // namespace

template <typename T>
std::unique_ptr<CouplingComponent<T>> makeExpertCoupling(Activation activation, std::uint32_t shared,
                                                         std::uint32_t taskExperts)
{
    return std::make_unique<ExpertCoupling<T>>(activation, std::max<std::uint32_t>(shared, 1), taskExperts);
}

template std::unique_ptr<CouplingComponent<float>> makeExpertCoupling<float>(Activation, std::uint32_t, std::uint32_t);
template std::unique_ptr<CouplingComponent<double>> makeExpertCoupling<double>(Activation, std::uint32_t,
                                                                               std::uint32_t);

} // namespace rnr
