#include "model/hyperparams.h"

#include "core/errors.h"
#include "io/detail/textfields.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

// Labels and help texts are marked for Qt's lupdate: the desktop application shows them
// translated (HyperParamForm). The engine itself stays free of Qt; here the mark is a no-op.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace rnr {

namespace {

constexpr std::array<std::pair<Ranker, std::string_view>, 4> kRankers{
    {{Ranker::Popularity, "popularity"}, {Ranker::BPR, "bpr"}, {Ranker::CDAE, "cdae"}, {Ranker::WRMF, "wrmf"}}};
constexpr std::array<std::pair<Rater, std::string_view>, 2> kRaters{{{Rater::SVD, "svd"}, {Rater::SVDpp, "svd++"}}};

std::string upper(std::string_view key)
{
    std::string s(key);
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::optional<Ranker> rankerFromKey(std::string_view key)
{
    for (const auto& [r, name] : kRankers)
        if (name == key)
            return r;
    return std::nullopt;
}

std::optional<Rater> raterFromKey(std::string_view key)
{
    for (const auto& [p, name] : kRaters)
        if (name == key)
            return p;
    return std::nullopt;
}

std::string formatReal(double v)
{
    // The shortest text that reads back as exactly v (checkpoints restore from this text).
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    return std::string(buffer.data(), result.ptr);
}

template <typename Enum, std::size_t N>
std::string setChoice(Enum& target, std::string_view text, const std::array<std::string_view, N>& names)
{
    for (std::size_t k = 0; k < N; ++k)
        if (names[k] == text) {
            target = static_cast<Enum>(k);
            return {};
        }
    std::string list;
    for (auto n : names)
        list += (list.empty() ? "" : ", ") + std::string(n);
    return "expected one of " + list;
}

constexpr std::array<std::string_view, 3> kOptimizers{"adagrad", "adam", "sgd"};
constexpr std::array<std::string_view, 4> kActivations{"tanh", "relu", "sigmoid", "identity"};
constexpr std::array<std::string_view, 2> kPairHeads{"like", "both"};

HyperParamInfo makeInfo(std::string key, std::string label, std::string help, HyperParamInfo::Kind kind, double min = 0,
                        double max = 0)
{
    HyperParamInfo info;
    info.key = std::move(key);
    info.label = std::move(label);
    info.help = std::move(help);
    info.kind = kind;
    info.min = min;
    info.max = max;
    return info;
}

HyperParamInfo integer(std::string key, std::string label, std::string help, double min, double max,
                       std::uint32_t HyperParams::*member)
{
    HyperParamInfo info =
        makeInfo(std::move(key), std::move(label), std::move(help), HyperParamInfo::Kind::Integer, min, max);
    info.get = [member](const HyperParams& p) { return std::to_string(p.*member); };
    info.set = [member, min, max](HyperParams& p, std::string_view text) -> std::string {
        std::int64_t v = 0;
        if (!parseInteger(text, v))
            return "'" + std::string(text) + "' is not a whole number";
        if (double(v) < min || double(v) > max)
            return "must be between " + formatReal(min) + " and " + formatReal(max);
        p.*member = static_cast<std::uint32_t>(v);
        return {};
    };
    return info;
}

HyperParamInfo real(std::string key, std::string label, std::string help, double min, double max, bool logScale,
                    double HyperParams::*member)
{
    HyperParamInfo info =
        makeInfo(std::move(key), std::move(label), std::move(help), HyperParamInfo::Kind::Real, min, max);
    info.logScale = logScale;
    info.get = [member](const HyperParams& p) { return formatReal(p.*member); };
    info.set = [member, min, max](HyperParams& p, std::string_view text) -> std::string {
        double v = 0;
        if (!parseReal(text, v) || !std::isfinite(v))
            return "'" + std::string(text) + "' is not a number";
        if (v < min || v > max)
            return "must be between " + formatReal(min) + " and " + formatReal(max);
        p.*member = v;
        return {};
    };
    return info;
}

/// A real value, or "auto" (NaN): derived from the data where it is used.
HyperParamInfo realOrAuto(std::string key, std::string label, std::string help, double min, double max,
                          double HyperParams::*member)
{
    HyperParamInfo info = real(std::move(key), std::move(label), std::move(help), min, max, false, member);
    info.autoText = QT_TRANSLATE_NOOP("rnr::HyperParams", "auto"); // also the CLI's text: the source is the key
    auto setNumber = info.set;
    const std::string autoText = info.autoText;
    info.get = [member, autoText](const HyperParams& p) {
        return std::isnan(p.*member) ? autoText : formatReal(p.*member);
    };
    info.set = [member, setNumber, autoText](HyperParams& p, std::string_view text) -> std::string {
        if (text == autoText) {
            p.*member = std::numeric_limits<double>::quiet_NaN();
            return {};
        }
        const std::string error = setNumber(p, text);
        return error.empty() ? error : error + ", or " + autoText;
    };
    return info;
}

std::vector<HyperParamInfo> buildInfo()
{
    std::vector<HyperParamInfo> list;
    list.push_back(
        integer("dim", QT_TRANSLATE_NOOP("rnr::HyperParams", "Embedding size d"),
                QT_TRANSLATE_NOOP("rnr::HyperParams", "Length of the user and item vectors shared by both tasks."), 2,
                1024, &HyperParams::dim));
    list.push_back(
        real("alpha", QT_TRANSLATE_NOOP("rnr::HyperParams", "Task weight \u03b1"),
             QT_TRANSLATE_NOOP("rnr::HyperParams",
                               "Weight of the ranking loss; the rating loss gets 1 - \u03b1. 1 trains ranking only."),
             0, 1, false, &HyperParams::alpha));
    list.push_back(
        real("lambda", QT_TRANSLATE_NOOP("rnr::HyperParams", "Regularisation \u03bb"),
             QT_TRANSLATE_NOOP(
                 "rnr::HyperParams",
                 "L2 penalty on the embeddings, the deviations, the FC layer and the experts, applied to the rows each "
                 "minibatch touches."),
             0, 10, true, &HyperParams::lambda));
    {
        HyperParamInfo info = makeInfo(
            "optimizer", QT_TRANSLATE_NOOP("rnr::HyperParams", "Optimiser"),
            QT_TRANSLATE_NOOP("rnr::HyperParams",
                              "adam (default), adagrad (the paper's, with a larger rate than its 0.001) or plain sgd."),
            HyperParamInfo::Kind::Choice);
        info.choices = {kOptimizers.begin(), kOptimizers.end()};
        info.get = [](const HyperParams& p) { return std::string(optimizerName(p.optimizer)); };
        info.set = [](HyperParams& p, std::string_view t) { return setChoice(p.optimizer, t, kOptimizers); };
        list.push_back(std::move(info));
    }
    list.push_back(real("lr", QT_TRANSLATE_NOOP("rnr::HyperParams", "Learning rate"),
                        QT_TRANSLATE_NOOP("rnr::HyperParams", "Step size of the optimiser."), 1e-6, 10, true,
                        &HyperParams::learningRate));
    list.push_back(integer("epochs", QT_TRANSLATE_NOOP("rnr::HyperParams", "Epochs"),
                           QT_TRANSLATE_NOOP("rnr::HyperParams", "Passes over the training data."), 1, 100000,
                           &HyperParams::epochs));
    list.push_back(
        integer("batch", QT_TRANSLATE_NOOP("rnr::HyperParams", "Batch size"),
                QT_TRANSLATE_NOOP("rnr::HyperParams", "Rating tuples per minibatch (one optimiser step each)."), 1,
                1 << 20, &HyperParams::batchSize));
    {
        HyperParamInfo info = makeInfo(
            "activation", QT_TRANSLATE_NOOP("rnr::HyperParams", "Activation g"),
            QT_TRANSLATE_NOOP(
                "rnr::HyperParams",
                "Non-linearity of RnR's tied FC layer and of the experts' layers; identity is an ablation, not RnR."),
            HyperParamInfo::Kind::Choice);
        info.choices = {kActivations.begin(), kActivations.end()};
        info.get = [](const HyperParams& p) { return std::string(activationName(p.activation)); };
        info.set = [](HyperParams& p, std::string_view t) { return setChoice(p.activation, t, kActivations); };
        list.push_back(std::move(info));
    }
    list.push_back(integer(
        "experts", QT_TRANSLATE_NOOP("rnr::HyperParams", "Shared experts"),
        QT_TRANSLATE_NOOP("rnr::HyperParams",
                          "MMoE and PLE: experts (FC layer + activation g, d x d each) that both tasks' gates mix."),
        1, 16, &HyperParams::experts));
    list.push_back(
        integer("task-experts", QT_TRANSLATE_NOOP("rnr::HyperParams", "Task experts"),
                QT_TRANSLATE_NOOP("rnr::HyperParams", "PLE: experts of each task's own, beside the shared ones."), 0, 8,
                &HyperParams::taskExperts));
    list.push_back(integer(
        "levels", QT_TRANSLATE_NOOP("rnr::HyperParams", "Extraction levels"),
        QT_TRANSLATE_NOOP("rnr::HyperParams",
                          "PLE: 1 is one CGC level; 2 adds a shared gate over every first-level expert and a second "
                          "level of experts that reads the first level's outputs."),
        1, 2, &HyperParams::levels));
    {
        HyperParamInfo info = makeInfo(
            "balance", QT_TRANSLATE_NOOP("rnr::HyperParams", "Loss balancing"),
            QT_TRANSLATE_NOOP("rnr::HyperParams",
                              "How a multi-task model weighs its ranking and rating losses; single-task models "
                              "ignore it."),
            HyperParamInfo::Kind::Choice);
        for (const BalanceInfo& balance : balanceInfo()) {
            info.choices.push_back(balance.key);
            info.choiceHelp.push_back(balance.help);
        }
        info.choiceContext = "rnr::Balance";
        info.get = [](const HyperParams& p) { return findBalance(p.balance).key; };
        info.set = [](HyperParams& p, std::string_view t) -> std::string {
            for (const BalanceInfo& balance : balanceInfo())
                if (balance.key == t) {
                    p.balance = balance.balance;
                    return {};
                }
            std::string keys;
            for (const BalanceInfo& balance : balanceInfo())
                keys += (keys.empty() ? "" : ", ") + balance.key;
            return "expected one of " + keys;
        };
        list.push_back(std::move(info));
    }
    list.push_back(real("gradnorm-asymmetry", QT_TRANSLATE_NOOP("rnr::HyperParams", "GradNorm asymmetry a"),
                        QT_TRANSLATE_NOOP("rnr::HyperParams",
                                          "GradNorm: how much harder the task that learns more slowly is pulled; 0 "
                                          "equalises the gradient norms alone."),
                        0, 10, false, &HyperParams::gradnormAsymmetry));
    list.push_back(real("dwa-temperature", QT_TRANSLATE_NOOP("rnr::HyperParams", "DWA temperature T"),
                        QT_TRANSLATE_NOOP("rnr::HyperParams",
                                          "DWA: softens the weights; large values give both tasks the same weight."),
                        0.05, 100, false, &HyperParams::dwaTemperature));
    list.push_back(integer("bpr-negatives", QT_TRANSLATE_NOOP("rnr::HyperParams", "BPR negatives"),
                           QT_TRANSLATE_NOOP("rnr::HyperParams", "Sampled negative items per positive for BPR."), 1,
                           100, &HyperParams::bprNegatives));
    list.push_back(integer("cdae-negatives", QT_TRANSLATE_NOOP("rnr::HyperParams", "CDAE negatives"),
                           QT_TRANSLATE_NOOP("rnr::HyperParams", "Sampled negative items per positive for CDAE."), 1,
                           100, &HyperParams::cdaeNegatives));
    list.push_back(real("cdae-dropout", QT_TRANSLATE_NOOP("rnr::HyperParams", "CDAE dropout \u03c1"),
                        QT_TRANSLATE_NOOP("rnr::HyperParams",
                                          "Share of a user's input items dropped (survivors scaled by 1/(1-\u03c1))."),
                        0, 0.95, false, &HyperParams::cdaeDropout));
    list.push_back(integer("wrmf-negatives", QT_TRANSLATE_NOOP("rnr::HyperParams", "WRMF negatives"),
                           QT_TRANSLATE_NOOP("rnr::HyperParams", "Sampled negative items per positive for WRMF."), 1,
                           100, &HyperParams::wrmfNegatives));
    list.push_back(
        real("wrmf-confidence", QT_TRANSLATE_NOOP("rnr::HyperParams", "WRMF confidence a"),
             QT_TRANSLATE_NOOP("rnr::HyperParams",
                               "Confidence of a positive is 1 + a * rating in WRMF's weighted squared loss."),
             0, 100, false, &HyperParams::wrmfConfidence));
    list.push_back(realOrAuto(
        "like-threshold", QT_TRANSLATE_NOOP("rnr::HyperParams", "Like threshold"),
        QT_TRANSLATE_NOOP("rnr::HyperParams",
                          "A rating at or above it counts as a like; auto: the rating at three quarters of the scale's "
                          "range, rounded up to its step (4 on 1-5 and on 0.5-5)."),
        -1000, 1000, &HyperParams::likeThreshold));
    list.push_back(integer("like-negatives", QT_TRANSLATE_NOOP("rnr::HyperParams", "Like negatives"),
                           QT_TRANSLATE_NOOP("rnr::HyperParams",
                                             "ESMM and pairwise: sampled unrated items (not chosen, so not liked) per "
                                             "rated item in the like task's loss."),
                           1, 100, &HyperParams::likeNegatives));
    list.push_back(real(
        "pair-weight", QT_TRANSLATE_NOOP("rnr::HyperParams", "Pairwise weight w"),
        QT_TRANSLATE_NOOP("rnr::HyperParams", "Pairwise cascade: weight of the hinge terms beside the cross-entropy."),
        0, 100, false, &HyperParams::pairWeight));
    list.push_back(
        real("pair-margin-chosen", QT_TRANSLATE_NOOP("rnr::HyperParams", "Margin m\u2081"),
             QT_TRANSLATE_NOOP("rnr::HyperParams", "Pairwise cascade: how far a liked item's score should lie above a "
                                                   "chosen-but-not-liked item's of the same user."),
             0, 100, false, &HyperParams::pairMarginChosen));
    list.push_back(
        real("pair-margin-unchosen", QT_TRANSLATE_NOOP("rnr::HyperParams", "Margin m\u2082"),
             QT_TRANSLATE_NOOP("rnr::HyperParams", "Pairwise cascade: how far a liked item's score should lie above a "
                                                   "not-chosen (unrated, sampled) item's."),
             0, 100, false, &HyperParams::pairMarginUnchosen));
    {
        HyperParamInfo info = makeInfo(
            "pair-heads", QT_TRANSLATE_NOOP("rnr::HyperParams", "Pairwise heads"),
            QT_TRANSLATE_NOOP("rnr::HyperParams",
                              "Pairwise cascade: like puts the hinge terms on the like score log p(like); both also "
                              "on the choice head's score."),
            HyperParamInfo::Kind::Choice);
        info.choices = {kPairHeads.begin(), kPairHeads.end()};
        info.get = [](const HyperParams& p) { return std::string(kPairHeads[std::size_t(p.pairHeads)]); };
        info.set = [](HyperParams& p, std::string_view t) { return setChoice(p.pairHeads, t, kPairHeads); };
        list.push_back(std::move(info));
    }
    list.push_back(integer(
        "k", QT_TRANSLATE_NOOP("rnr::HyperParams", "Top k"),
        QT_TRANSLATE_NOOP("rnr::HyperParams", "Cut-off of Recall@k, MRR@k, NDCG@k and of the like ranking's Like@k."),
        1, 1000, &HyperParams::topK));
    list.push_back(integer("threads", QT_TRANSLATE_NOOP("rnr::HyperParams", "Threads"),
                           QT_TRANSLATE_NOOP("rnr::HyperParams", "Worker threads for training and evaluation."), 1, 256,
                           &HyperParams::threads));
    {
        HyperParamInfo info =
            makeInfo("model-seed", QT_TRANSLATE_NOOP("rnr::HyperParams", "Model seed"),
                     QT_TRANSLATE_NOOP("rnr::HyperParams", "Seed of the initialisation and of negative sampling."),
                     HyperParamInfo::Kind::Integer, 0, 1e18);
        info.get = [](const HyperParams& p) { return std::to_string(p.seed); };
        info.set = [](HyperParams& p, std::string_view t) -> std::string {
            std::int64_t v = 0;
            if (!parseInteger(t, v) || v < 0)
                return "'" + std::string(t) + "' is not a non-negative whole number";
            p.seed = static_cast<std::uint64_t>(v);
            return {};
        };
        list.push_back(std::move(info));
    }
    list.push_back(
        integer("validation-users", QT_TRANSLATE_NOOP("rnr::HyperParams", "Validation users"),
                QT_TRANSLATE_NOOP("rnr::HyperParams",
                                  "Validate each epoch on at most this many users (0: all), for big data sets."),
                0, 1e9, &HyperParams::validationUsers));
    return list;
}

} // namespace

std::string_view rankerName(Ranker r)
{
    for (const auto& [value, name] : kRankers)
        if (value == r)
            return name;
    return "none";
}

std::string_view raterName(Rater p)
{
    for (const auto& [value, name] : kRaters)
        if (value == p)
            return name;
    return "none";
}

std::string_view optimizerName(Optimizer o)
{
    return kOptimizers[static_cast<std::size_t>(o)];
}

std::string_view activationName(Activation a)
{
    return kActivations[static_cast<std::size_t>(a)];
}

const std::vector<CouplingInfo>& couplingInfo()
{
    static const std::vector<CouplingInfo> info{
        {Coupling::Vanilla, "vanilla", "Vanilla", QT_TRANSLATE_NOOP("rnr::Coupling", "Vanilla multi-task"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "Hard sharing: the rating task uses the very same p_u and q_i as the "
                                            "ranking task."),
         false, false, false, false, false},
        {Coupling::RnR, "rnr", "RnR", QT_TRANSLATE_NOOP("rnr::Coupling", "Rank and Rate (RnR)"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "The rating task sees g(W p_u + c) and g(W (q_i + q^d_i) + c): a learnt "
                                            "post-consumption deviation q^d_i and a tied FC layer (Hadash et al., "
                                            "RecSys 2018)."),
         true, true, false, false, false},
        {Coupling::DeviationOnly, "deviation-only", "Deviation-only",
         QT_TRANSLATE_NOOP("rnr::Coupling", "RnR without the FC layer"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "Ablation of RnR: the rating task sees p_u and q_i + q^d_i (the "
                                            "deviation alone, no tied layer)."),
         true, false, false, false, false},
        {Coupling::FcOnly, "fc-only", "FC-only", QT_TRANSLATE_NOOP("rnr::Coupling", "RnR without the deviation"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "Ablation of RnR: the rating task sees g(W p_u + c) and g(W q_i + c) "
                                            "(the tied layer alone, no deviation)."),
         false, true, false, false, false},
        {Coupling::MMoE, "mmoe", "MMoE", QT_TRANSLATE_NOOP("rnr::Coupling", "Multi-gate mixture of experts (MMoE)"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "Both tasks read a gated mixture of shared experts g(W_k v + c_k), "
                                            "one softmax gate per task, for users and items alike (Ma et al., "
                                            "KDD 2018)."),
         false, false, true, false, false},
        {Coupling::PLE, "ple", "PLE", QT_TRANSLATE_NOOP("rnr::Coupling", "Progressive layered extraction (PLE)"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "Shared experts and experts of each task's own, a gate per task over "
                                            "its own and the shared ones (one CGC level; Tang et al., RecSys "
                                            "2020)."),
         false, false, true, false, false},
        {Coupling::CrossStitch, "cross-stitch", "Cross-stitch", QT_TRANSLATE_NOOP("rnr::Coupling", "Cross-stitch"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "Soft sharing: each task has its own user and item vectors, and each "
                                            "reads a learnt linear mix of both tasks' (a 2 x 2 unit per side; "
                                            "Misra et al., CVPR 2016)."),
         false, false, false, true, false},
        {Coupling::ESMM, "esmm", "ESMM", QT_TRANSLATE_NOOP("rnr::Coupling", "Choose, then like (ESMM)"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "A cascade: p(like) = p(choose) \u00b7 p(like | choose), the choice "
                                            "head R and a like tower on the shared vectors, trained on rated and "
                                            "sampled unrated items alike (Ma et al., SIGIR 2018). No rating "
                                            "component."),
         false, false, false, false, true},
        {Coupling::Pairwise, "pairwise", "Pairwise",
         QT_TRANSLATE_NOOP("rnr::Coupling", "Choose, then like, with a pairwise loss"),
         QT_TRANSLATE_NOOP("rnr::Coupling", "ESMM's cascade plus hinge terms that put each liked item above a "
                                            "chosen-but-not-liked and a not-chosen item of the same user, by margins "
                                            "(Durmus et al., 2024). No rating component."),
         false, false, false, false, true},
    };
    return info;
}

const CouplingInfo* findCoupling(Coupling coupling)
{
    for (const CouplingInfo& info : couplingInfo())
        if (info.coupling == coupling)
            return &info;
    return nullptr;
}

bool ModelSpec::hasDeviation() const
{
    const CouplingInfo* info = findCoupling(coupling);
    return info && info->deviation;
}

bool ModelSpec::isCascade() const
{
    const CouplingInfo* info = findCoupling(coupling);
    return info && info->cascade;
}

bool ModelSpec::hasRatingSpace() const
{
    const CouplingInfo* info = findCoupling(coupling);
    return info && (info->deviation || info->fcLayer || info->experts || info->crossStitch);
}

std::string ModelSpec::name() const
{
    if (coupling == Coupling::Single)
        return std::string(ranker != Ranker::None ? rankerName(ranker) : raterName(rater));
    if (isCascade())
        return findCoupling(coupling)->key + ":" + std::string(rankerName(ranker));
    return findCoupling(coupling)->key + ":" + std::string(rankerName(ranker)) + "+" + std::string(raterName(rater));
}

std::string ModelSpec::title() const
{
    auto title = [](std::string_view key) {
        if (key == "popularity")
            return std::string("Popularity");
        if (key == "svd++")
            return std::string("SVD++");
        return upper(key);
    };
    if (coupling == Coupling::Single)
        return title(ranker != Ranker::None ? rankerName(ranker) : raterName(rater));
    if (isCascade())
        return findCoupling(coupling)->title + "(" + title(rankerName(ranker)) + ")";
    return findCoupling(coupling)->title + "(" + title(rankerName(ranker)) + ", " + title(raterName(rater)) + ")";
}

std::vector<std::string> allModelNames()
{
    std::vector<std::string> names;
    for (const auto& [r, name] : kRankers)
        names.emplace_back(name);
    for (const auto& [p, name] : kRaters)
        names.emplace_back(name);
    for (const CouplingInfo& coupling : couplingInfo())
        for (const auto& [r, rn] : kRankers)
            if (r != Ranker::Popularity) {
                if (coupling.cascade)
                    names.push_back(coupling.key + ":" + std::string(rn));
                else
                    for (const auto& [p, pn] : kRaters)
                        names.push_back(coupling.key + ":" + std::string(rn) + "+" + std::string(pn));
            }
    return names;
}

ModelSpec parseModelSpec(std::string_view text)
{
    const std::string name = lowercase(trimmed(text));
    ModelSpec spec;
    auto fail = [&]() -> ModelSpec {
        std::string list;
        for (const auto& n : allModelNames())
            list += (list.empty() ? "" : ", ") + n;
        throw UsageError("unknown model '" + std::string(text) + "'; models: " + list);
    };
    if (auto r = rankerFromKey(name)) {
        spec.ranker = *r;
        return spec;
    }
    if (auto p = raterFromKey(name)) {
        spec.rater = *p;
        return spec;
    }
    const auto colon = name.find(':');
    if (colon == std::string::npos)
        return fail();
    const std::string mode = name.substr(0, colon);
    const auto coupling = std::find_if(couplingInfo().begin(), couplingInfo().end(),
                                       [&](const CouplingInfo& info) { return info.key == mode; });
    if (coupling == couplingInfo().end())
        return fail();
    spec.coupling = coupling->coupling;
    if (coupling->cascade) { // "esmm:bpr": a choice head, no rating component
        const auto r = rankerFromKey(name.substr(colon + 1));
        if (!r || *r == Ranker::Popularity)
            return fail();
        spec.ranker = *r;
        return spec;
    }
    const auto plus = name.find('+', colon);
    if (plus == std::string::npos)
        return fail();
    const auto r = rankerFromKey(name.substr(colon + 1, plus - colon - 1));
    const auto p = raterFromKey(name.substr(plus + 1));
    if (!r || !p || *r == Ranker::Popularity)
        return fail();
    spec.ranker = *r;
    spec.rater = *p;
    return spec;
}

const std::vector<HyperParamInfo>& hyperParamInfo()
{
    static const std::vector<HyperParamInfo> info = buildInfo();
    return info;
}

const HyperParamInfo* findHyperParam(std::string_view key)
{
    for (const auto& info : hyperParamInfo())
        if (info.key == key)
            return &info;
    return nullptr;
}

std::vector<std::pair<std::string, std::string>> describe(const HyperParams& params)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& info : hyperParamInfo())
        out.emplace_back(info.key, info.get(params));
    return out;
}

} // namespace rnr
