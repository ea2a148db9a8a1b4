// The engine-thread bridge: progress, epochs and results arrive as signals; cancel is prompt;
// errors arrive as messages; signals of stale runs are dropped; shutdown mid-run is clean.
#include "data/demo.h"
#include "jobs/enginebridge.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace rnr;

namespace {
std::shared_ptr<const Dataset> demoData(std::uint32_t users = 300)
{
    DemoConfig config;
    config.users = users;
    config.items = 200;
    config.minPerUser = 10;
    config.meanPerUser = 30;
    return std::make_shared<const Dataset>(filterMinInteractions(generateDemo(config)));
}

RunRequest request(std::shared_ptr<const Dataset> data, const char* model, std::uint32_t epochs)
{
    RunRequest r;
    r.data = std::move(data);
    r.spec = parseModelSpec(model);
    r.hp.dim = 8;
    r.hp.epochs = epochs;
    return r;
}
} // namespace

class TestEngineBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runReportsEpochsAndResult()
    {
        EngineBridge bridge;
        QSignalSpy started(&bridge, &EngineBridge::runStarted);
        QSignalSpy epochs(&bridge, &EngineBridge::epochFinished);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        QSignalSpy idle(&bridge, &EngineBridge::idle);
        qsizetype finishedWhenIdle = -1;
        connect(&bridge, &EngineBridge::idle, this, [&] { finishedWhenIdle = finished.count(); });
        const RunRequest asked = request(demoData(), "rnr:bpr+svd", 3);
        const quint64 id = bridge.start(asked);
        QCOMPARE(bridge.pending(), QList<quint64>{id});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(started.count(), 1);
        QCOMPARE(epochs.count(), 3);
        QCOMPARE(epochs.at(2).at(1).value<EpochRecord>().epoch, 3u);
        QVERIFY(epochs.at(0).at(1).value<EpochRecord>().validation.has_value());
        const RunOutcome outcome = finished.first().at(1).value<RunOutcome>();
        QCOMPARE(finished.first().at(0).value<quint64>(), id);
        QVERIFY(outcome.model);
        QCOMPARE(outcome.result.epochs.size(), 3u);
        QVERIFY(outcome.result.test.users > 0);
        // The data set's fingerprint comes with the result (taken on the engine's thread, not the GUI's).
        QCOMPARE(outcome.datasetFingerprint, asked.data->fingerprint());
        QCOMPARE(idle.count(), 1);
        QCOMPARE(finishedWhenIdle, 1); // idle comes after the last result
        QVERIFY(bridge.pending().isEmpty());
    }

    void gridRunReportsEveryPointAndKeepsTheBest()
    {
        EngineBridge bridge;
        QSignalSpy points(&bridge, &EngineBridge::gridPointStarted);
        QSignalSpy epochs(&bridge, &EngineBridge::epochFinished);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        RunRequest r = request(demoData(120), "rnr:bpr+svd", 1);
        r.grid = true;
        bridge.start(r);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(points.count(), 6); // alpha {0.9, 0.95, 1} x lambda {0.01, 0.001}
        QCOMPARE(epochs.count(), 6);
        QCOMPARE(points.at(5).at(1).toInt(), 5);
        const RunOutcome outcome = finished.first().at(1).value<RunOutcome>();
        QVERIFY(outcome.result.hp.lambda == 0.01 || outcome.result.hp.lambda == 0.001);
    }

    void gridRunStopsBetweenPoints()
    {
        // Each grid point has its own trainer: a stop must reach the one after the current one
        // too, and nothing may touch a trainer that is gone.
        EngineBridge bridge;
        QSignalSpy points(&bridge, &EngineBridge::gridPointStarted);
        QSignalSpy cancelled(&bridge, &EngineBridge::runCancelled);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        RunRequest r = request(demoData(), "rnr:bpr+svd", 300); // long enough points to stop one mid-way
        r.grid = true;
        const quint64 id = bridge.start(r);
        QTRY_VERIFY_WITH_TIMEOUT(points.count() >= 2, 120000);
        bridge.setPaused(true);
        bridge.setPaused(false);
        bridge.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 10000);
        const qsizetype seen = points.count();
        QTest::qWait(300);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(points.count(), seen);
        QVERIFY(seen < 6);
    }

    void progressArrivesDuringLongEpochs()
    {
        EngineBridge bridge;
        QSignalSpy progress(&bridge, &EngineBridge::progress);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        RunRequest r = request(demoData(2000), "rnr:cdae+svd", 1);
        r.hp.dim = 32;
        bridge.start(r);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY(progress.count() >= 1);
        const BatchProgress p = progress.last().at(1).value<BatchProgress>();
        QCOMPARE(p.epoch, 1u);
        QVERIFY(p.tuplesDone > 0 && p.tuplesDone <= p.tuplesTotal);
    }

    void cancelIsPromptAndDropsLateSignals()
    {
        EngineBridge bridge;
        QSignalSpy epochs(&bridge, &EngineBridge::epochFinished);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        QSignalSpy cancelled(&bridge, &EngineBridge::runCancelled);
        const quint64 id = bridge.start(request(demoData(2000), "rnr:cdae+svd++", 1000));
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 60000);
        QElapsedTimer timer;
        timer.start();
        bridge.cancel(id);
        const int epochsAtCancel = epochs.count();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(cancelled.first().at(0).value<quint64>(), id);
        QTest::qWait(100);
        QCOMPARE(epochs.count(), epochsAtCancel);
        QCOMPARE(finished.count(), 0);
    }

    void queuedRunsRunInOrderAndCancelledQueuedRunsAreSkipped()
    {
        EngineBridge bridge;
        QSignalSpy started(&bridge, &EngineBridge::runStarted);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        QSignalSpy cancelled(&bridge, &EngineBridge::runCancelled);
        const auto data = demoData();
        const quint64 a = bridge.start(request(data, "bpr", 2));
        const quint64 b = bridge.start(request(data, "vanilla:bpr+svd", 2));
        const quint64 c = bridge.start(request(data, "rnr:bpr+svd", 2));
        bridge.cancel(b);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.at(0).at(0).value<quint64>(), a);
        QCOMPARE(finished.at(1).at(0).value<quint64>(), c);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QCOMPARE(cancelled.first().at(0).value<quint64>(), b);
        QCOMPARE(started.count(), 2);
    }

    void errorsArriveAsMessages()
    {
        EngineBridge bridge;
        QSignalSpy failed(&bridge, &EngineBridge::runFailed);
        RunRequest r = request(demoData(), "vanilla:wrmf+svd", 5);
        r.hp.optimizer = Optimizer::SGD;
        r.hp.learningRate = 1e6;
        bridge.start(r);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("learning rate")));
    }

    void pauseHoldsAndResumes()
    {
        EngineBridge bridge;
        QSignalSpy epochs(&bridge, &EngineBridge::epochFinished);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        bridge.setPaused(true);
        bridge.start(request(demoData(), "bpr", 2));
        QTest::qWait(300);
        QCOMPARE(epochs.count(), 0);
        bridge.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    }

    void pauseMidRunIsAQueuedCallThatTheRunningJobHonours()
    {
        // The engine thread's event loop runs between training turns: a pause sent mid-epoch
        // stops the reports, a stop sent while paused still reaches the run, and the next queued
        // run starts once the pause ends with the runs.
        EngineBridge bridge;
        QSignalSpy progress(&bridge, &EngineBridge::progress);
        QSignalSpy cancelled(&bridge, &EngineBridge::runCancelled);
        QSignalSpy finished(&bridge, &EngineBridge::runFinished);
        const auto data = demoData(2000);
        const quint64 id = bridge.start(request(data, "rnr:cdae+svd", 1000));
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 60000);
        bridge.setPaused(true);
        QTest::qWait(200); // reports already under way arrive
        const qsizetype held = progress.count();
        QTest::qWait(300); // several report intervals: none may come while paused
        QCOMPARE(progress.count(), held);
        const quint64 next = bridge.start(request(data, "bpr", 1));
        bridge.cancel(id);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QCOMPARE(cancelled.first().at(0).value<quint64>(), id);
        QCOMPARE(finished.count(), 0); // still paused: the queued run waits
        bridge.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).value<quint64>(), next);
    }

    void destroyingMidRunStopsCleanly()
    {
        QElapsedTimer timer;
        {
            auto bridge = std::make_unique<EngineBridge>();
            QSignalSpy epochs(bridge.get(), &EngineBridge::epochFinished);
            bridge->start(request(demoData(2000), "rnr:cdae+svd", 1000));
            QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 60000);
            timer.start();
        }
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestEngineBridge)
#include "tst_enginebridge.moc"
