#include "train/trainer.h"

#include "core/detail/parallel.h"
#include "core/detail/rng.h"
#include "core/errors.h"
#include "eval/like.h"
#include "train/balance.h"
#include "train/detail/optimizer.h"
#include "train/detail/rowsums.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <sstream>

namespace rnr {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kChunkTuples = 64;      ///< tuples per parallel work item (fixed: determinism)
constexpr std::size_t kInterplayBatches = 16; ///< batches per epoch whose task gradients are compared

double meanRating(const std::vector<Interaction>& rows)
{
    double sum = 0;
    for (const auto& x : rows)
        sum += x.rating;
    return rows.empty() ? 0.0 : sum / double(rows.size());
}

std::vector<Interaction> subsample(std::vector<Interaction> rows, std::uint32_t limit, std::uint64_t seed)
{
    if (limit == 0 || rows.size() <= limit)
        return rows;
    Rng rng(seed ^ 0x5bd1e995ULL);
    rng.shuffle(std::span(rows));
    rows.resize(limit);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.user < b.user; });
    return rows;
}

} // namespace

struct Trainer::State
{
    HyperParams hp;
    RatingScale scale;
    /// A training tuple as the batches read it: half an Interaction's bytes (12 of 24), which is
    /// 240 MB less for 20 million ratings.
    struct Tuple
    {
        std::uint32_t user, item;
        float rating;
    };
    std::vector<Tuple> train;
    std::vector<Interaction> validation, testSet;
    std::vector<std::uint32_t> tuplesByUserStart, tuplesByUser; ///< CSR: user -> indices into train
    Model model;
    OptimizerState optimizer;
    std::function<void(const BatchProgress&)> progress;

    // Epoch in progress.
    std::uint32_t epoch = 0; ///< epochs finished
    bool inEpoch = false;
    std::vector<std::uint32_t> order; ///< tuple indices, or users when grouping by user
    std::size_t position = 0;
    Rng rng;
    Losses epochLosses;
    Losses sinceReport; ///< losses of the batches since the last progress report
    Clock::time_point epochStart, lastReport;
    std::size_t batches = 0;

    // Reused buffers.
    Batch batch;
    std::vector<BatchRange> chunks;
    std::vector<RowGrads<float>> chunkGrads;
    std::vector<Losses> chunkLosses;
    SummedGrads<float> summed; ///< balancing rules that see each task's gradient (perTask) only
    RowSums rowSums;           ///< every other step's gradient sums
    std::vector<double> partPenalty;
    std::vector<int> activeBlocks; ///< blocks the model has

    // Task interplay (multi-task models): each task's own gradient on a sample of the batches.
    bool multiTask = false;
    std::size_t interplayEvery = 1; ///< every this many batches of an epoch
    InterplayMeter interplay;
    std::array<SummedGrads<float>, 2> taskSums;  ///< all blocks with perTask, else U and I only
    std::vector<RowGrads<float>> taskChunkGrads; ///< the rating task's chunks (the ranking task's: chunkGrads)
    std::vector<Losses> taskChunkLosses;

    // Loss balancing kept by the trainer (train/balance.h).
    Balance balance = Balance::Fixed;
    bool perTask = false; ///< every batch computes each task's gradient on its own (GradNorm, PCGrad)
    GradNorm gradNorm;
    TaskWeights scheduled{0.5, 0.5};                    ///< DWA's weights for the epoch in progress
    std::vector<std::array<double, 2>> taskLossHistory; ///< each finished epoch's mean task losses
    double weightSum[2] = {0, 0};                       ///< the weights in force, summed over the epoch's batches
    double epochObjective = 0, recentObjective = 0;     ///< each batch's objective times its tuples, summed

    static std::vector<Tuple> tuplesOf(const std::vector<Interaction>& rows)
    {
        std::vector<Tuple> out;
        out.reserve(rows.size());
        for (const Interaction& x : rows)
            out.push_back(Tuple{x.user, x.item, x.rating});
        return out;
    }

