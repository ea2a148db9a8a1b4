#pragma once

#include <QPalette>
#include <QString>

namespace rnr {

/// The dark palette of the "dark" colour scheme (Fusion style): light text on dark grey, the
/// selection and links in the series blue.
QPalette darkPalette();

/// Applies a colour scheme to the whole application: "light" or "dark" (both in the Fusion
/// style, which draws every palette faithfully), or "" for the system's style and palette as
/// the program started with. Plots follow (plots/plotstyle.h); unknown names count as "".
void applyColourScheme(const QString& scheme);

} // namespace rnr
