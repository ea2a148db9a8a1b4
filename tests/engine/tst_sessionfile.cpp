// The session format: everything a user made survives a save and reopen; damaged, truncated,
// foreign, newer and retired files are refused with a clear message.
#include "../trainedruns.h"
#include "core/errors.h"
#include "model/model.h"
#include "persist/runfile.h"
#include "persist/session.h"

#include <QFile>

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace rnr;

namespace {

SessionRun sessionRun(std::shared_ptr<const Dataset> data, const char* model, const std::string& name,
                      Balance balance = Balance::Fixed)
{
    HyperParams hp = fixtures::smallHyperParams(2);
    hp.balance = balance;
    RunResult result = fixtures::trainedRun(*data, model, hp);
    SessionRun run;
    run.name = name;
    run.data = std::move(data);
    run.outcome.model = result.model;
    result.model.reset();
    run.outcome.result = std::move(result);
    return run;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QString refusal(const QString& path)
{
    try {
        loadSession(QFile::encodeName(path).toStdString());
    } catch (const DataError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_data = fixtures::smallDemo(120, 80);
        m_session.dataset = std::make_shared<const Dataset>(generateDemo());
        m_session.report.file = "ratings.dat";
        m_session.report.rowsRead = 7;
        m_session.report.problems[1].count = 2;
        m_session.report.problems[1].firstLines = {3, 5};
        m_session.report.notes = {"a note"};
        m_session.spec = parseModelSpec("vanilla:wrmf+svd++");
        m_session.hp.learningRate = 0.0125;
        m_session.hp.epochs = 7;
        m_session.split.seed = 42;
        m_session.split.users = 50;
        m_session.split.ties = TieRule::Random;
        m_session.seeds = 3;
        m_session.grid = true;
        m_session.runs.push_back(sessionRun(m_data, "rnr:bpr+svd", "RnR #1"));
        m_session.runs.push_back(sessionRun(m_data, "vanilla:bpr+svd", "Vanilla #2"));
        m_session.runs.push_back(sessionRun(m_data, "ple:bpr+svd", "PLE #3", Balance::Uncertainty));
        m_session.runs.push_back(sessionRun(m_data, "esmm:cdae", "ESMM #4"));
        m_session.runs[1].outcome.result.split = SplitConfig{60, 9, TieRule::Drop}; // kept per run
        for (std::uint32_t b = 1; b <= 3; ++b) {
            BatchProgress p;
            p.epoch = 1;
            p.tuplesDone = 100 * b;
            p.tuplesTotal = 300;
            p.rankingLoss = 0.7 - 0.1 * b;
            p.ratingLoss = 1.5;
            p.regularisation = 0.01;
            p.objective = 0.8;
            p.samplesPerSecond = 1e6;
            m_session.runs[0].batches.push_back(p);
        }
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("a.rnrsession"));
        int reports = 0;
        saveSession(m_session, m_path.toStdString(), [&](std::uint64_t done, std::uint64_t total) {
            QVERIFY(done <= total);
            ++reports;
        });
        QVERIFY(reports >= 1); // at least the end
    }

    void roundTripKeepsEverything()
    {
        const Session back = loadSession(m_path.toStdString());
        for (const SessionRun& run : back.runs) // read beside the model: no second pass over the data
            QCOMPARE(run.outcome.datasetFingerprint, m_data->fingerprint());
        QCOMPARE(back.dataset->fingerprint(), m_session.dataset->fingerprint());
        QCOMPARE(back.dataset->itemTitles, m_session.dataset->itemTitles);
        QCOMPARE(back.dataset->itemGenres, m_session.dataset->itemGenres);
        QCOMPARE(back.dataset->trueDeviation, m_session.dataset->trueDeviation);
        QCOMPARE(back.report.describe(), m_session.report.describe());
        QCOMPARE(back.spec, m_session.spec);
        QCOMPARE(describe(back.hp), describe(m_session.hp));
        QCOMPARE(back.split.seed, 42u);
        QCOMPARE(back.split.users, 50u);
        QCOMPARE(back.split.ties, TieRule::Random);
        QCOMPARE(back.seeds, 3);
        QVERIFY(back.grid);
        QCOMPARE(back.runs.size(), 4u);
        // The two runs share one data set in the file and after reading.
        QCOMPARE(back.runs[0].data.get(), back.runs[1].data.get());
        QCOMPARE(back.runs[0].data->fingerprint(), m_data->fingerprint());
        for (std::size_t r = 0; r < back.runs.size(); ++r) {
            const RunResult& a = m_session.runs[r].outcome.result;
            const RunResult& b = back.runs[r].outcome.result;
            QCOMPARE(back.runs[r].name, m_session.runs[r].name);
            QCOMPARE(back.runs[r].batches.size(), m_session.runs[r].batches.size());
            for (std::size_t i = 0; i < back.runs[r].batches.size(); ++i) {
                QCOMPARE(back.runs[r].batches[i].tuplesDone, m_session.runs[r].batches[i].tuplesDone);
                QCOMPARE(back.runs[r].batches[i].rankingLoss, m_session.runs[r].batches[i].rankingLoss);
                QCOMPARE(back.runs[r].batches[i].samplesPerSecond, m_session.runs[r].batches[i].samplesPerSecond);
            }
            QCOMPARE(b.spec, a.spec);
            QVERIFY(b.split == a.split);
            QCOMPARE(b.epochs.size(), a.epochs.size());
            QCOMPARE(b.epochs.back().objective, a.epochs.back().objective);
            QCOMPARE(b.epochs.back().validation->recall, a.epochs.back().validation->recall);
            QCOMPARE(b.test.recall, a.test.recall);
            QCOMPARE(b.test.rmse, a.test.rmse);
            QCOMPARE(b.bestEpoch, a.bestEpoch);
            QCOMPARE(b.testOutcomes.size(), a.testOutcomes.size());
            QCOMPARE(b.testOutcomes[3].top, a.testOutcomes[3].top);
            QCOMPARE(b.testOutcomes[3].rank, a.testOutcomes[3].rank);
            // The like figures (docs/method.md, "Choose, then like"), per outcome and per evaluation.
            QVERIFY(a.test.likeUsers > 0 && a.test.likeUsers < a.testOutcomes.size());
            QCOMPARE(b.test.likeUsers, a.test.likeUsers);
            QCOMPARE(b.test.likeRecall, a.test.likeRecall);
            QCOMPARE(b.test.likeAuc, a.test.likeAuc);
            QCOMPARE(b.epochs.back().validation->likeNdcg, a.epochs.back().validation->likeNdcg);
            QCOMPARE(b.validation.likeMrr, a.validation.likeMrr);
            for (std::size_t o = 0; o < a.testOutcomes.size(); ++o) {
                QCOMPARE(b.testOutcomes[o].liked, a.testOutcomes[o].liked);
                QCOMPARE(b.testOutcomes[o].likeRank, a.testOutcomes[o].likeRank);
                QCOMPARE(b.testOutcomes[o].likeScore, a.testOutcomes[o].likeScore);
                // A like head's p(like | choose); NaN (and kept so) for the others.
                QCOMPARE(std::isnan(a.testOutcomes[o].likeGivenChoice), !a.spec.isCascade());
                if (a.spec.isCascade())
                    QCOMPARE(b.testOutcomes[o].likeGivenChoice, a.testOutcomes[o].likeGivenChoice);
                else
                    QVERIFY(std::isnan(b.testOutcomes[o].likeGivenChoice));
            }
            QCOMPARE(std::isfinite(a.test.likeLogLoss), a.spec.isCascade());
            if (a.spec.isCascade()) {
                QCOMPARE(b.test.likeLogLoss, a.test.likeLogLoss);
                QCOMPARE(b.epochs.back().validation->likeLogLoss, a.epochs.back().validation->likeLogLoss);
            }
            QCOMPARE(b.hp.balance, a.hp.balance);
            for (std::size_t e = 0; e < a.epochs.size(); ++e) { // the task interplay, gates and all
                const Interplay &ia = *a.epochs[e].interplay, &ib = *b.epochs[e].interplay;
                QCOMPARE(ib.cosineItems, ia.cosineItems);
                QCOMPARE(ib.conflictShare, ia.conflictShare);
                QCOMPARE(ib.ratingWeight, ia.ratingWeight);
                QCOMPARE(ib.batches, ia.batches);
                QCOMPARE(ib.gates, ia.gates);
            }
            const Model& ma = *m_session.runs[r].outcome.model;
            const Model& mb = *back.runs[r].outcome.model;
            QCOMPARE(mb.spec(), ma.spec());
            QVERIFY(mb.params()[Block::Items].isApprox(ma.params()[Block::Items], 0.0f));
            RowMatrix<float> sa, sb;
            ma.rankingScores({0, 1}, sa);
            mb.rankingScores({0, 1}, sb);
            QCOMPARE(sb, sa);
            QCOMPARE(mb.params()[Block::TaskLogVariance], ma.params()[Block::TaskLogVariance]);
        }
        QVERIFY(!back.runs[2].outcome.result.epochs[0].interplay->gates[1][1].empty());
        QCOMPARE(back.runs[2].outcome.model->params()[Block::TaskLogVariance].size(), 2);
    }

    void damagedFilesAreRefused()
    {
        const QByteArray good = readAll(m_path);
        const QString bad = m_dir.filePath(QStringLiteral("bad.rnrsession"));
        writeAll(bad, good.left(good.size() / 2));
        QVERIFY2(refusal(bad).contains(QStringLiteral("truncated")), qPrintable(refusal(bad)));
        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x5a);
        writeAll(bad, flipped);
        QVERIFY2(refusal(bad).contains(QStringLiteral("damaged")), qPrintable(refusal(bad)));
        writeAll(bad, "1::2::3::4\n");
        QVERIFY2(refusal(bad).contains(QStringLiteral("not an RnR Explorer session")), qPrintable(refusal(bad)));
        QByteArray newer = good;
        newer[8] = char(kSessionVersion + 1); // the little-endian version after the magic
        writeAll(bad, newer);
        QVERIFY2(refusal(bad).contains(QStringLiteral("newer")), qPrintable(refusal(bad)));
        QByteArray retired = good.left(12); // format 1: a big-endian 1 after the same magic
        retired[8] = 0;
        retired[11] = 1;
        writeAll(bad, retired + QByteArray(100, 'x'));
        QVERIFY2(refusal(bad).contains(QStringLiteral("format 1")), qPrintable(refusal(bad)));
        QVERIFY(refusal(m_dir.filePath(QStringLiteral("missing.rnrsession"))).contains(QStringLiteral("missing")));
    }

