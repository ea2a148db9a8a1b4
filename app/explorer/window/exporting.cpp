// MainWindow: embeddings and recommendations to files, written off the GUI thread.
#include "window/mainwindow.h"

#include "panels/experimentpanel.h"
#include "persist/exports.h"
#include "threads/crossthread.h"
#include "views/embeddingview.h"

#include <QDir>
#include <QFile>
#include <QStatusBar>
#include <QThreadPool>

namespace rnr {

namespace {
std::string native(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}
} // namespace

void MainWindow::runExport(const QString& what, std::function<void()> work)
{
    statusBar()->showMessage(tr("Writing %1...").arg(what));
    startOnPool(m_exports, [this, what, work = std::move(work)] {
        QString error;
        try {
            work();
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        postTo(this, [this, what, error] {
            if (error.isEmpty()) {
                statusBar()->showMessage(tr("Wrote %1").arg(what), 5000);
                Q_EMIT exportFinished(true, {});
            } else {
                statusBar()->clearMessage();
                m_reportError(tr("Export failed"), error);
                Q_EMIT exportFinished(false, error);
            }
        });
    });
}

bool MainWindow::exportEmbeddings(const QString& folder)
{
    const auto shown = m_embeddings->sharedDataset();
    const auto model = m_embeddings->model();
    if (!shown || !model)
        return false;
    // What the view shows, copied now: it may move on while the thread writes.
    const RowMatrix<float> shownPoints[2] = {m_embeddings->points(0), m_embeddings->points(1)};
    const std::string method = projectionName(m_embeddings->method());
    runExport(tr("the embeddings of %1 to %2").arg(m_embeddings->runName(), folder),
              [folder = native(folder), shown, model, shownPoints, method] {
                  const Metadata items = itemMetadata(*shown);
                  const Metadata users{{"user"}, {shown->userIds}};
                  for (ProjectorSpace& space : projectorSpaces(*model, items, users)) {
                      // The 2-D points of the projection shown: plot 0 is items/, plot 1 rating-items/.
                      const int plot = space.folder == "items" ? 0 : space.folder == "rating-items" ? 1 : -1;
                      if (plot >= 0 && shownPoints[plot].rows() == space.rows.rows()) {
                          space.points = shownPoints[plot];
                          space.projection = method;
                      }
                      writeProjectorSpace(folder, space);
                  }
              });
    return true;
}

bool MainWindow::exportRecommendations(const QString& path)
{
    const auto shown = m_embeddings->sharedDataset();
    const auto model = m_embeddings->model();
    if (!shown || !model)
        return false;
    const unsigned threads = std::max(1u, m_panel->params().threads);
    runExport(
        tr("the top %1 of every user under %2 to %3").arg(model->hyperParams().topK).arg(m_embeddings->runName(), path),
        [path, shown, model, threads] {
            const ItemLabels labels{shown->userIds, shown->itemIds, shown->itemTitles};
            writeTopKCsv(native(path), *model, labels, model->hyperParams().topK, shown->scale, threads);
        });
    return true;
}

} // namespace rnr
