#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rnr {

/// The text with control characters (a NUL, a line end, an escape) written as "\x00": bytes of a
/// file quoted in a message never cut it short (what() is a C string) or break its line.
std::string printable(std::string_view text);

/// A problem with input data. what() reads "file:line: cause" (or "file: cause" when the
/// problem is not tied to one line) so that every message names where and why. The cause is
/// kept printable(), and so is the file in what().
class DataError : public std::runtime_error
{
public:
    DataError(std::string file, std::uint64_t line, std::string cause);

    const std::string& file() const { return m_file; }
    /// 1-based line (or record) number; 0 when the problem concerns the whole file.
    std::uint64_t line() const { return m_line; }
    const std::string& cause() const { return m_cause; }

private:
    std::string m_file;
    std::uint64_t m_line;
    std::string m_cause;
};

/// Thrown by long operations (loading, training) when their cancel flag was raised.
class Cancelled : public std::runtime_error
{
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// A caller passed arguments that cannot work (an unknown model name, an empty data set...).
class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace rnr
