// SPDX-License-Identifier: MIT
#include "LabelPlacer.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

using namespace EcoAtlas;

namespace {

enum Side { Right, Left, Above, Below, AboveRight, BelowRight, AboveLeft, BelowLeft, Hidden };

/// Which side of the node at `c` the label rectangle `r` sits on.
Side sideOf(const LabelPlacer::Placement &p, QPointF c)
{
    if (!p.placed)
        return Hidden;
    const QRectF r = p.rect;
    const bool right = r.left() > c.x();
    const bool left = r.right() < c.x();
    const bool above = r.bottom() < c.y();
    const bool below = r.top() > c.y();
    if (right)
        return above ? AboveRight : (below ? BelowRight : Right);
    if (left)
        return above ? AboveLeft : (below ? BelowLeft : Left);
    return above ? Above : (below ? Below : Hidden);
}

/// True when the rectangle and the open disc share a point (touching does not count).
bool hitsCircle(const QRectF &r, QPointF c, double radius)
{
    const double dx = std::max({r.left() - c.x(), 0.0, c.x() - r.right()});
    const double dy = std::max({r.top() - c.y(), 0.0, c.y() - r.bottom()});
    return dx * dx + dy * dy < radius * radius - 1e-9;
}

} // namespace

/// Tests of LabelPlacer: no overlaps, canvas, priority rule, candidate order.
class TestLabelPlacer : public QObject
{
    Q_OBJECT

private slots:
    void freeNodeLabelGoesRight();
    void blockedSidesFallBack_data();
    void blockedSidesFallBack();
    void higherPriorityWins_data();
    void higherPriorityWins();
    void randomSceneHasNoOverlaps_data();
    void randomSceneHasNoOverlaps();
    void canvasTooSmallHides();
    void ownNodeNearest();
    void unusableLabelsAreHidden();
    void invalidInputThrows();
    void tenThousandLabels();
};

void TestLabelPlacer::freeNodeLabelGoesRight()
{
    LabelPlacer placer; // distance 4
    const QList<LabelPlacer::Placement> p = placer.place(
            {QPointF(100, 100)}, {10.0}, {{0, QSizeF(60, 14), 1.0}});
    QCOMPARE(p.size(), 1);
    QVERIFY(p[0].placed);
    QCOMPARE(p[0].rect, QRectF(114, 93, 60, 14)); // right of the circle, vertically centred
}

void TestLabelPlacer::blockedSidesFallBack_data()
{
    // The labelled node sits at (0, 0) with radius 10; blockers are other nodes (radius 12).
    QTest::addColumn<QList<QPointF>>("blockers");
    QTest::addColumn<int>("expected");
    QTest::newRow("free: right") << QList<QPointF>() << int(Right);
    QTest::newRow("right blocked: left") << QList<QPointF>{{50, 0}} << int(Left);
    QTest::newRow("right, left blocked: above") << QList<QPointF>{{50, 0}, {-50, 0}} << int(Above);
    QTest::newRow("right, left, above blocked: below")
            << QList<QPointF>{{50, 0}, {-50, 0}, {0, -22}} << int(Below);
}

void TestLabelPlacer::blockedSidesFallBack()
{
    QFETCH(QList<QPointF>, blockers);
    QFETCH(int, expected);
    QList<QPointF> positions = {QPointF(0, 0)};
    QList<double> radii = {10.0};
    for (const QPointF &b : blockers) {
        positions.append(b);
        radii.append(12.0);
    }
    const QList<LabelPlacer::Placement> p = LabelPlacer().place(
            positions, radii, {{0, QSizeF(60, 14), 1.0}});
    QCOMPARE(int(sideOf(p[0], QPointF(0, 0))), expected);
    for (int i = 0; i < positions.size(); ++i)
        QVERIFY(!hitsCircle(p[0].rect, positions[i], radii[i]));
}

void TestLabelPlacer::higherPriorityWins_data()
{
    QTest::addColumn<double>("priorityA");
    QTest::addColumn<double>("priorityB");
    QTest::addColumn<int>("winner");
    QTest::newRow("A higher") << 5.0 << 1.0 << 0;
    QTest::newRow("B higher") << 1.0 << 5.0 << 1;
    QTest::newRow("tie: first wins") << 2.0 << 2.0 << 0;
    QTest::newRow("NaN loses") << std::numeric_limits<double>::quiet_NaN() << -1e9 << 1;
}

