// SPDX-License-Identifier: MIT
#include "RegionBuilder.h"

#include "RegionIndex.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace EcoAtlas::SpheresDetail {

namespace {

constexpr double kIso = 0.5;             // iso-level of the energy
constexpr double kNonMemberWeight = 0.8; // Bubble Sets' negative weight
constexpr double kPositiveCap = 1.5;     // caps the summed positive energy
constexpr double kClampMargin = 0.08;    // clamped vertices sit this far from the iso-level
constexpr double kRoutePenalty = 6.0;    // A* cost per unit of negative energy
constexpr double kClearNegative = 0.25;  // a straight link may cross at most this much repulsion
constexpr double kSimplifyTolerance = 0.2; // px

enum : std::uint8_t { ForcedIn = 1, ForcedOut = 2, Border = 4 };

struct Grid
{
    double x0 = 0, y0 = 0, h = 1;
    int nx = 0, ny = 0;

    QPointF at(int i, int j) const { return {x0 + i * h, y0 + j * h}; }
    QPointF at(int v) const { return at(v % nx, v / nx); }
    int index(int i, int j) const { return j * nx + i; }
    /// Inclusive vertex index range covering `box`, clamped to the grid.
    void range(const QRectF &box, int &i0, int &j0, int &i1, int &j1) const
    {
        i0 = std::clamp(int(std::ceil((box.left() - x0) / h)), 0, nx - 1);
        i1 = std::clamp(int(std::floor((box.right() - x0) / h)), 0, nx - 1);
        j0 = std::clamp(int(std::ceil((box.top() - y0) / h)), 0, ny - 1);
        j1 = std::clamp(int(std::floor((box.bottom() - y0) / h)), 0, ny - 1);
    }
    int nearest(const QPointF &p) const
    {
        const int i = std::clamp(int(std::lround((p.x() - x0) / h)), 0, nx - 1);
        const int j = std::clamp(int(std::lround((p.y() - y0) / h)), 0, ny - 1);
        return index(i, j);
    }
};

double falloff(double d, double reach)
{
    if (d <= 0)
        return 1.0;
    if (d >= reach)
        return 0.0;
    const double t = 1.0 - d / reach;
    return t * t;
}

double rectDistance(const QRectF &r, const QPointF &p)
{
    const double dx = std::max({r.left() - p.x(), 0.0, p.x() - r.right()});
    const double dy = std::max({r.top() - p.y(), 0.0, p.y() - r.bottom()});
    return std::sqrt(dx * dx + dy * dy);
}

double segmentDistance(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0)
        t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0);
    return QLineF(p, QPointF(a.x() + t * dx, a.y() + t * dy)).length();
}

/// Douglas–Peucker on the open polyline pts[first..last] (inclusive), marking kept points.
void simplifyRange(const std::vector<QPointF> &pts,
                   int first,
                   int last,
                   double tol,
                   std::vector<char> &keep)
{
    std::vector<std::pair<int, int>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        double worst = -1;
        int at = -1;
        for (int k = a + 1; k < b; ++k) {
            const double d = segmentDistance(pts[size_t(k)], pts[size_t(a)], pts[size_t(b)]);
            if (d > worst) {
                worst = d;
                at = k;
            }
        }
        if (at >= 0 && worst > tol) {
            keep[size_t(at)] = 1;
            stack.emplace_back(a, at);
            stack.emplace_back(at, b);
        }
    }
}

std::vector<QPointF> simplifyOpen(const std::vector<QPointF> &pts, double tol)
{
    if (pts.size() < 3)
        return pts;
    std::vector<char> keep(pts.size(), 0);
    keep.front() = keep.back() = 1;
    simplifyRange(pts, 0, int(pts.size()) - 1, tol, keep);
    std::vector<QPointF> out;
    for (size_t k = 0; k < pts.size(); ++k)
        if (keep[k])
            out.push_back(pts[k]);
    return out;
}

