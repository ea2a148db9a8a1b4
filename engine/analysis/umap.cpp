#include "analysis/umap.h"

#include "analysis/projection.h"
#include "core/detail/parallel.h"
#include "core/detail/rng.h"
#include "core/errors.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace rnr {

namespace {

// docs/projections.md, "UMAP".
constexpr int kBisectionSteps = 64;
constexpr double kSumTolerance = 1e-5;
constexpr double kMinSigmaScale = 1e-3; // sigma >= this times the row's mean neighbour distance
constexpr double kRepulsionEpsilon = 1e-3;
constexpr double kClip = 4.0;       // largest step per coordinate and update
constexpr double kInitRange = 10.0; // the initial layout spans [-10, 10]
constexpr double kInitNoise = 1e-4; // standard deviation of the noise added to the PCA start
constexpr std::size_t kVertexBlock = 256;
constexpr double kGraphShare = 0.3; // share of the reported work before the first epoch

/// Memberships of one row's neighbours (docs/projections.md, "UMAP", step 1).
void membershipRow(const float* distance, Eigen::Index k, double* w)
{
    double rho = 0.0, mean = 0.0;
    for (Eigen::Index j = 0; j < k; ++j) {
        mean += distance[j];
        if (rho == 0.0 && distance[j] > 0.0f)
            rho = distance[j]; // distances ascend: the first positive one is the smallest
    }
    mean /= double(k);
    const double target = std::log2(double(k));
    auto sum = [&](double sigma) {
        double s = 0.0;
        for (Eigen::Index j = 0; j < k; ++j)
            s += std::exp(-std::max(0.0, double(distance[j]) - rho) / sigma);
        return s;
    };
    double sigma = 1.0, low = 0.0, high = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kBisectionSteps; ++step) {
        const double s = sum(sigma);
        if (std::abs(s - target) < kSumTolerance)
            break;
        if (s > target) {
            high = sigma;
            sigma = (low + high) / 2.0;
        } else {
            low = sigma;
            sigma = std::isinf(high) ? sigma * 2.0 : (low + high) / 2.0;
        }
    }
    // The sum cannot fall to log2(k) when that many neighbours sit at distance rho (duplicates,
    // k = 1): sigma then rests at its floor, and without any positive distance sigma is moot.
    sigma = mean > 0.0 ? std::max(sigma, kMinSigmaScale * mean) : 1.0;
    for (Eigen::Index j = 0; j < k; ++j)
        w[j] = std::exp(-std::max(0.0, double(distance[j]) - rho) / sigma);
}

/// The starting layout (docs/projections.md, "UMAP", step 3).
RowMatrix<double> initialLayout(const RowMatrix<float>& rows, Rng& rng)
{
    const Eigen::Index n = rows.rows();
    RowMatrix<double> y = RowMatrix<double>::Zero(n, 2);
    if (rows.cols() >= 2)
        y = pca2(rows).points.cast<double>();
    else if (rows.cols() == 1)
        y.col(0) = rows.col(0).cast<double>().array() - rows.col(0).cast<double>().mean();
    const double largest = n > 0 ? y.cwiseAbs().maxCoeff() : 0.0;
    if (largest > 0.0 && std::isfinite(largest)) {
        y *= kInitRange / largest;
        for (Eigen::Index i = 0; i < n; ++i)
            for (int c = 0; c < 2; ++c)
                y(i, c) += kInitNoise * rng.normal();
    } else {
        for (Eigen::Index i = 0; i < n; ++i)
            for (int c = 0; c < 2; ++c)
                y(i, c) = kInitRange * (2.0 * rng.uniform() - 1.0);
    }
    return y;
}

double clip(double v)
{
    return std::clamp(v, -kClip, kClip);
}

/// d2^b in single precision: the SGD spends most of its time here, powf is twice as fast as pow,
/// and 1e-7 relative error is far below what the sampled gradient resolves.
double powerOf(double d2, double b)
{
    return double(std::pow(static_cast<float>(d2), static_cast<float>(b)));
}

} // namespace

