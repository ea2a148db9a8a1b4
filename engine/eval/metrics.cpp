#include "eval/metrics.h"

#include "core/detail/rng.h"
#include "core/errors.h"

#include <cmath>
#include <iomanip>
#include <limits>
#include <map>
#include <sstream>

namespace rnr {

double outcomeValue(const UserOutcome& o, const std::string& metric, std::uint32_t k)
{
    const bool hit = o.rank >= 1 && o.rank <= k;
    if (metric == "recall")
        return hit ? 1.0 : 0.0;
    if (metric == "mrr")
        return hit ? 1.0 / o.rank : 0.0;
    if (metric == "ndcg")
        return hit ? 1.0 / std::log2(o.rank + 1.0) : 0.0;
    if (metric == "squared-error")
        return double(o.predicted - o.rating) * double(o.predicted - o.rating);
    if (metric == "absolute-error")
        return std::fabs(double(o.predicted - o.rating));
    throw UsageError("unknown metric '" + metric + "' (recall, mrr, ndcg, squared-error, absolute-error)");
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
        m.rmse = m.mae = std::numeric_limits<double>::quiet_NaN();
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
        valuesA.push_back(it->second);
        valuesB.push_back(outcomeValue(o, metric, k));
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
