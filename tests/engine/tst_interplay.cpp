// The task-interplay diagnostics: the comparison of two tasks' gradients on the shared rows against
// a case worked by hand, the epoch means, and what training reports (docs/method.md, "Task interplay").
#include "../trainedruns.h"
#include "summedrows.h"
#include "train/interplay.h"

#include <QTest>

#include <cmath>

using namespace rnr;

namespace {

Params<float> shapes()
{
    Params<float> p;
    p[Block::Users] = RowMatrix<float>::Zero(3, 2);
    p[Block::Items] = RowMatrix<float>::Zero(2, 2);
    return p;
}

using fixtures::summedRows;

} // namespace

class TestInterplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparesTheSharedRowsByHand()
    {
        // Ranking: U0 = (1, 0), U1 = (1, 1), I0 = (0, 2). Rating: U0 = (-1, 0), U2 = (3, 4), I0 = (0, 1), I1 = (1, 0).
        const Params<float> p = shapes();
        const auto ranking = summedRows(p, {{Block::Users, 0, 1, 0}, {Block::Users, 1, 1, 1}, {Block::Items, 0, 0, 2}});
        const auto rating = summedRows(
            p, {{Block::Users, 0, -1, 0}, {Block::Users, 2, 3, 4}, {Block::Items, 0, 0, 1}, {Block::Items, 1, 1, 0}});
        const BatchInterplay b = compareTaskGradients(ranking, rating);
        QCOMPARE(b.dotUsers, -1.0); // only U0 is moved by both
        QCOMPARE(b.rankingUsers2, 3.0);
        QCOMPARE(b.ratingUsers2, 26.0);
        QCOMPARE(b.dotItems, 2.0);
        QCOMPARE(b.rankingItems2, 4.0);
        QCOMPARE(b.ratingItems2, 2.0);
        QCOMPARE(b.sharedRows, std::size_t(2));
        QCOMPARE(b.conflictRows, std::size_t(1)); // U0

        InterplayMeter meter;
        meter.add(b);
        Interplay one = meter.result(0.9, 0.1);
        QVERIFY(std::abs(one.cosineUsers - (-1.0 / std::sqrt(78.0))) < 1e-12);
        QVERIFY(std::abs(one.cosineItems - 2.0 / std::sqrt(8.0)) < 1e-12);
        QCOMPARE(one.conflictShare, 0.5);
        QCOMPARE(one.batchConflictShare, 0.0); // -1 + 2 > 0: together they agree
        QVERIFY(std::abs(one.normRanking - std::sqrt(7.0)) < 1e-12);
        QVERIFY(std::abs(one.normRating - std::sqrt(28.0)) < 1e-12);
        QCOMPARE(one.rankingWeight, 0.9);
        QCOMPARE(one.batches, std::size_t(1));

        // A second batch with the rating gradient reversed: the means cancel, half the rows and
        // half the batches conflict.
        BatchInterplay reversed = b;
        reversed.dotUsers = -b.dotUsers;
        reversed.dotItems = -b.dotItems;
        reversed.conflictRows = 1; // I0
        meter.add(reversed);
        const Interplay two = meter.result(0.9, 0.1);
        QVERIFY(std::abs(two.cosineUsers) < 1e-12);
        QVERIFY(std::abs(two.cosineItems) < 1e-12);
        QCOMPARE(two.conflictShare, 0.5);
        QCOMPARE(two.batchConflictShare, 0.5);
        QCOMPARE(two.batches, std::size_t(2));
    }

    void aTaskWithoutGradientHasNoCosine()
    {
        const Params<float> p = shapes();
        const auto ranking = summedRows(p, {{Block::Users, 0, 1, 0}});
        const auto rating = summedRows(p, {});
        InterplayMeter meter;
        meter.add(compareTaskGradients(ranking, rating));
        const Interplay out = meter.result(1, 0);
        QVERIFY(std::isnan(out.cosineUsers));
        QVERIFY(std::isnan(out.conflictShare));
        QCOMPARE(out.normRating, 0.0);
    }

    void trainingReportsItForMultiTaskModels()
    {
        const auto data = fixtures::smallDemo(200, 80);
        for (const char* model : {"vanilla:bpr+svd", "rnr:cdae+svd", "mmoe:bpr+svd", "cross-stitch:wrmf+svd"}) {
            const RunResult run = fixtures::trainedRun(*data, model, 2);
            for (const EpochRecord& epoch : run.epochs) {
                QVERIFY2(epoch.interplay.has_value(), model);
                const Interplay& i = *epoch.interplay;
                QVERIFY2(i.batches >= 1, model);
                QVERIFY2(i.cosineUsers >= -1 && i.cosineUsers <= 1, model);
                QVERIFY2(i.cosineItems >= -1 && i.cosineItems <= 1, model);
                QVERIFY2(i.conflictShare >= 0 && i.conflictShare <= 1, model);
                QVERIFY2(i.normRanking > 0 && i.normRating > 0, model);
                QVERIFY(std::abs(i.rankingWeight - 0.9) < 1e-6); // alpha in float
            }
        }
        // Expert mixtures report each task's mean gate per expert, per side: weights that sum to 1,
        // and for PLE zero on the other task's own experts. Other designs have no gates.
        // Two-level PLE reports its last level's gates, over the same experts.
        for (const auto& [model, levels] : {std::pair{"mmoe:bpr+svd", 1u}, {"ple:cdae+svd", 1u}, {"ple:bpr+svd", 2u}}) {
            HyperParams hp = fixtures::smallHyperParams(1);
            hp.levels = levels;
            const RunResult run = fixtures::trainedRun(*data, model, hp);
            const bool ple = std::string(model).starts_with("ple");
            const std::size_t experts = hp.experts + (ple ? 2 * hp.taskExperts : 0);
            for (int task = 0; task < 2; ++task)
                for (int side = 0; side < 2; ++side) {
                    const std::vector<double>& g = run.epochs[0].interplay->gates[task][side];
                    QCOMPARE(g.size(), experts);
                    double sum = 0;
                    for (const double w : g) {
                        QVERIFY(w >= 0 && w <= 1);
                        sum += w;
                    }
                    QVERIFY2(std::abs(sum - 1) < 1e-5, model); // softmax in float
                    if (ple) // ranking's own expert is hp.experts, rating's hp.experts + 1
                        QCOMPARE(g[hp.experts + (task == 0 ? 1 : 0)], 0.0);
                }
        }
        QVERIFY(fixtures::trainedRun(*data, "rnr:bpr+svd", 1).epochs[0].interplay->gates[0][0].empty());
        // Vanilla hands both tasks the very same rows: every tuple's user and item are shared.
        const RunResult vanilla = fixtures::trainedRun(*data, "vanilla:bpr+svd", 1);
        QVERIFY(vanilla.epochs[0].interplay->conflictShare > 0); // the tasks do disagree somewhere
        // A single task has nothing to compare.
        QVERIFY(!fixtures::trainedRun(*data, "bpr", 1).epochs[0].interplay.has_value());
    }
};

QTEST_APPLESS_MAIN(TestInterplay)
#include "tst_interplay.moc"
