#include "data/dataset.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rnr {

bool RatingScale::contains(float rating) const
{
    if (!(rating >= min && rating <= max)) // also rejects NaN
        return false;
    if (step <= 0.0f)
        return true;
    const float steps = (rating - min) / step;
    return std::fabs(steps - std::round(steps)) < 1e-3f;
}

std::string RatingScale::describe() const
{
    auto number = [](float v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        return s;
    };
    std::string text = number(min) + "\u2013" + number(max);
    if (step > 0.0f)
        text += " in steps of " + number(step);
    return text;
}

RatingScale observedScale(const std::vector<Interaction>& rows)
{
    RatingScale scale{std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(), 1.0f};
    bool integral = true, halves = true;
    for (const auto& x : rows) {
        scale.min = std::min(scale.min, x.rating);
        scale.max = std::max(scale.max, x.rating);
        integral = integral && x.rating == std::round(x.rating);
        halves = halves && x.rating * 2 == std::round(x.rating * 2);
    }
    scale.step = integral ? 1.0f : (halves ? 0.5f : 0.0f);
    if (rows.empty())
        scale = RatingScale{};
    return scale;
}

std::string Dataset::itemLabel(std::uint32_t item) const
{
    if (item < itemTitles.size() && !itemTitles[item].empty())
        return itemTitles[item];
    return item < itemIds.size() ? "item " + itemIds[item] : "item #" + std::to_string(item);
}

namespace {
// FNV-1a over bytes: simple, stable across platforms, fast enough for a once-per-run hash.
struct Fnv1a
{
    std::uint64_t value = 0xcbf29ce484222325ULL;
    void add(const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            value ^= bytes[i];
            value *= 0x100000001b3ULL;
        }
    }
    template <typename T> void addValue(T v) { add(&v, sizeof v); }
};
} // namespace

std::uint64_t Dataset::fingerprint() const
{
    Fnv1a hash;
    hash.addValue<std::uint64_t>(userIds.size());
    hash.addValue<std::uint64_t>(itemIds.size());
    for (const auto& id : userIds)
        hash.add(id.data(), id.size() + 1);
    for (const auto& id : itemIds)
        hash.add(id.data(), id.size() + 1);
    for (const auto& x : interactions) {
        hash.addValue(x.user);
        hash.addValue(x.item);
        hash.addValue(x.rating);
        hash.addValue(x.timestamp);
    }
    return hash.value;
}

std::string datasetProblem(const Dataset& d)
{
    for (const Interaction& i : d.interactions)
        if (i.user >= d.userIds.size() || i.item >= d.itemIds.size())
            return "an interaction refers to a user or item the data set does not have";
    const auto fits = [&](std::size_t size) { return size == 0 || size == d.itemIds.size(); };
    if (!fits(d.itemTitles.size()) || !fits(d.itemGenres.size()) || !fits(d.trueDeviation.size()))
        return "the item metadata does not have one entry per item";
    for (const auto& genres : d.itemGenres)
        for (const std::uint32_t g : genres)
            if (g >= d.genreNames.size())
                return "an item's genre is not among the genre names";
    return {};
}

} // namespace rnr
