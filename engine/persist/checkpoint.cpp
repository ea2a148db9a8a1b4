// Checkpoint file layout (all integers and floats little-endian):
//
//   header   "RNRCKPT\0"           8 bytes magic
//            u32 version           kCheckpointVersion
//            u64 file size         total bytes, trailer included
//            u64 header checksum   FNV-1a 64 of the 20 bytes above
//   sections 4-byte tag, u64 payload length, payload; in this order (readers skip unknown tags):
//            "MODL" string model name; u64 n; n x (string key, string value) hyper-parameters
//            "DATA" u64 fingerprint; string data set name; f32 scale min, max, step
//            "IDS " string list user ids; string list item ids; string list item titles
//            "HIST" u32 item count; u32 array offsets; u32 array items (the training history CSR)
//            "PARM" f32 mu; u32 n; n x (string block name, u64 rows, u64 cols, rows*cols f32 row-major)
//   trailer  u64 checksum          FNV-1a 64 of every byte before it
//
// string: u32 byte length + UTF-8 bytes; string list: u64 count + strings; u32 array: u64
// count + values.
#include "persist/checkpoint.h"

#include "core/errors.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

namespace rnr {

namespace {

constexpr std::array<char, 8> kMagic{'R', 'N', 'R', 'C', 'K', 'P', 'T', '\0'};
constexpr std::uint64_t kHeaderSize = 8 + 4 + 8 + 8;
constexpr std::uint64_t kTrailerSize = 8;

const char* const kTruncated = "the file is truncated";
const char* const kChecksum = "the checksum does not match: the file is damaged";

// FNV-1a 64 over bytes: simple and stable across platforms.
class Fnv1a
{
public:
    void add(const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        std::uint64_t h = m_value;
        for (std::size_t i = 0; i < size; ++i) {
            h ^= bytes[i];
            h *= 0x100000001b3ULL;
        }
        m_value = h;
    }
    std::uint64_t value() const { return m_value; }

private:
    std::uint64_t m_value = 0xcbf29ce484222325ULL;
};

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

// ---------------------------------------------------------------------------------------------
// Writing

/// Where the writer's bytes go: a stream (hashed as they pass) or nowhere (to count them).
class Sink
{
public:
    explicit Sink(std::ofstream* out = nullptr) : m_out(out) {}

