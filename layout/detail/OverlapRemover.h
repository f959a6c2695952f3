// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace EcoAtlas::Detail {

/// Internal. Removes circle overlaps by repeated pairwise pushes: each sweep buckets the nodes in a
/// uniform grid (cell ≥ 2·r_max + gap, so every conflicting pair lies in neighbouring cells) and
/// moves the two nodes of each conflicting pair apart along their centre line until their centres
/// are r_i + r_j + gap apart (half each; all of it on the free node when the other is fixed).
/// Sweeps repeat until one finds no conflict; pairs of fixed nodes are left alone. Every 100
/// sweeps, free nodes still in conflict (typically trapped between fixed ones) jump to the
/// nearest spot that is free. In the spirit of PRISM (Gansner & Hu 2010) but with
/// direct pushes instead of a stress model, which keeps the moves local and small.
class OverlapRemover
{
public:
    /// `x`, `y`, `radius` and `fixed` have one entry per node; `gap` ≥ 0 px.
    OverlapRemover(std::vector<double> &x,
                   std::vector<double> &y,
                   const std::vector<double> &radius,
                   const std::vector<char> &fixed,
                   double gap);

    /// Runs sweeps until no pair conflicts or `maxSweeps` sweeps ran. Returns the sweeps run.
    int run(int maxSweeps);

    /// One sweep; returns the number of pairs pushed apart. With `turn` > 0 every push is turned
    /// by ±0.4 rad (sign from a hash of the pair and `turn`), which frees nodes squeezed on a
    /// line between others; run() does so after its first ten sweeps.
    int sweep(int turn = 0);

    /// Pairs whose centres are closer than r_i + r_j + gap − tolerance (px).
    int countConflicts(double tolerance);

private:
    /// Moves every free node that still conflicts to the nearest spot (on rings around it)
    /// where it conflicts with nothing: frees nodes trapped between fixed ones.
    void relocateTrapped();
    void buildGrid();
    template<typename Visit>
    void forEachNearPair(Visit &&visit) const;

    std::vector<double> &m_x;
    std::vector<double> &m_y;
    const std::vector<double> &m_radius;
    const std::vector<char> &m_fixed;
    double m_gap = 0.0;
    double m_maxRadius = 0.0;
    // Grid in CSR form.
    double m_cell = 1.0;
    double m_originX = 0.0;
    double m_originY = 0.0;
    int m_cols = 1;
    int m_rows = 1;
    std::vector<int> m_cellStart;
    std::vector<int> m_cellNodes;
};

} // namespace EcoAtlas::Detail
