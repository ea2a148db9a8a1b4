#include "recommendcommand.h"

#include "cli.h"
#include "datasetoptions.h"
#include "output.h"

#include "eval/recommend.h"
#include "persist/checkpoint.h"
#include "persist/exports.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::recommend", text);
}

std::vector<Recommendation> topK(const Checkpoint& checkpoint, std::uint32_t user, std::size_t k)
{
    return recommend(*checkpoint.model, user, k, checkpoint.scale);
}

QString title(const Checkpoint& checkpoint, std::uint32_t item)
{
    return item < checkpoint.itemTitles.size() ? QString::fromStdString(checkpoint.itemTitles[item]) : QString();
}

QString fixed(float value, int decimals)
{
    return std::isfinite(value) ? QString::number(double(value), 'f', decimals) : QStringLiteral("-");
}

QJsonObject toJson(const Checkpoint& checkpoint, const QString& user, std::size_t k,
                   const std::vector<Recommendation>& list)
{
    QJsonObject object;
    object.insert(QStringLiteral("model"), QString::fromStdString(checkpoint.spec.name()));
    object.insert(QStringLiteral("title"), QString::fromStdString(checkpoint.spec.title()));
    object.insert(QStringLiteral("dataset"), QString::fromStdString(checkpoint.datasetName));
    object.insert(QStringLiteral("dataset_fingerprint"),
                  QStringLiteral("%1").arg(checkpoint.datasetFingerprint, 16, 16, QLatin1Char('0')));
    object.insert(QStringLiteral("user"), user);
    object.insert(QStringLiteral("k"), double(k));
    QJsonArray items;
    for (std::size_t r = 0; r < list.size(); ++r) {
        const Recommendation& rec = list[r];
        QJsonObject entry;
        entry.insert(QStringLiteral("rank"), double(r + 1));
        entry.insert(QStringLiteral("item"), QString::fromStdString(checkpoint.itemIds[rec.item]));
        entry.insert(QStringLiteral("title"), title(checkpoint, rec.item));
        entry.insert(QStringLiteral("score"),
                     std::isfinite(rec.score) ? QJsonValue(double(rec.score)) : QJsonValue(QJsonValue::Null));
        entry.insert(QStringLiteral("rating"),
                     std::isfinite(rec.rating) ? QJsonValue(double(rec.rating)) : QJsonValue(QJsonValue::Null));
        // Cascades (docs/method.md, "Choose, then like"): the chance to choose and to like.
        entry.insert(QStringLiteral("p_choose"),
                     std::isfinite(rec.choose) ? QJsonValue(double(rec.choose)) : QJsonValue(QJsonValue::Null));
        entry.insert(QStringLiteral("p_like"),
                     std::isfinite(rec.like) ? QJsonValue(double(rec.like)) : QJsonValue(QJsonValue::Null));
        items.append(entry);
    }
    object.insert(QStringLiteral("recommendations"), items);
    return object;
}
} // namespace

