#include "datasetoptions.h"

#include "cli.h"

#include <algorithm>

#include "core/errors.h"
#include "data/demo.h"
#include "io/loader.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::DatasetOptions", text);
}

[[noreturn]] void usage(const QString& message)
{
    throw UsageError(message.toStdString());
}

double parseNumber(const QString& text, const QString& option)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        usage(tr("--%1: '%2' is not a number").arg(option, text));
    return value;
}
} // namespace

std::uint64_t parseCount(const QString& value, const QString& option)
{
    bool ok = false;
    const qulonglong n = value.toULongLong(&ok);
    if (!ok)
        usage(tr("--%1: '%2' is not a whole number").arg(option, value));
    return n;
}

void DatasetOptions::addTo(QCommandLineParser& parser)
{
    m_dataset.setDescription(tr("Data set: a file, a folder, or builtin:demo (default)."));
    m_format.setDescription(tr("File format: auto, ml-100k, ml-dat, ml-csv, yelp or csv (default auto)."));
    m_onProblem.setDescription(tr("What to do with bad rows of a kind: malformed, missing-field, not-numeric, "
                                  "out-of-scale, duplicate or all; skip (default) or stop. Repeatable."));
    m_scale.setDescription(tr("Rating scale, overriding the format's, e.g. 1:5:1 or 0.5:5:0.5."));
    m_columns.setDescription(tr("CSV column mapping by header name or 0-based index, e.g. "
                                "user=0,item=1,rating=2,time=3 (rating=- or time=- for none)."));
    m_delimiter.setDescription(tr("CSV delimiter: , ; | or tab (default: detected)."));
    m_header.setDescription(tr("Whether the CSV file has a header line (default: detected)."));
    m_demoSeed.setDescription(tr("Seed of the built-in demo data set (default 42)."));
    m_minInteractions.setDescription(tr("Drop users with fewer interactions than this (default 4)."));
    m_splitUsers.setDescription(tr("Number of users who get a held-out item, or all (default all)."));
    m_seed.setDescription(tr("Seed of the split (default 1)."));
    m_ties.setDescription(tr("Which item is held out when several share a user's last timestamp: file-order (the "
                             "later row), item-id (the larger id; default), random (by the seed) or drop (such "
                             "users are only trained on)."));
    parser.addOptions({m_dataset, m_format, m_onProblem, m_scale, m_columns, m_delimiter, m_header, m_demoSeed,
                       m_minInteractions, m_splitUsers, m_seed, m_ties});
}

QStringList DatasetOptions::given(const QCommandLineParser& parser, const QStringList& leaveOut) const
{
    QStringList words = givenOptions(parser,
                                     {m_format, m_onProblem, m_scale, m_columns, m_delimiter, m_header, m_demoSeed,
                                      m_minInteractions, m_splitUsers, m_seed, m_ties},
                                     leaveOut);
    const QString path = datasetPath(parser);
    if (parser.isSet(m_dataset) && !leaveOut.contains(m_dataset.names().first()))
        words.prepend(QStringLiteral("--dataset=") +
                      (path == QLatin1String("builtin:demo") ? path : QFileInfo(path).absoluteFilePath()));
    return words;
}

QString DatasetOptions::datasetPath(const QCommandLineParser& parser) const
{
    return parser.isSet(m_dataset) ? parser.value(m_dataset) : QStringLiteral("builtin:demo");
}