QPolygonF simplifyRing(const QPolygonF &ring, double tol)
{
    const int n = int(ring.size());
    if (n < 8)
        return ring;
    // Split at point 0 and the point farthest from it.
    int far = 0;
    double best = -1;
    for (int k = 1; k < n; ++k) {
        const double d = QLineF(ring[0], ring[k]).length();
        if (d > best) {
            best = d;
            far = k;
        }
    }
    std::vector<QPointF> pts(ring.begin(), ring.end());
    pts.push_back(ring[0]);
    std::vector<char> keep(pts.size(), 0);
    keep[0] = keep[size_t(far)] = keep.back() = 1;
    simplifyRange(pts, 0, far, tol, keep);
    simplifyRange(pts, far, n, tol, keep);
    QPolygonF out;
    for (int k = 0; k < n; ++k)
        if (keep[size_t(k)])
            out.append(pts[size_t(k)]);
    return out.size() >= 3 ? out : ring;
}

QPolygonF chaikin(const QPolygonF &ring)
{
    const int n = int(ring.size());
    QPolygonF out;
    out.reserve(2 * n);
    for (int k = 0; k < n; ++k) {
        const QPointF &a = ring[k];
        const QPointF &b = ring[(k + 1) % n];
        out.append(0.75 * a + 0.25 * b);
        out.append(0.25 * a + 0.75 * b);
    }
    return out;
}

/// 4-connected grid walk from (i0, j0) to (i1, j1) (Bresenham-like, no diagonal steps).
std::vector<int> walk4(const Grid &g, int i0, int j0, int i1, int j1)
{
    const int nxs = std::abs(i1 - i0), nys = std::abs(j1 - j0);
    const int sx = i1 > i0 ? 1 : -1, sy = j1 > j0 ? 1 : -1;
    std::vector<int> out{g.index(i0, j0)};
    int i = i0, j = j0;
    for (int ix = 0, iy = 0; ix < nxs || iy < nys;) {
        // Compare (0.5 + ix) / nxs with (0.5 + iy) / nys without dividing.
        if (iy >= nys || (ix < nxs && (1 + 2 * ix) * nys < (1 + 2 * iy) * nxs)) {
            i += sx;
            ++ix;
        } else {
            j += sy;
            ++iy;
        }
        out.push_back(g.index(i, j));
    }
    return out;
}

class Builder
{
public:
    explicit Builder(const RegionRequest &r)
        : req(r)
    {
        g.h = r.step;
        g.x0 = r.extent.left();
        g.y0 = r.extent.top();
        g.nx = std::max(3, int(std::ceil(r.extent.width() / g.h)) + 1);
        g.ny = std::max(3, int(std::ceil(r.extent.height() / g.h)) + 1);
        const size_t n = size_t(g.nx) * size_t(g.ny);
        pos.assign(n, 0.0f);
        neg.assign(n, 0.0f);
        edge.assign(n, 0.0f);
        flags.assign(n, 0);
        for (int i = 0; i < g.nx; ++i) {
            flags[size_t(g.index(i, 0))] |= Border;
            flags[size_t(g.index(i, g.ny - 1))] |= Border;
        }
        for (int j = 0; j < g.ny; ++j) {
            flags[size_t(g.index(0, j))] |= Border;
            flags[size_t(g.index(g.nx - 1, j))] |= Border;
        }
    }

    RegionResult run();

private:
    template<typename F>
    void forVertices(const QRectF &box, F &&f)
    {
        int i0, j0, i1, j1;
        g.range(box, i0, j0, i1, j1);
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                f(g.index(i, j), g.at(i, j));
    }
    static QRectF around(const QPointF &c, double r) { return {c.x() - r, c.y() - r, 2 * r, 2 * r}; }

    void splatMembers();
    void splatOthers();
    void route(RegionResult &result);
    std::vector<int> aStar(int from, int to);
    void addCorridor(const std::vector<int> &path);
    std::vector<double> signedField() const;
    QList<QPolygonF> contour(const std::vector<double> &s) const;
    bool acceptable(const QList<QPolygonF> &rings) const;

    const RegionRequest &req;
    Grid g;
    std::vector<float> pos, neg, edge;
    std::vector<std::uint8_t> flags;
    // A* scratch space.
    std::vector<float> cost;
    std::vector<int> parent;
    std::vector<std::uint32_t> seen;
    std::uint32_t stamp = 0;
};

