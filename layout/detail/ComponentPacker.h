// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace EcoAtlas::Detail {

/// Internal. An axis-aligned box, px.
struct PackBox
{
    double minX = 0.0;
    double minY = 0.0;
    double maxX = 0.0;
    double maxY = 0.0;
};

/// Internal. Packs the boxes of disconnected components close together: the polyomino packing of
/// Freivalds, Dogrusoz & Kikusts 2002 ("Disconnected graph layout and the polyomino packing
/// approach") with each component approximated by its bounding box. Boxes are placed largest
/// first, each at the free grid position nearest to the centre (spiral search), around the
/// `anchored` boxes which do not move.
class ComponentPacker
{
public:
    /// `cell` is the grid step and `margin` the space kept between two boxes, px (both > 0).
    ComponentPacker(double cell, double margin);

    /// Returns per box of `boxes` the translation (dx, dy) that places it.
    std::vector<std::pair<double, double>> pack(const std::vector<PackBox> &boxes,
                                                const std::vector<PackBox> &anchored);

private:
    const std::vector<std::pair<int, int>> &ring(int r);

    double m_cell;
    double m_margin;
    std::vector<std::vector<std::pair<int, int>>> m_rings;
};

} // namespace EcoAtlas::Detail
