// Tests of OptimizerState (train/detail/optimizer.h): SGD, AdaGrad and lazy Adam applied to the
// touched rows of a tiny parameter block. Every expected value is worked out here from the
// textbook update rule with the numbers written out (never by calling engine code), so a wrong
// formula, a wrong starting accumulator, a decayed moment of an untouched row or a per-row bias
// correction all give a different number.
//
//   SGD:      theta <- theta - lr * g
//   AdaGrad:  a <- a + g^2 (a starts at 0.1);  theta <- theta - lr * g / sqrt(a)
//   Adam:     m <- 0.9 m + 0.1 g;  v <- 0.999 v + 0.001 g^2;
//             lr_t = lr * sqrt(1 - 0.999^t) / (1 - 0.9^t)   (t = global step count)
//             theta <- theta - lr_t * m / (sqrt(v) + 1e-8)
//   with weight decay, g is replaced by g + decay * theta.
//
// QCOMPARE on floats is fuzzy (qFuzzyCompare: relative 1e-5), far tighter than the differences
// the wrong formulas make; "does not move at all" is checked with exact equality.
#include "model/hyperparams.h"
#include "model/params.h"
#include "train/detail/optimizer.h"

#include <QByteArray>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace rnr;

Q_DECLARE_METATYPE(rnr::Optimizer)

namespace {

/// A 3 x 2 block (Items) and a 3 x 1 vector block (RankItemBias), with gradient matrices.
///   Items        = [[1.0, -2.0], [0.5, 0.25], [3.0, 4.0]]
///   RankItemBias = [0.2, -0.3, 0.1]
struct Fixture
{
    Params<float> params;
    RowMatrix<float> grads = RowMatrix<float>::Zero(3, 2);
    RowMatrix<float> biasGrads = RowMatrix<float>::Zero(3, 1);

