#pragma once

#include "dataset.h"
#include "enginebridge.h"
#include "loadoptions.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QTabWidget;

namespace rnr {

class DatasetView;
class DeviationView;
class EmbeddingView;
class ExperimentPanel;
class LossPlot;
class ResultsModel;
class ResultsView;
class UserInspector;

/// The main window: the experiment panel in a dock, the data set and training views in tabs,
/// run progress in the status bar; runs go to the engine thread through an EngineBridge.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void loadDemo();
    /// Opens a file or folder; on failure shows the error and keeps the current data set.
    bool openDataset(const QString& path);
    const Dataset& dataset() const { return m_dataset; }
    DatasetView* datasetView() const { return m_view; }
    ExperimentPanel* experimentPanel() const { return m_panel; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    ResultsModel* resultsModel() const { return m_results; }
    ResultsView* resultsView() const { return m_resultsView; }
    EmbeddingView* embeddingView() const { return m_embeddings; }
    DeviationView* deviationView() const { return m_deviations; }
    UserInspector* userInspector() const { return m_users; }
    EngineBridge& bridge() { return m_bridge; }
    QTabWidget* tabs() const { return m_tabs; }

    /// Queues the panel's model; returns the run id (0 when the selection is not a model).
    quint64 startRun();
    /// Queues the panel's multi-task model as RnR and as vanilla, same data, split and seed.
    QList<quint64> compareWithVanilla();
    /// Finished runs, oldest first.
    const QList<RunOutcome>& finishedRuns() const { return m_finished; }

    /// Shows an error to the user: a message box by default; tests install a recorder.
    using ErrorReporter = std::function<void(const QString& title, const QString& message)>;
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    /// Asks whether to stop training when the window closes: a question box by default.
    using CloseQuestion = std::function<bool()>;
    void setCloseQuestion(CloseQuestion question) { m_askClose = std::move(question); }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createRunWiring();
    void chooseFile();
    void chooseFolder();
    void showAbout();
    void present(Dataset dataset, const LoadReport& report);
    quint64 queue(const ModelSpec& spec);
    void updateRunState();

    Dataset m_dataset;
    std::shared_ptr<const Dataset> m_filtered; ///< what runs train on (users with >= 4 ratings)
    DatasetView* m_view = nullptr;
    ExperimentPanel* m_panel = nullptr;
    LossPlot* m_lossPlot = nullptr;
    ResultsModel* m_results = nullptr;
    ResultsView* m_resultsView = nullptr;
    EmbeddingView* m_embeddings = nullptr;
    DeviationView* m_deviations = nullptr;
    UserInspector* m_users = nullptr;
    QHash<quint64, std::shared_ptr<const Dataset>> m_runData; ///< the data each run trains on
    QTabWidget* m_tabs = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_runLabel = nullptr;
    EngineBridge m_bridge;
    QHash<quint64, QString> m_runNames;
    QList<RunOutcome> m_finished;
    QElapsedTimer m_epochClock;
    ErrorReporter m_reportError;
    CloseQuestion m_askClose;
};

} // namespace rnr
