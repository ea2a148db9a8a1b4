// Tests of loadDataset() on the Yelp JSON lines files (review and business, long and short names):
// JSON escapes, stars as 3.0 and 3, dates, categories, bad lines, the business file missing.
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

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace loaderfixtures;

class TestLoaderYelp : public QObject
{
    Q_OBJECT

private slots:
    // Yelp
    void yelp_data();
    void yelp();
    void yelpBadLines();
    void yelpWithoutBusinessFile();
    void pluralReviewFileFindsPluralBusinessFile();
};

// ---------------------------------------------------------------------------------------------
// Yelp

void TestLoaderYelp::yelp_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("reviewFile");
    QTest::addColumn<bool>("openFolder");
    QTest::newRow("yelp_academic_dataset_*, folder") << "yelp"
                                                     << "yelp_academic_dataset_review.json" << true;
    QTest::newRow("yelp_academic_dataset_*, file") << "yelp"
                                                   << "yelp_academic_dataset_review.json" << false;
    QTest::newRow("review.json, folder") << "yelp-short"
                                         << "review.json" << true;
    QTest::newRow("review.json, file") << "yelp-short"
                                       << "review.json" << false;
}

void TestLoaderYelp::yelp()
{
    QFETCH(QString, key);
    QFETCH(QString, reviewFile);
    QFETCH(bool, openFolder);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string folder = writePublisherFolder(dir, "yelp", key);
    const std::string file = pathIn(dir, "yelp/" + reviewFile);
    const LoadResult result = load(openFolder ? folder : file);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QCOMPARE(result.report.format, Format::YelpJson);
    QCOMPARE(str(result.report.file), str(file));
    QCOMPARE(str(data.name), QStringLiteral("Yelp"));
    QCOMPARE(data.scale, (RatingScale{1.0f, 5.0f, 1.0f}));
    QCOMPARE(summary(result.report), QString());
    QCOMPARE(result.report.rowsRead, std::uint64_t{5});
    QCOMPARE(toList(data.userIds), (QStringList{"8g_iMtfSiwikVnbP2etR0A", "OyoGAe7OKpv6SyGZT5g77Q",
                                                "_7bHUi9Uuf5__HHc_Q8guQ", "mh_-eMZ6K5RLWhZyISBhwA"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"7ATYjTIgM3jUlt4UM3IypQ", "XQfwVwDr-v0ZS3_CbbE5Xw",
                                                "YjUWPpI6HXG530lwP-fb2A", "kxX2SOes4o-D3ZQBkiMRfA"}));
    QCOMPARE(rowsOf(data), (QStringList{"8g_iMtfSiwikVnbP2etR0A | YjUWPpI6HXG530lwP-fb2A | 3 | 1391632230",
                                        "OyoGAe7OKpv6SyGZT5g77Q | 7ATYjTIgM3jUlt4UM3IypQ | 5 | 1325604498",
                                        "_7bHUi9Uuf5__HHc_Q8guQ | kxX2SOes4o-D3ZQBkiMRfA | 5 | 1420329663",
                                        "mh_-eMZ6K5RLWhZyISBhwA | XQfwVwDr-v0ZS3_CbbE5Xw | 3 | 1531001351",
                                        "mh_-eMZ6K5RLWhZyISBhwA | kxX2SOes4o-D3ZQBkiMRfA | 4 | 1484427255"}));
    // Names from the business file (JSON escapes decoded to UTF-8).
    QCOMPARE(titleOf(data, "XQfwVwDr-v0ZS3_CbbE5Xw"), QStringLiteral("Turning Point of North Wales"));
    QCOMPARE(titleOf(data, "kxX2SOes4o-D3ZQBkiMRfA"), QString::fromUtf8("Caf\xc3\xa9 \"Zaika\""));
    // A reviewed business missing from the business file: no title, a note, shown by its id.
    QCOMPARE(titleOf(data, "YjUWPpI6HXG530lwP-fb2A"), QString());
    QVERIFY(anyNoteContains(result.report, "not in the business file"));
    QCOMPARE(str(data.itemLabel(*denseItem(data, "YjUWPpI6HXG530lwP-fb2A"))),
             QStringLiteral("item YjUWPpI6HXG530lwP-fb2A"));
    // Categories: sorted names of reviewed businesses only; null categories give none.
    QCOMPARE(toList(data.genreNames),
             (QStringList{"Breakfast & Brunch", "Food", "Halal", "Indian", "Pakistani", "Restaurants"}));
    QCOMPARE(genresOf(data, "XQfwVwDr-v0ZS3_CbbE5Xw"), (QStringList{"Breakfast & Brunch", "Food", "Restaurants"}));
    QCOMPARE(genresOf(data, "kxX2SOes4o-D3ZQBkiMRfA"), (QStringList{"Halal", "Indian", "Pakistani", "Restaurants"}));
    QCOMPARE(genresOf(data, "7ATYjTIgM3jUlt4UM3IypQ"), QStringList());
    QCOMPARE(genresOf(data, "YjUWPpI6HXG530lwP-fb2A"), QStringList());
}

