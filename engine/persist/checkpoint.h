#pragma once

#include "data/dataset.h"
#include "model/hyperparams.h"
#include "model/model.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rnr {

/// A trained model with what it needs to be used and trusted later: its configuration, the
/// fingerprint and name of the (filtered) data set it was trained on, the rating scale, and the
/// maps from dense ids back to the data set's user and item ids and titles.
struct Checkpoint
{
    ModelSpec spec;
    HyperParams hp;
    std::uint64_t datasetFingerprint = 0;
    std::string datasetName;
    RatingScale scale;
    std::vector<std::string> userIds;    ///< dense user id -> original id (one per model user)
    std::vector<std::string> itemIds;    ///< dense item id -> original id (one per model item)
    std::vector<std::string> itemTitles; ///< empty, or one title per item ("" = unknown)
    std::shared_ptr<const Model> model;
};

/// The checkpoint of a model trained on `data` (the filtered data set the split was made from).
Checkpoint makeCheckpoint(std::shared_ptr<const Model> model, const Dataset& data);

/// Current version of the checkpoint format; files of a newer version are refused.
inline constexpr std::uint32_t kCheckpointVersion = 1;

/// Writes a checkpoint: the engine's container (persist/binaryio.h: magic, format version,
/// checksums) holding tagged sections (model name and hyper-parameters as key=value text, data
/// set, ids and titles, training history, every parameter block). Written to "path.tmp" and
/// renamed into place, so an existing file is never left half-written.
/// Throws UsageError when the checkpoint is inconsistent, std::runtime_error when the file
/// cannot be written.
void saveCheckpoint(const Checkpoint& checkpoint, const std::string& path);

/// Reads a checkpoint. Throws DataError(path, 0, cause) for a file that cannot be read, is not
/// a checkpoint, is of a newer format version, is truncated or damaged (checksum), or whose
/// contents do not fit together. Lengths are checked against the file size before anything is
/// allocated, so a corrupt file never causes a huge allocation.
Checkpoint loadCheckpoint(const std::string& path);

class BinaryReader;
class BinaryWriter;

/// The checkpoint's sections on a stream, for files that embed models (sessions). Same checks as
/// saveCheckpoint() and loadCheckpoint(); reading stops at the end of the current section.
void writeCheckpoint(BinaryWriter& out, const Checkpoint& checkpoint);
Checkpoint readCheckpoint(BinaryReader& in);

} // namespace rnr
