// SPDX-License-Identifier: MIT
// Tests of the sphere-of-influence geometry (EcoAtlas::Spheres). Region membership is checked
// independently of verify(), with QPolygonF::containsPoint and the even-odd rule.
#include "SphereLayout.h"
#include "SphereSamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLineF>
#include <QTest>

#include <cmath>
#include <numbers>
#include <stdexcept>

using namespace EcoAtlas;

namespace {

/// Even-odd containment over all rings, with Qt's own point-in-polygon test.
bool inRegion(const QList<QPolygonF> &rings, const QPointF &p)
{
    int count = 0;
    for (const QPolygonF &ring : rings)
        if (ring.containsPoint(p, Qt::OddEvenFill))
            ++count;
    return count % 2 == 1;
}

bool isMember(const SphereInput &in, int client, int owner)
{
    return in.clients[client].owners.contains(owner);
}

/// Checks, for every client and owner, that the mark centre and 32 points just inside the mark's
/// rim are inside the owner's region exactly when the client belongs to the owner. Returns the
/// number of failures and names the first one.
int membershipFailures(const SphereGeometry &g, const SphereInput &in, QString *first = nullptr)
{
    int failures = 0;
    for (int c = 0; c < in.clients.size(); ++c) {
        const QPointF centre = g.clientPositions[c];
        const double r = g.clientRadii[c] * 0.999;
        for (int k = 0; k < in.owners.size(); ++k) {
            const bool want = isMember(in, c, k);
            bool ok = inRegion(g.regions[k], centre) == want;
            for (int s = 0; ok && s < 32; ++s) {
                const double a = 2 * std::numbers::pi * s / 32;
                const QPointF rim = centre + QPointF(r * std::cos(a), r * std::sin(a));
                ok = inRegion(g.regions[k], rim) == want;
            }
            if (!ok) {
                if (failures == 0 && first)
                    *first = QStringLiteral("client %1 (id %2), owner %3: expected %4")
                                     .arg(c)
                                     .arg(in.clients[c].id)
                                     .arg(k)
                                     .arg(want ? "inside" : "outside");
                ++failures;
            }
        }
    }
    return failures;
}

/// All shown labels (owner labels and client labels), pairwise, sharing area.
int labelOverlaps(const SphereGeometry &g)
{
    QList<QRectF> labels;
    for (const QRectF &r : g.ownerLabels)
        if (!r.isNull())
            labels.append(r);
    for (int c = 0; c < g.clientLabels.size(); ++c)
        if (!g.clientLabelHidden[c])
            labels.append(g.clientLabels[c]);
    int overlaps = 0;
    for (int i = 0; i < labels.size(); ++i)
        for (int j = i + 1; j < labels.size(); ++j) {
            const QRectF x = labels[i].intersected(labels[j]);
            if (x.width() > 1e-6 && x.height() > 1e-6)
                ++overlaps;
        }
    return overlaps;
}

QByteArray jsonBytes(const SphereGeometry &g, const SphereInput &in)
{
    return QJsonDocument(toJson(g, in)).toJson(QJsonDocument::Compact);
}

int indexOfClient(const SphereInput &in, qint64 id)
{
    for (int c = 0; c < in.clients.size(); ++c)
        if (in.clients[c].id == id)
            return c;
    return -1;
}

} // namespace

class TestSphereLayout : public QObject
{
    Q_OBJECT

private slots:
    void seedLandscape();
    void generated_data();
    void generated();
    void deterministic();
    void stableAcrossDates_data();
    void stableAcrossDates();
    void stableWhenClientsComeAndGo();
    void fixedCentreKeptExactly();
    void draggedOwnerIsFollowed();
    void jsonHasOwnersPerClient();
    void transformedKeepsRules();
    void regionsAreTight();
    void canvasHintCentresTheMap();
    void verifyDetectsViolations();
    void edgeCases();
    void rejectsBadInput();
};

