#include "core/errors.h"

namespace rnr {

namespace {
std::string formatDataError(const std::string& file, std::uint64_t line, const std::string& cause)
{
    std::string text = file.empty() ? std::string("<input>") : printable(file);
    if (line > 0)
        text += ":" + std::to_string(line);
    return text + ": " + cause;
}
} // namespace

std::string printable(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

DataError::DataError(std::string file, std::uint64_t line, std::string cause)
    : std::runtime_error(formatDataError(file, line, printable(cause))), m_file(std::move(file)), m_line(line),
      m_cause(printable(cause))
{}

} // namespace rnr
