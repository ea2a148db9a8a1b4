#include "analysis/tsne.h"

#include "core/detail/parallel.h"
#include "core/detail/rng.h"
#include "core/errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace rnr {

namespace {

// docs/projections.md, "t-SNE", step 2: a leaf holds at most this many points (more only where
// points coincide, below kMaxDepth levels); the points of a leaf walk the tree together, and
// leaves that cannot be summarised are summed exactly.
constexpr std::uint32_t kLeafCapacity = 16;
constexpr int kMaxDepth = 48;
// Points per task of the per-point loops: enough work to amortise a task.
constexpr std::size_t kPointBlock = 64;
// The bisection of the Gaussian precision: steps and tolerance on the entropy (nats).
constexpr int kBisectionSteps = 200;
constexpr double kEntropyTolerance = 1e-5;
constexpr int kReportEvery = 5; // iterations between progress reports

/// The effective perplexity for n rows: at most (n - 1) / 3 (so that 3 * perplexity neighbours
/// exist) and at least 1 (entropy 0).
double effectivePerplexity(double perplexity, Eigen::Index n)
{
    return std::max(1.0, std::min(perplexity, double(n - 1) / 3.0));
}

void forEachBlock(unsigned threads, Eigen::Index n, const std::function<void(Eigen::Index)>& body)
{
    const std::size_t blocks = (static_cast<std::size_t>(n) + kPointBlock - 1) / kPointBlock;
    parallelFor(threads, blocks, [&](std::size_t b) {
        const std::size_t end = std::min(static_cast<std::size_t>(n), (b + 1) * kPointBlock);
        for (std::size_t i = b * kPointBlock; i < end; ++i)
            body(static_cast<Eigen::Index>(i));
    });
}

/// The conditional p_j|i of one row from its squared neighbour distances (docs/projections.md,
/// "t-SNE", step 1): bisection on the precision beta of exp(-beta d^2) until the entropy is
/// log(perplexity). Distances are taken relative to the nearest, which changes nothing after
/// normalising but keeps exp() from underflowing everywhere at once.
void conditionalRow(const float* distance, Eigen::Index k, double perplexity, double* p)
{
    double nearest = std::numeric_limits<double>::infinity(), mean = 0.0;
    for (Eigen::Index j = 0; j < k; ++j) {
        const double d2 = double(distance[j]) * double(distance[j]);
        nearest = std::min(nearest, d2);
        mean += d2;
    }
    mean = mean / double(k) - nearest;
    const double target = std::log(perplexity);
    double beta = mean > 0 ? 1.0 / mean : 1.0, low = 0.0, high = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kBisectionSteps; ++step) {
        double sum = 0.0, weighted = 0.0;
        for (Eigen::Index j = 0; j < k; ++j) {
            const double shifted = double(distance[j]) * double(distance[j]) - nearest;
            p[j] = std::exp(-beta * shifted);
            sum += p[j];
            weighted += shifted * p[j];
        }
        // sum >= 1: the nearest neighbour contributes exp(0).
        const double entropy = std::log(sum) + beta * weighted / sum;
        for (Eigen::Index j = 0; j < k; ++j)
            p[j] /= sum;
        if (std::abs(entropy - target) < kEntropyTolerance)
            break;
        if (entropy > target) {
            low = beta;
            beta = std::isinf(high) ? beta * 2.0 : (beta + high) / 2.0;
        } else {
            high = beta;
            beta = (beta + low) / 2.0;
        }
    }
}

/// A quadtree over the layout, rebuilt every iteration (docs/projections.md, "t-SNE", step 2).
/// Nodes keep their non-empty children next to each other and the points in tree order, so that
/// a walk reads memory mostly forwards. The points of one leaf walk the tree together.
class QuadTree
{
public:
    explicit QuadTree(const RowMatrix<double>& y)
    {
        const auto n = static_cast<std::uint32_t>(y.rows());
        m_order.resize(n);
        for (std::uint32_t i = 0; i < n; ++i)
            m_order[i] = i;
        m_x.resize(n);
        m_y.resize(n);
        m_nodes.reserve(static_cast<std::size_t>(n) / 2 + 1);
        m_nodes.emplace_back();
        if (n == 0)
            return;
        const double x0 = y.col(0).minCoeff(), y0 = y.col(1).minCoeff();
        const double width = std::max(y.col(0).maxCoeff() - x0, y.col(1).maxCoeff() - y0);
        build(y, 0, 0, n, x0, y0, width, 0);
        for (std::uint32_t e = 0; e < n; ++e) {
            m_x[e] = y(m_order[e], 0);
            m_y[e] = y(m_order[e], 1);
        }
        for (std::uint32_t v = 0; v < m_nodes.size(); ++v)
            if (m_nodes[v].children == 0)
                m_leaves.push_back(v);
    }

