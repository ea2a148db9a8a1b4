#pragma once

#include <QColor>

#include <array>

namespace rnr::palette {

/// The colours of every plot's series (runs, genres, users and items): the Okabe–Ito palette,
/// which stays distinguishable with the common colour-vision deficiencies.
inline const std::array<QColor, 8> kSeries{QColor(0, 114, 178),   QColor(213, 94, 0),  QColor(0, 158, 115),
                                           QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233),
                                           QColor(240, 228, 66),  QColor(0, 0, 0)};

/// Series i's colour (the palette repeats after eight).
inline QColor series(int i)
{
    return kSeries[std::size_t(i) % kSeries.size()];
}

/// What is not one of the series ("other" genres, the rest of the data).
inline QColor other()
{
    return QColor(150, 150, 150);
}

} // namespace rnr::palette
