// Training sanity: losses fall, a planted problem is learnt, a seed gives the same model on any
// number of threads, cancel is prompt, a diverging learning rate is reported.
#include "../trainedruns.h"
#include "demo.h"
#include "errors.h"
#include "experiment.h"
#include "rng.h"
#include "threadpriority.h"

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
        for (const char* name : {"rnr:bpr+svd", "rnr:cdae+svd++"}) {
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
        Trainer trainer(data, makeSplit(data, SplitConfig{}), parseModelSpec("rnr:bpr+svd"), hp);
        QVERIFY(trainer.step().has_value());
        // Field 19 of /proc/self/task/<tid>/stat is the nice value: the calling thread and the TBB
        // worker that helped must both run at 7.
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
        QVERIFY2(niced >= 2, qPrintable(QString::number(niced)));
#endif
    }

    void cancelIsPrompt()
    {
        DemoConfig config; // the full demo: an epoch of RnR takes a while
        const Dataset data = filterMinInteractions(generateDemo(config));
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.epochs = 1000;
        Trainer trainer(data, split, parseModelSpec("rnr:cdae+svd"), hp);
        bool cancelled = false;
        std::thread worker([&] {
            try {
                while (!trainer.done())
                    trainer.step();
            } catch (const Cancelled&) {
                cancelled = true;
            }
        });
        QTest::qWait(200);
        QElapsedTimer timer;
        timer.start();
        trainer.control().cancel();
        worker.join();
        QVERIFY(cancelled);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void pauseHoldsTraining()
    {
        const Dataset data = *fixtures::smallDemo(200, 150);
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.epochs = 1;
        Trainer trainer(data, split, parseModelSpec("bpr"), hp);
        trainer.control().setPaused(true);
        std::atomic<bool> finished{false};
        std::thread worker([&] {
            trainer.step();
            finished = true;
        });
        QTest::qWait(100);
        QVERIFY(!finished);
        trainer.control().setPaused(false);
        worker.join();
        QVERIFY(finished);
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
