// SPDX-License-Identifier: MIT
#include "OverlapRemover.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace EcoAtlas::Detail {

namespace {

/// A fixed unit direction for the pair (i, j) used when two centres coincide.
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

/// A pseudo-random 32-bit value for the pair (i, j) in sweep `turn`.
std::uint32_t hashPair(int i, int j, int turn)
{
    std::uint32_t h = std::uint32_t(i) * 0x9E3779B1u ^ std::uint32_t(j) * 0x85EBCA77u
                      ^ std::uint32_t(turn) * 0xC2B2AE3Du;
    h ^= h >> 16;
    h *= 0x7FEB352Du;
    h ^= h >> 15;
    return h;
}

constexpr int PlainSweeps = 10;       ///< sweeps that push along centre lines only
constexpr double TurnAngle = 0.4;     ///< push turn (radians) in later sweeps
constexpr int RelocateEvery = 100;    ///< sweeps between moves of trapped nodes to free spots
constexpr int MaxRelocateRings = 200; ///< rings of candidate spots searched around a node

} // namespace

OverlapRemover::OverlapRemover(std::vector<double> &x,
                               std::vector<double> &y,
                               const std::vector<double> &radius,
                               const std::vector<char> &fixed,
                               double gap)
    : m_x(x)
    , m_y(y)
    , m_radius(radius)
    , m_fixed(fixed)
    , m_gap(gap)
{
    for (double r : radius)
        m_maxRadius = std::max(m_maxRadius, r);
}

void OverlapRemover::buildGrid()
{
    const int n = int(m_x.size());
    double minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0;
    if (n > 0) {
        minX = maxX = m_x[0];
        minY = maxY = m_y[0];
    }
    for (int i = 1; i < n; ++i) {
        minX = std::min(minX, m_x[i]);
        maxX = std::max(maxX, m_x[i]);
        minY = std::min(minY, m_y[i]);
        maxY = std::max(maxY, m_y[i]);
    }
    // A cell must be at least the largest conflict distance; grow it when the area is sparse so
    // that the grid never has many more cells than nodes.
    const double width = maxX - minX;
    const double height = maxY - minY;
    m_cell = std::max(
            {2.0 * m_maxRadius + m_gap, 1e-3, std::sqrt(width * height / (2.0 * n + 1.0))});
    while ((width / m_cell + 1.0) * (height / m_cell + 1.0) > 4.0 * n + 64.0)
        m_cell *= 1.5;
    m_originX = minX;
    m_originY = minY;
    m_cols = int(width / m_cell) + 1;
    m_rows = int(height / m_cell) + 1;
    const int cells = m_cols * m_rows;
    m_cellStart.assign(cells + 1, 0);
    std::vector<int> cellOf(n);
    for (int i = 0; i < n; ++i) {
        const int cx = std::min(m_cols - 1, int((m_x[i] - m_originX) / m_cell));
        const int cy = std::min(m_rows - 1, int((m_y[i] - m_originY) / m_cell));
        cellOf[i] = cy * m_cols + cx;
        ++m_cellStart[cellOf[i] + 1];
    }
    for (int c = 0; c < cells; ++c)
        m_cellStart[c + 1] += m_cellStart[c];
    m_cellNodes.resize(n);
    std::vector<int> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (int i = 0; i < n; ++i)
        m_cellNodes[fill[cellOf[i]]++] = i;
}

template<typename Visit>
void OverlapRemover::forEachNearPair(Visit &&visit) const
{
    static const int forward[4][2] = {{1, 0}, {-1, 1}, {0, 1}, {1, 1}};
    for (int cy = 0; cy < m_rows; ++cy) {
        for (int cx = 0; cx < m_cols; ++cx) {
            const int c = cy * m_cols + cx;
            for (int a = m_cellStart[c]; a < m_cellStart[c + 1]; ++a) {
                const int i = m_cellNodes[a];
                for (int b = a + 1; b < m_cellStart[c + 1]; ++b)
                    visit(i, m_cellNodes[b]);
                for (const auto &d : forward) {
                    const int nx = cx + d[0];
                    const int ny = cy + d[1];
                    if (nx < 0 || nx >= m_cols || ny >= m_rows)
                        continue;
                    const int nc = ny * m_cols + nx;
                    for (int b = m_cellStart[nc]; b < m_cellStart[nc + 1]; ++b)
                        visit(i, m_cellNodes[b]);
                }
            }
        }
    }
}

int OverlapRemover::run(int maxSweeps)
{
    int sweeps = 0;
    while (sweeps < maxSweeps) {
        ++sweeps;
        if (sweep(sweeps > PlainSweeps ? sweeps : 0) == 0)
            break;
        if (sweeps % RelocateEvery == 0)
            relocateTrapped();
    }
    return sweeps;
}

