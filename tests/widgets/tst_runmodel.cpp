// The run model: one row per run in queue order, states, curves that never collide, outcomes,
// data-set keys, and a reset that clears every view reading it.
#include "models/resultsmodel.h"
#include "models/runmodel.h"
#include "panels/runpicker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rnr;

namespace {
std::shared_ptr<const Dataset> tinyData(const char* name, std::uint32_t items)
{
    auto set = std::make_shared<Dataset>();
    set->name = name;
    for (std::uint32_t i = 0; i < items; ++i) {
        set->itemIds.push_back(std::to_string(i));
        Interaction x;
        x.item = i;
        x.rating = 4.0f;
        x.timestamp = i;
        set->interactions.push_back(x);
    }
    set->userIds.push_back("u");
    return set;
}
} // namespace

class TestRunModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsStatesAndOutcomes()
    {
        RunModel runs;
        QAbstractItemModelTester tester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&runs, &RunModel::runFinished);
        const auto data = tinyData("A", 3);
        runs.addRun(7, QStringLiteral("BPR #7"), data, parseModelSpec("bpr"), 5);
        runs.addRun(9, QStringLiteral("RnR #9"), data, parseModelSpec("rnr:bpr+svd"), 5);
        QCOMPARE(runs.rowCount(), 2);
        QCOMPARE(runs.data(runs.index(1), Qt::DisplayRole).toString(), QStringLiteral("RnR #9"));
        QCOMPARE(runs.data(runs.index(1), RunModel::IdRole).value<quint64>(), quint64(9));
        QCOMPARE(runs.data(runs.index(0), RunModel::SpecRole).toString(), QStringLiteral("bpr"));
        QCOMPARE(runs.ids(RunModel::State::Queued), (QList<quint64>{7, 9}));
        QSignalSpy changed(&runs, &QAbstractItemModel::dataChanged);
        runs.setState(7, RunModel::State::Running);
        QCOMPARE(changed.count(), 1);
        runs.setState(7, RunModel::State::Running); // no change, no signal
        QCOMPARE(changed.count(), 1);
        RunOutcome outcome;
        outcome.result.bestEpoch = 3;
        runs.finish(9, outcome);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).value<quint64>(), quint64(9));
        QCOMPARE(runs.ids(RunModel::State::Finished), QList<quint64>{9});
        QCOMPARE(runs.finishedOutcomes().size(), 1);
        QCOMPARE(runs.finishedOutcomes().first().result.bestEpoch, 3u);
        QCOMPARE(runs.run(9)->state, RunModel::State::Finished);
        QVERIFY(runs.run(8) == nullptr);
    }

    void takeAndPutBackRenameAndResults()
    {
        RunModel runs;
        QAbstractItemModelTester tester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto data = tinyData("A", 3);
        for (quint64 id : {1, 2, 3})
            runs.addRun(id, QStringLiteral("run #%1").arg(id), data, parseModelSpec("bpr"), 1);
        runs.setState(3, RunModel::State::Running);
        runs.finish(1, RunOutcome{});
        runs.finish(2, RunOutcome{});
        QVERIFY(!runs.take(3)); // running: not taken
        QSignalSpy removed(&runs, &RunModel::runRemoved);
        auto taken = runs.take(1);
        QVERIFY(taken);
        QCOMPARE(taken->first, 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(runs.rowCount(), 2);
        QCOMPARE(runs.run(2)->name, QStringLiteral("run #2")); // ids still find their rows
        QVERIFY(runs.run(1) == nullptr);
        QSignalSpy finished(&runs, &RunModel::runFinished);
        runs.putBack(taken->first, std::move(taken->second));
        QCOMPARE(runs.at(0).id, quint64(1));
        QCOMPARE(finished.count(), 1); // every view shows it again
        QSignalSpy renamed(&runs, &RunModel::runRenamed);
        QVERIFY(!runs.rename(2, QStringLiteral("  ")));
        QVERIFY(runs.rename(2, QStringLiteral(" mine ")));
        QCOMPARE(runs.run(2)->name, QStringLiteral("mine"));
        QCOMPARE(renamed.count(), 1);
        // The results table drops a run by id, and its row with its last run.
        ResultsModel results;
        RunResult r;
        r.spec = parseModelSpec("bpr");
        results.addRun(r, QStringLiteral("A"), 5, 1);
        results.addRun(r, QStringLiteral("A"), 5, 2);
        QCOMPARE(results.rowCount(), 1);
        results.removeRun(1);
        QCOMPARE(results.rowCount(), 1);
        results.removeRun(2);
        QCOMPARE(results.rowCount(), 0);
    }

    void curvesAreUniqueWhateverTheGridSize()
    {
        // The loss plot once packed (run, point) into one id by hand and overflowed past 256
        // points; curves now come from one counter.
        RunModel runs;
        const auto data = tinyData("A", 2);
        runs.addRun(1, QStringLiteral("grid"), data, parseModelSpec("rnr:bpr+svd"), 1);
        runs.addRun(2, QStringLiteral("other"), data, parseModelSpec("bpr"), 1);
        QCOMPARE(runs.currentCurve(1), quint64(0));
        QSet<quint64> seen;
        for (int point = 0; point < 300; ++point)
            seen.insert(runs.addCurve(1));
        const quint64 other = runs.addCurve(2);
        QCOMPARE(seen.size(), 300);
        QVERIFY(!seen.contains(other));
        QCOMPARE(runs.run(1)->curves.size(), std::size_t(300));
        QCOMPARE(runs.currentCurve(1), runs.run(1)->curves.back());
        QCOMPARE(runs.currentCurve(2), other);
        QCOMPARE(runs.addCurve(99), quint64(0)); // no such run
    }

    void keptBatchesAreTheKeptPointsCurve()
    {
        RunModel runs;
        const auto data = tinyData("A", 2);
        runs.addRun(1, QStringLiteral("grid #1"), data, parseModelSpec("rnr:bpr+svd"), 1);
        for (const double alpha : {0.9, 0.95, 1.0}) {
            HyperParams point;
            point.alpha = alpha;
            point.lambda = 0.01;
            runs.addCurve(1, point);
            BatchProgress p;
            p.objective = alpha; // which curve a report belongs to
            runs.addBatch(1, p);
            runs.addBatch(1, p);
        }
        RunOutcome outcome;
        outcome.result.hp.alpha = 0.95;
        outcome.result.hp.lambda = 0.01;
        runs.finish(1, outcome);
        const std::vector<BatchProgress>& kept = runs.run(1)->keptBatches();
        QCOMPARE(kept.size(), std::size_t(2));
        QCOMPARE(kept.front().objective, 0.95);
        // A plain run keeps its one curve; numbers are parsed from restored names.
        runs.addRun(2, QStringLiteral("BPR #7"), data, parseModelSpec("bpr"), 1);
        QCOMPARE(runs.run(2)->number, 7);
        QCOMPARE(runs.nextNumber(), 8);
        runs.addCurve(2);
        runs.addBatch(2, BatchProgress{});
        QCOMPARE(runs.run(2)->keptBatches().size(), std::size_t(1));
    }

    void datasetKeysFollowTheData()
    {
        RunModel runs;
        const auto a = tinyData("A", 3), b = tinyData("B", 4);
        runs.addRun(1, QStringLiteral("1"), a, parseModelSpec("bpr"), 1);
        runs.addRun(2, QStringLiteral("2"), a, parseModelSpec("bpr"), 1);
        runs.addRun(3, QStringLiteral("3"), b, parseModelSpec("bpr"), 1);
        QCOMPARE(runs.datasetKey(1), a->fingerprint());
        QCOMPARE(runs.datasetKey(2), runs.datasetKey(1));
        QCOMPARE(runs.datasetKey(3), b->fingerprint());
        QVERIFY(runs.datasetKey(3) != runs.datasetKey(1));
    }

    void pickersShareTheModelAndFilterIt()
    {
        RunModel runs;
        const auto data = tinyData("A", 3);
        RunPicker all, rnrOnly;
        all.setModel(&runs);
        rnrOnly.setModel(&runs, [](const RunModel::Run& r) { return r.spec.coupling == Coupling::RnR; });
        QSignalSpy chosen(&all, &RunPicker::chosen);
        QSignalSpy cleared(&all, &RunPicker::cleared);
        runs.addRun(1, QStringLiteral("BPR #1"), data, parseModelSpec("bpr"), 1);
        runs.addRun(2, QStringLiteral("RnR #2"), data, parseModelSpec("rnr:bpr+svd"), 1);
        QCOMPARE(all.count(), 0); // nothing finished yet
        QVERIFY(!all.isEnabled());
        runs.finish(1, RunOutcome{});
        runs.finish(2, RunOutcome{});
        QCOMPARE(all.count(), 2);
        QCOMPARE(rnrOnly.count(), 1);
        QCOMPARE(all.current(), 1); // the newest is chosen
        QCOMPARE(chosen.last().at(2).toString(), QStringLiteral("RnR #2"));
        all.choose(0);
        QCOMPARE(chosen.last().at(2).toString(), QStringLiteral("BPR #1"));
        runs.clear();
        QCOMPARE(all.count(), 0);
        QCOMPARE(rnrOnly.count(), 0);
        QCOMPARE(cleared.count(), 1);
        QVERIFY(!all.isEnabled());
    }
};

QTEST_MAIN(TestRunModel)
#include "tst_runmodel.moc"
