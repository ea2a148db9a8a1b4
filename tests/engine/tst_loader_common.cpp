// Tests of what every loader shares: CRLF line ends and byte-order marks, an item listed twice in
// the metadata, the Stop policy per problem kind, the load report's text, and random damage to
// every format that must end in a consistent result or a DataError, never in a crash.
// Fixtures are written byte for byte as the publisher writes them (see loaderfixtures.h).
#include "loaderfixtures.h"

#include "core/errors.h"
#include "data/dataset.h"
#include "io/loader.h"
#include "io/loadoptions.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QScopeGuard>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fcntl.h>
#include <optional>
#include <random>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace loaderfixtures;

class TestLoaderCommon : public QObject
{
    Q_OBJECT

private slots:
    // Line endings, byte-order mark
    void lineEndingsAndByteOrderMark_data();
    void lineEndingsAndByteOrderMark();

    // Metadata
    void itemListedTwiceInMetadata_data();
    void itemListedTwiceInMetadata();

    // Policies
    void stopPolicy_data();
    void stopPolicy();
    void stopPolicyOnlyForItsOwnProblem();

    // Report
    void reportDescribesTheLoad();

    // Robustness
    void garbageNeverCrashes_data();
    void garbageNeverCrashes();
    // What fuzzing found (tests/fuzz/corpus/*/finding-*)
    void refusedFilesAreClosed();
    void ratingBeyondFloatIsNotNumeric();
    void controlBytesInMessagesAreEscaped();
    // Files a user meets
    void sparseFileOver4GiBIsRefusedAtItsLine();
    void nonUtf8PathLoadsAndIsNamed();
    void fileReplacedWhileLoadingEndsCleanly();
};

namespace {
/// Open file descriptors of this process.
int openFiles()
{
    return static_cast<int>(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}
} // namespace

// ---------------------------------------------------------------------------------------------
// Line endings, byte-order mark

void TestLoaderCommon::lineEndingsAndByteOrderMark_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<bool>("bom");
    for (const char* key : {"ml-100k", "ml-1m", "ml-10m", "ml-latest", "yelp", "csv"}) {
        QTest::addRow("%s, CRLF", key) << QString::fromLatin1(key) << true << false;
        QTest::addRow("%s, BOM", key) << QString::fromLatin1(key) << false << true;
        QTest::addRow("%s, BOM and CRLF", key) << QString::fromLatin1(key) << true << true;
    }
}

void TestLoaderCommon::lineEndingsAndByteOrderMark()
{
    QFETCH(QString, key);
    QFETCH(bool, crlf);
    QFETCH(bool, bom);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadResult plain = load(writePublisherFolder(dir, "lf", key));
    const LoadResult other = load(writePublisherFolder(dir, "other", key, crlf, bom));
    CHECK_INVARIANTS(other);
    QCOMPARE(other.report.format, plain.report.format);
    QCOMPARE(summary(other.report), QString());
    QCOMPARE(other.report.rowsRead, plain.report.rowsRead);
    QCOMPARE(toList(other.dataset.userIds), toList(plain.dataset.userIds));
    QCOMPARE(toList(other.dataset.itemIds), toList(plain.dataset.itemIds));
    QCOMPARE(other.dataset.fingerprint(), plain.dataset.fingerprint());
    QCOMPARE(toList(other.dataset.itemTitles), toList(plain.dataset.itemTitles));
    QCOMPARE(toList(other.dataset.genreNames), toList(plain.dataset.genreNames));
    QCOMPARE(other.dataset.itemGenres, plain.dataset.itemGenres);
    QCOMPARE(other.dataset.scale, plain.dataset.scale);
    QCOMPARE(other.report.notes.size(), plain.report.notes.size());
}

// ---------------------------------------------------------------------------------------------
// Metadata

