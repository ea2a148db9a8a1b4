// Tests of loadDataset() and detectFormat() on every supported format. Each test writes its
// fixtures into a QTemporaryDir exactly as the publisher writes them (MovieLens 100K/1M/10M/latest,
// Yelp, generic CSV/TSV), then checks the data set (counts, dense ids mapping back to the
// original ids, UTF-8 titles, genres, scale) and the load report (rows read and kept, counts and
// first line numbers per problem kind). Bad input must end in a DataError naming file, line and
// cause, never in a crash.
#include "fixtures.h"

#include "dataset.h"
#include "encoding.h"
#include "errors.h"
#include "linereader.h"
#include "loader.h"
#include "loadoptions.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace rnr;
using fixtures::dataErrorFrom;
using fixtures::joinLines;
using fixtures::makeFolder;
using fixtures::pathIn;
using fixtures::writeFile;

Q_DECLARE_METATYPE(rnr::Format)
Q_DECLARE_METATYPE(rnr::Problem)

namespace {

QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

// ---------------------------------------------------------------------------------------------
// Publisher files

/// One line of MovieLens 100K u.item: id|title|release|video release|IMDb URL|19 genre flags.
QByteArray ml100kItemLine(int id, const QByteArray& title, const QByteArray& release, std::initializer_list<int> genres)
{
    QByteArray line = QByteArray::number(id) + '|' + title + '|' + release + "||";
    if (!release.isEmpty())
        line += "http://us.imdb.com/M/title-exact?" + QByteArray(title).replace(' ', "%20");
    for (int g = 0; g < 19; ++g)
        line += std::find(genres.begin(), genres.end(), g) != genres.end() ? "|1" : "|0";
    return line;
}

QByteArray ml100kRatings()
{
    return joinLines({"196\t1\t3\t881250949", "186\t2\t5\t891717742", "22\t4\t1\t878887116", "196\t4\t4\t881251000",
                      "186\t3\t2\t891717800"});
}

/// u.item as GroupLens ships it: Latin-1, one unrated movie, one "unknown" entry.
QByteArray ml100kItems()
{
    return joinLines({
        ml100kItemLine(1, "Toy Story (1995)", "01-Jan-1995", {3, 4, 5}),
        ml100kItemLine(2, "GoldenEye (1995)", "01-Jan-1995", {1, 2, 16}),
        ml100kItemLine(3, "Four Rooms (1995)", "01-Jan-1995", {16}),
        ml100kItemLine(4, "Mis\xe9rables, Les (1995)", "01-Jan-1995", {8, 12}),
        ml100kItemLine(5, "Copycat (1995)", "01-Jan-1995", {6, 8, 16}),
        ml100kItemLine(267, "unknown", "", {0}),
    });
}

const QStringList& ml100kGenreNames()
{
    static const QStringList names{"unknown",   "Action",   "Adventure",   "Animation", "Children's",
                                   "Comedy",    "Crime",    "Documentary", "Drama",     "Fantasy",
                                   "Film-Noir", "Horror",   "Musical",     "Mystery",   "Romance",
                                   "Sci-Fi",    "Thriller", "War",         "Western"};
    return names;
}

/// u.genre: "name|index" lines, then a blank line (as in the distribution).
QByteArray ml100kGenres(const QStringList& names = ml100kGenreNames())
{
    QByteArray text;
    for (int g = 0; g < names.size(); ++g)
        text += names[g].toLatin1() + '|' + QByteArray::number(g) + '\n';
    return text + '\n';
}

QByteArray ml1mRatings()
{
    return joinLines({"1::1193::5::978300760", "1::661::3::978302109", "2::1193::4::978298413", "2::73::1::978300000",
                      "3::1::2::978297000"});
}

/// movies.dat of MovieLens 1M: Latin-1; movie 2000 is not rated.
QByteArray ml1mMovies()
{
    return joinLines({"1::Toy Story (1995)::Animation|Children's|Comedy",
                      "73::Mis\xe9rables, Les (1995)::Drama|Musical",
                      "661::James and the Giant Peach (1996)::Animation|Children's|Musical",
                      "1193::One Flew Over the Cuckoo's Nest (1975)::Drama",
                      "2000::Lethal Weapon (1987)::Action|Comedy|Crime|Drama"});
}

QByteArray ml10mRatings()
{
    return joinLines({"1::122::5::838985046", "1::185::4.5::838983525", "2::122::0.5::838983392",
                      "2::292::3::838983421", "3::73::4::838983000"});
}

/// movies.dat of MovieLens 10M: UTF-8 titles.
QByteArray ml10mMovies()
{
    return joinLines({"122::Boomerang (1992)::Comedy|Romance", "185::Net, The (1995)::Action|Crime|Thriller",
                      "292::Outbreak (1995)::Action|Drama|Sci-Fi|Thriller",
                      "73::Mis\xc3\xa9rables, Les (1995)::Drama|War"});
}

QByteArray mlLatestRatings()
{
    return joinLines({"userId,movieId,rating,timestamp", "1,1,4.0,964982703", "1,3,4.5,964981247", "2,11,0.5,964982224",
                      "2,182727,5.0,964983815", "3,2,3.0,964982931", "3,73,2.5,964983000"});
}

QByteArray mlLatestMovies()
{
    return joinLines({"movieId,title,genres", "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
                      R"c(2,"""Great Performances"" Cats (1998)",Musical)c", "3,Grumpier Old Men (1995),Comedy|Romance",
                      R"c(11,"American President, The (1995)",Comedy|Drama|Romance)c",
                      "73,\"Mis\xc3\xa9rables, Les (1995)\",Drama|War",
                      "182727,A Christmas Story Live! (2017),(no genres listed)"});
}

/// Yelp review JSON lines: texts with escaped quotes, \n escapes, \u escapes and \/; stars as
/// 3.0 and as 3; business YjUWPpI6HXG530lwP-fb2A is not in the business file.
QByteArray yelpReviews()
{
    return joinLines({
        R"j({"review_id":"KU_O5udG6zpxOg-VcAEodg","user_id":"mh_-eMZ6K5RLWhZyISBhwA","business_id":"XQfwVwDr-v0ZS3_CbbE5Xw","stars":3.0,"useful":0,"funny":0,"cool":0,"text":"If you decide to eat here, just be aware it is going to take about 2 hours from beginning to end.\n\nThe \"waitstaff\" is very young, but usually pleasant.","date":"2018-07-07 22:09:11"})j",
        R"j({"review_id":"BiTunyQ73aT9WBnpR9DZGw","user_id":"OyoGAe7OKpv6SyGZT5g77Q","business_id":"7ATYjTIgM3jUlt4UM3IypQ","stars":5.0,"useful":1,"funny":0,"cool":1,"text":"I've taken a lot of spin classes over the years, and nothing compares to the classes at Body Cycle.","date":"2012-01-03 15:28:18"})j",
        R"j({"review_id":"saUsX_uimxRlCVr67Z4Jig","user_id":"8g_iMtfSiwikVnbP2etR0A","business_id":"YjUWPpI6HXG530lwP-fb2A","stars":3,"useful":0,"funny":0,"cool":0,"text":"Family diner. Had the buffet. Eclectic assortment: a large chicken leg, fried jalape\u00f1o, tamale.","date":"2014-02-05 20:30:30"})j",
        R"j({"review_id":"AqPFMleE6RsU23_auESxiA","user_id":"_7bHUi9Uuf5__HHc_Q8guQ","business_id":"kxX2SOes4o-D3ZQBkiMRfA","stars":5,"useful":1,"funny":0,"cool":1,"text":"Wow!  Yummy, different,  delicious.   Our favorite is the lamb curry and korma.","date":"2015-01-04 00:01:03"})j",
        R"j({"review_id":"Sx8TMOWLNuJBWer-0pcmoA","user_id":"mh_-eMZ6K5RLWhZyISBhwA","business_id":"kxX2SOes4o-D3ZQBkiMRfA","stars":4.0,"useful":0,"funny":0,"cool":0,"text":"Cute interior and owner (?) gave us tour of upcoming patio\/rooftop area.","date":"2017-01-14 20:54:15"})j",
    });
}

