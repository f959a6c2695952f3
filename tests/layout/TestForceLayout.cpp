// SPDX-License-Identifier: MIT
#include "ForceLayout.h"

#include <QLineF>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>

using namespace EcoAtlas;

Q_DECLARE_METATYPE(EcoAtlas::LayoutGraph)

namespace {

LayoutGraph path(int n, double radius)
{
    LayoutGraph g;
    g.radii.fill(radius, n);
    for (int i = 1; i < n; ++i)
        g.edges.append({i - 1, i});
    return g;
}

/// A hub (node 0) with `leaves` leaves.
LayoutGraph star(int leaves, double radius)
{
    LayoutGraph g;
    g.radii.fill(radius, leaves + 1);
    for (int i = 1; i <= leaves; ++i)
        g.edges.append({0, i});
    return g;
}

/// Two cliques of `size` nodes each, not connected to each other.
LayoutGraph twoCliques(int size, double radius)
{
    LayoutGraph g;
    g.radii.fill(radius, 2 * size);
    for (int c = 0; c < 2; ++c) {
        for (int i = 0; i < size; ++i) {
            for (int j = i + 1; j < size; ++j)
                g.edges.append({c * size + i, c * size + j});
        }
    }
    return g;
}

/// `n` nodes of radius 5–19 px and `edges` random edges (duplicates and self-loops included, some
/// nodes isolated), every tenth node in one of five groups.
LayoutGraph randomGraph(int n, int edges, unsigned seed)
{
    std::mt19937 rng(seed);
    LayoutGraph g;
    g.radii.resize(n);
    g.groups.fill(-1, n);
    for (int i = 0; i < n; ++i) {
        g.radii[i] = 5.0 + double(rng() % 15);
        if (i % 10 == 0)
            g.groups[i] = int(rng() % 5);
    }
    for (int e = 0; e < edges; ++e)
        g.edges.append({int(rng() % n), int(rng() % n), 1.0 + double(rng() % 3)});
    return g;
}

/// The smallest value of |p_i - p_j| - (r_i + r_j + gap) over all pairs (brute force).
double minimumClearance(const QList<QPointF> &p, const QList<double> &radii, double gap)
{
    double worst = std::numeric_limits<double>::infinity();
    for (int i = 0; i < p.size(); ++i) {
        for (int j = i + 1; j < p.size(); ++j) {
            const double d = std::hypot(p[i].x() - p[j].x(), p[i].y() - p[j].y());
            worst = std::min(worst, d - (radii[i] + radii[j] + gap));
        }
    }
    return worst;
}

QRectF boundingBox(const QList<QPointF> &p, const QList<double> &radii)
{
    QRectF box;
    for (int i = 0; i < p.size(); ++i) {
        const QRectF disc(p[i].x() - radii[i], p[i].y() - radii[i], 2 * radii[i], 2 * radii[i]);
        box = box.isNull() ? disc : box.united(disc);
    }
    return box;
}

bool bitwiseEqual(const QList<QPointF> &a, const QList<QPointF> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (std::memcmp(&a[i], &b[i], sizeof(QPointF)) != 0)
            return false;
    }
    return true;
}

QPointF centroid(const QList<QPointF> &p, int from, int to)
{
    QPointF sum;
    for (int i = from; i < to; ++i)
        sum += p[i];
    return sum / (to - from);
}

} // namespace

/// Tests of ForceLayout: geometry guarantees, determinism, pinning, stress.
class TestForceLayout : public QObject
{
    Q_OBJECT

private slots:
    void layoutGuarantees_data();
    void layoutGuarantees();
    void determinism_data();
    void determinism();
    void parallelEdgesEqualWeights();
    void starFitsBox();
    void pathIsStretched();
    void componentsStayTogether();
    void pinnedNodesStayExactly_data();
    void pinnedNodesStayExactly();
    void pinnedNodesWinOverlapRemoval();
    void timeStepPlacesOnlyNewcomers();
    void trappedNodeEscapes_data();
    void trappedNodeEscapes();
    void relayoutKeepsDrawing();
    void newNodeJoinsNeighbours();
    void groupsAttract();
    void emptyAndSingle();
    void invalidInputThrows_data();
    void invalidInputThrows();
    void stressExact();
    void stressSampled();
    void countOverlaps();
};

