#pragma once

#include "runtypes.h"

#include <QObject>

#include <mutex>
#include <set>

namespace rnr {

class TrainControl;

/// Lives on the engine thread and runs one request at a time. Reports through signals that
/// carry value types; cancel() and setPaused() are called directly from the GUI thread (the
/// engine thread is busy while training) and reach the running trainer's control.
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Thread-safe: stops request runId if it runs, or drops it when its turn comes.
    void cancel(quint64 runId);
    void setPaused(bool paused);

public Q_SLOTS:
    void run(quint64 runId, const rnr::RunRequest& request);

Q_SIGNALS:
    void started(quint64 runId);
    /// A grid run began training its point-th grid point (0-based) with these alpha and lambda.
    void gridPointStarted(quint64 runId, int point, double alpha, double lambda);
    void progress(quint64 runId, const rnr::BatchProgress& progress);
    void epochFinished(quint64 runId, const rnr::EpochRecord& epoch);
    void finished(quint64 runId, const rnr::RunOutcome& outcome);
    void cancelled(quint64 runId);
    void failed(quint64 runId, const QString& message);

private:
    std::mutex m_mutex;
    TrainControl* m_control = nullptr; ///< of the running trainer, guarded by m_mutex
    quint64 m_running = 0;
    bool m_cancelRunning = false; ///< the running request was cancelled (guarded by m_mutex)
    bool m_paused = false;
    std::set<quint64> m_dropped; ///< queued requests cancelled before they started
};

} // namespace rnr