void TestSphereLayout::seedLandscape()
{
    const SphereInput in = SphereSamples::seedLandscape();
    const SphereGeometry g = layoutSpheres(in);
    QCOMPARE(g.regions.size(), in.owners.size());
    QCOMPARE(g.clientPositions.size(), in.clients.size());

    // Each client centre inside exactly its owners' polygons.
    for (int c = 0; c < in.clients.size(); ++c) {
        QList<int> inside;
        for (int k = 0; k < in.owners.size(); ++k)
            if (inRegion(g.regions[k], g.clientPositions[c]))
                inside.append(k);
        QList<int> expected = in.clients[c].owners;
        std::sort(expected.begin(), expected.end());
        QCOMPARE(inside, expected);
    }
    QString first;
    QCOMPARE(membershipFailures(g, in, &first), 0);
    const SphereVerification v = verify(g, in);
    QVERIFY2(v.isClean(), qPrintable(v.summary));
    QCOMPARE(v.hiddenLabels, 0);
    QCOMPARE(labelOverlaps(g), 0);

    // Baidu AI Cloud has no clients: its region is just around its label.
    QVERIFY(!g.regions[4].isEmpty());
    QVERIFY(g.regionContains(4, g.ownerLabels[4].center()));
    // Alibaba and Tencent share three clients: their regions overlap where those clients are.
    const int baichuan = indexOfClient(in, 101);
    QVERIFY(g.regionContains(0, g.clientPositions[baichuan]));
    QVERIFY(g.regionContains(1, g.clientPositions[baichuan]));

    // The client without owners is apart: in the strip, which meets no region.
    const int moonshot = indexOfClient(in, 107);
    QCOMPARE(g.apartClients, QList<int>{moonshot});
    QVERIFY(g.apartArea.contains(g.clientPositions[moonshot]));
    for (int k = 0; k < in.owners.size(); ++k)
        for (const QPolygonF &ring : g.regions[k]) {
            QVERIFY(!ring.boundingRect().intersects(g.apartArea));
        }
    QVERIFY(g.bounds.contains(g.apartArea));
    for (const QPointF &p : g.clientPositions)
        QVERIFY(g.bounds.contains(p));
}

void TestSphereLayout::generated_data()
{
    QTest::addColumn<int>("owners");
    QTest::addColumn<int>("clients");
    QTest::addColumn<unsigned>("seed");
    QTest::newRow("6x60") << 6 << 60 << 7u;
    QTest::newRow("6x60 seed 2") << 6 << 60 << 2u;
    QTest::newRow("12x300") << 12 << 300 << 7u;
    QTest::newRow("12x300 seed 99") << 12 << 300 << 99u;
}

void TestSphereLayout::generated()
{
    QFETCH(int, owners);
    QFETCH(int, clients);
    QFETCH(unsigned, seed);
    const SphereInput in = SphereSamples::generated(owners, clients, seed);
    for (const SphereInput::Client &c : in.clients)
        QVERIFY(c.owners.size() >= 1 && c.owners.size() <= 3);
    const SphereGeometry g = layoutSpheres(in);
    const SphereVerification v = verify(g, in);
    QVERIFY2(v.isClean(), qPrintable(v.summary));
    QCOMPARE(v.outsideOwnRegion, 0);
    QCOMPARE(v.insideForeignRegion, 0);
    QCOMPARE(v.hiddenLabels, 0);
    QString first;
    const int failures = membershipFailures(g, in, &first);
    QVERIFY2(failures == 0,
             qPrintable(QStringLiteral("%1 failures; first: %2").arg(failures).arg(first)));
    QCOMPARE(labelOverlaps(g), 0);
    QVERIFY(g.apartClients.isEmpty());
    QVERIFY(g.apartArea.isNull());
    // Regions look smooth: plenty of vertices, no long straight stretches.
    for (int k = 0; k < owners; ++k) {
        int vertices = 0;
        for (const QPolygonF &ring : g.regions[k])
            vertices += int(ring.size());
        QVERIFY2(vertices >= 24,
                 qPrintable(QStringLiteral("owner %1: %2 vertices").arg(k).arg(vertices)));
    }
}

void TestSphereLayout::deterministic()
{
    const SphereInput in = SphereSamples::generated(12, 300, 5);
    const QByteArray a = jsonBytes(layoutSpheres(in), in);
    const QByteArray b = jsonBytes(layoutSpheres(in), in);
    QCOMPARE(a, b);
    SphereInput other = in;
    other.seed = 6;
    const SphereGeometry g = layoutSpheres(other);
    QVERIFY(verify(g, other).isClean());
    const SphereInput seed = SphereSamples::seedLandscape();
    QCOMPARE(jsonBytes(layoutSpheres(seed), seed), jsonBytes(layoutSpheres(seed), seed));
}

void TestSphereLayout::stableAcrossDates_data()
{
    QTest::addColumn<int>("owners");
    QTest::addColumn<int>("clients");
    QTest::newRow("seed") << 0 << 0;
    QTest::newRow("6x60") << 6 << 60;
    QTest::newRow("12x300") << 12 << 300;
}