void TestForceLayout::layoutGuarantees_data()
{
    QTest::addColumn<LayoutGraph>("graph");
    QTest::addColumn<double>("gap");
    QTest::newRow("path 30") << path(30, 10.0) << 8.0;
    QTest::newRow("star 30") << star(30, 10.0) << 8.0;
    QTest::newRow("two cliques") << twoCliques(10, 12.0) << 8.0;
    QTest::newRow("random 300") << randomGraph(300, 450, 7u) << 8.0;
    QTest::newRow("random 300, no gap") << randomGraph(300, 450, 8u) << 0.0;
    QTest::newRow("random 300, gap 30") << randomGraph(300, 450, 9u) << 30.0;
    QTest::newRow("dense random 150") << randomGraph(150, 2000, 10u) << 8.0;
    QTest::newRow("isolated nodes") << randomGraph(60, 0, 11u) << 8.0;
}

void TestForceLayout::layoutGuarantees()
{
    QFETCH(LayoutGraph, graph);
    QFETCH(double, gap);
    ForceLayout::Options options;
    options.gap = gap;
    ForceLayout layout(options);
    const QList<QPointF> p = layout.run(graph);
    QCOMPARE(p.size(), graph.nodeCount());
    for (const QPointF &q : p)
        QVERIFY(std::isfinite(q.x()) && std::isfinite(q.y()));
    // No two nodes closer than r_i + r_j + gap.
    QVERIFY2(minimumClearance(p, graph.radii, gap) >= -1e-6,
             qPrintable(QString::number(minimumClearance(p, graph.radii, gap))));
    QCOMPARE(ForceLayout::countOverlaps(p, graph.radii, gap), 0);
    QCOMPARE(layout.lastStats().remainingOverlaps, 0);
    // Settled calmly: the last force iteration moved no node by half a pixel.
    QVERIFY(layout.lastStats().lastMaxMove < 0.5);
    // A sane size: no more than 20 ideal edge lengths of room per node along each side.
    const QRectF box = boundingBox(p, graph.radii);
    const double bound = 20.0 * options.idealEdgeLength * std::sqrt(double(graph.nodeCount()));
    QVERIFY2(box.width() < bound && box.height() < bound,
             qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
}

void TestForceLayout::determinism_data()
{
    QTest::addColumn<LayoutGraph>("graph");
    QTest::newRow("path 30") << path(30, 10.0);
    QTest::newRow("star 30") << star(30, 10.0);
    QTest::newRow("two cliques") << twoCliques(10, 12.0);
    QTest::newRow("random 300") << randomGraph(300, 450, 7u);
    QTest::newRow("random 2500") << randomGraph(2500, 5000, 12u); // multithreaded repulsion
}

void TestForceLayout::determinism()
{
    QFETCH(LayoutGraph, graph);
    ForceLayout::Options options;
    options.seed = 42;
    const QList<QPointF> first = ForceLayout(options).run(graph);
    ForceLayout again(options);
    QVERIFY(bitwiseEqual(again.run(graph), first));
    QVERIFY(bitwiseEqual(again.run(graph), first)); // reusing the object changes nothing
    options.seed = 43;
    const QList<QPointF> other = ForceLayout(options).run(graph);
    double largestDifference = 0.0;
    for (int i = 0; i < first.size(); ++i) {
        largestDifference = std::max(
                largestDifference,
                std::hypot(first[i].x() - other[i].x(), first[i].y() - other[i].y()));
    }
    QVERIFY2(largestDifference > 1.0, qPrintable(QString::number(largestDifference)));
}

void TestForceLayout::parallelEdgesEqualWeights()
{
    // Parallel edges are merged by adding weights and self-loops are dropped: both graphs are
    // the same graph and must give identical drawings.
    LayoutGraph a = path(12, 8.0);
    LayoutGraph b = a;
    a.edges.append({3, 4});
    a.edges.append({7, 7});
    b.edges[3].weight = 2.0;
    QVERIFY(bitwiseEqual(ForceLayout().run(a), ForceLayout().run(b)));
}

void TestForceLayout::starFitsBox()
{
    ForceLayout::Options options;
    options.idealEdgeLength = 40.0;
    const LayoutGraph g = star(30, 10.0);
    const QList<QPointF> p = ForceLayout(options).run(g);
    const QRectF box = boundingBox(p, g.radii);
    QVERIFY2(box.width() <= 1000.0 && box.height() <= 1000.0,
             qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
    // The leaves ring the hub: each is far enough from it, and none is far away.
    for (int i = 1; i <= 30; ++i) {
        const double d = std::hypot(p[i].x() - p[0].x(), p[i].y() - p[0].y());
        QVERIFY(d >= 28.0 - 1e-6);
        QVERIFY2(d < 300.0, qPrintable(QString::number(d)));
    }
}

void TestForceLayout::pathIsStretched()
{
    ForceLayout::Options options;
    options.idealEdgeLength = 60.0;
    const LayoutGraph g = path(30, 8.0);
    const QList<QPointF> p = ForceLayout(options).run(g);
    // Edges near their ideal length, and the path is not folded up.
    for (int i = 1; i < 30; ++i) {
        const double d = std::hypot(p[i].x() - p[i - 1].x(), p[i].y() - p[i - 1].y());
        QVERIFY2(d > 30.0 && d < 120.0, qPrintable(QString::number(d)));
    }
    const double ends = std::hypot(p[29].x() - p[0].x(), p[29].y() - p[0].y());
    QVERIFY2(ends > 0.6 * 29 * 60.0, qPrintable(QString::number(ends)));
    QVERIFY(ForceLayout::stress(p, g, 60.0) < 0.05);
}

void TestForceLayout::componentsStayTogether()
{
    const LayoutGraph g = twoCliques(10, 12.0);
    const QList<QPointF> p = ForceLayout().run(g);
    // Each clique is compact and the two are packed side by side, not flown apart.
    const QRectF box = boundingBox(p, g.radii);
    QVERIFY2(box.width() < 600.0 && box.height() < 600.0,
             qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
    const double apart = QLineF(centroid(p, 0, 10), centroid(p, 10, 20)).length();
    QVERIFY2(apart < 400.0, qPrintable(QString::number(apart)));
    // And they stay apart: no node of one is inside the other's bounding box.
    const QRectF first = boundingBox(p.mid(0, 10), g.radii.mid(0, 10));
    for (int i = 10; i < 20; ++i)
        QVERIFY(!first.contains(p[i]));

    // Many isolated nodes are packed too.
    LayoutGraph loose;
    loose.radii.fill(10.0, 200);
    const QList<QPointF> q = ForceLayout().run(loose);
    const QRectF looseBox = boundingBox(q, loose.radii);
    QVERIFY2(looseBox.width() < 1500.0 && looseBox.height() < 1500.0,
             qPrintable(QStringLiteral("%1 x %2").arg(looseBox.width()).arg(looseBox.height())));
}

void TestForceLayout::pinnedNodesStayExactly_data()
{
    QTest::addColumn<bool>("othersPlaced");
    QTest::newRow("fresh layout around pins") << false;
    QTest::newRow("refinement with pins") << true;
}

void TestForceLayout::pinnedNodesStayExactly()
{
    QFETCH(bool, othersPlaced);
    const LayoutGraph g = randomGraph(300, 450, 7u);
    const QList<QPointF> before = ForceLayout().run(g);
    QList<QPointF> initial = before;
    QList<bool> pinned(g.nodeCount(), false);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int i = 0; i < g.nodeCount(); ++i) {
        if (i % 30 == 3) {
            pinned[i] = true;
            // Awkward coordinates (not representable in short decimals), moved far.
            initial[i] = before[i] + QPointF(250.0 / 3.0, -1e3 / 7.0);
        } else if (!othersPlaced) {
            initial[i] = QPointF(nan, nan);
        }
    }
    ForceLayout layout;
    const QList<QPointF> after = layout.run(g, initial, pinned);
    for (int i = 0; i < g.nodeCount(); ++i) {
        QVERIFY(std::isfinite(after[i].x()) && std::isfinite(after[i].y()));
        if (pinned[i]) {
            QCOMPARE(after[i].x(), initial[i].x());
            QCOMPARE(after[i].y(), initial[i].y());
            QVERIFY(std::memcmp(&after[i], &initial[i], sizeof(QPointF)) == 0);
        }
    }
    QVERIFY(minimumClearance(after, g.radii, 8.0) >= -1e-6);
    QVERIFY(layout.lastStats().lastMaxMove < 0.5);
}

void TestForceLayout::pinnedNodesWinOverlapRemoval()
{
    // Very strong springs pull free node 1 between pinned nodes 0 and 2, where it does not fit:
    // overlap removal must push node 1 out and leave the pinned nodes where they are.
    LayoutGraph g;
    g.radii = {10.0, 10.0, 10.0};
    g.edges = {{0, 1, 1000.0}, {1, 2, 1000.0}};
    const QList<QPointF> initial = {QPointF(0.0, 0.0), QPointF(20.0, 0.0), QPointF(40.0, 0.0)};
    const QList<bool> pinned = {true, false, true};
    const QList<QPointF> p = ForceLayout().run(g, initial, pinned);
    QCOMPARE(p[0], initial[0]);
    QCOMPARE(p[2], initial[2]);
    QVERIFY(QLineF(p[0], p[1]).length() >= 28.0 - 1e-6);
    QVERIFY(QLineF(p[1], p[2]).length() >= 28.0 - 1e-6);
    // It is pushed out sideways, staying as close to both as the gap allows.
    QVERIFY2(QLineF(p[0], p[1]).length() < 40.0, qPrintable(QString::number(p[1].y())));
    // Two pinned nodes that overlap each other are left alone and reported.
    ForceLayout layout;
    const QList<QPointF> both = layout.run(
            g, {QPointF(0, 0), QPointF(5, 5), QPointF(10, 0)}, {true, false, true});
    QCOMPARE(both[0], QPointF(0, 0));
    QCOMPARE(both[2], QPointF(10, 0));
    QCOMPARE(layout.lastStats().remainingOverlaps, 1);
}

void TestForceLayout::timeStepPlacesOnlyNewcomers()
{
    // Stepping through time: every known node is pinned, new nodes have no position yet.
    const LayoutGraph g = randomGraph(300, 450, 21u);
    const QList<QPointF> before = ForceLayout().run(g);
    QList<QPointF> initial = before;
    QList<bool> pinned(g.nodeCount(), true);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int i = 5; i < g.nodeCount(); i += 10) {
        pinned[i] = false;
        initial[i] = QPointF(nan, nan);
    }
    ForceLayout layout;
    const QList<QPointF> after = layout.run(g, initial, pinned);
    for (int i = 0; i < g.nodeCount(); ++i) {
        QVERIFY(std::isfinite(after[i].x()) && std::isfinite(after[i].y()));
        if (pinned[i])
            QVERIFY(std::memcmp(&after[i], &before[i], sizeof(QPointF)) == 0);
    }
    QVERIFY(minimumClearance(after, g.radii, 8.0) >= -1e-6);
    // A newcomer with a pinned neighbour lands within a few edge lengths of it.
    for (const LayoutEdge &e : g.edges) {
        if (pinned[e.source] != pinned[e.target]) {
            const double d = QLineF(after[e.source], after[e.target]).length();
            QVERIFY2(d < 6.0 * layout.options().idealEdgeLength, qPrintable(QString::number(d)));
        }
    }
}

void TestForceLayout::trappedNodeEscapes_data()
{
    QTest::addColumn<QString>("trap");
    QTest::addColumn<double>("gap");
    QTest::newRow("closed ring of six") << QStringLiteral("ring") << 0.0;
    QTest::newRow("closed ring of six, gap 8") << QStringLiteral("ring") << 8.0;
    QTest::newRow("block of 15 x 15") << QStringLiteral("block") << 8.0;
}

void TestForceLayout::trappedNodeEscapes()
{
    // A free node starts inside pinned nodes that touch each other (no room anywhere inside):
    // it must end up outside, clear of all of them.
    QFETCH(QString, trap);
    QFETCH(double, gap);
    const double pitch = 10.0 + 10.0 + gap; // exactly r_i + r_j + gap
    LayoutGraph g;
    QList<QPointF> initial;
    QList<bool> pinned;
    QPointF inside;
    if (trap == QLatin1String("ring")) {
        // Six around the origin, each touching its neighbours; the free node at the centre is
        // pulled equally by all six, so forces alone leave it there.
        for (int i = 0; i < 6; ++i) {
            const double a = i * 3.141592653589793 / 3;
            g.radii.append(10.0);
            initial.append(QPointF(pitch * std::cos(a), pitch * std::sin(a)));
            pinned.append(true);
        }
        inside = QPointF(0, 0);
    } else {
        const int side = 15;
        for (int i = 0; i < side * side; ++i) {
            g.radii.append(10.0);
            initial.append(QPointF(pitch * (i % side), pitch * (i / side)));
            pinned.append(true);
        }
        inside = initial[side * side / 2] + QPointF(1.0, 2.0);
    }
    const int free = int(g.radii.size());
    for (int i = 0; i < free; ++i) {
        if (trap == QLatin1String("ring") || i == free / 2)
            g.edges.append({i, free, 1.0});
    }
    g.radii.append(10.0);
    initial.append(inside);
    pinned.append(false);
    ForceLayout::Options options;
    options.gap = gap;
    ForceLayout layout(options);
    const QList<QPointF> p = layout.run(g, initial, pinned);
    for (int i = 0; i < free; ++i)
        QCOMPARE(p[i], initial[i]);
    QVERIFY(minimumClearance(p, g.radii, gap) >= -1e-6);
    QCOMPARE(layout.lastStats().remainingOverlaps, 0);
}

void TestForceLayout::relayoutKeepsDrawing()
{
    // Refining a finished drawing changes it only a little.
    const LayoutGraph g = randomGraph(300, 450, 7u);
    const QList<QPointF> first = ForceLayout().run(g);
    ForceLayout layout;
    const QList<QPointF> second = layout.run(g, first);
    double total = 0.0;
    for (int i = 0; i < first.size(); ++i)
        total += QLineF(first[i], second[i]).length();
    const double mean = total / first.size();
    QVERIFY2(mean < 0.5 * layout.options().idealEdgeLength, qPrintable(QString::number(mean)));
    QVERIFY(minimumClearance(second, g.radii, 8.0) >= -1e-6);
}

void TestForceLayout::newNodeJoinsNeighbours()
{
    // A node added to a drawn star (no position yet) ends up near its hub.
    LayoutGraph g = star(12, 10.0);
    QList<QPointF> p = ForceLayout().run(g);
    const QPointF hub = p[0];
    g.radii.append(10.0);
    g.edges.append({0, 13});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    p.append(QPointF(nan, nan));
    QList<bool> pinned(14, false);
    pinned[0] = true;
    const QList<QPointF> q = ForceLayout().run(g, p, pinned);
    QCOMPARE(q[0], hub);
    const double d = QLineF(q[13], hub).length();
    QVERIFY2(d < 250.0, qPrintable(QString::number(d)));
    QVERIFY(minimumClearance(q, g.radii, 8.0) >= -1e-6);
}

void TestForceLayout::groupsAttract()
{
    // The two ends of a long path are in one group: they end up much closer together.
    LayoutGraph g = path(24, 8.0);
    const QList<QPointF> plain = ForceLayout().run(g);
    g.groups.fill(-1, 24);
    g.groups[0] = 5;
    g.groups[23] = 5;
    ForceLayout::Options options;
    options.groupAttraction = 2.0;
    const QList<QPointF> grouped = ForceLayout(options).run(g);
    const double before = QLineF(plain[0], plain[23]).length();
    const double after = QLineF(grouped[0], grouped[23]).length();
    QVERIFY2(after < 0.7 * before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void TestForceLayout::emptyAndSingle()
{
    ForceLayout layout;
    QVERIFY(layout.run(LayoutGraph()).isEmpty());
    LayoutGraph one;
    one.radii = {15.0};
    const QList<QPointF> p = layout.run(one);
    QCOMPARE(p.size(), 1);
    QVERIFY(std::isfinite(p[0].x()) && std::isfinite(p[0].y()));
    const QList<QPointF> pinned = layout.run(one, {QPointF(-3.25, 7.5)}, {true});
    QCOMPARE(pinned.first(), QPointF(-3.25, 7.5));
}

void TestForceLayout::invalidInputThrows_data()
{
    QTest::addColumn<LayoutGraph>("graph");
    QTest::addColumn<QList<QPointF>>("initial");
    QTest::addColumn<QList<bool>>("pinned");
    QTest::addColumn<double>("idealEdgeLength");
    const LayoutGraph ok = path(3, 5.0);
    LayoutGraph badEdge = ok;
    badEdge.edges.append({0, 3});
    LayoutGraph negativeEdge = ok;
    negativeEdge.edges.append({-1, 1});
    LayoutGraph badRadius = ok;
    badRadius.radii[1] = -2.0;
    LayoutGraph nanRadius = ok;
    nanRadius.radii[1] = std::numeric_limits<double>::quiet_NaN();
    LayoutGraph zeroWeight = ok;
    zeroWeight.edges[0].weight = 0.0;
    LayoutGraph badGroups = ok;
    badGroups.groups = {1, 2};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("edge out of range") << badEdge << QList<QPointF>() << QList<bool>() << 80.0;
    QTest::newRow("negative index") << negativeEdge << QList<QPointF>() << QList<bool>() << 80.0;
    QTest::newRow("negative radius") << badRadius << QList<QPointF>() << QList<bool>() << 80.0;
    QTest::newRow("NaN radius") << nanRadius << QList<QPointF>() << QList<bool>() << 80.0;
    QTest::newRow("zero weight") << zeroWeight << QList<QPointF>() << QList<bool>() << 80.0;
    QTest::newRow("groups size") << badGroups << QList<QPointF>() << QList<bool>() << 80.0;
    QTest::newRow("initial size") << ok << QList<QPointF>{QPointF()} << QList<bool>() << 80.0;
    QTest::newRow("pinned size") << ok << QList<QPointF>() << QList<bool>{true} << 80.0;
    QTest::newRow("pinned without position")
            << ok << QList<QPointF>() << QList<bool>{false, true, false} << 80.0;
    QTest::newRow("pinned at NaN") << ok << QList<QPointF>{QPointF(), QPointF(nan, 0), QPointF()}
                                   << QList<bool>{false, true, false} << 80.0;
    QTest::newRow("edge length 0") << ok << QList<QPointF>() << QList<bool>() << 0.0;
}

void TestForceLayout::invalidInputThrows()
{
    QFETCH(LayoutGraph, graph);
    QFETCH(QList<QPointF>, initial);
    QFETCH(QList<bool>, pinned);
    QFETCH(double, idealEdgeLength);
    ForceLayout::Options options;
    options.idealEdgeLength = idealEdgeLength;
    ForceLayout layout(options);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, layout.run(graph, initial, pinned));
}

void TestForceLayout::stressExact()
{
    // A path of three drawn on a line with edges of exactly L: stress 0.
    const LayoutGraph g = path(3, 5.0);
    const QList<QPointF> exact = {QPointF(0, 0), QPointF(50, 0), QPointF(100, 0)};
    QCOMPARE(ForceLayout::stress(exact, g, 50.0), 0.0);
    // Twice too long: every pair is off by 100 % → stress 1; scale-free stress still 0.
    QCOMPARE(ForceLayout::stress(exact, g, 25.0), 1.0);
    QVERIFY(std::abs(ForceLayout::scaledStress(exact, g)) < 1e-12);
    // Folded: pair (0, 2) at distance 0 instead of 2L: ((0 - 100) / 100)² = 1 → mean 1/3.
    const QList<QPointF> folded = {QPointF(0, 0), QPointF(50, 0), QPointF(0, 0)};
    QVERIFY(std::abs(ForceLayout::stress(folded, g, 50.0) - 1.0 / 3.0) < 1e-12);
    // Pairs in different components do not count.
    LayoutGraph two;
    two.radii = {5.0, 5.0};
    QCOMPARE(ForceLayout::stress({QPointF(0, 0), QPointF(9, 9)}, two, 50.0), 0.0);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ForceLayout::stress(exact.mid(1), g, 50.0));
}

void TestForceLayout::stressSampled()
{
    // Above 2,000 nodes stress() samples sources; a perfectly straight path still scores 0, and
    // one stretched by 10 % scores 0.01 exactly.
    const LayoutGraph g = path(3000, 5.0);
    QList<QPointF> line(3000);
    for (int i = 0; i < 3000; ++i)
        line[i] = QPointF(40.0 * i, 0.0);
    QVERIFY(ForceLayout::stress(line, g, 40.0) < 1e-20);
    QVERIFY(std::abs(ForceLayout::stress(line, g, 40.0 / 1.1) - 0.01) < 1e-9);
}

void TestForceLayout::countOverlaps()
{
    const QList<QPointF> p = {QPointF(0, 0), QPointF(25, 0), QPointF(100, 0), QPointF(128, 0)};
    const QList<double> r = {10.0, 10.0, 10.0, 10.0};
    QCOMPARE(ForceLayout::countOverlaps(p, r, 8.0), 1); // 0–1 at 25 < 28; 2–3 at 28 is fine
    QCOMPARE(ForceLayout::countOverlaps(p, r, 0.0), 0);
    QCOMPARE(ForceLayout::countOverlaps(p, r, 10.0), 2);
}

QTEST_GUILESS_MAIN(TestForceLayout)
#include "TestForceLayout.moc"
