// Generic delimited text: the caller maps columns (by header name or 0-based index), or the
// loader guesses them from a header with the usual names.
#include "core/errors.h"
#include "io/detail/datasetbuilder.h"
#include "io/detail/linereader.h"
#include "io/detail/loaders.h"
#include "io/detail/textfields.h"
#include "io/loader.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <utility>

namespace rnr {

namespace {

constexpr std::array<char, 4> kDelimiters{',', '\t', ';', '|'};

char detectDelimiter(std::string_view firstLine)
{
    char best = ',';
    std::size_t bestCount = 0;
    for (char d : kDelimiters) {
        const auto count = static_cast<std::size_t>(std::count(firstLine.begin(), firstLine.end(), d));
        if (count > bestCount) {
            best = d;
            bestCount = count;
        }
    }
    return best;
}

std::string normalisedName(std::string_view name)
{
    std::string out;
    for (char c : lowercase(trimmed(name)))
        if (c != '_' && c != ' ' && c != '-' && c != '"')
            out += c;
    return out;
}

/// Guesses a column from header names; returns the index or nullopt.
std::optional<std::size_t> guessColumn(const std::vector<std::string>& header,
                                       std::initializer_list<std::string_view> names)
{
    for (auto wanted : names)
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c] == wanted)
                return c;
    return std::nullopt;
}

struct Resolved
{
    ColumnLayout layout;
    bool header = false;
    char delimiter = ',';
};

/// The mapping applied to the first line: explicit columns checked, the others guessed.
/// User and item stay unset when they cannot be guessed.
struct Guess
{
    char delimiter = ',';
    bool header = false;
    std::vector<std::string> firstFields;
    std::optional<std::size_t> user, item, rating, timestamp;
};

Guess guessMapping(const std::string& file, const CsvMapping& mapping)
{
    const std::string first = readFirstLine(file);
    if (trimmed(first).empty())
        throw DataError(file, 1, "the file is empty");
    Guess r;
    r.delimiter = mapping.delimiter ? mapping.delimiter : detectDelimiter(first);
    CsvSplitter splitter;
    if (!splitter.split(first, r.delimiter))
        throw DataError(file, 1, "broken quoting in the first line");
    const auto& fields = splitter.fields();
    for (auto f : fields)
        r.firstFields.emplace_back(f);
    if (mapping.hasHeader) {
        r.header = *mapping.hasHeader;
    } else {
        double number = 0;
        r.header = std::none_of(fields.begin(), fields.end(), [&](auto f) { return parseReal(f, number); });
    }
    std::vector<std::string> names;
    for (auto f : fields)
        names.push_back(normalisedName(f));

    auto resolve = [&](const std::string& ref, const char* role) -> std::optional<std::size_t> {
        if (ref.empty() || ref == "-")
            return std::nullopt;
        std::int64_t index = -1;
        if (parseInteger(ref, index)) {
            if (index < 0 || static_cast<std::size_t>(index) >= fields.size())
                throw DataError(file, 1,
                                std::string("the ") + role + " column " + ref + " does not exist: the first line has " +
                                    std::to_string(fields.size()) + " fields (columns count from 0)");
            return static_cast<std::size_t>(index);
        }
        if (!r.header)
            throw DataError(file, 1,
                            std::string("the ") + role + " column is named '" + ref +
                                "' but the file has no header; give its 0-based index instead");
        if (auto c = guessColumn(names, {normalisedName(ref)}))
            return c;
        throw DataError(file, 1, std::string("no column named '") + ref + "' for the " + role + " in the header");
    };

    r.user = resolve(mapping.user, "user");
    r.item = resolve(mapping.item, "item");
    r.rating = resolve(mapping.rating, "rating");
    r.timestamp = resolve(mapping.timestamp, "timestamp");
    if (r.header) {
        if (!r.user && mapping.user.empty())
            r.user = guessColumn(names, {"user", "userid", "uid", "reviewerid", "customerid", "customer"});
        if (!r.item && mapping.item.empty())
            r.item = guessColumn(names, {"item", "itemid", "iid", "movieid", "movie", "businessid", "productid",
                                         "product", "asin", "bookid", "isbn"});
        if (!r.rating && mapping.rating.empty())
            r.rating = guessColumn(names, {"rating", "stars", "score", "overall", "bookrating", "value"});
        if (!r.timestamp && mapping.timestamp.empty())
            r.timestamp =
                guessColumn(names, {"timestamp", "time", "date", "datetime", "unixreviewtime", "ts", "created"});
    } else {
        // Without a header the usual order user, item, rating, timestamp is assumed.
        if (!r.user && mapping.user.empty())
            r.user = 0;
        if (!r.item && mapping.item.empty() && fields.size() > 1)
            r.item = 1;
        if (!r.rating && mapping.rating.empty() && fields.size() > 2)
            r.rating = 2;
        if (!r.timestamp && mapping.timestamp.empty() && fields.size() > 3)
            r.timestamp = 3;
    }
    return r;
}

