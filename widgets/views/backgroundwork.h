#pragma once

#include "core/threadpriority.h"
#include "threads/crossthread.h"

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <exception>
#include <functional>
#include <memory>
#include <utility>

namespace rnr {

/// Work a view does off the GUI thread when it is shown a run (a summary of every rating, a PCA
/// of every item): start() runs it on a pool thread of its own and hands the result to the view's
/// thread as a queued call, unless a later start() or cancel() superseded it. The work reads its
/// inputs by value or through shared pointers to immutable data (data sets and models are never
/// modified once shared). It runs at the engine's priority (nice 10 in the desktop app), so that
/// on a machine whose cores are busy the window still wins the processor. The destructor waits for the work under way
/// (a few tens of milliseconds at most), so no result outlives its view (docs/architecture.md, "Threads").
class BackgroundWork : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundWork(QObject* parent = nullptr) : QObject(parent) { m_pool.setMaxThreadCount(1); }
    ~BackgroundWork() override
    {
        m_pool.clear();
        m_pool.waitForDone();
    }

    /// Runs work() on the pool; then done(result), or failed(what()) when it threw, on this
    /// object's thread. Drops the result of any earlier start() not delivered yet.
    template <class Work, class Done> void start(Work work, Done done, std::function<void(const QString&)> failed)
    {
        using Result = decltype(work());
        const quint64 generation = ++m_generation;
        m_busy = true;
        m_pool.clear(); // earlier work not begun yet is not wanted any more
        startOnPool(m_pool, [this, generation, work = std::move(work), done = std::move(done),
                             failed = std::move(failed)]() mutable {
            applyEnginePriority(); // nice 10 in the desktop app: the window wins a busy machine
            std::shared_ptr<Result> result;
            QString error;
            try {
                result = std::make_shared<Result>(work());
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            } catch (...) {
                error = QStringLiteral("unknown error");
            }
            postTo(this, [this, generation, result = std::move(result), error, done = std::move(done),
                          failed = std::move(failed)]() mutable {
                if (generation != m_generation)
                    return;
                m_busy = false;
                if (result)
                    done(std::move(*result));
                else if (failed)
                    failed(error);
                Q_EMIT delivered();
            });
        });
    }

    /// Drops the result of the work under way (it still runs to its end, unseen).
    void cancel()
    {
        ++m_generation;
        m_busy = false;
        m_pool.clear();
    }

    /// Work was started and its result is not delivered yet.
    bool busy() const { return m_busy; }

Q_SIGNALS:
    /// The latest work's result was handed over (after done or failed ran).
    void delivered();

private:
    QThreadPool m_pool;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace rnr
