#include "comparecommand.h"

#include "cli.h"
#include "datasetoptions.h"
#include "hyperparamoptions.h"
#include "output.h"
#include "runjson.h"

#include "core/errors.h"
#include "train/experiment.h"
#include "train/seeds.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>

namespace rnr::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::compare", text);
}

const QString kTable1Models =
    QStringLiteral("popularity,svd,cdae,vanilla:cdae+svd,rnr:cdae+svd,bpr,vanilla:bpr+svd,rnr:bpr+svd");

std::vector<double> parseList(const QString& text, const QString& option)
{
    std::vector<double> values;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        values.push_back(part.toDouble(&ok));
        if (!ok)
            throw UsageError(QStringLiteral("--%1: '%2' is not a number").arg(option, part).toStdString());
    }
    return values;
}

QString meanStd(const std::vector<double>& values, int decimals)
{
    return QString::fromStdString(formatMeanStd(rnr::meanStd(values), decimals));
}

/// All runs of one model (one per seed), with the balance and the settings it trained with.
struct ModelRuns
{
    ModelSpec spec;
    Balance balance = Balance::Fixed; ///< for single-task models always Fixed
    QStringList settings;             ///< "KEY=VALUE" hyper-parameters of this model only (validated)
    std::vector<RunResult> runs;      ///< index = seed index
    std::vector<std::vector<GridPoint>> grids;

    QString title() const
    {
        const QString title = QString::fromStdString(modelTitle(spec, balance));
        return settings.isEmpty() ? title : title + QStringLiteral(" [%1]").arg(settings.join(QLatin1Char(' ')));
    }
    /// The model's name as --models takes it, with its settings.
    QString name() const
    {
        return QString::fromStdString(spec.name()) +
               (settings.isEmpty() ? QString() : QLatin1Char('@') + settings.join(QLatin1Char('@')));
    }
    void applySettings(HyperParams& hp) const
    {
        for (const QString& setting : settings) {
            const qsizetype equals = setting.indexOf(QLatin1Char('='));
            findHyperParam(setting.left(equals).toStdString())->set(hp, setting.mid(equals + 1).toStdString());
        }
    }
};

constexpr std::array<std::pair<const char*, double Metrics::*>, 3> kGainMetrics{
    {{"recall", &Metrics::recall}, {"mrr", &Metrics::mrr}, {"ndcg", &Metrics::ndcg}}};

/// PLE's MTL gain of a model over its ranking model alone (docs/method.md, "MTL gain"): the paired
/// test over every shared seed, one per metric of kGainMetrics.
std::vector<PairedTest> mtlGainTests(const ModelRuns& alone, const ModelRuns& model, std::uint32_t k)
{
    std::vector<PairedTest> tests;
    for (const auto& [metric, member] : kGainMetrics)
        tests.push_back(pairedTestBySeed(alone.runs, model.runs, metric, k));
    return tests;
}

/// One run's MTL gain per metric: its test figure minus the ranking model's alone on the same
/// seed, with the model's paired tests (mtlGainTests) beside it.
QJsonObject mtlGainToJson(const RunResult& run, const std::vector<RunResult>& alone,
                          const std::vector<PairedTest>& tests, std::uint32_t k)
{
    QJsonObject gains;
    const auto single =
        std::find_if(alone.begin(), alone.end(), [&](const RunResult& r) { return r.hp.seed == run.hp.seed; });
    if (single == alone.end())
        return gains;
    for (std::size_t m = 0; m < kGainMetrics.size(); ++m) {
        const auto& [metric, member] = kGainMetrics[m];
        gains.insert(QStringLiteral("%1@%2").arg(QLatin1String(metric)).arg(k),
                     QJsonObject{{QStringLiteral("gain"), run.test.*member - single->test.*member},
                                 {QStringLiteral("p_value"), tests[m].pValue},
                                 {QStringLiteral("mean_gain"), tests[m].meanDifference}});
    }
    return gains;
}

