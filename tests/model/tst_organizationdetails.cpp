// SPDX-License-Identifier: MIT
#include "LandscapeDocument.h"
#include "OrganizationDetails.h"

#include <QTest>

using namespace EcoAtlas;

namespace {

const Landscape &seed()
{
    static const Landscape l = LandscapeDocument::seedLandscape();
    return l;
}

const Tie &seedTie(const QString &key)
{
    for (const Tie &t : seed().ties)
        if (t.key == key)
            return t;
    qFatal("no tie %s in the seed", qPrintable(key));
}

RowId orgId(const QString &key)
{
    const Organization *o = seed().organizationByKey(key);
    return o ? o->id : 0;
}

const QString kNastyName = QStringLiteral(R"(<b>x</b> & "q")");
const QString kNastyEscaped = QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot;");

/// A landscape whose every text is markup: nothing of it may reach the HTML unescaped.
Landscape hostileLandscape()
{
    Landscape l;
    Source s;
    s.id = 1;
    s.key = QStringLiteral("s");
    s.publisher = QStringLiteral("<u>Daily</u>");
    s.title = QStringLiteral("<script>alert(1)</script>");
    s.url = QStringLiteral("javascript:alert(2)");
    Source linked;
    linked.id = 2;
    linked.key = QStringLiteral("linked");
    linked.publisher = QStringLiteral("Web & Co");
    linked.title = QStringLiteral("Report");
    linked.url = QStringLiteral("https://example.com/report?id=1&lang=en");
    l.sources = {s, linked};

    Organization x;
    x.id = 1;
    x.key = QStringLiteral("x");
    x.nameEn = kNastyName;
    x.nameZh = QStringLiteral("<i>中</i>");
    x.aliases = {QStringLiteral("<img src=a onerror=alert(3)>")};
    x.roles = {QStringLiteral("cloud_vendor")};
    x.notes = QStringLiteral("a < b && c > d");
    x.country = QStringLiteral("<c>");
    Organization plain;
    plain.id = 2;
    plain.key = QStringLiteral("plain");
    plain.nameEn = QStringLiteral("Plain Lab");
    Organization group;
    group.id = 3;
    group.key = QStringLiteral("group");
    group.nameEn = QStringLiteral("<h1>Group</h1>");
    l.organizations = {x, plain, group};

    Product p;
    p.id = 1;
    p.key = QStringLiteral("p");
    p.ownerId = 1;
    p.nameEn = QStringLiteral("<marquee>P</marquee>");
    p.kind = QStringLiteral("model_platform");
    l.products = {p};

    Tie t;
    t.id = 1;
    t.key = QStringLiteral("x-hosts-plain");
    t.kind = QStringLiteral("hosting");
    t.service = QStringLiteral("training");
    t.fromId = 1;
    t.toId = 2;
    t.productId = 1;
    t.description = QStringLiteral("<table>broken");
    t.sourceIds = {1, 2};
    Tie invest;
    invest.id = 2;
    invest.key = QStringLiteral("x-invests-plain");
    invest.kind = QStringLiteral("investment");
    invest.fromId = 1;
    invest.toId = 2;
    invest.round = QStringLiteral("<em>Seed</em>");
    invest.amount.value = 5e6;
    invest.amount.currency = QStringLiteral("USD");
    invest.amount.qualifier = Amount::Qualifier::About;
    Tie owns; // the parent: group → x
    owns.id = 3;
    owns.key = QStringLiteral("group-owns-x");
    owns.kind = QStringLiteral("ownership");
    owns.fromId = 3;
    owns.toId = 1;
    l.ties = {t, invest, owns};

    Figure f;
    f.id = 1;
    f.key = QStringLiteral("f");
    f.subjectId = 1;
    f.metric = QStringLiteral("m");
    f.statement = QStringLiteral("<blink>grows</blink>");
    f.unit = QStringLiteral("<u>units</u>");
    f.value.value = 3;
    f.value.qualifier = Amount::Qualifier::Exact;
    f.evidence.grade = EvidenceGrade::Claimed;
    f.evidence.claimantId = 1;
    l.figures = {f};
    l.index();
    return l;
}

} // namespace

class TestOrganizationDetails : public QObject
{
    Q_OBJECT

private slots:
    void baichuan();
    void alibabaCloud();
    void unknownOrganization();
    void escaping_data();
    void escaping();
    void sourceLinks();
    void tieSummary_data();
    void tieSummary();
    void sourceCitation();
};

