#include "eval/like.h"

#include <algorithm>
#include <cmath>

namespace rnr {

float defaultLikeThreshold(const RatingScale& scale)
{
    const double range = double(scale.max) - double(scale.min);
    const double point = double(scale.min) + 0.75 * range;
    if (!(scale.step > 0))
        return float(point);
    // Up to the next step of the grid; a point on the grid (to float rounding of the step) stays.
    const double exact = (point - double(scale.min)) / double(scale.step);
    const double steps = std::abs(exact - std::round(exact)) < 1e-4 ? std::round(exact) : std::ceil(exact);
    return float(std::min(double(scale.max), double(scale.min) + steps * double(scale.step)));
}

float likeThreshold(double threshold, const RatingScale& scale)
{
    return std::isnan(threshold) ? defaultLikeThreshold(scale) : float(threshold);
}

float likeThreshold(const HyperParams& hp, const RatingScale& scale)
{
    return likeThreshold(hp.likeThreshold, scale);
}

double likeShare(const DatasetStats& stats, float threshold)
{
    std::uint64_t likes = 0, all = 0;
    for (const auto& [rating, count] : stats.ratingHistogram) {
        all += count;
        likes += isLike(rating, threshold) ? count : 0;
    }
    return all ? double(likes) / double(all) : 0.0;
}

HyperParams resolvedLikeThreshold(HyperParams hp, const RatingScale& scale)
{
    hp.likeThreshold = double(likeThreshold(hp, scale));
    return hp;
}

} // namespace rnr
