#include "plots/legendoutside.h"

#include <qcustomplot.h>

namespace rnr {

void placeLegendOutside(QCustomPlot* plot)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    int row = -1, column = -1;
    for (int r = 0; r < layout->rowCount(); ++r)
        for (int c = 0; c < layout->columnCount(); ++c)
            if (layout->element(r, c) == plot->axisRect()) {
                row = r;
                column = c;
            }
    if (row < 0 || !plot->axisRect()->insetLayout()->take(plot->legend))
        return;
    plot->axisRect()->insetLayout()->simplify();
    // A sub-grid keeps the legend at the top of its column: legend, then an empty stretch.
    auto* side = new QCPLayoutGrid;
    side->setRowSpacing(0);
    layout->addElement(row, column + 1, side);
    side->addElement(0, 0, plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(plot));
    side->setRowStretchFactor(0, 0.001);
    side->setMargins(QMargins(0, 6, 6, 0));
    side->setAutoMargins(QCP::msNone);
    layout->setColumnStretchFactor(column + 1, 0.001); // as wide as the legend needs
    plot->legend->setMaximumSize(260, QWIDGETSIZE_MAX);
}

} // namespace rnr
