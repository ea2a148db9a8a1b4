#include "window/mainwindow.h"

#include "core/log.h"
#include "dialogs/colourscheme.h"
#include "dialogs/csvmappingdialog.h"
#include "dialogs/loadoptionsdialog.h"
#include "dialogs/preferencesdialog.h"
#include "models/resultsmodel.h"
#include "models/runmodel.h"
#include "panels/experimentpanel.h"
#include "panels/logpanel.h"
#include "plots/interplayplot.h"
#include "plots/lossplot.h"
#include "runs/runcontroller.h"
#include "threads/crossthread.h"
#include "views/datasetview.h"
#include "views/deviationview.h"
#include "views/embeddingview.h"
#include "views/resultsview.h"
#include "views/userinspector.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScreen>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

namespace rnr {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_dataset(std::make_shared<const Dataset>())
{
    m_tabs = new QTabWidget(this);
    m_view = new DatasetView(m_tabs);
    m_lossPlot = new LossPlot(m_tabs);
    addPage(m_view, tr("&Data set"));
    addPage(m_lossPlot, tr("&Training"));
    m_interplay = new InterplayPlot(m_tabs);
    m_interplay->follow(m_lossPlot); // the same runs, names and epochs
    addPage(m_interplay, tr("Task &interplay"));
    m_runs = new RunModel(this);
    m_undo = new QUndoStack(this);
    connect(m_runs, &QAbstractItemModel::modelReset, m_undo, &QUndoStack::clear); // nothing left to bring back
    m_controller = new RunController(m_bridge, *m_runs, this);
    m_results = new ResultsModel(this);
    m_resultsView = new ResultsView(m_results, m_tabs);
    addPage(m_resultsView, tr("&Results"));
    m_embeddings = new EmbeddingView(m_tabs);
    addPage(m_embeddings, tr("&Embeddings"));
    m_deviations = new DeviationView(m_tabs);
    addPage(m_deviations, tr("De&viations"));
    m_users = new UserInspector(m_tabs);
    addPage(m_users, tr("&Users"));
    setCentralWidget(m_tabs);
    m_embeddings->setRunModel(m_runs);
    // t-SNE and UMAP run on the projection threads, with the training threads' count.
    connect(m_embeddings, &EmbeddingView::projectionRequested, this,
            [this](int plot, ProjectionMethod method, const RowMatrix<float>& rows) {
                m_projections.start(plot, method, rows, 1, std::max(1u, m_panel->params().threads));
            });
    connect(m_embeddings, &EmbeddingView::projectionCancelled, &m_projections, &ProjectionRunner::cancelAll);
    connect(&m_projections, &ProjectionRunner::progress, m_embeddings, &EmbeddingView::setProjectionProgress);
    connect(&m_projections, &ProjectionRunner::finished, m_embeddings, &EmbeddingView::setProjected);
    connect(&m_projections, &ProjectionRunner::failed, m_embeddings, &EmbeddingView::projectionStopped);
    connect(&m_projections, &ProjectionRunner::cancelled, m_embeddings,
            [this](int plot) { m_embeddings->projectionStopped(plot, {}); });
    m_deviations->setRunModel(m_runs);
    m_users->setRunModel(m_runs);

    m_panel = new ExperimentPanel;
    auto* dock = new QDockWidget(tr("Experiment"), this);
    dock->setObjectName(QStringLiteral("experimentDock"));
    dock->setWidget(scrollable(m_panel));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable); // View ▸ Experiment Panel brings it back
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_experimentDock = dock;

    // The engine's messages, in a dock of their own (View ▸ Log); the engine calls the sink on its
    // threads, the panel is reached through queued calls. clearLogSink() in the destructor.
    m_log = new LogPanel;
    auto* logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    logDock->hide();
    m_logDock = logDock;
    setLogSink([log = m_log](const LogMessage& message) { postTo(log, [log, message] { log->append(message); }); },
               this);

