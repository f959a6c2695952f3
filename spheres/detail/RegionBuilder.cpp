// SPDX-License-Identifier: MIT
#include "RegionBuilder.h"

#include "Geometry.h"
#include "RegionIndex.h"

#include <QLineF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numbers>
#include <queue>
#include <utility>

namespace EcoAtlas::SpheresDetail {

namespace {

constexpr double kIso = 0.5;               // iso-level of the energy
constexpr double kNonMemberWeight = 0.8;   // Bubble Sets' negative weight
constexpr double kPositiveCap = 1.5;       // caps the summed positive energy
constexpr double kClampMargin = 0.08;      // clamped vertices sit this far from the iso-level
constexpr double kRoutePenalty = 6.0;      // A* cost per unit of negative energy
constexpr double kClearNegative = 0.25;    // a straight link may cross at most this much repulsion
constexpr double kSimplifyTolerance = 0.2; // px
constexpr double kTubeRadius = 1.5;        // half width of the minimal corridor, in grid steps
constexpr double kTubeHeight = 0.3;        // its signed energy on the axis

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

/// Douglas–Peucker on the open polyline pts[first..last] (inclusive), marking kept points.
void simplifyRange(
        const std::vector<QPointF> &pts, int first, int last, double tol, std::vector<char> &keep)
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

QPolygonF simplifyRing(const QPolygonF &ring, double tol)
{
    const int n = int(ring.size());
    if (n < 8)
        return ring;
    // Split at point 0 and the point farthest from it.
    int far = 0;
    double best = -1;
    for (int k = 1; k < n; ++k) {
        const double d = distance(ring[0], ring[k]);
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
        tube.assign(n, 0.0f);
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
    static QRectF around(const QPointF &c, double r)
    {
        return {c.x() - r, c.y() - r, 2 * r, 2 * r};
    }

    void splatMembers();
    void splatOthers();
    void route(RegionResult &result);
    bool blocked(int v) const { return flags[size_t(v)] & (ForcedOut | Border); }
    std::vector<int> aStar(int from, int to);
    bool clearLine(int a, int b, double limit, std::vector<int> *out) const;
    std::vector<int> pull(const std::vector<int> &path, std::vector<int> &waypoints) const;
    void addCorridor(const std::vector<int> &chain, const std::vector<int> &waypoints);
    std::vector<double> signedField() const;
    void tidy(std::vector<double> &s) const;
    QList<QPolygonF> contour(const std::vector<double> &s) const;
    bool acceptable(const QList<QPolygonF> &rings) const;

    const RegionRequest &req;
    Grid g;
    std::vector<float> pos, neg, edge, tube;
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
            const double d = distance(p, m.center);
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
            const double d = distance(p, o.center);
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
    const auto heuristic = [&](int v) { // octile distance
        const int dx = std::abs(v % g.nx - ti), dy = std::abs(v / g.nx - tj);
        return float(std::max(dx, dy) + (std::numbers::sqrt2 - 1.0) * std::min(dx, dy));
    };
    using Item = std::pair<float, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    cost[size_t(from)] = 0;
    parent[size_t(from)] = -1;
    seen[size_t(from)] = stamp;
    open.emplace(heuristic(from), from);
    const int nx = g.nx;
    // 8 neighbours; a diagonal step needs a free orthogonal vertex beside it (for 4-connectivity).
    const int dx[8] = {1, -1, 0, 0, 1, 1, -1, -1};
    const int dy[8] = {0, 0, 1, -1, 1, -1, 1, -1};
    while (!open.empty()) {
        const auto [f, v] = open.top();
        open.pop();
        if (f > cost[size_t(v)] + heuristic(v) + 1e-3f)
            continue; // stale entry
        if (v == to) {
            std::vector<int> path;
            for (int u = to; u != -1; u = parent[size_t(u)])
                path.push_back(u);
            std::reverse(path.begin(), path.end());
            return path;
        }
        for (int d = 0; d < 8; ++d) {
            const int u = v + dx[d] + dy[d] * nx; // Border vertices surround the grid
            if (blocked(u))
                continue;
            double length = 1.0;
            if (dx[d] != 0 && dy[d] != 0) {
                if (blocked(v + dx[d]) && blocked(v + dy[d] * nx))
                    continue;
                length = std::numbers::sqrt2;
            }
            const float c = cost[size_t(v)]
                            + float(length * (1.0 + kRoutePenalty * neg[size_t(u)]));
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

bool Builder::clearLine(int a, int b, double limit, std::vector<int> *out) const
{
    const std::vector<int> line = walk4(g, a % g.nx, a / g.nx, b % g.nx, b / g.nx);
    for (int v : line)
        if (blocked(v) || neg[size_t(v)] > limit)
            return false;
    if (out)
        out->insert(out->end(), line.begin() + (out->empty() ? 0 : 1), line.end());
    return true;
}

std::vector<int> Builder::pull(const std::vector<int> &path, std::vector<int> &waypoints) const
{
    // String pulling: from each waypoint jump to the farthest later path vertex reachable by a
    // straight grid line that stays as clear of non-members as the path itself.
    const int n = int(path.size());
    int i = 0;
    std::vector<int> chain{path[0]};
    waypoints = {path[0]};
    while (i < n - 1) {
        int j = i + 1;
        double limit = std::max({kClearNegative,
                                 double(neg[size_t(path[size_t(i)])]),
                                 double(neg[size_t(path[size_t(j)])])});
        while (j + 1 < n) {
            const double next = std::max(limit, double(neg[size_t(path[size_t(j + 1)])]));
            if (!clearLine(path[size_t(i)], path[size_t(j + 1)], next + 1e-6, nullptr))
                break;
            limit = next;
            ++j;
        }
        // The line i → j is clear (j = i + 1 always is: it is a path step or a diagonal whose
        // free orthogonal neighbour walk4 may not pick, so fall back to the path's own step).
        if (!clearLine(path[size_t(i)], path[size_t(j)], limit + 1e-6, &chain)) {
            const int a = path[size_t(i)], b = path[size_t(j)];
            const int side = blocked(a + (b % g.nx - a % g.nx)) ? a + (b / g.nx - a / g.nx) * g.nx
                                                                : a + (b % g.nx - a % g.nx);
            if (side != a && side != b)
                chain.push_back(side);
            chain.push_back(b);
        }
        waypoints.push_back(path[size_t(j)]);
        i = j;
    }
    return chain;
}

void Builder::addCorridor(const std::vector<int> &chain, const std::vector<int> &waypoints)
{
    // The 4-connected chain is clamped inside (it keeps the region connected); a thin tube
    // around the waypoint polyline and the wider corridor energy give it smooth borders.
    for (int v : chain)
        flags[size_t(v)] |= ForcedIn;
    const double reach = req.edgeReach;
    const double tubeRadius = kTubeRadius * g.h;
    for (size_t k = 0; k + 1 < waypoints.size(); ++k) {
        const QPointF a = g.at(waypoints[k]), b = g.at(waypoints[k + 1]);
        const double r = std::max(reach, tubeRadius);
        const QRectF box = QRectF(a, b).normalized().adjusted(-r, -r, r, r);
        forVertices(box, [&](int v, const QPointF &p) {
            const double d = segmentDistance(p, a, b);
            edge[size_t(v)] = std::max(edge[size_t(v)], float(falloff(d, reach)));
            if (d < tubeRadius)
                tube[size_t(v)] = std::max(tube[size_t(v)],
                                           float(kTubeHeight * (1.0 - d / tubeRadius)));
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
            std::vector<int> path = walk4(g, from % g.nx, from / g.nx, to % g.nx, to / g.nx);
            const bool clear = std::all_of(path.begin(), path.end(), [&](int v) {
                return !(flags[size_t(v)] & (ForcedOut | Border))
                       && neg[size_t(v)] < kClearNegative;
            });
            std::vector<int> waypoints{from, to};
            if (!clear) {
                path = aStar(from, to);
                if (!path.empty())
                    path = pull(path, waypoints);
            }
            if (path.empty())
                ++result.unroutedLinks;
            else
                addCorridor(path, waypoints);
        }
        for (int k = 0; k < n; ++k) {
            if (inTree[size_t(k)])
                continue;
            const double d = distance(nodes[size_t(u)], nodes[size_t(k)]);
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
        if (tube[v] > 0)
            e = std::max(e, double(tube[v]));
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

void Builder::tidy(std::vector<double> &s) const
{
    // Connected components (4-neighbourhood) of inside and of outside vertices. Islands holding
    // no clamped-inside vertex serve no member: drop them. Small holes holding no
    // clamped-outside vertex keep no non-member out: fill them. Clamped vertices keep their
    // side, so the contour's guarantees are unaffected.
    const int n = int(s.size());
    const double maxHole = std::numbers::pi * req.memberReach * req.memberReach / (g.h * g.h);
    std::vector<int> component(size_t(n), -1);
    std::vector<int> stack, members;
    for (int start = 0; start < n; ++start) {
        if (component[size_t(start)] >= 0)
            continue;
        const bool inside = s[size_t(start)] > 0;
        bool border = false, clamped = false;
        members.clear();
        stack.assign(1, start);
        component[size_t(start)] = start;
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            members.push_back(v);
            const std::uint8_t fl = flags[size_t(v)];
            border |= (fl & Border) != 0;
            clamped |= (fl & (inside ? ForcedIn : ForcedOut)) != 0;
            const int i = v % g.nx, j = v / g.nx;
            const int next[4] = {i > 0 ? v - 1 : -1,
                                 i + 1 < g.nx ? v + 1 : -1,
                                 j > 0 ? v - g.nx : -1,
                                 j + 1 < g.ny ? v + g.nx : -1};
            for (int u : next)
                if (u >= 0 && component[size_t(u)] < 0 && (s[size_t(u)] > 0) == inside) {
                    component[size_t(u)] = start;
                    stack.push_back(u);
                }
        }
        if (clamped)
            continue;
        if (inside) {
            for (int v : members)
                s[size_t(v)] = -kClampMargin;
        } else if (!border && double(members.size()) <= maxHole) {
            for (int v : members)
                s[size_t(v)] = kClampMargin;
        }
    }
}

QList<QPolygonF> Builder::contour(const std::vector<double> &s) const
{
    const int nx = g.nx;
    const auto hEdge = [&](int i, int j) {
        return 2 * (j * nx + i);
    };
    const auto vEdge = [&](int i, int j) {
        return 2 * (j * nx + i) + 1;
    };
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
            const int eT = hEdge(i, j), eR = vEdge(i + 1, j), eB = hEdge(i, j + 1),
                      eL = vEdge(i, j);
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
    std::vector<double> field = signedField();
    tidy(field);
    const QList<QPolygonF> raw = contour(field);

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
