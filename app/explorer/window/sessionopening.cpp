// The main window's sessions: saving and opening .rnrsession files in the background with
// progress, and showing an opened session's data set, settings and runs.
#include "window/mainwindow.h"

#include "models/runmodel.h"
#include "panels/experimentpanel.h"
#include "plots/lossplot.h"
#include "runs/runcontroller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QProgressDialog>
#include <QStatusBar>

namespace rnr {

bool MainWindow::saveSession(const QString& path)
{
    if (m_sessionFiles.isBusy()) {
        m_reportError(tr("Could not save the session"), tr("Another session is being saved or opened."));
        return false;
    }
    auto session = std::make_shared<Session>();
    session->dataset = m_dataset;
    session->report = m_report;
    session->spec = m_panel->spec().value_or(parseModelSpec(kDefaultModel));
    session->hp = m_panel->params();
    session->split = m_panel->split();
    session->seeds = m_panel->seeds();
    session->grid = m_panel->gridSearch();
    for (const quint64 id : m_runs->ids(RunModel::State::Finished)) {
        const RunModel::Run* run = m_runs->run(id);
        session->runs.push_back({run->name.toStdString(), run->data, run->outcome, run->keptBatches()});
    }
    m_sessionSaving = true;
    showSessionProgress(tr("Saving %1...").arg(QFileInfo(path).fileName()));
    return m_sessionFiles.save(std::move(session), path);
}

bool MainWindow::openSession(const QString& path)
{
    if (m_controller->busy()) {
        m_reportError(tr("Training in progress"),
                      tr("Stop the training before opening a session: it replaces the runs shown."));
        return false;
    }
    if (m_sessionFiles.isBusy()) {
        m_reportError(tr("Could not open the session"), tr("Another session is being saved or opened."));
        return false;
    }
    m_loader.cancel(); // a load still under way would replace the session's data set when it ends
    m_sessionSaving = false;
    showSessionProgress(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    return m_sessionFiles.open(path);
}

void MainWindow::showSessionProgress(const QString& label)
{
    if (!m_sessionProgress) {
        m_sessionProgress = makeProgressDialog(tr("Session"));
        m_sessionProgress->setCancelButton(nullptr);
    }
    m_sessionProgress->setLabelText(label);
    m_sessionProgress->setValue(0);
    statusBar()->showMessage(label);
}

void MainWindow::createSessionWiring()
{
    auto finish = [this] { endProgress(m_sessionProgress); };
    connect(&m_sessionFiles, &SessionFiles::progress, this, [this](double fraction) {
        if (m_sessionProgress)
            m_sessionProgress->setValue(int(fraction * 1000));
    });
    connect(&m_sessionFiles, &SessionFiles::saved, this, [this, finish](const QString& path, int runs) {
        finish();
        statusBar()->showMessage(tr("Saved %1 (runs: %n)", nullptr, runs).arg(path), 5000);
        Q_EMIT sessionFinished(true);
    });
    connect(&m_sessionFiles, &SessionFiles::failed, this, [this, finish](const QString&, const QString& message) {
        finish();
        statusBar()->clearMessage();
        if (m_sessionSaving)
            m_reportError(tr("Could not save the session"), message);
        else
            m_reportError(tr("Could not open the session"), tr("%1\n\nNothing was changed.").arg(message));
        Q_EMIT sessionFinished(false);
    });
    connect(&m_sessionFiles, &SessionFiles::opened, this,
            [this, finish](const QString& path, std::shared_ptr<Session> session) {
                finish();
                if (m_controller->busy()) { // training started while the file was read
                    m_reportError(tr("Training in progress"),
                                  tr("Stop the training before opening a session: it replaces the runs shown."));
                    Q_EMIT sessionFinished(false);
                    return;
                }
                adoptSession(path, *session);
                Q_EMIT sessionFinished(true);
            });
}

void MainWindow::adoptSession(const QString& path, Session& session)
{
    m_loader.cancel();
    m_runs->clear();
    present(session.dataset, session.report);
    m_panel->setSpec(session.spec);
    m_panel->setParams(session.hp);
    m_panel->setSplit(session.split);
    m_panel->setSeeds(session.seeds);
    m_panel->setGridSearch(session.grid);
    for (SessionRun& run : session.runs) {
        const quint64 id = m_controller->restore(QString::fromStdString(run.name), run.data, run.outcome, run.batches);
        const quint64 curve = m_runs->currentCurve(id);
        for (const BatchProgress& batch : run.batches)
            m_lossPlot->appendBatch(curve, batch);
        for (const EpochRecord& epoch : run.outcome.result.epochs)
            m_lossPlot->appendEpoch(curve, epoch);
    }
    setWindowTitle(tr("%1 — %2").arg(QFileInfo(path).fileName(), QString::fromStdString(m_dataset->name)));
    statusBar()->showMessage(tr("Opened %1 (runs: %n)", nullptr, int(session.runs.size())).arg(path), 5000);
}

void MainWindow::chooseSessionToSave()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Session"), QString(), tr("RnR Explorer sessions (*.rnrsession)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".rnrsession")))
        path += QStringLiteral(".rnrsession");
    saveSession(path);
}

void MainWindow::chooseSessionToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), QString(),
                                                      tr("RnR Explorer sessions (*.rnrsession);;All files (*)"));
    if (!path.isEmpty())
        openSession(path);
}

} // namespace rnr
