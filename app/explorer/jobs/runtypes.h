#pragma once

// Value types that travel between the GUI thread and the engine thread (queued signals).

#include "data/dataset.h"
#include "data/split.h"
#include "model/hyperparams.h"
#include "train/records.h"
#include "train/runresult.h"

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

} // namespace rnr

Q_DECLARE_METATYPE(rnr::RunRequest)
Q_DECLARE_METATYPE(rnr::RunOutcome)
Q_DECLARE_METATYPE(rnr::EpochRecord)
Q_DECLARE_METATYPE(rnr::BatchProgress)