void TestLoaderYelp::yelpBadLines()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray reviews =
        joinLines({
            R"({"review_id":"r1","user_id":"u1","business_id":"b1","stars":5,"text":"ok","date":"2018-07-07 22:09:11"})",
            R"({"review_id":"r2","user_id":"u2","business_id":"b1","stars":4,"text":"cut her)",
            R"({"review_id":"r3","business_id":"b1","stars":4,"date":"2018-07-07"})",
            R"({"review_id":"r4","user_id":"u3","business_id":"b1","date":"2018-07-07"})",
            R"({"review_id":"r5","user_id":"u3","business_id":"b1","stars":"five","date":"2018-07-07"})",
            R"({"review_id":"r6","user_id":"u3","business_id":"b1","stars":6,"date":"2018-07-07"})",
            R"({"review_id":"r7","user_id":"u3","business_id":"b1","stars":2,"date":"July 7th"})",
            R"([1,2,3])",
            "",
            R"({"review_id":"r10","user_id":"u1","business_id":"b1","stars":1,"date":"2019-01-01 00:00:00"})",
            R"({"review_id":"r11","user_id":"","business_id":"b1","stars":1})",
            R"(not json at all)",
            R"({"review_id":"r13","user_id":"u4","business_id":"b2","stars":2})",
        }) +
        R"({"review_id":"r14","user_id":"u5","business_id":"b2","stars":3,"da)"; // truncated last line, no newline
    const std::string file = writeFile(dir, "yelp/review.json", reviews);
    const LoadResult result = load(pathIn(dir, "yelp"));
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.format, Format::YelpJson);
    QCOMPARE(summary(result.report), QStringLiteral("malformed 4 [2,8,12,14]; missing-field 3 [3,4,11]; "
                                                    "not-numeric 2 [5,7]; out-of-scale 1 [6]; duplicate 1 [1]"));
    QCOMPARE(result.report.rowsRead, std::uint64_t{13});
    QCOMPARE(result.report.rowsKept, std::uint64_t{2});
    QVERIFY2(str(result.report.tally(Problem::MissingField).firstMessage).contains("user_id"),
             result.report.tally(Problem::MissingField).firstMessage.c_str());
    // A review without a date uses its line number as time.
    QCOMPARE(rowsOf(result.dataset), (QStringList{"u1 | b1 | 1 | 1546300800", "u4 | b2 | 2 | 13"}));
    QVERIFY(anyNoteContains(result.report, "business.json not found"));
}

void TestLoaderYelp::pluralReviewFileFindsPluralBusinessFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string reviews = writeFile(dir, "reviews.json", yelpReviews());
    writeFile(dir, "businesses.json", yelpBusinesses());
    const LoadResult result = load(reviews);
    CHECK_INVARIANTS(result);
    const auto titled = std::count_if(result.dataset.itemTitles.begin(), result.dataset.itemTitles.end(),
                                      [](const std::string& t) { return !t.empty(); });
    QVERIFY(titled > 0);
}

void TestLoaderYelp::yelpWithoutBusinessFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "yelp/yelp_academic_dataset_review.json", yelpReviews());
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsKept, std::uint64_t{5});
    QVERIFY(result.dataset.itemTitles.empty());
    QVERIFY(anyNoteContains(result.report, "yelp_academic_dataset_business.json not found"));
    QCOMPARE(str(result.dataset.itemLabel(0)), QStringLiteral("item 7ATYjTIgM3jUlt4UM3IypQ"));
}

QTEST_APPLESS_MAIN(TestLoaderYelp)
#include "tst_loader_yelp.moc"
