#include "io/detail/linereader.h"

#include "core/errors.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace rnr {

namespace {
constexpr std::size_t kChunk = std::size_t{4} << 20;

std::FILE* openForReading(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw DataError(path, 0, "is a folder, expected a file");
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw DataError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    return file;
}
} // namespace

LineReader::LineReader(std::string path, const LoadOptions& options) : m_path(std::move(path)), m_options(options)
{
    m_file = openForReading(m_path);
    std::error_code ec;
    m_size = std::filesystem::file_size(m_path, ec);
    if (ec)
        m_size = 0;
    // A small file gets a buffer of its size (plus one byte, to see its end in one read): opening
    // one costs no 4 MiB allocation.
    const std::size_t first = m_size > 0 && m_size < kChunk ? std::max<std::size_t>(m_size + 1, 4096) : kChunk;
    try {
        m_buffer.resize(first + kPadding);
        refill();
        checkStart();
    } catch (...) {
        // The destructor does not run for an object whose constructor threw.
        std::fclose(m_file);
        m_file = nullptr;
        throw;
    }
}

LineReader::~LineReader()
{
    if (m_file)
        std::fclose(m_file);
}

void LineReader::checkStart()
{
    const std::string_view head(m_buffer.data(), std::min<std::size_t>(m_end, 8192));
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
        throw DataError(m_path, 0, "the file is UTF-16 encoded; save it as UTF-8 and open it again");
    if (head.find('\0') != std::string_view::npos)
        throw DataError(m_path, 0, "this is a binary file, not a text file of ratings");
    if (head.starts_with("\xEF\xBB\xBF"))
        m_pos = 3;
}

bool LineReader::refill()
{
    if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed))
        throw Cancelled();
    // Keep the unfinished line, move it to the front, grow when one line exceeds the buffer.
    const std::size_t kept = m_end - m_pos;
    if (kept > kMaxLineBytes)
        throw DataError(m_path, m_lineNumber + 1,
                        "the line is longer than " + std::to_string(kMaxLineBytes >> 20) +
                            " MiB: this is not a text file of ratings");
    if (kept > 0 && m_pos > 0)
        std::memmove(m_buffer.data(), m_buffer.data() + m_pos, kept);
    m_pos = 0;
    m_end = kept;
    if (m_buffer.size() - kPadding - m_end < std::min(kChunk, m_buffer.size() - kPadding) / 2)
        m_buffer.resize(m_buffer.size() * 2);
    const std::size_t room = m_buffer.size() - kPadding - m_end;
    const std::size_t got = std::fread(m_buffer.data() + m_end, 1, room, m_file);
    if (got < room) {
        if (std::ferror(m_file))
            throw DataError(m_path, m_lineNumber, std::string("read error: ") + std::strerror(errno));
        m_eof = true;
    }
    m_end += got;
    std::memset(m_buffer.data() + m_end, 0, kPadding);
    m_done += got;
    if (m_options.progress)
        m_options.progress(m_done, std::max(m_size, m_done));
    return got > 0;
}

bool LineReader::next(std::string_view& line)
{
    for (;;) {
        const char* begin = m_buffer.data() + m_pos;
        const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', m_end - m_pos));
        if (newline || (m_eof && m_pos < m_end)) {
            const char* stop = newline ? newline : m_buffer.data() + m_end;
            std::size_t length = static_cast<std::size_t>(stop - begin);
            if (length > 0 && begin[length - 1] == '\r')
                --length;
            m_pos = newline ? static_cast<std::size_t>(newline - m_buffer.data()) + 1 : m_end;
            ++m_lineNumber;
            line = std::string_view(begin, length);
            return true;
        }
        if (m_eof)
            return false;
        refill();
    }
}

std::uint64_t LineReader::estimatedLines() const
{
    const std::uint64_t consumed = m_done - (m_end - m_pos);
    if (m_lineNumber == 0 || consumed == 0 || m_size == 0)
        return 0;
    // 10% more than the mean so far predicts: a file whose later lines are a little shorter
    // does not make the rows' vector grow (and copy) once more at the end.
    // A rating line has at least 4 bytes ("1 1\n"): blank or short first lines never make the
    // estimate exceed the lines the file can hold.
    const double perLine = std::max(double(consumed) / double(m_lineNumber), 4.0);
    return std::min(static_cast<std::uint64_t>(1.1 * double(m_size) / perLine) + 1024, m_size / 4 + 1);
}

std::string readFirstLine(const std::string& path, std::size_t maxBytes)
{
    std::FILE* file = openForReading(path);
    std::string text(maxBytes, '\0');
    text.resize(std::fread(text.data(), 1, maxBytes, file));
    std::fclose(file);
    std::string_view rest = text;
    if (rest.starts_with("\xEF\xBB\xBF"))
        rest.remove_prefix(3);
    while (!rest.empty()) {
        const auto eol = rest.find('\n');
        std::string_view line = rest.substr(0, eol);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos)
            return std::string(line);
        rest.remove_prefix(eol == std::string_view::npos ? rest.size() : eol + 1);
    }
    return {};
}

} // namespace rnr
