#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace rnr {

/// Evaluation figures (docs/method.md, "Evaluation"). Rating figures are NaN for models without
/// a rating component.
struct Metrics
{
    double recall = 0.0; ///< Recall@k ("Accuracy@k" in the paper, = HR@k with one held-out item)
    double mrr = 0.0;    ///< MRR@k: mean of 1/rank when rank <= k, else 0
    double ndcg = 0.0;   ///< NDCG@k: mean of 1/log2(rank + 1) when rank <= k, else 0
    double rmse = 0.0;
    double mae = 0.0;
    std::size_t users = 0; ///< evaluated users
    std::uint32_t k = 10;
    /// Choose, then like (docs/method.md, "Choose, then like"): Like@k, MRR@k and NDCG@k of the
    /// held-out item in the like ranking over the users whose held-out rating is a like; NaN
    /// without such users.
    double likeRecall = 0.0, likeMrr = 0.0, likeNdcg = 0.0;
    std::size_t likeUsers = 0; ///< users whose held-out rating is a like
    /// Like AUC: the chance that a held-out like outranks a held-out non-like in the like order,
    /// ties counting a half, pooled over users; NaN without both kinds.
    double likeAuc = 0.0;
    /// A like head's log loss (cascades): the mean cross-entropy of p(like | choose) against the
    /// like labels of the held-out rated items; NaN for models without a like head.
    double likeLogLoss = std::numeric_limits<double>::quiet_NaN();
};

/// What one held-out interaction became under one model: enough to compare runs user by user.
struct UserOutcome
{
    std::uint32_t user = 0;
    std::uint32_t item = 0;         ///< the held-out item
    float rating = 0.0f;            ///< its true rating
    float predicted = 0.0f;         ///< P's prediction (clipped to the scale), NaN without P
    std::uint32_t rank = 0;         ///< 1-based rank among the items not in the user's training history
    std::vector<std::uint32_t> top; ///< the top-k items, best first
    bool liked = false;             ///< the true rating is a like (eval/like.h)
    /// The held-out item's place in the like order (docs/method.md, "Choose, then like"): its
    /// rank in the like ranking, and its like score (for the AUC); NaN score: none.
    std::uint32_t likeRank = 0;
    float likeScore = 0.0f;
    /// A like head's p(like | choose) for the held-out (chosen) item; NaN without a like head.
    float likeGivenChoice = std::numeric_limits<float>::quiet_NaN();
};

/// Copies the like figures (likeRecall ... likeAuc, likeUsers) of one Metrics into another.
void copyLikeFigures(const Metrics& from, Metrics& to);

/// Mean and sample standard deviation (n - 1) of values, e.g. a metric over seeds; NaN values
/// are left out.
struct MeanStd
{
    double mean = 0.0, std = 0.0;
    std::size_t n = 0;
};
MeanStd meanStd(const std::vector<double>& values);
/// A Table-1 cell: "0.1234 ± 0.0056" (plusMinus between), the mean alone for one value, `none`
/// for no value. Every table of results (the window's, its exports, `rnr compare`) writes cells so.
std::string formatMeanStd(const MeanStd& s, int decimals, std::string_view plusMinus = " \u00b1 ",
                          std::string_view none = "\u2013");

/// Metrics of a set of outcomes at cut-off k.
Metrics computeMetrics(const std::vector<UserOutcome>& outcomes, std::uint32_t k);

/// Per-user value of a metric: "recall" (hit 0/1), "mrr", "ndcg" (rank-based, at k),
/// "squared-error" / "absolute-error" (rating) or "like-recall", "like-mrr", "like-ndcg" (the like
/// ranking; NaN when the held-out rating is not a like).
double outcomeValue(const UserOutcome& outcome, const std::string& metric, std::uint32_t k);

/// Paired comparison of two runs on the same held-out interactions.
struct PairedTest
{
    std::string metric;
    std::size_t pairs = 0;
    double meanA = 0.0, meanB = 0.0;
    double meanDifference = 0.0; ///< mean of (b - a)
    double standardError = 0.0;  ///< of the mean difference
    double pValue = 1.0;         ///< two-sided, paired randomisation (sign-flip) test
    std::size_t aBetter = 0, bBetter = 0, ties = 0;
};

/// Paired test on aligned per-pair values (a[i] and b[i] belong together).
PairedTest pairedTest(const std::vector<double>& a, const std::vector<double>& b, const std::string& metric,
                      std::size_t resamples = 20000, std::uint64_t seed = 1);

/// Like AUC of a set of outcomes (Mann-Whitney with half-counted ties); NaN without a like and a
/// non-like among the outcomes with a like score.
double likeAuc(const std::vector<UserOutcome>& outcomes);
/// The mean cross-entropy of the outcomes' p(like | choose) against their like labels, p clipped
/// to [1e-7, 1 - 1e-7]; outcomes without one are left out; NaN for none.
double likeLogLoss(const std::vector<UserOutcome>& outcomes);

/// Values of `metric` for the outcomes both runs have, aligned by (user, item); pairs where either
/// value is NaN (no prediction, not a like) are left out.
void alignOutcomes(const std::vector<UserOutcome>& a, const std::vector<UserOutcome>& b, const std::string& metric,
                   std::uint32_t k, std::vector<double>& valuesA, std::vector<double>& valuesB);

/// Pairs outcomes by (user, item); throws UsageError when the runs share no held-out
/// interaction. `resamples` random sign flips (seeded: the p-value is reproducible).
PairedTest pairedTest(const std::vector<UserOutcome>& a, const std::vector<UserOutcome>& b, const std::string& metric,
                      std::uint32_t k, std::size_t resamples = 20000, std::uint64_t seed = 1);

} // namespace rnr
