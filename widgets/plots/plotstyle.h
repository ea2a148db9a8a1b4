#pragma once

#include <functional>

class QCustomPlot;
class QCPAbstractPlottable;
class QPalette;

namespace rnr {

/// Colours a plot from a palette: background from Base, axes, ticks, labels, titles and legend
/// text from Text, the grid from Mid, the legend box from Base and Mid (light and dark themes
/// alike, as the tables follow them).
void applyPalette(QCustomPlot* plot, const QPalette& palette);

/// applyPalette() with the plot's own palette now and again whenever it changes (a new style, a
/// new application palette, a dark theme at run time).
void followPalette(QCustomPlot* plot);

/// A click on a legend entry hides or shows its plottable (the entry greyed and in italics while
/// hidden); `also` hears of each change (e.g. to hide a run's other curves with it).
void toggleRunsOnLegendClick(QCustomPlot* plot, std::function<void(QCPAbstractPlottable*, bool)> also = {});

} // namespace rnr
