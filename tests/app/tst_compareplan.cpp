// `rnr compare --plan` and `--collect` (README, "Sweeps on a cluster"): a plan run by two local
// workers collects to what a single `rnr compare` gives, bit for bit but for the timings; a job
// that failed or did not run is named, and nothing is collected.
#include "clirunner.h"

#include "data/synthetic.h"
#include "persist/session.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// JSON without what a run's timing decides (seconds, throughput).
QJsonValue withoutTimes(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& element : value.toArray())
            array.append(withoutTimes(element));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject source = value.toObject();
    for (auto it = source.begin(); it != source.end(); ++it)
        if (it.key() != QLatin1String("seconds") && it.key() != QLatin1String("samples_per_second") &&
            it.key() != QLatin1String("train_seconds"))
            object.insert(it.key(), withoutTimes(it.value()));
    return object;
}

/// CSV rows without the train_seconds column (the 7th).
QStringList withoutTimeColumn(const QByteArray& csv)
{
    QStringList rows;
    for (const QString& row : QString::fromUtf8(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QStringList cells = row.split(QLatin1Char(','));
        cells.removeAt(6);
        rows << cells.join(QLatin1Char(','));
    }
    return rows;
}

/// Runs one shell command line (a line of jobs.txt); returns its exit code.
int shell(const QString& line, const QString& folder = QString())
{
    QProcess process;
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), line});
    if (!process.waitForFinished(300000))
        return -1;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestComparePlan : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// The comparison both sides run: a single-task model, a grid over alpha, a balance with a
    /// grid of its own parameter, a model with a setting of its own; two seeds.
    const QStringList m_comparison{QStringLiteral("--models=bpr,rnr:bpr+svd,rnr:bpr+svd@gradnorm,ple:bpr+svd@levels=2"),
                                   QStringLiteral("--seeds=2"), QStringLiteral("--alphas=0.9,1"),
                                   QStringLiteral("--lambdas=0.01"), QStringLiteral("--epochs=2"),
                                   QStringLiteral("--dim=8"), QStringLiteral("--split-users=100"),
                                   // in every run's config, also of the runs without GradNorm
                                   QStringLiteral("--gradnorm-asymmetry=0.7")};

    static QStringList outputs(const QString& stem)
    {
        return {QStringLiteral("--json=") + stem + QStringLiteral(".json"),
                QStringLiteral("--csv=") + stem + QStringLiteral(".csv"),
                QStringLiteral("--markdown=") + stem + QStringLiteral(".md")};
    }

