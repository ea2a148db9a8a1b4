// MainWindow: embeddings and recommendations to files, written off the GUI thread.
#include "window/mainwindow.h"

#include "panels/experimentpanel.h"
#include "persist/exports.h"
#include "views/embeddingview.h"

#include <QDir>
#include <QFile>
#include <QMetaObject>
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
    m_exports.start([this, what, work = std::move(work)] {
        QString error;
        try {
            work();
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, what, error] {
                if (error.isEmpty()) {
                    statusBar()->showMessage(tr("Wrote %1").arg(what), 5000);
                    Q_EMIT exportFinished(true, {});
                } else {
                    statusBar()->clearMessage();
                    m_reportError(tr("Export failed"), error);
                    Q_EMIT exportFinished(false, error);
                }
            },
            Qt::QueuedConnection);
    });
}

bool MainWindow::exportEmbeddings(const QString& folder)
{
    const auto shown = m_embeddings->sharedDataset();
    const auto model = m_embeddings->model();
    if (!shown || !model)
        return false;
    // Everything the thread needs, copied now: the view may move on while it writes.
    struct Space
    {
        QString name;
        RowMatrix<float> rows, points;
        bool users = false;
    };
    const std::string method = projectionName(m_embeddings->method());
    std::vector<Space> spaces;
    for (int p = 0; p < 2; ++p) {
        RowMatrix<float> rows = p == 0 ? model->params()[Block::Items] : model->ratingItemVectors();
        if (rows.size() == 0 || (p == 1 && model->spec().coupling != Coupling::RnR))
            continue; // without RnR the rating task uses the raw vectors: written once
        const RowMatrix<float>& points = m_embeddings->points(p);
        spaces.push_back({p == 0 ? QStringLiteral("items") : QStringLiteral("rating-items"), std::move(rows),
                          points.rows() > 0 ? points : RowMatrix<float>(), false});
    }
    if (model->params()[Block::Users].size() > 0)
        spaces.push_back({QStringLiteral("users"), model->params()[Block::Users], {}, true});
    runExport(tr("the embeddings of %1 to %2").arg(m_embeddings->runName(), folder),
              [folder, shown, spaces = std::move(spaces), method] {
                  const Metadata items = itemMetadata(*shown);
                  const Metadata users{{"user"}, {shown->userIds}};
                  for (const Space& space : spaces) {
                      const QString dir = QDir(folder).filePath(space.name);
                      if (!QDir().mkpath(dir))
                          throw std::runtime_error(native(dir) + ": cannot make the folder");
                      const auto file = [&](const std::string& name) {
                          return native(QDir(dir).filePath(QString::fromStdString(name)));
                      };
                      writeVectorsTsv(file("vectors.tsv"), space.rows);
                      writeNpy(file("vectors.npy"), space.rows);
                      writeMetadataTsv(file("metadata.tsv"), space.users ? users : items);
                      if (space.points.rows() > 0) {
                          writeVectorsTsv(file(method + ".tsv"), space.points);
                          writeNpy(file(method + ".npy"), space.points);
                      }
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
