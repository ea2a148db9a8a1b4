#pragma once

#include "train/runresult.h"

#include <QAbstractTableModel>
#include <QHash>

namespace rnr {

/// The results table (Table-1 layout): one row per model (and loss balancing), test figures as
/// mean ± std over its finished runs (seeds), the best value of each column marked, and for
/// multi-task rows PLE's MTL gain over the same ranking model alone on the same data set and
/// seeds, with the paired test's p. Sorts by the mean (Qt::UserRole) and exports to CSV,
/// Markdown and LaTeX.
class ResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Model,
        Runs,
        Recall,
        Mrr,
        Ndcg,
        Rmse,
        Mae,
        LikeRecall,  ///< Like@k over the users whose held-out rating is a like (docs/method.md, "Choose, then like")
        LikeAuc,     ///< Like AUC among the held-out rated items, pooled over users
        LikeLogLoss, ///< a like head's log loss (cascades; "–" for the others)
        MtlGain,     ///< PLE's MTL gain in Recall@k over the ranking model alone (docs/method.md, "MTL gain")
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    /// Adds a finished run to the row of its model on its data set (a new row for a new pair).
    /// dataset: the data set's name and a key telling data sets apart (its fingerprint).
    /// id: the run's id in the window's run model, for removeRun() (0: none).
    void addRun(const RunResult& run, const QString& dataset = {}, std::uint64_t datasetKey = 0, quint64 id = 0);
    /// Drops a run added with an id (its row goes with its last run).
    void removeRun(quint64 id);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Mean and std of a metric column for a row.
    MeanStd summary(int row, Column column) const;
    /// True when the row holds the best mean of the column (max for ranking, min for rating).
    bool isBest(int row, Column column) const;
    /// The runs of a row (one per seed), in the order they finished.
    const std::vector<RunResult>& runs(int row) const { return m_rows[std::size_t(row)].runs; }

    /// The paired significance test of row b against row a (runs paired by seed, then by
    /// held-out user and item) on Recall@k, MRR@k, NDCG@k, Like@k and, when both rate, the squared
    /// error: one line per metric with the mean difference, the p-value and who wins how often.
    QString pairedSummary(int rowA, int rowB) const;
    /// PLE's MTL gain of a multi-task row: the paired tests (ranking model alone as a, the row as
    /// b) on Recall@k, MRR@k and NDCG@k; empty when the row is single-task or its ranking model
    /// alone has no run with a shared seed on the same data set.
    std::vector<PairedTest> mtlGain(int row) const;
    QString toCsv() const;
    QString toMarkdown() const;
    QString toLatex() const;

private:
    struct Row
    {
        ModelSpec spec;
        Balance balance = Balance::Fixed;
        std::string settings;           ///< modelSettings(): runs with other settings are other rows
        TieRule ties = TieRule::ItemId; ///< the split's tie rule: other held-out items, another row
        QString dataset;
        std::uint64_t datasetKey = 0;
        std::vector<RunResult> runs;
        std::vector<quint64> ids; ///< one per run
    };
    /// The model's title, with the data set's name when the table holds several data sets.
    QString rowTitle(int row) const;
    /// The model's name with its settings, "ple:bpr+svd@levels=2" (the CSV's model column).
    static QString rowName(const Row& row);
    bool severalDatasets() const;
    static double metric(const RunResult& run, Column column);
    QString cellText(int row, Column column, int decimals) const;

    std::vector<Row> m_rows;
    std::uint32_t m_k = 10;
    QString gainText(int row) const;
    mutable QHash<QString, QString> m_pairedCache;               ///< pairedSummary by (rows, run counts)
    mutable QHash<QString, std::vector<PairedTest>> m_gainCache; ///< mtlGain by (row, run counts)
};

} // namespace rnr
