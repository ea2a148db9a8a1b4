#include "analysis/neighbours.h"

#include "core/detail/parallel.h"
#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace rnr {

namespace {

// Query rows per task and columns per matrix product (docs/projections.md, "Nearest
// neighbours"): 256 query rows make the product's packing of the columns pay, and a 256 x 1,024
// float block (1 MB) keeps the selection that reads it near the cache.
constexpr Eigen::Index kQueryBlock = 256;
constexpr Eigen::Index kColumnBlock = 1024;
constexpr Eigen::Index kScanBlock = 32; // keys tested at once against a row's current k-th

/// The rows moved to their mean, in float: the expansion |x|^2 + |y|^2 - 2 x.y loses less to
/// rounding near the origin, and distances do not change.
RowMatrix<float> centred(const RowMatrix<float>& rows)
{
    if (rows.rows() == 0)
        return rows;
    const Eigen::RowVectorXd mean = rows.cast<double>().colwise().mean();
    return (rows.cast<double>().rowwise() - mean).cast<float>();
}

struct Candidate
{
    float key;
    std::uint32_t index;
    bool operator<(const Candidate& other) const
    {
        return key < other.key || (key == other.key && index < other.index);
    }
};

double exactSquaredDistance(const RowMatrix<float>& rows, Eigen::Index a, Eigen::Index b)
{
    return (rows.row(a).cast<double>() - rows.row(b).cast<double>()).squaredNorm();
}

/// Runs body(block) for every query block, in chunks between which `progress` hears the share
/// done (the callback runs on the calling thread only).
void forEachQueryBlock(Eigen::Index rows, unsigned threads, const std::function<bool(double)>& progress,
                       const std::function<void(Eigen::Index)>& body)
{
    const Eigen::Index blocks = (rows + kQueryBlock - 1) / kQueryBlock;
    const Eigen::Index chunk = std::max<Eigen::Index>(1, (blocks + 15) / 16);
    for (Eigen::Index first = 0; first < blocks; first += chunk) {
        const Eigen::Index count = std::min(chunk, blocks - first);
        parallelFor(threads, static_cast<std::size_t>(count),
                    [&](std::size_t b) { body(first + static_cast<Eigen::Index>(b)); });
        if (progress && !progress(double(first + count) / double(blocks)))
            throw Cancelled();
    }
}

/// Whether (key, l) comes before (t, j): nearer, or as near with the lower index.
std::int32_t precedes(float key, std::int32_t l, float t, std::int32_t j)
{
    return (key < t) | ((key == t) & (l < j));
}

/// How many of keys[0..n) come before (t, j), in one branch-free pass the compiler vectorises:
/// k such passes per row are cheaper than a search per key once the projection is poor.
std::int32_t precedingCount(const float* __restrict keys, std::int32_t n, float t, std::int32_t j)
{
    std::int32_t count = 0;
    for (std::int32_t l = 0; l < n; ++l)
        count += (keys[l] < t) | ((keys[l] == t) & (l < j));
    return count;
}

} // namespace

