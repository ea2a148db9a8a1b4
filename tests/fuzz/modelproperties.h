#pragma once

// What a model read from a file must allow (docs/testing.md, "Fuzzing"): every use the
// application makes of it stays inside its parameters. AddressSanitizer checks the reads; the
// shapes are checked here.

#include "model/model.h"

namespace rnr::fuzz {

/// Scores and predicts for the first and last user, reads the vectors the views show.
void exerciseModel(const Model& model);

} // namespace rnr::fuzz
