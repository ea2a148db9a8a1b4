#pragma once

#include "data/dataset.h"
#include "io/loadoptions.h"
#include "jobs/datasetloader.h"
#include "jobs/enginebridge.h"
#include "jobs/projectionrunner.h"
#include "session/sessionfiles.h"
#include "views/guideview.h"

#include <QMainWindow>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

class QDialog;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QProgressDialog;
class QScrollArea;
class QTabWidget;
class QUndoStack;

namespace rnr {

class DatasetView;
class DeviationView;
class EmbeddingView;
class ExperimentPanel;
class LogPanel;
class InterplayPlot;
class LossPlot;
class ResultsModel;
class RunController;
class RunModel;
struct Preferences;
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
    /// Shows a data set made in memory (benchmarks, generated data).
    void showDataset(Dataset dataset, const LoadReport& report = {}) { present(std::move(dataset), report); }
    /// Starts loading a file or folder off the GUI thread (a generic CSV file asks for its
    /// column mapping first); returns false when nothing was started (mapping dialog
    /// cancelled, unrecognisable file). loadFinished() follows; on failure the error is shown
    /// and the current data set stays. A session file (.rnrsession), or the folder of a collected
    /// comparison plan (its session.rnrsession), opens as a session (openSession()).
    bool openDataset(const QString& path);
    /// Starts loading with explicit options (no mapping dialog).
    void openDataset(const QString& path, const LoadOptions& options);
    DatasetLoader& loader() { return m_loader; }
    ProjectionRunner& projections() { return m_projections; }
    /// The page of the tab in front (each tab holds its page in a scroll area).
    QWidget* currentPage() const;
    /// Brings a page's tab to the front.
    void showPage(QWidget* page);
    /// Starts writing the data set, the experiment settings and every finished run (curves,
    /// results, models) to a session file off the GUI thread, with progress; sessionFinished()
    /// follows. False (after showing why) when it cannot start.
    bool saveSession(const QString& path);
    /// Starts reading a session off the GUI thread; when it has been read, it replaces the
    /// window's data set, settings and runs. Refused while training or while another session is
    /// saved or opened; on failure the error is shown and nothing changes. sessionFinished() follows.
    bool openSession(const QString& path);
    /// Recently opened data sets, newest first (kept in QSettings).
    QStringList recentDatasets() const;
    const Dataset& dataset() const { return *m_dataset; }
    SessionFiles& sessionFiles() { return m_sessionFiles; }
    DatasetView* datasetView() const { return m_view; }
    ExperimentPanel* experimentPanel() const { return m_panel; }
    LossPlot* lossPlot() const { return m_lossPlot; }
    InterplayPlot* interplayPlot() const { return m_interplay; }
    ResultsModel* resultsModel() const { return m_results; }
    ResultsView* resultsView() const { return m_resultsView; }
    EmbeddingView* embeddingView() const { return m_embeddings; }
    DeviationView* deviationView() const { return m_deviations; }
    UserInspector* userInspector() const { return m_users; }
    LogPanel* logPanel() const { return m_log; }
    EngineBridge& bridge() { return m_bridge; }
    QTabWidget* tabs() const { return m_tabs; }

    /// Queues the panel's model, one run per seed; returns the run ids (none when the selection
    /// is not a model).
    QList<quint64> startRun();
    /// Queues the panel's multi-task model as RnR and as vanilla, same data, split and seed
    /// (for each seed: RnR, then vanilla).
    QList<quint64> compareWithVanilla();
    /// The status bar's queue note ("2 more runs queued"; empty when nothing waits).
    QString queueText() const;
    /// Every run of the window (queued, running, finished): what the views and sessions read.
    RunModel* runs() const { return m_runs; }
    RunController* runController() const { return m_controller; }
    /// Finished runs, oldest first, and their ids (read from runs()).
    QList<RunOutcome> finishedRuns() const;
    QList<quint64> finishedIds() const;

    /// Shows an error to the user: a message box by default; tests install a recorder.
    using ErrorReporter = std::function<void(const QString& title, const QString& message)>;
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    /// Asks whether to stop training when the window closes: a question box by default.
    using CloseQuestion = std::function<bool()>;
    void setCloseQuestion(CloseQuestion question) { m_askClose = std::move(question); }
    /// Shows what a load skipped or merged (title, one-line summary, full report): a message box
    /// by default.
    using ReportViewer = std::function<void(const QString& title, const QString& summary, const QString& report)>;
    void setReportViewer(ReportViewer viewer) { m_showReport = std::move(viewer); }
    /// Asks for the columns of a generic CSV file: the mapping dialog by default.
    using MappingChooser = std::function<std::optional<CsvMapping>(const QString& file)>;
    void setMappingChooser(MappingChooser chooser) { m_chooseMapping = std::move(chooser); }
    /// Opens the preferences (set by the application, which owns them).
    void setPreferencesOpener(std::function<void()> open) { m_showPreferences = std::move(open); }
    /// Puts the preferred threads and epochs into the experiment panel.
    void applyPreferences(const Preferences& preferences, const Preferences* before = nullptr);
    /// The run's state in the status bar: "RnR(BPR, SVD) #1: epoch 3 of 20, ..., about 12 s left",
    /// "Paused: ...", empty when nothing runs.
    QString runStatusText() const;
    /// "12 s", "4 min", "1.5 h": a time left as the status bar writes it.
    static QString durationText(double seconds);
    /// The licences and the citation the About box shows (rich text).
    static QString aboutDetails();

