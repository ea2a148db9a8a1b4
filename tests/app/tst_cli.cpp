// The `rnr` command line, run in-process: help, version, exit codes, `rnr stats`, `rnr train --save` and
// `rnr recommend`.
#include "clirunner.h"

#include "data/demo.h"
#include "persist/checkpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>

class TestCli : public QObject
{
    Q_OBJECT

    using Outcome = CliOutcome;

    static Outcome run(const QStringList& arguments) { return runCli(arguments); }

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

    QString m_checkpoint;

    /// A small model trained once on the demo data with `train --save`.
    QString checkpoint()
    {
        if (m_checkpoint.isEmpty()) {
            const QString path = m_dir.filePath(QStringLiteral("demo.ckpt"));
            const Outcome outcome =
                run({QStringLiteral("train"), QStringLiteral("--model=rnr:bpr+svd"), QStringLiteral("--epochs=1"),
                     QStringLiteral("--dim=8"), QStringLiteral("--batch=1024"), QStringLiteral("--split-users=100"),
                     QStringLiteral("--quiet"), QStringLiteral("--save"), path});
            if (outcome.code != 0 || !outcome.out.contains(QStringLiteral("saved ") + path))
                qFatal("train --save failed: %s%s", qPrintable(outcome.out), qPrintable(outcome.err));
            m_checkpoint = path;
        }
        return m_checkpoint;
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
        QVERIFY2(statsHelp.out.startsWith(QStringLiteral("Usage: rnr stats [options]")), qPrintable(statsHelp.out));
        const Outcome paramsHelp = run({QStringLiteral("params"), QStringLiteral("--help")});
        QCOMPARE(paramsHelp.code, 0);
        QVERIFY2(paramsHelp.out.startsWith(QStringLiteral("Usage: rnr params [options]")), qPrintable(paramsHelp.out));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command");
        QTest::newRow("params option") << QStringList{QStringLiteral("params"), QStringLiteral("--bogus")}
                                       << QStringLiteral("bogus");
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
        // The like mapping, with its share counted here from the generated ratings (demo: 1-5, so 4 and 5).
        const rnr::Dataset demo = rnr::generateDemo(rnr::DemoConfig{});
        const auto likes = std::count_if(demo.interactions.begin(), demo.interactions.end(),
                                         [](const rnr::Interaction& i) { return i.rating >= 4.0f; });
        const QString share = QString::number(100.0 * double(likes) / double(demo.interactions.size()), 'f', 1);
        QVERIFY2(outcome.out.contains(QStringLiteral("a rating of 4 or more is a like (%1% of the ratings").arg(share)),
                 qPrintable(outcome.out));
        QVERIFY(outcome.out.contains(QStringLiteral("unrated items are taken as not chosen")));
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
        QVERIFY(skip.out.contains(QStringLiteral("(line 3)")));

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

    void trainSavesACheckpointForRecommend()
    {
        const QString model = checkpoint();
        const QString json = m_dir.filePath(QStringLiteral("top.json"));
        const Outcome outcome =
            run({QStringLiteral("recommend"), QStringLiteral("--model"), model, QStringLiteral("--user"),
                 QStringLiteral("7"), QStringLiteral("-k"), QStringLiteral("5"), QStringLiteral("--json"), json});
        QVERIFY2(outcome.code == 0, qPrintable(outcome.err));
        QVERIFY2(outcome.out.contains(QStringLiteral("RnR(BPR, SVD) trained on Demo (seed 42); user 7 has")),
                 qPrintable(outcome.out));
        const QStringList lines = outcome.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 1 + 1 + 5 + 1, qPrintable(outcome.out)); // heading, header, 5 items, "wrote"
        QVERIFY(lines[1].contains(QStringLiteral("rating")));
        QVERIFY(lines[2].trimmed().startsWith(QStringLiteral("1 ")));
        QVERIFY(lines[6].trimmed().startsWith(QStringLiteral("5 ")));

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("rnr:bpr+svd"));
        QCOMPARE(object.value(QStringLiteral("user")).toString(), QStringLiteral("7"));
        const QJsonArray items = object.value(QStringLiteral("recommendations")).toArray();
        QCOMPARE(items.size(), 5);

