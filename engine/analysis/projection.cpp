#include "analysis/projection.h"

#include <Eigen/Eigenvalues>

namespace rnr {

RowMatrix<float> Projection::apply(const RowMatrix<float>& rows) const
{
    if (axes.rows() != 2 || rows.cols() != axes.cols())
        return RowMatrix<float>::Zero(rows.rows(), 2);
    const RowMatrix<double> centred = rows.cast<double>().rowwise() - mean.transpose();
    return (centred * axes.transpose()).cast<float>();
}

Projection pca2(const RowMatrix<float>& rows)
{
    Projection p;
    const Eigen::Index n = rows.rows(), d = rows.cols();
    if (n < 2 || d < 2) {
        p.points = RowMatrix<float>::Zero(n, 2);
        return p;
    }
    const RowMatrix<double> x = rows.cast<double>();
    p.mean = x.colwise().mean().transpose();
    const RowMatrix<double> centred = x.rowwise() - p.mean.transpose();
    const Eigen::MatrixXd covariance = (centred.transpose() * centred) / double(n - 1);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    // Eigenvalues come in increasing order: the last two are the principal ones.
    p.axes.resize(2, d);
    for (int c = 0; c < 2; ++c) {
        Eigen::VectorXd axis = solver.eigenvectors().col(d - 1 - c);
        if (axis.sum() < 0)
            axis = -axis;
        p.axes.row(c) = axis.transpose();
    }
    const double total = solver.eigenvalues().sum();
    for (int c = 0; c < 2; ++c)
        p.explained[c] = total > 0 ? solver.eigenvalues()(d - 1 - c) / total : 0.0;
    p.points = (centred * p.axes.transpose()).cast<float>();
    return p;
}

} // namespace rnr