UmapCurve fitUmapCurve(double minDist, double spread)
{
    if (!(minDist >= 0.0) || !(spread > 0.0) || !std::isfinite(minDist) || !std::isfinite(spread))
        throw UsageError("UMAP: min_dist must be >= 0 and spread > 0");
    constexpr int points = 300;
    Eigen::VectorXd x(points), target(points);
    for (int s = 0; s < points; ++s) {
        x[s] = 3.0 * spread * double(s) / double(points - 1);
        target[s] = x[s] < minDist ? 1.0 : std::exp(-(x[s] - minDist) / spread);
    }
    // Residuals and Jacobian of m(x) = 1 / (1 + a x^2b) - target.
    auto evaluate = [&](double a, double b, Eigen::VectorXd& r, Eigen::MatrixXd* jacobian) {
        for (int s = 0; s < points; ++s) {
            const double power = x[s] > 0.0 ? std::pow(x[s], 2.0 * b) : 0.0;
            const double denominator = 1.0 + a * power;
            r[s] = 1.0 / denominator - target[s];
            if (jacobian) {
                const double common = -1.0 / (denominator * denominator);
                (*jacobian)(s, 0) = common * power;
                (*jacobian)(s, 1) = x[s] > 0.0 ? common * a * power * 2.0 * std::log(x[s]) : 0.0;
            }
        }
        return r.squaredNorm();
    };
    double a = 1.0, b = 1.0, lambda = 1e-3;
    Eigen::VectorXd r(points), trial(points);
    Eigen::MatrixXd jacobian(points, 2);
    double cost = evaluate(a, b, r, &jacobian);
    for (int step = 0; step < 500; ++step) {
        const Eigen::Matrix2d jtj = jacobian.transpose() * jacobian;
        const Eigen::Vector2d jtr = jacobian.transpose() * r;
        Eigen::Matrix2d damped = jtj;
        damped.diagonal() += lambda * jtj.diagonal().cwiseMax(1e-12);
        const Eigen::Vector2d delta = damped.ldlt().solve(-jtr);
        const double na = a + delta[0], nb = b + delta[1];
        const double newCost =
            na > 0.0 && nb > 0.0 ? evaluate(na, nb, trial, nullptr) : std::numeric_limits<double>::infinity();
        if (newCost < cost) {
            const bool converged =
                cost - newCost <= 1e-15 * cost || delta.norm() <= 1e-12 * (std::abs(a) + std::abs(b));
            a = na;
            b = nb;
            cost = evaluate(a, b, r, &jacobian);
            lambda = std::max(lambda / 10.0, 1e-12);
            if (converged)
                break;
        } else {
            lambda *= 10.0;
            if (lambda > 1e12)
                break;
        }
    }
    return {a, b};
}

SparseGraph umapGraph(const RowMatrix<float>& rows, int neighbours, unsigned threads,
                      const std::function<bool(double)>& progress)
{
    const Eigen::Index n = rows.rows();
    const Neighbours near = nearestNeighbours(rows, std::max(1, neighbours), threads, progress);
    if (near.k() == 0)
        return SparseGraph{std::vector<std::size_t>(static_cast<std::size_t>(n) + 1, 0), {}, {}};
    RowMatrix<double> memberships(n, near.k());
    parallelFor(threads, static_cast<std::size_t>(n), [&](std::size_t i) {
        const auto row = static_cast<Eigen::Index>(i);
        membershipRow(near.distance.row(row).data(), near.k(), memberships.row(row).data());
    });
    return symmetricGraph(near, memberships, Symmetrise::FuzzyUnion, threads);
}

