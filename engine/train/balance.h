#pragma once

// Loss balancing that lives in the trainer (docs/method.md, "Loss balancing"): DWA's scheduled
// weights, GradNorm's learnt weights and PCGrad's projection. (Fixed weights and uncertainty
// weighting are part of the model's objective: model/model.h.)

#include "model/params.h"

#include <array>

namespace rnr {

/// The weights of the ranking and the rating loss in force.
struct TaskWeights
{
    double ranking = 1, rating = 0;
};

/// DWA (Liu et al., CVPR 2019, eq. 7) for an epoch, from each task's mean loss in the epoch before
/// (last) and the one before that: w_t proportional to exp((last_t / beforeLast_t) / temperature),
/// summing to 1 (the paper's sum to the number of tasks, divided by it: alpha + (1 - alpha) = 1).
TaskWeights dwaWeights(const std::array<double, 2>& last, const std::array<double, 2>& beforeLast, double temperature);

/// GradNorm (Chen et al., ICML 2018, Algorithm 1) for two tasks: weights w_t, summing to 1, learnt
/// so that each task's weighted gradient norm G_t = w_t |g_t| on the shared parameters approaches
/// mean(G) * r_t^a, where r_t is the task's loss ratio L_t / L_t(0) over the mean of those ratios.
class GradNorm
{
public:
    GradNorm(double asymmetry, double learningRate);

    TaskWeights weights() const { return {m_w[0], m_w[1]}; }
    /// One step from a batch: each task's own (unweighted) gradient norm on the shared parameters
    /// and mean loss. The first call fixes L_t(0). The gradient of sum_t |G_t - target_t| in w (the
    /// targets held constant, as the paper does) takes an Adam step of learningRate; the weights
    /// are then kept above 1e-3 and renormalised to sum 1.
    void update(const std::array<double, 2>& norms, const std::array<double, 2>& losses);
    /// The gradient the last update() stepped along (tests).
    const std::array<double, 2>& lastGradient() const { return m_gradient; }

private:
    double m_asymmetry, m_rate;
    std::array<double, 2> m_w{0.5, 0.5}, m_initial{0, 0}, m_gradient{0, 0}, m_first{0, 0}, m_second{0, 0};
    std::uint64_t m_step = 0;
};

/// The blocks both tasks may read: U, I, the experts of MMoE and PLE and two-level PLE's shared
/// gate (the task gates, the cross-stitch units and every other block belong to one task, or to
/// one task per row).
inline constexpr std::array<Block, 6> kSharedBlocks{
    Block::Users, Block::Items, Block::ExpertWeight, Block::ExpertBias, Block::SharedGateWeight, Block::SharedGateBias};

/// The two tasks' summed gradients over the shared blocks both moved.
struct SharedGeometry
{
    double dot = 0, a2 = 0, b2 = 0;
    std::array<bool, kBlockCount> shared{};
};
SharedGeometry sharedGeometry(const SummedGrads<float>& a, const SummedGrads<float>& b);

/// PCGrad (Yu et al., NeurIPS 2020) for two tasks with weights wa, wb: when the weighted gradients
/// A = wa a and B = wb b conflict on the shared blocks (A . B < 0), A' = A - (A.B / |B|^2) B and
/// B' = B - (A.B / |A|^2) A, and their sum is ca a + cb b: returned as (ca, cb). Without a
/// conflict (wa, wb).
std::array<double, 2> pcgradCoefficients(double wa, double wb, const SharedGeometry& geometry);

/// out = ca a + cb b on every block, (ca, cb) on the shared blocks and (wa, wb) elsewhere; for the
/// blocks listed, in parallel by the caller, one block per call. out's block must be zero and
/// untouched; a's and b's block are reset.
void combineBlock(SummedGrads<float>& out, SummedGrads<float>& a, SummedGrads<float>& b, int block, double ca,
                  double cb);

} // namespace rnr
