// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace EcoAtlas::Detail {

/// Internal. Quadtree over weighted points for approximating all-pairs repulsion in
/// O(n log n) (Barnes & Hut 1986, "A hierarchical O(N log N) force-calculation algorithm").
/// Cells hold the charge-weighted centre of mass; leaves hold up to a few points that are summed
/// exactly. Deterministic: a given input always yields the same tree and the same sums.
class BarnesHutTree
{
public:
    /// Builds the tree over points (x[i], y[i]) with charges q[i] > 0.
    void build(const std::vector<double> &x,
               const std::vector<double> &y,
               const std::vector<double> &q);

    /// Adds to (fx[i], fy[i]) the repulsion q_i Σ_j q_j · strength · (p_i − p_j) / |p_i − p_j|²
    /// (Fruchterman–Reingold repulsion K²/d when strength = K²) for every point i with
    /// skip[i] == 0. A cell of width s at distance d is treated as one point when s < theta · d.
    /// Coincident points push each other apart in a fixed pseudo-random direction. Large inputs
    /// are split over the hardware threads; every sum is still computed in one fixed order, so
    /// the result does not depend on the number of threads.
    void addRepulsion(double strength,
                      double theta,
                      const std::vector<char> &skip,
                      std::vector<double> &fx,
                      std::vector<double> &fy) const;

private:
    struct Cell
    {
        double comX = 0.0;
        double comY = 0.0;
        double charge = 0.0;
        double x0 = 0.0;
        double y0 = 0.0;
        double size = 0.0;
        int first = 0; ///< first point (tree order) of this cell
        int count = 0; ///< number of points in this cell
        int child[4] = {-1, -1, -1, -1};
        bool leaf = true;
    };

    struct Point
    {
        double x;
        double y;
        double q;
        int index; ///< the caller's point index
    };

    int buildCell(int first, int count, double x0, double y0, double size, int depth);
    void forceOn(int k, double theta2, double &outX, double &outY) const;

    std::vector<Cell> m_cells;
    std::vector<Point> m_points; ///< points in tree order (each cell's points are contiguous)
};

} // namespace EcoAtlas::Detail