    State(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& params)
        : hp(params), scale(data.scale), train(tuplesOf(split.train)),
          validation(subsample(split.validation, params.validationUsers, params.seed)), testSet(split.test),
          model(spec, spec.isCascade() ? resolvedLikeThreshold(params, data.scale) : params, split.userCount,
                split.itemCount, buildUserItems(split.train, split.userCount, split.itemCount),
                meanRating(split.train)),
          optimizer(params.optimizer, params.learningRate, model.params()), rng(params.seed),
          gradNorm(params.gradnormAsymmetry, params.learningRate)
    {
        Rng init(params.seed);
        model.initialise(init);
        tuplesByUserStart.assign(split.userCount + 1, 0);
        for (const auto& x : train)
            ++tuplesByUserStart[x.user + 1];
        std::partial_sum(tuplesByUserStart.begin(), tuplesByUserStart.end(), tuplesByUserStart.begin());
        tuplesByUser.resize(train.size());
        std::vector<std::uint32_t> fill(tuplesByUserStart.begin(), tuplesByUserStart.end() - 1);
        for (std::uint32_t t = 0; t < train.size(); ++t)
            tuplesByUser[fill[train[t].user]++] = t;
        multiTask = spec.coupling != Coupling::Single;
        if (multiTask) {
            balance = params.balance;
            perTask = findBalance(balance).perTaskGradients;
            if (perTask)
                summed.resizeLike(model.params());
            for (SummedGrads<float>& sums : taskSums) {
                sums.resizeLike(model.params());
                for (int b = 0; b < kBlockCount && !perTask; ++b) // only U and I are compared: no room for the rest
                    if (b != static_cast<int>(Block::Users) && b != static_cast<int>(Block::Items)) {
                        sums.sums[std::size_t(b)] = RowMatrix<float>();
                        sums.marked[std::size_t(b)].clear();
                    }
            }
            const std::size_t perEpoch =
                (train.size() + params.batchSize - 1) / std::max<std::size_t>(params.batchSize, 1);
            interplayEvery = std::max<std::size_t>(1, perEpoch / kInterplayBatches);
        }
        for (int b = 0; b < kBlockCount; ++b)
            if (model.params().blocks[b].size() > 0)
                activeBlocks.push_back(b);
        rowSums.plan(model.params(), activeBlocks);
        partPenalty.assign(rowSums.parts(), 0.0);
    }

    void startEpoch()
    {
        rng.reseed(hp.seed * 0x9e3779b97f4a7c15ULL + epoch + 1);
        order.clear();
        if (model.groupsByUser()) {
            for (std::uint32_t u = 0; u + 1 < tuplesByUserStart.size(); ++u)
                if (tuplesByUserStart[u + 1] > tuplesByUserStart[u])
                    order.push_back(u);
        } else {
            order.resize(train.size());
            std::iota(order.begin(), order.end(), 0u);
        }
        rng.shuffle(std::span(order));
        position = 0;
        epochLosses = Losses{};
        sinceReport = Losses{};
        batches = 0;
        interplay.clear();
        weightSum[0] = weightSum[1] = 0;
        epochObjective = recentObjective = 0;
        if (balance == Balance::DWA && taskLossHistory.size() >= 2) // the first two epochs weigh alike
            scheduled =
                dwaWeights(taskLossHistory.back(), taskLossHistory[taskLossHistory.size() - 2], hp.dwaTemperature);
        epochStart = Clock::now();
        lastReport = epochStart - std::chrono::seconds(1); // the first batch of an epoch is always reported
        inEpoch = true;
    }

    void addTuple(std::uint32_t t)
    {
        batch.users.push_back(train[t].user);
        batch.items.push_back(train[t].item);
        batch.ratings.push_back(train[t].rating);
    }

