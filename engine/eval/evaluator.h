#pragma once

#include "data/dataset.h"
#include "eval/metrics.h"
#include "model/model.h"

#include <limits>

namespace rnr {

struct EvaluationOptions
{
    std::uint32_t k = 10;
    std::uint32_t threads = 1;
    bool keepTop = true; ///< store each user's top-k list in the outcomes
    RatingScale scale;   ///< predictions are clipped to [min, max] for RMSE and MAE
    /// A held-out rating at or above it is a like; NaN: defaultLikeThreshold(scale) (eval/like.h).
    float likeThreshold = std::numeric_limits<float>::quiet_NaN();
};

struct Evaluation
{
    Metrics metrics;
    std::vector<UserOutcome> outcomes; ///< one per held-out interaction, in input order
    double seconds = 0.0;
};

/// Full-ranking evaluation (docs/method.md, "Evaluation"): for each held-out (u, i, r), scores
/// every item, excludes the user's training items, and ranks i among the rest (ties broken
/// by item id, lower first, as a stable sort would); never samples negatives. Rating metrics
/// use P's prediction clipped to the scale. Users are scored in blocks with one GEMM each,
/// in parallel on `threads` threads. The like figures (docs/method.md, "Choose, then like"): a
/// model without a like head ranks likes by its choice ranking and orders the held-out items for
/// the like AUC by its predicted rating (by its choice score without a rating component).
Evaluation evaluate(const Model& model, const std::vector<Interaction>& heldOut, const EvaluationOptions& options);

} // namespace rnr
