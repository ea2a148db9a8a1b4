#include "models/resultsmodel.h"

#include "train/experiment.h"

#include <QFont>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace rnr {

namespace {
/// Sign flips of the GUI's paired test: enough for p-values down to 0.0002, and quick on the GUI
/// thread (rnr compare uses 20,000).
constexpr std::size_t kResamples = 5000;
/// The columns of figures, in table order (exports write them so).
constexpr std::array<ResultsModel::Column, 8> kFigureColumns{
    ResultsModel::Recall, ResultsModel::Mrr,        ResultsModel::Ndcg,    ResultsModel::Rmse,
    ResultsModel::Mae,    ResultsModel::LikeRecall, ResultsModel::LikeAuc, ResultsModel::LikeLogLoss};
int decimalsOf(ResultsModel::Column column)
{
    return column == ResultsModel::Rmse || column == ResultsModel::Mae ? 3 : 4;
}
} // namespace

double ResultsModel::metric(const RunResult& run, Column column)
{
    switch (column) {
    case Recall:
        return run.test.recall;
    case Mrr:
        return run.test.mrr;
    case Ndcg:
        return run.test.ndcg;
    case Rmse:
        return run.test.rmse;
    case Mae:
        return run.test.mae;
    case LikeRecall:
        return run.test.likeRecall;
    case LikeAuc:
        return run.test.likeAuc;
    case LikeLogLoss:
        return run.test.likeLogLoss;
    default:
        return std::nan("");
    }
}

void ResultsModel::addRun(const RunResult& run, const QString& dataset, std::uint64_t datasetKey, quint64 id)
{
    // The table needs figures, not parameters, and of the per-user outcomes the ranks and ratings
    // for the paired tests, not the top-k lists: copied without them, never copied and then
    // cleared (138,402 lists on MovieLens-20M, on the GUI thread as a run ends).
    RunResult kept;
    kept.spec = run.spec;
    kept.hp = run.hp;
    kept.split = run.split;
    kept.epochs = run.epochs;
    kept.bestEpoch = run.bestEpoch;
    kept.validation = run.validation;
    kept.test = run.test;
    kept.trainSeconds = run.trainSeconds;
    kept.testOutcomes.resize(run.testOutcomes.size());
    for (std::size_t u = 0; u < run.testOutcomes.size(); ++u) {
        const UserOutcome& from = run.testOutcomes[u];
        UserOutcome& to = kept.testOutcomes[u];
        to.user = from.user;
        to.item = from.item;
        to.rating = from.rating;
        to.predicted = from.predicted;
        to.rank = from.rank;
        to.liked = from.liked;
        to.likeRank = from.likeRank;
        to.likeScore = from.likeScore;
        to.likeGivenChoice = from.likeGivenChoice;
    }
    m_k = run.test.k;
    const Balance balance = effectiveBalance(run.spec, run.hp);
    const std::string settings = modelSettings(run.spec, run.hp);
    // Runs split by another tie rule are measured on other held-out items: a row of their own.
    const TieRule ties = run.split.ties;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].spec == run.spec && m_rows[r].balance == balance && m_rows[r].settings == settings &&
            m_rows[r].ties == ties && m_rows[r].datasetKey == datasetKey) {
            m_rows[r].runs.push_back(std::move(kept));
            m_rows[r].ids.push_back(id);
            // Every column's "best" mark may move: repaint the whole table.
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            return;
        }
    }
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.push_back(Row{run.spec, balance, settings, ties, dataset, datasetKey, {std::move(kept)}, {id}});
    endInsertRows();
    if (rowCount() > 1)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ResultsModel::removeRun(quint64 id)
{
    if (id == 0)
        return;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        Row& row = m_rows[r];
        const auto it = std::find(row.ids.begin(), row.ids.end(), id);
        if (it == row.ids.end())
            continue;
        const auto k = std::size_t(it - row.ids.begin());
        if (row.runs.size() == 1) {
            beginRemoveRows({}, int(r), int(r));
            m_rows.erase(m_rows.begin() + std::ptrdiff_t(r));
            endRemoveRows();
        } else {
            row.runs.erase(row.runs.begin() + std::ptrdiff_t(k));
            row.ids.erase(it);
        }
        m_pairedCache.clear(); // keyed by row numbers, which moved
        m_gainCache.clear();   // keyed by run counts, which a new run may bring back
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
}

void ResultsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pairedCache.clear();
    m_gainCache.clear();
    endResetModel();
}

int ResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

MeanStd ResultsModel::summary(int row, Column column) const
{
    std::vector<double> values;
    for (const auto& run : m_rows[std::size_t(row)].runs)
        values.push_back(metric(run, column));
    return meanStd(values);
}

bool ResultsModel::isBest(int row, Column column) const
{
    if (column < Recall || column == MtlGain || m_rows.size() < 2)
        return false;
    const MeanStd mine = summary(row, column);
    if (mine.n == 0)
        return false;
    const bool lowerIsBetter = column == Rmse || column == Mae || column == LikeLogLoss;
    for (int r = 0; r < rowCount(); ++r) {
        if (m_rows[std::size_t(r)].datasetKey != m_rows[std::size_t(row)].datasetKey)
            continue; // the best is per data set
        const MeanStd other = summary(r, column);
        if (other.n > 0 && (lowerIsBetter ? other.mean < mine.mean : other.mean > mine.mean))
            return false;
    }
    return true;
}

QString ResultsModel::cellText(int row, Column column, int decimals) const
{
    return QString::fromStdString(formatMeanStd(summary(row, column), decimals));
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const auto column = static_cast<Column>(index.column());
    const int decimals = decimalsOf(column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Model)
            return rowTitle(index.row());
        if (column == Runs)
            return int(row.runs.size());
        if (column == MtlGain)
            return gainText(index.row());
        return cellText(index.row(), column, decimals);
    case Qt::UserRole: // sort key
        if (column == Model)
            return rowTitle(index.row());
        if (column == Runs)
            return int(row.runs.size());
        if (column == MtlGain) {
            const std::vector<PairedTest> gain = mtlGain(index.row());
            return gain.empty() ? std::nan("") : gain.front().meanDifference;
        }
        return summary(index.row(), column).mean;
    case Qt::FontRole:
        if (isBest(index.row(), column)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == MtlGain) {
            const std::vector<PairedTest> gain = mtlGain(index.row());
            if (gain.empty())
                return tr("PLE's MTL gain: this multi-task model minus its ranking model alone, on the same data "
                          "set and seeds. Train the ranking model alone with the same seeds to see it.");
            QStringList lines{tr("MTL gain over %1 alone (paired by seed and held-out user):")
                                  .arg(QString::fromStdString(row.spec.rankingAlone().title()))};
            const QString labels[] = {tr("Recall@%1").arg(m_k), tr("MRR@%1").arg(m_k), tr("NDCG@%1").arg(m_k)};
            for (std::size_t m = 0; m < gain.size(); ++m)
                lines << tr("%1: %2%3 (p = %4)")
                             .arg(labels[m])
                             .arg(gain[m].meanDifference >= 0 ? QStringLiteral("+") : QString())
                             .arg(gain[m].meanDifference, 0, 'f', 4)
                             .arg(gain[m].pValue, 0, 'f', 3);
            return lines.join(QLatin1Char('\n'));
        }
        if (isBest(index.row(), column))
            return tr("Best in this column");
        return {};
    case Qt::TextAlignmentRole:
        return column == Model ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                               : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model:
        return tr("Algorithm");
    case Runs:
        return tr("Runs");
    case Recall:
        return tr("Recall@%1").arg(m_k);
    case Mrr:
        return tr("MRR@%1").arg(m_k);
    case Ndcg:
        return tr("NDCG@%1").arg(m_k);
    case Rmse:
        return tr("RMSE");
    case Mae:
        return tr("MAE");
    case LikeRecall:
        return tr("Like@%1").arg(m_k);
    case LikeAuc:
        return tr("Like AUC");
    case LikeLogLoss:
        return tr("Like log loss");
    case MtlGain:
        return tr("MTL gain Recall@%1").arg(m_k);
    default:
        return {};
    }
}