LoadOptions DatasetOptions::loadOptions(const QCommandLineParser& parser) const
{
    LoadOptions options;
    const auto format = formatFromKey(parser.value(m_format).toStdString());
    if (!format)
        usage(
            tr("--format: unknown format '%1' (auto, ml-100k, ml-dat, ml-csv, yelp, csv)").arg(parser.value(m_format)));
    options.format = *format;

    for (const QString& entry : parser.values(m_onProblem)) {
        const QStringList parts = entry.split(QLatin1Char('='));
        const QString policyText = parts.value(1).trimmed().toLower();
        if (parts.size() != 2 || (policyText != QLatin1String("skip") && policyText != QLatin1String("stop")))
            usage(tr("--on-problem: expected kind=skip or kind=stop, got '%1'").arg(entry));
        const Policy policy = policyText == QLatin1String("stop") ? Policy::Stop : Policy::Skip;
        const QString kind = parts[0].trimmed().toLower();
        if (kind == QLatin1String("all")) {
            options.policy.fill(policy);
        } else if (const auto problem = problemFromKey(kind.toStdString())) {
            options.setPolicy(*problem, policy);
        } else {
            usage(tr("--on-problem: unknown kind '%1' (malformed, missing-field, not-numeric, out-of-scale, "
                     "duplicate, all)")
                      .arg(kind));
        }
    }

    if (parser.isSet(m_scale)) {
        const QStringList parts = parser.value(m_scale).split(QLatin1Char(':'));
        if (parts.size() < 2 || parts.size() > 3)
            usage(tr("--scale: expected min:max or min:max:step, got '%1'").arg(parser.value(m_scale)));
        RatingScale scale;
        scale.min = static_cast<float>(parseNumber(parts[0], QStringLiteral("scale")));
        scale.max = static_cast<float>(parseNumber(parts[1], QStringLiteral("scale")));
        scale.step = parts.size() == 3 ? static_cast<float>(parseNumber(parts[2], QStringLiteral("scale"))) : 0.0f;
        if (!(scale.min < scale.max) || scale.step < 0)
            usage(tr("--scale: the minimum must be below the maximum and the step not negative"));
        options.scale = scale;
    }

    for (const QString& entry : parser.value(m_columns).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = entry.split(QLatin1Char('='));
        if (parts.size() != 2)
            usage(tr("--columns: expected role=column, got '%1'").arg(entry));
        const QString role = parts[0].trimmed().toLower();
        const std::string column = parts[1].trimmed().toStdString();
        if (role == QLatin1String("user"))
            options.csv.user = column;
        else if (role == QLatin1String("item"))
            options.csv.item = column;
        else if (role == QLatin1String("rating"))
            options.csv.rating = column;
        else if (role == QLatin1String("time") || role == QLatin1String("timestamp"))
            options.csv.timestamp = column;
        else
            usage(tr("--columns: unknown role '%1' (user, item, rating, time)").arg(role));
    }
    if (parser.isSet(m_delimiter)) {
        const QString d = parser.value(m_delimiter);
        if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
            options.csv.delimiter = '\t';
        else if (d.size() == 1 && d.at(0).unicode() < 128)
            options.csv.delimiter = static_cast<char>(d.at(0).unicode());
        else
            usage(tr("--delimiter: expected one character or 'tab', got '%1'").arg(d));
    }
    if (parser.isSet(m_header)) {
        const QString h = parser.value(m_header).toLower();
        if (h != QLatin1String("yes") && h != QLatin1String("no"))
            usage(tr("--header: expected yes or no, got '%1'").arg(h));
        options.csv.hasHeader = h == QLatin1String("yes");
    }
    return options;
}

std::uint64_t DatasetOptions::demoSeed(const QCommandLineParser& parser) const
{
    return parseCount(parser.value(m_demoSeed), QStringLiteral("demo-seed"));
}

std::uint32_t DatasetOptions::minInteractions(const QCommandLineParser& parser) const
{
    const auto n = parseCount(parser.value(m_minInteractions), QStringLiteral("min-interactions"));
    if (n < 2 || n > 1000000)
        usage(tr("--min-interactions: must be between 2 and 1000000"));
    return static_cast<std::uint32_t>(n);
}

SplitConfig DatasetOptions::splitConfig(const QCommandLineParser& parser) const
{
    SplitConfig config;
    config.seed = parseCount(parser.value(m_seed), QStringLiteral("seed"));
    const QString users = parser.value(m_splitUsers);
    if (users != QLatin1String("all")) {
        const auto n = parseCount(users, QStringLiteral("split-users"));
        config.users = static_cast<std::uint32_t>(std::min<std::uint64_t>(n, kAllUsers));
    }
    const auto ties = parseTieRule(parser.value(m_ties).toStdString());
    if (!ties)
        usage(tr("--ties: '%1' is not file-order, item-id, random or drop").arg(parser.value(m_ties)));
    config.ties = *ties;
    return config;
}

LoadResult DatasetOptions::load(const QCommandLineParser& parser) const
{
    const QString path = datasetPath(parser);
    const LoadOptions options = loadOptions(parser);
    if (path == QLatin1String("builtin:demo")) {
        DemoConfig config;
        config.seed = demoSeed(parser);
        LoadResult result;
        result.dataset = generateDemo(config);
        result.report.file = "builtin:demo";
        result.report.rowsRead = result.report.rowsKept = result.dataset.interactions.size();
        return result;
    }
    if (path.startsWith(QLatin1String("builtin:")))
        usage(tr("--dataset: unknown built-in data set '%1' (only builtin:demo)").arg(path));
    return loadDataset(path.toStdString(), options);
}

Prepared DatasetOptions::prepare(const QCommandLineParser& parser) const
{
    Prepared prepared;
    prepared.loaded = load(parser);
    const std::uint32_t minimum = minInteractions(parser);
    prepared.filtered = filterMinInteractions(prepared.loaded.dataset, minimum, &prepared.filter);
    if (prepared.filtered.userCount() == 0)
        usage(tr("no user has at least %1 ratings: nothing to train on (see --min-interactions)").arg(minimum));
    return prepared;
}

unsigned parseThreads(const QString& value)
{
    return unsigned(std::clamp<std::uint64_t>(parseCount(value, QStringLiteral("threads")), 1, 256));
}

} // namespace rnr::cli
