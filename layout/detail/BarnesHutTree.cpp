// SPDX-License-Identifier: MIT
#include "BarnesHutTree.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <thread>

namespace EcoAtlas::Detail {

namespace {

constexpr int LeafSize = 8;
constexpr int MaxDepth = 40;
constexpr double CoincidentDistance2 = 1e-8;
constexpr int ParallelThreshold = 1500; ///< points below which one thread is faster

int threadCount()
{
    static const int count = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    return count;
}

/// A fixed unit direction for the pair (i, j), i < j, used to separate coincident points.
void pairDirection(int i, int j, double &dx, double &dy)
{
    std::uint32_t h = std::uint32_t(i) * 0x9E3779B1u
                      ^ (std::uint32_t(j) + 0x7F4A7C15u) * 0x85EBCA77u;
    h ^= h >> 15;
    h *= 0x2C1B3C6Du;
    h ^= h >> 12;
    const double angle = double(h % 62832u) / 10000.0;
    dx = std::cos(angle);
    dy = std::sin(angle);
}

} // namespace

void BarnesHutTree::build(const std::vector<double> &x,
                          const std::vector<double> &y,
                          const std::vector<double> &q)
{
    const int n = int(x.size());
    m_cells.clear();
    m_points.resize(n);
    if (n == 0)
        return;
    double minX = x[0], maxX = x[0], minY = y[0], maxY = y[0];
    for (int i = 0; i < n; ++i) {
        m_points[i] = {x[i], y[i], q[i], i};
        minX = std::min(minX, x[i]);
        maxX = std::max(maxX, x[i]);
        minY = std::min(minY, y[i]);
        maxY = std::max(maxY, y[i]);
    }
    const double size = std::max({maxX - minX, maxY - minY, 1e-6}) * (1.0 + 1e-9) + 1e-9;
    m_cells.reserve(size_t(n) / 2 + 16);
    buildCell(0, n, minX, minY, size, 0);
    // Centres of mass, children before parents (children have larger indices).
    for (int c = int(m_cells.size()) - 1; c >= 0; --c) {
        Cell &cell = m_cells[c];
        double sx = 0.0, sy = 0.0, sq = 0.0;
        if (cell.leaf) {
            for (int k = cell.first; k < cell.first + cell.count; ++k) {
                const Point &p = m_points[k];
                sx += p.x * p.q;
                sy += p.y * p.q;
                sq += p.q;
            }
        } else {
            for (int ch : cell.child) {
                if (ch < 0)
                    continue;
                const Cell &sub = m_cells[ch];
                sx += sub.comX * sub.charge;
                sy += sub.comY * sub.charge;
                sq += sub.charge;
            }
        }
        cell.charge = sq;
        cell.comX = sq > 0.0 ? sx / sq : cell.x0 + cell.size / 2;
        cell.comY = sq > 0.0 ? sy / sq : cell.y0 + cell.size / 2;
    }
}

int BarnesHutTree::buildCell(int first, int count, double x0, double y0, double size, int depth)
{
    const int c = int(m_cells.size());
    m_cells.push_back(Cell{});
    m_cells[c].first = first;
    m_cells[c].count = count;
    m_cells[c].x0 = x0;
    m_cells[c].y0 = y0;
    m_cells[c].size = size;
    if (count <= LeafSize || depth >= MaxDepth)
        return c;
    m_cells[c].leaf = false;
    const double half = size / 2;
    const double mx = x0 + half;
    const double my = y0 + half;
    Point *begin = m_points.data() + first;
    Point *end = begin + count;
    Point *midY = std::partition(begin, end, [my](const Point &p) { return p.y < my; });
    Point *lowMidX = std::partition(begin, midY, [mx](const Point &p) { return p.x < mx; });
    Point *highMidX = std::partition(midY, end, [mx](const Point &p) { return p.x < mx; });
    const int bounds[5] = {first,
                           first + int(lowMidX - begin),
                           first + int(midY - begin),
                           first + int(highMidX - begin),
                           first + count};
    for (int quadrant = 0; quadrant < 4; ++quadrant) {
        const int n = bounds[quadrant + 1] - bounds[quadrant];
        if (n == 0)
            continue;
        const double cx = (quadrant & 1) ? mx : x0;
        const double cy = (quadrant & 2) ? my : y0;
        const int child = buildCell(bounds[quadrant], n, cx, cy, half, depth + 1);
        m_cells[c].child[quadrant] = child;
    }
    return c;
}

void BarnesHutTree::forceOn(int k, double theta2, double &outX, double &outY) const
{
    const double px = m_points[k].x;
    const double py = m_points[k].y;
    const int self = m_points[k].index;
    double fx = 0.0, fy = 0.0;
    int stack[4 * MaxDepth + 8];
    int sp = 0;
    stack[sp++] = 0;
    while (sp > 0) {
        const Cell &cell = m_cells[stack[--sp]];
        const double dx = px - cell.comX;
        const double dy = py - cell.comY;
        const double d2 = dx * dx + dy * dy;
        const bool inside = px >= cell.x0 && px <= cell.x0 + cell.size && py >= cell.y0
                            && py <= cell.y0 + cell.size;
        if (!inside && cell.size * cell.size < theta2 * d2) {
            const double f = cell.charge / d2;
            fx += f * dx;
            fy += f * dy;
        } else if (cell.leaf) {
            for (int j = cell.first; j < cell.first + cell.count; ++j) {
                if (j == k)
                    continue;
                const Point &other = m_points[j];
                double ex = px - other.x;
                double ey = py - other.y;
                double e2 = ex * ex + ey * ey;
                if (e2 < CoincidentDistance2) {
                    pairDirection(std::min(self, other.index), std::max(self, other.index), ex, ey);
                    if (self > other.index) {
                        ex = -ex;
                        ey = -ey;
                    }
                    ex *= 1e-4;
                    ey *= 1e-4;
                    e2 = CoincidentDistance2;
                }
                const double f = other.q / e2;
                fx += f * ex;
                fy += f * ey;
            }
        } else {
            for (int ch : cell.child) {
                if (ch >= 0)
                    stack[sp++] = ch;
            }
        }
    }
    outX = fx;
    outY = fy;
}

void BarnesHutTree::addRepulsion(double strength,
                                 double theta,
                                 const std::vector<char> &skip,
                                 std::vector<double> &fx,
                                 std::vector<double> &fy) const
{
    const int n = int(m_points.size());
    const double theta2 = theta * theta;
    // Each point's sum is computed on its own, in a fixed order, so splitting the points among
    // threads cannot change any result.
    const auto work = [&](int begin, int end) {
        for (int k = begin; k < end; ++k) {
            const int i = m_points[k].index;
            if (skip[i])
                continue;
            double sx = 0.0, sy = 0.0;
            forceOn(k, theta2, sx, sy);
            fx[i] += m_points[k].q * strength * sx;
            fy[i] += m_points[k].q * strength * sy;
        }
    };
    const int threads = n >= ParallelThreshold ? threadCount() : 1;
    if (threads <= 1) {
        work(0, n);
        return;
    }
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(
                work, int((long long)n * t / threads), int((long long)n * (t + 1) / threads));
    work(0, n / threads);
    for (std::thread &th : pool)
        th.join();
}

} // namespace EcoAtlas::Detail
