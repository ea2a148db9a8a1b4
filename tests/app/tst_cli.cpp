// The `rnr` command line, run in-process: help, version, exit codes, `rnr stats`.
#include "cli.h"

#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        int code;
        QString out, err;
    };

    static Outcome run(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("rnr"));
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = rnr::cli::run(arguments, outStream, errStream);
        outStream.flush();
        errStream.flush();
        return {code, out, err};
    }

    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(bytes);
        return path;
    }

private Q_SLOTS:
    void helpAndVersion()
    {
        const Outcome help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("stats")));
        const Outcome version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("rnr " RNR_VERSION));
        const Outcome statsHelp = run({QStringLiteral("stats"), QStringLiteral("--help")});
        QCOMPARE(statsHelp.code, 0);
        QVERIFY(statsHelp.out.contains(QStringLiteral("--dataset")));
        QVERIFY(statsHelp.out.contains(QStringLiteral("--on-problem")));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("stats"), QStringLiteral("--colour")}
                                        << QStringLiteral("colour");
        QTest::newRow("bad format") << QStringList{QStringLiteral("stats"), QStringLiteral("--format=xml")}
                                    << QStringLiteral("unknown format");
        QTest::newRow("bad policy") << QStringList{QStringLiteral("stats"), QStringLiteral("--on-problem=dup=stop")}
                                    << QStringLiteral("unknown kind");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("stats"), QStringLiteral("--seed=abc")}
                                  << QStringLiteral("whole number");
        QTest::newRow("bad builtin") << QStringList{QStringLiteral("stats"), QStringLiteral("--dataset=builtin:x")}
                                     << QStringLiteral("builtin:demo");
    }
    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Outcome outcome = run(arguments);
        QCOMPARE(outcome.code, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    }

    void statsOnTheDemo()
    {
        const Outcome outcome = run({QStringLiteral("stats"), QStringLiteral("--split-users=100")});
        QCOMPARE(outcome.code, 0);
        QVERIFY(outcome.out.contains(QStringLiteral("Users: 2000, items: 1500")));
        QVERIFY(outcome.out.contains(QStringLiteral("50 validation, 50 test")));
    }

    void statsOnAFileWithProblems()
    {
        const QString path = write(QStringLiteral("ratings.csv"), "user,item,rating\n"
                                                                  "a,x,4\n"
                                                                  "a,y,five\n"
                                                                  "b,x,3\n"
                                                                  "b,y,2\n");
        const Outcome skip =
            run({QStringLiteral("stats"), QStringLiteral("--dataset"), path, QStringLiteral("--format=csv")});
        QCOMPARE(skip.code, 0);
        QVERIFY2(skip.out.contains(QStringLiteral("rows read: 4, kept: 3, skipped: 1")), qPrintable(skip.out));
        QVERIFY(skip.out.contains(QStringLiteral("(lines 3)")));

        const Outcome stop = run({QStringLiteral("stats"), QStringLiteral("--dataset"), path,
                                  QStringLiteral("--format=csv"), QStringLiteral("--on-problem=not-numeric=stop")});
        QCOMPARE(stop.code, 1);
        QVERIFY2(stop.err.contains(path + QStringLiteral(":3: the rating 'five' is not a number")),
                 qPrintable(stop.err));
    }

    void statsOnMissingOrBinaryFilesFails()
    {
        const Outcome missing = run({QStringLiteral("stats"), QStringLiteral("--dataset=/nonexistent/ratings.dat")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QStringLiteral("/nonexistent/ratings.dat: no such file or folder")));
        const QString binary = write(QStringLiteral("image.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        const Outcome bin = run({QStringLiteral("stats"), QStringLiteral("--dataset"), binary});
        QCOMPARE(bin.code, 1);
        QVERIFY2(bin.err.contains(QStringLiteral("binary")), qPrintable(bin.err));
    }

    void statsOnMovieLens100K()
    {
        const QString folder = QStringLiteral(RNR_SHARED_DATASETS "/ml-100k");
        if (!QFileInfo::exists(folder + QStringLiteral("/u.data")))
            QSKIP("MovieLens 100K not found in ../shared/datasets/ml-100k");
        const Outcome outcome = run({QStringLiteral("stats"), QStringLiteral("--dataset"), folder});
        QCOMPARE(outcome.code, 0);
        QVERIFY2(outcome.out.contains(QStringLiteral("Users: 943, items: 1682, ratings: 100000")),
                 qPrintable(outcome.out));
        QVERIFY(outcome.out.contains(QStringLiteral("genres: 19")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
