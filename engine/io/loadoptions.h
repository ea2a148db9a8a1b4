#pragma once

#include "data/dataset.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rnr {

/// The file formats the loaders understand (docs/product-notes.md, "Data").
enum class Format
{
    Auto,          ///< detect from the file or folder
    MovieLens100K, ///< u.data (tab-separated) + u.item (titles, 19 genre flags; Latin-1)
    MovieLensDat,  ///< MovieLens 1M/10M ratings.dat ("::") + movies.dat (Latin-1 in 1M)
    MovieLensCsv,  ///< MovieLens "latest" ratings.csv (header, half stars) + movies.csv
    YelpJson,      ///< Yelp review JSON lines + business JSON lines beside it
    GenericCsv,    ///< any delimited text with a column mapping
};

/// Short, stable names used on the command line: "ml-100k", "ml-dat", "ml-csv", "yelp", "csv".
std::string_view formatKey(Format format);
/// Human-readable name, e.g. "MovieLens 1M/10M (ratings.dat)".
std::string_view formatTitle(Format format);
std::optional<Format> formatFromKey(std::string_view key);

/// What can be wrong with one row. Each kind has its own policy.
enum class Problem
{
    Malformed,    ///< wrong number of fields, broken quoting, not a JSON object
    MissingField, ///< a required field is empty or absent
    NotNumeric,   ///< a rating or timestamp that is not a number / date
    OutOfScale,   ///< a rating outside the declared scale
    Duplicate,    ///< a second rating of the same (user, item): the latest one is kept
};
inline constexpr std::size_t kProblemCount = 5;
std::string_view problemKey(Problem problem); ///< "malformed", "missing-field", ...
std::string_view problemTitle(Problem problem);
std::optional<Problem> problemFromKey(std::string_view key);

enum class Policy
{
    Skip, ///< skip the row, count it, remember the first few line numbers
    Stop, ///< stop loading with a DataError naming file, line and cause
};

/// Which column holds what in a generic delimited file. A column is named by its header
/// text (case-insensitive) or by its 0-based index ("2").
struct CsvMapping
{
    char delimiter = 0;            ///< 0: detect from the first line (',', '\t', ';', '|')
    std::optional<bool> hasHeader; ///< unset: detect (a first line in which no field is a number)
    std::string user;              ///< required (auto-guessed from the header when empty)
    std::string item;              ///< required (auto-guessed from the header when empty)
    std::string rating;            ///< empty: guessed; "-" = none (implicit feedback, rating 1)
    std::string timestamp;         ///< empty: guessed; "-" = none (row order is used as time)
};

struct LoadOptions
{
    Format format = Format::Auto;
    std::array<Policy, kProblemCount> policy{}; ///< default: skip and count every kind
    std::optional<RatingScale> scale;           ///< override the format's declared scale
    CsvMapping csv;
    /// Called every few megabytes with (bytes done, bytes total).
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    /// Raised by another thread to abandon the load; the loader then throws Cancelled.
    const std::atomic<bool>* cancel = nullptr;

    Policy policyFor(Problem p) const { return policy[static_cast<std::size_t>(p)]; }
    void setPolicy(Problem p, Policy value) { policy[static_cast<std::size_t>(p)] = value; }
};

struct ProblemTally
{
    std::uint64_t count = 0;
    std::vector<std::uint64_t> firstLines; ///< up to kMaxLines line numbers, ascending
    std::string firstMessage;              ///< the cause as reported for the first such row
    static constexpr std::size_t kMaxLines = 5;
};

/// What a load did: rows read and kept, what was skipped and why, and notes
/// (e.g. "movies.dat not found: items have no titles").
struct LoadReport
{
    std::string file;
    Format format = Format::Auto;
    std::uint64_t rowsRead = 0; ///< data rows seen (header and blank lines excluded)
    std::uint64_t rowsKept = 0;
    std::array<ProblemTally, kProblemCount> problems{};
    std::vector<std::string> notes;

    const ProblemTally& tally(Problem p) const { return problems[static_cast<std::size_t>(p)]; }
    std::uint64_t rowsSkipped() const;
    /// Multi-line plain-text summary for the CLI and the GUI's report dialog.
    std::string describe() const;
};

struct LoadResult
{
    Dataset dataset;
    LoadReport report;
};

} // namespace rnr
