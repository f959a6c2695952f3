// SPDX-License-Identifier: MIT
#include "ForceSolver.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace EcoAtlas::Detail {

namespace {

constexpr int CoarsestSize = 24;        ///< stop coarsening at this many nodes
constexpr double MinReduction = 0.85;   ///< stop when a level keeps more than this share
constexpr int CoarsestIterations = 300; ///< iterations on a small coarsest level
constexpr int LargeCoarsestIterations = 150;
constexpr int RefineIterations = 30; ///< iterations per finer level
constexpr int FinestIterations = 50; ///< iterations on the original graph
constexpr double FinalStep = 0.2;    ///< largest move of the last iteration, px

} // namespace

void SolverGraph::resize(int count)
{
    n = count;
    x.assign(count, 0.0);
    y.assign(count, 0.0);
    charge.assign(count, 1.0);
    fixed.assign(count, 0);
    group.assign(count, -1);
}

ForceSolver::ForceSolver(const SolverParams &params)
    : m_params(params)
{}

double ForceSolver::relax(SolverGraph &g, int iterations, double step0, double step1)
{
    const int n = g.n;
    m_lastMaxMove = 0.0;
    if (iterations <= 0 || std::find(g.fixed.begin(), g.fixed.end(), 0) == g.fixed.end())
        return 0.0;
    const double k = m_params.k;
    const double strength = m_params.repulsion * k * k;
    const double pairScale = std::cbrt(m_params.repulsion);
    // Stiffness of each node, so that a move is a damped Newton step on the node alone.
    std::vector<double> stiffness(g.charge);
    for (size_t e = 0; e < g.edgeA.size(); ++e) {
        stiffness[g.edgeA[e]] += 2.0 * pairScale * g.edgeW[e];
        stiffness[g.edgeB[e]] += 2.0 * pairScale * g.edgeW[e];
    }
    const bool groups = g.groupCount > 0 && m_params.groupPull > 0.0;
    if (groups) {
        for (int i = 0; i < n; ++i) {
            if (g.group[i] >= 0)
                stiffness[i] += 2.0 * pairScale * m_params.groupPull * g.charge[i];
        }
    }
    m_fx.resize(n);
    m_fy.resize(n);
    const double ratio = iterations > 1 ? std::pow(step1 / step0, 1.0 / (iterations - 1)) : 1.0;
    double step = step0;
    double maxMove = 0.0;
    for (int it = 0; it < iterations; ++it, step *= ratio) {
        std::fill(m_fx.begin(), m_fx.end(), 0.0);
        std::fill(m_fy.begin(), m_fy.end(), 0.0);
        if (n > 1) {
            m_tree.build(g.x, g.y, g.charge);
            m_tree.addRepulsion(strength, m_params.theta, g.fixed, m_fx, m_fy);
        }
        for (size_t e = 0; e < g.edgeA.size(); ++e) {
            const int a = g.edgeA[e];
            const int b = g.edgeB[e];
            const double dx = g.x[b] - g.x[a];
            const double dy = g.y[b] - g.y[a];
            const double f = g.edgeW[e] * std::sqrt(dx * dx + dy * dy) / k;
            m_fx[a] += f * dx;
            m_fy[a] += f * dy;
            m_fx[b] -= f * dx;
            m_fy[b] -= f * dy;
        }
        if (groups) {
            m_gx.assign(g.groupCount, 0.0);
            m_gy.assign(g.groupCount, 0.0);
            m_gq.assign(g.groupCount, 0.0);
            for (int i = 0; i < n; ++i) {
                const int gr = g.group[i];
                if (gr < 0)
                    continue;
                m_gx[gr] += g.x[i] * g.charge[i];
                m_gy[gr] += g.y[i] * g.charge[i];
                m_gq[gr] += g.charge[i];
            }
            for (int i = 0; i < n; ++i) {
                const int gr = g.group[i];
                if (gr < 0)
                    continue;
                const double dx = m_gx[gr] / m_gq[gr] - g.x[i];
                const double dy = m_gy[gr] / m_gq[gr] - g.y[i];
                const double f = m_params.groupPull * g.charge[i] * std::sqrt(dx * dx + dy * dy)
                                 / k;
                m_fx[i] += f * dx;
                m_fy[i] += f * dy;
            }
        }
        maxMove = 0.0;
        for (int i = 0; i < n; ++i) {
            if (g.fixed[i])
                continue;
            const double f = std::sqrt(m_fx[i] * m_fx[i] + m_fy[i] * m_fy[i]);
            if (!(f > 0.0))
                continue;
            const double move = std::min(step, 0.5 * f / stiffness[i]);
            g.x[i] += m_fx[i] / f * move;
            g.y[i] += m_fy[i] / f * move;
            maxMove = std::max(maxMove, move);
        }
        ++m_iterations;
    }
    m_lastMaxMove = maxMove;
    return maxMove;
}

