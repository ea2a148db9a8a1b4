#include "core/errors.h"

namespace rnr {

namespace {
std::string formatDataError(const std::string& file, std::uint64_t line, const std::string& cause)
{
    std::string text = file.empty() ? std::string("<input>") : file;
    if (line > 0)
        text += ":" + std::to_string(line);
    return text + ": " + cause;
}
} // namespace

DataError::DataError(std::string file, std::uint64_t line, std::string cause)
    : std::runtime_error(formatDataError(file, line, cause)), m_file(std::move(file)), m_line(line),
      m_cause(std::move(cause))
{}

} // namespace rnr
