// SPDX-License-Identifier: MIT
// verify() and toJson(): checks and export of a SphereGeometry, independent of how it was made.
#include "SphereLayout.h"

#include "detail/Geometry.h"
#include "detail/RegionIndex.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace EcoAtlas {

using SpheresDetail::distance;

namespace {

constexpr double kTolerance = 1e-6;

void requireSizes(const SphereGeometry &g, const SphereInput &in, const char *who)
{
    const qsizetype nOwners = in.owners.size(), nClients = in.clients.size();
    if (g.ownerCenters.size() != nOwners || g.regions.size() != nOwners
        || g.ownerLabels.size() != nOwners || g.clientPositions.size() != nClients
        || g.clientRadii.size() != nClients || g.clientLabels.size() != nClients
        || g.clientLabelHidden.size() != nClients)
        throw std::invalid_argument(std::string(who) + ": geometry does not match the input");
}

/// Open-interior overlap of two rectangles (sharing an edge is no overlap).
bool rectsOverlap(const QRectF &a, const QRectF &b)
{
    return a.left() < b.right() - kTolerance && b.left() < a.right() - kTolerance
           && a.top() < b.bottom() - kTolerance && b.top() < a.bottom() - kTolerance;
}

bool rectMeetsDisc(const QRectF &r, const QPointF &c, double radius)
{
    const double dx = std::max({r.left() - c.x(), 0.0, c.x() - r.right()});
    const double dy = std::max({r.top() - c.y(), 0.0, c.y() - r.bottom()});
    const double reach = radius - kTolerance;
    return reach > 0 && dx * dx + dy * dy < reach * reach;
}

QJsonArray pointJson(const QPointF &p)
{
    const auto r = [](double v) {
        return std::round(v * 1000.0) / 1000.0;
    };
    return QJsonArray{r(p.x()), r(p.y())};
}

QJsonValue rectJson(const QRectF &rect)
{
    if (rect.isNull())
        return QJsonValue(QJsonValue::Null);
    const auto r = [](double v) {
        return std::round(v * 1000.0) / 1000.0;
    };
    return QJsonArray{r(rect.x()), r(rect.y()), r(rect.width()), r(rect.height())};
}

} // namespace

