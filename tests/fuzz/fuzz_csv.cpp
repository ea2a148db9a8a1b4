// Fuzz target: generic delimited files (CSV/TSV with a column mapping), the column-mapping
// dialog's preview and guess (previewCsv), and format detection of a single file. An input may
// start with a line "MAP <delimiter> <header> <user> <item> <rating> <timestamp>" giving the
// mapping (delimiter: , tab ; | or auto; header: yes, no or auto; a column: a name, an index, "-"
// for none or "?" to guess); without it the file is loaded as the user would drop it (format
// detected, columns guessed).
#include "core/errors.h"
#include "fuzzinput.h"
#include "io/loader.h"
#include "loadproperties.h"

#include <sstream>

using namespace rnr;
using namespace rnr::fuzz;

namespace {

constexpr std::string_view kMap = "MAP ";

/// The mapping of a "MAP" line; false when the line is not one.
bool parseMapping(std::string_view line, CsvMapping& mapping)
{
    std::istringstream words{std::string(line.substr(kMap.size()))};
    std::string delimiter, header, columns[4];
    if (!(words >> delimiter >> header >> columns[0] >> columns[1] >> columns[2] >> columns[3]))
        return false;
    mapping.delimiter = delimiter == "tab" ? '\t' : delimiter == "auto" ? 0 : delimiter[0];
    if (header != "auto")
        mapping.hasHeader = header == "yes";
    std::string* fields[] = {&mapping.user, &mapping.item, &mapping.rating, &mapping.timestamp};
    for (int c = 0; c < 4; ++c)
        *fields[c] = columns[c] == "?" ? std::string() : columns[c];
    return true;
}

void checkPreview(const std::string& path, const std::vector<WrittenFile>& files, const CsvMapping& mapping)
{
    try {
        const CsvPreview preview = previewCsv(path, mapping, 20);
        require(preview.rows.size() <= 20, "a preview of more rows than asked for");
        for (const auto& column : {preview.user, preview.item, preview.rating, preview.timestamp})
            require(!column || *column < preview.columns.size(), "a previewed column past the last column");
    } catch (const DataError& error) {
        require(error.file() == path && !error.cause().empty() && error.line() <= lineCount(files[0].bytes) + 1,
                std::string("a preview refused without naming the file and a line in it: ") + error.what());
    } catch (const std::exception& other) {
        violated(std::string("the preview threw something other than a DataError: ") + other.what());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view input(reinterpret_cast<const char*>(data), size);
    LoadOptions options;
    if (input.starts_with(kMap)) {
        const std::size_t end = input.find('\n');
        const std::string_view line = input.substr(0, end);
        if (!parseMapping(line, options.csv))
            return 0;
        options.format = Format::GenericCsv;
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    }
    const std::vector<WrittenFile> files{{scratch().write("ratings.txt", input), input}};
    checkLoad(files[0].path, files, options);
    checkPreview(files[0].path, files, options.csv);
    checkDetection(files[0].path, files);
    return 0;
}