        // The list is the model's: ranked by score, no training item, ratings clipped to the scale.
        const rnr::Checkpoint saved = rnr::loadCheckpoint(model.toStdString());
        const auto user = static_cast<std::uint32_t>(std::find(saved.userIds.begin(), saved.userIds.end(), "7") -
                                                     saved.userIds.begin());
        QVERIFY(user < saved.userIds.size());
        double previous = std::numeric_limits<double>::infinity();
        for (qsizetype r = 0; r < items.size(); ++r) {
            const QJsonObject entry = items[r].toObject();
            QCOMPARE(entry.value(QStringLiteral("rank")).toInt(), int(r + 1));
            const std::string id = entry.value(QStringLiteral("item")).toString().toStdString();
            const auto item = static_cast<std::uint32_t>(std::find(saved.itemIds.begin(), saved.itemIds.end(), id) -
                                                         saved.itemIds.begin());
            QVERIFY(item < saved.itemIds.size());
            QVERIFY(!saved.model->history().contains(user, item));
            QCOMPARE(entry.value(QStringLiteral("title")).toString().toStdString(), saved.itemTitles[item]);
            const double score = entry.value(QStringLiteral("score")).toDouble();
            QVERIFY(score <= previous);
            previous = score;
            const double rating = entry.value(QStringLiteral("rating")).toDouble(-1);
            QVERIFY(rating >= 1.0 && rating <= 5.0);
        }
    }

    void recommendShowsACascadesChoiceAndLike()
    {
        const QString path = m_dir.filePath(QStringLiteral("esmm.ckpt"));
        const Outcome trained =
            run({QStringLiteral("train"), QStringLiteral("--model=esmm:wrmf"), QStringLiteral("--epochs=1"),
                 QStringLiteral("--dim=8"), QStringLiteral("--split-users=100"), QStringLiteral("--quiet"),
                 QStringLiteral("--save"), path});
        QVERIFY2(trained.code == 0, qPrintable(trained.err));
        QVERIFY2(trained.out.contains(QStringLiteral(", like log loss ")), qPrintable(trained.out));
        const QString json = m_dir.filePath(QStringLiteral("esmm.json"));
        const Outcome outcome =
            run({QStringLiteral("recommend"), QStringLiteral("--model"), path, QStringLiteral("--user"),
                 QStringLiteral("7"), QStringLiteral("-k"), QStringLiteral("4"), QStringLiteral("--json"), json});
        QVERIFY2(outcome.code == 0, qPrintable(outcome.err));
        const QStringList lines = outcome.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines[1].contains(QStringLiteral("p(choose)")) && lines[1].contains(QStringLiteral("p(like)")) &&
                     !lines[1].contains(QStringLiteral("rating")),
                 qPrintable(outcome.out));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray items =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("recommendations")).toArray();
        QCOMPARE(items.size(), 4);
        for (const auto& item : items) {
            const QJsonObject entry = item.toObject();
            const double choose = entry.value(QStringLiteral("p_choose")).toDouble(-1);
            const double like = entry.value(QStringLiteral("p_like")).toDouble(-1);
            const double score = entry.value(QStringLiteral("score")).toDouble();
            QVERIFY(std::abs(choose - 1.0 / (1.0 + std::exp(-score))) < 1e-5); // sigma of the choice logit
            QVERIFY(like > 0 && like <= choose);
            QVERIFY(entry.value(QStringLiteral("rating")).isNull());
        }
    }

    void recommendUnknownUserFails()
    {
        const Outcome outcome = run({QStringLiteral("recommend"), QStringLiteral("--model"), checkpoint(),
                                     QStringLiteral("--user"), QStringLiteral("nobody")});
        QCOMPARE(outcome.code, 1);
        QVERIFY2(outcome.err.contains(QStringLiteral("no user 'nobody'")), qPrintable(outcome.err));
        QVERIFY(outcome.out.isEmpty());
    }

    void recommendUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no model") << QStringList{QStringLiteral("--user"), QStringLiteral("7")}
                                  << QStringLiteral("--model");
        QTest::newRow("no user") << QStringList{QStringLiteral("--model"), QStringLiteral("x.ckpt")}
                                 << QStringLiteral("--user");
        QTest::newRow("k zero") << QStringList{QStringLiteral("--model"), QStringLiteral("x.ckpt"),
                                               QStringLiteral("--user"),  QStringLiteral("7"),
                                               QStringLiteral("-k"),      QStringLiteral("0")}
                                << QStringLiteral("at least 1");
        QTest::newRow("k text") << QStringList{QStringLiteral("--model"), QStringLiteral("x.ckpt"),
                                               QStringLiteral("--user"),  QStringLiteral("7"),
                                               QStringLiteral("-k"),      QStringLiteral("ten")}
                                << QStringLiteral("whole number");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")} << QStringLiteral("colour");
    }
    void recommendUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments.prepend(QStringLiteral("recommend"));
        const Outcome outcome = run(arguments);
        QCOMPARE(outcome.code, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    }

    void recommendAllWritesEveryUsersTopK()
    {
        const QString csv = m_dir.filePath(QStringLiteral("all.csv"));
        const Outcome outcome = run({QStringLiteral("recommend"), QStringLiteral("--model"), checkpoint(),
                                     QStringLiteral("--all"), QStringLiteral("-k"), QStringLiteral("3"),
                                     QStringLiteral("--csv"), csv, QStringLiteral("--threads"), QStringLiteral("2")});
        QCOMPARE(outcome.code, 0);
        QVERIFY2(outcome.out.contains(QStringLiteral("wrote the top 3")), qPrintable(outcome.out));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("user,rank,item,title,score,predicted_rating"));
        // Every user of the demo model: 3 rows each (and the final empty piece after the last \n).
        const rnr::Checkpoint loaded = rnr::loadCheckpoint(QFile::encodeName(checkpoint()).toStdString());
        QCOMPARE(lines.size(), 1 + 3 * qsizetype(loaded.userIds.size()) + 1);
        QVERIFY(lines[1].startsWith(QByteArray::fromStdString(loaded.userIds[0]) + ",1,"));
        // Usage: --all without --csv, or with --user.
        QCOMPARE(
            run({QStringLiteral("recommend"), QStringLiteral("--model"), checkpoint(), QStringLiteral("--all")}).code,
            2);
        QCOMPARE(run({QStringLiteral("recommend"), QStringLiteral("--model"), checkpoint(), QStringLiteral("--all"),
                      QStringLiteral("--csv"), csv, QStringLiteral("--user"), QStringLiteral("1")})
                     .code,
                 2);
    }

    void exportWritesProjectorFiles_data()
    {
        QTest::addColumn<QString>("projection");
        QTest::newRow("none") << QString();
        QTest::newRow("pca") << QStringLiteral("pca");
        QTest::newRow("tsne") << QStringLiteral("tsne");
        QTest::newRow("umap") << QStringLiteral("umap");
    }
    void exportWritesProjectorFiles()
    {
        QFETCH(QString, projection);
        const QString dir =
            m_dir.filePath(QStringLiteral("export-") + (projection.isEmpty() ? QStringLiteral("none") : projection));
        QStringList arguments{QStringLiteral("export"), QStringLiteral("--model"), checkpoint(),
                              QStringLiteral("--embeddings"), dir};
        if (!projection.isEmpty())
            arguments << QStringLiteral("--projection") << projection;
        const Outcome outcome = run(arguments);
        QCOMPARE(outcome.code, 0);
        const rnr::Checkpoint loaded = rnr::loadCheckpoint(QFile::encodeName(checkpoint()).toStdString());
        for (const QString& space :
             {QStringLiteral("items"), QStringLiteral("rating-items"), QStringLiteral("users")}) {
            const QDir folder(QDir(dir).filePath(space));
            QVERIFY2(folder.exists(QStringLiteral("vectors.tsv")), qPrintable(folder.path()));
            QVERIFY(folder.exists(QStringLiteral("vectors.npy")));
            QFile vectors(folder.filePath(QStringLiteral("vectors.tsv")));
            QVERIFY(vectors.open(QIODevice::ReadOnly));
            const qsizetype rows = vectors.readAll().count('\n');
            QFile metadata(folder.filePath(QStringLiteral("metadata.tsv")));
            QVERIFY(metadata.open(QIODevice::ReadOnly));
            const QList<QByteArray> labels = metadata.readAll().split('\n');
            // Items: a header (item, title) and a line per row; users: one column, no header.
            const bool items = space != QLatin1String("users");
            QCOMPARE(labels.size() - 1, rows + (items ? 1 : 0));
            QCOMPARE(rows, qsizetype(items ? loaded.itemIds.size() : loaded.userIds.size()));
            if (items)
                QCOMPARE(labels.first(), QByteArray("item\ttitle"));
            if (!projection.isEmpty()) {
                QFile points(folder.filePath(projection + QStringLiteral(".tsv")));
                QVERIFY(points.open(QIODevice::ReadOnly));
                const QList<QByteArray> lines = points.readAll().split('\n');
                QCOMPARE(lines.size() - 1, rows);
                QCOMPARE(lines.first().split('\t').size(), 2);
                QVERIFY(folder.exists(projection + QStringLiteral(".npy")));
            }
        }
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--model"), checkpoint(), QStringLiteral("--embeddings"),
                      dir, QStringLiteral("--projection"), QStringLiteral("mds")})
                     .code,
                 2);
    }

    void recommendDamagedOrForeignCheckpointFails()
    {
        QFile original(checkpoint());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray bytes = original.readAll();
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
        const QString damaged = write(QStringLiteral("damaged.ckpt"), bytes);
        const Outcome outcome = run({QStringLiteral("recommend"), QStringLiteral("--model"), damaged,
                                     QStringLiteral("--user"), QStringLiteral("7")});
        QCOMPARE(outcome.code, 1);
        QVERIFY2(outcome.err.contains(damaged + QStringLiteral(": the checksum does not match: the file is damaged")),
                 qPrintable(outcome.err));

        const QString truncated = write(QStringLiteral("truncated.ckpt"), bytes.left(bytes.size() - 100));
        const Outcome cut = run({QStringLiteral("recommend"), QStringLiteral("--model"), truncated,
                                 QStringLiteral("--user"), QStringLiteral("7")});
        QCOMPARE(cut.code, 1);
        QVERIFY2(cut.err.contains(QStringLiteral("the file is truncated")), qPrintable(cut.err));

        const QString text = write(QStringLiteral("ratings.csv"), "user,item,rating\na,x,4\n");
        const Outcome foreign = run({QStringLiteral("recommend"), QStringLiteral("--model"), text,
                                     QStringLiteral("--user"), QStringLiteral("7")});
        QCOMPARE(foreign.code, 1);
        QVERIFY2(foreign.err.contains(QStringLiteral("not an RnR Explorer checkpoint")), qPrintable(foreign.err));
    }

    void compareWritesTableJsonAndCsv()
    {
        const QString json = m_dir.filePath(QStringLiteral("runs.json"));
        const QString csv = m_dir.filePath(QStringLiteral("runs.csv"));
        const Outcome outcome =
            run({QStringLiteral("compare"),
                 QStringLiteral("--models=bpr,vanilla:bpr+svd,rnr:bpr+svd,mmoe:bpr+svd@gradnorm,pairwise:bpr"),
                 QStringLiteral("--seeds=2"), QStringLiteral("--epochs=2"), QStringLiteral("--dim=8"),
                 QStringLiteral("--alphas=0.9,1"), QStringLiteral("--lambdas=0.01"),
                 QStringLiteral("--split-users=300"), QStringLiteral("--json"), json, QStringLiteral("--csv"), csv});
        QCOMPARE(outcome.code, 0);
        // A row whose grid chose α = 1 in some runs says so (docs/method.md, "Grid").
        const QString offNote = QStringLiteral("( \\(α = 1: same as BPR( in [12] of 2 runs)?\\))? \\| ");
        QVERIFY2(outcome.out.contains(QRegularExpression(QStringLiteral("\\| RnR\\(BPR, SVD\\)") + offNote)),
                 qPrintable(outcome.out));
        QVERIFY(outcome.out.contains(QRegularExpression(QStringLiteral("\\| Vanilla\\(BPR, SVD\\)") + offNote)));
        QVERIFY(outcome.out.contains(QStringLiteral("RnR(BPR, SVD) vs Vanilla(BPR, SVD): recall@10")));
        QVERIFY(outcome.out.contains(QStringLiteral("Vanilla(BPR, SVD) vs BPR")));
        QVERIFY2(outcome.out.contains(QStringLiteral("| MMoE(BPR, SVD) [gradnorm] | ")), qPrintable(outcome.out));
        // With a cascade among the models, the like head's log loss ("–" for the others).
        QVERIFY(
            outcome.out.contains(QStringLiteral("| MAE | Like@10 | Like AUC | Like log loss | MTL gain Recall@10 |")));
        QVERIFY(outcome.out.contains(
            QRegularExpression(QStringLiteral("\\| Pairwise\\(BPR\\) \\|( [^|]+ \\|){7} [0-9.]+ ± [0-9.]+ \\|"))));
        QVERIFY(outcome.out.contains(QRegularExpression(QStringLiteral("\\| BPR \\|( [^|]+ \\|){7} \u2013 \\|"))));

        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonArray runs = QJsonDocument::fromJson(jsonFile.readAll()).array();
        QVERIFY2(outcome.out.contains(QStringLiteral("| Pairwise(BPR) | ")), qPrintable(outcome.out));
        // Without ESMM or a parallel model on BPR in the table, a cascade is tested against BPR alone, on the
        // like ranking too.
        QVERIFY2(outcome.out.contains(
                     QRegularExpression(QStringLiteral("Pairwise\\(BPR\\) vs BPR: recall@10 .*, like@10 "))),
                 qPrintable(outcome.out));
        QCOMPARE(runs.size(), 10); // 5 models x 2 seeds
        for (const auto& value : runs) {
            const QJsonObject runObject = value.toObject();
            const bool off = runObject.value(QStringLiteral("config")).toObject().value(QStringLiteral("alpha")) ==
                                 QStringLiteral("1") &&
                             (runObject.value(QStringLiteral("model")) == QStringLiteral("rnr:bpr+svd") ||
                              runObject.value(QStringLiteral("model")) == QStringLiteral("vanilla:bpr+svd"));
            QCOMPARE(runObject.value(QStringLiteral("rating_task_off")).toString(),
                     off ? QStringLiteral("α = 1: same as BPR") : QString());
            QCOMPARE(runObject.value(QStringLiteral("split")).toObject().value(QStringLiteral("ties")).toString(),
                     QStringLiteral("item-id"));
            for (const char* key : {"model", "seed", "config", "validation", "test", "epochs", "grid_point"})
                QVERIFY2(runObject.contains(QLatin1String(key)), key);
            for (const char* key : {"recall@10", "mrr@10", "ndcg@10", "rmse", "mae", "like@10", "like_mrr@10",
                                    "like_ndcg@10", "like_auc"})
                QVERIFY2(runObject.value(QStringLiteral("test")).toObject().contains(QLatin1String(key)), key);
            // A model without a like head ranks likes by its choice ranking, over the liked users only.
            const QJsonObject test = runObject.value(QStringLiteral("test")).toObject();
            QVERIFY(test.value(QStringLiteral("like_users")).toDouble() > 0);
            QVERIFY(test.value(QStringLiteral("like_users")).toDouble() <
                    test.value(QStringLiteral("users")).toDouble());
            QVERIFY(test.value(QStringLiteral("like_auc")).toDouble() > 0);
            // Only a like head has a log loss.
            const bool cascade = runObject.value(QStringLiteral("model")).toString() == QStringLiteral("pairwise:bpr");
            QCOMPARE(test.value(QStringLiteral("like_log_loss")).isDouble(), cascade);
            if (cascade)
                QVERIFY(test.value(QStringLiteral("like_log_loss")).toDouble() > 0);
            const QJsonArray epochs = runObject.value(QStringLiteral("epochs")).toArray();
            QCOMPARE(epochs.size(), 2);
            QVERIFY(epochs.first().toObject().contains(QStringLiteral("seconds")));
            QVERIFY(epochs.first().toObject().contains(QStringLiteral("ranking_loss")));
            const QString model = runObject.value(QStringLiteral("model")).toString();
            // Multi-task epochs say how the tasks' gradients related (the names scripts rely on).
            const QJsonObject interplay = epochs.first().toObject().value(QStringLiteral("interplay")).toObject();
            QCOMPARE(interplay.isEmpty(), model == QStringLiteral("bpr"));
            if (!interplay.isEmpty()) {
                for (const char* key :
                     {"cosine_users", "cosine_items", "conflict_share", "norm_ranking", "norm_rating"})
                    QVERIFY2(interplay.value(QLatin1String(key)).isDouble(), key);
                const QJsonObject weights = interplay.value(QStringLiteral("task_weights")).toObject();
                QVERIFY(weights.value(QStringLiteral("ranking")).isDouble());
                QVERIFY(weights.value(QStringLiteral("rating")).isDouble());
                // Expert mixtures: each task's mean gate per expert, for users and items.
                const QJsonObject gates = interplay.value(QStringLiteral("gates")).toObject();
                QCOMPARE(gates.isEmpty(), !model.startsWith(QStringLiteral("mmoe")));
                if (!gates.isEmpty())
                    for (const char* task : {"ranking", "rating"})
                        for (const char* side : {"users", "items"})
                            QCOMPARE(
                                gates.value(QLatin1String(task)).toObject().value(QLatin1String(side)).toArray().size(),
                                3);
                // PLE's MTL gain over BPR alone on the same seed, with the paired test.
                const QJsonObject gain = runObject.value(QStringLiteral("mtl_gain")).toObject();
                for (const char* metric : {"recall@10", "mrr@10", "ndcg@10"}) {
                    const QJsonObject m = gain.value(QLatin1String(metric)).toObject();
                    QVERIFY2(m.value(QStringLiteral("gain")).isDouble() &&
                                 m.value(QStringLiteral("p_value")).isDouble(),
                             metric);
                }
            } else
                QVERIFY(!runObject.contains(QStringLiteral("mtl_gain")));
            // Single-task models have no alpha grid: one point; multi-task ones two (alpha); GradNorm has no alpha
            // axis but its asymmetry's two default values.
            QCOMPARE(runObject.value(QStringLiteral("grid")).toArray().size(), model == QStringLiteral("bpr") ? 1 : 2);
            const bool gradnorm = model.startsWith(QStringLiteral("mmoe"));
            QCOMPARE(runObject.value(QStringLiteral("balance")).toString(), model == QStringLiteral("bpr") ? QString()
                                                                            : gradnorm ? QStringLiteral("gradnorm")
                                                                                       : QStringLiteral("fixed"));
            QCOMPARE(
                runObject.value(QStringLiteral("grid_point")).toObject().contains(QStringLiteral("gradnorm-asymmetry")),
                gradnorm);
        }
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvText = csvFile.readAll();
        QCOMPARE(csvText.count('\n'), 11);
        QVERIFY(csvText.startsWith("model,balance,seed,") &&
                csvText.contains(",test_mae,test_like,test_like_auc,test_like_log_loss\n"));
    }

    void requireMultitaskLeavesAlphaOneOut()
    {
        const Outcome refused = run({QStringLiteral("compare"), QStringLiteral("--models=rnr:bpr+svd"),
                                     QStringLiteral("--alphas=1"), QStringLiteral("--require-multitask")});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("--require-multitask: --alphas has no value below 1")),
                 qPrintable(refused.err));
        const Outcome outcome =
            run({QStringLiteral("compare"), QStringLiteral("--models=vanilla:bpr+svd"), QStringLiteral("--seeds=1"),
                 QStringLiteral("--epochs=1"), QStringLiteral("--dim=8"), QStringLiteral("--alphas=0.9,1"),
                 QStringLiteral("--lambdas=0.01"), QStringLiteral("--split-users=200"),
                 QStringLiteral("--require-multitask")});
        QCOMPARE(outcome.code, 0);
        QVERIFY2(outcome.out.contains(QStringLiteral(": alpha 0.9, lambda 0.01,")), qPrintable(outcome.out));
        QVERIFY(!outcome.out.contains(QStringLiteral("alpha 1,")));
        QVERIFY(!outcome.out.contains(QStringLiteral("α = 1")));
    }

    void compareGivesAModelItsOwnSettings()
    {
        const QString csv = m_dir.filePath(QStringLiteral("settings.csv"));
        const QString json = m_dir.filePath(QStringLiteral("settings.json"));
        const QStringList common{QStringLiteral("compare"),    QStringLiteral("--seeds=1"),
                                 QStringLiteral("--epochs=1"), QStringLiteral("--dim=8"),
                                 QStringLiteral("--no-grid"),  QStringLiteral("--split-users=300")};
        const Outcome outcome = run(common + QStringList{QStringLiteral("--models=ple:bpr+svd,ple:bpr+svd@levels=2"),
                                                         QStringLiteral("--csv"), csv, QStringLiteral("--json"), json});
        QCOMPARE(outcome.code, 0);
        QVERIFY2(outcome.out.contains(QStringLiteral("| PLE(BPR, SVD) [levels=2] | ")), qPrintable(outcome.out));
        QVERIFY(outcome.out.contains(QStringLiteral("| PLE(BPR, SVD) | ")));
        QVERIFY(outcome.out.contains(QStringLiteral("- PLE(BPR, SVD) [levels=2] vs PLE(BPR, SVD): recall@10")));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csvFile.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows[1].startsWith(QStringLiteral("ple:bpr+svd,fixed,")));
        QVERIFY(rows[2].startsWith(QStringLiteral("ple:bpr+svd@levels=2,fixed,")));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QJsonArray runs = QJsonDocument::fromJson(jsonFile.readAll()).array();
        QCOMPARE(runs.size(), 2);
        for (int r = 0; r < 2; ++r)
            QCOMPARE(runs[r].toObject().value(QStringLiteral("config")).toObject().value(QStringLiteral("levels")),
                     QJsonValue(r == 0 ? QStringLiteral("1") : QStringLiteral("2")));
        // Refused before anything trains: a value out of range, a grid or seed parameter, an unknown key.
        for (const auto& [entry, message] :
             {std::pair{"ple:bpr+svd@levels=3", "levels must be between 1 and 2"},
              {"rnr:bpr+svd@alpha=0.5", "alpha is set for the whole comparison"},
              {"rnr:bpr+svd@gradnorm@model-seed=4", "model-seed is set for the whole comparison"},
              {"rnr:bpr+svd@widgets=2", "there is no hyper-parameter 'widgets'"}}) {
            const Outcome refused = run(common + QStringList{QStringLiteral("--models=bpr,") + QLatin1String(entry)});
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(QLatin1String(message)), qPrintable(refused.err));
            QVERIFY(!refused.out.contains(QStringLiteral("seed 1")));
        }
    }

    void paramsListsEveryHyperParameter()
    {
        const Outcome outcome = run({QStringLiteral("params")});
        QCOMPARE(outcome.code, 0);
        // The README's table is this output: it must not drift from the engine's table.
        QFile readme(QStringLiteral(RNR_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll());
        for (const QString& line : outcome.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(text.contains(line), qPrintable(QStringLiteral("README.md lacks: ") + line));
        for (const char* flag : {"`--dim`", "`--alpha`", "`--lambda`", "`--lr`", "`--optimizer`", "`--activation`"})
            QVERIFY2(outcome.out.contains(QLatin1String(flag)), flag);
    }

    void benchWritesItsFigures()
    {
        const QString json = m_dir.filePath(QStringLiteral("bench.json"));
        const Outcome outcome =
            run({QStringLiteral("bench"), QStringLiteral("--ratings=20000"), QStringLiteral("--repeats=1"),
                 QStringLiteral("--thread-counts=1,2"), QStringLiteral("--json"), json});
        QCOMPARE(outcome.code, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject figures = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(figures.value(QStringLiteral("parse_seconds")).toDouble() > 0);
        const QJsonObject epochs = figures.value(QStringLiteral("epoch_seconds")).toObject();
        QVERIFY(epochs.contains(QStringLiteral("rnr:bpr+svd")));
        QVERIFY(epochs.value(QStringLiteral("vanilla:bpr+svd")).toObject().contains(QStringLiteral("2")));
        QVERIFY(figures.value(QStringLiteral("eval_seconds")).toObject().contains(QStringLiteral("1")));
        QVERIFY(figures.value(QStringLiteral("peak_rss_bytes")).toDouble() > 1e6);
        // The roofline: the machine's ceilings per thread count, each model's cost per epoch.
        const QJsonObject machine =
            figures.value(QStringLiteral("machine")).toObject().value(QStringLiteral("2")).toObject();
        for (const char* key : {"gemm_flops", "small_gemm_flops", "stream_bytes", "row_bytes"})
            QVERIFY2(machine.value(QLatin1String(key)).toDouble() > 1e8, key);
        const QJsonObject cost =
            figures.value(QStringLiteral("epoch_cost")).toObject().value(QStringLiteral("rnr:bpr+svd")).toObject();
        QVERIFY(cost.value(QStringLiteral("flops")).toDouble() > 0 &&
                cost.value(QStringLiteral("bytes")).toDouble() > 0);
        QVERIFY2(outcome.out.contains(QStringLiteral("% of GEMM 64x50x50)")), qPrintable(outcome.out));
        // Each epoch's floor is the slower of its FLOPs and its bytes at the machine's rates.
        const double floor = figures.value(QStringLiteral("epoch_floor_seconds"))
                                 .toObject()
                                 .value(QStringLiteral("rnr:bpr+svd"))
                                 .toObject()
                                 .value(QStringLiteral("2"))
                                 .toDouble();
        const double expected = std::max(cost.value(QStringLiteral("flops")).toDouble() /
                                             machine.value(QStringLiteral("small_gemm_flops")).toDouble(),
                                         cost.value(QStringLiteral("bytes")).toDouble() /
                                             machine.value(QStringLiteral("row_bytes")).toDouble());
        QVERIFY2(floor > 0 && std::abs(floor - expected) <= 1e-9 * expected, qPrintable(QString::number(floor)));
        QVERIFY2(outcome.out.contains(QStringLiteral("; floor at these rates ")), qPrintable(outcome.out));
        QCOMPARE(figures.value(QStringLiteral("size")).toString(), QStringLiteral("1m"));
        QCOMPARE(figures.value(QStringLiteral("users")).toInt(), 121); // 6,040 users' activity, 20,000 ratings
        QVERIFY2(outcome.out.contains(QStringLiteral("peak memory (resident): ")), qPrintable(outcome.out));
        QVERIFY(!outcome.out.contains(QStringLiteral("budget"))); // a stand-in has no budgets
    }

    void benchGeneratesTheTwentyMillionShape()
    {
        const QString json = m_dir.filePath(QStringLiteral("bench20m.json"));
        const Outcome outcome =
            run({QStringLiteral("bench"), QStringLiteral("--size=20m"), QStringLiteral("--ratings=60000"),
                 QStringLiteral("--models=bpr"), QStringLiteral("--repeats=1"), QStringLiteral("--thread-counts=2"),
                 QStringLiteral("--json"), json});
        QVERIFY2(outcome.code == 0, qPrintable(outcome.err));
        QVERIFY2(outcome.out.contains(QStringLiteral("parse 60000 ratings (MovieLens-20M ratings.csv)")),
                 qPrintable(outcome.out));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject figures = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(figures.value(QStringLiteral("size")).toString(), QStringLiteral("20m"));
        QCOMPARE(figures.value(QStringLiteral("items")).toInt(), 26744);
        QCOMPARE(figures.value(QStringLiteral("users")).toInt(), 415);
        QVERIFY(figures.value(QStringLiteral("peak_rss_bytes")).toDouble() > 1e6);
        const Outcome wrong = run({QStringLiteral("bench"), QStringLiteral("--size=5m")});
        QCOMPARE(wrong.code, 2);
        QVERIFY2(wrong.err.contains(QStringLiteral("unknown data set size '5m' (1m, 20m)")), qPrintable(wrong.err));
    }

    void unknownModelIsAUsageError()
    {
        const Outcome outcome = run({QStringLiteral("train"), QStringLiteral("--model=rnr:svd+bpr")});
        QCOMPARE(outcome.code, 2);
        QVERIFY2(outcome.err.contains(QStringLiteral("unknown model")), qPrintable(outcome.err));
        QVERIFY(outcome.err.contains(QStringLiteral("rnr:cdae+svd++")));
    }

    void trainOnEveryFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QByteArray ml100k, dat, csv, yelp, generic;
        csv = "userId,movieId,rating,timestamp\n";
        generic = "customer;product\n"; // implicit feedback, no time
        for (int u = 1; u <= 30; ++u) {
            for (int k = 0; k < 6; ++k) {
                const int item = 1 + (u * 3 + k * 7) % 20;
                const int rating = 1 + (u + k) % 5;
                const QByteArray t = QByteArray::number(880000000 + u * 100 + k);
                const QByteArray us = QByteArray::number(u), is = QByteArray::number(item),
                                 rs = QByteArray::number(rating);
                ml100k += us + "\t" + is + "\t" + rs + "\t" + t + "\n";
                dat += us + "::" + is + "::" + rs + "::" + t + "\n";
                csv += us + "," + is + "," + rs + ".5," + t + "\n";
                yelp += "{\"user_id\":\"u" + us + "\",\"business_id\":\"b" + is + "\",\"stars\":" + rs +
                        ",\"date\":\"2018-01-0" + QByteArray::number(1 + k) + " 10:00:00\"}\n";
                generic += "c" + us + ";p" + is + "\n";
            }
        }
        QTest::newRow("ml-100k") << QStringLiteral("u.data") << ml100k;
        QTest::newRow("ml-dat") << QStringLiteral("ratings.dat") << dat;
        QTest::newRow("ml-csv") << QStringLiteral("ratings.csv") << csv;
        QTest::newRow("yelp") << QStringLiteral("review.json") << yelp;
        QTest::newRow("csv") << QStringLiteral("purchases.csv") << generic;
    }
    void trainOnEveryFormat()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
        out.close();
        // Every sharing design, each with another loss balancing, besides the paper's models.
        QStringList models{QStringLiteral("rnr:cdae+svd++"), QStringLiteral("vanilla:wrmf+svd"),
                           QStringLiteral("popularity")};
        for (std::size_t c = 0; c < rnr::couplingInfo().size(); ++c)
            models << QString::fromStdString(rnr::couplingInfo()[c].key +
                                             (rnr::couplingInfo()[c].cascade ? ":cdae=" : ":bpr+svd=") +
                                             rnr::balanceInfo()[c % rnr::balanceInfo().size()].key);
        for (const QString& entry : models) {
            const QString model = entry.section(QLatin1Char('='), 0, 0);
            const QString balance = entry.section(QLatin1Char('='), 1);
            const Outcome outcome =
                run({QStringLiteral("train"), QStringLiteral("--dataset"), path, QStringLiteral("--model=") + model,
                     QStringLiteral("--balance=") + (balance.isEmpty() ? QStringLiteral("fixed") : balance),
                     QStringLiteral("--epochs=2"), QStringLiteral("--dim=4"), QStringLiteral("--quiet")});
            QVERIFY2(outcome.code == 0, qPrintable(outcome.err));
            QVERIFY2(outcome.out.contains(QStringLiteral("test: recall@10")), qPrintable(outcome.out));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
