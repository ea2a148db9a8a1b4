#include "eval/evaluator.h"

#include "core/detail/parallel.h"
#include "eval/like.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

namespace rnr {

namespace {

/// Thresholds for lists up to this long are found by insertion; longer ones by a selection.
constexpr std::uint32_t kInsertTop = 64;

/// Users per block: at most 128, fewer on a large catalogue so that a block's scores (written by
/// the GEMM, read twice by the ranking) stay within about 4 MiB of cache.
std::size_t blockUsers(std::size_t items)
{
    constexpr std::size_t kScores = std::size_t(1) << 20;
    return std::clamp<std::size_t>(kScores / std::max<std::size_t>(items, 1), 8, 128);
}

/// Rank of `item` and the top-k of one row of scores whose excluded items are -infinity.
void rankRow(const float* scores, std::uint32_t items, std::uint32_t item, std::uint32_t k, bool keepTop,
             UserOutcome& out, std::vector<std::uint32_t>& scratch, std::vector<float>& maxima,
             std::vector<float>& order)
{
    const float target = scores[item];
    std::uint32_t ahead = 0;
    if (std::isnan(target)) {
        ahead = items - 1;
    } else {
        // Ahead: a higher score, or an equal one at a smaller item (two plain loops vectorise).
        for (std::uint32_t j = 0; j < item; ++j)
            ahead += scores[j] >= target;
        for (std::uint32_t j = item + 1; j < items; ++j)
            ahead += scores[j] > target;
    }
    out.rank = ahead + 1;
    if (!keepTop)
        return;
    // The top by (score descending, item ascending), NaN as -infinity (README, "Performance"):
    // with R = items / 16, the first 16 R items are cut into R groups of 16 interleaved items
    // (group r: items r, r + R, ..., r + 15 R), whose largest scores one vectorised pass finds.
    // The top-th largest of these maxima, tau, is reached by `top` distinct items, so every item
    // of the top scores at least tau: only items at or above it in groups whose maximum reaches
    // it (and the last items mod 16 items) are candidates, usually a few times `top`, and a partial
    // sort of them gives the list. With more than R to keep, every item is a candidate.
    const std::uint32_t top = std::min(k, items);
    const auto value = [scores](std::uint32_t j) {
        return std::isnan(scores[j]) ? -std::numeric_limits<float>::infinity() : scores[j];
    };
    constexpr std::uint32_t kGroupItems = 16;
    const std::uint32_t stride = items / kGroupItems; // the groups; items from 16 * stride on are always candidates
    float tau = -std::numeric_limits<float>::infinity();
    if (stride >= top && top > 0) {
        maxima.assign(stride, -std::numeric_limits<float>::infinity());
        for (std::uint32_t g = 0; g < kGroupItems; ++g) {
            const float* __restrict row = scores + std::size_t(g) * stride;
            float* __restrict m = maxima.data();
            for (std::uint32_t r = 0; r < stride; ++r)
                m[r] = row[r] > m[r] ? row[r] : m[r]; // element-wise (vectorises); NaN never enters
        }
        if (top <= kInsertTop) { // the `top` largest maxima, largest first: most rejected by one comparison
            order.assign(top, -std::numeric_limits<float>::infinity());
            for (const float m : maxima)
                if (m > order.back()) {
                    order.pop_back();
                    order.insert(std::upper_bound(order.begin(), order.end(), m, std::greater<>()), m);
                }
            tau = order.back();
        } else { // a long list: linear selection (inserting would cost O(top) each)
            order.assign(maxima.begin(), maxima.end());
            std::nth_element(order.begin(), order.begin() + (top - 1), order.end(), std::greater<>());
            tau = order[top - 1];
        }
    }
    scratch.clear();
    for (std::uint32_t r = 0; r < stride; ++r) {
        if (tau > -std::numeric_limits<float>::infinity() && !(maxima[r] >= tau))
            continue;
        for (std::uint32_t g = 0; g < kGroupItems; ++g)
            if (const std::uint32_t j = g * stride + r; value(j) >= tau)
                scratch.push_back(j);
    }
    for (std::uint32_t j = kGroupItems * stride; j < items; ++j)
        if (value(j) >= tau)
            scratch.push_back(j);
    const auto better = [&](std::uint32_t a, std::uint32_t b) {
        return value(a) > value(b) || (value(a) == value(b) && a < b);
    };
    const auto kept = scratch.begin() + std::min<std::size_t>(top, scratch.size());
    std::partial_sort(scratch.begin(), kept, scratch.end(), better);
    out.top.assign(scratch.begin(), kept);
}

void evaluateBlock(const Model& model, const RowMatrix<float>& likeTower, const std::vector<Interaction>& heldOut,
                   std::size_t begin, std::size_t end, const EvaluationOptions& options,
                   std::vector<UserOutcome>& outcomes)
{
    std::vector<std::uint32_t> users;
    for (std::size_t h = begin; h < end; ++h)
        users.push_back(heldOut[h].user);
    RowMatrix<float> scores, likes;
    model.rankingScores(users, scores);
    if (model.hasLikeHead()) { // cascades: the entire-space like ranking by log p(like)
        likes = scores;
        model.likeScores(users, likeTower, likes);
    }
    const auto& history = model.history();
    std::vector<std::uint32_t> scratch;
    std::vector<float> maxima, order;
    const float excluded = -std::numeric_limits<float>::infinity();
    for (std::size_t h = begin; h < end; ++h) {
        const auto r = Eigen::Index(h - begin);
        float* row = scores.row(r).data();
        for (const std::uint32_t j : history.of(heldOut[h].user))
            row[j] = excluded;
        UserOutcome& o = outcomes[h];
        o.user = heldOut[h].user;
        o.item = heldOut[h].item;
        o.rating = heldOut[h].rating;
        o.likeScore = row[o.item]; // the choice score; a rating component's prediction replaces it
        rankRow(row, model.itemCount(), o.item, options.k, options.keepTop, o, scratch, maxima, order);
        o.likeRank = o.rank;
        if (likes.size() > 0) {
            float* likeRow = likes.row(r).data();
            for (const std::uint32_t j : history.of(heldOut[h].user))
                likeRow[j] = excluded;
            UserOutcome byLike;
            rankRow(likeRow, model.itemCount(), o.item, options.k, false, byLike, scratch, maxima, order);
            o.likeRank = byLike.rank;
            o.likeScore = likeRow[o.item]; // log p(like): the AUC's order, without p's underflow ties
        }
    }
}

} // namespace

Evaluation evaluate(const Model& model, const std::vector<Interaction>& heldOut, const EvaluationOptions& options)
{
    const auto start = std::chrono::steady_clock::now();
    Evaluation result;
    result.outcomes.resize(heldOut.size());
    const std::size_t perBlock = blockUsers(model.itemCount());
    const std::size_t blocks = (heldOut.size() + perBlock - 1) / perBlock;
    const RowMatrix<float> likeTower = model.hasLikeHead() ? model.likeItemTower() : RowMatrix<float>();
    auto runBlock = [&](std::size_t b) {
        evaluateBlock(model, likeTower, heldOut, b * perBlock, std::min(heldOut.size(), (b + 1) * perBlock), options,
                      result.outcomes);
    };
    parallelFor(options.threads, blocks, runBlock);
    // Rating predictions, all pairs at once (item vectors are computed once).
    std::vector<std::uint32_t> users(heldOut.size()), items(heldOut.size());
    for (std::size_t h = 0; h < heldOut.size(); ++h) {
        users[h] = heldOut[h].user;
        items[h] = heldOut[h].item;
    }
    const std::vector<float> predicted = model.predictRatings(users, items);
    const std::vector<float> given = model.likeGivenChoice(users, items); // NaN without a like head
    const float threshold = likeThreshold(options.likeThreshold, options.scale);
    for (std::size_t h = 0; h < heldOut.size(); ++h) {
        UserOutcome& o = result.outcomes[h];
        o.predicted =
            std::isnan(predicted[h]) ? predicted[h] : std::clamp(predicted[h], options.scale.min, options.scale.max);
        o.liked = isLike(o.rating, threshold);
        o.likeGivenChoice = given[h];
        if (model.spec().hasRater())
            o.likeScore = predicted[h]; // unclipped: clipping would tie what the model orders
    }
    result.metrics = computeMetrics(result.outcomes, options.k);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace rnr
