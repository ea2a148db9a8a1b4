#include "train/trainingjob.h"

#include "core/errors.h"
#include "core/log.h"
#include "io/detail/textfields.h"
#include "model/model.h"
#include "train/trainer.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace rnr {

namespace {
using Clock = std::chrono::steady_clock;
} // namespace

std::string gridAxisText(const std::vector<double>& values, std::string_view separator)
{
    std::string text;
    for (const double v : values) {
        if (!text.empty())
            text += separator;
        std::ostringstream out;
        out << std::setprecision(15) << v;
        text += out.str();
    }
    return text;
}

std::string modelTitle(const ModelSpec& spec, Balance balance)
{
    std::string title = spec.title();
    if (spec.coupling != Coupling::Single && balance != Balance::Fixed)
        title += " [" + findBalance(balance).key + "]";
    return title;
}

std::string modelSettings(const ModelSpec& spec, const HyperParams& hp)
{
    std::string words;
    auto add = [&](const char* key) {
        words += (words.empty() ? "" : " ") + std::string(key) + "=" + findHyperParam(key)->get(hp);
    };
    if (spec.coupling == Coupling::PLE && hp.levels != 1)
        add("levels");
    if (!std::isnan(hp.likeThreshold))
        add("like-threshold");
    const HyperParams defaults;
    if (spec.isCascade()) { // docs/method.md, "The cascades": what makes one cascade another
        if (hp.likeNegatives != defaults.likeNegatives)
            add("like-negatives");
        if (spec.coupling == Coupling::Pairwise) {
            if (hp.pairWeight != defaults.pairWeight)
                add("pair-weight");
            if (hp.pairMarginChosen != defaults.pairMarginChosen)
                add("pair-margin-chosen");
            if (hp.pairMarginUnchosen != defaults.pairMarginUnchosen)
                add("pair-margin-unchosen");
            if (hp.pairHeads != defaults.pairHeads)
                add("pair-heads");
        }
    }
    return words;
}

bool ratingTaskOff(const ModelSpec& spec, const HyperParams& hp)
{
    return spec.coupling != Coupling::Single && !spec.isCascade() && !findBalance(hp.balance).replacesAlpha &&
           hp.alpha >= 1.0;
}

bool rankingPathIsAlone(const ModelSpec& spec)
{
    const Coupling c = spec.coupling;
    const bool ownPath =
        c == Coupling::Vanilla || c == Coupling::RnR || c == Coupling::DeviationOnly || c == Coupling::FcOnly;
    return ownPath && (spec.rater != Rater::SVDpp || spec.ranker == Ranker::CDAE);
}

std::string ratingTaskOffNote(const ModelSpec& spec, const HyperParams& hp)
{
    if (!ratingTaskOff(spec, hp))
        return {};
    return rankingPathIsAlone(spec) ? "\u03b1 = 1: same as " + spec.rankingAlone().title()
                                    : std::string("\u03b1 = 1: rating task off");
}

Balance effectiveBalance(const ModelSpec& spec, const HyperParams& hp)
{
    return spec.coupling == Coupling::Single ? Balance::Fixed : hp.balance;
}

double balanceValue(const HyperParams& hp)
{
    double value = std::numeric_limits<double>::quiet_NaN();
    if (const HyperParamInfo* info = findHyperParam(findBalance(hp.balance).parameter))
        parseReal(info->get(hp), value);
    return value;
}

std::string setBalanceValue(HyperParams& hp, double value)
{
    const HyperParamInfo* info = findHyperParam(findBalance(hp.balance).parameter);
    if (!info)
        return {};
    std::array<char, 32> text{}; // the shortest text that reads back as exactly value
    const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    const std::string error = info->set(hp, std::string_view(text.data(), std::size_t(end - text.data())));
    return error.empty() ? error : "--" + info->key + ": " + error;
}

bool betterOnValidation(const Metrics& a, const Metrics& b)
{
    if (a.recall != b.recall)
        return a.recall > b.recall;
    return a.mrr > b.mrr;
}

std::vector<HyperParams> gridPoints(const ModelSpec& spec, const HyperParams& hp,
                                    const std::optional<GridSettings>& grid)
{
    if (!grid)
        return {hp};
    std::vector<double> alphas = grid->alphas, lambdas = grid->lambdas, values{balanceValue(hp)};
    const bool multiTask = spec.coupling != Coupling::Single;
    const BalanceInfo& balance = findBalance(hp.balance);
    if (!multiTask || alphas.empty() || balance.replacesAlpha)
        alphas = {hp.alpha}; // a learnt or scheduled balance does not read alpha
    if (multiTask && !balance.parameter.empty()) {
        values = grid->balanceValues.empty() ? balance.gridValues : grid->balanceValues;
        if (values.empty())
            values = {balanceValue(hp)};
    }
    if (!spec.learns() || lambdas.empty())
        lambdas = {hp.lambda};
    std::vector<HyperParams> points;
    for (const double value : values)
        for (const double alpha : alphas)
            for (const double lambda : lambdas) {
                HyperParams point = hp;
                point.alpha = alpha;
                point.lambda = lambda;
                // refused here, not trained with the default instead
                if (const std::string error = setBalanceValue(point, value); !error.empty())
                    throw UsageError("the grid's balance values: " + error);
                points.push_back(point);
            }
    return points;
}

