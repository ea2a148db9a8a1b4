// Sessions in the window: saved and opened off the GUI thread, everything shown comes back, a
// bad file changes nothing, a save that cannot be written loses nothing, restored runs keep their
// ids clear of new ones.
#include "../isolatedsettings.h"
#include "../trainedruns.h"
#include "models/resultsmodel.h"
#include "models/runmodel.h"
#include "panels/experimentpanel.h"
#include "plots/lossplot.h"
#include "runs/runcontroller.h"
#include "views/userinspector.h"
#include "window/mainwindow.h"

#include "persist/session.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace rnr;

class TestSessionWindow : public QObject
{
    Q_OBJECT

    fixtures::IsolatedSettings m_isolated; ///< never the user's own settings

private Q_SLOTS:
    void windowSavesAndReopens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        window.loadDemo();
        auto* panel = window.experimentPanel();
        HyperParams hp = panel->params();
        hp.dim = 8;
        hp.epochs = 2;
        panel->setParams(hp);
        QSignalSpy finished(&window.bridge(), &EngineBridge::runFinished);
        window.compareWithVanilla();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
        const QString path = dir.filePath(QStringLiteral("window.rnrsession"));
        QSignalSpy saved(&window, &MainWindow::sessionFinished);
        QVERIFY(window.saveSession(path));
        QVERIFY(window.sessionFiles().isBusy()); // written off the GUI thread
        QStringList refused;
        window.setErrorReporter([&](const QString&, const QString& message) { refused << message; });
        QVERIFY(!window.saveSession(path + QStringLiteral("2"))); // one at a time, and the user is told
        QCOMPARE(refused.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 60000);
        QCOMPARE(saved.first().at(0).toBool(), true);
        QVERIFY(QFile::exists(path));

