// UMAP: the fitted curve, the fuzzy graph, planted clusters against PCA, determinism,
// cancelling and degenerate input (docs/projections.md, "UMAP").
#include "analysis/neighbours.h"
#include "analysis/projection.h"
#include "analysis/umap.h"
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

UmapOptions quick(std::uint64_t seed, unsigned threads)
{
    UmapOptions options;
    options.seed = seed;
    options.threads = threads;
    options.epochs = 100;
    return options;
}

/// The least-squares cost the curve fit minimises, computed independently.
double curveCost(double a, double b, double minDist, double spread)
{
    double cost = 0.0;
    for (int s = 0; s < 300; ++s) {
        const double x = 3.0 * spread * s / 299.0;
        const double target = x < minDist ? 1.0 : std::exp(-(x - minDist) / spread);
        const double r = 1.0 / (1.0 + a * std::pow(x, 2 * b)) - target;
        cost += r * r;
    }
    return cost;
}

} // namespace

class TestUmap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curveFit_data()
    {
        QTest::addColumn<double>("minDist");
        QTest::addColumn<double>("spread");
        QTest::newRow("defaults") << 0.1 << 1.0;
        QTest::newRow("tight") << 0.001 << 1.0;
        QTest::newRow("loose") << 0.5 << 2.0;
    }
    void curveFit()
    {
        QFETCH(double, minDist);
        QFETCH(double, spread);
        const UmapCurve curve = fitUmapCurve(minDist, spread);
        QVERIFY(curve.a > 0 && curve.b > 0);
        // A minimum: every small step away costs more.
        const double cost = curveCost(curve.a, curve.b, minDist, spread);
        for (double da : {-1e-3, 0.0, 1e-3})
            for (double db : {-1e-3, 0.0, 1e-3})
                if (da != 0.0 || db != 0.0)
                    QVERIFY(curveCost(curve.a * (1 + da), curve.b * (1 + db), minDist, spread) > cost);
        if (minDist == 0.1 && spread == 1.0) {
            // The values usually quoted for UMAP's defaults.
            QVERIFY2(std::abs(curve.a - 1.577) < 0.002, qPrintable(QString::number(curve.a)));
            QVERIFY2(std::abs(curve.b - 0.895) < 0.002, qPrintable(QString::number(curve.b)));
        }
        QVERIFY_THROWS_EXCEPTION(UsageError, fitUmapCurve(-1.0, 1.0));
        QVERIFY_THROWS_EXCEPTION(UsageError, fitUmapCurve(0.1, 0.0));
    }

    void fuzzyGraph()
    {
        // Evenly on a circle: every point sees the same distances, so the two directions of an
        // edge carry the same membership w and the union is 2w - w^2. The memberships of a row sum
        // to log2(k), and the nearest neighbour's is 1.
        const int n = 100, k = 8;
        RowMatrix<float> rows(n, 2);
        for (int i = 0; i < n; ++i)
            rows.row(i) << float(std::cos(2 * std::numbers::pi * i / n)), float(std::sin(2 * std::numbers::pi * i / n));
        const SparseGraph graph = umapGraph(rows, k, 2);
        QCOMPARE(graph.rows(), Eigen::Index(n));
        for (std::size_t i = 0; i < std::size_t(n); ++i) {
            QCOMPARE(graph.start[i + 1] - graph.start[i], std::size_t(k));
            double sum = 0.0, largest = 0.0;
            for (std::size_t e = graph.start[i]; e < graph.start[i + 1]; ++e) {
                const double u = graph.weight[e];
                QVERIFY(u > 0.0 && u <= 1.0);
                const double w = 1.0 - std::sqrt(std::max(0.0, 1.0 - u)); // undo 2w - w^2
                sum += w;
                largest = std::max(largest, u);
            }
            QVERIFY2(std::abs(sum - std::log2(double(k))) < 1e-3, qPrintable(QString::number(sum)));
            QVERIFY(std::abs(largest - 1.0) < 1e-12);
        }
    }

    void plantedClustersBeatPca()
    {
        // Centres 0.8 * sqrt(100) = 8 apart against 10 within a cluster: in 50-D 99% of the points
        // have their nearest neighbour in their own cluster, in the top two PCs 57%.
        const Planted p = plantedClusters(10, 150, 50, 0.8, 2);
        const RowMatrix<float> pca = pca2(p.rows).points;
        UmapOptions options;
        options.threads = 2;
        const RowMatrix<float> layout = umap(p.rows, options);
        QCOMPARE(layout.rows(), p.rows.rows());
        QCOMPARE(layout.cols(), Eigen::Index(2));
        QVERIFY(layout.allFinite());
        const double twPca = trustworthiness(p.rows, pca, 10, 2);
        const double twUmap = trustworthiness(p.rows, layout, 10, 2);
        const double samePca = sameClusterShare(pca, p.label), sameUmap = sameClusterShare(layout, p.label);
        qInfo("trustworthiness(10): PCA %.4f, UMAP %.4f; same-cluster nearest neighbour: PCA %.3f, UMAP %.3f", twPca,
              twUmap, samePca, sameUmap);
        QVERIFY(samePca < 0.65); // the clusters overlap in the top two principal components
        QVERIFY(twUmap > twPca + 0.1);
        QVERIFY(sameUmap > 0.95);
    }

    void seedsAndThreads()
    {
        const Planted p = plantedClusters(4, 80, 10, 1.0, 3);
        const RowMatrix<float> a = umap(p.rows, quick(5, 1));
        const RowMatrix<float> again = umap(p.rows, quick(5, 1));
        const RowMatrix<float> twoThreads = umap(p.rows, quick(5, 2));
        const RowMatrix<float> otherSeed = umap(p.rows, quick(6, 1));
        QVERIFY(a == again);
        QVERIFY(a == twoThreads); // bit for bit
        QVERIFY((a - otherSeed).cwiseAbs().maxCoeff() > 1e-3f);
    }

    void progressAndCancel()
    {
        const Planted p = plantedClusters(3, 50, 5, 1.0, 4);
        UmapOptions options = quick(1, 2);
        std::vector<double> seen;
        options.progress = [&](double f) {
            seen.push_back(f);
            return true;
        };
        umap(p.rows, options);
        QVERIFY(seen.size() >= std::size_t(options.epochs));
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
        double last = 0.0;
        options.progress = [&](double f) {
            last = f;
            return f < 0.5;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled, umap(p.rows, options));
        QVERIFY(last >= 0.5 && last < 0.52);
    }

    void degenerateInput()
    {
        QCOMPARE(umap(RowMatrix<float>(0, 5)).rows(), Eigen::Index(0));
        const RowMatrix<float> one = umap(RowMatrix<float>::Ones(1, 5));
        QCOMPARE(one.rows(), Eigen::Index(1));
        QCOMPARE(one.cols(), Eigen::Index(2));
        QVERIFY(one.isZero());
        for (int n : {2, 3}) {
            RowMatrix<float> rows(n, 2);
            for (int i = 0; i < n; ++i)
                rows.row(i) << float(i), float(i * i);
            const RowMatrix<float> layout = umap(rows, quick(1, 1));
            QCOMPARE(layout.rows(), Eigen::Index(n));
            QVERIFY(layout.allFinite());
            QVERIFY((layout.row(0) - layout.row(1)).norm() > 0.0f);
        }
        // Every row the same (no PCA to start from); d = 1 (with duplicates); no columns.
        const RowMatrix<float> same = umap(RowMatrix<float>::Constant(40, 3, 2.0f), quick(1, 2));
        QVERIFY(same.allFinite());
        RowMatrix<float> line(100, 1);
        for (int i = 0; i < 100; ++i)
            line(i, 0) = float(i % 10 == 0 ? 0 : i);
        const RowMatrix<float> lineLayout = umap(line, quick(2, 2));
        QVERIFY(lineLayout.allFinite());
        QVERIFY(trustworthiness(line, lineLayout, 5) > 0.9);
        QVERIFY(umap(RowMatrix<float>(20, 0), quick(2, 1)).allFinite());
        RowMatrix<float> bad = RowMatrix<float>::Zero(5, 2);
        bad(2, 0) = std::numeric_limits<float>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(UsageError, umap(bad));
        UmapOptions wrong;
        wrong.neighbours = 0;
        QVERIFY_THROWS_EXCEPTION(UsageError, umap(line, wrong));
    }
};

QTEST_APPLESS_MAIN(TestUmap)
#include "tst_umap.moc"
