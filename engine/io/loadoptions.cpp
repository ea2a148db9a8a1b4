#include "io/loadoptions.h"

#include <array>

namespace rnr {

namespace {
struct FormatInfo
{
    Format format;
    std::string_view key;
    std::string_view title;
};
constexpr std::array kFormats{
    FormatInfo{Format::Auto, "auto", "automatic"},
    FormatInfo{Format::MovieLens100K, "ml-100k", "MovieLens 100K (u.data)"},
    FormatInfo{Format::MovieLensDat, "ml-dat", "MovieLens 1M/10M (ratings.dat)"},
    FormatInfo{Format::MovieLensCsv, "ml-csv", "MovieLens latest (ratings.csv)"},
    FormatInfo{Format::YelpJson, "yelp", "Yelp reviews (JSON lines)"},
    FormatInfo{Format::GenericCsv, "csv", "delimited text (CSV/TSV)"},
};

struct ProblemInfo
{
    Problem problem;
    std::string_view key;
    std::string_view title;
};
constexpr std::array<ProblemInfo, kProblemCount> kProblems{
    ProblemInfo{Problem::Malformed, "malformed", "malformed rows"},
    ProblemInfo{Problem::MissingField, "missing-field", "rows with a missing field"},
    ProblemInfo{Problem::NotNumeric, "not-numeric", "rows with a non-numeric rating or time"},
    ProblemInfo{Problem::OutOfScale, "out-of-scale", "ratings outside the scale"},
    ProblemInfo{Problem::Duplicate, "duplicate", "duplicate (user, item) pairs, latest kept"},
};
} // namespace

std::string_view formatKey(Format format)
{
    for (const auto& info : kFormats)
        if (info.format == format)
            return info.key;
    return "?";
}

std::string_view formatTitle(Format format)
{
    for (const auto& info : kFormats)
        if (info.format == format)
            return info.title;
    return "?";
}

std::optional<Format> formatFromKey(std::string_view key)
{
    for (const auto& info : kFormats)
        if (info.key == key)
            return info.format;
    return std::nullopt;
}

std::string_view problemKey(Problem problem)
{
    return kProblems[static_cast<std::size_t>(problem)].key;
}

std::string_view problemTitle(Problem problem)
{
    return kProblems[static_cast<std::size_t>(problem)].title;
}

std::optional<Problem> problemFromKey(std::string_view key)
{
    for (const auto& info : kProblems)
        if (info.key == key)
            return info.problem;
    return std::nullopt;
}

std::uint64_t LoadReport::rowsSkipped() const
{
    std::uint64_t total = 0;
    for (const auto& tally : problems)
        total += tally.count;
    return total;
}

std::string LoadReport::describe() const
{
    std::string text = "Loaded " + file + " as " + std::string(formatTitle(format)) + "\n";
    text += "  rows read: " + std::to_string(rowsRead) + ", kept: " + std::to_string(rowsKept) +
            ", skipped: " + std::to_string(rowsSkipped()) + "\n";
    for (std::size_t p = 0; p < kProblemCount; ++p) {
        const auto& tally = problems[p];
        if (tally.count == 0)
            continue;
        text += "  " + std::string(kProblems[p].title) + ": " + std::to_string(tally.count) +
                (tally.count == 1 ? " (line " : " (lines ");
        for (std::size_t k = 0; k < tally.firstLines.size(); ++k)
            text += (k ? ", " : "") + std::to_string(tally.firstLines[k]);
        if (tally.count > tally.firstLines.size())
            text += ", ...";
        text += "); first: " + tally.firstMessage + "\n";
    }
    for (const auto& note : notes)
        text += "  note: " + note + "\n";
    return text;
}

} // namespace rnr
