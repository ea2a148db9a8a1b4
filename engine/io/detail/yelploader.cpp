// Yelp Open Dataset: review JSON lines (user_id, business_id, stars, date) and, when it is
// beside the reviews, the business file for names and categories. Parsed in place with
// simdjson, one line at a time, so errors carry their line numbers. The DOM API is used, not
// on-demand: on-demand is instantiated in our translation unit and, without -march flags,
// compiles to simdjson's scalar fallback, while the DOM parser dispatches at run time to the
// best kernel of the installed library (AVX2 here).
#include "core/errors.h"
#include "io/detail/datasetbuilder.h"
#include "io/detail/linereader.h"
#include "io/detail/loaders.h"
#include "io/detail/textfields.h"

#include <simdjson.h>

#include <filesystem>

namespace rnr {

static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);

namespace {

/// Parses one line in place: the reader guarantees kPadding readable bytes after it.
simdjson::error_code parseLine(simdjson::dom::parser& parser, std::string_view line, simdjson::dom::object& object)
{
    simdjson::dom::element element;
    if (auto error = parser.parse(line.data(), line.size(), false).get(element))
        return error;
    return element.get_object().get(object);
}

struct ReviewFields
{
    std::string_view user, business, date;
    double stars = 0;
    bool hasUser = false, hasBusiness = false, hasStars = false, hasDate = false, starsNumeric = true;
};

/// Walks the object's fields once, in whatever order they come. False: not a JSON object.
bool readReview(simdjson::dom::parser& parser, std::string_view line, ReviewFields& out)
{
    simdjson::dom::object object;
    if (parseLine(parser, line, object))
        return false;
    for (const auto field : object) {
        if (field.key == "user_id") {
            out.hasUser = !field.value.get_string().get(out.user);
        } else if (field.key == "business_id") {
            out.hasBusiness = !field.value.get_string().get(out.business);
        } else if (field.key == "stars") {
            out.hasStars = true;
            out.starsNumeric = !field.value.get_double().get(out.stars);
        } else if (field.key == "date") {
            out.hasDate = !field.value.get_string().get(out.date);
        }
    }
    return true;
}

void readBusinesses(const std::string& path, const LoadOptions& options, const IdMap& items, Dataset& data,
                    LoadReport& report)
{
    LineReader reader(path, options);
    simdjson::dom::parser parser;
    GenreTable table;
    std::vector<std::vector<std::uint32_t>> genres(data.itemCount());
    data.itemTitles.assign(data.itemCount(), {});
    std::vector<std::string_view> categoryFields;
    std::uint64_t bad = 0, firstBad = 0;
    std::string_view line;
    while (reader.next(line)) {
        if (trimmed(line).empty())
            continue;
        simdjson::dom::object object;
        std::string_view id, name, categories;
        bool ok = !parseLine(parser, line, object);
        if (ok) {
            for (const auto field : object) {
                if (field.key == "business_id")
                    ok = ok && !field.value.get_string().get(id);
                else if (field.key == "name")
                    ok = ok && !field.value.get_string().get(name);
                else if (field.key == "categories" && !field.value.is_null())
                    ok = ok && !field.value.get_string().get(categories);
            }
        }
        if (!ok || id.empty()) {
            if (bad++ == 0)
                firstBad = reader.lineNumber();
            continue;
        }
        const auto item = items.find(id);
        if (!item)
            continue;
        data.itemTitles[*item] = std::string(name);
        genres[*item].clear(); // a business listed twice: its last line wins, name and categories alike
        splitFields(categories, ",", categoryFields);
        for (auto category : categoryFields)
            if (!trimmed(category).empty())
                genres[*item].push_back(table.intern(trimmed(category)));
    }
    if (bad > 0)
        report.notes.push_back(path + ": " + std::to_string(bad) + " unreadable line(s) skipped, first at line " +
                               std::to_string(firstBad));
    std::size_t unnamed = 0;
    for (const auto& title : data.itemTitles)
        unnamed += title.empty();
    if (unnamed > 0)
        report.notes.push_back(std::to_string(unnamed) +
                               " business(es) with reviews are not in the business file: shown by their id");
    table.moveInto(data, std::move(genres));
}

std::string businessFileFor(const std::string& reviewFile)
{
    std::string name = std::filesystem::path(reviewFile).filename().string();
    if (const auto at = name.find("reviews"); at != std::string::npos)
        return siblingPath(reviewFile, name.replace(at, 7, "businesses"));
    if (const auto at = name.find("review"); at != std::string::npos)
        return siblingPath(reviewFile, name.replace(at, 6, "business"));
    return siblingPath(reviewFile, "business.json");
}

} // namespace

Dataset loadYelp(const std::string& file, const LoadOptions& options, LoadReport& report)
{
    DatasetBuilder builder(file, options, report);
    builder.setDeclaredScale(RatingScale{1.0f, 5.0f, 1.0f});
    {
        LineReader reader(file, options);
        simdjson::dom::parser parser;
        std::string_view line;
        while (reader.next(line)) {
            if (trimmed(line).empty())
                continue;
            builder.countRow();
            const auto lineNumber = reader.lineNumber();
            ReviewFields review;
            if (!readReview(parser, line, review)) {
                builder.reject(Problem::Malformed, lineNumber, "not a complete JSON object");
                continue;
            }
            if (!review.hasUser || !review.hasBusiness || !review.hasStars || review.user.empty() ||
                review.business.empty()) {
                const char* what = !review.hasUser || review.user.empty()           ? "user_id"
                                   : !review.hasBusiness || review.business.empty() ? "business_id"
                                                                                    : "stars";
                builder.reject(Problem::MissingField, lineNumber, std::string("no \"") + what + "\" field");
                continue;
            }
            if (!review.starsNumeric) {
                builder.reject(Problem::NotNumeric, lineNumber, "\"stars\" is not a number");
                continue;
            }
            std::int64_t time = static_cast<std::int64_t>(lineNumber);
            if (review.hasDate && !parseDateTime(review.date, time)) {
                builder.reject(Problem::NotNumeric, lineNumber,
                               "\"date\" '" + std::string(review.date.substr(0, 40)) + "' is not a date");
                continue;
            }
            builder.add(review.user, review.business, review.stars, time, lineNumber);
        }
    }
    Dataset data = builder.finish();
    data.name = "Yelp";
    if (const std::string businesses = businessFileFor(file); fileExists(businesses))
        readMetadata(data, report, [&] { readBusinesses(businesses, options, builder.items(), data, report); });
    else
        report.notes.push_back(businesses + " not found: businesses are shown by their id");
    return data;
}

} // namespace rnr