void TestLoaderCommon::itemListedTwiceInMetadata_data()
{
    // A metadata file naming an item twice (or a genre twice on one line): the item's title and
    // genres both come from its last line, and no genre is listed twice for one item.
    QTest::addColumn<QString>("ratingsFile");
    QTest::addColumn<QByteArray>("ratings");
    QTest::addColumn<QString>("metadataFile");
    QTest::addColumn<QByteArray>("metadata");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("genres");
    QTest::newRow("u.item") << "u.data" << QByteArray("196\t1\t3\t1\n") << "u.item"
                            << joinLines({ml100kItemLine(1, "Toy Story (1995)", "01-Jan-1995", {3, 4, 5}),
                                          ml100kItemLine(1, "Toy Story (1995) (again)", "01-Jan-1995", {5, 8})})
                            << "1"
                            << "Toy Story (1995) (again)" << QStringList{"Comedy", "Drama"};
    QTest::newRow("movies.dat") << "ratings.dat" << QByteArray("1::1::5::978300760\n") << "movies.dat"
                                << QByteArray("1::Toy Story (1995)::Animation|Comedy\n"
                                              "1::Toy Story (again)::Comedy|Drama|Comedy\n")
                                << "1"
                                << "Toy Story (again)" << QStringList{"Comedy", "Drama"};
    QTest::newRow("movies.csv") << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n1,1,4.0,1\n")
                                << "movies.csv"
                                << QByteArray("movieId,title,genres\n1,Toy Story (1995),Animation|Comedy\n"
                                              "1,Toy Story (again),Comedy|Drama\n")
                                << "1"
                                << "Toy Story (again)" << QStringList{"Comedy", "Drama"};
    QTest::newRow("business.json") << "review.json"
                                   << QByteArray(R"({"user_id":"u1","business_id":"b1","stars":5})"
                                                 "\n")
                                   << "business.json"
                                   << joinLines(
                                          {R"({"business_id":"b1","name":"Old name","categories":"Food, Bars"})",
                                           R"({"business_id":"b1","name":"New name","categories":"Food, Bars, Food"})"})
                                   << "b1"
                                   << "New name" << QStringList{"Bars", "Food"};
}

void TestLoaderCommon::itemListedTwiceInMetadata()
{
    QFETCH(QString, ratingsFile);
    QFETCH(QByteArray, ratings);
    QFETCH(QString, metadataFile);
    QFETCH(QByteArray, metadata);
    QFETCH(QString, item);
    QFETCH(QString, title);
    QFETCH(QStringList, genres);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "data/" + ratingsFile, ratings);
    writeFile(dir, "data/" + metadataFile, metadata);
    const LoadResult result = load(pathIn(dir, "data"));
    CHECK_INVARIANTS(result);
    QCOMPARE(titleOf(result.dataset, item.toStdString()), title);
    QCOMPARE(genresOf(result.dataset, item.toStdString()), genres);
}

// ---------------------------------------------------------------------------------------------
// Policies