/// Hyper-parameters the grid, the seeds or the table's metrics (k, the like threshold) set for every
/// model alike.
constexpr std::array<std::string_view, 8> kComparisonKeys{
    "alpha", "lambda", "gradnorm-asymmetry", "dwa-temperature", "model-seed", "balance", "k", "like-threshold"};

/// "rnr:bpr+svd", "rnr:bpr+svd@gradnorm" or "ple:bpr+svd@levels=2": a model, with a balance
/// overriding --balance and KEY=VALUE settings of its own (each part after an '@').
ModelRuns parseModelEntry(const QString& entry, Balance fallback)
{
    const QStringList parts = entry.split(QLatin1Char('@'));
    ModelRuns model;
    model.spec = parseModelSpec(parts.front().toStdString());
    HyperParams hp;
    hp.balance = fallback;
    for (const QString& part : parts.mid(1)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals < 0) {
            const std::string error = findHyperParam("balance")->set(hp, part.toStdString());
            if (!error.empty())
                throw UsageError("--models: '" + entry.toStdString() + "': the balance " + error);
            continue;
        }
        const std::string key = part.left(equals).toStdString();
        const HyperParamInfo* info = findHyperParam(key);
        if (!info)
            throw UsageError("--models: '" + entry.toStdString() + "': there is no hyper-parameter '" + key + "'");
        if (std::find(kComparisonKeys.begin(), kComparisonKeys.end(), key) != kComparisonKeys.end())
            throw UsageError("--models: '" + entry.toStdString() + "': " + key +
                             " is set for the whole comparison, not per model");
        if (const std::string error = info->set(hp, part.mid(equals + 1).toStdString()); !error.empty())
            throw UsageError("--models: '" + entry.toStdString() + "': " + key + " " + error);
        model.settings << part;
    }
    model.balance = effectiveBalance(model.spec, hp);
    return model;
}

QString pValue(double p)
{
    return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3);
}

/// Paired tests on per-user outcomes pooled over seeds (pairs: same seed, user and item).
QString pairedLine(const ModelRuns& a, const ModelRuns& b, std::uint32_t k)
{
    QStringList parts;
    for (const char* metric : {"recall", "mrr", "like-recall"}) {
        const PairedTest t = pairedTestBySeed(a.runs, b.runs, metric, k);
        if (t.pairs == 0)
            continue;
        parts << QStringLiteral("%1@%2 %3%4 (p = %5)")
                     .arg(std::string_view(metric) == "like-recall" ? QStringLiteral("like")
                                                                    : QString::fromLatin1(metric))
                     .arg(k)
                     .arg(t.meanDifference >= 0 ? QStringLiteral("+") : QString())
                     .arg(t.meanDifference, 0, 'f', 4)
                     .arg(pValue(t.pValue));
    }
    return tr("- %1 vs %2: %3 over %4 paired test users\n")
        .arg(b.title(), a.title(), parts.join(QStringLiteral(", ")))
        .arg(a.runs.empty() ? 0 : a.runs.front().testOutcomes.size() * a.runs.size());
}

} // namespace

