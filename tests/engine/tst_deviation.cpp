// The deviation summary: correlations against hand-computed cases, and on the demo data RnR's
// learnt deviation is related to the planted one.
#include "analysis/deviation.h"
#include "core/errors.h"
#include "data/demo.h"
#include "train/experiment.h"

#include <QTest>

#include <cmath>

using namespace rnr;

class TestDeviation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void correlations()
    {
        QVERIFY(std::abs(pearson({1, 2, 3, 4}, {2, 4, 6, 8}) - 1.0) < 1e-12);
        QVERIFY(std::abs(pearson({1, 2, 3, 4}, {4, 3, 2, 1}) + 1.0) < 1e-12);
        // x = (1, 2, 3), y = (1, 3, 2): cov = 0.5, var = 1 each -> 0.5.
        QVERIFY(std::abs(pearson({1, 2, 3}, {1, 3, 2}) - 0.5) < 1e-12);
        QVERIFY(std::isnan(pearson({1, 1, 1}, {1, 2, 3})));
        // Spearman only sees ranks: a monotone but non-linear relation is 1.
        QVERIFY(std::abs(spearman({1, 2, 3, 4}, {1, 10, 100, 1000}) - 1.0) < 1e-12);
        // Ties get average ranks: (1, 2.5, 2.5, 4) vs (1, 2, 3, 4).
        const double expected = pearson({1, 2.5, 2.5, 4}, {1, 2, 3, 4});
        QVERIFY(std::abs(spearman({1, 5, 5, 9}, {1, 2, 3, 4}) - expected) < 1e-12);
    }

    void learntDeviationFollowsThePlantedOne()
    {
        DemoConfig config;
        config.users = 600;
        config.items = 200;
        config.minPerUser = 20;
        config.meanPerUser = 50;
        config.surpriseScale = 1.5;
        const Dataset data = filterMinInteractions(generateDemo(config));
        const Split split = makeSplit(data, SplitConfig{});
        HyperParams hp;
        hp.dim = 16;
        hp.epochs = 15;
        hp.alpha = 0.5; // give the rating task weight so that the deviation learns
        const RunResult run = runExperiment(data, split, parseModelSpec("rnr:bpr+svd"), hp);
        const DeviationSummary s = summariseDeviation(*run.model, data);
        QCOMPARE(s.norm.size(), data.itemCount());
        QVERIFY(s.norm[s.ranking.front()] >= s.norm[s.ranking.back()]);
        QVERIFY2(
            s.spearmanWithTruth > 0.1,
            qPrintable(QStringLiteral("spearman %1, pearson %2").arg(s.spearmanWithTruth).arg(s.pearsonWithTruth)));
        const RunResult bpr = runExperiment(data, split, parseModelSpec("bpr"), hp);
        QVERIFY_THROWS_EXCEPTION(UsageError, summariseDeviation(*bpr.model, data));
    }
};

QTEST_APPLESS_MAIN(TestDeviation)
#include "tst_deviation.moc"
