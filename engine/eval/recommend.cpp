#include "eval/recommend.h"

#include <algorithm>
#include <cmath>

namespace rnr {

namespace {
/// Scores of every item for one user, with the training history at -infinity and NaN last.
std::vector<float> candidateScores(const Model& model, std::uint32_t user)
{
    RowMatrix<float> scores;
    model.rankingScores({user}, scores);
    std::vector<float> row(scores.data(), scores.data() + scores.cols());
    for (float& s : row)
        if (std::isnan(s))
            s = -std::numeric_limits<float>::max();
    for (const std::uint32_t item : model.history().of(user))
        row[item] = -std::numeric_limits<float>::infinity();
    return row;
}
} // namespace

std::vector<Recommendation> recommend(const Model& model, std::uint32_t user, std::size_t k, const RatingScale& scale)
{
    const std::vector<float> scores = candidateScores(model, user);
    std::vector<std::uint32_t> candidates;
    candidates.reserve(scores.size());
    for (std::uint32_t item = 0; item < scores.size(); ++item)
        if (!std::isinf(scores[item]) || scores[item] > 0)
            candidates.push_back(item);
    const std::size_t n = std::min(k, candidates.size());
    std::partial_sort(
        candidates.begin(), candidates.begin() + std::ptrdiff_t(n), candidates.end(),
        [&](std::uint32_t a, std::uint32_t b) { return scores[a] != scores[b] ? scores[a] > scores[b] : a < b; });
    candidates.resize(n);
    std::vector<Recommendation> list(n);
    for (std::size_t r = 0; r < n; ++r) {
        list[r].item = candidates[r];
        list[r].score = scores[candidates[r]];
    }
    if (model.spec().hasRater() && n > 0) {
        const std::vector<float> ratings = model.predictRatings(std::vector<std::uint32_t>(n, user), candidates);
        for (std::size_t r = 0; r < n; ++r)
            list[r].rating = std::clamp(ratings[r], scale.min, scale.max);
    }
    if (model.hasLikeHead() && n > 0) {
        const std::vector<float> given = model.likeGivenChoice(std::vector<std::uint32_t>(n, user), candidates);
        for (std::size_t r = 0; r < n; ++r) {
            const float s = list[r].score; // R's logit
            list[r].choose = s >= 0 ? 1.0f / (1.0f + std::exp(-s)) : std::exp(s) / (1.0f + std::exp(s));
            list[r].like = list[r].choose * given[r];
        }
    }
    return list;
}

std::uint32_t rankOf(const Model& model, std::uint32_t user, std::uint32_t item)
{
    if (model.history().contains(user, item))
        return 0;
    const std::vector<float> scores = candidateScores(model, user);
    std::uint32_t ahead = 0;
    for (std::uint32_t j = 0; j < scores.size(); ++j)
        ahead += scores[j] > scores[item] || (scores[j] == scores[item] && j < item);
    return ahead + 1;
}

} // namespace rnr
