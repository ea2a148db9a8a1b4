#include "traincommand.h"

#include "cli.h"
#include "datasetoptions.h"
#include "hyperparamoptions.h"
#include "output.h"
#include "runjson.h"

#include "persist/checkpoint.h"
#include "train/experiment.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::train", text);
}
} // namespace

int runTrain(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Train one model with one configuration on the training part of the split, "
                                        "validate after every epoch, and report the test figures of the best epoch."));
    const QCommandLineOption model(QStringLiteral("model"),
                                   tr("Model: popularity, bpr, cdae, wrmf, svd, svd++, vanilla:R+P, rnr:R+P, "
                                      "deviation-only:R+P, fc-only:R+P, mmoe:R+P, ple:R+P, cross-stitch:R+P, or the "
                                      "choose-then-like cascades esmm:R and pairwise:R (e.g. rnr:bpr+svd, esmm:bpr)."),
                                   QStringLiteral("name"),
                                   QString::fromLatin1(kDefaultModel.data(), qsizetype(kDefaultModel.size())));
    const QCommandLineOption json(QStringLiteral("json"), tr("Write the run as JSON to this file."),
                                  QStringLiteral("file"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), tr("Print only the final figures."));
    const QCommandLineOption save(QStringLiteral("save"),
                                  tr("Save the trained model (best epoch) as a checkpoint for rnr recommend."),
                                  QStringLiteral("file"));
    parser.addOptions({model, json, quiet, save});
    DatasetOptions dataset;
    dataset.addTo(parser);
    HyperParamOptions hyper;
    hyper.addTo(parser);
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("train"), out, err))
        return *stop;
    const ModelSpec spec = parseModelSpec(parser.value(model).toStdString());
    const SplitConfig splitConfig = dataset.splitConfig(parser);
    HyperParams hp = hyper.apply(parser, HyperParams{});
    if (!hyper.isSet(parser, QStringLiteral("model-seed")))
        hp.seed = splitConfig.seed;

    const Prepared data = dataset.prepare(parser);
    const Split split = makeSplit(data.filtered, splitConfig);
    out << tr("%1 on %2: %3 users, %4 items, %5 training ratings, %6 validation and %7 test users\n")
               .arg(QString::fromStdString(spec.title()), QString::fromStdString(data.filtered.name))
               .arg(data.filtered.userCount())
               .arg(data.filtered.itemCount())
               .arg(split.train.size())
               .arg(split.validation.size())
               .arg(split.test.size());
    out << tr("%1 of %2 users rated several items at their last timestamp; ties: %3\n")
               .arg(split.tiedUsers)
               .arg(split.userCount)
               .arg(QString::fromLatin1(tieRuleKey(splitConfig.ties).data()));
    out.flush();

    JobObserver observer;
    if (!parser.isSet(quiet))
        observer.epoch = [&](const EpochRecord& e) {
            out << formatEpoch(e, hp) << '\n';
            out.flush();
        };
    const RunResult run = runExperiment(data.filtered, split, spec, hp, observer);
    out << tr("best epoch %1; test: %2\n").arg(run.bestEpoch).arg(formatMetrics(run.test));
    if (parser.isSet(json)) {
        QJsonArray runs{runToJson(run)};
        writeJson(parser.value(json), runs);
        out << tr("wrote %1\n").arg(parser.value(json));
    }
    if (parser.isSet(save)) {
        saveCheckpoint(makeCheckpoint(run.model, data.filtered), QFile::encodeName(parser.value(save)).toStdString());
        out << tr("saved %1\n").arg(parser.value(save));
    }
    return Ok;
}

} // namespace rnr::cli
