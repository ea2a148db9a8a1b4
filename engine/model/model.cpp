#include "model/model.h"

#include "core/detail/rng.h"
#include "core/errors.h"
#include "model/detail/components.h"
#include "model/detail/likehead.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace rnr {

namespace {

void sortUnique(std::vector<std::uint32_t>& ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

std::vector<std::uint32_t> allIds(std::uint32_t count)
{
    std::vector<std::uint32_t> ids(count);
    std::iota(ids.begin(), ids.end(), 0u);
    return ids;
}

/// R's data terms when the design maps the ranking task's vectors too (MMoE, PLE): the rows R
/// reads are mapped once per chunk, R runs on them, and its gradients on them go back through the
/// mapping to U, I and the design's blocks.
template <typename T>
double mappedRanking(const RankingComponent<T>& ranking, const CouplingComponent<T>& coupling, ChunkContext<T>& ctx)
{
    std::vector<std::uint32_t> users, items;
    ranking.touchedRows(ctx.batch, ctx.range, users, items);
    sortUnique(users);
    sortUnique(items);
    MapCache<T> userCache, itemCache;
    RowMatrix<T> X, Y;
    coupling.mapForward(ctx.params, Task::Ranking, Side::Users, users, userCache, X);
    coupling.mapForward(ctx.params, Task::Ranking, Side::Items, items, itemCache, Y);
    RowGrads<T> local;
    ChunkContext<T> inner{ctx.params,
                          ctx.batch,
                          ctx.range,
                          ctx.hp,
                          ctx.history,
                          ctx.rankScale,
                          ctx.rateScale,
                          local,
                          RowSource<T>{&X, &users},
                          RowSource<T>{&Y, &items}};
    const double loss = ranking.accumulate(inner);
    RowMatrix<T> dX = RowMatrix<T>::Zero(X.rows(), X.cols()), dY = RowMatrix<T>::Zero(Y.rows(), Y.cols());
    for (int b = 0; b < kBlockCount; ++b) {
        const auto& entries = local.blocks[std::size_t(b)];
        const auto block = static_cast<Block>(b);
        for (std::size_t k = 0; k < entries.rows.size(); ++k) {
            const Eigen::Map<const Vector<T>> value(entries.values.data() + k * std::size_t(entries.cols),
                                                    entries.cols);
            if (block == Block::Users)
                dX.row(inner.users.position(entries.rows[k])) += value.transpose();
            else if (block == Block::Items)
                dY.row(inner.items.position(entries.rows[k])) += value.transpose();
            else // R's own blocks (biases, CDAE's W_in) as they are
                ctx.grads.add(block, entries.rows[k], entries.cols) = value;
        }
    }
    coupling.mapBackward(ctx, Task::Ranking, Side::Users, users, userCache, dX);
    coupling.mapBackward(ctx, Task::Ranking, Side::Items, items, itemCache, dY);
    return loss;
}

} // namespace

template <typename T>
ModelT<T>::ModelT(const ModelSpec& spec, const HyperParams& hp, std::uint32_t users, std::uint32_t items,
                  UserItems history, double meanRating)
    : m_spec(spec), m_hp(hp), m_users(users), m_items(items), m_history(std::move(history))
{
    if (spec.ranker == Ranker::None && spec.rater == Rater::None)
        throw UsageError("a model needs a ranking or a rating component");
    if (spec.isCascade()) {
        if (!spec.hasRanker() || spec.hasRater())
            throw UsageError("a cascade needs a learnt ranking component as its choice head and no rating component");
        if (!std::isfinite(hp.likeThreshold))
            throw UsageError("a cascade needs its like threshold resolved against the data's rating scale");
    } else if (spec.coupling != Coupling::Single && (!spec.hasRanker() || !spec.hasRater())) {
        throw UsageError("multi-task models need both a ranking and a rating component");
    }
    if (m_history.userCount() != users || m_history.itemCount != items)
        throw UsageError("the training history does not match the model's users and items");
    m_ranking = makeRanking<T>(spec.ranker);
    m_rating = makeRating<T>(spec.rater);
    if (m_rating)
        m_coupling = makeCoupling<T>(spec.coupling, hp);
    if (spec.isCascade())
        m_like = std::make_unique<LikeHead<T>>(hp.activation, spec.coupling == Coupling::Pairwise, hp.likeThreshold);
    if (spec.learns()) {
        m_params[Block::Users] = RowMatrix<T>::Zero(users, hp.dim);
        m_params[Block::Items] = RowMatrix<T>::Zero(items, hp.dim);
    }
    if (m_ranking)
        m_ranking->allocate(m_params, users, items, hp.dim);
    if (m_rating) {
        m_rating->allocate(m_params, users, items, hp.dim);
        m_coupling->allocate(m_params, users, items, hp.dim);
    }
    if (m_like)
        m_like->allocate(m_params, items, hp.dim);
    if (spec.coupling != Coupling::Single && hp.balance == Balance::Uncertainty)
        m_params[Block::TaskLogVariance] = RowMatrix<T>::Zero(1, 2); // s = 0: both weights 1 at first
    m_params.mu = static_cast<T>(meanRating);
}

template <typename T> ModelT<T>::~ModelT() = default;
template <typename T> ModelT<T>::ModelT(ModelT&&) noexcept = default;
template <typename T> ModelT<T>& ModelT<T>::operator=(ModelT&&) noexcept = default;

template <typename T> T ModelT<T>::rankWeight() const
{
    if (m_spec.coupling == Coupling::Single)
        return m_ranking ? T(1) : T(0);
    if (learnsVariances())
        return std::exp(-m_params[Block::TaskLogVariance](0, 0));
    return static_cast<T>(m_hp.alpha);
}

template <typename T> T ModelT<T>::rateWeight() const
{
    if (m_spec.coupling == Coupling::Single)
        return m_rating ? T(1) : T(0);
    if (learnsVariances())
        return std::exp(-m_params[Block::TaskLogVariance](0, 1));
    return static_cast<T>(1.0 - m_hp.alpha);
}

template <typename T> bool ModelT<T>::learnsVariances() const
{
    return m_params[Block::TaskLogVariance].size() > 0;
}

template <typename T> void ModelT<T>::initialise(Rng& rng)
{
    for (Block b : {Block::Users, Block::Items})
        if (m_params[b].size() > 0)
            xavier(m_params[b], rng);
    if (m_ranking)
        m_ranking->initialise(m_params, rng);
    if (m_rating) {
        m_rating->initialise(m_params, rng);
        m_coupling->initialise(m_params, rng);
    }
    if (m_like)
        m_like->initialise(m_params, rng);
}

template <typename T> bool ModelT<T>::groupsByUser() const
{
    return (m_ranking && m_ranking->groupsByUser()) || (m_rating && m_rating->groupsByUser()) ||
           (m_like && m_like->groupsByUser());
}

template <typename T> void ModelT<T>::sample(Batch& batch, Rng& rng) const
{
    if (m_ranking)
        m_ranking->sample(batch, rng, m_history, m_hp);
    if (m_like) {
        m_like->reserveSamples(batch, m_hp);
        m_like->sampleRange(batch, BatchRange{0, batch.size(), 0, batch.groups()}, rng, m_history);
    }
}

template <typename T> bool ModelT<T>::samplesByRange() const
{
    return m_ranking && m_ranking->samplesByRange();
}

template <typename T> void ModelT<T>::reserveSamples(Batch& batch) const
{
    if (m_ranking)
        m_ranking->reserveSamples(batch, m_hp);
    if (m_like)
        m_like->reserveSamples(batch, m_hp);
}

template <typename T> void ModelT<T>::sampleRange(Batch& batch, const BatchRange& range, Rng& rng) const
{
    if (m_ranking)
        m_ranking->sampleRange(batch, range, rng, m_history);
    if (m_like)
        m_like->sampleRange(batch, range, rng, m_history);
}

template <typename T>
Losses ModelT<T>::accumulate(const Batch& batch, const BatchRange& range, std::size_t batchSize,
                             RowGrads<T>& grads) const
{
    Losses losses = accumulateWeighted(batch, range, batchSize, grads, rankWeight(), rateWeight(), true, true);
    if (learnsVariances()) {
        // Uncertainty weighting (docs/method.md, "Loss balancing"): O gains s_R + s_P per batch, shared out
        // over its chunks by their tuples; d/ds_t of exp(-s_t) L_t + s_t is -exp(-s_t) L_t + 1.
        const double share = double(losses.tuples) / double(std::max<std::size_t>(batchSize, 1));
        const auto s = m_params[Block::TaskLogVariance].row(0);
        const double perTuple = 1.0 / double(std::max<std::size_t>(batchSize, 1));
        auto g = grads.add(Block::TaskLogVariance, 0, 2);
        g(0) = static_cast<T>(-double(rankWeight()) * losses.ranking * perTuple + share);
        g(1) = static_cast<T>(-double(rateWeight()) * losses.rating * perTuple + share);
        losses.objective += double(s(0) + s(1)) * share;
    }
    return losses;
}

template <typename T>
Losses ModelT<T>::accumulate(const Batch& batch, const BatchRange& range, std::size_t batchSize, RowGrads<T>& grads,
                             T rankWeight, T rateWeight) const
{
    return accumulateWeighted(batch, range, batchSize, grads, rankWeight, rateWeight, true, true);
}

template <typename T>
Losses ModelT<T>::accumulateTask(const Batch& batch, const BatchRange& range, std::size_t batchSize, RowGrads<T>& grads,
                                 int task) const
{
    return accumulateWeighted(batch, range, batchSize, grads, T(1), T(1), task == 0, task == 1);
}

template <typename T>
Losses ModelT<T>::accumulateWeighted(const Batch& batch, const BatchRange& range, std::size_t batchSize,
                                     RowGrads<T>& grads, T rankW, T rateW, bool ranking, bool rating) const
{
    const T scale = T(1) / static_cast<T>(std::max<std::size_t>(batchSize, 1));
    ChunkContext<T> ctx{m_params,
                        batch,
                        range,
                        m_hp,
                        m_history,
                        rankW * scale,
                        rateW * scale,
                        grads,
                        RowSource<T>{&m_params[Block::Users], nullptr},
                        RowSource<T>{&m_params[Block::Items], nullptr}};
    Losses losses;
    losses.tuples = range.tupleEnd - range.tupleBegin;
    if (ranking && m_ranking && m_ranking->trainable())
        losses.ranking = m_coupling && m_coupling->mapsRanking() ? mappedRanking(*m_ranking, *m_coupling, ctx)
                                                                 : m_ranking->accumulate(ctx);
    if (rating && m_rating) {
        CouplingCache<T> cache;
        RowMatrix<T> X, Y;
        m_coupling->forward(ctx, cache, X, Y);
        RowMatrix<T> dX = RowMatrix<T>::Zero(X.rows(), X.cols());
        RowMatrix<T> dY = RowMatrix<T>::Zero(Y.rows(), Y.cols());
        losses.rating = m_rating->accumulate(ctx, X, Y, dX, dY);
        m_coupling->backward(ctx, cache, X, Y, dX, dY);
    }
    if (rating && m_like)
        losses.rating = m_like->accumulate(ctx, *m_ranking);
    losses.objective = (double(rankW) * losses.ranking + double(rateW) * losses.rating) * double(scale);
    return losses;
}

template <typename T> std::vector<double> ModelT<T>::meanGates(int task, bool items) const
{
    if (!m_coupling)
        return {};
    return m_coupling->meanGates(m_params, task == 0 ? Task::Ranking : Task::Rating, items ? Side::Items : Side::Users);
}

template <typename T> double ModelT<T>::regularise(SummedGrads<T>& grads, std::size_t batchSize) const
{
    double penalty = 0;
    for (int b = 0; b < kBlockCount; ++b)
        penalty += regulariseBlock(grads, b, batchSize);
    return penalty;
}

template <typename T> double ModelT<T>::regulariseBlock(SummedGrads<T>& grads, int b, std::size_t batchSize) const
{
    if (!isRegularised(static_cast<Block>(b)))
        return 0.0;
    const T lambda = static_cast<T>(m_hp.lambda);
    const T scale = T(2) * lambda / static_cast<T>(std::max<std::size_t>(batchSize, 1));
    const RowMatrix<T>& theta = m_params.blocks[b];
    double penalty = 0;
    for (const std::uint32_t row : grads.touched[b]) {
        penalty += double(theta.row(row).squaredNorm());
        grads.sums[b].row(row) += scale * theta.row(row);
    }
    return double(lambda) * penalty;
}

template <typename T> Losses ModelT<T>::objective(const Batch& batch, SummedGrads<T>* out) const
{
    RowGrads<T> rows;
    BatchRange all{0, batch.size(), 0, batch.groups()};
    Losses losses = accumulate(batch, all, batch.size(), rows);
    SummedGrads<T> local;
    SummedGrads<T>& grads = out ? *out : local;
    grads.resizeLike(m_params);
    grads.add(rows);
    losses.regularisation = regularise(grads, batch.size());
    losses.objective += losses.regularisation / double(std::max<std::size_t>(batch.size(), 1));
    return losses;
}

template <typename T> void ModelT<T>::rankingScores(const std::vector<std::uint32_t>& users, RowMatrix<T>& scores) const
{
    if (m_ranking && m_coupling && m_coupling->mapsRanking()) {
        std::vector<std::uint32_t> ids = users;
        sortUnique(ids);
        MapCache<T> cache;
        RowMatrix<T> X, Y;
        m_coupling->mapForward(m_params, Task::Ranking, Side::Users, ids, cache, X);
        m_coupling->mapForward(m_params, Task::Ranking, Side::Items, allIds(m_items), cache, Y);
        m_ranking->scores(m_params, m_history, users, RowSource<T>{&X, &ids}, RowSource<T>{&Y, nullptr}, scores);
        return;
    }
    if (m_ranking) {
        m_ranking->scores(m_params, m_history, users, RowSource<T>{&m_params[Block::Users], nullptr},
                          RowSource<T>{&m_params[Block::Items], nullptr}, scores);
        return;
    }
    const RowMatrix<T> X = m_coupling->userVectors(m_params, users);
    const RowMatrix<T> Y = m_coupling->itemVectors(m_params);
    m_rating->predictAll(m_params, m_history, users, X, Y, scores);
}

template <typename T> void ModelT<T>::likeScores(const std::vector<std::uint32_t>& users, RowMatrix<T>& scores) const
{
    likeScores(users, likeItemTower(), scores);
}

template <typename T>
void ModelT<T>::likeScores(const std::vector<std::uint32_t>& users, const RowMatrix<T>& itemTower,
                           RowMatrix<T>& scores) const
{
    if (!m_like)
        throw UsageError("only a cascade has a like head");
    RowMatrix<T> t;
    m_like->likeLogits(m_params, users, itemTower, t);
    scores = scores.binaryExpr(t, [](T s, T l) { return logSigmoid(s) + logSigmoid(l); });
}

template <typename T> RowMatrix<T> ModelT<T>::likeItemTower() const
{
    if (!m_like)
        throw UsageError("only a cascade has a like head");
    return m_like->vectors(m_params, m_params[Block::Items]);
}

template <typename T>
std::vector<T> ModelT<T>::likeGivenChoice(const std::vector<std::uint32_t>& users,
                                          const std::vector<std::uint32_t>& items) const
{
    if (!m_like)
        return std::vector<T>(users.size(), std::numeric_limits<T>::quiet_NaN());
    std::vector<T> out = m_like->pairLogits(m_params, users, items);
    for (T& t : out)
        t = std::exp(logSigmoid(t));
    return out;
}

template <typename T> T ModelT<T>::predictRating(std::uint32_t user, std::uint32_t item) const
{
    return predictRatings({user}, {item}).front();
}

template <typename T>
std::vector<T> ModelT<T>::predictRatings(const std::vector<std::uint32_t>& users,
                                         const std::vector<std::uint32_t>& items) const
{
    if (!m_rating)
        return std::vector<T>(users.size(), std::numeric_limits<T>::quiet_NaN());
    const RowMatrix<T> X = m_coupling->userVectors(m_params, users);
    const RowMatrix<T> Y = m_coupling->itemVectors(m_params);
    return m_rating->predictPairs(m_params, m_history, users, items, X, Y);
}

template <typename T> RowMatrix<T> ModelT<T>::ratingUserVectors() const
{
    if (m_like)
        return m_like->vectors(m_params, m_params[Block::Users]);
    if (!m_rating)
        return {};
    std::vector<std::uint32_t> users(m_users);
    for (std::uint32_t u = 0; u < m_users; ++u)
        users[u] = u;
    return m_coupling->userVectors(m_params, users);
}

template <typename T> RowMatrix<T> ModelT<T>::ratingItemVectors() const
{
    if (m_like)
        return m_like->vectors(m_params, m_params[Block::Items]);
    return m_rating ? m_coupling->itemVectors(m_params) : RowMatrix<T>{};
}

template <typename T> RowMatrix<T> ModelT<T>::rankingItemVectors() const
{
    if (!m_coupling || !m_coupling->mapsRanking())
        return m_params[Block::Items];
    MapCache<T> cache;
    RowMatrix<T> out;
    m_coupling->mapForward(m_params, Task::Ranking, Side::Items, allIds(m_items), cache, out);
    return out;
}

template class ModelT<float>;
template class ModelT<double>;

} // namespace rnr
