#pragma once

#include "data/split.h"
#include "io/loadoptions.h"

#include <QCommandLineParser>
#include <QString>

namespace rnr::cli {

/// A loaded data set and its filtered version (users with too few ratings dropped).
struct Prepared
{
    LoadResult loaded;
    Dataset filtered;
    FilterReport filter;
};

/// The options every data-reading command shares (--dataset, --format, --on-problem, ...).
/// Registers them with a parser and turns the parsed values into engine options.
class DatasetOptions
{
public:
    void addTo(QCommandLineParser& parser);

    /// Throws rnr::UsageError for malformed option values.
    QString datasetPath(const QCommandLineParser& parser) const;
    LoadOptions loadOptions(const QCommandLineParser& parser) const;
    std::uint64_t demoSeed(const QCommandLineParser& parser) const;
    std::uint32_t minInteractions(const QCommandLineParser& parser) const;
    SplitConfig splitConfig(const QCommandLineParser& parser) const;

    /// The options that were given, as givenOptions() words with the data set's path made
    /// absolute (so that they mean the same from any folder), without those in `leaveOut`.
    QStringList given(const QCommandLineParser& parser, const QStringList& leaveOut) const;

    /// Loads the data set the options name: a file, a folder or builtin:demo.
    LoadResult load(const QCommandLineParser& parser) const;
    /// Loads and filters (--min-interactions); throws UsageError when no user is left.
    Prepared prepare(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_dataset{QStringLiteral("dataset"), QString(), QStringLiteral("path|builtin:demo")};
    QCommandLineOption m_format{QStringLiteral("format"), QString(), QStringLiteral("format"), QStringLiteral("auto")};
    QCommandLineOption m_onProblem{QStringLiteral("on-problem"), QString(), QStringLiteral("kind=skip|stop")};
    QCommandLineOption m_scale{QStringLiteral("scale"), QString(), QStringLiteral("min:max[:step]")};
    QCommandLineOption m_columns{QStringLiteral("columns"), QString(), QStringLiteral("role=column,...")};
    QCommandLineOption m_delimiter{QStringLiteral("delimiter"), QString(), QStringLiteral("char")};
    QCommandLineOption m_header{QStringLiteral("header"), QString(), QStringLiteral("yes|no")};
    QCommandLineOption m_demoSeed{QStringLiteral("demo-seed"), QString(), QStringLiteral("n"), QStringLiteral("42")};
    QCommandLineOption m_minInteractions{QStringLiteral("min-interactions"), QString(), QStringLiteral("n"),
                                         QStringLiteral("4")};
    QCommandLineOption m_splitUsers{QStringLiteral("split-users"), QString(), QStringLiteral("n|all"),
                                    QStringLiteral("all")};
    QCommandLineOption m_seed{QStringLiteral("seed"), QString(), QStringLiteral("n"), QStringLiteral("1")};
    QCommandLineOption m_ties{QStringLiteral("ties"), QString(), QStringLiteral("rule"), QStringLiteral("item-id")};
};

/// Parses an unsigned integer option value or throws UsageError naming the option.
std::uint64_t parseCount(const QString& value, const QString& option);
/// A --threads value of the commands outside the hyper-parameter table (export, recommend --all):
/// parseCount(), held to 1..256 as the table's --threads is.
unsigned parseThreads(const QString& value);

} // namespace rnr::cli
