// The built-in demo data set: deterministic per seed, the documented sizes, the planted
// two-phase structure and deviation present.
#include "data/demo.h"
#include "data/split.h"
#include "data/stats.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace rnr;

class TestDemo : public QObject
{
    Q_OBJECT

    DemoTruth m_truth;
    Dataset m_data;

private Q_SLOTS:
    void initTestCase() { m_data = generateDemo(DemoConfig{}, &m_truth); }

    void defaultSize()
    {
        QCOMPARE(m_data.userCount(), 2000u);
        QCOMPARE(m_data.itemCount(), 1500u);
        // "about 150,000 ratings"
        QVERIFY2(m_data.interactions.size() > 130000 && m_data.interactions.size() < 170000,
                 qPrintable(QString::number(m_data.interactions.size())));
        QCOMPARE(m_data.itemTitles.size(), 1500u);
        QCOMPARE(m_data.trueDeviation.size(), 1500u);
        QCOMPARE(m_data.genreNames.size(), 8u);
        QCOMPARE(m_data.source, std::string("builtin:demo"));
    }

    void everyUserHasAtLeastTheMinimumAndTimeIncreases()
    {
        std::vector<std::uint32_t> count(m_data.userCount(), 0);
        std::vector<std::int64_t> lastTime(m_data.userCount(), 0);
        std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
        for (const auto& x : m_data.interactions) {
            ++count[x.user];
            QVERIFY2(x.timestamp > lastTime[x.user], "timestamps must increase per user");
            lastTime[x.user] = x.timestamp;
            QVERIFY2(pairs.insert({x.user, x.item}).second, "an item was picked twice by one user");
            QVERIFY(x.rating >= 1.0f && x.rating <= 5.0f && x.rating == std::round(x.rating));
        }
        QCOMPARE(*std::min_element(count.begin(), count.end()) >= 20, true);
        // Heavy tail: the most active user has several times the median activity.
        std::sort(count.begin(), count.end());
        QVERIFY(count.back() > 4 * count[count.size() / 2]);
    }

    void popularityIsHeavyTailed()
    {
        std::vector<std::uint32_t> perItem = interactionsPerItem(m_data);
        std::sort(perItem.begin(), perItem.end(), std::greater<>());
        const double top10 = std::accumulate(perItem.begin(), perItem.begin() + 150, 0.0);
        QVERIFY2(top10 / double(m_data.interactions.size()) > 0.25,
                 "the top 10% of items should draw over 25% of picks");
    }

    void deterministicPerSeed()
    {
        const Dataset again = generateDemo(DemoConfig{});
        QCOMPARE(again.fingerprint(), m_data.fingerprint());
        QCOMPARE(again.itemTitles, m_data.itemTitles);
        DemoConfig other;
        other.seed = 7;
        QVERIFY(generateDemo(other).fingerprint() != m_data.fingerprint());
    }

    void smallConfigurationsWork()
    {
        DemoConfig small;
        small.users = 50;
        small.items = 40;
        small.minPerUser = 5;
        small.meanPerUser = 10;
        const Dataset data = generateDemo(small);
        QCOMPARE(data.userCount(), 50u);
        QCOMPARE(data.itemCount(), 40u);
        QVERIFY(!makeSplit(filterMinInteractions(data), SplitConfig{}).test.empty());
    }

    void plantedDeviationIsPresent()
    {
        // A minority of items deviate; ‖e_i‖ is the recorded truth.
        std::size_t deviating = 0;
        for (std::size_t i = 0; i < m_data.itemCount(); ++i) {
            QCOMPARE(m_data.trueDeviation[i], m_truth.surprise.row(Eigen::Index(i)).norm());
            deviating += m_data.trueDeviation[i] > 0.0f;
        }
        QVERIFY(deviating > 100 && deviating < 400); // 15% of 1500 = 225 expected

        // Ratings of deviating items are explained by the post-consumption traits, not by the
        // selection factors alone: the error of a prediction that ignores e_i is much larger
        // for them, and about the noise level for the others.
        double errDeviating = 0, errPlain = 0, errDeviatingTrue = 0;
        std::size_t nDeviating = 0, nPlain = 0;
        for (const auto& x : m_data.interactions) {
            const double ignoring = std::clamp<double>(m_truth.expectedRating(x.user, x.item, false), 1, 5);
            const double knowing = std::clamp<double>(m_truth.expectedRating(x.user, x.item, true), 1, 5);
            if (m_data.trueDeviation[x.item] > 0) {
                errDeviating += std::pow(x.rating - ignoring, 2);
                errDeviatingTrue += std::pow(x.rating - knowing, 2);
                ++nDeviating;
            } else {
                errPlain += std::pow(x.rating - ignoring, 2);
                ++nPlain;
            }
        }
        const double rmseDeviating = std::sqrt(errDeviating / nDeviating);
        const double rmsePlain = std::sqrt(errPlain / nPlain);
        const double rmseDeviatingTrue = std::sqrt(errDeviatingTrue / nDeviating);
        QVERIFY2(rmseDeviating > 1.3 * rmsePlain,
                 qPrintable(QStringLiteral("deviating %1 vs plain %2").arg(rmseDeviating).arg(rmsePlain)));
        QVERIFY2(rmseDeviatingTrue < 0.8 * rmseDeviating,
                 qPrintable(QStringLiteral("with e_i %1 vs without %2").arg(rmseDeviatingTrue).arg(rmseDeviating)));
    }

    void genreIsTheDominantSelectionFactor()
    {
        for (std::size_t i = 0; i < m_data.itemCount(); i += 37) {
            Eigen::Index dominant = 0;
            m_truth.itemSelection.row(Eigen::Index(i)).maxCoeff(&dominant);
            QCOMPARE(m_data.itemGenres[i], (std::vector<std::uint32_t>{std::uint32_t(dominant)}));
        }
    }

    void refusesImpossibleConfigurations()
    {
        DemoConfig bad;
        bad.minPerUser = bad.items + 1;
        QVERIFY_THROWS_EXCEPTION(std::exception, generateDemo(bad));
    }
};

QTEST_APPLESS_MAIN(TestDemo)
#include "tst_demo.moc"
