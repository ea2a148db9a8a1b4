#include "compareplan.h"

#include "comparereport.h"
#include "output.h"

#include "core/errors.h"
#include "persist/runfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace rnr::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::compare", text);
}

const QString kPlanFormat = QStringLiteral("rnr-compare-plan");
constexpr int kPlanVersion = 1;

/// The shortest text that reads back as exactly `value`: a job trains the very point a single
/// comparison would.
QString number(double value)
{
    std::array<char, 32> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    return QString::fromLatin1(text.data(), qsizetype(end - text.data()));
}

/// A word for `sh`: in single quotes, each ' written as '\''.
QString shellQuoted(const QString& word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString runFilePath(const QString& dir, const QString& job)
{
    return QDir(dir).absoluteFilePath(QStringLiteral("runs/%1.rnrrun").arg(job));
}

/// "RnR(BPR, SVD), seed 2, alpha 0.9, lambda 0.01": what a job trains, for messages.
QString describeJob(const Comparison& c, const PlannedJob& job)
{
    const ModelRuns& model = c.models[job.model];
    QString text = tr("%1, seed %2").arg(model.title()).arg(job.hp.seed);
    const BalanceInfo& balance = findBalance(job.hp.balance);
    if (model.spec.coupling != Coupling::Single && !balance.replacesAlpha)
        text += tr(", alpha %1").arg(number(job.hp.alpha));
    if (model.spec.coupling != Coupling::Single && !balance.parameter.empty())
        text += QStringLiteral(", %1 %2").arg(QString::fromStdString(balance.parameter), number(balanceValue(job.hp)));
    if (model.spec.learns())
        text += tr(", lambda %1").arg(number(job.hp.lambda));
    return text;
}

/// The options a job gives anew: the comparison's own and the split seed. Everything else is
/// repeated as given; what a grid point sets (alpha, lambda, the balance and its parameter) is
/// appended after it, and the last value of an option is the one that counts.
QStringList jobLeavesOut()
{
    return comparisonOptionNames() << QStringLiteral("seed");
}

QJsonObject readManifest(const QString& dir)
{
    const QString path = QDir(dir).filePath(QStringLiteral("manifest.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DataError(path.toStdString(), 0, "cannot read the plan's manifest: " + file.errorString().toStdString());
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw DataError(path.toStdString(), 0, "not a plan's manifest: " + error.errorString().toStdString());
    const QJsonObject manifest = document.object();
    if (manifest.value(QStringLiteral("format")).toString() != kPlanFormat)
        throw DataError(path.toStdString(), 0, "not a plan's manifest (no format \"rnr-compare-plan\")");
    if (manifest.value(QStringLiteral("version")).toInt() != kPlanVersion)
        throw DataError(path.toStdString(), 0,
                        "a plan of version " + std::to_string(manifest.value(QStringLiteral("version")).toInt()) +
                            ", this rnr reads version 1");
    return manifest;
}

QString fingerprintText(std::uint64_t fingerprint)
{
    return QString::number(fingerprint, 16).rightJustified(16, QLatin1Char('0'));
}

} // namespace

QString jobErrorPath(const QString& runFile)
{
    return (runFile.endsWith(QStringLiteral(".rnrrun")) ? runFile.chopped(7) : runFile) + QStringLiteral(".error");
}

std::vector<PlannedJob> planJobs(const Comparison& c)
{
    std::vector<PlannedJob> jobs;
    for (std::uint64_t s = 0; s < c.seeds; ++s)
        for (std::size_t m = 0; m < c.models.size(); ++m) {
            const HyperParams hp = c.modelHp(c.models[m], s);
            for (const HyperParams& point : gridPoints(c.models[m].spec, hp, c.modelGrid(hp)))
                jobs.push_back({m, s, point, QStringLiteral("%1").arg(jobs.size() + 1, 4, 10, QLatin1Char('0'))});
        }
    return jobs;
}

void writePlan(const QString& dir, const QString& program, const CompareOptions& options,
               const QCommandLineParser& parser, const Comparison& c, const Dataset& data, QTextStream& out)
{
    const QString root = QFileInfo(dir).absoluteFilePath();
    if (QFileInfo::exists(QDir(root).filePath(QStringLiteral("manifest.json"))))
        throw UsageError("--plan: " + root.toStdString() + " already holds a plan; give a new folder");
    if (!QDir().mkpath(QDir(root).filePath(QStringLiteral("runs"))))
        throw std::runtime_error(root.toStdString() + ": cannot create the plan's folder");
    const QStringList shared = options.given(parser, jobLeavesOut());
    QJsonArray jobs;
    QString lines;
    for (const PlannedJob& job : planJobs(c)) {
        const ModelRuns& model = c.models[job.model];
        QStringList words{program, QStringLiteral("compare")};
        words << shared << QStringLiteral("--models=") + model.name()
              << QStringLiteral("--balance=") + QString::fromStdString(findBalance(job.hp.balance).key)
              << QStringLiteral("--seeds=1") << QStringLiteral("--seed=%1").arg(job.hp.seed)
              << QStringLiteral("--no-grid") << QStringLiteral("--alpha=") + number(job.hp.alpha)
              << QStringLiteral("--lambda=") + number(job.hp.lambda);
        if (const double value = balanceValue(job.hp); !std::isnan(value))
            words << QStringLiteral("--%1=%2").arg(QString::fromStdString(findBalance(job.hp.balance).parameter),
                                                   number(value));
        words << QStringLiteral("--job=") + job.name << QStringLiteral("--run-file=") + runFilePath(root, job.name);
        QStringList quoted;
        for (const QString& word : words) {
            if (word.contains(QLatin1Char('\n')) || word.contains(QLatin1Char('\r')))
                throw UsageError("--plan: an option holds a line break, which a line of jobs.txt cannot: " +
                                 word.toStdString());
            quoted << shellQuoted(word);
        }
        lines += quoted.join(QLatin1Char(' ')) + QLatin1Char('\n');
        jobs.append(QJsonObject{{QStringLiteral("name"), job.name},
                                {QStringLiteral("what"), describeJob(c, job)},
                                {QStringLiteral("model"), model.name()},
                                {QStringLiteral("seed"), double(job.hp.seed)},
                                {QStringLiteral("run_file"), QStringLiteral("runs/%1.rnrrun").arg(job.name)}});
    }
    const QJsonObject manifest{
        {QStringLiteral("format"), kPlanFormat},
        {QStringLiteral("version"), kPlanVersion},
        {QStringLiteral("rnr_version"), QStringLiteral(RNR_VERSION)},
        {QStringLiteral("arguments"), QJsonArray::fromStringList(options.given(parser))},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("name"), QString::fromStdString(data.name)},
                                             {QStringLiteral("users"), double(data.userCount())},
                                             {QStringLiteral("items"), double(data.itemCount())},
                                             {QStringLiteral("ratings"), double(data.interactions.size())},
                                             {QStringLiteral("fingerprint"), fingerprintText(data.fingerprint())}}},
        {QStringLiteral("jobs"), jobs}};
    writeText(QDir(root).filePath(QStringLiteral("jobs.txt")), lines);
    writeText(QDir(root).filePath(QStringLiteral("manifest.json")),
              QString::fromUtf8(QJsonDocument(manifest).toJson(QJsonDocument::Indented)));
    out << tr("Planned %1 jobs in %2: run each line of %3 (e.g. xargs -d '\\n' -n 1 -P 2 sh -c < %3), then rnr "
              "compare --collect %2\n")
               .arg(jobs.size())
               .arg(root, QDir(root).filePath(QStringLiteral("jobs.txt")));
}

