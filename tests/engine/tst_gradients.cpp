// Finite-difference checks, in double precision, of the analytic gradients of every model against
// the minibatch objective documented in model.h, plus properties of that objective (its
// decomposition into Losses, independent reference losses, task weights, untouched rows).
#include "core/detail/rng.h"
#include "data/split.h"
#include "model/detail/components.h"
#include "model/model.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace rnr;

namespace {

constexpr std::uint32_t kUsers = 5, kItems = 7, kDim = 4;
constexpr double kMu = 3.2;
constexpr double kStep = 1e-6;   // h of the central difference
constexpr double kAbsTol = 1e-6; // |a - n| <= kAbsTol + kRelTol * max(|a|, |n|)
constexpr double kRelTol = 1e-4;
constexpr double kKinkMargin = 1e-3;      // no RnR pre-activation closer than this to 0 (ReLU's kink)
constexpr std::uint32_t kOutsideUser = 4; // in the history, never in a batch
constexpr std::uint32_t kOutsideItem = 6; // only in kOutsideUser's history

struct Rated
{
    std::uint32_t user, item;
    float rating;
};

// Every batch user leaves items unseen (negatives exist); item 6 belongs to user 4 only.
const std::vector<Rated> kRatings = {
    {0, 0, 4.0f}, {0, 1, 3.0f}, {0, 2, 5.0f}, {0, 5, 2.0f}, {1, 1, 1.0f}, {1, 3, 4.0f}, {2, 0, 2.0f},
    {2, 2, 3.0f}, {2, 4, 5.0f}, {3, 3, 5.0f}, {3, 5, 1.0f}, {4, 0, 3.0f}, {4, 6, 2.0f},
};

constexpr std::array<Block, kBlockCount> kAllBlocks = {
    Block::Users,           Block::Items,        Block::Deviation, Block::FcWeight,
    Block::FcBias,          Block::RankItemBias, Block::CdaeInput, Block::CdaeHiddenBias,
    Block::RateUserBias,    Block::RateItemBias, Block::Implicit,  Block::ExpertWeight,
    Block::ExpertBias,      Block::GateWeight,   Block::GateBias,  Block::SharedGateWeight,
    Block::SharedGateBias,  Block::TaskUsers,    Block::TaskItems, Block::CrossStitch,
    Block::TaskLogVariance,
};
constexpr std::uint32_t kSharedExperts = 2, kTaskExperts = 1; // MMoE: 2 experts; PLE: 2 shared + 1 per task

bool mixesExperts(const ModelSpec& spec)
{
    return spec.coupling == Coupling::MMoE || spec.coupling == Coupling::PLE;
}

int blockIndex(Block b)
{
    return static_cast<int>(b);
}

Activation activationFrom(const QString& name)
{
    if (name == "relu")
        return Activation::ReLU;
    if (name == "sigmoid")
        return Activation::Sigmoid;
    if (name == "identity")
        return Activation::Identity;
    return Activation::Tanh;
}

double referenceActivation(Activation a, double z)
{
    switch (a) {
    case Activation::Tanh:
        return std::tanh(z);
    case Activation::ReLU:
        return std::max(z, 0.0);
    case Activation::Sigmoid:
        return 1.0 / (1.0 + std::exp(-z));
    case Activation::Identity:
        break;
    }
    return z;
}

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

struct Fixture
{
    ModelT<double> model;
    Batch batch;
};

/// Every entry of every block uniform in [-scale, scale]: Id, biases and all.
void randomise(Params<double>& params, Rng& rng, double scale)
{
    for (auto& block : params.blocks)
        for (Eigen::Index r = 0; r < block.rows(); ++r)
            for (Eigen::Index c = 0; c < block.cols(); ++c)
                block(r, c) = scale * (2.0 * rng.uniform() - 1.0);
}

/// The FC layer's pre-activations W v + c of every user and every item (q_i + q^d_i, or q_i
/// without a deviation), one row each.
RowMatrix<double> preActivations(const Params<double>& p)
{
    RowMatrix<double> input(p[Block::Users].rows() + p[Block::Items].rows(), p[Block::Users].cols());
    if (p[Block::Deviation].size() > 0)
        input << p[Block::Users], p[Block::Items] + p[Block::Deviation];
    else
        input << p[Block::Users], p[Block::Items];
    RowMatrix<double> pre = input * p[Block::FcWeight].transpose();
    pre.rowwise() += p[Block::FcBias].row(0);
    return pre;
}

/// Expert e (counted over every level) on v, written out: g(W_e v + c_e); its pre-activations
/// are appended to `pre` when given.
Vector<double> expertOutput(const ModelT<double>& model, Eigen::Index e, const Vector<double>& v,
                            std::vector<double>* pre)
{
    const Params<double>& p = model.params();
    const Eigen::Index d = v.size();
    const Vector<double> z = p[Block::ExpertWeight].middleRows(e * d, d) * v + p[Block::ExpertBias].row(e).transpose();
    if (pre)
        pre->insert(pre->end(), z.data(), z.data() + z.size());
    const Activation act = model.hyperParams().activation;
    return z.unaryExpr([act](double x) { return referenceActivation(act, x); });
}

Vector<double> softmaxOf(const Vector<double>& logits)
{
    const Vector<double> e = (logits.array() - logits.maxCoeff()).exp();
    return e / e.sum();
}

/// sum_j softmax(G v + h)_j e_j(input_j) over the listed experts, G the gate's weight rows and h its bias.
template <typename Weights, typename Bias>
Vector<double> gated(const ModelT<double>& model, const Weights& G, const Bias& h, const Vector<double>& selector,
                     const std::vector<Eigen::Index>& experts, const std::vector<Vector<double>>& inputs,
                     std::vector<double>* pre)
{
    const Vector<double> weights = softmaxOf(G * selector + h.transpose());
    Vector<double> out = Vector<double>::Zero(selector.size());
    for (std::size_t j = 0; j < experts.size(); ++j)
        out += weights(Eigen::Index(j)) * expertOutput(model, experts[j], inputs[j], pre);
    return out;
}

/// An expert design's vector of task t for v, written out from docs/method.md ("Couplings"): with
/// one level, sum_j softmax(G_t v + h_t)_j e_j(v) over the shared experts and (PLE) the task's own;
/// with two, the first level gives h_t(v) and, with a shared gate over every expert, h_s(v), and the
/// second level mixes its shared experts on h_s and the task's own on h_t with a gate on h_t.
Vector<double> mixture(const ModelT<double>& model, int task, const Vector<double>& v,
                       std::vector<double>* pre = nullptr)
{
    const Params<double>& p = model.params();
    const bool ple = model.spec().coupling == Coupling::PLE;
    const std::uint32_t own = ple ? kTaskExperts : 0;
    const auto E = Eigen::Index(kSharedExperts + 2 * own); // experts per level
    std::vector<Eigen::Index> experts;                     // task t's gate entries, shared experts first
    for (std::uint32_t e = 0; e < kSharedExperts; ++e)
        experts.push_back(e);
    for (std::uint32_t e = 0; e < own; ++e)
        experts.push_back(kSharedExperts + std::uint32_t(task) * own + e);
    const auto G = Eigen::Index(experts.size());
    auto taskGate = [&](int level) { return p[Block::GateWeight].middleRows((2 * level + task) * G, G); };
    auto taskBias = [&](int level) { return p[Block::GateBias].row(2 * level + task); };
    const std::vector<Vector<double>> onV(std::size_t(E), v);
    if (!ple || model.hyperParams().levels == 1) // MMoE has one level whatever the setting
        return gated(model, taskGate(0), taskBias(0), v, experts, onV, pre);
    const Vector<double> h = gated(model, taskGate(0), taskBias(0), v, experts, onV, pre);
    std::vector<Eigen::Index> every(static_cast<std::size_t>(E));
    for (Eigen::Index e = 0; e < E; ++e)
        every[std::size_t(e)] = e;
    const Vector<double> hs =
        gated(model, p[Block::SharedGateWeight], p[Block::SharedGateBias].row(0), v, every, onV, pre);
    std::vector<Eigen::Index> second;
    std::vector<Vector<double>> inputs;
    for (Eigen::Index j = 0; j < G; ++j) {
        second.push_back(E + experts[std::size_t(j)]);
        inputs.push_back(j < Eigen::Index(kSharedExperts) ? hs : h);
    }
    return gated(model, taskGate(1), taskBias(1), h, second, inputs, pre);
}

/// No pre-activation near ReLU's kink, and both of its sides in use.
bool clearOfKinks(const ModelT<double>& model)
{
    if (mixesExperts(model.spec())) { // every expert each task applies to every user and item
        std::vector<double> pre;
        for (int task = 0; task < 2; ++task)
            for (const Block side : {Block::Users, Block::Items})
                for (Eigen::Index r = 0; r < model.params()[side].rows(); ++r)
                    mixture(model, task, model.params()[side].row(r).transpose(), &pre);
        const auto [low, high] = std::minmax_element(pre.begin(), pre.end());
        return std::all_of(pre.begin(), pre.end(), [](double z) { return std::abs(z) >= kKinkMargin; }) && *low < 0 &&
               *high > 0;
    }
    const CouplingInfo* coupling = findCoupling(model.spec().coupling);
    if (!coupling || !coupling->fcLayer)
        return true;
    const RowMatrix<double> pre = preActivations(model.params());
    return pre.cwiseAbs().minCoeff() >= kKinkMargin && pre.minCoeff() < 0 && pre.maxCoeff() > 0;
}

/// All training tuples of users 0-3, grouped by user (valid for every model).
Batch makeBatch()
{
    Batch batch;
    for (const Rated& r : kRatings) {
        if (r.user == kOutsideUser)
            continue;
        if (batch.groupUsers.empty() || batch.groupUsers.back() != r.user) {
            batch.groupUsers.push_back(r.user);
            batch.groupStart.push_back(static_cast<std::uint32_t>(batch.size()));
        }
        batch.users.push_back(r.user);
        batch.items.push_back(r.item);
        batch.ratings.push_back(r.rating);
    }
    batch.groupStart.push_back(static_cast<std::uint32_t>(batch.size()));
    return batch;
}

Fixture makeFixture(const QString& name, Activation activation, double alpha, double lambda, std::uint32_t bprNegatives,
                    std::uint64_t seed = 3, Balance balance = Balance::Fixed, std::uint32_t levels = 1)
{
    std::vector<Interaction> rows;
    for (std::size_t k = 0; k < kRatings.size(); ++k) {
        const auto n = static_cast<std::uint32_t>(k);
        rows.push_back(Interaction{std::int64_t(n), kRatings[k].user, kRatings[k].item, n + 1, kRatings[k].rating});
    }
    HyperParams hp;
    hp.dim = kDim;
    hp.alpha = alpha;
    hp.lambda = lambda;
    hp.activation = activation;
    hp.bprNegatives = bprNegatives;
    hp.cdaeDropout = 0.5;
    hp.cdaeNegatives = 2;
    hp.wrmfNegatives = 2;
    hp.wrmfConfidence = 0.5;
    hp.experts = kSharedExperts;
    hp.taskExperts = kTaskExperts;
    hp.balance = balance;
    hp.levels = levels;
    ModelT<double> model(parseModelSpec(name.toStdString()), hp, kUsers, kItems, buildUserItems(rows, kUsers, kItems),
                         kMu);
    Rng rng(seed);
    model.initialise(rng);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        randomise(model.params(), rng, 0.6);
        if (clearOfKinks(model))
            break;
    }
    Batch batch = makeBatch();
    model.sample(batch, rng);
    return Fixture{std::move(model), std::move(batch)};
}

