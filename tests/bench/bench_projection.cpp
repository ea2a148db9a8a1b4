// Projection budgets (docs/projections.md, "Complexity and budgets"): UMAP of 26,744 rows x 50 (the
// items of MovieLens-20M) in at most 10 s and Barnes-Hut t-SNE of 9,724 rows x 50 (the items of
// MovieLens "latest small") in at most 15 s, 2 threads, on the 2-core reference machine.
// The trust10 counter is the layout's trustworthiness at k = 10 (computed after the timing).
// Run: build/<preset>/bin/bench_projection
#include "analysis/neighbours.h"
#include "analysis/tsne.h"
#include "analysis/umap.h"
#include "core/detail/rng.h"

#include <benchmark/benchmark.h>

namespace {

constexpr Eigen::Index kDims = 50;
constexpr unsigned kThreads = 2;

/// Embedding-like rows: 40 Gaussian clusters of uneven size and width around random centres,
/// plus 10% background noise.
rnr::RowMatrix<float> clusteredRows(Eigen::Index n, std::uint64_t seed)
{
    rnr::Rng rng(seed);
    constexpr int clusters = 40;
    rnr::RowMatrix<double> centres(clusters, kDims);
    std::vector<double> width(clusters);
    for (int c = 0; c < clusters; ++c) {
        for (Eigen::Index j = 0; j < kDims; ++j)
            centres(c, j) = rng.normal();
        width[static_cast<std::size_t>(c)] = 0.2 + 0.4 * rng.uniform();
    }
    rnr::RowMatrix<float> rows(n, kDims);
    for (Eigen::Index i = 0; i < n; ++i) {
        const bool noise = rng.uniform() < 0.1;
        // Squaring the uniform makes the low-numbered clusters bigger.
        const auto c = static_cast<int>(clusters * rng.uniform() * rng.uniform());
        for (Eigen::Index j = 0; j < kDims; ++j)
            rows(i, j) =
                noise ? float(rng.normal()) : float(centres(c, j) + width[static_cast<std::size_t>(c)] * rng.normal());
    }
    return rows;
}

void BM_UmapItems(benchmark::State& state)
{
    const rnr::RowMatrix<float> rows = clusteredRows(state.range(0), 7);
    rnr::UmapOptions options;
    options.threads = kThreads;
    rnr::RowMatrix<float> layout;
    for (auto _ : state) {
        layout = rnr::umap(rows, options);
        benchmark::DoNotOptimize(layout.data());
    }
    state.counters["rows"] = double(rows.rows());
    state.counters["trust10"] = rnr::trustworthiness(rows, layout, 10, kThreads); // not timed
}
BENCHMARK(BM_UmapItems)->Arg(26744)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_TsneItems(benchmark::State& state)
{
    const rnr::RowMatrix<float> rows = clusteredRows(state.range(0), 7);
    rnr::TsneOptions options;
    options.threads = kThreads;
    rnr::RowMatrix<float> layout;
    for (auto _ : state) {
        layout = rnr::tsne(rows, options);
        benchmark::DoNotOptimize(layout.data());
    }
    state.counters["rows"] = double(rows.rows());
    state.counters["trust10"] = rnr::trustworthiness(rows, layout, 10, kThreads); // not timed
}
BENCHMARK(BM_TsneItems)->Arg(9724)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The neighbour search alone, the part both layouts share (UMAP's k).
void BM_NeighboursItems(benchmark::State& state)
{
    const rnr::RowMatrix<float> rows = clusteredRows(state.range(0), 7);
    for (auto _ : state) {
        const rnr::Neighbours near = rnr::nearestNeighbours(rows, 15, kThreads);
        benchmark::DoNotOptimize(near.index.data());
    }
    state.counters["rows"] = double(rows.rows());
}
BENCHMARK(BM_NeighboursItems)->Arg(26744)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