void Builder::splatMembers()
{
    const double f = req.forceRadius;
    for (const Disc &m : req.members) {
        const double reach = std::max(req.memberReach, f) + m.radius;
        forVertices(around(m.center, reach), [&](int v, const QPointF &p) {
            const double d = QLineF(p, m.center).length();
            pos[size_t(v)] += float(falloff(d - m.radius, req.memberReach));
            if (d <= m.radius + f)
                flags[size_t(v)] |= ForcedIn;
        });
    }
    if (!req.anchorRect.isNull()) {
        const QRectF &r = req.anchorRect;
        const double reach = std::max(req.memberReach, f);
        forVertices(r.adjusted(-reach, -reach, reach, reach), [&](int v, const QPointF &p) {
            const double d = rectDistance(r, p);
            pos[size_t(v)] += float(falloff(d, req.memberReach));
            if (d <= f)
                flags[size_t(v)] |= ForcedIn;
        });
    }
}

void Builder::splatOthers()
{
    const double f = req.forceRadius;
    for (const Disc &o : req.others) {
        const double reach = std::max(req.nonMemberReach, f) + o.radius;
        forVertices(around(o.center, reach), [&](int v, const QPointF &p) {
            const double d = QLineF(p, o.center).length();
            neg[size_t(v)] += float(kNonMemberWeight * falloff(d - o.radius, req.nonMemberReach));
            if (d <= o.radius + f)
                flags[size_t(v)] |= ForcedOut;
        });
    }
}

std::vector<int> Builder::aStar(int from, int to)
{
    const size_t n = pos.size();
    if (cost.size() != n) {
        cost.assign(n, 0.0f);
        parent.assign(n, -1);
        seen.assign(n, 0);
    }
    ++stamp;
    const int ti = to % g.nx, tj = to / g.nx;
    const auto heuristic = [&](int v) {
        return float(std::abs(v % g.nx - ti) + std::abs(v / g.nx - tj));
    };
    using Item = std::pair<float, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    cost[size_t(from)] = 0;
    parent[size_t(from)] = -1;
    seen[size_t(from)] = stamp;
    open.emplace(heuristic(from), from);
    const int step[4] = {1, -1, g.nx, -g.nx};
    while (!open.empty()) {
        const auto [f, v] = open.top();
        open.pop();
        if (f > cost[size_t(v)] + heuristic(v) + 1e-4f)
            continue; // stale entry
        if (v == to) {
            std::vector<int> path;
            for (int u = to; u != -1; u = parent[size_t(u)])
                path.push_back(u);
            std::reverse(path.begin(), path.end());
            return path;
        }
        for (int d : step) {
            const int u = v + d;
            if (flags[size_t(u)] & (ForcedOut | Border))
                continue; // Border vertices surround the grid, so u stays in range
            const float c = cost[size_t(v)] + 1.0f + float(kRoutePenalty) * neg[size_t(u)];
            if (seen[size_t(u)] != stamp || c < cost[size_t(u)]) {
                seen[size_t(u)] = stamp;
                cost[size_t(u)] = c;
                parent[size_t(u)] = v;
                open.emplace(c + heuristic(u), u);
            }
        }
    }
    return {};
}

void Builder::addCorridor(const std::vector<int> &path)
{
    std::vector<QPointF> pts;
    pts.reserve(path.size());
    for (int v : path) {
        flags[size_t(v)] |= ForcedIn;
        pts.push_back(g.at(v));
    }
    pts = simplifyOpen(pts, g.h);
    const double reach = req.edgeReach;
    for (size_t k = 0; k + 1 < pts.size(); ++k) {
        const QPointF a = pts[k], b = pts[k + 1];
        const QRectF box = QRectF(a, b).normalized().adjusted(-reach, -reach, reach, reach);
        forVertices(box, [&](int v, const QPointF &p) {
            const float e = float(falloff(segmentDistance(p, a, b), reach));
            edge[size_t(v)] = std::max(edge[size_t(v)], e);
        });
    }
}