QByteArray yelpBusinesses()
{
    return joinLines({
        R"j({"business_id":"XQfwVwDr-v0ZS3_CbbE5Xw","name":"Turning Point of North Wales","address":"1460 Bethlehem Pike","city":"North Wales","state":"PA","postal_code":"19454","latitude":40.2101961875,"longitude":-75.2236385919,"stars":3.0,"review_count":169,"is_open":1,"attributes":{"NoiseLevel":"u'average'","RestaurantsGoodForGroups":"True"},"categories":"Restaurants, Breakfast & Brunch, Food","hours":{"Monday":"7:30-15:0","Tuesday":"7:30-15:0"}})j",
        R"j({"business_id":"7ATYjTIgM3jUlt4UM3IypQ","name":"Body Cycle Spinning Studio","address":"","city":"Philadelphia","state":"PA","stars":5.0,"review_count":4,"is_open":1,"attributes":null,"categories":null,"hours":null})j",
        R"j({"business_id":"kxX2SOes4o-D3ZQBkiMRfA","name":"Caf\u00e9 \"Zaika\"","city":"Philadelphia","stars":4.0,"categories":"Halal, Pakistani, Restaurants, Indian","hours":null})j",
        R"j({"business_id":"Pns2l4eNsfO8kk83dixA6A","name":"Abby Rappaport, LAC, CMQ","city":"Santa Barbara","categories":"Doctors, Traditional Chinese Medicine, Naturopathic\/Holistic, Acupuncture","hours":null})j",
    });
}

QByteArray genericCsv()
{
    return joinLines({"user_id,item_id,rating,timestamp", "u1,i1,4,100", "u2,i1,5,200", "u1,i2,3,300"});
}

struct PublisherFile
{
    QString name;
    QByteArray bytes;
};

/// The files of one data set as its publisher ships them; the first one holds the ratings.
std::vector<PublisherFile> publisherFiles(const QString& key)
{
    if (key == "ml-100k")
        return {{"u.data", ml100kRatings()}, {"u.item", ml100kItems()}, {"u.genre", ml100kGenres()}};
    if (key == "ml-1m")
        return {{"ratings.dat", ml1mRatings()}, {"movies.dat", ml1mMovies()}};
    if (key == "ml-10m")
        return {{"ratings.dat", ml10mRatings()}, {"movies.dat", ml10mMovies()}};
    if (key == "ml-latest")
        return {{"ratings.csv", mlLatestRatings()}, {"movies.csv", mlLatestMovies()}};
    if (key == "yelp")
        return {{"yelp_academic_dataset_review.json", yelpReviews()},
                {"yelp_academic_dataset_business.json", yelpBusinesses()}};
    if (key == "yelp-short")
        return {{"review.json", yelpReviews()}, {"business.json", yelpBusinesses()}};
    if (key == "csv")
        return {{"interactions.csv", genericCsv()}};
    qFatal("unknown fixture %s", qPrintable(key));
    return {};
}

