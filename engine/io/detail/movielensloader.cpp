// MovieLens 100K, 1M/10M and "latest": ratings plus the movie file beside them.
#include "core/errors.h"
#include "io/detail/datasetbuilder.h"
#include "io/detail/encoding.h"
#include "io/detail/linereader.h"
#include "io/detail/loaders.h"
#include "io/detail/textfields.h"

#include <array>
#include <filesystem>

namespace rnr {

namespace {

// The 19 genres of MovieLens 100K in flag order, used when u.genre is not beside u.item.
constexpr std::array<std::string_view, 19> kMl100kGenres{
    "unknown",     "Action", "Adventure", "Animation", "Children's", "Comedy",  "Crime",
    "Documentary", "Drama",  "Fantasy",   "Film-Noir", "Horror",     "Musical", "Mystery",
    "Romance",     "Sci-Fi", "Thriller",  "War",       "Western"};

/// Reads every non-blank line of a ratings file into the builder, one split per line.
template <typename Split>
void readRatings(LineReader& reader, DatasetBuilder& builder, const ColumnLayout& layout, bool skipHeader, Split split)
{
    std::vector<std::string_view> fields;
    std::string_view line;
    bool first = true;
    while (reader.next(line)) {
        if (reader.lineNumber() == DatasetBuilder::kEstimateAfter)
            builder.reserve(reader.estimatedLines());
        if (trimmed(line).empty())
            continue;
        if (first && skipHeader) {
            first = false;
            continue;
        }
        first = false;
        split(line, fields);
        addDelimitedRow(builder, fields, layout, reader.lineNumber());
    }
}

/// Notes a metadata problem without failing the load: the ratings are what matter.
class MetadataNotes
{
public:
    MetadataNotes(std::string file, LoadReport& report) : m_file(std::move(file)), m_report(report) {}
    ~MetadataNotes()
    {
        if (m_bad > 0)
            m_report.notes.push_back(m_file + ": " + std::to_string(m_bad) +
                                     " unreadable line(s) skipped, first at line " + std::to_string(m_firstLine) +
                                     " (" + m_firstCause + ")");
    }
    MetadataNotes(const MetadataNotes&) = delete;
    MetadataNotes& operator=(const MetadataNotes&) = delete;
    void bad(std::uint64_t line, std::string cause)
    {
        if (m_bad++ == 0) {
            m_firstLine = line;
            m_firstCause = std::move(cause);
        }
    }

private:
    std::string m_file;
    LoadReport& m_report;
    std::uint64_t m_bad = 0;
    std::uint64_t m_firstLine = 0;
    std::string m_firstCause;
};

void noteMissing(LoadReport& report, const std::string& path)
{
    report.notes.push_back(path + " not found: items have no titles or genres");
}

void readMl100kItems(const std::string& path, const LoadOptions& options, const IdMap& items, Dataset& data,
                     LoadReport& report)
{
    std::vector<std::string> genreNames(kMl100kGenres.begin(), kMl100kGenres.end());
    if (const std::string genreFile = siblingPath(path, "u.genre"); fileExists(genreFile)) {
        LineReader reader(genreFile, options);
        std::vector<std::string> names;
        std::vector<std::string_view> fields;
        std::string_view line;
        while (reader.next(line)) {
            splitFields(line, "|", fields);
            std::int64_t index = 0;
            if (fields.size() == 2 && parseInteger(fields[1], index) &&
                index == static_cast<std::int64_t>(names.size()))
                names.emplace_back(trimmed(fields[0]));
        }
        if (names.size() == genreNames.size())
            genreNames = std::move(names);
    }
    LineReader reader(path, options);
    MetadataNotes notes(path, report);
    Latin1Decoder decoder;
    std::vector<std::vector<std::uint32_t>> genres(data.itemCount());
    data.itemTitles.assign(data.itemCount(), {});
    std::vector<std::string_view> fields;
    std::string_view line;
    while (reader.next(line)) {
        if (trimmed(line).empty())
            continue;
        splitFields(line, "|", fields);
        if (fields.size() != 5 + genreNames.size()) {
            notes.bad(reader.lineNumber(), "expected 24 '|'-separated fields");
            continue;
        }
        const auto item = items.find(trimmed(fields[0]));
        if (!item)
            continue; // a movie nobody rated (or whose ratings were all skipped)
        data.itemTitles[*item] = decoder.toUtf8(trimmed(fields[1]));
        genres[*item].clear(); // an item listed twice: its last line wins, title and genres alike
        for (std::uint32_t g = 0; g < genreNames.size(); ++g)
            if (trimmed(fields[5 + g]) == "1")
                genres[*item].push_back(g);
    }
    data.genreNames = std::move(genreNames);
    data.itemGenres = std::move(genres);
}

/// movies.dat ("id::title::A|B") and movies.csv ("movieId,title,genres" with quoting).
void readMovies(const std::string& path, bool csv, const LoadOptions& options, const IdMap& items, Dataset& data,
                LoadReport& report)
{
    LineReader reader(path, options);
    MetadataNotes notes(path, report);
    Latin1Decoder decoder;
    GenreTable table;
    std::vector<std::vector<std::uint32_t>> genres(data.itemCount());
    data.itemTitles.assign(data.itemCount(), {});
    CsvSplitter splitter;
    std::vector<std::string_view> datFields, genreFields;
    std::string_view line;
    bool header = csv;
    while (reader.next(line)) {
        if (trimmed(line).empty())
            continue;
        if (header) {
            header = false;
            continue;
        }
        const std::vector<std::string_view>* fields = &datFields;
        if (csv) {
            if (!splitter.split(line, ',')) {
                notes.bad(reader.lineNumber(), "broken quoting");
                continue;
            }
            fields = &splitter.fields();
        } else {
            splitFields(line, "::", datFields);
        }
        if (fields->size() != 3) {
            notes.bad(reader.lineNumber(), "expected 3 fields: id, title, genres");
            continue;
        }
        const auto item = items.find(trimmed((*fields)[0]));
        if (!item)
            continue;
        data.itemTitles[*item] = decoder.toUtf8(trimmed((*fields)[1]));
        genres[*item].clear(); // an item listed twice: its last line wins, title and genres alike
        const std::string_view genreText = trimmed((*fields)[2]);
        if (genreText.empty() || genreText == "(no genres listed)")
            continue;
        splitFields(genreText, "|", genreFields);
        for (auto name : genreFields)
            if (!trimmed(name).empty())
                genres[*item].push_back(table.intern(trimmed(name)));
    }
    table.moveInto(data, std::move(genres));
}

} // namespace

Dataset loadMovieLens100K(const std::string& file, const LoadOptions& options, LoadReport& report)
{
    DatasetBuilder builder(file, options, report);
    builder.setDeclaredScale(RatingScale{1.0f, 5.0f, 1.0f});
    {
        LineReader reader(file, options);
        const ColumnLayout layout{0, 1, 2, 3, 4, "tabs"};
        readRatings(reader, builder, layout, false,
                    [](std::string_view line, auto& fields) { splitFields(line, "\t", fields); });
    }
    Dataset data = builder.finish();
    data.name = "MovieLens 100K";
    if (const std::string items = siblingPath(file, "u.item"); fileExists(items))
        readMetadata(data, report, [&] { readMl100kItems(items, options, builder.items(), data, report); });
    else
        noteMissing(report, items);
    return data;
}

Dataset loadMovieLensDat(const std::string& file, const LoadOptions& options, LoadReport& report)
{
    DatasetBuilder builder(file, options, report);
    // One declared scale covers 1M (whole stars) and 10M (half stars); the data set then
    // carries the scale actually observed, unless the caller gave one.
    builder.setDeclaredScale(RatingScale{0.5f, 5.0f, 0.5f});
    {
        LineReader reader(file, options);
        const ColumnLayout layout{0, 1, 2, 3, 4, "'::'"};
        readRatings(reader, builder, layout, false,
                    [](std::string_view line, auto& fields) { splitFields(line, "::", fields); });
    }
    Dataset data = builder.finish();
    if (!options.scale)
        data.scale = observedScale(data.interactions);
    data.name = data.scale.step == 1.0f ? "MovieLens 1M" : "MovieLens 10M";
    if (const std::string movies = siblingPath(file, "movies.dat"); fileExists(movies))
        readMetadata(data, report, [&] { readMovies(movies, false, options, builder.items(), data, report); });
    else
        noteMissing(report, movies);
    return data;
}

Dataset loadMovieLensCsv(const std::string& file, const LoadOptions& options, LoadReport& report)
{
    DatasetBuilder builder(file, options, report);
    builder.setDeclaredScale(RatingScale{0.5f, 5.0f, 0.5f});
    {
        LineReader reader(file, options);
        const ColumnLayout layout{0, 1, 2, 3, 4, "commas"};
        CsvSplitter splitter;
        std::vector<std::string_view> broken;
        readRatings(reader, builder, layout, true, [&](std::string_view line, std::vector<std::string_view>& fields) {
            fields = splitter.split(line, ',') ? splitter.fields() : broken; // broken quoting: 0 fields
        });
    }
    Dataset data = builder.finish();
    // Only a file with the publisher's movies.csv beside it is called MovieLens (after its folder:
    // "MovieLens (ml-latest-small)"); the user's own file in the same layout keeps its own name.
    const std::filesystem::path path(file);
    const std::string movies = siblingPath(file, "movies.csv");
    const std::string folder = path.parent_path().filename().string();
    data.name = fileExists(movies) ? "MovieLens (" + (folder.empty() ? path.filename().string() : folder) + ")"
                                   : path.filename().string();
    if (fileExists(movies))
        readMetadata(data, report, [&] { readMovies(movies, true, options, builder.items(), data, report); });
    else
        noteMissing(report, movies);
    return data;
}

} // namespace rnr
