// Loss balancing (docs/method.md, "Loss balancing") against cases worked by hand: DWA's weights,
// GradNorm's weight updates, PCGrad's projection with and without a conflict, and what training
// with each method reports. (Uncertainty weighting's gradients are checked in tst_gradients.)
#include "../trainedruns.h"
#include "core/errors.h"
#include "summedrows.h"
#include "train/balance.h"
#include "train/experiment.h"
#include "train/trainer.h"

#include <QTest>

#include <cmath>

using namespace rnr;

namespace {

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

Params<float> shapes()
{
    Params<float> p;
    p[Block::Users] = RowMatrix<float>::Zero(2, 2);
    p[Block::Items] = RowMatrix<float>::Zero(2, 2);
    p[Block::RateItemBias] = RowMatrix<float>::Zero(2, 1);
    p[Block::GateWeight] = RowMatrix<float>::Zero(2, 2);
    return p;
}

using fixtures::summedRows;

/// Combines every block of a and b with PCGrad's coefficients on the shared blocks.
SummedGrads<float> combined(const Params<float>& p, SummedGrads<float> a, SummedGrads<float> b, double wa, double wb,
                            bool project)
{
    const SharedGeometry geometry = sharedGeometry(a, b);
    const std::array<double, 2> c = project ? pcgradCoefficients(wa, wb, geometry) : std::array<double, 2>{wa, wb};
    SummedGrads<float> out;
    out.resizeLike(p);
    for (int k = 0; k < kBlockCount; ++k)
        combineBlock(out, a, b, k, geometry.shared[k] ? c[0] : wa, geometry.shared[k] ? c[1] : wb);
    for (int k = 0; k < kBlockCount; ++k) // a and b were reset
        if (!a.touched[k].empty() || !b.touched[k].empty())
            qFatal("combineBlock left rows behind");
    return out;
}

} // namespace