void TestSphereLayout::stableAcrossDates()
{
    // Two as-of dates: between them a few clients change owners (one gains an owner, one
    // loses one, one switches entirely); the others must not jump.
    constexpr double bound = 30.0; // px
    QFETCH(int, owners);
    QFETCH(int, clients);
    const SphereInput before = owners == 0 ? SphereSamples::seedLandscape()
                                           : SphereSamples::generated(owners, clients, 21);
    const SphereGeometry g1 = layoutSpheres(before);
    QVERIFY(verify(g1, before).isClean());

    SphereInput after = before;
    after.previous = g1.toPrevious(before);
    QList<int> changed;
    const int nOwners = int(before.owners.size());
    if (owners == 0) {
        changed = {indexOfClient(before, 104), indexOfClient(before, 106)};
        after.clients[changed[0]].owners = {2};    // MiniMax leaves Tencent Cloud
        after.clients[changed[1]].owners = {0, 3}; // 01.AI adds Huawei Cloud
    } else {
        changed = {3, 10, 17};
        QList<int> &gain = after.clients[3].owners;
        for (int k = 0; k < nOwners; ++k)
            if (!gain.contains(k) && gain.size() < 3) {
                gain.append(k);
                break;
            }
        QList<int> &lose = after.clients[10].owners;
        if (lose.size() > 1)
            lose.removeLast();
        else
            lose = {(lose.first() + 1) % nOwners};
        QList<int> &swap = after.clients[17].owners;
        QList<int> replaced;
        for (int k = 0; k < nOwners && replaced.size() < 2; ++k)
            if (!swap.contains(k))
                replaced.append(k);
        swap = replaced;
    }
    const SphereGeometry g2 = layoutSpheres(after);
    const SphereVerification v = verify(g2, after);
    QVERIFY2(v.isClean(), qPrintable(v.summary));
    QCOMPARE(membershipFailures(g2, after), 0);

    double worst = 0;
    for (int c = 0; c < before.clients.size(); ++c) {
        if (changed.contains(c))
            continue;
        worst = std::max(worst, QLineF(g1.clientPositions[c], g2.clientPositions[c]).length());
    }
    QVERIFY2(worst < bound, qPrintable(QStringLiteral("a stable client moved %1 px").arg(worst)));
    for (int k = 0; k < nOwners; ++k)
        QCOMPARE(g2.ownerCenters[k], g1.ownerCenters[k]);
    // The changed clients did move into their new regions (checked above) and are laid out
    // deterministically from the previous layout too.
    QCOMPARE(jsonBytes(layoutSpheres(after), after), jsonBytes(g2, after));
}

void TestSphereLayout::stableWhenClientsComeAndGo()
{
    // Date 1: 12 owners, 300 clients, every 37th without owners. Date 2: ten clients change
    // owners, one loses all, five disappear, five new ones appear. Clients present at both
    // dates with the same owners (including those apart) move less than 30 px.
    constexpr double bound = 30.0; // px
    SphereInput before = SphereSamples::generated(12, 300, 2);
    for (int c = 0; c < before.clients.size(); c += 37)
        before.clients[c].owners.clear();
    const SphereGeometry g1 = layoutSpheres(before);
    QVERIFY(verify(g1, before).isClean());

    SphereInput after = before;
    after.previous = g1.toPrevious(before);
    for (int i = 0; i < 10; ++i)
        after.clients[i * 29 + 1].owners = {(i * 5) % 12, (i * 7 + 3) % 12};
    after.clients[40].owners.clear();
    after.clients.remove(100, 5);
    for (int i = 0; i < 5; ++i)
        after.clients.append({9000 + i, {i, i + 4}, 6.0, QSizeF(60, 14), 0.0});
    const SphereGeometry g2 = layoutSpheres(after);
    const SphereVerification v = verify(g2, after);
    QVERIFY2(v.isClean(), qPrintable(v.summary));
    QCOMPARE(membershipFailures(g2, after), 0);

    int compared = 0, apartCompared = 0;
    double worst = 0;
    for (int c = 0; c < after.clients.size(); ++c) {
        const int old = indexOfClient(before, after.clients[c].id);
        if (old < 0)
            continue;
        QList<int> a = before.clients[old].owners, b = after.clients[c].owners;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a != b)
            continue;
        ++compared;
        apartCompared += b.isEmpty();
        worst = std::max(worst, QLineF(g1.clientPositions[old], g2.clientPositions[c]).length());
    }
    QCOMPARE(compared, 300 - 5 - 11);
    QVERIFY(apartCompared >= 7);
    QVERIFY2(worst < bound, qPrintable(QStringLiteral("a stable client moved %1 px").arg(worst)));
}

