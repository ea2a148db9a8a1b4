#include "jobs/projectionrunner.h"

#include "core/errors.h"
#include "threads/crossthread.h"

namespace rnr {

ProjectionRunner::ProjectionRunner(QObject* parent) : QObject(parent)
{
    // Both plots at once, and a cancelled projection winding down beside a new one.
    m_pool.setMaxThreadCount(4);
}

ProjectionRunner::~ProjectionRunner()
{
    cancelAll();
    m_pool.waitForDone();
}

void ProjectionRunner::cancel(int slot)
{
    if (auto it = m_jobs.find(slot); it != m_jobs.end() && it->second.stop)
        it->second.stop->store(true);
}

void ProjectionRunner::cancelAll()
{
    for (auto& [slot, job] : m_jobs)
        if (job.stop)
            job.stop->store(true);
}

bool ProjectionRunner::isRunning(int slot) const
{
    const auto it = m_jobs.find(slot);
    return it != m_jobs.end() && it->second.running;
}

void ProjectionRunner::start(int slot, ProjectionMethod method, RowMatrix<float> rows, std::uint64_t seed,
                             unsigned threads)
{
    cancel(slot);
    Job& job = m_jobs[slot];
    job.generation = ++m_generation;
    job.stop = std::make_shared<std::atomic<bool>>(false);
    job.running = true;
    const quint64 generation = job.generation;
    // Results reach the GUI thread by queued calls; a stale one (a newer request for the slot) is
    // dropped there.
    auto report = [this, slot, generation](auto&& deliver) {
        postTo(this, [this, slot, generation, deliver = std::forward<decltype(deliver)>(deliver)]() mutable {
            auto it = m_jobs.find(slot);
            if (it != m_jobs.end() && it->second.generation == generation)
                deliver(it->second);
        });
    };
    startOnPool(m_pool, [this, slot, method, rows = std::move(rows), seed, threads, stop = job.stop, report] {
        LayoutOptions run;
        run.seed = seed;
        run.threads = threads;
        run.progress = [this, slot, stop, report](double fraction) {
            report([this, slot, fraction](Job&) { Q_EMIT progress(slot, fraction); });
            return !stop->load();
        };
        try {
            RowMatrix<float> points = project2d(method, rows, run);
            report([this, slot, method, points = std::move(points)](Job& done) {
                done.running = false;
                Q_EMIT finished(slot, method, points);
            });
        } catch (const Cancelled&) {
            report([this, slot](Job& done) {
                done.running = false;
                Q_EMIT cancelled(slot);
            });
        } catch (const std::exception& e) {
            report([this, slot, message = QString::fromStdString(e.what())](Job& done) {
                done.running = false;
                Q_EMIT failed(slot, message);
            });
        }
    });
}

} // namespace rnr
