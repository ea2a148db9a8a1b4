// Expert mixtures (docs/method.md, "Couplings"): MMoE (Ma et al., KDD 2018) and PLE (Tang et al.,
// RecSys 2020) with one or two extraction levels. Experts e(v) = g(W_e v + c_e) map a shared vector
// v (p_u or q_i: users and items alike, tied as RnR's layer is); task t reads the mixture
//   x_t(v) = sum_j pi_tj(v) e_j(v),  pi_t(v) = softmax(G_t v + h_t),
// over the experts its gate covers: the shared ones (MMoE: all) and, for PLE, its own. With two
// levels, the first level also mixes every expert with a shared gate into h_s(v); the second
// level's shared experts read h_s, task t's own experts and its gate read t's first-level mixture.
#include "core/detail/rng.h"
#include "model/detail/activation.h"
#include "model/detail/taskmap.h"

namespace rnr {

namespace {

template <typename T> class ExpertCoupling final : public TaskMapCoupling<T>
{
public:
    ExpertCoupling(Activation activation, std::uint32_t shared, std::uint32_t own, std::uint32_t levels)
        : m_activation(activation), m_shared(shared), m_own(own), m_levels(levels)
    {}

    void allocate(Params<T>& p, std::uint32_t, std::uint32_t, std::uint32_t dim) const override
    {
        const Eigen::Index E = experts(), G = gated(), L = m_levels;
        p[Block::ExpertWeight] = RowMatrix<T>::Zero(L * E * dim, dim);
        p[Block::ExpertBias] = RowMatrix<T>::Zero(L * E, dim);
        p[Block::GateWeight] = RowMatrix<T>::Zero(L * 2 * G, dim);
        p[Block::GateBias] = RowMatrix<T>::Zero(L * 2, G);
        if (twoLevels()) {
            p[Block::SharedGateWeight] = RowMatrix<T>::Zero(E, dim);
            p[Block::SharedGateBias] = RowMatrix<T>::Zero(1, E);
        }
    }
    void initialise(Params<T>& p, Rng& rng) const override
    {
        const Eigen::Index d = p[Block::ExpertWeight].cols(), G = gated();
        RowMatrix<T> w(d, d), gate(G, d);
        for (Eigen::Index e = 0; e < p[Block::ExpertBias].rows(); ++e) { // each expert as its own d x d layer
            xavier(w, rng);
            p[Block::ExpertWeight].middleRows(e * d, d) = w;
        }
        for (Eigen::Index g = 0; g < p[Block::GateBias].rows(); ++g) {
            xavier(gate, rng);
            p[Block::GateWeight].middleRows(g * G, G) = gate;
        }
        if (twoLevels())
            xavier(p[Block::SharedGateWeight], rng);
    }

    void mapForward(const Params<T>& p, Task task, Side side, const std::vector<std::uint32_t>& ids, MapCache<T>& cache,
                    RowMatrix<T>& out) const override
    {
        const RowMatrix<T>& source = p[side == Side::Users ? Block::Users : Block::Items];
        const auto n = Eigen::Index(ids.size());
        const Eigen::Index d = source.cols(), E = experts(), G = gated();
        cache.input.resize(n, d);
        for (Eigen::Index r = 0; r < n; ++r)
            cache.input.row(r) = source.row(ids[std::size_t(r)]);
        if (twoLevels()) {
            cache.firstPre.resize(std::size_t(E));
            cache.firstOut.resize(std::size_t(E));
            for (Eigen::Index e = 0; e < E; ++e)
                layer(p, e, cache.input, cache.firstPre[std::size_t(e)], cache.firstOut[std::size_t(e)]);
            taskGate(p, 0, task, cache.input, cache.firstGates);
            mix(
                cache.firstOut, cache.firstGates, [&](Eigen::Index j) { return expert(task, j); }, cache.taskInput);
            softmax(cache.input, p[Block::SharedGateWeight], p[Block::SharedGateBias].row(0), cache.sharedGates);
            mix(
                cache.firstOut, cache.sharedGates, [](Eigen::Index e) { return e; }, cache.sharedInput);
        }
        const RowMatrix<T>& sharedIn = twoLevels() ? cache.sharedInput : cache.input;
        const RowMatrix<T>& taskIn = twoLevels() ? cache.taskInput : cache.input;
        const Eigen::Index last = m_levels - 1;
        cache.pre.resize(std::size_t(G));
        cache.out.resize(std::size_t(G));
        for (Eigen::Index j = 0; j < G; ++j)
            layer(p, last * E + expert(task, j), j < Eigen::Index(m_shared) ? sharedIn : taskIn,
                  cache.pre[std::size_t(j)], cache.out[std::size_t(j)]);
        taskGate(p, last, task, taskIn, cache.gates);
        mix(
            cache.out, cache.gates, [](Eigen::Index j) { return j; }, out);
    }

    void mapBackward(ChunkContext<T>& ctx, Task task, Side side, const std::vector<std::uint32_t>& ids,
                     const MapCache<T>& cache, const RowMatrix<T>& dOut) const override
    {
        const Eigen::Index n = dOut.rows(), d = dOut.cols(), E = experts(), G = gated(), t = Eigen::Index(task);
        const Eigen::Index last = m_levels - 1;
        // The last level's inputs and their gradients; with one level both are the input rows.
        const RowMatrix<T>& sharedIn = twoLevels() ? cache.sharedInput : cache.input;
        const RowMatrix<T>& taskIn = twoLevels() ? cache.taskInput : cache.input;
        RowMatrix<T> dSharedIn = RowMatrix<T>::Zero(n, d), dTask;
        if (twoLevels())
            dTask = RowMatrix<T>::Zero(n, d);
        RowMatrix<T>& dTaskIn = twoLevels() ? dTask : dSharedIn;
        RowMatrix<T> dGates(n, G);
        for (Eigen::Index j = 0; j < G; ++j) {
            dGates.col(j) = dOut.cwiseProduct(cache.out[std::size_t(j)]).rowwise().sum();
            // The expert: d out / d e_j = pi_j, then its layer.
            const bool isShared = j < Eigen::Index(m_shared);
            layerBackward(ctx, last * E + expert(task, j), isShared ? sharedIn : taskIn, cache.pre[std::size_t(j)],
                          cache.out[std::size_t(j)], dOut.array().colwise() * cache.gates.col(j).array(),
                          isShared ? dSharedIn : dTaskIn);
        }
        softmaxBackward(ctx, Block::GateWeight, Block::GateBias, 2 * last + t, taskIn, cache.gates, dGates, dTaskIn);
        if (twoLevels()) { // the first level: the task's mixture feeds dTask, the shared one dSharedIn
            RowMatrix<T> dInput = RowMatrix<T>::Zero(n, d), dFirstGates(n, G), dSharedGates(n, E);
            for (Eigen::Index e = 0; e < E; ++e) {
                const RowMatrix<T>& out = cache.firstOut[std::size_t(e)];
                dSharedGates.col(e) = dSharedIn.cwiseProduct(out).rowwise().sum();
                RowMatrix<T> dExpert = dSharedIn.array().colwise() * cache.sharedGates.col(e).array();
                if (const Eigen::Index j = gateEntry(task, e); j >= 0) {
                    dFirstGates.col(j) = dTask.cwiseProduct(out).rowwise().sum();
                    dExpert.array() += dTask.array().colwise() * cache.firstGates.col(j).array();
                }
                layerBackward(ctx, e, cache.input, cache.firstPre[std::size_t(e)], out, dExpert, dInput);
            }
            softmaxBackward(ctx, Block::GateWeight, Block::GateBias, t, cache.input, cache.firstGates, dFirstGates,
                            dInput);
            softmaxBackward(ctx, Block::SharedGateWeight, Block::SharedGateBias, 0, cache.input, cache.sharedGates,
                            dSharedGates, dInput);
            scatter(ctx, side, ids, dInput);
        } else {
            scatter(ctx, side, ids, dSharedIn);
        }
    }

    std::vector<double> meanGates(const Params<T>& p, Task task, Side side) const override
    {
        const RowMatrix<T>& source = p[side == Side::Users ? Block::Users : Block::Items];
        std::vector<double> sums(experts(), 0.0);
        constexpr Eigen::Index kRows = 4096; // a block of rows at a time: no gate matrix of every row
        RowMatrix<T> weights, mapped;
        MapCache<T> cache;
        std::vector<std::uint32_t> ids;
        for (Eigen::Index begin = 0; begin < source.rows(); begin += kRows) {
            const Eigen::Index rows = std::min(kRows, source.rows() - begin);
            if (twoLevels()) { // the last gate reads the first level's mixture
                ids.resize(std::size_t(rows));
                for (Eigen::Index r = 0; r < rows; ++r)
                    ids[std::size_t(r)] = std::uint32_t(begin + r);
                mapForward(p, task, side, ids, cache, mapped);
                weights = cache.gates;
            } else {
                taskGate(p, 0, task, source.middleRows(begin, rows), weights);
            }
            for (Eigen::Index j = 0; j < weights.cols(); ++j)
                sums[std::size_t(expert(task, j))] += double(weights.col(j).template cast<double>().sum());
        }
        for (double& v : sums)
            v /= double(std::max<Eigen::Index>(source.rows(), 1));
        return sums;
    }

private:
    /// Expert `e` (counted over every level) on the input rows: pre = input W_e^T + c_e, out = g(pre).
    void layer(const Params<T>& p, Eigen::Index e, const RowMatrix<T>& input, RowMatrix<T>& pre,
               RowMatrix<T>& out) const
    {
        const Eigen::Index d = input.cols();
        pre.noalias() = input * p[Block::ExpertWeight].middleRows(e * d, d).transpose();
        pre.rowwise() += p[Block::ExpertBias].row(e);
        activate(m_activation, pre, out);
    }
    /// Appends expert e's gradients for d out = dOut and adds d input to dInput.
    void layerBackward(ChunkContext<T>& ctx, Eigen::Index e, const RowMatrix<T>& input, const RowMatrix<T>& pre,
                       const RowMatrix<T>& out, const RowMatrix<T>& dOut, RowMatrix<T>& dInput) const
    {
        const Eigen::Index d = input.cols();
        const RowMatrix<T> dPre = activationSlope(m_activation, pre, out).cwiseProduct(dOut);
        const RowMatrix<T> dW = dPre.transpose() * input;
        for (Eigen::Index r = 0; r < d; ++r)
            ctx.grads.add(Block::ExpertWeight, std::uint32_t(e * d + r), d) = dW.row(r).transpose();
        ctx.grads.add(Block::ExpertBias, std::uint32_t(e), d) = columnSums(dPre);
        dInput.noalias() += dPre * ctx.params[Block::ExpertWeight].middleRows(e * d, d);
    }

    /// Task t's gate of a level on its input rows.
    template <typename Input>
    void taskGate(const Params<T>& p, Eigen::Index level, Task task, const Input& input, RowMatrix<T>& out) const
    {
        const Eigen::Index G = gated(), g = 2 * level + Eigen::Index(task);
        softmax(input, p[Block::GateWeight].middleRows(g * G, G), p[Block::GateBias].row(g), out);
    }
    /// softmax(input W^T + b) per row, shifted by the row's largest logit.
    template <typename Input, typename Weights, typename Bias>
    static void softmax(const Input& input, const Weights& weights, const Bias& bias, RowMatrix<T>& out)
    {
        out.noalias() = input * weights.transpose();
        out.rowwise() += bias;
        for (Eigen::Index r = 0; r < out.rows(); ++r) {
            auto row = out.row(r);
            row = (row.array() - row.maxCoeff()).exp().matrix();
            row /= row.sum();
        }
    }
    /// The gradients of a softmax gate (weights rows gate * K.., bias row gate, K = its entries)
    /// for d weights = dGates; adds d input to dInput. d logit_k = pi_k (d pi_k - sum_j pi_j d pi_j).
    static void softmaxBackward(ChunkContext<T>& ctx, Block weightBlock, Block biasBlock, Eigen::Index gate,
                                const RowMatrix<T>& input, const RowMatrix<T>& gates, const RowMatrix<T>& dGates,
                                RowMatrix<T>& dInput)
    {
        const Eigen::Index K = gates.cols(), d = input.cols();
        const Vector<T> inner = dGates.cwiseProduct(gates).rowwise().sum();
        const RowMatrix<T> dLogits = gates.cwiseProduct(dGates - inner.replicate(1, K));
        const RowMatrix<T> dWeights = dLogits.transpose() * input;
        for (Eigen::Index j = 0; j < K; ++j)
            ctx.grads.add(weightBlock, std::uint32_t(gate * K + j), d) = dWeights.row(j).transpose();
        ctx.grads.add(biasBlock, std::uint32_t(gate), K) = columnSums(dLogits);
        dInput.noalias() += dLogits * ctx.params[weightBlock].middleRows(gate * K, K);
    }
    /// out = sum_j gates(:, j) .* outputs[which(j)].
    template <typename Which>
    static void mix(const std::vector<RowMatrix<T>>& outputs, const RowMatrix<T>& gates, Which which, RowMatrix<T>& out)
    {
        out = RowMatrix<T>::Zero(gates.rows(), outputs.front().cols());
        for (Eigen::Index j = 0; j < gates.cols(); ++j)
            out.array() += outputs[std::size_t(which(j))].array().colwise() * gates.col(j).array();
    }
    /// Adds the input rows' gradients to the shared block.
    static void scatter(ChunkContext<T>& ctx, Side side, const std::vector<std::uint32_t>& ids,
                        const RowMatrix<T>& dInput)
    {
        const Block shared = side == Side::Users ? Block::Users : Block::Items;
        for (Eigen::Index r = 0; r < dInput.rows(); ++r)
            ctx.grads.add(shared, ids[std::size_t(r)], dInput.cols()) = dInput.row(r).transpose();
    }

    bool twoLevels() const { return m_levels > 1; }
    /// Experts per level.
    std::uint32_t experts() const { return m_shared + 2 * m_own; }
    /// Experts one task gate covers: the shared ones and the task's own.
    std::uint32_t gated() const { return m_shared + m_own; }
    /// The expert (within its level) behind task t's j-th gate entry: shared experts first, then each task's own.
    Eigen::Index expert(Task task, Eigen::Index j) const
    {
        return j < Eigen::Index(m_shared) ? j : Eigen::Index(m_shared + std::uint32_t(task) * m_own) + (j - m_shared);
    }
    /// The inverse: expert e's entry in task t's gate, or -1 (another task's own expert).
    Eigen::Index gateEntry(Task task, Eigen::Index e) const
    {
        if (e < Eigen::Index(m_shared))
            return e;
        const Eigen::Index first = Eigen::Index(m_shared + std::uint32_t(task) * m_own);
        return e >= first && e < first + Eigen::Index(m_own) ? Eigen::Index(m_shared) + (e - first) : -1;
    }

    Activation m_activation;
    std::uint32_t m_shared, m_own, m_levels;
};

} // namespace

template <typename T>
std::unique_ptr<CouplingComponent<T>> makeExpertCoupling(Activation activation, std::uint32_t shared,
                                                         std::uint32_t taskExperts, std::uint32_t levels)
{
    return std::make_unique<ExpertCoupling<T>>(activation, std::max<std::uint32_t>(shared, 1), taskExperts,
                                               std::clamp<std::uint32_t>(levels, 1, 2));
}

template std::unique_ptr<CouplingComponent<float>> makeExpertCoupling<float>(Activation, std::uint32_t, std::uint32_t,
                                                                             std::uint32_t);
template std::unique_ptr<CouplingComponent<double>> makeExpertCoupling<double>(Activation, std::uint32_t, std::uint32_t,
                                                                               std::uint32_t);

} // namespace rnr
