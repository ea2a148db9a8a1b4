#pragma once

// What `rnr compare` prints and writes once its runs are done (or collected from a plan's jobs):
// the table, the paired tests, the JSON, CSV and Markdown files.

#include "compareoptions.h"

#include <QString>
#include <QTextStream>

namespace rnr::cli {

/// "Data: ML-100K, 943 users, ..., 100000 ratings (after dropping users with fewer than 4)"
QString dataLine(const Dataset& filtered, std::uint32_t minInteractions);

/// "seed 1  RnR(BPR, SVD): alpha 0.9, lambda 0.01, epoch 7: validation recall@10 ...; test ... (1.2 s)"
QString runLine(const ModelRuns& model, const RunResult& run, std::uint64_t splitSeed);

/// Where the results go besides the terminal; empty paths are not written.
struct CompareOutputs
{
    QString json, csv, markdown;
};

/// Prints the table (mean ± std over seeds, MTL gain) and the paired tests of every model's runs
/// (index = seed index, the same number per model) and writes the outputs.
void reportComparison(const std::vector<ModelRuns>& models, std::uint32_t k, const CompareOutputs& outputs,
                      QTextStream& out);

} // namespace rnr::cli
