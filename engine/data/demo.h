#pragma once

#include "data/dataset.h"

#include <Eigen/Core>

#include <cstdint>

namespace rnr {

/// Size and shape of the built-in demo data set (docs/method.md, "The built-in demo data").
struct DemoConfig
{
    std::uint32_t users = 2000;
    std::uint32_t items = 1500;
    std::uint32_t factors = 8;     ///< k: selection and trait dimensions
    std::uint32_t minPerUser = 20; ///< every user picks at least this many items
    double meanPerUser = 75.0;     ///< mean picks per user (log-normal, heavy-tailed above the minimum)
    double surpriseShare = 0.15;   ///< share of items whose post-consumption traits deviate
    double surpriseScale = 1.0;    ///< std of each component of a deviating item's e_i
    std::uint64_t seed = 42;
};

/// Everything the generator drew, so that tests and the deviation view can compare the
/// learnt model against the truth.
struct DemoTruth
{
    Eigen::MatrixXf userSelection; ///< a_u, users x k
    Eigen::MatrixXf itemSelection; ///< s_i, items x k
    Eigen::VectorXf popularity;    ///< beta_i (heavy-tailed popularity boost)
    Eigen::MatrixXf traitMap;      ///< A, k x k
    Eigen::MatrixXf surprise;      ///< e_i, items x k (zero rows for items that do not deviate)
    Eigen::MatrixXf itemTraits;    ///< t_i = A s_i + e_i
    Eigen::MatrixXf userTaste;     ///< c_u = B a_u + noise
    Eigen::VectorXf userBias;      ///< b_u
    Eigen::VectorXf itemBias;      ///< b_i
    float mean = 0.0f;             ///< mu
    float tasteScale = 1.0f;       ///< gamma: the taste term is gamma * c_u . t_i
    float noise = 0.0f;            ///< std of the rating noise epsilon

    /// The expected rating before rounding and noise, optionally ignoring the surprise e_i.
    float expectedRating(std::uint32_t user, std::uint32_t item, bool withSurprise = true) const;
};

/// Generates the demo data set: users choose items by selection factors and popularity, then
/// rate them by post-consumption traits that, for a minority of items, deviate from what the
/// selection factors promise. Deterministic per seed on every platform. Dataset::trueDeviation
/// holds ‖e_i‖; item titles are readable and each item's genre is its dominant selection factor.
Dataset generateDemo(const DemoConfig& config = {}, DemoTruth* truth = nullptr);

} // namespace rnr
