#include "mainwindow.h"

#include "datasetview.h"
#include "demo.h"
#include "deviationview.h"
#include "embeddingview.h"
#include "errors.h"
#include "experimentpanel.h"
#include "loader.h"
#include "lossplot.h"
#include "resultsmodel.h"
#include "resultsview.h"
#include "userinspector.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>

namespace rnr {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_tabs = new QTabWidget(this);
    m_view = new DatasetView(m_tabs);
    m_lossPlot = new LossPlot(m_tabs);
    m_tabs->addTab(m_view, tr("&Data set"));
    m_tabs->addTab(m_lossPlot, tr("&Training"));
    m_results = new ResultsModel(this);
    m_resultsView = new ResultsView(m_results, m_tabs);
    m_tabs->addTab(m_resultsView, tr("&Results"));
    m_embeddings = new EmbeddingView(m_tabs);
    m_tabs->addTab(m_embeddings, tr("&Embeddings"));
    m_deviations = new DeviationView(m_tabs);
    m_tabs->addTab(m_deviations, tr("De&viations"));
    m_users = new UserInspector(m_tabs);
    m_tabs->addTab(m_users, tr("&Users"));
    setCentralWidget(m_tabs);

    m_panel = new ExperimentPanel;
    auto* dock = new QDockWidget(tr("Experiment"), this);
    dock->setObjectName(QStringLiteral("experimentDock"));
    dock->setWidget(m_panel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_runLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    statusBar()->addPermanentWidget(m_runLabel);
    statusBar()->addPermanentWidget(m_progress);

    createMenus();
    createRunWiring();
    resize(1280, 800);
    m_reportError = [this](const QString& title, const QString& message) {
        QMessageBox::warning(this, title, message);
    };
    m_askClose = [this] {
        return QMessageBox::question(this, tr("Training in progress"),
                                     tr("A model is still training. Stop it and quit?")) == QMessageBox::Yes;
    };
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Data Set File..."), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open Data Set &Folder..."), this, &MainWindow::chooseFolder);
    file->addAction(tr("Load &Demo Data"), this, &MainWindow::loadDemo);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* start = run->addAction(tr("&Start"), this, &MainWindow::startRun);
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    run->addAction(tr("Compare with &Vanilla"), this, &MainWindow::compareWithVanilla);
    run->addAction(tr("S&top All"), this, [this] { m_bridge.cancelAll(); });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RnR Explorer"), this, &MainWindow::showAbout);
}

void MainWindow::createRunWiring()
{
    connect(m_panel, &ExperimentPanel::startRequested, this, &MainWindow::startRun);
    connect(m_panel, &ExperimentPanel::compareRequested, this, &MainWindow::compareWithVanilla);
    connect(m_panel, &ExperimentPanel::stopRequested, this, [this] { m_bridge.cancelAll(); });
    connect(m_panel, &ExperimentPanel::pauseToggled, this, [this](bool paused) {
        m_bridge.setPaused(paused);
        updateRunState();
    });
    connect(&m_bridge, &EngineBridge::runStarted, this, [this](quint64 id) {
        m_epochClock.start();
        m_runLabel->setText(tr("Training %1").arg(m_runNames.value(id)));
        m_progress->setRange(0, int(m_panel->params().epochs));
        m_progress->setValue(0);
        updateRunState();
    });
    connect(&m_bridge, &EngineBridge::progress, this, [this](quint64 id, const BatchProgress& p) {
        m_runLabel->setText(tr("%1: epoch %2, %3k samples/s")
                                .arg(m_runNames.value(id))
                                .arg(p.epoch)
                                .arg(p.samplesPerSecond / 1000.0, 0, 'f', 0));
    });
    connect(&m_bridge, &EngineBridge::epochFinished, this, [this](quint64 id, const EpochRecord& e) {
        m_lossPlot->appendEpoch(id, e);
        m_progress->setValue(int(e.epoch));
        const double perEpoch = double(m_epochClock.elapsed()) / 1000.0 / double(e.epoch);
        const double remaining = perEpoch * double(std::max(0, m_progress->maximum() - int(e.epoch)));
        m_runLabel->setText(tr("%1: epoch %2 of %3, about %4 s left")
                                .arg(m_runNames.value(id))
                                .arg(e.epoch)
                                .arg(m_progress->maximum())
                                .arg(remaining, 0, 'f', 0));
    });
    connect(&m_bridge, &EngineBridge::runFinished, this, [this](quint64 id, const RunOutcome& outcome) {
        m_finished.append(outcome);
        m_results->addRun(outcome.result);
        m_embeddings->setRun(m_runData.value(id), outcome.model, m_runNames.value(id));
        m_users->addRun(m_runNames.value(id), m_runData.value(id), outcome.model);
        if (outcome.result.spec.coupling == Coupling::RnR) // the latest RnR run keeps the deviation view
            m_deviations->setRun(m_runData.value(id), outcome.model, m_runNames.value(id));
        statusBar()->showMessage(tr("%1 finished: test Recall@%2 %3, MRR@%2 %4")
                                     .arg(m_runNames.value(id))
                                     .arg(outcome.result.test.k)
                                     .arg(outcome.result.test.recall, 0, 'f', 4)
                                     .arg(outcome.result.test.mrr, 0, 'f', 4),
                                 10000);
        updateRunState();
    });
    connect(&m_bridge, &EngineBridge::runCancelled, this, [this](quint64 id) {
        statusBar()->showMessage(tr("%1 stopped").arg(m_runNames.value(id)), 5000);
        updateRunState();
    });
    connect(&m_bridge, &EngineBridge::runFailed, this, [this](quint64 id, const QString& message) {
        updateRunState();
        m_reportError(tr("Training failed"), tr("%1: %2").arg(m_runNames.value(id), message));
    });
}

