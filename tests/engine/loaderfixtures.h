#pragma once

// What the loader suites share: the files of every supported data set as its publisher ships them
// (MovieLens 100K/1M/10M/latest, Yelp, a generic CSV), writing them into a temporary folder, and
// the checks every load result must pass (summary of the report, rows with the original ids,
// titles, genres, the invariants of a successful load). Built on fixtures.h.

#include "fixtures.h"

#include "core/errors.h"
#include "data/dataset.h"
#include "io/detail/encoding.h"
#include "io/loader.h"
#include "io/loadoptions.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

Q_DECLARE_METATYPE(rnr::Format)
Q_DECLARE_METATYPE(rnr::Problem)

namespace loaderfixtures {

using namespace rnr;
using fixtures::dataErrorFrom;
using fixtures::joinLines;
using fixtures::makeFolder;
using fixtures::pathIn;
using fixtures::writeFile;

inline QString str(const std::string& text)
{
    return QString::fromStdString(text);
}

// ---------------------------------------------------------------------------------------------
// Publisher files

/// One line of MovieLens 100K u.item: id|title|release|video release|IMDb URL|19 genre flags.
inline QByteArray ml100kItemLine(int id, const QByteArray& title, const QByteArray& release,
                                 std::initializer_list<int> genres)
{
    QByteArray line = QByteArray::number(id) + '|' + title + '|' + release + "||";
    if (!release.isEmpty())
        line += "http://us.imdb.com/M/title-exact?" + QByteArray(title).replace(' ', "%20");
    for (int g = 0; g < 19; ++g)
        line += std::find(genres.begin(), genres.end(), g) != genres.end() ? "|1" : "|0";
    return line;
}

inline QByteArray ml100kRatings()
{
    return joinLines({"196\t1\t3\t881250949", "186\t2\t5\t891717742", "22\t4\t1\t878887116", "196\t4\t4\t881251000",
                      "186\t3\t2\t891717800"});
}

/// u.item as GroupLens ships it: Latin-1, one unrated movie, one "unknown" entry.
inline QByteArray ml100kItems()
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

inline const QStringList& ml100kGenreNames()
{
    static const QStringList names{"unknown",   "Action",   "Adventure",   "Animation", "Children's",
                                   "Comedy",    "Crime",    "Documentary", "Drama",     "Fantasy",
                                   "Film-Noir", "Horror",   "Musical",     "Mystery",   "Romance",
                                   "Sci-Fi",    "Thriller", "War",         "Western"};
    return names;
}

/// u.genre: "name|index" lines, then a blank line (as in the distribution).
inline QByteArray ml100kGenres(const QStringList& names = ml100kGenreNames())
{
    QByteArray text;
    for (int g = 0; g < names.size(); ++g)
        text += names[g].toLatin1() + '|' + QByteArray::number(g) + '\n';
    return text + '\n';
}

inline QByteArray ml1mRatings()
{
    return joinLines({"1::1193::5::978300760", "1::661::3::978302109", "2::1193::4::978298413", "2::73::1::978300000",
                      "3::1::2::978297000"});
}

/// movies.dat of MovieLens 1M: Latin-1; movie 2000 is not rated.
inline QByteArray ml1mMovies()
{
    return joinLines({"1::Toy Story (1995)::Animation|Children's|Comedy",
                      "73::Mis\xe9rables, Les (1995)::Drama|Musical",
                      "661::James and the Giant Peach (1996)::Animation|Children's|Musical",
                      "1193::One Flew Over the Cuckoo's Nest (1975)::Drama",
                      "2000::Lethal Weapon (1987)::Action|Comedy|Crime|Drama"});
}

inline QByteArray ml10mRatings()
{
    return joinLines({"1::122::5::838985046", "1::185::4.5::838983525", "2::122::0.5::838983392",
                      "2::292::3::838983421", "3::73::4::838983000"});
}

/// movies.dat of MovieLens 10M: UTF-8 titles.
inline QByteArray ml10mMovies()
{
    return joinLines({"122::Boomerang (1992)::Comedy|Romance", "185::Net, The (1995)::Action|Crime|Thriller",
                      "292::Outbreak (1995)::Action|Drama|Sci-Fi|Thriller",
                      "73::Mis\xc3\xa9rables, Les (1995)::Drama|War"});
}

inline QByteArray mlLatestRatings()
{
    return joinLines({"userId,movieId,rating,timestamp", "1,1,4.0,964982703", "1,3,4.5,964981247", "2,11,0.5,964982224",
                      "2,182727,5.0,964983815", "3,2,3.0,964982931", "3,73,2.5,964983000"});
}

inline QByteArray mlLatestMovies()
{
    return joinLines({"movieId,title,genres", "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
                      R"c(2,"""Great Performances"" Cats (1998)",Musical)c", "3,Grumpier Old Men (1995),Comedy|Romance",
                      R"c(11,"American President, The (1995)",Comedy|Drama|Romance)c",
                      "73,\"Mis\xc3\xa9rables, Les (1995)\",Drama|War",
                      "182727,A Christmas Story Live! (2017),(no genres listed)"});
}

/// Yelp review JSON lines: texts with escaped quotes, \n escapes, \u escapes and \/; stars as
/// 3.0 and as 3; business YjUWPpI6HXG530lwP-fb2A is not in the business file.
inline QByteArray yelpReviews()
{
    return joinLines({
        R"j({"review_id":"KU_O5udG6zpxOg-VcAEodg","user_id":"mh_-eMZ6K5RLWhZyISBhwA","business_id":"XQfwVwDr-v0ZS3_CbbE5Xw","stars":3.0,"useful":0,"funny":0,"cool":0,"text":"If you decide to eat here, just be aware it is going to take about 2 hours from beginning to end.\n\nThe \"waitstaff\" is very young, but usually pleasant.","date":"2018-07-07 22:09:11"})j",
        R"j({"review_id":"BiTunyQ73aT9WBnpR9DZGw","user_id":"OyoGAe7OKpv6SyGZT5g77Q","business_id":"7ATYjTIgM3jUlt4UM3IypQ","stars":5.0,"useful":1,"funny":0,"cool":1,"text":"I've taken a lot of spin classes over the years, and nothing compares to the classes at Body Cycle.","date":"2012-01-03 15:28:18"})j",
        R"j({"review_id":"saUsX_uimxRlCVr67Z4Jig","user_id":"8g_iMtfSiwikVnbP2etR0A","business_id":"YjUWPpI6HXG530lwP-fb2A","stars":3,"useful":0,"funny":0,"cool":0,"text":"Family diner. Had the buffet. Eclectic assortment: a large chicken leg, fried jalape\u00f1o, tamale.","date":"2014-02-05 20:30:30"})j",
        R"j({"review_id":"AqPFMleE6RsU23_auESxiA","user_id":"_7bHUi9Uuf5__HHc_Q8guQ","business_id":"kxX2SOes4o-D3ZQBkiMRfA","stars":5,"useful":1,"funny":0,"cool":1,"text":"Wow!  Yummy, different,  delicious.   Our favorite is the lamb curry and korma.","date":"2015-01-04 00:01:03"})j",
        R"j({"review_id":"Sx8TMOWLNuJBWer-0pcmoA","user_id":"mh_-eMZ6K5RLWhZyISBhwA","business_id":"kxX2SOes4o-D3ZQBkiMRfA","stars":4.0,"useful":0,"funny":0,"cool":0,"text":"Cute interior and owner (?) gave us tour of upcoming patio\/rooftop area.","date":"2017-01-14 20:54:15"})j",
    });
}

