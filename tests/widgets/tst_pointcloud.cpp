// PointCloud (issue 13: the embedding view's redraws with 26,744 items): on the screen it draws
// each point as a sprite, which must look like QCPGraph's shape in the same place; exports keep
// vector shapes.
#include "plots/plotexport.h"
#include "plots/pointcloud.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace rnr;

namespace {
/// Ink of a rendered plot: per pixel, how far it is from white, with its centroid.
struct Ink
{
    double total = 0, x = 0, y = 0;
};

Ink ink(const QImage& image, const QRect& area)
{
    Ink out;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const double dark = (3 * 255 - c.red() - c.green() - c.blue()) / (3.0 * 255);
            out.total += dark;
            out.x += dark * x;
            out.y += dark * y;
        }
    if (out.total > 0) {
        out.x /= out.total;
        out.y /= out.total;
    }
    return out;
}

/// A bare plot (no axes, no grid) 200 x 200 pixels from 0 to 200 on both axes, so that a data
/// coordinate is a pixel coordinate.
void bare(QCustomPlot& plot)
{
    plot.resize(200, 200);
    plot.plotLayout()->clear();
    auto* rect = new QCPAxisRect(&plot, true);
    plot.plotLayout()->addElement(0, 0, rect);
    rect->setAutoMargins(QCP::msNone);
    rect->setMargins(QMargins(0, 0, 0, 0));
    for (QCPAxis* axis : rect->axes()) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
    }
    rect->axis(QCPAxis::atBottom)->setRange(0, 200);
    rect->axis(QCPAxis::atLeft)->setRange(0, 200);
    plot.xAxis = rect->axis(QCPAxis::atBottom);
    plot.yAxis = rect->axis(QCPAxis::atLeft);
}
/// The plot drawn into an image of the given device pixel ratio (2: a high-DPI screen's buffer).
QImage rendered(QCustomPlot& plot, qreal ratio)
{
    QImage image(int(200 * ratio), int(200 * ratio), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    plot.toPainter(&painter, 200, 200);
    return image;
}
} // namespace

class TestPointCloud : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksLikeTheShapeItReplaces()
    {
        // Single points at fractional positions, for each shape the views use.
        const QCPScatterStyle styles[] = {
            QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0, 90, 200), 4),
            QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(120, 120, 120), 3),
            QCPScatterStyle(QCPScatterStyle::ssCross, QColor(60, 60, 60), 4),
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::red, 2.5), Qt::NoBrush, 14)};
        const QPointF places[] = {{50.0, 60.0}, {120.3, 80.7}, {77.5, 150.25}};
        for (const QCPScatterStyle& style : styles)
            for (const QPointF& at : places) {
                QCustomPlot shapes, sprites;
                bare(shapes);
                bare(sprites);
                QCPGraph* graph = shapes.addGraph(shapes.xAxis, shapes.yAxis);
                graph->setLineStyle(QCPGraph::lsNone);
                graph->setScatterStyle(style);
                // Two points: PointCloud draws a single point as a shape; the second is far away.
                graph->setData({at.x(), 190.0}, {at.y(), 190.0});
                auto* cloud = new PointCloud(&sprites, style);
                cloud->setData({at.x(), 190.0}, {at.y(), 190.0});
                for (const qreal ratio : {1.0, 2.0}) {
                    const QImage a = rendered(shapes, ratio), b = rendered(sprites, ratio);
                    const QRect around(int((at.x() - 15) * ratio), int((200 - at.y() - 15) * ratio), int(31 * ratio),
                                       int(31 * ratio));
                    const Ink inkA = ink(a, around), inkB = ink(b, around);
                    QVERIFY(inkA.total > 1.0);
                    QVERIFY2(std::abs(inkA.total - inkB.total) < 0.15 * inkA.total,
                             qPrintable(QStringLiteral("ink %1 against %2").arg(inkB.total).arg(inkA.total)));
                    QVERIFY2(std::hypot(inkA.x - inkB.x, inkA.y - inkB.y) < 0.75 * ratio,
                             qPrintable(QStringLiteral("centre (%1, %2) against (%3, %4)")
                                            .arg(inkB.x)
                                            .arg(inkB.y)
                                            .arg(inkA.x)
                                            .arg(inkA.y)));
                }
            }
    }

    void exportsVectorShapes()
    {
        // An SVG of a point cloud holds one ellipse per point, never pixmaps.
        QCustomPlot plot;
        bare(plot);
        auto* cloud = new PointCloud(&plot, QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::blue, 4));
        cloud->setData({10, 20, 30, 40, 50}, {10, 20, 30, 40, 50});
        plot.replot();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cloud.svg"));
        QString error;
        QVERIFY2(exportPlot(&plot, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(!svg.contains("<image"));
        // The raster engine's screen path draws sprites; the same plot as a PNG at twice the size
        // (a scaled painter) is drawn with shapes: its ink is four times the screen's.
        const Ink screen = ink(plot.toPixmap(200, 200).toImage(), QRect(0, 0, 200, 200));
        const Ink twice = ink(plot.toPixmap(200, 200, 2.0).toImage(), QRect(0, 0, 400, 400));
        QVERIFY2(std::abs(twice.total / screen.total - 4.0) < 0.6,
                 qPrintable(QStringLiteral("%1 against %2").arg(twice.total).arg(screen.total)));
    }
};

QTEST_MAIN(TestPointCloud)
#include "tst_pointcloud.moc"
