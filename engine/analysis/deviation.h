#pragma once

#include "data/dataset.h"
#include "model/model.h"

#include <vector>

namespace rnr {

/// What RnR's deviation matrix learnt, per item, with what the deviation view plots it against.
struct DeviationSummary
{
    std::vector<float> norm;               ///< ‖q^d_i‖ per item
    std::vector<std::uint32_t> popularity; ///< training interactions per item
    std::vector<float> meanRating;         ///< mean training rating per item (NaN without ratings)
    std::vector<std::uint32_t> ranking;    ///< items by decreasing ‖q^d_i‖
    /// Demo data only (the truth is known): Pearson and Spearman correlation of ‖q^d_i‖ with the
    /// planted ‖e_i‖; NaN otherwise.
    double pearsonWithTruth = 0.0, spearmanWithTruth = 0.0;
};

/// Throws UsageError for models without a deviation matrix (everything but RnR).
DeviationSummary summariseDeviation(const Model& model, const Dataset& data);

/// Pearson correlation of two equally long series; NaN when either is constant.
double pearson(const std::vector<double>& a, const std::vector<double>& b);
/// Spearman rank correlation (average ranks for ties).
double spearman(const std::vector<double>& a, const std::vector<double>& b);

} // namespace rnr
