#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rnr {

/// One observed event with dense ids. 24 bytes, so that millions fit comfortably.
struct Interaction
{
    std::int64_t timestamp = 0; ///< seconds since the Unix epoch, or the row number when the source has no time
    std::uint32_t user = 0;     ///< dense user id: index into Dataset::userIds
    std::uint32_t item = 0;     ///< dense item id: index into Dataset::itemIds
    std::uint32_t row = 0;      ///< 1-based line (record) number in the source; generation order for built-in data
    float rating = 0.0f;        ///< explicit rating on Dataset::scale
};

/// The declared rating scale: ratings are min, min + step, ..., max (step 0: any value in range).
struct RatingScale
{
    float min = 1.0f;
    float max = 5.0f;
    float step = 1.0f;

    /// True when the rating lies in [min, max] and, for a stepped scale, on the grid.
    bool contains(float rating) const;
    /// "1–5 in steps of 1", "0.5–5 in steps of 0.5", "1–10".
    std::string describe() const;
    bool operator==(const RatingScale&) const = default;
};

/// The smallest scale holding every rating: observed min and max, step 1 when all ratings are
/// whole, 0.5 when all are halves, otherwise 0 (continuous).
RatingScale observedScale(const std::vector<Interaction>& interactions);

/// A loaded or generated ratings data set: interactions with dense ids and the maps back to
/// the publisher's ids, item metadata where the format has it. A plain value type.
struct Dataset
{
    std::string name;   ///< human-readable, e.g. "MovieLens 100K"
    std::string source; ///< the path it came from, or "builtin:demo"
    std::vector<Interaction> interactions;
    std::vector<std::string> userIds;                   ///< dense user id -> original id
    std::vector<std::string> itemIds;                   ///< dense item id -> original id
    std::vector<std::string> itemTitles;                ///< empty, or one UTF-8 title per item ("" = unknown)
    std::vector<std::string> genreNames;                ///< names of the genres/categories
    std::vector<std::vector<std::uint32_t>> itemGenres; ///< empty, or per item: indices into genreNames
    RatingScale scale;
    bool hasTimestamps = true;        ///< false: timestamps are row numbers
    std::vector<float> trueDeviation; ///< built-in demo only: ground-truth ‖e_i‖ per item

    std::size_t userCount() const { return userIds.size(); }
    std::size_t itemCount() const { return itemIds.size(); }
    /// Title when known, otherwise "item <original id>".
    std::string itemLabel(std::uint32_t item) const;
    /// A 64-bit hash of ids, ratings and timestamps: identifies the data a model was trained on.
    std::uint64_t fingerprint() const;
};

/// Why a data set does not fit together (an interaction's user or item outside the ids, item
/// metadata of the wrong length, a genre index outside the genre names), or "" when it does.
/// For data that did not come from a loader: sessions, generated data.
std::string datasetProblem(const Dataset& data);

} // namespace rnr