int ForceSolver::multilevel(SolverGraph &g, std::mt19937 &rng)
{
    std::vector<SolverGraph> levels;
    std::vector<std::vector<int>> parents;
    levels.push_back(g);
    while (levels.back().n > CoarsestSize) {
        std::vector<int> parent;
        SolverGraph coarse = coarsen(levels.back(), parent, rng);
        if (coarse.n > MinReduction * levels.back().n)
            break;
        parents.push_back(std::move(parent));
        levels.push_back(std::move(coarse));
    }
    const double k = m_params.k;
    const double totalCharge = std::accumulate(g.charge.begin(), g.charge.end(), 0.0);
    const auto spacing = [&](const SolverGraph &level) {
        return k * std::sqrt(totalCharge / std::max(1, level.n));
    };

    // Coarsest level: random positions in a square around the fixed nodes (or the origin).
    SolverGraph &coarsest = levels.back();
    double cx = 0.0, cy = 0.0;
    int fixedCount = 0;
    for (int i = 0; i < coarsest.n; ++i) {
        if (coarsest.fixed[i]) {
            cx += coarsest.x[i];
            cy += coarsest.y[i];
            ++fixedCount;
        }
    }
    if (fixedCount > 0) {
        cx /= fixedCount;
        cy /= fixedCount;
    }
    const double side = k * std::sqrt(totalCharge);
    for (int i = 0; i < coarsest.n; ++i) {
        if (coarsest.fixed[i])
            continue;
        coarsest.x[i] = cx + (randomUnit(rng) - 0.5) * side;
        coarsest.y[i] = cy + (randomUnit(rng) - 0.5) * side;
    }
    const bool single = levels.size() == 1;
    // Small graphs settle in fewer iterations (and there may be thousands of them).
    const int coarsestIterations = coarsest.n <= 200
                                           ? std::min(CoarsestIterations, 100 + 8 * coarsest.n)
                                           : LargeCoarsestIterations;
    relax(coarsest, coarsestIterations, 0.25 * side, single ? FinalStep : 0.05 * spacing(coarsest));

    // Interpolate to each finer level and refine.
    for (int l = int(levels.size()) - 2; l >= 0; --l) {
        SolverGraph &fine = levels[l];
        const SolverGraph &coarse = levels[l + 1];
        const std::vector<int> &parent = parents[l];
        const double s = spacing(fine);
        for (int i = 0; i < fine.n; ++i) {
            if (fine.fixed[i])
                continue;
            const int p = parent[i];
            const double angle = randomUnit(rng) * 6.283185307179586;
            const double r = 0.3 * s * (0.5 + randomUnit(rng));
            fine.x[i] = coarse.x[p] + r * std::cos(angle);
            fine.y[i] = coarse.y[p] + r * std::sin(angle);
        }
        const bool finest = l == 0;
        relax(fine,
              finest ? FinestIterations : RefineIterations,
              0.5 * s,
              finest ? FinalStep : 0.05 * s);
    }
    g.x = levels.front().x;
    g.y = levels.front().y;
    return int(levels.size());
}

