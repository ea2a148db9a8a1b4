#pragma once

// The three 2-D projections behind one call, for the embeddings view and `rnr export`
// (docs/projections.md).

#include "analysis/layout.h"
#include "model/params.h"

#include <optional>
#include <string>
#include <string_view>

namespace rnr {

enum class ProjectionMethod
{
    Pca,  ///< linear: analysis/projection.h
    Tsne, ///< Barnes-Hut t-SNE: analysis/tsne.h
    Umap  ///< UMAP: analysis/umap.h
};

/// "pca", "tsne", "umap".
std::string projectionName(ProjectionMethod method);
/// The method of a name (case as given: lower case), or nullopt.
std::optional<ProjectionMethod> parseProjection(std::string_view name);

/// The rows projected to 2-D by a method with its defaults; `run` gives the seed, the threads
/// and the progress callback (PCA reports only its end and cannot be cancelled midway).
RowMatrix<float> project2d(ProjectionMethod method, const RowMatrix<float>& rows, const LayoutOptions& run = {});

} // namespace rnr
