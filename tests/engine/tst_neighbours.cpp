// Exact nearest neighbours against a plain brute force, the symmetric graphs, and
// trustworthiness against hand-computed cases (docs/projections.md, "Nearest neighbours" and
// "Trustworthiness").
#include "analysis/neighbours.h"
#include "core/detail/rng.h"
#include "core/errors.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

using namespace rnr;

namespace {

RowMatrix<float> randomRows(Eigen::Index n, Eigen::Index d, std::uint64_t seed)
{
    Rng rng(seed);
    RowMatrix<float> rows(n, d);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < d; ++j)
            rows(i, j) = float(rng.normal());
    return rows;
}

/// Every other row by (exact distance, index): the reference the search must reproduce.
std::vector<std::pair<double, std::uint32_t>> bruteForce(const RowMatrix<float>& rows, Eigen::Index i)
{
    std::vector<std::pair<double, std::uint32_t>> all;
    for (Eigen::Index j = 0; j < rows.rows(); ++j)
        if (j != i)
            all.emplace_back((rows.row(i).cast<double>() - rows.row(j).cast<double>()).norm(), std::uint32_t(j));
    std::sort(all.begin(), all.end());
    return all;
}

RowMatrix<float> column(std::initializer_list<float> values)
{
    RowMatrix<float> rows(Eigen::Index(values.size()), 1);
    Eigen::Index i = 0;
    for (float v : values)
        rows(i++, 0) = v;
    return rows;
}

} // namespace

