// The data set view shows the numbers of the data set it is given, and its load report.
#include "datasetview.h"
#include "demo.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QTest>
#include <qcustomplot.h>

using namespace rnr;

class TestDatasetView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheDemo()
    {
        DemoConfig config;
        config.users = 300;
        config.items = 200;
        const Dataset data = generateDemo(config);
        DatasetView view;
        view.resize(1000, 640);
        view.setDataset(data, LoadReport{});
        const QLocale locale;
        QCOMPARE(view.valueText(QStringLiteral("users")), locale.toString(300));
        QCOMPARE(view.valueText(QStringLiteral("items")), locale.toString(200));
        QCOMPARE(view.valueText(QStringLiteral("ratings")), locale.toString(qulonglong(data.interactions.size())));
        QVERIFY(view.valueText(QStringLiteral("scale")).startsWith(QStringLiteral("1")));
        QVERIFY(view.valueText(QStringLiteral("metadata")).contains(QStringLiteral("8 genres")));

        auto* plot = view.findChild<QCustomPlot*>();
        QVERIFY(plot);
        QCOMPARE(plot->plottableCount(), 1);
        const auto* bars = qobject_cast<QCPBars*>(plot->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 5); // ratings 1..5 all occur
        double total = 0;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            total += it->value;
        QCOMPARE(total, double(data.interactions.size()));

        if (const QByteArray dir = qgetenv("RNR_SCREENSHOT_DIR"); !dir.isEmpty()) {
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("datasetview.png"))));
        }
    }

    void showsTheLoadReport()
    {
        Dataset data = generateDemo(DemoConfig{50, 40, 4, 5, 10.0, 0.1, 1.0, 3});
        LoadReport report;
        report.file = "/data/ratings.csv";
        report.format = Format::GenericCsv;
        report.rowsRead = 10;
        report.rowsKept = 9;
        report.problems[static_cast<std::size_t>(Problem::OutOfScale)] = ProblemTally{1, {7}, "rating 9 is outside"};
        DatasetView view;
        view.setDataset(data, report);
        const auto* text = view.findChild<QPlainTextEdit*>();
        QVERIFY(text);
        QVERIFY(text->toPlainText().contains(QStringLiteral("ratings outside the scale: 1 (line 7)")));
    }
};

QTEST_MAIN(TestDatasetView)
#include "tst_datasetview.moc"