inline QByteArray yelpBusinesses()
{
    return joinLines({
        R"j({"business_id":"XQfwVwDr-v0ZS3_CbbE5Xw","name":"Turning Point of North Wales","address":"1460 Bethlehem Pike","city":"North Wales","state":"PA","postal_code":"19454","latitude":40.2101961875,"longitude":-75.2236385919,"stars":3.0,"review_count":169,"is_open":1,"attributes":{"NoiseLevel":"u'average'","RestaurantsGoodForGroups":"True"},"categories":"Restaurants, Breakfast & Brunch, Food","hours":{"Monday":"7:30-15:0","Tuesday":"7:30-15:0"}})j",
        R"j({"business_id":"7ATYjTIgM3jUlt4UM3IypQ","name":"Body Cycle Spinning Studio","address":"","city":"Philadelphia","state":"PA","stars":5.0,"review_count":4,"is_open":1,"attributes":null,"categories":null,"hours":null})j",
        R"j({"business_id":"kxX2SOes4o-D3ZQBkiMRfA","name":"Caf\u00e9 \"Zaika\"","city":"Philadelphia","stars":4.0,"categories":"Halal, Pakistani, Restaurants, Indian","hours":null})j",
        R"j({"business_id":"Pns2l4eNsfO8kk83dixA6A","name":"Abby Rappaport, LAC, CMQ","city":"Santa Barbara","categories":"Doctors, Traditional Chinese Medicine, Naturopathic\/Holistic, Acupuncture","hours":null})j",
    });
}

