// Tests of detectFormat() on files and folders of every format, of the format override and the
// format and problem keys, and of input no loader can use (empty, binary, UTF-16, nothing
// recognisable, missing): a DataError naming file, line and cause, whatever format is forced.
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
#include <string>
#include <utility>
#include <vector>

using namespace loaderfixtures;

class TestLoaderDetection : public QObject
{
    Q_OBJECT

private slots:
    // Detection and override
    void detectFormatOfFile_data();
    void detectFormatOfFile();
    void detectFormatOfFolder_data();
    void detectFormatOfFolder();
    void formatOverride();
    void formatKeys();

    // Unusable input
    void unusableInput_data();
    void unusableInput();
};

// ---------------------------------------------------------------------------------------------
// Detection and override

void TestLoaderDetection::detectFormatOfFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Format>("format");
    QTest::newRow("u.data") << "u.data" << ml100kRatings() << Format::MovieLens100K;
    QTest::newRow("u1.base") << "u1.base" << ml100kRatings() << Format::MovieLens100K;
    QTest::newRow("u.data with blank first lines") << "u.data"
                                                   << "\n\n" + ml100kRatings() << Format::MovieLens100K;
    QTest::newRow("ratings.dat 1M") << "ratings.dat" << ml1mRatings() << Format::MovieLensDat;
    QTest::newRow("ratings.dat 10M") << "ratings.dat" << ml10mRatings() << Format::MovieLensDat;
    QTest::newRow("other name, :: content") << "export.txt" << ml1mRatings() << Format::MovieLensDat;
    QTest::newRow("ratings.csv") << "ratings.csv" << mlLatestRatings() << Format::MovieLensCsv;
    QTest::newRow("ratings.csv, BOM and CRLF")
        << "ratings.csv" << withEndings(mlLatestRatings(), true, true) << Format::MovieLensCsv;
    QTest::newRow("yelp_academic_dataset_review.json")
        << "yelp_academic_dataset_review.json" << yelpReviews() << Format::YelpJson;
    QTest::newRow("review.json") << "review.json" << yelpReviews() << Format::YelpJson;
    QTest::newRow("reviews.jsonl") << "reviews.jsonl" << yelpReviews() << Format::YelpJson;
    QTest::newRow("CSV with header") << "interactions.csv" << genericCsv() << Format::GenericCsv;
    QTest::newRow("headerless ratings.csv") << "ratings.csv" << QByteArray("1,1,4.0,964982703\n") << Format::GenericCsv;
    QTest::newRow("TSV with header") << "data.tsv" << QByteArray("user\titem\trating\nu1\ti1\t4\n")
                                     << Format::GenericCsv;
    QTest::newRow("TSV with 3 columns") << "data.tsv" << QByteArray("1\t2\t3\n") << Format::GenericCsv;
    QTest::newRow("semicolons") << "data.txt" << QByteArray("a;b;4\n") << Format::GenericCsv;
    QTest::newRow("pipes") << "data.txt" << QByteArray("a|b|4\n") << Format::GenericCsv;
}

void TestLoaderDetection::detectFormatOfFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, text);
    QFETCH(Format, format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "x/" + name, text);
    std::string ratingsFile = "unset";
    QCOMPARE(detectFormat(file, &ratingsFile), format);
    QCOMPARE(str(ratingsFile), str(file));
    QCOMPARE(detectFormat(file), format);
    const LoadResult result = load(file);
    QCOMPARE(result.report.format, format);
}

void TestLoaderDetection::detectFormatOfFolder_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("extraFiles");
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("ratingsFile");
    QTest::newRow("ml-100k") << "ml-100k" << QStringList{"u1.base", "u1.test", "README"} << Format::MovieLens100K
                             << "u.data";
    QTest::newRow("ml-1m") << "ml-1m" << QStringList{"users.dat", "README"} << Format::MovieLensDat << "ratings.dat";
    QTest::newRow("ml-10m") << "ml-10m" << QStringList{"tags.dat"} << Format::MovieLensDat << "ratings.dat";
    QTest::newRow("ml-latest") << "ml-latest" << QStringList{"links.csv", "tags.csv"} << Format::MovieLensCsv
                               << "ratings.csv";
    QTest::newRow("yelp academic dataset") << "yelp" << QStringList{"yelp_academic_dataset_user.json"}
                                           << Format::YelpJson << "yelp_academic_dataset_review.json";
    QTest::newRow("yelp short names") << "yelp-short" << QStringList{"tip.json"} << Format::YelpJson << "review.json";
}

void TestLoaderDetection::detectFormatOfFolder()
{
    QFETCH(QString, key);
    QFETCH(QStringList, extraFiles);
    QFETCH(Format, format);
    QFETCH(QString, ratingsFile);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "data", key);
    for (const auto& name : extraFiles)
        writeFile(dir, "data/" + name, "something else\n");
    makeFolder(dir, "data/subfolder");
    std::string found;
    QCOMPARE(detectFormat(folder, &found), format);
    QCOMPARE(str(found), str(pathIn(dir, "data/" + ratingsFile)));
    const LoadResult result = load(folder);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.format, format);
    QCOMPARE(str(result.report.file), str(found));
    QCOMPARE(str(result.dataset.source), str(folder));
}

