#pragma once

// The one binary format of the engine's files (checkpoints, sessions), after faiss's impl/io.h:
// a writer and a reader of little-endian values over a std::iostream, tagged sections that a
// reader of an older revision skips, and a container with a magic, a format version, the file
// size and FNV-1a 64 checksums of the header and of the whole file. Formats built on it
// (docs/architecture.md, "Files"):
//
//   header   8-byte magic; u32 version; u64 file size (trailer included); u64 FNV-1a of the 20
//            bytes before it
//   body     sections: 4-byte tag, u64 payload length, payload (sections nest)
//   trailer  u64 FNV-1a of every byte before it
//
// string: u32 byte length + UTF-8 bytes; list: u64 count + elements.

#include "model/params.h"

#include <array>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace rnr {

/// FNV-1a 64 over bytes: simple and stable across platforms.
class Fnv1a
{
public:
    void add(const void* data, std::size_t size);
    std::uint64_t value() const { return m_value; }

private:
    std::uint64_t m_value = 0xcbf29ce484222325ULL;
};

/// Writes values to a stream, hashing them as they pass; without a stream it only counts bytes
/// (how a section learns its length before it is written).
class BinaryWriter
{
public:
    explicit BinaryWriter(std::ostream* out = nullptr) : m_out(out) {}

    void bytes(const void* data, std::size_t size);
    void boolean(bool v) { u8(v ? 1 : 0); }
    void u8(std::uint8_t v) { bytes(&v, 1); }
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void f32(float v);
    void f64(double v);
    void string(const std::string& s);
    void strings(const std::vector<std::string>& list);
    void u32s(const std::vector<std::uint32_t>& values);
    void u64s(const std::vector<std::uint64_t>& values);
    void f32s(const std::vector<float>& values);
    /// 4-byte values (u32, f32) in bulk, without a count.
    void array32(const void* data, std::size_t count);
    /// u64 rows, u64 cols, rows x cols f32 row-major.
    void matrix(const RowMatrix<float>& m);

    /// A tagged section: the payload is produced twice, once to count its length (a writer that
    /// only counts produces it once, so nested sections are not counted again at every level).
    void section(const char (&tag)[5], const std::function<void(BinaryWriter&)>& write);

    std::uint64_t size() const { return m_size; }
    std::uint64_t hash() const { return m_hash.value(); }
    /// Called every few MiB with the bytes written so far (progress of a long save).
    void setProgress(std::function<void(std::uint64_t)> progress) { m_progress = std::move(progress); }

private:
    std::ostream* m_out;
    Fnv1a m_hash;
    std::uint64_t m_size = 0, m_reported = 0;
    std::function<void(std::uint64_t)> m_progress;
};

/// Reads values of a verified body, never past the end of the current section: every length is
/// compared with the bytes left before anything is allocated, so damage never causes a huge
/// allocation. Failures throw DataError(name, 0, cause).
class BinaryReader
{
public:
    /// Reads bytes [begin, end) of `in`; `what` names the format in messages ("checkpoint").
    BinaryReader(std::istream& in, std::string name, std::string what, std::uint64_t begin, std::uint64_t end);

    [[noreturn]] void fail(const std::string& cause) const;
    /// "the <section> section of the <what> is inconsistent: the file is damaged".
    [[noreturn]] void inconsistent() const;
    const std::string& name() const { return m_name; }
    const std::string& what() const { return m_what; }

    /// True when the current section (or the body) has no byte left.
    bool atEnd() const { return m_position >= limit(); }
    std::uint64_t remaining() const { return limit() - m_position; }
    /// Reads the next section's tag and enters it; endSection() checks that it was read to its
    /// end, skipSection() jumps over the rest (a section of a later revision).
    std::string beginSection();
    void endSection();
    void skipSection();

    /// Fails unless `count` items of at least `itemSize` bytes each can still follow.
    void need(std::uint64_t count, std::uint64_t itemSize = 1) const;
    void bytes(void* data, std::uint64_t size);
    bool boolean();
    std::uint8_t u8();
    std::uint32_t u32();
    std::uint64_t u64();
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    float f32();
    double f64();
    std::string string();
    std::vector<std::string> strings();
    std::vector<std::uint32_t> u32s();
    std::vector<std::uint64_t> u64s();
    std::vector<float> f32s();
    void array32(void* data, std::uint64_t count);
    RowMatrix<float> matrix();
    /// A count of elements of at least minBytes each, checked against the bytes left.
    std::uint64_t count(std::uint64_t minBytes);

private:
    std::uint64_t limit() const { return m_sections.empty() ? m_end : m_sections.back().end; }

    struct Section
    {
        std::string tag;
        std::uint64_t end;
    };
    std::istream& m_in;
    std::string m_name, m_what;
    std::uint64_t m_position, m_end;
    std::vector<Section> m_sections;
};

/// A file kind built on the container: its magic, current version and name in messages.
struct ContainerFormat
{
    std::array<char, 8> magic;
    std::uint32_t version;
    std::string what; ///< "checkpoint", "session"
};

/// Writes a container: header, the body that `write` produces, trailer. Written to "path.tmp" and
/// renamed into place, so an existing file is never left half-written. progress(done, total) is
/// called every few MiB. Throws std::runtime_error naming the file and the cause.
void writeContainer(const std::string& path, const ContainerFormat& format,
                    const std::function<void(BinaryWriter&)>& write,
                    const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

/// Opens a container, checks its magic, version, size and checksums (reading it once), and hands
/// a reader of its body to `read`, with the file's version. Throws DataError(path, 0, cause) for
/// a missing, foreign, newer, truncated or damaged file. progress(done, total) as above.
void readContainer(const std::string& path, const ContainerFormat& format,
                   const std::function<void(BinaryReader&, std::uint32_t version)>& read,
                   const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

} // namespace rnr
