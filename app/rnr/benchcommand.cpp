#include "benchcommand.h"

#include "cli.h"
#include "datasetoptions.h"
#include "hyperparamoptions.h"
#include "output.h"

#include "data/synthetic.h"
#include "eval/evaluator.h"
#include "io/loader.h"
#include "train/roofline.h"
#include "train/trainer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <sys/resource.h>

#include <chrono>
#include <map>

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

/// The process's peak resident set so far, in bytes (Linux reports kilobytes).
double peakRssBytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) * 1024.0;
}

/// The budgets of docs/product.md and issue-level targets per size, on 2 threads (seconds).
struct Budgets
{
    double parse = 0, evaluation = 0, peakBytes = 0;
    std::map<std::string, double> epoch; ///< by model name
};

Budgets budgetsFor(const std::string& size)
{
    if (size == "20m")
        return Budgets{4.0, 3.0, 2e9, {{"rnr:bpr+svd", 6.0}}};
    return Budgets{0.5, 0.03, 0, {{"rnr:bpr+svd", 0.3}, {"vanilla:bpr+svd", 0.12}, {"bpr", 0.08}}};
}

/// " (budget 0.3 s: within)" and the like; empty without a budget.
QString against(double value, double budget, const QString& unit, double scale = 1.0)
{
    if (budget <= 0)
        return {};
    return tr(" (budget %1 %2: %3)")
        .arg(budget / scale, 0, 'g', 3)
        .arg(unit, value <= budget ? tr("within") : tr("over"));
}
} // namespace

