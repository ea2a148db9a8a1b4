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

SplitPreview previewSplit(const Dataset& data, const SplitConfig& config)
{
    std::vector<std::int64_t> last(data.userCount(), std::numeric_limits<std::int64_t>::min());
    std::vector<std::uint32_t> atLast(data.userCount(), 0);
    for (const Interaction& x : data.interactions) {
        if (x.timestamp > last[x.user]) {
            last[x.user] = x.timestamp;
            atLast[x.user] = 1;
        } else if (x.timestamp == last[x.user]) {
            ++atLast[x.user];
        }
    }
    SplitPreview preview;
    preview.tiedUsers =
        static_cast<std::uint32_t>(std::count_if(atLast.begin(), atLast.end(), [](std::uint32_t n) { return n > 1; }));
    const auto users = static_cast<std::uint32_t>(data.userCount());
    preview.sizes = splitSizes(config.ties == TieRule::Drop ? users - preview.tiedUsers : users, config);
    return preview;
}

std::string_view tieRuleKey(TieRule rule)
{
    switch (rule) {
    case TieRule::FileOrder:
        return "file-order";
    case TieRule::ItemId:
        return "item-id";
    case TieRule::Random:
        return "random";
    case TieRule::Drop:
        return "drop";
    }
    return "item-id";
}

std::optional<TieRule> parseTieRule(std::string_view key)
{
    for (const TieRule rule : kTieRules)
        if (tieRuleKey(rule) == key)
            return rule;
    return std::nullopt;
}

bool naturalIdLess(std::string_view a, std::string_view b)
{
    const auto numeric = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const bool na = numeric(a), nb = numeric(b);
    if (na != nb)
        return na;
    if (na) {
        const auto digits = [](std::string_view s) {
            const auto first = s.find_first_not_of('0');
            return first == std::string_view::npos ? std::string_view{} : s.substr(first);
        };
        const std::string_view da = digits(a), db = digits(b);
        if (da.size() != db.size())
            return da.size() < db.size();
        if (da != db)
            return da < db;
    }
    return a < b;
}

namespace {

// The order of ids under naturalIdLess: rank[dense id] = new dense id.
std::vector<std::uint32_t> naturalRanks(const std::vector<std::string>& ids)
{
    std::vector<std::uint32_t> order(ids.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return naturalIdLess(ids[a], ids[b]); });
    std::vector<std::uint32_t> rank(ids.size());
    for (std::uint32_t k = 0; k < order.size(); ++k)
        rank[order[k]] = k;
    return rank;
}

template <class T> void permute(std::vector<T>& values, const std::vector<std::uint32_t>& rank)
{
    if (values.empty())
        return;
    std::vector<T> out(values.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        out[rank[k]] = std::move(values[k]);
    values = std::move(out);
}

// A well-mixed 64-bit hash of the seed and an original id: the key of TieRule::Random.
std::uint64_t tieKey(std::uint64_t seed, std::string_view userId, std::string_view itemId)
{
    std::uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9e3779b97f4a7c15ull);
    const auto add = [&h](std::string_view s) {
        for (const char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001b3ull;
        }
        h ^= 0xff; // separates "ab","c" from "a","bc"
        h *= 0x100000001b3ull;
    };
    add(userId);
    add(itemId);
    h ^= h >> 33; // splitmix-style finish: FNV's low bits alone are weak
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

} // namespace

