#include "jobs/enginebridge.h"

#include "core/threadpriority.h"
#include "jobs/trainingworker.h"
#include "threads/crossthread.h"

namespace rnr {

namespace {
constexpr int kEngineNice = 10;
} // namespace

EngineBridge::EngineBridge(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<RunRequest>();
    qRegisterMetaType<RunOutcome>();
    qRegisterMetaType<EpochRecord>();
    qRegisterMetaType<BatchProgress>();
    m_thread.setObjectName(QStringLiteral("engine"));
    m_worker = new TrainingWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &TrainingWorker::started, this, [this](quint64 id) {
        if (live(id))
            Q_EMIT runStarted(id);
    });
    connect(m_worker, &TrainingWorker::gridPointStarted, this, [this](quint64 id, int point, double a, double l) {
        if (live(id))
            Q_EMIT gridPointStarted(id, point, a, l);
    });
    connect(m_worker, &TrainingWorker::progress, this, [this](quint64 id, const BatchProgress& p) {
        if (live(id))
            Q_EMIT progress(id, p);
    });
    connect(m_worker, &TrainingWorker::epochFinished, this, [this](quint64 id, const EpochRecord& e) {
        if (live(id))
            Q_EMIT epochFinished(id, e);
    });
    connect(m_worker, &TrainingWorker::finished, this, [this](quint64 id, const RunOutcome& outcome) {
        const bool wanted = live(id);
        settle(id);
        if (wanted)
            Q_EMIT runFinished(id, outcome);
        else
            Q_EMIT runCancelled(id);
        idleIfDone();
    });
    connect(m_worker, &TrainingWorker::cancelled, this, [this](quint64 id) {
        settle(id);
        Q_EMIT runCancelled(id);
        idleIfDone();
    });
    connect(m_worker, &TrainingWorker::failed, this, [this](quint64 id, const QString& message) {
        const bool wanted = live(id);
        settle(id);
        if (wanted)
            Q_EMIT runFailed(id, message);
        else
            Q_EMIT runCancelled(id);
        idleIfDone();
    });
    m_thread.start();
    // Training yields to the GUI thread when it uses every core (a 2-core machine, 2 threads).
    postTo(m_worker, [] { lowerEnginePriority(kEngineNice); });
}

EngineBridge::~EngineBridge()
{
    // The worker (and a job it trains) is destroyed on the engine thread once its loop ends; the
    // loop ends after the turn under way, at most a few milliseconds of training.
    cancelAll();
    handOff([this] { m_thread.quit(); }); // the worker, deleted there, drops this object's slots
    m_thread.wait();
}

quint64 EngineBridge::start(const RunRequest& request)
{
    const quint64 id = m_nextId++;
    m_pending.append(id);
    postTo(m_worker, [worker = m_worker, id, request] { worker->enqueue(id, request); });
    return id;
}

void EngineBridge::cancel(quint64 runId)
{
    if (!m_pending.contains(runId) || m_cancelled.contains(runId))
        return;
    m_cancelled.append(runId);
    postTo(m_worker, [worker = m_worker, runId] { worker->cancel(runId); });
}

void EngineBridge::cancelAll()
{
    for (const quint64 id : QList<quint64>(m_pending))
        cancel(id);
}

void EngineBridge::setPaused(bool paused)
{
    m_paused = paused;
    postTo(m_worker, [worker = m_worker, paused] { worker->setPaused(paused); });
}

void EngineBridge::settle(quint64 runId)
{
    m_pending.removeAll(runId);
    m_cancelled.removeAll(runId);
}

void EngineBridge::idleIfDone()
{
    if (m_pending.isEmpty())
        Q_EMIT idle();
}

} // namespace rnr
