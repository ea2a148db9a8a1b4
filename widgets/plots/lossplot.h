#pragma once

#include "train/records.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace rnr {

/// Live per-epoch curves of several runs: the total, ranking, rating and regularisation losses
/// and the validation metrics. Data arrive at the engine's rate and are buffered; a ~40 ms
/// timer draws them with one queued replot (docs/architecture.md, rule 5). Clicking a legend entry
/// hides or shows its run; the mouse wheel zooms and dragging pans.
class LossPlot : public QWidget
{
    Q_OBJECT

public:
    enum class Series
    {
        Objective,
        Ranking,
        Rating,
        Regularisation,
        Recall,
        Mrr,
        Ndcg,
        Rmse
    };
    Q_ENUM(Series)

    explicit LossPlot(QWidget* parent = nullptr);

    /// Starts a curve for a run (its legend name, e.g. "RnR(BPR, SVD) #3").
    void addRun(quint64 runId, const QString& name);
    void appendEpoch(quint64 runId, const EpochRecord& epoch);
    /// A progress report within an epoch: drawn as a thin per-batch curve of the loss series,
    /// smoothed with an exponential moving average.
    void appendBatch(quint64 runId, const BatchProgress& progress);
    /// Weight of the past in the moving average, 0 (raw) to 0.99.
    void setSmoothing(double smoothing);
    void setBatchCurves(bool shown);
    /// Per-batch points drawn for a run in the current series.
    int batchPointCount(quint64 runId) const;
    void removeRun(quint64 runId);
    /// A curve's new legend name.
    void renameRun(quint64 runId, const QString& name);
    /// The runs shown, in the order they were added.
    const QList<quint64>& runIds() const { return m_order; }
    void setSeries(Series series);
    Series series() const { return m_series; }

    /// Flushes pending points now (tests, exports).
    void flush();
    QCustomPlot* plot() const { return m_plot; }
    /// Points drawn for a run in the current series.
    int pointCount(quint64 runId) const;
    bool exportImage(const QString& path);

signals:
    /// What happens to the runs, for views that follow this plot (InterplayPlot).
    void runAdded(quint64 runId, const QString& name);
    void runRemoved(quint64 runId);
    void runRenamed(quint64 runId, const QString& name);
    void epochAppended(quint64 runId, const rnr::EpochRecord& epoch);

private:
    static double value(const EpochRecord& epoch, Series series);
    static double batchValue(const BatchProgress& progress, Series series);
    void rebuild();

    QCustomPlot* m_plot;
    QComboBox* m_seriesBox;
    QCheckBox* m_batchBox;
    QDoubleSpinBox* m_smoothingBox;
    QTimer m_paintTimer;
    Series m_series = Series::Objective;
    struct Run
    {
        QString name;
        std::vector<EpochRecord> epochs;
        std::size_t drawn = 0;
        QCPGraph* graph = nullptr;
        std::vector<BatchProgress> batches;
        std::size_t batchesDrawn = 0;
        double average = 0; ///< the moving average so far (per-batch curve)
        QCPGraph* batchGraph = nullptr;
    };
    QHash<quint64, Run> m_runs;
    QList<quint64> m_order;
};

} // namespace rnr
