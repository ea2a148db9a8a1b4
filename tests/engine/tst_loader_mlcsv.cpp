// Tests of loadDataset() on MovieLens latest (ratings.csv and movies.csv): the header, quoted
// titles, "(no genres listed)", half-star ratings and bad rows.
// Fixtures are written byte for byte as the publisher writes them (see loaderfixtures.h).
#include "loaderfixtures.h"

#include "core/errors.h"
#include "data/dataset.h"
#include "data/synthetic.h"
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

class TestLoaderMovieLensCsv : public QObject
{
    Q_OBJECT

private slots:
    // MovieLens latest
    void movieLensLatest();
    void ownFileInTheMovieLensLayout();
    void movieLensLatestBadRows_data();
    void movieLensLatestBadRows();
    void syntheticTwentyMillionShapeReadsBack();
};

void TestLoaderMovieLensCsv::syntheticTwentyMillionShapeReadsBack()
{
    // rnr bench --size 20m: the MovieLens-20M shape, scaled down here, written as its ratings.csv.
    const SyntheticSize shape = syntheticShape("20m");
    QCOMPARE(shape.users, 138493u);
    QCOMPARE(shape.items, 26744u);
    QCOMPARE(shape.ratings, std::uint64_t(20000263));
    QVERIFY_THROWS_EXCEPTION(UsageError, syntheticShape("5m"));
    const SyntheticSize small = scaledTo(shape, 50000);
    QCOMPARE(small.users, 346u); // 50,000 / (20,000,263 / 138,493) = 346.2: the same activity per user
    QCOMPARE(small.items, shape.items);
    const Dataset data = syntheticRatings(small);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = pathIn(dir, "ratings.csv");
    writeMovieLensCsv(data, file);
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.format, Format::MovieLensCsv);
    QCOMPARE(result.dataset.interactions.size(), data.interactions.size());
    QCOMPARE(result.dataset.userCount(), data.userCount());
    for (std::size_t k = 0; k < data.interactions.size(); k += 997) {
        const Interaction& a = data.interactions[k];
        const Interaction& b = result.dataset.interactions[k];
        QCOMPARE(result.dataset.userIds[b.user], data.userIds[a.user]);
        QCOMPARE(result.dataset.itemIds[b.item], data.itemIds[a.item]);
        QCOMPARE(b.rating, a.rating);
        QCOMPARE(b.timestamp, a.timestamp);
    }
}

// ---------------------------------------------------------------------------------------------
// MovieLens latest

void TestLoaderMovieLensCsv::ownFileInTheMovieLensLayout()
{
    // Issue 10, defect 13: a user's own file with a MovieLens-style header was titled
    // "MovieLens (ratings.csv)". Without the publisher's movies.csv beside it, it keeps its name.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "plays.csv", "userId,movieId,rating,timestamp\n1,10,4.0,100\n2,10,3.5,200\n");
    const LoadResult result = load(pathIn(dir, "plays.csv"));
    QCOMPARE(result.report.format, Format::MovieLensCsv);
    QCOMPARE(str(result.dataset.name), QStringLiteral("plays.csv"));
}