        MainWindow other;
        other.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QSignalSpy opened(&other, &MainWindow::sessionFinished);
        QVERIFY(other.openSession(path));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 60000);
        QCOMPARE(opened.first().at(0).toBool(), true);
        QCOMPARE(other.dataset().fingerprint(), window.dataset().fingerprint());
        QCOMPARE(other.experimentPanel()->params().dim, 8u);
        QCOMPARE(other.finishedRuns().size(), 2);
        QCOMPARE(other.runs()->rowCount(), 2);
        QCOMPARE(other.resultsModel()->rowCount(), 2);
        QCOMPARE(other.resultsModel()->data(other.resultsModel()->index(0, ResultsModel::Recall)),
                 window.resultsModel()->data(window.resultsModel()->index(0, ResultsModel::Recall)));
        other.lossPlot()->flush();
        QCOMPARE(other.lossPlot()->runIds().size(), 2);
        QCOMPARE(other.lossPlot()->pointCount(other.lossPlot()->runIds().first()), 2);
        // The per-batch curves come back too, point for point.
        window.lossPlot()->flush();
        const int batches = window.lossPlot()->batchPointCount(window.lossPlot()->runIds().first());
        QVERIFY(batches >= 2); // the first batch of each epoch is always reported
        QCOMPARE(other.lossPlot()->batchPointCount(other.lossPlot()->runIds().first()), batches);
        QCOMPARE(other.userInspector()->runCount(), 2);
        QVERIFY(other.userInspector()->showUser(QStringLiteral("1")));

        // A bad session changes nothing.
        QStringList errors;
        other.setErrorReporter([&](const QString&, const QString& message) { errors << message; });
        const QString junk = dir.filePath(QStringLiteral("junk.rnrsession"));
        {
            QFile file(junk);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("junk");
        }
        QVERIFY(other.openSession(junk));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 60000);
        QCOMPARE(opened.last().at(0).toBool(), false);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("not an RnR Explorer session")), qPrintable(errors.first()));
        QCOMPARE(other.finishedRuns().size(), 2);
        // New runs get ids that do not collide with the restored ones.
        QVERIFY(other.bridge().reserveId() > other.finishedIds().last());

        // Run numbers follow the runs shown, not the engine's ids: the window that trained runs 1
        // and 2 opens the session (two runs, #1 and #2) and names its next run #3.
        QSignalSpy reopened(&window, &MainWindow::sessionFinished);
        QVERIFY(window.openSession(path));
        QTRY_COMPARE_WITH_TIMEOUT(reopened.count(), 1, 60000);
        const QList<quint64> next = window.startRun();
        QCOMPARE(next.size(), 1);
        QVERIFY(next.first() > 4); // the engine's id moved on
        const QString name = window.runs()->run(next.first())->name;
        QVERIFY2(name.endsWith(QStringLiteral(" #3")), qPrintable(name));
        window.runController()->cancelAll();
    }

    void aSaveThatCannotBeWrittenLosesNothing()
    {
        // Saving to a full disk (a 64 KiB tmpfs, when the test may mount one) and under a path
        // that is not a folder: the user is told why, the file that was there stays as it was, the
        // runs stay in the window, and the next save to a good place writes them all.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        window.loadDemo();
        HyperParams hp = window.experimentPanel()->params();
        hp.dim = 4;
        hp.epochs = 1;
        window.experimentPanel()->setParams(hp);
        QSignalSpy finished(&window.bridge(), &EngineBridge::runFinished);
        QVERIFY(!window.startRun().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

        QStringList errors;
        window.setErrorReporter(
            [&](const QString& title, const QString& message) { errors << title + ": " + message; });
        QSignalSpy done(&window, &MainWindow::sessionFinished);
        QStringList failing{dir.filePath(QStringLiteral("notes.txt/window.rnrsession"))};
        QFile(dir.filePath(QStringLiteral("notes.txt"))).open(QIODevice::WriteOnly);
        const QString full = dir.filePath(QStringLiteral("full"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("full")));
        const bool mounted =
            ::geteuid() == 0 && ::mount("tmpfs", QFile::encodeName(full).constData(), "tmpfs", 0, "size=64k") == 0;
        const auto unmount = qScopeGuard([&] {
            if (mounted)
                ::umount2(QFile::encodeName(full).constData(), MNT_DETACH);
        });
        if (mounted) {
            QFile previous(full + QStringLiteral("/window.rnrsession"));
            QVERIFY(previous.open(QIODevice::WriteOnly));
            previous.write("previous");
            previous.close();
            failing << previous.fileName();
        }
        for (const QString& path : failing) {
            const qsizetype before = done.count();
            QVERIFY(window.saveSession(path));
            QTRY_COMPARE_WITH_TIMEOUT(done.count(), before + 1, 60000);
            QCOMPARE(done.last().at(0).toBool(), false);
            QVERIFY2(errors.size() == before + 1 && errors.last().contains(path), qPrintable(errors.join('\n')));
            QCOMPARE(window.finishedRuns().size(), 1);
        }
        if (mounted) {
            {
                QFile previous(full + QStringLiteral("/window.rnrsession"));
                QVERIFY(previous.open(QIODevice::ReadOnly));
                QCOMPARE(previous.readAll(), QByteArray("previous"));
            }
            QVERIFY2(errors.last().contains(QStringLiteral("No space left on device")), qPrintable(errors.last()));
            QCOMPARE(QDir(full).entryList(QDir::Files).size(), 1); // no temporary file left
        }
        const QString good = dir.filePath(QStringLiteral("window.rnrsession"));
        QVERIFY(window.saveSession(good));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), failing.size() + 1, 60000);
        QCOMPARE(done.last().at(0).toBool(), true);
        QCOMPARE(loadSession(QFile::encodeName(good).toStdString()).runs.size(), std::size_t{1});
    }

    void aCollectedPlanFolderOpensAsASession()
    {
        // The folder `rnr compare --plan` made: refused with what to do until it is collected, then
        // opened as the session the collection wrote into it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
            QVERIFY(manifest.open(QIODevice::WriteOnly));
            manifest.write(R"({"format": "rnr-compare-plan", "version": 1, "jobs": []})");
        }
        MainWindow window;
        QStringList errors;
        window.setErrorReporter([&](const QString&, const QString& message) { errors << message; });
        QVERIFY(!window.openDataset(dir.path()));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("rnr compare --collect ") + dir.path()),
                 qPrintable(errors.first()));

        const auto data = fixtures::smallDemo(60, 40);
        Session session;
        session.dataset = data;
        session.spec = parseModelSpec("rnr:bpr+svd");
        session.seeds = 2;
        for (const std::uint64_t seed : {1, 2}) {
            HyperParams hp = fixtures::smallHyperParams(1);
            hp.seed = seed;
            RunResult run = fixtures::trainedRun(*data, "rnr:bpr+svd", hp);
            std::shared_ptr<const Model> model = std::move(run.model);
            session.runs.push_back(SessionRun{"RnR(BPR, SVD) (seed " + std::to_string(seed) + ")",
                                              data,
                                              RunOutcome{std::move(run), std::move(model)},
                                              {}});
        }
        saveSession(session, dir.filePath(QStringLiteral("session.rnrsession")).toStdString());
        QSignalSpy opened(&window, &MainWindow::sessionFinished);
        QVERIFY(window.openDataset(dir.path()));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 60000);
        QCOMPARE(opened.first().at(0).toBool(), true);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(window.finishedRuns().size(), 2);
        QCOMPARE(window.resultsModel()->rowCount(), 1); // one model over two seeds
        QCOMPARE(window.experimentPanel()->seeds(), 2);
    }

    void closingWhileSavingWaitsForTheFile()
    {
        // The window goes while its session is written: the file is complete afterwards.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("closing.rnrsession"));
        {
            MainWindow window;
            window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
            window.loadDemo();
            QVERIFY(window.saveSession(path));
        }
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
    }
};

QTEST_MAIN(TestSessionWindow)
#include "tst_session.moc"
