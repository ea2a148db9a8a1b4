#include "data/demo.h"

#include "core/detail/rng.h"
#include "core/errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string_view>

namespace rnr {

namespace {

constexpr std::array<std::string_view, 8> kGenres{"Action",  "Comedy",   "Drama",       "Sci-Fi",
                                                  "Romance", "Thriller", "Documentary", "Animation"};
constexpr std::array<std::string_view, 40> kAdjectives{
    "Silent", "Crimson", "Hidden", "Last",    "Golden",   "Broken",   "Distant",  "Wild",   "Quiet",   "Burning",
    "Frozen", "Secret",  "Lonely", "Endless", "Fallen",   "Electric", "Midnight", "Bright", "Hollow",  "Restless",
    "Velvet", "Iron",    "Paper",  "Glass",   "Northern", "Savage",   "Gentle",   "Lost",   "Shining", "Bitter",
    "Little", "Eternal", "Silver", "Strange", "Painted",  "Sleeping", "Wicked",   "Final",  "Summer",  "Winter"};
constexpr std::array<std::string_view, 40> kNouns{
    "Harbor", "Garden",  "Empire",  "River",      "Machine",  "Promise", "Kingdom", "Letter",   "Station", "Mirror",
    "Forest", "Storm",   "Voyage",  "Island",     "Shadow",   "Horizon", "Circus",  "Orchard",  "Lantern", "Frontier",
    "Canyon", "Planet",  "Whisper", "Bridge",     "Comet",    "Village", "Tide",    "Engine",   "Signal",  "Dancer",
    "Castle", "Compass", "Harvest", "Lighthouse", "Symphony", "Desert",  "Glacier", "Carnival", "Valley",  "Orbit"};

Eigen::MatrixXf gaussianMatrix(Rng& rng, Eigen::Index rows, Eigen::Index cols, double sigma)
{
    Eigen::MatrixXf m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            m(r, c) = static_cast<float>(sigma * rng.normal());
    return m;
}

/// A k x k map near the identity: traits resemble, but are not, the selection factors.
Eigen::MatrixXf nearIdentity(Rng& rng, Eigen::Index k)
{
    return 0.8f * Eigen::MatrixXf::Identity(k, k) + gaussianMatrix(rng, k, k, 0.4 / std::sqrt(double(k)));
}

std::string itemTitle(std::uint32_t index, Rng& rng)
{
    constexpr std::uint32_t combinations = kAdjectives.size() * kNouns.size();
    const std::uint32_t code = (index * 997u) % combinations; // 997 is prime to 1600: a bijection
    std::string title =
        "The " + std::string(kAdjectives[code / kNouns.size()]) + " " + std::string(kNouns[code % kNouns.size()]);
    if (const std::uint32_t part = index / combinations; part > 0)
        title += " " + std::to_string(part + 1);
    return title + " (" + std::to_string(1950 + rng.below(75)) + ")";
}

} // namespace

float DemoTruth::expectedRating(std::uint32_t user, std::uint32_t item, bool withSurprise) const
{
    Eigen::VectorXf traits = itemTraits.row(item).transpose();
    if (!withSurprise)
        traits -= surprise.row(item).transpose();
    return mean + userBias(user) + itemBias(item) + tasteScale * userTaste.row(user).dot(traits);
}

Dataset generateDemo(const DemoConfig& config, DemoTruth* truthOut)
{
    if (config.users == 0 || config.items < 2 || config.factors == 0)
        throw UsageError("the demo data set needs at least one user, two items and one factor");
    if (config.minPerUser == 0 || config.minPerUser > config.items)
        throw UsageError("the demo's minimum picks per user must be between 1 and the number of items");
    const Eigen::Index n = config.users, m = config.items, k = config.factors;
    Rng rng(config.seed);
    DemoTruth truth;

    // Selection: logits a_u . s_i have a standard deviation of about 1.2.
    const double sigma = std::sqrt(1.2 / std::sqrt(double(k)));
    truth.userSelection = gaussianMatrix(rng, n, k, sigma);
    truth.itemSelection = gaussianMatrix(rng, m, k, sigma);
    truth.popularity.resize(m);
    for (Eigen::Index i = 0; i < m; ++i) // exponential: exp(beta) is Pareto-tailed
        truth.popularity(i) = static_cast<float>(-0.7 * std::log(rng.uniformOpen()));

    // Post-consumption traits and the sparse surprise.
    truth.traitMap = nearIdentity(rng, k);
    truth.surprise = Eigen::MatrixXf::Zero(m, k);
    for (Eigen::Index i = 0; i < m; ++i)
        if (rng.uniform() < config.surpriseShare)
            truth.surprise.row(i) = gaussianMatrix(rng, 1, k, config.surpriseScale);
    truth.itemTraits = truth.itemSelection * truth.traitMap.transpose() + truth.surprise;
    const Eigen::MatrixXf tasteMap = nearIdentity(rng, k);
    truth.userTaste = truth.userSelection * tasteMap.transpose() + gaussianMatrix(rng, n, k, 0.3 * sigma);
    truth.userBias = gaussianMatrix(rng, n, 1, 0.35);
    truth.itemBias = gaussianMatrix(rng, m, 1, 0.35);
    truth.mean = 3.5f;
    truth.noise = 0.4f;
    {
        // Scale the taste term to a standard deviation of 0.9 over random (user, item) pairs.
        double sum = 0, sumSq = 0;
        constexpr int samples = 4000;
        for (int s = 0; s < samples; ++s) {
            const double v = truth.userTaste.row(rng.below(n)).dot(truth.itemTraits.row(rng.below(m)));
            sum += v;
            sumSq += v * v;
        }
        const double var = sumSq / samples - (sum / samples) * (sum / samples);
        truth.tasteScale = static_cast<float>(0.9 / std::sqrt(std::max(var, 1e-9)));
    }

    Dataset data;
    data.name = "Demo (seed " + std::to_string(config.seed) + ")";
    data.source = "builtin:demo";
    data.scale = RatingScale{1.0f, 5.0f, 1.0f};
    data.userIds.resize(n);
    for (Eigen::Index u = 0; u < n; ++u)
        data.userIds[u] = std::to_string(u + 1);
    data.itemIds.resize(m);
    data.itemTitles.resize(m);
    data.itemGenres.resize(m);
    for (std::uint32_t g = 0; g < k; ++g)
        data.genreNames.push_back(g < kGenres.size() ? std::string(kGenres[g]) : "Genre " + std::to_string(g + 1));
    for (Eigen::Index i = 0; i < m; ++i) {
        data.itemIds[i] = std::to_string(i + 1);
        data.itemTitles[i] = itemTitle(static_cast<std::uint32_t>(i), rng);
        Eigen::Index dominant = 0;
        truth.itemSelection.row(i).maxCoeff(&dominant);
        data.itemGenres[i] = {static_cast<std::uint32_t>(dominant)};
    }
    data.trueDeviation.resize(m);
    for (Eigen::Index i = 0; i < m; ++i)
        data.trueDeviation[i] = truth.surprise.row(i).norm();

    // Choices: Gumbel-top-n_u draws n_u items without replacement with probability
    // proportional to exp(a_u . s_i + beta_i).
    const double logMeanExtra = std::log(std::max(config.meanPerUser - config.minPerUser, 1.0)) - 0.5;
    const std::uint32_t maxPerUser = std::max(config.minPerUser, config.items / 2);
    std::vector<std::pair<float, std::uint32_t>> keys(m);
    std::int64_t clockStart = 1577836800; // 2020-01-01
    for (Eigen::Index u = 0; u < n; ++u) {
        const double extra = std::exp(logMeanExtra + rng.normal()); // log-normal, sigma 1
        const auto picks =
            static_cast<std::uint32_t>(std::min<double>(maxPerUser, config.minPerUser + std::floor(extra)));
        const Eigen::VectorXf logits = truth.itemSelection * truth.userSelection.row(u).transpose() + truth.popularity;
        for (Eigen::Index i = 0; i < m; ++i)
            keys[i] = {logits(i) - static_cast<float>(std::log(-std::log(rng.uniformOpen()))),
                       static_cast<std::uint32_t>(i)};
        std::nth_element(keys.begin(), keys.begin() + picks - 1, keys.end(), std::greater<>());
        std::vector<std::uint32_t> chosen(picks);
        for (std::uint32_t p = 0; p < picks; ++p)
            chosen[p] = keys[p].second;
        std::sort(chosen.begin(), chosen.end()); // independent of nth_element's internal order
        rng.shuffle(std::span(chosen));          // the order of consumption
        std::int64_t clock = clockStart + static_cast<std::int64_t>(rng.below(365 * 86400));
        for (const std::uint32_t i : chosen) {
            clock += 60 + static_cast<std::int64_t>(-2.0 * 86400 * std::log(rng.uniformOpen()));
            const double value = truth.expectedRating(static_cast<std::uint32_t>(u), i) + truth.noise * rng.normal();
            Interaction x;
            x.user = static_cast<std::uint32_t>(u);
            x.item = i;
            x.rating = static_cast<float>(std::clamp(std::round(value), 1.0, 5.0));
            x.timestamp = clock;
            x.row = static_cast<std::uint32_t>(data.interactions.size() + 1);
            data.interactions.push_back(x);
        }
    }
    if (truthOut)
        *truthOut = std::move(truth);
    return data;
}

} // namespace rnr