void OverlapRemover::relocateTrapped()
{
    buildGrid();
    const int n = int(m_x.size());
    std::vector<char> conflicted(n, 0);
    forEachNearPair([&](int i, int j) {
        const double need = m_radius[i] + m_radius[j] + m_gap;
        const double dx = m_x[j] - m_x[i];
        const double dy = m_y[j] - m_y[i];
        if (dx * dx + dy * dy < need * need) {
            conflicted[i] = !m_fixed[i];
            conflicted[j] = !m_fixed[j];
        }
    });
    std::vector<int> moved; // nodes no longer in the grid cell they are filed in
    const auto clear = [&](int i, double px, double py) {
        const double reach = m_radius[i] + m_maxRadius + m_gap;
        const auto col = [&](double x) {
            return std::clamp(int(std::floor((x - m_originX) / m_cell)), 0, m_cols - 1);
        };
        const auto row = [&](double y) {
            return std::clamp(int(std::floor((y - m_originY) / m_cell)), 0, m_rows - 1);
        };
        const auto conflicts = [&](int j) {
            if (j == i)
                return false;
            const double need = m_radius[i] + m_radius[j] + m_gap;
            const double dx = m_x[j] - px;
            const double dy = m_y[j] - py;
            return dx * dx + dy * dy < need * need * (1.0 + 2e-3);
        };
        for (int cy = row(py - reach); cy <= row(py + reach); ++cy) {
            for (int cx = col(px - reach); cx <= col(px + reach); ++cx) {
                const int c = cy * m_cols + cx;
                for (int a = m_cellStart[c]; a < m_cellStart[c + 1]; ++a) {
                    if (conflicts(m_cellNodes[a]))
                        return false;
                }
            }
        }
        for (int j : moved) {
            if (conflicts(j))
                return false;
        }
        return true;
    };
    for (int i = 0; i < n; ++i) {
        if (!conflicted[i])
            continue;
        // Rings of candidate spots around the node, nearest first.
        const double step = m_radius[i] + m_gap / 2 + 1e-3;
        for (int ring = 1; ring <= MaxRelocateRings; ++ring) {
            const double rho = ring * step;
            const int spots = std::max(8, int(std::ceil(6.283185307179586 * rho / step)));
            bool done = false;
            for (int s = 0; s < spots && !done; ++s) {
                const double angle = 6.283185307179586 * s / spots;
                const double px = m_x[i] + rho * std::cos(angle);
                const double py = m_y[i] + rho * std::sin(angle);
                if (clear(i, px, py)) {
                    m_x[i] = px;
                    m_y[i] = py;
                    moved.push_back(i);
                    done = true;
                }
            }
            if (done)
                break;
        }
    }
}

int OverlapRemover::sweep(int turn)
{
    buildGrid();
    int pushes = 0;
    forEachNearPair([&](int i, int j) {
        if (m_fixed[i] && m_fixed[j])
            return;
        const double need = m_radius[i] + m_radius[j] + m_gap;
        double dx = m_x[j] - m_x[i];
        double dy = m_y[j] - m_y[i];
        const double d2 = dx * dx + dy * dy;
        if (d2 >= need * need)
            return;
        double d = std::sqrt(d2);
        if (d < 1e-9) {
            pairDirection(std::min(i, j), std::max(i, j), dx, dy);
            if (i > j) {
                dx = -dx;
                dy = -dy;
            }
            d = 0.0;
        } else {
            dx /= d;
            dy /= d;
        }
        // Aim a little further than needed (0.1 % + 0.01 px) so that chains of touching nodes
        // do not creep apart by rounding-sized steps for ever.
        const double target = need * (1.0 + 1e-3) + 0.01;
        double push = target - d;
        if (turn > 0) {
            // A node squeezed between others on a line would bounce along it for ever: turn the
            // push a little to a side that varies pseudo-randomly, and lengthen it so the pair
            // still ends `target` apart: |d·u + t·u'| = target.
            const double angle = (hashPair(i, j, turn) & 1u) ? TurnAngle : -TurnAngle;
            const double c = std::cos(angle), s = std::sin(angle);
            const double tx = c * dx - s * dy;
            const double ty = s * dx + c * dy;
            dx = tx;
            dy = ty;
            push = -d * c + std::sqrt(target * target - d * d * s * s);
        }
        const double shareI = m_fixed[i] ? 0.0 : (m_fixed[j] ? 1.0 : 0.5);
        const double shareJ = 1.0 - shareI;
        m_x[i] -= dx * push * shareI;
        m_y[i] -= dy * push * shareI;
        m_x[j] += dx * push * shareJ;
        m_y[j] += dy * push * shareJ;
        ++pushes;
    });
    return pushes;
}

int OverlapRemover::countConflicts(double tolerance)
{
    buildGrid();
    int conflicts = 0;
    forEachNearPair([&](int i, int j) {
        const double need = m_radius[i] + m_radius[j] + m_gap - tolerance;
        const double dx = m_x[j] - m_x[i];
        const double dy = m_y[j] - m_y[i];
        if (dx * dx + dy * dy < need * need)
            ++conflicts;
    });
    return conflicts;
}

} // namespace EcoAtlas::Detail
