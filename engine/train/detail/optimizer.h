#pragma once

#include "model/hyperparams.h"
#include "model/params.h"

namespace rnr {

/// Per-row optimiser state for sparse updates: only the rows a batch touched move.
/// AdaGrad starts its accumulators at 0.1 (as TensorFlow, which the paper used); Adam is the
/// "lazy" variant (moments of untouched rows are not decayed) with global bias correction.
class OptimizerState
{
public:
    OptimizerState(Optimizer kind, double learningRate, const Params<float>& params);

    /// Call once per batch before the row updates (advances Adam's step count).
    void beginStep();
    /// Updates the given rows of a block in one pass: adds the L2 term decay * theta to each
    /// gradient row, steps, and zeroes the gradient row. Returns the sum of the squared norms of
    /// the rows before the step (the regularisation penalty is lambda times that).
    double updateRows(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta,
                      RowMatrix<float>& grads, float decay);

    /// The same step for rows whose gradients are contiguous: row k's sum at sums + k * cols
    /// (train/detail/rowsums.h); the sums are left as they are.
    double updateSums(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta, const float* sums,
                      float decay);

    Optimizer kind() const { return m_kind; }

private:
    template <typename GradientRow>
    double step(Block block, const std::vector<std::uint32_t>& rows, RowMatrix<float>& theta, float decay,
                const GradientRow& gradientRow, bool scattered);

    Optimizer m_kind;
    float m_rate;
    float m_adamRate = 0.0f; ///< learning rate with Adam's bias correction for the current step
    std::uint64_t m_step = 0;
    std::array<RowMatrix<float>, kBlockCount> m_first;  ///< AdaGrad accumulator / Adam first moment
    std::array<RowMatrix<float>, kBlockCount> m_second; ///< Adam second moment
};

} // namespace rnr
