// SPDX-License-Identifier: MIT
#pragma once

#include "LayoutGraph.h"

#include <QList>
#include <QPointF>

namespace EcoAtlas {

/// Force-directed layout of an undirected graph, made for 10,000+ nodes (about 0.3–0.5 s for
/// 10,000 nodes and 20,000 edges on two cores). Layout units are pixels at scale 1; positions are
/// node centres.
///
/// Deterministic: the same graph, inputs, options and seed give bitwise-identical positions. All
/// randomness comes from one std::mt19937 seeded with Options::seed; large graphs compute the
/// repulsion on several threads, but each node's sum is formed alone in a fixed order, so the
/// thread count never changes a result.
///
/// Algorithm, per connected component (nodes sharing a group count as connected):
///  - multilevel scheme of Hu 2005 ("Efficient and high quality force-directed graph drawing"):
///    the graph is coarsened by heavy-edge matching, with leftover nodes that share a neighbour
///    paired too (so hub-and-spoke graphs shrink fast); the coarsest graph starts from random
///    positions, and each level is interpolated to the next finer one and refined;
///  - forces of Fruchterman & Reingold 1991 (attraction w·d²/K along edges, repulsion K²/d between
///    all pairs) with the repulsion approximated by a Barnes & Hut 1986 quadtree; larger nodes
///    repel more, and members of a group are pulled towards their group's centre;
///  - a cooling schedule that shrinks the largest allowed move geometrically down to 0.2 px, so
///    the last iterations move nodes by less than 0.5 px (no jitter);
///  - the drawing is then scaled so that its median edge is idealEdgeLength long, or larger where
///    node discs would otherwise cover more than 40 % of a crowded region;
///  - components are packed around the largest one (polyomino packing with bounding boxes,
///    Freivalds, Dogrusoz & Kikusts 2002), so disconnected parts never fly apart;
///  - finally overlaps are removed: pairs whose centres are closer than r_i + r_j + gap are pushed
///    apart on a uniform grid until none is left, and a free node trapped among pinned ones jumps
///    to the nearest free spot.
///
/// Pinned nodes never move, not even during overlap removal; the others arrange around them. A
/// pinned node needs a finite initial position. Two pinned nodes that overlap stay as they are
/// (counted in Stats::remainingOverlaps).
///
/// Fresh layout or refinement, decided per component:
///  - refinement, when some free node has a finite initial position or at least half of the
///    component is pinned (a relayout, or a time step that adds a few nodes): nodes without a
///    position start next to their placed neighbours and settle while the rest holds still, then
///    all free nodes move by at most 0.2 · idealEdgeLength per step (shrinking). The drawing keeps
///    its size, and without pins any drift or turn of the whole is undone;
///  - fresh layout otherwise, as above; if some nodes are pinned, the fresh drawing is turned,
///    mirrored if that fits better, and moved onto them (Procrustes) and then refined around them.
class ForceLayout
{
public:
    /// Tuning knobs; lengths in pixels.
    struct Options
    {
        double idealEdgeLength = 80.0; ///< median centre-to-centre edge length of a fresh
                                       ///< drawing, px (> 0); crowded graphs come out larger
        double gap = 8.0;              ///< free space kept between two node circles, px (>= 0)
        quint32 seed = 1;              ///< random seed; another seed gives another layout
        double groupAttraction = 0.5;  ///< weight of a virtual edge from each group member to
                                       ///< its group's centre (>= 0; 0 = off)
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
    /// `positions` does not have one entry per node, an edge is out of range or
    /// `idealEdgeLength` is not finite and > 0.
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