    m_runLabel = new QLabel(this);
    m_queueLabel = new QLabel(this);
    m_queueLabel->setToolTip(tr("Runs waiting behind the one in training"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_runLabel);
    statusBar()->addPermanentWidget(m_queueLabel);
    statusBar()->addPermanentWidget(m_progress);

    createMenus();
    createRunWiring();
    createLoadWiring();
    createSessionWiring();
    updateRunState(); // nothing runs yet: Pause and Stop start disabled
    linkSelection();
    setAcceptDrops(true);
    fitToScreen(QSize(1280, 800));
    m_reportError = [this](const QString& title, const QString& message) {
        QMessageBox::warning(this, title, message);
    };
    m_askClose = [this] {
        return QMessageBox::question(this, tr("Training in progress"),
                                     tr("A model is still training. Stop it and quit?")) == QMessageBox::Yes;
    };
    m_showReport = [this](const QString& title, const QString& summary, const QString& report) {
        QMessageBox box(QMessageBox::Information, title,
                        tr("%1 The data set view shows the full load report.").arg(summary), QMessageBox::Ok, this);
        box.setDetailedText(report);
        box.exec();
    };
    m_showPreferences = [this] {
        PreferencesDialog dialog(Preferences::load(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const Preferences before = Preferences::load();
        const Preferences chosen = dialog.preferences();
        chosen.save();
        applyPreferences(chosen, &before);
    };
    applyPreferences(Preferences::load());
    m_chooseMapping = [this](const QString& file) -> std::optional<CsvMapping> {
        CsvMappingDialog dialog(file, this);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.mapping();
    };
}

MainWindow::~MainWindow()
{
    m_exports.waitForDone(); // an export reports to this window
    clearLogSink(this);      // before the panel goes: no engine thread reaches it afterwards
}

std::optional<quint64> MainWindow::chooseRun(const QString& title, const QString& label, bool settledOnly)
{
    // Each entry numbered by its place, so that runs of the same name stay apart.
    QStringList names;
    QList<quint64> ids;
    for (int r = 0; r < m_runs->rowCount(); ++r) {
        const RunModel::Run& run = m_runs->at(r);
        if (settledOnly && (run.state == RunModel::State::Queued || run.state == RunModel::State::Running))
            continue;
        names << QStringLiteral("%1. %2").arg(names.size() + 1).arg(run.name);
        ids << run.id;
    }
    if (ids.isEmpty())
        return std::nullopt;
    bool ok = false;
    const QString which = QInputDialog::getItem(this, title, label, names, int(names.size()) - 1, false, &ok);
    if (!ok)
        return std::nullopt;
    return ids[names.indexOf(which)];
}

void MainWindow::createMenus()
{
    auto icon = [](const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(icon("open-dataset"), tr("&Open Data Set File..."), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a ratings file (MovieLens, Yelp, CSV)"));
    open->setObjectName(QStringLiteral("action:open"));
    file->addAction(tr("Open Data Set &Folder..."), this, &MainWindow::chooseFolder)
        ->setObjectName(QStringLiteral("action:open-folder"));
    QAction* demo = file->addAction(icon("demo-data"), tr("Load &Demo Data"), this, &MainWindow::loadDemo);
    demo->setToolTip(tr("Generate the built-in demo data with a planted post-consumption deviation"));
    demo->setObjectName(QStringLiteral("action:demo"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Load &Options..."), this,
                    [this] {
                        LoadOptionsDialog dialog(LoadChoices::load(), this);
                        if (dialog.exec() == QDialog::Accepted)
                            dialog.choices().save();
                    })
        ->setObjectName(QStringLiteral("action:load-options"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    QAction* openSession =
        file->addAction(icon("open-session"), tr("Open Sess&ion..."), this, &MainWindow::chooseSessionToOpen);
    QAction* saveSession =
        file->addAction(icon("save-session"), tr("&Save Session As..."), this, &MainWindow::chooseSessionToSave);
    saveSession->setShortcut(QKeySequence::Save);
    openSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openSession->setObjectName(QStringLiteral("action:open-session"));
    saveSession->setObjectName(QStringLiteral("action:save-session"));
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("&Export"));
    exports
        ->addAction(tr("&Embeddings of the Shown Run..."), this,
                    [this] {
                        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export Embeddings"));
                        if (!folder.isEmpty() && !exportEmbeddings(folder))
                            m_reportError(tr("Export failed"),
                                          tr("Train a model first: the Embeddings tab shows no run."));
                    })
        ->setObjectName(QStringLiteral("action:export-embeddings"));
    exports
        ->addAction(
            tr("&Recommendations of Every User..."), this,
            [this] {
                const QString path =
                    QFileDialog::getSaveFileName(this, tr("Export Recommendations"), QString(), tr("CSV (*.csv)"));
                if (!path.isEmpty() && !exportRecommendations(path))
                    m_reportError(tr("Export failed"), tr("Train a model first: the Embeddings tab shows no run."));
            })
        ->setObjectName(QStringLiteral("action:export-recommendations"));
    file->addSeparator();
    QAction* preferences = file->addAction(icon("preferences"), tr("&Preferences..."), this, [this] {
        if (m_showPreferences)
            m_showPreferences();
    });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setObjectName(QStringLiteral("action:preferences"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_startAction = run->addAction(icon("start"), tr("&Start"), this, &MainWindow::startRun);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_startAction->setToolTip(tr("Train the selected model (Ctrl+R)"));
    m_startAction->setObjectName(QStringLiteral("action:start"));
    m_compareAction =
        run->addAction(icon("compare"), tr("Compare with &Vanilla"), this, &MainWindow::compareWithVanilla);
    m_compareAction->setToolTip(tr("Train the selected model as RnR and as vanilla multi-task, same split and seed"));
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_compareAction->setObjectName(QStringLiteral("action:compare"));
    m_pauseAction = run->addAction(icon("pause"), tr("&Pause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setObjectName(QStringLiteral("action:pause"));
    connect(m_pauseAction, &QAction::toggled, m_controller, &RunController::setPaused);
    m_stopAction = run->addAction(icon("stop"), tr("S&top All"), m_controller, &RunController::cancelAll);
    m_stopAction->setToolTip(tr("Stop the running model and drop the queued ones"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_stopAction->setObjectName(QStringLiteral("action:stop"));
    run->addSeparator();
    QAction* deleteAction = run->addAction(tr("&Delete Run..."), this, [this] {
        if (const auto id = chooseRun(tr("Delete Run"), tr("Run (Edit > Undo brings it back):"), true))
            deleteRun(*id);
    });
    deleteAction->setObjectName(QStringLiteral("action:delete"));
    QAction* renameAction = run->addAction(tr("Re&name Run..."), this, [this] {
        const auto id = chooseRun(tr("Rename Run"), tr("Run:"), false);
        if (!id)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename Run"), tr("New name:"), QLineEdit::Normal,
                                                   m_runs->run(*id)->name, &ok);
        if (ok)
            renameRun(*id, name);
    });
    renameAction->setObjectName(QStringLiteral("action:rename"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("action:undo"));
    edit->addAction(undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* showExperiment = m_experimentDock->toggleViewAction();
    showExperiment->setText(tr("&Experiment Panel"));
    view->addAction(showExperiment);
    QAction* showLog = m_logDock->toggleViewAction();
    showLog->setText(tr("&Log"));
    showLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    showLog->setObjectName(QStringLiteral("action:log"));
    view->addAction(showLog);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(icon("guide"), tr("&Guide"), this, &MainWindow::showGuide);
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        QMessageBox box(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), GuideView::shortcutTable(shortcutList()),
                        QMessageBox::Ok, this);
        box.exec();
    });
    help->addSeparator();
    QAction* about = help->addAction(icon("about"), tr("&About RnR Explorer"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    about->setObjectName(QStringLiteral("action:about"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(22, 22));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({open, demo});
    bar->addSeparator();
    bar->addActions({m_startAction, m_pauseAction, m_stopAction, m_compareAction});
    bar->addSeparator();
    bar->addActions({openSession, saveSession});
    bar->addSeparator();
    bar->addAction(preferences);
    for (QAction* action : {open, demo, openSession, saveSession, preferences, m_pauseAction})
        if (QWidget* button = bar->widgetForAction(action))
            qobject_cast<QToolButton*>(button)->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::createRunWiring()
{
    connect(m_panel, &ExperimentPanel::startRequested, this, &MainWindow::startRun);
    connect(m_panel, &ExperimentPanel::splitChanged, this, [this] {
        if (m_filtered)
            m_view->setSplit(*m_filtered, m_panel->split());
    });
    connect(m_panel, &ExperimentPanel::compareRequested, this, &MainWindow::compareWithVanilla);
    connect(m_panel, &ExperimentPanel::stopRequested, m_controller, &RunController::cancelAll);
    connect(m_panel, &ExperimentPanel::pauseToggled, m_controller, &RunController::setPaused);
    connect(m_controller, &RunController::stateChanged, this, &MainWindow::updateRunState);

    // Runs and their curves.
    connect(m_controller, &RunController::curveAdded, m_lossPlot, &LossPlot::addRun);
    connect(m_controller, &RunController::curvesAbandoned, this, &MainWindow::dropEmptyCurves);
    connect(m_runs, &QAbstractItemModel::modelReset, this, [this] {
        for (const quint64 curve : QList<quint64>(m_lossPlot->runIds()))
            m_lossPlot->removeRun(curve);
        m_results->clear();
    });
    connect(m_runs, &RunModel::runFinished, this, [this](quint64 id) {
        const RunModel::Run* run = m_runs->run(id);
        m_results->addRun(run->outcome.result, QString::fromStdString(run->data->name), m_runs->datasetKey(id), id);
    });
    connect(m_runs, &RunModel::runRemoved, this, [this](quint64 id) { m_results->removeRun(id); });
    connect(&m_bridge, &EngineBridge::progress, this,
            [this](quint64 id, const BatchProgress& p) { m_lossPlot->appendBatch(m_runs->currentCurve(id), p); });
    connect(&m_bridge, &EngineBridge::epochFinished, this,
            [this](quint64 id, const EpochRecord& e) { m_lossPlot->appendEpoch(m_runs->currentCurve(id), e); });

    // The status bar.
    auto nameOf = [this](quint64 id) {
        const RunModel::Run* run = m_runs->run(id);
        return run ? run->name : QString();
    };
    connect(&m_bridge, &EngineBridge::runStarted, this, [this, nameOf](quint64 id) {
        m_runLabel->setText(tr("Training %1").arg(nameOf(id)));
        const RunModel::Run* run = m_runs->run(id);
        m_progress->setRange(0, run ? std::max(run->epochs, 1) : 1);
        m_progress->setValue(0);
    });
    connect(&m_bridge, &EngineBridge::gridPointStarted, this, [this] { m_progress->setValue(0); });
    connect(&m_bridge, &EngineBridge::progress, this, [this, nameOf](quint64 id, const BatchProgress& p) {
        if (m_controller->isPaused())
            return; // reports already under way when the pause was asked for
        // Time left from the current training rate: the tuples of this epoch and of the epochs to
        // come (validation is not counted; a grid run's figure is for the point in training).
        const int epochs = m_progress->maximum();
        const double tuplesLeft = double(std::max(0, epochs - int(p.epoch))) * double(p.tuplesTotal) +
                                  double(p.tuplesTotal - std::min(p.tuplesDone, p.tuplesTotal));
        const QString left = p.samplesPerSecond > 0 ? durationText(tuplesLeft / p.samplesPerSecond) : tr("?");
        m_runLabel->setText(tr("%1: epoch %2 of %3, %4k samples/s, about %5 left")
                                .arg(nameOf(id))
                                .arg(p.epoch)
                                .arg(epochs)
                                .arg(p.samplesPerSecond / 1000.0, 0, 'f', 0)
                                .arg(left));
    });
    connect(&m_bridge, &EngineBridge::epochFinished, this,
            [this](quint64, const EpochRecord& e) { m_progress->setValue(int(e.epoch)); });
    connect(&m_bridge, &EngineBridge::runFinished, this, [this, nameOf](quint64 id, const RunOutcome& outcome) {
        statusBar()->showMessage(tr("%1 finished: test Recall@%2 %3, MRR@%2 %4")
                                     .arg(nameOf(id))
                                     .arg(outcome.result.test.k)
                                     .arg(outcome.result.test.recall, 0, 'f', 4)
                                     .arg(outcome.result.test.mrr, 0, 'f', 4),
                                 10000);
    });
    connect(&m_bridge, &EngineBridge::runCancelled, this,
            [this, nameOf](quint64 id) { statusBar()->showMessage(tr("%1 stopped").arg(nameOf(id)), 5000); });
    connect(&m_bridge, &EngineBridge::runFailed, this, [this, nameOf](quint64 id, const QString& message) {
        m_reportError(tr("Training failed"), tr("%1: %2").arg(nameOf(id), message));
    });
}

void MainWindow::updateRunState()
{
    const bool running = m_controller->busy();
    const bool paused = running && m_controller->isPaused();
    m_panel->setRunning(running, paused);
    m_pauseAction->setEnabled(running);
    m_stopAction->setEnabled(running);
    if (m_pauseAction->isChecked() != paused) {
        const QSignalBlocker block(m_pauseAction);
        m_pauseAction->setChecked(paused);
    }
    m_progress->setVisible(running);
    const int queued = m_controller->waiting();
    m_queueLabel->setText(queued > 0 ? tr("Queued: %n", nullptr, queued) : QString());
    m_queueLabel->setVisible(queued > 0);
    if (!running) {
        m_runLabel->clear();
    } else if (paused) {
        const QList<quint64> training = m_runs->ids(RunModel::State::Running);
        const RunModel::Run* run = training.isEmpty() ? nullptr : m_runs->run(training.first());
        m_runLabel->setText(run ? tr("Paused: %1").arg(run->name) : tr("Paused"));
    }
}

QProgressDialog* MainWindow::makeProgressDialog(const QString& title)
{
    auto* dialog = new QProgressDialog(this);
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setRange(0, 1000);
    dialog->setMinimumDuration(400);
    dialog->setAutoReset(false);
    dialog->setAutoClose(false);
    return dialog;
}

void MainWindow::endProgress(QProgressDialog* dialog)
{
    if (dialog) {
        dialog->reset();
        dialog->hide();
    }
}

QString MainWindow::durationText(double seconds)
{
    if (seconds < 90)
        return tr("%1 s").arg(std::max(1.0, std::round(seconds)), 0, 'f', 0);
    if (seconds < 5400)
        return tr("%1 min").arg(std::round(seconds / 60), 0, 'f', 0);
    return tr("%1 h").arg(seconds / 3600, 0, 'f', 1);
}

QList<quint64> MainWindow::queue(const QList<ModelSpec>& specs)
{
    if (!m_filtered || m_filtered->userCount() == 0) {
        m_reportError(tr("Nothing to train on"), tr("No user of this data set has at least 4 ratings."));
        return {};
    }
    RunController::Plan plan;
    plan.data = m_filtered;
    plan.split = m_panel->split();
    plan.hp = m_panel->params();
    plan.seeds = m_panel->seeds();
    plan.grid = m_panel->gridSearch();
    return m_controller->queue(plan, specs);
}

QList<RunOutcome> MainWindow::finishedRuns() const
{
    return m_runs->finishedOutcomes();
}

QList<quint64> MainWindow::finishedIds() const
{
    return m_runs->ids(RunModel::State::Finished);
}

QString MainWindow::runStatusText() const
{
    return m_runLabel->text();
}

QString MainWindow::queueText() const
{
    return m_queueLabel->text();
}

QList<quint64> MainWindow::startRun()
{
    QString reason;
    const auto spec = m_panel->spec(&reason);
    if (!spec) {
        m_reportError(tr("Choose a model"), reason);
        return {};
    }
    showPage(m_lossPlot);
    return queue({*spec});
}

QList<quint64> MainWindow::compareWithVanilla()
{
    const auto spec = m_panel->spec();
    if (!spec || spec->coupling == Coupling::Single)
        return {};
    ModelSpec rnr = *spec, vanilla = *spec;
    rnr.coupling = Coupling::RnR;
    vanilla.coupling = Coupling::Vanilla;
    showPage(m_lossPlot);
    return queue({rnr, vanilla});
}

void MainWindow::dropEmptyCurves(quint64 id)
{
    // A run stopped before its first epoch leaves no curve worth a legend entry.
    const RunModel::Run* run = m_runs->run(id);
    if (!run)
        return;
    m_lossPlot->flush();
    for (const quint64 curve : run->curves)
        if (m_lossPlot->pointCount(curve) == 0 && m_lossPlot->batchPointCount(curve) == 0)
            m_lossPlot->removeRun(curve);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_controller->busy() && !m_askClose()) {
        event->ignore();
        return;
    }
    m_controller->cancelAll();
    event->accept();
}

void MainWindow::applyPreferences(const Preferences& preferences, const Preferences* before)
{
    // Only what changed: accepting the dialog for a new language keeps the epochs set by hand.
    // The colour scheme of the start is main()'s (it may come from the command line).
    if (before && before->scheme != preferences.scheme)
        applyColourScheme(preferences.scheme);
    HyperParams hp = m_panel->params();
    if (!before || before->threads != preferences.threads)
        hp.threads = std::uint32_t(preferences.threads);
    if (!before || before->epochs != preferences.epochs)
        hp.epochs = std::uint32_t(preferences.epochs);
    m_panel->setParams(hp);
}

void MainWindow::linkSelection()
{
    // Views link by dense id, so only views showing the same data set follow each other.
    connect(m_embeddings, &EmbeddingView::itemSelected, this,
            [this](std::uint32_t item) { selectItem(m_embeddings->dataset(), item); });
    connect(m_deviations, &DeviationView::itemSelected, this,
            [this](std::uint32_t item) { selectItem(m_deviations->dataset(), item); });
    connect(m_users, &UserInspector::itemActivated, this,
            [this](const Dataset* source, std::uint32_t item) { selectItem(source, item); });
    connect(m_users, &UserInspector::userShown, this, [this](std::uint32_t user) {
        if (m_users->dataset() && m_users->dataset() == m_embeddings->dataset())
            m_embeddings->selectUser(user);
    });
}

void MainWindow::selectItem(const Dataset* shown, std::uint32_t item)
{
    if (!shown || item >= shown->itemCount())
        return;
    if (m_embeddings->dataset() == shown)
        m_embeddings->select(item);
    if (m_deviations->dataset() == shown)
        m_deviations->selectItem(item);
    m_users->selectItem(shown, item);
    statusBar()->showMessage(tr("Selected %1").arg(QString::fromStdString(shown->itemLabel(item))));
}

QScrollArea* MainWindow::scrollable(QWidget* page)
{
    // A page keeps the size it needs and scrolls when the window is smaller (a small screen, a
    // large scale factor), instead of being squeezed until its parts overlap.
    auto* area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

void MainWindow::addPage(QWidget* page, const QString& title)
{
    m_tabs->addTab(scrollable(page), title);
}

void MainWindow::showPage(QWidget* page)
{
    for (int t = 0; t < m_tabs->count(); ++t)
        if (auto* area = qobject_cast<QScrollArea*>(m_tabs->widget(t)); area && area->widget() == page)
            m_tabs->setCurrentIndex(t);
}

QWidget* MainWindow::currentPage() const
{
    auto* area = qobject_cast<QScrollArea*>(m_tabs->currentWidget());
    return area ? area->widget() : m_tabs->currentWidget();
}

void MainWindow::fitToScreen(QSize wanted)
{
    // Never larger than the screen (at QT_SCALE_FACTOR=2 a 1280 x 800 window is 2560 x 1600
    // pixels): at most 92% of the available area, in the screen's own (logical) pixels.
    if (const QScreen* shown = screen()) {
        const QSize room = shown->availableGeometry().size() * 0.92;
        wanted = wanted.boundedTo(room);
    }
    resize(wanted);
}

namespace {
/// An undo step made of two functions.
class FunctionCommand : public QUndoCommand
{
public:
    FunctionCommand(const QString& text, std::function<void()> redo, std::function<void()> undo)
        : m_redo(std::move(redo)), m_undo(std::move(undo))
    {
        setText(text);
    }
    void redo() override { m_redo(); }
    void undo() override { m_undo(); }

private:
    std::function<void()> m_redo, m_undo;
};
} // namespace

bool MainWindow::deleteRun(quint64 id)
{
    const RunModel::Run* run = m_runs->run(id);
    if (!run || run->state == RunModel::State::Queued || run->state == RunModel::State::Running)
        return false;
    using Taken = std::optional<std::pair<int, RunModel::Run>>;
    auto taken = std::make_shared<Taken>();
    m_undo->push(new FunctionCommand(
        tr("Delete %1").arg(run->name),
        [this, id, taken] {
            *taken = m_runs->take(id); // the views drop it (runRemoved)
            if (*taken)
                for (const quint64 curve : (*taken)->second.curves)
                    m_lossPlot->removeRun(curve);
        },
        [this, taken] {
            if (!*taken)
                return;
            auto [row, back] = std::move(**taken);
            taken->reset();
            // The kept curve comes back with its epochs and batches, as a session restores it.
            if (!back.curves.empty()) {
                std::size_t kept = back.curves.size() - 1;
                for (std::size_t c = 0; c < back.curvePoints.size() && c < back.curves.size(); ++c)
                    if (back.curves.size() > 1 && back.curvePoints[c].alpha == back.outcome.result.hp.alpha &&
                        back.curvePoints[c].lambda == back.outcome.result.hp.lambda)
                        kept = c;
                const quint64 curve = back.curves[kept];
                m_lossPlot->addRun(curve, RunController::curveLabel(back.name, back.data.get()));
                for (const BatchProgress& batch : back.keptBatches())
                    m_lossPlot->appendBatch(curve, batch);
                for (const EpochRecord& epoch : back.outcome.result.epochs)
                    m_lossPlot->appendEpoch(curve, epoch);
            }
            m_runs->putBack(row, std::move(back)); // runFinished: every view shows it again
        }));
    return true;
}

bool MainWindow::renameRun(quint64 id, const QString& name)
{
    if (!m_runs->rename(id, name))
        return false;
    const RunModel::Run* run = m_runs->run(id);
    for (std::size_t c = 0; c < run->curves.size(); ++c) {
        QString label = run->name;
        if (run->curves.size() > 1 && c < run->curvePoints.size()) // a grid run: one curve per point
            label = tr("%1 α=%2 λ=%3").arg(label).arg(run->curvePoints[c].alpha).arg(run->curvePoints[c].lambda);
        m_lossPlot->renameRun(run->curves[c], RunController::curveLabel(label, run->data.get()));
    }
    return true;
}

QStringList MainWindow::shortcutList() const
{
    // Read off the actions themselves, so the list cannot fall behind them.
    QStringList lines;
    for (const QAction* action : findChildren<QAction*>())
        if (!action->shortcut().isEmpty())
            lines << QStringLiteral("%1\t%2").arg(menuText(action->text()),
                                                  action->shortcut().toString(QKeySequence::NativeText));
    lines.sort(Qt::CaseInsensitive);
    lines.removeDuplicates();
    return lines;
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About RnR Explorer"));
    box.setIconPixmap(QIcon(QStringLiteral(":/icons/rnr-explorer.svg")).pixmap(96, 96));
    box.setTextFormat(Qt::RichText);
    box.setText(
        tr("<h3>RnR Explorer %1</h3>"
           "<p>Explore multi-task recommender training: a ranking and a rating model trained together on "
           "shared user and item embeddings, compared with vanilla multi-task learning, the Rank and Rate "
           "way.</p><p>Built with Qt %2 (running on Qt %3).</p>")
            .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    box.setInformativeText(aboutDetails());
    box.exec();
}

QString MainWindow::aboutDetails()
{
    return tr("<p><b>Licence.</b> RnR Explorer is free software under the MIT licence. It uses Qt 6 (LGPL v3), "
              "QCustomPlot 2.1 (GPL v3), Eigen 3.4 (MPL 2.0), oneTBB 2021 (Apache 2.0) and simdjson (Apache 2.0); "
              "because QCustomPlot is under the GPL, the program as distributed in binary form is covered by the "
              "GPL v3.</p>"
              "<p><b>How to cite the method.</b> G. Hadash, O. Sar Shalom and R. Osadchy. <i>Rank and Rate: "
              "Multi-task Learning for Recommender Systems.</i> Proceedings of the 12th ACM Conference on "
              "Recommender Systems (RecSys '18), pp. 451–454, 2018.</p>");
}

} // namespace rnr
