// Embedding view redraw budget (docs/product-notes.md, "Budgets"): with every item of an
// ML-20M-shaped catalogue (26,744 items) in view, a pan or a zoom redraws a plot in at most 30 ms.
// The data: a generated set of MovieLens-20M's shape (138,493 users, 26,744 items, about 1.1
// million ratings: the ratings' number does not change what is drawn), RnR(BPR, SVD), d = 50,
// trained for one epoch; the view 1600 x 900 pixels, PCA, coloured by genre. Each iteration moves
// the ranking plot's axes as a drag or a wheel step does and replots it at once; the counters give
// the median and the largest redraw. BM_*WithUsers draws the 138,493 user vectors too.
// Run: QT_QPA_PLATFORM=offscreen build/<preset>/bin/bench_embedding_redraw
#include "views/embeddingview.h"

#include "data/demo.h"
#include "train/experiment.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <benchmark/benchmark.h>
#include <qcustomplot.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

struct Fixture
{
    std::shared_ptr<const rnr::Dataset> data;
    std::shared_ptr<const rnr::Model> model;
};

const Fixture& fixture()
{
    static const Fixture f = [] {
        rnr::DemoConfig config;
        config.users = 138493;
        config.items = 26744;
        config.minPerUser = 5;
        config.meanPerUser = 8;
        Fixture out;
        out.data = std::make_shared<const rnr::Dataset>(rnr::generateDemo(config));
        rnr::HyperParams hp;
        hp.dim = 50;
        hp.epochs = 1;
        hp.threads = 2;
        const rnr::Split split = rnr::makeSplit(*out.data, rnr::SplitConfig{});
        out.model = rnr::runExperiment(*out.data, split, rnr::parseModelSpec("rnr:bpr+svd"), hp).model;
        return out;
    }();
    return f;
}

enum class Move
{
    Pan,
    Zoom
};

void redraws(benchmark::State& state, Move move, bool users)
{
    const Fixture& f = fixture();
    rnr::EmbeddingView view;
    view.resize(1600, 900);
    view.show();
    view.setRun(f.data, f.model, QStringLiteral("RnR #1"));
    if (users)
        view.findChild<QCheckBox*>()->setChecked(true);
    QCustomPlot* plot = view.plot(0);
    plot->replot(QCustomPlot::rpImmediateRefresh); // first paint: fonts and buffers
    std::vector<double> ms;
    int step = 0;
    for (auto _ : state) {
        // Back and forth, so that every item stays in view: a tenth of the width per drag, a wheel
        // step's zoom (QCustomPlot's 0.85 per step) in and out.
        const bool back = step++ % 2 == 1;
        if (move == Move::Pan) {
            const double shift = plot->xAxis->range().size() * (back ? -0.1 : 0.1);
            plot->xAxis->moveRange(shift);
            plot->yAxis->moveRange(shift / 2);
        } else {
            const double factor = back ? 1.0 / 0.85 : 0.85;
            plot->xAxis->scaleRange(factor);
            plot->yAxis->scaleRange(factor);
        }
        QElapsedTimer clock;
        clock.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const double seconds = double(clock.nsecsElapsed()) * 1e-9;
        state.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
    }
    std::sort(ms.begin(), ms.end());
    state.counters["median_ms"] = ms[ms.size() / 2];
    state.counters["max_ms"] = ms.back();
    state.counters["items"] = double(view.points(0).rows());
    state.counters["users"] = users ? double(view.userPoints(0).rows()) : 0.0;
}

void BM_Pan(benchmark::State& state)
{
    redraws(state, Move::Pan, false);
}
void BM_Zoom(benchmark::State& state)
{
    redraws(state, Move::Zoom, false);
}
void BM_PanWithUsers(benchmark::State& state)
{
    redraws(state, Move::Pan, true);
}
void BM_ZoomWithUsers(benchmark::State& state)
{
    redraws(state, Move::Zoom, true);
}
BENCHMARK(BM_Pan)->Iterations(40)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Zoom)->Iterations(40)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanWithUsers)->Iterations(20)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ZoomWithUsers)->Iterations(20)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