/// Replaces sampled negatives equal to `item` by another item outside the user's history.
void avoidNegative(Batch& batch, const UserItems& history, std::uint32_t item)
{
    auto replacement = [&](std::uint32_t user) {
        for (std::uint32_t j = 0; j < history.itemCount; ++j)
            if (j != item && !history.contains(user, j))
                return j;
        return item;
    };
    for (std::size_t t = 0; t < batch.size(); ++t)
        for (std::uint32_t k = 0; k < batch.negativesPerTuple; ++k)
            if (batch.negatives[t * batch.negativesPerTuple + k] == item)
                batch.negatives[t * batch.negativesPerTuple + k] = replacement(batch.users[t]);
    for (std::size_t g = 0; g + 1 < batch.cdaeTargetStart.size(); ++g)
        for (auto k = batch.cdaeTargetStart[g]; k < batch.cdaeTargetStart[g + 1]; ++k)
            if (batch.cdaeLabels[k] == 0 && batch.cdaeTargets[k] == item)
                batch.cdaeTargets[k] = replacement(batch.groupUsers[g]);
}

/// The blocks a model must have.
std::set<Block> expectedBlocks(const ModelSpec& spec)
{
    std::set<Block> blocks{Block::Users, Block::Items};
    if (spec.ranker == Ranker::BPR)
        blocks.insert(Block::RankItemBias);
    if (spec.ranker == Ranker::CDAE)
        blocks.insert({Block::RankItemBias, Block::CdaeInput, Block::CdaeHiddenBias});
    if (spec.hasRater())
        blocks.insert({Block::RateUserBias, Block::RateItemBias});
    if (spec.rater == Rater::SVDpp)
        blocks.insert(Block::Implicit);
    // Written out per coupling (docs/method.md, "Couplings"), not read from the engine's table.
    if (spec.coupling == Coupling::RnR || spec.coupling == Coupling::DeviationOnly)
        blocks.insert(Block::Deviation);
    if (spec.coupling == Coupling::RnR || spec.coupling == Coupling::FcOnly)
        blocks.insert({Block::FcWeight, Block::FcBias});
    if (mixesExperts(spec))
        blocks.insert({Block::ExpertWeight, Block::ExpertBias, Block::GateWeight, Block::GateBias});
    if (spec.coupling == Coupling::CrossStitch)
        blocks.insert({Block::TaskUsers, Block::TaskItems, Block::CrossStitch});
    return blocks;
}

