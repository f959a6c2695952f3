// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QTransform>

#include <optional>

namespace EcoAtlas {

/// Everything the sphere-of-influence layout needs, as plain values (no database). All lengths
/// are pixels of the layout's own coordinate system (y points down).
///
/// Owners are the sphere owners (by default the cloud vendors); clients are the organisations
/// tied to them. A client belongs to the owners listed in `Client::owners` (indices into
/// `owners`); a client with no owner is laid out "apart", in a strip below the map.
struct SphereInput
{
    /// A sphere owner.
    struct Owner
    {
        qint64 id = 0;    ///< caller's id (organisation id); only copied to the output
        QSizeF labelSize; ///< size of the owner's name label, px, measured by the caller;
                          ///< empty = no label
        std::optional<QPointF> fixedCenter; ///< set when the user dragged the owner: the output
                                            ///< centre is exactly this point
    };

    /// A client: a mark (disc) with a label, inside exactly the regions of its owners.
    struct Client
    {
        qint64 id = 0;       ///< caller's id; must be unique among clients
        QList<int> owners;   ///< indices into SphereInput::owners (duplicates ignored; may be
                             ///< empty = "apart")
        double radius = 6.0; ///< radius of the client's mark, px (> 0)
        QSizeF labelSize;    ///< size of the client's label, px; empty = no label
        double priority = 0; ///< higher = placed first, nearer the ideal spot
    };

    /// A previous layout of (mostly) the same owners and clients, e.g. at the previous as-of
    /// date, keyed by id. Clients that keep their owners start at (and normally stay exactly at)
    /// their previous position, shifted by the mean move of their owners' centres; owners
    /// without a fixed centre keep their previous centre. Build it with
    /// SphereGeometry::toPrevious().
    struct Previous
    {
        QMap<qint64, QPointF> clientPositions;    ///< client id → mark centre, px
        QMap<qint64, QList<qint64>> clientOwners; ///< client id → owner ids it belonged to;
                                                  ///< a missing entry counts as "unchanged"
        QMap<qint64, QRectF> clientLabels;        ///< client id → label rectangle, px
        QMap<qint64, QPointF> ownerCenters;       ///< owner id → centre, px
    };

    /// Tuning knobs, px unless noted. The defaults suit 6–20 owners and up to ~1,000 clients.
    struct Options
    {
        double gridStep = 3.0;        ///< sampling step of the region fields (0.25–50); smaller
                                      ///< = narrower gaps between groups, slower
        double sameSetGap = 3.0;      ///< free space between marks of clients with the same
                                      ///< owners (>= 0)
        double regionGap = 4.0;       ///< extra free space between marks of clients with different
                                      ///< owners, on top of what the regions need (>= 0)
        double labelGap = 3.0;        ///< space between a mark and its label (>= 0)
        double labelPadding = 2.0;    ///< clearance between labels and other labels/marks (>= 0)
        double memberReach = 30.0;    ///< how far a member's field reaches (> 0); an isolated
                                      ///< member gets a margin of about 0.29 × this
        double nonMemberReach = 24.0; ///< how far a non-member's repulsion reaches (> 0)
        double edgeReach = 18.0;      ///< reach of the field around connecting corridors (> 0)
        int smoothingPasses = 2;      ///< Chaikin corner-cutting passes on the contours (0–4)
    };

    QList<Owner> owners;
    QList<Client> clients;
    std::optional<Previous> previous; ///< for stability across as-of dates
    QSizeF canvasHint; ///< when valid, the map is centred on (w/2, h/2) and spread to fill about
                       ///< this size (it may exceed it: correctness comes first)
    quint32 seed = 1;  ///< same input and seed → identical geometry
    Options options;
};

/// The geometry of a sphere-of-influence map, in the layout's pixel coordinates.
///
/// A region is a list of closed rings (first point not repeated) combined with the even–odd
/// rule: a point is in the region when it lies inside an odd number of its rings, so rings
/// nested in others are holes. Rings are simple and pairwise disjoint.
struct SphereGeometry
{
    QList<QPointF> ownerCenters;     ///< per owner: centre of its sphere
    QList<QList<QPolygonF>> regions; ///< per owner: the region's rings (may be several parts)
    QList<QRectF> ownerLabels;       ///< per owner: label rectangle (null if no label)
    QList<QPointF> clientPositions;  ///< per client: mark centre
    QList<double> clientRadii;       ///< per client: mark radius
    QList<QRectF> clientLabels;      ///< per client: label rectangle (null when hidden)
    QList<bool> clientLabelHidden;   ///< per client: true when the label is not shown; only
                                     ///< labels of empty size are hidden (placement always
                                     ///< finds room, moving the client if need be)
    QList<int> apartClients;         ///< indices of the clients with no owner
    QRectF apartArea;                ///< the strip holding them (null if none); it meets no
                                     ///< region
    QRectF bounds;                   ///< bounding rectangle of everything above

    /// Diagnostics of the run that produced this geometry.
    struct Stats
    {
        double layoutMs = 0;        ///< wall time of layoutSpheres(), ms
        int attempts = 0;           ///< layout attempts (a retry widens the gaps)
        int smoothingFallbacks = 0; ///< owners whose smoothed contour failed its check and that
                                    ///< use a less smoothed one
        int unroutedLinks = 0;      ///< member links that found no corridor (region has parts)
        int movedStableClients = 0; ///< clients with unchanged owners that did not fit at their
                                    ///< previous spot
    };
    Stats stats;

