// SPDX-License-Identifier: MIT
#include "ForceLayout.h"

#include "detail/ComponentPacker.h"
#include "detail/ForceSolver.h"
#include "detail/OverlapRemover.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace EcoAtlas {

namespace {

using Detail::SolverGraph;

constexpr double RepulsionStrength = 0.2; ///< repulsion = RepulsionStrength · K² (Hu 2005: C)
constexpr double Theta = 1.2;             ///< Barnes–Hut opening criterion
constexpr int IncrementalIterations = 50;
constexpr double IncrementalStep = 0.2; ///< first move limit of a refinement, in units of K
constexpr double FinalStep = 0.2;       ///< largest move of the last force iteration, px
constexpr int MaxOverlapSweeps = 2000;
constexpr int StressExactLimit = 2000; ///< stress() is exact up to this many nodes
constexpr int StressSamples = 200;     ///< BFS sources sampled by stress() above that
constexpr double MaxCoverage = 0.4;    ///< densest share of a region node discs may cover
constexpr double MinScale = 0.05;      ///< bounds of normalizeScale()
constexpr double MaxScale = 20.0;

struct CleanEdge
{
    int a;
    int b;
    double w;
};

void fail(const std::string &what)
{
    throw std::invalid_argument("ForceLayout: " + what);
}

bool finite(const QPointF &p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

int findRoot(std::vector<int> &parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

void unite(std::vector<int> &parent, int a, int b)
{
    a = findRoot(parent, a);
    b = findRoot(parent, b);
    if (a != b)
        parent[std::max(a, b)] = std::min(a, b);
}

/// Edges with source < target, self-loops dropped, parallel edges merged, sorted.
std::vector<CleanEdge> cleanEdges(const LayoutGraph &graph, bool checkWeights)
{
    const int n = graph.nodeCount();
    std::vector<CleanEdge> edges;
    edges.reserve(size_t(graph.edges.size()));
    for (const LayoutEdge &e : graph.edges) {
        if (e.source < 0 || e.source >= n || e.target < 0 || e.target >= n)
            fail("edge " + std::to_string(e.source) + "–" + std::to_string(e.target)
                 + " names a node out of range");
        if (checkWeights && !(std::isfinite(e.weight) && e.weight > 0.0))
            fail("edge weights must be finite and > 0");
        if (e.source == e.target)
            continue;
        edges.push_back({std::min(e.source, e.target), std::max(e.source, e.target), e.weight});
    }
    std::sort(edges.begin(), edges.end(), [](const CleanEdge &l, const CleanEdge &r) {
        return l.a != r.a ? l.a < r.a : (l.b != r.b ? l.b < r.b : l.w < r.w);
    });
    std::vector<CleanEdge> merged;
    merged.reserve(edges.size());
    for (const CleanEdge &e : edges) {
        if (!merged.empty() && merged.back().a == e.a && merged.back().b == e.b)
            merged.back().w += e.w;
        else
            merged.push_back(e);
    }
    return merged;
}

/// Compressed adjacency lists of a graph with `n` nodes.
struct Adjacency
{
    std::vector<int> offset;
    std::vector<int> target;

    Adjacency(int n, const std::vector<int> &a, const std::vector<int> &b)
        : offset(n + 1, 0)
        , target(a.size() * 2)
    {
        for (size_t e = 0; e < a.size(); ++e) {
            ++offset[a[e] + 1];
            ++offset[b[e] + 1];
        }
        for (int i = 0; i < n; ++i)
            offset[i + 1] += offset[i];
        std::vector<int> fill(offset.begin(), offset.end() - 1);
        for (size_t e = 0; e < a.size(); ++e) {
            target[fill[a[e]]++] = b[e];
            target[fill[b[e]]++] = a[e];
        }
    }
};

/// Gives positions to the nodes of `g` that have none (`placed` false): breadth-first from the
/// placed nodes, each at the mean of its placed neighbours plus a small random offset.
void seedMissing(SolverGraph &g, std::vector<char> placed, double k, std::mt19937 &rng)
{
    const Adjacency adj(g.n, g.edgeA, g.edgeB);
    std::vector<int> queue;
    double cx = 0.0, cy = 0.0;
    for (int i = 0; i < g.n; ++i) {
        if (placed[i]) {
            queue.push_back(i);
            cx += g.x[i];
            cy += g.y[i];
        }
    }
    cx /= double(queue.size());
    cy /= double(queue.size());
    const auto jitter = [&](double radius, double &x, double &y) {
        const double angle = Detail::randomUnit(rng) * 6.283185307179586;
        const double r = radius * (0.5 + 0.5 * Detail::randomUnit(rng));
        x += r * std::cos(angle);
        y += r * std::sin(angle);
    };
    for (size_t head = 0; head < queue.size(); ++head) {
        const int u = queue[head];
        for (int a = adj.offset[u]; a < adj.offset[u + 1]; ++a) {
            const int v = adj.target[a];
            if (placed[v])
                continue;
            double sx = 0.0, sy = 0.0;
            int count = 0;
            for (int b = adj.offset[v]; b < adj.offset[v + 1]; ++b) {
                const int w = adj.target[b];
                if (placed[w]) {
                    sx += g.x[w];
                    sy += g.y[w];
                    ++count;
                }
            }
            g.x[v] = sx / count;
            g.y[v] = sy / count;
            jitter(0.5 * k, g.x[v], g.y[v]);
            placed[v] = 1;
            queue.push_back(v);
        }
    }
    // Nodes only tied by a group: near the centre of what is placed.
    for (int i = 0; i < g.n; ++i) {
        if (placed[i])
            continue;
        g.x[i] = cx;
        g.y[i] = cy;
        jitter(k * std::sqrt(double(g.n)) / 2, g.x[i], g.y[i]);
    }
}

/// The smallest factor by which a component may be scaled so that its densest regions are not
/// over-full: node discs (radius + gap/2) cover at most MaxCoverage of the 90th-percentile grid
/// cell (cells of six typical node spacings, weighted by node count).
double minimumDensityScale(const SolverGraph &g, const std::vector<double> &radius, double gap)
{
    double meanNeed = 0.0;
    for (int m = 0; m < g.n; ++m)
        meanNeed += 2.0 * radius[m] + gap;
    meanNeed /= g.n;
    const double cell = 6.0 * std::max(meanNeed, 1e-3);
    std::vector<std::pair<std::pair<long long, long long>, double>> cells(g.n);
    for (int m = 0; m < g.n; ++m) {
        const double r = radius[m] + gap / 2;
        cells[m] = {{(long long)std::floor(g.x[m] / cell), (long long)std::floor(g.y[m] / cell)},
                    3.141592653589793 * r * r};
    }
    std::sort(cells.begin(), cells.end());
    std::vector<double> coverage; // per node: the coverage of its cell
    coverage.reserve(g.n);
    for (size_t a = 0; a < cells.size();) {
        size_t b = a;
        double area = 0.0;
        while (b < cells.size() && cells[b].first == cells[a].first)
            area += cells[b++].second;
        coverage.insert(coverage.end(), b - a, area / (cell * cell));
        a = b;
    }
    const size_t p = coverage.size() * 9 / 10;
    std::nth_element(coverage.begin(), coverage.begin() + p, coverage.end());
    return std::sqrt(coverage[p] / MaxCoverage);
}

/// The factor that brings the median edge of `g` to length `k`, or 0 without edges.
double edgeLengthScale(const SolverGraph &g, double k)
{
    std::vector<double> lengths;
    lengths.reserve(g.edgeA.size());
    for (size_t e = 0; e < g.edgeA.size(); ++e)
        lengths.push_back(
                std::hypot(g.x[g.edgeB[e]] - g.x[g.edgeA[e]], g.y[g.edgeB[e]] - g.y[g.edgeA[e]]));
    if (lengths.empty())
        return 0.0;
    const size_t mid = lengths.size() / 2;
    std::nth_element(lengths.begin(), lengths.begin() + mid, lengths.end());
    return lengths[mid] > 0.0 ? k / lengths[mid] : 0.0;
}

/// Scales a fresh, unpinned component about its centroid: its median edge becomes `k` long
/// unless that would crowd its densest regions (then it is scaled just enough to avoid that).
void normalizeScale(SolverGraph &g, const std::vector<double> &radius, double gap, double k)
{
    if (g.n < 2)
        return;
    const double scale = std::clamp(
            std::max(edgeLengthScale(g, k), minimumDensityScale(g, radius, gap)),
            MinScale,
            MaxScale);
    double cx = 0.0, cy = 0.0;
    for (int m = 0; m < g.n; ++m) {
        cx += g.x[m];
        cy += g.y[m];
    }
    cx /= g.n;
    cy /= g.n;
    for (int m = 0; m < g.n; ++m) {
        g.x[m] = cx + (g.x[m] - cx) * scale;
        g.y[m] = cy + (g.y[m] - cy) * scale;
    }
}

/// FR energy is Σ_edges w·d³/(3K) − c·K²·Σ_pairs q_i·q_j·ln d, so scaling a drawing by s is
/// optimal when s³ = c·K³·Σqq / Σw·d³. This returns the repulsion c for which the drawing of the
/// `placed` nodes is already at its optimal scale (or `fallback` when it has no such edge), so
/// that refining it keeps its size.
double matchingRepulsion(const SolverGraph &g,
                         const std::vector<char> &placed,
                         double k,
                         double fallback)
{
    double cube = 0.0;
    for (size_t e = 0; e < g.edgeA.size(); ++e) {
        const int a = g.edgeA[e];
        const int b = g.edgeB[e];
        if (!placed[a] || !placed[b])
            continue;
        const double d = std::hypot(g.x[b] - g.x[a], g.y[b] - g.y[a]);
        cube += g.edgeW[e] * d * d * d;
    }
    double sumQ = 0.0, sumQ2 = 0.0;
    for (int m = 0; m < g.n; ++m) {
        if (placed[m]) {
            sumQ += g.charge[m];
            sumQ2 += g.charge[m] * g.charge[m];
        }
    }
    const double pairs = (sumQ * sumQ - sumQ2) / 2;
    if (!(cube > 0.0) || !(pairs > 0.0))
        return fallback;
    return cube / (k * k * k * pairs);
}

/// Moves the drawing `g` rigidly (rotation, mirror if `mayMirror`, translation: 2-D Procrustes)
/// so that its fixed nodes come as close as possible to the positions `px`, `py`; then, if
/// `snap`, puts the fixed nodes there. Returns the root-mean-square distance that was left.
double alignToPinned(SolverGraph &g,
                     const std::vector<double> &px,
                     const std::vector<double> &py,
                     bool mayMirror,
                     bool snap)
{
    double ax = 0.0, ay = 0.0, bx = 0.0, by = 0.0;
    int count = 0;
    for (int m = 0; m < g.n; ++m) {
        if (!g.fixed[m])
            continue;
        ax += g.x[m];
        ay += g.y[m];
        bx += px[m];
        by += py[m];
        ++count;
    }
    ax /= count;
    ay /= count;
    bx /= count;
    by /= count;
    // Best rotation for the drawing as is (mirror = 1) and mirrored in x (mirror = -1).
    double best = -1.0, bestCos = 1.0, bestSin = 0.0, bestMirror = 1.0;
    for (double mirror : {1.0, -1.0}) {
        if (mirror < 0.0 && !mayMirror)
            break;
        double dot = 0.0, cross = 0.0;
        for (int m = 0; m < g.n; ++m) {
            if (!g.fixed[m])
                continue;
            const double sx = mirror * (g.x[m] - ax);
            const double sy = g.y[m] - ay;
            const double tx = px[m] - bx;
            const double ty = py[m] - by;
            dot += sx * tx + sy * ty;
            cross += sx * ty - sy * tx;
        }
        const double norm = std::hypot(dot, cross);
        const double cosA = norm > 0.0 ? dot / norm : 1.0;
        const double sinA = norm > 0.0 ? cross / norm : 0.0;
        if (norm > best) {
            best = norm;
            bestCos = cosA;
            bestSin = sinA;
            bestMirror = mirror;
        }
    }
    double residual = 0.0;
    for (int m = 0; m < g.n; ++m) {
        const double sx = bestMirror * (g.x[m] - ax);
        const double sy = g.y[m] - ay;
        g.x[m] = bx + bestCos * sx - bestSin * sy;
        g.y[m] = by + bestSin * sx + bestCos * sy;
        if (g.fixed[m]) {
            residual += (g.x[m] - px[m]) * (g.x[m] - px[m]) + (g.y[m] - py[m]) * (g.y[m] - py[m]);
            if (snap) {
                g.x[m] = px[m];
                g.y[m] = py[m];
            }
        }
    }
    return std::sqrt(residual / count);
}

/// Throws std::invalid_argument unless the input of ForceLayout::run() is valid.
void validate(const ForceLayout::Options &o,
              const LayoutGraph &graph,
              const QList<QPointF> &initial,
              const QList<bool> &pinned)
{
    if (!(std::isfinite(o.idealEdgeLength) && o.idealEdgeLength > 0.0))
        fail("idealEdgeLength must be finite and > 0");
    if (!(std::isfinite(o.gap) && o.gap >= 0.0))
        fail("gap must be finite and >= 0");
    if (!(std::isfinite(o.groupAttraction) && o.groupAttraction >= 0.0))
        fail("groupAttraction must be finite and >= 0");
    const int n = graph.nodeCount();
    if (!initial.isEmpty() && initial.size() != n)
        fail("initial positions must be empty or one per node");
    if (!pinned.isEmpty() && pinned.size() != n)
        fail("pinned flags must be empty or one per node");
    if (!graph.groups.isEmpty() && graph.groups.size() != n)
        fail("groups must be empty or one per node");
    for (double r : graph.radii) {
        if (!(std::isfinite(r) && r >= 0.0))
            fail("radii must be finite and >= 0");
    }
    for (int i = 0; i < pinned.size(); ++i) {
        if (pinned[i] && (initial.isEmpty() || !finite(initial[i])))
            fail("pinned node " + std::to_string(i) + " has no finite initial position");
    }
}

/// The connected components of a graph (nodes of one group count as connected), numbered by
/// their smallest node; nodes and edges of each in increasing order.
struct Components
{
    std::vector<std::vector<int>> nodes; ///< per component: its nodes
    std::vector<std::vector<int>> edges; ///< per component: indices into the clean edge list
    std::vector<int> local;              ///< per node: its index within its component

    Components(int n, const std::vector<CleanEdge> &edgeList, const QList<int> &groups)
        : local(n)
    {
        std::vector<int> root(n);
        std::iota(root.begin(), root.end(), 0);
        for (const CleanEdge &e : edgeList)
            unite(root, e.a, e.b);
        std::vector<std::pair<int, int>> byGroup; // (group, node)
        for (int i = 0; i < groups.size(); ++i) {
            if (groups[i] >= 0)
                byGroup.emplace_back(groups[i], i);
        }
        std::sort(byGroup.begin(), byGroup.end());
        for (size_t m = 1; m < byGroup.size(); ++m) {
            if (byGroup[m].first == byGroup[m - 1].first)
                unite(root, byGroup[m].second, byGroup[m - 1].second);
        }
        std::vector<int> component(n, -1);
        for (int i = 0; i < n; ++i) {
            const int r = findRoot(root, i);
            if (component[r] < 0) {
                component[r] = int(nodes.size());
                nodes.emplace_back();
            }
            component[i] = component[r];
            local[i] = int(nodes[component[i]].size());
            nodes[component[i]].push_back(i);
        }
        edges.resize(nodes.size());
        for (size_t e = 0; e < edgeList.size(); ++e)
            edges[component[edgeList[e].a]].push_back(int(e));
    }
};

/// Lays out the components of one ForceLayout::run() one after the other (sharing one solver and
/// one random sequence) and collects the figures for ForceLayout::Stats.
class ComponentLayouter
{
public:
    ComponentLayouter(const ForceLayout::Options &options, double meanRadius)
        : m_options(options)
        , m_k(options.idealEdgeLength)
        , m_meanRadius(meanRadius)
        , m_rng(options.seed)
        , m_solver(solverParams(options))
    {}

    /// Larger nodes repel more: the charge grows with the square of radius + K/4.
    double charge(double radius) const
    {
        const double ratio = (radius + m_k / 4) / (m_meanRadius + m_k / 4);
        return std::clamp(ratio * ratio, 0.25, 16.0);
    }

    /// Lays out `g`, whose nodes with `placed` set carry initial positions and whose fixed nodes
    /// are pinned. Returns true when the result stays where it is (pinned or refined in place),
    /// false when it is a fresh drawing to be packed.
    bool layout(SolverGraph &g, std::vector<char> placed, const std::vector<double> &radius)
    {
        int pinnedCount = 0;
        bool anyPlacedFree = false;
        for (int m = 0; m < g.n; ++m) {
            pinnedCount += g.fixed[m] ? 1 : 0;
            anyPlacedFree = anyPlacedFree || (placed[m] && !g.fixed[m]);
        }
        const bool anyPinned = pinnedCount > 0;
        if (g.n < 2)
            return anyPinned || anyPlacedFree;
        if (anyPlacedFree || 2 * pinnedCount >= g.n) {
            // Refinement: the drawing is mostly given.
            m_solver.setRepulsion(matchingRepulsion(g, placed, m_k, RepulsionStrength));
            if (std::find(placed.begin(), placed.end(), 0) != placed.end()) {
                // Newcomers first find their place while the others hold still.
                seedMissing(g, placed, m_k, m_rng);
                const std::vector<char> pinnedFlags(g.fixed);
                for (int m = 0; m < g.n; ++m)
                    g.fixed[m] = g.fixed[m] || placed[m];
                m_solver.relax(g, IncrementalIterations, m_k, FinalStep);
                g.fixed = pinnedFlags;
                std::fill(placed.begin(), placed.end(), 1);
            }
            refine(g, placed, IncrementalStep * m_k, !anyPinned);
            return true;
        }
        // Fresh: lay out without the pins and give the drawing its size ...
        const std::vector<double> pinX(g.x), pinY(g.y);
        const std::vector<char> pinnedFlags(g.fixed);
        std::fill(g.fixed.begin(), g.fixed.end(), 0);
        m_levels = std::max(m_levels, m_solver.multilevel(g, m_rng));
        normalizeScale(g, radius, m_options.gap, m_k);
        g.fixed = pinnedFlags;
        if (!anyPinned) {
            m_lastMaxMove = std::max(m_lastMaxMove, m_solver.lastMaxMove());
            return false;
        }
        // ... then turn and move it onto the pins and let it settle around them.
        const std::vector<char> all(g.n, 1);
        m_solver.setRepulsion(matchingRepulsion(g, all, m_k, RepulsionStrength));
        const double misfit = alignToPinned(g, pinX, pinY, true, true);
        refine(g, all, std::clamp(misfit, 0.5 * m_k, 10.0 * m_k), false);
        return true;
    }

    int levels() const { return m_levels; }
    int iterations() const { return m_solver.iterations(); }
    double lastMaxMove() const { return m_lastMaxMove; }

private:
    static Detail::SolverParams solverParams(const ForceLayout::Options &options)
    {
        Detail::SolverParams params;
        params.k = options.idealEdgeLength;
        params.repulsion = RepulsionStrength;
        params.groupPull = options.groupAttraction;
        params.theta = Theta;
        return params;
    }

    /// Refinement from the current positions with moves of at most `step` px, shrinking; with
    /// `holdStill`, any drift or turn of the whole drawing is undone afterwards.
    void refine(SolverGraph &g, const std::vector<char> &placed, double step, bool holdStill)
    {
        const std::vector<double> beforeX(g.x), beforeY(g.y);
        m_solver.relax(g, IncrementalIterations, step, FinalStep);
        if (holdStill) {
            const std::vector<char> flags(g.fixed);
            g.fixed = placed;
            alignToPinned(g, beforeX, beforeY, false, false);
            g.fixed = flags;
        }
        m_solver.setRepulsion(RepulsionStrength);
        m_levels = std::max(m_levels, 1);
        m_lastMaxMove = std::max(m_lastMaxMove, m_solver.lastMaxMove());
    }

    const ForceLayout::Options &m_options;
    double m_k;
    double m_meanRadius;
    std::mt19937 m_rng;
    Detail::ForceSolver m_solver;
    int m_levels = 0;
    double m_lastMaxMove = 0.0;
};

} // namespace

ForceLayout::ForceLayout(const Options &options)
    : m_options(options)
{}

QList<QPointF> ForceLayout::run(const LayoutGraph &graph,
                                const QList<QPointF> &initial,
                                const QList<bool> &pinned)
{
    validate(m_options, graph, initial, pinned);
    const std::vector<CleanEdge> edges = cleanEdges(graph, true);
    const int n = graph.nodeCount();
    m_stats = Stats();
    if (n == 0)
        return {};
    const Options &o = m_options;
    const double k = o.idealEdgeLength;

    std::vector<double> x(n, 0.0), y(n, 0.0), radius(graph.radii.begin(), graph.radii.end());
    std::vector<char> fixed(n, 0);
    for (int i = 0; i < pinned.size(); ++i)
        fixed[i] = pinned[i] ? 1 : 0;
    const double meanRadius = std::accumulate(radius.begin(), radius.end(), 0.0) / n;

    const Components components(n, edges, graph.groups);
    ComponentLayouter layouter(o, meanRadius);
    std::vector<Detail::PackBox> packBoxes, anchoredBoxes;
    std::vector<int> packed; // components to pack, in the order of packBoxes
    for (size_t c = 0; c < components.nodes.size(); ++c) {
        const std::vector<int> &nodes = components.nodes[c];
        const int size = int(nodes.size());
        SolverGraph g;
        g.resize(size);
        std::vector<double> compRadius(size);
        std::vector<char> placed(size, 0);
        std::map<int, int> groupIds; // group id → local group id
        for (int m = 0; m < size; ++m) {
            const int i = nodes[m];
            compRadius[m] = radius[i];
            g.charge[m] = layouter.charge(radius[i]);
            g.fixed[m] = fixed[i];
            if (!initial.isEmpty() && finite(initial[i])) {
                g.x[m] = initial[i].x();
                g.y[m] = initial[i].y();
                placed[m] = 1;
            }
            const int group = graph.groups.isEmpty() ? -1 : graph.groups[i];
            if (group >= 0)
                g.group[m] = groupIds.emplace(group, int(groupIds.size())).first->second;
        }
        g.groupCount = int(groupIds.size());
        for (int e : components.edges[c]) {
            g.edgeA.push_back(components.local[edges[e].a]);
            g.edgeB.push_back(components.local[edges[e].b]);
            g.edgeW.push_back(edges[e].w);
        }
        const bool anchored = layouter.layout(g, placed, compRadius);

        Detail::PackBox box{1e300, 1e300, -1e300, -1e300};
        for (int m = 0; m < size; ++m) {
            const int i = nodes[m];
            x[i] = g.x[m];
            y[i] = g.y[m];
            box.minX = std::min(box.minX, x[i] - radius[i]);
            box.minY = std::min(box.minY, y[i] - radius[i]);
            box.maxX = std::max(box.maxX, x[i] + radius[i]);
            box.maxY = std::max(box.maxY, y[i] + radius[i]);
        }
        (anchored ? anchoredBoxes : packBoxes).push_back(box);
        if (!anchored)
            packed.push_back(int(c));
    }

    if (!packBoxes.empty()) {
        // Grid cells of K/2 (coarser for huge components), K/2 of space between components.
        double maxSide = 0.0;
        for (const Detail::PackBox &b : packBoxes)
            maxSide = std::max({maxSide, b.maxX - b.minX, b.maxY - b.minY});
        Detail::ComponentPacker packer(std::max(k / 2, maxSide / 150.0), std::max(o.gap, k / 2));
        const auto shifts = packer.pack(packBoxes, anchoredBoxes);
        for (size_t b = 0; b < packed.size(); ++b) {
            for (int i : components.nodes[packed[b]]) {
                x[i] += shifts[b].first;
                y[i] += shifts[b].second;
            }
        }
    }

    Detail::OverlapRemover remover(x, y, radius, fixed, o.gap);
    m_stats.overlapPasses = remover.run(MaxOverlapSweeps);
    m_stats.remainingOverlaps = remover.countConflicts(1e-6);
    m_stats.levels = layouter.levels();
    m_stats.iterations = layouter.iterations();
    m_stats.lastMaxMove = layouter.lastMaxMove();

    QList<QPointF> result(n);
    for (int i = 0; i < n; ++i)
        result[i] = fixed[i] ? initial[i] : QPointF(x[i], y[i]);
    return result;
}

namespace {

/// Sums over the node pairs used by ForceLayout::stress(): with r = |p_i - p_j| / hops_ij, the
/// count of pairs, Σ r and Σ r², from which both stress figures follow.
struct StressSums
{
    double pairs = 0.0;
    double sumR = 0.0;
    double sumR2 = 0.0;
};

StressSums stressSums(const QList<QPointF> &positions, const LayoutGraph &graph)
{
    const int n = graph.nodeCount();
    if (positions.size() != n)
        fail("stress: positions must have one entry per node");
    const std::vector<CleanEdge> edges = cleanEdges(graph, false);
    std::vector<int> a, b;
    for (const CleanEdge &e : edges) {
        a.push_back(e.a);
        b.push_back(e.b);
    }
    const Adjacency adj(n, a, b);
    std::vector<int> sources;
    const bool exact = n <= StressExactLimit;
    if (exact) {
        sources.resize(n);
        std::iota(sources.begin(), sources.end(), 0);
    } else {
        for (int s = 0; s < StressSamples; ++s)
            sources.push_back(int((long long)(s)*n / StressSamples));
    }
    std::vector<int> hops(n, -1);
    std::vector<int> queue;
    queue.reserve(n);
    StressSums sums;
    for (int s : sources) {
        std::fill(hops.begin(), hops.end(), -1);
        queue.clear();
        queue.push_back(s);
        hops[s] = 0;
        for (size_t head = 0; head < queue.size(); ++head) {
            const int u = queue[head];
            for (int e = adj.offset[u]; e < adj.offset[u + 1]; ++e) {
                const int v = adj.target[e];
                if (hops[v] < 0) {
                    hops[v] = hops[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        for (int v : queue) {
            // Exact mode counts every unordered pair once.
            if (v == s || (exact && v < s))
                continue;
            const double dx = positions[v].x() - positions[s].x();
            const double dy = positions[v].y() - positions[s].y();
            const double r = std::sqrt(dx * dx + dy * dy) / hops[v];
            sums.pairs += 1.0;
            sums.sumR += r;
            sums.sumR2 += r * r;
        }
    }
    return sums;
}

} // namespace

double ForceLayout::stress(const QList<QPointF> &positions,
                           const LayoutGraph &graph,
                           double idealEdgeLength)
{
    if (!(std::isfinite(idealEdgeLength) && idealEdgeLength > 0.0))
        fail("stress: idealEdgeLength must be finite and > 0");
    const StressSums s = stressSums(positions, graph);
    if (s.pairs == 0.0)
        return 0.0;
    // mean of (r / L - 1)²
    const double l = idealEdgeLength;
    return (s.sumR2 / (l * l) - 2.0 * s.sumR / l + s.pairs) / s.pairs;
}

double ForceLayout::scaledStress(const QList<QPointF> &positions, const LayoutGraph &graph)
{
    const StressSums s = stressSums(positions, graph);
    if (s.pairs == 0.0 || s.sumR2 == 0.0)
        return s.pairs == 0.0 ? 0.0 : 1.0;
    // min over L of the mean of (r / L - 1)²: 1 - (Σr)² / (pairs · Σr²)
    return std::max(0.0, 1.0 - s.sumR * s.sumR / (s.pairs * s.sumR2));
}

int ForceLayout::countOverlaps(const QList<QPointF> &positions,
                               const QList<double> &radii,
                               double gap)
{
    if (positions.size() != radii.size())
        fail("countOverlaps: positions and radii differ in size");
    const int n = int(positions.size());
    std::vector<double> x(n), y(n), r(radii.begin(), radii.end());
    std::vector<char> fixed(n, 0);
    for (int i = 0; i < n; ++i) {
        x[i] = positions[i].x();
        y[i] = positions[i].y();
    }
    Detail::OverlapRemover counter(x, y, r, fixed, gap);
    return counter.countConflicts(1e-6);
}

} // namespace EcoAtlas