void MainWindow::updateRunState()
{
    const bool running = !m_bridge.pending().isEmpty();
    m_panel->setRunning(running, m_bridge.isPaused());
    m_progress->setVisible(running);
    if (!running)
        m_runLabel->clear();
}

quint64 MainWindow::queue(const ModelSpec& spec)
{
    if (!m_filtered || m_filtered->userCount() == 0) {
        m_reportError(tr("Nothing to train on"), tr("No user of this data set has at least 4 ratings."));
        return 0;
    }
    RunRequest request;
    request.data = m_filtered;
    request.split = m_panel->split();
    request.spec = spec;
    request.hp = m_panel->params();
    request.hp.seed = request.split.seed;
    const quint64 id = m_bridge.start(request);
    m_runData.insert(id, m_filtered);
    const QString name = tr("%1 #%2").arg(QString::fromStdString(spec.title())).arg(id);
    m_runNames.insert(id, name);
    m_lossPlot->addRun(id, name);
    updateRunState();
    return id;
}

quint64 MainWindow::startRun()
{
    QString reason;
    const auto spec = m_panel->spec(&reason);
    if (!spec) {
        m_reportError(tr("Choose a model"), reason);
        return 0;
    }
    m_tabs->setCurrentWidget(m_lossPlot);
    return queue(*spec);
}

QList<quint64> MainWindow::compareWithVanilla()
{
    const auto spec = m_panel->spec();
    if (!spec || spec->coupling == Coupling::Single)
        return {};
    ModelSpec rnr = *spec, vanilla = *spec;
    rnr.coupling = Coupling::RnR;
    vanilla.coupling = Coupling::Vanilla;
    m_tabs->setCurrentWidget(m_lossPlot);
    return {queue(rnr), queue(vanilla)};
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_bridge.pending().isEmpty() && !m_askClose()) {
        event->ignore();
        return;
    }
    m_bridge.cancelAll();
    event->accept();
}

void MainWindow::loadDemo()
{
    present(generateDemo(), LoadReport{});
}

bool MainWindow::openDataset(const QString& path)
{
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        LoadResult result = loadDataset(path.toStdString());
        QGuiApplication::restoreOverrideCursor();
        present(std::move(result.dataset), result.report);
        return true;
    } catch (const std::exception& e) {
        QGuiApplication::restoreOverrideCursor();
        statusBar()->showMessage(tr("Could not open %1").arg(path), 5000);
        m_reportError(tr("Could not open the data set"),
                      tr("%1\n\nThe data set shown before is still loaded.").arg(QString::fromStdString(e.what())));
        return false;
    }
}

void MainWindow::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Data Set File"), QString(),
                                     tr("Ratings files (*.data *.dat *.csv *.tsv *.txt *.json);;All files (*)"));
    if (!path.isEmpty())
        openDataset(path);
}

void MainWindow::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Data Set Folder"));
    if (!path.isEmpty())
        openDataset(path);
}

void MainWindow::present(Dataset dataset, const LoadReport& report)
{
    m_dataset = std::move(dataset);
    m_filtered = std::make_shared<const Dataset>(filterMinInteractions(m_dataset));
    m_view->setDataset(m_dataset, report);
    setWindowTitle(QString::fromStdString(m_dataset.name));
    statusBar()->showMessage(tr("%1: %2 ratings by %3 users of %4 items")
                                 .arg(QString::fromStdString(m_dataset.name))
                                 .arg(m_dataset.interactions.size())
                                 .arg(m_dataset.userCount())
                                 .arg(m_dataset.itemCount()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About RnR Explorer"),
                       tr("<h3>RnR Explorer %1</h3><p>Explore multi-task recommender training: a ranking and a "
                          "rating model trained together, the Rank and Rate way.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace rnr
