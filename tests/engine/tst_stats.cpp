// Data set statistics against a hand-computed case.
#include "data/stats.h"

#include <QTest>

using namespace rnr;

class TestStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputed()
    {
        // 3 users x 4 items; ratings 1, 2, 2, 5, 5 at times 10..50.
        Dataset data;
        data.userIds = {"a", "b", "c"};
        data.itemIds = {"w", "x", "y", "z"};
        data.itemTitles = {"W", "", "Y", ""};
        data.genreNames = {"g"};
        data.interactions = {
            {10, 0, 0, 1, 1.0f}, {20, 0, 1, 2, 2.0f}, {30, 0, 2, 3, 2.0f}, {40, 1, 0, 4, 5.0f}, {50, 2, 0, 5, 5.0f},
        };
        const DatasetStats s = computeStats(data);
        QCOMPARE(s.users, 3u);
        QCOMPARE(s.items, 4u);
        QCOMPARE(s.interactions, 5u);
        QCOMPARE(s.density, 5.0 / 12.0);
        QCOMPARE(s.ratingMin, 1.0f);
        QCOMPARE(s.ratingMax, 5.0f);
        QCOMPARE(s.ratingMean, 3.0);
        QVERIFY(qFuzzyCompare(s.ratingStd, std::sqrt((4.0 + 1 + 1 + 4 + 4) / 5.0)));
        const std::vector<std::pair<float, std::uint64_t>> histogram{{1.0f, 1}, {2.0f, 2}, {5.0f, 2}};
        QCOMPARE(s.ratingHistogram, histogram);
        // Per user: 3, 1, 1 -> median 1, mean 5/3. Per item: 3, 1, 1, 0 -> median 1, mean 1.25.
        QCOMPARE(s.perUser.min, 1u);
        QCOMPARE(s.perUser.max, 3u);
        QCOMPARE(s.perUser.median, 1.0);
        QCOMPARE(s.perUser.mean, 5.0 / 3.0);
        QCOMPARE(s.perItem.min, 0u);
        QCOMPARE(s.perItem.median, 1.0);
        QCOMPARE(s.perItem.mean, 1.25);
        QCOMPARE(s.firstTime, 10);
        QCOMPARE(s.lastTime, 50);
        QCOMPARE(s.itemsWithTitle, 2u);
        QCOMPARE(s.genres, 1u);
        // Activity: user a has 3 ratings, b and c one each; item w 3, x and y one, z none.
        using Frequencies = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
        QCOMPARE(countFrequencies(interactionsPerUser(data)), (Frequencies{{1, 2}, {3, 1}}));
        QCOMPARE(countFrequencies(interactionsPerItem(data)), (Frequencies{{1, 2}, {3, 1}}));
        QVERIFY(countFrequencies({0, 0}).empty());
    }

    void emptyDataSet()
    {
        const DatasetStats s = computeStats(Dataset{});
        QCOMPARE(s.interactions, 0u);
        QCOMPARE(s.density, 0.0);
        QVERIFY(s.ratingHistogram.empty());
    }

    void scaleDescriptionAndMembership()
    {
        const RatingScale stars{1.0f, 5.0f, 1.0f};
        QVERIFY(stars.contains(3.0f));
        QVERIFY(!stars.contains(3.5f));
        QVERIFY(!stars.contains(0.0f));
        QVERIFY(!stars.contains(std::nanf("")));
        QCOMPARE(stars.describe(), std::string("1\u20135 in steps of 1"));
        const RatingScale halves{0.5f, 5.0f, 0.5f};
        QVERIFY(halves.contains(4.5f));
        QCOMPARE(halves.describe(), std::string("0.5\u20135 in steps of 0.5"));
        QVERIFY((RatingScale{0.0f, 10.0f, 0.0f}.contains(7.31f)));
    }

    void observedScale()
    {
        std::vector<Interaction> rows{{0, 0, 0, 1, 1.0f}, {0, 0, 1, 2, 4.0f}};
        QCOMPARE(rnr::observedScale(rows), (RatingScale{1.0f, 4.0f, 1.0f}));
        rows.push_back({0, 0, 2, 3, 2.5f});
        QCOMPARE(rnr::observedScale(rows), (RatingScale{1.0f, 4.0f, 0.5f}));
        rows.push_back({0, 0, 3, 4, 2.7f});
        QCOMPARE(rnr::observedScale(rows).step, 0.0f);
    }
};

QTEST_APPLESS_MAIN(TestStats)
#include "tst_stats.moc"
