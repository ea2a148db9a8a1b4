// Metrics, the evaluator and the paired test against hand-computed cases.
#include "core/detail/parallel.h"
#include "core/detail/rng.h"
#include "core/errors.h"
#include "eval/evaluator.h"
#include "eval/like.h"
#include "eval/metrics.h"
#include "model/model.h"
#include "train/runresult.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <numeric>

using namespace rnr;

namespace {
UserOutcome outcome(std::uint32_t user, std::uint32_t rank, float rating = 4.0f, float predicted = NAN)
{
    UserOutcome o;
    o.user = user;
    o.item = 100 + user;
    o.rank = rank;
    o.rating = rating;
    o.predicted = predicted;
    return o;
}
} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableCellsAreWrittenOneWay()
    {
        // Hand case: 0.10 and 0.12: mean 0.11, sample std sqrt(((-0.01)^2 + 0.01^2) / 1) = 0.014142.
        const MeanStd two = meanStd({0.10, 0.12, std::nan("")});
        QCOMPARE(two.n, std::size_t(2));
        QCOMPARE(formatMeanStd(two, 4), std::string("0.1100 \u00b1 0.0141"));
        QCOMPARE(formatMeanStd(two, 3, " $\\pm$ ", "--"), std::string("0.110 $\\pm$ 0.014"));
        QCOMPARE(formatMeanStd(meanStd({0.5}), 2), std::string("0.50")); // one run: no spread to show
        QCOMPARE(formatMeanStd(meanStd({}), 2), std::string("\u2013"));
        QCOMPARE(formatMeanStd(meanStd({std::nan("")}), 2, " +- ", "n/a"), std::string("n/a"));
    }

    void gridAxesAreWrittenShortestExact()
    {
        const GridSettings paper;
        QCOMPARE(gridAxisText(paper.alphas), std::string("0.9,0.95,1"));
        QCOMPARE(gridAxisText(paper.lambdas, ", "), std::string("0.01, 0.001"));
        QCOMPARE(gridAxisText({}), std::string());
        QCOMPARE(gridAxisText({1e-7, 0.125}), std::string("1e-07,0.125"));
    }

    void parallelForVisitsEveryIndexOnce()
    {
        for (const unsigned threads : {1u, 2u, 3u}) {
            std::vector<std::atomic<int>> seen(1000);
            parallelFor(threads, seen.size(), [&](std::size_t k) { seen[k].fetch_add(1); });
            for (std::size_t k = 0; k < seen.size(); ++k)
                QCOMPARE(seen[k].load(), 1);
        }
        int calls = 0;
        parallelFor(4, 1, [&](std::size_t k) { calls += int(k) + 1; }); // one index: inline
        QCOMPARE(calls, 1);
        parallelFor(4, 0, [&](std::size_t) { ++calls; });
        QCOMPARE(calls, 1);
    }

    void handComputedRankingMetrics()
    {
        // Ranks 1, 3, 11, 2 at k = 10.
        const std::vector<UserOutcome> outcomes{outcome(0, 1), outcome(1, 3), outcome(2, 11), outcome(3, 2)};
        const Metrics m = computeMetrics(outcomes, 10);
        QCOMPARE(m.users, 4u);
        QCOMPARE(m.recall, 0.75);
        QVERIFY(qFuzzyCompare(m.mrr, (1.0 + 1.0 / 3 + 0.0 + 0.5) / 4));
        QVERIFY(qFuzzyCompare(m.ndcg, (1.0 + 0.5 + 0.0 + 1.0 / std::log2(3.0)) / 4));
        QVERIFY(std::isnan(m.rmse));
        // At k = 2 only ranks 1 and 2 count.
        const Metrics m2 = computeMetrics(outcomes, 2);
        QCOMPARE(m2.recall, 0.5);
        QCOMPARE(m2.mrr, (1.0 + 0.5) / 4);
    }

    void handComputedRatingMetrics()
    {
        const std::vector<UserOutcome> outcomes{outcome(0, 1, 4.0f, 3.0f), outcome(1, 5, 2.0f, 4.0f),
                                                outcome(2, 50, 5.0f, 5.0f)};
        const Metrics m = computeMetrics(outcomes, 10);
        QVERIFY(qFuzzyCompare(m.rmse, std::sqrt((1.0 + 4.0 + 0.0) / 3)));
        QVERIFY(qFuzzyCompare(m.mae, (1.0 + 2.0 + 0.0) / 3));
    }

    void handComputedLikeMetrics()
    {
        // Four liked held-out items at like ranks 1, 4, 12, 2 and two others (ranks 1 and 3, not counted).
        std::vector<UserOutcome> outcomes;
        const std::uint32_t ranks[] = {1, 4, 12, 2, 1, 3};
        const float scores[] = {0.9f, 0.5f, 0.5f, NAN, 0.5f, 0.1f};
        for (std::uint32_t u = 0; u < 6; ++u) {
            UserOutcome o = outcome(u, 7);
            o.liked = u < 4;
            o.likeRank = ranks[u];
            o.likeScore = scores[u];
            outcomes.push_back(o);
        }
        const Metrics m = computeMetrics(outcomes, 10);
        QCOMPARE(m.likeUsers, 4u);
        QCOMPARE(m.likeRecall, 0.75);
        QVERIFY(qFuzzyCompare(m.likeMrr, (1.0 + 0.25 + 0.0 + 0.5) / 4));
        QVERIFY(qFuzzyCompare(m.likeNdcg, (1.0 + 1.0 / std::log2(5.0) + 0.0 + 1.0 / std::log2(3.0)) / 4));
        QCOMPARE(m.recall, 1.0); // the choice ranking is another matter: rank 7 for every user, a hit at k = 10
        // AUC over the scored outcomes: likes 0.9, 0.5, 0.5 against non-likes 0.5, 0.1 (the NaN is left out):
        // 0.9 beats both, each 0.5 ties one and beats one: (2 + 1.5 + 1.5) / 6.
        QVERIFY(qFuzzyCompare(m.likeAuc, 5.0 / 6.0));
        QVERIFY(qFuzzyCompare(likeAuc(outcomes), 5.0 / 6.0));
        // No like head: no log loss. With one, p(like | choose) 0.8, 0.5, 1 (clipped to 1 - 1e-7), NaN
        // (left out) on the likes and 0.2, 0 (clipped to 1e-7) on the others:
        // -(ln 0.8 + ln 0.5 + ln(1 - 1e-7) + ln 0.8 + ln(1 - 1e-7)) / 5.
        QVERIFY(std::isnan(m.likeLogLoss));
        const float given[] = {0.8f, 0.5f, 1.0f, NAN, 0.2f, 0.0f};
        for (std::size_t u = 0; u < outcomes.size(); ++u)
            outcomes[u].likeGivenChoice = given[u];
        const double expected =
            -(std::log(double(0.8f)) + std::log(0.5) + 2 * std::log(1 - 1e-7) + std::log(1 - double(0.2f))) / 5;
        QVERIFY(std::abs(computeMetrics(outcomes, 10).likeLogLoss - expected) < 1e-12);
        QVERIFY(std::abs(likeLogLoss(outcomes) - expected) < 1e-12);
        // Only one kind: no AUC. No like at all: no Like@k either.
        for (UserOutcome& o : outcomes)
            o.liked = false;
        const Metrics none = computeMetrics(outcomes, 10);
        QVERIFY(std::isnan(none.likeAuc));
        QVERIFY(std::isnan(none.likeRecall));
        QCOMPARE(none.likeUsers, 0u);
        // Per user: NaN for the non-likes, which the paired test leaves out.
        QVERIFY(std::isnan(outcomeValue(outcomes[0], "like-recall", 10)));
        outcomes[0].liked = true;
        QCOMPARE(outcomeValue(outcomes[0], "like-recall", 10), 1.0);
        std::vector<double> a, b;
        alignOutcomes(outcomes, outcomes, "like-recall", 10, a, b);
        QCOMPARE(a.size(), std::size_t(1));
    }

    void likeThresholdFollowsTheScale()
    {
        // Three quarters of the range, rounded up to the scale's step.
        QCOMPARE(defaultLikeThreshold(RatingScale{1.0f, 5.0f, 1.0f}), 4.0f);
        QCOMPARE(defaultLikeThreshold(RatingScale{0.5f, 5.0f, 0.5f}), 4.0f);  // 3.875 -> 4
        QCOMPARE(defaultLikeThreshold(RatingScale{1.0f, 10.0f, 1.0f}), 8.0f); // 7.75 -> 8
        QCOMPARE(defaultLikeThreshold(RatingScale{0.0f, 2.0f, 0.0f}), 1.5f);  // continuous: the point itself
        // A point on the grid stays, even when the step is not exact in float (0.75 / 0.01f = 75.0000017).
        QCOMPARE(defaultLikeThreshold(RatingScale{0.0f, 1.0f, 0.01f}), 0.75f);
        QCOMPARE(defaultLikeThreshold(RatingScale{0.0f, 7.0f, 0.7f}), 5.6f); // 5.25 -> 8 steps of 0.7
        HyperParams hp;
        QCOMPARE(QString::fromStdString(findHyperParam("like-threshold")->get(hp)), QStringLiteral("auto"));
        QCOMPARE(likeThreshold(hp, RatingScale{1.0f, 5.0f, 1.0f}), 4.0f);
        QVERIFY(findHyperParam("like-threshold")->set(hp, "3.5").empty());
        QCOMPARE(likeThreshold(hp, RatingScale{1.0f, 5.0f, 1.0f}), 3.5f);
        const std::string error = findHyperParam("like-threshold")->set(hp, "many");
        QVERIFY2(error.find("or auto") != std::string::npos, error.c_str());
        QVERIFY(findHyperParam("like-threshold")->set(hp, "auto").empty());
        QVERIFY(std::isnan(hp.likeThreshold));
        QVERIFY(isLike(4.0f, 4.0f) && !isLike(3.5f, 4.0f));
    }

    void sanityBoundHolds()
    {
        // Recall@k / k <= MRR@k <= Recall@k for any set of ranks.
        for (std::uint32_t seed = 1; seed < 50; ++seed) {
            std::vector<UserOutcome> outcomes;
            for (std::uint32_t u = 0; u < 30; ++u)
                outcomes.push_back(outcome(u, 1 + (u * 7919 + seed * 104729) % 25));
            const Metrics m = computeMetrics(outcomes, 10);
            QVERIFY(m.recall / 10 <= m.mrr + 1e-12);
            QVERIFY(m.mrr <= m.recall + 1e-12);
        }
    }

    void meanAndStd()
    {
        const MeanStd s = meanStd({1.0, 2.0, 3.0, 4.0});
        QCOMPARE(s.mean, 2.5);
        QVERIFY(qFuzzyCompare(s.std, std::sqrt(5.0 / 3.0)));
        QCOMPARE(meanStd({7.0}).std, 0.0);
        QCOMPARE(meanStd({NAN, 2.0}).n, 1u);
    }

    void evaluatorRanksAgainstAllUnseenItems()
    {
        // BPR with d = 1: score(u, i) = p_u * q_i + b_i. Items 0..5 with q = 0 and biases 5..0,
        // so the order is item 0 (best) .. item 5. User 0 trained on items 0 and 2.
        std::vector<Interaction> train{{1, 0, 0, 1, 4.0f}, {2, 0, 2, 2, 3.0f}, {3, 1, 1, 3, 5.0f}, {4, 1, 3, 4, 2.0f}};
        HyperParams hp;
        hp.dim = 1;
        Model model(parseModelSpec("bpr"), hp, 2, 6, buildUserItems(train, 2, 6), 3.5);
        model.params()[Block::Users].setConstant(1.0f);
        model.params()[Block::Items].setZero();
        for (int i = 0; i < 6; ++i)
            model.params()[Block::RankItemBias](i, 0) = float(5 - i);
        EvaluationOptions options;
        options.k = 2;
        // Held out: item 4 for user 0 -> unseen items 1, 3, 4, 5 -> rank 3; item 2 for user 1
        // (trained on 1 and 3) -> unseen 0, 2, 4, 5 -> item 0 ahead -> rank 2.
        const std::vector<Interaction> heldOut{{9, 0, 4, 9, 4.0f}, {9, 1, 2, 9, 4.0f}};
        Evaluation e = evaluate(model, heldOut, options);
        QCOMPARE(e.outcomes[0].rank, 3u);
        QCOMPARE(e.outcomes[0].top, (std::vector<std::uint32_t>{1, 3}));
        QCOMPARE(e.outcomes[1].rank, 2u);
        QCOMPARE(e.outcomes[1].top, (std::vector<std::uint32_t>{0, 2}));
        QCOMPARE(e.metrics.recall, 0.5);
        QCOMPARE(e.metrics.mrr, 0.25);
        QVERIFY(std::isnan(e.outcomes[0].predicted));
        // Both held-out ratings (4 on 1-5) are likes; without a like head the like ranking is the choice
        // ranking and the like score the choice score: item 4 of user 0 scores 0 * 1 + 1, item 2 of user 1 3.
        QVERIFY(e.outcomes[0].liked && e.outcomes[1].liked);
        QCOMPARE(e.outcomes[0].likeRank, 3u);
        QCOMPARE(e.outcomes[0].likeScore, 1.0f);
        QCOMPARE(e.outcomes[1].likeScore, 3.0f);
        QCOMPARE(e.metrics.likeUsers, 2u);
        QCOMPARE(e.metrics.likeRecall, 0.5);
        QVERIFY(std::isnan(e.metrics.likeAuc)); // no non-like to compare with
        options.likeThreshold = 4.5f;
        const Evaluation strict = evaluate(model, heldOut, options);
        QVERIFY(!strict.outcomes[0].liked);
        QCOMPARE(strict.metrics.likeUsers, 0u);
        QVERIFY(std::isnan(strict.metrics.likeRecall));

        // Ties are broken by item id: with all biases equal, the held-out item 4 of user 0 has
        // the unseen items 1 and 3 before it, item 2 of user 1 has item 0.
        model.params()[Block::RankItemBias].setConstant(1.0f);
        e = evaluate(model, heldOut, options);
        QCOMPARE(e.outcomes[0].rank, 3u);
        QCOMPARE(e.outcomes[1].rank, 2u);
    }

    void evaluatorTopAndRankMatchAFullSort()
    {
        // Against sorting every unseen item by (score descending, item ascending), NaN as
        // -infinity, with scores with ties everywhere (a few distinct values) and distinct scores
        // with one NaN item. 203 items: 12 groups of 16 interleaved items and a tail of 11; k = 1
        // and 10 (the groups' threshold), 12 (as many as there are groups), 13 and 100 (every
        // item a candidate). 1,200 items: 75 groups; k = 70 (the threshold by selection).
        const std::uint32_t users = 40;
        for (const std::uint32_t items : {203u, 1200u}) {
            std::vector<Interaction> train;
            for (std::uint32_t u = 0; u < users; ++u)
                for (std::uint32_t k = 0; k < 6; ++k)
                    train.push_back({std::int64_t(k), u, (u * 31 + k * 17) % items, k + 1, 3.0f});
            HyperParams hp;
            hp.dim = 2;
            for (const bool ties : {true, false}) {
                Model model(parseModelSpec("bpr"), hp, users, items, buildUserItems(train, users, items), 3.0);
                Rng rng(11);
                for (const Block b : {Block::Users, Block::Items, Block::RankItemBias})
                    for (Eigen::Index r = 0; r < model.params()[b].rows(); ++r)
                        for (Eigen::Index c = 0; c < model.params()[b].cols(); ++c)
                            model.params()[b](r, c) = ties ? float(rng.below(3)) : float(rng.uniform()); // 0, 1 or 2
                if (!ties)
                    model.params()[Block::RankItemBias](7, 0) = std::numeric_limits<float>::quiet_NaN();
                std::vector<Interaction> heldOut;
                for (std::uint32_t u = 0; u < users; ++u)
                    heldOut.push_back({9, u, u == 3 ? 7 : (u * 13 + 5) % items, 9, 4.0f});
                for (const std::uint32_t k : {1u, 10u, 12u, 13u, 70u, 100u}) {
                    EvaluationOptions options;
                    options.k = k;
                    options.keepTop = true;
                    const Evaluation e = evaluate(model, heldOut, options);
                    std::vector<std::uint32_t> ids(users);
                    std::iota(ids.begin(), ids.end(), 0u);
                    RowMatrix<float> scores;
                    model.rankingScores(ids, scores);
                    for (std::uint32_t u = 0; u < users; ++u) {
                        std::vector<float> raw(scores.row(u).data(), scores.row(u).data() + items);
                        for (const std::uint32_t j : model.history().of(u))
                            raw[j] = -std::numeric_limits<float>::infinity();
                        std::vector<float> row = raw;
                        for (float& v : row)
                            v = std::isnan(v) ? -std::numeric_limits<float>::infinity() : v;
                        std::vector<std::uint32_t> order(items);
                        std::iota(order.begin(), order.end(), 0u);
                        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                            return row[a] > row[b] || (row[a] == row[b] && a < b);
                        });
                        QCOMPARE(e.outcomes[u].top, std::vector<std::uint32_t>(order.begin(), order.begin() + k));
                        if (u == 3 && !ties) { // a NaN held-out item is ranked last
                            QCOMPARE(e.outcomes[u].rank, items);
                            continue;
                        }
                        // Ahead of the held-out item: a higher score, or an equal one at a smaller
                        // item; a NaN is never ahead.
                        const std::uint32_t item = heldOut[u].item;
                        std::uint32_t ahead = 0;
                        for (std::uint32_t j = 0; j < items; ++j)
                            ahead += j != item && (raw[j] > raw[item] || (raw[j] == raw[item] && j < item));
                        QCOMPARE(e.outcomes[u].rank, ahead + 1);
                    }
                }
            }
        }
    }

    void evaluatorThreadsGiveTheSameOutcomes()
    {
        std::vector<Interaction> train;
        for (std::uint32_t u = 0; u < 300; ++u)
            for (std::uint32_t k = 0; k < 5; ++k)
                train.push_back({std::int64_t(k), u, (u * 7 + k * 13) % 97, k + 1, 3.0f});
        HyperParams hp;
        hp.dim = 8;
        Model model(parseModelSpec("vanilla:bpr+svd"), hp, 300, 97, buildUserItems(train, 300, 97), 3.0);
        Rng rng(5);
        model.initialise(rng);
        std::vector<Interaction> heldOut;
        for (std::uint32_t u = 0; u < 300; ++u)
            heldOut.push_back({9, u, (u * 11 + 50) % 97, 9, 4.0f});
        EvaluationOptions one, two;
        two.threads = 2;
        const Evaluation a = evaluate(model, heldOut, one), b = evaluate(model, heldOut, two);
        for (std::size_t h = 0; h < heldOut.size(); ++h) {
            QCOMPARE(a.outcomes[h].rank, b.outcomes[h].rank);
            QCOMPARE(a.outcomes[h].top, b.outcomes[h].top);
        }
        QVERIFY(!std::isnan(a.outcomes[0].predicted));
        QVERIFY(a.outcomes[0].predicted >= 1.0f && a.outcomes[0].predicted <= 5.0f);
    }

    void pairedTestOnIdenticalAndDifferentRuns()
    {
        std::vector<UserOutcome> a, b;
        for (std::uint32_t u = 0; u < 200; ++u) {
            a.push_back(outcome(u, 20));             // never a hit
            b.push_back(outcome(u, u % 2 ? 1 : 20)); // a hit for odd users
        }
        const PairedTest same = pairedTest(a, a, "recall", 10);
        QCOMPARE(same.meanDifference, 0.0);
        QCOMPARE(same.ties, 200u);
        QVERIFY(same.pValue > 0.99);
        const PairedTest diff = pairedTest(a, b, "recall", 10);
        QCOMPARE(diff.pairs, 200u);
        QCOMPARE(diff.meanDifference, 0.5);
        QCOMPARE(diff.bBetter, 100u);
        QVERIFY(diff.pValue < 0.001);
        // A small difference on few users is not significant.
        std::vector<UserOutcome> c = a;
        c[0].rank = 1;
        QVERIFY(pairedTest(a, c, "recall", 10).pValue > 0.5);
        QVERIFY_THROWS_EXCEPTION(UsageError, pairedTest(a, {outcome(999, 1)}, "recall", 10));
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
