#pragma once

// A finished run's result in the engine's binary format (persist/binaryio.h): shared by the files
// that hold runs, sessions (persist/session.h) and the run files of a planned comparison
// (persist/runfile.h). Internal to the engine and its tests.
//
// The result itself: model name, hyper-parameters, epochs (losses, times, validation figures),
// best epoch, validation and test figures, per-user test outcomes, training seconds. Then
// sections of its own: "PLAY" each epoch's task interplay (multi-task runs; files without it
// open with none), "LIKE" the like figures of its metrics and test outcomes (files without it
// derive them: docs/method.md, "Choose, then like"), "LKHD" a like head's log losses and
// p(like | choose) per test outcome (none without it), "SPLT" the split's users, seed and tie
// rule (files without it: all users, the model's seed, file-order).

#include "data/dataset.h"
#include "model/model.h"
#include "persist/binaryio.h"
#include "train/runresult.h"

#include <string>

namespace rnr::detail {

void writeHyperParams(BinaryWriter& out, const HyperParams& hp);
/// Unknown keys (of other versions) are ignored; a known key with a bad value fails the read.
HyperParams readHyperParams(BinaryReader& in);
/// A model name; an unknown one fails the read.
ModelSpec readSpec(BinaryReader& in);

/// The result without its sections.
void writeResult(BinaryWriter& out, const RunResult& r);
RunResult readResult(BinaryReader& in);
/// The result's sections PLAY, LIKE, LKHD and SPLT, each written as a section of `out`.
void writeResultSections(BinaryWriter& out, const RunResult& r);
/// Reads the section `tag` (begun by the caller) into r when it is one of the result's; false
/// for any other tag (the caller reads or skips it). haveLikes records that LIKE was read.
bool readResultSection(BinaryReader& in, const std::string& tag, RunResult& r, bool& haveLikes);
/// True when the run's model and outcomes index into the data set (checked after reading: the
/// checksum proves a file is as written, not that it was written by this program).
bool runFits(const RunResult& r, const Model& model, const Dataset& data);
/// A run from a file without like figures: the outcomes' like labels from the run's threshold, the
/// choice ranking as the like ranking, the prediction as the like score (the choice score was not
/// kept), the test figures recomputed from them; the validations' are unknown.
void deriveLikes(RunResult& r, const RatingScale& scale);

} // namespace rnr::detail