void TestLoaderCommon::stopPolicy_data()
{
    QTest::addColumn<QString>("ratingsFile"); // written into folder "data"; the folder is opened unless CSV
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("cause");

    QTest::newRow("ml-100k malformed") << "u.data" << QByteArray("196\t1\t3\t1\n\n196\t2\t3\n") << Problem::Malformed
                                       << Q_INT64_C(3) << "expected 4 fields separated by tabs, found 3";
    QTest::newRow("ml-100k missing field") << "u.data" << QByteArray("196\t1\t3\t1\n196\t\t3\t2\n")
                                           << Problem::MissingField << Q_INT64_C(2) << "item id is empty";
    QTest::newRow("ml-100k not numeric") << "u.data" << QByteArray("196\t2\t3\t2\n196\t1\tx\t1\n")
                                         << Problem::NotNumeric << Q_INT64_C(2) << "rating 'x' is not a number";
    QTest::newRow("ml-100k rating 7") << "u.data" << QByteArray("196\t1\t3\t1\n196\t2\t7\t2\n") << Problem::OutOfScale
                                      << Q_INT64_C(2) << QString::fromUtf8("rating 7 is outside the scale 1\u20135");
    QTest::newRow("ml-100k rating 3.5") << "u.data" << QByteArray("196\t1\t3\t1\n196\t2\t3\t2\n196\t3\t3.5\t2\n")
                                        << Problem::OutOfScale << Q_INT64_C(3) << "rating 3.5 is outside the scale";
    QTest::newRow("ml-100k duplicate") << "u.data" << QByteArray("196\t1\t3\t1\n196\t2\t3\t2\n196\t1\t4\t3\n")
                                       << Problem::Duplicate << Q_INT64_C(1) << "line 3";
    QTest::newRow("ml-1m malformed") << "ratings.dat" << QByteArray("1::1193::5::978300760\n1::2::3\n")
                                     << Problem::Malformed << Q_INT64_C(2) << "'::'";
    QTest::newRow("ml-latest timestamp") << "ratings.csv"
                                         << QByteArray("userId,movieId,rating,timestamp\n1,1,4.0,1\n1,2,4.0,abc\n")
                                         << Problem::NotNumeric << Q_INT64_C(3) << "timestamp 'abc'";
    QTest::newRow("ml-latest broken quoting")
        << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n1,\"1,4.0,1\n1,2,4.0,1\n")
        << Problem::Malformed << Q_INT64_C(2) << "found 0";
    QTest::newRow("yelp truncated JSON") << "review.json"
                                         << joinLines(
                                                {R"({"user_id":"u1","business_id":"b1","stars":5,"date":"2018-07-07"})",
                                                 R"({"user_id":"u2","business_id":"b1","sta)"})
                                         << Problem::Malformed << Q_INT64_C(2) << "not a complete JSON object";
    QTest::newRow("yelp missing stars") << "review.json"
                                        << joinLines(
                                               {R"({"user_id":"u1","business_id":"b1","stars":5,"date":"2018-07-07"})",
                                                R"({"user_id":"u2","business_id":"b1","date":"2018-07-07"})"})
                                        << Problem::MissingField << Q_INT64_C(2) << "\"stars\"";
    QTest::newRow("yelp bad date") << "review.json"
                                   << QByteArray("\n"
                                                 R"({"user_id":"u1","business_id":"b1","stars":5,"date":"soon"})"
                                                 "\n"
                                                 R"({"user_id":"u2","business_id":"b1","stars":4})")
                                   << Problem::NotNumeric << Q_INT64_C(2) << "\"date\" 'soon' is not a date";
    QTest::newRow("csv malformed") << "data.csv" << QByteArray("user,item,rating\nu1,i1,4\nu2,i2\n")
                                   << Problem::Malformed << Q_INT64_C(3)
                                   << "expected 3 fields separated by commas, found 2";
}

void TestLoaderCommon::stopPolicy()
{
    QFETCH(QString, ratingsFile);
    QFETCH(QByteArray, text);
    QFETCH(Problem, problem);
    QFETCH(qint64, line);
    QFETCH(QString, cause);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "data/" + ratingsFile, text);
    const std::string path = ratingsFile.endsWith(".csv") && ratingsFile != "ratings.csv" ? file : pathIn(dir, "data");

    // Skip (the default) loads and counts the row.
    const LoadResult skipped = load(path);
    CHECK_INVARIANTS(skipped);
    QCOMPARE(skipped.report.tally(problem).count, std::uint64_t{1});
    QCOMPARE(skipped.report.tally(problem).firstLines, (std::vector<std::uint64_t>{static_cast<std::uint64_t>(line)}));
    QVERIFY2(str(skipped.report.tally(problem).firstMessage).contains(cause),
             skipped.report.tally(problem).firstMessage.c_str());

    // Stop throws a DataError naming the ratings file, the line and the cause.
    LoadOptions options;
    options.setPolicy(problem, Policy::Stop);
    QCOMPARE(options.policyFor(problem), Policy::Stop);
    const auto error = dataErrorFrom([&] { load(path, options); });
    QVERIFY2(error.has_value(), "Policy::Stop did not stop the load");
    QCOMPARE(str(error->file()), str(file));
    QCOMPARE(error->line(), static_cast<std::uint64_t>(line));
    QVERIFY2(str(error->cause()).contains(cause), error->what());
    QCOMPARE(QString::fromUtf8(error->what()), str(file) + ':' + QString::number(line) + ": " + str(error->cause()));
}