QByteArray withEndings(QByteArray text, bool crlf, bool bom)
{
    if (crlf)
        text.replace("\n", "\r\n");
    if (bom)
        text.prepend("\xEF\xBB\xBF");
    return text;
}

/// Writes the data set's files into folder; returns the folder (or, for a generic CSV, the file).
std::string writePublisherFolder(const QTemporaryDir& dir, const QString& folder, const QString& key, bool crlf = false,
                                 bool bom = false)
{
    const auto files = publisherFiles(key);
    std::string ratingsFile;
    for (const auto& file : files) {
        const std::string path = writeFile(dir, folder + '/' + file.name, withEndings(file.bytes, crlf, bom));
        if (ratingsFile.empty())
            ratingsFile = path;
    }
    return key == "csv" ? ratingsFile : pathIn(dir, folder);
}

// ---------------------------------------------------------------------------------------------
// Checks

/// "kind count [first lines]" for every problem that occurred, in Problem order.
QString summary(const LoadReport& report)
{
    QStringList parts;
    for (std::size_t p = 0; p < kProblemCount; ++p) {
        const auto& tally = report.problems[p];
        if (tally.count == 0)
            continue;
        QStringList lines;
        for (auto line : tally.firstLines)
            lines << QString::number(line);
        parts << QStringLiteral("%1 %2 [%3]")
                     .arg(QString::fromLatin1(problemKey(static_cast<Problem>(p))))
                     .arg(tally.count)
                     .arg(lines.join(','));
    }
    return parts.join("; ");
}

/// Every interaction as "user | item | rating | time" with the publisher's ids, sorted.
QStringList rowsOf(const Dataset& data)
{
    QStringList rows;
    for (const auto& x : data.interactions) {
        if (x.user >= data.userIds.size() || x.item >= data.itemIds.size()) {
            rows << QStringLiteral("<dense id out of range>");
            continue;
        }
        rows << QStringLiteral("%1 | %2 | %3 | %4")
                    .arg(str(data.userIds[x.user]), str(data.itemIds[x.item]))
                    .arg(static_cast<double>(x.rating))
                    .arg(x.timestamp);
    }
    rows.sort();
    return rows;
}

QStringList toList(const std::vector<std::string>& texts)
{
    QStringList list;
    for (const auto& text : texts)
        list << str(text);
    return list;
}

std::optional<std::uint32_t> denseItem(const Dataset& data, const std::string& original)
{
    for (std::uint32_t i = 0; i < data.itemIds.size(); ++i)
        if (data.itemIds[i] == original)
            return i;
    return std::nullopt;
}

/// The UTF-8 title of the item with that original id; "<no item>" when it is not in the data set.
QString titleOf(const Dataset& data, const std::string& original)
{
    const auto item = denseItem(data, original);
    if (!item)
        return QStringLiteral("<no item>");
    if (data.itemTitles.empty())
        return QStringLiteral("<no titles>");
    return str(data.itemTitles.at(*item));
}

QStringList genresOf(const Dataset& data, const std::string& original)
{
    const auto item = denseItem(data, original);
    if (!item)
        return {QStringLiteral("<no item>")};
    QStringList names;
    if (data.itemGenres.empty())
        return names;
    for (auto g : data.itemGenres.at(*item))
        names << (g < data.genreNames.size() ? str(data.genreNames[g]) : QStringLiteral("<bad genre index>"));
    return names;
}

bool anyNoteContains(const LoadReport& report, const QString& text)
{
    for (const auto& note : report.notes)
        if (str(note).contains(text))
            return true;
    return false;
}

/// What must hold after every successful load; an empty string when it does.
QString invariantViolation(const LoadResult& result)
{
    const Dataset& data = result.dataset;
    const LoadReport& report = result.report;
    if (report.rowsRead != report.rowsKept + report.rowsSkipped())
        return QStringLiteral("rows read %1 != kept %2 + skipped %3")
            .arg(report.rowsRead)
            .arg(report.rowsKept)
            .arg(report.rowsSkipped());
    if (report.rowsKept != data.interactions.size())
        return QStringLiteral("rowsKept %1 != %2 interactions").arg(report.rowsKept).arg(data.interactions.size());
    for (const auto& tally : report.problems) {
        if (tally.firstLines.size() != std::min<std::uint64_t>(tally.count, ProblemTally::kMaxLines))
            return QStringLiteral("a tally of %1 keeps %2 line numbers").arg(tally.count).arg(tally.firstLines.size());
        if (!std::is_sorted(tally.firstLines.begin(), tally.firstLines.end()))
            return QStringLiteral("first lines not ascending");
        if (tally.count > 0 && tally.firstMessage.empty())
            return QStringLiteral("a tally without a message");
    }
    std::vector<char> userUsed(data.userCount(), 0), itemUsed(data.itemCount(), 0);
    std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const auto& x : data.interactions) {
        if (x.user >= data.userCount() || x.item >= data.itemCount())
            return QStringLiteral("dense id out of range");
        userUsed[x.user] = itemUsed[x.item] = 1;
        if (!pairs.emplace(x.user, x.item).second)
            return QStringLiteral("duplicate (user, item) kept: %1, %2")
                .arg(str(data.userIds[x.user]), str(data.itemIds[x.item]));
        if (!data.scale.contains(x.rating))
            return QStringLiteral("rating %1 outside the data set's scale %2")
                .arg(static_cast<double>(x.rating))
                .arg(str(data.scale.describe()));
    }
    if (std::find(userUsed.begin(), userUsed.end(), 0) != userUsed.end() ||
        std::find(itemUsed.begin(), itemUsed.end(), 0) != itemUsed.end())
        return QStringLiteral("an id without interactions");
    if (std::set<std::string>(data.userIds.begin(), data.userIds.end()).size() != data.userCount() ||
        std::set<std::string>(data.itemIds.begin(), data.itemIds.end()).size() != data.itemCount())
        return QStringLiteral("an original id mapped twice");
    if (!data.itemTitles.empty() && data.itemTitles.size() != data.itemCount())
        return QStringLiteral("%1 titles for %2 items").arg(data.itemTitles.size()).arg(data.itemCount());
    for (const auto& title : data.itemTitles)
        if (!isValidUtf8(title))
            return QStringLiteral("a title is not UTF-8");
    if (!data.itemGenres.empty() && data.itemGenres.size() != data.itemCount())
        return QStringLiteral("%1 genre lists for %2 items").arg(data.itemGenres.size()).arg(data.itemCount());
    for (const auto& list : data.itemGenres) {
        for (auto g : list)
            if (g >= data.genreNames.size())
                return QStringLiteral("genre index out of range");
        if (std::adjacent_find(list.begin(), list.end(), [](auto a, auto b) { return a >= b; }) != list.end())
            return QStringLiteral("genre list not strictly ascending");
    }
    if (data.name.empty())
        return QStringLiteral("no name");
    return {};
}

