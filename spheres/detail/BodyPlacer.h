// SPDX-License-Identifier: MIT
#pragma once

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <unordered_map>
#include <vector>

namespace EcoAtlas::SpheresDetail {

/// Something placed on the sphere map: a client (mark disc plus optional label rectangle) or an
/// owner label (rectangle). Coordinates in px.
struct Body
{
    bool isClient = true;
    int index = -1;    ///< client index, or owner index for an owner label
    int group = -1;    ///< clients: id of the owner set; owner labels: -1
    QPointF center;    ///< mark centre (clients) or label centre (owner labels)
    double radius = 0; ///< mark radius (clients)
    QRectF label;      ///< label rectangle; null = none
};

/// Clearances (px) between bodies that keep the later region construction possible.
struct PlacementRules
{
    double sameGap = 3;      ///< between marks of clients with the same owner set
    double diffGap = 16;     ///< between marks with different owner sets, and between a mark and
                             ///< the label of an owner it does not belong to
    double memberGap = 3;    ///< between a mark and the label of one of its owners
    double labelPadding = 2; ///< between a label and another label or mark
    double ownerLabelPadding = 6; ///< between two owner labels
    double labelGap = 3;          ///< between a mark and its own label
};

/// Greedy, order-dependent placement of bodies without overlap: each body goes to the free spot
/// nearest its aim, found by a spiral search (as in tag-cloud layouts, Feinberg's Wordle) with a
/// step that grows with the distance. A hash grid keeps the collision test local. The result
/// is deterministic for a given order.
class BodyPlacer
{
public:
    /// `membership(client, owner)` must be answerable through `ownersOf[client]` (sorted).
    BodyPlacer(const PlacementRules &rules, const std::vector<std::vector<int>> &ownersOf);

    /// True when `body` keeps every clearance to every placed body.
    bool fits(const Body &body) const;
    /// Records `body` as placed.
    void add(const Body &body);
    /// Places a client of mark radius `radius` and label size `labelSize` (empty = no label) at
    /// the free spot nearest `aim`, trying at each spot the label offsets in `labelOffsets`
    /// (label top-left relative to the mark centre; empty = right, then left). Spots closer to
    /// `aim` than `startRadius` are skipped (a speed-up when a cluster is known to be full
    /// there). Adds and returns it; `*foundRadius`, if given, receives its distance from `aim`.
    Body placeClient(int client,
                     int group,
                     const QPointF &aim,
                     double radius,
                     const QSizeF &labelSize,
                     QList<QPointF> labelOffsets = {},
                     double startRadius = 0,
                     double *foundRadius = nullptr);
    /// Places the label of owner `owner` (size `size`, non-empty) centred as near `aim` as
    /// possible. Adds and returns it.
    Body placeOwnerLabel(int owner, const QPointF &aim, const QSizeF &size);
    /// The default label offsets (right, then left of the mark).
    QList<QPointF> defaultLabelOffsets(double radius, const QSizeF &labelSize) const;
    const std::vector<Body> &bodies() const { return m_bodies; }

private:
    bool isMember(int client, int owner) const;
    bool compatible(const Body &a, const Body &b) const;
    QRectF extent(const Body &b) const;
    template<typename F>
    void forCells(const QRectF &box, F &&f) const;

    PlacementRules m_rules;
    const std::vector<std::vector<int>> &m_ownersOf;
    double m_maxClearance = 0;
    double m_cell = 32;
    std::vector<Body> m_bodies;
    std::unordered_map<qint64, std::vector<int>> m_grid;
};

} // namespace EcoAtlas::SpheresDetail
