#pragma once

// What a training run produced: plain values that the results table, the sessions, the command
// line's JSON and the paired tests read.

#include "data/split.h"
#include "eval/metrics.h"
#include "model/hyperparams.h"
#include "train/records.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rnr {

template <typename T> class ModelT;
using Model = ModelT<float>;

/// Everything one training run produced.
struct RunResult
{
    ModelSpec spec;
    HyperParams hp;
    SplitConfig split; ///< the split it was trained and judged on (file-order for runs read from older files)
    std::vector<EpochRecord> epochs;
    std::uint32_t bestEpoch = 0; ///< the epoch whose model was kept (best validation Recall@k, then MRR@k)
    Metrics validation;          ///< at the best epoch
    Metrics test;                ///< of the kept model
    std::vector<UserOutcome> testOutcomes;
    double trainSeconds = 0.0;
    std::shared_ptr<Model> model; ///< the kept model (parameters of the best epoch)
};

/// A finished run as the GUI keeps it: the result and the kept model, read-only and shared by
/// every view (the engine never touches the model again).
struct RunOutcome
{
    RunResult result;
    std::shared_ptr<const Model> model;
    /// Dataset::fingerprint() of the data set it was trained on, 0 when not known: computed where
    /// the run ended or was read (the engine's thread, the session reader), because on large data
    /// it takes longer than the GUI thread may stall.
    std::uint64_t datasetFingerprint = 0;
};

/// The paper's grid over alpha x lambda (docs/method.md, "Grid"). Single-task models have
/// no alpha: their grid is over lambda only; models with nothing to train have no grid.
/// With a balance that has a parameter of its own (model/balancing.h), the grid searches it too
/// (balanceValues; when empty, the method's gridValues); a balance that replaces alpha has no
/// alpha axis.
struct GridSettings
{
    std::vector<double> alphas{0.9, 0.95, 1.0};
    std::vector<double> lambdas{0.01, 0.001};
    std::vector<double> balanceValues;
};

/// A grid axis as the command line and the GUI write it: "0.9,0.95,1" (shortest exact form).
std::string gridAxisText(const std::vector<double>& values, std::string_view separator = ",");

struct GridPoint
{
    double alpha = 0, lambda = 0;
    /// The balance's own parameter (BalanceInfo::parameter) at this point; NaN when it has none.
    double balanceValue = std::numeric_limits<double>::quiet_NaN();
    Metrics validation;
    std::uint32_t bestEpoch = 0;
};

struct GridResult
{
    RunResult best; ///< the point chosen by validation Recall@k (ties: MRR@k), with its test figures
    std::vector<GridPoint> points;
};

/// "RnR(BPR, SVD)", or "RnR(BPR, SVD) [gradnorm]" for a multi-task model balanced otherwise than
/// by fixed weights: the rows of the results tables.
std::string modelTitle(const ModelSpec& spec, Balance balance);
/// The settings that make a run another model or another task than its name says, as
/// "KEY=VALUE" words: PLE's levels other than 1, a like threshold other than auto. Empty for most
/// runs; tables keep such runs in rows of their own, titled "PLE(BPR, SVD) [levels=2]".
std::string modelSettings(const ModelSpec& spec, const HyperParams& hp);
/// The balance a model really trains with: Fixed for single-task models, whatever hp says.
Balance effectiveBalance(const ModelSpec& spec, const HyperParams& hp);

/// The value of the balance's own parameter in hp (NaN when the balance has none or the model is
/// single-task).
double balanceValue(const HyperParams& hp);
/// Sets it (nothing when the balance has none); returns why the value was refused, or "".
std::string setBalanceValue(HyperParams& hp, double value);

/// True when a multi-task run gave its rating task no gradient: a coupling of two parallel tasks
/// (not a cascade), a balance that reads α (fixed weights, PCGrad), α = 1 (docs/method.md,
/// "Grid"). Such a row measures no sharing at all.
bool ratingTaskOff(const ModelSpec& spec, const HyperParams& hp);
/// Whether a model with its rating task off is its ranking model alone, bit for bit: the
/// coupling's ranking path is R's own (vanilla, RnR and its ablations: the rating side is
/// added beside it), and the training tuples come in R's own order (SVD++ groups them by
/// user, which only CDAE does too). Tested bit for bit (tests/engine/tst_ratingtaskoff.cpp).
bool rankingPathIsAlone(const ModelSpec& spec);
/// What the results say of such a run: "α = 1: same as BPR" where rankingPathIsAlone(), else
/// "α = 1: rating task off" (the expert mixtures and cross-stitch, whose ranking still goes
/// through the shared units; BPR or WRMF with SVD++, trained in SVD++'s order); "" for any other
/// run.
std::string ratingTaskOffNote(const ModelSpec& spec, const HyperParams& hp);

/// True when a is better than b on validation: Recall@k, then MRR@k.
bool betterOnValidation(const Metrics& a, const Metrics& b);

} // namespace rnr
