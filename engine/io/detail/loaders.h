#pragma once

// Internal to the engine: one function per format, called by loadDataset() once the format
// and the ratings file are known. Each fills the report and returns the data set with item
// metadata joined where the format has it.

#include "core/errors.h"
#include "data/dataset.h"
#include "io/loadoptions.h"

#include <string>
#include <string_view>
#include <vector>

namespace rnr {

class DatasetBuilder;
class LineReader;

Dataset loadMovieLens100K(const std::string& file, const LoadOptions& options, LoadReport& report);
Dataset loadMovieLensDat(const std::string& file, const LoadOptions& options, LoadReport& report);
Dataset loadMovieLensCsv(const std::string& file, const LoadOptions& options, LoadReport& report);
Dataset loadYelp(const std::string& file, const LoadOptions& options, LoadReport& report);
Dataset loadGenericCsv(const std::string& file, const LoadOptions& options, LoadReport& report);

/// Where the columns of a delimited ratings row are. A missing rating means implicit
/// feedback (rating 1); a missing timestamp means the row number is used as time.
struct ColumnLayout
{
    std::size_t user = 0;
    std::size_t item = 1;
    std::optional<std::size_t> rating = 2;
    std::optional<std::size_t> timestamp = 3;
    std::size_t expectedFields = 0; ///< exact field count required; 0: at least enough for the columns
    std::string_view separatorName; ///< for messages: "'::'", "tab", ...
};

/// Checks and adds one split row to the builder (counts it, rejects it with the right
/// problem kind when a field is missing or not a number).
void addDelimitedRow(DatasetBuilder& builder, const std::vector<std::string_view>& fields, const ColumnLayout& layout,
                     std::uint64_t line);

/// Genre names interned in order of appearance, sorted alphabetically at the end.
class GenreTable
{
public:
    std::uint32_t intern(std::string_view name);
    /// Sorts the names and renumbers the per-item lists; moves both into the data set.
    void moveInto(Dataset& data, std::vector<std::vector<std::uint32_t>> itemGenres);

private:
    std::vector<std::string> m_names;
};

/// Runs a metadata reader; a DataError from it (a binary or unreadable item file, say) becomes
/// a note and the items stay without titles and genres: the ratings are what matter.
/// Cancelled still propagates.
template <typename Read> void readMetadata(Dataset& data, LoadReport& report, Read read)
{
    try {
        read();
    } catch (const DataError& error) {
        report.notes.push_back(std::string(error.what()) + " (items have no titles or genres)");
        data.itemTitles.clear();
        data.itemGenres.clear();
        data.genreNames.clear();
    }
}

/// The path of a file in the same folder as another file.
std::string siblingPath(const std::string& file, std::string_view name);
bool fileExists(const std::string& path);

} // namespace rnr
