// SPDX-License-Identifier: MIT
#include "BodyPlacer.h"

#include "Geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace EcoAtlas::SpheresDetail {

namespace {

constexpr double kEps = 1e-6;

/// Chebyshev-style separation of two rectangles: >= g means they are at least g apart along x
/// or along y (a conservative test for "at least g apart").
double rectGap(const QRectF &a, const QRectF &b)
{
    const double dx = std::max(a.left() - b.right(), b.left() - a.right());
    const double dy = std::max(a.top() - b.bottom(), b.top() - a.bottom());
    return std::max(dx, dy);
}

/// Distance from the disc centre `c` to the rectangle (negative when inside).
double rectPointDistance(const QRectF &r, const QPointF &c)
{
    const double dx = std::max({r.left() - c.x(), 0.0, c.x() - r.right()});
    const double dy = std::max({r.top() - c.y(), 0.0, c.y() - r.bottom()});
    if (dx == 0.0 && dy == 0.0)
        return -1.0;
    return std::sqrt(dx * dx + dy * dy);
}

qint64 cellKey(int cx, int cy)
{
    return (qint64(cx) << 32) ^ qint64(quint32(cy));
}

} // namespace

BodyPlacer::BodyPlacer(const PlacementRules &rules, const std::vector<std::vector<int>> &ownersOf)
    : m_rules(rules)
    , m_ownersOf(ownersOf)
{
    m_maxClearance = std::max({rules.sameGap,
                               rules.diffGap,
                               rules.memberGap,
                               rules.labelPadding,
                               rules.ownerLabelPadding})
                     + 1.0;
    m_cell = std::max(32.0, 2 * m_maxClearance);
}

bool BodyPlacer::isMember(int client, int owner) const
{
    const auto &owners = m_ownersOf[size_t(client)];
    return std::binary_search(owners.begin(), owners.end(), owner);
}

QRectF BodyPlacer::extent(const Body &b) const
{
    QRectF box = b.isClient ? QRectF(b.center.x() - b.radius,
                                     b.center.y() - b.radius,
                                     2 * b.radius,
                                     2 * b.radius)
                            : b.label;
    if (!b.label.isNull())
        box = box.united(b.label);
    return box;
}

template<typename F>
void BodyPlacer::forCells(const QRectF &box, F &&f) const
{
    const int x0 = int(std::floor(box.left() / m_cell)), x1 = int(std::floor(box.right() / m_cell));
    const int y0 = int(std::floor(box.top() / m_cell)), y1 = int(std::floor(box.bottom() / m_cell));
    for (int cy = y0; cy <= y1; ++cy)
        for (int cx = x0; cx <= x1; ++cx)
            f(cellKey(cx, cy));
}

bool BodyPlacer::compatible(const Body &a, const Body &b) const
{
    const PlacementRules &r = m_rules;
    if (a.isClient && b.isClient) {
        const double need = a.radius + b.radius + (a.group == b.group ? r.sameGap : r.diffGap);
        if (distance(a.center, b.center) < need + kEps)
            return false;
        if (!a.label.isNull() && !b.label.isNull() && rectGap(a.label, b.label) < r.labelPadding)
            return false;
        if (!a.label.isNull()
            && rectPointDistance(a.label, b.center) < b.radius + r.labelPadding + kEps)
            return false;
        if (!b.label.isNull()
            && rectPointDistance(b.label, a.center) < a.radius + r.labelPadding + kEps)
            return false;
        return true;
    }
    if (!a.isClient && !b.isClient)
        return rectGap(a.label, b.label) >= r.ownerLabelPadding;
    const Body &client = a.isClient ? a : b;
    const Body &owner = a.isClient ? b : a;
    const double gap = isMember(client.index, owner.index) ? r.memberGap : r.diffGap;
    if (rectPointDistance(owner.label, client.center) < client.radius + gap + kEps)
        return false;
    if (!client.label.isNull() && rectGap(client.label, owner.label) < r.labelPadding)
        return false;
    return true;
}

bool BodyPlacer::fits(const Body &body) const
{
    const QRectF box = extent(body).adjusted(
            -m_maxClearance, -m_maxClearance, m_maxClearance, m_maxClearance);
    bool ok = true;
    forCells(box, [&](qint64 key) {
        if (!ok)
            return;
        const auto it = m_grid.find(key);
        if (it == m_grid.end())
            return;
        for (int i : it->second)
            if (!compatible(body, m_bodies[size_t(i)])) {
                ok = false;
                return;
            }
    });
    return ok;
}

void BodyPlacer::add(const Body &body)
{
    const int index = int(m_bodies.size());
    m_bodies.push_back(body);
    forCells(extent(body), [&](qint64 key) { m_grid[key].push_back(index); });
}

QList<QPointF> BodyPlacer::defaultLabelOffsets(double radius, const QSizeF &labelSize) const
{
    if (labelSize.isEmpty())
        return {QPointF()};
    const double dy = -labelSize.height() / 2;
    return {QPointF(radius + m_rules.labelGap, dy),
            QPointF(-radius - m_rules.labelGap - labelSize.width(), dy)};
}

namespace {

/// Calls `f(point)` for points around `aim` in order of growing distance (rings whose spacing
/// grows with the radius) until it returns true, skipping rings closer than `start`. Returns
/// the radius of the ring where it stopped.
template<typename F>
double spiral(const QPointF &aim, double baseStep, double start, F &&f)
{
    constexpr double golden = 2.399963229728653; // golden angle, rad
    double rho = 0.0;
    for (int k = 0; rho < 1e7; ++k) {
        const double step = std::max(baseStep, rho * 0.04);
        const int n = rho == 0.0 ? 1
                                 : std::max(6, int(std::ceil(2 * std::numbers::pi * rho / step)));
        const double theta0 = k * golden;
        for (int j = 0; j < n && rho >= start; ++j) {
            const double theta = theta0 + 2 * std::numbers::pi * j / n;
            if (f(QPointF(aim.x() + rho * std::cos(theta), aim.y() + rho * std::sin(theta))))
                return rho;
        }
        rho += step;
    }
    throw std::logic_error("sphere layout: no free spot found");
}

} // namespace

Body BodyPlacer::placeClient(int client,
                             int group,
                             const QPointF &aim,
                             double radius,
                             const QSizeF &labelSize,
                             QList<QPointF> labelOffsets,
                             double startRadius,
                             double *foundRadius)
{
    if (labelSize.isEmpty())
        labelOffsets = {QPointF()};
    else if (labelOffsets.isEmpty())
        labelOffsets = defaultLabelOffsets(radius, labelSize);
    Body body;
    body.isClient = true;
    body.index = client;
    body.group = group;
    body.radius = radius;
    const double found = spiral(aim, 3.0, startRadius, [&](const QPointF &p) {
        body.center = p;
        for (const QPointF &offset : labelOffsets) {
            body.label = labelSize.isEmpty() ? QRectF() : QRectF(p + offset, labelSize);
            if (fits(body))
                return true;
        }
        return false;
    });
    if (foundRadius)
        *foundRadius = found;
    add(body);
    return body;
}

Body BodyPlacer::placeOwnerLabel(int owner, const QPointF &aim, const QSizeF &size)
{
    Body body;
    body.isClient = false;
    body.index = owner;
    spiral(aim, 3.0, 0.0, [&](const QPointF &p) {
        body.center = p;
        body.label = QRectF(
                p.x() - size.width() / 2, p.y() - size.height() / 2, size.width(), size.height());
        return fits(body);
    });
    add(body);
    return body;
}

} // namespace EcoAtlas::SpheresDetail
