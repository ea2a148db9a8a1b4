#pragma once

#include "loadoptions.h"

#include <string>

namespace rnr {

/// Loads a ratings data set from a file or a folder. Streams the file, applies the per-problem
/// policy, drops duplicate (user, item) pairs keeping the latest, and joins item metadata
/// found beside the ratings. Throws DataError (file, line, cause) when the input cannot be
/// used, and Cancelled when options.cancel is raised.
LoadResult loadDataset(const std::string& path, const LoadOptions& options = {});

/// Detects the format of a file or folder from names and content. Throws DataError when
/// nothing recognisable is found. For a folder, *ratingsFile receives the file to read.
Format detectFormat(const std::string& path, std::string* ratingsFile = nullptr);

} // namespace rnr