/// The task weights as model.h documents them (independent of ModelT::rankWeight()).
double expectedRankWeight(const ModelSpec& spec, double alpha)
{
    return spec.coupling == Coupling::Single ? (spec.hasRanker() ? 1.0 : 0.0) : alpha;
}
double expectedRateWeight(const ModelSpec& spec, double alpha)
{
    return spec.coupling == Coupling::Single ? (spec.hasRater() ? 1.0 : 0.0) : 1.0 - alpha;
}

using RowSets = std::array<std::set<std::uint32_t>, kBlockCount>;

/// The rows a batch uses, per block (what "touched" means in model.h).
RowSets expectedTouched(const ModelT<double>& model, const Batch& batch)
{
    const ModelSpec& spec = model.spec();
    RowSets rows;
    auto use = [&rows](Block b, std::uint32_t row) { rows[std::size_t(blockIndex(b))].insert(row); };
    const std::uint32_t k = batch.negativesPerTuple;
    for (std::size_t t = 0; t < batch.size(); ++t) {
        const std::uint32_t u = batch.users[t], i = batch.items[t];
        if (spec.ranker == Ranker::BPR || spec.ranker == Ranker::WRMF) {
            use(Block::Users, u);
            use(Block::Items, i);
            for (std::uint32_t n = 0; n < k; ++n)
                use(Block::Items, batch.negatives[t * k + n]);
        }
        if (spec.ranker == Ranker::BPR) {
            use(Block::RankItemBias, i);
            for (std::uint32_t n = 0; n < k; ++n)
                use(Block::RankItemBias, batch.negatives[t * k + n]);
        }
        if (spec.hasRater()) {
            use(Block::Users, u);
            use(Block::Items, i);
            use(Block::RateUserBias, u);
            use(Block::RateItemBias, i);
        }
        if (spec.coupling == Coupling::RnR || spec.coupling == Coupling::DeviationOnly)
            use(Block::Deviation, i);
    }
    for (std::size_t g = 0; g < batch.groups(); ++g) {
        const std::uint32_t u = batch.groupUsers[g];
        if (spec.ranker == Ranker::CDAE) {
            use(Block::Users, u);
            use(Block::CdaeHiddenBias, 0);
            for (auto n = batch.cdaeInputStart[g]; n < batch.cdaeInputStart[g + 1]; ++n)
                use(Block::CdaeInput, batch.cdaeInputs[n]);
            for (auto n = batch.cdaeTargetStart[g]; n < batch.cdaeTargetStart[g + 1]; ++n) {
                use(Block::Items, batch.cdaeTargets[n]);
                use(Block::RankItemBias, batch.cdaeTargets[n]);
            }
        }
        if (spec.rater == Rater::SVDpp)
            for (const std::uint32_t j : model.history().of(u))
                use(Block::Implicit, j);
    }
    if (spec.coupling == Coupling::CrossStitch) { // each task's rows of every user and item either task uses
        rows[std::size_t(blockIndex(Block::TaskUsers))] = rows[std::size_t(blockIndex(Block::Users))];
        rows[std::size_t(blockIndex(Block::TaskItems))] = rows[std::size_t(blockIndex(Block::Items))];
        use(Block::CrossStitch, 0);
        use(Block::CrossStitch, 1);
    }
    if (mixesExperts(spec)) // every expert and both gates serve some row of the batch
        for (const Block b : {Block::ExpertWeight, Block::ExpertBias, Block::GateWeight, Block::GateBias})
            for (std::uint32_t r = 0; r < std::uint32_t(model.params()[b].rows()); ++r)
                use(b, r);
    if (spec.coupling == Coupling::RnR || spec.coupling == Coupling::FcOnly) {
        for (std::uint32_t r = 0; r < model.hyperParams().dim; ++r)
            use(Block::FcWeight, r);
        use(Block::FcBias, 0);
    }
    return rows;
}

/// lambda * sum of squared norms of the touched rows of U, I, Id, W, c, W_in and Z.
double expectedRegularisation(const ModelT<double>& model, const RowSets& touched)
{
    double sum = 0;
    for (const Block b : {Block::Users, Block::Items, Block::Deviation, Block::FcWeight, Block::FcBias,
                          Block::CdaeInput, Block::Implicit, Block::ExpertWeight, Block::ExpertBias, Block::GateWeight,
                          Block::TaskUsers, Block::TaskItems})
        for (const std::uint32_t r : touched[std::size_t(blockIndex(b))])
            sum += model.params()[b].row(r).squaredNorm();
    return model.hyperParams().lambda * sum;
}

struct ReferenceLosses
{
    double ranking = 0, rating = 0;
};

/// The loss terms of docs/method.md ("Underlying algorithms", "Couplings", "Training"), written out
/// directly from the parameters (no engine code).
/// Cross-stitch, written out: task t reads a_tR v_R + a_tP v_P, the unit of the side (row 0
/// users, row 1 items: a_RR a_RP a_PR a_PP).
RowMatrix<double> stitched(const ModelT<double>& model, int task, bool users)
{
    const Params<double>& p = model.params();
    const auto unit = p[Block::CrossStitch].row(users ? 0 : 1);
    const RowMatrix<double>& ranking = p[users ? Block::Users : Block::Items];
    const RowMatrix<double>& rating = p[users ? Block::TaskUsers : Block::TaskItems];
    return unit(2 * task) * ranking + unit(2 * task + 1) * rating;
}

/// Every row of U or I as task t reads it.
RowMatrix<double> mixtures(const ModelT<double>& model, int task, const RowMatrix<double>& rows)
{
    RowMatrix<double> out(rows.rows(), rows.cols());
    for (Eigen::Index r = 0; r < rows.rows(); ++r)
        out.row(r) = mixture(model, task, rows.row(r).transpose()).transpose();
    return out;
}