Resolved resolveMapping(const std::string& file, const CsvMapping& mapping)
{
    const Guess g = guessMapping(file, mapping);
    if (!g.user || !g.item)
        throw DataError(file, 1,
                        std::string("cannot tell which column holds the ") + (!g.user ? "user" : "item") +
                            "; name the columns (for example --columns user=0,item=1,rating=2,time=3)");
    Resolved r;
    r.delimiter = g.delimiter;
    r.header = g.header;
    r.layout.user = *g.user;
    r.layout.item = *g.item;
    r.layout.rating = g.rating;
    r.layout.timestamp = g.timestamp;
    r.layout.expectedFields = 0;
    r.layout.separatorName = r.delimiter == '\t'  ? "tabs"
                             : r.delimiter == ',' ? "commas"
                             : r.delimiter == ';' ? "semicolons"
                                                  : "'|'";
    return r;
}

} // namespace

CsvPreview previewCsv(const std::string& file, const CsvMapping& mapping, std::size_t maxRows)
{
    // A dialog reads this on the GUI thread: at most 1 MiB of the file and 200 columns, so that
    // a file without line ends or a line of a million commas stays quick.
    constexpr std::size_t kMaxBytes = std::size_t(1) << 20;
    constexpr std::size_t kMaxColumns = 200;
    const Guess g = guessMapping(file, mapping);
    CsvPreview preview;
    preview.delimiter = g.delimiter;
    preview.hasHeader = g.header;
    auto within = [&](std::optional<std::size_t> c) { return c && *c < kMaxColumns ? c : std::nullopt; };
    preview.user = within(g.user);
    preview.item = within(g.item);
    preview.rating = within(g.rating);
    preview.timestamp = within(g.timestamp);
    for (std::size_t c = 0; c < g.firstFields.size() && c < kMaxColumns; ++c)
        preview.columns.push_back(g.header ? std::string(trimmed(g.firstFields[c])) : "column " + std::to_string(c));

    std::ifstream in(file, std::ios::binary);
    std::string text(kMaxBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    if (text.size() == kMaxBytes && text.find('\n') != std::string::npos)
        text.resize(text.rfind('\n')); // no half line at the end
    std::string_view rest(text);
    if (rest.substr(0, 3) == "\xEF\xBB\xBF")
        rest.remove_prefix(3);
    CsvSplitter splitter;
    bool first = true;
    while (preview.rows.size() < maxRows && !rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        std::string_view line = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (trimmed(line).empty())
            continue;
        if (std::exchange(first, false) && g.header)
            continue;
        std::vector<std::string> row;
        if (splitter.split(line, g.delimiter))
            for (auto f : splitter.fields()) {
                if (row.size() == kMaxColumns)
                    break;
                row.emplace_back(f);
            }
        else
            row.emplace_back(line.substr(0, 1000));
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

Dataset loadGenericCsv(const std::string& file, const LoadOptions& options, LoadReport& report)
{
    const Resolved resolved = resolveMapping(file, options.csv);
    DatasetBuilder builder(file, options, report);
    builder.setDeclaredScale(std::nullopt);
    {
        LineReader reader(file, options);
        CsvSplitter splitter;
        const std::vector<std::string_view> none;
        std::string_view line;
        bool first = true;
        while (reader.next(line)) {
            if (reader.lineNumber() == DatasetBuilder::kEstimateAfter)
                builder.reserve(reader.estimatedLines());
            if (trimmed(line).empty())
                continue;
            if (first && resolved.header) {
                first = false;
                continue;
            }
            first = false;
            addDelimitedRow(builder, splitter.split(line, resolved.delimiter) ? splitter.fields() : none,
                            resolved.layout, reader.lineNumber());
        }
    }
    Dataset data = builder.finish();
    data.name = std::filesystem::path(file).filename().string();
    data.hasTimestamps = resolved.layout.timestamp.has_value();
    if (!resolved.layout.rating)
        report.notes.push_back("no rating column: every interaction counts as rating 1 (implicit feedback)");
    if (!resolved.layout.timestamp)
        report.notes.push_back("no timestamp column: the order of the rows is taken as time");
    return data;
}

} // namespace rnr
