// SPDX-License-Identifier: MIT
#include "ComponentPacker.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace EcoAtlas::Detail {

ComponentPacker::ComponentPacker(double cell, double margin)
    : m_cell(cell)
    , m_margin(margin)
{}

const std::vector<std::pair<int, int>> &ComponentPacker::ring(int r)
{
    while (int(m_rings.size()) <= r) {
        const int k = int(m_rings.size());
        std::vector<std::pair<int, int>> cells;
        if (k == 0) {
            cells.emplace_back(0, 0);
        } else {
            for (int d = -k; d <= k; ++d) {
                cells.emplace_back(d, -k);
                cells.emplace_back(d, k);
            }
            for (int d = -k + 1; d <= k - 1; ++d) {
                cells.emplace_back(-k, d);
                cells.emplace_back(k, d);
            }
            std::stable_sort(cells.begin(), cells.end(), [](const auto &a, const auto &b) {
                return a.first * a.first + a.second * a.second
                       < b.first * b.first + b.second * b.second;
            });
        }
        m_rings.push_back(std::move(cells));
    }
    return m_rings[r];
}

std::vector<std::pair<double, double>> ComponentPacker::pack(const std::vector<PackBox> &boxes,
                                                             const std::vector<PackBox> &anchored)
{
    std::vector<std::pair<double, double>> shift(boxes.size(), {0.0, 0.0});
    if (boxes.empty())
        return shift;
    const double s = m_cell;
    const double half = m_margin / 2;
    std::vector<int> wc(boxes.size()), hc(boxes.size());
    double cellsNeeded = 0.0;
    int largest = 1;
    for (size_t b = 0; b < boxes.size(); ++b) {
        wc[b] = std::max(1, int(std::ceil((boxes[b].maxX - boxes[b].minX + m_margin) / s)));
        hc[b] = std::max(1, int(std::ceil((boxes[b].maxY - boxes[b].minY + m_margin) / s)));
        cellsNeeded += double(wc[b]) * hc[b];
        largest = std::max({largest, wc[b], hc[b]});
    }
    // Centre of the packing: the middle of the anchored boxes, else the origin.
    double centreX = 0.0, centreY = 0.0;
    double allMaxX = -1e300;
    if (!anchored.empty()) {
        PackBox u = anchored.front();
        for (const PackBox &a : anchored) {
            u.minX = std::min(u.minX, a.minX);
            u.minY = std::min(u.minY, a.minY);
            u.maxX = std::max(u.maxX, a.maxX);
            u.maxY = std::max(u.maxY, a.maxY);
        }
        centreX = (u.minX + u.maxX) / 2;
        centreY = (u.minY + u.maxY) / 2;
        allMaxX = u.maxX;
    }
    const int side = 2 * int(std::ceil(std::sqrt(4.0 * cellsNeeded))) + 2 * largest + 4;
    const double originX = centreX - side / 2 * s;
    const double originY = centreY - side / 2 * s;
    std::vector<char> used(size_t(side) * side, 0);
    const auto mark = [&](double minX, double minY, double maxX, double maxY) {
        const int x0 = std::max(0, int(std::floor((minX - originX) / s)));
        const int y0 = std::max(0, int(std::floor((minY - originY) / s)));
        const int x1 = std::min(side - 1, int(std::floor((maxX - originX) / s)));
        const int y1 = std::min(side - 1, int(std::floor((maxY - originY) / s)));
        for (int yy = y0; yy <= y1; ++yy) {
            for (int xx = x0; xx <= x1; ++xx)
                used[size_t(yy) * side + xx] = 1;
        }
    };
    for (const PackBox &a : anchored) {
        if (a.maxX - originX < 0 || a.maxY - originY < 0 || a.minX - originX > side * s
            || a.minY - originY > side * s)
            continue;
        mark(a.minX - half, a.minY - half, a.maxX + half, a.maxY + half);
    }

    std::vector<int> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return double(wc[a]) * hc[a] > double(wc[b]) * hc[b];
    });
    const auto fits = [&](int ox, int oy, int w, int h) {
        if (ox < 0 || oy < 0 || ox + w > side || oy + h > side)
            return false;
        for (int yy = oy; yy < oy + h; ++yy) {
            const char *row = used.data() + size_t(yy) * side;
            for (int xx = ox; xx < ox + w; ++xx) {
                if (row[xx])
                    return false;
            }
        }
        return true;
    };
    std::map<std::pair<int, int>, std::pair<int, int>> resume; // shape → (ring, index) to resume
    for (int b : order) {
        const PackBox &box = boxes[b];
        const int w = wc[b];
        const int h = hc[b];
        const int baseX = side / 2 - w / 2;
        const int baseY = side / 2 - h / 2;
        bool placed = false;
        // Every spot tried for an earlier box of the same shape was taken then and still is:
        // resume the search where that box was placed.
        auto &[startRing, startIndex] = resume[{w, h}];
        for (int r = startRing; r <= side / 2 && !placed; ++r) {
            const std::vector<std::pair<int, int>> &candidates = ring(r);
            for (int c = r == startRing ? startIndex : 0; c < int(candidates.size()); ++c) {
                const auto [dx, dy] = candidates[c];
                if (!fits(baseX + dx, baseY + dy, w, h))
                    continue;
                startRing = r;
                startIndex = c;
                const int ox = baseX + dx;
                const int oy = baseY + dy;
                for (int yy = oy; yy < oy + h; ++yy)
                    std::fill_n(used.data() + size_t(yy) * side + ox, w, char(1));
                // Centre the box within its cells.
                const double cellMinX = originX + ox * s;
                const double cellMinY = originY + oy * s;
                const double boxW = box.maxX - box.minX;
                const double boxH = box.maxY - box.minY;
                shift[b] = {cellMinX + (w * s - boxW) / 2 - box.minX,
                            cellMinY + (h * s - boxH) / 2 - box.minY};
                placed = true;
                break;
            }
        }
        if (!placed) {
            // The grid is full (anchored boxes cover it): put the box right of everything.
            shift[b] = {allMaxX + m_margin - box.minX, centreY - (box.minY + box.maxY) / 2};
            mark(box.minX + shift[b].first - half,
                 box.minY + shift[b].second - half,
                 box.maxX + shift[b].first + half,
                 box.maxY + shift[b].second + half);
        }
        allMaxX = std::max(allMaxX, box.maxX + shift[b].first);
    }
    return shift;
}

} // namespace EcoAtlas::Detail
