#include "cli.h"

#include "benchcommand.h"
#include "comparecommand.h"
#include "exportcommand.h"
#include "recommendcommand.h"
#include "statscommand.h"
#include "traincommand.h"

#include "core/errors.h"
#include "model/hyperparams.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <functional>
#include <vector>

namespace rnr::cli {

namespace {

struct Command
{
    const char* name;
    const char* summary; // translated through QT_TRANSLATE_NOOP
    std::function<int(const QStringList&, QTextStream&, QTextStream&)> run;
};

QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli", text);
}

/// `rnr params`: the hyper-parameter table as Markdown (the README's table is this output).
int runParams(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List every hyper-parameter with its default, range and meaning, as a "
                                        "Markdown table (the README's table is this output)."));
    if (const auto done = parseCommand(parser, arguments, QStringLiteral("params"), out, err))
        return *done;
    const HyperParams defaults;
    out << tr("| flag | default | meaning |\n|---|---|---|\n");
    for (const auto& info : hyperParamInfo()) {
        QString range;
        if (info.kind == HyperParamInfo::Kind::Choice) {
            QStringList list;
            for (const auto& choice : info.choices)
                list << QString::fromStdString(choice);
            range = list.join(QStringLiteral(", "));
        } else
            range = QStringLiteral("%1 to %2").arg(info.min).arg(info.max) +
                    (info.autoText.empty() ? QString()
                                           : QStringLiteral(", or %1").arg(QString::fromStdString(info.autoText)));
        out << QStringLiteral("| `--%1` | %2 | %3 (%4) |\n")
                   .arg(QString::fromStdString(info.key), QString::fromStdString(info.get(defaults)),
                        QString::fromStdString(info.help), range);
    }
    return Ok;
}

const std::vector<Command>& commands()
{
    static const std::vector<Command> list{
        {"stats", QT_TRANSLATE_NOOP("rnr::cli", "Load a data set and show what was read, skipped, its shape and split"),
         runStats},
        {"train", QT_TRANSLATE_NOOP("rnr::cli", "Train one model, one configuration; per-epoch progress; JSON result"),
         runTrain},
        {"recommend", QT_TRANSLATE_NOOP("rnr::cli", "Show a user's top-k with predicted ratings from a saved model"),
         runRecommend},
        {"export",
         QT_TRANSLATE_NOOP("rnr::cli", "Write a saved model's embeddings for TensorBoard and NumPy, with a projection"),
         runExport},
        {"compare",
         QT_TRANSLATE_NOOP("rnr::cli",
                           "Compare models over the alpha x lambda grid and several seeds; table, JSON, CSV"),
         runCompare},
        {"params", QT_TRANSLATE_NOOP("rnr::cli", "List every hyper-parameter with its default, range and meaning"),
         runParams},
        {"bench", QT_TRANSLATE_NOOP("rnr::cli", "Measure parse, epoch and evaluation throughput (MovieLens-1M sized)"),
         runBench},
    };
    return list;
}

QString generalHelp()
{
    QString text = tr("Usage: rnr <command> [options]\n\n"
                      "Rank and Rate (RnR) explorer, command line: load ratings data sets, train and compare\n"
                      "multi-task recommenders.\n\nCommands:\n");
    for (const auto& command : commands())
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(command.name), -10).arg(tr(command.summary));
    text += tr("\nOptions:\n  -h, --help     Show this help (or a command's: rnr <command> --help)\n"
               "  -v, --version  Show the version\n\n"
               "Exit codes: 0 success, 1 runtime failure, 2 usage error.\n");
    return text;
}

} // namespace

QStringList givenOptions(const QCommandLineParser& parser, const QList<QCommandLineOption>& options,
                         const QStringList& leaveOut)
{
    QStringList words;
    for (const QCommandLineOption& option : options) {
        const QString name = option.names().first();
        if (!parser.isSet(option) || leaveOut.contains(name))
            continue;
        if (option.valueName().isEmpty())
            words << QStringLiteral("--") + name;
        else
            for (const QString& value : parser.values(option))
                words << QStringLiteral("--%1=%2").arg(name, value);
    }
    return words;
}

std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& arguments, const QString& command,
                                QTextStream& out, QTextStream& err)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err << tr("rnr %1: %2\n").arg(command, parser.errorText());
        return Usage;
    }
    if (parser.isSet(help)) {
        // Qt names the executable as it was started ("./rnr"); name the sub-command instead.
        QString text = parser.helpText();
        const qsizetype options = text.indexOf(QStringLiteral(" [options]"));
        if (text.startsWith(QStringLiteral("Usage: ")) && options > 0)
            text.replace(7, options - 7, QStringLiteral("rnr ") + command);
        out << text;
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("rnr %1: unexpected argument '%2'\n").arg(command, parser.positionalArguments().first());
        return Usage;
    }
    return std::nullopt;
}

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString first = arguments.value(1);
    if (arguments.size() < 2) {
        err << generalHelp();
        err.flush();
        return Usage;
    }
    if (first == QLatin1String("-h") || first == QLatin1String("--help") || first == QLatin1String("help")) {
        out << generalHelp();
        return Ok;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        out << QStringLiteral("rnr %1\n").arg(QStringLiteral(RNR_VERSION));
        return Ok;
    }
    for (const auto& command : commands()) {
        if (first != QLatin1String(command.name))
            continue;
        QStringList rest = arguments.mid(2);
        rest.prepend(arguments.first() + QLatin1Char(' ') + first);
        try {
            return command.run(rest, out, err);
        } catch (const rnr::UsageError& e) {
            err << tr("rnr: %1\n").arg(QString::fromStdString(e.what()));
            return Usage;
        } catch (const std::exception& e) {
            err << tr("rnr: error: %1\n").arg(QString::fromStdString(e.what()));
            return Failure;
        }
    }
    err << tr("rnr: unknown command '%1'; see 'rnr --help'\n").arg(first);
    return Usage;
}

} // namespace rnr::cli
