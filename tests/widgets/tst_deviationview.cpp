// The deviation view shows an RnR run's deviations: histogram, scatters, arrows, the top items
// and (demo data) the comparison with the truth; other models get an explanation.
#include "../trainedruns.h"
#include "views/deviationview.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace rnr;

class TestDeviationView : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const Model> m_rnr, m_vanilla;

private Q_SLOTS:
    void initTestCase()
    {
        m_data = fixtures::smallDemo(300, 120);
        m_rnr = fixtures::trained(*m_data, "rnr:bpr+svd", 3, 0.5);
        m_vanilla = fixtures::trained(*m_data, "vanilla:bpr+svd", 3, 0.5);
    }

    void showsAnRnrRun()
    {
        DeviationView view;
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        // The summary is computed off the GUI thread (issue 13: no stall over 20 ms at a run's end).
        QVERIFY(view.computing());
        QVERIFY(!view.hasRun());
        QTRY_VERIFY(view.hasRun());
        QVERIFY(!view.computing());
        // Histogram bars count every item.
        auto* bars = qobject_cast<QCPBars*>(view.plot(0)->plottable(0));
        QVERIFY(bars);
        double total = 0;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            total += it->value;
        QCOMPARE(total, double(m_data->itemCount()));
        QCOMPARE(view.plot(2)->graph(0)->dataCount(), int(m_data->itemCount()));
        QCOMPARE(view.plot(3)->itemCount(), 40); // arrows for the 40 most deviating items
        QCOMPARE(view.plot(4)->graph(0)->dataCount(), int(m_data->itemCount())); // demo: truth known
        // The table lists the most deviating items first.
        QCOMPARE(view.topItems()->rowCount(), 25);
        const std::uint32_t first = view.summary()->ranking.front();
        QCOMPARE(view.topItems()->item(0, 0)->text(), QString::fromStdString(m_data->itemLabel(first)));
        QVERIFY(view.topItems()->item(0, 1)->text().toDouble() >= view.topItems()->item(1, 1)->text().toDouble());
        QTest::qWait(50);
        // Issue 10, defect 6: the histogram's x tick labels ran together. At the narrowest the
        // window lets the plots be, no two labels of any plot's x axis overlap.
        view.resize(view.minimumSizeHint().width(), 700);
        QCoreApplication::processEvents();
        for (int p = 0; p < 5; ++p) {
            QCustomPlot* plot = view.plot(p);
            plot->replot();
            const QFontMetrics fm(plot->xAxis->tickLabelFont());
            const QVector<double> ticks = plot->xAxis->tickVector();
            const QVector<QString> labels = plot->xAxis->tickVectorLabels();
            double lastRight = -1e9;
            for (int t = 0; t < ticks.size(); ++t) {
                if (!plot->xAxis->range().contains(ticks[t]))
                    continue;
                const double centre = plot->xAxis->coordToPixel(ticks[t]);
                const double half = fm.horizontalAdvance(labels[t]) / 2.0;
                QVERIFY2(centre - half > lastRight + 2,
                         qPrintable(QStringLiteral("plot %1: %2 runs into the label before (%3, width %4)")
                                        .arg(p)
                                        .arg(labels[t])
                                        .arg(QStringList(labels.begin(), labels.end()).join(QLatin1Char(' ')))
                                        .arg(plot->axisRect()->width())));
                lastRight = centre + half;
            }
        }
        if (const QByteArray dir = qgetenv("RNR_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("deviations.png"))));
    }

    void noPlantedTruthNoTruthPlot()
    {
        // Real data has no planted deviation: the "learnt against true" plot is not shown empty.
        Dataset real = *m_data;
        real.trueDeviation.clear();
        DeviationView view;
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRun(std::make_shared<const Dataset>(std::move(real)), m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(view.hasRun());
        QVERIFY(!view.plot(4)->isVisible());
        QVERIFY(view.plot(3)->isVisible());
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1")); // the demo data: shown again
        QTRY_VERIFY(view.hasRun());
        QVERIFY(view.plot(4)->isVisible());
    }

    void explainsOtherModels()
    {
        DeviationView view;
        view.setRun(m_data, m_vanilla, QStringLiteral("Vanilla #2"));
        QVERIFY(!view.hasRun());
        QVERIFY(view.caption().contains(QStringLiteral("learns no deviation")));
        QCOMPARE(view.topItems()->rowCount(), 0);
    }

    void showsTheDeviationOnlyAblation()
    {
        // RnR without the FC layer learns a deviation too; the caption says the rating task uses it as it is.
        const auto model = fixtures::trained(*m_data, "deviation-only:bpr+svd", 2);
        DeviationView view;
        view.setRun(m_data, model, QStringLiteral("Deviation-only #3"));
        QTRY_VERIFY(view.hasRun());
        QVERIFY2(view.caption().contains(QStringLiteral("no FC layer")), qPrintable(view.caption()));
        QCOMPARE(view.topItems()->rowCount(), 25);
        // An FC-only run has no deviation to show.
        view.setRun(m_data, fixtures::trained(*m_data, "fc-only:bpr+svd", 1), QStringLiteral("FC-only #4"));
        QVERIFY(!view.hasRun());
        QVERIFY(!view.computing());
    }

    void aLaterRunAndAnEarlySelectionWin()
    {
        // Two runs chosen in quick succession: the first one's summary, still under way, is never
        // shown; an item chosen in another view before the summary is ready is marked once it is.
        const auto model = fixtures::trained(*m_data, "deviation-only:bpr+svd", 2);
        DeviationView view;
        QSignalSpy ready(&view, &DeviationView::ready);
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        view.setRun(m_data, model, QStringLiteral("Deviation-only #3"));
        view.selectItem(7);
        QTRY_VERIFY(view.hasRun());
        QVERIFY2(view.caption().startsWith(QStringLiteral("Deviation-only #3")), qPrintable(view.caption()));
        QCOMPARE(view.selectedItem(), std::optional<std::uint32_t>(7));
        QTest::qWait(100);
        QCOMPARE(ready.count(), 1);
        // A run without a deviation chosen while a summary is computed drops it too.
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        view.setRun(m_data, m_vanilla, QStringLiteral("Vanilla #2"));
        QTest::qWait(100);
        QVERIFY(!view.hasRun());
        QVERIFY(view.caption().contains(QStringLiteral("learns no deviation")));
    }
};

QTEST_MAIN(TestDeviationView)
#include "tst_deviationview.moc"
