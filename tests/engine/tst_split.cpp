// The filter and the "all but last one" split (docs/method.md, "Filter" and "Split") on hand-made data.
#include "core/errors.h"
#include "data/split.h"

#include <QTest>

#include <array>
#include <optional>
#include <set>

using namespace rnr;

namespace {
struct Row
{
    std::uint32_t user, item;
    float rating;
    std::int64_t time;
};

/// Users and items are named u<id> / i<id>; rows are numbered in the order given.
Dataset makeData(const std::vector<Row>& rows, std::uint32_t users, std::uint32_t items)
{
    Dataset data;
    for (std::uint32_t u = 0; u < users; ++u)
        data.userIds.push_back("u" + std::to_string(u));
    for (std::uint32_t i = 0; i < items; ++i) {
        data.itemIds.push_back("i" + std::to_string(i));
        data.itemTitles.push_back("Title " + std::to_string(i));
    }
    std::uint32_t row = 0;
    for (const auto& r : rows)
        data.interactions.push_back(Interaction{r.time, r.user, r.item, ++row, r.rating});
    return data;
}

/// Ten users with five interactions each at distinct times; user u's last is item (u + 4) % 12.
Dataset tenUsers()
{
    std::vector<Row> rows;
    for (std::uint32_t u = 0; u < 10; ++u)
        for (std::uint32_t k = 0; k < 5; ++k)
            rows.push_back({u, (u + k) % 12, 3.0f, 1000 + 10 * std::int64_t(k) + u});
    return makeData(rows, 10, 12);
}

std::set<std::uint32_t> usersOf(const std::vector<Interaction>& rows)
{
    std::set<std::uint32_t> users;
    for (const auto& x : rows)
        users.insert(x.user);
    return users;
}
} // namespace

