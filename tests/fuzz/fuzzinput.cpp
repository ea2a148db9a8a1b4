#include "fuzzinput.h"

#include "persist/binaryio.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace rnr::fuzz {

namespace fs = std::filesystem;

Scratch::Scratch()
{
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/rnr-fuzz-XXXXXX";
    if (!mkdtemp(pattern.data()))
        violated("cannot make a scratch folder under " + pattern + ": " + std::strerror(errno));
    m_folder = pattern;
}

Scratch::~Scratch()
{
    std::error_code ec;
    fs::remove_all(m_folder, ec);
}

std::string Scratch::write(const std::string& name, std::string_view bytes)
{
    const std::string path = m_folder + "/" + name;
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        violated("cannot write " + path + ": " + std::strerror(errno));
    const bool written = bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    if (std::fclose(file) != 0 || !written)
        violated("cannot write " + path);
    return path;
}

void Scratch::remove(const std::string& name)
{
    std::error_code ec;
    fs::remove(m_folder + "/" + name, ec);
}

Scratch& scratch()
{
    static Scratch instance;
    return instance;
}

std::vector<std::string_view> splitParts(std::string_view input)
{
    constexpr std::string_view kMarker = "--8<--";
    std::vector<std::string_view> parts;
    std::size_t begin = 0, lineStart = 0;
    while (lineStart <= input.size()) {
        std::size_t lineEnd = input.find('\n', lineStart);
        const std::size_t next = lineEnd == std::string_view::npos ? input.size() + 1 : lineEnd + 1;
        if (lineEnd == std::string_view::npos)
            lineEnd = input.size();
        std::string_view line = input.substr(lineStart, lineEnd - lineStart);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (line == kMarker) {
            parts.push_back(input.substr(begin, lineStart - begin));
            begin = std::min(next, input.size());
        }
        lineStart = next;
    }
    parts.push_back(input.substr(std::min(begin, input.size())));
    return parts;
}

std::uint64_t lineCount(std::string_view text)
{
    std::uint64_t lines = 0;
    for (char c : text)
        lines += c == '\n';
    return lines + (!text.empty() && text.back() != '\n');
}

namespace {
std::uint64_t fnv1a(std::string_view bytes)
{
    Fnv1a hash;
    hash.add(bytes.data(), bytes.size());
    return hash.value();
}

void putU64(std::string& out, std::size_t at, std::uint64_t value)
{
    for (int b = 0; b < 8; ++b)
        out[at + static_cast<std::size_t>(b)] = static_cast<char>((value >> (8 * b)) & 0xff);
}
} // namespace

std::string withValidChecksums(std::string_view file)
{
    // Header: 8-byte magic, u32 version, u64 file size, u64 FNV-1a of the 20 bytes before it;
    // trailer: u64 FNV-1a of every byte before it (persist/binaryio.h).
    constexpr std::size_t kHeader = 28, kTrailer = 8;
    std::string out(file);
    if (out.size() < kHeader + kTrailer)
        return out;
    putU64(out, 12, out.size());
    putU64(out, 20, fnv1a(std::string_view(out).substr(0, 20)));
    putU64(out, out.size() - kTrailer, fnv1a(std::string_view(out).substr(0, out.size() - kTrailer)));
    return out;
}

} // namespace rnr::fuzz
