#pragma once

class QCustomPlot;

namespace rnr {

/// Asks a plot to redraw: at the next turn of the event loop when it is visible, otherwise the
/// first time it is shown. A finished run updates every view; only the tab in front pays for a
/// repaint then, which keeps the GUI thread's longest stall short (`--measure-stalls`).
void requestReplot(QCustomPlot* plot);

/// True when the plot has a redraw pending until it is shown (tests).
bool replotPending(const QCustomPlot* plot);

} // namespace rnr
