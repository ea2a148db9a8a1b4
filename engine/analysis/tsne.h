#pragma once

// Barnes-Hut t-SNE (van der Maaten, JMLR 15, 2014): docs/projections.md, "t-SNE".

#include "analysis/layout.h"
#include "analysis/neighbours.h"
#include "model/params.h"

namespace rnr {

/// What t-SNE computes; every default is explained in docs/projections.md, "t-SNE".
struct TsneOptions : LayoutOptions
{
    double perplexity = 30.0;         ///< effective number of neighbours; lowered to (n - 1) / 3 for small n
    double theta = 0.5;               ///< Barnes-Hut accuracy: 0 is exact (O(n^2)), larger is coarser
    int iterations = 1000;            ///< gradient descent steps
    double learningRate = 0.0;        ///< <= 0: max(200, n / 12)
    double exaggeration = 12.0;       ///< early exaggeration factor on P ...
    int exaggerationIterations = 250; ///< ... for this many first iterations
    double momentum = 0.5;            ///< momentum before momentumSwitch ...
    double finalMomentum = 0.8;       ///< ... and from then on
    int momentumSwitch = 250;
};

/// A 2-D t-SNE layout of the rows (n x 2, centred on the origin). Starts from a seeded Gaussian
/// with standard deviation 1e-4 (not PCA). The same rows and options give the same layout on any
/// number of threads, bit for bit. n = 0, 1 give zeros; duplicate rows and d = 1 are fine.
/// Throws Cancelled when options.progress says stop, UsageError for non-finite rows or options
/// out of range.
RowMatrix<float> tsne(const RowMatrix<float>& rows, const TsneOptions& options = {});

/// The joint input similarities p_ij (summing to 1) of t-SNE: per row, the conditional
/// p_j|i over its k = min(n - 1, floor(3 * perplexity)) nearest neighbours, with the Gaussian's
/// precision found by bisection so that the entropy is log(perplexity); then symmetrised,
/// (p_j|i + p_i|j) / 2n. `perplexity` is lowered as in tsne().
SparseGraph tsneAffinities(const RowMatrix<float>& rows, double perplexity, unsigned threads = 1,
                           const std::function<bool(double)>& progress = {});

/// The repulsive half of the t-SNE gradient at the layout y (n x 2), by a Barnes-Hut quadtree:
/// force.row(i) estimates sum_j w_ij^2 (y_i - y_j) and z estimates Z = sum_{i != j} w_ij, with
/// w_ij = 1 / (1 + |y_i - y_j|^2); the gradient's repulsive term is -4 force / z. theta = 0
/// sums every pair exactly. Exposed for the tests: the layout calls it once per iteration.
struct TsneRepulsion
{
    RowMatrix<double> force;
    double z = 0.0;
};
TsneRepulsion tsneRepulsion(const RowMatrix<double>& y, double theta, unsigned threads = 1);

} // namespace rnr
