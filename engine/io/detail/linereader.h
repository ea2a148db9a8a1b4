#pragma once

#include "io/loadoptions.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace rnr {

/// Streams a text file line by line in large chunks: constant memory whatever the file size,
/// a UTF-8 byte-order mark skipped, CR before LF dropped, progress and cancel checked once per
/// chunk. Every line handed out is followed in memory by at least kPadding readable bytes,
/// which lets simdjson parse it in place. Refuses folders, unreadable, binary and UTF-16 files
/// with a DataError.
class LineReader
{
public:
    static constexpr std::size_t kPadding = 64;
    /// A longer line is refused (DataError at its number): a file without line ends, such as a
    /// sparse or binary file past its first 8 KiB, never makes the buffer grow without bound.
    static constexpr std::size_t kMaxLineBytes = std::size_t{64} << 20;

    LineReader(std::string path, const LoadOptions& options);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// Next line without its terminator; false at the end of the file.
    bool next(std::string_view& line);
    /// 1-based number of the line last returned by next().
    std::uint64_t lineNumber() const { return m_lineNumber; }
    const std::string& path() const { return m_path; }
    std::uint64_t sizeBytes() const { return m_size; }
    /// The file's lines estimated from those read so far (their mean length, at least 4 bytes),
    /// with a margin, at most a quarter of its bytes; 0 before any line or when the size is unknown.
    std::uint64_t estimatedLines() const;

private:
    bool refill();
    void checkStart();

    std::string m_path;
    const LoadOptions& m_options;
    std::FILE* m_file = nullptr;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::uint64_t m_lineNumber = 0;
    std::uint64_t m_size = 0;
    std::uint64_t m_done = 0;
    bool m_eof = false;
};

/// The first non-blank line within the first maxBytes of a file (BOM and CR removed), for
/// format sniffing; "" when there is none.
std::string readFirstLine(const std::string& path, std::size_t maxBytes = 64 * 1024);

} // namespace rnr
