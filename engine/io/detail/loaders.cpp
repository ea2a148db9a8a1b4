#include "io/detail/loaders.h"

#include "io/detail/datasetbuilder.h"
#include "io/detail/textfields.h"

#include <algorithm>
#include <filesystem>

namespace rnr {

void addDelimitedRow(DatasetBuilder& builder, const std::vector<std::string_view>& fields, const ColumnLayout& layout,
                     std::uint64_t line)
{
    builder.countRow();
    std::size_t needed = std::max(layout.user, layout.item) + 1;
    if (layout.rating)
        needed = std::max(needed, *layout.rating + 1);
    if (layout.timestamp)
        needed = std::max(needed, *layout.timestamp + 1);
    if ((layout.expectedFields && fields.size() != layout.expectedFields) || fields.size() < needed) {
        const std::size_t want = layout.expectedFields ? layout.expectedFields : needed;
        builder.reject(Problem::Malformed, line,
                       "expected " + std::to_string(want) + " fields separated by " +
                           std::string(layout.separatorName) + ", found " + std::to_string(fields.size()));
        return;
    }
    const std::string_view user = trimmed(fields[layout.user]);
    const std::string_view item = trimmed(fields[layout.item]);
    if (user.empty() || item.empty()) {
        builder.reject(Problem::MissingField, line, user.empty() ? "the user id is empty" : "the item id is empty");
        return;
    }
    double rating = 1.0;
    if (layout.rating) {
        const std::string_view text = trimmed(fields[*layout.rating]);
        if (text.empty()) {
            builder.reject(Problem::MissingField, line, "the rating is empty");
            return;
        }
        if (!parseReal(text, rating)) {
            builder.reject(Problem::NotNumeric, line,
                           "the rating '" + std::string(text.substr(0, 40)) + "' is not a number");
            return;
        }
    }
    auto timestamp = static_cast<std::int64_t>(line);
    if (layout.timestamp) {
        const std::string_view text = trimmed(fields[*layout.timestamp]);
        if (text.empty()) {
            builder.reject(Problem::MissingField, line, "the timestamp is empty");
            return;
        }
        if (!parseTimestamp(text, timestamp)) {
            builder.reject(Problem::NotNumeric, line,
                           "the timestamp '" + std::string(text.substr(0, 40)) + "' is neither a number nor a date");
            return;
        }
    }
    builder.add(user, item, rating, timestamp, line);
}

std::uint32_t GenreTable::intern(std::string_view name)
{
    for (std::uint32_t g = 0; g < m_names.size(); ++g)
        if (m_names[g] == name)
            return g;
    m_names.emplace_back(name);
    return static_cast<std::uint32_t>(m_names.size() - 1);
}

void GenreTable::moveInto(Dataset& data, std::vector<std::vector<std::uint32_t>> itemGenres)
{
    // Alphabetical order, and only genres some item still has (an item listed twice keeps
    // the genres of its last line).
    std::vector<char> used(m_names.size(), 0);
    for (const auto& list : itemGenres)
        for (auto g : list)
            used[g] = 1;
    std::vector<std::uint32_t> order;
    for (std::uint32_t g = 0; g < m_names.size(); ++g)
        if (used[g])
            order.push_back(g);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return m_names[a] < m_names[b]; });
    std::vector<std::uint32_t> rank(m_names.size(), 0);
    for (std::uint32_t r = 0; r < order.size(); ++r)
        rank[order[r]] = r;
    data.genreNames.clear();
    for (auto g : order)
        data.genreNames.push_back(m_names[g]);
    for (auto& list : itemGenres) {
        for (auto& g : list)
            g = rank[g];
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end()); // "Food, Bars, Food"
    }
    data.itemGenres = std::move(itemGenres);
}

std::string siblingPath(const std::string& file, std::string_view name)
{
    return (std::filesystem::path(file).parent_path() / name).string();
}

bool fileExists(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

} // namespace rnr
