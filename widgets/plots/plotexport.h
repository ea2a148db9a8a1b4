#pragma once

#include <QString>

#include <functional>

class QCustomPlot;

namespace rnr {

/// Writes a plot as it is shown, as PNG (at twice its size, for print), PDF (vector) or SVG
/// (vector, Qt SVG), chosen by the file's suffix. False, with the cause in `error`, when the
/// suffix is unknown or the file cannot be written; a failed write leaves no partial file.
bool exportPlot(QCustomPlot* plot, const QString& path, QString* error = nullptr);

/// The file-dialog filter of exportPlot()'s formats.
QString plotExportFilter();

/// Gives a plot a context menu: Reset Zoom (calls `resetZoom`; empty: fits the axes to the data)
/// and Export Plot... (a file dialog, then exportPlot(); a failure is shown in a message box).
void addPlotMenu(QCustomPlot* plot, std::function<void()> resetZoom = {});

/// Fits a plot's axes to its data again, with a margin of `margin` (1.0: none), and replots.
void resetZoom(QCustomPlot* plot, double margin = 1.0);

} // namespace rnr
