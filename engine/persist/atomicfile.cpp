#include "persist/atomicfile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace rnr {

namespace {
/// Removes its file when it goes out of scope, unless released.
class TemporaryFile
{
public:
    explicit TemporaryFile(std::string path) : m_path(std::move(path)) {}
    ~TemporaryFile()
    {
        if (!m_path.empty()) {
            std::error_code ignored;
            std::filesystem::remove(m_path, ignored);
        }
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return m_path; }
    void release() { m_path.clear(); }

private:
    std::string m_path;
};
} // namespace

void writeAtomically(const std::string& path, const std::string& what, const std::function<void(std::ostream&)>& write)
{
    auto cannotWrite = [&](const std::string& reason) {
        throw std::runtime_error(path + ": cannot write the " + what + ": " + reason);
    };
    TemporaryFile temporary(path + ".tmp");
    {
        std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
        if (!out)
            cannotWrite(std::strerror(errno));
        write(out);
        out.flush();
        if (!out)
            cannotWrite(std::strerror(errno));
        out.close();
        if (!out)
            cannotWrite(std::strerror(errno));
    }
    std::error_code error;
    std::filesystem::rename(temporary.path(), path, error);
    if (error)
        cannotWrite(error.message());
    temporary.release();
}

} // namespace rnr