ReferenceLosses referenceLosses(const ModelT<double>& model, const Batch& batch)
{
    const ModelSpec& spec = model.spec();
    const HyperParams& hp = model.hyperParams();
    const Params<double>& p = model.params();
    // The ranking task's vectors: U and I themselves, or their mixtures (MMoE, PLE).
    const bool stitch = spec.coupling == Coupling::CrossStitch;
    const RowMatrix<double> U = mixesExperts(spec) ? mixtures(model, 0, p[Block::Users])
                                : stitch           ? stitched(model, 0, true)
                                                   : p[Block::Users];
    const RowMatrix<double> I = mixesExperts(spec) ? mixtures(model, 0, p[Block::Items])
                                : stitch           ? stitched(model, 0, false)
                                                   : p[Block::Items];
    const RowMatrix<double> ratingUsers = stitch ? stitched(model, 1, true) : RowMatrix<double>();
    const RowMatrix<double> ratingItems = stitch ? stitched(model, 1, false) : RowMatrix<double>();
    ReferenceLosses out;
    if (spec.ranker == Ranker::BPR || spec.ranker == Ranker::WRMF) {
        const std::uint32_t k = batch.negativesPerTuple;
        for (std::size_t t = 0; t < batch.size(); ++t) {
            const std::uint32_t u = batch.users[t], i = batch.items[t];
            if (spec.ranker == Ranker::WRMF) {
                const double c = 1.0 + hp.wrmfConfidence * double(batch.ratings[t]);
                out.ranking += c * std::pow(1.0 - U.row(u).dot(I.row(i)), 2);
            }
            for (std::uint32_t n = 0; n < k; ++n) {
                const std::uint32_t j = batch.negatives[t * k + n];
                if (spec.ranker == Ranker::BPR) {
                    const double si = U.row(u).dot(I.row(i)) + p[Block::RankItemBias](i, 0);
                    const double sj = U.row(u).dot(I.row(j)) + p[Block::RankItemBias](j, 0);
                    out.ranking -= std::log(logistic(si - sj));
                } else {
                    out.ranking += std::pow(U.row(u).dot(I.row(j)), 2);
                }
            }
        }
    }
    if (spec.ranker == Ranker::CDAE) {
        const double keep = 1.0 / (1.0 - hp.cdaeDropout);
        for (std::size_t g = 0; g < batch.groups(); ++g) {
            Vector<double> a = U.row(batch.groupUsers[g]).transpose() + p[Block::CdaeHiddenBias].row(0).transpose();
            for (auto n = batch.cdaeInputStart[g]; n < batch.cdaeInputStart[g + 1]; ++n)
                a += keep * p[Block::CdaeInput].row(batch.cdaeInputs[n]).transpose();
            const Vector<double> z = a.unaryExpr([](double x) { return logistic(x); });
            for (auto n = batch.cdaeTargetStart[g]; n < batch.cdaeTargetStart[g + 1]; ++n) {
                const std::uint32_t item = batch.cdaeTargets[n];
                const double prob = logistic(z.dot(I.row(item).transpose()) + p[Block::RankItemBias](item, 0));
                out.ranking -= batch.cdaeLabels[n] ? std::log(prob) : std::log(1.0 - prob);
            }
        }
    }
    if (spec.hasRater()) {
        const Activation act = hp.activation;
        auto fc = [&](const Vector<double>& v) {
            Vector<double> pre = p[Block::FcWeight] * v + p[Block::FcBias].row(0).transpose();
            return Vector<double>(pre.unaryExpr([act](double z) { return referenceActivation(act, z); }));
        };
        for (std::size_t t = 0; t < batch.size(); ++t) {
            const std::uint32_t u = batch.users[t], i = batch.items[t];
            Vector<double> x = p[Block::Users].row(u).transpose(), y = p[Block::Items].row(i).transpose();
            if (mixesExperts(spec)) {
                x = mixture(model, 1, x);
                y = mixture(model, 1, y);
            } else if (stitch) {
                x = ratingUsers.row(u).transpose();
                y = ratingItems.row(i).transpose();
            } else if (spec.coupling == Coupling::RnR) {
                x = fc(x);
                y = fc(Vector<double>(y + p[Block::Deviation].row(i).transpose()));
            } else if (spec.coupling == Coupling::DeviationOnly) {
                y += p[Block::Deviation].row(i).transpose();
            } else if (spec.coupling == Coupling::FcOnly) {
                x = fc(x);
                y = fc(y);
            }
            if (spec.rater == Rater::SVDpp) {
                const auto items = model.history().of(u);
                for (const std::uint32_t j : items)
                    x += p[Block::Implicit].row(j).transpose() / std::sqrt(double(items.size()));
            }
            const double predicted = p.mu + p[Block::RateUserBias](u, 0) + p[Block::RateItemBias](i, 0) + x.dot(y);
            out.rating += std::pow(predicted - double(batch.ratings[t]), 2);
        }
    }
    return out;
}

bool agrees(double analytic, double numeric)
{
    return std::abs(analytic - numeric) <= kAbsTol + kRelTol * std::max(std::abs(analytic), std::abs(numeric));
}

bool closeTo(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

/// Central differences of the objective with respect to every entry of one block.
RowMatrix<double> numericGradient(ModelT<double>& model, const Batch& batch, Block block)
{
    RowMatrix<double>& theta = model.params()[block];
    RowMatrix<double> numeric(theta.rows(), theta.cols());
    for (Eigen::Index r = 0; r < theta.rows(); ++r) {
        for (Eigen::Index c = 0; c < theta.cols(); ++c) {
            const double saved = theta(r, c);
            theta(r, c) = saved + kStep;
            const double plus = model.objective(batch, nullptr).objective;
            theta(r, c) = saved - kStep;
            const double minus = model.objective(batch, nullptr).objective;
            theta(r, c) = saved;
            numeric(r, c) = (plus - minus) / (2 * kStep);
        }
    }
    return numeric;
}

struct Mismatch
{
    Block block;
    Eigen::Index row, col;
    double analytic, numeric;
};

std::vector<Mismatch> compareGradients(Block block, const RowMatrix<double>& analytic, const RowMatrix<double>& numeric)
{
    std::vector<Mismatch> out;
    if (analytic.rows() != numeric.rows() || analytic.cols() != numeric.cols()) {
        out.push_back({block, -1, -1, double(analytic.size()), double(numeric.size())});
        return out;
    }
    for (Eigen::Index r = 0; r < analytic.rows(); ++r)
        for (Eigen::Index c = 0; c < analytic.cols(); ++c)
            if (!agrees(analytic(r, c), numeric(r, c)))
                out.push_back({block, r, c, analytic(r, c), numeric(r, c)});
    return out;
}

QByteArray describe(const std::vector<Mismatch>& mismatches)
{
    QByteArray text = QByteArray::number(qsizetype(mismatches.size())) + " mismatches:";
    for (std::size_t k = 0; k < std::min<std::size_t>(mismatches.size(), 8); ++k) {
        const Mismatch& m = mismatches[k];
        text += QByteArray(" ") + QByteArray(blockName(m.block).data(), qsizetype(blockName(m.block).size())) + "(" +
                QByteArray::number(qlonglong(m.row)) + "," + QByteArray::number(qlonglong(m.col)) + "): analytic " +
                QByteArray::number(m.analytic, 'g', 10) + " numeric " + QByteArray::number(m.numeric, 'g', 10) + ";";
    }
    return text;
}

QByteArray blockLabel(Block b)
{
    return QByteArray(blockName(b).data(), qsizetype(blockName(b).size()));
}

bool allZero(const RowMatrix<double>& m)
{
    return m.size() == 0 || m.cwiseAbs().maxCoeff() == 0.0;
}

/// Blocks whose gradient must be exactly zero: only the silenced task reaches them (with
/// lambda = 0 also the regularised blocks of that task).
bool expectedSilent(const ModelSpec& spec, double alpha, double lambda, Block b)
{
    const bool rateOnly =
        b == Block::RateUserBias || b == Block::RateItemBias ||
        (lambda == 0 && (b == Block::Implicit || b == Block::Deviation || b == Block::FcWeight || b == Block::FcBias));
    const bool rankOnly =
        b == Block::RankItemBias || b == Block::CdaeHiddenBias || (lambda == 0 && b == Block::CdaeInput);
    return (rateOnly && expectedRateWeight(spec, alpha) == 0) || (rankOnly && expectedRankWeight(spec, alpha) == 0);
}

void addColumns()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("lambda");
    QTest::addColumn<std::uint32_t>("bprNegatives");
}