class TestBalance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dwaWeighsTheSlowerTaskMore()
    {
        // Ratios 0.5 / 0.6 and 0.3 / 0.6, over T = 2: 0.41667 and 0.25. w_R = 1 / (1 + exp(0.25 - 0.41667)).
        const TaskWeights w = dwaWeights({0.5, 0.3}, {0.6, 0.6}, 2.0);
        QVERIFY(near(w.ranking, 0.5415704832167999));
        QVERIFY(near(w.rating, 0.45842951678320004));
        QVERIFY(near(w.ranking + w.rating, 1.0));
        // Equal ratios: equal weights; a large temperature evens any ratios out.
        const TaskWeights same = dwaWeights({0.4, 0.2}, {0.8, 0.4}, 2.0);
        QVERIFY(near(same.ranking, 0.5));
        const TaskWeights flat = dwaWeights({0.5, 0.1}, {0.5, 1.0}, 1e6);
        QVERIFY(near(flat.ranking, 0.5, 1e-6));
        // Huge ratios do not overflow.
        const TaskWeights huge = dwaWeights({1e6, 1.0}, {1e-6, 1.0}, 0.05);
        QVERIFY(std::isfinite(huge.ranking) && near(huge.ranking, 1.0));
    }

    void gradNormStepsAsWorkedByHand()
    {
        // a = 1, rate 0.01, w = (0.5, 0.5).
        GradNorm g(1.0, 0.01);
        QCOMPARE(g.weights().ranking, 0.5);
        // Step 1: norms (2, 1), losses (1, 2) fix L(0); ratios (1, 1). G = (1, 0.5), mean 0.75, targets 0.75 each:
        // G_R is above, G_P below: gradient (+|g_R|, -|g_P|) = (2, -1). Adam's first step is rate * sign: (0.49, 0.51).
        g.update({2, 1}, {1.0, 2.0});
        QCOMPARE(g.lastGradient()[0], 2.0);
        QCOMPARE(g.lastGradient()[1], -1.0);
        QVERIFY(near(g.weights().ranking, 0.49, 1e-8));
        QVERIFY(near(g.weights().rating, 0.51, 1e-8));
        // Step 2: losses (0.5, 1.8): ratios (0.5, 0.9), relative (0.714, 1.286). G = (0.98, 0.51), mean 0.745:
        // targets (0.532, 0.958); the same signs, and Adam's moments see the same gradient: another rate-sized step.
        g.update({2, 1}, {0.5, 1.8});
        QCOMPARE(g.lastGradient()[0], 2.0);
        QCOMPARE(g.lastGradient()[1], -1.0);
        QVERIFY(near(g.weights().ranking, 0.48, 1e-8));
        // Step 3: norms (1, 3): G = (0.48, 1.56), mean 1.02, targets (0.729, 1.311): the signs flip, gradient
        // (-1, +3). Adam: m = (0.242, 0.129), v = (0.008988, 0.016988) -> w = (0.48516, 0.51240) before the
        // renormalisation to sum 1.
        g.update({1, 3}, {0.5, 1.8});
        QCOMPARE(g.lastGradient()[0], -1.0);
        QCOMPARE(g.lastGradient()[1], 3.0);
        QVERIFY(near(g.weights().ranking, 0.478499940618335, 1e-8));
        QVERIFY(near(g.weights().ranking + g.weights().rating, 1.0));
    }

    void gradNormKeepsBothTasksAlive()
    {
        // A task whose gradient always dominates cannot drive the other's weight to zero or below.
        GradNorm g(0.0, 0.5);
        for (int step = 0; step < 200; ++step)
            g.update({100, 0.01}, {1, 1});
        QVERIFY(g.weights().ranking >= 5e-4); // kept at 1e-3 before the renormalisation
        QVERIFY(g.weights().rating < 1);
        QVERIFY(near(g.weights().ranking + g.weights().rating, 1.0));
    }

    void theSharedGateOfTwoLevelPleIsShared()
    {
        // Both tasks read two-level PLE's shared gate (docs/method.md, "Couplings"): it counts, as U and I do.
        Params<float> p = shapes();
        p[Block::SharedGateWeight] = RowMatrix<float>::Zero(2, 2);
        const auto a = summedRows(p, {{Block::SharedGateWeight, 0, 1, 0}});
        const auto b = summedRows(p, {{Block::SharedGateWeight, 0, -1, 1}});
        const SharedGeometry geometry = sharedGeometry(a, b);
        QVERIFY(geometry.shared[std::size_t(Block::SharedGateWeight)]);
        QCOMPARE(geometry.dot, -1.0);
        QCOMPARE(geometry.b2, 2.0);
    }

    void pcgradProjectsConflictingGradients()
    {
        // a: U0 = (1, 0), I1 = (0, 2). b: U0 = (-1, 1), b'_0 = 3. Only U is shared; a.b = -1, |a|^2 = 1, |b|^2 = 2.
        const Params<float> p = shapes();
        // Each task's own gate row (MMoE) is not a shared parameter though both tasks move the block.
        const auto a = summedRows(p, {{Block::Users, 0, 1, 0}, {Block::Items, 1, 0, 2}, {Block::GateWeight, 0, 5, 5}});
        const auto b =
            summedRows(p, {{Block::Users, 0, -1, 1}, {Block::RateItemBias, 0, 3, 0}, {Block::GateWeight, 1, -5, -5}});
        const SharedGeometry geometry = sharedGeometry(a, b);
        QVERIFY(geometry.shared[std::size_t(Block::Users)]);
        QVERIFY(!geometry.shared[std::size_t(Block::Items)] && !geometry.shared[std::size_t(Block::RateItemBias)]);
        QVERIFY(!geometry.shared[std::size_t(Block::GateWeight)]);
        QCOMPARE(geometry.dot, -1.0);
        QCOMPARE(geometry.a2, 1.0);
        QCOMPARE(geometry.b2, 2.0);
        // Weights 1, 1: a' = a - (-1 / 2) b = (0.5, 0.5), b' = b - (-1 / 1) a = (0, 1); the sum (0.5, 1.5).
        const std::array<double, 2> c = pcgradCoefficients(1, 1, geometry);
        QCOMPARE(c[0], 2.0);
        QCOMPARE(c[1], 1.5);
        const SummedGrads<float> out = combined(p, a, b, 1, 1, true);
        QCOMPARE(out.sums[std::size_t(Block::Users)](0, 0), 0.5f);
        QCOMPARE(out.sums[std::size_t(Block::Users)](0, 1), 1.5f);
        QCOMPARE(out.sums[std::size_t(Block::Items)](1, 1), 2.0f); // not shared: as it was
        QCOMPARE(out.sums[std::size_t(Block::RateItemBias)](0, 0), 3.0f);
        QCOMPARE(out.sums[std::size_t(Block::GateWeight)](1, 0), -5.0f); // weighted, not projected
        QCOMPARE(out.touched[std::size_t(Block::Users)].size(), std::size_t(1));

        // Weights 0.9, 0.1: A = (0.9, 0), B = (-0.1, 0.1), A.B = -0.09. A' = A + 4.5 B = (0.45, 0.45), orthogonal
        // to B; B' = B + (0.09 / 0.81) A = (0, 0.1), orthogonal to A. The sum (0.45, 0.55).
        const SummedGrads<float> weighted = combined(p, a, b, 0.9, 0.1, true);
        QVERIFY(near(weighted.sums[std::size_t(Block::Users)](0, 0), 0.45, 1e-6));
        QVERIFY(near(weighted.sums[std::size_t(Block::Users)](0, 1), 0.55, 1e-6));
        QVERIFY(near(weighted.sums[std::size_t(Block::Items)](1, 1), 1.8, 1e-6));
        QVERIFY(near(weighted.sums[std::size_t(Block::RateItemBias)](0, 0), 0.3, 1e-6));
        // Without projection the weighted sum is (0.8, 0.1).
        const SummedGrads<float> plain = combined(p, a, b, 0.9, 0.1, false);
        QVERIFY(near(plain.sums[std::size_t(Block::Users)](0, 0), 0.8, 1e-6));
    }

    void pcgradLeavesAgreeingGradientsAlone()
    {
        const Params<float> p = shapes();
        const auto a = summedRows(p, {{Block::Users, 0, 1, 0}, {Block::Users, 1, 0, -1}});
        const auto b = summedRows(p, {{Block::Users, 0, 1, 1}, {Block::Users, 1, 1, 0}}); // a.b = 1 + 0 > 0
        const SharedGeometry geometry = sharedGeometry(a, b);
        QCOMPARE(geometry.dot, 1.0);
        const std::array<double, 2> c = pcgradCoefficients(0.7, 0.3, geometry);
        QCOMPARE(c[0], 0.7);
        QCOMPARE(c[1], 0.3);
        // A task with weight 0 (alpha = 1) is not projected against.
        const auto opposed = summedRows(p, {{Block::Users, 0, -1, 0}});
        const std::array<double, 2> silent = pcgradCoefficients(1.0, 0.0, sharedGeometry(a, opposed));
        QCOMPARE(silent[0], 1.0);
        QCOMPARE(silent[1], 0.0);
    }

    void everyBalanceTrainsAndReportsItsWeights()
    {
        const auto data = fixtures::smallDemo(200, 80);
        for (const BalanceInfo& balance : balanceInfo()) {
            HyperParams hp = fixtures::smallHyperParams(4);
            hp.balance = balance.balance;
            const RunResult run = fixtures::trainedRun(*data, "rnr:bpr+svd", hp);
            const char* key = balance.key.c_str();
            QCOMPARE(run.epochs.size(), std::size_t(4));
            QVERIFY2(run.epochs.back().rankingLoss < run.epochs.front().rankingLoss, key);
            QVERIFY2(run.epochs.back().ratingLoss < run.epochs.front().ratingLoss, key);
            for (const EpochRecord& epoch : run.epochs) {
                const Interplay& i = *epoch.interplay;
                QVERIFY2(i.rankingWeight > 0 && i.ratingWeight > 0, key);
                switch (balance.balance) {
                case Balance::Fixed:
                case Balance::PCGrad:
                    QVERIFY(near(i.rankingWeight, hp.alpha, 1e-6)); // alpha in float
                    QVERIFY(near(i.ratingWeight, 1 - hp.alpha, 1e-6));
                    break;
                case Balance::DWA: // alike for two epochs, then from the loss ratios; always summing to 1
                    QVERIFY2(near(i.rankingWeight + i.ratingWeight, 1.0), key);
                    if (epoch.epoch <= 2)
                        QCOMPARE(i.rankingWeight, 0.5);
                    else {
                        const auto &e1 = run.epochs[epoch.epoch - 2], &e2 = run.epochs[epoch.epoch - 3];
                        const TaskWeights w = dwaWeights({e1.rankingLoss, e1.ratingLoss},
                                                         {e2.rankingLoss, e2.ratingLoss}, hp.dwaTemperature);
                        QVERIFY(near(i.rankingWeight, w.ranking, 1e-12));
                    }
                    break;
                case Balance::GradNorm:
                    QVERIFY2(near(i.rankingWeight + i.ratingWeight, 1.0, 1e-9), key);
                    break;
                case Balance::Uncertainty: // exp(-s) of learnt s: not tied to alpha or to a sum
                    QVERIFY2(i.rankingWeight != hp.alpha, key);
                    break;
                }
            }
            if (balance.balance == Balance::Uncertainty) {
                const auto& s = run.model->params()[Block::TaskLogVariance];
                QCOMPARE(s.size(), 2);
                QVERIFY(s(0, 0) != 0.0f && s(0, 1) != 0.0f); // learnt
            }
            if (balance.balance == Balance::GradNorm) // it moved off its start
                QVERIFY(run.epochs.back().interplay->rankingWeight != 0.5);
        }
    }

    void theGridSearchesTheMethodsParameterNotAlpha()
    {
        const auto data = fixtures::smallDemo(120, 60);
        const Split split = makeSplit(*data, SplitConfig{kAllUsers, 3});
        GridSettings grid;
        grid.lambdas = {0.001};
        HyperParams hp = fixtures::smallHyperParams(1);
        hp.balance = Balance::GradNorm;
        const GridResult gradnorm = gridSearch(*data, split, parseModelSpec("vanilla:bpr+svd"), hp, grid);
        QCOMPARE(gradnorm.points.size(), findBalance(Balance::GradNorm).gridValues.size()); // no alpha axis
        for (std::size_t k = 0; k < gradnorm.points.size(); ++k) {
            QCOMPARE(gradnorm.points[k].balanceValue, findBalance(Balance::GradNorm).gridValues[k]);
            QCOMPARE(gradnorm.points[k].alpha, hp.alpha);
        }
        grid.balanceValues = {0.25, 0.5, 3.0};
        hp.balance = Balance::DWA;
        const GridResult dwa = gridSearch(*data, split, parseModelSpec("vanilla:bpr+svd"), hp, grid);
        QCOMPARE(dwa.points.size(), std::size_t(3));
        QCOMPARE(dwa.points[2].balanceValue, 3.0);
        QVERIFY(dwa.best.hp.dwaTemperature == 0.25 || dwa.best.hp.dwaTemperature == 0.5 ||
                dwa.best.hp.dwaTemperature == 3.0);
        // A value out of the parameter's range is refused, not trained with the default instead.
        grid.balanceValues = {0.0}; // DWA's temperature is at least 0.05
        QVERIFY_THROWS_EXCEPTION(UsageError, gridSearch(*data, split, parseModelSpec("vanilla:bpr+svd"), hp, grid));
        grid.balanceValues = {0.25, 0.5, 3.0};
        // PCGrad keeps alpha (it weighs, then projects): the alpha axis stays, there is no parameter.
        hp.balance = Balance::PCGrad;
        const GridResult pcgrad = gridSearch(*data, split, parseModelSpec("vanilla:bpr+svd"), hp, grid);
        QCOMPARE(pcgrad.points.size(), grid.alphas.size());
        QVERIFY(std::isnan(pcgrad.points[0].balanceValue));
        // Single-task models ignore the balance.
        const GridResult single = gridSearch(*data, split, parseModelSpec("bpr"), hp, grid);
        QCOMPARE(single.points.size(), std::size_t(1));
    }

    void balancedTrainingIsTheSameOnAnyThreadCount()
    {
        const auto data = fixtures::smallDemo(200, 150);
        const Split split = makeSplit(*data, SplitConfig{kAllUsers, 3});
        for (const BalanceInfo& balance : balanceInfo())
            for (const auto& [model, levels] : {std::pair{"vanilla:bpr+svd", 1u},
                                                {"rnr:cdae+svd", 1u},
                                                {"mmoe:bpr+svd", 1u},
                                                {"ple:wrmf+svd", 2u},
                                                {"cross-stitch:wrmf+svd", 1u},
                                                {"esmm:bpr", 1u},
                                                {"pairwise:cdae", 1u}}) {
                HyperParams hp;
                hp.levels = levels;
                hp.dim = 8;
                hp.epochs = 3;
                hp.batchSize = 200; // several parallel chunks per batch
                hp.balance = balance.balance;
                Trainer one(*data, split, parseModelSpec(model), hp);
                hp.threads = 2;
                Trainer two(*data, split, parseModelSpec(model), hp);
                while (!one.done())
                    one.step();
                while (!two.done())
                    two.step();
                for (int b = 0; b < kBlockCount; ++b)
                    QVERIFY2(one.model().params().blocks[b] == two.model().params().blocks[b],
                             (balance.key + " " + model + " " + std::string(blockName(Block(b)))).c_str());
            }
    }
};

QTEST_APPLESS_MAIN(TestBalance)
#include "tst_balance.moc"