#define CHECK_INVARIANTS(result)                                                                                       \
    do {                                                                                                               \
        const QString violation_ = invariantViolation(result);                                                         \
        QVERIFY2(violation_.isEmpty(), qPrintable(violation_));                                                        \
    } while (false)

/// Loads with the given options; anything thrown propagates and fails the test.
LoadResult load(const std::string& path, const LoadOptions& options = {})
{
    return loadDataset(path, options);
}

QByteArray repeated(char c, qsizetype count)
{
    return QByteArray(count, c);
}

QByteArray utf16(const QByteArray& ascii, bool bigEndian)
{
    QByteArray out = bigEndian ? QByteArray("\xFE\xFF") : QByteArray("\xFF\xFE");
    for (char c : ascii) {
        if (bigEndian)
            out.append('\0').append(c);
        else
            out.append(c).append('\0');
    }
    return out;
}

} // namespace

class TestLoaders : public QObject
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

    // MovieLens 1M / 10M / latest
    void movieLens1M();
    void movieLens10M();
    void movieLensDatBadRows_data();
    void movieLensDatBadRows();
    void movieLensLatest();
    void movieLensLatestBadRows_data();
    void movieLensLatestBadRows();

    // Yelp
    void yelp_data();
    void yelp();
    void yelpBadLines();
    void yelpWithoutBusinessFile();
    void brokenMetadataIsOnlyANote();
    void pluralReviewFileFindsPluralBusinessFile();
    void itemListedTwiceInMetadata_data();
    void itemListedTwiceInMetadata();

    // Generic CSV / TSV
    void genericCsvColumnsByHeaderName();
    void genericCsvColumnsByIndexWithoutHeader();
    void genericCsvColumnsByIndexWithHeader();
    void genericCsvImplicitFeedbackWithoutTimestamps();
    void genericCsvGuessedMapping_data();
    void genericCsvGuessedMapping();
    void genericCsvQuotedFields();
    void genericCsvBadMapping_data();
    void genericCsvBadMapping();
    void genericCsvBadRows();
    void genericCsvLongLine();

    // Detection and override
    void detectFormatOfFile_data();
    void detectFormatOfFile();
    void detectFormatOfFolder_data();
    void detectFormatOfFolder();
    void formatOverride();
    void formatKeys();

    // Line endings, byte-order mark, unusable input
    void lineEndingsAndByteOrderMark_data();
    void lineEndingsAndByteOrderMark();
    void unusableInput_data();
    void unusableInput();

    // Policies
    void stopPolicy_data();
    void stopPolicy();
    void stopPolicyOnlyForItsOwnProblem();

    // Progress, cancel, line reader
    void progressIsReported();
    void cancelBeforeLoading_data();
    void cancelBeforeLoading();
    void cancelWhileLoading();
    void lineReaderHandsOutEveryLine();
    void reportDescribesTheLoad();
    void csvPreviewForTheMappingDialog();

    // Robustness
    void garbageNeverCrashes_data();
    void garbageNeverCrashes();
};

// ---------------------------------------------------------------------------------------------
// MovieLens 100K

void TestLoaders::movieLens100kFolder()
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
    // Dense ids in order of first appearance, mapping back to the file's ids.
    QCOMPARE(toList(data.userIds), (QStringList{"196", "186", "22"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"1", "2", "4", "3"}));
    QCOMPARE(rowsOf(data), (QStringList{"186 | 2 | 5 | 891717742", "186 | 3 | 2 | 891717800", "196 | 1 | 3 | 881250949",
                                        "196 | 4 | 4 | 881251000", "22 | 4 | 1 | 878887116"}));
    // Rows keep their line numbers.
    QCOMPARE(data.interactions.size(), std::size_t{5});
    for (std::size_t r = 0; r < data.interactions.size(); ++r)
        QCOMPARE(data.interactions[r].row, static_cast<std::uint32_t>(r + 1));

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

void TestLoaders::movieLens100kFileGivesTheSameData()
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

void TestLoaders::movieLens100kWithoutItemFile()
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

void TestLoaders::movieLens100kGenreFile_data()
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

void TestLoaders::movieLens100kGenreFile()
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

void TestLoaders::movieLens100kBadRows_data()
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

void TestLoaders::movieLens100kBadRows()
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

void TestLoaders::movieLens100kDuplicatesKeepTheLatest()
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

void TestLoaders::movieLens100kScaleOverride()
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

void TestLoaders::movieLens100kBadItemLineIsANote()
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

