// Generic delimited text: the caller maps columns (by header name or 0-based index), or the
// loader guesses them from a header with the usual names.
#include "datasetbuilder.h"
#include "errors.h"
#include "linereader.h"
#include "loaders.h"
#include "textfields.h"

#include <array>
#include <filesystem>

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

Resolved resolveMapping(const std::string& file, const CsvMapping& mapping)
{
    const std::string first = readFirstLine(file);
    if (trimmed(first).empty())
        throw DataError(file, 1, "the file is empty");
    Resolved r;
    r.delimiter = mapping.delimiter ? mapping.delimiter : detectDelimiter(first);
    CsvSplitter splitter;
    if (!splitter.split(first, r.delimiter))
        throw DataError(file, 1, "broken quoting in the first line");
    const auto& fields = splitter.fields();
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

    auto user = resolve(mapping.user, "user");
    auto item = resolve(mapping.item, "item");
    r.layout.rating = resolve(mapping.rating, "rating");
    r.layout.timestamp = resolve(mapping.timestamp, "timestamp");
    if (r.header) {
        if (!user && mapping.user.empty())
            user = guessColumn(names, {"user", "userid", "uid", "reviewerid", "customerid", "customer"});
        if (!item && mapping.item.empty())
            item = guessColumn(names, {"item", "itemid", "iid", "movieid", "movie", "businessid", "productid",
                                       "product", "asin", "bookid", "isbn"});
        if (!r.layout.rating && mapping.rating.empty())
            r.layout.rating = guessColumn(names, {"rating", "stars", "score", "overall", "bookrating", "value"});
        if (!r.layout.timestamp && mapping.timestamp.empty())
            r.layout.timestamp =
                guessColumn(names, {"timestamp", "time", "date", "datetime", "unixreviewtime", "ts", "created"});
    } else {
        // Without a header the usual order user, item, rating, timestamp is assumed.
        if (!user && mapping.user.empty())
            user = 0;
        if (!item && mapping.item.empty() && fields.size() > 1)
            item = 1;
        if (!r.layout.rating && mapping.rating.empty() && fields.size() > 2)
            r.layout.rating = 2;
        if (!r.layout.timestamp && mapping.timestamp.empty() && fields.size() > 3)
            r.layout.timestamp = 3;
    }
    if (!user || !item)
        throw DataError(file, 1,
                        std::string("cannot tell which column holds the ") + (!user ? "user" : "item") +
                            "; name the columns (for example --columns user=0,item=1,rating=2,time=3)");
    r.layout.user = *user;
    r.layout.item = *item;
    r.layout.expectedFields = 0;
    r.layout.separatorName = r.delimiter == '\t'  ? "tabs"
                             : r.delimiter == ',' ? "commas"
                             : r.delimiter == ';' ? "semicolons"
                                                  : "'|'";
    return r;
}

} // namespace

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