    void wellFormedButInconsistentFilesAreRefused()
    {
        // A valid checksum only proves the file is as written: contents are checked too.
        const QString path = m_dir.filePath(QStringLiteral("odd.rnrsession"));
        Session genres = m_session;
        Dataset odd = *m_session.dataset;
        odd.itemGenres[0] = {std::uint32_t(odd.genreNames.size())};
        genres.dataset = std::make_shared<const Dataset>(std::move(odd));
        saveSession(genres, path.toStdString());
        QVERIFY2(refusal(path).contains(QStringLiteral("does not fit together")), qPrintable(refusal(path)));
        Session outcome = m_session;
        outcome.runs[0].outcome.result.testOutcomes[0].top[0] = 1000000;
        saveSession(outcome, path.toStdString());
        QVERIFY2(refusal(path).contains(QStringLiteral("does not fit the data set")), qPrintable(refusal(path)));
        Session epoch = m_session;
        epoch.runs[1].outcome.result.bestEpoch = 99;
        saveSession(epoch, path.toStdString());
        QVERIFY2(refusal(path).contains(QStringLiteral("does not fit the data set")), qPrintable(refusal(path)));
    }

    void aSessionWithoutItsModelsOrDataIsNotWritten()
    {
        Session none = m_session;
        none.runs[0].outcome.model.reset();
        const QString path = m_dir.filePath(QStringLiteral("none.rnrsession"));
        QVERIFY_THROWS_EXCEPTION(UsageError, saveSession(none, path.toStdString()));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
    }