SphereVerification verify(const SphereGeometry &g, const SphereInput &in)
{
    requireSizes(g, in, "verify");
    SphereVerification v;
    const int nOwners = int(in.owners.size()), nClients = int(in.clients.size());

    // Regions against marks.
    std::vector<std::vector<char>> member(size_t(nClients), std::vector<char>(size_t(nOwners), 0));
    for (int c = 0; c < nClients; ++c)
        for (int k : in.clients[c].owners)
            if (k >= 0 && k < nOwners)
                member[size_t(c)][size_t(k)] = 1;
    for (int k = 0; k < nOwners; ++k) {
        const SpheresDetail::RegionIndex region(g.regions[k]);
        for (int c = 0; c < nClients; ++c) {
            const QPointF centre = g.clientPositions[c];
            const double r = g.clientRadii[c];
            if (member[size_t(c)][size_t(k)]) {
                if (!region.discInside(centre, r, kTolerance))
                    ++v.outsideOwnRegion;
            } else if (region.discMeets(centre, r, kTolerance)) {
                ++v.insideForeignRegion;
            }
        }
    }

    // Labels: owner labels and shown client labels.
    std::vector<std::pair<QRectF, int>> labels; // (rect, client index or -1 for owners)
    for (const QRectF &r : g.ownerLabels)
        if (!r.isNull())
            labels.emplace_back(r, -1);
    for (int c = 0; c < nClients; ++c) {
        if (!g.clientLabelHidden[c] && !g.clientLabels[c].isNull())
            labels.emplace_back(g.clientLabels[c], c);
        else if (!in.clients[c].labelSize.isEmpty())
            ++v.hiddenLabels;
    }
    std::sort(labels.begin(), labels.end(), [](const auto &a, const auto &b) {
        return a.first.left() < b.first.left();
    });
    for (size_t i = 0; i < labels.size(); ++i)
        for (size_t j = i + 1;
             j < labels.size() && labels[j].first.left() < labels[i].first.right();
             ++j)
            if (rectsOverlap(labels[i].first, labels[j].first))
                ++v.labelLabelOverlaps;

    // Marks, sorted by left edge, against labels and each other.
    std::vector<int> marks(static_cast<size_t>(nClients));
    for (int c = 0; c < nClients; ++c)
        marks[size_t(c)] = c;
    const auto leftOf = [&](int c) {
        return g.clientPositions[c].x() - g.clientRadii[c];
    };
    std::sort(marks.begin(), marks.end(), [&](int a, int b) { return leftOf(a) < leftOf(b); });
    double maxRadius = 0;
    for (double r : g.clientRadii)
        maxRadius = std::max(maxRadius, r);
    for (const auto &[rect, owner] : labels) {
        Q_UNUSED(owner)
        // Marks whose left edge lies in [rect.left - 2·maxRadius, rect.right).
        auto it = std::lower_bound(marks.begin(),
                                   marks.end(),
                                   rect.left() - 2 * maxRadius,
                                   [&](int c, double x) { return leftOf(c) < x; });
        for (; it != marks.end() && leftOf(*it) < rect.right(); ++it)
            if (rectMeetsDisc(rect, g.clientPositions[*it], g.clientRadii[*it]))
                ++v.labelMarkOverlaps;
    }
    for (size_t i = 0; i < marks.size(); ++i) {
        const int a = marks[i];
        const double right = g.clientPositions[a].x() + g.clientRadii[a];
        for (size_t j = i + 1; j < marks.size() && leftOf(marks[j]) < right; ++j) {
            const int b = marks[j];
            const double need = g.clientRadii[a] + g.clientRadii[b] - kTolerance;
            if (need > 0 && distance(g.clientPositions[a], g.clientPositions[b]) < need)
                ++v.markMarkOverlaps;
        }
    }

    v.summary = QStringLiteral("outside own region %1, inside foreign region %2, "
                               "label-label %3, label-mark %4, mark-mark %5, hidden labels %6")
                        .arg(v.outsideOwnRegion)
                        .arg(v.insideForeignRegion)
                        .arg(v.labelLabelOverlaps)
                        .arg(v.labelMarkOverlaps)
                        .arg(v.markMarkOverlaps)
                        .arg(v.hiddenLabels);
    return v;
}

QJsonObject toJson(const SphereGeometry &g, const SphereInput &in)
{
    requireSizes(g, in, "toJson");
    const auto r = [](double v) {
        return std::round(v * 1000.0) / 1000.0;
    };
    QJsonArray owners;
    for (int k = 0; k < in.owners.size(); ++k) {
        QJsonArray polygons;
        for (const QPolygonF &ring : g.regions[k]) {
            QJsonArray points;
            for (const QPointF &p : ring)
                points.append(pointJson(p));
            polygons.append(points);
        }
        owners.append(QJsonObject{{"id", QJsonValue(in.owners[k].id)},
                                  {"center", pointJson(g.ownerCenters[k])},
                                  {"polygons", polygons},
                                  {"label", rectJson(g.ownerLabels[k])}});
    }
    QJsonArray clients;
    for (int c = 0; c < in.clients.size(); ++c) {
        std::vector<qint64> ids;
        for (int k : in.clients[c].owners)
            ids.push_back(in.owners[k].id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        QJsonArray ownerIds;
        for (qint64 id : ids)
            ownerIds.append(QJsonValue(id));
        clients.append(QJsonObject{{"id", QJsonValue(in.clients[c].id)},
                                   {"position", pointJson(g.clientPositions[c])},
                                   {"radius", r(g.clientRadii[c])},
                                   {"label",
                                    g.clientLabelHidden[c] ? QJsonValue(QJsonValue::Null)
                                                           : rectJson(g.clientLabels[c])},
                                   {"owners", ownerIds}});
    }
    QJsonArray apart;
    for (int c : g.apartClients)
        apart.append(QJsonValue(in.clients[c].id));
    return QJsonObject{{"fillRule", "evenodd"},
                       {"owners", owners},
                       {"clients", clients},
                       {"apart", apart},
                       {"apartArea", rectJson(g.apartArea)},
                       {"bounds", rectJson(g.bounds)}};
}

} // namespace EcoAtlas
