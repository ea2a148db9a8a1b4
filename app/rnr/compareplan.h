#pragma once

// A comparison spread over a cluster (README, "Sweeps on a cluster"): `rnr compare --plan DIR`
// writes one self-contained job per run (model x seed x grid point) and a manifest; each job is
// an `rnr compare` of that one run writing a run file (persist/runfile.h); `rnr compare --collect
// DIR` reads them back into the tables a single `rnr compare` gives.
//
//   DIR/manifest.json  format "rnr-compare-plan" 1: the comparison's options, the data set
//                      (name, counts, fingerprint) and every job (name, model, seed, grid point)
//   DIR/jobs.txt       line i: the shell command of job i (name: i, four digits)
//   DIR/runs/NAME.rnrrun  a finished job's run; NAME.error the message of a failed one
//   DIR/session.rnrsession  written by the collection: the kept runs and models, which the
//                      desktop app opens when it is given the folder

#include "compareoptions.h"

#include "persist/session.h"

#include <QString>
#include <QTextStream>

#include <memory>
#include <vector>

namespace rnr::cli {

/// One job of a plan: model `model` (index into Comparison::models) on seed index `seed` at one
/// grid point (hp).
struct PlannedJob
{
    std::size_t model = 0;
    std::uint64_t seed = 0;
    HyperParams hp;
    QString name; ///< "0007": its line in jobs.txt
};

/// Every job of a comparison, seed by seed, model by model, point by point (the order a single
/// `rnr compare` trains them in).
std::vector<PlannedJob> planJobs(const Comparison& comparison);

/// Where a job that failed leaves its message: beside its run file, "NAME.error".
QString jobErrorPath(const QString& runFile);

/// Writes the plan of the comparison that `options` parsed from `parser` into `dir` (created; a
/// folder that already holds a plan is refused). program: the `rnr` the jobs run.
void writePlan(const QString& dir, const QString& program, const CompareOptions& options,
               const QCommandLineParser& parser, const Comparison& comparison, const Dataset& data, QTextStream& out);

/// Reads a plan's runs back: the comparison (from the manifest), every model's runs and grids as a
/// single `rnr compare` has them, and a session of the kept runs with their models (what the
/// desktop app opens). Prints the data line and one line per run as `rnr compare` does. Throws
/// std::runtime_error naming every job without a result (failed with its message, not run, or
/// damaged) and nothing is collected; DataError for a damaged manifest.
struct Collected
{
    Comparison comparison;
    Session session;
};
Collected collectPlan(const QString& dir, QTextStream& out);

} // namespace rnr::cli
