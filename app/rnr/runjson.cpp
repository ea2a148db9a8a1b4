#include "runjson.h"

#include <QJsonArray>

#include <cmath>

namespace rnr::cli {

namespace {
QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject metricsToJson(const Metrics& m)
{
    const QString k = QString::number(m.k);
    QJsonObject object;
    object.insert(QStringLiteral("recall@") + k, number(m.recall));
    object.insert(QStringLiteral("mrr@") + k, number(m.mrr));
    object.insert(QStringLiteral("ndcg@") + k, number(m.ndcg));
    object.insert(QStringLiteral("rmse"), number(m.rmse));
    object.insert(QStringLiteral("mae"), number(m.mae));
    object.insert(QStringLiteral("users"), double(m.users));
    // Choose, then like (docs/method.md): the like ranking over the liked users, the pooled AUC.
    object.insert(QStringLiteral("like@") + k, number(m.likeRecall));
    object.insert(QStringLiteral("like_mrr@") + k, number(m.likeMrr));
    object.insert(QStringLiteral("like_ndcg@") + k, number(m.likeNdcg));
    object.insert(QStringLiteral("like_auc"), number(m.likeAuc));
    object.insert(QStringLiteral("like_users"), double(m.likeUsers));
    object.insert(QStringLiteral("like_log_loss"), number(m.likeLogLoss)); // cascades' like head; null otherwise
    return object;
}

QJsonObject runToJson(const RunResult& run, const std::vector<GridPoint>& grid)
{
    QJsonObject object;
    object.insert(QStringLiteral("model"), QString::fromStdString(run.spec.name()));
    object.insert(QStringLiteral("title"), QString::fromStdString(run.spec.title()));
    object.insert(QStringLiteral("ranker"), QString::fromLatin1(rankerName(run.spec.ranker).data()));
    object.insert(QStringLiteral("rater"), QString::fromLatin1(raterName(run.spec.rater).data()));
    const CouplingInfo* coupling = findCoupling(run.spec.coupling);
    object.insert(QStringLiteral("coupling"),
                  coupling ? QString::fromStdString(coupling->key) : QStringLiteral("none"));
    object.insert(QStringLiteral("seed"), double(run.hp.seed));
    QJsonObject split; // docs/method.md, "Split"
    split.insert(QStringLiteral("users"), run.split.users == kAllUsers ? QJsonValue(QStringLiteral("all"))
                                                                       : QJsonValue(double(run.split.users)));
    split.insert(QStringLiteral("seed"), double(run.split.seed));
    split.insert(QStringLiteral("ties"), QString::fromLatin1(tieRuleKey(run.split.ties).data()));
    object.insert(QStringLiteral("split"), split);
    if (run.spec.coupling != Coupling::Single)
        object.insert(QStringLiteral("balance"), QString::fromStdString(findBalance(run.hp.balance).key));
    if (ratingTaskOff(run.spec, run.hp)) // docs/method.md, "Grid": α = 1 trained no rating task
        object.insert(QStringLiteral("rating_task_off"), QString::fromStdString(ratingTaskOffNote(run.spec, run.hp)));
    QJsonObject config;
    for (const auto& [key, value] : describe(run.hp))
        config.insert(QString::fromStdString(key), QString::fromStdString(value));
    object.insert(QStringLiteral("config"), config);
    QJsonArray epochs;
    for (const auto& e : run.epochs) {
        QJsonObject epoch;
        epoch.insert(QStringLiteral("epoch"), double(e.epoch));
        epoch.insert(QStringLiteral("seconds"), e.seconds);
        epoch.insert(QStringLiteral("loss"), number(e.objective));
        epoch.insert(QStringLiteral("ranking_loss"), number(e.rankingLoss));
        epoch.insert(QStringLiteral("rating_loss"), number(e.ratingLoss));
        epoch.insert(QStringLiteral("regularisation"), number(e.regularisation));
        epoch.insert(QStringLiteral("samples_per_second"), e.samplesPerSecond);
        if (e.validation)
            epoch.insert(QStringLiteral("validation"), metricsToJson(*e.validation));
        if (e.interplay) {
            // How the tasks' gradients on the shared rows related (docs/method.md, "Task interplay").
            const Interplay& i = *e.interplay;
            QJsonObject interplay;
            interplay.insert(QStringLiteral("cosine_users"), number(i.cosineUsers));
            interplay.insert(QStringLiteral("cosine_items"), number(i.cosineItems));
            interplay.insert(QStringLiteral("conflict_share"), number(i.conflictShare));
            interplay.insert(QStringLiteral("batch_conflict_share"), number(i.batchConflictShare));
            interplay.insert(QStringLiteral("norm_ranking"), number(i.normRanking));
            interplay.insert(QStringLiteral("norm_rating"), number(i.normRating));
            interplay.insert(QStringLiteral("batches"), double(i.batches));
            interplay.insert(QStringLiteral("task_weights"), QJsonObject{{QStringLiteral("ranking"), i.rankingWeight},
                                                                         {QStringLiteral("rating"), i.ratingWeight}});
            if (!i.gates[0][0].empty()) { // expert mixtures: per task, per side, per expert
                QJsonObject gates;
                for (int task = 0; task < 2; ++task) {
                    QJsonObject sides;
                    for (int side = 0; side < 2; ++side) {
                        QJsonArray weights;
                        for (const double w : i.gates[std::size_t(task)][std::size_t(side)])
                            weights.append(w);
                        sides.insert(side == 0 ? QStringLiteral("users") : QStringLiteral("items"), weights);
                    }
                    gates.insert(task == 0 ? QStringLiteral("ranking") : QStringLiteral("rating"), sides);
                }
                interplay.insert(QStringLiteral("gates"), gates);
            }
            epoch.insert(QStringLiteral("interplay"), interplay);
        }
        epochs.append(epoch);
    }
    object.insert(QStringLiteral("epochs"), epochs);
    object.insert(QStringLiteral("best_epoch"), double(run.bestEpoch));
    object.insert(QStringLiteral("validation"), metricsToJson(run.validation));
    object.insert(QStringLiteral("test"), metricsToJson(run.test));
    object.insert(QStringLiteral("train_seconds"), run.trainSeconds);
    const QString parameter = QString::fromStdString(findBalance(effectiveBalance(run.spec, run.hp)).parameter);
    QJsonObject chosen;
    chosen.insert(QStringLiteral("alpha"), run.hp.alpha);
    chosen.insert(QStringLiteral("lambda"), run.hp.lambda);
    if (!parameter.isEmpty()) // the balance's own parameter, searched instead of alpha
        chosen.insert(parameter, balanceValue(run.hp));
    object.insert(QStringLiteral("grid_point"), chosen);
    if (!grid.empty()) {
        QJsonArray points;
        for (const auto& p : grid) {
            QJsonObject point;
            point.insert(QStringLiteral("alpha"), p.alpha);
            point.insert(QStringLiteral("lambda"), p.lambda);
            if (!parameter.isEmpty())
                point.insert(parameter, p.balanceValue);
            point.insert(QStringLiteral("best_epoch"), double(p.bestEpoch));
            point.insert(QStringLiteral("validation"), metricsToJson(p.validation));
            points.append(point);
        }
        object.insert(QStringLiteral("grid"), points);
    }
    return object;
}

} // namespace rnr::cli
