// SPDX-License-Identifier: MIT
// The sphere map of the seed landscape, checked independently from its geometry JSON: every
// client inside exactly its owners' polygons (even–odd rule), memberships as the article states,
// stability across dates, and the figure's export.
#include "Exporter.h"
#include "LandscapeDocument.h"
#include "SphereFigure.h"
#include "SphereMapModel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace EcoAtlas;

namespace {

/// Even–odd point-in-polygon over several rings (ray casting), independent of Qt's.
bool inside(const QJsonArray &rings, double x, double y)
{
    bool in = false;
    for (const QJsonValue &ringValue : rings) {
        const QJsonArray ring = ringValue.toArray();
        const int n = int(ring.size());
        for (int i = 0, j = n - 1; i < n; j = i++) {
            const double xi = ring[i].toArray()[0].toDouble(), yi = ring[i].toArray()[1].toDouble();
            const double xj = ring[j].toArray()[0].toDouble(), yj = ring[j].toArray()[1].toDouble();
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                in = !in;
        }
    }
    return in;
}

struct Map
{
    QHash<QString, QString> nameOfId;           // id → English name
    QHash<QString, QStringList> ownersOfClient; // client name → owner names (from JSON)
    QHash<QString, QStringList> regionsAround;  // client name → owners whose polygons hold it
};

Map read(const LandscapeDocument &doc, const QJsonObject &json)
{
    Map m;
    for (const Organization &o : doc.landscape().organizations)
        m.nameOfId.insert(QString::number(o.id), o.nameEn);
    // A sector served by an owner is a client with id -sectorId.
    for (const Sector &x : doc.landscape().sectors)
        m.nameOfId.insert(QString::number(-x.id), x.nameEn);
    const QJsonArray owners = json.value(QStringLiteral("owners")).toArray();
    for (const QJsonValue &cv : json.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString name = m.nameOfId.value(
                QString::number(c.value(QStringLiteral("id")).toInteger()));
        QStringList own;
        for (const QJsonValue &o : c.value(QStringLiteral("owners")).toArray())
            own << m.nameOfId.value(QString::number(o.toInteger()));
        own.sort();
        m.ownersOfClient.insert(name, own);
        const QJsonArray p = c.value(QStringLiteral("position")).toArray();
        QStringList around;
        for (const QJsonValue &ov : owners) {
            const QJsonObject o = ov.toObject();
            if (inside(o.value(QStringLiteral("polygons")).toArray(),
                       p[0].toDouble(),
                       p[1].toDouble()))
                around << m.nameOfId.value(
                        QString::number(o.value(QStringLiteral("id")).toInteger()));
        }
        around.sort();
        m.regionsAround.insert(name, around);
    }
    return m;
}

} // namespace

