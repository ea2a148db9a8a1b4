// The results table: mean ± std per model over runs, best per column, sorting, exports; the
// model passes QAbstractItemModelTester.
#include "models/resultsmodel.h"
#include "views/resultsview.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace rnr;

namespace {
RunResult run(const char* model, double recall, double mrr, double rmse)
{
    RunResult r;
    r.spec = parseModelSpec(model);
    r.test.k = 10;
    r.test.recall = recall;
    r.test.mrr = mrr;
    r.test.ndcg = recall / 2;
    r.test.rmse = rmse;
    r.test.mae = rmse / 2;
    r.test.likeRecall = recall + 0.05;
    r.test.likeAuc = std::isnan(rmse) ? 0.55 : 0.6;
    return r;
}
/// A run whose test users 0..n-1 had their held-out item 0 at the given ranks.
RunResult ranked(const char* model, std::uint64_t seed, const std::vector<std::uint32_t>& ranks)
{
    RunResult r = run(model, 0, 0, NAN);
    r.hp.seed = seed;
    for (std::uint32_t u = 0; u < ranks.size(); ++u) {
        UserOutcome o;
        o.user = u;
        o.rank = ranks[u];
        o.predicted = NAN;
        r.testOutcomes.push_back(o);
    }
    return r;
}
} // namespace

class TestResultsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aggregatesAndMarksTheBest()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addRun(run("bpr", 0.10, 0.04, NAN));
        model.addRun(run("rnr:bpr+svd", 0.12, 0.03, 0.90));
        model.addRun(run("rnr:bpr+svd", 0.14, 0.05, 1.10));
        model.addRun(run("vanilla:bpr+svd", 0.11, 0.02, 1.20));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(1, ResultsModel::Model)).toString(), QStringLiteral("RnR(BPR, SVD)"));
        QCOMPARE(model.data(model.index(1, ResultsModel::Runs)).toInt(), 2);
        // Recall: mean 0.13, std sqrt(((0.01)^2 + (0.01)^2) / 1) = 0.0141.
        QCOMPARE(model.data(model.index(1, ResultsModel::Recall)).toString(), QStringLiteral("0.1300 \u00b1 0.0141"));
        QCOMPARE(model.data(model.index(0, ResultsModel::Recall)).toString(), QStringLiteral("0.1000"));
        QCOMPARE(model.data(model.index(0, ResultsModel::Rmse)).toString(), QStringLiteral("\u2013"));
        QVERIFY(model.isBest(1, ResultsModel::Recall));
        QVERIFY(!model.isBest(0, ResultsModel::Recall));
        QVERIFY(model.isBest(1, ResultsModel::Rmse)); // 1.0 < 1.2: lower is better
        // MRR: BPR 0.04 and RnR's mean 0.04 tie; both are marked.
        QVERIFY(model.isBest(0, ResultsModel::Mrr));
        QVERIFY(model.isBest(1, ResultsModel::Mrr));
        QVERIFY(model.data(model.index(1, ResultsModel::Recall), Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.headerData(ResultsModel::Recall, Qt::Horizontal).toString(), QStringLiteral("Recall@10"));
    }

    void keepsEverythingButTheModelAndTheLists()
    {
        // The table keeps each run's figures and per-user outcomes for the paired tests; the model
        // and the top-k lists stay with the run model (issue 13: no copy of 138,402 lists).
        RunResult r = ranked("rnr:bpr+svd", 7, {3, 1, 9});
        r.epochs.resize(4);
        r.epochs[2].epoch = 3;
        r.bestEpoch = 3;
        r.validation.recall = 0.2;
        r.trainSeconds = 1.5;
        r.hp.alpha = 0.5;
        for (UserOutcome& o : r.testOutcomes) {
            o.item = 40 + o.user;
            o.rating = 4.0f;
            o.predicted = 3.5f;
            o.top = {1, 2, 3};
            o.liked = true;
            o.likeRank = 2 + o.user;
            o.likeScore = 0.25f;
            o.likeGivenChoice = 0.75f;
        }
        ResultsModel model;
        model.addRun(r, QStringLiteral("demo"), 11, 5);
        const RunResult& kept = model.runs(0).front();
        QCOMPARE(kept.spec, r.spec);
        QCOMPARE(kept.hp.alpha, 0.5);
        QCOMPARE(kept.hp.seed, std::uint64_t(7));
        QCOMPARE(kept.epochs.size(), std::size_t(4));
        QCOMPARE(kept.epochs[2].epoch, 3u);
        QCOMPARE(kept.bestEpoch, 3u);
        QCOMPARE(kept.validation.recall, 0.2);
        QCOMPARE(kept.test.recall, r.test.recall);
        QCOMPARE(kept.trainSeconds, 1.5);
        QVERIFY(!kept.model);
        QCOMPARE(kept.testOutcomes.size(), r.testOutcomes.size());
        for (std::size_t u = 0; u < r.testOutcomes.size(); ++u) {
            const UserOutcome &a = kept.testOutcomes[u], &b = r.testOutcomes[u];
            QVERIFY(a.top.empty());
            QCOMPARE(a.user, b.user);
            QCOMPARE(a.item, b.item);
            QCOMPARE(a.rating, b.rating);
            QCOMPARE(a.predicted, b.predicted);
            QCOMPARE(a.rank, b.rank);
            QCOMPARE(a.liked, b.liked);
            QCOMPARE(a.likeRank, b.likeRank);
            QCOMPARE(a.likeScore, b.likeScore);
            QCOMPARE(a.likeGivenChoice, b.likeGivenChoice);
        }
    }

    void pairedTestBetweenTwoRows()
    {
        ResultsModel model;
        // BPR misses every held-out item; WRMF ranks 8 of 10 first. Seed 7 of BPR has no partner.
        model.addRun(ranked("bpr", 1, std::vector<std::uint32_t>(10, 20)));
        model.addRun(ranked("bpr", 7, std::vector<std::uint32_t>(10, 1)));
        model.addRun(ranked("wrmf", 1, {1, 1, 1, 1, 1, 1, 1, 1, 20, 20}));
        const QString text = model.pairedSummary(0, 1);
        // Recall@10: 0 vs 0.8 over the 10 pairs of seed 1; the 8 non-zero differences all favour
        // WRMF: exact two-sided sign-flip p = 2 / 2^8 = 0.0078.
        QVERIFY2(text.contains(QStringLiteral("Recall@10: 0.0000 → 0.8000")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("difference +0.8000")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("10 pairs: WRMF better for 8, BPR for 0, 2 ties")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<b>WRMF is better</b>")), qPrintable(text));
        const QRegularExpression p(QStringLiteral("p = (0\\.\\d+)"));
        const auto match = p.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        QVERIFY(std::abs(match.captured(1).toDouble() - 2.0 / 256.0) < 0.003);
        QVERIFY(!text.contains(QStringLiteral("squared error"))); // neither model rates
        QVERIFY(!text.contains(QStringLiteral("Like@10")));       // no held-out like
        // Like@10 over the held-out likes only: users 0-4 liked theirs; WRMF has them at like rank 1, BPR at 20.
        ResultsModel liking;
        for (RunResult r : {ranked("bpr", 1, std::vector<std::uint32_t>(10, 20)),
                            ranked("wrmf", 1, {1, 1, 1, 1, 1, 1, 1, 1, 20, 20})}) {
            for (std::size_t u = 0; u < r.testOutcomes.size(); ++u) {
                r.testOutcomes[u].liked = u < 5;
                r.testOutcomes[u].likeRank = r.testOutcomes[u].rank;
            }
            liking.addRun(r);
        }
        const QString likes = liking.pairedSummary(0, 1);
        QVERIFY2(likes.contains(QStringLiteral("Like@10: 0.0000 → 1.0000")), qPrintable(likes));
        QVERIFY2(likes.contains(QStringLiteral("5 pairs: WRMF better for 5")), qPrintable(likes));
        ResultsModel clear;
        clear.addRun(ranked("bpr", 1, std::vector<std::uint32_t>(40, 20)));
        clear.addRun(ranked("wrmf", 1, std::vector<std::uint32_t>(40, 1)));
        const QString strong = clear.pairedSummary(0, 1);
        QVERIFY2(strong.contains(QStringLiteral("p &lt; 0.001")), qPrintable(strong)); // escaped for rich text

        // A seed trained twice counts once: the same 10 pairs, not 20.
        model.addRun(ranked("wrmf", 1, {1, 1, 1, 1, 1, 1, 1, 1, 20, 20}));
        QVERIFY2(model.pairedSummary(0, 1).contains(QStringLiteral("10 pairs")), qPrintable(model.pairedSummary(0, 1)));

        ResultsView view(&model);
        view.selectPair(0, 1);
        QCOMPARE(view.pairedText(), model.pairedSummary(0, 1));
        view.selectPair(0, 0);
        QVERIFY(view.pairedText().startsWith(QStringLiteral("Select two rows")));
    }

    void mtlGainOverTheRankingModelAlone()
    {
        // BPR alone: users 0..9 at rank 1 or 20 (hit@10 for 5 of 10); RnR: 8 of 10. Gain +0.3 in Recall@10.
        ResultsModel model;
        model.addRun(ranked("bpr", 1, {1, 1, 1, 1, 1, 20, 20, 20, 20, 20}));
        model.addRun(ranked("rnr:bpr+svd", 1, {1, 1, 1, 1, 1, 1, 1, 1, 20, 20}));
        RunResult balanced = ranked("rnr:bpr+svd", 1, {20, 20, 20, 20, 20, 20, 20, 20, 20, 1});
        balanced.hp.balance = Balance::GradNorm; // a row of its own
        model.addRun(balanced);
        model.addRun(ranked("vanilla:cdae+svd", 1, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1})); // no CDAE alone
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.data(model.index(2, ResultsModel::Model)).toString(),
                 QStringLiteral("RnR(BPR, SVD) [gradnorm]"));
        QVERIFY(model.mtlGain(0).empty()); // single-task
        const std::vector<PairedTest> gain = model.mtlGain(1);
        QCOMPARE(gain.size(), std::size_t(3));
        QVERIFY(std::abs(gain[0].meanDifference - 0.3) < 1e-12);
        QCOMPARE(gain[0].pairs, std::size_t(10));
        // MRR@10: BPR 5 * 1 / 10 = 0.5, RnR 8 / 10 = 0.8.
        QVERIFY(std::abs(gain[1].meanDifference - 0.3) < 1e-12);
        QVERIFY(std::abs(model.mtlGain(2)[0].meanDifference - (0.1 - 0.5)) < 1e-12);
        QVERIFY(model.mtlGain(3).empty());
        const QString cell = model.data(model.index(1, ResultsModel::MtlGain)).toString();
        QVERIFY2(cell.startsWith(QStringLiteral("+0.3000 (p = ")), qPrintable(cell));
        QCOMPARE(model.data(model.index(3, ResultsModel::MtlGain)).toString(), QStringLiteral("\u2013"));
        QVERIFY(model.data(model.index(1, ResultsModel::MtlGain), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("NDCG@10")));
        QVERIFY(!model.isBest(1, ResultsModel::MtlGain));
        // In the exports: the Markdown column, the CSV's three gains with their p-values.
        QVERIFY(model.toMarkdown().contains(QStringLiteral("| MTL gain Recall@10 |")));
        QVERIFY(model.toMarkdown().contains(QStringLiteral("| +0.3000 (p = ")));
        const QStringList csv = model.toCsv().split(QLatin1Char('\n'));
        QVERIFY(csv[0].contains(QStringLiteral(",mtl_gain_recall,mtl_gain_recall_p,")));
        QVERIFY2(csv[2].startsWith(QStringLiteral("rnr:bpr+svd,fixed,1,")), qPrintable(csv[2]));
        QVERIFY2(csv[2].contains(QStringLiteral(",0.3,")), qPrintable(csv[2]));
        QVERIFY(csv[3].startsWith(QStringLiteral("rnr:bpr+svd,gradnorm,1,")));
        QVERIFY(model.toLatex().contains(QStringLiteral("& +0.3000 (p = ")));
    }

    void settingsThatChangeTheModelGetRowsOfTheirOwn()
    {
        // Two-level PLE is another model than one-level PLE, a set like threshold another task: other rows.
        ResultsModel model;
        RunResult one = run("ple:bpr+svd", 0.10, 0.04, 1.0), two = one, strict = one;
        two.hp.levels = 2;
        two.test.recall = 0.2;
        strict.hp.likeThreshold = 4.5;
        for (const RunResult& r : {one, two, strict, two})
            model.addRun(r);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(1, ResultsModel::Model)).toString(),
                 QStringLiteral("PLE(BPR, SVD) [levels=2]"));
        QCOMPARE(model.data(model.index(1, ResultsModel::Runs)).toInt(), 2);
        QCOMPARE(model.summary(1, ResultsModel::Recall).mean, 0.2);
        QCOMPARE(model.data(model.index(2, ResultsModel::Model)).toString(),
                 QStringLiteral("PLE(BPR, SVD) [like-threshold=4.5]"));
        QVERIFY(model.toCsv().contains(QStringLiteral("\nple:bpr+svd@levels=2,fixed,2,")));
        // MMoE has one level whatever the setting: no row of its own.
        RunResult mmoe = run("mmoe:bpr+svd", 0.1, 0.04, 1.0), mmoe2 = mmoe;
        mmoe2.hp.levels = 2;
        model.addRun(mmoe);
        model.addRun(mmoe2);
        QCOMPARE(model.rowCount(), 4);
        // A pairwise cascade with other margins or heads is another model; ESMM has no pairs to set.
        RunResult pairwise = run("pairwise:bpr", 0.1, 0.04, NAN), wide = pairwise,
                  esmm = run("esmm:bpr", 0.1, 0.04, NAN);
        wide.hp.pairMarginUnchosen = 2;
        wide.hp.pairHeads = PairHeads::Both;
        RunResult esmmPairs = esmm;
        esmmPairs.hp.pairWeight = 3;
        for (const RunResult& r : {pairwise, wide, esmm, esmmPairs})
            model.addRun(r);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.data(model.index(5, ResultsModel::Model)).toString(),
                 QStringLiteral("Pairwise(BPR) [pair-margin-unchosen=2 pair-heads=both]"));
        QCOMPARE(model.data(model.index(6, ResultsModel::Runs)).toInt(), 2);
    }

    void rowsPerDataSet()
    {
        ResultsModel model;
        model.addRun(run("bpr", 0.10, 0.04, NAN), QStringLiteral("ML-100K"), 1);
        model.addRun(run("bpr", 0.30, 0.10, NAN), QStringLiteral("Demo"), 2);
        model.addRun(run("wrmf", 0.20, 0.05, NAN), QStringLiteral("ML-100K"), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(1, ResultsModel::Model)).toString(), QStringLiteral("BPR — Demo"));
        // The best is per data set: WRMF on ML-100K and BPR on the demo data.
        QVERIFY(model.isBest(2, ResultsModel::Recall));
        QVERIFY(model.isBest(1, ResultsModel::Recall));
        QVERIFY(!model.isBest(0, ResultsModel::Recall));
        QVERIFY(model.pairedSummary(0, 1).contains(QStringLiteral("different data sets")));
        QVERIFY(model.toCsv().contains(QStringLiteral(",Demo,item-id\n")));
    }

    void alphaOneIsSaidInTheRow()
    {
        // A grid that chose α = 1 trained no rating task (docs/method.md, "Grid").
        ResultsModel model;
        RunResult on = run("rnr:bpr+svd", 0.10, 0.04, 1.0), off = on, mixture = run("mmoe:bpr+svd", 0.1, 0.04, 1.0);
        off.hp.alpha = 1.0;
        mixture.hp.alpha = 1.0;
        model.addRun(off);
        QCOMPARE(model.data(model.index(0, ResultsModel::Model)).toString(),
                 QStringLiteral("RnR(BPR, SVD) (α = 1: same as BPR)"));
        for (const RunResult& r : {on, off})
            model.addRun(r);
        QCOMPARE(model.data(model.index(0, ResultsModel::Model)).toString(),
                 QStringLiteral("RnR(BPR, SVD) (α = 1 in 2 of 3 runs: same as BPR)"));
        model.addRun(mixture);
        QCOMPARE(model.data(model.index(1, ResultsModel::Model)).toString(),
                 QStringLiteral("MMoE(BPR, SVD) (α = 1: rating task off)"));
        QVERIFY(model.toMarkdown().contains(QStringLiteral("(α = 1 in 2 of 3 runs: same as BPR)")));
        model.clear();
        model.addRun(on);
        QCOMPARE(model.data(model.index(0, ResultsModel::Model)).toString(), QStringLiteral("RnR(BPR, SVD)"));
    }

    void tieRulesGetRowsOfTheirOwn()
    {
        // Another tie rule holds out other items: the runs are not averaged with the default's.
        ResultsModel model;
        RunResult byId = run("bpr", 0.10, 0.04, NAN), random = byId, again = byId;
        random.split.ties = TieRule::Random;
        random.test.recall = 0.3;
        for (const RunResult& r : {byId, random, again})
            model.addRun(r);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, ResultsModel::Model)).toString(), QStringLiteral("BPR"));
        QCOMPARE(model.data(model.index(0, ResultsModel::Runs)).toInt(), 2);
        QCOMPARE(model.data(model.index(1, ResultsModel::Model)).toString(), QStringLiteral("BPR [ties=random]"));
        QCOMPARE(model.summary(1, ResultsModel::Recall).mean, 0.3);
        QVERIFY(model.toCsv().endsWith(QStringLiteral(",random\n")));
        QVERIFY(model.toCsv().startsWith(QStringLiteral("model,")));
        QVERIFY(model.toCsv().section(QLatin1Char('\n'), 0, 0).endsWith(QStringLiteral(",dataset,ties")));
    }

    void sortsByTheMean()
    {
        ResultsModel model;
        model.addRun(run("bpr", 0.10, 0.04, NAN));
        model.addRun(run("cdae", 0.30, 0.01, NAN));
        model.addRun(run("wrmf", 0.20, 0.02, NAN));
        ResultsView view(&model);
        view.table()->sortByColumn(ResultsModel::Recall, Qt::DescendingOrder);
        QCOMPARE(view.table()->model()->index(0, 0).data().toString(), QStringLiteral("CDAE"));
        QCOMPARE(view.table()->model()->index(2, 0).data().toString(), QStringLiteral("BPR"));
    }

    void theLogLossColumnShowsOnlyWithALikeHead()
    {
        ResultsModel model;
        ResultsView view(&model);
        model.addRun(run("rnr:bpr+svd", 0.12, 0.03, 0.9));
        QVERIFY(view.table()->isColumnHidden(ResultsModel::LikeLogLoss));
        RunResult esmm = run("esmm:bpr", 0.11, 0.02, NAN);
        esmm.test.likeLogLoss = 0.4;
        model.addRun(esmm);
        QVERIFY(!view.table()->isColumnHidden(ResultsModel::LikeLogLoss));
        model.clear();
        QVERIFY(view.table()->isColumnHidden(ResultsModel::LikeLogLoss));
    }

    void exports()
    {
        ResultsModel model;
        model.addRun(run("bpr", 0.10, 0.04, NAN));
        model.addRun(run("rnr:bpr+svd", 0.12, 0.03, 0.9));
        RunResult esmm = run("esmm:bpr", 0.11, 0.02, NAN); // a like head: a log loss, lower is better
        esmm.test.likeLogLoss = 0.4;
        model.addRun(esmm);
        esmm.spec = parseModelSpec("pairwise:bpr");
        esmm.test.likeLogLoss = 0.5;
        model.addRun(esmm);
        const QString markdown = model.toMarkdown();
        QVERIFY(markdown.startsWith(QStringLiteral("| Algorithm | Recall@10 |")));
        QVERIFY(markdown.contains(QStringLiteral("| RnR(BPR, SVD) | **0.1200** | 0.0300 |")));
        // The like figures (docs/method.md, "Choose, then like") after the rating ones, best marked.
        QVERIFY(markdown.contains(QStringLiteral("| MAE | Like@10 | Like AUC | Like log loss | MTL gain Recall@10 |")));
        QVERIFY2(markdown.contains(QStringLiteral("| **0.1700** | **0.6000** | \u2013 | ")), qPrintable(markdown));
        QVERIFY2(markdown.contains(QStringLiteral("| ESMM(BPR) | 0.1100 |")), qPrintable(markdown));
        QVERIFY2(markdown.contains(QStringLiteral(" | **0.4000** | ")) &&
                     markdown.contains(QStringLiteral(" | 0.5000 | ")),
                 qPrintable(markdown));
        QVERIFY(markdown.contains(QStringLiteral("|---|---|---|---|---|---|---|---|---|---|\n")));
        QVERIFY(model.isBest(2, ResultsModel::LikeLogLoss) && !model.isBest(3, ResultsModel::LikeLogLoss));
        const QString csv = model.toCsv();
        QCOMPARE(csv.count(QLatin1Char('\n')), 5);
        QVERIFY(csv.contains(QStringLiteral("mae_mean,mae_std,like_recall_mean,like_recall_std,like_auc_mean,"
                                            "like_auc_std,like_log_loss_mean,like_log_loss_std,")));
        QVERIFY(csv.contains(QStringLiteral("rnr:bpr+svd,fixed,1,0.12,0,0.03,0,")));
        QVERIFY(csv.contains(QStringLiteral(",0.45,0,0.17,0,0.6,0,,,")));
        QVERIFY2(csv.contains(QStringLiteral("esmm:bpr,fixed,1,")) && csv.contains(QStringLiteral(",0.4,0,")),
                 qPrintable(csv));
        const QString latex = model.toLatex();
        QVERIFY(latex.contains(QStringLiteral("\\textbf{0.1200}")));
        QVERIFY(latex.contains(QStringLiteral("& Like@10 & Like AUC & Like log loss &")));
        QCOMPARE(model.headerData(ResultsModel::LikeRecall, Qt::Horizontal).toString(), QStringLiteral("Like@10"));
        QVERIFY(model.isBest(1, ResultsModel::LikeAuc) && !model.isBest(0, ResultsModel::LikeAuc));
        QVERIFY(latex.contains(QStringLiteral("\\begin{tabular}")));
        QTemporaryDir dir;
        ResultsView view(&model);
        QVERIFY(view.exportTo(dir.filePath(QStringLiteral("t.tex"))));
        QFile file(dir.filePath(QStringLiteral("t.tex")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), latex);
    }
};

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
