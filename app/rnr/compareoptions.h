#pragma once

// The options of `rnr compare` and what they describe: the models, the seeds and the grid. The
// comparison itself, its plan for a cluster and its collection all start from here.

#include "datasetoptions.h"
#include "hyperparamoptions.h"

#include "train/experiment.h"
#include "train/seeds.h"

#include <QCommandLineParser>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace rnr::cli {

/// All runs of one model (one per seed), with the balance and the settings it trained with.
struct ModelRuns
{
    ModelSpec spec;
    Balance balance = Balance::Fixed; ///< for single-task models always Fixed
    QStringList settings;             ///< "KEY=VALUE" hyper-parameters of this model only (validated)
    std::vector<RunResult> runs;      ///< index = seed index
    std::vector<std::vector<GridPoint>> grids;

    /// "RnR(BPR, SVD) [gradnorm] [levels=2]": the row of the tables.
    QString title() const;
    /// The model's name as --models takes it, with its settings.
    QString name() const;
    void applySettings(HyperParams& hp) const;
};

/// What the options describe.
struct Comparison
{
    HyperParams base;
    std::vector<ModelRuns> models;
    std::uint64_t seeds = 0;
    GridSettings grid;
    bool noGrid = false;
    SplitConfig firstSplit;

    /// Run `seed` (0-based) of a model: the seeds' policy (train/seeds.h), the model's balance and
    /// settings.
    HyperParams modelHp(const ModelRuns& model, std::uint64_t seed) const;
    /// The grid a model's run searches: the comparison's, or with --no-grid the balance's own
    /// parameter as given.
    GridSettings modelGrid(const HyperParams& hp) const;
};

class CompareOptions
{
public:
    void addTo(QCommandLineParser& parser);
    /// Throws UsageError for values that are malformed or out of range, before anything trains.
    Comparison parse(const QCommandLineParser& parser) const;
    /// The comparison's options that were given (givenOptions() words, the data set's path made
    /// absolute), without those in `leaveOut`: a comparison given again, from any folder.
    QStringList given(const QCommandLineParser& parser, const QStringList& leaveOut = {}) const;

    DatasetOptions dataset;
    HyperParamOptions hyper;

private:
    QList<QCommandLineOption> m_own;
};

/// "--models" and the other options of the comparison itself (not of the data set or the
/// hyper-parameters), by name: what a job of a plan gives anew.
QStringList comparisonOptionNames();

} // namespace rnr::cli
