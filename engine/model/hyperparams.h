#pragma once

#include "model/balancing.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rnr {

/// Ranking algorithms R (docs/method.md, "Underlying algorithms").
enum class Ranker
{
    None,
    Popularity,
    BPR,
    CDAE,
    WRMF
};
/// Rating algorithms P.
enum class Rater
{
    None,
    SVD,
    SVDpp
};
/// How the rating task sees the shared embeddings (docs/method.md, "Couplings"; couplingInfo()
/// describes each).
enum class Coupling
{
    Single,        ///< one task alone (or Popularity): no sharing
    Vanilla,       ///< P uses the very same p_u, q_i as R
    RnR,           ///< P uses FC(p_u) and FC(q_i + q^d_i) with a tied FC layer and a deviation matrix
    DeviationOnly, ///< RnR's ablation without the FC layer: P uses p_u and q_i + q^d_i
    FcOnly,        ///< RnR's ablation without the deviation: P uses FC(p_u) and FC(q_i)
    MMoE,          ///< both tasks read a per-task gated mixture of shared experts (Ma et al., KDD 2018)
    PLE,           ///< shared and task-specific experts, a gate per task over both (CGC; Tang et al., RecSys 2020)
    CrossStitch,   ///< each task its own vectors, mixed by a learnt 2 x 2 unit per side (Misra et al., CVPR 2016)
    ESMM,     ///< choose, then like: p(like) = p(choose) p(like | choose) on the entire space (Ma et al., SIGIR 2018)
    Pairwise, ///< ESMM's cascade plus a pairwise ranking loss on the like labels (Durmus et al., 2024)
};

/// One multi-task coupling as names, menus and docs show it.
struct CouplingInfo
{
    Coupling coupling;
    std::string key;   ///< the model name's prefix: "vanilla" in "vanilla:bpr+svd"
    std::string title; ///< Table-1 style: "Vanilla" in "Vanilla(BPR, SVD)"
    std::string label; ///< a menu entry (marked for translation)
    std::string help;  ///< what the rating task sees (marked for translation)
    bool deviation;    ///< learns a per-item deviation q^d_i
    bool fcLayer;      ///< maps the rating task's vectors through a tied FC layer
    bool experts;      ///< both tasks read gated mixtures of experts (MMoE, PLE)
    bool crossStitch;  ///< both tasks read a learnt linear mix of two task-specific embeddings
    bool cascade;      ///< the second task is a like head after the choice, not a rating component
};

/// The multi-task couplings (not Single), in the order menus list them.
const std::vector<CouplingInfo>& couplingInfo();
/// The entry of a multi-task coupling; nullptr for Single.
const CouplingInfo* findCoupling(Coupling coupling);
enum class Optimizer
{
    AdaGrad,
    Adam,
    SGD
};
enum class Activation
{
    Tanh,
    ReLU,
    Sigmoid,
    Identity
};

/// Which heads the pairwise ranking loss of the pairwise cascade applies to.
enum class PairHeads
{
    Like, ///< the like score log p(like) alone
    Both  ///< and the choice logit s_R as well
};

/// Which model: a ranking component, a rating component and a coupling. Cascades (ESMM,
/// pairwise) have no rating component: their second task is a like head.
struct ModelSpec
{
    Ranker ranker = Ranker::None;
    Rater rater = Rater::None;
    Coupling coupling = Coupling::Single;

    /// "popularity", "bpr", "svd++", "vanilla:cdae+svd", "rnr:bpr+svd", "esmm:bpr" ...
    std::string name() const;
    /// Table-1 style: "BPR", "Vanilla(CDAE, SVD)", "RnR(BPR, SVD++)", "ESMM(BPR)".
    std::string title() const;
    bool hasRanker() const { return ranker != Ranker::None && ranker != Ranker::Popularity; }
    bool hasRater() const { return rater != Rater::None; }
    /// A cascade (ESMM, pairwise): a choice head R and a like head, no rating component.
    bool isCascade() const;
    /// False for a model with nothing to learn (Popularity): one epoch counts it, no grid.
    bool learns() const { return hasRanker() || hasRater(); }
    /// Multi-task with a learnt per-item deviation q^d_i (RnR, deviation-only).
    bool hasDeviation() const;
    /// Multi-task whose rating task sees the items through vectors of its own (not q_i itself).
    bool hasRatingSpace() const;
    /// The same ranking component alone (what PLE's MTL gain compares a multi-task model with).
    ModelSpec rankingAlone() const { return ModelSpec{ranker, Rater::None, Coupling::Single}; }
    bool operator==(const ModelSpec&) const = default;
};

