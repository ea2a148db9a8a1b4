#include "train/detail/optimizer.h"

#include "core/detail/prefetch.h"

#include <cmath>

namespace rnr {

namespace {
constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEpsilon = 1e-8f, kAdaGradStart = 0.1f;
constexpr std::size_t kPrefetchAhead = 4; ///< rows asked for ahead of the one updated
} // namespace

OptimizerState::OptimizerState(Optimizer kind, double learningRate, const Params<float>& params)
    : m_kind(kind), m_rate(static_cast<float>(learningRate))
{
    for (int b = 0; b < kBlockCount; ++b) {
        const auto rows = params.blocks[b].rows(), cols = params.blocks[b].cols();
        if (kind == Optimizer::AdaGrad)
            m_first[b] = RowMatrix<float>::Constant(rows, cols, kAdaGradStart);
        if (kind == Optimizer::Adam) {
            m_first[b] = RowMatrix<float>::Zero(rows, cols);
            m_second[b] = RowMatrix<float>::Zero(rows, cols);
        }
    }
}

void OptimizerState::beginStep()
{
    ++m_step;
    if (m_kind == Optimizer::Adam) {
        const double t = double(m_step);
        m_adamRate = static_cast<float>(m_rate * std::sqrt(1.0 - std::pow(double(kBeta2), t)) /
                                        (1.0 - std::pow(double(kBeta1), t)));
    }
}

double OptimizerState::updateRows(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta,
                                  RowMatrix<float>& grads, float decay)
{
    return step(
        block, rows, theta, decay, [&](std::size_t k) { return grads.row(rows[k]).data(); }, true);
}

double OptimizerState::updateSums(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta,
                                  const float* sums, float decay)
{
    const auto cols = static_cast<std::size_t>(theta.cols());
    // The sums are contiguous and were just written: no prefetch, no reset.
    return step(
        block, rows, theta, decay, [&](std::size_t k) { return const_cast<float*>(sums + k * cols); }, false);
}

template <typename GradientRow>
double OptimizerState::step(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta, float decay,
                            const GradientRow& gradientRow, bool scattered)
{
    // One fused pass per row (weight decay, moment updates, step, gradient reset): the rows are
    // scattered in memory, so every extra pass over them costs more than the arithmetic.
    const int b = static_cast<int>(block);
    const Eigen::Index cols = theta.cols();
    double squares = 0;
    const bool moments = m_kind != Optimizer::SGD, second = m_kind == Optimizer::Adam;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const std::uint32_t row = rows[k];
        if (k + kPrefetchAhead < rows.size()) { // rows are scattered: ask for a later one now
            const std::uint32_t next = rows[k + kPrefetchAhead];
            detail::prefetchFloats(theta.row(next).data(), cols, true);
            if (scattered)
                detail::prefetchFloats(gradientRow(k + kPrefetchAhead), cols, true);
            if (moments)
                detail::prefetchFloats(m_first[b].row(next).data(), cols, true);
            if (second)
                detail::prefetchFloats(m_second[b].row(next).data(), cols, true);
        }
        float* __restrict th = theta.row(row).data();
        float* __restrict g = gradientRow(k);
        // Eigen reduces in SIMD packets; a plain float sum would keep GCC from vectorising the loop.
        if (decay != 0.0f)
            squares += double(Eigen::Map<const Eigen::ArrayXf>(th, cols).square().sum());
        switch (m_kind) {
        case Optimizer::SGD:
            for (Eigen::Index c = 0; c < cols; ++c)
                th[c] -= m_rate * (g[c] + decay * th[c]);
            break;
        case Optimizer::AdaGrad: {
            float* __restrict acc = m_first[b].row(row).data();
            for (Eigen::Index c = 0; c < cols; ++c) {
                const float grad = g[c] + decay * th[c];
                acc[c] += grad * grad;
                th[c] -= m_rate * grad / std::sqrt(acc[c]);
            }
            break;
        }
        case Optimizer::Adam: {
            float* __restrict m = m_first[b].row(row).data();
            float* __restrict v = m_second[b].row(row).data();
            const float rate = m_adamRate;
            for (Eigen::Index c = 0; c < cols; ++c) {
                const float grad = g[c] + decay * th[c];
                m[c] = kBeta1 * m[c] + (1.0f - kBeta1) * grad;
                v[c] = kBeta2 * v[c] + (1.0f - kBeta2) * grad * grad;
                th[c] -= rate * m[c] / (std::sqrt(v[c]) + kEpsilon);
            }
            break;
        }
        }
        if (scattered)
            std::fill(g, g + cols, 0.0f);
    }
    return squares;
}

} // namespace rnr
