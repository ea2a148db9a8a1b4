#pragma once

#include "data/dataset.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace rnr {

/// What filterMinInteractions() removed.
struct FilterReport
{
    std::size_t usersBefore = 0, usersAfter = 0;
    std::size_t itemsBefore = 0, itemsAfter = 0;
    std::size_t interactionsBefore = 0, interactionsAfter = 0;
};

/// Drops users with fewer than minPerUser interactions (docs/method.md, "Filter"), then
/// items left without any interaction, and renumbers the dense ids (the maps back to the
/// original ids, titles, genres and true deviations follow). One pass suffices: only users
/// are filtered, so removing a user never changes another user's count.
Dataset filterMinInteractions(const Dataset& data, std::uint32_t minPerUser = 4, FilterReport* report = nullptr);
/// Whether filterMinInteractions() would return the data unchanged: every user has at least
/// minPerUser interactions and every item one. Then a caller can share the set instead of keeping
/// a copy beside it (MovieLens-20M: 480 MB of interactions).
bool filterKeepsEverything(const Dataset& data, std::uint32_t minPerUser = 4);

inline constexpr std::uint32_t kAllUsers = std::numeric_limits<std::uint32_t>::max();

/// Which of a user's interactions is held out when several share the user's last timestamp
/// (docs/method.md, "Split", tie rules).
enum class TieRule : std::uint8_t
{
    FileOrder, ///< the later row of the source file (the order the data set came in)
    ItemId,    ///< the larger item id (numeric ids by value): independent of row order
    Random,    ///< one of the tied, chosen by the split's seed: independent of row order
    Drop,      ///< such users are not held out, only trained on
};
inline constexpr TieRule kTieRules[] = {TieRule::FileOrder, TieRule::ItemId, TieRule::Random, TieRule::Drop};

/// "file-order", "item-id", "random", "drop": the command line's and the files' names.
std::string_view tieRuleKey(TieRule rule);
std::optional<TieRule> parseTieRule(std::string_view key);

struct SplitConfig
{
    std::uint32_t users = kAllUsers; ///< n: users who get a held-out item (all when n >= user count)
    std::uint64_t seed = 1;
    TieRule ties = TieRule::ItemId;
    bool operator==(const SplitConfig&) const = default;
};

/// Orders original ids: ids of ASCII digits only by their value and before all others (which
/// go by bytes); equal values by bytes. The order of item ids in TieRule::ItemId and of the
/// canonical order.
bool naturalIdLess(std::string_view a, std::string_view b);

/// Puts a data set in its canonical order, whatever order its rows came in: users and items
/// renumbered by naturalIdLess of their original ids (titles, genres and true deviations
/// follow), interactions sorted by user, timestamp, then item. Rows keep their source line,
/// so TieRule::FileOrder still sees the file's order. Loaders call it; generated data is
/// already in it or does not need it.
void putInCanonicalOrder(Dataset& data);

/// The "all but last one" split (docs/method.md, "Split") of a filtered data set.
struct Split
{
    std::vector<Interaction> train;      ///< every interaction not held out, in data set order
    std::vector<Interaction> validation; ///< one held-out interaction per validation user, by user id
    std::vector<Interaction> test;       ///< one held-out interaction per test user, by user id
    std::uint32_t userCount = 0;
    std::uint32_t itemCount = 0;
    /// Users with two or more interactions at their last timestamp: the tie rule chose (or,
    /// with TieRule::Drop, kept out) their held-out item.
    std::uint32_t tiedUsers = 0;
    SplitConfig config;
};

/// How many users a split of `users` users gives to validation and to test.
struct SplitSizes
{
    std::uint32_t validation = 0, test = 0;
};
SplitSizes splitSizes(std::uint32_t users, const SplitConfig& config);
/// What makeSplit(data, config) will give, without making it (one pass over the interactions):
/// the sizes, and the users tied at their last timestamp.
struct SplitPreview
{
    SplitSizes sizes;
    std::uint32_t tiedUsers = 0;
};
SplitPreview previewSplit(const Dataset& filtered, const SplitConfig& config);

/// Chooses n users at random (seeded), holds out each one's chronologically last interaction
/// (several at the last timestamp: config.ties decides), and gives half of them, chosen at
/// random, to validation (floor(n/2)) and the rest to test: each chosen user is in exactly one
/// of the two. With TieRule::Drop, the n are chosen among the users without a tie. Users need
/// at least two interactions; filter first.
Split makeSplit(const Dataset& filtered, const SplitConfig& config);

/// Compressed per-user item lists (CSR), items ascending: a user's training history for
/// excluding known items at evaluation and for negative sampling.
struct UserItems
{
    std::vector<std::uint32_t> offsets; ///< userCount + 1 entries
    std::vector<std::uint32_t> items;
    std::uint32_t itemCount = 0; ///< size of the item id space
    /// users x items bits for O(1) contains() when that fits in 64 MiB; empty otherwise.
    std::vector<std::uint64_t> bitmap;

    std::uint32_t userCount() const { return offsets.empty() ? 0 : std::uint32_t(offsets.size() - 1); }
    std::span<const std::uint32_t> of(std::uint32_t user) const
    {
        return {items.data() + offsets[user], items.data() + offsets[user + 1]};
    }
    bool contains(std::uint32_t user, std::uint32_t item) const;
};

UserItems buildUserItems(std::span<const Interaction> interactions, std::uint32_t userCount, std::uint32_t itemCount);

} // namespace rnr
