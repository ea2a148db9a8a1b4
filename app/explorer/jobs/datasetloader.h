#pragma once

#include "io/loadoptions.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

namespace rnr {

/// Loads a data set off the GUI thread (docs/architecture.md, rule 4): progress as a fraction of the
/// bytes, prompt cancel, and the result, the error or the cancellation as a signal on the GUI
/// thread. Starting a new load cancels the one under way without waiting for it; a stale load
/// never reports. Loads run on the loader's own thread pool; the destructor stops them and waits.
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
    QThreadPool m_pool;                                      ///< the current load and stopped ones winding down
    std::vector<std::shared_ptr<std::atomic<bool>>> m_flags; ///< cancel flags of loads that may still run
    std::shared_ptr<std::atomic<bool>> m_cancel;             ///< the current load's flag
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace rnr

Q_DECLARE_METATYPE(std::shared_ptr<rnr::LoadResult>)
