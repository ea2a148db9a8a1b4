#pragma once

#include "train/records.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QComboBox;
class QLabel;

namespace rnr {

class LossPlot;

/// The Task interplay tab (docs/method.md, "Task interplay"): per epoch, how the ranking and the
/// rating gradients on the shared user and item vectors relate (cosines, conflicting rows and
/// batches, norms, the task weights in force), one curve per multi-task run, overlaid as in the
/// Training tab; below, the mean gate weight of each expert for both tasks of one run (MMoE, PLE).
/// It follows a LossPlot's runs (their names and epochs), so the two always list the same runs.
class InterplayPlot : public QWidget
{
    Q_OBJECT

public:
    enum class Series
    {
        CosineItems,
        CosineUsers,
        ConflictShare,
        BatchConflictShare,
        NormRanking,
        NormRating,
        RankingWeight,
        RatingWeight
    };
    Q_ENUM(Series)

    explicit InterplayPlot(QWidget* parent = nullptr);

    /// Takes the runs, names and epochs of the Training tab's plot from now on.
    void follow(LossPlot* plot);
    void addRun(quint64 runId, const QString& name);
    void appendEpoch(quint64 runId, const EpochRecord& epoch);
    void removeRun(quint64 runId);
    void renameRun(quint64 runId, const QString& name);
    void setSeries(Series series);
    Series series() const { return m_series; }
    /// The run whose gates are drawn (0: none); sides: false users, true items.
    void showGates(quint64 runId, bool items);
    quint64 gatesRun() const;

    void flush();
    QCustomPlot* plot() const { return m_plot; }
    QCustomPlot* gatePlot() const { return m_gates; }
    /// Points drawn for a run in the current series (0 for runs without interplay).
    int pointCount(quint64 runId) const;
    /// Bars drawn per task in the gate plot.
    int gateBarCount() const;
    /// Whether the gates are shown (only while a run with experts is).
    bool gatesShown() const;

private:
    static double value(const Interplay& interplay, Series series);
    void rebuild();
    void refillGateRuns();
    void drawGates();

    QCustomPlot* m_plot;
    QCustomPlot* m_gates;
    QComboBox* m_seriesBox;
    QComboBox* m_gateRunBox;
    QComboBox* m_sideBox;
    QLabel* m_hint;
    QWidget* m_gatePanel = nullptr;
    QCPBars* m_rankingBars = nullptr;
    QCPBars* m_ratingBars = nullptr;
    QTimer m_paintTimer;
    Series m_series = Series::CosineItems;
    struct Run
    {
        QString name;
        std::vector<EpochRecord> epochs; ///< those with interplay
        std::size_t drawn = 0;
        QCPGraph* graph = nullptr; ///< made with the first epoch that has interplay
        int colour = 0;
    };
    QHash<quint64, Run> m_runs;
    QList<quint64> m_order;
    bool m_gatesStale = false;
};

} // namespace rnr
