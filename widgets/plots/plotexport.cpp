#include "plots/plotexport.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace rnr {

namespace {
/// The translation context of the plot menu and the export messages.
struct PlotExport
{
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
};

bool render(QCustomPlot* plot, const QString& suffix, QIODevice* into)
{
    const int width = plot->width(), height = plot->height();
    if (suffix == QLatin1String("png"))
        return plot->toPixmap(width, height, 2.0).save(into, "PNG");
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(into);
        pdf.setResolution(72); // one unit a point: the page is the plot's size
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("RnR Explorer"));
        QCPPainter painter;
        if (!painter.begin(&pdf))
            return false;
        painter.setMode(QCPPainter::pmVectorized); // as QCustomPlot's own savePdf(): shapes, no sprites
        plot->toPainter(&painter, width, height);
        return painter.end();
    }
    QSvgGenerator svg;
    svg.setOutputDevice(into);
    svg.setSize(QSize(width, height));
    svg.setViewBox(QRect(0, 0, width, height));
    svg.setTitle(QStringLiteral("RnR Explorer"));
    QCPPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    plot->toPainter(&painter, width, height);
    return painter.end();
}
} // namespace

QString plotExportFilter()
{
    return PlotExport::tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)");
}

bool exportPlot(QCustomPlot* plot, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg")) {
        if (error)
            *error = PlotExport::tr("%1: unknown format (use .png, .pdf or .svg)").arg(path);
        return false;
    }
    // QSaveFile writes beside the target and renames on commit: no half-written file.
    QSaveFile target(path);
    if (!target.open(QIODevice::WriteOnly)) {
        if (error)
            *error = PlotExport::tr("%1: %2").arg(path, target.errorString());
        return false;
    }
    if (!render(plot, suffix, &target) || target.error() != QFileDevice::NoError) {
        const QString cause = target.errorString();
        target.cancelWriting();
        if (error)
            *error = PlotExport::tr("%1: the plot could not be written (%2)").arg(path, cause);
        return false;
    }
    if (!target.commit()) {
        if (error)
            *error = PlotExport::tr("%1: %2").arg(path, target.errorString());
        return false;
    }
    return true;
}

void resetZoom(QCustomPlot* plot, double margin)
{
    plot->rescaleAxes(true);
    if (margin != 1.0)
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis})
            if (axis->scaleType() == QCPAxis::stLinear)
                axis->scaleRange(margin);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void addPlotMenu(QCustomPlot* plot, std::function<void()> resetZoom)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, resetZoom](const QPoint& at) {
        QMenu menu(plot);
        menu.addAction(PlotExport::tr("&Reset Zoom"), plot, [plot, resetZoom] {
            if (resetZoom)
                resetZoom();
            else
                rnr::resetZoom(plot);
        });
        menu.addAction(PlotExport::tr("&Export Plot..."), plot, [plot] {
            const QString path =
                QFileDialog::getSaveFileName(plot, PlotExport::tr("Export Plot"), QString(), plotExportFilter());
            if (path.isEmpty())
                return;
            QString error;
            if (!exportPlot(plot, path, &error))
                QMessageBox::warning(plot, PlotExport::tr("Export failed"), error);
        });
        menu.exec(plot->mapToGlobal(at));
    });
}

} // namespace rnr
