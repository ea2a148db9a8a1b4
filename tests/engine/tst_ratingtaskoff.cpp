// Runs with the rating task switched off by α = 1 (docs/method.md, "Grid"): which runs are, what
// the results say of them, and that "same as BPR" is literally true.
#include "model/model.h"
#include "train/experiment.h"

#include "../trainedruns.h"

#include <QTest>

#include <cstring>

using namespace rnr;

class TestRatingTaskOff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whichRunsHaveNoRatingTask()
    {
        HyperParams one;
        one.alpha = 1.0;
        HyperParams most = one;
        most.alpha = 0.95;
        QVERIFY(ratingTaskOff(parseModelSpec("rnr:bpr+svd"), one));
        QVERIFY(ratingTaskOff(parseModelSpec("vanilla:wrmf+svd++"), one));
        QVERIFY(ratingTaskOff(parseModelSpec("mmoe:bpr+svd"), one));
        QVERIFY(!ratingTaskOff(parseModelSpec("rnr:bpr+svd"), most));
        QVERIFY(!ratingTaskOff(parseModelSpec("bpr"), one));      // single-task: nothing to switch off
        QVERIFY(!ratingTaskOff(parseModelSpec("esmm:bpr"), one)); // a cascade's α weighs its like head otherwise
        HyperParams pcgrad = one, gradnorm = one;
        pcgrad.balance = Balance::PCGrad;     // reads α: the rating gradient is 0 · g_P
        gradnorm.balance = Balance::GradNorm; // learns the weights, α unread
        QVERIFY(ratingTaskOff(parseModelSpec("rnr:bpr+svd"), pcgrad));
        QVERIFY(!ratingTaskOff(parseModelSpec("rnr:bpr+svd"), gradnorm));

        QCOMPARE(ratingTaskOffNote(parseModelSpec("rnr:bpr+svd"), one), std::string("\u03b1 = 1: same as BPR"));
        QCOMPARE(ratingTaskOffNote(parseModelSpec("deviation-only:cdae+svd"), one),
                 std::string("\u03b1 = 1: same as CDAE"));
        QCOMPARE(ratingTaskOffNote(parseModelSpec("fc-only:bpr+svd"), one), std::string("\u03b1 = 1: same as BPR"));
        QCOMPARE(ratingTaskOffNote(parseModelSpec("cross-stitch:bpr+svd"), one),
                 std::string("\u03b1 = 1: rating task off"));
        QCOMPARE(ratingTaskOffNote(parseModelSpec("rnr:bpr+svd"), most), std::string());
        // SVD++ trains in user groups, so BPR beside it sees its tuples in another order.
        QCOMPARE(ratingTaskOffNote(parseModelSpec("vanilla:bpr+svd++"), one),
                 std::string("\u03b1 = 1: rating task off"));
        QCOMPARE(ratingTaskOffNote(parseModelSpec("rnr:cdae+svd++"), one), std::string("\u03b1 = 1: same as CDAE"));
    }

    void sameAsTheRankingModelBitForBit_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("alone");
        QTest::newRow("vanilla") << "vanilla:bpr+svd"
                                 << "bpr";
        QTest::newRow("rnr") << "rnr:bpr+svd"
                             << "bpr";
        QTest::newRow("deviation-only") << "deviation-only:wrmf+svd"
                                        << "wrmf";
        QTest::newRow("fc-only") << QStringLiteral("fc-only:bpr+svd") << QStringLiteral("bpr");
        QTest::newRow("cdae beside svd++") << QStringLiteral("vanilla:cdae+svd++") << QStringLiteral("cdae");
    }

    void sameAsTheRankingModelBitForBit()
    {
        QFETCH(QString, model);
        QFETCH(QString, alone);
        const auto data = fixtures::smallDemo(120, 90);
        const HyperParams hp = fixtures::smallHyperParams(2, 1.0);
        const RunResult multi = fixtures::trainedRun(*data, model.toLatin1().constData(), hp);
        const RunResult single = fixtures::trainedRun(*data, alone.toLatin1().constData(), hp);
        QVERIFY(ratingTaskOff(multi.spec, multi.hp));
        for (const auto member : {&Metrics::recall, &Metrics::mrr, &Metrics::ndcg})
            QCOMPARE(std::memcmp(&(multi.test.*member), &(single.test.*member), sizeof(double)), 0);
        QCOMPARE(multi.bestEpoch, single.bestEpoch);
    }
};

QTEST_APPLESS_MAIN(TestRatingTaskOff)
#include "tst_ratingtaskoff.moc"