Neighbours nearestNeighbours(const RowMatrix<float>& rows, Eigen::Index k, unsigned threads,
                             const std::function<bool(double)>& progress)
{
    if (!rows.allFinite())
        throw UsageError("nearest neighbours: the rows hold a non-finite value");
    const Eigen::Index n = rows.rows();
    k = std::clamp<Eigen::Index>(k, 0, std::max<Eigen::Index>(0, n - 1));
    Neighbours out;
    out.index.resize(n, k);
    out.distance.resize(n, k);
    if (k == 0) {
        if (progress && !progress(1.0))
            throw Cancelled();
        return out;
    }
    // The product of [x_q, 1] and [-2 x_c, |x_c|^2] is |x_c|^2 - 2 x_q.x_c: |x_q - x_c|^2 less
    // |x_q|^2, which is the same for the whole row, so it ranks the columns like the distance.
    const RowMatrix<float> x = centred(rows);
    const Eigen::Index d = x.cols();
    RowMatrix<float> left(n, d + 1), right(n, d + 1);
    left << x, Eigen::VectorXf::Ones(n);
    right << -2.0f * x, x.rowwise().squaredNorm();
    // A few candidates more than k are selected on the rounded keys and then ranked by the
    // exact distance, so that rounding in the product cannot swap a true neighbour out.
    const Eigen::Index keep = std::min<Eigen::Index>(n - 1, k + k / 4 + 4);

    forEachQueryBlock(n, threads, progress, [&](Eigen::Index block) {
        const Eigen::Index q0 = block * kQueryBlock, qn = std::min(kQueryBlock, n - q0);
        std::vector<std::vector<Candidate>> heaps(static_cast<std::size_t>(qn));
        for (auto& heap : heaps)
            heap.reserve(static_cast<std::size_t>(keep));
        RowMatrix<float> products(qn, std::min(kColumnBlock, n));
        for (Eigen::Index c0 = 0; c0 < n; c0 += kColumnBlock) {
            const Eigen::Index cn = std::min(kColumnBlock, n - c0);
            auto g = products.leftCols(cn);
            g.noalias() = left.middleRows(q0, qn) * right.middleRows(c0, cn).transpose();
            for (Eigen::Index r = 0; r < qn; ++r) {
                std::vector<Candidate>& heap = heaps[static_cast<std::size_t>(r)];
                const auto keys = g.row(r);
                const Eigen::Index self = q0 + r;
                float worst = heap.size() < static_cast<std::size_t>(keep) ? std::numeric_limits<float>::infinity()
                                                                           : heap.front().key;
                for (Eigen::Index s0 = 0; s0 < cn; s0 += kScanBlock) {
                    const Eigen::Index sn = std::min(kScanBlock, cn - s0);
                    // Most stretches hold nothing nearer than the current k-th: one vector minimum
                    // skips them.
                    if (!(keys.segment(s0, sn).minCoeff() < worst))
                        continue;
                    for (Eigen::Index c = s0; c < s0 + sn; ++c) {
                        const float key = keys[c];
                        if (!(key < worst) || c0 + c == self)
                            continue;
                        const Candidate candidate{key, static_cast<std::uint32_t>(c0 + c)};
                        if (heap.size() < static_cast<std::size_t>(keep)) {
                            heap.push_back(candidate);
                            std::push_heap(heap.begin(), heap.end());
                        } else {
                            std::pop_heap(heap.begin(), heap.end());
                            heap.back() = candidate;
                            std::push_heap(heap.begin(), heap.end());
                        }
                        if (heap.size() == static_cast<std::size_t>(keep))
                            worst = heap.front().key;
                    }
                }
            }
        }
        std::vector<std::pair<double, std::uint32_t>> exact;
        for (Eigen::Index r = 0; r < qn; ++r) {
            const Eigen::Index i = q0 + r;
            exact.clear();
            for (const Candidate& c : heaps[static_cast<std::size_t>(r)])
                exact.emplace_back(exactSquaredDistance(rows, i, c.index), c.index);
            std::sort(exact.begin(), exact.end());
            for (Eigen::Index j = 0; j < k; ++j) {
                out.index(i, j) = exact[static_cast<std::size_t>(j)].second;
                out.distance(i, j) = static_cast<float>(std::sqrt(exact[static_cast<std::size_t>(j)].first));
            }
        }
    });
    return out;
}

SparseGraph symmetricGraph(const Neighbours& neighbours, const RowMatrix<double>& weights, Symmetrise rule,
                           unsigned threads)
{
    const Eigen::Index n = neighbours.rows(), k = neighbours.k();
    if (weights.rows() != n || weights.cols() != k)
        throw UsageError("symmetricGraph: the weights do not match the neighbours");
    // Every directed edge i -> j lands in row i as (j, a = w, b = 0) and in row j as (i, 0, w);
    // sorting a row by column brings the two halves of a pair together (docs/projections.md,
    // "Nearest neighbours").
    struct Half
    {
        std::uint32_t column;
        double forward, backward;
    };
    std::vector<std::size_t> fill(static_cast<std::size_t>(n) + 1, 0);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index m = 0; m < k; ++m) {
            ++fill[static_cast<std::size_t>(i) + 1];
            ++fill[static_cast<std::size_t>(neighbours.index(i, m)) + 1];
        }
    for (std::size_t i = 1; i < fill.size(); ++i)
        fill[i] += fill[i - 1];
    const std::vector<std::size_t> begin = fill;
    std::vector<Half> halves(fill.back());
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index m = 0; m < k; ++m) {
            const std::uint32_t j = neighbours.index(i, m);
            const double w = weights(i, m);
            halves[fill[static_cast<std::size_t>(i)]++] = {j, w, 0.0};
            halves[fill[j]++] = {static_cast<std::uint32_t>(i), 0.0, w};
        }
    // Per row: sort, merge, join; rows are independent, so threads do not change the result.
    std::vector<std::size_t> kept(static_cast<std::size_t>(n), 0);
    parallelFor(threads, static_cast<std::size_t>(n), [&](std::size_t i) {
        const auto first = halves.begin() + static_cast<std::ptrdiff_t>(begin[i]);
        const auto last = halves.begin() + static_cast<std::ptrdiff_t>(begin[i + 1]);
        std::sort(first, last, [](const Half& a, const Half& b) { return a.column < b.column; });
        auto out = first;
        for (auto it = first; it != last;) {
            Half merged{it->column, 0.0, 0.0};
            for (; it != last && it->column == merged.column; ++it) {
                merged.forward += it->forward;
                merged.backward += it->backward;
            }
            const double a = merged.forward, b = merged.backward;
            const double joined = rule == Symmetrise::Mean ? (a + b) / 2.0 : a + b - a * b;
            if (joined > 0.0)
                *out++ = {merged.column, joined, 0.0};
        }
        kept[i] = static_cast<std::size_t>(out - first);
    });
    SparseGraph graph;
    graph.start.assign(static_cast<std::size_t>(n) + 1, 0);
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i)
        graph.start[i + 1] = graph.start[i] + kept[i];
    graph.column.resize(graph.start.back());
    graph.weight.resize(graph.start.back());
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i)
        for (std::size_t e = 0; e < kept[i]; ++e) {
            graph.column[graph.start[i] + e] = halves[begin[i] + e].column;
            graph.weight[graph.start[i] + e] = halves[begin[i] + e].forward;
        }
    return graph;
}