// ---------------------------------------------------------------------------------------------
// MovieLens 1M / 10M / latest

void TestLoaders::movieLens1M()
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
    QCOMPARE(toList(data.itemIds), (QStringList{"1193", "661", "73", "1"}));
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

void TestLoaders::movieLens10M()
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

void TestLoaders::movieLensDatBadRows_data()
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

void TestLoaders::movieLensDatBadRows()
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

void TestLoaders::movieLensLatest()
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

void TestLoaders::movieLensLatestBadRows_data()
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

void TestLoaders::movieLensLatestBadRows()
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

// ---------------------------------------------------------------------------------------------
// Yelp

void TestLoaders::yelp_data()
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

void TestLoaders::yelp()
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
    QCOMPARE(toList(data.userIds), (QStringList{"mh_-eMZ6K5RLWhZyISBhwA", "OyoGAe7OKpv6SyGZT5g77Q",
                                                "8g_iMtfSiwikVnbP2etR0A", "_7bHUi9Uuf5__HHc_Q8guQ"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"XQfwVwDr-v0ZS3_CbbE5Xw", "7ATYjTIgM3jUlt4UM3IypQ",
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

void TestLoaders::yelpBadLines()
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

void TestLoaders::brokenMetadataIsOnlyANote()
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

void TestLoaders::pluralReviewFileFindsPluralBusinessFile()
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

void TestLoaders::yelpWithoutBusinessFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "yelp/yelp_academic_dataset_review.json", yelpReviews());
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsKept, std::uint64_t{5});
    QVERIFY(result.dataset.itemTitles.empty());
    QVERIFY(anyNoteContains(result.report, "yelp_academic_dataset_business.json not found"));
    QCOMPARE(str(result.dataset.itemLabel(0)), QStringLiteral("item XQfwVwDr-v0ZS3_CbbE5Xw"));
}

void TestLoaders::itemListedTwiceInMetadata_data()
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

void TestLoaders::itemListedTwiceInMetadata()
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
// Generic CSV / TSV

void TestLoaders::genericCsvColumnsByHeaderName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "shop/ratings_semicolon.csv",
                                       joinLines({"Rating;Customer;Product;When", "4;alice;p1;2020-01-02",
                                                  "5;bob;p2;2020-01-03 10:00:00", "3;alice;p2;1577836800"}));
    LoadOptions options;
    options.csv.delimiter = ';';
    options.csv.user = "customer"; // names are case-insensitive
    options.csv.item = "PRODUCT";
    options.csv.rating = "Rating";
    options.csv.timestamp = "when";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QCOMPARE(result.report.format, Format::GenericCsv);
    QCOMPARE(str(data.name), QStringLiteral("ratings_semicolon.csv"));
    QCOMPARE(result.report.rowsRead, std::uint64_t{3});
    QVERIFY(data.hasTimestamps);
    QCOMPARE(toList(data.userIds), (QStringList{"alice", "bob"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"p1", "p2"}));
    QCOMPARE(rowsOf(data),
             (QStringList{"alice | p1 | 4 | 1577923200", "alice | p2 | 3 | 1577836800", "bob | p2 | 5 | 1578045600"}));
    QCOMPARE(data.scale, (RatingScale{3.0f, 5.0f, 1.0f}));
    QVERIFY(data.itemTitles.empty());
}

void TestLoaders::genericCsvColumnsByIndexWithoutHeader()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "data.txt", joinLines({"p1;alice;4;100", "p2;bob;5;200", "p1;bob;2;300"}));
    LoadOptions options;
    options.format = Format::GenericCsv;
    options.csv.delimiter = ';';
    options.csv.hasHeader = false;
    options.csv.user = "1";
    options.csv.item = "0";
    options.csv.rating = "2";
    options.csv.timestamp = "3";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsRead, std::uint64_t{3}); // the first line is data
    QCOMPARE(rowsOf(result.dataset), (QStringList{"alice | p1 | 4 | 100", "bob | p1 | 2 | 300", "bob | p2 | 5 | 200"}));
    QCOMPARE(toList(result.dataset.userIds), (QStringList{"alice", "bob"}));
    QCOMPARE(toList(result.dataset.itemIds), (QStringList{"p1", "p2"}));
}

void TestLoaders::genericCsvColumnsByIndexWithHeader()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file =
        writeFile(dir, "data.csv", joinLines({"who,what,score,extra", "alice,p1,4,x", "bob,p1,2,y"}));
    LoadOptions options;
    options.csv.hasHeader = true;
    options.csv.user = "0";
    options.csv.item = "1";
    options.csv.rating = "2";
    options.csv.timestamp = "-";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsRead, std::uint64_t{2});
    QVERIFY(!result.dataset.hasTimestamps);
    QCOMPARE(rowsOf(result.dataset), (QStringList{"alice | p1 | 4 | 2", "bob | p1 | 2 | 3"}));
}

void TestLoaders::genericCsvImplicitFeedbackWithoutTimestamps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "clicks.csv", "alice;p1\nbob;p1\nalice;p2\n\nalice;p1\n");
    LoadOptions options;
    options.csv.delimiter = ';';
    options.csv.hasHeader = false;
    options.csv.user = "0";
    options.csv.item = "1";
    options.csv.rating = "-";
    options.csv.timestamp = "-";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QVERIFY(!data.hasTimestamps);
    // Every rating is 1; the row (line) number stands in for time, so the later duplicate wins.
    QCOMPARE(rowsOf(data), (QStringList{"alice | p1 | 1 | 5", "alice | p2 | 1 | 3", "bob | p1 | 1 | 2"}));
    QCOMPARE(summary(result.report), QStringLiteral("duplicate 1 [1]"));
    QCOMPARE(data.scale, (RatingScale{1.0f, 1.0f, 1.0f}));
    QVERIFY(anyNoteContains(result.report, "implicit feedback"));
    QVERIFY(anyNoteContains(result.report, "order of the rows"));
}

