#pragma once

// What every fuzz target shares (docs/testing.md, "Fuzzing"): the input written as one or more
// files in a private folder, the properties a load must have besides not crashing, and a failure
// that stops the fuzzer with the input (abort(), which libFuzzer reports as a crash).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace rnr::fuzz {

/// Stops the run: libFuzzer saves the input that made a property fail.
[[noreturn]] inline void violated(const std::string& what)
{
    std::fprintf(stderr, "fuzz property violated: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

inline void require(bool holds, const std::string& what)
{
    if (!holds)
        violated(what);
}

/// A folder of this process's own (under $TMPDIR or /tmp), emptied of the files it wrote at exit.
class Scratch
{
public:
    Scratch();
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    const std::string& folder() const { return m_folder; }
    /// Writes bytes to folder/name (replacing it) and returns the path.
    std::string write(const std::string& name, std::string_view bytes);
    /// Removes folder/name if it is there.
    void remove(const std::string& name);

private:
    std::string m_folder;
    std::vector<std::string> m_written;
};

/// The process's scratch folder (made on first use).
Scratch& scratch();

/// The parts of an input that holds several files: split at each line "--8<--" (the marker and
/// its line end are dropped). An input without the marker is one part.
std::vector<std::string_view> splitParts(std::string_view input);

/// The input's lines as a text editor counts them (a last line without a line end counts).
std::uint64_t lineCount(std::string_view text);

/// A copy of an engine container (persist/binaryio.h) whose size field and both checksums are
/// set to match its bytes, so that the fuzzer's changes reach the parser behind the checksums.
/// Inputs shorter than a header and trailer are returned as they are.
std::string withValidChecksums(std::string_view file);

} // namespace rnr::fuzz