void TestLoaderDetection::formatOverride()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder with two data sets: automatic picks u.data, the override picks ratings.csv.
    writeFile(dir, "both/u.data", ml100kRatings());
    writeFile(dir, "both/ratings.csv", mlLatestRatings());
    const std::string both = pathIn(dir, "both");
    QCOMPARE(load(both).report.format, Format::MovieLens100K);
    LoadOptions options;
    options.format = Format::MovieLensCsv;
    const LoadResult csv = load(both, options);
    CHECK_INVARIANTS(csv);
    QCOMPARE(csv.report.format, Format::MovieLensCsv);
    QCOMPARE(str(csv.report.file), str(pathIn(dir, "both/ratings.csv")));
    QCOMPARE(csv.report.rowsKept, std::uint64_t{6});

    // Four tab-separated integers in a file not named like MovieLens 100K are generic TSV, so
    // the 1-10 ratings all count; forced to ml-100k, only the one on its 1-5 scale does.
    const std::string scores = writeFile(dir, "scores.tsv", "1\t1\t9\t100\n2\t1\t10\t200\n3\t2\t4\t300\n");
    options.format = Format::MovieLens100K;
    const LoadResult asMl = load(scores, options);
    QCOMPARE(asMl.report.format, Format::MovieLens100K);
    QCOMPARE(asMl.report.rowsKept, std::uint64_t{1});
    const LoadResult asCsv = load(scores);
    CHECK_INVARIANTS(asCsv);
    QCOMPARE(asCsv.report.format, Format::GenericCsv);
    QCOMPARE(str(asCsv.dataset.name), QStringLiteral("scores.tsv"));
    QCOMPARE(asCsv.report.rowsKept, std::uint64_t{3});
    QCOMPARE(asCsv.dataset.scale, (RatingScale{4.0f, 10.0f, 1.0f}));

    // The override names a format whose file is not in the folder.
    options.format = Format::YelpJson;
    auto error = dataErrorFrom([&] { load(both, options); });
    QVERIFY(error.has_value());
    QCOMPARE(str(error->file()), str(both));
    QCOMPARE(error->line(), std::uint64_t{0});
    QVERIFY2(str(error->cause()).contains("no Yelp"), error->what());

    // A generic CSV must be chosen as a file.
    options.format = Format::GenericCsv;
    error = dataErrorFrom([&] { load(both, options); });
    QVERIFY(error.has_value());
    QVERIFY2(str(error->cause()).contains("folder"), error->what());

    // A file in the wrong format: every row is malformed, the load fails with the first cause.
    options.format = Format::MovieLensDat;
    error = dataErrorFrom([&] { load(pathIn(dir, "both/u.data"), options); });
    QVERIFY(error.has_value());
    QCOMPARE(str(error->file()), str(pathIn(dir, "both/u.data")));
    QVERIFY2(str(error->cause()).contains("none of the 5 rows"), error->what());
    QVERIFY2(str(error->cause()).contains("line 1"), error->what());
}

void TestLoaderDetection::formatKeys()
{
    for (Format format : {Format::Auto, Format::MovieLens100K, Format::MovieLensDat, Format::MovieLensCsv,
                          Format::YelpJson, Format::GenericCsv}) {
        const auto key = formatKey(format);
        QVERIFY(key != "?");
        QCOMPARE(formatFromKey(key), std::optional<Format>(format));
        QVERIFY(!formatTitle(format).empty());
    }
    QCOMPARE(formatFromKey("ml-100k"), std::optional<Format>(Format::MovieLens100K));
    QVERIFY(!formatFromKey("nonsense"));
    for (std::size_t p = 0; p < kProblemCount; ++p) {
        const auto problem = static_cast<Problem>(p);
        QCOMPARE(problemFromKey(problemKey(problem)), std::optional<Problem>(problem));
    }
}

// ---------------------------------------------------------------------------------------------
// Unusable input

