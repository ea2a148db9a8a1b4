// Training sanity: losses fall, a planted problem is learnt, a seed gives the same model on any
// number of threads, cancel is prompt, a diverging learning rate is reported.
#include "../trainedruns.h"
#include "core/detail/rng.h"
#include "core/errors.h"
#include "core/sanitizers.h"
#include "core/threadpriority.h"
#include "data/demo.h"
#include "model/model.h"
#include "train/detail/rowsums.h"
#include "train/experiment.h"
#include "train/trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <cmath>
#include <thread>

using namespace rnr;

namespace {

/// Two communities: users 0..19 pick 10 of items 0..19, users 20..39 pick 10 of items 20..39.
Dataset communities()
{
    Dataset data;
    Rng rng(11);
    for (std::uint32_t u = 0; u < 40; ++u)
        data.userIds.push_back(std::to_string(u));
    for (std::uint32_t i = 0; i < 40; ++i)
        data.itemIds.push_back(std::to_string(i));
    std::uint32_t row = 0;
    for (std::uint32_t u = 0; u < 40; ++u) {
        std::vector<std::uint32_t> items(20);
        for (std::uint32_t k = 0; k < 20; ++k)
            items[k] = (u < 20 ? 0 : 20) + k;
        rng.shuffle(std::span(items));
        for (std::uint32_t k = 0; k < 10; ++k)
            data.interactions.push_back({std::int64_t(k), u, items[k], ++row, float(1 + (u + k) % 5)});
    }
    return data;
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lossesFall_data()
    {
        QTest::addColumn<QString>("model");
        for (const char* name : {"bpr", "cdae", "wrmf", "svd", "svd++", "vanilla:bpr+svd", "rnr:bpr+svd",
                                 "rnr:cdae+svd++", "rnr:wrmf+svd"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void lossesFall()
    {
        QFETCH(QString, model);
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 3});
        HyperParams hp;
        hp.dim = 16;
        hp.epochs = 6;
        hp.learningRate = 0.01;
        const RunResult run = runExperiment(data, split, parseModelSpec(model.toStdString()), hp);
        QCOMPARE(run.epochs.size(), 6u);
        QVERIFY2(
            run.epochs.back().objective < 0.9 * run.epochs.front().objective,
            qPrintable(QStringLiteral("%1 -> %2").arg(run.epochs.front().objective).arg(run.epochs.back().objective)));
        // The sanity bound on a real run.
        QVERIFY(run.test.recall / hp.topK <= run.test.mrr + 1e-12);
        QVERIFY(run.test.mrr <= run.test.recall + 1e-12);
    }

    void plantedCommunitiesAreLearnt()
    {
        const Dataset data = communities();
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 1});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 40;
        hp.learningRate = 0.05;
        hp.batchSize = 32;
        const RunResult bpr = runExperiment(data, split, parseModelSpec("bpr"), hp);
        const RunResult popularity = runExperiment(data, split, parseModelSpec("popularity"), hp);
        // The held-out item is one of 11 unseen items of the user's own community: a model that
        // learnt the communities puts it in the top 10 most of the time; chance is about 1/3.
        QVERIFY2(bpr.test.recall >= 0.75, qPrintable(QString::number(bpr.test.recall)));
        QVERIFY(bpr.test.recall > popularity.test.recall + 0.2);
    }

