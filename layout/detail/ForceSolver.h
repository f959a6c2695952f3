// SPDX-License-Identifier: MIT
#pragma once

#include "BarnesHutTree.h"

#include <random>
#include <vector>

namespace EcoAtlas::Detail {

/// Internal. One level of the multilevel hierarchy: a graph with positions, charges (larger =
/// repels more; a coarse node's charge is the sum of its children's) and fixed flags.
struct SolverGraph
{
    int n = 0;
    std::vector<double> x;
    std::vector<double> y;
    std::vector<double> charge;
    std::vector<char> fixed;
    std::vector<int> group; ///< dense group ids 0 … groupCount-1, or -1
    int groupCount = 0;
    std::vector<int> edgeA; ///< edges with edgeA < edgeB, sorted, no duplicates
    std::vector<int> edgeB;
    std::vector<double> edgeW;

    /// Resizes the node arrays to `count` nodes (positions 0, charge 1, free, no group).
    void resize(int count);
};

/// Internal. Force parameters shared by all levels (see ForceLayout for the model).
struct SolverParams
{
    double k = 80.0;        ///< natural spring length K, px
    double repulsion = 0.2; ///< repulsion strength = repulsion · K²
    double groupPull = 0.5; ///< weight of the virtual spring to the group centre
    double theta = 1.0;     ///< Barnes–Hut opening criterion
};

/// Internal. Fruchterman–Reingold force iterations with Barnes–Hut repulsion, and the multilevel
/// scheme of Hu 2005 on top of them.
class ForceSolver
{
public:
    explicit ForceSolver(const SolverParams &params);

    /// Runs `iterations` steps on `g`; the largest allowed move per step falls geometrically from
    /// `step0` to `step1` px. Fixed nodes stay put. Returns the largest move of the last step.
    double relax(SolverGraph &g, int iterations, double step0, double step1);

    /// Lays out `g` from scratch (positions of fixed nodes are kept): coarsens, lays out the
    /// coarsest level from random positions and refines level by level. Returns the number of
    /// levels used.
    int multilevel(SolverGraph &g, std::mt19937 &rng);

    /// Sets the repulsion strength (SolverParams::repulsion) for the following runs.
    void setRepulsion(double repulsion) { m_params.repulsion = repulsion; }

    /// Force iterations run so far by this solver.
    int iterations() const { return m_iterations; }
    /// Largest move of the last step of the last relax().
    double lastMaxMove() const { return m_lastMaxMove; }

private:
    SolverParams m_params;
    BarnesHutTree m_tree;
    std::vector<double> m_fx;
    std::vector<double> m_fy;
    std::vector<double> m_gx;
    std::vector<double> m_gy;
    std::vector<double> m_gq;
    int m_iterations = 0;
    double m_lastMaxMove = 0.0;
};

/// Internal. Builds the next coarser graph of `fine` (Hu 2005 / Walshaw 2000 style): heavy-edge
/// matching on a seeded random order, then unmatched nodes that share a neighbour (or a group,
/// for nodes without edges) are paired. Fixed nodes stay single. `parent` receives, per fine
/// node, its coarse node.
SolverGraph coarsen(const SolverGraph &fine, std::vector<int> &parent, std::mt19937 &rng);

/// Internal. Uniform integer in [0, bound) from `rng`, identical on every standard library.
inline int randomBelow(std::mt19937 &rng, int bound)
{
    return int(rng() % unsigned(bound));
}

/// Internal. Uniform double in [0, 1) from `rng`, identical on every standard library.
inline double randomUnit(std::mt19937 &rng)
{
    return double(rng()) / 4294967296.0;
}

} // namespace EcoAtlas::Detail
