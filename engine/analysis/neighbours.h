#pragma once

// Exact nearest neighbours and the trustworthiness of a projection
// (docs/projections.md, "Nearest neighbours" and "Trustworthiness").

#include "model/params.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace rnr {

/// The k nearest other rows of every row (Euclidean), nearest first; ties go to the lower row
/// index. A row's duplicates are its neighbours at distance 0; the row itself never is.
struct Neighbours
{
    RowMatrix<std::uint32_t> index; ///< rows x k
    RowMatrix<float> distance;      ///< rows x k, non-decreasing along each row

    Eigen::Index rows() const { return index.rows(); }
    Eigen::Index k() const { return index.cols(); }
};

/// Exact k nearest neighbours of every row by brute force: blocks of rows against blocks of
/// columns through one matrix product each, a bounded selection per row, then the selected
/// distances recomputed exactly (the n x n matrix is never held). k is clamped to rows - 1.
/// Parallel over row blocks, each writing its own rows: the result does not depend on
/// `threads`. `progress` (optional) is called on the calling thread with the share done;
/// returning false throws Cancelled. Throws UsageError for non-finite input.
Neighbours nearestNeighbours(const RowMatrix<float>& rows, Eigen::Index k, unsigned threads = 1,
                             const std::function<bool(double)>& progress = {});

/// A sparse symmetric weighted graph over n rows in compressed-row form: the neighbours of row i
/// are column[start[i] .. start[i + 1]), in increasing order, with weights weight[...] > 0.
struct SparseGraph
{
    std::vector<std::size_t> start{0}; ///< n + 1 offsets
    std::vector<std::uint32_t> column;
    std::vector<double> weight;

    Eigen::Index rows() const { return static_cast<Eigen::Index>(start.size()) - 1; }
    std::size_t edges() const { return column.size(); }
};

/// How symmetricGraph() joins the weight a of the edge i -> j with the weight b of j -> i (0 when
/// j is not among the neighbours of i or the other way round).
enum class Symmetrise
{
    Mean,       ///< (a + b) / 2: t-SNE's p_ij = (p_j|i + p_i|j) / 2n, times n
    FuzzyUnion, ///< a + b - ab: UMAP's probabilistic t-conorm
};

/// The symmetric graph of directed neighbour weights: `weights` is rows x k like `neighbours`
/// (weights(i, m) belongs to the edge i -> neighbours.index(i, m)). Edges whose joined weight is
/// 0 are left out. Deterministic; parallel over rows.
SparseGraph symmetricGraph(const Neighbours& neighbours, const RowMatrix<double>& weights, Symmetrise rule,
                           unsigned threads = 1);

/// Trustworthiness T(k) of a projection `low` of `high` (same rows; Venna and Kaski 2001):
/// 1 - (2 / (n k (2n - 3k - 1))) * sum_i sum_{j in U_k(i)} (r(i, j) - k), where U_k(i) are
/// the k nearest neighbours of i in `low` that are not among its k nearest in `high` and
/// r(i, j) is the rank of j by distance from i in `high` (1 = nearest). 1 means no false
/// neighbours, 0 the worst possible. For k >= n / 2 the normaliser is the worst case sum for that
/// k (the formula's does not apply there); k is clamped to n - 1, and n < 3 or k < 1 gives 1.
/// Throws UsageError when the row counts differ.
double trustworthiness(const RowMatrix<float>& high, const RowMatrix<float>& low, Eigen::Index k, unsigned threads = 1);

} // namespace rnr
