// SPDX-License-Identifier: MIT
#include "SphereLayout.h"

#include "detail/BodyPlacer.h"
#include "detail/RegionBuilder.h"

#include <QElapsedTimer>
#include <QLineF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace EcoAtlas {

using namespace SpheresDetail;

namespace {

/// How far inside the previous client's ring the next client of a group starts looking, px.
constexpr double kSearchBacktrack = 40.0;

bool finite(double v)
{
    return std::isfinite(v);
}

bool finite(const QPointF &p)
{
    return finite(p.x()) && finite(p.y());
}

bool finiteSize(const QSizeF &s)
{
    return finite(s.width()) && finite(s.height());
}

/// A client's priority for ordering; NaN counts as lowest.
double priorityOf(const SphereInput::Client &client)
{
    return std::isnan(client.priority) ? -std::numeric_limits<double>::infinity() : client.priority;
}

void require(bool ok, const char *what)
{
    if (!ok)
        throw std::invalid_argument(std::string("layoutSpheres: ") + what);
}

void validate(const SphereInput &in)
{
    const SphereInput::Options &o = in.options;
    require(finite(o.gridStep) && o.gridStep > 0.25 && o.gridStep <= 50, "gridStep out of range");
    require(finite(o.sameSetGap) && o.sameSetGap >= 0, "sameSetGap out of range");
    require(finite(o.regionGap) && o.regionGap >= 0, "regionGap out of range");
    require(finite(o.labelGap) && o.labelGap >= 0, "labelGap out of range");
    require(finite(o.labelPadding) && o.labelPadding >= 0, "labelPadding out of range");
    require(finite(o.memberReach) && o.memberReach > 0, "memberReach out of range");
    require(finite(o.nonMemberReach) && o.nonMemberReach > 0, "nonMemberReach out of range");
    require(finite(o.edgeReach) && o.edgeReach > 0, "edgeReach out of range");
    require(o.smoothingPasses >= 0 && o.smoothingPasses <= 4, "smoothingPasses out of range");
    require(!in.canvasHint.isValid() || finiteSize(in.canvasHint), "canvasHint not finite");
    for (const SphereInput::Owner &owner : in.owners) {
        require(finiteSize(owner.labelSize), "owner label size not finite");
        require(!owner.fixedCenter || finite(*owner.fixedCenter), "fixed centre not finite");
    }
    std::set<qint64> ids;
    for (const SphereInput::Client &client : in.clients) {
        require(ids.insert(client.id).second, "client ids repeat");
        require(finite(client.radius) && client.radius > 0, "client radius must be > 0");
        require(finiteSize(client.labelSize), "client label size not finite");
        for (int k : client.owners)
            require(k >= 0 && k < in.owners.size(), "owner index out of range");
    }
}

/// Input facts shared by all attempts.
struct Prepared
{
    std::vector<std::vector<int>> ownersOf; ///< per client: sorted, unique owner indices
    std::vector<int> groupOf;               ///< per client: owner-set id (-1 for apart)
    std::vector<std::vector<int>> groups;   ///< owner-set id → owner indices
    std::vector<int> apart;                 ///< clients without owners, input order
};

Prepared prepare(const SphereInput &in)
{
    Prepared p;
    const int n = int(in.clients.size());
    p.ownersOf.resize(size_t(n));
    p.groupOf.assign(size_t(n), -1);
    std::map<std::vector<int>, int> ids;
    for (int c = 0; c < n; ++c) {
        auto &owners = p.ownersOf[size_t(c)];
        owners.assign(in.clients[c].owners.begin(), in.clients[c].owners.end());
        std::sort(owners.begin(), owners.end());
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
        if (owners.empty()) {
            p.apart.push_back(c);
            continue;
        }
        const auto [it, added] = ids.emplace(owners, int(p.groups.size()));
        if (added)
            p.groups.push_back(owners);
        p.groupOf[size_t(c)] = it->second;
    }
    return p;
}

/// Clearances derived from the options; `widen` > 1 on retries.
struct Metrics
{
    double step = 3, force = 6;
    PlacementRules rules;
};

Metrics metricsFor(const SphereInput::Options &o, double widen)
{
    Metrics m;
    m.step = o.gridStep;
    // Grid vertices within `force` of a disc are clamped to its side; >= h·√2 keeps every cell
    // that meets the disc on that side, the rest is slack for smoothing.
    m.force = o.gridStep * std::numbers::sqrt2 + 1.0 + 0.25 * o.gridStep;
    m.rules.sameGap = o.sameSetGap;
    m.rules.diffGap = (2 * m.force + o.regionGap) * widen;
    m.rules.memberGap = std::max(o.sameSetGap, o.labelPadding);
    m.rules.labelPadding = o.labelPadding;
    m.rules.ownerLabelPadding = o.labelPadding + 4;
    m.rules.labelGap = o.labelGap;
    return m;
}

/// Owner centres: fixed > previous > a circle ordered by shared clients.
QList<QPointF> placeOwners(const SphereInput &in, const Prepared &p, const Metrics &m)
{
    const int n = int(in.owners.size());
    QList<QPointF> centres(n);
    if (n == 0)
        return centres;

    // Shared-client counts and area estimates.
    std::vector<std::vector<int>> share(size_t(n), std::vector<int>(size_t(n), 0));
    std::vector<double> area(size_t(n), 0.0);
    double total = 0;
    for (size_t c = 0; c < p.ownersOf.size(); ++c) {
        const auto &owners = p.ownersOf[c];
        const SphereInput::Client &client = in.clients[int(c)];
        const double w = 2 * client.radius + m.rules.labelGap + client.labelSize.width()
                         + m.rules.diffGap / 2;
        const double h = std::max(2 * client.radius, client.labelSize.height())
                         + m.rules.diffGap / 2;
        const double a = w * h * 1.6;
        total += a;
        for (int x : owners) {
            area[size_t(x)] += a / double(owners.size());
            for (int y : owners)
                if (x != y)
                    ++share[size_t(x)][size_t(y)];
        }
    }
    for (int k = 0; k < n; ++k) {
        const QSizeF s = in.owners[k].labelSize;
        area[size_t(k)] += (s.width() + 20) * (s.height() + 20);
        total += (s.width() + 20) * (s.height() + 20);
    }

    // Greedy circular order: start with the most connected owner, then always append the owner
    // sharing most clients with the last one (ties: most with all placed, then lowest index).
    std::vector<int> order;
    std::vector<char> used(size_t(n), 0);
    {
        int start = 0, bestSum = -1;
        for (int k = 0; k < n; ++k) {
            const int sum = std::accumulate(share[size_t(k)].begin(), share[size_t(k)].end(), 0);
            if (sum > bestSum) {
                bestSum = sum;
                start = k;
            }
        }
        order.push_back(start);
        used[size_t(start)] = 1;
        while (int(order.size()) < n) {
            const int last = order.back();
            int pick = -1;
            long bestKey = -1;
            for (int k = 0; k < n; ++k) {
                if (used[size_t(k)])
                    continue;
                long toAll = 0;
                for (int q : order)
                    toAll += share[size_t(k)][size_t(q)];
                const long key = long(share[size_t(k)][size_t(last)]) * 1000000L + toAll;
                if (key > bestKey) {
                    bestKey = key;
                    pick = k;
                }
            }
            order.push_back(pick);
            used[size_t(pick)] = 1;
        }
    }

    // Ring radius: room for every owner's disc along the circle, and for everything inside.
    double perimeter = 0;
    for (int k = 0; k < n; ++k)
        perimeter += std::max(2 * std::sqrt(area[size_t(k)] / std::numbers::pi),
                              in.owners[k].labelSize.width())
                     + 2 * m.rules.diffGap + 24;
    double radius = n == 1 ? 0.0
                           : std::max(perimeter / (2 * std::numbers::pi),
                                      0.75 * std::sqrt(total / std::numbers::pi));
    QPointF origin(radius + 100, radius + 100);
    if (in.canvasHint.isValid() && !in.canvasHint.isEmpty()) {
        origin = QPointF(in.canvasHint.width() / 2, in.canvasHint.height() / 2);
        if (n > 1)
            radius = std::max(radius,
                              0.3 * std::min(in.canvasHint.width(), in.canvasHint.height()));
    }
    std::vector<QPointF> slot(static_cast<size_t>(n));
    for (int pos = 0; pos < n; ++pos) {
        const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * pos / n;
        slot[size_t(order[size_t(pos)])] = QPointF(radius * std::cos(angle),
                                                   radius * std::sin(angle));
    }

    // Known centres: fixed ones, then previous ones. Free owners take circle slots, the circle
    // moved so that the known owners' slots are centred on their known centres.
    std::vector<std::optional<QPointF>> known(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) {
        const SphereInput::Owner &owner = in.owners[k];
        if (owner.fixedCenter)
            known[size_t(k)] = *owner.fixedCenter;
        else if (in.previous && in.previous->ownerCenters.contains(owner.id)
                 && finite(in.previous->ownerCenters.value(owner.id)))
            known[size_t(k)] = in.previous->ownerCenters.value(owner.id);
    }
    QPointF knownSum, slotSum;
    int knownCount = 0;
    for (int k = 0; k < n; ++k)
        if (known[size_t(k)]) {
            knownSum += *known[size_t(k)];
            slotSum += slot[size_t(k)];
            ++knownCount;
        }
    if (knownCount > 0)
        origin = (knownSum - slotSum) / knownCount;
    for (int k = 0; k < n; ++k)
        centres[k] = known[size_t(k)] ? *known[size_t(k)] : origin + slot[size_t(k)];
    return centres;
}

QList<qint64> ownerIds(const SphereInput &in, const std::vector<int> &owners)
{
    QList<qint64> ids;
    for (int k : owners)
        ids.append(in.owners[k].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

struct Attempt
{
    SphereGeometry geometry;
    SphereVerification verification;
    int conflicts = 0;
};

Attempt runAttempt(const SphereInput &in, const Prepared &p, double widen)
{
    const Metrics m = metricsFor(in.options, widen);
    const int nOwners = int(in.owners.size());
    const int nClients = int(in.clients.size());
    SphereGeometry geo;
    geo.ownerCenters = placeOwners(in, p, m);
    geo.ownerLabels = QList<QRectF>(nOwners);
    geo.clientPositions = QList<QPointF>(nClients);
    geo.clientRadii = QList<double>(nClients);
    geo.clientLabels = QList<QRectF>(nClients);
    geo.clientLabelHidden = QList<bool>(nClients, true);
    geo.regions = QList<QList<QPolygonF>>(nOwners);

    std::mt19937 rng(in.seed);
    // A seeded tilt of the spiral start keeps layouts of equal inputs identical but lets another
    // seed give another arrangement.
    std::uniform_real_distribution<double> jitter(-0.75, 0.75);

    BodyPlacer placer(m.rules, p.ownersOf);
    const auto record = [&](const Body &b) {
        const int c = b.index;
        geo.clientPositions[c] = b.center;
        geo.clientRadii[c] = in.clients[c].radius;
        geo.clientLabels[c] = b.label;
        geo.clientLabelHidden[c] = b.label.isNull();
    };

    // 1. Owner labels at their centres.
    for (int k = 0; k < nOwners; ++k) {
        const QSizeF size = in.owners[k].labelSize;
        if (!size.isEmpty())
            geo.ownerLabels[k] = placer.placeOwnerLabel(k, geo.ownerCenters[k], size).label;
    }

    // 2. Clients that keep their owners, at their previous spot (moved with their owners).
    std::vector<char> placed(size_t(nClients), 0);
    std::vector<int> byPriority(static_cast<size_t>(nClients));
    std::iota(byPriority.begin(), byPriority.end(), 0);
    std::stable_sort(byPriority.begin(), byPriority.end(), [&](int a, int b) {
        return priorityOf(in.clients[a]) > priorityOf(in.clients[b]);
    });
    const auto previousOf = [&](int c) -> std::optional<QPointF> {
        if (!in.previous)
            return std::nullopt;
        const SphereInput::Client &client = in.clients[c];
        const auto pos = in.previous->clientPositions.constFind(client.id);
        if (pos == in.previous->clientPositions.cend() || !finite(*pos))
            return std::nullopt;
        const auto owners = in.previous->clientOwners.constFind(client.id);
        if (owners != in.previous->clientOwners.cend()) {
            QList<qint64> before = *owners;
            std::sort(before.begin(), before.end());
            before.erase(std::unique(before.begin(), before.end()), before.end());
            if (before != ownerIds(in, p.ownersOf[size_t(c)]))
                return std::nullopt;
        }
        return *pos;
    };
    const auto labelOffsetsFor = [&](int c, const QPointF &previous) {
        const SphereInput::Client &client = in.clients[c];
        QList<QPointF> offsets = placer.defaultLabelOffsets(client.radius, client.labelSize);
        if (in.previous && !client.labelSize.isEmpty()) {
            const auto label = in.previous->clientLabels.constFind(client.id);
            if (label != in.previous->clientLabels.cend() && !label->isNull()
                && std::abs(label->width() - client.labelSize.width()) < 0.5
                && std::abs(label->height() - client.labelSize.height()) < 0.5) {
                const QPointF offset = label->topLeft() - previous;
                // Reuse the previous spot only if it still clears the mark (its radius may have
                // grown since, e.g. when marks are sized by a measure).
                const QRectF rect(offset, client.labelSize);
                const QPointF nearest(std::clamp(0.0, rect.left(), rect.right()),
                                      std::clamp(0.0, rect.top(), rect.bottom()));
                if (std::hypot(nearest.x(), nearest.y())
                    >= client.radius + in.options.labelGap - 1e-9) {
                    offsets.removeIf(
                            [&](const QPointF &o) { return QLineF(o, offset).length() < 1e-9; });
                    offsets.prepend(offset);
                }
            }
        }
        return offsets;
    };
    int moved = 0;
    for (int c : byPriority) {
        if (p.groupOf[size_t(c)] < 0)
            continue;
        const std::optional<QPointF> before = previousOf(c);
        if (!before)
            continue;
        QPointF shift;
        int counted = 0;
        for (int k : p.ownersOf[size_t(c)]) {
            const auto prev = in.previous->ownerCenters.constFind(in.owners[k].id);
            if (prev != in.previous->ownerCenters.cend() && finite(*prev)) {
                shift += geo.ownerCenters[k] - *prev;
                ++counted;
            }
        }
        if (counted > 0)
            shift /= counted;
        const QPointF aim = *before + shift;
        const SphereInput::Client &client = in.clients[c];
        const Body b = placer.placeClient(c,
                                          p.groupOf[size_t(c)],
                                          aim,
                                          client.radius,
                                          client.labelSize,
                                          labelOffsetsFor(c, *before));
        if (QLineF(b.center, aim).length() > 1e-9)
            ++moved;
        record(b);
        placed[size_t(c)] = 1;
    }
    geo.stats.movedStableClients = moved;

    // 3. The other clients, group by group, around the mean of their owners' centres.
    std::vector<std::vector<int>> members(p.groups.size());
    for (int c : byPriority)
        if (p.groupOf[size_t(c)] >= 0)
            members[size_t(p.groupOf[size_t(c)])].push_back(c);
    std::vector<int> groupOrder(p.groups.size());
    std::iota(groupOrder.begin(), groupOrder.end(), 0);
    std::stable_sort(groupOrder.begin(), groupOrder.end(), [&](int a, int b) {
        const auto &ga = p.groups[size_t(a)], &gb = p.groups[size_t(b)];
        if (ga.size() != gb.size())
            return ga.size() < gb.size();
        if (members[size_t(a)].size() != members[size_t(b)].size())
            return members[size_t(a)].size() > members[size_t(b)].size();
        return ga < gb;
    });
    for (int gi : groupOrder) {
        QPointF aim;
        QPointF placedSum;
        int placedCount = 0;
        for (int c : members[size_t(gi)])
            if (placed[size_t(c)]) {
                placedSum += geo.clientPositions[c];
                ++placedCount;
            }
        if (placedCount > 0) {
            aim = placedSum / placedCount;
        } else {
            for (int k : p.groups[size_t(gi)])
                aim += geo.ownerCenters[k];
            aim /= double(p.groups[size_t(gi)].size());
        }
        aim += QPointF(jitter(rng), jitter(rng));
        // The cluster grows outwards: a client's search starts a little inside the ring where
        // the previous one found room (big groups would otherwise cost quadratic time).
        double start = 0;
        for (int c : members[size_t(gi)]) {
            if (placed[size_t(c)])
                continue;
            const SphereInput::Client &client = in.clients[c];
            double found = 0;
            record(placer.placeClient(
                    c, gi, aim, client.radius, client.labelSize, {}, start, &found));
            start = std::max(0.0, found - kSearchBacktrack);
            placed[size_t(c)] = 1;
        }
    }

    // 4. Regions.
    QRectF mainBox;
    for (const Body &b : placer.bodies()) {
        QRectF box = b.isClient ? QRectF(b.center.x() - b.radius,
                                         b.center.y() - b.radius,
                                         2 * b.radius,
                                         2 * b.radius)
                                : b.label;
        if (!b.label.isNull())
            box = box.united(b.label);
        mainBox = mainBox.isNull() ? box : mainBox.united(box);
    }
    const SphereInput::Options &o = in.options;
    int conflicts = 0;
    for (int k = 0; k < nOwners; ++k) {
        RegionRequest req;
        req.step = m.step;
        req.forceRadius = m.force;
        req.memberReach = o.memberReach;
        req.nonMemberReach = o.nonMemberReach;
        req.edgeReach = o.edgeReach;
        req.smoothingPasses = o.smoothingPasses;
        req.anchorRect = geo.ownerLabels[k];
        QRectF box = req.anchorRect;
        for (int c = 0; c < nClients; ++c) {
            const auto &owners = p.ownersOf[size_t(c)];
            if (!std::binary_search(owners.begin(), owners.end(), k))
                continue;
            const Disc d{geo.clientPositions[c], in.clients[c].radius};
            req.members.push_back(d);
            const QRectF disc(
                    d.center.x() - d.radius, d.center.y() - d.radius, 2 * d.radius, 2 * d.radius);
            box = box.isNull() ? disc : box.united(disc);
        }
        if (box.isNull())
            continue; // no members and no label: empty region
        const double margin = std::max({o.memberReach, o.edgeReach, m.force}) + 3 * m.step
                              + 0.15 * std::max(box.width(), box.height()) + 10;
        req.extent = box.adjusted(-margin, -margin, margin, margin);
        // Non-members whose field or clamped vertices can reach the grid.
        const double around = std::max(o.nonMemberReach, m.force) + m.step;
        for (int c = 0; c < nClients; ++c) {
            const auto &owners = p.ownersOf[size_t(c)];
            if (owners.empty() || std::binary_search(owners.begin(), owners.end(), k))
                continue;
            const double r = in.clients[c].radius + around;
            if (req.extent.adjusted(-r, -r, r, r).contains(geo.clientPositions[c]))
                req.others.push_back({geo.clientPositions[c], in.clients[c].radius});
        }
        const RegionResult r = buildRegion(req);
        geo.regions[k] = r.rings;
        conflicts += r.conflicts;
        geo.stats.unroutedLinks += r.unroutedLinks;
        if (r.smoothingFellBack)
            ++geo.stats.smoothingFallbacks;
        for (const QPolygonF &ring : r.rings)
            mainBox = mainBox.isNull() ? ring.boundingRect() : mainBox.united(ring.boundingRect());
    }

    // 5. Clients without owners: a strip below everything.
    if (!p.apart.empty()) {
        const double top = (mainBox.isNull() ? 0.0 : mainBox.bottom()) + 24.0;
        const double left = mainBox.isNull() ? 0.0 : mainBox.left();
        double width = mainBox.isNull() ? 0.0 : mainBox.width();
        for (int c : p.apart) {
            const SphereInput::Client &client = in.clients[c];
            width = std::max(width,
                             2 * client.radius + m.rules.labelGap + client.labelSize.width());
        }
        std::vector<std::vector<int>> none(static_cast<size_t>(nClients));
        BodyPlacer strip(m.rules, none);
        const auto make = [&](int c, const QPointF &centre) {
            const SphereInput::Client &client = in.clients[c];
            Body b;
            b.index = c;
            b.group = 0;
            b.center = centre;
            b.radius = client.radius;
            if (!client.labelSize.isEmpty())
                b.label = QRectF(centre
                                         + QPointF(client.radius + m.rules.labelGap,
                                                   -client.labelSize.height() / 2),
                                 client.labelSize);
            return b;
        };
        const auto inside = [&](const Body &b) {
            QRectF box(
                    b.center.x() - b.radius, b.center.y() - b.radius, 2 * b.radius, 2 * b.radius);
            if (!b.label.isNull())
                box = box.united(b.label);
            return box.top() >= top && box.left() >= left - 1e-9
                   && box.right() <= left + width + 1e-9;
        };
        std::vector<int> order = p.apart;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return priorityOf(in.clients[a]) > priorityOf(in.clients[b]);
        });
        // Clients that were apart before keep their spots, all shifted down together if the map
        // grew into the strip; the others fill free spots row by row.
        std::vector<std::pair<int, QPointF>> kept;
        double keptTop = std::numeric_limits<double>::infinity();
        std::vector<int> later;
        for (int c : order) {
            const auto before = in.previous ? previousOf(c) : std::nullopt;
            if (before) {
                kept.emplace_back(c, *before);
                const Body b = make(c, *before);
                keptTop = std::min({keptTop,
                                    b.center.y() - b.radius,
                                    b.label.isNull() ? keptTop : b.label.top()});
            } else {
                later.push_back(c);
            }
        }
        const QPointF down(0.0, kept.empty() ? 0.0 : std::max(0.0, top - keptTop));
        for (const auto &[c, before] : kept) {
            const Body b = make(c, before + down);
            if (strip.fits(b)) {
                strip.add(b);
                record(b);
            } else {
                later.push_back(c);
            }
        }
        double cursorY = top;
        for (int c : later) {
            const SphereInput::Client &client = in.clients[c];
            const double half = std::max(client.radius, client.labelSize.height() / 2);
            bool done = false;
            for (double y = std::max(cursorY, top + half); !done; y += 2.0) {
                for (double x = left + client.radius; x <= left + width; x += 2.0) {
                    const Body b = make(c, QPointF(x, y));
                    if (inside(b) && strip.fits(b)) {
                        strip.add(b);
                        record(b);
                        cursorY = y - half;
                        done = true;
                        break;
                    }
                }
            }
        }
        QRectF area;
        for (const Body &b : strip.bodies()) {
            QRectF box(
                    b.center.x() - b.radius, b.center.y() - b.radius, 2 * b.radius, 2 * b.radius);
            if (!b.label.isNull())
                box = box.united(b.label);
            area = area.isNull() ? box : area.united(box);
        }
        geo.apartArea = area.adjusted(-8, -8, 8, 8);
        for (int c : p.apart)
            geo.apartClients.append(c);
    }

    // 6. Bounds.
    QRectF bounds = mainBox;
    if (!geo.apartArea.isNull())
        bounds = bounds.isNull() ? geo.apartArea : bounds.united(geo.apartArea);
    for (const QPointF &centre : geo.ownerCenters) {
        const QRectF dot(centre, QSizeF(0, 0));
        bounds = bounds.isNull() ? dot : bounds.united(dot);
    }
    geo.bounds = bounds;

    Attempt a;
    a.conflicts = conflicts;
    a.verification = verify(geo, in);
    a.geometry = std::move(geo);
    return a;
}

int violations(const SphereVerification &v)
{
    return v.outsideOwnRegion + v.insideForeignRegion + v.labelLabelOverlaps + v.labelMarkOverlaps
           + v.markMarkOverlaps;
}

} // namespace