int runRecommend(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show a user's top-k items under a saved model (rnr train --save), with "
                                        "predicted ratings when the model rates and p(choose), p(like) when it is a "
                                        "choose-then-like cascade; the user's training items are left out."));
    const QCommandLineOption model(QStringLiteral("model"), tr("Checkpoint written by rnr train --save."),
                                   QStringLiteral("checkpoint"));
    const QCommandLineOption user(QStringLiteral("user"), tr("User id, as in the data set."), QStringLiteral("id"));
    const QCommandLineOption k(QStringLiteral("k"), tr("Number of items to show (default 10)."), QStringLiteral("n"),
                               QStringLiteral("10"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Write the list as JSON to this file."),
                                  QStringLiteral("file"));
    const QCommandLineOption all(QStringLiteral("all"), tr("Every user's top-k, written with --csv."));
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 tr("With --all: write user, rank, item, title, score and predicted rating of "
                                    "every user's top-k to this CSV file."),
                                 QStringLiteral("file"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Threads for --all (default 1)."),
                                     QStringLiteral("n"), QStringLiteral("1"));
    parser.addOptions({model, user, k, json, all, csv, threads});
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("recommend"), out, err))
        return *stop;
    if (!parser.isSet(model) || parser.value(model).isEmpty()) {
        err << tr("rnr recommend: --model CHECKPOINT is required (see 'rnr recommend --help')\n");
        return Usage;
    }
    if (parser.isSet(all) != parser.isSet(csv)) {
        err << tr("rnr recommend: --all and --csv FILE go together (see 'rnr recommend --help')\n");
        return Usage;
    }
    if (parser.isSet(all) && (parser.isSet(user) || parser.isSet(json))) {
        err << tr("rnr recommend: --all writes every user to --csv; leave out --user and --json\n");
        return Usage;
    }
    if (!parser.isSet(user) && !parser.isSet(all)) {
        err << tr("rnr recommend: --user ID (or --all --csv FILE) is required (see 'rnr recommend --help')\n");
        return Usage;
    }
    const std::uint64_t count = parseCount(parser.value(k), QStringLiteral("k"));
    if (count == 0) {
        err << tr("rnr recommend: -k must be at least 1\n");
        return Usage;
    }

    const QString path = parser.value(model);
    const Checkpoint checkpoint = loadCheckpoint(QFile::encodeName(path).toStdString());
    if (parser.isSet(all)) {
        const auto threadCount = parseThreads(parser.value(threads));
        const QString file = parser.value(csv);
        const ItemLabels labels{checkpoint.userIds, checkpoint.itemIds, checkpoint.itemTitles};
        writeTopKCsv(QFile::encodeName(file).toStdString(), *checkpoint.model, labels,
                     std::size_t(std::min<std::uint64_t>(count, SIZE_MAX)), checkpoint.scale, threadCount);
        out << tr("wrote the top %1 of %2 users of %3 to %4\n")
                   .arg(count)
                   .arg(checkpoint.model->userCount())
                   .arg(QString::fromStdString(checkpoint.datasetName), file);
        return Ok;
    }
    const QString userId = parser.value(user);
    const std::string wanted = userId.toStdString();
    const auto found = std::find(checkpoint.userIds.begin(), checkpoint.userIds.end(), wanted);
    if (found == checkpoint.userIds.end()) {
        QStringList examples;
        for (std::size_t u = 0; u < std::min<std::size_t>(3, checkpoint.userIds.size()); ++u)
            examples << QStringLiteral("'%1'").arg(QString::fromStdString(checkpoint.userIds[u]));
        err << tr("rnr recommend: the model knows no user '%1'; it knows the %2 users of %3, e.g. %4\n")
                   .arg(userId, QString::number(checkpoint.userIds.size()),
                        QString::fromStdString(checkpoint.datasetName), examples.join(QStringLiteral(", ")));
        return Failure;
    }
    const auto u = static_cast<std::uint32_t>(found - checkpoint.userIds.begin());
    const std::size_t wantedCount = static_cast<std::size_t>(std::min<std::uint64_t>(count, SIZE_MAX));
    const std::vector<Recommendation> list = topK(checkpoint, u, wantedCount);

    out << tr("%1 trained on %2; user %3 has %4 training ratings\n")
               .arg(QString::fromStdString(checkpoint.spec.title()), QString::fromStdString(checkpoint.datasetName),
                    userId, QString::number(checkpoint.model->history().of(u).size()));
    if (list.empty()) {
        out << tr("no item is left to recommend: the user has rated them all\n");
    } else {
        int idWidth = 4;
        for (const auto& rec : list)
            idWidth = std::max(idWidth, int(QString::fromStdString(checkpoint.itemIds[rec.item]).size()));
        const bool rates = checkpoint.spec.hasRater();
        const QString gap = QStringLiteral("  ");
        QString header = tr("rank").rightJustified(4) + gap + tr("item").leftJustified(idWidth) + gap +
                         tr("score").rightJustified(10);
        const bool likes = checkpoint.model->hasLikeHead();
        if (rates)
            header += gap + tr("rating").rightJustified(6);
        if (likes)
            header += gap + tr("p(choose)").rightJustified(9) + gap + tr("p(like)").rightJustified(7);
        out << header << gap << tr("title") << '\n';
        for (std::size_t r = 0; r < list.size(); ++r) {
            const Recommendation& rec = list[r];
            QString line = QString::number(r + 1).rightJustified(4) + gap +
                           QString::fromStdString(checkpoint.itemIds[rec.item]).leftJustified(idWidth) + gap +
                           fixed(rec.score, 4).rightJustified(10);
            if (rates)
                line += gap + fixed(rec.rating, 2).rightJustified(6);
            if (likes)
                line += gap + fixed(rec.choose, 3).rightJustified(9) + gap + fixed(rec.like, 3).rightJustified(7);
            out << line << gap << title(checkpoint, rec.item) << '\n';
        }
    }
    if (parser.isSet(json)) {
        const QJsonObject object = toJson(checkpoint, userId, wantedCount, list);
        writeText(parser.value(json), QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
        out << tr("wrote %1\n").arg(parser.value(json));
    }
    return Ok;
}

} // namespace rnr::cli