void TestLoaderCommon::stopPolicyOnlyForItsOwnProblem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Line 1 malformed, line 2 missing a field, line 4 out of scale, line 5 a duplicate of line 3.
    const std::string file = writeFile(dir, "ml/u.data",
                                       "196\t1\n196\t\t3\t1\n196\t3\t3\t1\n196\t4\t9\t1\n"
                                       "196\t3\t4\t2\n");
    LoadOptions options;
    options.format = Format::MovieLens100K; // the malformed first line would not be detected as u.data
    options.setPolicy(Problem::Duplicate, Policy::Stop);
    auto error = dataErrorFrom([&] { load(pathIn(dir, "ml"), options); });
    QVERIFY(error.has_value());
    QCOMPARE(error->line(), std::uint64_t{3}); // the rows before were skipped, not stopped at

    options.setPolicy(Problem::Duplicate, Policy::Skip);
    options.setPolicy(Problem::OutOfScale, Policy::Stop);
    error = dataErrorFrom([&] { load(pathIn(dir, "ml"), options); });
    QVERIFY(error.has_value());
    QCOMPARE(str(error->file()), str(file));
    QCOMPARE(error->line(), std::uint64_t{4});

    // Stop for every kind on clean data changes nothing.
    LoadOptions strict;
    for (std::size_t p = 0; p < kProblemCount; ++p)
        strict.setPolicy(static_cast<Problem>(p), Policy::Stop);
    QTemporaryDir clean;
    QVERIFY(clean.isValid());
    for (const char* key : {"ml-100k", "ml-1m", "ml-latest", "yelp", "csv"}) {
        const LoadResult result = load(writePublisherFolder(clean, key, key), strict);
        CHECK_INVARIANTS(result);
        QCOMPARE(result.report.rowsSkipped(), std::uint64_t{0});
    }
}

// ---------------------------------------------------------------------------------------------
// Report

void TestLoaderCommon::reportDescribesTheLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/u.data", "196\t1\t3\t1\n196\t2\t7\t2\n196\t3\n196\t4\t9\t3\n");
    const LoadResult result = load(pathIn(dir, "ml"));
    const QString text = str(result.report.describe());
    QVERIFY2(text.contains(str(pathIn(dir, "ml/u.data"))), qPrintable(text));
    QVERIFY2(text.contains("MovieLens 100K"), qPrintable(text));
    QVERIFY2(text.contains("rows read: 4, kept: 1, skipped: 3"), qPrintable(text));
    QVERIFY2(text.contains("ratings outside the scale: 2 (lines 2, 4)"), qPrintable(text));
    QVERIFY2(text.contains("malformed rows: 1 (line 3)"), qPrintable(text));
    QVERIFY2(text.contains("u.item not found"), qPrintable(text));
}

// ---------------------------------------------------------------------------------------------
// Robustness

void TestLoaderCommon::garbageNeverCrashes_data()
{
    QTest::addColumn<Format>("format");
    QTest::newRow("auto") << Format::Auto;
    QTest::newRow("ml-100k") << Format::MovieLens100K;
    QTest::newRow("ml-dat") << Format::MovieLensDat;
    QTest::newRow("ml-csv") << Format::MovieLensCsv;
    QTest::newRow("yelp") << Format::YelpJson;
    QTest::newRow("csv") << Format::GenericCsv;
}