inline QByteArray genericCsv()
{
    return joinLines({"user_id,item_id,rating,timestamp", "u1,i1,4,100", "u2,i1,5,200", "u1,i2,3,300"});
}

struct PublisherFile
{
    QString name;
    QByteArray bytes;
};

/// The files of one data set as its publisher ships them; the first one holds the ratings.
inline std::vector<PublisherFile> publisherFiles(const QString& key)
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

inline QByteArray withEndings(QByteArray text, bool crlf, bool bom)
{
    if (crlf)
        text.replace("\n", "\r\n");
    if (bom)
        text.prepend("\xEF\xBB\xBF");
    return text;
}

/// Writes the data set's files into folder; returns the folder (or, for a generic CSV, the file).
inline std::string writePublisherFolder(const QTemporaryDir& dir, const QString& folder, const QString& key,
                                        bool crlf = false, bool bom = false)
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
inline QString summary(const LoadReport& report)
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
inline QStringList rowsOf(const Dataset& data)
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

inline QStringList toList(const std::vector<std::string>& texts)
{
    QStringList list;
    for (const auto& text : texts)
        list << str(text);
    return list;
}

inline std::optional<std::uint32_t> denseItem(const Dataset& data, const std::string& original)
{
    for (std::uint32_t i = 0; i < data.itemIds.size(); ++i)
        if (data.itemIds[i] == original)
            return i;
    return std::nullopt;
}

/// The UTF-8 title of the item with that original id; "<no item>" when it is not in the data set.
inline QString titleOf(const Dataset& data, const std::string& original)
{
    const auto item = denseItem(data, original);
    if (!item)
        return QStringLiteral("<no item>");
    if (data.itemTitles.empty())
        return QStringLiteral("<no titles>");
    return str(data.itemTitles.at(*item));
}

inline QStringList genresOf(const Dataset& data, const std::string& original)
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

inline bool anyNoteContains(const LoadReport& report, const QString& text)
{
    for (const auto& note : report.notes)
        if (str(note).contains(text))
            return true;
    return false;
}

/// What must hold after every successful load; an empty string when it does.
inline QString invariantViolation(const LoadResult& result)
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
inline LoadResult load(const std::string& path, const LoadOptions& options = {})
{
    return loadDataset(path, options);
}

inline QByteArray repeated(char c, qsizetype count)
{
    return QByteArray(count, c);
}

inline QByteArray utf16(const QByteArray& ascii, bool bigEndian)
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

} // namespace loaderfixtures