void TestLabelPlacer::higherPriorityWins()
{
    QFETCH(double, priorityA);
    QFETCH(double, priorityB);
    QFETCH(int, winner);
    // Two nodes on one spot and a canvas that holds exactly one label spot (right of them):
    // the two labels compete for it.
    const QList<QPointF> positions = {QPointF(0, 0), QPointF(0, 0)};
    const QList<double> radii = {5.0, 5.0};
    const QRectF canvas(9, -7, 60, 14);
    const QList<LabelPlacer::Placement> p = LabelPlacer().place(
            positions,
            radii,
            {{0, QSizeF(60, 14), priorityA}, {1, QSizeF(60, 14), priorityB}},
            canvas);
    QVERIFY(p[winner].placed);
    QCOMPARE(p[winner].rect, canvas);
    QVERIFY(!p[1 - winner].placed);
    QVERIFY(p[1 - winner].rect.isNull());
}

void TestLabelPlacer::randomSceneHasNoOverlaps_data()
{
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<double>("padding");
    QTest::newRow("sparse") << 1u << 100 << 2.0;
    QTest::newRow("crowded") << 2u << 800 << 2.0;
    QTest::newRow("crowded, no padding") << 3u << 800 << 0.0;
}

void TestLabelPlacer::randomSceneHasNoOverlaps()
{
    QFETCH(unsigned, seed);
    QFETCH(int, nodes);
    QFETCH(double, padding);
    std::mt19937 rng(seed);
    QList<QPointF> positions;
    QList<double> radii;
    QList<LabelPlacer::Label> labels;
    for (int i = 0; i < nodes; ++i) {
        positions.append(QPointF(double(rng() % 1000), double(rng() % 1000)));
        radii.append(4.0 + double(rng() % 9));
        labels.append({i,
                       QSizeF(20.0 + double(rng() % 60), 10.0 + double(rng() % 6)),
                       double(rng() % 100)});
    }
    const QRectF canvas(0, 0, 1000, 1000);
    LabelPlacer::Options options;
    options.padding = padding;
    const QList<LabelPlacer::Placement> p = LabelPlacer(options).place(
            positions, radii, labels, canvas);
    QCOMPARE(p.size(), labels.size());
    int placed = 0;
    for (int a = 0; a < p.size(); ++a) {
        if (!p[a].placed)
            continue;
        ++placed;
        const QRectF r = p[a].rect;
        QCOMPARE(r.size(), labels[a].size);
        QVERIFY(r.left() >= canvas.left() && r.top() >= canvas.top() && r.right() <= canvas.right()
                && r.bottom() <= canvas.bottom());
        for (int i = 0; i < positions.size(); ++i)
            QVERIFY2(!hitsCircle(r, positions[i], radii[i]), qPrintable(QString::number(i)));
        for (int b = a + 1; b < p.size(); ++b) {
            // Placed labels keep `padding` apart: shrunk by half of it (and a rounding
            // allowance) on every side, no two may intersect.
            const double shrink = padding / 2 + 1e-9;
            if (p[b].placed)
                QVERIFY(!r.adjusted(shrink, shrink, -shrink, -shrink)
                                 .intersects(p[b].rect.adjusted(shrink, shrink, -shrink, -shrink)));
        }
    }
    // The scenes are built so that some labels fit and, when crowded, some do not.
    QVERIFY(placed > 0);
    if (nodes > 500)
        QVERIFY(placed < nodes);
    // Hidden labels lose to placed ones: on average they have lower priority.
    double placedSum = 0.0, hiddenSum = 0.0;
    int hidden = 0;
    for (int a = 0; a < p.size(); ++a) {
        if (p[a].placed) {
            placedSum += labels[a].priority;
        } else {
            hiddenSum += labels[a].priority;
            ++hidden;
        }
    }
    if (hidden > 0)
        QVERIFY(placedSum / placed > hiddenSum / hidden);
}