    void bytes(const void* data, std::size_t size)
    {
        if (m_out) {
            m_out->write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
            m_hash.add(data, size);
        }
        m_size += size;
    }
    void u32(std::uint32_t v)
    {
        const std::array<unsigned char, 4> b{static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                                             static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
        bytes(b.data(), b.size());
    }
    void u64(std::uint64_t v)
    {
        u32(static_cast<std::uint32_t>(v));
        u32(static_cast<std::uint32_t>(v >> 32));
    }
    void f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
    void string(const std::string& s)
    {
        if (s.size() > std::numeric_limits<std::uint32_t>::max())
            throw UsageError("a text of the checkpoint is too long");
        u32(static_cast<std::uint32_t>(s.size()));
        bytes(s.data(), s.size());
    }
    void strings(const std::vector<std::string>& list)
    {
        u64(list.size());
        for (const auto& s : list)
            string(s);
    }
    /// 4-byte values (u32, f32) in bulk.
    template <typename T> void array32(const T* data, std::size_t count)
    {
        static_assert(sizeof(T) == 4);
        if constexpr (std::endian::native == std::endian::little) {
            bytes(data, count * 4);
        } else {
            for (std::size_t i = 0; i < count; ++i)
                u32(std::bit_cast<std::uint32_t>(data[i]));
        }
    }
    void u32Array(const std::vector<std::uint32_t>& values)
    {
        u64(values.size());
        array32(values.data(), values.size());
    }

    std::uint64_t size() const { return m_size; }
    std::uint64_t hash() const { return m_hash.value(); }

private:
    std::ofstream* m_out;
    Fnv1a m_hash;
    std::uint64_t m_size = 0;
};

/// Writes a tagged section: the payload is produced twice, once to count its length.
template <typename Write> void section(Sink& sink, const char (&tag)[5], Write&& write)
{
    Sink counter;
    write(counter);
    sink.bytes(tag, 4);
    sink.u64(counter.size());
    write(sink);
}

void writeBody(Sink& sink, const Checkpoint& c)
{
    section(sink, "MODL", [&](Sink& s) {
        s.string(c.spec.name());
        const auto pairs = describe(c.hp);
        s.u64(pairs.size());
        for (const auto& [key, value] : pairs) {
            s.string(key);
            s.string(value);
        }
    });
    section(sink, "DATA", [&](Sink& s) {
        s.u64(c.datasetFingerprint);
        s.string(c.datasetName);
        s.f32(c.scale.min);
        s.f32(c.scale.max);
        s.f32(c.scale.step);
    });
    section(sink, "IDS ", [&](Sink& s) {
        s.strings(c.userIds);
        s.strings(c.itemIds);
        s.strings(c.itemTitles);
    });
    section(sink, "HIST", [&](Sink& s) {
        const UserItems& history = c.model->history();
        s.u32(history.itemCount);
        s.u32Array(history.offsets);
        s.u32Array(history.items);
    });
    section(sink, "PARM", [&](Sink& s) {
        const Params<float>& params = c.model->params();
        s.f32(params.mu);
        s.u32(static_cast<std::uint32_t>(kBlockCount));
        for (int b = 0; b < kBlockCount; ++b) {
            const RowMatrix<float>& block = params.blocks[b];
            s.string(std::string(blockName(static_cast<Block>(b))));
            s.u64(static_cast<std::uint64_t>(block.rows()));
            s.u64(static_cast<std::uint64_t>(block.cols()));
            s.array32(block.data(), static_cast<std::size_t>(block.size()));
        }
    });
}

void checkSavable(const Checkpoint& c)
{
    if (!c.model)
        throw UsageError("the checkpoint has no model");
    const Model& model = *c.model;
    if (c.spec != model.spec())
        throw UsageError("the checkpoint's model name does not match its model");
    if (c.hp.dim != model.hyperParams().dim || c.hp.activation != model.hyperParams().activation)
        throw UsageError("the checkpoint's hyper-parameters do not match its model");
    if (c.userIds.size() != model.userCount() || c.itemIds.size() != model.itemCount())
        throw UsageError("the checkpoint's user and item ids do not match its model");
    if (!c.itemTitles.empty() && c.itemTitles.size() != c.itemIds.size())
        throw UsageError("the checkpoint needs no item titles or one per item");
}

/// Removes the temporary file unless released (on every failure path, exceptions included).
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

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads the body of a checkpoint whose size and checksum were verified, never past a limit
/// (the end of the current section, or of the body). Every length is compared with the bytes
/// left before anything is allocated.
class Source
{
public:
    Source(std::ifstream& in, const std::string& path, std::uint64_t position, std::uint64_t end)
        : m_in(in), m_path(path), m_position(position), m_limit(end), m_end(end)
    {}

    [[noreturn]] void fail(const std::string& cause) const { throw DataError(m_path, 0, cause); }

    std::uint64_t position() const { return m_position; }
    std::uint64_t remaining() const { return m_limit - m_position; }
    bool atEnd() const { return m_position >= m_end; }

    /// Restricts reading to the next `length` bytes, named `tag` in messages.
    void beginSection(const std::string& tag, std::uint64_t length)
    {
        if (length > remaining())
            fail("the " + tag + " section runs past the end of the checkpoint: the file is damaged");
        m_tag = tag;
        m_limit = m_position + length;
    }
    void endSection()
    {
        if (m_position != m_limit)
            inconsistent();
        m_limit = m_end;
    }
    void skipSection()
    {
        m_in.seekg(static_cast<std::streamoff>(m_limit), std::ios::beg);
        if (!m_in)
            fail(kTruncated);
        m_position = m_limit;
        m_limit = m_end;
    }
    [[noreturn]] void inconsistent() const
    {
        fail("the " + m_tag + " section of the checkpoint is inconsistent: the file is damaged");
    }

