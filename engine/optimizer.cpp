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

void OptimizerState::updateRow(Block block, std::uint32_t row, float* theta, const float* grad, Eigen::Index cols)
{
    const int b = static_cast<int>(block);
    switch (m_kind) {
    case Optimizer::SGD:
        for (Eigen::Index c = 0; c < cols; ++c)
            theta[c] -= m_rate * grad[c];
        break;
    case Optimizer::AdaGrad: {
        float* acc = m_first[b].row(row).data();
        for (Eigen::Index c = 0; c < cols; ++c) {
            acc[c] += grad[c] * grad[c];
            theta[c] -= m_rate * grad[c] / std::sqrt(acc[c]);
        }
        break;
    }
    case Optimizer::Adam: {
        float* m = m_first[b].row(row).data();
        float* v = m_second[b].row(row).data();
        for (Eigen::Index c = 0; c < cols; ++c) {
            m[c] = kBeta1 * m[c] + (1.0f - kBeta1) * grad[c];
            v[c] = kBeta2 * v[c] + (1.0f - kBeta2) * grad[c] * grad[c];
            theta[c] -= m_adamRate * m[c] / (std::sqrt(v[c]) + kEpsilon);
        }
        break;
    }
    }
}

} // namespace rnr
