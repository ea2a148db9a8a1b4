#include "experiment.h"

#include <chrono>
#include <set>

namespace rnr {

bool betterOnValidation(const Metrics& a, const Metrics& b)
{
    if (a.recall != b.recall)
        return a.recall > b.recall;
    return a.mrr > b.mrr;
}

RunResult runExperiment(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                        const RunObserver& observer)
{
    const auto start = std::chrono::steady_clock::now();
    Trainer trainer(data, split, spec, hp);
    // Declared after the trainer, so destroyed before it: ended() runs while it still exists.
    struct EndNotice
    {
        const RunObserver& observer;
        ~EndNotice()
        {
            if (observer.ended)
                observer.ended();
        }
    } endNotice{observer};
    if (observer.started)
        observer.started(trainer);
    RunResult result;
    result.spec = spec;
    result.hp = hp;
    Params<float> best;
    bool haveBest = false;
    while (!trainer.done()) {
        const std::optional<EpochRecord> record = trainer.step();
        if (!record)
            continue;
        result.epochs.push_back(*record);
        const Metrics validation = record->validation.value_or(Metrics{});
        if (!haveBest || betterOnValidation(validation, result.validation)) {
            haveBest = true;
            best = trainer.model().params();
            result.bestEpoch = record->epoch;
            result.validation = validation;
        }
        if (observer.epoch)
            observer.epoch(result, *record);
    }
    trainer.model().params() = std::move(best);
    const Evaluation test = trainer.test(true);
    result.test = test.metrics;
    result.testOutcomes = test.outcomes;
    result.model = std::make_shared<Model>(std::move(trainer.model()));
    result.trainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

GridResult gridSearch(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                      const GridSettings& grid, const RunObserver& observer)
{
    std::vector<double> alphas = grid.alphas, lambdas = grid.lambdas;
    if (spec.coupling == Coupling::Single)
        alphas = {hp.alpha};
    if (spec.ranker == Ranker::Popularity)
        lambdas = {hp.lambda};
    if (alphas.empty())
        alphas = {hp.alpha};
    if (lambdas.empty())
        lambdas = {hp.lambda};
    GridResult result;
    bool first = true;
    for (const double alpha : alphas) {
        for (const double lambda : lambdas) {
            HyperParams point = hp;
            point.alpha = alpha;
            point.lambda = lambda;
            RunResult run = runExperiment(data, split, spec, point, observer);
            result.points.push_back(GridPoint{alpha, lambda, run.validation, run.bestEpoch});
            if (first || betterOnValidation(run.validation, result.best.validation)) {
                first = false;
                result.best = std::move(run);
            }
        }
    }
    return result;
}

PairedTest pairedTestBySeed(const std::vector<RunResult>& a, const std::vector<RunResult>& b, const std::string& metric,
                            std::uint32_t k, std::size_t resamples)
{
    std::vector<double> valuesA, valuesB;
    std::set<std::uint64_t> seeds; // a seed trained twice gives the same outcomes: count them once
    for (const RunResult& runA : a) {
        if (!seeds.insert(runA.hp.seed).second)
            continue;
        for (const RunResult& runB : b)
            if (runA.hp.seed == runB.hp.seed) {
                alignOutcomes(runA.testOutcomes, runB.testOutcomes, metric, k, valuesA, valuesB);
                break;
            }
    }
    if (valuesA.empty()) {
        PairedTest none;
        none.metric = metric;
        return none;
    }
    return pairedTest(valuesA, valuesB, metric, resamples);
}

} // namespace rnr
