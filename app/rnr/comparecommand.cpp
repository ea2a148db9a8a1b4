#include "comparecommand.h"

#include "cli.h"
#include "compareoptions.h"
#include "compareplan.h"
#include "comparereport.h"

#include "core/errors.h"
#include "persist/runfile.h"
#include "persist/session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace rnr::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::compare", text);
}

/// The `rnr` that a plan's jobs run: the program as started when it was named by a path, else
/// this process's executable.
QString programPath(const QStringList& arguments)
{
    QString program = arguments.value(0);
    program.chop(qsizetype(QStringLiteral(" compare").size()));
    return program.contains(QLatin1Char('/')) ? QFileInfo(program).absoluteFilePath()
                                              : QCoreApplication::applicationFilePath();
}

/// Trains every model on every seed (the grid per model and seed) and reports; a plan's job
/// (runFile set: one model, one seed, one point) also leaves its run in the run file.
int compare(const CompareOptions& options, const QCommandLineParser& parser, const CompareOutputs& outputs,
            const QString& job, const QString& runFile, QTextStream& out)
{
    Comparison c = options.parse(parser);
    if (!runFile.isEmpty() && (c.models.size() != 1 || c.seeds != 1 || !c.noGrid || job.isEmpty()))
        throw UsageError("--run-file is for a plan's jobs: one model, --seeds 1, --no-grid and --job");
    const Prepared data = options.dataset.prepare(parser);
    out << dataLine(data.filtered, options.dataset.minInteractions(parser));
    out.flush();
    for (std::uint64_t s = 0; s < c.seeds; ++s) {
        const Split split = makeSplit(data.filtered, seededRun(c.firstSplit, c.base, s).split);
        for (auto& model : c.models) {
            const HyperParams hp = c.modelHp(model, s);
            GridResult result = gridSearch(data.filtered, split, model.spec, hp, c.modelGrid(hp));
            if (!runFile.isEmpty())
                saveRunFile(result.best, data.filtered, job.toStdString(), runFile.toStdString());
            out << runLine(model, result.best, split.config.seed);
            out.flush();
            RunResult kept = std::move(result.best);
            kept.model.reset(); // outcomes are enough from here on
            model.runs.push_back(std::move(kept));
            model.grids.push_back(std::move(result.points));
        }
    }
    reportComparison(c.models, c.base.topK, outputs, out);
    return Ok;
}

} // namespace

int runCompare(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Compare models: for each seed, split the data, run the alpha x lambda grid for each model, keep the grid "
           "point with the best validation Recall@k (ties: MRR@k) and report its test figures as mean ± std over "
           "seeds, with paired tests (RnR vs vanilla, vanilla vs single-task)."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Write every run as JSON to this file."),
                                  QStringLiteral("file"));
    const QCommandLineOption csv(QStringLiteral("csv"), tr("Write one CSV row per run to this file."),
                                 QStringLiteral("file"));
    const QCommandLineOption markdown(QStringLiteral("markdown"), tr("Also write the table to this file."),
                                      QStringLiteral("file"));
    const QCommandLineOption plan(
        QStringLiteral("plan"),
        tr("Do not train: write one job per run (model x seed x grid point) into this folder, as lines of "
           "jobs.txt for a scheduler (Slurm array, Kubernetes indexed Job, xargs -P), and a manifest."),
        QStringLiteral("folder"));
    const QCommandLineOption collect(
        QStringLiteral("collect"),
        tr("Gather the finished jobs of a plan folder into the tables, tests and files (--json, --csv, --markdown) "
           "this comparison gives, and a session the desktop app opens; every job without a result is named."),
        QStringLiteral("folder"));
    QCommandLineOption job(QStringLiteral("job"), tr("A plan's job: its name."), QStringLiteral("name"));
    QCommandLineOption runFile(QStringLiteral("run-file"), tr("A plan's job: where its run goes."),
                               QStringLiteral("file"));
    job.setFlags(QCommandLineOption::HiddenFromHelp);
    runFile.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({json, csv, markdown, plan, collect, job, runFile});
    CompareOptions options;
    options.addTo(parser);
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("compare"), out, err)) {
        // A plan's job whose command line is refused (another rnr on the cluster, say) says so too.
        const QString prefix = QStringLiteral("--run-file=");
        for (const QString& word : arguments)
            if (*stop != Ok && word.startsWith(prefix)) {
                QFile file(jobErrorPath(word.mid(prefix.size())));
                if (file.open(QIODevice::WriteOnly))
                    file.write("rnr refused the job's command line; see the job's log for why");
            }
        return *stop;
    }
    const CompareOutputs outputs{parser.value(json), parser.value(csv), parser.value(markdown)};

    if (parser.isSet(collect)) {
        if (!options.given(parser).isEmpty() || parser.isSet(plan) || parser.isSet(runFile))
            throw UsageError("--collect takes the comparison from the plan: give only --json, --csv, --markdown");
        Collected collected = collectPlan(parser.value(collect), out);
        const QString session = QDir(parser.value(collect)).filePath(QStringLiteral("session.rnrsession"));
        saveSession(collected.session, session.toStdString());
        reportComparison(collected.comparison.models, collected.comparison.base.topK, outputs, out);
        out << tr("\nSession of the collected runs: %1 (open the folder or the file in the desktop app)\n")
                   .arg(session);
        return Ok;
    }
    if (parser.isSet(plan)) {
        if (!outputs.json.isEmpty() || !outputs.csv.isEmpty() || !outputs.markdown.isEmpty() || parser.isSet(runFile))
            throw UsageError("--plan trains nothing: give --json, --csv and --markdown to --collect");
        const Comparison c = options.parse(parser);
        const Prepared data = options.dataset.prepare(parser); // refused now, not in every job
        out << dataLine(data.filtered, options.dataset.minInteractions(parser));
        writePlan(parser.value(plan), programPath(arguments), options, parser, c, data.filtered, out);
        return Ok;
    }
    if (!parser.isSet(runFile))
        return compare(options, parser, outputs, parser.value(job), QString(), out);
    // A plan's job: its failure is left beside its run file for --collect to report.
    const QString path = parser.value(runFile);
    const QString errorPath = jobErrorPath(path);
    QFile::remove(errorPath);
    QFile::remove(path); // a run of an earlier try must not stand for this one if it fails
    try {
        return compare(options, parser, outputs, parser.value(job), path, out);
    } catch (const std::exception& e) {
        QFile file(errorPath);
        if (file.open(QIODevice::WriteOnly))
            file.write(e.what());
        throw;
    }
}

} // namespace rnr::cli
