// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>

#include <algorithm>
#include <cmath>

namespace EcoAtlas::SpheresDetail {

/// Euclidean distance between two points, px (plain sqrt: much faster than std::hypot).
inline double distance(const QPointF &a, const QPointF &b)
{
    const double dx = a.x() - b.x(), dy = a.y() - b.y();
    return std::sqrt(dx * dx + dy * dy);
}

/// Distance from `p` to the closed segment ab, px.
inline double segmentDistance(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0)
        t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0);
    return distance(p, QPointF(a.x() + t * dx, a.y() + t * dy));
}

} // namespace EcoAtlas::SpheresDetail
