// Parsing budget (docs/product-notes.md, "Budgets"): 1,000,000 ratings in MovieLens-1M format in at most 0.5 s on
// the 2-core reference machine. Run: build/<preset>/bin/bench_parse
#include "data/synthetic.h"
#include "io/loader.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace {

/// A ratings.dat written once per process into the temporary folder.
const std::string& ratingsFile()
{
    static const std::string path = [] {
        const auto dir = std::filesystem::temp_directory_path() / ("rnr-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        const std::string file = (dir / "ratings.dat").string();
        rnr::writeMovieLensDat(rnr::syntheticRatings(rnr::SyntheticSize{}), file);
        std::atexit([] { std::filesystem::remove_all(std::filesystem::path(ratingsFile()).parent_path()); });
        return file;
    }();
    return path;
}

void BM_ParseMovieLens1M(benchmark::State& state)
{
    const std::string& file = ratingsFile();
    std::size_t rows = 0;
    for (auto _ : state) {
        const rnr::LoadResult result = rnr::loadDataset(file);
        rows = result.dataset.interactions.size();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["rows"] = double(rows);
    state.counters["rows_per_s"] = benchmark::Counter(double(rows), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["MB"] = double(std::filesystem::file_size(file)) / 1e6;
}
BENCHMARK(BM_ParseMovieLens1M)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