int runCompare(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compare models: for each seed, split the data, run the alpha x lambda grid for each model, keep the grid "
           "point with the best validation Recall@k (ties: MRR@k) and report its test figures as mean ± std over "
           "seeds, with paired tests (RnR vs vanilla, vanilla vs single-task)."));
    const QCommandLineOption models(
        QStringLiteral("models"),
        tr("Comma-separated models (default: the 8 rows of the paper's Table 1); NAME@BALANCE trains a multi-task "
           "model with another loss balancing than --balance, e.g. rnr:bpr+svd@gradnorm; NAME@KEY=VALUE gives one "
           "model a hyper-parameter of its own, e.g. ple:bpr+svd@levels=2."),
        QStringLiteral("list"), kTable1Models);
    const QCommandLineOption seeds(QStringLiteral("seeds"), tr("Number of seeds (default 3)."), QStringLiteral("n"),
                                   QStringLiteral("3"));
    const GridSettings paper;
    const QString defaultAlphas = QString::fromStdString(gridAxisText(paper.alphas));
    const QString defaultLambdas = QString::fromStdString(gridAxisText(paper.lambdas));
    const QCommandLineOption alphas(QStringLiteral("alphas"), tr("Grid of alpha (default %1).").arg(defaultAlphas),
                                    QStringLiteral("list"), defaultAlphas);
    const QCommandLineOption lambdas(QStringLiteral("lambdas"), tr("Grid of lambda (default %1).").arg(defaultLambdas),
                                     QStringLiteral("list"), defaultLambdas);
    const QCommandLineOption balanceValues(
        QStringLiteral("balance-values"),
        tr("Grid of the balance's own parameter, searched instead of alpha (default: GradNorm's asymmetry 0.5,1.5; "
           "DWA's temperature 1,2)."),
        QStringLiteral("list"));
    const QCommandLineOption noGrid(QStringLiteral("no-grid"), tr("Use --alpha and --lambda only, no grid."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Write every run as JSON to this file."),
                                  QStringLiteral("file"));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Write one CSV row per run to this file."),
                                 QStringLiteral("file"));
    const QCommandLineOption markdown(QStringLiteral("markdown"), tr("Also write the table to this file."),
                                      QStringLiteral("file"));
    parser.addOptions({models, seeds, alphas, lambdas, balanceValues, noGrid, json, csv, markdown});
    DatasetOptions dataset;
    dataset.addTo(parser);
    HyperParamOptions hyper;
    hyper.addTo(parser);
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("compare"), out, err))
        return *stop;
    const HyperParams base = hyper.apply(parser, HyperParams{});
    std::vector<ModelRuns> all;
    for (const QString& name : parser.value(models).split(QLatin1Char(','), Qt::SkipEmptyParts))
        all.push_back(parseModelEntry(name, base.balance));
    const auto seedCount = parseCount(parser.value(seeds), QStringLiteral("seeds"));
    if (seedCount == 0 || all.empty())
        throw UsageError("--seeds and --models need at least one value");
    GridSettings grid;
    if (parser.isSet(noGrid)) {
        grid.alphas = {base.alpha};
        grid.lambdas = {base.lambda};
    } else {
        grid.alphas = parseList(parser.value(alphas), QStringLiteral("alphas"));
        grid.lambdas = parseList(parser.value(lambdas), QStringLiteral("lambdas"));
        if (parser.isSet(balanceValues))
            grid.balanceValues = parseList(parser.value(balanceValues), QStringLiteral("balance-values"));
    }
    for (const ModelRuns& model : all) // refused before anything trains, with the parameter's range
        for (const double value : grid.balanceValues) {
            HyperParams probe = base;
            probe.balance = model.balance;
            if (const std::string error = setBalanceValue(probe, value); !error.empty())
                throw UsageError("--balance-values for " + model.spec.name() + ": " + error);
        }
    const SplitConfig firstSplit = dataset.splitConfig(parser);
    const Prepared data = dataset.prepare(parser);
    out << tr("Data: %1, %2 users, %3 items, %4 ratings (after dropping users with fewer than %5)\n")
               .arg(QString::fromStdString(data.filtered.name))
               .arg(data.filtered.userCount())
               .arg(data.filtered.itemCount())
               .arg(data.filtered.interactions.size())
               .arg(dataset.minInteractions(parser));
    out.flush();

    QString csvText =
        QStringLiteral("model,balance,seed,alpha,lambda,best_epoch,train_seconds,val_recall,val_mrr,"
                       "val_ndcg,test_recall,test_mrr,test_ndcg,test_rmse,test_mae,test_like,test_like_auc,"
                       "test_like_log_loss\n");
    for (std::uint64_t s = 0; s < seedCount; ++s) {
        const SeededRun seeded = seededRun(firstSplit, base, s);
        const SplitConfig& splitConfig = seeded.split;
        const Split split = makeSplit(data.filtered, splitConfig);
        for (auto& model : all) {
            HyperParams hp = seeded.hp;
            hp.balance = model.balance;
            model.applySettings(hp);
            GridSettings modelGrid = grid;
            if (parser.isSet(noGrid) && !std::isnan(balanceValue(hp)))
                modelGrid.balanceValues = {balanceValue(hp)}; // the balance's own parameter as given
            GridResult result = gridSearch(data.filtered, split, model.spec, hp, modelGrid);
            const RunResult& run = result.best;
            out << tr("seed %1  %2: alpha %3, lambda %4, epoch %5: validation recall@%6 %7; test %8 (%9 s)\n")
                       .arg(splitConfig.seed)
                       .arg(model.title(), -22)
                       .arg(run.hp.alpha)
                       .arg(run.hp.lambda)
                       .arg(run.bestEpoch)
                       .arg(run.hp.topK)
                       .arg(run.validation.recall, 0, 'f', 4)
                       .arg(formatMetrics(run.test))
                       .arg(run.trainSeconds, 0, 'f', 1);
            out.flush();
            csvText += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18\n")
                           .arg(model.name())
                           .arg(QString::fromStdString(findBalance(model.balance).key))
                           .arg(splitConfig.seed)
                           .arg(run.hp.alpha)
                           .arg(run.hp.lambda)
                           .arg(run.bestEpoch)
                           .arg(run.trainSeconds)
                           .arg(run.validation.recall)
                           .arg(run.validation.mrr)
                           .arg(run.validation.ndcg)
                           .arg(run.test.recall)
                           .arg(run.test.mrr)
                           .arg(run.test.ndcg)
                           .arg(run.test.rmse)
                           .arg(run.test.mae)
                           .arg(run.test.likeRecall)
                           .arg(run.test.likeAuc)
                           .arg(run.test.likeLogLoss);
            RunResult kept = run;
            kept.model.reset(); // outcomes are enough from here on
            model.runs.push_back(std::move(kept));
            model.grids.push_back(std::move(result.points));
        }
    }

    auto find = [&](const ModelSpec& spec, Balance balance) -> const ModelRuns* { // the one without settings
        for (const auto& m : all)
            if (m.spec == spec && m.balance == balance && m.settings.isEmpty())
                return &m;
        return nullptr;
    };
    const std::uint32_t k = base.topK;
    QJsonArray jsonRuns;
    // A like head's log loss only when a cascade is among the models (the others have none).
    const bool logLoss = std::any_of(all.begin(), all.end(), [](const ModelRuns& m) { return m.spec.isCascade(); });
    QString table = logLoss ? tr("| algorithm | Recall@%1 | MRR@%1 | NDCG@%1 | RMSE | MAE | Like@%1 | Like AUC | Like "
                                 "log loss | MTL gain Recall@%1 |\n|---|---|---|---|---|---|---|---|---|---|\n")
                                  .arg(k)
                            : tr("| algorithm | Recall@%1 | MRR@%1 | NDCG@%1 | RMSE | MAE | Like@%1 | Like AUC | MTL "
                                 "gain Recall@%1 |\n|---|---|---|---|---|---|---|---|---|\n")
                                  .arg(k);
    for (const auto& model : all) {
        std::vector<double> recall, mrr, ndcg, rmse, mae, like, likeAuc, likeLogLoss;
        for (const auto& run : model.runs) {
            recall.push_back(run.test.recall);
            mrr.push_back(run.test.mrr);
            ndcg.push_back(run.test.ndcg);
            rmse.push_back(run.test.rmse);
            mae.push_back(run.test.mae);
            like.push_back(run.test.likeRecall);
            likeAuc.push_back(run.test.likeAuc);
            likeLogLoss.push_back(run.test.likeLogLoss);
        }
        // PLE's MTL gain (docs/method.md, "MTL gain"): over the ranking model alone, same seeds.
        const ModelRuns* alone =
            model.spec.coupling == Coupling::Single ? nullptr : find(model.spec.rankingAlone(), Balance::Fixed);
        QString gain = QStringLiteral("\u2013");
        const std::vector<PairedTest> gainTests = alone ? mtlGainTests(*alone, model, k) : std::vector<PairedTest>{};
        if (!gainTests.empty() && gainTests.front().pairs > 0) {
            const PairedTest& t = gainTests.front(); // Recall@k
            gain = QStringLiteral("%1%2 (p = %3)")
                       .arg(t.meanDifference >= 0 ? QStringLiteral("+") : QString())
                       .arg(t.meanDifference, 0, 'f', 4)
                       .arg(pValue(t.pValue));
        }
        table += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | ")
                     .arg(model.title(), meanStd(recall, 4), meanStd(mrr, 4), meanStd(ndcg, 4), meanStd(rmse, 3),
                          meanStd(mae, 3), meanStd(like, 4), meanStd(likeAuc, 4)) +
                 (logLoss ? meanStd(likeLogLoss, 3) + QStringLiteral(" | ") : QString()) + gain +
                 QStringLiteral(" |\n");
        for (std::size_t r = 0; r < model.runs.size(); ++r) {
            QJsonObject object = runToJson(model.runs[r], model.grids[r]);
            if (alone)
                object.insert(QStringLiteral("mtl_gain"), mtlGainToJson(model.runs[r], alone->runs, gainTests, k));
            jsonRuns.append(object);
        }
    }
    QString tests;
    for (const auto& model : all) {
        if (model.spec.coupling == Coupling::Single)
            continue;
        ModelSpec vanilla = model.spec;
        vanilla.coupling = Coupling::Vanilla;
        // Settings against the same model without them; a balance against fixed weights on the same
        // model; every coupling against vanilla on the same pair and balance; vanilla against the
        // ranking model alone.
        // A cascade: the pairwise loss against ESMM, ESMM against the parallel view (RnR, else vanilla)
        // on the same ranking component (docs/method.md, "Choose, then like").
        auto parallel = [&](Coupling coupling) -> const ModelRuns* {
            for (const auto& m : all)
                if (m.spec.ranker == model.spec.ranker && m.spec.coupling == coupling && m.balance == Balance::Fixed &&
                    m.settings.isEmpty())
                    return &m;
            return nullptr;
        };
        const ModelRuns* baseline = nullptr;
        if (model.spec.coupling == Coupling::Pairwise && model.settings.isEmpty() && model.balance == Balance::Fixed)
            baseline = parallel(Coupling::ESMM);
        else if (model.spec.coupling == Coupling::ESMM && model.settings.isEmpty() && model.balance == Balance::Fixed)
            baseline = parallel(Coupling::RnR) ? parallel(Coupling::RnR) : parallel(Coupling::Vanilla);
        if (!baseline && !model.settings.isEmpty())
            baseline = find(model.spec, model.balance);
        if (!baseline && model.balance != Balance::Fixed)
            baseline = find(model.spec, Balance::Fixed);
        if (!baseline && model.spec.isCascade())
            baseline = find(model.spec.rankingAlone(), Balance::Fixed);
        if (!baseline)
            baseline = model.spec.coupling != Coupling::Vanilla ? find(vanilla, model.balance)
                                                                : find(model.spec.rankingAlone(), Balance::Fixed);
        if (baseline)
            tests += pairedLine(*baseline, model, k);
    }
    out << '\n' << table;
    if (!tests.isEmpty())
        out << tr("\nPaired randomisation tests on per-user test outcomes (difference of means, two-sided p):\n")
            << tests;
    if (parser.isSet(json))
        writeJson(parser.value(json), jsonRuns);
    if (parser.isSet(csv))
        writeText(parser.value(csv), csvText);
    if (parser.isSet(markdown))
        writeText(parser.value(markdown), table + (tests.isEmpty() ? QString() : QStringLiteral("\n") + tests));
    return Ok;
}

} // namespace rnr::cli