SphereGeometry layoutSpheres(const SphereInput &input)
{
    QElapsedTimer timer;
    timer.start();
    validate(input);
    const Prepared prepared = prepare(input);
    std::optional<Attempt> best;
    int attempts = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        ++attempts;
        Attempt a = runAttempt(input, prepared, 1.0 + 0.5 * attempt);
        const bool clean = a.verification.isClean();
        if (!best || violations(a.verification) < violations(best->verification))
            best = std::move(a);
        if (clean)
            break;
    }
    SphereGeometry geometry = std::move(best->geometry);
    geometry.stats.attempts = attempts;
    geometry.stats.layoutMs = double(timer.nsecsElapsed()) / 1e6;
    return geometry;
}

bool SphereGeometry::regionContains(int owner, const QPointF &point) const
{
    if (owner < 0 || owner >= regions.size())
        return false;
    bool inside = false;
    for (const QPolygonF &ring : regions[owner])
        if (ring.containsPoint(point, Qt::OddEvenFill))
            inside = !inside;
    return inside;
}

QPainterPath SphereGeometry::regionPath(int owner) const
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    if (owner < 0 || owner >= regions.size())
        return path;
    for (const QPolygonF &ring : regions[owner]) {
        path.addPolygon(ring);
        path.closeSubpath();
    }
    return path;
}