void addRow(const QString& model, const QString& activation, double alpha, double lambda, std::uint32_t negatives,
            const QString& note = {})
{
    QString label = model;
    if (model.startsWith("rnr:") || model.startsWith("fc-only:"))
        label += "/" + activation;
    if (!note.isEmpty())
        label += "/" + note;
    QTest::newRow(label.toUtf8().constData()) << model << activation << alpha << lambda << negatives;
}

/// Every model of docs/method.md (single task, vanilla R+P, RnR R+P with every activation, RnR's
/// two ablations), plus
/// lambda = 0 and extreme-alpha variants; CDAE always with dropout 0.5, BPR with 1 or 3 negatives.
void addModelRows()
{
    addColumns();
    const QStringList rankers{"bpr", "cdae", "wrmf"}, raters{"svd", "svd++"};
    // A coupling for every R x P, with one activation.
    auto everyPair = [&](const QString& coupling, const char* activation) {
        for (const QString& r : rankers)
            for (const QString& p : raters)
                addRow(coupling + r + "+" + p, activation, 0.7, 0.01, 3);
    };
    for (const QString& r : rankers)
        addRow(r, "tanh", 0.7, 0.01, 1);
    addRow("bpr", "tanh", 0.7, 0.01, 3, "3-negatives");
    for (const QString& p : raters)
        addRow(p, "tanh", 0.7, 0.01, 1);
    for (const char* name : {"bpr", "cdae", "svd", "svd++"})
        addRow(name, "tanh", 0.7, 0.0, 3, "lambda-0");
    everyPair("vanilla:", "tanh");
    for (const char* act : {"tanh", "relu", "sigmoid", "identity"})
        everyPair("rnr:", act);
    // RnR's ablations: the deviation alone, the tied layer alone (with every activation).
    everyPair("deviation-only:", "tanh");
    for (const char* act : {"tanh", "relu", "sigmoid", "identity"})
        everyPair("fc-only:", act);
    // Expert mixtures: MMoE and PLE's CGC level for every R x P, and every activation on one pair.
    for (const char* design : {"mmoe:", "ple:"})
        everyPair(design, "tanh");
    for (const char* act : {"relu", "sigmoid", "identity"}) {
        addRow(QString("mmoe:bpr+svd"), act, 0.7, 0.01, 1, act);
        addRow(QString("ple:cdae+svd"), act, 0.7, 0.01, 1, act);
    }
    addRow("ple:wrmf+svd++", "tanh", 0.7, 0.0, 1, "lambda-0");
    everyPair("cross-stitch:", "tanh"); // no activation of its own
    addRow("cross-stitch:bpr+svd", "tanh", 0.7, 0.0, 1, "lambda-0");
    addRow("mmoe:bpr+svd", "tanh", 1.0, 0.01, 1, "alpha-1");
    addRow("deviation-only:bpr+svd", "tanh", 0.7, 0.0, 1, "lambda-0");
    addRow("fc-only:cdae+svd", "tanh", 0.0, 0.01, 1, "alpha-0");
    addRow("vanilla:cdae+svd++", "tanh", 0.7, 0.0, 1, "lambda-0");
    addRow("rnr:bpr+svd", "tanh", 0.7, 0.0, 1, "lambda-0");
    addRow("rnr:wrmf+svd++", "relu", 0.7, 0.0, 1, "lambda-0");
    addRow("rnr:cdae+svd", "sigmoid", 1.0, 0.01, 1, "alpha-1");
    addRow("rnr:bpr+svd++", "tanh", 0.0, 0.01, 3, "alpha-0");
    addRow("vanilla:wrmf+svd", "tanh", 1.0, 0.0, 1, "alpha-1-lambda-0");
}

} // namespace