int runBench(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measure throughput on a generated data set the size of MovieLens-1M (1,000,000 ratings, 6,040 users, "
           "3,706 items) or, with --size 20m, of MovieLens-20M, with d = 50: parsing, one training epoch per model "
           "and thread count, full-ranking top-10 evaluation of every user, and the peak memory. Each figure on 2 "
           "threads is printed with its budget: 1m parse <= 0.5 s, RnR epoch <= 0.3 s, vanilla <= 0.12 s, BPR <= "
           "0.08 s, evaluation <= 0.03 s; 20m parse <= 4 s, RnR epoch <= 6 s, evaluation <= 3 s, peak memory <= 2 "
           "GB. With --ratings the data is a smaller stand-in and has no budgets."));
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
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        tr("Shape of the generated data: 1m (MovieLens-1M, written as ratings.dat) or 20m (MovieLens-20M: 138,493 "
           "users, 26,744 items, 20,000,263 ratings, written as ratings.csv) (default 1m)."),
        QStringLiteral("1m|20m"), QStringLiteral("1m"));
    const QCommandLineOption ratings(QStringLiteral("ratings"),
                                     tr("Number of ratings instead of the size's; users scale with it, so each keeps "
                                        "the size's activity (default: the size's)."),
                                     QStringLiteral("n"));
    const QCommandLineOption repeats(QStringLiteral("repeats"), tr("Repetitions; the best time is kept (default 3)."),
                                     QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({json, models, threads, sizeOption, ratings, repeats});
    HyperParamOptions hyper;
    hyper.addTo(parser);
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("bench"), out, err))
        return *stop;
    const HyperParams base = hyper.apply(parser, HyperParams{});
    const std::string sizeName = parser.value(sizeOption).toStdString();
    SyntheticSize size = syntheticShape(sizeName);
    if (parser.isSet(ratings))
        size = scaledTo(size, parseCount(parser.value(ratings), QStringLiteral("ratings")));
    const Budgets budgets = parser.isSet(ratings) ? Budgets{} : budgetsFor(sizeName); // a stand-in has none
    const bool csvFormat = sizeName == "20m";
    const auto rounds = std::max<std::uint64_t>(1, parseCount(parser.value(repeats), QStringLiteral("repeats")));
    std::vector<std::uint32_t> threadCounts;
    for (const QString& t : parser.value(threads).split(QLatin1Char(','), Qt::SkipEmptyParts))
        threadCounts.push_back(
            static_cast<std::uint32_t>(std::max<std::uint64_t>(1, parseCount(t, QStringLiteral("thread-counts")))));
    std::vector<ModelSpec> specs;
    for (const QString& m : parser.value(models).split(QLatin1Char(','), Qt::SkipEmptyParts))
        specs.push_back(parseModelSpec(m.toStdString()));

    out << tr("machine: %1 hardware threads\n").arg(QThread::idealThreadCount());
    QJsonObject result, machine;
    std::map<std::uint32_t, MachineRates> rates; // the roofline's ceilings per thread count
    for (const std::uint32_t t : threadCounts) {
        const MachineRates& r = rates[t] = measureMachine(t, base.dim);
        out << tr("machine on %1 thread(s): GEMM 1024^3 %2 GFLOP/s, GEMM 64x%3x%3 %4 GFLOP/s, memory (STREAM "
                  "triad) %5 GB/s, random %3-float rows in cache %6 GB/s\n")
                   .arg(t)
                   .arg(r.gemmFlops / 1e9, 0, 'f', 1)
                   .arg(base.dim)
                   .arg(r.smallGemmFlops / 1e9, 0, 'f', 1)
                   .arg(r.streamBytes / 1e9, 0, 'f', 1)
                   .arg(r.rowBytes / 1e9, 0, 'f', 1);
        machine.insert(QString::number(t), QJsonObject{{QStringLiteral("gemm_flops"), r.gemmFlops},
                                                       {QStringLiteral("small_gemm_flops"), r.smallGemmFlops},
                                                       {QStringLiteral("stream_bytes"), r.streamBytes},
                                                       {QStringLiteral("row_bytes"), r.rowBytes}});
    }
    result.insert(QStringLiteral("machine"), machine);
    out.flush();
    Dataset filtered;
    {
        QTemporaryDir dir;
        const std::string file =
            dir.filePath(csvFormat ? QStringLiteral("ratings.csv") : QStringLiteral("ratings.dat")).toStdString();
        {
            // The generated set lives only until it is written and filtered: the peak memory is the
            // workflow's (a loaded set, its split, a trainer), not the generator's copy besides it.
            const Dataset data = syntheticRatings(size);
            if (csvFormat)
                writeMovieLensCsv(data, file);
            else
                writeMovieLensDat(data, file);
            filtered = filterMinInteractions(data);
        }
        double best = 1e300;
        for (std::uint64_t r = 0; r < rounds; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const LoadResult loaded = loadDataset(file);
            best = std::min(best, secondsSince(start));
        }
        result.insert(QStringLiteral("parse_seconds"), best);
        out << tr("parse %1 ratings (%2): %3 s%4\n")
                   .arg(size.ratings)
                   .arg(csvFormat ? tr("MovieLens-20M ratings.csv") : tr("MovieLens-1M ratings.dat"))
                   .arg(best, 0, 'f', 3)
                   .arg(against(best, budgets.parse, tr("s")));
        out.flush();
    }
    const Split split = makeSplit(filtered, SplitConfig{});
    QJsonObject epochs, costs, epochFloors;
    for (const ModelSpec& spec : specs) {
        const EpochCost cost = epochCost(spec, base, split.train.size());
        costs.insert(QString::fromStdString(spec.name()),
                     QJsonObject{{QStringLiteral("flops"), cost.flops}, {QStringLiteral("bytes"), cost.bytes}});
        QJsonObject perThreads, floors;
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
            const auto budget = budgets.epoch.find(spec.name());
            const MachineRates& r = rates[t];
            const double floor = floorSeconds(cost, r);
            floors.insert(QString::number(t), floor);
            out << tr("epoch of %1 on %2 thread(s): %3 s%4; %5 GFLOP at %6 GFLOP/s (%7% of GEMM 64x%8x%8), %9 GB "
                      "of rows at %10 GB/s (%11% of random rows); floor at these rates %12 s\n")
                       .arg(QString::fromStdString(spec.title()))
                       .arg(t)
                       .arg(best, 0, 'f', 3)
                       .arg(t == 2 && budget != budgets.epoch.end() ? against(best, budget->second, tr("s"))
                                                                    : QString())
                       .arg(cost.flops / 1e9, 0, 'f', 1)
                       .arg(cost.flops / best / 1e9, 0, 'f', 1)
                       .arg(100.0 * cost.flops / best / r.smallGemmFlops, 0, 'f', 0)
                       .arg(base.dim)
                       .arg(cost.bytes / 1e9, 0, 'f', 1)
                       .arg(cost.bytes / best / 1e9, 0, 'f', 1)
                       .arg(100.0 * cost.bytes / best / r.rowBytes, 0, 'f', 0)
                       .arg(floor, 0, 'f', 3);
            out.flush();
        }
        epochs.insert(QString::fromStdString(spec.name()), perThreads);
        epochFloors.insert(QString::fromStdString(spec.name()), floors);
    }
    result.insert(QStringLiteral("epoch_seconds"), epochs);
    result.insert(QStringLiteral("epoch_cost"), costs);
    result.insert(QStringLiteral("epoch_floor_seconds"), epochFloors);
    {
        // Every user's held-out item, ranked against all items.
        std::vector<Interaction> heldOut = split.validation;
        heldOut.insert(heldOut.end(), split.test.begin(), split.test.end());
        HyperParams hp;
        hp.epochs = 1;
        const Trainer trainer(filtered, split, parseModelSpec("bpr"), hp);
        QJsonObject perThreads;
        for (const std::uint32_t t : threadCounts) {
            EvaluationOptions options;
            options.threads = t;
            options.keepTop = true;
            double best = 1e300;
            for (std::uint64_t r = 0; r < rounds; ++r)
                best = std::min(best, evaluate(trainer.model(), heldOut, options).seconds);
            perThreads.insert(QString::number(t), best);
            out << tr("full-ranking top-10 evaluation of %1 users x %2 items on %3 thread(s): %4 s%5\n")
                       .arg(heldOut.size())
                       .arg(filtered.itemCount())
                       .arg(t)
                       .arg(best, 0, 'f', 3)
                       .arg(t == 2 ? against(best, budgets.evaluation, tr("s")) : QString());
        }
        result.insert(QStringLiteral("eval_seconds"), perThreads);
    }
    const double peak = peakRssBytes();
    out << tr("peak memory (resident): %1 MB%2\n")
               .arg(peak / 1e6, 0, 'f', 0)
               .arg(against(peak, budgets.peakBytes, tr("GB"), 1e9));
    result.insert(QStringLiteral("hardware_threads"), QThread::idealThreadCount());
    result.insert(QStringLiteral("ratings"), double(size.ratings));
    result.insert(QStringLiteral("size"), QString::fromStdString(sizeName));
    result.insert(QStringLiteral("users"), double(size.users));
    result.insert(QStringLiteral("items"), double(size.items));
    result.insert(QStringLiteral("peak_rss_bytes"), peak);
    if (parser.isSet(json)) {
        writeText(parser.value(json), QString::fromUtf8(QJsonDocument(result).toJson()));
        out << tr("wrote %1\n").arg(parser.value(json));
    }
    return Ok;
}

} // namespace rnr::cli
