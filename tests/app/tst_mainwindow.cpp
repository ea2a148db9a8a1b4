// The main window starts on the demo data and survives a failed load with nothing lost.
#include "datasetview.h"
#include "mainwindow.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rnr;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoThenFailedLoadKeepsTheData()
    {
        MainWindow window;
        QStringList errors;
        window.setErrorReporter([&](const QString&, const QString& message) { errors << message; });
        window.loadDemo();
        QCOMPARE(window.dataset().source, std::string("builtin:demo"));
        const auto before = window.dataset().fingerprint();

        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("ratings.dat")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("1::2::x::3\n");
        bad.close();
        QVERIFY(!window.openDataset(bad.fileName()));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("line 1: the rating 'x' is not a number")) ||
                     errors.first().contains(QStringLiteral("none of the 1 rows")),
                 qPrintable(errors.first()));
        QCOMPARE(window.dataset().fingerprint(), before);
        QCOMPARE(window.datasetView()->valueText(QStringLiteral("users")), QLocale().toString(2000));
    }

    void opensAFile()
    {
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString& message) { QFAIL(qPrintable(message)); });
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("u.data")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("1\t10\t4\t100\n1\t11\t5\t101\n2\t10\t3\t102\n");
        file.close();
        QVERIFY(window.openDataset(file.fileName()));
        QCOMPARE(window.dataset().interactions.size(), 3u);
        QCOMPARE(window.datasetView()->valueText(QStringLiteral("users")), QStringLiteral("2"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
