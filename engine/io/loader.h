#pragma once

#include "io/loadoptions.h"

#include <optional>
#include <string>
#include <vector>

namespace rnr {

/// Loads a ratings data set from a file or a folder. Streams the file, applies the per-problem
/// policy, drops duplicate (user, item) pairs keeping the latest, and joins item metadata
/// found beside the ratings. Throws DataError (file, line, cause) when the input cannot be
/// used, and Cancelled when options.cancel is raised.
LoadResult loadDataset(const std::string& path, const LoadOptions& options = {});

/// Detects the format of a file or folder from names and content. Throws DataError when
/// nothing recognisable is found. For a folder, *ratingsFile receives the file to read.
Format detectFormat(const std::string& path, std::string* ratingsFile = nullptr);

/// What the column-mapping dialog shows of a generic delimited file: the delimiter and header
/// as detected (or as given), the column names, the first data rows split into fields, and the
/// columns the loader would use (explicit ones checked, the others guessed; user and item are
/// unset when they cannot be guessed). Throws DataError for an empty or unreadable file.
struct CsvPreview
{
    char delimiter = ',';
    bool hasHeader = false;
    std::vector<std::string> columns; ///< header names, or "column 0", "column 1", ...
    std::vector<std::vector<std::string>> rows;
    std::optional<std::size_t> user, item, rating, timestamp;
};
CsvPreview previewCsv(const std::string& file, const CsvMapping& mapping = {}, std::size_t maxRows = 20);

} // namespace rnr
