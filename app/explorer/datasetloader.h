#pragma once

#include "loadoptions.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace rnr {

/// Loads a data set off the GUI thread (architecture.md, rule 4): progress as a fraction of the
/// bytes, prompt cancel, and the result, the error or the cancellation as a signal on the GUI
/// thread. Starting a new load cancels the one under way; a stale load never reports.
class DatasetLoader : public QObject
{
    Q_OBJECT

public:
    explicit DatasetLoader(QObject* parent = nullptr);
    ~DatasetLoader() override;

    void start(const QString& path, LoadOptions options = {});
    void cancel();
    bool isLoading() const { return m_busy; }

Q_SIGNALS:
    void progress(double fraction);
    void loaded(const QString& path, std::shared_ptr<rnr::LoadResult> result);
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);

private:
    void stopThread();

    std::thread m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace rnr

Q_DECLARE_METATYPE(std::shared_ptr<rnr::LoadResult>)