void Builder::route(RegionResult &result)
{
    std::vector<QPointF> nodes;
    for (const Disc &m : req.members)
        nodes.push_back(m.center);
    if (!req.anchorRect.isNull())
        nodes.push_back(req.anchorRect.center());
    const int n = int(nodes.size());
    if (n < 2)
        return;
    // Prim's minimum spanning tree, O(n²), deterministic (lowest index wins ties).
    std::vector<double> best(size_t(n), std::numeric_limits<double>::infinity());
    std::vector<int> link(size_t(n), -1);
    std::vector<char> inTree(size_t(n), 0);
    best[0] = 0;
    for (int it = 0; it < n; ++it) {
        int u = -1;
        for (int k = 0; k < n; ++k)
            if (!inTree[size_t(k)] && (u < 0 || best[size_t(k)] < best[size_t(u)]))
                u = k;
        inTree[size_t(u)] = 1;
        if (link[size_t(u)] >= 0) {
            const int from = g.nearest(nodes[size_t(link[size_t(u)])]);
            const int to = g.nearest(nodes[size_t(u)]);
            std::vector<int> path
                    = walk4(g, from % g.nx, from / g.nx, to % g.nx, to / g.nx);
            const bool clear = std::all_of(path.begin(), path.end(), [&](int v) {
                return !(flags[size_t(v)] & (ForcedOut | Border)) && neg[size_t(v)] < kClearNegative;
            });
            if (!clear)
                path = aStar(from, to);
            if (path.empty())
                ++result.unroutedLinks;
            else
                addCorridor(path);
        }
        for (int k = 0; k < n; ++k) {
            if (inTree[size_t(k)])
                continue;
            const double d = QLineF(nodes[size_t(u)], nodes[size_t(k)]).length();
            if (d < best[size_t(k)]) {
                best[size_t(k)] = d;
                link[size_t(k)] = u;
            }
        }
    }
}

std::vector<double> Builder::signedField() const
{
    std::vector<double> s(pos.size());
    for (size_t v = 0; v < s.size(); ++v) {
        double e = std::min(double(pos[v]) + double(edge[v]), kPositiveCap) - double(neg[v]) - kIso;
        const std::uint8_t fl = flags[v];
        if (fl & Border)
            e = -1.0;
        else if (fl & ForcedOut)
            e = std::min(e, -kClampMargin);
        else if (fl & ForcedIn)
            e = std::max(e, kClampMargin);
        if (std::abs(e) < 1e-4)
            e = e < 0 ? -1e-4 : 1e-4;
        s[v] = e;
    }
    return s;
}

