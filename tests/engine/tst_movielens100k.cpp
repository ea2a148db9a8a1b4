// Opt-in: the real MovieLens 100K from ../shared/datasets (never committed; skipped when absent).
#include "data/split.h"
#include "data/stats.h"
#include "io/loader.h"

#include <QDir>
#include <QTest>

using namespace rnr;

class TestMovieLens100K : public QObject
{
    Q_OBJECT

    QString m_folder = QStringLiteral(RNR_SHARED_DATASETS "/ml-100k");

private Q_SLOTS:
    void init()
    {
        if (!QFileInfo::exists(m_folder + QStringLiteral("/u.data")))
            QSKIP(qPrintable(QStringLiteral("MovieLens 100K not found at %1; place the GroupLens files there "
                                            "to run this test")
                                 .arg(QDir::cleanPath(m_folder))));
    }

    void loadsTheFolder()
    {
        const LoadResult result = loadDataset(m_folder.toStdString());
        const Dataset& data = result.dataset;
        QCOMPARE(result.report.format, Format::MovieLens100K);
        QCOMPARE(result.report.rowsRead, 100000u);
        QCOMPARE(result.report.rowsKept, 100000u);
        QCOMPARE(result.report.rowsSkipped(), 0u);
        QCOMPARE(data.interactions.size(), 100000u);
        QCOMPARE(data.userCount(), 943u);
        QCOMPARE(data.itemCount(), 1682u);
        QCOMPARE(data.genreNames.size(), 19u);
        QCOMPARE(QString::fromStdString(data.genreNames.front()), QStringLiteral("unknown"));
        QCOMPARE(data.scale, (RatingScale{1.0f, 5.0f, 1.0f}));

        // Item 1 is Toy Story: Animation, Children's, Comedy.
        const auto toyStory = std::find(data.itemIds.begin(), data.itemIds.end(), "1") - data.itemIds.begin();
        QCOMPARE(QString::fromStdString(data.itemTitles[toyStory]), QStringLiteral("Toy Story (1995)"));
        QStringList genres;
        for (auto g : data.itemGenres[toyStory])
            genres << QString::fromStdString(data.genreNames[g]);
        QCOMPARE(genres,
                 (QStringList{QStringLiteral("Animation"), QStringLiteral("Children's"), QStringLiteral("Comedy")}));
        // Latin-1 titles arrive as UTF-8.
        bool accented = false;
        for (const auto& title : data.itemTitles)
            accented = accented || QString::fromStdString(title).contains(QChar(0xE9));
        QVERIFY2(accented, "no title with an é: Latin-1 was not converted");
    }

    void statsAndSplit()
    {
        const Dataset data = loadDataset(m_folder.toStdString()).dataset;
        const DatasetStats s = computeStats(data);
        QCOMPARE(s.perUser.min, 20u); // GroupLens kept users with at least 20 ratings
        QCOMPARE(s.ratingHistogram.size(), 5u);
        FilterReport filter;
        const Dataset filtered = filterMinInteractions(data, 4, &filter);
        QCOMPARE(filter.usersAfter, 943u);
        const Split split = makeSplit(filtered, SplitConfig{kAllUsers, 7});
        QCOMPARE(split.validation.size() + split.test.size(), 943u);
        QCOMPARE(split.validation.size(), 471u);
        QCOMPARE(split.train.size(), 100000u - 943u);
    }
};

QTEST_APPLESS_MAIN(TestMovieLens100K)
#include "tst_movielens100k.moc"
