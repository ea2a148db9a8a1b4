#pragma once

#include "persist/session.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace rnr {

/// Saves and opens session files (persist/session.h) off the GUI thread: progress as a
/// fraction of the bytes, and the outcome as a signal on the GUI thread. One operation at a time;
/// the destructor waits for the one under way (the file is written to a temporary file and
/// renamed, so an interrupted save never leaves a half-written file).
class SessionFiles : public QObject
{
    Q_OBJECT

public:
    explicit SessionFiles(QObject* parent = nullptr);
    ~SessionFiles() override;

    /// False (and nothing starts) while another save or open is under way.
    bool save(std::shared_ptr<const Session> session, const QString& path);
    bool open(const QString& path);
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void progress(double fraction);
    void saved(const QString& path, int runs);
    void opened(const QString& path, std::shared_ptr<rnr::Session> session);
    void failed(const QString& path, const QString& message);

private:
    template <typename Work> void run(Work&& work);

    QThreadPool m_pool;
    bool m_busy = false;
};

} // namespace rnr

Q_DECLARE_METATYPE(std::shared_ptr<rnr::Session>)