    std::size_t leaves() const { return m_leaves.size(); }
    /// The point at position e of the tree order.
    std::uint32_t pointAt(std::uint32_t e) const { return m_order[e]; }

    /// The repulsion on every point of leaf `leaf`: for the point at tree position e, adds
    /// sum_j w^2 (y_e - y_j) to (fx[e], fy[e]) and sum_j w to z[e]. A cell is summarised by its
    /// centre of mass when the test passes for the leaf's bounding box, so for each of its points.
    void leafRepulsion(std::size_t leaf, double theta2, double* fx, double* fy, double* z) const
    {
        const Node& target = m_nodes[m_leaves[leaf]];
        const std::uint32_t b = target.begin, e = target.begin + target.count;
        double x0 = m_x[b], x1 = m_x[b], y0 = m_y[b], y1 = m_y[b];
        for (std::uint32_t t = b + 1; t < e; ++t) {
            x0 = std::min(x0, m_x[t]);
            x1 = std::max(x1, m_x[t]);
            y0 = std::min(y0, m_y[t]);
            y1 = std::max(y1, m_y[t]);
        }
        // The leaf's own slots, apart from the tree's coordinates: lets the compiler vectorise.
        Sums sums{fx + b, fy + b, z + b};
        const double* px = m_x.data() + b;
        const double* py = m_y.data() + b;
        const std::uint32_t count = target.count;
        std::array<std::uint32_t, 4 * kMaxDepth + 8> stack;
        std::size_t top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const std::uint32_t v = stack[--top];
            const Node& node = m_nodes[v];
            // The paper's test r_cell / |y_i - y_cell| < theta, squared, with the distance from
            // the leaf's box: it passes for the box only if it passes for every point in it. The
            // leaf's own cell (distance 0) never passes.
            const double dx = std::max({0.0, x0 - node.cx, node.cx - x1});
            const double dy = std::max({0.0, y0 - node.cy, node.cy - y1});
            if (node.diagonal2 < theta2 * (dx * dx + dy * dy)) {
                interact(sums, px, py, count, node.cx, node.cy, double(node.count));
            } else if (node.children == 0 && v != m_leaves[leaf]) {
                for (std::uint32_t s = node.begin; s < node.begin + node.count; ++s)
                    interact(sums, px, py, count, m_x[s], m_y[s], 1.0);
            } else if (node.children == 0) { // the leaf itself: every pair but a point with itself
                for (std::uint32_t s = 0; s < count; ++s)
                    for (std::uint32_t t = 0; t < count; ++t)
                        if (s != t) {
                            const double ex = px[t] - px[s], ey = py[t] - py[s];
                            const double w = 1.0 / (1.0 + ex * ex + ey * ey);
                            sums.z[t] += w;
                            sums.fx[t] += w * w * ex;
                            sums.fy[t] += w * w * ey;
                        }
            } else {
                for (std::uint32_t c = node.child + node.children; c-- > node.child;)
                    stack[top++] = c;
            }
        }
    }