private Q_SLOTS:
    void planRunsOnTwoWorkersAndCollectsToTheSameResults()
    {
        const QString single = m_dir.filePath(QStringLiteral("single"));
        const CliOutcome direct = runCli(QStringList{QStringLiteral("compare")} + m_comparison + outputs(single));
        QCOMPARE(direct.code, 0);

        const QString plan = m_dir.filePath(QStringLiteral("plan"));
        const CliOutcome planned =
            runCli(QStringList{QStringLiteral("compare")} + m_comparison + QStringList{QStringLiteral("--plan"), plan},
                   QStringLiteral(RNR_CLI_BINARY));
        QCOMPARE(planned.code, 0);
        // 2 seeds x (BPR 1 + RnR 2 alphas + GradNorm 2 asymmetries + PLE 2 alphas)
        const QStringList lines =
            QString::fromUtf8(readAll(plan + QStringLiteral("/jobs.txt"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 14);
        QVERIFY2(planned.out.contains(QStringLiteral("Planned 14 jobs")), qPrintable(planned.out));
        const QJsonObject manifest = QJsonDocument::fromJson(readAll(plan + QStringLiteral("/manifest.json"))).object();
        QCOMPARE(manifest.value(QStringLiteral("jobs")).toArray().size(), 14);
        QCOMPARE(manifest.value(QStringLiteral("jobs")).toArray()[2].toObject().value(QStringLiteral("what")),
                 QJsonValue(QStringLiteral("RnR(BPR, SVD), seed 1, alpha 1, lambda 0.01")));

        // Two workers, from another folder (the lines are self-contained).
        QCOMPARE(
            shell(QStringLiteral("xargs -d '\\n' -n 1 -P 2 sh -c < '%1/jobs.txt' > '%1/workers.log' 2>&1").arg(plan),
                  QDir::rootPath()),
            0);

        const QString collectedStem = m_dir.filePath(QStringLiteral("collected"));
        const CliOutcome collected =
            runCli(QStringList{QStringLiteral("compare"), QStringLiteral("--collect"), plan} + outputs(collectedStem));
        QVERIFY2(collected.code == 0, qPrintable(collected.err));
        QCOMPARE(readAll(collectedStem + QStringLiteral(".md")), readAll(single + QStringLiteral(".md")));
        QCOMPARE(withoutTimeColumn(readAll(collectedStem + QStringLiteral(".csv"))),
                 withoutTimeColumn(readAll(single + QStringLiteral(".csv"))));
        const QJsonValue a = withoutTimes(QJsonDocument::fromJson(readAll(single + QStringLiteral(".json"))).array());
        const QJsonValue b =
            withoutTimes(QJsonDocument::fromJson(readAll(collectedStem + QStringLiteral(".json"))).array());
        QCOMPARE(b.toArray().size(), 8);
        QVERIFY(a == b);
        // The terminal's table and tests too (everything after the per-run lines).
        const auto tableOf = [](const QString& text) {
            return text.mid(text.indexOf(QStringLiteral("\n| algorithm")));
        };
        QVERIFY(tableOf(collected.out).startsWith(tableOf(direct.out)));

        // The session the desktop app opens: every kept run with its model.
        const rnr::Session session = rnr::loadSession((plan + QStringLiteral("/session.rnrsession")).toStdString());
        QCOMPARE(session.runs.size(), std::size_t(8));
        QCOMPARE(session.seeds, 2);
        const QJsonArray runs = b.toArray();
        for (std::size_t r = 0; r < session.runs.size(); ++r) { // the JSON's order is model by model
            const rnr::RunResult& result = session.runs[r].outcome.result;
            QVERIFY(session.runs[r].outcome.model);
            bool found = false;
            for (const QJsonValue& run : runs)
                found = found ||
                        (run.toObject().value(QStringLiteral("seed")).toDouble() == double(result.hp.seed) &&
                         run.toObject().value(QStringLiteral("test")).toObject().value(QStringLiteral("recall@10")) ==
                             QJsonValue(result.test.recall) &&
                         run.toObject().value(QStringLiteral("title")).toString().toStdString() == result.spec.title());
            QVERIFY2(found, session.runs[r].name.c_str());
        }
    }

    void missingAndFailedJobsAreNamed()
    {
        // A data file of its own, so that a job can fail for want of it.
        const QString data = m_dir.filePath(QStringLiteral("ratings.csv"));
        rnr::writeMovieLensCsv(rnr::syntheticRatings(rnr::SyntheticSize{300, 200, 6000, 3}), data.toStdString());
        const QByteArray bytes = readAll(data);
        const QString plan = m_dir.filePath(QStringLiteral("broken"));
        const QStringList comparison{QStringLiteral("compare"),
                                     QStringLiteral("--dataset=") + data,
                                     QStringLiteral("--models=bpr,rnr:bpr+svd"),
                                     QStringLiteral("--seeds=1"),
                                     QStringLiteral("--alphas=0.9"),
                                     QStringLiteral("--lambdas=0.01"),
                                     QStringLiteral("--epochs=1"),
                                     QStringLiteral("--dim=8")};
        QCOMPARE(
            runCli(comparison + QStringList{QStringLiteral("--plan=") + plan}, QStringLiteral(RNR_CLI_BINARY)).code, 0);
        const QStringList lines =
            QString::fromUtf8(readAll(plan + QStringLiteral("/jobs.txt"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        // Planning into the same folder again is refused; --json belongs to --collect.
        QCOMPARE(runCli(comparison + QStringList{QStringLiteral("--plan=") + plan}).code, 2);
        QCOMPARE(runCli(comparison + QStringList{QStringLiteral("--plan=") + plan + QStringLiteral("2"),
                                                 QStringLiteral("--json=x.json")})
                     .code,
                 2);
        // A grid value out of its range is refused before anything is planned or trained.
        const CliOutcome outOfRange =
            runCli(comparison + QStringList{QStringLiteral("--alphas=0.9,1.5"),
                                            QStringLiteral("--plan=") + plan + QStringLiteral("3")});
        QCOMPARE(outOfRange.code, 2);
        QVERIFY2(outOfRange.err.contains(QStringLiteral("--alphas: '1.5'")), qPrintable(outOfRange.err));
        QVERIFY(!QFileInfo::exists(plan + QStringLiteral("3")));

        QVERIFY(QFile::remove(data));
        QVERIFY(shell(lines[1]) != 0); // job 0002 fails: its data file is gone
        QVERIFY(QFileInfo::exists(plan + QStringLiteral("/runs/0002.error")));
        QFile restore(data);
        QVERIFY(restore.open(QIODevice::WriteOnly) && restore.write(bytes) == bytes.size());
        restore.close();

        const QString json = m_dir.filePath(QStringLiteral("broken.json"));
        CliOutcome collected =
            runCli({QStringLiteral("compare"), QStringLiteral("--collect"), plan, QStringLiteral("--json"), json});
        QCOMPARE(collected.code, 1);
        QVERIFY2(collected.err.contains(QStringLiteral("2 of 2 jobs")), qPrintable(collected.err));
        QVERIFY(collected.err.contains(QStringLiteral("job 0001 (BPR, seed 1, lambda 0.01) has no result")));
        QVERIFY(collected.err.contains(
            QStringLiteral("job 0002 (RnR(BPR, SVD), seed 1, alpha 0.9, lambda 0.01) failed: ")));
        QVERIFY2(collected.err.contains(data), qPrintable(collected.err)); // the job's own message names the file
        QVERIFY(!QFileInfo::exists(json));

        // Once both have run, it collects; a damaged run file is named too.
        QCOMPARE(shell(lines[0]), 0);
        QCOMPARE(shell(lines[1]), 0);
        QVERIFY(!QFileInfo::exists(plan + QStringLiteral("/runs/0002.error")));
        collected = runCli({QStringLiteral("compare"), QStringLiteral("--collect"), plan});
        QVERIFY2(collected.code == 0, qPrintable(collected.err));
        QVERIFY(collected.out.contains(QStringLiteral("| RnR(BPR, SVD) | ")));
        QFile damaged(plan + QStringLiteral("/runs/0001.rnrrun"));
        QVERIFY(damaged.open(QIODevice::ReadWrite) && damaged.seek(40) && damaged.write("x", 1) == 1);
        damaged.close();
        collected = runCli({QStringLiteral("compare"), QStringLiteral("--collect"), plan});
        QCOMPARE(collected.code, 1);
        QVERIFY2(collected.err.contains(QStringLiteral("job 0001 (BPR, seed 1, lambda 0.01): ")),
                 qPrintable(collected.err));
    }
};

QTEST_GUILESS_MAIN(TestComparePlan)
#include "tst_compareplan.moc"
