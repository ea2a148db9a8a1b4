#include "io/detail/datasetbuilder.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <new>
#include <stdexcept>

namespace rnr {

namespace {
std::string formatNumber(double value)
{
    std::string s = std::to_string(value);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

DatasetBuilder::DatasetBuilder(std::string file, const LoadOptions& options, LoadReport& report)
    : m_file(std::move(file)), m_options(options), m_report(report)
{
    m_scale = options.scale;
}

void DatasetBuilder::setDeclaredScale(std::optional<RatingScale> scale)
{
    m_scale = m_options.scale ? m_options.scale : scale;
}

void DatasetBuilder::reject(Problem problem, std::uint64_t line, const std::string& cause)
{
    if (m_options.policyFor(problem) == Policy::Stop)
        throw DataError(m_file, line, cause);
    ProblemTally& tally = m_report.problems[static_cast<std::size_t>(problem)];
    if (tally.count == 0)
        tally.firstMessage = cause;
    ++tally.count;
    if (tally.firstLines.size() < ProblemTally::kMaxLines)
        tally.firstLines.push_back(line);
}

void DatasetBuilder::reserve(std::uint64_t rows)
{
    constexpr std::uint64_t kMostRows = std::uint64_t(1) << 32; // lines beyond are refused anyway
    if (rows <= m_rows.capacity())
        return;
    try {
        m_rows.reserve(static_cast<std::size_t>(std::min(rows, kMostRows)));
    } catch (const std::bad_alloc&) {
        // Only a hint: without the room the vector grows as it goes.
    } catch (const std::length_error&) {
    }
}

void DatasetBuilder::add(std::string_view user, std::string_view item, double rating, std::int64_t timestamp,
                         std::uint64_t line)
{
    if (!std::isfinite(rating)) {
        reject(Problem::NotNumeric, line, "rating is not a finite number");
        return;
    }
    // Ratings are kept as float: a finite double beyond its range would become infinite.
    if (std::fabs(rating) > double(std::numeric_limits<float>::max())) {
        reject(Problem::NotNumeric, line, "rating " + formatNumber(rating) + " is too large to be a rating");
        return;
    }
    const auto value = static_cast<float>(rating);
    if (m_scale && !m_scale->contains(value)) {
        reject(Problem::OutOfScale, line,
               "rating " + formatNumber(rating) + " is outside the scale " + m_scale->describe());
        return;
    }
    if (line > std::numeric_limits<std::uint32_t>::max())
        throw DataError(m_file, line, "more than 4 billion lines are not supported");
    Interaction x;
    x.user = m_users.intern(user);
    x.item = m_items.intern(item);
    x.rating = value;
    x.timestamp = timestamp;
    x.row = static_cast<std::uint32_t>(line);
    m_rows.push_back(x);
}

void DatasetBuilder::dropDuplicates()
{
    // Bucket row indices by user (counting sort), sort each bucket by (item, time, row):
    // within a run of equal items the last entry is the one to keep.
    const std::size_t users = m_users.size();
    std::vector<std::uint32_t> start(users + 1, 0);
    for (const auto& x : m_rows)
        ++start[x.user + 1];
    for (std::size_t u = 0; u < users; ++u)
        start[u + 1] += start[u];
    std::vector<std::uint32_t> order(m_rows.size());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::uint32_t r = 0; r < m_rows.size(); ++r)
            order[fill[m_rows[r].user]++] = r;
    }
    std::vector<char> drop(m_rows.size(), 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> dropped; // (line dropped, line kept)
    // Most users rate each item once: a pass marking each item with the last user seen finds the
    // few who did not, and only their rows are sorted (the sort was a fifth of parsing 20M rows).
    std::vector<std::uint32_t> seenBy(m_items.size(), 0); // user + 1 who last had the item
    for (std::size_t u = 0; u < users; ++u) {
        auto first = order.begin() + start[u], last = order.begin() + start[u + 1];
        const auto stamp = static_cast<std::uint32_t>(u + 1);
        bool repeated = false;
        for (auto it = first; it != last && !repeated; ++it) {
            std::uint32_t& seen = seenBy[m_rows[*it].item];
            repeated = seen == stamp;
            seen = stamp;
        }
        if (!repeated)
            continue;
        std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
            const auto &x = m_rows[a], &y = m_rows[b];
            if (x.item != y.item)
                return x.item < y.item;
            if (x.timestamp != y.timestamp)
                return x.timestamp < y.timestamp;
            return x.row < y.row;
        });
        for (auto it = first; it + 1 < last; ++it) {
            if (m_rows[*it].item == m_rows[*(it + 1)].item) {
                drop[*it] = 1;
                auto keep = it + 1;
                while (keep + 1 < last && m_rows[*(keep + 1)].item == m_rows[*it].item)
                    ++keep;
                dropped.emplace_back(m_rows[*it].row, m_rows[*keep].row);
            }
        }
    }
    if (dropped.empty())
        return;
    std::sort(dropped.begin(), dropped.end());
    for (const auto& [line, kept] : dropped)
        reject(Problem::Duplicate, line,
               "the same user rated the same item at line " + std::to_string(kept) +
                   " too; that rating is kept (later timestamp, or same timestamp on a later line)");
    std::size_t out = 0;
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (!drop[r])
            m_rows[out++] = m_rows[r];
    m_rows.resize(out);
}

Dataset DatasetBuilder::finish()
{
    dropDuplicates();
    if (m_rows.empty()) {
        std::string cause = m_report.rowsRead == 0
                                ? "no ratings found: the file is empty or has only a header"
                                : "none of the " + std::to_string(m_report.rowsRead) + " rows is a valid rating";
        for (std::size_t p = 0; p < kProblemCount; ++p) {
            const auto& tally = m_report.problems[p];
            if (tally.count > 0) {
                cause += " (first problem, line " + std::to_string(tally.firstLines.front()) + ": " +
                         tally.firstMessage + ")";
                break;
            }
        }
        throw DataError(m_file, 0, cause);
    }
    // Duplicates removed after ids were interned may leave users/items without rows only when
    // every row of theirs was a duplicate of another of theirs, which cannot happen: each run
    // keeps one row. So the id maps are exactly the ids in use.
    Dataset data;
    data.source = m_file;
    data.scale = m_scale ? *m_scale : observedScale(m_rows);
    data.interactions = std::move(m_rows);
    data.userIds = m_users.takeIds();
    data.itemIds = m_items.takeIds();
    m_report.rowsKept = data.interactions.size();
    return data;
}

} // namespace rnr
