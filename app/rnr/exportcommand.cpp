#include "exportcommand.h"

#include "cli.h"
#include "datasetoptions.h"

#include "analysis/projectionmethod.h"
#include "persist/checkpoint.h"
#include "persist/exports.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::export", text);
}

std::string native(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace

int runExport(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a saved model's embeddings (rnr train --save) for the TensorBoard projector (vectors.tsv and "
           "metadata.tsv) and for NumPy (vectors.npy): the item vectors q_i in items/, the vectors the rating task "
           "uses in rating-items/ (RnR: after the deviation and the tied layer), the user vectors in users/. With "
           "--projection, the 2-D coordinates too (<projection>.tsv and .npy, loadable with the same metadata)."));
    const QCommandLineOption model(QStringLiteral("model"), tr("Checkpoint written by rnr train --save."),
                                   QStringLiteral("checkpoint"));
    const QCommandLineOption embeddings(QStringLiteral("embeddings"), tr("Folder to write into (made if missing)."),
                                        QStringLiteral("dir"));
    const QCommandLineOption projection(QStringLiteral("projection"), tr("Also a 2-D projection: pca, tsne or umap."),
                                        QStringLiteral("name"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of t-SNE and UMAP (default 1)."),
                                  QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("Threads for t-SNE and UMAP (default 1)."),
                                     QStringLiteral("n"), QStringLiteral("1"));
    parser.addOptions({model, embeddings, projection, seed, threads});
    if (const auto stop = parseCommand(parser, arguments, QStringLiteral("export"), out, err))
        return *stop;
    if (!parser.isSet(model) || !parser.isSet(embeddings)) {
        err << tr("rnr export: --model CHECKPOINT and --embeddings DIR are required (see 'rnr export --help')\n");
        return Usage;
    }
    const QString method = parser.value(projection).toLower();
    const auto chosen = parseProjection(method.toStdString());
    if (parser.isSet(projection) && !chosen) {
        err << tr("rnr export: --projection must be pca, tsne or umap, not '%1'\n").arg(parser.value(projection));
        return Usage;
    }
    const std::uint64_t seedValue = parseCount(parser.value(seed), QStringLiteral("seed"));
    const auto threadCount = parseThreads(parser.value(threads));

    const Checkpoint checkpoint = loadCheckpoint(native(parser.value(model)));
    const Model& m = *checkpoint.model;
    Metadata items{{"item", "title"}, {checkpoint.itemIds, {}}};
    items.columns[1].resize(checkpoint.itemIds.size());
    for (std::size_t i = 0; i < checkpoint.itemTitles.size() && i < items.columns[1].size(); ++i)
        items.columns[1][i] = checkpoint.itemTitles[i];
    const Metadata users{{"user"}, {checkpoint.userIds}};
    const QString root = parser.value(embeddings);
    for (ProjectorSpace& space : projectorSpaces(m, items, users)) {
        const QString folder = QDir(root).filePath(QString::fromStdString(space.folder));
        const QString description =
            space.folder == "items" ? tr("item vectors q_i")
            : space.folder == "rating-items"
                ? tr("the item vectors the rating task reads, %1").arg(QString::fromStdString(m.spec().title()))
                : tr("user vectors p_u");
        QString line =
            tr("%1: %2 rows x %3 (%4)").arg(folder).arg(space.rows.rows()).arg(space.rows.cols()).arg(description);
        if (chosen) {
            QElapsedTimer timer;
            timer.start();
            LayoutOptions run;
            run.seed = seedValue;
            run.threads = threadCount;
            space.points = project2d(*chosen, space.rows, run);
            space.projection = method.toStdString();
            line += tr("; %1 in %2 s").arg(method).arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2);
        }
        writeProjectorSpace(native(root), space);
        out << line << '\n';
    }
    return Ok;
}

} // namespace rnr::cli
