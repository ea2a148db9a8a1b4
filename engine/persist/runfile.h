#pragma once

// The run file of a planned comparison (`rnr compare --plan`, README "Sweeps on a cluster"): one
// job's finished run, its result and its model, without the data set (every job and the collector
// load the same data; the file keeps its fingerprint). The engine's container with magic
// "RNRRUNF\n" and sections
//   "JOB " the job's name and the fingerprint of the (filtered) data set it was trained on
//   "RSLT" the run's result and its sections (persist/detail/runrecord.h)
//   "CKPT" the model's checkpoint sections (persist/checkpoint.h)

#include "data/dataset.h"
#include "train/runresult.h"

#include <cstdint>
#include <memory>
#include <string>

namespace rnr {

inline constexpr std::uint32_t kRunFileVersion = 1;

struct RunFile
{
    std::string job;                    ///< the job's name in its plan
    RunResult result;                   ///< without its model (result.model is empty)
    std::shared_ptr<const Model> model; ///< the kept model
};

/// Writes the run (with its model, result.model) trained on `data` as job `job`: written to
/// "path.tmp" and renamed into place, so a job killed while writing leaves no file. Throws
/// UsageError when the run has no model or the model does not fit the data, std::runtime_error
/// naming the file when it cannot be written.
void saveRunFile(const RunResult& run, const Dataset& data, const std::string& job, const std::string& path);

/// Reads a run file. Throws DataError(path, 0, cause) for a file that is missing, not a run file,
/// newer, truncated or damaged, trained on another data set than `data` (whose fingerprint the
/// caller passes: Dataset::fingerprint() reads the whole data set, and a plan has many run files),
/// or whose contents do not fit the data set.
RunFile loadRunFile(const std::string& path, const Dataset& data, std::uint64_t dataFingerprint);

} // namespace rnr
