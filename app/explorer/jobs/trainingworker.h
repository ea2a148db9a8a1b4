#pragma once

#include "jobs/runtypes.h"

#include <QObject>

#include <deque>
#include <memory>

namespace rnr {

class TrainingJob;

/// Lives on the engine thread and trains one request at a time, driven by the thread's event
/// loop: each turn runs the current TrainingJob for a few milliseconds and queues the next turn.
/// Every entry point is a queued call from the GUI thread, so it never shares state with it:
/// pausing stops queueing turns, cancelling destroys the job (or drops a queued request), and
/// nothing ever sleeps or polls a flag. Reports through signals that carry value types; they are
/// connected queued only, and each emit is a hand-off (threads/crossthread.h).
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    /// How long one turn trains before the event loop gets the thread back: the longest a queued
    /// cancel or pause waits, besides an epoch's validation.
    static constexpr int kTurnMilliseconds = 10;

public Q_SLOTS:
    /// Queues a request behind the ones already queued.
    void enqueue(quint64 runId, const rnr::RunRequest& request);
    /// Stops the run if it trains, or drops it if it waits; cancelled() follows. Unknown ids (a
    /// run that already finished) are ignored.
    void cancel(quint64 runId);
    void setPaused(bool paused);

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
    struct Queued
    {
        quint64 id = 0;
        RunRequest request;
    };
    void scheduleTurn();
    void turn();
    void startNext();

    std::deque<Queued> m_queue;
    Queued m_current; ///< the request m_job trains (id 0: none)
    /// The last data set whose fingerprint was taken, and the fingerprint.
    std::pair<std::weak_ptr<const Dataset>, std::uint64_t> m_fingerprinted;
    Split m_split; ///< the split of m_current (the job refers to it)
    std::unique_ptr<TrainingJob> m_job;
    bool m_paused = false;
    bool m_turnQueued = false;
};

} // namespace rnr
