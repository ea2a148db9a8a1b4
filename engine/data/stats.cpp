#include "data/stats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace rnr {

namespace {
CountSummary summarise(std::vector<std::uint32_t> counts)
{
    CountSummary s;
    if (counts.empty())
        return s;
    std::sort(counts.begin(), counts.end());
    s.min = counts.front();
    s.max = counts.back();
    s.mean = std::accumulate(counts.begin(), counts.end(), 0.0) / static_cast<double>(counts.size());
    const std::size_t mid = counts.size() / 2;
    s.median = counts.size() % 2 ? counts[mid] : 0.5 * (double(counts[mid - 1]) + double(counts[mid]));
    return s;
}
} // namespace

std::vector<std::uint32_t> interactionsPerUser(const Dataset& data)
{
    std::vector<std::uint32_t> counts(data.userCount(), 0);
    for (const auto& x : data.interactions)
        ++counts[x.user];
    return counts;
}

std::vector<std::uint32_t> interactionsPerItem(const Dataset& data)
{
    std::vector<std::uint32_t> counts(data.itemCount(), 0);
    for (const auto& x : data.interactions)
        ++counts[x.item];
    return counts;
}

DatasetStats computeStats(const Dataset& data)
{
    DatasetStats s;
    s.users = data.userCount();
    s.items = data.itemCount();
    s.interactions = data.interactions.size();
    if (s.users > 0 && s.items > 0)
        s.density = double(s.interactions) / (double(s.users) * double(s.items));
    s.genres = data.genreNames.size();
    s.itemsWithTitle = static_cast<std::size_t>(
        std::count_if(data.itemTitles.begin(), data.itemTitles.end(), [](const auto& t) { return !t.empty(); }));
    s.perUser = summarise(interactionsPerUser(data));
    s.perItem = summarise(interactionsPerItem(data));
    if (data.interactions.empty())
        return s;

    std::map<float, std::uint64_t> bins;
    double sum = 0.0, sumSq = 0.0;
    s.ratingMin = s.ratingMax = data.interactions.front().rating;
    s.firstTime = s.lastTime = data.interactions.front().timestamp;
    for (const auto& x : data.interactions) {
        ++bins[x.rating];
        sum += x.rating;
        sumSq += double(x.rating) * x.rating;
        s.ratingMin = std::min(s.ratingMin, x.rating);
        s.ratingMax = std::max(s.ratingMax, x.rating);
        s.firstTime = std::min(s.firstTime, x.timestamp);
        s.lastTime = std::max(s.lastTime, x.timestamp);
    }
    const double n = double(s.interactions);
    s.ratingMean = sum / n;
    s.ratingStd = std::sqrt(std::max(0.0, sumSq / n - s.ratingMean * s.ratingMean));
    s.ratingHistogram.assign(bins.begin(), bins.end());
    return s;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> countFrequencies(const std::vector<std::uint32_t>& counts)
{
    std::vector<std::uint32_t> sorted(counts);
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (std::uint32_t c : sorted) {
        if (c == 0)
            continue;
        if (out.empty() || out.back().first != c)
            out.emplace_back(c, 0);
        ++out.back().second;
    }
    return out;
}

} // namespace rnr
