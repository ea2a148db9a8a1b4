#include "analysis/projectionmethod.h"

#include "analysis/projection.h"
#include "analysis/tsne.h"
#include "analysis/umap.h"

namespace rnr {

std::string projectionName(ProjectionMethod method)
{
    switch (method) {
    case ProjectionMethod::Pca:
        return "pca";
    case ProjectionMethod::Tsne:
        return "tsne";
    case ProjectionMethod::Umap:
        return "umap";
    }
    return "pca";
}

std::optional<ProjectionMethod> parseProjection(std::string_view name)
{
    for (const auto method : {ProjectionMethod::Pca, ProjectionMethod::Tsne, ProjectionMethod::Umap})
        if (name == projectionName(method))
            return method;
    return std::nullopt;
}

RowMatrix<float> project2d(ProjectionMethod method, const RowMatrix<float>& rows, const LayoutOptions& run)
{
    switch (method) {
    case ProjectionMethod::Tsne: {
        TsneOptions options;
        static_cast<LayoutOptions&>(options) = run;
        return tsne(rows, options);
    }
    case ProjectionMethod::Umap: {
        UmapOptions options;
        static_cast<LayoutOptions&>(options) = run;
        return umap(rows, options);
    }
    case ProjectionMethod::Pca:
        break;
    }
    RowMatrix<float> points = pca2(rows).points;
    run.report(1.0);
    return points;
}

} // namespace rnr
