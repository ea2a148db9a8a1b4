#pragma once

#include "jobs/runtypes.h"

#include <QObject>
#include <QThread>

namespace rnr {

class TrainingWorker;

/// The GUI's handle on the engine thread (docs/architecture.md, rule 4): requests go in as queued
/// calls, results come out as signals with value types, every run has an id, and shutdown is
/// cancel, quit, wait; cancel and pause are
/// queued calls like the requests, so no pointer into the engine's state crosses threads. Signals of runs that were
/// cancelled are dropped, so a late epoch of a stopped run never reaches a view.
class EngineBridge : public QObject
{
    Q_OBJECT

public:
    explicit EngineBridge(QObject* parent = nullptr);
    ~EngineBridge() override;

    /// Queues a run; returns its id (runs execute one after another in order).
    quint64 start(const RunRequest& request);
    /// Cancels a queued or running run; its late signals are dropped.
    void cancel(quint64 runId);
    /// Cancels everything queued or running.
    void cancelAll();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// A fresh id for a run that does not train here (one restored from a session).
    quint64 reserveId() { return m_nextId++; }
    /// Runs queued or running, oldest first.
    const QList<quint64>& pending() const { return m_pending; }

Q_SIGNALS:
    void runStarted(quint64 runId);
    void gridPointStarted(quint64 runId, int point, double alpha, double lambda);
    void progress(quint64 runId, const rnr::BatchProgress& progress);
    void epochFinished(quint64 runId, const rnr::EpochRecord& epoch);
    void runFinished(quint64 runId, const rnr::RunOutcome& outcome);
    void runCancelled(quint64 runId);
    void runFailed(quint64 runId, const QString& message);
    void idle();

private:
    bool live(quint64 runId) const { return m_pending.contains(runId) && !m_cancelled.contains(runId); }
    void settle(quint64 runId);
    /// idle() after the last run's own signal, so that listeners see every result first.
    void idleIfDone();

    QThread m_thread;
    TrainingWorker* m_worker = nullptr;
    quint64 m_nextId = 1;
    QList<quint64> m_pending;
    QList<quint64> m_cancelled;
    bool m_paused = false;
};

} // namespace rnr