class TestSplit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterDropsLightUsersAndOrphanItems()
    {
        // u0: 4 rows (kept), u1: 3 rows (dropped) and the only one with item 4, u2: 5 rows.
        const Dataset data = makeData({{0, 0, 5, 1},
                                       {0, 1, 4, 2},
                                       {0, 2, 3, 3},
                                       {0, 3, 2, 4},
                                       {1, 0, 1, 1},
                                       {1, 4, 2, 2},
                                       {1, 1, 3, 3},
                                       {2, 0, 1, 1},
                                       {2, 1, 1, 2},
                                       {2, 2, 1, 3},
                                       {2, 3, 1, 4},
                                       {2, 5, 1, 5}},
                                      3, 6);
        FilterReport report;
        const Dataset out = filterMinInteractions(data, 4, &report);
        QCOMPARE(report.usersBefore, 3u);
        QCOMPARE(report.usersAfter, 2u);
        QCOMPARE(report.itemsAfter, 5u); // item 4 had only u1
        QCOMPARE(report.interactionsAfter, 9u);
        QCOMPARE(out.userIds, (std::vector<std::string>{"u0", "u2"}));
        QCOMPARE(out.itemIds, (std::vector<std::string>{"i0", "i1", "i2", "i3", "i5"}));
        QCOMPARE(out.itemTitles.back(), std::string("Title 5"));
        for (const auto& x : out.interactions) {
            QVERIFY(x.user < 2 && x.item < 5);
            QCOMPARE(out.itemTitles[x.item], "Title " + out.itemIds[x.item].substr(1));
        }
        // Rows keep their source row numbers; u2's last row maps to the renumbered item 4 ("i5").
        QCOMPARE(out.interactions.back().row, 12u);
        QCOMPARE(out.interactions.back().item, 4u);
    }

    void filterKeepsEveryoneAtTheThreshold()
    {
        const Dataset data = tenUsers();
        const Dataset out = filterMinInteractions(data, 5);
        QCOMPARE(out.userCount(), 10u);
        QCOMPARE(filterMinInteractions(data, 6).userCount(), 0u);
    }

    void filterKeepsEverythingSaysWhenNothingGoes()
    {
        // Ten users with 5 rows each over 12 items, all used: nothing goes at 4 or 5 (and the
        // filter's copy equals the set), something at 6; the same set with an item nobody rated,
        // or one user short of rows, loses something.
        const Dataset data = tenUsers();
        QVERIFY(filterKeepsEverything(data, 4));
        QVERIFY(filterKeepsEverything(data, 5));
        QVERIFY(!filterKeepsEverything(data, 6));
        const Dataset out = filterMinInteractions(data, 5);
        QCOMPARE(out.userIds, data.userIds);
        QCOMPARE(out.itemIds, data.itemIds);
        QCOMPARE(out.fingerprint(), data.fingerprint());
        Dataset orphan = data;
        orphan.itemIds.push_back("unrated");
        QVERIFY(!filterKeepsEverything(orphan, 4));
        Dataset light = data;
        light.interactions.erase(light.interactions.begin()); // user 0 now has 4
        QVERIFY(filterKeepsEverything(light, 4));
        QVERIFY(!filterKeepsEverything(light, 5));
    }

    void heldOutItemIsChronologicallyLast()
    {
        const Dataset data = tenUsers();
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 3});
        QCOMPARE(split.validation.size(), 5u);
        QCOMPARE(split.test.size(), 5u);
        QCOMPARE(split.train.size(), 40u);
        for (const auto* set : {&split.validation, &split.test})
            for (const auto& x : *set) {
                QCOMPARE(x.item, (x.user + 4) % 12);
                QCOMPARE(x.timestamp, 1040 + std::int64_t(x.user));
            }
    }

    void tiesGoToTheLaterRow()
    {
        // u0's two latest rows share time 50: row 3 (item 2) comes after row 2 (item 1)... and
        // row 4 (item 3) is earlier in time, so item 2 is held out. u1: the later row of the
        // tie is listed first in time order but last in the file.
        const Dataset data = makeData(
            {{0, 0, 3, 10}, {0, 1, 3, 50}, {0, 2, 3, 50}, {0, 3, 3, 20}, {1, 3, 3, 70}, {1, 0, 3, 10}, {1, 1, 3, 70}},
            2, 4);
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 1, TieRule::FileOrder});
        QCOMPARE(split.tiedUsers, 2u);
        std::vector<Interaction> held = split.validation;
        held.insert(held.end(), split.test.begin(), split.test.end());
        QCOMPARE(held.size(), 2u);
        for (const auto& x : held) {
            if (x.user == 0) {
                QCOMPARE(x.item, 2u);
                QCOMPARE(x.row, 3u);
            } else {
                QCOMPARE(x.item, 1u);
                QCOMPARE(x.row, 7u);
            }
        }
    }

    void naturalIdOrder()
    {
        QVERIFY(naturalIdLess("2", "10"));
        QVERIFY(!naturalIdLess("10", "2"));
        QVERIFY(naturalIdLess("007", "8"));   // by value
        QVERIFY(naturalIdLess("07", "7"));    // equal values: by bytes
        QVERIFY(naturalIdLess("99999", "a")); // numbers first
        QVERIFY(naturalIdLess("i10", "i2"));  // others by bytes
        QVERIFY(naturalIdLess("0", ""));      // empty is not a number
        QVERIFY(!naturalIdLess("5", "5"));
        QVERIFY(naturalIdLess("18446744073709551616", "18446744073709551617")); // beyond 64 bits
    }

    void canonicalOrderRenumbersAndSorts()
    {
        Dataset data = makeData({{1, 2, 4, 9}, {0, 0, 3, 5}, {1, 1, 2, 9}, {0, 2, 5, 1}}, 2, 3);
        data.userIds = {"20", "3"};
        data.itemIds = {"b", "10", "9"};
        data.trueDeviation = {0.5f, 1.5f, 2.5f};
        putInCanonicalOrder(data);
        QCOMPARE(data.userIds, (std::vector<std::string>{"3", "20"}));
        QCOMPARE(data.itemIds, (std::vector<std::string>{"9", "10", "b"}));
        QCOMPARE(data.itemTitles, (std::vector<std::string>{"Title 2", "Title 1", "Title 0"}));
        QCOMPARE(data.trueDeviation, (std::vector<float>{2.5f, 1.5f, 0.5f}));
        // By user ("3" first), time, then item; rows keep their lines.
        const std::vector<std::array<std::uint32_t, 3>> expected{{0, 0, 1}, {0, 1, 3}, {1, 0, 4}, {1, 2, 2}};
        QCOMPARE(data.interactions.size(), expected.size());
        for (std::size_t r = 0; r < expected.size(); ++r) {
            QCOMPARE(data.interactions[r].user, expected[r][0]);
            QCOMPARE(data.interactions[r].item, expected[r][1]);
            QCOMPARE(data.interactions[r].row, expected[r][2]);
        }
        QCOMPARE(datasetProblem(data), std::string());
    }

    void tieRuleNamesRoundTrip()
    {
        for (const TieRule rule : kTieRules)
            QCOMPARE(parseTieRule(tieRuleKey(rule)), std::optional<TieRule>(rule));
        QCOMPARE(parseTieRule("later-row"), std::optional<TieRule>());
        QCOMPARE(SplitConfig{}.ties, TieRule::ItemId);
    }

    void itemIdTakesTheLargerIdByValue()
    {
        // u0 ties "9" (later row) and "10" at time 50: file order holds out "9", item-id "10"
        // (by bytes "9" would be larger). u1 has no tie.
        Dataset data = makeData({{0, 0, 3, 10}, {0, 2, 3, 50}, {0, 1, 3, 50}, {1, 0, 3, 10}, {1, 1, 3, 20}}, 2, 3);
        data.itemIds = {"1", "9", "10"};
        const auto heldOf = [&](TieRule rule, std::uint32_t user) {
            const Split split = makeSplit(data, SplitConfig{kAllUsers, 1, rule});
            for (const auto* set : {&split.validation, &split.test})
                for (const auto& x : *set)
                    if (x.user == user)
                        return data.itemIds[x.item];
            return std::string("none");
        };
        QCOMPARE(heldOf(TieRule::FileOrder, 0), std::string("9"));
        QCOMPARE(heldOf(TieRule::ItemId, 0), std::string("10"));
        QCOMPARE(heldOf(TieRule::ItemId, 1), std::string("9"));
        QCOMPARE(makeSplit(data, SplitConfig{kAllUsers, 1, TieRule::ItemId}).tiedUsers, 1u);
    }

    void randomPicksAmongTheTiedBySeed()
    {
        // 40 users, each with one early row and three rows tied at their last time.
        std::vector<Row> rows;
        for (std::uint32_t u = 0; u < 40; ++u) {
            rows.push_back({u, 0, 3, 1});
            for (std::uint32_t i = 1; i <= 3; ++i)
                rows.push_back({u, i, 3, 100});
        }
        const Dataset data = makeData(rows, 40, 4);
        std::vector<Row> reversed(rows.rbegin(), rows.rend());
        const Dataset flipped = makeData(reversed, 40, 4);
        const auto picks = [](const Dataset& d, std::uint64_t seed) {
            const Split split = makeSplit(d, SplitConfig{kAllUsers, seed, TieRule::Random});
            std::vector<std::uint32_t> item(40, 99);
            for (const auto* set : {&split.validation, &split.test})
                for (const auto& x : *set)
                    item[x.user] = x.item;
            return item;
        };
        const std::vector<std::uint32_t> a = picks(data, 7);
        QCOMPARE(picks(data, 7), a);    // seeded
        QCOMPARE(picks(flipped, 7), a); // the row order does not matter
        std::array<int, 4> seen{};
        for (const std::uint32_t item : a) {
            QVERIFY(item >= 1 && item <= 3); // one of the tied, never the earlier row
            ++seen[item];
        }
        for (std::uint32_t i = 1; i <= 3; ++i)
            QVERIFY2(seen[i] >= 4, "each tied item is drawn for some of 40 users"); // expected 13.3
        QVERIFY(picks(data, 8) != a);
    }

    void dropKeepsTiedUsersForTrainingOnly()
    {
        // Users 0..5 tie at their last time, 6..9 do not: only 6..9 are held out.
        std::vector<Row> rows;
        for (std::uint32_t u = 0; u < 10; ++u) {
            rows.push_back({u, 0, 3, 1});
            rows.push_back({u, 1, 3, 5});
            rows.push_back({u, 2, 3, u < 6 ? 5 : 9});
        }
        const Dataset data = makeData(rows, 10, 3);
        const Split split = makeSplit(data, SplitConfig{kAllUsers, 3, TieRule::Drop});
        QCOMPARE(split.tiedUsers, 6u);
        QCOMPARE(split.validation.size(), 2u);
        QCOMPARE(split.test.size(), 2u);
        for (const auto* set : {&split.validation, &split.test})
            for (const auto& x : *set) {
                QVERIFY(x.user >= 6);
                QCOMPARE(x.item, 2u);
            }
        QCOMPARE(split.train.size(), 30u - 4u);
        // n counts the users who may be held out.
        const Split three = makeSplit(data, SplitConfig{3, 3, TieRule::Drop});
        QCOMPARE(three.validation.size() + three.test.size(), 3u);
        QCOMPARE(makeSplit(data, SplitConfig{kAllUsers, 3, TieRule::ItemId}).test.size(), 5u);
        // The preview tells the same without making the split.
        for (const TieRule rule : kTieRules)
            for (const std::uint32_t n : {kAllUsers, 3u}) {
                const SplitConfig config{n, 3, rule};
                const Split made = makeSplit(data, config);
                const SplitPreview preview = previewSplit(data, config);
                QCOMPARE(preview.tiedUsers, made.tiedUsers);
                QCOMPARE(std::size_t(preview.sizes.validation), made.validation.size());
                QCOMPARE(std::size_t(preview.sizes.test), made.test.size());
            }
    }

    void eachChosenUserInExactlyOneSet()
    {
        const Dataset data = tenUsers();
        const Split split = makeSplit(data, SplitConfig{7, 11});
        const auto validation = usersOf(split.validation), test = usersOf(split.test);
        QCOMPARE(split.validation.size(), 3u); // floor(7 / 2)
        QCOMPARE(split.test.size(), 4u);
        QCOMPARE(validation.size(), 3u); // one row per user
        QCOMPARE(test.size(), 4u);
        for (auto u : validation)
            QVERIFY(!test.count(u));
        QCOMPARE(split.train.size(), 50u - 7u);
        const SplitSizes sizes = splitSizes(10, SplitConfig{7, 11});
        QCOMPARE(sizes.validation, 3u);
        QCOMPARE(sizes.test, 4u);
        QCOMPARE(splitSizes(10, SplitConfig{}).validation, 5u); // all users
        QCOMPARE(splitSizes(10, SplitConfig{}).test, 5u);
        QCOMPARE(splitSizes(3, SplitConfig{100, 1}).test, 2u);
    }

    void heldOutRowsAbsentFromTraining()
    {
        const Dataset data = tenUsers();
        const Split split = makeSplit(data, SplitConfig{6, 5});
        std::set<std::uint32_t> trainRows, heldRows;
        for (const auto& x : split.train)
            trainRows.insert(x.row);
        for (const auto* set : {&split.validation, &split.test})
            for (const auto& x : *set)
                heldRows.insert(x.row);
        QCOMPARE(heldRows.size(), 6u);
        for (auto r : heldRows)
            QVERIFY2(!trainRows.count(r), "a held-out row is still in training");
        QCOMPARE(trainRows.size() + heldRows.size(), data.interactions.size());
        // Users who were not chosen keep all their rows.
        std::set<std::uint32_t> chosen = usersOf(split.validation);
        for (auto u : usersOf(split.test))
            chosen.insert(u);
        for (std::uint32_t u = 0; u < 10; ++u) {
            const auto rows =
                std::count_if(split.train.begin(), split.train.end(), [&](auto& x) { return x.user == u; });
            QCOMPARE(rows, chosen.count(u) ? 4 : 5);
        }
    }

    void sameSeedSameSplitOtherSeedOtherChoice()
    {
        const Dataset data = tenUsers();
        const Split a = makeSplit(data, SplitConfig{4, 42});
        const Split b = makeSplit(data, SplitConfig{4, 42});
        QCOMPARE(usersOf(a.validation), usersOf(b.validation));
        QCOMPARE(usersOf(a.test), usersOf(b.test));
        QCOMPARE(a.train.size(), b.train.size());
        bool differs = false;
        for (std::uint64_t seed = 43; seed < 53 && !differs; ++seed) {
            const Split c = makeSplit(data, SplitConfig{4, seed});
            differs = usersOf(c.validation) != usersOf(a.validation) || usersOf(c.test) != usersOf(a.test);
        }
        QVERIFY2(differs, "ten other seeds all chose the same users");
    }

    void allUsersWhenNExceedsCount()
    {
        const Split split = makeSplit(tenUsers(), SplitConfig{1000, 1});
        QCOMPARE(split.validation.size() + split.test.size(), 10u);
    }

    void userWithOneInteractionIsRefused()
    {
        const Dataset data = makeData({{0, 0, 3, 1}, {0, 1, 3, 2}, {1, 0, 3, 1}}, 2, 2);
        QVERIFY_THROWS_EXCEPTION(UsageError, makeSplit(data, SplitConfig{}));
    }

    void userItemsIndex()
    {
        const Dataset data = makeData({{1, 3, 3, 1}, {0, 2, 3, 2}, {1, 0, 3, 3}, {0, 1, 3, 4}}, 3, 4);
        const UserItems index = buildUserItems(data.interactions, 3, 4);
        QCOMPARE(std::vector<std::uint32_t>(index.of(0).begin(), index.of(0).end()),
                 (std::vector<std::uint32_t>{1, 2}));
        QCOMPARE(std::vector<std::uint32_t>(index.of(1).begin(), index.of(1).end()),
                 (std::vector<std::uint32_t>{0, 3}));
        QVERIFY(index.of(2).empty());
        QVERIFY(index.contains(1, 3));
        QVERIFY(!index.contains(1, 2));
    }
};

QTEST_APPLESS_MAIN(TestSplit)
#include "tst_split.moc"
