#include "trainingworker.h"

#include "errors.h"

namespace rnr {

void TrainingWorker::cancel(quint64 runId)
{
    std::lock_guard lock(m_mutex);
    if (runId == m_running) {
        // A grid run trains several trainers one after another: the flag reaches the next one.
        m_cancelRunning = true;
        if (m_control)
            m_control->cancel();
    } else {
        m_dropped.insert(runId);
    }
}

void TrainingWorker::setPaused(bool paused)
{
    std::lock_guard lock(m_mutex);
    m_paused = paused;
    if (m_control)
        m_control->setPaused(paused);
}

void TrainingWorker::run(quint64 runId, const RunRequest& request)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_dropped.erase(runId) > 0) {
            Q_EMIT cancelled(runId);
            return;
        }
        m_running = runId;
        m_cancelRunning = false;
    }
    Q_EMIT started(runId);
    RunObserver observer;
    int point = 0;
    observer.started = [&](Trainer& trainer) {
        if (request.grid)
            Q_EMIT gridPointStarted(runId, point++, trainer.hyperParams().alpha, trainer.hyperParams().lambda);
        std::lock_guard lock(m_mutex);
        m_control = &trainer.control();
        m_control->setPaused(m_paused);
        if (m_cancelRunning)
            m_control->cancel();
        trainer.setProgressCallback([this, runId](const BatchProgress& p) { Q_EMIT progress(runId, p); });
    };
    observer.epoch = [&](const RunResult&, const EpochRecord& epoch) { Q_EMIT epochFinished(runId, epoch); };
    observer.ended = [&] {
        std::lock_guard lock(m_mutex);
        m_control = nullptr;
    };
    auto clear = [&] {
        std::lock_guard lock(m_mutex);
        m_control = nullptr;
        m_running = 0;
    };
    try {
        const Split split = makeSplit(*request.data, request.split);
        RunOutcome outcome;
        outcome.result = request.grid
                             ? gridSearch(*request.data, split, request.spec, request.hp, GridSettings{}, observer).best
                             : runExperiment(*request.data, split, request.spec, request.hp, observer);
        outcome.model = outcome.result.model;
        outcome.result.model.reset();
        clear();
        Q_EMIT finished(runId, outcome);
    } catch (const Cancelled&) {
        clear();
        Q_EMIT cancelled(runId);
    } catch (const std::exception& e) {
        clear();
        Q_EMIT failed(runId, QString::fromStdString(e.what()));
    }
}

} // namespace rnr
