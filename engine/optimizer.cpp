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

double OptimizerState::updateRows(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta,
                                  RowMatrix<float>& grads, float decay)
{
    const Eigen::Index cols = theta.cols();
    double squares = 0;
    for (const std::uint32_t row : rows) {
        float* th = theta.row(row).data();
        float* g = grads.row(row).data();
        Eigen::Map<Eigen::ArrayXf> thetaRow(th, cols), gradRow(g, cols);
        if (decay != 0.0f) {
            squares += double(thetaRow.square().sum());
            gradRow += decay * thetaRow;
        }
        updateRow(block, row, th, g, cols);
        gradRow.setZero();
    }
    return squares;
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
