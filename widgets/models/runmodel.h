#pragma once

#include "data/dataset.h"
#include "model/hyperparams.h"
#include "train/runresult.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace rnr {

/// Every run of the window, queued, running and finished, one row each in the order they were
/// queued (or restored from a session): their names, data sets, loss-plot curves, results and
/// trained models. The one place run state lives; the views' run choosers, the results table,
/// the status bar and sessions all read it, and a reset clears every view at once.
class RunModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class State
    {
        Queued,
        Running,
        Finished,
        Stopped,
        Failed
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,
        SpecRole, ///< the model's name, e.g. "rnr:bpr+svd"
    };

    struct Run
    {
        quint64 id = 0;
        int number = 0; ///< the "#N" of its name: runs are numbered 1, 2, ... in the window
        QString name;
        std::shared_ptr<const Dataset> data; ///< what the run trains on (the filtered data set)
        ModelSpec spec;
        int epochs = 0; ///< epochs per run (per grid point)
        State state = State::Queued;
        std::vector<quint64> curves;                     ///< its loss-plot curves: one, or one per grid point so far
        std::vector<HyperParams> curvePoints;            ///< each curve's alpha and lambda (grid runs)
        std::vector<std::vector<BatchProgress>> batches; ///< each curve's per-batch reports
        RunOutcome outcome;                              ///< once finished
        /// The per-batch reports of the kept model's curve (the best grid point's): what a
        /// session stores beside the epochs.
        const std::vector<BatchProgress>& keptBatches() const;
    };

    explicit RunModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Adds a run (queued, or already finished when restored); ids come from the engine bridge.
    /// number 0: the "#N" in the name (a run restored from a session), if any.
    void addRun(quint64 id, const QString& name, std::shared_ptr<const Dataset> data, const ModelSpec& spec, int epochs,
                int number = 0);
    /// The number the next run gets: one more than the largest so far (1 in an empty window).
    int nextNumber() const;
    void setState(quint64 id, State state);
    /// Gives a run another name (trimmed; an empty name is refused); runRenamed() follows.
    bool rename(quint64 id, const QString& name);
    /// Marks the run finished with its outcome; runFinished() follows.
    void finish(quint64 id, const RunOutcome& outcome);
    /// A new loss-plot curve for the run (a grid run gets one per grid point): a fresh id that no
    /// other run or point shares.
    quint64 addCurve(quint64 id, const HyperParams& point = {});
    /// A per-batch report of the run's current curve.
    void addBatch(quint64 id, const BatchProgress& progress);
    /// The curve the run draws into now (0 when it has none).
    quint64 currentCurve(quint64 id) const;
    /// Takes a finished, stopped or failed run out (its row and the row it had); runRemoved()
    /// follows. Nothing for a queued or running run.
    std::optional<std::pair<int, Run>> take(quint64 id);
    /// Puts a taken run back at its row; for a finished run runFinished() follows, so that every
    /// view shows it again.
    void putBack(int row, Run run);
    /// Removes every run; views listening to modelReset() clear themselves.
    void clear();

    const Run* run(quint64 id) const;
    const Run& at(int row) const { return m_runs[std::size_t(row)]; }
    /// Ids of the runs in this state, oldest first.
    QList<quint64> ids(State state) const;
    /// Outcomes of the finished runs, oldest first.
    QList<RunOutcome> finishedOutcomes() const;
    /// The same key for runs on the same data set: its fingerprint, computed once per data set.
    std::uint64_t datasetKey(quint64 id);

Q_SIGNALS:
    void runFinished(quint64 id);
    void runRenamed(quint64 id, const QString& name);
    /// A run was taken out (take()): views drop it (by id, or by its model).
    void runRemoved(quint64 id, const rnr::Model* model);

private:
    int rowOf(quint64 id) const;

    std::vector<Run> m_runs;
    QHash<quint64, int> m_rows;
    quint64 m_nextCurve = 1;
    QHash<const Dataset*, std::pair<std::weak_ptr<const Dataset>, std::uint64_t>> m_fingerprints;
};

} // namespace rnr