void putInCanonicalOrder(Dataset& data)
{
    const std::vector<std::uint32_t> userRank = naturalRanks(data.userIds);
    const std::vector<std::uint32_t> itemRank = naturalRanks(data.itemIds);
    for (Interaction& x : data.interactions) {
        x.user = userRank[x.user];
        x.item = itemRank[x.item];
    }
    permute(data.userIds, userRank);
    permute(data.itemIds, itemRank);
    permute(data.itemTitles, itemRank);
    permute(data.itemGenres, itemRank);
    permute(data.trueDeviation, itemRank);
    const auto byTime = [](const Interaction& a, const Interaction& b) {
        return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.item < b.item;
    };
    auto& rows = data.interactions;
    const auto byUser = [](const Interaction& a, const Interaction& b) { return a.user < b.user; };
    if (!std::is_sorted(rows.begin(), rows.end(), byUser)) {
        std::sort(rows.begin(), rows.end(), [&](const Interaction& a, const Interaction& b) {
            return a.user != b.user ? a.user < b.user : byTime(a, b);
        });
        return;
    }
    // Files grouped by user already (the MovieLens releases): each user's rows alone, in place.
    for (auto first = rows.begin(); first != rows.end();) {
        const auto last = std::find_if(first, rows.end(), [&](const Interaction& x) { return x.user != first->user; });
        std::sort(first, last, byTime);
        first = last;
    }
}

Split makeSplit(const Dataset& data, const SplitConfig& config)
{
    const auto users = static_cast<std::uint32_t>(data.userCount());
    // Each user's chronologically last interaction; among several at the last timestamp, the
    // one the tie rule prefers (Drop keeps the file's order and marks the user tied).
    const auto later = [&](const Interaction& x, const Interaction& y) { // x preferred over y, same time
        switch (config.ties) {
        case TieRule::ItemId:
            return naturalIdLess(data.itemIds[y.item], data.itemIds[x.item]);
        case TieRule::Random: {
            const std::string& user = data.userIds[x.user];
            const std::uint64_t kx = tieKey(config.seed, user, data.itemIds[x.item]);
            const std::uint64_t ky = tieKey(config.seed, user, data.itemIds[y.item]);
            return kx != ky ? kx > ky : naturalIdLess(data.itemIds[y.item], data.itemIds[x.item]);
        }
        case TieRule::FileOrder:
        case TieRule::Drop:
            break;
        }
        return x.row > y.row;
    };
    constexpr auto kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> last(users, kNone);
    std::vector<std::uint32_t> count(users, 0);
    std::vector<char> tied(users, 0);
    for (std::size_t r = 0; r < data.interactions.size(); ++r) {
        const auto& x = data.interactions[r];
        ++count[x.user];
        std::size_t& best = last[x.user];
        if (best == kNone) {
            best = r;
            continue;
        }
        const auto& y = data.interactions[best];
        if (x.timestamp > y.timestamp) {
            best = r;
            tied[x.user] = 0;
        } else if (x.timestamp == y.timestamp) {
            tied[x.user] = 1;
            if (later(x, y))
                best = r;
        }
    }
    for (std::uint32_t u = 0; u < users; ++u)
        if (count[u] < 2)
            throw UsageError("user " + data.userIds[u] + " has fewer than two interactions: filter the data set first");

    // Choose n users: a seeded shuffle of the users who may be held out (all, or with Drop those
    // without a tie), first n taken; the first half of the chosen (in shuffled order) validate,
    // the rest test.
    Rng rng(config.seed);
    std::vector<std::uint32_t> order;
    order.reserve(users);
    for (std::uint32_t u = 0; u < users; ++u)
        if (config.ties != TieRule::Drop || !tied[u])
            order.push_back(u);
    rng.shuffle(std::span(order));
    const SplitSizes sizes = splitSizes(static_cast<std::uint32_t>(order.size()), config);
    const std::uint32_t chosen = sizes.validation + sizes.test;
    const std::uint32_t validationCount = sizes.validation;

    std::vector<char> role(users, 0); // 0 train only, 1 validation, 2 test
    for (std::uint32_t k = 0; k < chosen; ++k)
        role[order[k]] = k < validationCount ? 1 : 2;

    Split split;
    split.userCount = users;
    split.itemCount = static_cast<std::uint32_t>(data.itemCount());
    split.tiedUsers = static_cast<std::uint32_t>(std::count(tied.begin(), tied.end(), char{1}));
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
