#include "persist/exports.h"

#include "core/detail/parallel.h"
#include "eval/recommend.h"
#include "persist/atomicfile.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <ostream>
#include <stdexcept>

namespace rnr {

namespace {
/// Shortest text that reads back as the same float.
void putFloat(std::ostream& out, float value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(buffer, result.ptr - buffer);
}

std::string oneLine(std::string value)
{
    for (char& c : value)
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    return value;
}
} // namespace

void writeNpy(const std::string& path, const RowMatrix<float>& rows)
{
    // The header: magic, version 1.0, a little-endian u16 length, then a Python dict literal
    // padded with spaces and ended by '\n' so that the data starts at a multiple of 64 bytes.
    std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(rows.rows()) + ", " +
                       std::to_string(rows.cols()) + "), }";
    const std::size_t unpadded = 10 + dict.size() + 1;
    dict.append((64 - unpadded % 64) % 64, ' ');
    dict.push_back('\n');
    writeAtomically(path, "NumPy array", [&](std::ostream& out) {
        out.write("\x93NUMPY\x01\x00", 8);
        const auto length = std::uint16_t(dict.size());
        const char len[2] = {char(length & 0xff), char(length >> 8)};
        out.write(len, 2);
        out << dict;
        if constexpr (std::endian::native == std::endian::little) {
            out.write(reinterpret_cast<const char*>(rows.data()), std::streamsize(rows.size() * sizeof(float)));
        } else {
            for (Eigen::Index i = 0; i < rows.size(); ++i) {
                const auto bits = std::bit_cast<std::uint32_t>(rows.data()[i]);
                const char b[4] = {char(bits), char(bits >> 8), char(bits >> 16), char(bits >> 24)};
                out.write(b, 4);
            }
        }
    });
}

void writeVectorsTsv(const std::string& path, const RowMatrix<float>& rows)
{
    writeAtomically(path, "vectors", [&](std::ostream& out) {
        for (Eigen::Index r = 0; r < rows.rows(); ++r) {
            for (Eigen::Index c = 0; c < rows.cols(); ++c) {
                if (c)
                    out.put('\t');
                putFloat(out, rows(r, c));
            }
            out.put('\n');
        }
    });
}

void writeMetadataTsv(const std::string& path, const Metadata& metadata)
{
    for (const auto& column : metadata.columns)
        if (column.size() != metadata.rows())
            throw std::invalid_argument("writeMetadataTsv: columns of different lengths");
    writeAtomically(path, "metadata", [&](std::ostream& out) {
        const std::size_t columns = metadata.columns.size();
        if (columns > 1) {
            for (std::size_t c = 0; c < columns; ++c)
                out << (c ? "\t" : "") << oneLine(metadata.names[c]);
            out.put('\n');
        }
        for (std::size_t r = 0; r < metadata.rows(); ++r) {
            for (std::size_t c = 0; c < columns; ++c)
                out << (c ? "\t" : "") << oneLine(metadata.columns[c][r]);
            out.put('\n');
        }
    });
}

Metadata itemMetadata(const Dataset& data)
{
    Metadata m;
    m.names = {"item", "title", "genre", "ratings", "mean_rating"};
    m.columns.assign(5, {});
    const std::size_t items = data.itemCount();
    std::vector<double> sum(items, 0.0);
    std::vector<std::uint64_t> count(items, 0);
    for (const auto& x : data.interactions) {
        sum[x.item] += x.rating;
        ++count[x.item];
    }
    for (std::size_t i = 0; i < items; ++i) {
        m.columns[0].push_back(data.itemIds[i]);
        m.columns[1].push_back(i < data.itemTitles.size() ? data.itemTitles[i] : std::string());
        const bool genre = i < data.itemGenres.size() && !data.itemGenres[i].empty();
        m.columns[2].push_back(genre ? data.genreNames[data.itemGenres[i].front()] : std::string());
        m.columns[3].push_back(std::to_string(count[i]));
        char buffer[32];
        const auto end = count[i] ? std::to_chars(buffer, buffer + sizeof buffer, sum[i] / double(count[i]),
                                                  std::chars_format::fixed, 4)
                                        .ptr
                                  : buffer;
        m.columns[4].emplace_back(buffer, end);
    }
    return m;
}

std::vector<ProjectorSpace> projectorSpaces(const Model& model, const Metadata& items, const Metadata& users)
{
    std::vector<ProjectorSpace> spaces;
    if (model.params()[Block::Items].size() > 0)
        spaces.push_back({"items", model.params()[Block::Items], &items, {}, {}});
    if (model.spec().hasRatingSpace())
        spaces.push_back({"rating-items", model.ratingItemVectors(), &items, {}, {}});
    if (model.hasLikeHead()) // cascades: the like tower's item vectors (docs/method.md, "The cascades")
        spaces.push_back({"like-items", model.likeItemTower(), &items, {}, {}});
    if (model.params()[Block::Users].size() > 0)
        spaces.push_back({"users", model.params()[Block::Users], &users, {}, {}});
    return spaces;
}

void writeProjectorSpace(const std::string& root, const ProjectorSpace& space)
{
    const std::filesystem::path folder = std::filesystem::path(root) / space.folder;
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        throw std::runtime_error(folder.string() + ": cannot make the folder: " + error.message());
    const auto file = [&](const std::string& name) { return (folder / name).string(); };
    writeVectorsTsv(file("vectors.tsv"), space.rows);
    writeNpy(file("vectors.npy"), space.rows);
    if (space.metadata)
        writeMetadataTsv(file("metadata.tsv"), *space.metadata);
    if (space.points.rows() > 0) {
        writeVectorsTsv(file(space.projection + ".tsv"), space.points);
        writeNpy(file(space.projection + ".npy"), space.points);
    }
}

std::string csvField(const std::string& value)
{
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

void writeTopKCsv(const std::string& path, const Model& model, const ItemLabels& labels, std::size_t k,
                  const RatingScale& scale, unsigned threads,
                  const std::function<void(std::size_t, std::size_t)>& progress)
{
    const std::size_t users = model.userCount();
    if (labels.userIds.size() < users || labels.itemIds.size() < model.itemCount())
        throw std::invalid_argument("writeTopKCsv: fewer labels than the model has users or items");
    writeAtomically(path, "recommendations", [&](std::ostream& out) {
        // Cascades add their p(choose) and p(like) (docs/method.md, "The cascades").
        const bool likes = model.hasLikeHead();
        out << (likes ? "user,rank,item,title,score,predicted_rating,p_choose,p_like\n"
                      : "user,rank,item,title,score,predicted_rating\n");
        // Blocks of users ranked in parallel, written in order: memory stays one block's lists.
        constexpr std::size_t kBlock = 1024;
        std::vector<std::vector<Recommendation>> lists(kBlock);
        for (std::size_t first = 0; first < users; first += kBlock) {
            const std::size_t count = std::min(kBlock, users - first);
            parallelFor(threads, count,
                        [&](std::size_t b) { lists[b] = recommend(model, std::uint32_t(first + b), k, scale); });
            for (std::size_t b = 0; b < count; ++b) {
                const std::string user = csvField(labels.userIds[first + b]);
                for (std::size_t r = 0; r < lists[b].size(); ++r) {
                    const Recommendation& rec = lists[b][r];
                    out << user << ',' << (r + 1) << ',' << csvField(labels.itemIds[rec.item]) << ','
                        << csvField(rec.item < labels.titles.size() ? labels.titles[rec.item] : std::string()) << ',';
                    putFloat(out, rec.score);
                    out << ',';
                    if (std::isfinite(rec.rating))
                        putFloat(out, rec.rating);
                    if (likes) {
                        out << ',';
                        putFloat(out, rec.choose);
                        out << ',';
                        putFloat(out, rec.like);
                    }
                    out << '\n';
                }
            }
            if (progress)
                progress(first + count, users);
        }
    });
}

} // namespace rnr
