#include "compareoptions.h"

#include "cli.h"

#include "core/errors.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace rnr::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::compare", text);
}

const QString kTable1Models =
    QStringLiteral("popularity,svd,cdae,vanilla:cdae+svd,rnr:cdae+svd,bpr,vanilla:bpr+svd,rnr:bpr+svd");

/// A grid axis; each value is held to the range of its hyper-parameter (`key`) when it has one,
/// so that a grid is refused before anything trains (and a plan's jobs are never refused later).
std::vector<double> parseList(const QString& text, const QString& option, const char* key = nullptr)
{
    std::vector<double> values;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        values.push_back(part.toDouble(&ok));
        if (!ok)
            throw UsageError(QStringLiteral("--%1: '%2' is not a number").arg(option, part).toStdString());
        HyperParams probe;
        if (key)
            if (const std::string error = findHyperParam(key)->set(probe, part.toStdString()); !error.empty())
                throw UsageError(QStringLiteral("--%1: '%2' ").arg(option, part).toStdString() + error);
    }
    return values;
}

/// Hyper-parameters the grid, the seeds or the table's metrics (k, the like threshold) set for every
/// model alike.
constexpr std::array<std::string_view, 8> kComparisonKeys{
    "alpha", "lambda", "gradnorm-asymmetry", "dwa-temperature", "model-seed", "balance", "k", "like-threshold"};

/// "rnr:bpr+svd", "rnr:bpr+svd@gradnorm" or "ple:bpr+svd@levels=2": a model, with a balance
/// overriding --balance and KEY=VALUE settings of its own (each part after an '@').
ModelRuns parseModelEntry(const QString& entry, Balance fallback)
{
    const QStringList parts = entry.split(QLatin1Char('@'));
    ModelRuns model;
    model.spec = parseModelSpec(parts.front().toStdString());
    HyperParams hp;
    hp.balance = fallback;
    for (const QString& part : parts.mid(1)) {
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals < 0) {
            const std::string error = findHyperParam("balance")->set(hp, part.toStdString());
            if (!error.empty())
                throw UsageError("--models: '" + entry.toStdString() + "': the balance " + error);
            continue;
        }
        const std::string key = part.left(equals).toStdString();
        const HyperParamInfo* info = findHyperParam(key);
        if (!info)
            throw UsageError("--models: '" + entry.toStdString() + "': there is no hyper-parameter '" + key + "'");
        if (std::find(kComparisonKeys.begin(), kComparisonKeys.end(), key) != kComparisonKeys.end())
            throw UsageError("--models: '" + entry.toStdString() + "': " + key +
                             " is set for the whole comparison, not per model");
        if (const std::string error = info->set(hp, part.mid(equals + 1).toStdString()); !error.empty())
            throw UsageError("--models: '" + entry.toStdString() + "': " + key + " " + error);
        model.settings << part;
    }
    model.balance = effectiveBalance(model.spec, hp);
    return model;
}

} // namespace

QString ModelRuns::title() const
{
    const QString title = QString::fromStdString(modelTitle(spec, balance));
    return settings.isEmpty() ? title : title + QStringLiteral(" [%1]").arg(settings.join(QLatin1Char(' ')));
}

QString ModelRuns::name() const
{
    return QString::fromStdString(spec.name()) +
           (settings.isEmpty() ? QString() : QLatin1Char('@') + settings.join(QLatin1Char('@')));
}

void ModelRuns::applySettings(HyperParams& hp) const
{
    for (const QString& setting : settings) {
        const qsizetype equals = setting.indexOf(QLatin1Char('='));
        findHyperParam(setting.left(equals).toStdString())->set(hp, setting.mid(equals + 1).toStdString());
    }
}

HyperParams Comparison::modelHp(const ModelRuns& model, std::uint64_t seed) const
{
    HyperParams hp = seededRun(firstSplit, base, seed).hp;
    hp.balance = model.balance;
    model.applySettings(hp);
    return hp;
}

GridSettings Comparison::modelGrid(const HyperParams& hp) const
{
    GridSettings modelGrid = grid;
    if (noGrid && !std::isnan(balanceValue(hp)))
        modelGrid.balanceValues = {balanceValue(hp)}; // the balance's own parameter as given
    return modelGrid;
}

QStringList comparisonOptionNames()
{
    return {QStringLiteral("models"),           QStringLiteral("seeds"),          QStringLiteral("alphas"),
            QStringLiteral("lambdas"),          QStringLiteral("balance-values"), QStringLiteral("no-grid"),
            QStringLiteral("require-multitask")};
}

