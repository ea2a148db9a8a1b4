// The roofline's counting (README, "Performance: the roofline"), against cases written out by
// hand, and the machine probe's figures being physical.
#include "train/roofline.h"

#include <QTest>

using namespace rnr;

class TestRoofline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void epochCostsAreCountedAsDocumented()
    {
        HyperParams hp;
        hp.dim = 10;
        // BPR, one negative: 3 rows (user, item, negative); 10d FLOPs for the pair + 12d per row
        // for the optimiser; 48d bytes per row.
        EpochCost bpr = epochCost(parseModelSpec("bpr"), hp, 100);
        QCOMPARE(bpr.flops, 100.0 * (10 * 10 + 12 * 10 * 3));
        QCOMPARE(bpr.bytes, 100.0 * 48 * 10 * 3);
        // Vanilla adds SVD's 8d and the rating task's gradients on the user and item rows (16d each).
        EpochCost vanilla = epochCost(parseModelSpec("vanilla:bpr+svd"), hp, 100);
        QCOMPARE(vanilla.flops, 100.0 * (10 * 10 + 8 * 10 + 12 * 10 * 3));
        QCOMPARE(vanilla.bytes, 100.0 * (48 * 10 * 3 + 16 * 10 * 2));
        // RnR adds the tied layer (12d^2 + 12d) and the deviation row.
        EpochCost rnr = epochCost(parseModelSpec("rnr:bpr+svd"), hp, 100);
        QCOMPARE(rnr.flops, 100.0 * (10 * 10 + 8 * 10 + 12 * 100 + 12 * 10 + 12 * 10 * 4));
        QCOMPARE(rnr.bytes, 100.0 * (48 * 10 * 4 + 16 * 10 * 2));
        // More negatives: more rows and pair terms.
        hp.bprNegatives = 3;
        bpr = epochCost(parseModelSpec("bpr"), hp, 1);
        QCOMPARE(bpr.flops, 10.0 * 10 * 3 + 12 * 10 * 5);
        QCOMPARE(bpr.bytes, 48.0 * 10 * 5);
        // Popularity learns nothing.
        QCOMPARE(epochCost(parseModelSpec("popularity"), hp, 1000).flops, 0.0);
    }

    void theFloorIsTheSlowerCeiling()
    {
        // 30 GFLOP at 120 GFLOP/s is 0.25 s; 10 GB of rows at 40 GB/s is 0.25 s too; more bytes
        // make the rows the floor, more FLOPs the arithmetic; an unknown rate gives none.
        MachineRates rates;
        rates.smallGemmFlops = 120e9;
        rates.rowBytes = 40e9;
        QCOMPARE(floorSeconds(EpochCost{30e9, 10e9}, rates), 0.25);
        QCOMPARE(floorSeconds(EpochCost{30e9, 20e9}, rates), 0.5);
        QCOMPARE(floorSeconds(EpochCost{60e9, 10e9}, rates), 0.5);
        rates.rowBytes = 0;
        QCOMPARE(floorSeconds(EpochCost{30e9, 10e9}, rates), 0.0);
    }

    void theMachineProbeMeasuresSomething()
    {
        const MachineRates rates = measureMachine(1, 16, 1);
        QVERIFY(rates.gemmFlops > 1e8 && rates.gemmFlops < 1e13);
        QVERIFY(rates.smallGemmFlops > 1e7 && rates.smallGemmFlops < 1e13);
        QVERIFY(rates.streamBytes > 1e8 && rates.streamBytes < 1e13);
        QVERIFY(rates.rowBytes > 1e7 && rates.rowBytes < 1e13);
    }
};

QTEST_GUILESS_MAIN(TestRoofline)
#include "tst_roofline.moc"
