// PCA against hand-made point clouds.
#include "analysis/projection.h"
#include "core/detail/rng.h"

#include <QTest>

using namespace rnr;

class TestProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsOnALine()
    {
        // Points t * (1, 2, 2) / 3 in 3-D: one component explains everything.
        RowMatrix<float> rows(5, 3);
        for (int t = 0; t < 5; ++t)
            rows.row(t) << float(t), float(2 * t), float(2 * t);
        const Projection p = pca2(rows);
        QVERIFY(std::abs(p.explained[0] - 1.0) < 1e-9);
        QVERIFY(std::abs(p.explained[1]) < 1e-9);
        // Distances along the line are kept: neighbours are 3 apart (|(1, 2, 2)| = 3).
        for (int t = 0; t + 1 < 5; ++t)
            QVERIFY(std::abs(p.points(t + 1, 0) - p.points(t, 0) - 3.0f) < 1e-4f);
        QVERIFY(std::abs(p.points.col(0).sum()) < 1e-4f); // centred
        QVERIFY((p.axes.row(0) - Eigen::RowVector3d(1, 2, 2) / 3.0).norm() < 1e-9);
    }

    void anisotropicCloud()
    {
        // Variance 9 along x, 1 along y, 0.01 along z.
        Rng rng(3);
        RowMatrix<float> rows(4000, 3);
        for (int r = 0; r < 4000; ++r)
            rows.row(r) << float(3 * rng.normal()), float(rng.normal()), float(0.1 * rng.normal());
        const Projection p = pca2(rows);
        QVERIFY(std::abs(p.explained[0] - 9.0 / 10.01) < 0.02);
        QVERIFY(std::abs(p.explained[1] - 1.0 / 10.01) < 0.02);
        QVERIFY(std::abs(std::abs(p.axes(0, 0)) - 1.0) < 0.01);
        QVERIFY(std::abs(std::abs(p.axes(1, 1)) - 1.0) < 0.01);
        // apply() on the same rows gives the same points.
        QVERIFY((p.apply(rows) - p.points).cwiseAbs().maxCoeff() < 1e-4f);
    }

    void degenerateInput()
    {
        const Projection p = pca2(RowMatrix<float>::Zero(1, 4));
        QCOMPARE(p.points.rows(), 1);
        QCOMPARE(p.points.cols(), 2);
    }
};

QTEST_APPLESS_MAIN(TestProjection)
#include "tst_projection.moc"
