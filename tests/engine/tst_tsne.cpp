// Barnes-Hut t-SNE: the calibrated similarities, the tree's forces against exact sums, planted
// clusters against PCA, determinism, cancelling and degenerate input (docs/projections.md,
// "t-SNE").
#include "analysis/neighbours.h"
#include "analysis/projection.h"
#include "analysis/tsne.h"
#include "core/detail/rng.h"
#include "core/errors.h"

#include "plantedclusters.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using namespace rnr;
using fixtures::Planted;
using fixtures::plantedClusters;
using fixtures::sameClusterShare;

namespace {

TsneOptions quick(std::uint64_t seed, unsigned threads)
{
    TsneOptions options;
    options.seed = seed;
    options.threads = threads;
    options.iterations = 400;
    return options;
}

} // namespace

class TestTsne : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void affinitiesAreCalibrated()
    {
        // Points evenly on a circle: every point sees the same neighbour distances, so
        // p_j|i = p_i|j and n p_ij is the conditional distribution, whose entropy must be
        // log(perplexity).
        const int n = 200;
        RowMatrix<float> rows(n, 2);
        for (int i = 0; i < n; ++i)
            rows.row(i) << float(std::cos(2 * std::numbers::pi * i / n)), float(std::sin(2 * std::numbers::pi * i / n));
        const double perplexity = 10.0;
        const SparseGraph p = tsneAffinities(rows, perplexity, 2);
        QCOMPARE(p.rows(), Eigen::Index(n));
        double total = 0.0;
        for (double w : p.weight)
            total += w;
        QVERIFY(std::abs(total - 1.0) < 1e-12);
        for (std::size_t i = 0; i < std::size_t(n); ++i) {
            QCOMPARE(p.start[i + 1] - p.start[i], std::size_t(30)); // k = 3 * perplexity, and symmetric
            double entropy = 0.0;
            for (std::size_t e = p.start[i]; e < p.start[i + 1]; ++e) {
                const double conditional = n * p.weight[e];
                entropy -= conditional * std::log(conditional);
            }
            QVERIFY2(std::abs(entropy - std::log(perplexity)) < 1e-3, qPrintable(QString::number(entropy)));
        }
        // Symmetric: p_ij = p_ji.
        const SparseGraph random = tsneAffinities(plantedClusters(3, 40, 5, 1.0, 1).rows, 30.0);
        for (std::size_t i = 0; i + 1 < random.start.size(); ++i)
            for (std::size_t e = random.start[i]; e < random.start[i + 1]; ++e) {
                const std::uint32_t j = random.column[e];
                bool found = false;
                for (std::size_t f = random.start[j]; f < random.start[j + 1]; ++f)
                    if (random.column[f] == i) {
                        found = true;
                        QCOMPARE(random.weight[f], random.weight[e]);
                    }
                QVERIFY(found);
            }
    }

    void treeMatchesExactForces()
    {
        Rng rng(9);
        RowMatrix<double> y(700, 2);
        for (Eigen::Index i = 0; i < y.rows(); ++i)
            y.row(i) << 5 * rng.normal() + (i % 3) * 20, 5 * rng.normal();
        y.row(5) = y.row(6); // a coincident pair
        // The exact sums, pair by pair.
        RowMatrix<double> force = RowMatrix<double>::Zero(y.rows(), 2);
        double z = 0.0;
        for (Eigen::Index i = 0; i < y.rows(); ++i)
            for (Eigen::Index j = 0; j < y.rows(); ++j)
                if (i != j) {
                    const double dx = y(i, 0) - y(j, 0), dy = y(i, 1) - y(j, 1);
                    const double w = 1.0 / (1.0 + dx * dx + dy * dy);
                    z += w;
                    force(i, 0) += w * w * dx;
                    force(i, 1) += w * w * dy;
                }
        const TsneRepulsion exact = tsneRepulsion(y, 0.0);
        QVERIFY(std::abs(exact.z - z) < 1e-9 * z);
        QVERIFY((exact.force - force).norm() < 1e-9 * force.norm());
        const TsneRepulsion approx = tsneRepulsion(y, 0.5, 2);
        QVERIFY2(std::abs(approx.z - z) < 0.01 * z, qPrintable(QString::number(approx.z / z)));
        const double error = (approx.force - force).norm() / force.norm();
        QVERIFY2(error < 0.03, qPrintable(QString::number(error)));
        const TsneRepulsion coarse = tsneRepulsion(y, 0.9);
        QVERIFY((coarse.force - force).norm() / force.norm() > error); // theta trades accuracy
    }

    void plantedClustersBeatPca()
    {
        // Centres 0.8 * sqrt(100) = 8 apart against 10 within a cluster: in 50-D 99% of the points
        // have their nearest neighbour in their own cluster, in the top two PCs 57%.
        const Planted p = plantedClusters(10, 150, 50, 0.8, 2);
        const RowMatrix<float> pca = pca2(p.rows).points;
        TsneOptions options;
        options.threads = 2;
        const RowMatrix<float> layout = tsne(p.rows, options);
        QCOMPARE(layout.rows(), p.rows.rows());
        QCOMPARE(layout.cols(), Eigen::Index(2));
        QVERIFY(layout.allFinite());
        const double twPca = trustworthiness(p.rows, pca, 10, 2);
        const double twTsne = trustworthiness(p.rows, layout, 10, 2);
        const double samePca = sameClusterShare(pca, p.label), sameTsne = sameClusterShare(layout, p.label);
        qInfo("trustworthiness(10): PCA %.4f, t-SNE %.4f; same-cluster nearest neighbour: PCA %.3f, t-SNE %.3f", twPca,
              twTsne, samePca, sameTsne);
        QVERIFY(samePca < 0.65); // the clusters overlap in the top two principal components
        QVERIFY(twTsne > twPca + 0.1);
        QVERIFY(sameTsne > 0.95);
    }

    void seedsAndThreads()
    {
        const Planted p = plantedClusters(4, 60, 10, 1.0, 3);
        const RowMatrix<float> a = tsne(p.rows, quick(5, 1));
        const RowMatrix<float> again = tsne(p.rows, quick(5, 1));
        const RowMatrix<float> twoThreads = tsne(p.rows, quick(5, 2));
        const RowMatrix<float> otherSeed = tsne(p.rows, quick(6, 1));
        QVERIFY(a == again);
        QVERIFY(a == twoThreads); // bit for bit
        QVERIFY((a - otherSeed).cwiseAbs().maxCoeff() > 1e-3f);
    }

    void progressAndCancel()
    {
        const Planted p = plantedClusters(3, 50, 5, 1.0, 4);
        TsneOptions options = quick(1, 2);
        std::vector<double> seen;
        options.progress = [&](double f) {
            seen.push_back(f);
            return true;
        };
        tsne(p.rows, options);
        QVERIFY(seen.size() >= std::size_t(options.iterations / 10));
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
        // Stop at the first report past 30%: the run ends there.
        double last = 0.0;
        options.progress = [&](double f) {
            last = f;
            return f < 0.3;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, tsne(p.rows, options));
        QVERIFY(last >= 0.3 && last < 0.35);
    }

    void degenerateInput()
    {
        QCOMPARE(tsne(RowMatrix<float>(0, 5)).rows(), Eigen::Index(0));
        const RowMatrix<float> one = tsne(RowMatrix<float>::Ones(1, 5));
        QCOMPARE(one.rows(), Eigen::Index(1));
        QCOMPARE(one.cols(), Eigen::Index(2));
        QVERIFY(one.isZero());
        for (int n : {2, 3}) {
            RowMatrix<float> rows(n, 2);
            for (int i = 0; i < n; ++i)
                rows.row(i) << float(i), float(i * i);
            const RowMatrix<float> layout = tsne(rows, quick(1, 1));
            QCOMPARE(layout.rows(), Eigen::Index(n));
            QVERIFY(layout.allFinite());
            QVERIFY((layout.row(0) - layout.row(1)).norm() > 0.0f);
        }
        // Every row the same; d = 1; no columns.
        const RowMatrix<float> same = tsne(RowMatrix<float>::Constant(40, 3, 2.0f), quick(1, 2));
        QVERIFY(same.allFinite());
        RowMatrix<float> line(100, 1);
        for (int i = 0; i < 100; ++i)
            line(i, 0) = float(i % 10 == 0 ? 0 : i); // with duplicates
        QVERIFY(tsne(line, quick(2, 2)).allFinite());
        QVERIFY(tsne(RowMatrix<float>(20, 0), quick(2, 1)).allFinite());
        RowMatrix<float> bad = RowMatrix<float>::Zero(5, 2);
        bad(2, 0) = std::numeric_limits<float>::infinity();
        QVERIFY_THROWS_EXCEPTION(UsageError, tsne(bad));
        TsneOptions wrong;
        wrong.perplexity = 0.0;
        QVERIFY_THROWS_EXCEPTION(UsageError, tsne(line, wrong));
    }
};

QTEST_APPLESS_MAIN(TestTsne)
#include "tst_tsne.moc"
