#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// `rnr export`: a saved model's embeddings for the TensorBoard projector and NumPy, optionally
/// with a 2-D projection (PCA, t-SNE or UMAP).
int runExport(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