    void bytes(void* data, std::uint64_t size)
    {
        need(size);
        m_in.read(static_cast<char*>(data), static_cast<std::streamsize>(size));
        if (static_cast<std::uint64_t>(m_in.gcount()) != size)
            fail(kTruncated);
        m_position += size;
    }
    /// Fails unless `count` items of at least `itemSize` bytes each can still follow.
    void need(std::uint64_t count, std::uint64_t itemSize = 1)
    {
        if (itemSize != 0 && count > remaining() / itemSize)
            inconsistent();
    }
    std::uint32_t u32()
    {
        std::array<unsigned char, 4> b{};
        bytes(b.data(), b.size());
        return readLe32(b.data());
    }
    std::uint64_t u64()
    {
        std::array<unsigned char, 8> b{};
        bytes(b.data(), b.size());
        return readLe64(b.data());
    }
    float f32() { return std::bit_cast<float>(u32()); }
    std::string string()
    {
        const std::uint32_t size = u32();
        need(size);
        std::string s(size, '\0');
        bytes(s.data(), size);
        return s;
    }
    std::vector<std::string> strings()
    {
        const std::uint64_t count = u64();
        need(count, 4); // every string has at least its length
        std::vector<std::string> list;
        list.reserve(static_cast<std::size_t>(count));
        for (std::uint64_t i = 0; i < count; ++i)
            list.push_back(string());
        return list;
    }
    template <typename T> void array32(T* data, std::uint64_t count)
    {
        static_assert(sizeof(T) == 4);
        bytes(data, count * 4);
        if constexpr (std::endian::native != std::endian::little)
            swap32(data, static_cast<std::size_t>(count));
    }
    std::vector<std::uint32_t> u32Array()
    {
        const std::uint64_t count = u64();
        need(count, 4);
        std::vector<std::uint32_t> values(static_cast<std::size_t>(count));
        array32(values.data(), count);
        return values;
    }
    RowMatrix<float> matrix()
    {
        const std::uint64_t rows = u64(), cols = u64();
        constexpr std::uint64_t kMaxSide = std::numeric_limits<std::uint32_t>::max();
        if (rows > kMaxSide || cols > kMaxSide || (cols != 0 && rows > remaining() / 4 / cols))
            inconsistent();
        RowMatrix<float> m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
        array32(m.data(), rows * cols);
        return m;
    }

private:
    std::ifstream& m_in;
    const std::string& m_path;
    std::uint64_t m_position, m_limit, m_end;
    std::string m_tag;
};

/// What the sections hold, before it is checked and put together.
struct Contents
{
    std::optional<std::string> modelName;
    std::vector<std::pair<std::string, std::string>> hyperParams;
    std::optional<std::uint64_t> fingerprint;
    std::string datasetName;
    RatingScale scale;
    bool haveIds = false;
    std::vector<std::string> userIds, itemIds, itemTitles;
    std::optional<UserItems> history;
    bool haveParams = false;
    float mu = 0.0f;
    std::map<std::string, RowMatrix<float>> blocks;
};

std::string shape(Eigen::Index rows, Eigen::Index cols)
{
    return std::to_string(rows) + "\u00d7" + std::to_string(cols);
}

void readSections(Source& in, Contents& c)
{
    while (!in.atEnd()) {
        if (in.remaining() < 12)
            in.fail("the sections of the checkpoint do not add up: the file is damaged");
        std::array<char, 4> tagBytes{};
        in.bytes(tagBytes.data(), tagBytes.size());
        const std::string tag(tagBytes.data(), tagBytes.size());
        const std::uint64_t length = in.u64();
        const std::string name = "\"" + tag + "\"";
        in.beginSection(name, length);
        auto once = [&](bool seen) {
            if (seen)
                in.fail("the checkpoint has two " + name + " sections: the file is damaged");
        };
        if (tag == "MODL") {
            once(c.modelName.has_value());
            c.modelName = in.string();
            const std::uint64_t count = in.u64();
            in.need(count, 8);
            for (std::uint64_t i = 0; i < count; ++i) {
                std::string key = in.string();
                std::string value = in.string();
                c.hyperParams.emplace_back(std::move(key), std::move(value));
            }
        } else if (tag == "DATA") {
            once(c.fingerprint.has_value());
            c.fingerprint = in.u64();
            c.datasetName = in.string();
            c.scale.min = in.f32();
            c.scale.max = in.f32();
            c.scale.step = in.f32();
        } else if (tag == "IDS ") {
            once(c.haveIds);
            c.haveIds = true;
            c.userIds = in.strings();
            c.itemIds = in.strings();
            c.itemTitles = in.strings();
        } else if (tag == "HIST") {
            once(c.history.has_value());
            UserItems history;
            history.itemCount = in.u32();
            history.offsets = in.u32Array();
            history.items = in.u32Array();
            c.history = std::move(history);
        } else if (tag == "PARM") {
            once(c.haveParams);
            c.haveParams = true;
            c.mu = in.f32();
            const std::uint32_t count = in.u32();
            in.need(count, 4 + 16);
            for (std::uint32_t i = 0; i < count; ++i) {
                std::string block = in.string();
                RowMatrix<float> values = in.matrix();
                if (!c.blocks.emplace(std::move(block), std::move(values)).second)
                    in.inconsistent();
            }
        } else {
            in.skipSection(); // a section of a later revision of this version: not needed
            continue;
        }
        in.endSection();
    }
}

/// Checks the history CSR: offsets from 0 to the item count, ascending item ids in range.
bool validHistory(const UserItems& h, std::size_t users, std::size_t items)
{
    if (h.itemCount != items || h.offsets.size() != users + 1 || h.offsets.front() != 0 ||
        h.offsets.back() != h.items.size())
        return false;
    for (std::size_t u = 0; u < users; ++u) {
        if (h.offsets[u] > h.offsets[u + 1])
            return false;
        for (std::uint32_t k = h.offsets[u]; k < h.offsets[u + 1]; ++k)
            if (h.items[k] >= items || (k > h.offsets[u] && h.items[k] <= h.items[k - 1]))
                return false;
    }
    return true;
}

/// The history as buildUserItems() makes it, with whatever look-up structures it adds to the CSR.
UserItems rebuild(const UserItems& stored)
{
    std::vector<Interaction> pairs;
    pairs.reserve(stored.items.size());
    for (std::uint32_t u = 0; u < stored.userCount(); ++u)
        for (const std::uint32_t item : stored.of(u))
            pairs.push_back(Interaction{0, u, item, 0, 0.0f});
    return buildUserItems(pairs, stored.userCount(), stored.itemCount);
}

Checkpoint assemble(Contents&& c, const std::string& path)
{
    auto fail = [&](const std::string& cause) { throw DataError(path, 0, cause); };
    auto missing = [&](const char* tag) {
        fail(std::string("the checkpoint has no \"") + tag + "\" section: the file is damaged");
    };
    if (!c.modelName)
        missing("MODL");
    if (!c.fingerprint)
        missing("DATA");
    if (!c.haveIds)
        missing("IDS ");
    if (!c.history)
        missing("HIST");
    if (!c.haveParams)
        missing("PARM");

    Checkpoint out;
    try {
        out.spec = parseModelSpec(*c.modelName);
    } catch (const UsageError&) {
        fail("the checkpoint holds an unknown model '" + *c.modelName + "'");
    }
    for (const auto& [key, value] : c.hyperParams) {
        const HyperParamInfo* info = findHyperParam(key);
        if (!info)
            continue; // written by a later program; not needed here
        const std::string error = info->set(out.hp, value);
        if (!error.empty())
            fail("the hyper-parameter " + key + " of the checkpoint is invalid: " + error);
    }
    out.datasetFingerprint = *c.fingerprint;
    out.datasetName = std::move(c.datasetName);
    out.scale = c.scale;
    if (!std::isfinite(out.scale.min) || !std::isfinite(out.scale.max) || !(out.scale.min <= out.scale.max) ||
        !(out.scale.step >= 0.0f))
        fail("the rating scale of the checkpoint is invalid: the file is damaged");

    constexpr std::size_t kMaxCount = std::numeric_limits<std::uint32_t>::max() - 1;
    if (c.userIds.size() > kMaxCount || c.itemIds.size() > kMaxCount)
        fail("the checkpoint has too many users or items: the file is damaged");
    const auto users = static_cast<std::uint32_t>(c.userIds.size());
    const auto items = static_cast<std::uint32_t>(c.itemIds.size());
    if (!c.itemTitles.empty() && c.itemTitles.size() != items)
        fail("the checkpoint has " + std::to_string(c.itemTitles.size()) + " item titles for " + std::to_string(items) +
             " items: the file is damaged");
    if (!validHistory(*c.history, users, items))
        fail("the training history of the checkpoint does not fit its " + std::to_string(users) + " users and " +
             std::to_string(items) + " items: the file is damaged");

    // Before the model allocates its embeddings (users x d, items x d), check that the file
    // holds them at that size: a damaged count must not lead to a huge allocation.
    std::array<RowMatrix<float>, kBlockCount> stored;
    for (auto& [name, values] : c.blocks) {
        int index = -1;
        for (int b = 0; b < kBlockCount; ++b)
            if (blockName(static_cast<Block>(b)) == name)
                index = b;
        if (index < 0)
            fail("the checkpoint has an unknown parameter block '" + name + "'");
        stored[index] = std::move(values);
    }
    const auto dim = static_cast<Eigen::Index>(out.hp.dim);
    if (out.spec.learns()) {
        const RowMatrix<float>& u = stored[static_cast<int>(Block::Users)];
        const RowMatrix<float>& i = stored[static_cast<int>(Block::Items)];
        if (u.rows() != users || u.cols() != dim || i.rows() != items || i.cols() != dim)
            fail("the embeddings of the checkpoint (" + shape(u.rows(), u.cols()) + " and " +
                 shape(i.rows(), i.cols()) + ") do not fit its " + std::to_string(users) + " users, " +
                 std::to_string(items) + " items and d = " + std::to_string(dim) + ": the file is damaged");
    }

    std::shared_ptr<Model> model;
    try {
        model = std::make_shared<Model>(out.spec, out.hp, users, items, rebuild(*c.history), double(c.mu));
    } catch (const UsageError& e) {
        fail(std::string("the checkpoint's model cannot be rebuilt: ") + e.what());
    }
    Params<float>& params = model->params();
    for (int b = 0; b < kBlockCount; ++b) {
        RowMatrix<float>& target = params.blocks[b];
        RowMatrix<float>& source = stored[b];
        if (target.rows() != source.rows() || target.cols() != source.cols())
            fail("the parameter block " + std::string(blockName(static_cast<Block>(b))) + " of the checkpoint has " +
                 shape(source.rows(), source.cols()) + " values where " + out.spec.title() + " needs " +
                 shape(target.rows(), target.cols()) + ": the file is damaged");
        target = std::move(source);
    }
    params.mu = c.mu;
    out.model = std::move(model);
    out.userIds = std::move(c.userIds);
    out.itemIds = std::move(c.itemIds);
    out.itemTitles = std::move(c.itemTitles);
    return out;
}

} // namespace

Checkpoint makeCheckpoint(std::shared_ptr<const Model> model, const Dataset& data)
{
    if (!model)
        throw UsageError("there is no model to save");
    if (data.userCount() != model->userCount() || data.itemCount() != model->itemCount())
        throw UsageError("the model was not trained on this data set");
    Checkpoint c;
    c.spec = model->spec();
    c.hp = model->hyperParams();
    c.datasetFingerprint = data.fingerprint();
    c.datasetName = data.name;
    c.scale = data.scale;
    c.userIds = data.userIds;
    c.itemIds = data.itemIds;
    c.itemTitles = data.itemTitles;
    c.model = std::move(model);
    return c;
}

void saveCheckpoint(const Checkpoint& checkpoint, const std::string& path)
{
    checkSavable(checkpoint);
    Sink counter;
    writeBody(counter, checkpoint);
    const std::uint64_t fileSize = kHeaderSize + counter.size() + kTrailerSize;

    TemporaryFile temporary(path + ".tmp");
    auto cannotWrite = [&](const std::string& reason) {
        throw std::runtime_error(path + ": cannot write the checkpoint: " + reason);
    };
    {
        std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
        if (!out)
            cannotWrite(std::strerror(errno));
        Sink sink(&out);
        sink.bytes(kMagic.data(), kMagic.size());
        sink.u32(kCheckpointVersion);
        sink.u64(fileSize);
        sink.u64(sink.hash());
        writeBody(sink, checkpoint);
        sink.u64(sink.hash());
        out.flush();
        if (!out)
            cannotWrite(std::strerror(errno));
        out.close();
        if (!out)
            cannotWrite(std::strerror(errno));
        if (sink.size() != fileSize)
            throw std::logic_error("checkpoint size miscounted");
    }
    std::error_code error;
    std::filesystem::rename(temporary.path(), path, error);
    if (error)
        cannotWrite(error.message());
    temporary.release();
}

Checkpoint loadCheckpoint(const std::string& path)
{
    auto fail = [&](const std::string& cause) { throw DataError(path, 0, cause); };
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status))
        fail("no such file");
    if (std::filesystem::is_directory(status))
        fail("this is a folder, not an RnR Explorer checkpoint");
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
        fail("the file is empty: not an RnR Explorer checkpoint");
    if (std::memcmp(header.data(), kMagic.data(), std::min<std::size_t>(headerBytes, kMagic.size())) != 0)
        fail("not an RnR Explorer checkpoint");
    if (size < 12)
        fail(kTruncated);
    const std::uint32_t version = readLe32(header.data() + 8);
    if (version > kCheckpointVersion)
        fail("checkpoint format version " + std::to_string(version) + " is newer than this program supports (" +
             std::to_string(kCheckpointVersion) + ")");
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
        fail("the file continues after the end of the checkpoint: the file is damaged");

    // Verify the checksum over everything before the trailer, then parse.
    const std::uint64_t bodyEnd = declared - kTrailerSize;
    {
        in.seekg(0, std::ios::beg);
        Fnv1a hash;
        std::vector<char> buffer(std::size_t(1) << 20);
        std::uint64_t left = bodyEnd;
        while (left > 0) {
            const auto chunk = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
            in.read(buffer.data(), static_cast<std::streamsize>(chunk));
            if (static_cast<std::size_t>(in.gcount()) != chunk)
                fail(kTruncated);
            hash.add(buffer.data(), chunk);
            left -= chunk;
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
    Source source(in, path, kHeaderSize, bodyEnd);
    Contents contents;
    readSections(source, contents);
    return assemble(std::move(contents), path);
}

} // namespace rnr
