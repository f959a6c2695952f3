// SPDX-License-Identifier: MIT
#include "RegionIndex.h"

#include "Geometry.h"

#include <algorithm>
#include <cmath>

namespace EcoAtlas::SpheresDetail {

namespace {

double orient(const QPointF &a, const QPointF &b, const QPointF &c)
{
    return (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
}

bool onSegment(const QPointF &a, const QPointF &b, const QPointF &p)
{
    return std::min(a.x(), b.x()) <= p.x() && p.x() <= std::max(a.x(), b.x())
           && std::min(a.y(), b.y()) <= p.y() && p.y() <= std::max(a.y(), b.y());
}

/// True when the closed segments ab and cd share a point.
bool segmentsMeet(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &d)
{
    const double o1 = orient(a, b, c), o2 = orient(a, b, d);
    const double o3 = orient(c, d, a), o4 = orient(c, d, b);
    if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
        return true;
    return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d))
           || (o3 == 0 && onSegment(c, d, a)) || (o4 == 0 && onSegment(c, d, b));
}

/// Fills a CSR structure (start offsets, items) from (bucket, item) pairs.
void buildCsr(int buckets,
              const std::vector<std::pair<int, int>> &pairs,
              std::vector<int> &start,
              std::vector<int> &items)
{
    start.assign(size_t(buckets) + 1, 0);
    for (const auto &[bucket, item] : pairs)
        ++start[size_t(bucket) + 1];
    for (int i = 0; i < buckets; ++i)
        start[size_t(i) + 1] += start[size_t(i)];
    items.assign(pairs.size(), 0);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (const auto &[bucket, item] : pairs)
        items[size_t(fill[size_t(bucket)]++)] = item;
}

} // namespace

RegionIndex::RegionIndex(const QList<QPolygonF> &rings)
{
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool first = true;
    for (int r = 0; r < rings.size(); ++r) {
        const QPolygonF &ring = rings[r];
        const int n = int(ring.size());
        if (n < 3)
            continue;
        for (int i = 0; i < n; ++i) {
            const QPointF &a = ring[i];
            m_segments.push_back({a, ring[(i + 1) % n], r, i, n});
            if (first) {
                x0 = x1 = a.x();
                y0 = y1 = a.y();
                first = false;
            }
            x0 = std::min(x0, a.x());
            x1 = std::max(x1, a.x());
            y0 = std::min(y0, a.y());
            y1 = std::max(y1, a.y());
        }
    }
    if (m_segments.empty())
        return;
    m_bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));

    // Aim at a few segments per band / cell.
    const double total = double(m_segments.size());
    m_bandHeight = std::max(2.0, (y1 - y0) / std::max(1.0, std::sqrt(total) * 2.0));
    m_bands = int((y1 - y0) / m_bandHeight) + 1;
    std::vector<std::pair<int, int>> pairs;
    pairs.reserve(m_segments.size() * 2);
    for (int s = 0; s < int(m_segments.size()); ++s) {
        const Segment &seg = m_segments[size_t(s)];
        const int b0 = int((std::min(seg.a.y(), seg.b.y()) - y0) / m_bandHeight);
        const int b1 = int((std::max(seg.a.y(), seg.b.y()) - y0) / m_bandHeight);
        for (int b = std::max(0, b0); b <= std::min(m_bands - 1, b1); ++b)
            pairs.emplace_back(b, s);
    }
    buildCsr(m_bands, pairs, m_bandStart, m_bandItems);

    m_cell = std::max(4.0, std::sqrt((x1 - x0 + 1) * (y1 - y0 + 1) / std::max(1.0, total / 4.0)));
    m_cell = std::min(m_cell, 64.0);
    m_cols = int((x1 - x0) / m_cell) + 1;
    m_rows = int((y1 - y0) / m_cell) + 1;
    while (double(m_cols) * m_rows > 4e6) {
        m_cell *= 1.5;
        m_cols = int((x1 - x0) / m_cell) + 1;
        m_rows = int((y1 - y0) / m_cell) + 1;
    }
    pairs.clear();
    for (int s = 0; s < int(m_segments.size()); ++s) {
        const Segment &seg = m_segments[size_t(s)];
        int cx0, cy0, cx1, cy1;
        cellRange(QRectF(seg.a, seg.b).normalized(), cx0, cy0, cx1, cy1);
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx)
                pairs.emplace_back(cy * m_cols + cx, s);
    }
    buildCsr(m_cols * m_rows, pairs, m_cellStart, m_cellItems);
}