private:
    struct Node
    {
        double cx = 0, cy = 0;   ///< centre of mass
        double diagonal2 = 0;    ///< squared diagonal of the (square) cell
        std::uint32_t count = 0; ///< points in the cell: tree positions begin .. begin + count - 1
        std::uint32_t begin = 0;
        std::uint32_t child = 0; ///< the non-empty children are nodes child .. child + children - 1
        std::uint32_t children = 0;
    };

    struct Sums
    {
        double* __restrict fx;
        double* __restrict fy;
        double* __restrict z;
    };

    /// A source of `mass` points at (sx, sy) acting on the `count` points at (px, py).
    static void interact(const Sums& sums, const double* __restrict px, const double* __restrict py,
                         std::uint32_t count, double sx, double sy, double mass)
    {
        for (std::uint32_t t = 0; t < count; ++t) {
            const double dx = px[t] - sx, dy = py[t] - sy;
            const double w = 1.0 / (1.0 + dx * dx + dy * dy);
            sums.z[t] += mass * w;
            sums.fx[t] += mass * w * w * dx;
            sums.fy[t] += mass * w * w * dy;
        }
    }

    void build(const RowMatrix<double>& y, std::size_t index, std::uint32_t begin, std::uint32_t end, double x0,
               double y0, double width, int depth)
    {
        double sx = 0, sy = 0;
        for (std::uint32_t e = begin; e < end; ++e) {
            sx += y(m_order[e], 0);
            sy += y(m_order[e], 1);
        }
        Node& node = m_nodes[index];
        node.count = end - begin;
        node.begin = begin;
        node.cx = sx / node.count;
        node.cy = sy / node.count;
        node.diagonal2 = 2.0 * width * width;
        if (node.count <= kLeafCapacity || depth >= kMaxDepth || !(width > 0.0))
            return;
        const double half = width / 2, mx = x0 + half, my = y0 + half;
        std::uint32_t* first = m_order.data();
        auto below = [&](std::uint32_t p) { return y(p, 1) < my; };
        auto left = [&](std::uint32_t p) { return y(p, 0) < mx; };
        const auto mid = static_cast<std::uint32_t>(std::partition(first + begin, first + end, below) - first);
        const auto q1 = static_cast<std::uint32_t>(std::partition(first + begin, first + mid, left) - first);
        const auto q3 = static_cast<std::uint32_t>(std::partition(first + mid, first + end, left) - first);
        const std::array<std::uint32_t, 5> bounds{begin, q1, mid, q3, end};
        const std::array<double, 4> cornerX{x0, mx, x0, mx}, cornerY{y0, y0, my, my};
        const auto child = static_cast<std::uint32_t>(m_nodes.size());
        std::uint32_t children = 0;
        for (int c = 0; c < 4; ++c)
            children += bounds[c + 1] > bounds[c];
        m_nodes[index].child = child; // `node` may dangle after the emplace_back calls
        m_nodes[index].children = children;
        for (std::uint32_t c = 0; c < children; ++c)
            m_nodes.emplace_back();
        std::uint32_t at = child;
        for (int c = 0; c < 4; ++c)
            if (bounds[c + 1] > bounds[c])
                build(y, at++, bounds[c], bounds[c + 1], cornerX[c], cornerY[c], half, depth + 1);
    }

    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_leaves; ///< the leaf nodes, in tree order
    std::vector<std::uint32_t> m_order;  ///< point indices in tree order
    std::vector<double> m_x, m_y;        ///< their coordinates, in the same order
};

/// Repulsion of every point into per-point slots (force rows, z), leaf by leaf in parallel.
void repulsionInto(const QuadTree& tree, double theta2, unsigned threads, RowMatrix<double>& force,
                   std::vector<double>& z, std::vector<double>& scratch)
{
    const std::size_t n = z.size();
    scratch.assign(3 * n, 0.0);
    double* fx = scratch.data();
    double* fy = fx + n;
    double* fz = fy + n;
    constexpr std::size_t leavesPerTask = 8;
    const std::size_t tasks = (tree.leaves() + leavesPerTask - 1) / leavesPerTask;
    parallelFor(threads, tasks, [&](std::size_t task) {
        const std::size_t end = std::min(tree.leaves(), (task + 1) * leavesPerTask);
        for (std::size_t leaf = task * leavesPerTask; leaf < end; ++leaf)
            tree.leafRepulsion(leaf, theta2, fx, fy, fz);
    });
    for (std::uint32_t e = 0; e < n; ++e) {
        const std::uint32_t i = tree.pointAt(e);
        force(i, 0) = fx[e];
        force(i, 1) = fy[e];
        z[i] = fz[e];
    }
}

int sign(double x)
{
    return (x > 0) - (x < 0);
}

} // namespace

SparseGraph tsneAffinities(const RowMatrix<float>& rows, double perplexity, unsigned threads,
                           const std::function<bool(double)>& progress)
{
    const Eigen::Index n = rows.rows();
    if (n < 2)
        return SparseGraph{std::vector<std::size_t>(static_cast<std::size_t>(n) + 1, 0), {}, {}};
    perplexity = effectivePerplexity(perplexity, n);
    const auto k = std::min<Eigen::Index>(n - 1, static_cast<Eigen::Index>(std::floor(3.0 * perplexity)));
    const Neighbours near = nearestNeighbours(rows, k, threads, progress);
    RowMatrix<double> conditional(n, near.k());
    forEachBlock(threads, n, [&](Eigen::Index i) {
        conditionalRow(near.distance.row(i).data(), near.k(), perplexity, conditional.row(i).data());
    });
    SparseGraph p = symmetricGraph(near, conditional, Symmetrise::Mean, threads);
    for (double& w : p.weight)
        w /= double(n); // (p_j|i + p_i|j) / 2n: Mean already halved
    return p;
}

TsneRepulsion tsneRepulsion(const RowMatrix<double>& y, double theta, unsigned threads)
{
    const Eigen::Index n = y.rows();
    TsneRepulsion out;
    out.force = RowMatrix<double>::Zero(n, 2);
    if (n < 2)
        return out;
    const QuadTree tree(y);
    std::vector<double> z(static_cast<std::size_t>(n), 0.0), scratch;
    repulsionInto(tree, theta * theta, threads, out.force, z, scratch);
    for (double zi : z) // in index order: the same sum on any number of threads
        out.z += zi;
    return out;
}

