#pragma once

#include "data/dataset.h"
#include "data/split.h"
#include "io/loadoptions.h"
#include "model/hyperparams.h"
#include "train/runresult.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rnr {

/// One finished run of a session: its name, the data set it was trained on, its results
/// (curves, metrics, per-user outcomes) and its trained model.
struct SessionRun
{
    std::string name;
    std::shared_ptr<const Dataset> data;
    RunOutcome outcome;
    std::vector<BatchProgress> batches; ///< the per-batch reports of the kept model's training
};

/// Everything a user made in a window: the data set shown and its load report, the
/// experiment settings, and every finished run.
struct Session
{
    std::shared_ptr<const Dataset> dataset; ///< the data set shown (shared: saving copies nothing)
    LoadReport report;
    ModelSpec spec;
    HyperParams hp;
    SplitConfig split;
    int seeds = 1;
    bool grid = false;
    std::vector<SessionRun> runs;
};

/// Current version of the session format; files of a newer version are refused. Version 1 was
/// the desktop application's own format before the engine's container (persist/binaryio.h).
inline constexpr std::uint32_t kSessionVersion = 2;

/// (bytes done, bytes in all) while a session is written or read.
using SessionProgress = std::function<void(std::uint64_t, std::uint64_t)>;

/// Writes a session file: the engine's container with magic "RNRSESS\n" (checksummed, written
/// to "path.tmp" and renamed into place, so an existing file is never left half-written); the
/// data sets the runs were trained on are stored once each, every model as embedded checkpoint
/// sections. Throws UsageError for an inconsistent session, std::runtime_error naming the file and
/// the cause when it cannot be written.
void saveSession(const Session& session, const std::string& path, const SessionProgress& progress = {});

/// Reads a session file. Throws DataError(path, 0, cause) for a file that is missing, not a
/// session, of a newer (or the retired first) version, truncated, damaged, or whose contents do
/// not fit together (data sets, runs and models are checked, not only the checksum).
Session loadSession(const std::string& path, const SessionProgress& progress = {});

} // namespace rnr
