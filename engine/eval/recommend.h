#pragma once

#include "data/dataset.h"
#include "model/model.h"

#include <limits>
#include <vector>

namespace rnr {

/// One recommended item with its ranking score and P's predicted rating, or, for a cascade
/// (docs/method.md, "Choose, then like"), its p(choose) = sigma(s_R) and p(like).
struct Recommendation
{
    std::uint32_t item = 0;
    float score = 0.0f;
    float rating = std::numeric_limits<float>::quiet_NaN(); ///< clipped to the scale; NaN without a rater
    float choose = std::numeric_limits<float>::quiet_NaN(); ///< cascades: p(choose); NaN otherwise
    float like = std::numeric_limits<float>::quiet_NaN();   ///< cascades: p(like) = p(choose) p(like | choose)
};

/// The user's top-k by ranking score, without the items of the user's training history (ties:
/// lower item id first, as evaluation breaks them).
std::vector<Recommendation> recommend(const Model& model, std::uint32_t user, std::size_t k, const RatingScale& scale);

/// 1-based rank of an item among the items outside the user's training history, as the
/// evaluator computes it; 0 when the item is in the history.
std::uint32_t rankOf(const Model& model, std::uint32_t user, std::uint32_t item);

} // namespace rnr
