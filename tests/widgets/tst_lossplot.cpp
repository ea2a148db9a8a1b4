// The training view's curves: epoch points per series, per-batch curves with their moving
// average, runs removed cleanly.
#include "plots/lossplot.h"

#include <QTest>
#include <qcustomplot.h>

using namespace rnr;

namespace {

BatchProgress batch(std::uint32_t epoch, std::size_t done, double ranking)
{
    BatchProgress p;
    p.epoch = epoch;
    p.tuplesDone = done;
    p.tuplesTotal = 100;
    p.rankingLoss = ranking;
    p.ratingLoss = 2 * ranking;
    p.objective = 3 * ranking;
    return p;
}

EpochRecord record(std::uint32_t epoch, double objective, std::optional<double> recall)
{
    EpochRecord e;
    e.epoch = epoch;
    e.objective = objective;
    e.rankingLoss = objective / 3;
    if (recall) {
        e.validation = Metrics{};
        e.validation->recall = *recall;
    }
    return e;
}

} // namespace

class TestLossPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void legendStaysOutsideTheData()
    {
        // Legends covered data (the best validation point): the legend sits right of the axes.
        LossPlot plot;
        plot.resize(900, 500);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        for (quint64 run = 1; run <= 6; ++run)
            plot.addRun(run, QStringLiteral("RnR(BPR, SVD) #%1").arg(run));
        plot.plot()->replot();
        const QRect axes = plot.plot()->axisRect()->outerRect();
        const QRect legend = plot.plot()->legend->outerRect();
        QVERIFY(legend.isValid() && legend.width() > 0);
        QVERIFY2(!axes.intersects(legend), qPrintable(QStringLiteral("axes %1,%2 %3x%4, legend %5,%6 %7x%8")
                                                          .arg(axes.x())
                                                          .arg(axes.y())
                                                          .arg(axes.width())
                                                          .arg(axes.height())
                                                          .arg(legend.x())
                                                          .arg(legend.y())
                                                          .arg(legend.width())
                                                          .arg(legend.height())));
        QVERIFY(legend.left() >= axes.right());
        QVERIFY(axes.width() > plot.plot()->width() / 2); // the data keeps most of the room
    }

    void aHiddenRunIsNotDrawnHighlighted()
    {
        // Issue 10, defect 13: clicking a legend entry hides its run; the entry was then drawn
        // selected (highlighted) although its run was gone. Now it is greyed and italic.
        LossPlot plot;
        plot.resize(900, 500);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.addRun(1, QStringLiteral("RnR #1 \u00b7 Demo"));
        plot.addRun(2, QStringLiteral("Vanilla #2 \u00b7 Demo"));
        plot.plot()->replot();
        QCPAbstractLegendItem* entry = plot.plot()->legend->item(0);
        QVERIFY(entry);
        const QPoint at = entry->outerRect().center();
        QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, at);
        QCPGraph* graph = plot.plot()->graph(1); // the epoch curve of run 1 (its batch curve is graph 0)
        QVERIFY(!graph->visible());
        QVERIFY(!entry->selected());
        QVERIFY(!graph->selected());
        QCOMPARE(entry->textColor(), QColor(Qt::gray));
        QVERIFY(entry->font().italic());
        QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, at);
        QVERIFY(graph->visible());
        QVERIFY(!entry->font().italic());
        QVERIFY(entry->textColor() != QColor(Qt::gray));
    }

    void epochsAndBatches()
    {
        LossPlot plot;
        plot.addRun(1, QStringLiteral("RnR #1"));
        plot.addRun(2, QStringLiteral("Vanilla #2"));
        plot.setSmoothing(0.5);
        plot.appendBatch(1, batch(1, 25, 4.0));
        plot.appendBatch(1, batch(1, 50, 2.0));
        plot.appendBatch(1, batch(1, 100, 1.0));
        plot.appendEpoch(1, record(1, 9.0, 0.1));
        plot.appendEpoch(1, record(2, 6.0, std::nullopt));
        plot.appendBatch(3, batch(1, 10, 1.0)); // unknown run: ignored
        plot.flush();
        QCOMPARE(plot.pointCount(1), 2);
        QCOMPARE(plot.batchPointCount(1), 3);
        QCOMPARE(plot.pointCount(2), 0);
        // The run's curves: a thin per-batch graph, then the epoch graph (in the legend).
        QCPGraph* batches = plot.plot()->graph(0);
        QCOMPARE(batches->data()->size(), 3);
        // x: fraction of the epoch; y (objective = 3 x ranking): EMA 12, 0.5*12+0.5*6 = 9, 0.5*9+0.5*3 = 6.
        auto it = batches->data()->constBegin();
        QCOMPARE(it->key, 0.25);
        QCOMPARE(it->value, 12.0);
        ++it;
        QCOMPARE(it->value, 9.0);
        ++it;
        QCOMPARE(it->key, 1.0);
        QCOMPARE(it->value, 6.0);
        QCOMPARE(plot.plot()->legend->itemCount(), 2); // one entry per run

        plot.setSmoothing(0.0); // raw values
        QCOMPARE(std::prev(plot.plot()->graph(0)->data()->constEnd())->value, 3.0);
        plot.setSeries(LossPlot::Series::Recall); // per epoch only; epoch 2 has no validation
        QCOMPARE(plot.pointCount(1), 1);
        QCOMPARE(plot.batchPointCount(1), 0);
        plot.setSeries(LossPlot::Series::Ranking);
        plot.setBatchCurves(false);
        QCOMPARE(plot.batchPointCount(1), 0);
        QCOMPARE(plot.pointCount(1), 2);
        plot.removeRun(1);
        QCOMPARE(plot.plot()->graphCount(), 2);
        QCOMPARE(plot.runIds(), QList<quint64>{2});
    }
};

QTEST_MAIN(TestLossPlot)
#include "tst_lossplot.moc"