    /// Fills the next batch from the epoch's order and splits it into chunks.
    void nextBatch()
    {
        batch.clear();
        chunks.clear();
        const std::size_t size = std::max<std::uint32_t>(hp.batchSize, 1);
        if (model.groupsByUser()) {
            batch.groupStart.push_back(0);
            BatchRange chunk;
            while (position < order.size() && batch.size() < size) {
                const std::uint32_t u = order[position++];
                batch.groupUsers.push_back(u);
                for (auto k = tuplesByUserStart[u]; k < tuplesByUserStart[u + 1]; ++k)
                    addTuple(tuplesByUser[k]);
                batch.groupStart.push_back(static_cast<std::uint32_t>(batch.size()));
                if (batch.size() - chunk.tupleBegin >= kChunkTuples) {
                    chunk.tupleEnd = batch.size();
                    chunk.groupEnd = batch.groups();
                    chunks.push_back(chunk);
                    chunk = BatchRange{batch.size(), batch.size(), batch.groups(), batch.groups()};
                }
            }
            if (chunk.tupleBegin < batch.size())
                chunks.push_back(BatchRange{chunk.tupleBegin, batch.size(), chunk.groupBegin, batch.groups()});
        } else {
            while (position < order.size() && batch.size() < size)
                addTuple(order[position++]);
            for (std::size_t begin = 0; begin < batch.size(); begin += kChunkTuples)
                chunks.push_back(BatchRange{begin, std::min(batch.size(), begin + kChunkTuples), 0, 0});
        }
        if (model.samplesByRange())
            model.reserveSamples(batch); // each chunk samples its own negatives in trainBatch
        else
            model.sample(batch, rng);
    }

    template <typename F> void parallel(std::size_t count, const F& body) { parallelFor(hp.threads, count, body); }

    [[noreturn]] void diverged(double value)
    {
        summed.reset();
        std::ostringstream message;
        message << "epoch " << epoch + 1 << ": the loss became " << value << "; the learning rate " << hp.learningRate
                << " is probably too large, try a smaller one";
        throw TrainingError(message.str());
    }

    /// The task weights of the next step.
    TaskWeights weights() const
    {
        switch (multiTask ? balance : Balance::Fixed) {
        case Balance::DWA:
            return scheduled;
        case Balance::GradNorm:
            return gradNorm.weights();
        default: // fixed, PCGrad: alpha; uncertainty: the model's exp(-s)
            return {double(model.rankWeight()), double(model.rateWeight())};
        }
    }

    void growChunkBuffers()
    {
        if (chunkGrads.size() < chunks.size()) {
            chunkGrads.resize(chunks.size());
            chunkLosses.resize(chunks.size());
        }
        if (multiTask && taskChunkGrads.size() < chunks.size()) {
            taskChunkGrads.resize(chunks.size());
            taskChunkLosses.resize(chunks.size());
        }
    }

    Losses trainBatch()
    {
        growChunkBuffers();
        const std::size_t size = batch.size();
        const bool sampleChunks = model.samplesByRange();
        const std::uint64_t batchSeed = rng.next(); // one draw per batch: same stream on any thread count
        const TaskWeights w = weights();
        weightSum[0] += w.ranking;
        weightSum[1] += w.rating;
        const bool chosenWeights = multiTask && balance == Balance::DWA;
        parallel(chunks.size(), [&](std::size_t k) {
            if (sampleChunks) {
                Rng chunkRng(batchSeed + 0x9e3779b97f4a7c15ULL * (k + 1));
                model.sampleRange(batch, chunks[k], chunkRng);
            }
            chunkGrads[k].clear();
            if (perTask) { // chunkGrads: the ranking task's own gradient, taskChunkGrads: the rating task's
                taskChunkGrads[k].clear();
                chunkLosses[k] = model.accumulateTask(batch, chunks[k], size, chunkGrads[k], 0);
                taskChunkLosses[k] = model.accumulateTask(batch, chunks[k], size, taskChunkGrads[k], 1);
            } else if (chosenWeights)
                chunkLosses[k] =
                    model.accumulate(batch, chunks[k], size, chunkGrads[k], float(w.ranking), float(w.rating));
            else
                chunkLosses[k] = model.accumulate(batch, chunks[k], size, chunkGrads[k]);
        });
        Losses losses;
        for (std::size_t k = 0; k < chunks.size(); ++k) {
            losses += chunkLosses[k];
            if (perTask)
                losses.rating += taskChunkLosses[k].rating;
        }
        if (perTask)
            losses.objective = (w.ranking * losses.ranking + w.rating * losses.rating) / double(size);
        if (!std::isfinite(losses.ranking) || !std::isfinite(losses.rating))
            diverged(losses.ranking + losses.rating);
        if (perTask)
            combineTasks(w, losses, size);
        else if (multiTask && batches % interplayEvery == 0)
            measureInterplay(size); // on the parameters this batch's step starts from
        optimizer.beginStep();
        // Regularisation (as ModelT::regulariseBlock defines it) is added in the step's pass.
        const auto decayOf = [&](int b) {
            return isRegularised(static_cast<Block>(b)) ? float(2.0 * hp.lambda / double(size)) : 0.0f;
        };
        if (perTask) { // combineTasks() left the weighed sums in `summed`: blocks are independent
            std::array<double, kBlockCount> penalty{};
            parallel(activeBlocks.size(), [&](std::size_t index) {
                const int b = activeBlocks[index];
                penalty[std::size_t(b)] =
                    hp.lambda * optimizer.updateRows(static_cast<Block>(b), summed.touched[b], model.params().blocks[b],
                                                     summed.sums[b], decayOf(b));
                summed.forget(b);
            });
            for (const double p : penalty)
                losses.regularisation += p;
        } else { // each part of each block summed and stepped on its own (train/detail/rowsums.h)
            const std::span<const RowGrads<float>> grads(chunkGrads.data(), chunks.size());
            parallel(rowSums.parts(), [&](std::size_t p) {
                const RowSums::Part& part = rowSums.sum(p, grads);
                partPenalty[p] = hp.lambda * optimizer.updateSums(static_cast<Block>(part.block), part.rows,
                                                                  model.params().blocks[std::size_t(part.block)],
                                                                  part.values.data(), decayOf(part.block));
            });
            for (const double p : partPenalty) // in part order: the same sum on any thread count
                losses.regularisation += p;
        }
        losses.objective += losses.regularisation / double(size);
        if (!std::isfinite(losses.objective))
            diverged(losses.objective);
        return losses;
    }

