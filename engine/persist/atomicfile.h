#pragma once

#include <functional>
#include <iosfwd>
#include <string>

namespace rnr {

/// Writes a file all at once or not at all: `write` fills a temporary file beside `path`, which
/// is renamed over `path` only when every byte reached the disk. On failure (a missing or
/// read-only folder, a full disk, an exception from `write`) the temporary file is removed, a
/// file already at `path` is left as it was, and std::runtime_error says "path: cannot write the
/// <what>: cause".
void writeAtomically(const std::string& path, const std::string& what, const std::function<void(std::ostream&)>& write);

} // namespace rnr
