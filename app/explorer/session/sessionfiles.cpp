#include "session/sessionfiles.h"

#include "threads/crossthread.h"

#include <QFile>

namespace rnr {

SessionFiles::SessionFiles(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

SessionFiles::~SessionFiles()
{
    m_pool.waitForDone();
}

template <typename Work> void SessionFiles::run(Work&& work)
{
    m_busy = true;
    // The worker reaches this object only through queued calls (delivered on the GUI thread),
    // and the destructor waits for it.
    startOnPool(m_pool, [this, work = std::forward<Work>(work)]() mutable {
        auto deliver = [this](auto&& signal) {
            postTo(this, [this, signal = std::forward<decltype(signal)>(signal)]() mutable {
                m_busy = false;
                signal();
            });
        };
        SessionProgress progress = [this](std::uint64_t done, std::uint64_t total) {
            if (total > 0)
                postTo(this, [this, fraction = double(done) / double(total)] { Q_EMIT this->progress(fraction); });
        };
        work(deliver, progress);
    });
}

bool SessionFiles::save(std::shared_ptr<const Session> session, const QString& path)
{
    if (m_busy || !session)
        return false;
    run([this, session = std::move(session), path](auto& deliver, const SessionProgress& progress) {
        try {
            saveSession(*session, QFile::encodeName(path).toStdString(), progress);
            deliver([this, path, runs = int(session->runs.size())] { Q_EMIT saved(path, runs); });
        } catch (const std::exception& e) {
            deliver([this, path, message = QString::fromStdString(e.what())] { Q_EMIT failed(path, message); });
        }
    });
    return true;
}

bool SessionFiles::open(const QString& path)
{
    if (m_busy)
        return false;
    run([this, path](auto& deliver, const SessionProgress& progress) {
        try {
            auto session = std::make_shared<Session>(loadSession(QFile::encodeName(path).toStdString(), progress));
            deliver([this, path, session] { Q_EMIT opened(path, session); });
        } catch (const std::exception& e) {
            deliver([this, path, message = QString::fromStdString(e.what())] { Q_EMIT failed(path, message); });
        }
    });
    return true;
}

} // namespace rnr