double trustworthiness(const RowMatrix<float>& high, const RowMatrix<float>& low, Eigen::Index k, unsigned threads)
{
    const Eigen::Index n = high.rows();
    if (low.rows() != n)
        throw UsageError("trustworthiness: the projection has " + std::to_string(low.rows()) + " rows, the data " +
                         std::to_string(n));
    k = std::min(k, n - 1);
    if (n < 3 || k < 1)
        return 1.0;
    // The worst case per row: the k low-dimensional neighbours are the k farthest rows of high,
    // each counting r - k when its rank r exceeds k (docs/projections.md, "Trustworthiness").
    const Eigen::Index lo = std::max(k + 1, n - k), hi = n - 1;
    if (lo > hi)
        return 1.0; // k = n - 1: every row is everyone's neighbour
    const double count = double(hi - lo + 1);
    const double worst = count * double(lo + hi) / 2.0 - double(k) * count;

    const Neighbours near = nearestNeighbours(low, k, threads);
    const RowMatrix<float> x = centred(high);
    const Eigen::VectorXf norms = x.rowwise().squaredNorm();
    std::vector<double> penalty(static_cast<std::size_t>(n), 0.0);
    constexpr Eigen::Index queryBlock = 32; // 32 full rows of distances: 3.4 MB at 27,000 rows

    parallelFor(threads, static_cast<std::size_t>((n + queryBlock - 1) / queryBlock), [&](std::size_t block) {
        const Eigen::Index q0 = static_cast<Eigen::Index>(block) * queryBlock, qn = std::min(queryBlock, n - q0);
        const RowMatrix<float> g = x.middleRows(q0, qn) * x.transpose();
        Eigen::VectorXf keys(n);
        for (Eigen::Index r = 0; r < qn; ++r) {
            const Eigen::Index i = q0 + r;
            // Ranks come from one array of keys (|c|^2 - 2 q.c ranks like the distance from q), so
            // that a row's rank and its membership among the k nearest can never disagree.
            for (Eigen::Index c = 0; c < n; ++c) // a plain loop: no resize, no temporary
                keys[c] = norms[c] - 2.0f * g(r, c);
            double sum = 0.0;
            for (Eigen::Index m = 0; m < k; ++m) {
                const auto j = static_cast<std::int32_t>(near.index(i, m));
                const float t = keys[j];
                // Rows before j in (distance, index) order, not counting i itself.
                const std::int32_t before = precedingCount(keys.data(), static_cast<std::int32_t>(n), t, j) -
                                            precedes(keys[i], static_cast<std::int32_t>(i), t, j);
                const std::int64_t rank = std::int64_t(before) + 1;
                if (rank > k)
                    sum += double(rank - k);
            }
            penalty[static_cast<std::size_t>(i)] = sum;
        }
    });
    double total = 0.0;
    for (double p : penalty)
        total += p;
    return 1.0 - total / (double(n) * worst);
}

} // namespace rnr
