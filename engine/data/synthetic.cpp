#include "data/synthetic.h"

#include "core/detail/rng.h"
#include "core/errors.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_set>

namespace rnr {

Dataset syntheticRatings(const SyntheticSize& size)
{
    if (size.users == 0 || size.items == 0)
        throw UsageError("a synthetic data set needs users and items");
    if (size.ratings > std::uint64_t(size.users) * size.items / 2)
        throw UsageError("too many synthetic ratings for the number of users and items");
    Rng rng(size.seed);
    Dataset data;
    data.name = "Synthetic " + std::to_string(size.ratings) + " ratings";
    data.source = "builtin:synthetic";
    data.scale = RatingScale{1.0f, 5.0f, 1.0f};
    for (std::uint32_t u = 0; u < size.users; ++u)
        data.userIds.push_back(std::to_string(u + 1));
    for (std::uint32_t i = 0; i < size.items; ++i)
        data.itemIds.push_back(std::to_string(i + 1));

    // Item popularity ~ 1 / rank^0.8, sampled through a cumulative table.
    std::vector<double> cumulative(size.items);
    double total = 0;
    for (std::uint32_t i = 0; i < size.items; ++i)
        cumulative[i] = total += 1.0 / std::pow(i + 1.0, 0.8);
    // User activity: log-normal weights, normalised to the requested total.
    std::vector<double> weight(size.users);
    double weightSum = 0;
    for (auto& w : weight)
        weightSum += w = std::exp(rng.normal());
    std::vector<std::uint64_t> perUser(size.users);
    std::uint64_t assigned = 0;
    const std::uint64_t cap = size.items / 2;
    for (std::uint32_t u = 0; u < size.users; ++u) {
        perUser[u] = std::clamp<std::uint64_t>(std::uint64_t(weight[u] / weightSum * double(size.ratings)), 1, cap);
        assigned += perUser[u];
    }
    for (std::uint32_t u = 0; assigned < size.ratings; u = (u + 1) % size.users)
        if (perUser[u] < cap) {
            ++perUser[u];
            ++assigned;
        }
    for (std::uint32_t u = 0; assigned > size.ratings; u = (u + 1) % size.users)
        if (perUser[u] > 1) {
            --perUser[u];
            --assigned;
        }

    data.interactions.reserve(size.ratings);
    std::unordered_set<std::uint32_t> seen;
    std::int64_t time = 956703932; // MovieLens-1M's first timestamp
    for (std::uint32_t u = 0; u < size.users; ++u) {
        seen.clear();
        while (seen.size() < perUser[u]) {
            const double r = rng.uniform() * total;
            const auto item = static_cast<std::uint32_t>(std::lower_bound(cumulative.begin(), cumulative.end(), r) -
                                                         cumulative.begin());
            if (!seen.insert(std::min(item, size.items - 1)).second)
                continue;
            Interaction x;
            x.user = u;
            x.item = std::min(item, size.items - 1);
            x.rating = float(1 + rng.below(5));
            x.timestamp = time += 1 + std::int64_t(rng.below(600));
            x.row = std::uint32_t(data.interactions.size() + 1);
            data.interactions.push_back(x);
        }
    }
    return data;
}

SyntheticSize syntheticShape(const std::string& name)
{
    if (name == "1m")
        return SyntheticSize{};
    if (name == "20m")
        return SyntheticSize{138493, 26744, 20000263, 1};
    throw UsageError("unknown data set size '" + name + "' (1m, 20m)");
}

SyntheticSize scaledTo(SyntheticSize shape, std::uint64_t ratings)
{
    const double perUser = double(shape.ratings) / double(shape.users);
    shape.users = static_cast<std::uint32_t>(std::max(1.0, std::round(double(ratings) / perUser)));
    shape.ratings = ratings;
    return shape;
}

namespace {

/// Writes every interaction as one line: user, sep, item, sep, rating, sep, time (the rating with
/// one decimal when halves), after a header line when one is given.
void writeRatings(const Dataset& data, const std::string& path, std::string_view separator, std::string_view header,
                  bool decimal)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        throw DataError(path, 0, std::string("cannot write: ") + std::strerror(errno));
    std::string buffer(header);
    buffer.reserve(1 << 20);
    char number[32];
    auto append = [&](auto value) {
        const auto result = std::to_chars(number, number + sizeof number, value);
        buffer.append(number, result.ptr);
    };
    bool ok = true;
    for (const auto& x : data.interactions) {
        buffer += data.userIds[x.user];
        buffer += separator;
        buffer += data.itemIds[x.item];
        buffer += separator;
        if (decimal) {
            const auto result = std::to_chars(number, number + sizeof number, x.rating, std::chars_format::fixed, 1);
            buffer.append(number, result.ptr);
        } else {
            append(x.rating);
        }
        buffer += separator;
        append(x.timestamp);
        buffer += '\n';
        if (buffer.size() > (1 << 20) - 256) {
            ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), file) == buffer.size();
            buffer.clear();
        }
    }
    ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), file) == buffer.size();
    ok = (std::fclose(file) == 0) && ok;
    if (!ok)
        throw DataError(path, 0, "could not write the whole file (disk full?)");
}

} // namespace

void writeMovieLensDat(const Dataset& data, const std::string& path)
{
    writeRatings(data, path, "::", {}, false);
}

void writeMovieLensCsv(const Dataset& data, const std::string& path)
{
    writeRatings(data, path, ",", "userId,movieId,rating,timestamp\n", true);
}

} // namespace rnr