void TestOrganizationDetails::baichuan()
{
    const QString html = OrganizationDetails::toHtml(seed(), orgId(QStringLiteral("baichuan")));
    QVERIFY(html.startsWith(QStringLiteral("<h3>Baichuan Intelligence (百川智能)</h3>")));
    QVERIFY(html.contains(QStringLiteral("<b>Roles:</b> Model developer")));
    QVERIFY(html.contains(QStringLiteral("<b>Also known as:</b> Baichuan AI, Baichuan")));
    // Both hosting ties, each with its details.
    QVERIFY(html.contains(QStringLiteral("<h4>Hosting (2)</h4>")));
    QVERIFY2(
            html.contains(QStringLiteral("<li>hosted by Alibaba Cloud (training) \u2014 start date "
                                         "unknown [caveat: That the services include thousand-card "
                                         "training comes from Alibaba Cloud's showcase")),
            qPrintable(html));
    QVERIFY2(html.contains(
                     QStringLiteral("<li>hosted by Tencent Cloud (vector database, through "
                                    "Tencent Cloud Vector Database) \u2014 start date unknown")),
             qPrintable(html));
    // Both investors.
    QVERIFY(html.contains(QStringLiteral("<h4>Investment (2)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<li>funded by Alibaba Group (undisclosed, $300 million "
                                         "raise)")));
    QVERIFY(html.contains(
            QStringLiteral("<li>funded by Tencent (undisclosed, $300 million raise)")));
    // The sources: the Zhidongxi article, with its title and date, under every tie.
    const QString citation = QStringLiteral(
            "<br><small>Sources: Zhidongxi (智东西), \u201CFive Major Players in Fierce "
            "Competition: Unveiling the Driving Forces Behind China's AI Large Models!\u201D, Nov "
            "2023</small>");
    // "strong backing from these two cloud giants": backing, not hosting.
    QVERIFY(html.contains(QStringLiteral("<h4>Backing (2)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<li>backed by Alibaba Cloud \u2014 start date unknown")));
    QCOMPARE(html.count(citation), 2 + 2 + 2 + 2); // 6 ties + 2 figures
    QVERIFY(!html.contains(QLatin1String("No source recorded")));
    // The figures about it.
    QVERIFY(html.contains(QStringLiteral("<h4>Figures and claims (2)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<i>(300 million USD; date unknown)</i>")));
    QVERIFY(html.contains(QStringLiteral("<i>(1 models per month; date unknown; claimed by "
                                         "Alibaba Cloud)</i>")));
    // No products of its own.
    QVERIFY(!html.contains(QLatin1String("Products and platforms")));
    // Tie kinds it has no ties of are left out.
    QVERIFY(!html.contains(QLatin1String("Chip order")));
    QVERIFY(!html.contains(QLatin1String("Partnership")));
}

void TestOrganizationDetails::alibabaCloud()
{
    const QString html = OrganizationDetails::toHtml(seed(),
                                                     orgId(QStringLiteral("alibaba-cloud")));
    QVERIFY(html.startsWith(QStringLiteral("<h3>Alibaba Cloud (阿里云)</h3>")));
    QVERIFY(html.contains(QStringLiteral("<b>Part of:</b> Alibaba Group (阿里巴巴集团)")));
    QVERIFY(html.contains(QStringLiteral("<b>Country:</b> CN")));
    QVERIFY(html.contains(QStringLiteral("<h4>Hosting (2)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<h4>Investment (1)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<h4>Backing (3)</h4>")));
    // The parent comes from the ownership tie, shown with its grade and rationale.
    QVERIFY(html.contains(QStringLiteral("<h4>Ownership (1)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<li>owned by Alibaba Group \u2014 start date unknown "
                                         "[inferred: The article does not state that Alibaba "
                                         "Cloud belongs to Alibaba Group.")));
    QVERIFY(html.contains(QStringLiteral("<li>invested in 01.AI (undisclosed, lead investor) "
                                         "\u2014 start date unknown")));
    QVERIFY(html.contains(QStringLiteral("<h4>Products and platforms (4)</h4>")));
    QVERIFY(html.contains(QStringLiteral("<li>ModelScope (魔搭社区) \u2014 community</li>")));
    // Its parent lists it among its subsidiaries.
    const QString group = OrganizationDetails::toHtml(seed(),
                                                      orgId(QStringLiteral("alibaba-group")));
    QVERIFY(group.contains(QStringLiteral("<b>Subsidiaries:</b> Alibaba Cloud")));
}

