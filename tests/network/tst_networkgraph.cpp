// SPDX-License-Identifier: MIT
// The network diagram's model: the graph built from the store through the filter models.
#include "LandscapeDocument.h"
#include "LandscapeJson.h"
#include "NetworkDiagramModel.h"
#include "NetworkGraph.h"

#include <QTest>

using namespace EcoAtlas;

class TestNetworkGraph : public QObject
{
    Q_OBJECT
private:
    static int countKind(const NetworkGraph &g, const QString &kind)
    {
        int n = 0;
        for (const NetworkEdge &e : g.edges)
            n += e.kind == kind ? 1 : 0;
        return n;
    }
    static const NetworkEdge *edgeOfTie(const NetworkGraph &g,
                                        const Landscape &l,
                                        const QString &key)
    {
        for (const NetworkEdge &e : g.edges)
            for (const Tie &t : l.ties)
                if (t.id == e.tieId && t.key == key)
                    return &e;
        return nullptr;
    }

private slots:
    void seedGraphCounts()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        NetworkDiagramModel model(&doc);
        const NetworkGraph &g = model.graph();
        const Landscape &l = doc.landscape();
        // Every tie of the seed is drawn (no platform edges by default) …
        QCOMPARE(g.edges.size(), l.ties.size());
        int hosting = 0, investment = 0, chips = 0, partnership = 0;
        for (const Tie &t : l.ties) {
            hosting += t.kind == QLatin1String("hosting");
            investment += t.kind == QLatin1String("investment");
            chips += t.kind == QLatin1String("chip_order");
            partnership += t.kind == QLatin1String("partnership");
        }
        QCOMPARE(countKind(g, QStringLiteral("hosting")), hosting);
        QCOMPARE(countKind(g, QStringLiteral("investment")), investment);
        QCOMPARE(countKind(g, QStringLiteral("chip_order")), chips);
        QCOMPARE(countKind(g, QStringLiteral("partnership")), partnership);
        QCOMPARE(countKind(g, QStringLiteral("platform")), 0);
        // … and the nodes are exactly the organizations with at least one tie, and the sectors
        // served.
        QSet<RowId> tied;
        QSet<RowId> sectors;
        for (const Tie &t : l.ties) {
            tied << t.fromId;
            if (t.toId)
                tied << t.toId;
            if (t.sectorId)
                sectors << t.sectorId;
        }
        QCOMPARE(sectors.size(), 6);
        QCOMPARE(g.nodes.size(), tied.size() + sectors.size());
        // Positions: one per node, all finite.
        QCOMPARE(model.positions().size(), g.nodes.size());
        for (const QPointF &p : model.positions())
            QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
        // Direction: hosting vendor → client.
        const NetworkEdge *e = edgeOfTie(g, l, QStringLiteral("amazon-invests-anthropic"));
        QVERIFY(e);
        QCOMPARE(g.nodes[e->from].nameEn, QStringLiteral("Amazon"));
        QCOMPARE(g.nodes[e->to].nameEn, QStringLiteral("Anthropic"));
        QCOMPARE(e->amountUsd, 4e9);
    }

    void seedNetworkTellsTheStory()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        NetworkDiagramModel model(&doc);
        const NetworkGraph &g = model.graph();
        const Landscape &l = doc.landscape();
        // All six cloud vendors the article names are in the diagram (issue 8, item 8).
        for (const char *key : {"alibaba-cloud",
                                "huawei-cloud",
                                "tencent-cloud",
                                "baidu-ai-cloud",
                                "volcano-engine",
                                "tianyi-cloud"})
            QVERIFY2(g.indexOfOrganization(l.organizationByKey(QLatin1String(key))->id) >= 0, key);
        // Groups connect to their cloud arms through ownership edges.
        QCOMPARE(countKind(g, QStringLiteral("ownership")), 7);
        const NetworkEdge *owns = edgeOfTie(
                g, l, QStringLiteral("alibaba-group-owns-alibaba-cloud"));
        QVERIFY(owns);
        QCOMPARE(g.nodes[owns->from].nameEn, QStringLiteral("Alibaba Group"));
        QCOMPARE(g.nodes[owns->to].nameEn, QStringLiteral("Alibaba Cloud"));
        QCOMPARE(owns->grade, EvidenceGrade::Inferred);
        QCOMPARE(edgeOfTie(g, l, QStringLiteral("bytedance-owns-volcano-engine"))->grade,
                 EvidenceGrade::Reported);
        // Sectors are nodes of their own, each served by Baidu AI Cloud and Huawei Cloud.
        int sectorNodes = 0;
        for (int i = 0; i < g.nodes.size(); ++i) {
            if (!g.nodes[i].sectorId)
                continue;
            ++sectorNodes;
            QCOMPARE(g.neighbours(i).size(), 2);
        }
        QCOMPARE(sectorNodes, 6);
        const NetworkEdge *meteorology = edgeOfTie(
                g, l, QStringLiteral("huawei-cloud-serves-meteorology"));
        QVERIFY(meteorology);
        QCOMPARE(g.nodes[meteorology->to].nameZh, QStringLiteral("气象"));
        QCOMPARE(g.nodes[meteorology->to].organizationId, RowId(0));

        // Hiding a grade hides exactly its ties.
        int inferred = 0, claimed = 0;
        for (const Tie &t : l.ties) {
            inferred += t.evidence.grade == EvidenceGrade::Inferred;
            claimed += t.evidence.grade == EvidenceGrade::Claimed;
        }
        QCOMPARE(inferred, 8);
        QCOMPARE(claimed, 5);
        model.tieFilter()->setGradeVisible(EvidenceGrade::Inferred, false);
        QCOMPARE(int(model.graph().edges.size()), int(l.ties.size()) - inferred);
        for (const NetworkEdge &e : model.graph().edges)
            QVERIFY(e.grade != EvidenceGrade::Inferred);
        model.tieFilter()->setGradeVisible(EvidenceGrade::Claimed, false);
        QCOMPARE(int(model.graph().edges.size()), int(l.ties.size()) - inferred - claimed);
        model.tieFilter()->setGradeVisible(EvidenceGrade::Inferred, true);
        model.tieFilter()->setGradeVisible(EvidenceGrade::Claimed, true);
        QCOMPARE(int(model.graph().edges.size()), int(l.ties.size()));
    }

    void asOfFilter()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        NetworkDiagramModel model(&doc);
        const Landscape &l = doc.landscape();
        const QString google = QStringLiteral("google-invests-anthropic"); // late Oct 2023
        model.tieFilter()->setAsOf(QDate(2023, 10, 15));
        QVERIFY(!edgeOfTie(model.graph(), l, google));
        const int before = int(model.graph().edges.size());
        model.tieFilter()->setAsOf(QDate(2023, 10, 21)); // first day of "late October"
        QVERIFY(edgeOfTie(model.graph(), l, google));
        QCOMPARE(int(model.graph().edges.size()), before + 1);
        // Amazon's tie began on 28 September 2023: gone the day before.
        const QString amazon = QStringLiteral("amazon-invests-anthropic");
        model.tieFilter()->setAsOf(QDate(2023, 9, 27));
        QVERIFY(!edgeOfTie(model.graph(), l, amazon));
        model.tieFilter()->setAsOf(QDate(2023, 9, 28));
        QVERIFY(edgeOfTie(model.graph(), l, amazon));
        // Ties with an unknown start stay visible at any date and say so.
        int undatedTies = 0;
        for (const Tie &t : l.ties)
            undatedTies += t.start.isValid() ? 0 : 1;
        model.tieFilter()->setAsOf(QDate(1900, 1, 1));
        QCOMPARE(int(model.graph().edges.size()), undatedTies);
        for (const NetworkEdge &e : model.graph().edges)
            QVERIFY(e.undated);
    }

    void stablePositionsAcrossDates()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        NetworkDiagramModel model(&doc);
        const RowId alibabaCloud
                = doc.landscape().organizationByKey(QStringLiteral("alibaba-cloud"))->id;
        const QPointF before = model.positions().at(
                model.graph().indexOfOrganization(alibabaCloud));
        model.tieFilter()->setAsOf(QDate(2023, 9, 1));
        const int i = model.graph().indexOfOrganization(alibabaCloud);
        QVERIFY(i >= 0);
        QCOMPARE(model.positions().at(i), before);
    }

    void kindAndRoleFilters()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        NetworkDiagramModel model(&doc);
        model.tieFilter()->setKinds({QStringLiteral("investment")});
        QVERIFY(model.graph().edges.size() > 0);
        QCOMPARE(countKind(model.graph(), QStringLiteral("investment")),
                 int(model.graph().edges.size()));
        model.tieFilter()->setKinds({QStringLiteral("hosting"), QStringLiteral("platform")});
        QVERIFY(countKind(model.graph(), QStringLiteral("platform")) > 0);
        // Only cloud vendors and model developers: no chip vendor node remains.
        model.tieFilter()->setKinds({QStringLiteral("hosting"), QStringLiteral("chip_order")});
        model.organizationFilter()->setRoles(
                {QStringLiteral("cloud_vendor"), QStringLiteral("model_developer")});
        for (const NetworkNode &n : model.graph().nodes)
            QVERIFY2(n.roles.contains(QStringLiteral("cloud_vendor"))
                             || n.roles.contains(QStringLiteral("model_developer")),
                     qPrintable(n.nameEn));
        QCOMPARE(model.graph().indexOfOrganization(
                         doc.landscape().organizationByKey(QStringLiteral("nvidia"))->id),
                 -1);
    }

    void pinnedNodesSurviveRelayout()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        NetworkDiagramModel model(&doc);
        const int i = model.graph().indexOfOrganization(
                doc.landscape().organizationByKey(QStringLiteral("tencent-cloud"))->id);
        model.setNodePosition(i, QPointF(1234.5, -678.25), true);
        model.relayout();
        QCOMPARE(model.positions().at(i), QPointF(1234.5, -678.25));
        QVERIFY(model.isPinned(i));
    }
};

QTEST_MAIN(TestNetworkGraph)
#include "tst_networkgraph.moc"
