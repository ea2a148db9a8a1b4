#pragma once

// What leaves the program for other tools: embeddings for the TensorBoard projector and NumPy,
// every user's top-k as CSV (docs/product-notes.md, "Exports"). Every writer is all-or-nothing
// (persist/atomicfile.h) and throws std::runtime_error "path: cannot write the ...: cause".

#include "data/dataset.h"
#include "model/model.h"
#include "model/params.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace rnr {

/// Rows as a NumPy .npy file: format 1.0, little-endian float32 ('<f4'), C order, shape
/// (rows, cols); numpy.load() reads it as it is.
void writeNpy(const std::string& path, const RowMatrix<float>& rows);

/// The TensorBoard projector's vectors.tsv: one row per line, values tab-separated, no header.
void writeVectorsTsv(const std::string& path, const RowMatrix<float>& rows);

/// Per-row labels for the projector: named columns of equal length.
struct Metadata
{
    std::vector<std::string> names;                ///< column names
    std::vector<std::vector<std::string>> columns; ///< columns[c][row]
    std::size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
};

/// The projector's metadata.tsv: with one column just the values, one per line (no header, as
/// the projector expects); with several, a header line of the names first. Tabs and line breaks
/// inside a value become spaces.
void writeMetadataTsv(const std::string& path, const Metadata& metadata);

/// The items of a data set as metadata: item id, title, first genre, ratings, mean rating.
Metadata itemMetadata(const Dataset& data);

/// One embedding space as the projector reads it: a folder of its own with vectors.tsv,
/// vectors.npy and metadata.tsv, and with a projection its 2-D points as <projection>.tsv/.npy.
struct ProjectorSpace
{
    std::string folder; ///< "items", "rating-items" or "users"
    RowMatrix<float> rows;
    const Metadata* metadata = nullptr; ///< one label row per row (items' or users')
    RowMatrix<float> points;            ///< empty, or rows() x 2
    std::string projection;             ///< the points' file name stem ("pca", "tsne", "umap")
};

/// The spaces a model has: items/ (q_i), rating-items/ (couplings with a rating space of their
/// own: RnR's vectors after the deviation and the tied layer, or one of its ablations'; vanilla's
/// rating task uses q_i itself) and
/// users/ (p_u, for models with user vectors), labelled by the metadata given.
std::vector<ProjectorSpace> projectorSpaces(const Model& model, const Metadata& items, const Metadata& users);

/// Writes a space into root/space.folder (made when missing).
void writeProjectorSpace(const std::string& root, const ProjectorSpace& space);

/// Ids and titles of the items a model knows (e.g. from a checkpoint).
struct ItemLabels
{
    std::vector<std::string> userIds; ///< dense user -> original id
    std::vector<std::string> itemIds; ///< dense item -> original id
    std::vector<std::string> titles;  ///< empty, or one per item
};

/// Every user's top-k (training items left out, as in recommend()) as CSV with the header
/// user,rank,item,title,score,predicted_rating (RFC 4180 quoting; predicted_rating empty
/// without a rating model). Users are ranked on `threads` threads in blocks; the rows come out
/// in user order whatever the thread count. `progress(done, total)` after every block.
void writeTopKCsv(const std::string& path, const Model& model, const ItemLabels& labels, std::size_t k,
                  const RatingScale& scale, unsigned threads = 1,
                  const std::function<void(std::size_t, std::size_t)>& progress = {});

/// The CSV field of a value: quoted (with doubled quotes) when it holds a comma, a quote or a
/// line break.
std::string csvField(const std::string& value);

} // namespace rnr
