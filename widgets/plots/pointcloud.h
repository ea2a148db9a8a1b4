#pragma once

#include <qcustomplot.h>

#include <QPixmap>

namespace rnr {

/// A scatter graph (no line) for clouds of thousands of points: on the screen each point is one
/// copy of the scatter shape drawn once into a small pixmap (a sprite) at the screen's pixel ratio,
/// which is many times faster than rasterising an antialiased ellipse per point; the shape and the
/// look are the same. Exports (PDF, SVG, and PNG at another scale) draw every point as a vector
/// shape as QCPGraph does, so that they stay sharp.
class PointCloud : public QCPGraph
{
    Q_OBJECT

public:
    /// A graph on the plot's x and y axes, without a line, with the given scatter style.
    PointCloud(QCustomPlot* plot, const QCPScatterStyle& style);

protected:
    void drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                         const QCPScatterStyle& style) const override;

private:
    const QPixmap& sprite(const QCPScatterStyle& style, qreal pixelRatio, bool antialiased) const;

    mutable QPixmap m_sprite;
    mutable QString m_spriteKey; ///< what m_sprite was drawn for: shape, size, pen, brush, pixel ratio
};

} // namespace rnr
