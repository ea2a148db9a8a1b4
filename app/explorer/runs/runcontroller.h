#pragma once

#include "jobs/enginebridge.h"

#include <QObject>

#include <memory>

namespace rnr {

class RunModel;

/// Turns the experiment panel's choice into runs and keeps the run model in step with the
/// engine: one run per seed and model (docs/method.md, "Seeds"), a grid when asked, each named,
/// added to the run model and queued on the engine thread; the engine's signals move the runs
/// through their states and give grid points their own curves. The window only wires it.
class RunController : public QObject
{
    Q_OBJECT

public:
    /// What to queue, besides the models.
    struct Plan
    {
        std::shared_ptr<const Dataset> data; ///< the filtered data set
        SplitConfig split;                   ///< of the first seed
        HyperParams hp;
        int seeds = 1;
        bool grid = false;
    };

    RunController(EngineBridge& bridge, RunModel& runs, QObject* parent = nullptr);

    /// Queues every model for every seed (for each seed, the models in order); returns the ids.
    QList<quint64> queue(const Plan& plan, const QList<ModelSpec>& specs);
    /// Adds a finished run restored from a session (with its per-batch reports); returns its id.
    quint64 restore(const QString& name, std::shared_ptr<const Dataset> data, const RunOutcome& outcome,
                    const std::vector<BatchProgress>& batches = {});
    void cancelAll() { m_bridge.cancelAll(); }
    /// Pauses or resumes the engine; a pause ends with the runs (the next one starts at once).
    void setPaused(bool paused);
    bool isPaused() const { return m_bridge.isPaused(); }
    /// True while a run is queued or training.
    bool busy() const { return !m_bridge.pending().isEmpty(); }
    /// Runs waiting behind the one in training.
    int waiting() const { return std::max(0, int(m_bridge.pending().size()) - 1); }
    /// A curve's legend label: the run's name and its data set's.
    static QString curveLabel(const QString& name, const Dataset* data);

Q_SIGNALS:
    /// A new loss-plot curve (a run, or a grid run's next point).
    void curveAdded(quint64 curve, const QString& label);
    /// A run stopped or failed: drop its curves if they never got a point.
    void curvesAbandoned(quint64 runId);
    /// Something busy(), isPaused() or waiting() report changed.
    void stateChanged();

private:
    EngineBridge& m_bridge;
    RunModel& m_runs;
};

} // namespace rnr
