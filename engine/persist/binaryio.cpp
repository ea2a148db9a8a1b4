#include "persist/binaryio.h"

#include "core/errors.h"
#include "core/log.h"
#include "persist/atomicfile.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace rnr {

namespace {

constexpr std::uint64_t kHeaderSize = 8 + 4 + 8 + 8;
constexpr std::uint64_t kTrailerSize = 8;
constexpr std::uint64_t kProgressStep = std::uint64_t(4) << 20;

const char* const kTruncated = "the file is truncated";
const char* const kChecksum = "the checksum does not match: the file is damaged";

std::uint32_t readLe32(const unsigned char* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

std::uint64_t readLe64(const unsigned char* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

/// Reverses the byte order of 4-byte values in place (big-endian hosts only).
[[maybe_unused]] void swap32(void* data, std::size_t count)
{
    auto* bytes = static_cast<unsigned char*>(data);
    for (std::size_t i = 0; i < count; ++i)
        std::reverse(bytes + 4 * i, bytes + 4 * i + 4);
}

} // namespace

void Fnv1a::add(const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t h = m_value;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= 0x100000001b3ULL;
    }
    m_value = h;
}

// ---------------------------------------------------------------------------------------------
// Writing

void BinaryWriter::bytes(const void* data, std::size_t size)
{
    if (m_out) {
        m_out->write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
        m_hash.add(data, size);
    }
    m_size += size;
    if (m_progress && m_size - m_reported >= kProgressStep) {
        m_reported = m_size;
        m_progress(m_size);
    }
}

void BinaryWriter::u32(std::uint32_t v)
{
    const std::array<unsigned char, 4> b{static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                                         static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
    bytes(b.data(), b.size());
}

void BinaryWriter::u64(std::uint64_t v)
{
    u32(static_cast<std::uint32_t>(v));
    u32(static_cast<std::uint32_t>(v >> 32));
}

void BinaryWriter::f32(float v)
{
    u32(std::bit_cast<std::uint32_t>(v));
}

void BinaryWriter::f64(double v)
{
    u64(std::bit_cast<std::uint64_t>(v));
}

void BinaryWriter::string(const std::string& s)
{
    if (s.size() > std::numeric_limits<std::uint32_t>::max())
        throw UsageError("a text is too long to be saved");
    u32(static_cast<std::uint32_t>(s.size()));
    bytes(s.data(), s.size());
}

void BinaryWriter::strings(const std::vector<std::string>& list)
{
    u64(list.size());
    for (const auto& s : list)
        string(s);
}

void BinaryWriter::array32(const void* data, std::size_t count)
{
    if constexpr (std::endian::native == std::endian::little) {
        bytes(data, count * 4);
    } else {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < count; ++i) {
            std::uint32_t v = 0;
            std::memcpy(&v, p + 4 * i, 4);
            u32(v);
        }
    }
}

void BinaryWriter::u32s(const std::vector<std::uint32_t>& values)
{
    u64(values.size());
    array32(values.data(), values.size());
}

void BinaryWriter::u64s(const std::vector<std::uint64_t>& values)
{
    u64(values.size());
    for (const std::uint64_t v : values)
        u64(v);
}

void BinaryWriter::f32s(const std::vector<float>& values)
{
    u64(values.size());
    array32(values.data(), values.size());
}

void BinaryWriter::matrix(const RowMatrix<float>& m)
{
    u64(static_cast<std::uint64_t>(m.rows()));
    u64(static_cast<std::uint64_t>(m.cols()));
    array32(m.data(), static_cast<std::size_t>(m.size()));
}

void BinaryWriter::section(const char (&tag)[5], const std::function<void(BinaryWriter&)>& write)
{
    if (!m_out) {
        // Only counting: the length field is 8 bytes whatever it holds, so the payload is counted
        // once here instead of once more per level of nesting.
        bytes(tag, 4);
        u64(0);
        write(*this);
        return;
    }
    BinaryWriter counter;
    write(counter);
    bytes(tag, 4);
    u64(counter.size());
    const std::uint64_t start = m_size;
    write(*this);
    if (m_size - start != counter.size())
        throw std::logic_error(std::string("section ") + tag + " miscounted");
}

// ---------------------------------------------------------------------------------------------
// Reading

BinaryReader::BinaryReader(std::istream& in, std::string name, std::string what, std::uint64_t begin, std::uint64_t end)
    : m_in(in), m_name(std::move(name)), m_what(std::move(what)), m_position(begin), m_end(end)
{}

void BinaryReader::fail(const std::string& cause) const
{
    throw DataError(m_name, 0, cause);
}

void BinaryReader::inconsistent() const
{
    const std::string tag = m_sections.empty() ? std::string("body") : "\"" + m_sections.back().tag + "\" section";
    fail("the " + tag + " of the " + m_what + " is inconsistent: the file is damaged");
}

std::string BinaryReader::beginSection()
{
    if (remaining() < 12)
        fail("the sections of the " + m_what + " do not add up: the file is damaged");
    std::array<char, 4> tagBytes{};
    bytes(tagBytes.data(), tagBytes.size());
    std::string tag(tagBytes.data(), tagBytes.size());
    const std::uint64_t length = u64();
    if (length > remaining())
        fail("the \"" + tag + "\" section runs past the end of the " + m_what + ": the file is damaged");
    m_sections.push_back(Section{tag, m_position + length});
    return tag;
}

void BinaryReader::endSection()
{
    if (m_sections.empty() || m_position != m_sections.back().end)
        inconsistent();
    m_sections.pop_back();
}

void BinaryReader::skipSection()
{
    if (m_sections.empty())
        inconsistent();
    m_position = m_sections.back().end;
    m_sections.pop_back();
    m_in.seekg(static_cast<std::streamoff>(m_position), std::ios::beg);
    if (!m_in)
        fail(kTruncated);
}

void BinaryReader::need(std::uint64_t count, std::uint64_t itemSize) const
{
    if (itemSize != 0 && count > remaining() / itemSize)
        inconsistent();
}

void BinaryReader::bytes(void* data, std::uint64_t size)
{
    need(size);
    m_in.read(static_cast<char*>(data), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(m_in.gcount()) != size)
        fail(kTruncated);
    m_position += size;
}

std::uint8_t BinaryReader::u8()
{
    std::uint8_t v = 0;
    bytes(&v, 1);
    return v;
}

bool BinaryReader::boolean()
{
    const std::uint8_t v = u8();
    if (v > 1)
        inconsistent();
    return v == 1;
}

std::uint32_t BinaryReader::u32()
{
    std::array<unsigned char, 4> b{};
    bytes(b.data(), b.size());
    return readLe32(b.data());
}

std::uint64_t BinaryReader::u64()
{
    std::array<unsigned char, 8> b{};
    bytes(b.data(), b.size());
    return readLe64(b.data());
}

float BinaryReader::f32()
{
    return std::bit_cast<float>(u32());
}

double BinaryReader::f64()
{
    return std::bit_cast<double>(u64());
}

std::uint64_t BinaryReader::count(std::uint64_t minBytes)
{
    const std::uint64_t n = u64();
    need(n, std::max<std::uint64_t>(minBytes, 1));
    return n;
}

std::string BinaryReader::string()
{
    const std::uint32_t size = u32();
    need(size);
    std::string s(size, '\0');
    bytes(s.data(), size);
    return s;
}

std::vector<std::string> BinaryReader::strings()
{
    const std::uint64_t n = count(4); // every string has at least its length
    std::vector<std::string> list;
    list.reserve(static_cast<std::size_t>(n));
    for (std::uint64_t i = 0; i < n; ++i)
        list.push_back(string());
    return list;
}

void BinaryReader::array32(void* data, std::uint64_t count)
{
    bytes(data, count * 4);
    if constexpr (std::endian::native != std::endian::little)
        swap32(data, static_cast<std::size_t>(count));
}

std::vector<std::uint32_t> BinaryReader::u32s()
{
    std::vector<std::uint32_t> values(static_cast<std::size_t>(count(4)));
    array32(values.data(), values.size());
    return values;
}

std::vector<std::uint64_t> BinaryReader::u64s()
{
    std::vector<std::uint64_t> values(static_cast<std::size_t>(count(8)));
    for (std::uint64_t& v : values)
        v = u64();
    return values;
}

std::vector<float> BinaryReader::f32s()
{
    std::vector<float> values(static_cast<std::size_t>(count(4)));
    array32(values.data(), values.size());
    return values;
}

RowMatrix<float> BinaryReader::matrix()
{
    const std::uint64_t rows = u64(), cols = u64();
    constexpr std::uint64_t kMaxSide = std::numeric_limits<std::uint32_t>::max();
    if (rows > kMaxSide || cols > kMaxSide || (cols != 0 && rows > remaining() / 4 / cols))
        inconsistent();
    RowMatrix<float> m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
    array32(m.data(), rows * cols);
    return m;
}

// ---------------------------------------------------------------------------------------------
// The container

void writeContainer(const std::string& path, const ContainerFormat& format,
                    const std::function<void(BinaryWriter&)>& write,
                    const std::function<void(std::uint64_t, std::uint64_t)>& progress)
{
    BinaryWriter counter;
    write(counter);
    const std::uint64_t fileSize = kHeaderSize + counter.size() + kTrailerSize;

    writeAtomically(path, format.what, [&](std::ostream& out) {
        BinaryWriter sink(&out);
        if (progress)
            sink.setProgress([&](std::uint64_t done) { progress(done, fileSize); });
        sink.bytes(format.magic.data(), format.magic.size());
        sink.u32(format.version);
        sink.u64(fileSize);
        sink.u64(sink.hash());
        write(sink);
        sink.u64(sink.hash());
        if (out && sink.size() != fileSize)
            throw std::logic_error(format.what + " size miscounted");
    });
    logInfo("persist", "wrote " + path + " (" + format.what + ", " + std::to_string(fileSize) + " bytes)");
    if (progress)
        progress(fileSize, fileSize);
}

void readContainer(const std::string& path, const ContainerFormat& format,
                   const std::function<void(BinaryReader&, std::uint32_t)>& read,
                   const std::function<void(std::uint64_t, std::uint64_t)>& progress)
{
    auto fail = [&](const std::string& cause) { throw DataError(path, 0, cause); };
    const std::string notOurs = "not an RnR Explorer " + format.what;
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status))
        fail("no such file");
    if (std::filesystem::is_directory(status))
        fail("this is a folder, not an RnR Explorer " + format.what);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(std::string("cannot open the file: ") + std::strerror(errno));
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    in.seekg(0, std::ios::beg);
    if (end < 0 || !in)
        fail("cannot read the file");
    const auto size = static_cast<std::uint64_t>(end);

    std::array<unsigned char, kHeaderSize> header{};
    const std::uint64_t headerBytes = std::min<std::uint64_t>(size, kHeaderSize);
    in.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(headerBytes));
    if (static_cast<std::uint64_t>(in.gcount()) != headerBytes)
        fail("cannot read the file");
    if (size == 0)
        fail("the file is empty: " + notOurs);
    if (std::memcmp(header.data(), format.magic.data(), std::min<std::size_t>(headerBytes, format.magic.size())) != 0)
        fail(notOurs);
    if (size < 12)
        fail(kTruncated);
    const std::uint32_t version = readLe32(header.data() + 8);
    if (version > format.version)
        fail(format.what + " format version " + std::to_string(version) + " is newer than this program supports (" +
             std::to_string(format.version) + ")");
    if (size < kHeaderSize)
        fail(kTruncated);
    Fnv1a headerHash;
    headerHash.add(header.data(), 20);
    if (headerHash.value() != readLe64(header.data() + 20) || version == 0)
        fail(kChecksum);
    const std::uint64_t declared = readLe64(header.data() + 12);
    if (declared < kHeaderSize + kTrailerSize)
        fail(kChecksum);
    if (size < declared)
        fail(kTruncated);
    if (size > declared)
        fail("the file continues after the end of the " + format.what + ": the file is damaged");

    // Verify the checksum over everything before the trailer, then parse.
    const std::uint64_t bodyEnd = declared - kTrailerSize;
    {
        in.seekg(0, std::ios::beg);
        Fnv1a hash;
        constexpr std::uint64_t kReadChunk = std::uint64_t(1) << 20;
        std::vector<char> buffer(static_cast<std::size_t>(std::clamp<std::uint64_t>(bodyEnd, 1, kReadChunk)));
        std::uint64_t left = bodyEnd;
        while (left > 0) {
            const auto chunk = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
            in.read(buffer.data(), static_cast<std::streamsize>(chunk));
            if (static_cast<std::size_t>(in.gcount()) != chunk)
                fail(kTruncated);
            hash.add(buffer.data(), chunk);
            left -= chunk;
            if (progress && (bodyEnd - left) % kProgressStep < kReadChunk)
                progress(bodyEnd - left, bodyEnd);
        }
        std::array<unsigned char, 8> trailer{};
        in.read(reinterpret_cast<char*>(trailer.data()), trailer.size());
        if (static_cast<std::size_t>(in.gcount()) != trailer.size())
            fail(kTruncated);
        if (hash.value() != readLe64(trailer.data()))
            fail(kChecksum);
    }

    in.clear();
    in.seekg(static_cast<std::streamoff>(kHeaderSize), std::ios::beg);
    BinaryReader reader(in, path, format.what, kHeaderSize, bodyEnd);
    read(reader, version);
    if (!reader.atEnd())
        reader.inconsistent();
    logInfo("persist", "read " + path + " (" + format.what + " format " + std::to_string(version) + ", " +
                           std::to_string(size) + " bytes)");
}

} // namespace rnr
