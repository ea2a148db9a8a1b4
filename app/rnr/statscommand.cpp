#include "statscommand.h"

#include "cli.h"
#include "datasetoptions.h"
#include "eval/like.h"

#include "data/split.h"
#include "data/stats.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::stats", text);
}

QString number(double value, int decimals = 0)
{
    return QString::number(value, 'f', decimals);
}

QString date(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

void printCounts(QTextStream& out, const QString& label, const CountSummary& s)
{
    out << tr("%1: min %2, median %3, mean %4, max %5\n")
               .arg(label, number(double(s.min)), number(s.median, 1), number(s.mean, 1), number(double(s.max)));
}
} // namespace

int runStats(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Load a data set and show what was read and skipped, its shape, its rating "
                                        "and activity distributions, and the evaluation split."));
    DatasetOptions dataset;
    dataset.addTo(parser);
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("stats"), out, err))
        return *stop;

    const SplitConfig config = dataset.splitConfig(parser); // a wrong option is told before the load
    const std::uint32_t minPerUser = dataset.minInteractions(parser);
    const LoadResult loaded = dataset.load(parser);
    const Dataset& data = loaded.dataset;
    const DatasetStats s = computeStats(data);

    out << tr("Data set: %1 (%2)\n").arg(QString::fromStdString(data.name), QString::fromStdString(data.source));
    if (data.source != "builtin:demo")
        out << QString::fromStdString(loaded.report.describe());
    out << tr("Users: %1, items: %2, ratings: %3, density: %4%\n")
               .arg(s.users)
               .arg(s.items)
               .arg(s.interactions)
               .arg(number(100.0 * s.density, 3));
    out << tr("Rating scale: %1; observed %2 to %3, mean %4, std %5\n")
               .arg(QString::fromStdString(data.scale.describe()), number(s.ratingMin, 1), number(s.ratingMax, 1),
                    number(s.ratingMean, 3), number(s.ratingStd, 3));
    QStringList bins;
    for (const auto& [value, count] : s.ratingHistogram)
        bins << QStringLiteral("%1: %2").arg(QString::number(value), QString::number(count));
    out << tr("Rating histogram: %1\n").arg(bins.join(QStringLiteral(", ")));
    const float threshold = defaultLikeThreshold(data.scale);
    out << tr("Choose, then like: a rating of %1 or more is a like (%2% of the ratings; --like-threshold auto); "
              "unrated items are taken as not chosen, an assumption: the data has no impression log\n")
               .arg(QString::number(threshold), number(100.0 * likeShare(s, threshold), 1));
    printCounts(out, tr("Ratings per user"), s.perUser);
    printCounts(out, tr("Ratings per item"), s.perItem);
    if (data.hasTimestamps)
        out << tr("Time span: %1 to %2\n").arg(date(s.firstTime), date(s.lastTime));
    else
        out << tr("Time span: none (the row order is used as time)\n");
    out << tr("Items with a title: %1 of %2; genres: %3\n").arg(s.itemsWithTitle).arg(s.items).arg(s.genres);

    FilterReport filter;
    const Dataset filtered = filterMinInteractions(data, minPerUser, &filter);
    out << tr("Filter (users with at least %1 ratings): %2 of %3 users, %4 of %5 items, %6 ratings kept\n")
               .arg(minPerUser)
               .arg(filter.usersAfter)
               .arg(filter.usersBefore)
               .arg(filter.itemsAfter)
               .arg(filter.itemsBefore)
               .arg(filter.interactionsAfter);
    if (filtered.userCount() == 0) {
        out << tr("Split: no user has enough ratings to hold one out\n");
        return Ok;
    }
    const Split split = makeSplit(filtered, config);
    out << tr("Split (all but last one, seed %1): %2 users held out, %3 validation, %4 test; %5 training ratings\n")
               .arg(config.seed)
               .arg(split.validation.size() + split.test.size())
               .arg(split.validation.size())
               .arg(split.test.size())
               .arg(split.train.size());
    out << tr("Ties: %1 of %2 users rated several items at their last timestamp; rule %3 (%4)\n")
               .arg(split.tiedUsers)
               .arg(split.userCount)
               .arg(QString::fromLatin1(tieRuleKey(config.ties).data()))
               .arg(config.ties == TieRule::Drop ? tr("those users are only trained on")
                                                 : tr("it picks their held-out item"));
    return Ok;
}

} // namespace rnr::cli
