#include "optimizer.h"

#include <cmath>

namespace rnr {

namespace {
constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEpsilon = 1e-8f, kAdaGradStart = 0.1f;
}

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

void OptimizerState::updateRows(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta,
                                const RowMatrix<float>& grads)
{
    const Eigen::Index cols = theta.cols();
    if (cols != 1) {
        for (const std::uint32_t row : rows)
            updateRow(block, row, theta.row(row).data(), grads.row(row).data(), cols);
        return;
    }
    // Bias vectors: one scalar per row, a tight loop without per-row set-up.
    const int b = static_cast<int>(block);
    float* th = theta.data();
    const float* g = grads.data();
    switch (m_kind) {
    case Optimizer::SGD:
        for (const std::uint32_t r : rows)
            th[r] -= m_rate * g[r];
        break;
    case Optimizer::AdaGrad: {
        float* acc = m_first[b].data();
        for (const std::uint32_t r : rows) {
            acc[r] += g[r] * g[r];
            th[r] -= m_rate * g[r] / std::sqrt(acc[r]);
        }
        break;
    }
    case Optimizer::Adam: {
        float* m = m_first[b].data();
        float* v = m_second[b].data();
        for (const std::uint32_t r : rows) {
            m[r] = kBeta1 * m[r] + (1.0f - kBeta1) * g[r];
            v[r] = kBeta2 * v[r] + (1.0f - kBeta2) * g[r] * g[r];
            th[r] -= m_adamRate * m[r] / (std::sqrt(v[r]) + kEpsilon);
        }
        break;
    }
    }
}

void OptimizerState::updateRow(Block block, std::uint32_t row, float* theta, const float* grad, Eigen::Index cols)
{
    // Eigen array expressions: vectorised square roots and divisions.
    const int b = static_cast<int>(block);
    Eigen::Map<Eigen::ArrayXf> th(theta, cols);
    const Eigen::Map<const Eigen::ArrayXf> g(grad, cols);
    switch (m_kind) {
    case Optimizer::SGD:
        th -= m_rate * g;
        break;
    case Optimizer::AdaGrad: {
        Eigen::Map<Eigen::ArrayXf> acc(m_first[b].row(row).data(), cols);
        acc += g.square();
        th -= m_rate * g / acc.sqrt();
        break;
    }
    case Optimizer::Adam: {
        Eigen::Map<Eigen::ArrayXf> m(m_first[b].row(row).data(), cols);
        Eigen::Map<Eigen::ArrayXf> v(m_second[b].row(row).data(), cols);
        m = kBeta1 * m + (1.0f - kBeta1) * g;
        v = kBeta2 * v + (1.0f - kBeta2) * g.square();
        th -= m_adamRate * m / (v.sqrt() + kEpsilon);
        break;
    }
    }
}

} // namespace rnr
