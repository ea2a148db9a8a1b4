#include "analysis/deviation.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace rnr {

double pearson(const std::vector<double>& a, const std::vector<double>& b)
{
    const std::size_t n = std::min(a.size(), b.size());
    if (n < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const double ma = std::accumulate(a.begin(), a.begin() + long(n), 0.0) / double(n);
    const double mb = std::accumulate(b.begin(), b.begin() + long(n), 0.0) / double(n);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    if (saa <= 0 || sbb <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    return sab / std::sqrt(saa * sbb);
}

namespace {
std::vector<double> ranks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto x, auto y) { return values[x] < values[y]; });
    std::vector<double> rank(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        const double average = (double(i) + double(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            rank[order[k]] = average;
        i = j + 1;
    }
    return rank;
}
} // namespace

double spearman(const std::vector<double>& a, const std::vector<double>& b)
{
    return pearson(ranks(a), ranks(b));
}

DeviationSummary summariseDeviation(const Model& model, const Dataset& data)
{
    const RowMatrix<float>& deviation = model.params()[Block::Deviation];
    if (deviation.size() == 0)
        throw UsageError("only RnR and its deviation-only ablation have a deviation matrix");
    if (std::size_t(deviation.rows()) != data.itemCount())
        throw UsageError("the model and the data set have different items");
    DeviationSummary s;
    const std::size_t items = data.itemCount();
    s.norm.reserve(items); // push_back: resize() trips a false -Wnull-dereference in GCC 12 at -O3
    for (std::size_t i = 0; i < items; ++i)
        s.norm.push_back(deviation.row(Eigen::Index(i)).norm());
    const UserItems& history = model.history();
    s.popularity.assign(items, 0);
    for (const std::uint32_t i : history.items)
        ++s.popularity[i];
    std::vector<double> sum(items, 0.0), count(items, 0.0);
    for (const auto& x : data.interactions) {
        if (history.contains(x.user, x.item)) {
            sum[x.item] += x.rating;
            count[x.item] += 1;
        }
    }
    s.meanRating.resize(items);
    for (std::size_t i = 0; i < items; ++i)
        s.meanRating[i] = count[i] > 0 ? float(sum[i] / count[i]) : std::numeric_limits<float>::quiet_NaN();
    s.ranking.resize(items);
    std::iota(s.ranking.begin(), s.ranking.end(), 0u);
    std::stable_sort(s.ranking.begin(), s.ranking.end(), [&](auto a, auto b) { return s.norm[a] > s.norm[b]; });
    s.pearsonWithTruth = s.spearmanWithTruth = std::numeric_limits<double>::quiet_NaN();
    if (data.trueDeviation.size() == items) {
        const std::vector<double> learnt(s.norm.begin(), s.norm.end());
        const std::vector<double> truth(data.trueDeviation.begin(), data.trueDeviation.end());
        s.pearsonWithTruth = pearson(learnt, truth);
        s.spearmanWithTruth = spearman(learnt, truth);
    }
    return s;
}

} // namespace rnr
