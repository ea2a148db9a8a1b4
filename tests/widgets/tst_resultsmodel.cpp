// The results table: mean ± std per model over runs, best per column, sorting, exports; the
// model passes QAbstractItemModelTester.
#include "resultsmodel.h"
#include "resultsview.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

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

    void exports()
    {
        ResultsModel model;
        model.addRun(run("bpr", 0.10, 0.04, NAN));
        model.addRun(run("rnr:bpr+svd", 0.12, 0.03, 0.9));
        const QString markdown = model.toMarkdown();
        QVERIFY(markdown.startsWith(QStringLiteral("| Algorithm | Recall@10 |")));
        QVERIFY(markdown.contains(QStringLiteral("| RnR(BPR, SVD) | **0.1200** | 0.0300 |")));
        const QString csv = model.toCsv();
        QCOMPARE(csv.count(QLatin1Char('\n')), 3);
        QVERIFY(csv.contains(QStringLiteral("rnr:bpr+svd,1,0.12,0,0.03,0,")));
        const QString latex = model.toLatex();
        QVERIFY(latex.contains(QStringLiteral("\\textbf{0.1200}")));
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
