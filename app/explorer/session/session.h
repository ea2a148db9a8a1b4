#pragma once

#include "io/loadoptions.h"
#include "jobs/runtypes.h"

#include <QString>

#include <memory>
#include <vector>

namespace rnr {

/// One finished run of a session: its name, the data set it was trained on, its results
/// (curves, metrics, per-user outcomes) and its trained model.
struct SessionRun
{
    QString name;
    std::shared_ptr<const Dataset> data;
    RunOutcome outcome;
};

/// Everything a user made in a window: the data set shown and its load report, the
/// experiment settings, and every finished run.
struct Session
{
    Dataset dataset;
    LoadReport report;
    ModelSpec spec;
    HyperParams hp;
    SplitConfig split;
    int seeds = 1;
    bool grid = false;
    std::vector<SessionRun> runs;
};

/// Current version of the session format; files of a newer version are refused.
inline constexpr quint32 kSessionVersion = 1;

/// Writes a session file (a versioned QDataStream; each model as an engine checkpoint, so that
/// it is checked the same way when read back). Written through QSaveFile: an existing file is
/// never left half-written. Throws std::runtime_error naming the file and the cause.
void saveSession(const Session& session, const QString& path);

/// Reads a session file. Throws DataError(path, 0, cause) for a file that is not a session, is
/// of a newer version, or is truncated or damaged.
Session loadSession(const QString& path);

} // namespace rnr