SolverGraph coarsen(const SolverGraph &fine, std::vector<int> &parent, std::mt19937 &rng)
{
    const int n = fine.n;
    // Adjacency (both directions), in edge order.
    std::vector<int> offset(n + 1, 0);
    for (size_t e = 0; e < fine.edgeA.size(); ++e) {
        ++offset[fine.edgeA[e] + 1];
        ++offset[fine.edgeB[e] + 1];
    }
    for (int i = 0; i < n; ++i)
        offset[i + 1] += offset[i];
    std::vector<int> adj(offset[n]);
    std::vector<double> adjW(offset[n]);
    {
        std::vector<int> fill(offset.begin(), offset.end() - 1);
        for (size_t e = 0; e < fine.edgeA.size(); ++e) {
            const int a = fine.edgeA[e];
            const int b = fine.edgeB[e];
            adj[fill[a]] = b;
            adjW[fill[a]++] = fine.edgeW[e];
            adj[fill[b]] = a;
            adjW[fill[b]++] = fine.edgeW[e];
        }
    }
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    for (int i = n - 1; i > 0; --i)
        std::swap(order[i], order[randomBelow(rng, i + 1)]);

    std::vector<int> match(n, -1);
    for (int u : order) {
        if (fine.fixed[u] || match[u] >= 0)
            continue;
        int best = -1;
        double bestScore = -1.0;
        for (int a = offset[u]; a < offset[u + 1]; ++a) {
            const int v = adj[a];
            if (fine.fixed[v] || match[v] >= 0)
                continue;
            double score = adjW[a] / (fine.charge[u] * fine.charge[v]);
            if (fine.group[u] >= 0 && fine.group[u] == fine.group[v])
                score *= 2.0;
            if (score > bestScore) {
                bestScore = score;
                best = v;
            }
        }
        if (best >= 0) {
            match[u] = best;
            match[best] = u;
        }
    }
    // Pair the remaining nodes that hang off a common neighbour (the leaves of a hub), and
    // edge-less nodes of a common group.
    std::vector<int> pendingByNeighbour(n, -1);
    std::vector<int> pendingByGroup(fine.groupCount, -1);
    for (int u : order) {
        if (fine.fixed[u] || match[u] >= 0)
            continue;
        int *slot = nullptr;
        if (offset[u + 1] > offset[u]) {
            int anchor = adj[offset[u]];
            double anchorW = adjW[offset[u]];
            for (int a = offset[u] + 1; a < offset[u + 1]; ++a) {
                if (adjW[a] > anchorW) {
                    anchorW = adjW[a];
                    anchor = adj[a];
                }
            }
            slot = &pendingByNeighbour[anchor];
        } else if (fine.group[u] >= 0) {
            slot = &pendingByGroup[fine.group[u]];
        }
        if (!slot)
            continue;
        if (*slot >= 0) {
            match[u] = *slot;
            match[*slot] = u;
            *slot = -1;
        } else {
            *slot = u;
        }
    }

    parent.assign(n, -1);
    int count = 0;
    for (int i = 0; i < n; ++i) {
        if (parent[i] >= 0)
            continue;
        parent[i] = count;
        if (match[i] >= 0)
            parent[match[i]] = count;
        ++count;
    }
    SolverGraph coarse;
    coarse.resize(count);
    coarse.groupCount = fine.groupCount;
    std::fill(coarse.charge.begin(), coarse.charge.end(), 0.0);
    std::vector<char> seen(count, 0);
    for (int i = 0; i < n; ++i) {
        const int c = parent[i];
        coarse.charge[c] += fine.charge[i];
        if (fine.fixed[i]) {
            coarse.fixed[c] = 1;
            coarse.x[c] = fine.x[i];
            coarse.y[c] = fine.y[i];
        }
        if (!seen[c]) {
            seen[c] = 1;
            coarse.group[c] = fine.group[i];
        } else if (coarse.group[c] < 0) {
            coarse.group[c] = fine.group[i];
        }
    }
    std::vector<std::pair<std::uint64_t, double>> edges;
    edges.reserve(fine.edgeA.size());
    for (size_t e = 0; e < fine.edgeA.size(); ++e) {
        int a = parent[fine.edgeA[e]];
        int b = parent[fine.edgeB[e]];
        if (a == b)
            continue;
        if (a > b)
            std::swap(a, b);
        edges.emplace_back((std::uint64_t(a) << 32) | std::uint64_t(b), fine.edgeW[e]);
    }
    std::sort(edges.begin(), edges.end());
    for (size_t e = 0; e < edges.size(); ++e) {
        if (e > 0 && edges[e].first == edges[e - 1].first) {
            coarse.edgeW.back() += edges[e].second;
            continue;
        }
        coarse.edgeA.push_back(int(edges[e].first >> 32));
        coarse.edgeB.push_back(int(edges[e].first & 0xFFFFFFFFu));
        coarse.edgeW.push_back(edges[e].second);
    }
    return coarse;
}

} // namespace EcoAtlas::Detail