std::vector<PairedTest> ResultsModel::mtlGain(int row) const
{
    const Row& r = m_rows[std::size_t(row)];
    if (r.spec.coupling == Coupling::Single)
        return {};
    const ModelSpec alone = r.spec.rankingAlone();
    const std::string aloneSettings = modelSettings(alone, r.runs.front().hp); // e.g. the same like threshold
    const auto single = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row& other) {
        return other.spec == alone && other.settings == aloneSettings && other.ties == r.ties &&
               other.datasetKey == r.datasetKey;
    });
    if (single == m_rows.end())
        return {};
    const QString key =
        QStringLiteral("%1/%2/%3/%4/%5/%6")
            .arg(QString::fromStdString(r.spec.name() + "@" + r.settings + "@" + std::string(tieRuleKey(r.ties))))
            .arg(int(r.balance))
            .arg(r.datasetKey)
            .arg(r.runs.size())
            .arg(single->runs.size())
            .arg(m_k);
    if (const auto cached = m_gainCache.constFind(key); cached != m_gainCache.constEnd())
        return *cached;
    std::vector<PairedTest> tests;
    for (const char* metric : {"recall", "mrr", "ndcg"})
        tests.push_back(pairedTestBySeed(single->runs, r.runs, metric, m_k, kResamples));
    if (tests.front().pairs == 0)
        tests.clear();
    m_gainCache.insert(key, tests);
    return tests;
}

QString ResultsModel::gainText(int row) const
{
    const std::vector<PairedTest> gain = mtlGain(row);
    if (gain.empty())
        return QStringLiteral("\u2013");
    const PairedTest& t = gain.front();
    const QString sign = t.meanDifference >= 0 ? QStringLiteral("+") : QString();
    if (t.pValue < 0.001)
        return tr("%1%2 (p < 0.001)").arg(sign).arg(t.meanDifference, 0, 'f', 4);
    return tr("%1%2 (p = %3)").arg(sign).arg(t.meanDifference, 0, 'f', 4).arg(t.pValue, 0, 'f', 3);
}

QString ResultsModel::toCsv() const
{
    QString text = QStringLiteral(
        "model,balance,runs,recall_mean,recall_std,mrr_mean,mrr_std,ndcg_mean,ndcg_std,"
        "rmse_mean,rmse_std,mae_mean,mae_std,like_recall_mean,like_recall_std,like_auc_mean,"
        "like_auc_std,like_log_loss_mean,like_log_loss_std,mtl_gain_recall,mtl_gain_recall_p,mtl_gain_mrr,"
        "mtl_gain_mrr_p,mtl_gain_ndcg,mtl_gain_ndcg_p,dataset,ties\n");
    for (int r = 0; r < rowCount(); ++r) {
        const Row& row = m_rows[std::size_t(r)];
        text +=
            rowName(row) + QLatin1Char(',') +
            (row.spec.coupling == Coupling::Single ? QString() : QString::fromStdString(findBalance(row.balance).key)) +
            QLatin1Char(',') + QString::number(row.runs.size());
        for (Column c : kFigureColumns) {
            const MeanStd s = summary(r, c);
            text += s.n ? QStringLiteral(",%1,%2").arg(s.mean, 0, 'g', 8).arg(s.std, 0, 'g', 8) : QStringLiteral(",,");
        }
        const std::vector<PairedTest> gain = mtlGain(r);
        for (std::size_t m = 0; m < 3; ++m)
            text += m < gain.size()
                        ? QStringLiteral(",%1,%2").arg(gain[m].meanDifference, 0, 'g', 8).arg(gain[m].pValue, 0, 'g', 4)
                        : QStringLiteral(",,");
        QString dataset = m_rows[std::size_t(r)].dataset;
        if (dataset.contains(QLatin1Char(',')) || dataset.contains(QLatin1Char('"')))
            dataset = QLatin1Char('"') + dataset.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        text += QLatin1Char(',') + dataset + QLatin1Char(',') +
                QString::fromLatin1(tieRuleKey(m_rows[std::size_t(r)].ties).data()) + QLatin1Char('\n');
    }
    return text;
}

