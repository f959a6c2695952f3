// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace EcoAtlas::SpheresDetail {

/// A disc (client mark), px.
struct Disc
{
    QPointF center;
    double radius = 0;
};

/// What one owner's region must cover and avoid, and how to draw it. Lengths in px.
struct RegionRequest
{
    std::vector<Disc> members; ///< must lie fully inside
    QRectF anchorRect;         ///< the owner's label: covered too (null = none)
    std::vector<Disc> others;  ///< must not meet the region
    QRectF extent;             ///< area the region may use (grid extent); must hold the above
    double step = 3;           ///< grid step h
    double forceRadius = 6;    ///< vertices this close to a disc (beyond its radius) are clamped
                               ///< to its side; >= h·√2 for the guarantee
    double memberReach = 30;
    double nonMemberReach = 24;
    double edgeReach = 18;
    int smoothingPasses = 2;
};

/// The region of one owner and how it was obtained.
struct RegionResult
{
    QList<QPolygonF> rings; ///< even–odd rings
    int smoothingLevel = 0; ///< Chaikin passes kept (may be below the request)
    bool smoothingFellBack = false;
    int unroutedLinks = 0; ///< member links without a corridor
    int conflicts = 0;     ///< grid vertices that had to be both in and out (0 when the
                           ///< placement kept its gaps)
    bool valid = false;    ///< the final rings passed the member / non-member / simplicity checks
};

/// Builds one owner's region, after Bubble Sets (Collins, Penn & Carpendale 2009):
///  - energy on a grid of step h: Σ over members of (1 − d/R)² (d = distance to the mark,
///    R = memberReach), plus corridors along the links of a Euclidean minimum spanning tree of
///    the members (straight when clear, otherwise routed with A* on the grid around
///    non-members), minus 0.8 Σ over non-members of (1 − d/R')²; iso-level 0.5;
///  - vertices within forceRadius of a member disc, the owner label or a corridor are clamped
///    above the iso-level, those within forceRadius of a non-member below it; since a
///    marching-squares contour never enters a cell whose four corners share a sign, each member
///    disc ends up inside and each non-member disc outside;
///  - islands with no clamped-inside vertex are dropped and small holes with no clamped-outside
///    vertex filled (flood fill on the grid);
///  - marching squares (saddles resolved by the cell-centre average) with linear interpolation,
///    then Chaikin smoothing and Douglas–Peucker simplification, verified and relaxed on failure.
RegionResult buildRegion(const RegionRequest &request);

} // namespace EcoAtlas::SpheresDetail
