#pragma once

// The data set the binary seeds are trained on (seedwriter.cpp) and the run-file target reads
// them against: a small built-in demo set, the same on every machine.

#include "data/dataset.h"

namespace rnr::fuzz {

Dataset seedDataset();

} // namespace rnr::fuzz
