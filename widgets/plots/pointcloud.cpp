#include "plots/pointcloud.h"

#include <QPaintEngine>

#include <cmath>

namespace rnr {

PointCloud::PointCloud(QCustomPlot* plot, const QCPScatterStyle& style) : QCPGraph(plot->xAxis, plot->yAxis)
{
    setLineStyle(QCPGraph::lsNone);
    setScatterStyle(style);
}

const QPixmap& PointCloud::sprite(const QCPScatterStyle& style, qreal pixelRatio, bool antialiased) const
{
    const QPen pen = style.isPenDefined() ? style.pen() : mPen;
    const QString key = QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                            .arg(int(style.shape()))
                            .arg(style.size())
                            .arg(pen.color().rgba())
                            .arg(pen.widthF())
                            .arg(style.brush().style() == Qt::NoBrush ? 0u : style.brush().color().rgba())
                            .arg(pixelRatio)
                            .arg(antialiased);
    if (key == m_spriteKey)
        return m_sprite;
    // Room for the shape, the pen around it and a pixel of antialiasing on each side; an even
    // number of device pixels so that the shape's centre falls on a pixel corner, as on the plot.
    const double logical = style.size() + std::max(1.0, pen.widthF()) + 2.0;
    const int device = 2 * int(std::ceil(logical * pixelRatio / 2.0));
    QPixmap pixmap(device, device);
    pixmap.setDevicePixelRatio(pixelRatio);
    pixmap.fill(Qt::transparent);
    {
        QCPPainter painter(&pixmap);
        painter.setAntialiasing(antialiased);
        style.applyTo(&painter, mPen);
        const double centre = device / (2.0 * pixelRatio);
        style.drawShape(&painter, centre, centre);
    }
    m_sprite = pixmap;
    m_spriteKey = key;
    return m_sprite;
}

void PointCloud::drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                                 const QCPScatterStyle& style) const
{
    // Sprites only where they look the same as the shapes: a raster device, no scaling or rotation.
    const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    const bool vectorised = painter->modes().testFlag(QCPPainter::pmVectorized);
    const bool plain = painter->transform().type() <= QTransform::TxTranslate;
    const bool drawable = style.shape() != QCPScatterStyle::ssNone && style.shape() != QCPScatterStyle::ssPixmap &&
                          style.shape() != QCPScatterStyle::ssCustom;
    if (!raster || vectorised || !plain || !drawable || scatters.size() < 2) {
        QCPGraph::drawScatterPlot(painter, scatters, style);
        return;
    }
    applyScattersAntialiasingHint(painter); // the graph's and the plot's choice, as QCPGraph draws
    const qreal ratio = painter->device()->devicePixelRatioF();
    const bool antialiased = painter->antialiasing();
    const QPixmap& shape = sprite(style, ratio, antialiased);
    // QCPPainter moves antialiased drawing by half a pixel, on the plot and in the sprite alike:
    // half a pixel back, so that the sprite's centre lands where the plot's shape would.
    const double half = shape.width() / (2.0 * ratio) + (antialiased ? 0.5 : 0.0);
    for (const QPointF& point : scatters)
        painter->drawPixmap(QPointF(point.x() - half, point.y() - half), shape);
}

} // namespace rnr