void TestOrganizationDetails::unknownOrganization()
{
    QCOMPARE(OrganizationDetails::toHtml(seed(), 0), QString());
    QCOMPARE(OrganizationDetails::toHtml(seed(), 999), QString());
    QCOMPARE(OrganizationDetails::toHtml(Landscape(), 1), QString());
}

void TestOrganizationDetails::escaping_data()
{
    QTest::addColumn<RowId>("organization");
    QTest::addColumn<QStringList>("escaped");
    QTest::newRow("the organization itself")
            << RowId(1)
            << QStringList{QStringLiteral("<h3>%1 (&lt;i&gt;中&lt;/i&gt;)</h3>").arg(kNastyEscaped),
                           QStringLiteral("&lt;img src=a onerror=alert(3)&gt;"),
                           QStringLiteral("a &lt; b &amp;&amp; c &gt; d"),
                           QStringLiteral("&lt;c&gt;"),
                           QStringLiteral("&lt;h1&gt;Group&lt;/h1&gt;"),
                           QStringLiteral("&lt;marquee&gt;P&lt;/marquee&gt;"),
                           QStringLiteral("&lt;table&gt;broken"),
                           QStringLiteral("&lt;em&gt;Seed&lt;/em&gt;"),
                           QStringLiteral("&lt;blink&gt;grows&lt;/blink&gt;"),
                           QStringLiteral("3 &lt;u&gt;units&lt;/u&gt;"),
                           QStringLiteral("claimed by %1").arg(kNastyEscaped),
                           QStringLiteral("&lt;u&gt;Daily&lt;/u&gt;, \u201C&lt;script&gt;alert(1)"
                                          "&lt;/script&gt;\u201D"),
                           QStringLiteral("hosts Plain Lab (training, through &lt;marquee&gt;P"
                                          "&lt;/marquee&gt;)")};
    QTest::newRow("its partner")
            << RowId(2)
            << QStringList{QStringLiteral("hosted by %1 (training").arg(kNastyEscaped),
                           QStringLiteral("funded by %1 (about 5 million USD, &lt;em&gt;Seed"
                                          "&lt;/em&gt;)")
                                   .arg(kNastyEscaped)};
    QTest::newRow("its parent") << RowId(
            3) << QStringList{QStringLiteral("<b>Subsidiaries:</b> %1").arg(kNastyEscaped)};
}

void TestOrganizationDetails::escaping()
{
    QFETCH(RowId, organization);
    QFETCH(QStringList, escaped);
    const Landscape l = hostileLandscape();
    const QString html = OrganizationDetails::toHtml(l, organization);
    QVERIFY(!html.isEmpty());
    for (const QString &e : escaped)
        QVERIFY2(html.contains(e), qPrintable(QStringLiteral("%1\nmissing in\n%2").arg(e, html)));
    // No markup from the data survives.
    // (The fragment's own markup uses <b> and <i>, never around these texts.)
    for (const char *raw : {"<b>x</b>",
                            "\"q\"",
                            "<i>中",
                            "<img",
                            "<script",
                            "<h1>",
                            "<marquee",
                            "<table",
                            "<em>",
                            "<blink",
                            "<u>",
                            "<c>",
                            "javascript:"})
        QVERIFY2(!html.contains(QString::fromUtf8(raw)), raw);
}

void TestOrganizationDetails::sourceLinks()
{
    const Landscape l = hostileLandscape();
    const QString html = OrganizationDetails::toHtml(l, 1);
    // An http(s) URL becomes a link, escaped; any other scheme does not.
    QVERIFY2(html.contains(QStringLiteral("Web &amp; Co, \u201CReport\u201D <a "
                                          "href=\"https://example.com/report?id=1&amp;lang=en\">"
                                          "link</a>")),
             qPrintable(html));
    QCOMPARE(html.count(QLatin1String("<a href=")), 1);
    // Ties and figures without a source say so (the investment, the ownership, the figure).
    QCOMPARE(html.count(QLatin1String("<br><i>No source recorded.</i>")), 3);
}