RowMatrix<float> umap(const RowMatrix<float>& rows, const UmapOptions& options)
{
    const Eigen::Index n = rows.rows();
    if (options.neighbours < 1 || options.negativeSamples < 0 || !(options.learningRate > 0.0))
        throw UsageError("UMAP: neighbours must be >= 1, negative samples >= 0, the learning rate > 0");
    options.report(0.0);
    if (!rows.allFinite())
        throw UsageError("UMAP: the rows hold a non-finite value");
    const UmapCurve curve = fitUmapCurve(options.minDist, options.spread);
    if (n < 2) {
        options.report(1.0);
        return RowMatrix<float>::Zero(n, 2);
    }
    const auto graphProgress = [&](double f) { return !options.progress || options.progress(kGraphShare * f); };
    const SparseGraph graph = umapGraph(rows, options.neighbours, options.threads, graphProgress);
    const int epochs = options.epochs > 0 ? options.epochs : (n > 10000 ? 200 : 500);

    // Edge schedule (docs/projections.md, "UMAP", step 4): an edge of weight w is sampled every
    // max_w / w epochs; edges that would come up less than once in all epochs are dropped.
    double maxWeight = 0.0;
    for (double w : graph.weight)
        maxWeight = std::max(maxWeight, w);
    std::vector<std::size_t> start(static_cast<std::size_t>(n) + 1, 0);
    std::vector<std::uint32_t> column;
    std::vector<double> every, next;
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
        for (std::size_t e = graph.start[i]; e < graph.start[i + 1]; ++e) {
            const double period = maxWeight / graph.weight[e];
            if (period > double(epochs))
                continue;
            column.push_back(graph.column[e]);
            every.push_back(period);
            next.push_back(period);
        }
        start[i + 1] = column.size();
    }

    Rng rng(options.seed);
    RowMatrix<double> y = initialLayout(rows, rng);
    RowMatrix<double> moved(n, 2);
    const std::uint64_t streamBase = rng.next();
    const double a = curve.a, b = curve.b;
    const auto count = static_cast<std::uint64_t>(n);
    const std::size_t blocks = (static_cast<std::size_t>(n) + kVertexBlock - 1) / kVertexBlock;

    for (int epoch = 1; epoch <= epochs; ++epoch) {
        options.report(kGraphShare + (1.0 - kGraphShare) * double(epoch - 1) / double(epochs));
        const double alpha = options.learningRate * (1.0 - double(epoch - 1) / double(epochs));
        // Each point moves on its own, against the positions y held at the start of the epoch;
        // its negative samples come from its own stream for (seed, epoch, point)
        // (docs/projections.md, "Determinism").
        parallelFor(options.threads, blocks, [&](std::size_t block) {
            const std::size_t end = std::min(static_cast<std::size_t>(n), (block + 1) * kVertexBlock);
            for (std::size_t i = block * kVertexBlock; i < end; ++i) {
                Rng stream(streamBase ^ ((static_cast<std::uint64_t>(epoch) << 32) | i));
                double px = y(static_cast<Eigen::Index>(i), 0), py = y(static_cast<Eigen::Index>(i), 1);
                for (std::size_t e = start[i]; e < start[i + 1]; ++e) {
                    if (next[e] > double(epoch))
                        continue;
                    next[e] += every[e];
                    const std::uint32_t j = column[e];
                    double dx = px - y(j, 0), dy = py - y(j, 1);
                    double d2 = dx * dx + dy * dy;
                    if (d2 > 0.0) {
                        // d/dy_i of log(1 / (1 + a d^2b)).
                        const double power = powerOf(d2, b);
                        const double coefficient = -2.0 * a * b * power / d2 / (1.0 + a * power);
                        px += alpha * clip(coefficient * dx);
                        py += alpha * clip(coefficient * dy);
                    }
                    for (int s = 0; s < options.negativeSamples; ++s) {
                        const auto c = static_cast<Eigen::Index>(stream.below(count));
                        if (c == static_cast<Eigen::Index>(i))
                            continue;
                        dx = px - y(c, 0);
                        dy = py - y(c, 1);
                        d2 = dx * dx + dy * dy;
                        if (!(d2 > 0.0))
                            continue;
                        // d/dy_i of log(1 - 1 / (1 + a d^2b)), with eps against d = 0.
                        const double coefficient = 2.0 * b / ((kRepulsionEpsilon + d2) * (1.0 + a * powerOf(d2, b)));
                        px += alpha * clip(coefficient * dx);
                        py += alpha * clip(coefficient * dy);
                    }
                }
                moved(static_cast<Eigen::Index>(i), 0) = px;
                moved(static_cast<Eigen::Index>(i), 1) = py;
            }
        });
        std::swap(y, moved);
    }
    options.report(1.0);
    return y.cast<float>();
}

} // namespace rnr