bool addGridPoint(GridResult& result, RunResult run)
{
    const bool first = result.points.empty();
    const double value =
        run.spec.coupling == Coupling::Single ? std::numeric_limits<double>::quiet_NaN() : balanceValue(run.hp);
    result.points.push_back(GridPoint{run.hp.alpha, run.hp.lambda, value, run.validation, run.bestEpoch});
    if (!first && !betterOnValidation(run.validation, result.best.validation))
        return false;
    result.best = std::move(run);
    return true;
}

struct TrainingJob::State
{
    const Dataset& data;
    const Split& split;
    ModelSpec spec;
    HyperParams hp;
    JobObserver observer;
    std::vector<HyperParams> points; ///< to train, in order

    // The point in training.
    std::size_t point = 0;
    std::unique_ptr<Trainer> trainer;
    RunResult run;
    Params<float> best;
    bool haveBest = false;
    Clock::time_point pointStart;

    // What the finished points gave.
    GridResult result;
    bool haveResult = false;
    bool finished = false;

    State(const Dataset& d, const Split& s, ModelSpec m, HyperParams h, const std::optional<GridSettings>& grid,
          JobObserver o)
        : data(d), split(s), spec(m), hp(h), observer(std::move(o)), points(gridPoints(spec, hp, grid))
    {}

    void startPoint()
    {
        const HyperParams& pointHp = points[point];
        pointStart = Clock::now();
        trainer = std::make_unique<Trainer>(data, split, spec, pointHp);
        if (observer.progress)
            trainer->setProgressCallback(observer.progress);
        run = RunResult{};
        run.spec = spec;
        run.split = split.config;
        run.hp = pointHp;
        best = Params<float>{};
        haveBest = false;
        if (observer.pointStarted)
            observer.pointStarted(int(point), pointHp);
        std::ostringstream text;
        text << "training " << spec.title() << " (";
        const BalanceInfo& balance = findBalance(spec.coupling == Coupling::Single ? Balance::Fixed : pointHp.balance);
        if (!balance.replacesAlpha)
            text << "alpha " << pointHp.alpha << ", ";
        if (balance.balance != Balance::Fixed)
            text << balance.key << ", ";
        if (!balance.parameter.empty())
            text << balance.parameter << " " << balanceValue(pointHp) << ", ";
        text << "lambda " << pointHp.lambda << ", " << pointHp.epochs << " epochs";
        if (points.size() > 1)
            text << ", grid point " << point + 1 << " of " << points.size();
        text << ") on " << data.name << ": " << split.train.size() << " training ratings";
        logInfo("train", text.str());
    }

    void keepEpoch(const EpochRecord& record)
    {
        run.epochs.push_back(record);
        const Metrics validation = record.validation.value_or(Metrics{});
        if (!haveBest || betterOnValidation(validation, run.validation)) {
            haveBest = true;
            best = trainer->model().params();
            run.bestEpoch = record.epoch;
            run.validation = validation;
        }
        if (observer.epoch)
            observer.epoch(record);
    }

    void finishPoint()
    {
        trainer->model().params() = std::move(best);
        const Evaluation test = trainer->test(true);
        run.test = test.metrics;
        run.testOutcomes = test.outcomes;
        run.model = std::make_shared<Model>(std::move(trainer->model()));
        run.trainSeconds = std::chrono::duration<double>(Clock::now() - pointStart).count();
        std::ostringstream text;
        text << spec.title() << ": best epoch " << run.bestEpoch << " of " << run.epochs.size()
             << ", validation Recall@" << run.validation.k << " " << std::fixed << std::setprecision(4)
             << run.validation.recall << ", test " << run.test.recall << ", " << std::setprecision(1)
             << run.trainSeconds << " s";
        logInfo("train", text.str());
        trainer.reset();
        addGridPoint(result, std::move(run));
        haveResult = true;
        run = RunResult{};
        if (++point == points.size())
            finished = true;
    }
};

TrainingJob::TrainingJob(const Dataset& data, const Split& split, ModelSpec spec, HyperParams hp,
                         std::optional<GridSettings> grid, JobObserver observer)
    : m_state(std::make_unique<State>(data, split, spec, hp, grid, std::move(observer)))
{}

TrainingJob::~TrainingJob() = default;

bool TrainingJob::step(std::size_t maxBatches)
{
    State& s = *m_state;
    if (s.finished)
        return true;
    try {
        if (!s.trainer)
            s.startPoint();
        if (const std::optional<EpochRecord> record = s.trainer->step(maxBatches))
            s.keepEpoch(*record);
        if (s.trainer->done())
            s.finishPoint();
    } catch (...) {
        s.trainer.reset();
        s.finished = true;
        s.haveResult = false;
        throw;
    }
    return s.finished;
}

bool TrainingJob::done() const
{
    return m_state->finished;
}

int TrainingJob::pointCount() const
{
    return int(m_state->points.size());
}

GridResult TrainingJob::takeResult()
{
    if (!m_state->finished || !m_state->haveResult)
        throw std::logic_error("TrainingJob::takeResult: the job has no result");
    m_state->haveResult = false;
    return std::move(m_state->result);
}

} // namespace rnr
