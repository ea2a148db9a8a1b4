// Tests of loadDataset() on MovieLens 100K (u.data, u.item, u.genre): the folder and the file, the
// Latin-1 titles and the genre flags, bad rows and duplicates, the scale override, and metadata
// problems that end as notes rather than as rating problems.
// Fixtures are written byte for byte as the publisher writes them (see loaderfixtures.h).
#include "loaderfixtures.h"

#include "core/errors.h"
#include "data/dataset.h"
#include "io/loader.h"
#include "io/loadoptions.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace loaderfixtures;

class TestLoaderMovieLens100k : public QObject
{
    Q_OBJECT

private slots:
    // MovieLens 100K
    void movieLens100kFolder();
    void movieLens100kFileGivesTheSameData();
    void movieLens100kWithoutItemFile();
    void movieLens100kGenreFile_data();
    void movieLens100kGenreFile();
    void movieLens100kBadRows_data();
    void movieLens100kBadRows();
    void movieLens100kDuplicatesKeepTheLatest();
    void movieLens100kScaleOverride();
    void movieLens100kBadItemLineIsANote();
    void brokenMetadataIsOnlyANote();
};

// ---------------------------------------------------------------------------------------------
// MovieLens 100K

void TestLoaderMovieLens100k::movieLens100kFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "ml-100k", "ml-100k");
    const LoadResult result = load(folder);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    const LoadReport& report = result.report;

    QCOMPARE(report.format, Format::MovieLens100K);
    QCOMPARE(str(report.file), str(pathIn(dir, "ml-100k/u.data")));
    QCOMPARE(report.rowsRead, std::uint64_t{5});
    QCOMPARE(report.rowsKept, std::uint64_t{5});
    QCOMPARE(summary(report), QString());
    QVERIFY(report.notes.empty());

    QCOMPARE(str(data.name), QStringLiteral("MovieLens 100K"));
    QCOMPARE(str(data.source), str(folder));
    QCOMPARE(data.scale, (RatingScale{1.0f, 5.0f, 1.0f}));
    QVERIFY(data.hasTimestamps);
    // Dense ids in the canonical order (numeric ids by value), mapping back to the file's ids.
    QCOMPARE(toList(data.userIds), (QStringList{"22", "186", "196"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"1", "2", "3", "4"}));
    QCOMPARE(rowsOf(data), (QStringList{"186 | 2 | 5 | 891717742", "186 | 3 | 2 | 891717800", "196 | 1 | 3 | 881250949",
                                        "196 | 4 | 4 | 881251000", "22 | 4 | 1 | 878887116"}));
    // Rows keep their line numbers; the interactions are sorted by user, then time.
    QCOMPARE(data.interactions.size(), std::size_t{5});
    std::vector<std::uint32_t> lines;
    for (const Interaction& x : data.interactions)
        lines.push_back(x.row);
    QCOMPARE(lines, (std::vector<std::uint32_t>{3, 2, 5, 1, 4}));

    // Titles are UTF-8 (u.item is Latin-1); the unrated movies 5 and 267 are not items.
    QCOMPARE(titleOf(data, "1"), QStringLiteral("Toy Story (1995)"));
    QCOMPARE(titleOf(data, "4"), QString::fromUtf8("Mis\xc3\xa9rables, Les (1995)"));
    QCOMPARE(QByteArray::fromStdString(data.itemTitles[*denseItem(data, "4")]),
             QByteArray("Mis\xc3\xa9rables, Les (1995)"));
    QCOMPARE(titleOf(data, "5"), QStringLiteral("<no item>"));
    QCOMPARE(str(data.itemLabel(*denseItem(data, "2"))), QStringLiteral("GoldenEye (1995)"));

    // Genres: the 19 of u.genre in flag order.
    QCOMPARE(toList(data.genreNames), ml100kGenreNames());
    QCOMPARE(genresOf(data, "1"), (QStringList{"Animation", "Children's", "Comedy"}));
    QCOMPARE(genresOf(data, "2"), (QStringList{"Action", "Adventure", "Thriller"}));
    QCOMPARE(genresOf(data, "3"), (QStringList{"Thriller"}));
    QCOMPARE(genresOf(data, "4"), (QStringList{"Drama", "Musical"}));
}