/// The model a new window, `rnr train` and a session without a choice start from.
inline constexpr std::string_view kDefaultModel = "rnr:bpr+svd";

/// Parses a model name; throws UsageError with the list of valid names.
ModelSpec parseModelSpec(std::string_view name);
std::vector<std::string> allModelNames();

std::string_view rankerName(Ranker r);
std::string_view raterName(Rater p);
std::string_view optimizerName(Optimizer o);
std::string_view activationName(Activation a);

/// Every training hyper-parameter in one place, with the defaults that the CLI, the GUI's form
/// and the docs all read through hyperParamInfo().
struct HyperParams
{
    std::uint32_t dim = 50; ///< embedding size d
    double alpha = 0.9;     ///< weight of the ranking loss; (1 - alpha) weighs the rating loss
    double lambda = 0.001;  ///< L2 regularisation, applied per touched row (see trainer.h)
    Optimizer optimizer = Optimizer::Adam;
    double learningRate = 0.005;
    std::uint32_t epochs = 20;
    std::uint32_t batchSize = 256; ///< rating tuples per minibatch
    Activation activation = Activation::Tanh;
    std::uint32_t bprNegatives = 1;   ///< BPR: sampled negatives per positive
    std::uint32_t cdaeNegatives = 5;  ///< CDAE: sampled negatives per positive
    double cdaeDropout = 0.2;         ///< CDAE: input corruption rate rho
    std::uint32_t experts = 3;        ///< MMoE, PLE: shared experts
    std::uint32_t taskExperts = 1;    ///< PLE: experts of each task's own
    std::uint32_t levels = 1;         ///< PLE: extraction levels (1: one CGC level; 2: two)
    Balance balance = Balance::Fixed; ///< how the two losses are weighed (model/balancing.h)
    double gradnormAsymmetry = 1.5;   ///< GradNorm's a: how much more the slower task is pulled
    double dwaTemperature = 2.0;      ///< DWA's T: larger evens the weights out
    std::uint32_t wrmfNegatives = 4;  ///< WRMF: sampled negatives per positive
    double wrmfConfidence = 1.0;      ///< WRMF: a in c_ui = 1 + a * r_ui
    std::uint32_t topK = 10;          ///< k of Recall@k, MRR@k, NDCG@k
    /// A rating at or above it is a like (docs/method.md, "Choose, then like"); NaN ("auto"): the
    /// rating at three quarters of the scale's range, rounded up to its step (eval/like.h).
    double likeThreshold = std::numeric_limits<double>::quiet_NaN();
    std::uint32_t likeNegatives = 1;       ///< cascades: sampled unrated items per rated tuple
    double pairWeight = 1.0;               ///< pairwise cascade: weight w of the hinge terms
    double pairMarginChosen = 0.5;         ///< m1: liked above chosen-not-liked by this much
    double pairMarginUnchosen = 1.0;       ///< m2: liked above not chosen by this much
    PairHeads pairHeads = PairHeads::Like; ///< the heads the hinge terms apply to
    std::uint32_t threads = 1;             ///< worker threads for training and evaluation
    std::uint64_t seed = 1;                ///< initialisation and sampling
    std::uint32_t validationUsers = 0;     ///< validate on at most this many users per epoch (0: all)
};

/// Describes one hyper-parameter for generated forms, flags and docs.
struct HyperParamInfo
{
    std::string key;   ///< flag name: "dim", "alpha", "lr", ...
    std::string label; ///< short human label
    std::string help;  ///< what it does (tooltips, --help)
    enum class Kind
    {
        Integer,
        Real,
        Choice
    } kind = Kind::Real;
    double min = 0, max = 0;             ///< valid range (Integer, Real)
    std::vector<std::string> choices;    ///< Choice values
    std::vector<std::string> choiceHelp; ///< per choice, when they need one (tooltips); else empty
    std::string choiceContext;           ///< the translation context of choiceHelp
    bool logScale = false;               ///< suggest a log-scaled editor (learning rates, lambda)
    std::string autoText; ///< Real: the text of "derived from the data" (stored as NaN), e.g. "auto"; else empty
    std::function<std::string(const HyperParams&)> get;
    /// Sets the value from text; returns an error message, or "" when it was accepted.
    std::function<std::string(HyperParams&, std::string_view)> set;
};

const std::vector<HyperParamInfo>& hyperParamInfo();
const HyperParamInfo* findHyperParam(std::string_view key);

/// key=value lines of every hyper-parameter (stable order), for JSON, checkpoints and logs.
std::vector<std::pair<std::string, std::string>> describe(const HyperParams& params);

} // namespace rnr
