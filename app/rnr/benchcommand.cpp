#include "benchcommand.h"

#include "cli.h"
#include "datasetoptions.h"
#include "hyperparamoptions.h"
#include "output.h"

#include "data/synthetic.h"
#include "eval/evaluator.h"
#include "io/loader.h"
#include "train/trainer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::bench", text);
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

int runBench(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measure throughput on a generated data set the size of MovieLens-1M (1,000,000 ratings, 6,040 users, "
           "3,706 items) with d = 50: parsing, one training epoch per model and thread count, and full-ranking "
           "top-10 evaluation of every user. Budgets: parse <= 0.5 s, RnR epoch <= 1 s, vanilla epoch <= 0.5 s, "
           "evaluation <= 0.1 s."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Write the figures as JSON to this file."),
                                  QStringLiteral("file"));
    QStringList everyDesign; // each multi-task coupling on BPR + SVD, so users see what each costs
    for (const CouplingInfo& coupling : couplingInfo())
        everyDesign << QString::fromStdString(coupling.key + (coupling.cascade ? ":bpr" : ":bpr+svd"));
    const QCommandLineOption models(
        QStringLiteral("models"),
        tr("Models to time (default: every coupling on BPR and SVD, %1).").arg(everyDesign.join(QLatin1Char(','))),
        QStringLiteral("list"), everyDesign.join(QLatin1Char(',')));
    const QCommandLineOption threads(QStringLiteral("thread-counts"), tr("Thread counts to time (default 1,2)."),
                                     QStringLiteral("list"), QStringLiteral("1,2"));
    const QCommandLineOption ratings(QStringLiteral("ratings"), tr("Number of ratings (default 1000000)."),
                                     QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption repeats(QStringLiteral("repeats"), tr("Repetitions; the best time is kept (default 3)."),
                                     QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({json, models, threads, ratings, repeats});
    HyperParamOptions hyper;
    hyper.addTo(parser);
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("bench"), out, err))
        return *stop;
    const HyperParams base = hyper.apply(parser, HyperParams{});
    SyntheticSize size;
    size.ratings = parseCount(parser.value(ratings), QStringLiteral("ratings"));
    const auto rounds = std::max<std::uint64_t>(1, parseCount(parser.value(repeats), QStringLiteral("repeats")));
    std::vector<std::uint32_t> threadCounts;
    for (const QString& t : parser.value(threads).split(QLatin1Char(','), Qt::SkipEmptyParts))
        threadCounts.push_back(
            static_cast<std::uint32_t>(std::max<std::uint64_t>(1, parseCount(t, QStringLiteral("thread-counts")))));
    std::vector<ModelSpec> specs;
    for (const QString& m : parser.value(models).split(QLatin1Char(','), Qt::SkipEmptyParts))
        specs.push_back(parseModelSpec(m.toStdString()));

    out << tr("machine: %1 hardware threads\n").arg(QThread::idealThreadCount());
    const Dataset data = syntheticRatings(size);
    QJsonObject result;
    {
        QTemporaryDir dir;
        const std::string file = dir.filePath(QStringLiteral("ratings.dat")).toStdString();
        writeMovieLensDat(data, file);
        double best = 1e300;
        for (std::uint64_t r = 0; r < rounds; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const LoadResult loaded = loadDataset(file);
            best = std::min(best, secondsSince(start));
        }
        result.insert(QStringLiteral("parse_seconds"), best);
        out << tr("parse %1 ratings (MovieLens-1M format): %2 s\n").arg(size.ratings).arg(best, 0, 'f', 3);
        out.flush();
    }
    const Dataset filtered = filterMinInteractions(data);
    const Split split = makeSplit(filtered, SplitConfig{});
    QJsonObject epochs;
    for (const ModelSpec& spec : specs) {
        QJsonObject perThreads;
        for (const std::uint32_t t : threadCounts) {
            HyperParams hp = base;
            hp.threads = t;
            hp.epochs = static_cast<std::uint32_t>(rounds);
            hp.validationUsers = 1; // time the training, not the validation
            Trainer trainer(filtered, split, spec, hp);
            double best = 1e300;
            while (!trainer.done())
                if (const auto record = trainer.step())
                    best = std::min(best, record->seconds);
            perThreads.insert(QString::number(t), best);
            out << tr("epoch of %1 on %2 thread(s): %3 s\n")
                       .arg(QString::fromStdString(spec.title()))
                       .arg(t)
                       .arg(best, 0, 'f', 3);
            out.flush();
        }
        epochs.insert(QString::fromStdString(spec.name()), perThreads);
    }
    result.insert(QStringLiteral("epoch_seconds"), epochs);
    {
        // Every user's held-out item, ranked against all items.
        const Split all = makeSplit(filtered, SplitConfig{});
        std::vector<Interaction> heldOut = all.validation;
        heldOut.insert(heldOut.end(), all.test.begin(), all.test.end());
        HyperParams hp;
        hp.epochs = 1;
        const Trainer trainer(filtered, all, parseModelSpec("bpr"), hp);
        QJsonObject perThreads;
        for (const std::uint32_t t : threadCounts) {
            EvaluationOptions options;
            options.threads = t;
            options.keepTop = true;
            double best = 1e300;
            for (std::uint64_t r = 0; r < rounds; ++r)
                best = std::min(best, evaluate(trainer.model(), heldOut, options).seconds);
            perThreads.insert(QString::number(t), best);
            out << tr("full-ranking top-10 evaluation of %1 users x %2 items on %3 thread(s): %4 s\n")
                       .arg(heldOut.size())
                       .arg(filtered.itemCount())
                       .arg(t)
                       .arg(best, 0, 'f', 3);
        }
        result.insert(QStringLiteral("eval_seconds"), perThreads);
    }
    result.insert(QStringLiteral("hardware_threads"), QThread::idealThreadCount());
    result.insert(QStringLiteral("ratings"), double(size.ratings));
    if (parser.isSet(json)) {
        writeText(parser.value(json), QString::fromUtf8(QJsonDocument(result).toJson()));
        out << tr("wrote %1\n").arg(parser.value(json));
    }
    return Ok;
}

} // namespace rnr::cli