class TestGradients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gradientsMatchFiniteDifferences_data() { addModelRows(); }
    void gradientsMatchFiniteDifferences()
    {
        QFETCH(QString, model);
        QFETCH(QString, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(std::uint32_t, bprNegatives);
        Fixture f = makeFixture(model, activationFrom(activation), alpha, lambda, bprNegatives);
        const ModelSpec spec = f.model.spec();
        QVERIFY(clearOfKinks(f.model));
        QCOMPARE(f.model.groupsByUser(), spec.ranker == Ranker::CDAE || spec.rater == Rater::SVDpp);
        if (spec.ranker == Ranker::BPR)
            QCOMPARE(f.batch.negatives.size(), f.batch.size() * bprNegatives);
        if (spec.ranker == Ranker::CDAE) // dropout 0.5 really dropped some inputs and kept others
            QVERIFY(!f.batch.cdaeInputs.empty() && f.batch.cdaeInputs.size() < f.batch.size());

        SummedGrads<double> grads;
        const Losses losses = f.model.objective(f.batch, &grads);
        QVERIFY(std::isfinite(losses.objective));

        std::set<Block> present;
        for (const Block b : kAllBlocks)
            if (f.model.params()[b].size() > 0)
                present.insert(b);
        QVERIFY(present == expectedBlocks(spec));

        for (const Block b : present) {
            const RowMatrix<double>& analytic = grads.sums[std::size_t(blockIndex(b))];
            QCOMPARE(analytic.rows(), f.model.params()[b].rows());
            QCOMPARE(analytic.cols(), f.model.params()[b].cols());
            const RowMatrix<double> numeric = numericGradient(f.model, f.batch, b);
            const std::vector<Mismatch> mismatches = compareGradients(b, analytic, numeric);
            QVERIFY2(mismatches.empty(), describe(mismatches).constData());
            if (expectedSilent(spec, alpha, lambda, b))
                QVERIFY2(allZero(analytic), ("gradient of a silenced block: " + blockLabel(b)).constData());
            else // the check is not vacuous: the block really has a gradient
                QVERIFY2(analytic.cwiseAbs().maxCoeff() > 1e-6, ("no gradient in " + blockLabel(b)).constData());
        }
        // Parameters were restored exactly: the objective is unchanged.
        QCOMPARE(f.model.objective(f.batch, nullptr).objective, losses.objective);
    }

    void lossesMatchDocumentedObjective_data() { addModelRows(); }
    void lossesMatchDocumentedObjective()
    {
        QFETCH(QString, model);
        QFETCH(QString, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(std::uint32_t, bprNegatives);
        Fixture f = makeFixture(model, activationFrom(activation), alpha, lambda, bprNegatives);
        const ModelSpec spec = f.model.spec();
        const Batch& batch = f.batch;
        const UserItems& history = f.model.history();

        // Sampling as docs/method.md ("Training") describes it: negatives outside the history, CDAE targets are all
        // positives (label 1) each followed by its negatives (label 0), inputs a subset of the positives.
        for (std::size_t t = 0; t < batch.size(); ++t)
            for (std::uint32_t n = 0; n < batch.negativesPerTuple; ++n)
                QVERIFY(!history.contains(batch.users[t], batch.negatives[t * batch.negativesPerTuple + n]));
        for (std::size_t g = 0; g + 1 < batch.cdaeTargetStart.size(); ++g) {
            const std::uint32_t u = batch.groupUsers[g];
            std::size_t positives = 0;
            for (auto k = batch.cdaeTargetStart[g]; k < batch.cdaeTargetStart[g + 1]; ++k) {
                QCOMPARE(history.contains(u, batch.cdaeTargets[k]), batch.cdaeLabels[k] == 1);
                positives += batch.cdaeLabels[k];
            }
            QCOMPARE(positives, history.of(u).size());
            QCOMPARE(std::size_t(batch.cdaeTargetStart[g + 1] - batch.cdaeTargetStart[g]),
                     positives * (1 + f.model.hyperParams().cdaeNegatives));
            for (auto k = batch.cdaeInputStart[g]; k < batch.cdaeInputStart[g + 1]; ++k)
                QVERIFY(history.contains(u, batch.cdaeInputs[k]));
        }

        const Losses losses = f.model.objective(batch, nullptr);
        const ReferenceLosses reference = referenceLosses(f.model, batch);
        const double B = double(batch.size());
        QCOMPARE(losses.tuples, batch.size());
        QVERIFY2(closeTo(losses.ranking, reference.ranking),
                 (QByteArray::number(losses.ranking, 'g', 17) + " vs " + QByteArray::number(reference.ranking, 'g', 17))
                     .constData());
        QVERIFY2(closeTo(losses.rating, reference.rating),
                 (QByteArray::number(losses.rating, 'g', 17) + " vs " + QByteArray::number(reference.rating, 'g', 17))
                     .constData());
        if (!spec.hasRanker())
            QCOMPARE(losses.ranking, 0.0);
        if (!spec.hasRater())
            QCOMPARE(losses.rating, 0.0);
        const RowSets touched = expectedTouched(f.model, batch);
        QVERIFY(closeTo(losses.regularisation, expectedRegularisation(f.model, touched)));
        if (lambda == 0)
            QCOMPARE(losses.regularisation, 0.0);
        else
            QVERIFY(losses.regularisation > 0);
        // O = alpha * ranking / B + (1 - alpha) * rating / B + regularisation / B.
        const double expected = expectedRankWeight(spec, alpha) * losses.ranking / B +
                                expectedRateWeight(spec, alpha) * losses.rating / B + losses.regularisation / B;
        QVERIFY2(closeTo(losses.objective, expected),
                 (QByteArray::number(losses.objective, 'g', 17) + " vs " + QByteArray::number(expected, 'g', 17))
                     .constData());
        QCOMPARE(double(f.model.rankWeight()), expectedRankWeight(spec, alpha));
        QCOMPARE(double(f.model.rateWeight()), expectedRateWeight(spec, alpha));
    }

    void untouchedRowsHaveZeroGradient_data() { addModelRows(); }
    void untouchedRowsHaveZeroGradient()
    {
        QFETCH(QString, model);
        QFETCH(QString, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(std::uint32_t, bprNegatives);
        Fixture f = makeFixture(model, activationFrom(activation), alpha, lambda, bprNegatives);
        avoidNegative(f.batch, f.model.history(), kOutsideItem);
        SummedGrads<double> grads;
        f.model.objective(f.batch, &grads);
        const RowSets touched = expectedTouched(f.model, f.batch);
        for (const Block b : kAllBlocks) {
            const auto k = std::size_t(blockIndex(b));
            const RowMatrix<double>& g = grads.sums[k];
            QCOMPARE(g.rows(), f.model.params()[b].rows());
            const std::set<std::uint32_t> reported(grads.touched[k].begin(), grads.touched[k].end());
            QVERIFY2(reported == touched[k], ("touched rows of " + blockLabel(b)).constData());
            QCOMPARE(reported.size(), grads.touched[k].size()); // distinct
            for (Eigen::Index r = 0; r < g.rows(); ++r)
                if (!touched[k].count(std::uint32_t(r)))
                    QVERIFY2(allZero(g.row(r)), ("untouched row has a gradient: " + blockLabel(b) + " row " +
                                                 QByteArray::number(qlonglong(r)))
                                                    .constData());
        }
        // The outsider user and item are untouched wherever they have a row.
        QVERIFY(!touched[std::size_t(blockIndex(Block::Users))].count(kOutsideUser));
        QVERIFY(allZero(grads.sums[std::size_t(blockIndex(Block::Users))].row(kOutsideUser)));
        for (const Block b : {Block::Items, Block::Deviation, Block::RankItemBias, Block::CdaeInput,
                              Block::RateItemBias, Block::Implicit})
            if (f.model.params()[b].size() > 0) {
                QVERIFY(!touched[std::size_t(blockIndex(b))].count(kOutsideItem));
                QVERIFY(allZero(grads.sums[std::size_t(blockIndex(b))].row(kOutsideItem)));
            }
        if (f.model.params()[Block::RateUserBias].size() > 0)
            QVERIFY(allZero(grads.sums[std::size_t(blockIndex(Block::RateUserBias))].row(kOutsideUser)));
    }

    void singleTaskModelsIgnoreAlpha_data()
    {
        QTest::addColumn<QString>("model");
        for (const char* name : {"bpr", "cdae", "wrmf", "svd", "svd++"})
            QTest::newRow(name) << QString(name);
    }
    void singleTaskModelsIgnoreAlpha()
    {
        QFETCH(QString, model);
        Fixture low = makeFixture(model, Activation::Tanh, 0.2, 0.01, 2);
        Fixture high = makeFixture(model, Activation::Tanh, 0.95, 0.01, 2);
        SummedGrads<double> gLow, gHigh;
        const Losses lLow = low.model.objective(low.batch, &gLow);
        const Losses lHigh = high.model.objective(high.batch, &gHigh);
        QCOMPARE(lLow.objective, lHigh.objective);
        QCOMPARE(lLow.ranking, lHigh.ranking);
        QCOMPARE(lLow.rating, lHigh.rating);
        for (int b = 0; b < kBlockCount; ++b)
            QVERIFY2(gLow.sums[std::size_t(b)] == gHigh.sums[std::size_t(b)],
                     blockLabel(static_cast<Block>(b)).constData());
        const bool ranker = low.model.spec().hasRanker();
        QCOMPARE(double(low.model.rankWeight()), ranker ? 1.0 : 0.0);
        QCOMPARE(double(low.model.rateWeight()), ranker ? 0.0 : 1.0);
        const double B = double(low.batch.size());
        QVERIFY(closeTo(lLow.objective, (lLow.ranking + lLow.rating + lLow.regularisation) / B));
    }

    void extremeAlphaSilencesOneTask_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("lambda");
        for (const char* coupling : {"vanilla:", "rnr:", "deviation-only:", "fc-only:"})
            for (const char* r : {"bpr", "cdae", "wrmf"})
                for (const char* p : {"svd", "svd++"})
                    for (const double alpha : {0.0, 1.0})
                        for (const double lambda : {0.0, 0.01}) {
                            const QString name = QString(coupling) + r + "+" + p;
                            const QByteArray label =
                                (name + "/alpha-" + QString::number(alpha) + "/lambda-" + QString::number(lambda))
                                    .toUtf8();
                            QTest::newRow(label.constData()) << name << alpha << lambda;
                        }
    }
    void extremeAlphaSilencesOneTask()
    {
        QFETCH(QString, model);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        Fixture f = makeFixture(model, Activation::Tanh, alpha, lambda, 2);
        SummedGrads<double> grads;
        const Losses losses = f.model.objective(f.batch, &grads);
        std::vector<Block> silent, active;
        if (alpha == 1.0) {
            silent = {Block::RateUserBias, Block::RateItemBias};
            if (lambda == 0)
                silent.insert(silent.end(), {Block::Implicit, Block::Deviation, Block::FcWeight, Block::FcBias});
            active = {Block::Users, Block::Items, Block::RankItemBias, Block::CdaeInput, Block::CdaeHiddenBias};
        } else {
            silent = {Block::RankItemBias, Block::CdaeHiddenBias};
            if (lambda == 0)
                silent.push_back(Block::CdaeInput);
            active = {Block::Users,    Block::Items,     Block::RateUserBias, Block::RateItemBias,
                      Block::Implicit, Block::Deviation, Block::FcWeight,     Block::FcBias};
        }
        for (const Block b : silent)
            QVERIFY2(allZero(grads.sums[std::size_t(blockIndex(b))]), ("not silent: " + blockLabel(b)).constData());
        for (const Block b : active)
            if (f.model.params()[b].size() > 0)
                QVERIFY2(grads.sums[std::size_t(blockIndex(b))].cwiseAbs().maxCoeff() > 1e-6,
                         ("no gradient: " + blockLabel(b)).constData());
        const double B = double(f.batch.size());
        const double data = alpha == 1.0 ? losses.ranking : losses.rating;
        QVERIFY(closeTo(losses.objective, (data + losses.regularisation) / B));
        QVERIFY(losses.ranking > 0 && losses.rating > 0); // both are still reported
    }

    void uncertaintyWeightingMatchesFiniteDifferences_data()
    {
        addColumns();
        addRow("vanilla:bpr+svd", "tanh", 0.7, 0.01, 3);
        addRow("rnr:cdae+svd++", "tanh", 0.7, 0.01, 1);
        addRow("mmoe:wrmf+svd", "relu", 0.7, 0.01, 1);
        addRow("ple:bpr+svd++", "tanh", 0.7, 0.0, 1, "lambda-0");
        addRow("cross-stitch:bpr+svd", "tanh", 0.7, 0.01, 1);
    }
    void uncertaintyWeightingMatchesFiniteDifferences()
    {
        // docs/method.md, "Loss balancing": O = exp(-s_R) sum L_R / B + exp(-s_P) sum L_P / B + reg / B + s_R + s_P,
        // alpha not read; the log-variances are parameters like any other.
        QFETCH(QString, model);
        QFETCH(QString, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(std::uint32_t, bprNegatives);
        Fixture f =
            makeFixture(model, activationFrom(activation), alpha, lambda, bprNegatives, 3, Balance::Uncertainty);
        QVERIFY(clearOfKinks(f.model));
        const RowMatrix<double>& s = f.model.params()[Block::TaskLogVariance];
        QCOMPARE(s.rows(), 1);
        QCOMPARE(s.cols(), 2);
        QVERIFY(s(0, 0) != 0 && s(0, 1) != s(0, 0)); // randomised away from the initial zeros
        QCOMPARE(double(f.model.rankWeight()), std::exp(-s(0, 0)));
        QCOMPARE(double(f.model.rateWeight()), std::exp(-s(0, 1)));

        SummedGrads<double> grads;
        const Losses losses = f.model.objective(f.batch, &grads);
        const double B = double(f.batch.size());
        const double expected = std::exp(-s(0, 0)) * losses.ranking / B + std::exp(-s(0, 1)) * losses.rating / B +
                                losses.regularisation / B + s(0, 0) + s(0, 1);
        QVERIFY2(closeTo(losses.objective, expected),
                 (QByteArray::number(losses.objective, 'g', 17) + " vs " + QByteArray::number(expected, 'g', 17))
                     .constData());
        std::set<Block> expectedPresent = expectedBlocks(f.model.spec());
        expectedPresent.insert(Block::TaskLogVariance);
        for (const Block b : kAllBlocks) {
            QCOMPARE(f.model.params()[b].size() > 0, expectedPresent.count(b) == 1);
            if (f.model.params()[b].size() == 0)
                continue;
            const RowMatrix<double>& analytic = grads.sums[std::size_t(blockIndex(b))];
            const RowMatrix<double> numeric = numericGradient(f.model, f.batch, b);
            const std::vector<Mismatch> mismatches = compareGradients(b, analytic, numeric);
            QVERIFY2(mismatches.empty(), describe(mismatches).constData());
            QVERIFY2(analytic.cwiseAbs().maxCoeff() > 1e-6, ("no gradient in " + blockLabel(b)).constData());
        }
        // By hand: d/ds_t = 1 - exp(-s_t) L_t / B.
        const RowMatrix<double>& gs = grads.sums[std::size_t(blockIndex(Block::TaskLogVariance))];
        QVERIFY(closeTo(gs(0, 0), 1 - std::exp(-s(0, 0)) * losses.ranking / B));
        QVERIFY(closeTo(gs(0, 1), 1 - std::exp(-s(0, 1)) * losses.rating / B));
        // Fixed weights have no such block; the single-task models never get one.
        QCOMPARE(makeFixture(model, activationFrom(activation), alpha, lambda, bprNegatives)
                     .model.params()[Block::TaskLogVariance]
                     .size(),
                 0);
        QCOMPARE(makeFixture("bpr", Activation::Tanh, alpha, lambda, 1, 3, Balance::Uncertainty)
                     .model.params()[Block::TaskLogVariance]
                     .size(),
                 0);
    }

    void twoLevelPleMatchesFiniteDifferences_data()
    {
        addColumns();
        addRow("ple:bpr+svd", "tanh", 0.7, 0.01, 3);
        addRow("ple:cdae+svd++", "relu", 0.7, 0.01, 1, "relu");
        addRow("ple:wrmf+svd", "sigmoid", 0.7, 0.01, 1, "sigmoid");
        addRow("ple:bpr+svd++", "identity", 0.7, 0.0, 1, "identity-lambda-0");
        addRow("ple:cdae+svd", "tanh", 1.0, 0.0, 1, "alpha-1-lambda-0");
    }
    void twoLevelPleMatchesFiniteDifferences()
    {
        // docs/method.md, "Couplings": a first level of E = S + 2 O experts on v with both tasks' gates and a
        // shared gate over all E, a second level of E experts on its mixtures, task gates on the task's mixture.
        QFETCH(QString, model);
        QFETCH(QString, activation);
        QFETCH(double, alpha);
        QFETCH(double, lambda);
        QFETCH(std::uint32_t, bprNegatives);
        Fixture f = makeFixture(model, activationFrom(activation), alpha, lambda, bprNegatives, 3, Balance::Fixed, 2);
        QVERIFY(clearOfKinks(f.model));
        const Params<double>& p = f.model.params();
        const Eigen::Index E = kSharedExperts + 2 * kTaskExperts, G = kSharedExperts + kTaskExperts, d = kDim;
        QCOMPARE(p[Block::ExpertWeight].rows(), 2 * E * d);
        QCOMPARE(p[Block::ExpertBias].rows(), 2 * E);
        QCOMPARE(p[Block::GateWeight].rows(), 4 * G);
        QCOMPARE(p[Block::GateBias].rows(), 4);
        QCOMPARE(p[Block::GateBias].cols(), G);
        QCOMPARE(p[Block::SharedGateWeight].rows(), E);
        QCOMPARE(p[Block::SharedGateWeight].cols(), d);
        QCOMPARE(p[Block::SharedGateBias].rows(), 1);
        QCOMPARE(p[Block::SharedGateBias].cols(), E);

        // The losses against the two-level mixture written out; lambda covers the shared gate's weights too.
        SummedGrads<double> grads;
        const Losses losses = f.model.objective(f.batch, &grads);
        const ReferenceLosses reference = referenceLosses(f.model, f.batch);
        QVERIFY(closeTo(losses.ranking, reference.ranking));
        QVERIFY(closeTo(losses.rating, reference.rating));
        RowSets touched = expectedTouched(f.model, f.batch);
        for (const Block b : {Block::SharedGateWeight, Block::SharedGateBias})
            for (std::uint32_t r = 0; r < std::uint32_t(p[b].rows()); ++r)
                touched[std::size_t(blockIndex(b))].insert(r);
        QVERIFY(closeTo(losses.regularisation,
                        expectedRegularisation(f.model, touched) + lambda * p[Block::SharedGateWeight].squaredNorm()));

        std::set<Block> expectedPresent = expectedBlocks(f.model.spec());
        expectedPresent.insert({Block::SharedGateWeight, Block::SharedGateBias});
        for (const Block b : kAllBlocks) {
            QCOMPARE(p[b].size() > 0, expectedPresent.count(b) == 1);
            const auto k = std::size_t(blockIndex(b));
            QVERIFY2(std::set<std::uint32_t>(grads.touched[k].begin(), grads.touched[k].end()) == touched[k],
                     ("touched rows of " + blockLabel(b)).constData());
            if (p[b].size() == 0)
                continue;
            const RowMatrix<double>& analytic = grads.sums[k];
            const std::vector<Mismatch> mismatches =
                compareGradients(b, analytic, numericGradient(f.model, f.batch, b));
            QVERIFY2(mismatches.empty(), describe(mismatches).constData());
            if (!expectedSilent(f.model.spec(), alpha, lambda, b))
                QVERIFY2(analytic.cwiseAbs().maxCoeff() > 1e-6, ("no gradient in " + blockLabel(b)).constData());
        }
        if (alpha == 1.0) {
            // The ranking task alone (no penalty either): the rating task's own second-level expert and gate get
            // nothing, but its own first-level expert still serves the ranking task through the shared gate.
            const RowMatrix<double>& dW = grads.sums[std::size_t(blockIndex(Block::ExpertWeight))];
            const Eigen::Index ratingOwn = kSharedExperts + kTaskExperts; // the rating task's first own expert
            QVERIFY(allZero(dW.middleRows((E + ratingOwn) * d, d)));
            QVERIFY(dW.middleRows(ratingOwn * d, d).cwiseAbs().maxCoeff() > 1e-6);
            const RowMatrix<double>& dGate = grads.sums[std::size_t(blockIndex(Block::GateWeight))];
            QVERIFY(allZero(dGate.middleRows(3 * G, G)));               // the rating task's second-level gate
            QVERIFY(dGate.middleRows(G, G).cwiseAbs().maxCoeff() == 0); // its first-level gate feeds only its own
        }
        // MMoE has one level whatever the setting.
        const Fixture mmoe = makeFixture("mmoe:bpr+svd", Activation::Tanh, 0.7, 0.01, 1, 3, Balance::Fixed, 2);
        QCOMPARE(mmoe.model.params()[Block::SharedGateWeight].size(), 0);
        QCOMPARE(mmoe.model.params()[Block::GateBias].rows(), 2);
    }

    void comparisonFlagsAWrongGradient()
    {
        // The comparison alone: relative 1e-4 with an absolute floor of 1e-6.
        QVERIFY(agrees(1.0, 1.0 + 5e-5));
        QVERIFY(!agrees(1.0, 1.0 + 2e-4));
        QVERIFY(agrees(0.0, 5e-7));
        QVERIFY(!agrees(0.0, 5e-6));
        QVERIFY(!agrees(0.3, -0.3));
        QVERIFY(!compareGradients(Block::Users, RowMatrix<double>::Zero(2, 3), RowMatrix<double>::Zero(3, 2)).empty());

        // A correct analytic gradient passes; one entry off by 0.1% is flagged, and only it.
        Fixture f = makeFixture("rnr:bpr+svd++", Activation::Tanh, 0.7, 0.01, 3);
        SummedGrads<double> grads;
        f.model.objective(f.batch, &grads);
        for (const Block b : {Block::FcWeight, Block::Items, Block::Implicit}) {
            RowMatrix<double> analytic = grads.sums[std::size_t(blockIndex(b))];
            const RowMatrix<double> numeric = numericGradient(f.model, f.batch, b);
            QVERIFY(compareGradients(b, analytic, numeric).empty());
            Eigen::Index row = 0, col = 0;
            analytic.cwiseAbs().maxCoeff(&row, &col);
            analytic(row, col) *= 1.001;
            std::vector<Mismatch> flagged = compareGradients(b, analytic, numeric);
            QCOMPARE(flagged.size(), std::size_t(1));
            QCOMPARE(flagged[0].row, row);
            QCOMPARE(flagged[0].col, col);
            // A dropped contribution (a zeroed row, as a lost gradient would give) is flagged too.
            analytic = grads.sums[std::size_t(blockIndex(b))];
            analytic.row(row).setZero();
            flagged = compareGradients(b, analytic, numeric);
            QVERIFY(!flagged.empty());
            QVERIFY(std::all_of(flagged.begin(), flagged.end(), [row](const Mismatch& m) { return m.row == row; }));
        }

        // A gradient taken at other parameters (a stale or wrong analytic value) fails the check.
        f.model.params()[Block::FcBias](0, 1) += 0.05;
        const RowMatrix<double> moved = numericGradient(f.model, f.batch, Block::FcWeight);
        QVERIFY(
            !compareGradients(Block::FcWeight, grads.sums[std::size_t(blockIndex(Block::FcWeight))], moved).empty());
    }
};

QTEST_APPLESS_MAIN(TestGradients)
#include "tst_gradients.moc"
