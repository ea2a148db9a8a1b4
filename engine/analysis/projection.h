#pragma once

#include "model/params.h"

namespace rnr {

/// A 2-D principal component projection: the coordinates of every row and the share of the
/// variance the two components explain.
struct Projection
{
    RowMatrix<float> points;      ///< rows x 2
    double explained[2] = {0, 0}; ///< variance share of component 1 and 2
    Vector<double> mean;          ///< the centre the rows were projected around
    RowMatrix<double> axes;       ///< 2 x d: the principal directions (unit length)

    /// Projects more rows (e.g. q_i + q^d_i) onto the same axes.
    RowMatrix<float> apply(const RowMatrix<float>& rows) const;
};

/// PCA of the rows (centred; eigen-decomposition of the d x d covariance, in double). Signs
/// are fixed so that each axis has a non-negative sum of loadings: the same data always gives
/// the same picture. Rows < 2 or d < 2 give a zero projection.
Projection pca2(const RowMatrix<float>& rows);

} // namespace rnr
