// Tests of loadDataset() on the "::"-separated MovieLens files (1M and 10M ratings.dat and
// movies.dat): ids, scales (whole and half stars), titles in Latin-1 and UTF-8, genres, bad rows.
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

class TestLoaderMovieLensDat : public QObject
{
    Q_OBJECT

private slots:
    // MovieLens 1M / 10M
    void movieLens1M();
    void movieLens10M();
    void movieLensDatBadRows_data();
    void movieLensDatBadRows();
};

// ---------------------------------------------------------------------------------------------
// MovieLens 1M / 10M

void TestLoaderMovieLensDat::movieLens1M()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "ml-1m", "ml-1m");
    writeFile(dir, "ml-1m/users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n");
    const LoadResult result = load(folder);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QCOMPARE(result.report.format, Format::MovieLensDat);
    QCOMPARE(str(result.report.file), str(pathIn(dir, "ml-1m/ratings.dat")));
    QCOMPARE(str(data.name), QStringLiteral("MovieLens 1M"));
    QCOMPARE(data.scale, (RatingScale{1.0f, 5.0f, 1.0f}));
    QCOMPARE(summary(result.report), QString());
    QCOMPARE(result.report.rowsKept, std::uint64_t{5});
    QCOMPARE(toList(data.userIds), (QStringList{"1", "2", "3"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"1", "73", "661", "1193"}));
    QCOMPARE(rowsOf(data),
             (QStringList{"1 | 1193 | 5 | 978300760", "1 | 661 | 3 | 978302109", "2 | 1193 | 4 | 978298413",
                          "2 | 73 | 1 | 978300000", "3 | 1 | 2 | 978297000"}));
    QCOMPARE(titleOf(data, "73"), QString::fromUtf8("Mis\xc3\xa9rables, Les (1995)"));
    QCOMPARE(titleOf(data, "1193"), QStringLiteral("One Flew Over the Cuckoo's Nest (1975)"));
    // Genres sorted by name; those of the unrated movie 2000 (Action, Crime) are not listed.
    QCOMPARE(toList(data.genreNames), (QStringList{"Animation", "Children's", "Comedy", "Drama", "Musical"}));
    QCOMPARE(genresOf(data, "1"), (QStringList{"Animation", "Children's", "Comedy"}));
    QCOMPARE(genresOf(data, "73"), (QStringList{"Drama", "Musical"}));
    QCOMPARE(genresOf(data, "661"), (QStringList{"Animation", "Children's", "Musical"}));
}

void TestLoaderMovieLensDat::movieLens10M()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "ml-10M100K", "ml-10m");
    const LoadResult result = load(folder);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QCOMPARE(result.report.format, Format::MovieLensDat);
    QCOMPARE(str(data.name), QStringLiteral("MovieLens 10M"));
    QCOMPARE(data.scale, (RatingScale{0.5f, 5.0f, 0.5f}));
    QCOMPARE(rowsOf(data),
             (QStringList{"1 | 122 | 5 | 838985046", "1 | 185 | 4.5 | 838983525", "2 | 122 | 0.5 | 838983392",
                          "2 | 292 | 3 | 838983421", "3 | 73 | 4 | 838983000"}));
    // movies.dat of 10M is UTF-8: passed through unchanged, not read as Latin-1.
    QCOMPARE(titleOf(data, "73"), QString::fromUtf8("Mis\xc3\xa9rables, Les (1995)"));
    QCOMPARE(genresOf(data, "292"), (QStringList{"Action", "Drama", "Sci-Fi", "Thriller"}));

    // Half-star ratings off the 0.5 grid or outside 0.5-5 are out of scale.
    writeFile(dir, "bad/ratings.dat", "1::1::5.5::1\n1::2::0.25::2\n1::3::0::3\n1::4::4.5::4\n1::5::1::5\n");
    const LoadResult bad = load(pathIn(dir, "bad"));
    CHECK_INVARIANTS(bad);
    QCOMPARE(summary(bad.report), QStringLiteral("out-of-scale 3 [1,2,3]"));
    QCOMPARE(str(bad.dataset.name), QStringLiteral("MovieLens 10M"));
    QCOMPARE(bad.dataset.scale, (RatingScale{1.0f, 4.5f, 0.5f}));
    QVERIFY(anyNoteContains(bad.report, "movies.dat not found"));
}

void TestLoaderMovieLensDat::movieLensDatBadRows_data()
{
    QTest::addColumn<QByteArray>("ratings");
    QTest::addColumn<QString>("expectedSummary");
    QTest::addColumn<int>("rowsKept");
    QTest::newRow("wrong field count") << QByteArray("1::1193::5::978300760\n1::661::3\n1::2::3::4::5\n1:914:3:1\n")
                                       << "malformed 3 [2,3,4]" << 1;
    QTest::newRow("tabs instead of ::") << QByteArray("1::1193::5::978300760\n1\t661\t3\t978302109\n")
                                        << "malformed 1 [2]" << 1;
    QTest::newRow("missing fields") << QByteArray(
                                           "1::1193::5::978300760\n::661::3::1\n1::::3::1\n1::2::::1\n1::3::4::\n")
                                    << "missing-field 4 [2,3,4,5]" << 1;
    QTest::newRow("not numeric") << QByteArray("1::1193::five::978300760\n1::661::3::noon\n1::1::4::1\n")
                                 << "not-numeric 2 [1,2]" << 1;
    QTest::newRow("CRLF and duplicates") << QByteArray("1::1::5::10\r\n1::1::4::20\r\n1::2::3::5\r\n")
                                         << "duplicate 1 [1]" << 2;
}

void TestLoaderMovieLensDat::movieLensDatBadRows()
{
    QFETCH(QByteArray, ratings);
    QFETCH(QString, expectedSummary);
    QFETCH(int, rowsKept);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir, "ml-1m/ratings.dat", ratings);
    writeFile(dir, "ml-1m/movies.dat", ml1mMovies());
    const LoadResult result = load(pathIn(dir, "ml-1m"));
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.format, Format::MovieLensDat);
    QCOMPARE(summary(result.report), expectedSummary);
    QCOMPARE(result.report.rowsKept, static_cast<std::uint64_t>(rowsKept));
}

QTEST_APPLESS_MAIN(TestLoaderMovieLensDat)
#include "tst_loader_mldat.moc"