void TestLoaders::genericCsvGuessedMapping_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("order"); // u(ser) i(tem) r(ating) t(ime) x(other) per column
    QTest::addColumn<char>("delimiter");
    QTest::newRow("user_id,item_id,rating,timestamp")
        << QByteArray("user_id,item_id,rating,timestamp") << QByteArray("uirt") << ',';
    QTest::newRow("columns in another order")
        << QByteArray("timestamp,rating,item_id,user_id") << QByteArray("triu") << ',';
    QTest::newRow("TSV with capitals") << QByteArray("UserID\tMovieID\tRating\tTime") << QByteArray("uirt") << '\t';
    QTest::newRow("pipes, Amazon-style names")
        << QByteArray("reviewerID|asin|overall|unixReviewTime") << QByteArray("uirt") << '|';
    QTest::newRow("semicolons, extra column")
        << QByteArray("customer_id;comment;product_id;stars;date") << QByteArray("uxirt") << ';';
    QTest::newRow("quoted header names") << QByteArray("\"user\",\"item\",\"rating\",\"timestamp\"")
                                         << QByteArray("uirt") << ',';
}

void TestLoaders::genericCsvGuessedMapping()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, order);
    QFETCH(char, delimiter);
    const struct
    {
        const char *user, *item, *rating, *time;
    } rows[] = {{"u1", "i1", "4", "100"}, {"u2", "i1", "5", "200"}, {"u1", "i2", "3", "300"}};
    QByteArray text = header + "\r\n";
    for (const auto& row : rows) {
        QByteArrayList fields;
        for (char role : order)
            fields << (role == 'u'   ? row.user
                       : role == 'i' ? row.item
                       : role == 'r' ? row.rating
                       : role == 't' ? row.time
                                     : "n/a");
        text += fields.join(delimiter) + "\r\n";
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "export.txt", text);
    QCOMPARE(detectFormat(file), Format::GenericCsv);
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.format, Format::GenericCsv);
    QCOMPARE(result.report.rowsRead, std::uint64_t{3});
    QVERIFY(result.dataset.hasTimestamps);
    QCOMPARE(rowsOf(result.dataset), (QStringList{"u1 | i1 | 4 | 100", "u1 | i2 | 3 | 300", "u2 | i1 | 5 | 200"}));
}

void TestLoaders::genericCsvQuotedFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file =
        writeFile(dir, "quoted.csv",
                  joinLines({"user,item,rating,timestamp", R"("Smith, J.","The ""Best"" Pizza",4,100)",
                             R"(plain,"a,b",5,"2020-01-01")"}));
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(toList(result.dataset.userIds), (QStringList{"Smith, J.", "plain"}));
    QCOMPARE(toList(result.dataset.itemIds), (QStringList{"The \"Best\" Pizza", "a,b"}));
    QCOMPARE(rowsOf(result.dataset),
             (QStringList{"Smith, J. | The \"Best\" Pizza | 4 | 100", "plain | a,b | 5 | 1577836800"}));
}

void TestLoaders::genericCsvBadMapping_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("hasHeader"); // -1 detect, 0 no, 1 yes
    QTest::addColumn<QString>("cause");
    QTest::newRow("no such column name") << QByteArray("user,item,rating\nu1,i1,4\n") << "customer" << -1
                                         << "no column named 'customer'";
    QTest::newRow("index past the last column")
        << QByteArray("user,item,rating\nu1,i1,4\n") << "7" << -1 << "does not exist";
    QTest::newRow("negative index") << QByteArray("user,item,rating\nu1,i1,4\n") << "-2" << -1 << "does not exist";
    QTest::newRow("name but no header") << QByteArray("u1,i1,4\nu2,i1,5\n") << "user" << 0 << "has no header";
    QTest::newRow("nothing to guess from")
        << QByteArray("alpha,beta,gamma\nu1,i1,4\n") << "" << -1 << "cannot tell which column holds the user";
}

void TestLoaders::genericCsvBadMapping()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, user);
    QFETCH(int, hasHeader);
    QFETCH(QString, cause);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "mapped.csv", text);
    LoadOptions options;
    options.format = Format::GenericCsv;
    options.csv.user = user.toStdString();
    if (hasHeader >= 0)
        options.csv.hasHeader = hasHeader == 1;
    const auto error = dataErrorFrom([&] { load(file, options); });
    QVERIFY(error.has_value());
    QCOMPARE(str(error->file()), str(file));
    QCOMPARE(error->line(), std::uint64_t{1});
    QVERIFY2(str(error->cause()).contains(cause), error->what());
}