void RegionIndex::cellRange(const QRectF &box, int &x0, int &y0, int &x1, int &y1) const
{
    const auto col = [&](double x) {
        return int(std::clamp(std::floor((x - m_bounds.left()) / m_cell), 0.0, double(m_cols - 1)));
    };
    const auto row = [&](double y) {
        return int(std::clamp(std::floor((y - m_bounds.top()) / m_cell), 0.0, double(m_rows - 1)));
    };
    x0 = col(box.left());
    x1 = col(box.right());
    y0 = row(box.top());
    y1 = row(box.bottom());
}

bool RegionIndex::contains(const QPointF &p) const
{
    if (m_segments.empty() || p.y() < m_bounds.top() || p.y() > m_bounds.bottom()
        || p.x() < m_bounds.left() || p.x() > m_bounds.right())
        return false;
    const int band = std::clamp(int((p.y() - m_bounds.top()) / m_bandHeight), 0, m_bands - 1);
    bool inside = false;
    for (int k = m_bandStart[size_t(band)]; k < m_bandStart[size_t(band) + 1]; ++k) {
        const Segment &s = m_segments[size_t(m_bandItems[size_t(k)])];
        if ((s.a.y() > p.y()) != (s.b.y() > p.y())) {
            const double x = s.a.x()
                             + (p.y() - s.a.y()) * (s.b.x() - s.a.x()) / (s.b.y() - s.a.y());
            if (p.x() < x)
                inside = !inside;
        }
    }
    return inside;
}

double RegionIndex::boundaryDistance(const QPointF &p, double limit) const
{
    if (m_segments.empty())
        return limit;
    const QRectF box(p.x() - limit, p.y() - limit, 2 * limit, 2 * limit);
    if (!box.intersects(m_bounds.adjusted(-1, -1, 1, 1)))
        return limit;
    int cx0, cy0, cx1, cy1;
    cellRange(box, cx0, cy0, cx1, cy1);
    double best = limit;
    for (int cy = cy0; cy <= cy1; ++cy)
        for (int cx = cx0; cx <= cx1; ++cx) {
            const int c = cy * m_cols + cx;
            for (int k = m_cellStart[size_t(c)]; k < m_cellStart[size_t(c) + 1]; ++k) {
                const Segment &s = m_segments[size_t(m_cellItems[size_t(k)])];
                best = std::min(best, segmentDistance(p, s.a, s.b));
            }
        }
    return best;
}

bool RegionIndex::discInside(const QPointF &c, double r, double tol) const
{
    return contains(c) && boundaryDistance(c, r + 1.0) >= r - tol;
}

bool RegionIndex::discMeets(const QPointF &c, double r, double tol) const
{
    return contains(c) || boundaryDistance(c, r + 1.0) < r - tol;
}

bool RegionIndex::hasCrossings() const
{
    for (int c = 0; c + 1 < int(m_cellStart.size()); ++c) {
        const int begin = m_cellStart[size_t(c)], end = m_cellStart[size_t(c) + 1];
        for (int i = begin; i < end; ++i) {
            const Segment &s = m_segments[size_t(m_cellItems[size_t(i)])];
            for (int j = i + 1; j < end; ++j) {
                const Segment &t = m_segments[size_t(m_cellItems[size_t(j)])];
                if (s.ring == t.ring) {
                    const int d = std::abs(s.index - t.index);
                    if (d == 1 || d == s.ringSize - 1)
                        continue;
                }
                if (segmentsMeet(s.a, s.b, t.a, t.b))
                    return true;
            }
        }
    }
    return false;
}

} // namespace EcoAtlas::SpheresDetail
