#pragma once

#include "data/dataset.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace rnr {

/// Summary of a count distribution (interactions per user or per item).
struct CountSummary
{
    std::uint64_t min = 0, max = 0;
    double mean = 0.0, median = 0.0;
};

/// What `rnr stats` and the data set view show.
struct DatasetStats
{
    std::size_t users = 0, items = 0, interactions = 0;
    double density = 0.0; ///< interactions / (users x items)
    float ratingMin = 0, ratingMax = 0;
    double ratingMean = 0.0, ratingStd = 0.0;
    /// (rating value, count), ascending by value; one bin per distinct rating.
    std::vector<std::pair<float, std::uint64_t>> ratingHistogram;
    CountSummary perUser, perItem;
    std::int64_t firstTime = 0, lastTime = 0;
    std::size_t itemsWithTitle = 0;
    std::size_t genres = 0;
};

DatasetStats computeStats(const Dataset& data);

/// Interactions per user (or per item), indexed by dense id.
std::vector<std::uint32_t> interactionsPerUser(const Dataset& data);
std::vector<std::uint32_t> interactionsPerItem(const Dataset& data);

/// The activity distribution of counts: (count, how many users or items have it), ascending by
/// count, zero counts left out (what a log-log activity plot draws).
std::vector<std::pair<std::uint32_t, std::uint32_t>> countFrequencies(const std::vector<std::uint32_t>& counts);

} // namespace rnr
