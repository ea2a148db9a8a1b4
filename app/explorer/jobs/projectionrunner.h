#pragma once

#include "analysis/projectionmethod.h"
#include "model/params.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <map>
#include <memory>

namespace rnr {

/// Computes 2-D projections off the GUI thread (docs/architecture.md, rule 4), one per slot (the
/// embeddings view's two plots): progress, prompt cancel, and the points, the error or the
/// cancellation as signals on the GUI thread. A new request for a slot cancels the one under way
/// there and its result is dropped. The destructor stops every projection and waits.
class ProjectionRunner : public QObject
{
    Q_OBJECT

public:
    explicit ProjectionRunner(QObject* parent = nullptr);
    ~ProjectionRunner() override;

    void start(int slot, ProjectionMethod method, RowMatrix<float> rows, std::uint64_t seed, unsigned threads);
    void cancel(int slot);
    void cancelAll();
    bool isRunning(int slot) const;

Q_SIGNALS:
    void progress(int slot, double fraction);
    void finished(int slot, rnr::ProjectionMethod method, const rnr::RowMatrix<float>& points);
    void failed(int slot, const QString& message);
    void cancelled(int slot);

private:
    struct Job
    {
        quint64 generation = 0;
        std::shared_ptr<std::atomic<bool>> stop;
        bool running = false;
    };
    QThreadPool m_pool;
    std::map<int, Job> m_jobs;
    quint64 m_generation = 0;
};

} // namespace rnr