void TestLoaderMovieLens100k::movieLens100kFileGivesTheSameData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "ml-100k", "ml-100k");
    const std::string file = pathIn(dir, "ml-100k/u.data");
    const LoadResult fromFolder = load(folder);
    const LoadResult fromFile = load(file);
    CHECK_INVARIANTS(fromFile);
    QCOMPARE(fromFile.report.format, Format::MovieLens100K);
    QCOMPARE(str(fromFile.dataset.source), str(file));
    QCOMPARE(fromFile.dataset.fingerprint(), fromFolder.dataset.fingerprint());
    QCOMPARE(toList(fromFile.dataset.itemTitles), toList(fromFolder.dataset.itemTitles));
    QCOMPARE(fromFile.dataset.itemGenres, fromFolder.dataset.itemGenres);

    // A split file of the distribution (u1.base) beside u.item is MovieLens 100K too.
    const std::string split = writeFile(dir, "ml-100k/u1.base", ml100kRatings());
    const LoadResult fromSplit = load(split);
    QCOMPARE(fromSplit.report.format, Format::MovieLens100K);
    QCOMPARE(titleOf(fromSplit.dataset, "4"), QString::fromUtf8("Mis\xc3\xa9rables, Les (1995)"));
}

void TestLoaderMovieLens100k::movieLens100kWithoutItemFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/u.data", ml100kRatings());
    const LoadResult result = load(pathIn(dir, "ml"));
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsKept, std::uint64_t{5});
    QVERIFY(result.dataset.itemTitles.empty());
    QVERIFY(anyNoteContains(result.report, "u.item not found"));
    QCOMPARE(str(result.dataset.itemLabel(*denseItem(result.dataset, "4"))), QStringLiteral("item 4"));
}

void TestLoaderMovieLens100k::movieLens100kGenreFile_data()
{
    QTest::addColumn<bool>("withGenreFile");
    QTest::addColumn<QByteArray>("genreFile");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("u.genre as shipped") << true << ml100kGenres() << ml100kGenreNames();
    QTest::newRow("no u.genre: built-in names") << false << QByteArray() << ml100kGenreNames();
    QStringList renamed = ml100kGenreNames();
    renamed[4] = "Kids";
    QTest::newRow("u.genre is read") << true << ml100kGenres(renamed) << renamed;
    QTest::newRow("u.genre with CRLF") << true << withEndings(ml100kGenres(renamed), true, false) << renamed;
    QTest::newRow("u.genre with too few genres: built-in names")
        << true << QByteArray("unknown|0\nAction|1\n") << ml100kGenreNames();
}

void TestLoaderMovieLens100k::movieLens100kGenreFile()
{
    QFETCH(bool, withGenreFile);
    QFETCH(QByteArray, genreFile);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/u.data", ml100kRatings());
    writeFile(dir, "ml/u.item", ml100kItems());
    if (withGenreFile)
        writeFile(dir, "ml/u.genre", genreFile);
    const LoadResult result = load(pathIn(dir, "ml"));
    CHECK_INVARIANTS(result);
    QCOMPARE(toList(result.dataset.genreNames), expected);
    QCOMPARE(genresOf(result.dataset, "1"), (QStringList{expected[3], expected[4], expected[5]}));
}