void TestLabelPlacer::canvasTooSmallHides()
{
    // The canvas leaves no room beside the node on any side for a 70 px label.
    const QRectF small(0, 0, 60, 60);
    const QList<LabelPlacer::Placement> p = LabelPlacer().place(
            {QPointF(30, 30)}, {10.0}, {{0, QSizeF(70, 14), 1.0}}, small);
    QVERIFY(!p[0].placed);
    // A 60 px label just fits above it (touching the canvas edges is inside).
    const QList<LabelPlacer::Placement> fits = LabelPlacer().place(
            {QPointF(30, 30)}, {10.0}, {{0, QSizeF(60, 14), 1.0}}, small);
    QVERIFY(fits[0].placed);
    QCOMPARE(fits[0].rect, QRectF(0, 2, 60, 14));
    // Near the right edge the label moves to the left.
    const QList<LabelPlacer::Placement> q = LabelPlacer().place(
            {QPointF(950, 500)}, {10.0}, {{0, QSizeF(60, 14), 1.0}}, QRectF(0, 0, 1000, 1000));
    QCOMPARE(int(sideOf(q[0], QPointF(950, 500))), int(Left));
}

void TestLabelPlacer::unusableLabelsAreHidden()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<LabelPlacer::Placement> p = LabelPlacer().place(
            {QPointF(0, 0), QPointF(nan, 0)},
            {5.0, 5.0},
            {{0, QSizeF(0, 14), 1.0}, {0, QSizeF(nan, 14), 1.0}, {1, QSizeF(60, 14), 1.0}});
    QCOMPARE(p.size(), 3);
    for (const LabelPlacer::Placement &placement : p)
        QVERIFY(!placement.placed);
    QVERIFY(LabelPlacer().place({}, {}, {}).isEmpty());
}

void TestLabelPlacer::invalidInputThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LabelPlacer().place({QPointF()}, {}, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             LabelPlacer().place({QPointF()}, {1.0}, {{1, QSizeF(5, 5), 0.0}}));
    LabelPlacer::Options options;
    options.rings = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             LabelPlacer(options).place({QPointF()}, {1.0}, {}));
}

void TestLabelPlacer::tenThousandLabels()
{
    // 10,000 nodes on a jittered grid, one 60 x 14 label each: the index keeps this fast.
    std::mt19937 rng(5u);
    QList<QPointF> positions;
    QList<double> radii;
    QList<LabelPlacer::Label> labels;
    for (int i = 0; i < 10000; ++i) {
        positions.append(QPointF(70.0 * (i % 100) + double(rng() % 20),
                                 30.0 * (i / 100) + double(rng() % 10)));
        radii.append(6.0);
        labels.append({i, QSizeF(60, 14), double(rng() % 1000)});
    }
    QElapsedTimer timer;
    timer.start();
    const QList<LabelPlacer::Placement> p = LabelPlacer().place(positions, radii, labels);
    const qint64 ms = timer.elapsed();
    int placed = 0;
    for (const LabelPlacer::Placement &placement : p)
        placed += placement.placed ? 1 : 0;
    qInfo("placed %d of 10000 labels in %lld ms", placed, ms);
    QVERIFY(placed > 2000);
    QVERIFY(placed < 10000);
    QVERIFY2(ms < 2000, "far too slow even for a debug build"); // bench_layout measures it
}

void TestLabelPlacer::ownNodeNearest()
{
    // Node 0 at the origin; node 1 (r 5) 2.5 px beyond the right end of where node 0's label
    // would go on the right. Without the option the label goes right and ends nearer node 1
    // than node 0; with it, the label goes to a side where node 0 is the nearest.
    const QList<QPointF> positions{QPointF(0, 0), QPointF(71.5, 0)};
    const QList<double> radii{5, 5};
    const QList<LabelPlacer::Label> labels{{0, QSizeF(56, 12), 1.0}};
    auto distance = [&](const QRectF &r, int node) {
        const QPointF c = positions[node];
        const double dx = std::max({r.left() - c.x(), 0.0, c.x() - r.right()});
        const double dy = std::max({r.top() - c.y(), 0.0, c.y() - r.bottom()});
        return std::max(0.0, std::hypot(dx, dy) - radii[node]);
    };
    LabelPlacer::Options o;
    o.distance = 3;
    const auto loose = LabelPlacer(o).place(positions, radii, labels);
    QVERIFY(loose[0].placed);
    QVERIFY(distance(loose[0].rect, 1) < distance(loose[0].rect, 0)); // reads as node 1's
    o.ownNodeNearest = true;
    const auto strict = LabelPlacer(o).place(positions, radii, labels);
    QVERIFY(strict[0].placed);
    QVERIFY(distance(strict[0].rect, 0) <= distance(strict[0].rect, 1));
    QVERIFY(strict[0].rect.right() < 0); // the free side: left
}

QTEST_GUILESS_MAIN(TestLabelPlacer)
#include "TestLabelPlacer.moc"
