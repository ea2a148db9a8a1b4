#include "jobs/datasetloader.h"

#include "core/errors.h"
#include "io/loader.h"
#include "threads/crossthread.h"

namespace rnr {

std::shared_ptr<LoadedDataset> LoadedDataset::prepare(Dataset dataset, LoadReport report)
{
    return prepare(std::make_shared<const Dataset>(std::move(dataset)), std::move(report));
}

std::shared_ptr<LoadedDataset> LoadedDataset::prepare(std::shared_ptr<const Dataset> dataset, LoadReport report)
{
    auto out = std::make_shared<LoadedDataset>();
    out->dataset = std::move(dataset);
    // Most published sets already have 4 ratings per user (MovieLens: 20): then the filtered set is
    // the set itself, shared, not a second copy of every rating.
    out->filtered = filterKeepsEverything(*out->dataset)
                        ? out->dataset
                        : std::make_shared<const Dataset>(filterMinInteractions(*out->dataset));
    out->report = std::move(report);
    out->facts = DatasetView::factsOf(*out->dataset);
    return out;
}

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent)
{
    // A superseded load may still be winding down when the next one starts.
    m_pool.setMaxThreadCount(4);
}

DatasetLoader::~DatasetLoader()
{
    for (const auto& flag : m_flags)
        flag->store(true);
    m_pool.waitForDone();
}

void DatasetLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void DatasetLoader::start(const QString& path, LoadOptions options)
{
    // The load under way is told to stop but not waited for (it may be building a large data
    // set); its result is stale and dropped.
    cancel();
    std::erase_if(m_flags, [](const auto& flag) { return flag.use_count() == 1; }); // loads that ended
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_flags.push_back(m_cancel);
    m_busy = true;
    // Everything the thread touches is its own (options, the flag) or reached through a queued
    // call on this object, which Qt drops if the loader is gone.
    auto report = [this, generation](auto&& deliver) {
        postTo(this, [this, generation, deliver = std::forward<decltype(deliver)>(deliver)]() mutable {
            if (generation == m_generation)
                deliver();
        });
    };
    options.cancel = m_cancel.get();
    options.progress = [this, report](std::uint64_t done, std::uint64_t total) {
        if (total > 0)
            report([this, fraction = double(done) / double(total)] { Q_EMIT progress(fraction); });
    };
    startOnPool(m_pool, [this, path, options = std::move(options), cancelFlag = m_cancel, report] {
        try {
            LoadResult read = loadDataset(path.toStdString(), options);
            auto result = LoadedDataset::prepare(std::move(read.dataset), std::move(read.report));
            if (cancelFlag->load())
                throw Cancelled(); // pressed while the set was being prepared
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