void TestLoaderCommon::garbageNeverCrashes()
{
    // Every file a loader reads is made of its publisher's rows, with random ids, and then
    // damaged at random: pieces that break parsers inserted (separators, quotes, JSON fragments,
    // Latin-1 bytes, CR, NUL, odd numbers and dates), lines cut short, characters deleted.
    // Each load must either succeed with a consistent result or throw a DataError.
    QFETCH(Format, format);
    const std::vector<std::pair<QString, QByteArray>> templates{
        {"u.data", "%u\t%i\t%r\t881250949"},
        {"u.item", ml100kItemLine(0, "Mis\xe9rables (1995)", "01-Jan-1995", {3, 4}).replace("0|", "%i|")},
        {"u.genre", "Action|1"},
        {"ratings.dat", "%u::%i::%r::978300760"},
        {"movies.dat", "%i::Toy Story (1995)::Animation|Children's|Comedy"},
        {"ratings.csv", "%u,%i,%r.5,964982703"},
        {"movies.csv", "%i,\"Toy, \"\"Story\"\" (1995)\",Comedy|(no genres listed)"},
        {"review.json", R"({"review_id":"r","user_id":"U%u","business_id":"B%i","stars":%r,"text":"a \"b\"\nc",)"
                        R"("date":"2018-07-07 22:09:11"})"},
        {"business.json", R"({"business_id":"B%i","name":"Caf\u00e9","categories":"Food, Bars","hours":null})"},
        {"data.csv", "u%u;i%i;%r;2020-01-0%r"},
    };
    const QList<QByteArray> pieces{"\t",
                                   "::",
                                   ",",
                                   ";",
                                   "|",
                                   "\"",
                                   "\"\"",
                                   "{",
                                   "}",
                                   "[",
                                   "]",
                                   ":",
                                   "\\",
                                   " ",
                                   "\r",
                                   "\xe9",
                                   "\xc3",
                                   "\xff\xfe",
                                   "\xef\xbb\xbf",
                                   "nan",
                                   "inf",
                                   "-",
                                   "+-1",
                                   "1e999",
                                   "3.5",
                                   "7",
                                   "0.5",
                                   "2018-02-30",
                                   "null",
                                   "\n",
                                   QByteArray(1, '\0')};
    std::mt19937 random(20240601u + static_cast<unsigned>(format));
    auto below = [&](std::size_t n) { return static_cast<qsizetype>(random() % n); };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int loaded = 0, refused = 0;
    for (int round = 0; round < 60; ++round) {
        const QString folder = QStringLiteral("round%1").arg(round);
        for (const auto& [name, pattern] : templates) {
            QByteArray text = name == "ratings.csv"  ? "userId,movieId,rating,timestamp\n"
                              : name == "movies.csv" ? "movieId,title,genres\n"
                              : name == "data.csv"   ? "user;item;rating;time\n"
                                                     : "";
            const qsizetype lines = below(30);
            for (qsizetype l = 0; l < lines; ++l) {
                QByteArray line = pattern;
                line.replace("%u", QByteArray::number(below(8)))
                    .replace("%i", QByteArray::number(below(12)))
                    .replace("%r", QByteArray::number(1 + below(5)));
                switch (below(8)) {
                case 0:
                    line.insert(below(static_cast<std::size_t>(line.size()) + 1),
                                pieces[below(static_cast<std::size_t>(pieces.size()))]);
                    break;
                case 1:
                    line.truncate(below(static_cast<std::size_t>(line.size()) + 1));
                    break;
                case 2:
                    line.remove(below(static_cast<std::size_t>(line.size())), 1 + below(3));
                    break;
                default:
                    break;
                }
                text += line + (below(4) == 0 ? "\r\n" : "\n");
            }
            writeFile(dir, folder + '/' + name, text);
        }
        LoadOptions options;
        options.format = format;
        const std::string path = format == Format::GenericCsv ? pathIn(dir, folder + "/data.csv") : pathIn(dir, folder);
        std::optional<LoadResult> result;
        const auto error = dataErrorFrom([&] { result = loadDataset(path, options); });
        if (error) {
            ++refused;
            QVERIFY2(!error->cause().empty(), error->what());
            continue;
        }
        ++loaded;
        CHECK_INVARIANTS(*result);
    }
    qDebug("%d loaded, %d refused with a DataError", loaded, refused);
    QVERIFY(loaded > 0);
}

// ---------------------------------------------------------------------------------------------
// What fuzzing found

