// The Task interplay tab: it follows the Training tab's runs, draws a curve per multi-task run and
// series (none for single-task runs), keeps the cosine's zero in view, and draws one run's gates.
#include "plots/interplayplot.h"
#include "plots/lossplot.h"

#include <QTest>
#include <qcustomplot.h>

using namespace rnr;

namespace {

EpochRecord record(std::uint32_t epoch, double cosineItems, bool gates)
{
    EpochRecord e;
    e.epoch = epoch;
    Interplay i;
    i.cosineItems = cosineItems;
    i.cosineUsers = 0.5 * cosineItems;
    i.conflictShare = 0.4;
    i.batchConflictShare = 0.25;
    i.normRanking = 2;
    i.normRating = 1;
    i.rankingWeight = 0.9;
    i.ratingWeight = 0.1;
    i.batches = 16;
    if (gates) // PLE with 2 shared experts and one of each task's own
        i.gates = {{{{{0.5, 0.3, 0.2, 0.0}, {0.4, 0.4, 0.2, 0.0}}}, {{{0.1, 0.1, 0.0, 0.8}, {0.2, 0.2, 0.0, 0.6}}}}};
    e.interplay = i;
    return e;
}

} // namespace

class TestInterplayPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheTrainingTabsRuns()
    {
        LossPlot loss;
        InterplayPlot plot;
        plot.follow(&loss);
        QVERIFY(!plot.gatesShown()); // nothing with experts yet
        loss.addRun(1, QStringLiteral("Vanilla(BPR, SVD) #1"));
        loss.addRun(2, QStringLiteral("BPR #2"));
        loss.addRun(3, QStringLiteral("PLE(BPR, SVD) #3"));
        for (std::uint32_t e = 1; e <= 3; ++e) {
            loss.appendEpoch(1, record(e, -0.1 + 0.03 * e, false));
            EpochRecord single;
            single.epoch = e;
            loss.appendEpoch(2, single); // no interplay: no curve
            loss.appendEpoch(3, record(e, 0.02 * e, true));
        }
        plot.flush();
        QCOMPARE(plot.pointCount(1), 3);
        QCOMPARE(plot.pointCount(2), 0);
        QCOMPARE(plot.pointCount(3), 3);
        QCOMPARE(plot.plot()->graphCount(), 2); // BPR has no legend entry here
        QCOMPARE(plot.plot()->graph(0)->data()->at(0)->value, -0.07);
        // Cosines below and above 0: the zero line between agreement and conflict is in view.
        QVERIFY(plot.plot()->yAxis->range().contains(0.0));

        plot.setSeries(InterplayPlot::Series::RatingWeight);
        QCOMPARE(plot.plot()->graph(0)->data()->at(2)->value, 0.1);
        plot.setSeries(InterplayPlot::Series::ConflictShare);
        QCOMPARE(plot.plot()->graph(1)->data()->at(1)->value, 0.4);

        // The gates of the one run with experts, its last epoch: four experts, both tasks.
        QCOMPARE(plot.gatesRun(), quint64(3));
        QVERIFY(plot.gatesShown());
        QCOMPARE(plot.gateBarCount(), 4);
        plot.showGates(3, false);
        const auto* bars = qobject_cast<QCPBars*>(plot.gatePlot()->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->at(0)->value, 0.5); // ranking's weight of expert 1 among the users
        plot.showGates(3, true);
        QCOMPARE(bars->data()->at(0)->value, 0.4);

        loss.renameRun(1, QStringLiteral("baseline"));
        QCOMPARE(plot.plot()->graph(0)->name(), QStringLiteral("baseline"));
        loss.removeRun(3);
        QCOMPARE(plot.pointCount(3), 0);
        QCOMPARE(plot.plot()->graphCount(), 1);
        QCOMPARE(plot.gatesRun(), quint64(0)); // no run with experts left
        QCOMPARE(plot.gateBarCount(), 0);
        QVERIFY(!plot.gatesShown());

        if (const QByteArray dir = qgetenv("RNR_SCREENSHOTS"); !dir.isEmpty()) {
            loss.addRun(4, QStringLiteral("PLE(BPR, SVD) #4"));
            for (std::uint32_t e = 1; e <= 3; ++e)
                loss.appendEpoch(4, record(e, 0.01 * e, true));
            plot.setSeries(InterplayPlot::Series::CosineItems);
            plot.resize(900, 640);
            plot.flush();
            QVERIFY(plot.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/interplayplot.png")));
        }
    }
};

QTEST_MAIN(TestInterplayPlot)
#include "tst_interplayplot.moc"
