#include "mainwindow.h"

#include "datasetview.h"
#include "demo.h"
#include "errors.h"
#include "loader.h"

#include <QApplication>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace rnr {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_view = new DatasetView(this);
    setCentralWidget(m_view);
    createMenus();
    resize(1000, 680);
    m_reportError = [this](const QString& title, const QString& message) {
        QMessageBox::warning(this, title, message);
    };
}

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
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RnR Explorer"), this, &MainWindow::showAbout);
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
