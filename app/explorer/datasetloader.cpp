#include "datasetloader.h"

#include "errors.h"
#include "loader.h"

#include <QMetaObject>

namespace rnr {

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {}

DatasetLoader::~DatasetLoader()
{
    stopThread();
}

void DatasetLoader::stopThread()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_thread.joinable())
        m_thread.join();
}

void DatasetLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void DatasetLoader::start(const QString& path, LoadOptions options)
{
    stopThread();
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_busy = true;
    // Everything the thread touches is its own (options, the flag) or reached through a queued
    // call on this object, which Qt drops if the loader is gone.
    auto report = [this, generation](auto&& deliver) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, deliver = std::forward<decltype(deliver)>(deliver)]() mutable {
                if (generation == m_generation)
                    deliver();
            },
            Qt::QueuedConnection);
    };
    options.cancel = m_cancel.get();
    options.progress = [this, report](std::uint64_t done, std::uint64_t total) {
        if (total > 0)
            report([this, fraction = double(done) / double(total)] { Q_EMIT progress(fraction); });
    };
    m_thread = std::thread([this, path, options = std::move(options), cancelFlag = m_cancel, report] {
        try {
            auto result = std::make_shared<LoadResult>(loadDataset(path.toStdString(), options));
            report([this, path, result] {
                m_busy = false;
                Q_EMIT loaded(path, result);
            });
        } catch (const Cancelled&) {
            report([this, path] {
                m_busy = false;
                Q_EMIT cancelled(path);
            });
        } catch (const std::exception& e) {
            report([this, path, message = QString::fromStdString(e.what())] {
                m_busy = false;
                Q_EMIT failed(path, message);
            });
        }
    });
}

} // namespace rnr