void TestLoaders::genericCsvBadRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "mixed.csv",
                                       joinLines({
                                           "user,item,rating,timestamp", // 1 header
                                           "u1,i1,4,100",                // 2 ok
                                           "u2,i2",                      // 3 malformed
                                           "u3,,4,100",                  // 4 missing item
                                           "u4,i4,,100",                 // 5 missing rating
                                           "u5,i5,four,100",             // 6 not numeric
                                           "u6,i6,4,soon",               // 7 not numeric
                                           "u7,\"i7,4,100",              // 8 broken quoting
                                           "u8,i8,4,100,extra",          // 9 ok: extra fields are allowed
                                           "u9,i9,nan,100",              // 10 not a finite number
                                           "u1,i1,2,50",                 // 11 duplicate, older
                                           "",                           // 12 blank
                                           "u10,i10,-2.5,2020-01-01",    // 13 ok: no declared scale
                                       }));
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(summary(result.report),
             QStringLiteral("malformed 2 [3,8]; missing-field 2 [4,5]; not-numeric 3 [6,7,10]; duplicate 1 [11]"));
    QCOMPARE(result.report.rowsRead, std::uint64_t{11});
    QCOMPARE(result.report.rowsKept, std::uint64_t{3});
    QCOMPARE(rowsOf(result.dataset),
             (QStringList{"u1 | i1 | 4 | 100", "u10 | i10 | -2.5 | 1577836800", "u8 | i8 | 4 | 100"}));
    QCOMPARE(result.dataset.scale, (RatingScale{-2.5f, 4.0f, 0.5f}));
}

void TestLoaders::genericCsvLongLine()
{
    // One line of 5.5 MB (more than the reader's 4 MB chunk) between ordinary lines: the reader
    // must grow its buffer and hand out the whole line.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qsizetype longField = qsizetype{11} << 19; // 5.5 MiB
    const QByteArray text = "user,item,rating,comment\nu1,i1,4,short\nu2,i1,5," + repeated('x', longField) +
                            "\nu3,i2,3,short\r\nu4,i2,2," + repeated('y', longField) + "\r\nu5,i3,1,end";
    const std::string file = writeFile(dir, "long.csv", text);
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(summary(result.report), QString());
    QCOMPARE(result.report.rowsRead, std::uint64_t{5});
    QVERIFY(!result.dataset.hasTimestamps); // "comment" is not a time column
    QCOMPARE(rowsOf(result.dataset), (QStringList{"u1 | i1 | 4 | 2", "u2 | i1 | 5 | 3", "u3 | i2 | 3 | 4",
                                                  "u4 | i2 | 2 | 5", "u5 | i3 | 1 | 6"}));
}

// ---------------------------------------------------------------------------------------------
// Detection and override

void TestLoaders::detectFormatOfFile_data()
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

void TestLoaders::detectFormatOfFile()
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

void TestLoaders::detectFormatOfFolder_data()
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

void TestLoaders::detectFormatOfFolder()
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

void TestLoaders::formatOverride()
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

void TestLoaders::formatKeys()
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
// Line endings, BOM, unusable input

void TestLoaders::lineEndingsAndByteOrderMark_data()
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

void TestLoaders::lineEndingsAndByteOrderMark()
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

void TestLoaders::unusableInput_data()
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

void TestLoaders::unusableInput()
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

// ---------------------------------------------------------------------------------------------
// Policies

void TestLoaders::stopPolicy_data()
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

void TestLoaders::stopPolicy()
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

void TestLoaders::stopPolicyOnlyForItsOwnProblem()
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
// Progress, cancel, line reader

void TestLoaders::progressIsReported()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Larger than one 4 MB chunk, so that progress is reported more than once.
    const QByteArray text =
        "user,item,rating,note\nu1,i1,4,a\nu2,i1,5," + repeated('x', qsizetype{5} << 20) + "\nu3,i2,3,b\n";
    const std::string file = writeFile(dir, "big.csv", text);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    LoadOptions options;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); };
    const LoadResult result = load(file, options);
    QCOMPARE(result.report.rowsKept, std::uint64_t{3});
    QVERIFY2(calls.size() >= 2, qPrintable(QString::number(calls.size())));
    const auto size = static_cast<std::uint64_t>(text.size());
    std::uint64_t previous = 0;
    for (const auto& [done, total] : calls) {
        QCOMPARE(total, size);
        QVERIFY(done >= previous);
        QVERIFY(done <= total);
        previous = done;
    }
    QCOMPARE(calls.back().first, size);

    // Small files report too (once at least), metadata files included.
    calls.clear();
    load(writePublisherFolder(dir, "ml", "ml-100k"), options);
    QVERIFY(!calls.empty());
}

void TestLoaders::cancelBeforeLoading_data()
{
    QTest::addColumn<QString>("key");
    for (const char* key : {"ml-100k", "ml-1m", "ml-latest", "yelp", "csv"})
        QTest::newRow(key) << QString::fromLatin1(key);
}

void TestLoaders::cancelBeforeLoading()
{
    QFETCH(QString, key);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writePublisherFolder(dir, "data", key);
    std::atomic<bool> cancel{true};
    LoadOptions options;
    options.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(rnr::Cancelled, loadDataset(path, options));
    cancel = false;
    QVERIFY(load(path, options).report.rowsKept > 0);
}

void TestLoaders::cancelWhileLoading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray text = "user,item,rating,note\nu1,i1,4,a\nu2,i1,5," + repeated('x', qsizetype{5} << 20) + "\n";
    const std::string file = writeFile(dir, "big.csv", text);
    std::atomic<bool> cancel{false};
    int calls = 0;
    LoadOptions options;
    options.cancel = &cancel;
    options.progress = [&](std::uint64_t, std::uint64_t) {
        ++calls;
        cancel = true; // another thread would raise it; the loader notices at the next chunk
    };
    QVERIFY_THROWS_EXCEPTION(rnr::Cancelled, loadDataset(file, options));
    QCOMPARE(calls, 1);

    // Cancelled while reading the metadata beside small ratings files.
    const std::string folder = writePublisherFolder(dir, "ml", "ml-1m");
    cancel = false;
    calls = 0;
    QVERIFY_THROWS_EXCEPTION(rnr::Cancelled, loadDataset(folder, options));
    QCOMPARE(calls, 1);
}

void TestLoaders::lineReaderHandsOutEveryLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qsizetype longLength = (qsizetype{9} << 20) + 7; // longer than two chunks
    const QByteArray text = "\xEF\xBB\xBF"
                            "first\r\n\r\n  \nsecond\n" +
                            repeated('z', longLength) + "\r\nlast";
    const std::string file = writeFile(dir, "lines.txt", text);
    LoadOptions options;
    LineReader reader(file, options);
    QCOMPARE(reader.sizeBytes(), static_cast<std::uint64_t>(text.size()));
    QList<QByteArray> lines;
    QList<std::uint64_t> numbers;
    std::string_view line;
    while (reader.next(line)) {
        lines << (line.size() > 100 ? "long:" + QByteArray::number(static_cast<qsizetype>(line.size()))
                                    : QByteArray(line.data(), static_cast<qsizetype>(line.size())));
        numbers << reader.lineNumber();
        if (line.size() > 100)
            QVERIFY(line.find_first_not_of('z') == std::string_view::npos);
    }
    QCOMPARE(lines, (QList<QByteArray>{"first", "", "  ", "second", "long:" + QByteArray::number(longLength), "last"}));
    QCOMPARE(numbers, (QList<std::uint64_t>{1, 2, 3, 4, 5, 6}));
    QVERIFY(!reader.next(line)); // stays at the end

    QCOMPARE(QByteArray::fromStdString(readFirstLine(file)), QByteArray("first"));
    QCOMPARE(QByteArray::fromStdString(readFirstLine(writeFile(dir, "blank.txt", "\r\n \n\t\r\nx\ty\r\n"))),
             QByteArray("x\ty"));
    QCOMPARE(QByteArray::fromStdString(readFirstLine(writeFile(dir, "none.txt", "\n\n"))), QByteArray());

    // Refusals.
    QVERIFY(dataErrorFrom([&] { LineReader r(pathIn(dir, "."), options); }).has_value());
    QVERIFY(dataErrorFrom([&] { LineReader r(pathIn(dir, "missing.txt"), options); }).has_value());
    QVERIFY(
        dataErrorFrom([&] { LineReader r(writeFile(dir, "u16.txt", utf16("a,b\n", false)), options); }).has_value());
    QVERIFY(
        dataErrorFrom([&] { LineReader r(writeFile(dir, "bin.txt", QByteArray("a\0b\n", 4)), options); }).has_value());
}

void TestLoaders::reportDescribesTheLoad()
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

void TestLoaders::garbageNeverCrashes_data()
{
    QTest::addColumn<Format>("format");
    QTest::newRow("auto") << Format::Auto;
    QTest::newRow("ml-100k") << Format::MovieLens100K;
    QTest::newRow("ml-dat") << Format::MovieLensDat;
    QTest::newRow("ml-csv") << Format::MovieLensCsv;
    QTest::newRow("yelp") << Format::YelpJson;
    QTest::newRow("csv") << Format::GenericCsv;
}

void TestLoaders::garbageNeverCrashes()
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

void TestLoaders::csvPreviewForTheMappingDialog()
{
    QTemporaryDir dir;
    // A header (with a BOM) whose usual names are guessed; CRLF line ends.
    const std::string named =
        writeFile(dir, QStringLiteral("named.csv"), "\xEF\xBB\xBFuserId,movieId,rating\r\n1,10,4\r\n2,10,5\r\n");
    CsvPreview p = previewCsv(named);
    QCOMPARE(p.delimiter, ',');
    QVERIFY(p.hasHeader);
    QCOMPARE(p.columns, (std::vector<std::string>{"userId", "movieId", "rating"}));
    QCOMPARE(p.user, std::optional<std::size_t>(0));
    QCOMPARE(p.item, std::optional<std::size_t>(1));
    QCOMPARE(p.rating, std::optional<std::size_t>(2));
    QCOMPARE(p.timestamp, std::optional<std::size_t>());
    QCOMPARE(p.rows.size(), 2u);
    QCOMPARE(p.rows[1], (std::vector<std::string>{"2", "10", "5"}));
    // No header: numbered columns, the usual order assumed; maxRows respected.
    const std::string bare =
        writeFile(dir, QStringLiteral("bare.tsv"), "1\t10\t4\t100\n2\t11\t3\t101\n3\t12\t2\t102\n");
    p = previewCsv(bare, CsvMapping{}, 2);
    QCOMPARE(p.delimiter, '\t');
    QVERIFY(!p.hasHeader);
    QCOMPARE(p.columns.front(), std::string("column 0"));
    QCOMPARE(p.timestamp, std::optional<std::size_t>(3));
    QCOMPARE(p.rows.size(), 2u);
    // A thousand columns are cut to 200; a 3 MiB line without an end stays one short row.
    QByteArray wide;
    for (int c = 0; c < 1000; ++c)
        wide += (c ? "," : "") + QByteArray::number(c);
    p = previewCsv(writeFile(dir, QStringLiteral("wide.csv"), wide + '\n' + wide + '\n'));
    QCOMPARE(p.columns.size(), 200u);
    QCOMPARE(p.rows.size(), 2u); // numbers only: no header
    QCOMPARE(p.rows[0].size(), 200u);
    QByteArray endless(3 << 20, 'x');
    p = previewCsv(writeFile(dir, QStringLiteral("endless.csv"), "a,b\n" + endless));
    QVERIFY(p.rows.size() <= 1);
    // An empty file is a clear error.
    QVERIFY_THROWS_EXCEPTION(DataError, previewCsv(writeFile(dir, QStringLiteral("empty.csv"), "")));
}

QTEST_APPLESS_MAIN(TestLoaders)
#include "tst_loaders.moc"