void TestLoaderMovieLensCsv::movieLensLatest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "ml-latest-small", "ml-latest");
    writeFile(dir, "ml-latest-small/links.csv", "movieId,imdbId,tmdbId\n1,0114709,862\n");
    writeFile(dir, "ml-latest-small/tags.csv", "userId,movieId,tag,timestamp\n2,60756,funny,1445714994\n");
    const LoadResult result = load(folder);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QCOMPARE(result.report.format, Format::MovieLensCsv);
    QCOMPARE(str(result.dataset.name), QStringLiteral("MovieLens (ml-latest-small)"));
    QCOMPARE(str(result.report.file), str(pathIn(dir, "ml-latest-small/ratings.csv")));
    QCOMPARE(result.report.rowsRead, std::uint64_t{6}); // the header is not a row
    QCOMPARE(summary(result.report), QString());
    QCOMPARE(data.scale, (RatingScale{0.5f, 5.0f, 0.5f}));
    QCOMPARE(rowsOf(data),
             (QStringList{"1 | 1 | 4 | 964982703", "1 | 3 | 4.5 | 964981247", "2 | 11 | 0.5 | 964982224",
                          "2 | 182727 | 5 | 964983815", "3 | 2 | 3 | 964982931", "3 | 73 | 2.5 | 964983000"}));
    QCOMPARE(titleOf(data, "11"), QStringLiteral("American President, The (1995)"));
    QCOMPARE(titleOf(data, "2"), QStringLiteral("\"Great Performances\" Cats (1998)"));
    QCOMPARE(titleOf(data, "73"), QString::fromUtf8("Mis\xc3\xa9rables, Les (1995)"));
    QCOMPARE(titleOf(data, "182727"), QStringLiteral("A Christmas Story Live! (2017)"));
    QCOMPARE(genresOf(data, "182727"), QStringList());
    QCOMPARE(genresOf(data, "11"), (QStringList{"Comedy", "Drama", "Romance"}));
    QCOMPARE(toList(data.genreNames), (QStringList{"Adventure", "Animation", "Children", "Comedy", "Drama", "Fantasy",
                                                   "Musical", "Romance", "War"}));
}

void TestLoaderMovieLensCsv::movieLensLatestBadRows_data()
{
    QTest::addColumn<QByteArray>("ratings");
    QTest::addColumn<QString>("expectedSummary");
    QTest::addColumn<int>("rowsRead");
    QTest::addColumn<int>("rowsKept");
    const QByteArray header = "userId,movieId,rating,timestamp\n";
    QTest::newRow("wrong field count") << header + "1,1,4.0\n1,2,4.0,1,extra\n1,3,4.0,1\n"
                                       << "malformed 2 [2,3]" << 3 << 1;
    QTest::newRow("broken quoting") << header + "1,\"2,4.0,1\n1,3,4.0,1\n1,4\"x\",4.0,1\n"
                                    << "malformed 2 [2,4]" << 3 << 1;
    QTest::newRow("quoted numbers are fine") << header + "\"1\",\"2\",\"4.5\",\"964982703\"\n" << QString() << 1 << 1;
    QTest::newRow("missing and not numeric") << header + "1,1,,1\n1,2,abc,1\n1,3,4.0,\n1,4,4.0,later\n,5,4.0,1\n"
                                             << "missing-field 3 [2,4,6]; not-numeric 2 [3,5]" << 5 << 0;
    QTest::newRow("outside 0.5-5 in halves") << header + "1,1,0,1\n1,2,5.5,1\n1,3,4.25,1\n1,4,0.5,1\n1,5,6,1\n"
                                             << "out-of-scale 4 [2,3,4,6]" << 5 << 1;
    QTest::newRow("duplicates") << header + "1,1,4.0,20\n1,1,2.0,10\n1,1,3.0,20\n"
                                << "duplicate 2 [2,3]" << 3 << 1;
}

void TestLoaderMovieLensCsv::movieLensLatestBadRows()
{
    QFETCH(QByteArray, ratings);
    QFETCH(QString, expectedSummary);
    QFETCH(int, rowsRead);
    QFETCH(int, rowsKept);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml/ratings.csv", ratings);
    LoadOptions options;
    options.format = Format::MovieLensCsv;
    std::optional<LoadResult> result;
    const auto error = dataErrorFrom([&] { result = load(pathIn(dir, "ml"), options); });
    if (rowsKept == 0) {
        // Nothing usable: a DataError that names the first problem.
        QVERIFY(error.has_value());
        QCOMPARE(error->line(), std::uint64_t{0});
        QVERIFY2(str(error->cause()).contains("none of the 5 rows"), error->what());
        QVERIFY2(str(error->cause()).contains("line 2"), error->what());
        return;
    }
    QVERIFY2(!error, error ? error->what() : "");
    CHECK_INVARIANTS(*result);
    QCOMPARE(summary(result->report), expectedSummary);
    QCOMPARE(result->report.rowsRead, static_cast<std::uint64_t>(rowsRead));
    QCOMPARE(result->report.rowsKept, static_cast<std::uint64_t>(rowsKept));
}

QTEST_APPLESS_MAIN(TestLoaderMovieLensCsv)
#include "tst_loader_mlcsv.moc"
