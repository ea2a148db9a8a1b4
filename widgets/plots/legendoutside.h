#pragma once

class QCustomPlot;

namespace rnr {

/// Moves the plot's legend out of the data: into a column of its own right of the axis rect,
/// at the top, so that no entry covers a point (the best validation epoch, a dense cluster).
/// Call once, after the plot's layout is set up (a title row above is fine).
void placeLegendOutside(QCustomPlot* plot);

} // namespace rnr
