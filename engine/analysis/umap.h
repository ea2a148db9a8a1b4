#pragma once

// UMAP (McInnes, Healy, Melville, arXiv 1802.03426, 2018): docs/projections.md, "UMAP".

#include "analysis/layout.h"
#include "analysis/neighbours.h"
#include "model/params.h"

namespace rnr {

/// What UMAP computes; every default is explained in docs/projections.md, "UMAP".
struct UmapOptions : LayoutOptions
{
    int neighbours = 15;       ///< k of the kNN graph (the row itself not counted); clamped to n - 1
    double minDist = 0.1;      ///< how tightly the layout may pack points
    double spread = 1.0;       ///< the scale of the layout's distance curve
    int epochs = 0;            ///< <= 0: 200 for n > 10,000, else 500
    int negativeSamples = 5;   ///< negative samples per positive one
    double learningRate = 1.0; ///< initial step, decaying linearly towards 0
};

/// The low-dimensional similarity 1 / (1 + a d^2b) fitted to min_dist and spread.
struct UmapCurve
{
    double a = 0.0, b = 0.0;
};

/// Least-squares fit (Levenberg-Marquardt) of 1 / (1 + a x^2b) to 1 for x < minDist and
/// exp(-(x - minDist) / spread) beyond, at 300 points of [0, 3 spread]. minDist = 0.1,
/// spread = 1 give a ~ 1.577, b ~ 0.895. Throws UsageError unless 0 <= minDist and 0 < spread.
UmapCurve fitUmapCurve(double minDist, double spread);

/// The fuzzy simplicial set of the rows: per row, the kNN distances turned into memberships
/// exp(-max(0, d - rho) / sigma) (rho: the nearest positive distance; sigma by bisection so that
/// the memberships sum to log2(k)), joined by the fuzzy union a + b - ab.
SparseGraph umapGraph(const RowMatrix<float>& rows, int neighbours, unsigned threads = 1,
                      const std::function<bool(double)>& progress = {});

/// A 2-D UMAP layout of the rows (n x 2). Starts from the rows' PCA scaled to [-10, 10] plus
/// seeded noise (seeded uniform in [-10, 10] where the PCA is degenerate); SGD with negative
/// sampling as in the paper, each epoch moving every point against the others' positions at the
/// start of the epoch. So the layout depends on the rows, the options and the seed only, and is
/// the same bit for bit on any number of threads. n = 0, 1 give zeros; duplicate rows and d = 1
/// are fine. Throws Cancelled when options.progress says stop, UsageError for non-finite rows or
/// options out of range.
RowMatrix<float> umap(const RowMatrix<float>& rows, const UmapOptions& options = {});

} // namespace rnr
