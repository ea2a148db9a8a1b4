#include "train/experiment.h"

#include <cstdint>
#include <set>

namespace rnr {

namespace {
GridResult runToEnd(TrainingJob& job)
{
    while (!job.step(SIZE_MAX)) {
    }
    return job.takeResult();
}
} // namespace

RunResult runExperiment(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                        const JobObserver& observer)
{
    TrainingJob job(data, split, spec, hp, std::nullopt, observer);
    return runToEnd(job).best;
}

GridResult gridSearch(const Dataset& data, const Split& split, const ModelSpec& spec, const HyperParams& hp,
                      const GridSettings& grid, const JobObserver& observer)
{
    TrainingJob job(data, split, spec, hp, grid, observer);
    return runToEnd(job);
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