    /// True when `point` lies in the region of owner `owner` (even–odd rule over its rings).
    bool regionContains(int owner, const QPointF &point) const;
    /// The region of owner `owner` as a painter path (Qt::OddEvenFill), for drawing.
    QPainterPath regionPath(int owner) const;
    /// A copy with every point, ring and rectangle mapped by `transform` (rectangles by their
    /// bounding box, radii scaled by sqrt(|det|)), e.g. into export pixel coordinates. Meant for
    /// similarity transforms (translate, uniform scale).
    SphereGeometry transformed(const QTransform &transform) const;
    /// This geometry as the previous layout for a later run over `input` (the input it was
    /// computed from).
    SphereInput::Previous toPrevious(const SphereInput &input) const;
};

/// Lays out a sphere-of-influence map: owner centres, client marks and labels, and one smooth
/// region per owner such that every client mark lies fully inside the regions of its owners and
/// meets no other region, and no labels or marks overlap.
///
/// Algorithm (correct by construction, then checked):
///  1. Owner centres: on a circle, ordered greedily so owners sharing many clients are
///     neighbours; previous and fixed centres are kept.
///  2. Clients are grouped by owner set; each group aims at the mean of its owners' centres,
///     so clients with the same owners cluster and shared clients sit between their owners.
///     Owner labels, then clients (stable ones first, at their previous spot), are placed one by
///     one at the free spot nearest their aim (spiral search), keeping a small gap between marks
///     of the same group and a wider one between different groups, and keeping labels clear of
///     marks and labels. Each label sits right (or else left) of its mark.
///  3. Regions, per owner, after Bubble Sets (Collins, Penn & Carpendale 2009): an energy field
///     on a grid, positive near members (and the owner's label), negative near non-members;
///     members are linked along a minimum spanning tree, links routed around non-members with
///     A* on the grid. Grid vertices near a member (or a link) are clamped positive and those
///     near a non-member negative, so the marching-squares contour (Lorensen & Cline 1987)
///     provably keeps every member disc in and every other disc out (needless small holes are
///     filled and member-less islands dropped beforehand). Contours are then
///     smoothed with Chaikin's corner cutting (1974) and simplified (Douglas & Peucker 1973);
///     a smoothed contour is kept only if it passes the same checks, otherwise a less smoothed
///     one is used.
///  4. Clients without owners go in a strip below everything (those apart before keep their
///     spots, shifted down together if the map grew).
///  5. verify() runs on the result; should it find a region violation (it should not), the
///     layout is redone with wider gaps (up to three attempts).
///
/// Typical cost (2-core machine, RelWithDebInfo): 12 owners × 300 clients ≈ 0.1–0.2 s.
/// Deterministic: same input (including seed) → identical output. Throws std::invalid_argument
/// when an owner index is out of range, a radius is not a positive finite number, a size or
/// fixed centre is not finite, client ids repeat, or an option is out of range.
SphereGeometry layoutSpheres(const SphereInput &input);

/// The outcome of verify(): counts of violations of the map's rules.
struct SphereVerification
{
    int outsideOwnRegion = 0;    ///< (client, owner) pairs where the client belongs to the owner
                                 ///< but its mark is not fully inside the owner's region
    int insideForeignRegion = 0; ///< (client, owner) pairs where the client does not belong to
                                 ///< the owner but its mark meets the owner's region
    int labelLabelOverlaps = 0;  ///< pairs of shown labels (owner and client) sharing area
    int labelMarkOverlaps = 0;   ///< (label, mark) pairs sharing area
    int markMarkOverlaps = 0;    ///< pairs of client marks sharing area
    int hiddenLabels = 0;        ///< clients with a non-empty label size whose label is hidden
    QString summary;             ///< one line with all counts, e.g. for logs and benchmarks

    /// True when no rule is violated (hidden labels are reported but are no violation).
    bool isClean() const
    {
        return outsideOwnRegion == 0 && insideForeignRegion == 0 && labelLabelOverlaps == 0
               && labelMarkOverlaps == 0 && markMarkOverlaps == 0;
    }
};

/// Checks `geometry` against the rules for `input`: every client mark (disc) fully inside each
/// of its owners' regions and disjoint from every other region, no two shown labels sharing
/// area, no label over a mark, no two marks sharing area. Touching boundaries count as
/// disjoint (tolerance 1e-6 px). Independent of how the geometry was made. Throws
/// std::invalid_argument when the list sizes of `geometry` do not match `input`.
SphereVerification verify(const SphereGeometry &geometry, const SphereInput &input);

/// The geometry as JSON, in the geometry's coordinates (apply SphereGeometry::transformed()
/// first for export coordinates):
///   { "fillRule": "evenodd",
///     "owners": [{ "id", "center": [x, y], "polygons": [[[x, y], ...], ...],
///                  "label": [x, y, w, h] | null }],
///     "clients": [{ "id", "position": [x, y], "radius", "label": [x, y, w, h] | null,
///                   "owners": [owner ids] }],
///     "apart": [client ids], "apartArea": [x, y, w, h] | null,
///     "bounds": [x, y, w, h] }
/// Numbers are rounded to 1/1000 px. Throws std::invalid_argument when sizes do not match.
QJsonObject toJson(const SphereGeometry &geometry, const SphereInput &input);

} // namespace EcoAtlas
