// SPDX-License-Identifier: MIT
#pragma once

#include "LayoutGraph.h"

#include <QList>
#include <QPointF>

namespace EcoAtlas {

/// Force-directed layout of an undirected graph, meant for 10,000+ nodes. Layout units are pixels
/// at scale 1. The result is deterministic: the same graph, inputs and seed give bitwise-identical
/// positions (single seeded std::mt19937, fixed iteration orders).
///
/// Algorithm, per connected component (nodes of one group count as connected):
///  - multilevel scheme of Hu 2005 ("Efficient and high quality force-directed graph drawing"):
///    the graph is coarsened by heavy-edge matching (leaves of a common neighbour are paired too,
///    so hub-and-spoke graphs shrink fast), the coarsest graph is laid out from random positions
///    and each level is interpolated to the next finer one and refined;
///  - forces of Fruchterman & Reingold 1991 (attraction d²/K along edges, repulsion K²/d between
///  all
///    pairs), the repulsion approximated with a Barnes & Hut 1986 quadtree; larger nodes repel
///    more; members of a group are pulled towards the group's centre;
///  - a cooling schedule that shrinks the largest allowed move geometrically, so the last
///  iterations
///    move nodes by less than 0.5 px (no jitter);
///  - components are packed around the largest one (Freivalds, Dogrusoz & Kikusts 2002 polyomino
///    packing with bounding boxes), so disconnected parts never fly apart;
///  - a final overlap-removal pass pushes apart, pairwise and on a uniform grid, any two nodes
///  whose
///    centres are closer than r_i + r_j + gap.
///
/// Pinned nodes never move, not even during overlap removal; the rest arrange around them. A pinned
/// node needs a finite initial position.
///
/// Fresh versus incremental: a component in which no free node has a finite initial position gets
/// a fresh multilevel layout (anchored by its pinned nodes if it has any, otherwise packed). A
/// component in which some free node has a finite initial position is refined in place from those
/// positions with small moves (its unplaced nodes start next to their placed neighbours). That is
/// the interactive "relayout, keep what is pinned" mode.
class ForceLayout
{
public:
    /// Tuning knobs; lengths in pixels.
    struct Options
    {
        double idealEdgeLength = 80.0; ///< preferred centre-to-centre length of an edge, px (> 0)
        double gap = 8.0;              ///< free space kept between two node circles, px (>= 0)
        quint32 seed = 1;              ///< random seed; another seed gives another layout
        double groupAttraction = 0.5;  ///< pull towards the group centre, as a fraction of an
                                       ///< edge's pull (>= 0; 0 = off)
    };

    /// Figures about the last run(), for diagnostics and tests.
    struct Stats
    {
        int levels = 0;            ///< deepest multilevel hierarchy used (1 = no coarsening)
        int iterations = 0;        ///< force iterations summed over components and levels
        double lastMaxMove = 0.0;  ///< largest node move in the last force iteration, px
        int overlapPasses = 0;     ///< sweeps of the overlap-removal pass
        int remainingOverlaps = 0; ///< pairs still too close afterwards (only pinned-pinned pairs)
    };

    ForceLayout() = default;
    /// A layout with the given options (validated by run()).
    explicit ForceLayout(const Options &options);

    /// The options used by run().
    const Options &options() const { return m_options; }
    /// Replaces the options used by run().
    void setOptions(const Options &options) { m_options = options; }

    /// Lays out `graph` and returns one position (node centre, px) per node.
    /// `initial` is empty or holds one position per node; a non-finite entry means "no position".
    /// `pinned` is empty or holds one flag per node; pinned nodes keep their initial position
    /// exactly. Throws std::invalid_argument when a list has the wrong size, an edge names a node
    /// out of range, a radius or weight is negative, zero-weight or not finite, a pinned node lacks
    /// a finite initial position, or an option is out of range.
    QList<QPointF> run(const LayoutGraph &graph,
                       const QList<QPointF> &initial = {},
                       const QList<bool> &pinned = {});

    /// Diagnostics of the last successful run().
    const Stats &lastStats() const { return m_stats; }

    /// Normalized stress (Gansner, Koren & North 2004) of `positions` for `graph`: the mean over
    /// node pairs of ((|p_i - p_j| - d_ij) / d_ij)², where d_ij is the BFS hop distance times
    /// `idealEdgeLength` (px); 0 is perfect. Edge weights are ignored and pairs in different
    /// components are skipped. Exact (all pairs) for up to 2,000 nodes; above that it samples 200
    /// evenly spaced source nodes and all their pairs. Throws std::invalid_argument when
    /// `positions` does not have one entry per node or an edge is out of range.
    static double stress(const QList<QPointF> &positions,
                         const LayoutGraph &graph,
                         double idealEdgeLength);

    /// Scale-invariant normalized stress: stress() with the edge length L that minimizes it,
    /// min over L of mean(((|p_i - p_j| - hops_ij·L) / (hops_ij·L))²), in [0, 1]. It rates the
    /// shape of a drawing regardless of its size. Same pairs, sampling and errors as stress().
    static double scaledStress(const QList<QPointF> &positions, const LayoutGraph &graph);

    /// The number of node pairs whose centres are closer than r_i + r_j + gap (px), minus a
    /// 1e-6 px tolerance. Uses a uniform grid (near-linear time). Throws std::invalid_argument
    /// when `positions` and `radii` differ in size.
    static int countOverlaps(const QList<QPointF> &positions,
                             const QList<double> &radii,
                             double gap);

private:
    Options m_options;
    Stats m_stats;
};

} // namespace EcoAtlas