void TestSphereLayout::fixedCentreKeptExactly()
{
    SphereInput in = SphereSamples::seedLandscape();
    const QPointF fixed(1234.5, -77.25);
    in.owners[2].fixedCenter = fixed;
    const SphereGeometry g = layoutSpheres(in);
    QCOMPARE(g.ownerCenters[2], fixed);
    QVERIFY2(verify(g, in).isClean(), qPrintable(verify(g, in).summary));
    QCOMPARE(membershipFailures(g, in), 0);

    SphereInput big = SphereSamples::generated(12, 300, 3);
    big.owners[0].fixedCenter = QPointF(-300.125, 40.5);
    big.owners[7].fixedCenter = QPointF(900, 900);
    const SphereGeometry gb = layoutSpheres(big);
    QCOMPARE(gb.ownerCenters[0], QPointF(-300.125, 40.5));
    QCOMPARE(gb.ownerCenters[7], QPointF(900, 900));
    QVERIFY2(verify(gb, big).isClean(), qPrintable(verify(gb, big).summary));
}

void TestSphereLayout::draggedOwnerIsFollowed()
{
    // The user drags Huawei Cloud 300 px to the right: its sphere and its only client follow.
    const SphereInput in = SphereSamples::seedLandscape();
    const SphereGeometry g1 = layoutSpheres(in);
    SphereInput dragged = in;
    dragged.previous = g1.toPrevious(in);
    const QPointF shift(300, 40);
    dragged.owners[3].fixedCenter = g1.ownerCenters[3] + shift;
    const SphereGeometry g2 = layoutSpheres(dragged);
    QCOMPARE(g2.ownerCenters[3], g1.ownerCenters[3] + shift);
    QVERIFY2(verify(g2, dragged).isClean(), qPrintable(verify(g2, dragged).summary));
    const int iflytek = indexOfClient(in, 105);
    QVERIFY(QLineF(g2.clientPositions[iflytek], g1.clientPositions[iflytek] + shift).length() < 30);
    // Clients of untouched owners stay.
    const int baichuan = indexOfClient(in, 101);
    QVERIFY(QLineF(g2.clientPositions[baichuan], g1.clientPositions[baichuan]).length() < 30);
}

void TestSphereLayout::jsonHasOwnersPerClient()
{
    const SphereInput in = SphereSamples::seedLandscape();
    const SphereGeometry g = layoutSpheres(in);
    const QJsonObject json = toJson(g, in);
    QCOMPARE(json.value("fillRule").toString(), QStringLiteral("evenodd"));
    const QJsonArray owners = json.value("owners").toArray();
    const QJsonArray clients = json.value("clients").toArray();
    QCOMPARE(owners.size(), in.owners.size());
    QCOMPARE(clients.size(), in.clients.size());

    const QHash<qint64, QList<qint64>> expected = {{101, {1, 2}},
                                                   {102, {1, 2}},
                                                   {103, {1, 2}},
                                                   {104, {2, 3}},
                                                   {105, {4}},
                                                   {106, {1}},
                                                   {107, {}}};
    for (const QJsonValue &value : clients) {
        const QJsonObject client = value.toObject();
        const qint64 id = client.value("id").toInteger();
        QList<qint64> ids;
        for (const QJsonValue &o : client.value("owners").toArray())
            ids.append(o.toInteger());
        QVERIFY(expected.contains(id));
        QCOMPARE(ids, expected.value(id));
        const QJsonArray pos = client.value("position").toArray();
        QCOMPARE(pos.size(), 2);
        const int c = indexOfClient(in, id);
        QVERIFY(std::abs(pos[0].toDouble() - g.clientPositions[c].x()) <= 0.0005);
        QVERIFY(std::abs(pos[1].toDouble() - g.clientPositions[c].y()) <= 0.0005);
        QCOMPARE(client.value("radius").toDouble(), 7.0);
        QCOMPARE(client.value("label").toArray().size(), 4);
    }
    // Each owner: polygons of [x, y] points, and the centre of each member inside them (checked
    // from the JSON alone).
    for (int k = 0; k < owners.size(); ++k) {
        const QJsonObject owner = owners[k].toObject();
        QCOMPARE(owner.value("id").toInteger(), in.owners[k].id);
        QList<QPolygonF> rings;
        for (const QJsonValue &ring : owner.value("polygons").toArray()) {
            QPolygonF poly;
            for (const QJsonValue &pt : ring.toArray())
                poly.append(QPointF(pt.toArray()[0].toDouble(), pt.toArray()[1].toDouble()));
            QVERIFY(poly.size() >= 3);
            rings.append(poly);
        }
        QVERIFY(!rings.isEmpty());
        for (const QJsonValue &value : clients) {
            const QJsonObject client = value.toObject();
            const QJsonArray pos = client.value("position").toArray();
            const QPointF p(pos[0].toDouble(), pos[1].toDouble());
            bool member = false;
            for (const QJsonValue &o : client.value("owners").toArray())
                member |= o.toInteger() == in.owners[k].id;
            QCOMPARE(inRegion(rings, p), member);
        }
    }
    QCOMPARE(json.value("apart").toArray(), QJsonArray{107});
    QCOMPARE(json.value("bounds").toArray().size(), 4);
}

