// SPDX-License-Identifier: MIT
// bench_layout: lays out synthetic vendor–client landscapes of 1,000 and 10,000 nodes (or the
// sizes given as arguments) and prints one line per size:
//   nodes edges layout_ms stress scaled_stress overlaps labels_ms labels_placed
// Not a ctest test. Build in Release or RelWithDebInfo for meaningful figures.

#include "ForceLayout.h"
#include "LabelPlacer.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <utility>
#include <vector>

using namespace EcoAtlas;

namespace {

/// A landscape of `n` organisations: 1 % vendors (hubs, larger circles) and clients. Every client
/// ties to one vendor (popular vendors more often), half of them to a second one; the remaining
/// ties, up to about two per node, link clients of a common vendor or, rarely, any two nodes.
/// One node in twenty belongs to a small corporate group.
LayoutGraph makeLandscape(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    const auto below = [&](int bound) {
        return int(rng() % unsigned(bound));
    };
    const auto unit = [&] {
        return double(rng()) / 4294967296.0;
    };
    const int vendors = std::max(3, n / 100);
    LayoutGraph g;
    g.radii.resize(n);
    g.groups.fill(-1, n);
    for (int i = 0; i < n; ++i)
        g.radii[i] = i < vendors ? 20.0 + 8.0 * unit() : 6.0 + 4.0 * unit();
    std::set<std::pair<int, int>> seen;
    const auto tie = [&](int a, int b) {
        if (a == b)
            return;
        if (seen.insert({std::min(a, b), std::max(a, b)}).second)
            g.edges.append({a, b, 1.0});
    };
    // Vendor popularity ~ 1/(rank+1).
    std::vector<double> cumulative(vendors);
    double total = 0.0;
    for (int v = 0; v < vendors; ++v)
        cumulative[v] = total += 1.0 / (v + 1);
    const auto pickVendor = [&] {
        const double u = unit() * total;
        return int(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
    };
    std::vector<std::vector<int>> clientsOf(vendors);
    for (int c = vendors; c < n; ++c) {
        const int v = pickVendor();
        tie(c, v);
        clientsOf[v].push_back(c);
        if (unit() < 0.5) {
            const int w = pickVendor();
            tie(c, w);
            clientsOf[w].push_back(c);
        }
    }
    for (int v = 1; v < vendors; ++v)
        tie(v, below(v));
    while (g.edges.size() < 2 * n) {
        if (unit() < 0.9) {
            const std::vector<int> &pool = clientsOf[pickVendor()];
            if (pool.size() >= 2)
                tie(pool[below(int(pool.size()))], pool[below(int(pool.size()))]);
        } else {
            tie(below(n), below(n));
        }
    }
    for (int start = vendors; start + 4 < n; start += 100) {
        const int group = start;
        for (int m = 0; m < 5; ++m)
            g.groups[start + m] = group;
    }
    return g;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> sizes = {1000, 10000};
    if (argc > 1) {
        sizes.clear();
        for (int a = 1; a < argc; ++a)
            sizes.push_back(std::atoi(argv[a]));
    }
    constexpr int Runs = 3; // layout time: the median of three runs
    std::printf("# layout_ms: median of %d runs; stress: normalized stress vs hops x %.0f px "
                "(scaled: at the best scale); overlaps: pairs closer than r_i + r_j + gap; "
                "labels: 60 x 14 px, one per node\n",
                Runs,
                ForceLayout::Options().idealEdgeLength);
    std::printf("%6s %6s %9s %8s %13s %8s %9s %13s\n",
                "nodes",
                "edges",
                "layout_ms",
                "stress",
                "scaled_stress",
                "overlaps",
                "labels_ms",
                "labels_placed");
    for (int n : sizes) {
        const LayoutGraph g = makeLandscape(n, 20240601u);
        ForceLayout layout;
        QList<QPointF> positions;
        std::vector<double> times;
        for (int run = 0; run < Runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            positions = layout.run(g);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        const double stress = ForceLayout::stress(positions, g, layout.options().idealEdgeLength);
        const double scaled = ForceLayout::scaledStress(positions, g);
        const int overlaps = ForceLayout::countOverlaps(positions, g.radii, layout.options().gap);

        QList<LabelPlacer::Label> labels(n);
        for (int i = 0; i < n; ++i)
            labels[i] = {i, QSizeF(60, 14), g.radii[i]}; // vendors (larger) first
        QElapsedTimer timer;
        timer.start();
        const QList<LabelPlacer::Placement> placed = LabelPlacer().place(
                positions, g.radii, labels);
        const double labelMs = double(timer.nsecsElapsed()) / 1e6;
        const auto shown = std::count_if(
                placed.begin(), placed.end(), [](const auto &p) { return p.placed; });
        std::printf("%6d %6lld %9.1f %8.3f %13.4f %8d %9.1f %7lld/%-5d\n",
                    n,
                    (long long)g.edges.size(),
                    times[Runs / 2],
                    stress,
                    scaled,
                    overlaps,
                    labelMs,
                    (long long)shown,
                    n);
        std::fflush(stdout);
    }
    return 0;
}
