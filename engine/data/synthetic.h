#pragma once

#include "data/dataset.h"

#include <cstdint>
#include <string>

namespace rnr {

/// Shape of a synthetic data set for benchmarks: MovieLens-1M sized by default.
struct SyntheticSize
{
    std::uint32_t users = 6040;
    std::uint32_t items = 3706;
    std::uint64_t ratings = 1000000;
    std::uint64_t seed = 1;
};

/// The shapes `rnr bench --size` names: "1m" (MovieLens-1M: 6,040 users, 3,706 items, 1,000,209
/// ratings rounded to 1,000,000) and "20m" (MovieLens-20M: 138,493 users, 26,744 items,
/// 20,000,263 ratings). Throws UsageError for another name.
SyntheticSize syntheticShape(const std::string& name);
/// The shape with `ratings` ratings and as many users as keep its ratings per user (the items
/// stay): a small stand-in with the same activity and catalogue.
SyntheticSize scaledTo(SyntheticSize shape, std::uint64_t ratings);

/// Random ratings with MovieLens-like skew (Zipf-ish item popularity, uneven user activity),
/// whole stars 1-5, increasing timestamps; unique (user, item) pairs. Fast: meant for
/// benchmarks, not for learning anything.
Dataset syntheticRatings(const SyntheticSize& size);

/// Writes interactions the way GroupLens writes MovieLens-1M ratings.dat: "user::item::rating::time".
void writeMovieLensDat(const Dataset& data, const std::string& path);
/// Writes interactions the way GroupLens writes MovieLens-20M and ML-latest ratings.csv: the header
/// "userId,movieId,rating,timestamp", then "user,item,4.0,time".
void writeMovieLensCsv(const Dataset& data, const std::string& path);

} // namespace rnr
