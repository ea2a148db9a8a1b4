#pragma once

// The properties of a load (docs/testing.md, "Fuzzing"): it succeeds with counts that add up
// (read = kept + skipped per kind), ids that are all in use and no pair twice, or it fails with a
// DataError naming one of the files, a line inside it (0: the whole file) and a cause. Loading
// with every problem kind set to stop must agree: the same data set when nothing was skipped, a
// DataError at the first skipped line otherwise.

#include "io/loadoptions.h"

#include <string>
#include <string_view>
#include <vector>

namespace rnr::fuzz {

/// A file the target wrote, with its bytes (for the line bound of an error).
struct WrittenFile
{
    std::string path;
    std::string_view bytes;
};

/// Loads `path` (a file or the scratch folder) with `options` twice, skipping every problem and
/// stopping at every problem, and checks the properties above; violated() otherwise.
void checkLoad(const std::string& path, const std::vector<WrittenFile>& files, LoadOptions options);

/// Format detection on `path` names a format or refuses with a DataError; violated() otherwise.
void checkDetection(const std::string& path, const std::vector<WrittenFile>& files);

/// The target of a format whose files sit in one folder: the input's parts (splitParts()) are
/// written as `names` in the scratch folder (a name without a part is removed), then the folder
/// is loaded in `format` (checkLoad()) and detected (checkDetection()).
void checkFolderInput(std::string_view input, Format format, const std::vector<std::string>& names);

} // namespace rnr::fuzz
