#include "io/loader.h"

#include "data/split.h"

#include "core/errors.h"
#include "core/log.h"
#include "io/detail/linereader.h"
#include "io/detail/loaders.h"
#include "io/detail/textfields.h"

#include <array>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <sstream>

namespace rnr {

namespace {

namespace fs = std::filesystem;

struct KnownFile
{
    std::string_view name;
    Format format;
};
constexpr std::array kKnownFiles{
    KnownFile{"u.data", Format::MovieLens100K},     KnownFile{"ratings.dat", Format::MovieLensDat},
    KnownFile{"ratings.csv", Format::MovieLensCsv}, KnownFile{"yelp_academic_dataset_review.json", Format::YelpJson},
    KnownFile{"review.json", Format::YelpJson},
};

std::string knownFileList()
{
    std::string list;
    for (const auto& known : kKnownFiles)
        list += (list.empty() ? "" : ", ") + std::string(known.name);
    return list;
}

/// Reads the head of a file and refuses binary and UTF-16 content.
std::string sniff(const std::string& path)
{
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw DataError(path, 0, "cannot open the file");
    std::string head(8192, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), file));
    std::fclose(file);
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
        throw DataError(path, 0, "the file is UTF-16 encoded; save it as UTF-8 and open it again");
    if (head.find('\0') != std::string::npos)
        throw DataError(path, 0, "this is a binary file, not a text file of ratings");
    return head;
}

bool fourIntegers(std::string_view line, std::string_view separator)
{
    std::vector<std::string_view> fields;
    splitFields(line, separator, fields);
    std::int64_t value = 0;
    return fields.size() == 4 &&
           std::all_of(fields.begin(), fields.end(), [&](auto f) { return parseInteger(f, value); });
}

/// u.data, or one of the published splits u1.base ... u5.test, ua.base ... ub.test.
bool isMovieLens100KName(std::string_view name)
{
    if (name == "u.data")
        return true;
    return name.size() == 7 && name.starts_with("u") &&
           std::string_view("12345ab").find(name[1]) != std::string_view::npos &&
           (name.ends_with(".base") || name.ends_with(".test"));
}

Format detectFileFormat(const std::string& path)
{
    sniff(path);
    const std::string first = readFirstLine(path);
    if (first.empty())
        throw DataError(path, 0, "the file is empty");
    const std::string lower = lowercase(first);
    if (trimmed(first).starts_with("{")) {
        if (lower.find("\"user_id\"") != std::string::npos && lower.find("\"business_id\"") != std::string::npos)
            return Format::YelpJson;
        throw DataError(path, 1, "JSON without \"user_id\" and \"business_id\": not a Yelp review file");
    }
    if (first.find("::") != std::string::npos)
        return Format::MovieLensDat;
    if (lower.starts_with("userid,movieid,rating"))
        return Format::MovieLensCsv;
    // u.data and the published u1.base ... ub.test splits; other four-integer TSV files are
    // generic (their scale is not known to be 1-5).
    if (fourIntegers(first, "\t") && isMovieLens100KName(fs::path(path).filename().string()))
        return Format::MovieLens100K;
    if (first.find_first_of(",\t;|") != std::string::npos)
        return Format::GenericCsv;
    throw DataError(path, 1,
                    "not a ratings file: the first line has no delimiter (expected MovieLens, Yelp JSON lines or "
                    "delimited user/item/rating columns)");
}

std::string folderFileFor(const std::string& folder, Format format)
{
    for (const auto& known : kKnownFiles) {
        const std::string candidate = (fs::path(folder) / known.name).string();
        if ((format == Format::Auto || known.format == format) && fileExists(candidate))
            return candidate;
    }
    if (format == Format::GenericCsv)
        throw DataError(folder, 0, "is a folder; choose the CSV/TSV file itself");
    if (format != Format::Auto)
        throw DataError(folder, 0, "no " + std::string(formatTitle(format)) + " file in this folder");
    throw DataError(folder, 0, "no ratings file recognised in this folder (looked for " + knownFileList() + ")");
}

} // namespace

Format detectFormat(const std::string& path, std::string* ratingsFile)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw DataError(path, 0, "no such file or folder");
    if (fs::is_directory(path, ec)) {
        const std::string file = folderFileFor(path, Format::Auto);
        if (ratingsFile)
            *ratingsFile = file;
        return detectFileFormat(file);
    }
    if (ratingsFile)
        *ratingsFile = path;
    return detectFileFormat(path);
}

LoadResult loadDataset(const std::string& path, const LoadOptions& options)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw DataError(path, 0, "no such file or folder");
    std::string file = path;
    Format format = options.format;
    if (format == Format::Auto) {
        format = detectFormat(path, &file);
    } else if (fs::is_directory(path, ec)) {
        file = folderFileFor(path, format);
    } else {
        sniff(path);
    }

    const auto start = std::chrono::steady_clock::now();
    LoadResult result;
    result.report.file = file;
    result.report.format = format;
    switch (format) {
    case Format::MovieLens100K:
        result.dataset = loadMovieLens100K(file, options, result.report);
        break;
    case Format::MovieLensDat:
        result.dataset = loadMovieLensDat(file, options, result.report);
        break;
    case Format::MovieLensCsv:
        result.dataset = loadMovieLensCsv(file, options, result.report);
        break;
    case Format::YelpJson:
        result.dataset = loadYelp(file, options, result.report);
        break;
    case Format::GenericCsv:
    case Format::Auto:
        result.dataset = loadGenericCsv(file, options, result.report);
        break;
    }
    result.dataset.source = path;
    // The same data in another row order gives the same data set (docs/method.md, "Split").
    putInCanonicalOrder(result.dataset);
    const LoadReport& r = result.report;
    std::ostringstream text;
    text << "read " << file << " (" << formatTitle(format) << "): " << r.rowsRead << " rows, " << r.rowsKept
         << " kept, " << r.rowsSkipped() << " skipped; " << result.dataset.userCount() << " users, "
         << result.dataset.itemCount() << " items in " << std::fixed << std::setprecision(2)
         << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s";
    logInfo("io", text.str());
    if (r.rowsSkipped() > 0)
        logWarning("io", file + ": " + std::to_string(r.rowsSkipped()) + " rows skipped (the load report says why)");
    for (const std::string& note : r.notes)
        logWarning("io", note);
    return result;
}

} // namespace rnr
