#include "eval/metrics.h"

#include "core/detail/rng.h"
#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <map>
#include <sstream>

namespace rnr {

namespace {

/// Recall, MRR or NDCG of one 1-based rank at k; NaN for an unknown name.
double rankValue(std::uint32_t rank, std::string_view metric, std::uint32_t k)
{
    const bool hit = rank >= 1 && rank <= k;
    if (metric == "recall")
        return hit ? 1.0 : 0.0;
    if (metric == "mrr")
        return hit ? 1.0 / rank : 0.0;
    if (metric == "ndcg")
        return hit ? 1.0 / std::log2(rank + 1.0) : 0.0;
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

double outcomeValue(const UserOutcome& o, const std::string& metric, std::uint32_t k)
{
    if (metric == "recall" || metric == "mrr" || metric == "ndcg")
        return rankValue(o.rank, metric, k);
    if (metric == "squared-error")
        return double(o.predicted - o.rating) * double(o.predicted - o.rating);
    if (metric == "absolute-error")
        return std::fabs(double(o.predicted - o.rating));
    if (metric == "like-recall" || metric == "like-mrr" || metric == "like-ndcg")
        return o.liked ? rankValue(o.likeRank, std::string_view(metric).substr(5), k)
                       : std::numeric_limits<double>::quiet_NaN();
    throw UsageError("unknown metric '" + metric +
                     "' (recall, mrr, ndcg, squared-error, absolute-error, like-recall, like-mrr, like-ndcg)");
}

void copyLikeFigures(const Metrics& from, Metrics& to)
{
    to.likeRecall = from.likeRecall;
    to.likeMrr = from.likeMrr;
    to.likeNdcg = from.likeNdcg;
    to.likeUsers = from.likeUsers;
    to.likeAuc = from.likeAuc;
    to.likeLogLoss = from.likeLogLoss;
}

double likeLogLoss(const std::vector<UserOutcome>& outcomes)
{
    constexpr double kFloor = 1e-7; // p clipped to [1e-7, 1 - 1e-7]: one sure mistake costs 16.1, not infinity
    double sum = 0;
    std::size_t n = 0;
    for (const UserOutcome& o : outcomes)
        if (!std::isnan(o.likeGivenChoice)) {
            const double p = std::clamp(double(o.likeGivenChoice), kFloor, 1.0 - kFloor);
            sum -= o.liked ? std::log(p) : std::log(1.0 - p);
            ++n;
        }
    return n ? sum / double(n) : std::numeric_limits<double>::quiet_NaN();
}

double likeAuc(const std::vector<UserOutcome>& outcomes)
{
    // Mid-ranks of the like scores: AUC = (sum of the likes' ranks - n1 (n1 + 1) / 2) / (n1 n0).
    std::vector<std::pair<float, bool>> scored;
    for (const UserOutcome& o : outcomes)
        if (!std::isnan(o.likeScore))
            scored.emplace_back(o.likeScore, o.liked);
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    double likeRanks = 0, likes = 0;
    for (std::size_t begin = 0; begin < scored.size();) {
        std::size_t end = begin;
        while (end < scored.size() && scored[end].first == scored[begin].first)
            ++end;
        const double midRank = (double(begin + 1) + double(end)) / 2; // 1-based ranks begin+1 .. end
        for (std::size_t j = begin; j < end; ++j)
            if (scored[j].second) {
                likeRanks += midRank;
                ++likes;
            }
        begin = end;
    }
    const double others = double(scored.size()) - likes;
    if (likes == 0 || others == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (likeRanks - likes * (likes + 1) / 2) / (likes * others);
}

MeanStd meanStd(const std::vector<double>& values)
{
    MeanStd s;
    double sum = 0, sumSq = 0;
    for (const double v : values) {
        if (std::isnan(v))
            continue;
        ++s.n;
        sum += v;
        sumSq += v * v;
    }
    if (s.n == 0) {
        s.mean = s.std = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.mean = sum / double(s.n);
    s.std = s.n > 1 ? std::sqrt(std::max(0.0, (sumSq - sum * sum / double(s.n)) / double(s.n - 1))) : 0.0;
    return s;
}

std::string formatMeanStd(const MeanStd& s, int decimals, std::string_view plusMinus, std::string_view none)
{
    if (s.n == 0)
        return std::string(none);
    auto fixed = [decimals](double v) {
        std::ostringstream out;
        out << std::fixed << std::setprecision(decimals) << v;
        return out.str();
    };
    if (s.n == 1)
        return fixed(s.mean);
    return fixed(s.mean) + std::string(plusMinus) + fixed(s.std);
}

Metrics computeMetrics(const std::vector<UserOutcome>& outcomes, std::uint32_t k)
{
    Metrics m;
    m.k = k;
    m.users = outcomes.size();
    if (outcomes.empty()) {
        m.rmse = m.mae = m.likeRecall = m.likeMrr = m.likeNdcg = m.likeAuc = std::numeric_limits<double>::quiet_NaN();
        return m;
    }
    double squared = 0, absolute = 0;
    std::size_t rated = 0;
    for (const auto& o : outcomes) {
        m.recall += outcomeValue(o, "recall", k);
        m.mrr += outcomeValue(o, "mrr", k);
        m.ndcg += outcomeValue(o, "ndcg", k);
        if (!std::isnan(o.predicted)) {
            squared += outcomeValue(o, "squared-error", k);
            absolute += outcomeValue(o, "absolute-error", k);
            ++rated;
        }
    }
    const double n = double(outcomes.size());
    m.recall /= n;
    m.mrr /= n;
    m.ndcg /= n;
    for (const auto& o : outcomes)
        if (o.liked) {
            ++m.likeUsers;
            m.likeRecall += outcomeValue(o, "like-recall", k);
            m.likeMrr += outcomeValue(o, "like-mrr", k);
            m.likeNdcg += outcomeValue(o, "like-ndcg", k);
        }
    const double likes = m.likeUsers ? double(m.likeUsers) : std::numeric_limits<double>::quiet_NaN();
    m.likeRecall /= likes;
    m.likeMrr /= likes;
    m.likeNdcg /= likes;
    m.likeAuc = likeAuc(outcomes);
    m.likeLogLoss = likeLogLoss(outcomes);
    m.rmse = rated ? std::sqrt(squared / double(rated)) : std::numeric_limits<double>::quiet_NaN();
    m.mae = rated ? absolute / double(rated) : std::numeric_limits<double>::quiet_NaN();
    return m;
}

void alignOutcomes(const std::vector<UserOutcome>& a, const std::vector<UserOutcome>& b, const std::string& metric,
                   std::uint32_t k, std::vector<double>& valuesA, std::vector<double>& valuesB)
{
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> first;
    for (const auto& o : a)
        first[{o.user, o.item}] = outcomeValue(o, metric, k);
    for (const auto& o : b) {
        const auto it = first.find({o.user, o.item});
        if (it == first.end())
            continue;
        const double value = outcomeValue(o, metric, k);
        if (std::isnan(it->second) || std::isnan(value))
            continue;
        valuesA.push_back(it->second);
        valuesB.push_back(value);
    }
}

PairedTest pairedTest(const std::vector<UserOutcome>& a, const std::vector<UserOutcome>& b, const std::string& metric,
                      std::uint32_t k, std::size_t resamples, std::uint64_t seed)
{
    std::vector<double> valuesA, valuesB;
    alignOutcomes(a, b, metric, k, valuesA, valuesB);
    return pairedTest(valuesA, valuesB, metric, resamples, seed);
}

PairedTest pairedTest(const std::vector<double>& a, const std::vector<double>& b, const std::string& metric,
                      std::size_t resamples, std::uint64_t seed)
{
    if (a.size() != b.size())
        throw UsageError("paired test: the two runs have different numbers of values");
    if (a.empty())
        throw UsageError("the two runs share no held-out interaction: they were not evaluated on the same split");
    PairedTest test;
    test.metric = metric;
    std::vector<double> differences;
    for (std::size_t i = 0; i < a.size(); ++i) {
        test.meanA += a[i];
        test.meanB += b[i];
        differences.push_back(b[i] - a[i]);
        if (b[i] > a[i])
            ++test.bBetter;
        else if (b[i] < a[i])
            ++test.aBetter;
        else
            ++test.ties;
    }
    const double n = double(differences.size());
    test.pairs = differences.size();
    test.meanA /= n;
    test.meanB /= n;
    double sum = 0, sumSq = 0;
    for (double d : differences) {
        sum += d;
        sumSq += d * d;
    }
    test.meanDifference = sum / n;
    const double variance = n > 1 ? (sumSq - sum * sum / n) / (n - 1) : 0.0;
    test.standardError = std::sqrt(std::max(variance, 0.0) / n);
    // Under the null hypothesis each difference is as likely to have the other sign.
    const double observed = std::fabs(sum);
    Rng rng(seed);
    std::size_t extreme = 0;
    for (std::size_t r = 0; r < resamples; ++r) {
        double flipped = 0;
        for (double d : differences)
            flipped += (rng.next() & 1) ? d : -d;
        if (std::fabs(flipped) >= observed - 1e-12)
            ++extreme;
    }
    test.pValue = double(extreme + 1) / double(resamples + 1);
    return test;
}

} // namespace rnr