void TestSphereLayout::transformedKeepsRules()
{
    const SphereInput in = SphereSamples::generated(6, 60, 4);
    const SphereGeometry g = layoutSpheres(in);
    QTransform t;
    t.translate(-g.bounds.left() + 20, -g.bounds.top() + 20);
    t.scale(2, 2);
    const SphereGeometry e = g.transformed(t);
    QCOMPARE(e.clientRadii[0], 2 * g.clientRadii[0]);
    QCOMPARE(e.clientPositions[5], t.map(g.clientPositions[5]));
    QCOMPARE(e.bounds, t.mapRect(g.bounds));
    const SphereVerification v = verify(e, in);
    QVERIFY2(v.isClean(), qPrintable(v.summary));
    QCOMPARE(membershipFailures(e, in), 0);
}

void TestSphereLayout::regionsAreTight()
{
    // Regions hug their members: each covers well under half of the map, misses the map's
    // corners, and every ring vertex lies near a member, the owner's label or a corridor
    // (within the field's reach of some member-to-member link, bounded here by the map).
    for (const SphereInput &in : {SphereSamples::seedLandscape(),
                                  SphereSamples::generated(6, 60, 8),
                                  SphereSamples::generated(12, 300, 8)}) {
        const SphereGeometry g = layoutSpheres(in);
        const double mapArea = g.bounds.width() * g.bounds.height();
        for (int k = 0; k < in.owners.size(); ++k) {
            double area = 0; // even-odd area: outer rings minus holes (sum of |shoelace| signs)
            for (const QPolygonF &ring : g.regions[k]) {
                double a = 0;
                for (int i = 0; i < ring.size(); ++i) {
                    const QPointF &p = ring[i], &q = ring[(i + 1) % ring.size()];
                    a += p.x() * q.y() - q.x() * p.y();
                }
                area += std::abs(a) / 2;
            }
            QVERIFY2(area < 0.5 * mapArea,
                     qPrintable(QStringLiteral("owner %1 covers %2 of %3 px²")
                                        .arg(k)
                                        .arg(area)
                                        .arg(mapArea)));
            const QRectF b = g.bounds.adjusted(1, 1, -1, -1);
            for (const QPointF &corner :
                 {b.topLeft(), b.topRight(), b.bottomLeft(), b.bottomRight()})
                QVERIFY(!g.regionContains(k, corner));
        }
    }
}

void TestSphereLayout::canvasHintCentresTheMap()
{
    SphereInput in = SphereSamples::generated(6, 60, 3);
    in.canvasHint = QSizeF(1600, 1200);
    const SphereGeometry g = layoutSpheres(in);
    QPointF mean;
    for (const QPointF &c : g.ownerCenters)
        mean += c / double(g.ownerCenters.size());
    QVERIFY(QLineF(mean, QPointF(800, 600)).length() < 1.0);
    QVERIFY(g.bounds.width() >= 0.5 * 1600); // spread to fill about the canvas
    QVERIFY(verify(g, in).isClean());
}