QString ResultsModel::toMarkdown() const
{
    QString text = QStringLiteral("| ") + headerData(Model, Qt::Horizontal).toString();
    QString rule = QStringLiteral("|---");
    for (Column c : kFigureColumns) {
        text += QStringLiteral(" | ") + headerData(c, Qt::Horizontal).toString();
        rule += QStringLiteral("|---");
    }
    text += QStringLiteral(" | ") + headerData(MtlGain, Qt::Horizontal).toString() + QStringLiteral(" |\n") + rule +
            QStringLiteral("|---|\n");
    for (int r = 0; r < rowCount(); ++r) {
        text += QStringLiteral("| ") + rowTitle(r);
        for (Column c : kFigureColumns) {
            const QString cell = cellText(r, c, decimalsOf(c));
            text += QStringLiteral(" | ") + (isBest(r, c) ? QStringLiteral("**%1**").arg(cell) : cell);
        }
        text += QStringLiteral(" | ") + gainText(r) + QStringLiteral(" |\n");
    }
    return text;
}

QString ResultsModel::toLatex() const
{
    QString text = QStringLiteral("\\begin{tabular}{lrrrrrrrrr}\n\\hline\n");
    text += QStringLiteral("Algorithm & Recall@%1 & MRR@%1 & NDCG@%1 & RMSE & MAE & Like@%1 & Like AUC & Like log loss "
                           "& MTL gain Recall@%1 \\\\\n\\hline\n")
                .arg(m_k);
    for (int r = 0; r < rowCount(); ++r) {
        text += rowTitle(r);
        for (Column c : kFigureColumns) {
            const int d = decimalsOf(c);
            QString cell = QString::fromStdString(formatMeanStd(summary(r, c), d, " $\\pm$ ", "--"));
            if (isBest(r, c))
                cell = QStringLiteral("\\textbf{%1}").arg(cell);
            text += QStringLiteral(" & ") + cell;
        }
        text += QStringLiteral(" & ") +
                QString(gainText(r))
                    .replace(QStringLiteral("\u2013"), QStringLiteral("--"))
                    .replace(QStringLiteral("<"), QStringLiteral("$<$")) +
                QStringLiteral(" \\\\\n");
    }
    text += QStringLiteral("\\hline\n\\end{tabular}\n");
    return text;
}

bool ResultsModel::severalDatasets() const
{
    for (const Row& row : m_rows)
        if (row.datasetKey != m_rows.front().datasetKey)
            return true;
    return false;
}

QString ResultsModel::rowName(const Row& row)
{
    QString name = QString::fromStdString(row.spec.name());
    if (!row.settings.empty()) // as rnr compare --models takes it: ple:bpr+svd@levels=2
        name += QLatin1Char('@') + QString::fromStdString(row.settings).replace(QLatin1Char(' '), QLatin1Char('@'));
    return name;
}