SphereGeometry SphereGeometry::transformed(const QTransform &t) const
{
    SphereGeometry g = *this;
    const double scale = std::sqrt(std::abs(t.determinant()));
    const auto mapRect = [&](const QRectF &r) {
        return r.isNull() ? r : t.mapRect(r);
    };
    for (QPointF &p : g.ownerCenters)
        p = t.map(p);
    for (QList<QPolygonF> &rings : g.regions)
        for (QPolygonF &ring : rings)
            ring = t.map(ring);
    for (QRectF &r : g.ownerLabels)
        r = mapRect(r);
    for (QPointF &p : g.clientPositions)
        p = t.map(p);
    for (double &r : g.clientRadii)
        r *= scale;
    for (QRectF &r : g.clientLabels)
        r = mapRect(r);
    g.apartArea = mapRect(g.apartArea);
    g.bounds = mapRect(g.bounds);
    return g;
}

SphereInput::Previous SphereGeometry::toPrevious(const SphereInput &input) const
{
    SphereInput::Previous prev;
    for (int c = 0; c < input.clients.size() && c < clientPositions.size(); ++c) {
        const SphereInput::Client &client = input.clients[c];
        prev.clientPositions.insert(client.id, clientPositions[c]);
        QList<qint64> owners;
        for (int k : client.owners)
            owners.append(input.owners[k].id);
        std::sort(owners.begin(), owners.end());
        owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
        prev.clientOwners.insert(client.id, owners);
        if (c < clientLabels.size() && !clientLabels[c].isNull())
            prev.clientLabels.insert(client.id, clientLabels[c]);
    }
    for (int k = 0; k < input.owners.size() && k < ownerCenters.size(); ++k)
        prev.ownerCenters.insert(input.owners[k].id, ownerCenters[k]);
    return prev;
}

} // namespace EcoAtlas
