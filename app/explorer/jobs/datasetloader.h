#pragma once

#include "data/dataset.h"
#include "io/loadoptions.h"
#include "views/datasetview.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

namespace rnr {

/// A loaded data set with what showing it takes, all prepared on the loader's thread: the filtered
/// set that runs train on and the Data set tab's figures are passes over every rating (over a
/// second on 20 million), too long for the GUI thread (docs/product-notes.md, "Budgets").
struct LoadedDataset
{
    std::shared_ptr<const Dataset> dataset;  ///< as read
    std::shared_ptr<const Dataset> filtered; ///< filterMinInteractions(*dataset)
    LoadReport report;
    DatasetFacts facts; ///< DatasetView::factsOf(*dataset)

    /// Prepares a data set (any thread).
    static std::shared_ptr<LoadedDataset> prepare(Dataset dataset, LoadReport report);
    static std::shared_ptr<LoadedDataset> prepare(std::shared_ptr<const Dataset> dataset, LoadReport report);
};

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
    void loaded(const QString& path, std::shared_ptr<rnr::LoadedDataset> result);
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

Q_DECLARE_METATYPE(std::shared_ptr<rnr::LoadedDataset>)
