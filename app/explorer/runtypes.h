#pragma once

// Value types that travel between the GUI thread and the engine thread (queued signals).

#include "dataset.h"
#include "experiment.h"
#include "split.h"

#include <QMetaType>

#include <memory>

namespace rnr {

/// What to train: one model on one split of an immutable, shared data set.
struct RunRequest
{
    std::shared_ptr<const Dataset> data; ///< the filtered data set (never modified once shared)
    SplitConfig split;
    ModelSpec spec;
    HyperParams hp;
    bool grid = false; ///< search the alpha x lambda grid (GridSettings defaults), keep the best validation point
};

/// A finished run: the kept model is a snapshot owned by the result, never touched again by the
/// engine thread.
struct RunOutcome
{
    RunResult result;
    std::shared_ptr<const Model> model;
};

} // namespace rnr

Q_DECLARE_METATYPE(rnr::RunRequest)
Q_DECLARE_METATYPE(rnr::RunOutcome)
Q_DECLARE_METATYPE(rnr::EpochRecord)
Q_DECLARE_METATYPE(rnr::BatchProgress)