void TestLoaderCommon::refusedFilesAreClosed()
{
    // A metadata file refused as binary threw from the line reader's constructor, whose
    // destructor then never closed the file: every such load leaked a descriptor until the
    // process could open no more (fuzz target mlcsv, after ~45,000 loads).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/ratings.csv", mlLatestRatings());
    writeFile(dir, "ml/movies.csv", QByteArray("movieId,title\n1,\0x\n", 20));
    const std::string folder = pathIn(dir, "ml");
    const int before = openFiles();
    for (int round = 0; round < 50; ++round) {
        const LoadResult result = loadDataset(folder);
        QCOMPARE(result.report.notes.empty(), false);
    }
    QCOMPARE(openFiles(), before);
    writeFile(dir, "binary.csv", QByteArray("u,i,r\n\0\0\0", 9));
    for (int round = 0; round < 50; ++round)
        QVERIFY(dataErrorFrom([&] { loadDataset(pathIn(dir, "binary.csv")); }).has_value());
    QCOMPARE(openFiles(), before);
}

void TestLoaderCommon::ratingBeyondFloatIsNotNumeric()
{
    // 5.2e68 is a finite double but an infinite float: it was kept, and its scale's maximum was
    // infinite (fuzz target csv, corpus finding-rating-beyond-float).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file =
        writeFile(dir, "data.csv", joinLines({"user,item,rating", "a,x,4", "b,x,5.2e68", "b,y,-4e38", "c,y,3.4e38"}));
    const LoadResult result = loadDataset(file);
    QCOMPARE(result.report.rowsRead, std::uint64_t{4});
    QCOMPARE(result.report.rowsKept, std::uint64_t{2});
    const ProblemTally& tally = result.report.tally(Problem::NotNumeric);
    QCOMPARE(tally.count, std::uint64_t{2});
    QCOMPARE(tally.firstLines, (std::vector<std::uint64_t>{3, 4}));
    QVERIFY2(tally.firstMessage.find("too large") != std::string::npos, tally.firstMessage.c_str());
    QCOMPARE(result.dataset.scale.max, 3.4e38f);
}