RowMatrix<float> tsne(const RowMatrix<float>& rows, const TsneOptions& options)
{
    const Eigen::Index n = rows.rows();
    if (!(options.perplexity > 0.0) || !(options.theta >= 0.0) || options.iterations < 0 ||
        !(options.exaggeration > 0.0) || !std::isfinite(options.learningRate))
        throw UsageError("t-SNE: perplexity and exaggeration must be > 0, theta and iterations >= 0");
    options.report(0.0);
    if (!rows.allFinite())
        throw UsageError("t-SNE: the rows hold a non-finite value");
    if (n < 2) {
        options.report(1.0);
        return RowMatrix<float>::Zero(n, 2);
    }
    // Step 1: P (docs/projections.md, "t-SNE"); the neighbour search is the first tenth of the
    // reported work (docs/projections.md, "Common interface").
    constexpr double kAffinityShare = 0.1;
    const auto knnProgress = [&](double f) { return !options.progress || options.progress(kAffinityShare * f); };
    const SparseGraph p = tsneAffinities(rows, options.perplexity, options.threads, knnProgress);

    // Seeded start: N(0, 1e-4^2) per coordinate (docs/projections.md, "t-SNE", step 3).
    Rng rng(options.seed);
    RowMatrix<double> y(n, 2);
    for (Eigen::Index i = 0; i < n; ++i)
        for (int c = 0; c < 2; ++c)
            y(i, c) = 1e-4 * rng.normal();
    RowMatrix<double> update = RowMatrix<double>::Zero(n, 2);
    RowMatrix<double> gains = RowMatrix<double>::Ones(n, 2);
    RowMatrix<double> attraction(n, 2);
    const double eta = options.learningRate > 0 ? options.learningRate : std::max(200.0, double(n) / 12.0);
    const double theta2 = options.theta * options.theta;
    std::vector<double> z(static_cast<std::size_t>(n), 0.0), scratch;
    RowMatrix<double> repulsion(n, 2);

    for (int it = 0; it < options.iterations; ++it) {
        if (it % kReportEvery == 0)
            options.report(kAffinityShare + (1.0 - kAffinityShare) * double(it) / double(options.iterations));
        const double exaggeration = it < options.exaggerationIterations ? options.exaggeration : 1.0;
        const double momentum = it < options.momentumSwitch ? options.momentum : options.finalMomentum;
        const QuadTree tree(y);
        // Both halves of the gradient, per point into its own slots (docs/projections.md,
        // "Determinism").
        forEachBlock(options.threads, n, [&](Eigen::Index i) {
            double ax = 0, ay = 0;
            const auto s = static_cast<std::size_t>(i);
            for (std::size_t e = p.start[s]; e < p.start[s + 1]; ++e) {
                const std::uint32_t j = p.column[e];
                const double dx = y(i, 0) - y(j, 0), dy = y(i, 1) - y(j, 1);
                const double pw = p.weight[e] / (1.0 + dx * dx + dy * dy);
                ax += pw * dx;
                ay += pw * dy;
            }
            attraction(i, 0) = ax;
            attraction(i, 1) = ay;
        });
        repulsionInto(tree, theta2, options.threads, repulsion, z, scratch);
        double sumZ = 0.0;
        for (double zi : z)
            sumZ += zi;
        // Gradient descent with momentum and per-coordinate gains (Jacobs 1988, as in the
        // paper's reference description): a gain grows by 0.2 while the steps keep their
        // direction (gradient and last step of opposite sign) and shrinks by x0.8 when they turn,
        // never below 0.01 (docs/projections.md, "t-SNE", step 3).
        Eigen::Vector2d mean = Eigen::Vector2d::Zero();
        for (Eigen::Index i = 0; i < n; ++i) {
            for (int c = 0; c < 2; ++c) {
                const double gradient = 4.0 * (exaggeration * attraction(i, c) - repulsion(i, c) / sumZ);
                double& gain = gains(i, c);
                gain = sign(gradient) != sign(update(i, c)) ? gain + 0.2 : gain * 0.8;
                gain = std::max(gain, 0.01);
                update(i, c) = momentum * update(i, c) - eta * gain * gradient;
                y(i, c) += update(i, c);
                mean[c] += y(i, c);
            }
        }
        mean /= double(n);
        y.rowwise() -= mean.transpose();
    }
    options.report(1.0);
    return y.cast<float>();
}

} // namespace rnr
