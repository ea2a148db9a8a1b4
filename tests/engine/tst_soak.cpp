// Soak tests of the engine (label soak; docs/testing.md, "Soak tests"): training started and
// abandoned 100 times, a large file's load cancelled 100 times at random points, and a session
// save killed at random points in a child process (SIGKILL). Run under ASan in the asan preset, so
// its leak checker sees every cycle's allocations.
#include "../trainedruns.h"
#include "core/errors.h"
#include "data/synthetic.h"
#include "io/loader.h"
#include "persist/session.h"
#include "train/trainingjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

using namespace rnr;

namespace {

int openFiles()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

/// The two data sets the save-loop child writes in turn: the same shape, different ratings.
Dataset saveLoopData(std::uint64_t seed)
{
    SyntheticSize size;
    size.users = 3000;
    size.items = 2000;
    size.ratings = 400000;
    size.seed = seed;
    Dataset data = syntheticRatings(size);
    data.name = "soak " + std::to_string(seed);
    return data;
}

Session sessionOf(Dataset data)
{
    Session session;
    session.dataset = std::make_shared<const Dataset>(std::move(data));
    session.spec = parseModelSpec("rnr:bpr+svd");
    return session;
}

/// The child of sessionSaveKilledAtRandom: saves the two sessions over `path` in turn until killed.
[[noreturn]] void saveLoop(const std::string& path)
{
    const Session sessions[2] = {sessionOf(saveLoopData(1)), sessionOf(saveLoopData(2))};
    std::fputs("saving\n", stdout);
    std::fflush(stdout);
    for (std::size_t n = 0;; ++n)
        saveSession(sessions[n % 2], path);
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void trainingStartedThenAbandoned100Times()
    {
        // Each cycle starts a job on two threads, trains 0-4 minibatches (ending mid-epoch) and
        // destroys it, which is how the engine thread cancels.
        const auto data = fixtures::smallDemo(300, 200);
        const Split split = makeSplit(*data, SplitConfig{});
        HyperParams hp = fixtures::smallHyperParams(3);
        hp.threads = 2;
        hp.batchSize = 64;
        std::mt19937 random(14);
        const int files = openFiles();
        for (int cycle = 0; cycle < 100; ++cycle) {
            const char* model = cycle % 3 == 0 ? "rnr:bpr+svd" : cycle % 3 == 1 ? "vanilla:bpr+svd" : "mmoe:bpr+svd";
            TrainingJob job(*data, split, parseModelSpec(model), hp);
            for (unsigned steps = random() % 5; steps > 0 && !job.done(); --steps)
                job.step(1);
        }
        QCOMPARE(openFiles(), files);
    }

    void loadingALargeFileCancelled100Times()
    {
        // A generated ML-1M-shaped ratings.dat (~25 MB). Even cycles cancel from the progress
        // callback after 1-5 chunks of 4 MiB (always before the end); odd cycles from another
        // thread after a random 0-60 ms (a fast machine may finish first).
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string file = QFile::encodeName(dir.filePath(QStringLiteral("ratings.dat"))).toStdString();
        writeMovieLensDat(syntheticRatings(SyntheticSize{}), file);
        std::mt19937 random(15);
        const int files = openFiles();
        int cancelled = 0, finished = 0;
        int early = 0;
        for (int cycle = 0; cycle < 100; ++cycle) {
            std::atomic<bool> cancel{false};
            LoadOptions options;
            options.cancel = &cancel;
            const bool fromThread = cycle % 2 == 1;
            const auto delay = std::chrono::microseconds(fromThread ? random() % 60000 : 0);
            const unsigned chunks = 1 + random() % 5;
            unsigned reported = 0;
            if (!fromThread)
                options.progress = [&](std::uint64_t, std::uint64_t) {
                    if (++reported == chunks)
                        cancel = true;
                };
            const std::jthread canceller([&] {
                if (!fromThread)
                    return;
                std::this_thread::sleep_for(delay);
                cancel = true;
            });
            try {
                const LoadResult result = loadDataset(file, options);
                QCOMPARE(result.report.rowsKept, std::uint64_t{1000000});
                ++finished;
            } catch (const Cancelled&) {
                ++cancelled;
                early += !fromThread;
            }
        }
        QCOMPARE(openFiles(), files);
        qDebug("%d loads cancelled, %d finished before the cancel", cancelled, finished);
        QCOMPARE(early, 50);
    }

    void sessionSaveKilledAtRandom()
    {
        // A child saves two sessions over the same file in turn; it is killed (SIGKILL) at a
        // random moment, 40 times. The file must then open as one of the two, complete: never
        // half-written.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("soak.rnrsession"));
        saveSession(sessionOf(saveLoopData(1)), QFile::encodeName(path).toStdString());
        const std::uint64_t fingerprints[2] = {saveLoopData(1).fingerprint(), saveLoopData(2).fingerprint()};
        // Kills spread over about three saves.
        const Session timed = sessionOf(saveLoopData(2));
        const auto start = std::chrono::steady_clock::now();
        saveSession(timed, QFile::encodeName(dir.filePath(QStringLiteral("timed"))).toStdString());
        const auto saveMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        std::mt19937 random(16);
        int seen[2] = {0, 0};
        for (int round = 0; round < 40; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--save-loop"), path});
            QVERIFY(child.waitForStarted(10000));
            QVERIFY(child.waitForReadyRead(60000)); // "saving": the data sets are made
            QTest::qWait(static_cast<int>(random() % static_cast<unsigned>(3 * saveMs.count() + 1)));
            child.kill();
            QVERIFY(child.waitForFinished(10000));
            try {
                const Session back = loadSession(QFile::encodeName(path).toStdString());
                const std::uint64_t got = back.dataset->fingerprint();
                QVERIFY(got == fingerprints[0] || got == fingerprints[1]);
                ++seen[got == fingerprints[1]];
            } catch (const DataError& error) {
                QFAIL(
                    qPrintable(QStringLiteral("round %1: the session does not open: %2").arg(round).arg(error.what())));
            }
        }
        qDebug("after 40 kills: the first session %d times, the second %d times", seen[0], seen[1]);
        QVERIFY(seen[0] > 0 && seen[1] > 0); // the kills landed in saves of both
    }
};

int main(int argc, char** argv)
{
    if (argc == 3 && std::string_view(argv[1]) == "--save-loop")
        saveLoop(QFile::encodeName(QString::fromLocal8Bit(argv[2])).toStdString());
    QCoreApplication app(argc, argv);
    TestSoak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_soak.moc"
