// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace EcoAtlas::SpheresDetail {

/// Fast geometric queries on a region given as closed rings combined with the even–odd rule:
/// point containment (ray casting, Shimrat 1962, over horizontal bands), distance from a point
/// to the boundary and ring crossings (both over a uniform grid of segments). Lengths in px.
class RegionIndex
{
public:
    /// Indexes `rings` (closed implicitly; rings with fewer than 3 points are ignored).
    explicit RegionIndex(const QList<QPolygonF> &rings);

    /// True when `p` is inside an odd number of rings.
    bool contains(const QPointF &p) const;
    /// Distance from `p` to the nearest boundary segment, or `limit` if none is nearer.
    double boundaryDistance(const QPointF &p, double limit) const;
    /// True when the disc (c, r) lies fully in the region (boundary contact within `tol` allowed).
    bool discInside(const QPointF &c, double r, double tol = 1e-6) const;
    /// True when the disc (c, r) shares area with the region (contact within `tol` ignored).
    bool discMeets(const QPointF &c, double r, double tol = 1e-6) const;
    /// True when two boundary segments that are not neighbours on one ring touch or cross, i.e.
    /// the rings are not simple and pairwise disjoint.
    bool hasCrossings() const;
    /// Bounding box of all rings (null when empty).
    QRectF bounds() const { return m_bounds; }
    bool isEmpty() const { return m_segments.empty(); }

private:
    struct Segment
    {
        QPointF a, b;
        int ring;
        int index;    ///< position in its ring
        int ringSize; ///< points in its ring
    };
    void cellRange(const QRectF &box, int &x0, int &y0, int &x1, int &y1) const;

    std::vector<Segment> m_segments;
    QRectF m_bounds;
    // Horizontal bands for ray casting (CSR layout).
    double m_bandHeight = 16.0;
    int m_bands = 0;
    std::vector<int> m_bandStart, m_bandItems;
    // Uniform grid of segments (CSR layout).
    double m_cell = 16.0;
    int m_cols = 0, m_rows = 0;
    std::vector<int> m_cellStart, m_cellItems;
};

} // namespace EcoAtlas::SpheresDetail