void TestLoaderDetection::unusableInput_data()
{
    QTest::addColumn<QString>("kind"); // "file", "folder" (files inside: name -> text), "missing"
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("errorFile"); // relative to the temporary folder
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<bool>("detectionFails");

    QTest::newRow("empty file") << "file"
                                << "ratings.csv" << QByteArray() << "ratings.csv" << Q_INT64_C(0) << "empty" << true;
    QTest::newRow("only a BOM") << "file"
                                << "data.csv" << QByteArray("\xEF\xBB\xBF") << "data.csv" << Q_INT64_C(0) << "empty"
                                << true;
    QTest::newRow("blank lines only") << "file"
                                      << "data.csv" << QByteArray("\n \r\n\t\n") << "data.csv" << Q_INT64_C(0)
                                      << "empty" << true;
    QTest::newRow("ratings.csv with only its header")
        << "file"
        << "ratings.csv" << QByteArray("userId,movieId,rating,timestamp\n") << "ratings.csv" << Q_INT64_C(0)
        << "only a header" << false;
    QTest::newRow("generic CSV with only its header")
        << "file"
        << "data.csv" << QByteArray("user_id,item_id,rating,timestamp\r\n") << "data.csv" << Q_INT64_C(0)
        << "only a header" << false;
    QTest::newRow("binary file") << "file"
                                 << "u.data" << QByteArray("196\t242\0\0\x01\x02\xff", 12) << "u.data" << Q_INT64_C(0)
                                 << "binary" << true;
    QTest::newRow("PNG image") << "file"
                               << "ratings.png" << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20)
                               << "ratings.png" << Q_INT64_C(0) << "binary" << true;
    QTest::newRow("UTF-16 LE with BOM") << "file"
                                        << "ratings.csv" << utf16(mlLatestRatings(), false) << "ratings.csv"
                                        << Q_INT64_C(0) << "UTF-16" << true;
    QTest::newRow("UTF-16 BE with BOM") << "file"
                                        << "data.csv" << utf16(genericCsv(), true) << "data.csv" << Q_INT64_C(0)
                                        << "UTF-16" << true;
    QTest::newRow("UTF-16 without BOM") << "file"
                                        << "data.csv" << utf16(genericCsv(), false).mid(2) << "data.csv" << Q_INT64_C(0)
                                        << "" << true;
    QTest::newRow("text without delimiters")
        << "file"
        << "notes.txt" << QByteArray("hello\nworld\n") << "notes.txt" << Q_INT64_C(1) << "no delimiter" << true;
    QTest::newRow("JSON that is not Yelp reviews")
        << "file"
        << "business.json" << yelpBusinesses() << "business.json" << Q_INT64_C(1) << "not a Yelp review" << true;
    QTest::newRow("every row bad") << "file"
                                   << "ratings.dat" << QByteArray("a::b\nc::d\n") << "ratings.dat" << Q_INT64_C(0)
                                   << "none of the 2 rows" << false;
    QTest::newRow("every rating out of scale")
        << "file"
        << "u.data" << QByteArray("1\t1\t9\t1\n") << "u.data" << Q_INT64_C(0) << "outside the scale" << false;
    QTest::newRow("only a truncated JSON line")
        << "file"
        << "review.json" << QByteArray(R"({"user_id":"u1","business_id":"b1","stars":5)") << "review.json"
        << Q_INT64_C(0) << "not a complete JSON object" << false;
    QTest::newRow("folder with nothing recognisable")
        << "folder"
        << "stuff" << QByteArray("readme.txt,my.csv,movies.dat,business.json") << "stuff" << Q_INT64_C(0)
        << "no ratings file recognised" << true;
    QTest::newRow("empty folder") << "folder"
                                  << "nothing" << QByteArray() << "nothing" << Q_INT64_C(0)
                                  << "no ratings file recognised" << true;
    QTest::newRow("folder whose u.data is empty")
        << "folder"
        << "ml" << QByteArray("u.data") << "ml/u.data" << Q_INT64_C(0) << "empty" << true;
    QTest::newRow("path that does not exist")
        << "missing"
        << "no/such/ratings.csv" << QByteArray() << "no/such/ratings.csv" << Q_INT64_C(0) << "no such file" << true;
}

void TestLoaderDetection::unusableInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QByteArray, text);
    QFETCH(QString, errorFile);
    QFETCH(qint64, line);
    QFETCH(QString, cause);
    QFETCH(bool, detectionFails);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string path;
    if (kind == "file") {
        path = writeFile(dir, name, text);
    } else if (kind == "folder") {
        path = makeFolder(dir, name);
        for (const auto& file : text.split(','))
            if (!file.isEmpty())
                writeFile(dir, name + '/' + QString::fromLatin1(file), file == "u.data" ? QByteArray() : "x,y\n");
    } else {
        path = pathIn(dir, name);
    }

    const auto error = dataErrorFrom([&] { load(path); });
    QVERIFY2(error.has_value(), "loadDataset() returned instead of throwing a DataError");
    QCOMPARE(str(error->file()), str(pathIn(dir, errorFile)));
    QCOMPARE(error->line(), static_cast<std::uint64_t>(line));
    QVERIFY2(str(error->cause()).contains(cause), error->what());
    QVERIFY(!error->cause().empty());
    const QString expectedWhat = str(error->file()) + (line > 0 ? ':' + QString::number(line) : QString()) + ": ";
    QVERIFY2(QString::fromUtf8(error->what()).startsWith(expectedWhat), error->what());

    const auto detectError = dataErrorFrom([&] { detectFormat(path); });
    QCOMPARE(detectError.has_value(), detectionFails);
    if (detectError)
        QCOMPARE(str(detectError->file()), str(error->file()));

    // When the file or folder itself is unusable, forcing a format does not get past it either.
    if (!detectionFails)
        return;
    for (Format format :
         {Format::MovieLens100K, Format::MovieLensDat, Format::MovieLensCsv, Format::YelpJson, Format::GenericCsv}) {
        LoadOptions options;
        options.format = format;
        const auto forced = dataErrorFrom([&] { load(path, options); });
        QVERIFY2(forced.has_value(), formatKey(format).data());
    }
}

QTEST_APPLESS_MAIN(TestLoaderDetection)
#include "tst_loader_detection.moc"