void TestOrganizationDetails::tieSummary_data()
{
    QTest::addColumn<QString>("tie");
    QTest::addColumn<QString>("organization");
    QTest::addColumn<QString>("summary");

    QTest::newRow("investor") << "amazon-invests-anthropic"
                              << "amazon"
                              << "invested in Anthropic (up to 4 billion USD) \u2014 28 Sep 2023";
    QTest::newRow("investee") << "amazon-invests-anthropic"
                              << "anthropic"
                              << "funded by Amazon (up to 4 billion USD) \u2014 28 Sep 2023";
    QTest::newRow("late month") << "google-invests-anthropic"
                                << "google"
                                << "invested in Anthropic (2 billion USD) \u2014 late Oct 2023";
    QTest::newRow("round") << "microsoft-invests-openai"
                           << "microsoft"
                           << "invested in OpenAI (13 billion USD, cumulative (total invested to "
                              "date)) \u2014 start date unknown";
    QTest::newRow("lead") << "alibaba-cloud-invests-01-ai"
                          << "alibaba-cloud"
                          << "invested in 01.AI (undisclosed, lead investor) \u2014 start date "
                             "unknown";
    QTest::newRow("hosting with product")
            << "tencent-cloud-hosts-minimax"
            << "tencent-cloud"
            << "hosts MiniMax (computing cluster, through HCC (high-performance computing "
               "cluster)) \u2014 start date unknown";
    QTest::newRow("inferred hosting")
            << "alibaba-cloud-hosts-01-ai"
            << "alibaba-cloud"
            << "hosts 01.AI (training) \u2014 start date unknown [inferred: The article says Yi "
               "'was primarily developed on Alibaba's platform', in a sentence about Alibaba "
               "Cloud promoting the model and a passage on cloud giants investing in model "
               "companies; 'Alibaba's platform' is read as Alibaba Cloud's.]";
    QTest::newRow("serves a sector") << "huawei-cloud-serves-meteorology"
                                     << "huawei-cloud"
                                     << "serves the sector Meteorology \u2014 start date unknown";
    QTest::newRow("hosted") << "volcano-engine-hosts-minimax"
                            << "minimax"
                            << "hosted by Volcano Engine (computing cluster) \u2014 start date "
                               "unknown";
    QTest::newRow("chip order, buyer")
            << "baidu-orders-huawei-ascend-910b"
            << "baidu"
            << "ordered chips from Huawei (Ascend 910B, 1,600 units, value "
               "undisclosed, status: ordered) \u2014 start date unknown";
    QTest::newRow("chip order, supplier")
            << "baidu-orders-huawei-ascend-910b"
            << "huawei"
            << "chip order from Baidu (Ascend 910B, 1,600 units, value "
               "undisclosed, status: ordered) \u2014 start date unknown";
    QTest::newRow("chip order in a deal")
            << "baidu-orders-nvidia-2024"
            << "baidu"
            << "ordered chips from Nvidia (value undisclosed, status: ordered, delivery 2024, "
               "part of: Nvidia chip orders by Chinese internet giants including Alibaba, "
               "Tencent, Baidu and ByteDance \u2014 tranche for delivery in 2024 (the source "
               "names some buyers, not all)) \u2014 Aug 2023";
    QTest::newRow("partnership") << "tencent-songjiang-gpu-center"
                                 << "songjiang"
                                 << "partnership with Tencent (through Tencent\u2013Songjiang GPU "
                                    "computing center) \u2014 9 Nov 2023";
}

void TestOrganizationDetails::tieSummary()
{
    QFETCH(QString, tie);
    QFETCH(QString, organization);
    QFETCH(QString, summary);
    QCOMPARE(OrganizationDetails::tieSummary(seed(), seedTie(tie), orgId(organization)), summary);
}

void TestOrganizationDetails::sourceCitation()
{
    const Landscape &l = seed();
    const Source *ft = nullptr;
    for (const Source &s : l.sources)
        if (s.key == QLatin1String("ft-2023-08"))
            ft = &s;
    QVERIFY(ft);
    QCOMPARE(OrganizationDetails::sourceCitation(l, *ft),
             QStringLiteral("Financial Times, \u201CReport cited by Zhidongxi: Chinese internet "
                            "giants including Alibaba, Tencent, Baidu and ByteDance ordered $5 "
                            "billion of Nvidia chips\u201D, Aug 2023 (as cited by Zhidongxi "
                            "(智东西))"));
    Source bare;
    bare.publisher = QStringLiteral("Somebody");
    QCOMPARE(OrganizationDetails::sourceCitation(l, bare), QStringLiteral("Somebody"));
}

QTEST_GUILESS_MAIN(TestOrganizationDetails)
#include "tst_organizationdetails.moc"