QList<QPolygonF> Builder::contour(const std::vector<double> &s) const
{
    const int nx = g.nx;
    const auto hEdge = [&](int i, int j) { return 2 * (j * nx + i); };
    const auto vEdge = [&](int i, int j) { return 2 * (j * nx + i) + 1; };
    const auto point = [&](int e) {
        const int v = e / 2;
        const int u = (e % 2 == 0) ? v + 1 : v + nx;
        const double sv = s[size_t(v)], su = s[size_t(u)];
        const double t = sv / (sv - su);
        const QPointF a = g.at(v), b = g.at(u);
        return a + t * (b - a);
    };
    std::vector<std::pair<int, int>> segs;
    for (int j = 0; j + 1 < g.ny; ++j) {
        for (int i = 0; i + 1 < nx; ++i) {
            const double a = s[size_t(g.index(i, j))], b = s[size_t(g.index(i + 1, j))];
            const double c = s[size_t(g.index(i + 1, j + 1))], d = s[size_t(g.index(i, j + 1))];
            const int code = (a > 0) | (b > 0) << 1 | (c > 0) << 2 | (d > 0) << 3;
            if (code == 0 || code == 15)
                continue;
            const int eT = hEdge(i, j), eR = vEdge(i + 1, j), eB = hEdge(i, j + 1), eL = vEdge(i, j);
            if (code == 5 || code == 10) {
                const bool centre = (a + b + c + d) > 0;
                // code 5: a, c inside; code 10: b, d inside.
                const bool cutBD = (code == 5) == centre; // isolate corners b and d
                if (cutBD) {
                    segs.emplace_back(eT, eR);
                    segs.emplace_back(eB, eL);
                } else {
                    segs.emplace_back(eT, eL);
                    segs.emplace_back(eR, eB);
                }
                continue;
            }
            int found[2], k = 0;
            if ((a > 0) != (b > 0))
                found[k++] = eT;
            if ((b > 0) != (c > 0))
                found[k++] = eR;
            if ((d > 0) != (c > 0))
                found[k++] = eB;
            if ((a > 0) != (d > 0))
                found[k++] = eL;
            segs.emplace_back(found[0], found[1]);
        }
    }
    // Link segments through shared edge points: every crossed edge has exactly two segments.
    std::vector<std::pair<int, int>> byEdge; // (edge, segment*2 + end)
    byEdge.reserve(segs.size() * 2);
    for (int k = 0; k < int(segs.size()); ++k) {
        byEdge.emplace_back(segs[size_t(k)].first, 2 * k);
        byEdge.emplace_back(segs[size_t(k)].second, 2 * k + 1);
    }
    std::sort(byEdge.begin(), byEdge.end());
    std::vector<int> partner(segs.size() * 2, -1); // segment end → segment end across the edge
    for (size_t k = 0; k + 1 < byEdge.size(); k += 2) {
        partner[size_t(byEdge[k].second)] = byEdge[k + 1].second;
        partner[size_t(byEdge[k + 1].second)] = byEdge[k].second;
    }
    std::vector<char> used(segs.size(), 0);
    QList<QPolygonF> rings;
    for (int k = 0; k < int(segs.size()); ++k) {
        if (used[size_t(k)])
            continue;
        QPolygonF ring;
        int end = 2 * k; // we enter segment k through its end 0
        const int startEdge = segs[size_t(k)].first;
        ring.append(point(startEdge));
        while (true) {
            const int seg = end / 2;
            used[size_t(seg)] = 1;
            const int exitEnd = end ^ 1;
            const int e = (exitEnd & 1) ? segs[size_t(seg)].second : segs[size_t(seg)].first;
            if (e == startEdge)
                break;
            ring.append(point(e));
            end = partner[size_t(exitEnd)];
            if (end < 0 || used[size_t(end / 2)])
                break; // cannot happen on a closed grid; guards against malformed input
        }
        if (ring.size() >= 3)
            rings.append(ring);
    }
    return rings;
}

bool Builder::acceptable(const QList<QPolygonF> &rings) const
{
    const RegionIndex index(rings);
    if (index.hasCrossings())
        return false;
    for (const Disc &m : req.members)
        if (!index.discInside(m.center, m.radius))
            return false;
    for (const Disc &o : req.others)
        if (index.discMeets(o.center, o.radius))
            return false;
    return true;
}

RegionResult Builder::run()
{
    RegionResult result;
    splatMembers();
    splatOthers();
    for (const std::uint8_t fl : flags)
        if ((fl & ForcedIn) && (fl & ForcedOut))
            ++result.conflicts;
    route(result);
    const QList<QPolygonF> raw = contour(signedField());

    const auto simplified = [](QList<QPolygonF> rings) {
        for (QPolygonF &ring : rings)
            ring = simplifyRing(ring, kSimplifyTolerance);
        return rings;
    };
    QList<QPolygonF> smooth = raw;
    std::vector<QList<QPolygonF>> levels{raw}; // levels[k] = k Chaikin passes
    for (int pass = 1; pass <= req.smoothingPasses; ++pass) {
        for (QPolygonF &ring : smooth)
            ring = chaikin(ring);
        levels.push_back(smooth);
    }
    for (int level = req.smoothingPasses; level >= 0; --level) {
        QList<QPolygonF> candidate = simplified(levels[size_t(level)]);
        if (acceptable(candidate)) {
            result.rings = candidate;
            result.smoothingLevel = level;
            result.valid = true;
            break;
        }
    }
    if (!result.valid) {
        result.rings = raw;
        result.smoothingLevel = 0;
        result.valid = acceptable(raw);
    }
    result.smoothingFellBack = result.smoothingLevel < req.smoothingPasses;
    return result;
}

} // namespace

RegionResult buildRegion(const RegionRequest &request)
{
    Builder builder(request);
    return builder.run();
}

} // namespace EcoAtlas::SpheresDetail
