// The main window's data-set side: the demo, files and folders (with the column-mapping dialog),
// loading off the GUI thread, recent files, drag and drop, and showing what was loaded.
#include "window/mainwindow.h"

#include "data/demo.h"
#include "data/split.h"
#include "dialogs/csvmappingdialog.h"
#include "dialogs/loadoptionsdialog.h"
#include "eval/like.h"
#include "io/loader.h"
#include "panels/experimentpanel.h"
#include "panels/hyperparamform.h"
#include "views/datasetview.h"
#include "views/userinspector.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>

namespace rnr {

void MainWindow::loadDemo()
{
    m_loader.cancel(); // a load still under way would replace the demo when it ends
    present(generateDemo(), LoadReport{});
}

bool MainWindow::openDataset(const QString& path)
{
    if (path.endsWith(QStringLiteral(".rnrsession"), Qt::CaseInsensitive))
        return openSession(path);
    // The folder of a planned comparison (`rnr compare --plan`, README "Sweeps on a cluster") opens
    // as the session its collection wrote.
    if (QFile manifest(QDir(path).filePath(QStringLiteral("manifest.json")));
        QFileInfo(path).isDir() && manifest.open(QIODevice::ReadOnly) &&
        QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("format")) ==
            QLatin1String("rnr-compare-plan")) {
        const QString session = QDir(path).filePath(QStringLiteral("session.rnrsession"));
        if (QFileInfo::exists(session))
            return openSession(session);
        m_reportError(tr("Could not open the sweep"),
                      tr("%1 holds a planned comparison whose runs have not been collected yet. When its jobs "
                         "have run, collect them with:\n\nrnr compare --collect %1")
                          .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    LoadOptions options;
    LoadChoices::load().applyTo(options); // File > Load Options: the scale, skip or stop per kind
    try {
        std::string ratingsFile;
        options.format = detectFormat(path.toStdString(), &ratingsFile);
        if (options.format == Format::GenericCsv) {
            const auto mapping = m_chooseMapping(QString::fromStdString(ratingsFile));
            if (!mapping)
                return false;
            options.csv = *mapping;
        }
    } catch (const std::exception& e) {
        m_reportError(tr("Could not open the data set"),
                      tr("%1\n\nThe data set shown before is still loaded.").arg(QString::fromStdString(e.what())));
        return false;
    }
    openDataset(path, options);
    return true;
}

void MainWindow::openDataset(const QString& path, const LoadOptions& options)
{
    if (!m_loadProgress) {
        m_loadProgress = makeProgressDialog(tr("Loading"));
        connect(m_loadProgress, &QProgressDialog::canceled, &m_loader, &DatasetLoader::cancel);
    }
    m_loadProgress->setLabelText(tr("Reading %1...").arg(QFileInfo(path).fileName()));
    m_loadProgress->setValue(0);
    statusBar()->showMessage(tr("Loading %1...").arg(path));
    m_loader.start(path, options);
}

void MainWindow::createLoadWiring()
{
    auto finish = [this] { endProgress(m_loadProgress); };
    connect(&m_loader, &DatasetLoader::progress, this, [this](double fraction) {
        if (m_loadProgress)
            m_loadProgress->setValue(int(fraction * 1000));
    });
    connect(&m_loader, &DatasetLoader::loaded, this,
            [this, finish](const QString& path, std::shared_ptr<LoadedDataset> result) {
                finish();
                rememberRecent(path);
                present(*result);
                Q_EMIT loadFinished(true);
                const LoadReport& report = result->report;
                if (report.rowsSkipped() > 0) {
                    // Repeated ratings are merged (the latest kept), not lost: say which is which.
                    const std::uint64_t merged = report.tally(Problem::Duplicate).count;
                    const std::uint64_t skipped = report.rowsSkipped() - merged;
                    const QString file = QFileInfo(path).fileName();
                    QStringList summary;
                    if (skipped > 0)
                        summary << tr("Rows that could not be used and were skipped: %1.").arg(skipped);
                    if (merged > 0)
                        summary << tr("Repeated ratings of the same user and item merged into the latest one: %1.")
                                       .arg(merged);
                    m_showReport(skipped > 0 ? tr("Rows skipped while loading %1").arg(file)
                                             : tr("Repeated ratings merged while loading %1").arg(file),
                                 summary.join(QLatin1Char(' ')), QString::fromStdString(report.describe()));
                }
            });
    connect(&m_loader, &DatasetLoader::failed, this, [this, finish](const QString& path, const QString& message) {
        finish();
        statusBar()->showMessage(tr("Could not open %1").arg(path), 5000);
        Q_EMIT loadFinished(false);
        m_reportError(tr("Could not open the data set"),
                      tr("%1\n\nThe data set shown before is still loaded.").arg(message));
    });
    connect(&m_loader, &DatasetLoader::cancelled, this, [this, finish](const QString& path) {
        finish();
        statusBar()->showMessage(tr("Loading %1 cancelled; the data set shown before is still loaded.").arg(path),
                                 5000);
        Q_EMIT loadFinished(false);
    });
}

QStringList MainWindow::recentDatasets() const
{
    return QSettings().value(QStringLiteral("recentDatasets")).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = recentDatasets();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > 8)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentDatasets"), recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentDatasets();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction* action = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                                                  [this, path] { openDataset(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent data sets"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [] { QSettings().remove(QStringLiteral("recentDatasets")); })
        ->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // Opened after the drop returns, so that the source application is not kept waiting.
    QMetaObject::invokeMethod(
        this,
        [this, path] {
            openDataset(path); // a session file or a sweep's folder opens as a session
        },
        Qt::QueuedConnection);
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
    present(std::make_shared<const Dataset>(std::move(dataset)), report);
}

void MainWindow::present(std::shared_ptr<const Dataset> dataset, const LoadReport& report)
{
    // Built-in data and opened sessions: prepared here (a loaded file comes prepared by the loader).
    present(*LoadedDataset::prepare(std::move(dataset), report));
}

void MainWindow::present(const LoadedDataset& loaded)
{
    m_dataset = loaded.dataset;
    m_report = loaded.report;
    m_filtered = loaded.filtered;
    m_view->setDataset(*m_dataset, m_report, loaded.facts);
    m_view->setSplit(*m_filtered, m_panel->split());
    m_panel->form()->setAutoValue(QStringLiteral("like-threshold"), defaultLikeThreshold(m_dataset->scale));
    m_users->setDataset(m_filtered);
    setWindowTitle(QString::fromStdString(m_dataset->name));
    statusBar()->showMessage(tr("%1: ratings %2, users %3, items %4")
                                 .arg(QString::fromStdString(m_dataset->name))
                                 .arg(m_dataset->interactions.size())
                                 .arg(m_dataset->userCount())
                                 .arg(m_dataset->itemCount()));
}

} // namespace rnr
