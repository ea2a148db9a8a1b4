#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>

namespace rnr::palette {

/// The colours of every plot's series (runs, users and items): the Okabe–Ito palette, which
/// stays distinguishable with the common colour-vision deficiencies. Its eighth colour, black,
/// is the palette's text colour instead, so that it shows on dark themes too (series()).
inline const std::array<QColor, 7> kSeries{QColor(0, 114, 178),   QColor(213, 94, 0),  QColor(0, 158, 115),
                                           QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233),
                                           QColor(240, 228, 66)};

/// Series i's colour (the palette repeats after eight).
inline QColor series(int i)
{
    const std::size_t k = std::size_t(i) % (kSeries.size() + 1);
    return k < kSeries.size() ? kSeries[k] : QGuiApplication::palette().color(QPalette::Text);
}

/// The number of categories category() tells apart.
inline constexpr int kCategories = 20;

/// Category i's colour, for up to kCategories categories (e.g. the 19 genres of MovieLens): the
/// seven Okabe–Ito colours first, then hues a golden angle apart at alternating lightness.
inline QColor category(int i)
{
    if (i >= 0 && i < int(kSeries.size()))
        return kSeries[std::size_t(i)];
    const int k = std::max(0, i - int(kSeries.size()));
    const double hue = std::fmod(0.05 + 0.381966 * k, 1.0);
    return QColor::fromHslF(float(hue), 0.62f, k % 2 ? 0.36f : 0.62f);
}

/// The stops of the sequential colour map for ordered values (popularity, mean rating): dark
/// blue-violet to yellow, increasing in lightness (the viridis map's end points and quartiles).
inline const std::array<std::pair<double, QColor>, 5> kSequentialStops{{{0.0, QColor(68, 1, 84)},
                                                                        {0.25, QColor(59, 82, 139)},
                                                                        {0.5, QColor(33, 145, 140)},
                                                                        {0.75, QColor(94, 201, 98)},
                                                                        {1.0, QColor(253, 231, 37)}}};

/// The sequential colour map at t in [0, 1] (clamped).
inline QColor sequential(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    for (std::size_t s = 1; s < kSequentialStops.size(); ++s) {
        const auto& [t1, c1] = kSequentialStops[s];
        if (t <= t1) {
            const auto& [t0, c0] = kSequentialStops[s - 1];
            const double f = (t - t0) / (t1 - t0);
            return QColor::fromRgbF(float(c0.redF() + f * (c1.redF() - c0.redF())),
                                    float(c0.greenF() + f * (c1.greenF() - c0.greenF())),
                                    float(c0.blueF() + f * (c1.blueF() - c0.blueF())));
        }
    }
    return kSequentialStops.back().second;
}

/// What is not one of the series ("other" genres, the rest of the data).
inline QColor other()
{
    return QColor(150, 150, 150);
}

} // namespace rnr::palette
