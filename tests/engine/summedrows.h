#pragma once

// Summed gradients written by hand for the tests of the task-interplay diagnostics and of loss
// balancing: one (block, row, x, y) per gradient row (y ignored for one-column blocks).

#include "model/params.h"

#include <initializer_list>
#include <tuple>

namespace fixtures {

inline rnr::SummedGrads<float>
summedRows(const rnr::Params<float>& p, std::initializer_list<std::tuple<rnr::Block, std::uint32_t, float, float>> rows)
{
    rnr::RowGrads<float> grads;
    for (const auto& [block, row, x, y] : rows) {
        const Eigen::Index cols = p[block].cols();
        auto g = grads.add(block, row, cols);
        g(0) = x;
        if (cols > 1)
            g(1) = y;
    }
    rnr::SummedGrads<float> out;
    out.resizeLike(p);
    out.add(grads);
    return out;
}

} // namespace fixtures
