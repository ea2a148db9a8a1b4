#include "comparereport.h"

#include "output.h"
#include "runjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace rnr::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::compare", text);
}

QString meanStd(const std::vector<double>& values, int decimals)
{
    return QString::fromStdString(formatMeanStd(rnr::meanStd(values), decimals));
}

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

QString pValue(double p)
{
    return p < 0.001 ? QStringLiteral("p < 0.001") : QStringLiteral("p = ") + QString::number(p, 'f', 3);
}

/// Paired tests on per-user outcomes pooled over seeds (pairs: same seed, user and item).
QString pairedLine(const ModelRuns& a, const ModelRuns& b, std::uint32_t k)
{
    QStringList parts;
    for (const char* metric : {"recall", "mrr", "like-recall"}) {
        const PairedTest t = pairedTestBySeed(a.runs, b.runs, metric, k);
        if (t.pairs == 0)
            continue;
        parts << QStringLiteral("%1@%2 %3%4 (%5)")
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

/// One CSV row per run, seed by seed, model by model (the order the runs were trained in).
QString csvText(const std::vector<ModelRuns>& models)
{
    QString text = QStringLiteral("model,balance,seed,alpha,lambda,best_epoch,train_seconds,val_recall,val_mrr,"
                                  "val_ndcg,test_recall,test_mrr,test_ndcg,test_rmse,test_mae,test_like,test_like_auc,"
                                  "test_like_log_loss\n");
    for (std::size_t s = 0; s < models.front().runs.size(); ++s)
        for (const ModelRuns& model : models) {
            const RunResult& run = model.runs[s];
            text += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18\n")
                        .arg(model.name())
                        .arg(QString::fromStdString(findBalance(model.balance).key))
                        .arg(run.hp.seed)
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
        }
    return text;
}

} // namespace

QString dataLine(const Dataset& filtered, std::uint32_t minInteractions)
{
    return tr("Data: %1, %2 users, %3 items, %4 ratings (after dropping users with fewer than %5)\n")
        .arg(QString::fromStdString(filtered.name))
        .arg(filtered.userCount())
        .arg(filtered.itemCount())
        .arg(filtered.interactions.size())
        .arg(minInteractions);
}

namespace {
// "RnR(BPR, SVD) (α = 1 in 2 of 3 runs: same as BPR)": the runs whose grid switched the rating
// task off (docs/method.md, "Grid"), said in the row.
QString titleWithTaskOff(const ModelRuns& model)
{
    QString title = model.title();
    const auto off = std::count_if(model.runs.begin(), model.runs.end(),
                                   [&](const RunResult& run) { return ratingTaskOff(model.spec, run.hp); });
    if (off == 0)
        return title;
    const QString note = QString::fromStdString(ratingTaskOffNote(model.spec, model.runs.front().hp));
    if (std::size_t(off) == model.runs.size())
        return tr("%1 (%2)").arg(title, note);
    return tr("%1 (%2 in %3 of %4 runs)").arg(title, note).arg(off).arg(model.runs.size());
}
} // namespace

QString runLine(const ModelRuns& model, const RunResult& run, std::uint64_t splitSeed)
{
    const std::string off = ratingTaskOffNote(model.spec, run.hp);
    return tr("seed %1  %2: alpha %3, lambda %4, epoch %5: validation recall@%6 %7; test %8 (%9 s)%10\n")
        .arg(splitSeed)
        .arg(model.title(), -22)
        .arg(run.hp.alpha)
        .arg(run.hp.lambda)
        .arg(run.bestEpoch)
        .arg(run.hp.topK)
        .arg(run.validation.recall, 0, 'f', 4)
        .arg(formatMetrics(run.test))
        .arg(run.trainSeconds, 0, 'f', 1)
        .arg(off.empty() ? QString() : QStringLiteral("  [%1]").arg(QString::fromStdString(off)));
}

void reportComparison(const std::vector<ModelRuns>& models, std::uint32_t k, const CompareOutputs& outputs,
                      QTextStream& out)
{
    auto find = [&](const ModelSpec& spec, Balance balance) -> const ModelRuns* { // the one without settings
        for (const auto& m : models)
            if (m.spec == spec && m.balance == balance && m.settings.isEmpty())
                return &m;
        return nullptr;
    };
    QJsonArray jsonRuns;
    // A like head's log loss only when a cascade is among the models (the others have none).
    const bool logLoss =
        std::any_of(models.begin(), models.end(), [](const ModelRuns& m) { return m.spec.isCascade(); });
    QString table = logLoss ? tr("| algorithm | Recall@%1 | MRR@%1 | NDCG@%1 | RMSE | MAE | Like@%1 | Like AUC | Like "
                                 "log loss | MTL gain Recall@%1 |\n|---|---|---|---|---|---|---|---|---|---|\n")
                                  .arg(k)
                            : tr("| algorithm | Recall@%1 | MRR@%1 | NDCG@%1 | RMSE | MAE | Like@%1 | Like AUC | MTL "
                                 "gain Recall@%1 |\n|---|---|---|---|---|---|---|---|---|\n")
                                  .arg(k);
    for (const auto& model : models) {
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
            gain = QStringLiteral("%1%2 (%3)")
                       .arg(t.meanDifference >= 0 ? QStringLiteral("+") : QString())
                       .arg(t.meanDifference, 0, 'f', 4)
                       .arg(pValue(t.pValue));
        }
        table += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | ")
                     .arg(titleWithTaskOff(model), meanStd(recall, 4), meanStd(mrr, 4), meanStd(ndcg, 4),
                          meanStd(rmse, 3), meanStd(mae, 3), meanStd(like, 4), meanStd(likeAuc, 4)) +
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
    for (const auto& model : models) {
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
            for (const auto& m : models)
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
    if (!outputs.json.isEmpty())
        writeJson(outputs.json, jsonRuns);
    if (!outputs.csv.isEmpty())
        writeText(outputs.csv, csvText(models));
    if (!outputs.markdown.isEmpty())
        writeText(outputs.markdown, table + (tests.isEmpty() ? QString() : QStringLiteral("\n") + tests));
}

} // namespace rnr::cli