    /// GradNorm and PCGrad: the tasks' own gradients summed apart, compared (on the sampled
    /// batches), weighed (and for PCGrad projected) into `summed`; GradNorm then learns its weights.
    void combineTasks(const TaskWeights& w, const Losses& losses, std::size_t size)
    {
        parallel(activeBlocks.size(), [&](std::size_t index) {
            const int b = activeBlocks[index];
            for (std::size_t k = 0; k < chunks.size(); ++k) {
                taskSums[0].addBlock(chunkGrads[k], b);
                taskSums[1].addBlock(taskChunkGrads[k], b);
            }
        });
        if (batches % interplayEvery == 0)
            interplay.add(compareTaskGradients(taskSums[0], taskSums[1]));
        const SharedGeometry geometry = sharedGeometry(taskSums[0], taskSums[1]);
        const std::array<double, 2> shared = balance == Balance::PCGrad
                                                 ? pcgradCoefficients(w.ranking, w.rating, geometry)
                                                 : std::array<double, 2>{w.ranking, w.rating};
        parallel(activeBlocks.size(), [&](std::size_t index) {
            const int b = activeBlocks[index];
            const bool isShared = geometry.shared[std::size_t(b)];
            combineBlock(summed, taskSums[0], taskSums[1], b, isShared ? shared[0] : w.ranking,
                         isShared ? shared[1] : w.rating);
        });
        if (balance == Balance::GradNorm) {
            const double n = double(std::max<std::size_t>(size, 1));
            gradNorm.update({std::sqrt(geometry.a2), std::sqrt(geometry.b2)}, {losses.ranking / n, losses.rating / n});
        }
    }

    /// Each task's own gradient on this batch (same tuples and negatives), compared on U and I.
    void measureInterplay(std::size_t size)
    {
        for (int task = 0; task < 2; ++task) { // growChunkBuffers() sized taskChunkGrads
            parallel(chunks.size(), [&](std::size_t k) {
                taskChunkGrads[k].clear();
                model.accumulateTask(batch, chunks[k], size, taskChunkGrads[k], task);
            });
            for (const Block b : {Block::Users, Block::Items})
                for (std::size_t k = 0; k < chunks.size(); ++k)
                    taskSums[std::size_t(task)].addBlock(taskChunkGrads[k], static_cast<int>(b));
        }
        interplay.add(compareTaskGradients(taskSums[0], taskSums[1]));
        for (SummedGrads<float>& sums : taskSums)
            sums.reset();
    }

    double elapsed() const { return std::chrono::duration<double>(Clock::now() - epochStart).count(); }

