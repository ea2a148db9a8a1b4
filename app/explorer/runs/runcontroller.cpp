#include "runs/runcontroller.h"

#include "models/runmodel.h"
#include "train/seeds.h"

#include <QCoreApplication>

namespace rnr {

QString RunController::curveLabel(const QString& name, const Dataset* data)
{
    // Curves of several data sets share the plot: each names its own.
    return data ? tr("%1 \u00b7 %2").arg(name, QString::fromStdString(data->name)) : name;
}

RunController::RunController(EngineBridge& bridge, RunModel& runs, QObject* parent)
    : QObject(parent), m_bridge(bridge), m_runs(runs)
{
    using State = RunModel::State;
    connect(&m_bridge, &EngineBridge::runStarted, this, [this](quint64 id) {
        m_runs.setState(id, State::Running);
        Q_EMIT stateChanged();
    });
    connect(&m_bridge, &EngineBridge::gridPointStarted, this, [this](quint64 id, int, double alpha, double lambda) {
        const RunModel::Run* run = m_runs.run(id);
        if (!run)
            return;
        const QString label = tr("%1 α=%2 λ=%3").arg(run->name).arg(alpha).arg(lambda);
        HyperParams point;
        point.alpha = alpha;
        point.lambda = lambda;
        Q_EMIT curveAdded(m_runs.addCurve(id, point), curveLabel(label, run->data.get()));
    });
    connect(&m_bridge, &EngineBridge::progress, this,
            [this](quint64 id, const BatchProgress& p) { m_runs.addBatch(id, p); });
    connect(&m_bridge, &EngineBridge::runFinished, this, [this](quint64 id, const RunOutcome& outcome) {
        m_runs.finish(id, outcome);
        Q_EMIT stateChanged();
    });
    connect(&m_bridge, &EngineBridge::runCancelled, this, [this](quint64 id) {
        m_runs.setState(id, State::Stopped);
        Q_EMIT curvesAbandoned(id);
        Q_EMIT stateChanged();
    });
    connect(&m_bridge, &EngineBridge::runFailed, this, [this](quint64 id, const QString&) {
        m_runs.setState(id, State::Failed);
        Q_EMIT curvesAbandoned(id);
        Q_EMIT stateChanged();
    });
    connect(&m_bridge, &EngineBridge::idle, this, [this] {
        if (m_bridge.isPaused())
            m_bridge.setPaused(false); // a pause ends with the runs: the next one starts right away
        Q_EMIT stateChanged();
    });
}

QList<quint64> RunController::queue(const Plan& plan, const QList<ModelSpec>& specs)
{
    QList<quint64> ids;
    for (int s = 0; s < plan.seeds; ++s) {
        const SeededRun seeded = seededRun(plan.split, plan.hp, std::uint64_t(s));
        for (const ModelSpec& spec : specs) {
            RunRequest request;
            request.data = plan.data;
            request.split = seeded.split;
            request.spec = spec;
            request.hp = seeded.hp;
            request.grid = plan.grid && spec.learns();
            const quint64 id = m_bridge.start(request);
            const int number = m_runs.nextNumber(); // numbers follow the runs shown, not the engine's ids
            const QString title = QString::fromStdString(spec.title());
            const QString name = plan.seeds > 1 ? tr("%1 #%2 (seed %3)").arg(title).arg(number).arg(seeded.split.seed)
                                                : tr("%1 #%2").arg(title).arg(number);
            m_runs.addRun(id, name, plan.data, spec, int(request.hp.epochs), number);
            if (!request.grid) // a grid run gets a curve per grid point as it starts it
                Q_EMIT curveAdded(m_runs.addCurve(id), curveLabel(name, plan.data.get()));
            ids << id;
        }
    }
    Q_EMIT stateChanged();
    return ids;
}

quint64 RunController::restore(const QString& name, std::shared_ptr<const Dataset> data, const RunOutcome& outcome,
                               const std::vector<BatchProgress>& batches)
{
    const quint64 id = m_bridge.reserveId();
    m_runs.addRun(id, name, std::move(data), outcome.result.spec, int(outcome.result.hp.epochs));
    Q_EMIT curveAdded(m_runs.addCurve(id, outcome.result.hp), curveLabel(name, m_runs.run(id)->data.get()));
    for (const BatchProgress& p : batches)
        m_runs.addBatch(id, p);
    m_runs.finish(id, outcome);
    return id;
}

void RunController::setPaused(bool paused)
{
    m_bridge.setPaused(paused && busy());
    Q_EMIT stateChanged();
}

} // namespace rnr
