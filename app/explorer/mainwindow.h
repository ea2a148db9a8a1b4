#pragma once

#include "dataset.h"
#include "loadoptions.h"

#include <QMainWindow>

#include <functional>

namespace rnr {

class DatasetView;

/// The main window. For now: the loaded data set's summary and the actions to open another.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    void loadDemo();
    /// Opens a file or folder; on failure shows the error and keeps the current data set.
    bool openDataset(const QString& path);
    const Dataset& dataset() const { return m_dataset; }
    DatasetView* datasetView() const { return m_view; }

    /// Shows an error to the user: a message box by default; tests install a recorder.
    using ErrorReporter = std::function<void(const QString& title, const QString& message)>;
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }

private:
    void createMenus();
    void chooseFile();
    void chooseFolder();
    void showAbout();
    void present(Dataset dataset, const LoadReport& report);

    Dataset m_dataset;
    DatasetView* m_view = nullptr;
    ErrorReporter m_reportError;
};

} // namespace rnr