    void aFailedSaveKeepsThePreviousFile()
    {
        // Written to a temporary file and renamed: a save that fails leaves the old file intact.
        const QString path = m_dir.filePath(QStringLiteral("keep.rnrsession"));
        writeAll(path, "previous contents");
        Session broken = m_session;
        broken.runs[1].data.reset();
        QVERIFY_THROWS_EXCEPTION(UsageError, saveSession(broken, path.toStdString()));
        QCOMPARE(readAll(path), QByteArray("previous contents"));
    }

    void runFilesKeepARunAndItsModel()
    {
        // A planned comparison's job leaves one run with its model; the collector reads it back
        // against the data set it loaded itself.
        for (const char* name : {"rnr:bpr+svd", "esmm:bpr"}) {
            RunResult run = fixtures::trainedRun(*m_data, name, fixtures::smallHyperParams(2));
            const QString path = m_dir.filePath(QStringLiteral("job.rnrrun"));
            saveRunFile(run, *m_data, "0007", path.toStdString());
            const RunFile back = loadRunFile(path.toStdString(), *m_data, m_data->fingerprint());
            QCOMPARE(back.job, std::string("0007"));
            QVERIFY(!back.result.model);
            QVERIFY(back.model);
            QCOMPARE(back.model->spec(), run.spec);
            QCOMPARE(describe(back.result.hp), describe(run.hp));
            QVERIFY(back.result.split == run.split);
            QCOMPARE(back.result.bestEpoch, run.bestEpoch);
            QCOMPARE(back.result.epochs.size(), run.epochs.size());
            QCOMPARE(back.result.epochs.back().interplay.has_value(), run.epochs.back().interplay.has_value());
            for (double Metrics::*member : {&Metrics::recall, &Metrics::mrr, &Metrics::likeRecall, &Metrics::likeAuc}) {
                QCOMPARE(back.result.test.*member, run.test.*member);
                QCOMPARE(back.result.validation.*member, run.validation.*member);
            }
            QCOMPARE(std::isnan(back.result.test.likeLogLoss), std::isnan(run.test.likeLogLoss));
            if (!std::isnan(run.test.likeLogLoss))
                QCOMPARE(back.result.test.likeLogLoss, run.test.likeLogLoss);
            QCOMPARE(back.result.testOutcomes.size(), run.testOutcomes.size());
            for (std::size_t o = 0; o < run.testOutcomes.size(); ++o) {
                QCOMPARE(back.result.testOutcomes[o].top, run.testOutcomes[o].top);
                QCOMPARE(back.result.testOutcomes[o].likeRank, run.testOutcomes[o].likeRank);
            }
            QCOMPARE(back.result.trainSeconds, run.trainSeconds);
            QVERIFY(back.model->params()[Block::Users] == run.model->params()[Block::Users]);
            QVERIFY(back.model->params()[Block::Items] == run.model->params()[Block::Items]);

            // Another data set than the one it was trained on, a session, a damaged file: refused.
            const auto other = fixtures::smallDemo(121, 80);
            QString message;
            try {
                loadRunFile(path.toStdString(), *other, other->fingerprint());
            } catch (const DataError& e) {
                message = QString::fromStdString(e.what());
            }
            QVERIFY2(message.contains(QStringLiteral("another data set")), qPrintable(message));
            QVERIFY_THROWS_EXCEPTION(DataError, loadRunFile(m_path.toStdString(), *m_data, m_data->fingerprint()));
            QByteArray bytes = readAll(path);
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
            writeAll(path, bytes);
            QVERIFY_THROWS_EXCEPTION(DataError, loadRunFile(path.toStdString(), *m_data, m_data->fingerprint()));
        }
        RunResult none = fixtures::trainedRun(*m_data, "bpr", fixtures::smallHyperParams(1));
        none.model.reset();
        QVERIFY_THROWS_EXCEPTION(UsageError,
                                 saveRunFile(none, *m_data, "1", m_dir.filePath(QStringLiteral("x")).toStdString()));
    }

private:
    std::shared_ptr<const Dataset> m_data;
    Session m_session;
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_sessionfile.moc"
