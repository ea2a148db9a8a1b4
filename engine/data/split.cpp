#include "data/split.h"

#include "core/detail/rng.h"
#include "core/errors.h"

#include <algorithm>
#include <numeric>

namespace rnr {

Dataset filterMinInteractions(const Dataset& data, std::uint32_t minPerUser, FilterReport* report)
{
    std::vector<std::uint32_t> perUser(data.userCount(), 0);
    for (const auto& x : data.interactions)
        ++perUser[x.user];
    constexpr auto kGone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> userMap(data.userCount(), kGone), itemMap(data.itemCount(), kGone);
    Dataset out;
    out.name = data.name;
    out.source = data.source;
    out.scale = data.scale;
    out.hasTimestamps = data.hasTimestamps;
    out.genreNames = data.genreNames;
    for (std::uint32_t u = 0; u < data.userCount(); ++u) {
        if (perUser[u] >= minPerUser) {
            userMap[u] = static_cast<std::uint32_t>(out.userIds.size());
            out.userIds.push_back(data.userIds[u]);
        }
    }
    // Items keep their relative order; an item survives when a kept user interacted with it.
    std::vector<char> itemUsed(data.itemCount(), 0);
    for (const auto& x : data.interactions)
        if (userMap[x.user] != kGone)
            itemUsed[x.item] = 1;
    for (std::uint32_t i = 0; i < data.itemCount(); ++i) {
        if (!itemUsed[i])
            continue;
        itemMap[i] = static_cast<std::uint32_t>(out.itemIds.size());
        out.itemIds.push_back(data.itemIds[i]);
        if (!data.itemTitles.empty())
            out.itemTitles.push_back(data.itemTitles[i]);
        if (!data.itemGenres.empty())
            out.itemGenres.push_back(data.itemGenres[i]);
        if (!data.trueDeviation.empty())
            out.trueDeviation.push_back(data.trueDeviation[i]);
    }
    out.interactions.reserve(data.interactions.size());
    for (auto x : data.interactions) {
        if (userMap[x.user] == kGone)
            continue;
        x.user = userMap[x.user];
        x.item = itemMap[x.item];
        out.interactions.push_back(x);
    }
    if (report) {
        *report = FilterReport{data.userCount(), out.userCount(),          data.itemCount(),
                               out.itemCount(),  data.interactions.size(), out.interactions.size()};
    }
    return out;
}

bool filterKeepsEverything(const Dataset& data, std::uint32_t minPerUser)
{
    std::vector<std::uint32_t> perUser(data.userCount(), 0);
    std::vector<char> itemUsed(data.itemCount(), 0);
    for (const auto& x : data.interactions) {
        ++perUser[x.user];
        itemUsed[x.item] = 1;
    }
    return std::all_of(perUser.begin(), perUser.end(), [&](std::uint32_t n) { return n >= minPerUser; }) &&
           std::all_of(itemUsed.begin(), itemUsed.end(), [](char used) { return used != 0; });
}

SplitSizes splitSizes(std::uint32_t users, const SplitConfig& config)
{
    const std::uint32_t chosen = std::min(config.users, users);
    return SplitSizes{chosen / 2, chosen - chosen / 2};
}

Split makeSplit(const Dataset& data, const SplitConfig& config)
{
    const auto users = static_cast<std::uint32_t>(data.userCount());
    // Each user's chronologically last interaction: larger timestamp, then larger row.
    constexpr auto kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> last(users, kNone);
    std::vector<std::uint32_t> count(users, 0);
    for (std::size_t r = 0; r < data.interactions.size(); ++r) {
        const auto& x = data.interactions[r];
        ++count[x.user];
        std::size_t& best = last[x.user];
        if (best == kNone)
            best = r;
        else if (const auto& y = data.interactions[best];
                 x.timestamp > y.timestamp || (x.timestamp == y.timestamp && x.row > y.row))
            best = r;
    }
    for (std::uint32_t u = 0; u < users; ++u)
        if (count[u] < 2)
            throw UsageError("user " + data.userIds[u] + " has fewer than two interactions: filter the data set first");

    // Choose n users: a seeded shuffle of all users, first n taken; the first half of the
    // chosen (in shuffled order) validate, the rest test.
    Rng rng(config.seed);
    std::vector<std::uint32_t> order(users);
    std::iota(order.begin(), order.end(), 0u);
    rng.shuffle(std::span(order));
    const SplitSizes sizes = splitSizes(users, config);
    const std::uint32_t chosen = sizes.validation + sizes.test;
    const std::uint32_t validationCount = sizes.validation;

    std::vector<char> role(users, 0); // 0 train only, 1 validation, 2 test
    for (std::uint32_t k = 0; k < chosen; ++k)
        role[order[k]] = k < validationCount ? 1 : 2;

    Split split;
    split.userCount = users;
    split.itemCount = static_cast<std::uint32_t>(data.itemCount());
    split.config = config;
    split.train.reserve(data.interactions.size() - chosen);
    for (std::size_t r = 0; r < data.interactions.size(); ++r) {
        const auto& x = data.interactions[r];
        if (role[x.user] != 0 && last[x.user] == r)
            continue;
        split.train.push_back(x);
    }
    for (std::uint32_t u = 0; u < users; ++u) {
        if (role[u] == 1)
            split.validation.push_back(data.interactions[last[u]]);
        else if (role[u] == 2)
            split.test.push_back(data.interactions[last[u]]);
    }
    return split;
}

bool UserItems::contains(std::uint32_t user, std::uint32_t item) const
{
    if (!bitmap.empty()) {
        const std::uint64_t bit = std::uint64_t(user) * itemCount + item;
        return (bitmap[bit >> 6] >> (bit & 63)) & 1u;
    }
    const auto list = of(user);
    return std::binary_search(list.begin(), list.end(), item);
}

UserItems buildUserItems(std::span<const Interaction> interactions, std::uint32_t userCount, std::uint32_t itemCount)
{
    UserItems index;
    index.itemCount = itemCount;
    index.offsets.assign(userCount + 1, 0);
    for (const auto& x : interactions)
        ++index.offsets[x.user + 1];
    for (std::uint32_t u = 0; u < userCount; ++u)
        index.offsets[u + 1] += index.offsets[u];
    index.items.resize(interactions.size());
    std::vector<std::uint32_t> fill(index.offsets.begin(), index.offsets.end() - 1);
    for (const auto& x : interactions)
        index.items[fill[x.user]++] = x.item;
    for (std::uint32_t u = 0; u < userCount; ++u)
        std::sort(index.items.begin() + index.offsets[u], index.items.begin() + index.offsets[u + 1]);
    const std::uint64_t bits = std::uint64_t(userCount) * itemCount;
    if (bits <= (std::uint64_t{64} << 23)) { // 64 MiB
        index.bitmap.assign((bits + 63) / 64, 0);
        for (std::uint32_t u = 0; u < userCount; ++u)
            for (const std::uint32_t i : index.of(u)) {
                const std::uint64_t bit = std::uint64_t(u) * itemCount + i;
                index.bitmap[bit >> 6] |= std::uint64_t{1} << (bit & 63);
            }
    }
    return index;
}

} // namespace rnr