class TestNeighbours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesBruteForce_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("k");
        QTest::newRow("small") << 40 << 3 << 5;
        // More rows than one query block (256) and two column blocks (1,024).
        QTest::newRow("blocks") << 2100 << 6 << 7;
        QTest::newRow("d=1") << 200 << 1 << 4;
        QTest::newRow("k=n-1") << 30 << 4 << 29;
    }
    void matchesBruteForce()
    {
        QFETCH(int, n);
        QFETCH(int, d);
        QFETCH(int, k);
        RowMatrix<float> rows = randomRows(n, d, 11);
        rows.array() += 5.0f; // far from the origin: the expansion |x|^2 + |y|^2 - 2xy must not lose it
        const Neighbours near = nearestNeighbours(rows, k, 1);
        QCOMPARE(near.rows(), Eigen::Index(n));
        QCOMPARE(near.k(), Eigen::Index(k));
        for (Eigen::Index i = 0; i < n; ++i) {
            const auto reference = bruteForce(rows, i);
            for (Eigen::Index m = 0; m < k; ++m) {
                QCOMPARE(near.index(i, m), reference[std::size_t(m)].second);
                QVERIFY(std::abs(near.distance(i, m) - reference[std::size_t(m)].first) <=
                        1e-6 * (1.0 + reference[std::size_t(m)].first));
            }
        }
        // Threads change nothing.
        const Neighbours two = nearestNeighbours(rows, k, 2);
        QVERIFY(two.index == near.index);
        QVERIFY(two.distance == near.distance);
    }

    void duplicatesAndTies()
    {
        // Rows 0, 2, 3 coincide; row 1 is 1 away, row 4 is 2 away.
        const RowMatrix<float> rows = column({0, 1, 0, 0, 2});
        const Neighbours near = nearestNeighbours(rows, 3);
        // Row 0: its duplicates 2, 3 first (index order), then 1; never itself.
        QCOMPARE(near.index(0, 0), 2u);
        QCOMPARE(near.index(0, 1), 3u);
        QCOMPARE(near.index(0, 2), 1u);
        QCOMPARE(near.distance(0, 0), 0.0f);
        QCOMPARE(near.distance(0, 2), 1.0f);
        // Row 1: 0, 2, 3 and 4 are all 1 away; the lowest indices win.
        QCOMPARE(near.index(1, 0), 0u);
        QCOMPARE(near.index(1, 1), 2u);
        QCOMPARE(near.index(1, 2), 3u);
        // All rows equal: every neighbour at distance 0.
        const Neighbours same = nearestNeighbours(RowMatrix<float>::Ones(10, 3), 4);
        QCOMPARE(same.distance.maxCoeff(), 0.0f);
        for (Eigen::Index i = 0; i < 10; ++i)
            for (Eigen::Index m = 0; m < 4; ++m)
                QVERIFY(same.index(i, m) != std::uint32_t(i));
    }

    void degenerateInput()
    {
        QCOMPARE(nearestNeighbours(RowMatrix<float>(0, 3), 5).rows(), Eigen::Index(0));
        const Neighbours one = nearestNeighbours(RowMatrix<float>::Zero(1, 3), 5);
        QCOMPARE(one.rows(), Eigen::Index(1));
        QCOMPARE(one.k(), Eigen::Index(0));
        const Neighbours two = nearestNeighbours(column({1, 4}), 5);
        QCOMPARE(two.k(), Eigen::Index(1)); // clamped to n - 1
        QCOMPARE(two.index(0, 0), 1u);
        QCOMPARE(two.distance(1, 0), 3.0f);
        // No columns at all: everyone at distance 0.
        QCOMPARE(nearestNeighbours(RowMatrix<float>(4, 0), 2).distance.maxCoeff(), 0.0f);
        RowMatrix<float> bad = RowMatrix<float>::Zero(3, 2);
        bad(1, 1) = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(UsageError, nearestNeighbours(bad, 1));
    }

    void progressAndCancel()
    {
        const RowMatrix<float> rows = randomRows(3000, 4, 5);
        std::vector<double> seen;
        nearestNeighbours(rows, 3, 2, [&](double f) {
            seen.push_back(f);
            return true;
        });
        QVERIFY(seen.size() >= 5);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.0);
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, nearestNeighbours(rows, 3, 2, [&](double) { return ++calls < 2; }));
        QCOMPARE(calls, 2);
    }

    void symmetricGraphs()
    {
        // 0 -> 1 (0.5), 1 -> 0 (0.4), 2 -> 1 (0.2).
        Neighbours near;
        near.index.resize(3, 1);
        near.distance.resize(3, 1);
        near.index << 1, 0, 1;
        near.distance << 1, 1, 1;
        RowMatrix<double> w(3, 1);
        w << 0.5, 0.4, 0.2;
        const SparseGraph mean = symmetricGraph(near, w, Symmetrise::Mean);
        QCOMPARE(mean.rows(), Eigen::Index(3));
        QCOMPARE(mean.start, (std::vector<std::size_t>{0, 1, 3, 4}));
        QCOMPARE(mean.column, (std::vector<std::uint32_t>{1, 0, 2, 1}));
        const std::vector<double> meanWeights{0.45, 0.45, 0.1, 0.1};
        const SparseGraph fuzzy = symmetricGraph(near, w, Symmetrise::FuzzyUnion, 2);
        QCOMPARE(fuzzy.column, mean.column);
        const std::vector<double> fuzzyWeights{0.7, 0.7, 0.2, 0.2}; // 0.5 + 0.4 - 0.2; 0.2 + 0 - 0
        for (std::size_t e = 0; e < 4; ++e) {
            QVERIFY(std::abs(mean.weight[e] - meanWeights[e]) < 1e-15);
            QVERIFY(std::abs(fuzzy.weight[e] - fuzzyWeights[e]) < 1e-15);
        }
    }

    void trustworthinessByHand_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("expected");
        // High: A..F at 0, 1, 3, 7, 15, 31 on a line (no two distances from a point are equal).
        // Low: C and F swap places: A..F at 0, 1, 31, 7, 15, 3.
        // Ranks in high (from each point, nearest first):
        //   A: B C D E F   B: A C D E F   C: B A D E F
        //   D: C B A E F   E: D C B A F   F: E D C B A
        // k = 1, low 1-NN: A->B (rank 1), B->A (1), C->E (4), D->F (5), E->D (1), F->B (4).
        //   Penalties (r - k where r > k): 3 + 4 + 3 = 10; T = 1 - 2 / (6 * 1 * (12 - 3 - 1)) * 10 = 7/12.
        QTest::newRow("k=1") << 1 << 7.0 / 12.0;
        // k = 2, low 2-NN: A {B, F}, B {A, F}, C {E, D}, D {F, B}, E {D, F}, F {B, A}.
        //   False neighbours and penalties: A: F (5) 3; B: F (5) 3; C: E (4) 2, D (3) 1; D: F (5) 3;
        //   E: F (5) 3; F: B (4) 2, A (5) 3. Sum 20; T = 1 - 2 / (6 * 2 * (12 - 6 - 1)) * 20 = 1/3.
        QTest::newRow("k=2") << 2 << 1.0 / 3.0;
        // k = 3, low 3-NN: A {B, F, D}, B {A, F, D}, C {E, D, F}, D {F, B, A}, E {D, F, B}, F {B, A, D}.
        //   Penalties: A: F 2; B: F 2; C: E 1, F 2; D: F 2; E: F 2; F: B 1, A 2. Sum 14;
        //   T = 1 - 2 / (6 * 3 * (12 - 9 - 1)) * 14 = 2/9 (k = n/2: the worst case per point is
        //   still (4 - 3) + (5 - 3) = 3).
        QTest::newRow("k=3") << 3 << 2.0 / 9.0;
    }
    void trustworthinessByHand()
    {
        QFETCH(int, k);
        QFETCH(double, expected);
        const RowMatrix<float> high = column({0, 1, 3, 7, 15, 31});
        const RowMatrix<float> low = column({0, 1, 31, 7, 15, 3});
        QVERIFY(std::abs(trustworthiness(high, low, k) - expected) < 1e-12);
        QVERIFY(std::abs(trustworthiness(high, low, k, 2) - expected) < 1e-12);
        QCOMPARE(trustworthiness(high, high, k), 1.0);
    }

    void trustworthinessLimits()
    {
        const RowMatrix<float> rows = randomRows(300, 10, 3);
        // A projection that keeps everything (the rows themselves) is perfectly trustworthy; one
        // that keeps nothing (random points) is far from it; threads change nothing.
        QCOMPARE(trustworthiness(rows, rows, 10), 1.0);
        const RowMatrix<float> noise = randomRows(300, 2, 4);
        const double random = trustworthiness(rows, noise, 10);
        QVERIFY2(random > 0.3 && random < 0.65, qPrintable(QString::number(random)));
        QCOMPARE(trustworthiness(rows, noise, 10, 2), random);
        // Small n and large k.
        QCOMPARE(trustworthiness(RowMatrix<float>(0, 2), RowMatrix<float>(0, 2), 3), 1.0);
        QCOMPARE(trustworthiness(column({1}), column({2}), 3), 1.0);
        QCOMPARE(trustworthiness(column({1, 2}), column({2, 1}), 3), 1.0);
        QCOMPARE(trustworthiness(column({1, 2, 4}), column({4, 1, 2}), 5), 1.0); // k clamped to n - 1
        QVERIFY_THROWS_EXCEPTION(UsageError, trustworthiness(column({1, 2}), column({1}), 1));
    }

    void trustworthinessWithTies()
    {
        // High: 0..6 on a line, so equal distances abound; ties rank the lower index first.
        // Low: 0 and 6, 1 and 5, 2 and 4 become pairs: 0 -> 0, 6 -> 0.1, 1 -> 10, 5 -> 10.1,
        // 2 -> 20, 4 -> 20.1, 3 -> 20.3. With k = 1 the low neighbours and their high ranks are
        //   0 -> 6: rank 6, penalty 5          6 -> 0: rank 6, penalty 5
        //   1 -> 5: from 1 (1,0) (1,2) (2,3) (3,4) (4,5): rank 5, penalty 4
        //   5 -> 1: from 5 (1,4) (1,6) (2,3) (3,2) (4,1): rank 5, penalty 4
        //   2 -> 4: from 2 (1,1) (1,3) (2,0) (2,4): rank 4, penalty 3
        //   4 -> 2: from 4 (1,3) (1,5) (2,2): rank 3, penalty 2
        //   3 -> 4: from 3 (1,2) (1,4): rank 2, penalty 1
        // Sum 24; T = 1 - 2 / (7 * 1 * (14 - 3 - 1)) * 24 = 1 - 48/70.
        const RowMatrix<float> high = column({0, 1, 2, 3, 4, 5, 6});
        const RowMatrix<float> low = column({0, 10, 20, 20.3f, 20.1f, 10.1f, 0.1f});
        QVERIFY(std::abs(trustworthiness(high, low, 1) - (1.0 - 48.0 / 70.0)) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestNeighbours)
#include "tst_neighbours.moc"
