#include "loadproperties.h"

#include "core/errors.h"
#include "fuzzinput.h"
#include "io/loader.h"
#include "io/loadoptions.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace rnr::fuzz {

namespace {

struct Outcome
{
    std::optional<LoadResult> result;
    std::optional<DataError> error;
};

Outcome load(const std::string& path, const LoadOptions& options)
{
    Outcome outcome;
    try {
        outcome.result = loadDataset(path, options);
    } catch (const DataError& error) {
        outcome.error = error;
    } catch (const std::exception& other) {
        violated(std::string("a load threw something other than a DataError: ") + other.what());
    }
    return outcome;
}

const WrittenFile* fileNamed(const std::vector<WrittenFile>& files, const std::string& path)
{
    for (const auto& file : files)
        if (file.path == path)
            return &file;
    return nullptr;
}

void checkRefusal(const DataError& error, const std::string& path, const std::vector<WrittenFile>& files)
{
    require(!error.cause().empty(), "a DataError without a cause");
    const std::string expected =
        printable(error.file()) + (error.line() > 0 ? ":" + std::to_string(error.line()) : "") + ": " + error.cause();
    require(expected == error.what(), "a DataError not worded 'file:line: cause': " + std::string(error.what()));
    const WrittenFile* file = fileNamed(files, error.file());
    require(file || error.file() == path, "a DataError naming a file that was not given: " + std::string(error.what()));
    if (file)
        require(error.line() <= lineCount(file->bytes) + 1,
                "a DataError at a line after the file's end: " + std::string(error.what()));
    else
        require(error.line() == 0, "a DataError at a line of a folder: " + std::string(error.what()));
}

void checkResult(const LoadResult& loaded, const std::vector<WrittenFile>& files)
{
    const LoadReport& report = loaded.report;
    const Dataset& data = loaded.dataset;
    const WrittenFile* file = fileNamed(files, report.file);
    require(file != nullptr, "the report names a file that was not given: " + report.file);
    const std::uint64_t lines = lineCount(file->bytes);

    require(report.rowsRead == report.rowsKept + report.rowsSkipped(),
            "read " + std::to_string(report.rowsRead) + " != kept " + std::to_string(report.rowsKept) + " + skipped " +
                std::to_string(report.rowsSkipped()));
    require(report.rowsRead <= lines, "more rows read than the file has lines");
    require(data.interactions.size() == report.rowsKept, "the data set's ratings are not the rows kept");
    require(!data.interactions.empty(), "a load succeeded with no rating");
    for (const auto& tally : report.problems) {
        require(tally.firstLines.size() <= ProblemTally::kMaxLines, "too many first lines remembered");
        require(tally.firstLines.size() == std::min<std::uint64_t>(tally.count, ProblemTally::kMaxLines),
                "a tally's first lines do not match its count");
        require(std::is_sorted(tally.firstLines.begin(), tally.firstLines.end()), "first lines not ascending");
        for (std::uint64_t line : tally.firstLines)
            require(line >= 1 && line <= lines, "a problem at a line outside the file");
        require(tally.firstMessage.empty() == (tally.count == 0), "a tally's message does not match its count");
    }

    const std::string problem = datasetProblem(data);
    require(problem.empty(), "the loaded data set does not fit together: " + problem);
    std::vector<char> userUsed(data.userCount()), itemUsed(data.itemCount());
    std::unordered_set<std::uint64_t> pairs;
    for (const auto& x : data.interactions) {
        userUsed[x.user] = itemUsed[x.item] = 1;
        require(pairs.insert((std::uint64_t{x.user} << 32) | x.item).second, "a (user, item) pair kept twice");
        require(data.scale.contains(x.rating), "a kept rating outside the data set's scale");
        require(x.row >= 1 && x.row <= lines, "a rating from a line outside the file");
    }
    require(std::all_of(userUsed.begin(), userUsed.end(), [](char c) { return c != 0; }), "a user without ratings");
    require(std::all_of(itemUsed.begin(), itemUsed.end(), [](char c) { return c != 0; }), "an item without ratings");
    require(std::unordered_set<std::string>(data.userIds.begin(), data.userIds.end()).size() == data.userCount(),
            "two users with the same id");
    require(std::unordered_set<std::string>(data.itemIds.begin(), data.itemIds.end()).size() == data.itemCount(),
            "two items with the same id");
    require(!report.describe().empty(), "an empty load report");
}

/// The line at which a load that stops at every problem must stop: rows are checked in file
/// order, duplicates only once every row is read.
std::uint64_t firstStopLine(const LoadReport& report)
{
    std::optional<std::uint64_t> first;
    for (std::size_t p = 0; p < kProblemCount; ++p) {
        const auto& tally = report.problems[p];
        if (static_cast<Problem>(p) != Problem::Duplicate && tally.count > 0)
            first = std::min(first.value_or(tally.firstLines.front()), tally.firstLines.front());
    }
    return first ? *first : report.tally(Problem::Duplicate).firstLines.front();
}

} // namespace

void checkLoad(const std::string& path, const std::vector<WrittenFile>& files, LoadOptions options)
{
    for (std::size_t p = 0; p < kProblemCount; ++p)
        options.setPolicy(static_cast<Problem>(p), Policy::Skip);
    const Outcome skipped = load(path, options);
    if (skipped.error)
        checkRefusal(*skipped.error, path, files);
    else
        checkResult(*skipped.result, files);

    for (std::size_t p = 0; p < kProblemCount; ++p)
        options.setPolicy(static_cast<Problem>(p), Policy::Stop);
    const Outcome stopped = load(path, options);
    if (stopped.error)
        checkRefusal(*stopped.error, path, files);
    else
        checkResult(*stopped.result, files);

    if (skipped.error) {
        require(stopped.error.has_value(), "a load that skips failed, the same load that stops succeeded");
        return;
    }
    const LoadReport& report = skipped.result->report;
    if (report.rowsSkipped() == 0) {
        if (stopped.error)
            violated("nothing was skipped, yet the load that stops failed: " + std::string(stopped.error->what()));
        require(stopped.result->dataset.fingerprint() == skipped.result->dataset.fingerprint() &&
                    stopped.result->report.rowsKept == report.rowsKept,
                "the loads that skip and stop kept different data sets");
        return;
    }
    require(stopped.error.has_value(), "rows were skipped, yet the load that stops succeeded");
    require(stopped.error->file() == report.file && stopped.error->line() == firstStopLine(report),
            "the load that stops did not stop at the first skipped row (line " + std::to_string(firstStopLine(report)) +
                "): " + stopped.error->what());
}

void checkDetection(const std::string& path, const std::vector<WrittenFile>& files)
{
    try {
        (void)detectFormat(path);
    } catch (const DataError& error) {
        checkRefusal(error, path, files);
    } catch (const std::exception& other) {
        violated(std::string("detection threw something other than a DataError: ") + other.what());
    }
}

void checkFolderInput(std::string_view input, Format format, const std::vector<std::string>& names)
{
    const std::vector<std::string_view> parts = splitParts(input);
    std::vector<WrittenFile> files;
    for (std::size_t n = 0; n < names.size(); ++n) {
        if (n < parts.size())
            files.push_back({scratch().write(names[n], parts[n]), parts[n]});
        else
            scratch().remove(names[n]);
    }
    LoadOptions options;
    options.format = format;
    checkLoad(scratch().folder(), files, options);
    checkDetection(scratch().folder(), files);
}

} // namespace rnr::fuzz