class TestSphereMap : public QObject
{
    Q_OBJECT
private slots:
    void seedMatchesTheArticle()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.setLabelMeasure(SphereFigure::labelMeasure());
        SphereFigure figure(model, FigureOptions());
        const QJsonObject json = figure.geometryJson(QRectF(QPointF(0, 0), figure.naturalSize()));
        const Map m = read(doc, json);
        const QStringList alibabaTencent{QStringLiteral("Alibaba Cloud"),
                                         QStringLiteral("Tencent Cloud")};
        // "Zhipu AI, Baichuan Intelligence, and Kunlun Wanwei ... strong backing from these two"
        for (const QString &c : {QStringLiteral("Baichuan Intelligence"),
                                 QStringLiteral("Zhipu AI"),
                                 QStringLiteral("Kunlun Wanwei")}) {
            QCOMPARE(m.ownersOfClient.value(c), alibabaTencent);
            QCOMPARE(m.regionsAround.value(c), alibabaTencent);
        }
        const QStringList tencentVolcano{QStringLiteral("Tencent Cloud"),
                                         QStringLiteral("Volcano Engine")};
        QCOMPARE(m.regionsAround.value(QStringLiteral("MiniMax")), tencentVolcano);
        // The article names Huawei, not Huawei Cloud, at iFLYTEK: no cloud sphere (issue 8).
        QCOMPARE(m.ownersOfClient.value(QStringLiteral("iFLYTEK")), QStringList());
        QCOMPARE(m.regionsAround.value(QStringLiteral("iFLYTEK")), QStringList());
        // Baidu AI Cloud and Huawei Cloud: healthcare, education, finance, entertainment,
        // energy and meteorology, as industry clients in both spheres.
        const QStringList baiduHuawei{QStringLiteral("Baidu AI Cloud"),
                                      QStringLiteral("Huawei Cloud")};
        for (const char *sector :
             {"Healthcare", "Education", "Finance", "Entertainment", "Energy", "Meteorology"}) {
            QCOMPARE(m.ownersOfClient.value(QLatin1String(sector)), baiduHuawei);
            QCOMPARE(m.regionsAround.value(QLatin1String(sector)), baiduHuawei);
        }
        QCOMPARE(m.regionsAround.value(QStringLiteral("01.AI")),
                 QStringList{QStringLiteral("Alibaba Cloud")});
        QCOMPARE(m.regionsAround.value(QStringLiteral("Anthropic")),
                 (QStringList{QStringLiteral("Amazon"), QStringLiteral("Google")}));
        QCOMPARE(m.regionsAround.value(QStringLiteral("OpenAI")),
                 QStringList{QStringLiteral("Microsoft")});
        // Every client: inside exactly its owners' polygons.
        for (auto it = m.ownersOfClient.constBegin(); it != m.ownersOfClient.constEnd(); ++it)
            QCOMPARE(m.regionsAround.value(it.key()), *it);
        QVERIFY(verify(model.geometry(), model.input()).isClean());
        // Coordinates are export pixels: everything inside the figure.
        const QJsonArray size = json.value(QStringLiteral("size")).toArray();
        for (const QJsonValue &cv : json.value(QStringLiteral("clients")).toArray()) {
            const QJsonArray p = cv.toObject().value(QStringLiteral("position")).toArray();
            QVERIFY(p[0].toDouble() > 0 && p[0].toDouble() < size[0].toDouble());
            QVERIFY(p[1].toDouble() > 0 && p[1].toDouble() < size[1].toDouble());
        }
    }

    void labelBoxesDoNotOverlap()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.setLabelMeasure(SphereFigure::labelMeasure());
        const SphereGeometry &g = model.geometry();
        QList<QRectF> boxes;
        for (int i = 0; i < g.clientLabels.size(); ++i)
            if (!g.clientLabelHidden.value(i) && !g.clientLabels[i].isNull())
                boxes << g.clientLabels[i];
        for (const QRectF &r : g.ownerLabels)
            if (!r.isNull())
                boxes << r;
        QVERIFY(boxes.size() >= 15);
        for (int i = 0; i < boxes.size(); ++i)
            for (int j = i + 1; j < boxes.size(); ++j)
                QVERIFY(!boxes[i].intersected(boxes[j]).isValid()
                        || boxes[i].intersected(boxes[j]).width()
                                           * boxes[i].intersected(boxes[j]).height()
                                   < 1e-6);
    }

    void asOfMovesOnlyClientsThatChange()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.setLabelMeasure(SphereFigure::labelMeasure());
        // Investors' spheres: Google's $2B in Anthropic counts from late October 2023.
        model.setOwnerRole(QStringLiteral("investor"));
        model.setMembershipKinds({QStringLiteral("investment")});
        model.setAsOf(QDate(2023, 10, 15));
        auto ownersOf = [&](const QString &key) {
            const RowId id = doc.landscape().organizationByKey(key)->id;
            for (const SphereInput::Client &c : model.input().clients)
                if (c.id == id) {
                    QStringList names;
                    for (int o : c.owners)
                        names << doc.landscape().organization(model.ownerId(o))->key;
                    names.sort();
                    return names;
                }
            return QStringList{QStringLiteral("(not on the map)")};
        };
        QCOMPARE(ownersOf(QStringLiteral("anthropic")), QStringList{QStringLiteral("amazon")});
        QHash<qint64, QPointF> before;
        QHash<qint64, QList<int>> ownersBefore;
        for (int i = 0; i < model.input().clients.size(); ++i) {
            before.insert(model.clientId(i), model.geometry().clientPositions[i]);
            ownersBefore.insert(model.clientId(i), model.input().clients[i].owners);
        }
        model.setAsOf(QDate(2023, 10, 25));
        QCOMPARE(ownersOf(QStringLiteral("anthropic")),
                 (QStringList{QStringLiteral("amazon"), QStringLiteral("google")}));
        QVERIFY(verify(model.geometry(), model.input()).isClean());
        int kept = 0;
        for (int i = 0; i < model.input().clients.size(); ++i) {
            const qint64 id = model.clientId(i);
            if (!before.contains(id) || ownersBefore.value(id) != model.input().clients[i].owners)
                continue;
            ++kept;
            QVERIFY2(QLineF(before.value(id), model.geometry().clientPositions[i]).length() < 30.0,
                     qPrintable(model.labelOf(id)));
        }
        QVERIFY(kept >= 3);
    }

    void unchangedDateKeepsEveryClient()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.setAsOf(QDate(2023, 12, 31), ViewState::TimeBasis::Published);
        const QList<QPointF> before = model.geometry().clientPositions;
        model.setAsOf(QDate(2024, 1, 31), ViewState::TimeBasis::Published);
        QCOMPARE(model.geometry().clientPositions.size(), before.size());
        for (int i = 0; i < before.size(); ++i)
            QVERIFY(QLineF(before[i], model.geometry().clientPositions[i]).length() < 1.0);
        // Before the article was published, no hosting tie was known: every client is apart.
        model.setAsOf(QDate(2023, 10, 1), ViewState::TimeBasis::Published);
        for (const SphereInput::Client &c : model.input().clients)
            QVERIFY(c.owners.isEmpty());
    }

    void clientMarksShowMoneyRaised()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.setClientMeasure(SphereMapModel::ClientMeasure::MoneyRaised);
        SphereFigure figure(model, FigureOptions());
        auto indexOf = [&](const QString &key) {
            const RowId id = doc.landscape().organizationByKey(key)->id;
            for (int i = 0; i < model.input().clients.size(); ++i)
                if (model.clientId(i) == id)
                    return i;
            return -1;
        };
        const int anthropic = indexOf(QStringLiteral("anthropic"));
        const int openai = indexOf(QStringLiteral("openai"));
        const int minimax = indexOf(QStringLiteral("minimax"));
        // Anthropic: up to $4 billion from Amazon + $2 billion from Google; OpenAI: Microsoft's
        // $13 billion, the most disclosed, gets the largest mark.
        QCOMPARE(model.clientValue(anthropic), 6e9);
        QCOMPARE(model.clientValue(openai), 13e9);
        QCOMPARE(figure.markRadius(openai), 12.0);
        QVERIFY(std::abs(figure.markRadius(anthropic) - (4 + 8 * std::sqrt(6.0 / 13.0))) < 1e-9);
        QCOMPARE(figure.markRadius(minimax), 4.0); // nothing disclosed
        const SphereVerification v = verify(model.geometry(), model.input());
        QVERIFY2(v.isClean(), qPrintable(v.summary));
    }

    void ownerDragIsKept()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.moveOwner(0, QPointF(-300, 450));
        QCOMPARE(model.geometry().ownerCenters[0], QPointF(-300, 450));
        QVERIFY(verify(model.geometry(), model.input()).isClean());
    }

    void clientToolTipsGiveEachMembershipWithItsEvidence()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        SphereFigure figure(model, FigureOptions());
        const Landscape &l = doc.landscape();
        auto clientIndex = [&](qint64 id) {
            for (int i = 0; i < model.input().clients.size(); ++i)
                if (model.clientId(i) == id)
                    return i;
            return -1;
        };
        const QString yi = figure.clientToolTip(
                clientIndex(l.organizationByKey(QStringLiteral("01-ai"))->id));
        QVERIFY2(yi.contains(QStringLiteral("\u2022 Alibaba Cloud: hosting [inferred: The article "
                                            "says Yi 'was primarily developed on Alibaba's "
                                            "platform'")),
                 qPrintable(yi));
        const QString zhipu = figure.clientToolTip(
                clientIndex(l.organizationByKey(QStringLiteral("zhipu-ai"))->id));
        QCOMPARE(zhipu.count(QStringLiteral("\u2022 ")), 2);
        QVERIFY(zhipu.contains(QStringLiteral("\u2022 Tencent Cloud: backing")));
        qint64 energy = 0;
        for (const Sector &x : l.sectors)
            if (x.key == QLatin1String("energy"))
                energy = -x.id;
        const QString sector = figure.clientToolTip(clientIndex(energy));
        QVERIFY2(sector.startsWith(QStringLiteral("Energy\n能源\nIndustry sector\nServed by: "
                                                  "Baidu AI Cloud, Huawei Cloud")),
                 qPrintable(sector));
        QVERIFY(sector.contains(QStringLiteral("\u2022 Huawei Cloud: serves")));
    }

    void svgExportIsWellFormed()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        SphereMapModel model(&doc);
        model.setLabelMeasure(SphereFigure::labelMeasure());
        SphereFigure figure(model, FigureOptions());
        Exporter::Options o;
        o.format = Exporter::Format::Svg;
        o.size = figure.naturalSize();
        QString error;
        const auto svg = Exporter::render(
                o, [&](QPainter &p, const QRectF &r) { figure.paint(p, r); }, &error);
        QVERIFY2(svg, qPrintable(error));
        QXmlStreamReader xml(*svg);
        QString text;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svg->contains("百川智能"));
        // The legend names the grades with how many clients have each (least sure membership):
        // 01.AI, Amazon's and Google's Anthropic are inferred; the sectors are industry clients.
        text.remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY2(text.contains(QStringLiteral("solid:reportedbyasource(13members)")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("dashed:claimedbyoneparty(0members)")));
        QVERIFY(text.contains(QStringLiteral("dotted,lighter:inferredbytheeditor(2members)")));
        QVERIFY(text.contains(QStringLiteral("industrysectorserved")));
        // Backing is not hosting: each owner's ties are named by kind, not called "clients".
        QVERIFY2(text.contains(QStringLiteral("AlibabaCloud阿里云:hosts2,backs3")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("BaiduAICloud百度智能云:serves6sectors")));
        QVERIFY(text.contains(QStringLiteral("whotheyhost,backorserve")));
        QVERIFY(!text.contains(QStringLiteral("4clients")));
        QVERIFY(text.contains(QStringLiteral("气象")));
        QVERIFY(text.contains(QStringLiteral("Evidence:23membershipsreported,0claimedbyoneparty("
                                             "dashed),3inferredbytheeditor(dotted,lighter).")));
    }
};

QTEST_MAIN(TestSphereMap)
#include "tst_spheremap.moc"