void CompareOptions::addTo(QCommandLineParser& parser)
{
    const QStringList names = comparisonOptionNames();
    const GridSettings paper;
    const QString defaultAlphas = QString::fromStdString(gridAxisText(paper.alphas));
    const QString defaultLambdas = QString::fromStdString(gridAxisText(paper.lambdas));
    m_own = {
        QCommandLineOption(
            names[0],
            tr("Comma-separated models (default: the 8 rows of the paper's Table 1); NAME@BALANCE trains a "
               "multi-task model with another loss balancing than --balance, e.g. rnr:bpr+svd@gradnorm; "
               "NAME@KEY=VALUE gives one model a hyper-parameter of its own, e.g. ple:bpr+svd@levels=2."),
            QStringLiteral("list"), kTable1Models),
        QCommandLineOption(names[1], tr("Number of seeds (default 3)."), QStringLiteral("n"), QStringLiteral("3")),
        QCommandLineOption(names[2], tr("Grid of alpha (default %1).").arg(defaultAlphas), QStringLiteral("list"),
                           defaultAlphas),
        QCommandLineOption(names[3], tr("Grid of lambda (default %1).").arg(defaultLambdas), QStringLiteral("list"),
                           defaultLambdas),
        QCommandLineOption(names[4],
                           tr("Grid of the balance's own parameter, searched instead of alpha (default: GradNorm's "
                              "asymmetry 0.5,1.5; DWA's temperature 1,2)."),
                           QStringLiteral("list")),
        QCommandLineOption(names[5], tr("Use --alpha and --lambda only, no grid.")),
        QCommandLineOption(names[6], tr("Leave alpha = 1 out of the grid (and refuse --alpha 1 with --no-grid): "
                                        "with alpha = 1 the rating task gets no gradient, so a multi-task run "
                                        "would be its ranking model alone.")),
    };
    parser.addOptions(m_own);
    dataset.addTo(parser);
    hyper.addTo(parser);
}

Comparison CompareOptions::parse(const QCommandLineParser& parser) const
{
    const auto& [models, seeds, alphas, lambdas, balanceValues, noGrid, requireMultitask] =
        std::tie(m_own[0], m_own[1], m_own[2], m_own[3], m_own[4], m_own[5], m_own[6]);
    Comparison c;
    c.base = hyper.apply(parser, HyperParams{});
    for (const QString& name : parser.value(models).split(QLatin1Char(','), Qt::SkipEmptyParts))
        c.models.push_back(parseModelEntry(name, c.base.balance));
    c.seeds = parseCount(parser.value(seeds), QStringLiteral("seeds"));
    if (c.seeds == 0 || c.models.empty())
        throw UsageError("--seeds and --models need at least one value");
    c.noGrid = parser.isSet(noGrid);
    if (c.noGrid) {
        c.grid.alphas = {c.base.alpha};
        c.grid.lambdas = {c.base.lambda};
    } else {
        c.grid.alphas = parseList(parser.value(alphas), QStringLiteral("alphas"), "alpha");
        c.grid.lambdas = parseList(parser.value(lambdas), QStringLiteral("lambdas"), "lambda");
        if (parser.isSet(balanceValues))
            c.grid.balanceValues = parseList(parser.value(balanceValues), QStringLiteral("balance-values"));
    }
    if (parser.isSet(requireMultitask)) { // docs/method.md, "Grid": keep the rating task on
        std::erase_if(c.grid.alphas, [](double alpha) { return alpha >= 1.0; });
        if (c.grid.alphas.empty())
            throw UsageError(c.noGrid ? "--require-multitask: --alpha is 1, which trains no rating task"
                                      : "--require-multitask: --alphas has no value below 1");
    }
    for (const ModelRuns& model : c.models) // refused before anything trains, with the parameter's range
        for (const double value : c.grid.balanceValues) {
            HyperParams probe = c.base;
            probe.balance = model.balance;
            if (const std::string error = setBalanceValue(probe, value); !error.empty())
                throw UsageError("--balance-values for " + model.spec.name() + ": " + error);
        }
    c.firstSplit = dataset.splitConfig(parser);
    return c;
}

QStringList CompareOptions::given(const QCommandLineParser& parser, const QStringList& leaveOut) const
{
    return givenOptions(parser, m_own, leaveOut) + dataset.given(parser, leaveOut) + hyper.given(parser, leaveOut);
}

} // namespace rnr::cli
