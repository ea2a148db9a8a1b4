#pragma once

// The activation g of RnR's tied layer and of the experts' layers, on whole matrices.

#include "model/hyperparams.h"
#include "model/params.h"

namespace rnr {

/// The sum of a matrix's rows, added in row order: the same bits wherever it runs. (Eigen's
/// colwise().sum() picked another summation order inside the trainer's worker tasks than on a
/// plain thread for some shapes, which broke the bit-identity of 1 and 2 threads.)
template <typename T> Vector<T> columnSums(const RowMatrix<T>& m)
{
    Vector<T> sums = Vector<T>::Zero(m.cols());
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        sums += m.row(r).transpose();
    return sums;
}

/// out = g(pre) elementwise (Eigen's array functions are vectorised; libm's tanhf per element is not).
template <typename T> void activate(Activation g, const RowMatrix<T>& pre, RowMatrix<T>& out)
{
    switch (g) {
    case Activation::Tanh:
        out = pre.array().tanh().matrix();
        return;
    case Activation::Sigmoid:
        out = pre.array().logistic().matrix();
        return;
    case Activation::ReLU:
        out = pre.cwiseMax(T(0));
        return;
    case Activation::Identity:
        break;
    }
    out = pre;
}

/// g'(z) elementwise, from z (relu) or from g(z) (tanh, sigmoid).
template <typename T> RowMatrix<T> activationSlope(Activation g, const RowMatrix<T>& pre, const RowMatrix<T>& out)
{
    switch (g) {
    case Activation::Tanh:
        return (T(1) - out.array().square()).matrix();
    case Activation::Sigmoid:
        return (out.array() * (T(1) - out.array())).matrix();
    case Activation::ReLU:
        return (pre.array() > T(0)).template cast<T>().matrix();
    case Activation::Identity:
        break;
    }
    return RowMatrix<T>::Ones(pre.rows(), pre.cols());
}

} // namespace rnr