void TestLoaderMovieLens100k::movieLens100kBadRows_data()
{
    QTest::addColumn<QByteArray>("ratings");
    QTest::addColumn<QString>("expectedSummary");
    QTest::addColumn<int>("rowsRead");
    QTest::addColumn<int>("rowsKept");

    QTest::newRow("all good") << ml100kRatings() << QString() << 5 << 5;
    QTest::newRow("no newline at the end")
        << QByteArray("196\t1\t3\t881250949\n186\t2\t5\t891717742") << QString() << 2 << 2;
    QTest::newRow("blank lines are not rows")
        << QByteArray("\n196\t1\t3\t1\n\n   \n186\t2\t5\t2\n\t\n196\t2\t5\n") << "malformed 1 [7]" << 3 << 2;
    QTest::newRow("wrong field count") << QByteArray("196\t1\t3\n186\t2\t5\t891717742\n196\t2\t4\t1\t9\n196,3,4,5\n")
                                       << "malformed 3 [1,3,4]" << 4 << 1;
    QTest::newRow("space-separated is malformed")
        << QByteArray("196 1 3 881250949\n186\t2\t5\t891717742\n") << "malformed 1 [1]" << 2 << 1;
    QTest::newRow("more than five malformed: first five lines kept")
        << QByteArray("a\nb\nc\n186\t2\t5\t1\nd\ne\nf\ng\n") << "malformed 7 [1,2,3,5,6]" << 8 << 1;
    QTest::newRow("missing fields")
        << QByteArray("196\t\t3\t881250949\n\t2\t5\t1\n196\t2\t\t5\n196\t3\t4\t\n186\t2\t5\t891717742\n196\t4\t 4\t \n")
        << "missing-field 5 [1,2,3,4,6]" << 6 << 1;
    QTest::newRow("non-numeric rating and timestamp")
        << QByteArray("196\t1\tfive\t881250949\n196\t2\t4\tyesterday\n186\t2\t5\t891717742\n196\t3\tnan\t5\n"
                      "196\t4\t4,5\t6\n196\t5\t4\t12:00\n")
        << "not-numeric 5 [1,2,4,5,6]" << 6 << 1;
    QTest::newRow("ratings outside 1-5 in steps of 1")
        << QByteArray("196\t1\t7\t1\n196\t2\t3.5\t2\n196\t3\t0\t3\n196\t4\t5\t4\n196\t5\t-1\t5\n196\t6\t1\t6\n"
                      "196\t7\t5.0\t7\n196\t8\t6\t8\n")
        << "out-of-scale 5 [1,2,3,5,8]" << 8 << 3;
    QTest::newRow("duplicates") << QByteArray("196\t1\t3\t100\n186\t2\t2\t100\n196\t1\t5\t50\n186\t2\t4\t100\n"
                                              "22\t3\t1\t10\n22\t3\t2\t20\n22\t3\t3\t30\n")
                                << "duplicate 4 [2,3,5,6]" << 7 << 3;
    QTest::newRow("everything at once")
        << QByteArray("196\t1\t3\t100\n"  // 1 ok, duplicate of line 9 (older)
                      "196\t2\n"          // 2 malformed
                      "\n"                // 3 blank
                      "196\t\t3\t1\n"     // 4 missing item
                      "196\t3\tx\t1\n"    // 5 not numeric
                      "196\t4\t7\t1\n"    // 6 out of scale
                      "196\t5\t3.5\t1\n"  // 7 out of scale
                      "186\t1\t2\t5\r\n"  // 8 ok (CRLF)
                      "196\t1\t4\t200\n") // 9 ok, kept
        << "malformed 1 [2]; missing-field 1 [4]; not-numeric 1 [5]; out-of-scale 2 [6,7]; duplicate 1 [1]" << 8 << 2;
}

void TestLoaderMovieLens100k::movieLens100kBadRows()
{
    QFETCH(QByteArray, ratings);
    QFETCH(QString, expectedSummary);
    QFETCH(int, rowsRead);
    QFETCH(int, rowsKept);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "ml-100k/u.data", ratings);
    writeFile(dir, "ml-100k/u.item", ml100kItems());
    LoadOptions options;
    options.format = Format::MovieLens100K; // some rows of these files would not be detected
    const LoadResult result = load(pathIn(dir, "ml-100k"), options);
    CHECK_INVARIANTS(result);
    QCOMPARE(summary(result.report), expectedSummary);
    QCOMPARE(result.report.rowsRead, static_cast<std::uint64_t>(rowsRead));
    QCOMPARE(result.report.rowsKept, static_cast<std::uint64_t>(rowsKept));
    QCOMPARE(str(result.report.file), str(file));
}