    Fixture()
    {
        params[Block::Items] = RowMatrix<float>(3, 2);
        params[Block::Items] << 1.0f, -2.0f, 0.5f, 0.25f, 3.0f, 4.0f;
        params[Block::RankItemBias] = RowMatrix<float>(3, 1);
        params[Block::RankItemBias] << 0.2f, -0.3f, 0.1f;
    }
    RowMatrix<float>& theta() { return params[Block::Items]; }
    RowMatrix<float>& bias() { return params[Block::RankItemBias]; }
    void setGrad(int row, float g0, float g1)
    {
        grads(row, 0) = g0;
        grads(row, 1) = g1;
    }
    double update(OptimizerState& state, const std::vector<std::uint32_t>& rows, float decay = 0.0f)
    {
        return state.updateRows(Block::Items, rows, theta(), grads, decay);
    }
};

/// Exact equality of one row with the values it must still hold.
bool rowIs(const RowMatrix<float>& m, int row, float c0, float c1)
{
    return m(row, 0) == c0 && m(row, 1) == c1;
}

QByteArray rowText(const RowMatrix<float>& m, int row)
{
    QByteArray text;
    for (Eigen::Index c = 0; c < m.cols(); ++c)
        text += (c ? ", " : "") + QByteArray::number(double(m(row, c)), 'g', 9);
    return "[" + text + "]";
}

#define CHECK_ROW_UNMOVED(m, row, c0, c1)                                                                              \
    QVERIFY2(rowIs((m), (row), (c0), (c1)), (QByteArray("row " #row " changed: ") + rowText((m), (row))).constData())

float f(double x)
{
    return static_cast<float>(x);
}

} // namespace

class TestOptimizer : public QObject
{
    Q_OBJECT

private slots:
    void sgdOneStep();
    void sgdTwoSteps();
    void adaGradOneStep();
    void adaGradTwoSteps();
    void adamOneStep();
    void adamTwoSteps();
    void adamUntouchedRowKeepsItsMoments();
    void adamBiasCorrectionIsGlobal();
    void learningRateScalesTheStep_data();
    void learningRateScalesTheStep();
    void weightDecayIsAddedToTheGradient_data();
    void weightDecayIsAddedToTheGradient();
    void vectorBlockKeepsItsOwnState_data();
    void vectorBlockKeepsItsOwnState();
    void onlyTheTouchedGradientRowsAreConsumed_data();
    void onlyTheTouchedGradientRowsAreConsumed();
    void contiguousSumsStepAsTheDenseRows_data();
    void contiguousSumsStepAsTheDenseRows();
};

// ---------------------------------------------------------------------------------------------
// SGD

void TestOptimizer::sgdOneStep()
{
    Fixture fx;
    OptimizerState state(Optimizer::SGD, 0.1, fx.params);
    QCOMPARE(state.kind(), Optimizer::SGD);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    // row 0: [1.0 - 0.1 * 0.5, -2.0 - 0.1 * (-1.0)] = [0.95, -1.9]
    QCOMPARE(fx.theta()(0, 0), f(1.0 - 0.1 * 0.5));
    QCOMPARE(fx.theta()(0, 1), f(-2.0 - 0.1 * -1.0));
    // row 2: [3.0 - 0.1 * 2.0, 4.0 - 0.1 * 0.0] = [2.8, 4.0]
    QCOMPARE(fx.theta()(2, 0), f(3.0 - 0.1 * 2.0));
    CHECK_ROW_UNMOVED(fx.theta(), 2, fx.theta()(2, 0), 4.0f);
    // row 1 was not touched.
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
}

void TestOptimizer::sgdTwoSteps()
{
    Fixture fx;
    OptimizerState state(Optimizer::SGD, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    const float row2c0 = fx.theta()(2, 0);

    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(1, -1.0f, 0.5f);
    fx.update(state, {0, 1});
    // row 0: [0.95 - 0.1 * 0.5, -1.9 - 0.1 * (-1.0)] = [0.9, -1.8]
    QCOMPARE(fx.theta()(0, 0), f(1.0 - 0.1 * 0.5 - 0.1 * 0.5));
    QCOMPARE(fx.theta()(0, 1), f(-2.0 + 0.1 * 1.0 + 0.1 * 1.0));
    // row 1, first touched now: [0.5 - 0.1 * (-1.0), 0.25 - 0.1 * 0.5] = [0.6, 0.2]
    QCOMPARE(fx.theta()(1, 0), f(0.5 + 0.1 * 1.0));
    QCOMPARE(fx.theta()(1, 1), f(0.25 - 0.1 * 0.5));
    // row 2, touched in step 1 only, stays where step 1 left it.
    CHECK_ROW_UNMOVED(fx.theta(), 2, row2c0, 4.0f);
}

// ---------------------------------------------------------------------------------------------
// AdaGrad (accumulators start at 0.1)

void TestOptimizer::adaGradOneStep()
{
    Fixture fx;
    OptimizerState state(Optimizer::AdaGrad, 0.1, fx.params);
    QCOMPARE(state.kind(), Optimizer::AdaGrad);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    // row 0: a = [0.1 + 0.5^2, 0.1 + 1.0^2] = [0.35, 1.1]
    //   theta = [1.0 - 0.1 * 0.5 / sqrt(0.35), -2.0 + 0.1 * 1.0 / sqrt(1.1)] = [0.9154846, -1.9046537]
    //   (accumulators starting at 0 would give [0.9, -1.9])
    QCOMPARE(fx.theta()(0, 0), f(1.0 - 0.1 * 0.5 / std::sqrt(0.35)));
    QCOMPARE(fx.theta()(0, 1), f(-2.0 + 0.1 * 1.0 / std::sqrt(1.1)));
    // row 2: a = [0.1 + 4.0, 0.1 + 0.0]; theta = [3.0 - 0.1 * 2.0 / sqrt(4.1), 4.0] = [2.9012270, 4.0]
    QCOMPARE(fx.theta()(2, 0), f(3.0 - 0.1 * 2.0 / std::sqrt(4.1)));
    QCOMPARE(fx.theta()(2, 1), 4.0f);
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
}

void TestOptimizer::adaGradTwoSteps()
{
    Fixture fx;
    OptimizerState state(Optimizer::AdaGrad, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    const float row2c0 = fx.theta()(2, 0), row2c1 = fx.theta()(2, 1);

    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(1, -1.0f, 0.5f);
    fx.update(state, {0, 1});
    // row 0: a = [0.35 + 0.25, 1.1 + 1.0] = [0.6, 2.1]
    //   theta = [0.9154846 - 0.1 * 0.5 / sqrt(0.6), -1.9046537 + 0.1 * 1.0 / sqrt(2.1)]
    //         = [0.8509349, -1.8356472]
    QCOMPARE(fx.theta()(0, 0), f(1.0 - 0.1 * 0.5 / std::sqrt(0.35) - 0.1 * 0.5 / std::sqrt(0.6)));
    QCOMPARE(fx.theta()(0, 1), f(-2.0 + 0.1 * 1.0 / std::sqrt(1.1) + 0.1 * 1.0 / std::sqrt(2.1)));
    // row 1, first touched now: its accumulators are still 0.1, a = [0.1 + 1.0, 0.1 + 0.25]
    //   theta = [0.5 + 0.1 * 1.0 / sqrt(1.1), 0.25 - 0.1 * 0.5 / sqrt(0.35)] = [0.5953463, 0.1654846]
    QCOMPARE(fx.theta()(1, 0), f(0.5 + 0.1 * 1.0 / std::sqrt(1.1)));
    QCOMPARE(fx.theta()(1, 1), f(0.25 - 0.1 * 0.5 / std::sqrt(0.35)));
    CHECK_ROW_UNMOVED(fx.theta(), 2, row2c0, row2c1);

    // Step 3 touches row 2 again: its accumulator [4.1, 0.1] was kept, a = [4.1 + 1.0, 0.1 + 1.0]
    //   theta = [2.9012270 - 0.1 * 1.0 / sqrt(5.1), 4.0 - 0.1 * 1.0 / sqrt(1.1)] = [2.8569463, 3.9046537]
    state.beginStep();
    fx.setGrad(2, 1.0f, 1.0f);
    fx.update(state, {2});
    QCOMPARE(fx.theta()(2, 0), f(3.0 - 0.1 * 2.0 / std::sqrt(4.1) - 0.1 * 1.0 / std::sqrt(5.1)));
    QCOMPARE(fx.theta()(2, 1), f(4.0 - 0.1 * 1.0 / std::sqrt(1.1)));
}

// ---------------------------------------------------------------------------------------------
// Lazy Adam with global bias correction

void TestOptimizer::adamOneStep()
{
    Fixture fx;
    OptimizerState state(Optimizer::Adam, 0.1, fx.params);
    QCOMPARE(state.kind(), Optimizer::Adam);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    // t = 1: lr_1 = 0.1 * sqrt(1 - 0.999) / (1 - 0.9) = 0.0316228
    const double lr1 = 0.1 * std::sqrt(1.0 - 0.999) / (1.0 - 0.9);
    // row 0: m = [0.1 * 0.5, 0.1 * (-1.0)] = [0.05, -0.1], v = [0.001 * 0.25, 0.001 * 1.0] = [0.00025, 0.001]
    //   theta = [1.0 - 0.0316228 * 0.05 / (sqrt(0.00025) + 1e-8), -2.0 + 0.0316228 * 0.1 / (sqrt(0.001) + 1e-8)]
    //         = [0.90000006, -1.90000003]
    QCOMPARE(fx.theta()(0, 0), f(1.0 - lr1 * 0.05 / (std::sqrt(0.00025) + 1e-8)));
    QCOMPARE(fx.theta()(0, 1), f(-2.0 + lr1 * 0.1 / (std::sqrt(0.001) + 1e-8)));
    // row 2: m = [0.2, 0], v = [0.004, 0]; theta = [3.0 - 0.0316228 * 0.2 / (sqrt(0.004) + 1e-8), 4.0 - 0]
    //   = [2.90000002, 4.0] (a zero gradient moves nothing: 0 / (0 + 1e-8) = 0)
    QCOMPARE(fx.theta()(2, 0), f(3.0 - lr1 * 0.2 / (std::sqrt(0.004) + 1e-8)));
    QCOMPARE(fx.theta()(2, 1), 4.0f);
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
}

void TestOptimizer::adamTwoSteps()
{
    Fixture fx;
    OptimizerState state(Optimizer::Adam, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    const float row2c0 = fx.theta()(2, 0), row2c1 = fx.theta()(2, 1);

    state.beginStep();
    fx.setGrad(0, -0.5f, 2.0f);
    fx.setGrad(1, -1.0f, 0.5f);
    fx.update(state, {0, 1});
    const double lr1 = 0.1 * std::sqrt(1.0 - 0.999) / (1.0 - 0.9);
    // t = 2: lr_2 = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.1 * sqrt(0.001999) / 0.19 = 0.0235317
    const double lr2 = 0.1 * std::sqrt(1.0 - 0.999 * 0.999) / (1.0 - 0.9 * 0.9);
    // row 0, column 0: m = 0.9 * 0.05 + 0.1 * (-0.5) = -0.005, v = 0.999 * 0.00025 + 0.001 * 0.25 = 0.00049975
    //   theta = 0.90000006 + 0.0235317 * 0.005 / (sqrt(0.00049975) + 1e-8) = 0.9052632
    QCOMPARE(fx.theta()(0, 0), f(1.0 - lr1 * 0.05 / (std::sqrt(0.00025) + 1e-8) -
                                 lr2 * (0.9 * 0.05 + 0.1 * -0.5) / (std::sqrt(0.999 * 0.00025 + 0.001 * 0.25) + 1e-8)));
    // row 0, column 1: m = 0.9 * (-0.1) + 0.1 * 2.0 = 0.11, v = 0.999 * 0.001 + 0.001 * 4.0 = 0.004999
    //   theta = -1.90000003 - 0.0235317 * 0.11 / (sqrt(0.004999) + 1e-8) = -1.9366104
    QCOMPARE(fx.theta()(0, 1), f(-2.0 + lr1 * 0.1 / (std::sqrt(0.001) + 1e-8) -
                                 lr2 * (0.9 * -0.1 + 0.1 * 2.0) / (std::sqrt(0.999 * 0.001 + 0.001 * 4.0) + 1e-8)));
    // row 1, first touched now: m = [-0.1, 0.05], v = [0.001, 0.00025]
    //   theta = [0.5 + 0.0235317 * 0.1 / (sqrt(0.001) + 1e-8), 0.25 - 0.0235317 * 0.05 / (sqrt(0.00025) + 1e-8)]
    //         = [0.5744137, 0.1755864]
    QCOMPARE(fx.theta()(1, 0), f(0.5 + lr2 * 0.1 / (std::sqrt(0.001) + 1e-8)));
    QCOMPARE(fx.theta()(1, 1), f(0.25 - lr2 * 0.05 / (std::sqrt(0.00025) + 1e-8)));
    // row 2 has momentum from step 1 but was not touched: lazy Adam does not move it.
    CHECK_ROW_UNMOVED(fx.theta(), 2, row2c0, row2c1);
}

void TestOptimizer::adamUntouchedRowKeepsItsMoments()
{
    // Row 2 is touched at t = 1 and t = 3 only. Its moments must be decayed once (by the update at
    // t = 3), not also for t = 2 as dense Adam would.
    Fixture fx;
    OptimizerState state(Optimizer::Adam, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {2});
    const float row2c0 = fx.theta()(2, 0), row2c1 = fx.theta()(2, 1);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.update(state, {0});
    CHECK_ROW_UNMOVED(fx.theta(), 2, row2c0, row2c1);
    const float row0c0 = fx.theta()(0, 0), row0c1 = fx.theta()(0, 1);
    state.beginStep();
    fx.setGrad(2, 1.0f, 1.0f);
    fx.update(state, {2});

    const double lr1 = 0.1 * std::sqrt(1.0 - 0.999) / (1.0 - 0.9);
    // t = 3: lr_3 = 0.1 * sqrt(1 - 0.999^3) / (1 - 0.9^3) = 0.1 * sqrt(0.002997001) / 0.271 = 0.0202011
    const double lr3 = 0.1 * std::sqrt(1.0 - 0.999 * 0.999 * 0.999) / (1.0 - 0.9 * 0.9 * 0.9);
    // column 0: after t = 1 m = 0.2, v = 0.004; at t = 3 m = 0.9 * 0.2 + 0.1 * 1.0 = 0.28,
    //   v = 0.999 * 0.004 + 0.001 * 1.0 = 0.004996
    //   theta = 2.90000002 - 0.0202011 * 0.28 / (sqrt(0.004996) + 1e-8) = 2.8199759
    //   (dense Adam, m = 0.81 * 0.2 + 0.1 = 0.262 and v = 0.999^2 * 0.004 + 0.001, would give 2.8250903)
    QCOMPARE(fx.theta()(2, 0), f(3.0 - lr1 * 0.2 / (std::sqrt(0.004) + 1e-8) -
                                 lr3 * (0.9 * 0.2 + 0.1 * 1.0) / (std::sqrt(0.999 * 0.004 + 0.001 * 1.0) + 1e-8)));
    // column 1: m = 0.9 * 0 + 0.1 * 1.0 = 0.1, v = 0.001
    //   theta = 4.0 - 0.0202011 * 0.1 / (sqrt(0.001) + 1e-8) = 3.9361187
    QCOMPARE(fx.theta()(2, 1), f(4.0 - lr3 * 0.1 / (std::sqrt(0.001) + 1e-8)));
    // Rows 0 and 1, untouched at t = 3, stay.
    CHECK_ROW_UNMOVED(fx.theta(), 0, row0c0, row0c1);
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
}

void TestOptimizer::adamBiasCorrectionIsGlobal()
{
    // The bias correction follows the global step count, not how often a row was touched: a row
    // first touched at t = 3 (two steps touched nothing at all) is corrected with t = 3.
    Fixture fx;
    OptimizerState state(Optimizer::Adam, 0.1, fx.params);
    state.beginStep();
    state.beginStep();
    state.beginStep();
    fx.setGrad(1, -1.0f, 0.5f);
    fx.update(state, {1});
    // m = [-0.1, 0.05], v = [0.001, 0.00025]; lr_3 = 0.1 * sqrt(1 - 0.999^3) / (1 - 0.9^3) = 0.0202011
    //   theta = [0.5 + 0.0202011 * 0.1 / (sqrt(0.001) + 1e-8), 0.25 - 0.0202011 * 0.05 / (sqrt(0.00025) + 1e-8)]
    //         = [0.5638811, 0.1861189]   (a per-row correction, t = 1, would give [0.6, 0.15])
    const double lr3 = 0.1 * std::sqrt(1.0 - 0.999 * 0.999 * 0.999) / (1.0 - 0.9 * 0.9 * 0.9);
    QCOMPARE(fx.theta()(1, 0), f(0.5 + lr3 * 0.1 / (std::sqrt(0.001) + 1e-8)));
    QCOMPARE(fx.theta()(1, 1), f(0.25 - lr3 * 0.05 / (std::sqrt(0.00025) + 1e-8)));
    CHECK_ROW_UNMOVED(fx.theta(), 0, 1.0f, -2.0f);
    CHECK_ROW_UNMOVED(fx.theta(), 2, 3.0f, 4.0f);
}

// ---------------------------------------------------------------------------------------------
// All three

void TestOptimizer::learningRateScalesTheStep_data()
{
    // One step on row 0 with g = [0.5, -1.0]: the displacement of column 0 at lr = 0.1 and 0.4.
    QTest::addColumn<Optimizer>("kind");
    QTest::addColumn<double>("slow");
    QTest::addColumn<double>("fast");
    // SGD: lr * 0.5 = 0.05 and 0.2
    QTest::newRow("SGD") << Optimizer::SGD << 0.1 * 0.5 << 0.4 * 0.5;
    // AdaGrad: lr * 0.5 / sqrt(0.1 + 0.25) = 0.0845154 and 0.3380617
    QTest::newRow("AdaGrad") << Optimizer::AdaGrad << 0.1 * 0.5 / std::sqrt(0.35) << 0.4 * 0.5 / std::sqrt(0.35);
    // Adam, t = 1: lr * sqrt(0.001) / 0.1 * 0.05 / (sqrt(0.00025) + 1e-8) = 0.09999994 and 0.39999975
    QTest::newRow("Adam") << Optimizer::Adam << 0.1 * std::sqrt(0.001) / 0.1 * 0.05 / (std::sqrt(0.00025) + 1e-8)
                          << 0.4 * std::sqrt(0.001) / 0.1 * 0.05 / (std::sqrt(0.00025) + 1e-8);
}

void TestOptimizer::learningRateScalesTheStep()
{
    QFETCH(Optimizer, kind);
    QFETCH(double, slow);
    QFETCH(double, fast);
    Fixture a, b;
    OptimizerState slowState(kind, 0.1, a.params), fastState(kind, 0.4, b.params);
    slowState.beginStep();
    fastState.beginStep();
    a.setGrad(0, 0.5f, -1.0f);
    b.setGrad(0, 0.5f, -1.0f);
    a.update(slowState, {0});
    b.update(fastState, {0});
    QCOMPARE(a.theta()(0, 0), f(1.0 - slow));
    QCOMPARE(b.theta()(0, 0), f(1.0 - fast));
    // Four times the rate, four times the step.
    QCOMPARE(1.0f - b.theta()(0, 0), 4.0f * (1.0f - a.theta()(0, 0)));
    QCOMPARE(-2.0f - b.theta()(0, 1), 4.0f * (-2.0f - a.theta()(0, 1)));
}

void TestOptimizer::weightDecayIsAddedToTheGradient_data()
{
    // Rows 0 and 2 touched with decay 0.5, gradients [0.5, -1.0] and [0, 0], lr 0.1: the effective
    // gradients are g + 0.5 * theta = [0.5 + 0.5, -1.0 - 1.0] = [1.0, -2.0] and [1.5, 2.0].
    QTest::addColumn<Optimizer>("kind");
    QTest::addColumn<double>("row0c0");
    QTest::addColumn<double>("row0c1");
    QTest::addColumn<double>("row2c0");
    QTest::addColumn<double>("row2c1");
    // SGD: [1.0 - 0.1 * 1.0, -2.0 + 0.1 * 2.0] = [0.9, -1.8]; [3.0 - 0.1 * 1.5, 4.0 - 0.1 * 2.0] = [2.85, 3.8]
    QTest::newRow("SGD") << Optimizer::SGD << 1.0 - 0.1 * 1.0 << -2.0 + 0.1 * 2.0 << 3.0 - 0.1 * 1.5 << 4.0 - 0.1 * 2.0;
    // AdaGrad: a = [0.1 + 1.0, 0.1 + 4.0] and [0.1 + 2.25, 0.1 + 4.0]
    //   [1.0 - 0.1 / sqrt(1.1), -2.0 + 0.2 / sqrt(4.1)] = [0.9046537, -1.9012270]
    //   [3.0 - 0.15 / sqrt(2.35), 4.0 - 0.2 / sqrt(4.1)] = [2.9021508, 3.9012270]
    QTest::newRow("AdaGrad") << Optimizer::AdaGrad << 1.0 - 0.1 * 1.0 / std::sqrt(1.1)
                             << -2.0 + 0.1 * 2.0 / std::sqrt(4.1) << 3.0 - 0.1 * 1.5 / std::sqrt(2.35)
                             << 4.0 - 0.1 * 2.0 / std::sqrt(4.1);
    // Adam, t = 1, lr_1 = 0.1 * sqrt(0.001) / 0.1 = 0.0316228; m = 0.1 g, v = 0.001 g^2
    //   [1.0 - 0.0316228 * 0.1 / (sqrt(0.001) + 1e-8), -2.0 + 0.0316228 * 0.2 / (sqrt(0.004) + 1e-8)]
    //   [3.0 - 0.0316228 * 0.15 / (sqrt(0.00225) + 1e-8), 4.0 - 0.0316228 * 0.2 / (sqrt(0.004) + 1e-8)]
    const double lr1 = 0.1 * std::sqrt(0.001) / 0.1;
    QTest::newRow("Adam") << Optimizer::Adam << 1.0 - lr1 * 0.1 / (std::sqrt(0.001) + 1e-8)
                          << -2.0 + lr1 * 0.2 / (std::sqrt(0.004) + 1e-8)
                          << 3.0 - lr1 * 0.15 / (std::sqrt(0.00225) + 1e-8)
                          << 4.0 - lr1 * 0.2 / (std::sqrt(0.004) + 1e-8);
}

void TestOptimizer::weightDecayIsAddedToTheGradient()
{
    QFETCH(Optimizer, kind);
    QFETCH(double, row0c0);
    QFETCH(double, row0c1);
    QFETCH(double, row2c0);
    QFETCH(double, row2c1);
    Fixture fx;
    OptimizerState state(kind, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    const double squares = fx.update(state, {0, 2}, 0.5f);
    // The squared norms of the rows before the step: (1.0^2 + 2.0^2) + (3.0^2 + 4.0^2) = 5 + 25 = 30.
    QCOMPARE(squares, 1.0 * 1.0 + 2.0 * 2.0 + 3.0 * 3.0 + 4.0 * 4.0);
    QCOMPARE(fx.theta()(0, 0), f(row0c0));
    QCOMPARE(fx.theta()(0, 1), f(row0c1));
    QCOMPARE(fx.theta()(2, 0), f(row2c0));
    QCOMPARE(fx.theta()(2, 1), f(row2c1));
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
}

void TestOptimizer::vectorBlockKeepsItsOwnState_data()
{
    // Step 1 touches row 0 of Items with g = [0.5, -1.0]; step 2 touches row 0 of the bias vector
    // (0.2) with g = 0.5, lr 0.1. The bias row starts from fresh state, not from Items' row 0.
    QTest::addColumn<Optimizer>("kind");
    QTest::addColumn<double>("bias0");
    // SGD: 0.2 - 0.1 * 0.5 = 0.15
    QTest::newRow("SGD") << Optimizer::SGD << 0.2 - 0.1 * 0.5;
    // AdaGrad: a = 0.1 + 0.25; 0.2 - 0.1 * 0.5 / sqrt(0.35) = 0.1154846 (sharing Items' a: 0.1354503)
    QTest::newRow("AdaGrad") << Optimizer::AdaGrad << 0.2 - 0.1 * 0.5 / std::sqrt(0.35);
    // Adam, t = 2: m = 0.05, v = 0.00025; lr_2 = 0.1 * sqrt(1 - 0.999^2) / (1 - 0.9^2) = 0.0235317
    //   0.2 - 0.0235317 * 0.05 / (sqrt(0.00025) + 1e-8) = 0.1255864
    QTest::newRow("Adam") << Optimizer::Adam
                          << 0.2 - 0.1 * std::sqrt(1.0 - 0.999 * 0.999) / (1.0 - 0.9 * 0.9) * 0.05 /
                                       (std::sqrt(0.00025) + 1e-8);
}

void TestOptimizer::vectorBlockKeepsItsOwnState()
{
    QFETCH(Optimizer, kind);
    QFETCH(double, bias0);
    Fixture fx;
    OptimizerState state(kind, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.update(state, {0});
    const float row0c0 = fx.theta()(0, 0), row0c1 = fx.theta()(0, 1);

    state.beginStep();
    fx.biasGrads(0, 0) = 0.5f;
    state.updateRows(Block::RankItemBias, {0}, fx.bias(), fx.biasGrads, 0.0f);
    QCOMPARE(fx.bias()(0, 0), f(bias0));
    QCOMPARE(fx.bias()(1, 0), -0.3f);
    QCOMPARE(fx.bias()(2, 0), 0.1f);
    QVERIFY(fx.bias()(1, 0) == -0.3f && fx.bias()(2, 0) == 0.1f); // exactly
    QCOMPARE(fx.biasGrads(0, 0), 0.0f);
    // Items were not touched in step 2.
    CHECK_ROW_UNMOVED(fx.theta(), 0, row0c0, row0c1);
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
    CHECK_ROW_UNMOVED(fx.theta(), 2, 3.0f, 4.0f);
}

void TestOptimizer::onlyTheTouchedGradientRowsAreConsumed_data()
{
    QTest::addColumn<Optimizer>("kind");
    QTest::newRow("SGD") << Optimizer::SGD;
    QTest::newRow("AdaGrad") << Optimizer::AdaGrad;
    QTest::newRow("Adam") << Optimizer::Adam;
}

void TestOptimizer::onlyTheTouchedGradientRowsAreConsumed()
{
    // A gradient left in a row the caller did not list is neither applied nor cleared; the
    // listed rows' gradients are zeroed, ready for the next batch.
    QFETCH(Optimizer, kind);
    Fixture fx;
    OptimizerState state(kind, 0.1, fx.params);
    state.beginStep();
    fx.setGrad(0, 0.5f, -1.0f);
    fx.setGrad(1, 7.0f, -7.0f);
    fx.setGrad(2, 2.0f, 0.0f);
    fx.update(state, {0, 2});
    CHECK_ROW_UNMOVED(fx.theta(), 1, 0.5f, 0.25f);
    CHECK_ROW_UNMOVED(fx.grads, 0, 0.0f, 0.0f);
    CHECK_ROW_UNMOVED(fx.grads, 1, 7.0f, -7.0f);
    CHECK_ROW_UNMOVED(fx.grads, 2, 0.0f, 0.0f);
    QVERIFY(!rowIs(fx.theta(), 0, 1.0f, -2.0f));
}

void TestOptimizer::contiguousSumsStepAsTheDenseRows_data()
{
    onlyTheTouchedGradientRowsAreConsumed_data();
}

void TestOptimizer::contiguousSumsStepAsTheDenseRows()
{
    // updateSums (the trainer's path: train/detail/rowsums.h) and updateRows (the dense path of
    // the per-task balancing rules) are one step: the same rows, gradients and decay move theta
    // and the penalty to the same bits over three steps; the contiguous sums are left as given.
    QFETCH(Optimizer, kind);
    Fixture dense, contiguous;
    OptimizerState a(kind, 0.1, dense.params), b(kind, 0.1, contiguous.params);
    const std::vector<std::uint32_t> rows{2, 0};
    for (int step = 0; step < 3; ++step) {
        const float g = 0.5f + float(step);
        const std::vector<float> sums{g, -1.0f, 0.25f, -g}; // row 2's, then row 0's
        dense.setGrad(2, sums[0], sums[1]);
        dense.setGrad(0, sums[2], sums[3]);
        a.beginStep();
        b.beginStep();
        const double penaltyA = a.updateRows(Block::Items, rows, dense.theta(), dense.grads, 0.01f);
        const double penaltyB = b.updateSums(Block::Items, rows, contiguous.theta(), sums.data(), 0.01f);
        QCOMPARE(penaltyB, penaltyA);
        QVERIFY(penaltyA > 0);
        for (int r = 0; r < 3; ++r)
            QVERIFY2(rowIs(contiguous.theta(), r, dense.theta()(r, 0), dense.theta()(r, 1)),
                     (QByteArray("row ") + QByteArray::number(r) + ": " + rowText(contiguous.theta(), r) + " vs " +
                      rowText(dense.theta(), r))
                         .constData());
        QCOMPARE(sums[0], g);
        QCOMPARE(sums[3], -g);
    }
    CHECK_ROW_UNMOVED(contiguous.theta(), 1, 0.5f, 0.25f);
}

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