    void sameSeedSameModelOnAnyThreadCount()
    {
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 3});
        for (const char* name : {"rnr:bpr+svd", "rnr:cdae+svd++", "esmm:wrmf", "pairwise:bpr"}) {
            HyperParams hp;
            hp.dim = 8;
            hp.epochs = 2;
            hp.batchSize = 200; // several parallel chunks per batch
            Trainer one(data, split, parseModelSpec(name), hp);
            hp.threads = 2;
            Trainer two(data, split, parseModelSpec(name), hp);
            Trainer again(data, split, parseModelSpec(name), hp);
            while (!one.done())
                one.step();
            while (!two.done())
                two.step();
            while (!again.done())
                again.step();
            for (int b = 0; b < kBlockCount; ++b) {
                QVERIFY2(one.model().params().blocks[b] == two.model().params().blocks[b], name);
                QVERIFY2(two.model().params().blocks[b] == again.model().params().blocks[b], name);
            }
            hp.seed = 2;
            Trainer other(data, split, parseModelSpec(name), hp);
            while (!other.done())
                other.step();
            QVERIFY(other.model().params()[Block::Users] != one.model().params()[Block::Users]);
        }
    }

    void blocksCutIntoPartsTrainAlikeOnAnyThreadCount()
    {
        // 2,500 users and 2,100 items: the user and item tables are cut into two ranges each
        // (train/detail/rowsums.h), summed and stepped on different threads; the models and the
        // reported losses (the penalty is added range by range) are the same bits on 1 and 2 threads.
        const Dataset data = *fixtures::smallDemo(2500, 2100);
        QVERIFY(RowSums::partsFor(Eigen::Index(data.userCount()), 8) == 2);
        QVERIFY(RowSums::partsFor(Eigen::Index(data.itemCount()), 8) == 2);
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 3});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 1;
        hp.validationUsers = 50;
        Trainer one(data, split, parseModelSpec("vanilla:bpr+svd"), hp);
        hp.threads = 2;
        Trainer two(data, split, parseModelSpec("vanilla:bpr+svd"), hp);
        const auto a = one.step(), b = two.step();
        QVERIFY(a && b);
        QCOMPARE(a->regularisation, b->regularisation);
        QVERIFY(a->regularisation > 0);
        QCOMPARE(a->objective, b->objective);
        QCOMPARE(a->rankingLoss, b->rankingLoss);
        for (int k = 0; k < kBlockCount; ++k)
            QVERIFY2(one.model().params().blocks[k] == two.model().params().blocks[k],
                     blockName(static_cast<Block>(k)).data());
    }

    void stepInSlices()
    {
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 3});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 1;
        hp.batchSize = 64;
        Trainer whole(data, split, parseModelSpec("bpr"), hp), sliced(data, split, parseModelSpec("bpr"), hp);
        QVERIFY(whole.step().has_value());
        int slices = 0;
        std::optional<EpochRecord> record;
        while (!(record = sliced.step(3)))
            ++slices;
        QVERIFY(slices > 3);
        QCOMPARE(sliced.model().params()[Block::Items], whole.model().params()[Block::Items]);
        QCOMPARE(record->epoch, 1u);
    }

    void progressReportsTheLossesSinceTheLastReport()
    {
        // One batch per epoch: the epoch's first (and only) batch is always reported, so the
        // report's means must equal the epoch record's.
        const Dataset data = communities();
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 2;
        hp.batchSize = 100000;
        hp.lambda = 0.01;
        Trainer trainer(data, split, parseModelSpec("rnr:bpr+svd"), hp);
        std::vector<BatchProgress> reports;
        trainer.setProgressCallback([&](const BatchProgress& p) { reports.push_back(p); });
        for (std::uint32_t epoch = 1; epoch <= 2; ++epoch) {
            const auto record = trainer.step();
            QVERIFY(record.has_value());
            QCOMPARE(reports.size(), std::size_t(epoch));
            const BatchProgress& p = reports.back();
            QCOMPARE(p.epoch, epoch);
            QCOMPARE(p.tuplesDone, p.tuplesTotal);
            QVERIFY(qFuzzyCompare(p.rankingLoss, record->rankingLoss));
            QVERIFY(qFuzzyCompare(p.ratingLoss, record->ratingLoss));
            QVERIFY(qFuzzyCompare(p.regularisation, record->regularisation));
            QVERIFY(qFuzzyCompare(p.objective, record->objective));
        }
    }

    void enginePriorityReachesTheWorkerThreads()
    {
#ifndef __linux__
        QSKIP("per-thread nice values are a Linux feature");
#elif RNR_THREAD_SANITIZER
        QSKIP("under ThreadSanitizer the loop's helper threads end with each loop (core/detail/parallel.cpp)");
#else
        const Dataset data = *fixtures::smallDemo(200, 150);
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 1;
        hp.threads = 2;
        hp.batchSize = 1024; // chunks of 64: every batch is split between the two threads
        // The TBB worker exists before the priority is lowered, so it cannot inherit it.
        Trainer before(data, makeSplit(data, SplitConfig{}), parseModelSpec("rnr:bpr+svd"), hp);
        QVERIFY(before.step().has_value());
        lowerEnginePriority(7);
        hp.epochs = 200;
        Trainer trainer(data, makeSplit(data, SplitConfig{}), parseModelSpec("rnr:bpr+svd"), hp);
        // Field 19 of /proc/self/task/<tid>/stat is the nice value: the calling thread and the TBB
        // worker that helped must both run at 7. On a loaded machine the worker may not get to a
        // chunk in one epoch: train until it has (a worker that helped and kept nice 0 never counts).
        auto nicedThreads = [] {
            int niced = 0;
            for (const QString& tid :
                 QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
                if (!stat.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray line = stat.readAll();
                const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
                niced += fields.size() > 16 && fields[16].toInt() == 7;
            }
            return niced;
        };
        while (!trainer.done() && nicedThreads() < 2)
            trainer.step();
        const int niced = nicedThreads();
        QVERIFY2(niced >= 2, qPrintable(QString::number(niced)));
#endif
    }

    void jobInSmallStepsEqualsOneCall()
    {
        // The GUI drives a job a few batches per event-loop turn; the result must not depend on
        // how the steps were cut: same epochs, same kept model, same test figures.
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 3;
        hp.batchSize = 64;
        const ModelSpec spec = parseModelSpec("rnr:bpr+svd");
        const RunResult whole = runExperiment(data, split, spec, hp);
        std::vector<int> starts;
        JobObserver observer;
        observer.pointStarted = [&](int point, const HyperParams&) { starts.push_back(point); };
        TrainingJob job(data, split, spec, hp, std::nullopt, observer);
        int steps = 0;
        while (!job.step(3))
            ++steps;
        QVERIFY2(steps > 3 * 3, "three batches per step should take several steps per epoch");
        QCOMPARE(starts, std::vector<int>{0});
        const RunResult pieces = job.takeResult().best;
        QCOMPARE(pieces.epochs.size(), whole.epochs.size());
        QCOMPARE(pieces.bestEpoch, whole.bestEpoch);
        QCOMPARE(pieces.test.recall, whole.test.recall);
        QCOMPARE(pieces.test.rmse, whole.test.rmse);
        for (int b = 0; b < kBlockCount; ++b)
            QVERIFY(pieces.model->params().blocks[b] == whole.model->params().blocks[b]);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, job.takeResult());
    }

    void gridJobVisitsEveryPointInOrder()
    {
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 2;
        GridSettings grid;
        grid.alphas = {0.5, 1.0};
        grid.lambdas = {0.01, 0.001};
        std::vector<std::pair<double, double>> seen;
        JobObserver observer;
        observer.pointStarted = [&](int point, const HyperParams& p) {
            QCOMPARE(point, int(seen.size()));
            seen.emplace_back(p.alpha, p.lambda);
        };
        TrainingJob job(data, split, parseModelSpec("vanilla:bpr+svd"), hp, grid, observer);
        QCOMPARE(job.pointCount(), 4);
        while (!job.step(5)) {
        }
        const std::vector<std::pair<double, double>> expected{{0.5, 0.01}, {0.5, 0.001}, {1.0, 0.01}, {1.0, 0.001}};
        QCOMPARE(seen, expected);
        const GridResult result = job.takeResult();
        const GridResult whole = gridSearch(data, split, parseModelSpec("vanilla:bpr+svd"), hp, grid);
        QCOMPARE(result.points.size(), std::size_t(4));
        QCOMPARE(result.best.hp.alpha, whole.best.hp.alpha);
        QCOMPARE(result.best.hp.lambda, whole.best.hp.lambda);
        QCOMPARE(result.best.test.recall, whole.best.test.recall);
        // Single-task models have no alpha, models with nothing to learn no grid at all.
        QCOMPARE(TrainingJob(data, split, parseModelSpec("bpr"), hp, grid).pointCount(), 2);
        QCOMPARE(TrainingJob(data, split, parseModelSpec("popularity"), hp, grid).pointCount(), 1);
    }

    void anUnsteppedJobDoesNotTrainAndCanBeDestroyedMidEpoch()
    {
        // Pausing is not stepping, cancelling is destroying: nothing runs in between.
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.dim = 8;
        hp.epochs = 1;
        hp.batchSize = 16;
        std::vector<BatchProgress> reports;
        std::vector<EpochRecord> epochs;
        JobObserver observer;
        observer.progress = [&](const BatchProgress& p) { reports.push_back(p); };
        observer.epoch = [&](const EpochRecord& e) { epochs.push_back(e); };
        auto job = std::make_unique<TrainingJob>(data, split, parseModelSpec("bpr"), hp, std::nullopt, observer);
        QVERIFY(reports.empty());
        QVERIFY(!job->step(1));
        QCOMPARE(reports.size(), std::size_t(1)); // the first batch of an epoch is always reported
        QCOMPARE(reports.back().tuplesDone, std::size_t(16));
        QTest::qWait(60); // longer than the report interval: the next batch reports, if there is one
        QCOMPARE(reports.size(), std::size_t(1));
        QVERIFY(!job->step(1));
        QCOMPARE(reports.size(), std::size_t(2));
        QCOMPARE(reports.back().tuplesDone, std::size_t(32));
        QVERIFY(epochs.empty());
        job.reset();
        QCOMPARE(reports.size(), std::size_t(2));
    }

    void divergenceIsReported()
    {
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.optimizer = Optimizer::SGD;
        hp.learningRate = 1e6;
        hp.epochs = 5;
        Trainer trainer(data, split, parseModelSpec("vanilla:wrmf+svd"), hp);
        try {
            while (!trainer.done())
                trainer.step();
            QFAIL("a learning rate of a million should diverge");
        } catch (const TrainingError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains(QStringLiteral("learning rate")) && message.contains(QStringLiteral("epoch")),
                     qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