    EpochRecord finishEpoch()
    {
        inEpoch = false;
        ++epoch;
        EpochRecord record;
        record.epoch = epoch;
        const double n = std::max<double>(double(epochLosses.tuples), 1.0);
        record.rankingLoss = epochLosses.ranking / n;
        record.ratingLoss = epochLosses.rating / n;
        record.regularisation = epochLosses.regularisation / n;
        const double steps = double(std::max<std::size_t>(batches, 1));
        const TaskWeights mean{weightSum[0] / steps, weightSum[1] / steps}; // the weights in force, on average
        record.objective = epochObjective / n; // each batch with its own weights (and log-variance terms)
        record.seconds = elapsed();
        record.samplesPerSecond = record.seconds > 0 ? double(epochLosses.tuples) / record.seconds : 0.0;
        if (!validation.empty())
            record.validation = evaluateSet(validation, false).metrics;
        if (multiTask) {
            record.interplay = interplay.result(mean.ranking, mean.rating);
            for (int task = 0; task < 2; ++task)
                for (int side = 0; side < 2; ++side)
                    record.interplay->gates[std::size_t(task)][std::size_t(side)] = model.meanGates(task, side == 1);
            taskLossHistory.push_back({record.rankingLoss, record.ratingLoss});
        }
        return record;
    }

    Evaluation evaluateSet(const std::vector<Interaction>& rows, bool keepTop) const
    {
        EvaluationOptions options;
        options.k = hp.topK;
        options.threads = hp.threads;
        options.keepTop = keepTop;
        options.scale = scale;
        options.likeThreshold = likeThreshold(hp, scale);
        return evaluate(model, rows, options);
    }
};

Trainer::Trainer(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp)
{
    if (split.train.empty())
        throw UsageError("nothing to train on: the training set is empty");
    if (hp.batchSize == 0 || hp.dim == 0)
        throw UsageError("batch size and embedding size must be positive");
    m_state = std::make_unique<State>(data, split, spec, hp);
}

Trainer::~Trainer() = default;

std::optional<EpochRecord> Trainer::step(std::size_t maxBatches)
{
    State& s = *m_state;
    if (!s.inEpoch)
        s.startEpoch();
    const bool trainable = s.model.spec().learns();
    for (std::size_t done = 0; trainable && done < maxBatches && s.position < s.order.size(); ++done) {
        s.nextBatch();
        const Losses losses = s.trainBatch();
        s.epochLosses += losses;
        s.sinceReport += losses;
        const double objective = losses.objective * double(losses.tuples); // losses.objective is per tuple
        s.epochObjective += objective;
        s.recentObjective += objective;
        ++s.batches;
        if (s.progress && Clock::now() - s.lastReport > std::chrono::milliseconds(50)) {
            s.lastReport = Clock::now();
            BatchProgress p;
            p.epoch = s.epoch + 1;
            p.tuplesDone = s.epochLosses.tuples;
            p.tuplesTotal = s.train.size();
            const Losses& recent = s.sinceReport;
            const double n = double(std::max<std::size_t>(recent.tuples, 1));
            p.rankingLoss = recent.ranking / n;
            p.ratingLoss = recent.rating / n;
            p.regularisation = recent.regularisation / n;
            p.objective = s.recentObjective / n;
            s.sinceReport = Losses{};
            s.recentObjective = 0;
            p.samplesPerSecond = double(s.epochLosses.tuples) / std::max(s.elapsed(), 1e-9);
            s.progress(p);
        }
    }
    if (trainable && s.position < s.order.size())
        return std::nullopt;
    return s.finishEpoch();
}

bool Trainer::done() const
{
    const bool nothingToLearn = !m_state->model.spec().learns();
    return m_state->epoch >= m_state->hp.epochs || (nothingToLearn && m_state->epoch > 0);
}

std::uint32_t Trainer::epochsDone() const
{
    return m_state->epoch;
}

void Trainer::setProgressCallback(std::function<void(const BatchProgress&)> callback)
{
    m_state->progress = std::move(callback);
}

const Model& Trainer::model() const
{
    return m_state->model;
}

Model& Trainer::model()
{
    return m_state->model;
}

const HyperParams& Trainer::hyperParams() const
{
    return m_state->hp;
}

Evaluation Trainer::validate(bool keepTop) const
{
    return m_state->evaluateSet(m_state->validation, keepTop);
}

Evaluation Trainer::test(bool keepTop) const
{
    return m_state->evaluateSet(m_state->testSet, keepTop);
}

} // namespace rnr