void TestSphereLayout::verifyDetectsViolations()
{
    // verify() and the independent check must notice broken geometry.
    const SphereInput in = SphereSamples::seedLandscape();
    const SphereGeometry good = layoutSpheres(in);
    QVERIFY(verify(good, in).isClean());
    const int baichuan = indexOfClient(in, 101), iflytek = indexOfClient(in, 105);

    SphereGeometry moved = good; // Baichuan dropped onto iFLYTEK (Huawei Cloud only)
    moved.clientPositions[baichuan] = good.clientPositions[iflytek];
    SphereVerification v = verify(moved, in);
    QCOMPARE(v.outsideOwnRegion, 2);    // not in Alibaba's nor Tencent's region
    QCOMPARE(v.insideForeignRegion, 1); // in Huawei's
    QCOMPARE(v.markMarkOverlaps, 1);
    QCOMPARE(v.labelMarkOverlaps, 0);
    QVERIFY(!v.isClean());
    QVERIFY(membershipFailures(moved, in) >= 3);

    SphereGeometry labels = good; // one label on top of another
    labels.clientLabels[baichuan] = good.clientLabels[iflytek].translated(3, 2);
    v = verify(labels, in);
    QCOMPARE(v.labelLabelOverlaps, 1);
    QCOMPARE(labelOverlaps(labels), 1);

    SphereGeometry underLabel = good; // a mark under the owner label of Baidu AI Cloud
    underLabel.clientPositions[iflytek] = good.ownerLabels[4].center();
    v = verify(underLabel, in);
    QCOMPARE(v.labelMarkOverlaps, 1);
    QVERIFY(v.insideForeignRegion >= 1); // Baidu's region holds its label

    SphereGeometry hidden = good;
    hidden.clientLabelHidden[0] = true;
    v = verify(hidden, in);
    QCOMPARE(v.hiddenLabels, 1);
    QVERIFY(v.isClean());

    SphereGeometry grazing = good; // a mark overlapping a foreign region's edge only
    const QPolygonF &ring = good.regions[3].first();
    QPointF onEdge = ring.first();
    grazing.clientPositions[baichuan] = onEdge;
    QVERIFY(verify(grazing, in).insideForeignRegion >= 1);
}

void TestSphereLayout::edgeCases()
{
    SphereInput empty;
    const SphereGeometry g0 = layoutSpheres(empty);
    QVERIFY(g0.regions.isEmpty());
    QVERIFY(verify(g0, empty).isClean());

    SphereInput onlyApart;
    onlyApart.clients.append({1, {}, 5, QSizeF(50, 14), 0});
    onlyApart.clients.append({2, {}, 5, QSizeF(), 0}); // no label
    const SphereGeometry g1 = layoutSpheres(onlyApart);
    QCOMPARE(g1.apartClients, (QList<int>{0, 1}));
    QVERIFY(g1.clientLabelHidden[1]);
    QVERIFY(!g1.clientLabelHidden[0]);
    QVERIFY(verify(g1, onlyApart).isClean());
    QCOMPARE(verify(g1, onlyApart).hiddenLabels, 0);

    SphereInput lonely; // one owner without clients and one with a single client
    lonely.owners.append({1, QSizeF(80, 18), std::nullopt});
    lonely.owners.append({2, QSizeF(), std::nullopt});
    lonely.clients.append({9, {1, 1}, 6, QSizeF(40, 14), 0}); // duplicate owner index
    const SphereGeometry g2 = layoutSpheres(lonely);
    QVERIFY(!g2.regions[0].isEmpty());
    QVERIFY(!g2.regions[1].isEmpty());
    QVERIFY2(verify(g2, lonely).isClean(), qPrintable(verify(g2, lonely).summary));
    QCOMPARE(membershipFailures(g2, lonely), 0);
    QVERIFY(g2.ownerLabels[1].isNull());
}

void TestSphereLayout::rejectsBadInput()
{
    SphereInput in = SphereSamples::seedLandscape();
    in.clients[0].owners.append(5);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, layoutSpheres(in));
    in = SphereSamples::seedLandscape();
    in.clients[1].id = in.clients[0].id;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, layoutSpheres(in));
    in = SphereSamples::seedLandscape();
    in.clients[2].radius = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, layoutSpheres(in));
    in = SphereSamples::seedLandscape();
    in.options.gridStep = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, layoutSpheres(in));
    in = SphereSamples::seedLandscape();
    const SphereGeometry g = layoutSpheres(in);
    in.clients.removeLast();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, verify(g, in));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, toJson(g, in));
}

QTEST_GUILESS_MAIN(TestSphereLayout)
#include "tst_spherelayout.moc"