void TestLoaderMovieLens100k::movieLens100kDuplicatesKeepTheLatest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // (196, 1): line 1 is later in time than line 3 -> line 1 kept.
    // (186, 2): equal times -> the later line (4) kept.
    // (22, 3): three ratings -> the latest (line 7) kept, lines 5 and 6 dropped.
    // (22, 4): the later line has the earlier time -> line 8 kept.
    writeFile(dir, "ml/u.data",
              "196\t1\t3\t100\n186\t2\t2\t100\n196\t1\t5\t50\n186\t2\t4\t100\n22\t3\t1\t10\n22\t3\t2\t20\n"
              "22\t3\t3\t30\n22\t4\t5\t99\n22\t4\t1\t98\n");
    const LoadResult result = load(pathIn(dir, "ml"));
    CHECK_INVARIANTS(result);
    QCOMPARE(rowsOf(result.dataset),
             (QStringList{"186 | 2 | 4 | 100", "196 | 1 | 3 | 100", "22 | 3 | 3 | 30", "22 | 4 | 5 | 99"}));
    QCOMPARE(summary(result.report), QStringLiteral("duplicate 5 [2,3,5,6,9]"));
    const auto& tally = result.report.tally(Problem::Duplicate);
    QVERIFY2(str(tally.firstMessage).contains("line 4"), tally.firstMessage.c_str()); // line 2 lost to line 4
    // Kept rows carry their own line numbers.
    std::set<std::uint32_t> rows;
    for (const auto& x : result.dataset.interactions)
        rows.insert(x.row);
    QCOMPARE(rows, (std::set<std::uint32_t>{1, 4, 7, 8}));
}

void TestLoaderMovieLens100k::movieLens100kScaleOverride()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/u.data", "196\t1\t7\t1\n196\t2\t3.5\t2\n196\t3\t10\t3\n196\t4\t11\t4\n");
    LoadOptions options;
    options.scale = RatingScale{1.0f, 10.0f, 1.0f};
    const LoadResult result = load(pathIn(dir, "ml"), options);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.dataset.scale, (RatingScale{1.0f, 10.0f, 1.0f}));
    QCOMPARE(summary(result.report), QStringLiteral("out-of-scale 2 [2,4]"));
    QCOMPARE(rowsOf(result.dataset), (QStringList{"196 | 1 | 7 | 1", "196 | 3 | 10 | 3"}));
}

void TestLoaderMovieLens100k::movieLens100kBadItemLineIsANote()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/u.data", ml100kRatings());
    QByteArray items = ml100kItems();
    items.insert(items.indexOf('\n') + 1, "2|GoldenEye (1995)|01-Jan-1995|0|1|1\n"); // line 2: too few fields
    const std::string itemFile = writeFile(dir, "ml/u.item", items);
    const LoadResult result = load(pathIn(dir, "ml"));
    CHECK_INVARIANTS(result);
    QCOMPARE(summary(result.report), QString()); // metadata problems are not rating problems
    QVERIFY(anyNoteContains(result.report, str(itemFile)));
    QVERIFY(anyNoteContains(result.report, "first at line 2"));
    QCOMPARE(titleOf(result.dataset, "1"), QStringLiteral("Toy Story (1995)"));
    QCOMPARE(titleOf(result.dataset, "2"), QStringLiteral("GoldenEye (1995)")); // from the good line 3
}

void TestLoaderMovieLens100k::brokenMetadataIsOnlyANote()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/u.data", ml100kRatings());
    writeFile(dir, "ml/u.item", QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const LoadResult result = load(pathIn(dir, "ml"));
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsKept, std::uint64_t{5});
    QVERIFY(result.dataset.itemTitles.empty());
    QVERIFY(result.dataset.genreNames.empty());
    QCOMPARE(result.report.notes.size(), std::size_t{1});
    QVERIFY2(str(result.report.notes.front()).contains("binary"), result.report.notes.front().c_str());
}

QTEST_APPLESS_MAIN(TestLoaderMovieLens100k)
#include "tst_loader_movielens100k.moc"
