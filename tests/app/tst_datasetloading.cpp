// Opening data sets in the window: off the GUI thread with cancel, the column-mapping dialog
// for generic CSV, the skipped-rows report, recent files and drag and drop.
#include "../isolatedsettings.h"
#include "dialogs/csvmappingdialog.h"
#include "dialogs/loadoptionsdialog.h"
#include "jobs/datasetloader.h"
#include "models/resultsmodel.h"
#include "panels/experimentpanel.h"
#include "views/datasetview.h"
#include "views/userinspector.h"
#include "window/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLocale>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace rnr;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return file.fileName();
}

} // namespace

class TestDatasetLoading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_settings.isValid()); }

    void loaderCancelsABigFile()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 200000; ++i)
            text += QByteArray::number(i % 5000) + "::" + QByteArray::number(i % 3000) +
                    "::4::" + QByteArray::number(978300760 + i) + '\n';
        QByteArray big;
        for (int copy = 0; copy < 12; ++copy) // ~60 MB: many progress chunks
            big += text;
        const QString path = writeFile(dir, QStringLiteral("ratings.dat"), big);
        DatasetLoader loader;
        QSignalSpy progress(&loader, &DatasetLoader::progress);
        QSignalSpy cancelled(&loader, &DatasetLoader::cancelled);
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        loader.start(path);
        QVERIFY(loader.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1, 20000);
        loader.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QCOMPARE(loaded.count(), 0);
        QVERIFY(!loader.isLoading());
    }

    void preparingSharesASetTheFilterKeepsWhole()
    {
        // Two users with 4 ratings each: the filter keeps everything, so the set trained on is
        // the set as read, shared rather than copied; a third user with 2 ratings makes a copy.
        rnr::Dataset data;
        data.name = "hand-made";
        data.userIds = {"a", "b"};
        data.itemIds = {"1", "2", "3", "4"};
        for (std::uint32_t u = 0; u < 2; ++u)
            for (std::uint32_t i = 0; i < 4; ++i)
                data.interactions.push_back({std::int64_t(10 * u + i), u, i, 4 * u + i + 1, 3.0f});
        const auto whole = rnr::LoadedDataset::prepare(data, rnr::LoadReport{});
        QVERIFY(whole->filtered == whole->dataset);
        data.userIds.push_back("c");
        data.interactions.push_back({50, 2, 0, 9, 4.0f});
        data.interactions.push_back({51, 2, 1, 10, 4.0f});
        const auto filtered = rnr::LoadedDataset::prepare(data, rnr::LoadReport{});
        QVERIFY(filtered->filtered != filtered->dataset);
        QCOMPARE(filtered->filtered->userCount(), std::size_t(2));
        QCOMPARE(filtered->dataset->userCount(), std::size_t(3));
    }

    void aNewLoadSupersedesTheOldOne()
    {
        QTemporaryDir dir;
        const QString a = writeFile(dir, QStringLiteral("a.data"), "1\t1\t4\t1\n");
        const QString b = writeFile(dir, QStringLiteral("u.data"), "1\t1\t4\t1\n2\t1\t3\t2\n");
        DatasetLoader loader;
        QSignalSpy loaded(&loader, &DatasetLoader::loaded);
        loader.start(a);
        loader.start(b);
        QVERIFY(loaded.wait(5000));
        QTest::qWait(50);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loaded.first().first().toString(), b);
    }

    void destroyingTheLoaderMidLoadIsClean()
    {
        QTemporaryDir dir;
        QByteArray text;
        for (int i = 0; i < 300000; ++i)
            text += "1::" + QByteArray::number(i) + "::4::978300760\n";
        const QString path = writeFile(dir, QStringLiteral("ratings.dat"), text);
        auto loader = std::make_unique<DatasetLoader>();
        loader->start(path);
        loader.reset(); // cancels and joins; the queued result is dropped with the object
        QTest::qWait(50);
    }

    void mappingDialogGuessesAndValidates()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("plays.txt"),
                                       "date;listener;song;stars\n2020-01-01;u1;s1;4\n2020-01-02;u2;s1;5\n");
        CsvMappingDialog dialog(path);
        QCOMPARE(dialog.delimiterBox()->currentIndex(), 2); // semicolon
        QVERIFY(dialog.headerBox()->isChecked());
        QCOMPARE(dialog.previewTable()->rowCount(), 2);
        QCOMPARE(dialog.previewTable()->columnCount(), 4);
        QCOMPARE(dialog.previewTable()->item(0, 1)->text(), QStringLiteral("u1"));
        // "listener" and "song" are not usual names: the user must choose them.
        QVERIFY(!dialog.isAcceptable());
        QVERIFY(dialog.problem().isEmpty());
        QCOMPARE(dialog.columnBox(CsvMappingDialog::Rating)->currentData().toInt(), 3);
        QCOMPARE(dialog.columnBox(CsvMappingDialog::Time)->currentData().toInt(), 0);
        dialog.columnBox(CsvMappingDialog::User)->setCurrentIndex(2); // column 1
        QVERIFY(!dialog.isAcceptable());
        dialog.columnBox(CsvMappingDialog::Item)->setCurrentIndex(2); // same column: refused
        QVERIFY(!dialog.isAcceptable());
        dialog.columnBox(CsvMappingDialog::Item)->setCurrentIndex(3);
        QVERIFY(dialog.isAcceptable());
        QVERIFY(dialog.previewTable()->horizontalHeaderItem(1)->text().contains(QStringLiteral("listener")));
        const CsvMapping m = dialog.mapping();
        QCOMPARE(m.delimiter, ';');
        QCOMPARE(m.user, std::string("1"));
        QCOMPARE(m.item, std::string("2"));
        QCOMPARE(m.rating, std::string("3"));
        QCOMPARE(m.timestamp, std::string("0"));
        if (const QByteArray shots = qgetenv("RNR_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("csvmapping.png"))));
        }
        // Unticking the header turns the names into a data row.
        dialog.headerBox()->setChecked(false);
        QCOMPARE(dialog.previewTable()->rowCount(), 3);
    }

    void genericCsvGoesThroughTheMappingAndSkippedRowsAreReported()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("plays.txt"), "listener;song;stars\nu1;s1;4\nu2;s1;x\nu2;s2;5\nu1;s2;3\n");
        MainWindow window;
        QStringList asked, reports;
        window.setMappingChooser([&](const QString& file) -> std::optional<CsvMapping> {
            asked << file;
            CsvMapping m;
            m.user = "0";
            m.item = "1";
            m.rating = "2";
            m.timestamp = "-";
            return m;
        });
        window.setReportViewer([&](const QString&, const QString&, const QString& text) { reports << text; });
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QSignalSpy done(&window, &MainWindow::loadFinished);
        QVERIFY(window.openDataset(path));
        QVERIFY(done.wait(10000));
        QCOMPARE(asked, QStringList{path});
        QCOMPARE(window.dataset().interactions.size(), 3u);
        QCOMPARE(reports.size(), 1);
        QVERIFY2(reports.first().contains(QStringLiteral("(line 3)")), qPrintable(reports.first()));
        QCOMPARE(window.recentDatasets().first(), QFileInfo(path).absoluteFilePath());
    }

    void repeatedRatingsAreMergedNotSkipped()
    {
        // Issue 10, defect 13: the dialog said the rows were "skipped" though the latest rating
        // of a repeated (user, item) is kept.
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("u.data"), "1\t10\t3\t100\n1\t10\t5\t200\n2\t10\t4\t150\n");
        MainWindow window;
        QStringList titles, summaries;
        window.setReportViewer([&](const QString& title, const QString& summary, const QString&) {
            titles << title;
            summaries << summary;
        });
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QSignalSpy done(&window, &MainWindow::loadFinished);
        QVERIFY(window.openDataset(path));
        QVERIFY(done.wait(10000));
        QCOMPARE(window.dataset().interactions.size(), 2u);
        QCOMPARE(titles.size(), 1);
        QVERIFY2(titles.first().contains(QStringLiteral("merged")), qPrintable(titles.first()));
        QVERIFY2(!summaries.first().contains(QStringLiteral("skipped")), qPrintable(summaries.first()));
        QVERIFY(summaries.first().contains(QStringLiteral("latest")));
    }

    void loadOptionsStopOrSkipAndOverrideTheScale()
    {
        // Issue 10: the CLI's --on-problem and --scale in the GUI (File > Load Options).
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("u.data"), "1\t10\t3\t100\n1\t11\t7\t200\n2\t10\t4\t150\n");
        LoadChoices stop;
        stop.policy[std::size_t(Problem::OutOfScale)] = Policy::Stop;
        stop.save();
        {
            MainWindow window;
            QStringList errors;
            window.setErrorReporter([&](const QString&, const QString& message) { errors << message; });
            QSignalSpy done(&window, &MainWindow::loadFinished);
            QVERIFY(window.openDataset(path));
            QVERIFY(done.wait(10000));
            QCOMPARE(done.last()[0].toBool(), false);
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors.first().contains(QStringLiteral("u.data:2")), qPrintable(errors.first()));
        }
        LoadChoices wide;
        wide.scale = RatingScale{1.0f, 10.0f, 1.0f};
        wide.save();
        QCOMPARE(LoadChoices::load().scale.has_value(), true);
        QCOMPARE(LoadChoices::load().policy[std::size_t(Problem::OutOfScale)], Policy::Skip);
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QSignalSpy done(&window, &MainWindow::loadFinished);
        QVERIFY(window.openDataset(path));
        QVERIFY(done.wait(10000));
        QCOMPARE(window.dataset().interactions.size(), 3u); // the 7 is on the 1-10 scale
        QCOMPARE(window.dataset().scale.max, 10.0f);
        LoadChoices{}.save();
        // The dialog shows and returns the choices.
        LoadOptionsDialog dialog(wide);
        QVERIFY(dialog.scaleBox()->isChecked());
        QCOMPARE(dialog.maxBox()->value(), 10.0);
        dialog.policyBox(Problem::Malformed)->setCurrentIndex(1);
        dialog.scaleBox()->setChecked(false);
        const LoadChoices chosen = dialog.choices();
        QVERIFY(!chosen.scale);
        QCOMPARE(chosen.policy[std::size_t(Problem::Malformed)], Policy::Stop);
    }

    void cancellingTheMappingLoadsNothing()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("plays.txt"), "a;b\nu1;s1\n");
        MainWindow window;
        window.loadDemo();
        window.setMappingChooser([](const QString&) { return std::optional<CsvMapping>(); });
        QVERIFY(!window.openDataset(path));
        QVERIFY(!window.loader().isLoading());
        QCOMPARE(window.dataset().source, std::string("builtin:demo"));
    }

    void recentFilesAreNewestFirstAndUnique()
    {
        QSettings().remove(QStringLiteral("recentDatasets"));
        QTemporaryDir dir;
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QSignalSpy done(&window, &MainWindow::loadFinished);
        QStringList paths;
        for (int i = 0; i < 10; ++i) {
            QTemporaryDir* sub = new QTemporaryDir;
            sub->setAutoRemove(true);
            paths << writeFile(*sub, QStringLiteral("u.data"), "1\t1\t4\t1\n");
            QVERIFY(window.openDataset(paths.last()));
            QVERIFY(done.wait(10000));
            m_keep.emplace_back(sub);
        }
        QVERIFY(window.openDataset(paths[5]));
        QVERIFY(done.wait(10000));
        const QStringList recent = window.recentDatasets();
        QCOMPARE(recent.size(), 8);
        QCOMPARE(recent[0], QFileInfo(paths[5]).absoluteFilePath());
        QCOMPARE(recent[1], QFileInfo(paths[9]).absoluteFilePath());
        QCOMPARE(recent.count(QFileInfo(paths[5]).absoluteFilePath()), 1);
        QVERIFY(!recent.contains(QFileInfo(paths[0]).absoluteFilePath()));
    }

    void droppingAFileOpensIt()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("u.data"), "1\t1\t4\t1\n2\t1\t3\t2\n");
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QSignalSpy done(&window, &MainWindow::loadFinished);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(done.wait(10000));
        QCOMPARE(window.dataset().interactions.size(), 2u);
    }

    void movieLens100KTrainsRnRAndVanilla()
    {
        const QString folder = QStringLiteral(RNR_SHARED_DATASETS "/ml-100k");
        if (!QFileInfo::exists(folder + QStringLiteral("/u.data")))
            QSKIP("../shared/datasets/ml-100k is not here (its licence forbids committing it)");
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QSignalSpy done(&window, &MainWindow::loadFinished);
        QVERIFY(window.openDataset(folder));
        QVERIFY(done.wait(60000));
        QCOMPARE(window.dataset().userCount(), 943u);
        QCOMPARE(window.dataset().itemCount(), 1682u);
        QCOMPARE(window.datasetView()->valueText(QStringLiteral("ratings")), QLocale().toString(100000));
        HyperParams hp = window.experimentPanel()->params();
        hp.dim = 8;
        hp.epochs = 1;
        window.experimentPanel()->setParams(hp);
        QSignalSpy finished(&window.bridge(), &EngineBridge::runFinished);
        QCOMPARE(window.compareWithVanilla().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 300000);
        QCOMPARE(window.resultsModel()->rowCount(), 2);
        QVERIFY(window.finishedRuns()[0].result.test.users > 400);
        QVERIFY(window.userInspector()->showUser(QStringLiteral("196")));
        QVERIFY(window.userInspector()->historyTable()->rowCount() > 0);
    }

private:
    fixtures::IsolatedSettings m_settings;
    std::vector<std::unique_ptr<QTemporaryDir>> m_keep;
};

QTEST_MAIN(TestDatasetLoading)
#include "tst_datasetloading.moc"
