#pragma once

// Planted clusters for the layout tests (t-SNE, UMAP): rows whose neighbourhoods a good 2-D
// projection keeps and PCA does not.

#include "analysis/neighbours.h"
#include "core/detail/rng.h"
#include "model/params.h"

#include <vector>

namespace fixtures {

struct Planted
{
    rnr::RowMatrix<float> rows;
    std::vector<int> label;
};

/// `clusters` unit Gaussians in d dimensions around centres drawn from N(0, spread^2 I): far
/// apart in d dimensions (centres about spread * sqrt(2d) apart, points of one cluster about
/// sqrt(2d)), but piled on top of each other in any two directions.
inline Planted plantedClusters(int clusters, int perCluster, Eigen::Index d, double spread, std::uint64_t seed)
{
    rnr::Rng rng(seed);
    rnr::RowMatrix<double> centres(clusters, d);
    for (int c = 0; c < clusters; ++c)
        for (Eigen::Index j = 0; j < d; ++j)
            centres(c, j) = spread * rng.normal();
    Planted p;
    p.rows.resize(Eigen::Index(clusters) * perCluster, d);
    for (int c = 0; c < clusters; ++c)
        for (int m = 0; m < perCluster; ++m) {
            const Eigen::Index i = Eigen::Index(c) * perCluster + m;
            for (Eigen::Index j = 0; j < d; ++j)
                p.rows(i, j) = float(centres(c, j) + rng.normal());
            p.label.push_back(c);
        }
    return p;
}

/// Share of points whose nearest neighbour in the layout has their label.
inline double sameClusterShare(const rnr::RowMatrix<float>& layout, const std::vector<int>& label)
{
    const rnr::Neighbours near = rnr::nearestNeighbours(layout, 1);
    int same = 0;
    for (Eigen::Index i = 0; i < layout.rows(); ++i)
        same += label[std::size_t(i)] == label[near.index(i, 0)];
    return double(same) / double(layout.rows());
}

} // namespace fixtures