void TestLoaderCommon::controlBytesInMessagesAreEscaped()
{
    // A column named with a NUL cut the message short: what() is a C string (fuzz target csv,
    // corpus finding-nul-in-column-name).
    using namespace std::string_literals;
    const DataError error("f.csv", 3, "the column 'a\0b\n\x1b' is not in the header"s);
    QCOMPARE(std::string(error.what()), std::string(R"(f.csv:3: the column 'a\x00b\x0a\x1b' is not in the header)"));
    QCOMPARE(error.cause(), std::string(R"(the column 'a\x00b\x0a\x1b' is not in the header)"));
    QCOMPARE(printable("tab\there, caf\xc3\xa9"), std::string("tab\\x09here, caf\xc3\xa9"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "data.csv", joinLines({"who,what,stars", "a,x,4"}));
    LoadOptions options;
    options.format = Format::GenericCsv;
    options.csv.user = std::string("w\0o", 3);
    const auto refusal = dataErrorFrom([&] { loadDataset(file, options); });
    QVERIFY(refusal.has_value());
    QVERIFY2(std::string(refusal->what()).find("w\\x00o") != std::string::npos, refusal->what());
}

// ---------------------------------------------------------------------------------------------
// Files a user meets

void TestLoaderCommon::sparseFileOver4GiBIsRefusedAtItsLine()
{
    // A header and 2,000 rating lines (past the 8 KiB that detection reads), then a hole up to
    // 4 GiB + 1 MiB (zeros, no line end): refused at line 2,002 once that line passes the limit,
    // after reading 64 MiB of it, not 4 GiB into one buffer.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray text = "user,item,rating\n";
    for (int r = 0; r < 2000; ++r)
        text += "u" + QByteArray::number(r % 97) + ",i" + QByteArray::number(r) + ",4\n";
    const std::string file = writeFile(dir, "big.csv", text);
    {
        QFile sparse(QString::fromStdString(file));
        QVERIFY(sparse.open(QIODevice::ReadWrite));
        if (!sparse.resize((qint64{4} << 30) + (qint64{1} << 20)))
            QSKIP("this file system cannot hold a sparse file over 4 GiB");
    }
    LoadOptions options;
    std::uint64_t total = 0;
    options.progress = [&](std::uint64_t, std::uint64_t all) { total = all; };
    const auto refusal = dataErrorFrom([&] { loadDataset(file, options); });
    QVERIFY(refusal.has_value());
    QCOMPARE(refusal->line(), std::uint64_t{2002});
    QVERIFY2(refusal->cause().find("longer than 64 MiB") != std::string::npos, refusal->what());
    QCOMPARE(total, (std::uint64_t{4} << 30) + (std::uint64_t{1} << 20));
}

void TestLoaderCommon::nonUtf8PathLoadsAndIsNamed()
{
    // A folder name in Latin-1 ("caf\xe9"), as an old archive unpacks it: the engine takes
    // paths as bytes, loads the file, and names it byte for byte in its messages.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = QFile::encodeName(dir.path()).toStdString() + "/caf\xe9";
    QVERIFY(::mkdir(folder.c_str(), 0755) == 0);
    const std::string file = folder + "/u.data";
    // QTemporaryDir cannot remove a name that is not UTF-8.
    const auto remove = qScopeGuard([&] {
        ::unlink(file.c_str());
        ::rmdir(folder.c_str());
    });
    {
        const QByteArray ratings = ml100kRatings();
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, ratings.constData(), static_cast<std::size_t>(ratings.size())), ratings.size());
        ::close(fd);
    }
    const LoadResult result = loadDataset(folder);
    QCOMPARE(result.report.rowsKept, std::uint64_t{5});
    QCOMPARE(result.report.file, file);
    const auto refusal = dataErrorFrom([&] { loadDataset(folder + "/missing.csv"); });
    QVERIFY(refusal.has_value());
    QCOMPARE(refusal->file(), folder + "/missing.csv");
}

void TestLoaderCommon::fileReplacedWhileLoadingEndsCleanly()
{
    // The file is cut short, grown and replaced by another thread while the loader streams it:
    // every load ends in a consistent data set or a DataError, never a crash or a hang.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray big = "user,item,rating,timestamp\n";
    for (int r = 0; r < 400000; ++r)
        big += "u" + QByteArray::number(r % 977) + ",i" + QByteArray::number(r % 1511) + "," +
               QByteArray::number(1 + r % 5) + "," + QByteArray::number(r) + "\n";
    const std::string file = writeFile(dir, "changing.csv", big);
    int loaded = 0, refused = 0;
    for (int round = 0; round < 6; ++round) {
        writeFile(dir, "changing.csv", big);
        std::atomic<bool> started{false};
        LoadOptions options;
        options.progress = [&](std::uint64_t, std::uint64_t) { started = true; };
        const std::jthread meddler([&] {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (!started && std::chrono::steady_clock::now() < deadline)
                std::this_thread::yield();
            switch (round % 3) {
            case 0: // cut short
                QFile::resize(QString::fromStdString(file), big.size() / 3);
                break;
            case 1: // grown with a half line
                if (QFile f(QString::fromStdString(file)); f.open(QIODevice::Append))
                    f.write("u1,i2,");
                break;
            default: // removed (the open file stays readable)
                QFile::remove(QString::fromStdString(file));
                break;
            }
        });
        try {
            const LoadResult result = loadDataset(file, options);
            QCOMPARE(result.report.rowsRead, result.report.rowsKept + result.report.rowsSkipped());
            QVERIFY(datasetProblem(result.dataset).empty());
            ++loaded;
        } catch (const DataError& error) {
            QVERIFY(!error.cause().empty());
            ++refused;
        }
    }
    QCOMPARE(loaded + refused, 6);
}

QTEST_APPLESS_MAIN(TestLoaderCommon)
#include "tst_loader_common.moc"
