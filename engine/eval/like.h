#pragma once

// Choose, then like (docs/method.md, "Choose, then like"): a rated item was chosen; a rating at
// or above the like threshold is a like.

#include "data/dataset.h"
#include "data/stats.h"
#include "model/hyperparams.h"

namespace rnr {

/// The rating at three quarters of the scale's range, rounded up to the scale's step: 4 on 1-5,
/// 3.875 -> 4 on 0.5-5 in halves, 7.75 -> 8 on 1-10; on a continuous scale the value itself.
float defaultLikeThreshold(const RatingScale& scale);
/// The threshold, or defaultLikeThreshold(scale) when it is "auto" (NaN).
float likeThreshold(double threshold, const RatingScale& scale);
float likeThreshold(const HyperParams& hp, const RatingScale& scale);
/// hp with its like threshold resolved: what a cascade model is built with (the model has no scale).
HyperParams resolvedLikeThreshold(HyperParams hp, const RatingScale& scale);
inline bool isLike(float rating, float threshold)
{
    return rating >= threshold;
}
/// The share of the ratings that are likes, from a rating histogram (DatasetStats); 0 for none.
double likeShare(const DatasetStats& stats, float threshold);

} // namespace rnr
