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

/// Random ratings with MovieLens-like skew (Zipf-ish item popularity, uneven user activity),
/// whole stars 1-5, increasing timestamps; unique (user, item) pairs. Fast: meant for
/// benchmarks, not for learning anything.
Dataset syntheticRatings(const SyntheticSize& size);

/// Writes interactions the way GroupLens writes MovieLens-1M ratings.dat: "user::item::rating::time".
void writeMovieLensDat(const Dataset& data, const std::string& path);

} // namespace rnr
