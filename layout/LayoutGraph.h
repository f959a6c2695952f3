// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

namespace EcoAtlas {

/// An undirected edge between two node indices of a LayoutGraph. `weight` (> 0, default 1)
/// scales the spring that pulls the two ends together: 2 pulls twice as hard as 1.
struct LayoutEdge
{
    int source = 0;
    int target = 0;
    double weight = 1.0;
};

/// The graph handed to ForceLayout: nodes are the indices 0 … nodeCount()-1.
/// Self-loops are ignored and parallel edges are merged (weights added) by the layout.
struct LayoutGraph
{
    QList<double>
            radii; ///< node circle radius in pixels, one per node (its size is the node count)
    QList<LayoutEdge> edges; ///< undirected edges
    QList<int> groups;       ///< empty, or one group id per node; -1 = no group. Nodes sharing an
                             ///< id (a group parent and its subsidiaries) attract each other a bit.

    /// The number of nodes (the size of `radii`).
    int nodeCount() const { return int(radii.size()); }
};

} // namespace EcoAtlas
