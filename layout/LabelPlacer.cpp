// SPDX-License-Identifier: MIT
#include "LabelPlacer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace EcoAtlas {

namespace {

struct Box
{
    double x0, y0, x1, y1;
};

/// True when the open rectangle `b` and the open disc (cx, cy, r) share a point.
bool boxHitsCircle(const Box &b, double cx, double cy, double r)
{
    const double dx = std::max({b.x0 - cx, 0.0, cx - b.x1});
    const double dy = std::max({b.y0 - cy, 0.0, cy - b.y1});
    return dx * dx + dy * dy < r * r;
}

/// Distance from rectangle `b` to the circle (cx, cy, r); 0 when they touch or overlap.
double boxCircleDistance(const Box &b, double cx, double cy, double r)
{
    const double dx = std::max({b.x0 - cx, 0.0, cx - b.x1});
    const double dy = std::max({b.y0 - cy, 0.0, cy - b.y1});
    return std::max(0.0, std::sqrt(dx * dx + dy * dy) - r);
}

/// True when two rectangles share interior area (touching edges do not count).
bool boxesOverlap(const Box &a, const Box &b)
{
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/// Uniform grid over a rectangle; items outside it are filed in the nearest border cell.
class Grid
{
public:
    Grid(const Box &extent, double cell, int maxCells)
        : m_extent(extent)
    {
        const double w = std::max(extent.x1 - extent.x0, 1.0);
        const double h = std::max(extent.y1 - extent.y0, 1.0);
        m_cell = std::max(cell, 1.0);
        while ((w / m_cell + 1) * (h / m_cell + 1) > maxCells)
            m_cell *= 1.5;
        m_cols = int(w / m_cell) + 1;
        m_rows = int(h / m_cell) + 1;
    }
    int cells() const { return m_cols * m_rows; }
    /// Cell range [cx0, cx1] × [cy0, cy1] covering `b`.
    void range(const Box &b, int &cx0, int &cy0, int &cx1, int &cy1) const
    {
        cx0 = clampCol(b.x0);
        cx1 = clampCol(b.x1);
        cy0 = clampRow(b.y0);
        cy1 = clampRow(b.y1);
    }
    int index(int cx, int cy) const { return cy * m_cols + cx; }

private:
    int clampCol(double x) const
    {
        const double c = std::floor((x - m_extent.x0) / m_cell);
        return int(std::clamp(c, 0.0, double(m_cols - 1)));
    }
    int clampRow(double y) const
    {
        const double c = std::floor((y - m_extent.y0) / m_cell);
        return int(std::clamp(c, 0.0, double(m_rows - 1)));
    }

    Box m_extent;
    double m_cell = 1.0;
    int m_cols = 1;
    int m_rows = 1;
};

} // namespace

LabelPlacer::LabelPlacer(const Options &options)
    : m_options(options)
{}

QList<LabelPlacer::Placement> LabelPlacer::place(const QList<QPointF> &positions,
                                                 const QList<double> &radii,
                                                 const QList<Label> &labels,
                                                 const QRectF &canvas) const
{
    const Options &o = m_options;
    if (!(std::isfinite(o.distance) && o.distance >= 0.0))
        throw std::invalid_argument("LabelPlacer: distance must be finite and >= 0");
    if (!(std::isfinite(o.ringStep) && o.ringStep > 0.0))
        throw std::invalid_argument("LabelPlacer: ringStep must be finite and > 0");
    if (o.rings < 1)
        throw std::invalid_argument("LabelPlacer: rings must be >= 1");
    if (!(std::isfinite(o.padding) && o.padding >= 0.0))
        throw std::invalid_argument("LabelPlacer: padding must be finite and >= 0");
    if (positions.size() != radii.size())
        throw std::invalid_argument("LabelPlacer: positions and radii differ in size");
    const int n = int(positions.size());
    for (const Label &l : labels) {
        if (l.node < 0 || l.node >= n)
            throw std::invalid_argument("LabelPlacer: a label names a node out of range");
    }
    QList<Placement> result(labels.size());
    if (labels.isEmpty())
        return result;

    // Nodes that take part: finite centre and radius.
    std::vector<char> usable(n, 0);
    Box extent{1e300, 1e300, -1e300, -1e300};
    double maxRadius = 0.0;
    for (int i = 0; i < n; ++i) {
        const QPointF p = positions[i];
        const double r = radii[i];
        if (!(std::isfinite(p.x()) && std::isfinite(p.y()) && std::isfinite(r)))
            continue;
        usable[i] = 1;
        const double rr = std::max(r, 0.0);
        maxRadius = std::max(maxRadius, rr);
        extent.x0 = std::min(extent.x0, p.x() - rr);
        extent.y0 = std::min(extent.y0, p.y() - rr);
        extent.x1 = std::max(extent.x1, p.x() + rr);
        extent.y1 = std::max(extent.y1, p.y() + rr);
    }
    double sumW = 0.0, sumH = 0.0, maxW = 0.0, maxH = 0.0;
    int sized = 0;
    for (const Label &l : labels) {
        const double w = l.size.width(), h = l.size.height();
        if (std::isfinite(w) && std::isfinite(h) && w > 0 && h > 0) {
            sumW += w;
            sumH += h;
            maxW = std::max(maxW, w);
            maxH = std::max(maxH, h);
            ++sized;
        }
    }
    if (extent.x0 > extent.x1 || sized == 0)
        return result;
    const double reach = o.distance + (o.rings - 1) * o.ringStep + std::max(maxW, maxH) + o.padding;
    extent = {extent.x0 - reach, extent.y0 - reach, extent.x1 + reach, extent.y1 + reach};
    const double cellSize = std::max({sumW / sized, sumH / sized, 2.0 * maxRadius / 4.0, 1.0});
    const Grid grid(extent, cellSize, 4 * (n + int(labels.size())) + 64);

    // Node circles in CSR form (static).
    std::vector<int> circleStart(grid.cells() + 1, 0);
    std::vector<int> circleNodes;
    {
        std::vector<Box> boxes(n);
        const auto circleBox = [&](int i) {
            const double r = std::max(radii[i], 0.0) + o.padding;
            return Box{positions[i].x() - r,
                       positions[i].y() - r,
                       positions[i].x() + r,
                       positions[i].y() + r};
        };
        for (int pass = 0; pass < 2; ++pass) {
            std::vector<int> fill;
            if (pass == 1) {
                for (int c = 0; c < grid.cells(); ++c)
                    circleStart[c + 1] += circleStart[c];
                circleNodes.resize(circleStart.back());
                fill.assign(circleStart.begin(), circleStart.end() - 1);
            }
            for (int i = 0; i < n; ++i) {
                if (!usable[i])
                    continue;
                int cx0, cy0, cx1, cy1;
                grid.range(circleBox(i), cx0, cy0, cx1, cy1);
                for (int cy = cy0; cy <= cy1; ++cy) {
                    for (int cx = cx0; cx <= cx1; ++cx) {
                        if (pass == 0)
                            ++circleStart[grid.index(cx, cy) + 1];
                        else
                            circleNodes[fill[grid.index(cx, cy)]++] = i;
                    }
                }
            }
        }
    }
    // Placed labels: a linked list per cell (grows as labels are placed).
    std::vector<int> labelHead(grid.cells(), -1);
    std::vector<int> entryNext;
    std::vector<int> entryLabel;
    std::vector<Box> placedBox(labels.size());

    const bool clip = canvas.isValid();
    const Box canvasBox{canvas.left(), canvas.top(), canvas.right(), canvas.bottom()};
    const auto fits = [&](const Box &b, int own) {
        if (clip
            && (b.x0 < canvasBox.x0 || b.y0 < canvasBox.y0 || b.x1 > canvasBox.x1
                || b.y1 > canvasBox.y1))
            return false;
        const Box padded{b.x0 - o.padding, b.y0 - o.padding, b.x1 + o.padding, b.y1 + o.padding};
        int cx0, cy0, cx1, cy1;
        grid.range(padded, cx0, cy0, cx1, cy1);
        for (int cy = cy0; cy <= cy1; ++cy) {
            for (int cx = cx0; cx <= cx1; ++cx) {
                const int c = grid.index(cx, cy);
                for (int e = circleStart[c]; e < circleStart[c + 1]; ++e) {
                    const int i = circleNodes[e];
                    const double r = std::max(radii[i], 0.0) + (i == own ? 0.0 : o.padding);
                    if (boxHitsCircle(b, positions[i].x(), positions[i].y(), r))
                        return false;
                }
                for (int e = labelHead[c]; e >= 0; e = entryNext[e]) {
                    if (boxesOverlap(padded, placedBox[entryLabel[e]]))
                        return false;
                }
            }
        }
        if (o.ownNodeNearest) {
            // No other node may be nearer to the label than its own: look as far out as the
            // own node is (plus the largest radius, since circles are filed by their boxes).
            const double ownDistance = boxCircleDistance(
                    b, positions[own].x(), positions[own].y(), std::max(radii[own], 0.0));
            const double look = ownDistance + maxRadius + o.padding;
            grid.range(Box{b.x0 - look, b.y0 - look, b.x1 + look, b.y1 + look}, cx0, cy0, cx1, cy1);
            for (int cy = cy0; cy <= cy1; ++cy) {
                for (int cx = cx0; cx <= cx1; ++cx) {
                    const int c = grid.index(cx, cy);
                    for (int e = circleStart[c]; e < circleStart[c + 1]; ++e) {
                        const int i = circleNodes[e];
                        if (i != own
                            && boxCircleDistance(b,
                                                 positions[i].x(),
                                                 positions[i].y(),
                                                 std::max(radii[i], 0.0))
                                       < ownDistance)
                            return false;
                    }
                }
            }
        }
        return true;
    };

    std::vector<int> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    const auto key = [&](int l) {
        const double p = labels[l].priority;
        return std::isnan(p) ? -std::numeric_limits<double>::infinity() : p;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) > key(b); });

    constexpr double Diagonal = 0.7071067811865476;
    for (int l : order) {
        const Label &label = labels[l];
        const double w = label.size.width();
        const double h = label.size.height();
        if (!(std::isfinite(w) && std::isfinite(h) && w > 0 && h > 0) || !usable[label.node])
            continue;
        const double cx = positions[label.node].x();
        const double cy = positions[label.node].y();
        const double r = std::max(radii[label.node], 0.0);
        bool done = false;
        for (int ring = 0; ring < o.rings && !done; ++ring) {
            const double d = r + o.distance + ring * o.ringStep;
            const double e = d * Diagonal;
            const Box candidates[8] = {
                    {cx + d, cy - h / 2, cx + d + w, cy + h / 2}, // right
                    {cx - d - w, cy - h / 2, cx - d, cy + h / 2}, // left
                    {cx - w / 2, cy - d - h, cx + w / 2, cy - d}, // above
                    {cx - w / 2, cy + d, cx + w / 2, cy + d + h}, // below
                    {cx + e, cy - e - h, cx + e + w, cy - e},     // above-right
                    {cx + e, cy + e, cx + e + w, cy + e + h},     // below-right
                    {cx - e - w, cy - e - h, cx - e, cy - e},     // above-left
                    {cx - e - w, cy + e, cx - e, cy + e + h},     // below-left
            };
            for (const Box &b : candidates) {
                if (!fits(b, label.node))
                    continue;
                placedBox[l] = b;
                int cx0, cy0, cx1, cy1;
                grid.range(b, cx0, cy0, cx1, cy1);
                for (int gy = cy0; gy <= cy1; ++gy) {
                    for (int gx = cx0; gx <= cx1; ++gx) {
                        const int c = grid.index(gx, gy);
                        entryNext.push_back(labelHead[c]);
                        entryLabel.push_back(l);
                        labelHead[c] = int(entryLabel.size()) - 1;
                    }
                }
                result[l].placed = true;
                result[l].rect = QRectF(QPointF(b.x0, b.y0), QPointF(b.x1, b.y1));
                done = true;
                break;
            }
        }
    }
    return result;
}

} // namespace EcoAtlas
