// The data set view shows the numbers of the data set it is given, and its load report.
#include "data/demo.h"
#include "data/split.h"
#include "plots/pointcloud.h"
#include "views/datasetview.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <qcustomplot.h>

using namespace rnr;

class TestDatasetView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOneItems()
    {
        // Issue 10, defect 13: "1 items". With one user, one item and one genre no count stands
        // before a plural noun anywhere in the view.
        Dataset data;
        data.name = "tiny";
        data.userIds = {"u"};
        data.itemIds = {"i"};
        data.itemTitles = {"Only (2000)"};
        data.genreNames = {"Drama"};
        data.itemGenres = {{0}};
        data.interactions = {Interaction{1, 0, 0, 1, 4.0f}};
        DatasetView view;
        view.setDataset(data, LoadReport{});
        view.setSplit(data, SplitConfig{});
        QStringList texts;
        for (const QLabel* label : view.findChildren<QLabel*>())
            texts << label->text();
        const QRegularExpression plural(QStringLiteral("\\b1 (items|users|ratings|genres|runs)\\b"));
        for (const QString& text : texts)
            QVERIFY2(!plural.match(text).hasMatch(), qPrintable(text));
    }

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
        QVERIFY(view.valueText(QStringLiteral("metadata")).contains(QStringLiteral("genres: 8")));
        const auto likes = std::count_if(data.interactions.begin(), data.interactions.end(),
                                         [](const Interaction& i) { return i.rating >= 4.0f; });
        QCOMPARE(view.valueText(QStringLiteral("likes")),
                 QStringLiteral("rating ≥ 4: %1 % of the ratings")
                     .arg(locale.toString(100.0 * double(likes) / double(data.interactions.size()), 'f', 1)));

        QCustomPlot* plot = view.plot(0);
        QVERIFY(plot);
        QCOMPARE(plot->plottableCount(), 1);
        const auto* bars = qobject_cast<QCPBars*>(plot->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 5); // ratings 1..5 all occur
        double total = 0;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            total += it->value;
        QCOMPARE(total, double(data.interactions.size()));

        // Activity: every user and every rated item counted once, at its number of ratings.
        QCustomPlot* activity = view.plot(1);
        QCOMPARE(activity->graphCount(), 2);
        const std::size_t expected[] = {data.userCount(), data.itemCount()};
        for (int g = 0; g < 2; ++g) {
            QVERIFY(qobject_cast<PointCloud*>(activity->graph(g))); // drawn as sprites on the screen
            double counted = 0, ratings = 0;
            for (auto it = activity->graph(g)->data()->constBegin(); it != activity->graph(g)->data()->constEnd();
                 ++it) {
                counted += it->value;
                ratings += it->key * it->value;
            }
            QVERIFY(counted <= double(expected[g]));
            QCOMPARE(ratings, double(data.interactions.size()));
        }
        QCOMPARE(activity->xAxis->scaleType(), QCPAxis::stLogarithmic);

        // What the split holds out.
        const Dataset filtered = filterMinInteractions(data);
        view.setSplit(filtered, SplitConfig{101, 5});
        const QString split = view.valueText(QStringLiteral("split"));
        QVERIFY2(split.contains(QStringLiteral("each validation user (50) and test user (51), seed 5")),
                 qPrintable(split));

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