Collected collectPlan(const QString& dir, QTextStream& out)
{
    const QString root = QFileInfo(dir).absoluteFilePath();
    const QJsonObject manifest = readManifest(root);
    const QString manifestPath = QDir(root).filePath(QStringLiteral("manifest.json"));
    QStringList arguments{QStringLiteral("rnr compare")};
    for (const QJsonValue& word : manifest.value(QStringLiteral("arguments")).toArray())
        arguments << word.toString();
    QCommandLineParser parser;
    CompareOptions options;
    options.addTo(parser);
    if (!parser.parse(arguments))
        throw DataError(manifestPath.toStdString(), 0,
                        "the plan's options do not parse: " + parser.errorText().toStdString());
    Collected collected;
    Comparison& c = collected.comparison;
    c = options.parse(parser);
    Prepared data = options.dataset.prepare(parser);
    const std::uint64_t fingerprint = data.filtered.fingerprint(); // once: every run file is checked against it
    if (fingerprintText(fingerprint) !=
        manifest.value(QStringLiteral("data")).toObject().value(QStringLiteral("fingerprint")).toString())
        throw std::runtime_error(root.toStdString() + ": the data set (" + data.filtered.name +
                                 ") is not the one the plan was made for: it changed since");
    out << dataLine(data.filtered, options.dataset.minInteractions(parser));

    const std::vector<PlannedJob> jobs = planJobs(c);
    const QJsonArray listed = manifest.value(QStringLiteral("jobs")).toArray();
    bool same = qsizetype(jobs.size()) == listed.size();
    for (std::size_t j = 0; same && j < jobs.size(); ++j)
        same = listed[qsizetype(j)].toObject().value(QStringLiteral("name")).toString() == jobs[j].name;
    if (!same)
        throw DataError(manifestPath.toStdString(), 0, "the plan's jobs do not match its options: the file was edited");

    // Every job's run, or why it has none.
    std::vector<RunFile> runs(jobs.size());
    QStringList problems;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        const QString path = runFilePath(root, jobs[j].name);
        const QString what = tr("job %1 (%2)").arg(jobs[j].name, describeJob(c, jobs[j]));
        if (!QFileInfo::exists(path)) {
            QFile error(jobErrorPath(path));
            if (error.open(QIODevice::ReadOnly))
                problems << tr("%1 failed: %2").arg(what, QString::fromUtf8(error.readAll()).trimmed());
            else
                problems << tr("%1 has no result: %2 is missing (not run yet, still running, or stopped before it "
                               "could say why: see the scheduler's log)")
                                .arg(what, path);
            continue;
        }
        try {
            runs[j] = loadRunFile(path.toStdString(), data.filtered, fingerprint);
        } catch (const DataError& e) {
            problems << tr("%1: %2").arg(what, QString::fromStdString(e.what()));
            continue;
        }
        // The run must be the one the job asks for: the same model and every hyper-parameter.
        if (runs[j].job != jobs[j].name.toStdString() || !(runs[j].result.spec == c.models[jobs[j].model].spec) ||
            describe(runs[j].result.hp) != describe(jobs[j].hp))
            problems << tr("%1: %2 holds another run (job %3, %4); run the job again")
                            .arg(what, path, QString::fromStdString(runs[j].job),
                                 QString::fromStdString(runs[j].result.spec.title()));
    }
    if (!problems.isEmpty())
        throw std::runtime_error(tr("%1 of %2 jobs of %3 have no result; nothing was collected:\n  %4")
                                     .arg(problems.size())
                                     .arg(jobs.size())
                                     .arg(root, problems.join(QStringLiteral("\n  ")))
                                     .toStdString());

    // Each model's grid per seed, as a single comparison keeps it.
    Session& session = collected.session;
    session.dataset = std::make_shared<const Dataset>(std::move(data.loaded.dataset));
    session.report = data.loaded.report;
    session.spec = c.models.front().spec;
    session.hp = c.base;
    session.split = c.firstSplit;
    session.seeds = int(c.seeds);
    session.grid = !c.noGrid;
    const auto trained = std::make_shared<const Dataset>(std::move(data.filtered));
    for (std::uint64_t s = 0; s < c.seeds; ++s)
        for (std::size_t m = 0; m < c.models.size(); ++m) {
            GridResult grid;
            std::shared_ptr<const Model> kept;
            for (std::size_t j = 0; j < jobs.size(); ++j)
                if (jobs[j].model == m && jobs[j].seed == s && addGridPoint(grid, std::move(runs[j].result)))
                    kept = runs[j].model;
            ModelRuns& model = c.models[m];
            out << runLine(model, grid.best, grid.best.hp.seed);
            session.runs.push_back(
                SessionRun{tr("%1 (seed %2)").arg(model.title()).arg(grid.best.hp.seed).toStdString(),
                           trained,
                           RunOutcome{grid.best, kept, fingerprint},
                           {}});
            model.runs.push_back(std::move(grid.best));
            model.grids.push_back(std::move(grid.points));
        }
    out.flush();
    return collected;
}

} // namespace rnr::cli