    /// Writes the embeddings of the run the Embeddings tab shows into a folder, off the GUI
    /// thread (as `rnr export`: items/, rating-items/, users/ with vectors.tsv, vectors.npy and
    /// metadata.tsv, plus the 2-D points of the projection shown). False when no run is shown.
    bool exportEmbeddings(const QString& folder);
    /// Writes every user's top-k under the run the Embeddings tab shows as CSV, off the GUI thread.
    bool exportRecommendations(const QString& file);
    /// Deletes a finished (or stopped) run with its curves, results and model, undoably (Edit >
    /// Undo); false for a queued or running run.
    bool deleteRun(quint64 id);
    QUndoStack* undoStack() const { return m_undo; }
    /// Renames a run everywhere it is shown (run choosers, the training legend, the Users tab).
    bool renameRun(quint64 id, const QString& name);
    /// Every action with a shortcut, as "text\tshortcut" lines (the Help menu's list).
    QStringList shortcutList() const;
    /// A menu entry's text as prose reads it: no mnemonic ("&Start", "数据集(&D)"), no "...".
    static QString menuText(QString text);
    /// Opens the built-in guide beside the window (Help > Guide, F1) and returns its page.
    GuideView* showGuide();
    /// What the guide's links name: the tabs, the docks and every action with an "action:" name.
    QHash<QString, GuideView::Target> guideTargets();

Q_SIGNALS:
    /// An export ended (ok, or the message of what went wrong).
    void exportFinished(bool ok, const QString& message);
    /// A load ended: ok when the data set is now shown.
    void loadFinished(bool ok);
    /// A session save or open ended: ok when it was written, or read and shown.
    void sessionFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    /// Asks which run (settledOnly: not queued or running); nullopt when none or cancelled.
    std::optional<quint64> chooseRun(const QString& title, const QString& label, bool settledOnly);
    void fitToScreen(QSize wanted);
    static QScrollArea* scrollable(QWidget* page);
    void addPage(QWidget* page, const QString& title);
    void runExport(const QString& what, std::function<void()> work);
    void createRunWiring();
    void chooseFile();
    void chooseFolder();
    void showAbout();
    void present(Dataset dataset, const LoadReport& report);
    void present(std::shared_ptr<const Dataset> dataset, const LoadReport& report);
    void present(const LoadedDataset& loaded);
    void createLoadWiring();
    void createSessionWiring();
    /// Shows an opened session: its data set, settings and runs.
    void adoptSession(const QString& path, Session& session);
    void showSessionProgress(const QString& label);
    /// A window-modal progress dialog in thousandths, shown after 400 ms, that stays until
    /// endProgress() (loads and sessions).
    QProgressDialog* makeProgressDialog(const QString& title);
    static void endProgress(QProgressDialog* dialog);
    void rememberRecent(const QString& path);
    void chooseSessionToSave();
    void chooseSessionToOpen();
    /// Removes the loss curves of a stopped or failed run that never drew a point.
    void dropEmptyCurves(quint64 id);
    void linkSelection();
    /// Marks an item of a data set in every view that shows that data set.
    void selectItem(const Dataset* shown, std::uint32_t item);
    void fillRecentMenu();
    QList<quint64> queue(const QList<ModelSpec>& specs);
    void updateRunState();

    std::shared_ptr<const Dataset> m_dataset; ///< the data set shown (never null)
    LoadReport m_report;
    std::shared_ptr<const Dataset> m_filtered; ///< what runs train on (users with >= 4 ratings)
    DatasetView* m_view = nullptr;
    ExperimentPanel* m_panel = nullptr;
    LossPlot* m_lossPlot = nullptr;
    InterplayPlot* m_interplay = nullptr;
    ResultsModel* m_results = nullptr;
    ResultsView* m_resultsView = nullptr;
    EmbeddingView* m_embeddings = nullptr;
    DeviationView* m_deviations = nullptr;
    UserInspector* m_users = nullptr;
    LogPanel* m_log = nullptr;
    QDockWidget* m_experimentDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QTabWidget* m_tabs = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_runLabel = nullptr;
    QLabel* m_queueLabel = nullptr; ///< how many runs wait behind the running one
    EngineBridge m_bridge;
    RunModel* m_runs = nullptr;
    RunController* m_controller = nullptr;
    ErrorReporter m_reportError;
    CloseQuestion m_askClose;
    ReportViewer m_showReport;
    MappingChooser m_chooseMapping;
    DatasetLoader m_loader;
    ProjectionRunner m_projections; ///< t-SNE and UMAP for the embeddings view
    QThreadPool m_exports;          ///< embeddings and recommendations being written
    QUndoStack* m_undo = nullptr;   ///< run deletions
    QProgressDialog* m_loadProgress = nullptr;
    SessionFiles m_sessionFiles;
    QProgressDialog* m_sessionProgress = nullptr;
    bool m_sessionSaving = false; ///< the session operation under way is a save (not an open)
    QMenu* m_recentMenu = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_stopAction = nullptr;
    std::function<void()> m_showPreferences;
    QDialog* m_guide = nullptr; ///< Help > Guide, made when first shown
};

} // namespace rnr
