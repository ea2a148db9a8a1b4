#include "jobs/trainingworker.h"

#include "threads/crossthread.h"
#include "train/trainingjob.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <algorithm>

namespace rnr {

namespace {
constexpr std::size_t kBatchesPerStep = 4; ///< minibatches between two looks at the clock
} // namespace

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::enqueue(quint64 runId, const RunRequest& request)
{
    m_queue.push_back(Queued{runId, request});
    scheduleTurn();
}

void TrainingWorker::cancel(quint64 runId)
{
    if (m_job && m_current.id == runId) {
        m_job.reset();
        m_split = Split{};
        m_current = Queued{};
        handOff([&] { Q_EMIT cancelled(runId); });
        scheduleTurn();
        return;
    }
    const auto it = std::find_if(m_queue.begin(), m_queue.end(), [runId](const Queued& q) { return q.id == runId; });
    if (it != m_queue.end()) {
        m_queue.erase(it);
        handOff([&] { Q_EMIT cancelled(runId); });
    }
}

void TrainingWorker::setPaused(bool paused)
{
    m_paused = paused;
    scheduleTurn();
}

void TrainingWorker::scheduleTurn()
{
    if (m_turnQueued || m_paused || (!m_job && m_queue.empty()))
        return;
    m_turnQueued = true;
    QMetaObject::invokeMethod(this, &TrainingWorker::turn, Qt::QueuedConnection);
}

void TrainingWorker::startNext()
{
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    const quint64 id = m_current.id;
    const RunRequest& request = m_current.request;
    handOff([&] { Q_EMIT started(id); });
    JobObserver observer;
    if (request.grid)
        observer.pointStarted = [this, id](int point, const HyperParams& hp) {
            handOff([&] { Q_EMIT gridPointStarted(id, point, hp.alpha, hp.lambda); });
        };
    observer.progress = [this, id](const BatchProgress& p) { handOff([&] { Q_EMIT progress(id, p); }); };
    observer.epoch = [this, id](const EpochRecord& e) { handOff([&] { Q_EMIT epochFinished(id, e); }); };
    m_split = makeSplit(*request.data, request.split);
    m_job =
        std::make_unique<TrainingJob>(*request.data, m_split, request.spec, request.hp,
                                      request.grid ? std::optional(GridSettings{}) : std::nullopt, std::move(observer));
}

void TrainingWorker::turn()
{
    m_turnQueued = false;
    if (m_paused)
        return;
    const quint64 id = m_job ? m_current.id : (m_queue.empty() ? 0 : m_queue.front().id);
    if (id == 0)
        return;
    try {
        if (!m_job)
            startNext();
        QElapsedTimer clock;
        clock.start();
        bool done = false;
        while (!done && clock.elapsed() < kTurnMilliseconds)
            done = m_job->step(kBatchesPerStep);
        if (done) {
            RunOutcome outcome;
            outcome.result = m_job->takeResult().best;
            outcome.model = outcome.result.model;
            outcome.result.model.reset();
            const Dataset* data = m_current.request.data.get();
            if (m_fingerprinted.first.lock().get() != data) // once per data set, here and not on the GUI thread
                m_fingerprinted = {m_current.request.data, data->fingerprint()};
            outcome.datasetFingerprint = m_fingerprinted.second;
            m_job.reset();
            m_split = Split{};
            m_current = Queued{};
            handOff([&] { Q_EMIT finished(id, outcome); });
        }
    } catch (const std::exception& e) {
        m_job.reset();
        m_split = Split{};
        m_current = Queued{};
        handOff([&] { Q_EMIT failed(id, QString::fromStdString(e.what())); });
    }
    scheduleTurn();
}

} // namespace rnr