QString ResultsModel::rowTitle(int row) const
{
    const Row& r = m_rows[std::size_t(row)];
    QString title = QString::fromStdString(modelTitle(r.spec, r.balance));
    QString settings = QString::fromStdString(r.settings);
    if (r.ties != SplitConfig{}.ties) // the default rule goes unsaid
        settings += (settings.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("ties=") +
                    QString::fromLatin1(tieRuleKey(r.ties).data());
    if (!settings.isEmpty())
        title += QStringLiteral(" [%1]").arg(settings);
    // Runs whose grid chose α = 1 trained no rating task (docs/method.md, "Grid"): said in the row.
    const auto off = std::count_if(r.runs.begin(), r.runs.end(),
                                   [&](const RunResult& run) { return ratingTaskOff(r.spec, run.hp); });
    if (off > 0) {
        const bool same = rankingPathIsAlone(r.spec);
        const QString alone = QString::fromStdString(r.spec.rankingAlone().title());
        if (std::size_t(off) == r.runs.size())
            title =
                same ? tr("%1 (α = 1: same as %2)").arg(title, alone) : tr("%1 (α = 1: rating task off)").arg(title);
        else
            title =
                same ? tr("%1 (α = 1 in %2 of %3 runs: same as %4)").arg(title).arg(off).arg(r.runs.size()).arg(alone)
                     : tr("%1 (α = 1 in %2 of %3 runs: rating task off)").arg(title).arg(off).arg(r.runs.size());
    }
    return severalDatasets() && !r.dataset.isEmpty() ? tr("%1 — %2").arg(title, r.dataset) : title;
}

QString ResultsModel::pairedSummary(int rowA, int rowB) const
{
    const Row& a = m_rows[std::size_t(rowA)];
    const Row& b = m_rows[std::size_t(rowB)];
    const QString cacheKey = QStringLiteral("%1/%2/%3/%4").arg(rowA).arg(rowB).arg(a.runs.size()).arg(b.runs.size());
    if (const auto cached = m_pairedCache.constFind(cacheKey); cached != m_pairedCache.constEnd())
        return *cached;
    if (a.datasetKey != b.datasetKey)
        return tr("%1 and %2 were trained on different data sets: a paired test needs the same held-out users.")
            .arg(rowTitle(rowA).toHtmlEscaped(), rowTitle(rowB).toHtmlEscaped());
    const QString nameA = QString::fromStdString(a.spec.title()), nameB = QString::fromStdString(b.spec.title());
    struct Measure
    {
        const char* metric;
        QString label;
        bool lowerIsBetter;
    };
    std::vector<Measure> measures{{"recall", tr("Recall@%1").arg(m_k), false},
                                  {"mrr", tr("MRR@%1").arg(m_k), false},
                                  {"ndcg", tr("NDCG@%1").arg(m_k), false},
                                  {"like-recall", tr("Like@%1").arg(m_k), false}};
    if (a.spec.hasRater() && b.spec.hasRater())
        measures.push_back({"squared-error", tr("squared error"), true});
    QStringList lines;
    lines << tr("<b>%1</b> against <b>%2</b>, paired by seed and held-out user:")
                 .arg(nameB.toHtmlEscaped(), nameA.toHtmlEscaped());
    for (const Measure& m : measures) {
        const PairedTest t = pairedTestBySeed(a.runs, b.runs, m.metric, m_k, kResamples);
        if (t.pairs == 0) {
            if (std::string_view(m.metric) != "like-recall") // no held-out like is not a missing pairing
                lines
                    << tr("%1: no shared seed or held-out user: train both with the same split and seed.").arg(m.label);
            continue;
        }
        const bool bWins = m.lowerIsBetter ? t.meanDifference < 0 : t.meanDifference > 0;
        const QString p = t.pValue < 0.001 ? tr("p < 0.001") : tr("p = %1").arg(t.pValue, 0, 'f', 3);
        const QString verdict = t.pValue < 0.05 ? (bWins ? tr("%1 is better").arg(nameB.toHtmlEscaped())
                                                         : tr("%1 is better").arg(nameA.toHtmlEscaped()))
                                                : tr("no significant difference");
        lines << tr("%1: %2 → %3 (difference %4%5 ± %6, %7; %8 pairs: %9 better for %10, %11 for %12, %13 ties) "
                    "— <b>%14</b>")
                     .arg(m.label)
                     .arg(t.meanA, 0, 'f', 4)
                     .arg(t.meanB, 0, 'f', 4)
                     .arg(t.meanDifference >= 0 ? QStringLiteral("+") : QString())
                     .arg(t.meanDifference, 0, 'f', 4)
                     .arg(t.standardError, 0, 'f', 4)
                     .arg(p.toHtmlEscaped())
                     .arg(t.pairs)
                     .arg(nameB.toHtmlEscaped())
                     .arg(m.lowerIsBetter ? t.aBetter : t.bBetter)
                     .arg(nameA.toHtmlEscaped())
                     .arg(m.lowerIsBetter ? t.bBetter : t.aBetter)
                     .arg(t.ties)
                     .arg(verdict);
    }
    const QString text = lines.join(QStringLiteral("<br>"));
    m_pairedCache.insert(cacheKey, text);
    return text;
}

} // namespace rnr
