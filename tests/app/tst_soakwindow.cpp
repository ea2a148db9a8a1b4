// Soak tests of the desktop application (label soak; docs/testing.md, "Soak tests"): 100 cycles
// of start training, then close the window (and delete it), and 100 cycles of start loading a
// large generated file, then cancel. After the last cycle the process has the threads and files
// it had after the tenth, and its resident memory has grown by less than 64 MiB since.
#include "../isolatedsettings.h"
#include "data/synthetic.h"
#include "jobs/datasetloader.h"
#include "jobs/enginebridge.h"
#include "panels/experimentpanel.h"
#include "panels/hyperparamform.h"
#include "window/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using namespace rnr;

namespace {

int entries(const char* folder)
{
    return static_cast<int>(
        QDir(QString::fromLatin1(folder)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

/// Resident memory in MiB (/proc/self/statm, second field, in pages).
double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096.0 / (1 << 20) : 0;
}

} // namespace

class TestSoakWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_settings.isValid()); }

    void startTrainingThenClose100Times()
    {
        // Pool threads of the views' background work exit when idle, not 30 s later; the counts
        // are taken after ten cycles (TBB's workers and Qt's first-use threads are then there).
        QThreadPool::globalInstance()->setExpiryTimeout(0);
        int threads = 0, files = 0;
        double afterTen = 0;
        for (int cycle = 0; cycle < 100; ++cycle) {
            auto window = std::make_unique<MainWindow>();
            window->loadDemo();
            qobject_cast<QSpinBox*>(window->experimentPanel()->form()->editor(QStringLiteral("epochs")))
                ->setValue(1000);
            window->setCloseQuestion([] { return true; });
            QSignalSpy progress(&window->bridge(), &EngineBridge::progress);
            window->show();
            QVERIFY(!window->startRun().isEmpty());
            // Close at different moments: before the engine reported anything, or after a few reports.
            if (cycle % 2 == 1)
                QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1 + cycle % 5, 60000);
            QVERIFY(window->close());
            window.reset();
            if (cycle == 9) {
                QTRY_VERIFY_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount() == 0, 10000);
                afterTen = residentMiB();
                threads = entries("/proc/self/task");
                files = entries("/proc/self/fd");
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount() == 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(entries("/proc/self/task") <= threads, 10000);
        QCOMPARE(entries("/proc/self/fd"), files);
        const double grown = residentMiB() - afterTen;
        qDebug("resident memory %.1f MiB after cycle 10, grew %.1f MiB by cycle 100", afterTen, grown);
        QVERIFY(afterTen > 0);
        QVERIFY2(grown < 64, qPrintable(QStringLiteral("%1 MiB").arg(grown)));
    }

    void startLoadingThenCancel100Times()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ratings.dat"));
        writeMovieLensDat(syntheticRatings(SyntheticSize{}), QFile::encodeName(path).toStdString());
        int files = 0;
        DatasetLoader loader;
        QSignalSpy progress(&loader, &DatasetLoader::progress);
        QSignalSpy cancelled(&loader, &DatasetLoader::cancelled);
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        double afterTen = 0;
        for (int cycle = 0; cycle < 100; ++cycle) {
            progress.clear();
            const qsizetype before = cancelled.count() + loaded.count();
            loader.start(path);
            QVERIFY(loader.isLoading());
            if (cycle % 2 == 1)
                QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1, 20000);
            loader.cancel();
            QTRY_COMPARE_WITH_TIMEOUT(cancelled.count() + loaded.count(), before + 1, 20000);
            QVERIFY(!loader.isLoading());
            if (cycle == 9) {
                afterTen = residentMiB();
                files = entries("/proc/self/fd");
            }
        }
        qDebug("%lld cancelled, %lld loaded before the cancel arrived", static_cast<long long>(cancelled.count()),
               static_cast<long long>(loaded.count()));
        QVERIFY(cancelled.count() >= 90);
        QCOMPARE(entries("/proc/self/fd"), files);
        const double grown = residentMiB() - afterTen;
        qDebug("resident memory %.1f MiB after cycle 10, grew %.1f MiB by cycle 100", afterTen, grown);
        QVERIFY(afterTen > 0);
        QVERIFY2(grown < 64, qPrintable(QStringLiteral("%1 MiB").arg(grown)));
    }

private:
    fixtures::IsolatedSettings m_settings;
};

QTEST_MAIN(TestSoakWindow)
#include "tst_soakwindow.moc"
