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
    // Up to the next step of the grid; a point on the grid (to rounding) stays where it is.
    const double steps = std::ceil((point - double(scale.min)) / double(scale.step) - 1e-9);
    return float(std::min(double(scale.max), double(scale.min) + steps * double(scale.step)));
}

float likeThreshold(const HyperParams& hp, const RatingScale& scale)
{
    return std::isnan(hp.likeThreshold) ? defaultLikeThreshold(scale) : float(hp.likeThreshold);
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

} // namespace rnr
