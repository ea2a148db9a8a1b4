#include "train/roofline.h"

#include "core/detail/parallel.h"
#include "core/detail/rng.h"
#include "model/params.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace rnr {

namespace {

using Clock = std::chrono::steady_clock;

/// Runs body(thread) on each of `threads` threads at once and returns the best wall time over
/// `repeats` runs.
template <typename F> double bestParallelSeconds(unsigned threads, int repeats, const F& body)
{
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        parallelFor(threads, threads, [&](std::size_t t) { body(t); });
        best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    return best;
}

} // namespace

MachineRates measureMachine(unsigned threads, std::size_t dim, int repeats)
{
    threads = std::max(1u, threads);
    MachineRates rates;
    const auto d = Eigen::Index(dim);
    {
        const Eigen::Index n = 1024;
        std::vector<RowMatrix<float>> a(threads, RowMatrix<float>::Random(n, n)), c(threads);
        const double seconds =
            bestParallelSeconds(threads, repeats, [&](std::size_t t) { c[t].noalias() = a[t] * a[t]; });
        rates.gemmFlops = double(threads) * 2.0 * double(n * n * n) / seconds;
    }
    {
        constexpr int kCalls = 2000;
        std::vector<RowMatrix<float>> v(threads, RowMatrix<float>::Random(64, d)),
            w(threads, RowMatrix<float>::Random(d, d)), z(threads);
        const double seconds = bestParallelSeconds(threads, repeats, [&](std::size_t t) {
            for (int k = 0; k < kCalls; ++k)
                z[t].noalias() = v[t] * w[t].transpose();
        });
        rates.smallGemmFlops = double(threads) * kCalls * 2.0 * 64.0 * double(d * d) / seconds;
    }
    {
        const Eigen::Index n = Eigen::Index(64) << 20 >> 2; // 64 MiB of floats per array, split over threads
        Eigen::ArrayXf a = Eigen::ArrayXf::Zero(n), b = Eigen::ArrayXf::Constant(n, 1.0f),
                       c = Eigen::ArrayXf::Constant(n, 2.0f);
        const Eigen::Index part = n / Eigen::Index(threads);
        const double seconds = bestParallelSeconds(threads, repeats, [&](std::size_t t) {
            const Eigen::Index begin = Eigen::Index(t) * part;
            a.segment(begin, part) = b.segment(begin, part) + 3.0f * c.segment(begin, part);
        });
        rates.streamBytes = 3.0 * 4.0 * double(part) * double(threads) / seconds;
    }
    {
        // Tables the size of ML-1M's embeddings (about 10,000 rows per thread), rows read, changed
        // and written back in random order: what the sparse optimiser and the gradient sums do.
        const Eigen::Index rows = 10000;
        constexpr int kTouches = 200000;
        std::vector<RowMatrix<float>> tables(threads, RowMatrix<float>::Constant(rows, d, 1.0f));
        std::vector<std::vector<std::uint32_t>> order(threads);
        for (unsigned t = 0; t < threads; ++t) {
            Rng rng(17 + t);
            for (int k = 0; k < kTouches; ++k)
                order[t].push_back(std::uint32_t(rng.below(std::uint64_t(rows))));
        }
        const double seconds = bestParallelSeconds(threads, repeats, [&](std::size_t t) {
            for (const std::uint32_t row : order[t])
                tables[t].row(row) = tables[t].row(row) * 0.999f + Eigen::RowVectorXf::Constant(d, 0.001f);
        });
        rates.rowBytes = double(threads) * kTouches * 2.0 * 4.0 * double(d) / seconds;
    }
    return rates;
}

EpochCost epochCost(const ModelSpec& spec, const HyperParams& hp, std::size_t tuples)
{
    // Per training tuple (README, "Performance: the roofline"). d-float rows touched by the ranking
    // model: the user's, the item's and its negatives' (CDAE: also its input node and, amortised over
    // the user's items, one input row). Every touched row is read (4d bytes), gets a gradient row
    // written and read (8d), summed per row into a contiguous buffer (8d) and stepped by the
    // optimiser (theta and the two Adam moments read and written, the sum read: 28d): 48d bytes. A
    // second task's gradient on the same row adds 16d.
    const double d = double(hp.dim);
    double rows = 0, flops = 0, secondGradients = 0;
    switch (spec.ranker) {
    case Ranker::BPR:
        rows = 2.0 + hp.bprNegatives;
        flops = 10.0 * d * hp.bprNegatives; // score, three gradient rows
        break;
    case Ranker::WRMF:
        rows = 2.0 + hp.wrmfNegatives;
        flops = 8.0 * d * (1.0 + hp.wrmfNegatives);
        break;
    case Ranker::CDAE:
        rows = 4.0 + hp.cdaeNegatives;
        flops = 8.0 * d * (1.0 + hp.cdaeNegatives) + 8.0 * d; // decoder per output, encoder share
        break;
    case Ranker::Popularity:
    case Ranker::None:
        break;
    }
    const bool rating = spec.rater != Rater::None;
    if (rating) {
        if (spec.ranker == Ranker::None)
            rows += 2.0; // a rating model alone has its own user and item rows
        else
            secondGradients += 2.0; // the rating task's gradient on the shared user and item rows
        flops += 8.0 * d;           // SVD: dot product, two gradient rows
    }
    switch (spec.coupling) {
    case Coupling::RnR:
    case Coupling::FcOnly:
        // The tied layer on both sides: forward 2 x 2d^2, weight gradient 2 x 2d^2, input gradient
        // 2 x 2d^2, activations and their slopes.
        flops += 12.0 * d * d + 12.0 * d;
        if (spec.coupling == Coupling::RnR)
            rows += 1.0; // the deviation row
        break;
    case Coupling::DeviationOnly:
        rows += 1.0;
        break;
    case Coupling::MMoE:
    case Coupling::PLE:
        flops += 12.0 * d * d * double(hp.experts + (spec.coupling == Coupling::PLE ? 2 * hp.taskExperts : 0));
        break;
    case Coupling::CrossStitch:
        rows += 2.0; // the task-specific user and item rows
        flops += 8.0 * d;
        break;
    case Coupling::ESMM:
    case Coupling::Pairwise:
        // The like tower g(W_L v + c_L), forward and both gradients (6d^2 per vector), on the
        // tuple's user, its item and its sampled unrated items.
        flops += 6.0 * d * d * (2.0 + hp.likeNegatives) + 8.0 * d;
        rows += hp.likeNegatives;
        secondGradients += 2.0;
        break;
    case Coupling::Single:
    case Coupling::Vanilla:
        break;
    }
    flops += 12.0 * d * rows; // the optimiser's step per value (moments, square root, division)
    EpochCost cost;
    cost.flops = double(tuples) * flops;
    cost.bytes = double(tuples) * (48.0 * d * rows + 16.0 * d * secondGradients);
    return cost;
}

double floorSeconds(const EpochCost& cost, const MachineRates& rates)
{
    if (rates.smallGemmFlops <= 0 || rates.rowBytes <= 0)
        return 0.0;
    return std::max(cost.flops / rates.smallGemmFlops, cost.bytes / rates.rowBytes);
}

} // namespace rnr
