// SPDX-License-Identifier: MIT
// Facts of the bundled seed landscape (:/seed/landscape.json), with the values checked against
// the article it was compiled from: Zhidongxi, "Five Major Players in Fierce Competition:
// Unveiling the Driving Forces Behind China's AI Large Models!" (November 2023). The quoted
// article passages are given next to the checks; docs/seed-landscape.md maps every checkable
// statement of the article to its record. Each item's evidence grade is checked too: reported
// (the article states it), claimed (a named party says it), inferred (the editor's reading, with
// a rationale).
#include "LandscapeDocument.h"

#include <QSet>
#include <QTest>

using namespace EcoAtlas;

namespace {

const Landscape &seed()
{
    static const Landscape l = LandscapeDocument::seedLandscape();
    return l;
}

RowId orgId(const QString &key)
{
    const Organization *o = seed().organizationByKey(key);
    return o ? o->id : 0;
}

const Tie *tie(const QString &key)
{
    for (const Tie &t : seed().ties)
        if (t.key == key)
            return &t;
    return nullptr;
}

const Figure *figure(const QString &key)
{
    for (const Figure &f : seed().figures)
        if (f.key == key)
            return &f;
    return nullptr;
}

const Source *source(const QString &key)
{
    for (const Source &s : seed().sources)
        if (s.key == key)
            return &s;
    return nullptr;
}

const Deal *deal(const QString &key)
{
    for (const Deal &d : seed().deals)
        if (d.key == key)
            return &d;
    return nullptr;
}

const Product *product(const QString &key)
{
    for (const Product &p : seed().products)
        if (p.key == key)
            return &p;
    return nullptr;
}

const Sector *sectorByKey(const QString &key)
{
    for (const Sector &s : seed().sectors)
        if (s.key == key)
            return &s;
    return nullptr;
}

/// Ties of `kind` (any kind when empty) between two organizations, looked up by their English
/// names.
QList<const Tie *> tiesBetween(const QString &fromName, const QString &toName, const QString &kind)
{
    QList<const Tie *> out;
    for (const Tie &t : seed().ties) {
        const Organization *from = seed().organization(t.fromId);
        const Organization *to = seed().organization(t.toId);
        if (from && to && from->nameEn == fromName && to->nameEn == toName
            && (kind.isEmpty() || t.kind == kind))
            out.append(&t);
    }
    return out;
}

QStringList sourceKeys(const QList<RowId> &ids)
{
    QStringList keys;
    for (RowId id : ids)
        if (const Source *s = seed().source(id))
            keys.append(s->key);
    return keys;
}

/// English names of the organizations that `kind` ties run from, into `toKey`.
QStringList partnersInto(const QString &toKey, const QString &kind)
{
    QStringList names;
    for (const Tie &t : seed().ties)
        if (t.toId == orgId(toKey) && t.kind == kind)
            names.append(seed().organization(t.fromId)->nameEn);
    names.sort();
    return names;
}

/// Number of ties (any kind, either end) of the organization `key`.
int tieCount(const QString &key)
{
    const RowId id = orgId(key);
    int n = 0;
    for (const Tie &t : seed().ties)
        if (t.fromId == id || t.toId == id)
            ++n;
    return n;
}

/// The stable grade name of an item, for readable failure messages.
QString grade(const Evidence &e)
{
    return evidenceGradeName(e.grade);
}

/// Key of the claimant of `e`, or an empty string.
QString claimantKey(const Evidence &e)
{
    const Organization *o = seed().organization(e.claimantId);
    return o ? o->key : QString();
}

} // namespace

class TestSeedLandscape : public QObject
{
    Q_OBJECT

private slots:
    void counts();
    void gradeCounts();
    void everyReferenceResolves();
    void everyItemIsGraded();
    void everyFactHasASource();
    void amazonInvestsInAnthropic();
    void googleInvestsInAnthropic();
    void microsoftInvestsInOpenAI();
    void alibabaCloudLeads01AI();
    void fundingFigures_data();
    void fundingFigures();
    void zhipuAndBaichuanInvestors();
    void baiduOrdersAscendChips();
    void nvidiaDeals();
    void nvidiaChipOrderTies();
    void nvidiaCancellationIsMarketWide();
    void platformClaims_data();
    void platformClaims();
    void wenxinFigures_data();
    void wenxinFigures();
    void hostingTies();
    void backingTies();
    void huaweiIflytekPartnership();
    void sectors_data();
    void sectors();
    void servesTies();
    void qianfanCompatibility_data();
    void qianfanCompatibility();
    void marketWideFigures();
    void names_data();
    void names();
    void parents_data();
    void parents();
    void kunlunCoreOwnershipIsInferred();
    void cloudVendors();
    void relayedSources_data();
    void relayedSources();
    void zhidongxiSource();
    void datedEvents();
};

void TestSeedLandscape::counts()
{
    const Landscape &l = seed();
    QCOMPARE(l.title, QStringLiteral("Chinese cloud vendors and large-model companies, late 2023"));
    QCOMPARE(l.sources.size(), 5);
    QCOMPARE(l.organizations.size(), 32);
    QCOMPARE(l.sectors.size(), 6);
    QCOMPARE(l.products.size(), 26);
    QCOMPARE(l.deals.size(), 2);
    QCOMPARE(l.ties.size(), 58);
    QCOMPARE(l.figures.size(), 47);
    QHash<QString, int> kinds;
    for (const Tie &t : l.ties)
        ++kinds[t.kind];
    QCOMPARE(kinds.value(QStringLiteral("hosting")), 8);
    QCOMPARE(kinds.value(QStringLiteral("investment")), 8);
    QCOMPARE(kinds.value(QStringLiteral("chip_order")), 9);
    QCOMPARE(kinds.value(QStringLiteral("partnership")), 3);
    QCOMPARE(kinds.value(QStringLiteral("ownership")), 7);
    QCOMPARE(kinds.value(QStringLiteral("backing")), 6);
    QCOMPARE(kinds.value(QStringLiteral("compatibility")), 5);
    QCOMPARE(kinds.value(QStringLiteral("serves")), 12);
    QCOMPARE(kinds.size(), 8);
}

void TestSeedLandscape::gradeCounts()
{
    const Landscape &l = seed();
    QHash<QString, int> ties, figures, deals;
    for (const Tie &t : l.ties)
        ++ties[grade(t.evidence)];
    for (const Figure &f : l.figures)
        ++figures[grade(f.evidence)];
    for (const Deal &d : l.deals)
        ++deals[grade(d.evidence)];
    QCOMPARE(ties.value(QStringLiteral("reported")), 45);
    QCOMPARE(ties.value(QStringLiteral("claimed")), 5);
    QCOMPARE(ties.value(QStringLiteral("inferred")), 8);
    QCOMPARE(figures.value(QStringLiteral("reported")), 23);
    QCOMPARE(figures.value(QStringLiteral("claimed")), 24);
    QCOMPARE(figures.value(QStringLiteral("inferred")), 0);
    QCOMPARE(deals.value(QStringLiteral("reported")), 2);
    QCOMPARE(deals.size(), 1);
}

void TestSeedLandscape::everyReferenceResolves()
{
    const Landscape &l = seed();
    for (const Source &s : l.sources)
        QVERIFY2(!s.viaId || l.source(s.viaId), qPrintable(s.key));
    for (const Organization &o : l.organizations) {
        QVERIFY2(!o.parentId || l.organization(o.parentId), qPrintable(o.key));
        QVERIFY2(!o.nameEn.isEmpty(), qPrintable(o.key));
        QVERIFY2(!o.roles.isEmpty(), qPrintable(o.key));
    }
    for (const Sector &s : l.sectors) {
        QVERIFY2(!s.nameEn.isEmpty(), qPrintable(s.key));
        QVERIFY2(!s.nameZh.isEmpty(), qPrintable(s.key));
        QCOMPARE(l.sector(s.id), &s);
    }
    for (const Product &p : l.products)
        QVERIFY2(l.organization(p.ownerId), qPrintable(p.key));
    for (const Tie &t : l.ties) {
        QVERIFY2(l.organization(t.fromId), qPrintable(t.key));
        if (t.kind == QLatin1String("serves")) {
            // A vendor serves a sector, not an organization.
            QVERIFY2(l.sector(t.sectorId), qPrintable(t.key));
            QCOMPARE(t.toId, RowId(0));
        } else {
            QVERIFY2(l.organization(t.toId), qPrintable(t.key));
            QCOMPARE(t.sectorId, RowId(0));
            QVERIFY2(t.fromId != t.toId, qPrintable(t.key));
        }
        QVERIFY2(!t.productId || l.product(t.productId), qPrintable(t.key));
        QVERIFY2(!t.dealId || l.deal(t.dealId), qPrintable(t.key));
        QVERIFY2(!t.evidence.claimantId || l.organization(t.evidence.claimantId),
                 qPrintable(t.key));
    }
    for (const Figure &f : l.figures) {
        // A figure without a subject is a statement about the market as a whole.
        QVERIFY2(!f.subjectId || l.organization(f.subjectId), qPrintable(f.key));
        QVERIFY2(!f.productId || l.product(f.productId), qPrintable(f.key));
        QVERIFY2(!f.evidence.claimantId || l.organization(f.evidence.claimantId),
                 qPrintable(f.key));
        QVERIFY2(!f.statement.isEmpty(), qPrintable(f.key));
    }
}

void TestSeedLandscape::everyItemIsGraded()
{
    // No claim without a claimant, no inference without a rationale, and neither member where
    // it does not belong — across every tie, deal and figure of the seed.
    const Landscape &l = seed();
    auto check = [&](const QString &key, const Evidence &e) {
        QVERIFY2(e.problem().isEmpty(), qPrintable(key + QStringLiteral(": ") + e.problem()));
        if (e.grade == EvidenceGrade::Claimed)
            QVERIFY2(l.organization(e.claimantId), qPrintable(key));
        else
            QVERIFY2(!e.claimantId, qPrintable(key));
        if (e.grade == EvidenceGrade::Inferred)
            QVERIFY2(!e.rationale.trimmed().isEmpty(), qPrintable(key));
        else
            QVERIFY2(e.rationale.isEmpty(), qPrintable(key));
    };
    for (const Tie &t : l.ties) {
        check(t.key, t.evidence);
        if (QTest::currentTestFailed())
            return;
    }
    for (const Deal &d : l.deals) {
        check(d.key, d.evidence);
        if (QTest::currentTestFailed())
            return;
    }
    for (const Figure &f : l.figures) {
        check(f.key, f.evidence);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSeedLandscape::everyFactHasASource()
{
    const Landscape &l = seed();
    const RowId zhidongxi = source(QStringLiteral("zhidongxi-2023"))->id;
    for (const Tie &t : l.ties) {
        QVERIFY2(!t.sourceIds.isEmpty(), qPrintable(t.key));
        // Every fact in the seed was read in the Zhidongxi article.
        QVERIFY2(t.sourceIds.contains(zhidongxi), qPrintable(t.key));
        QVERIFY2(!t.description.isEmpty(), qPrintable(t.key));
    }
    for (const Figure &f : l.figures) {
        QVERIFY2(!f.sourceIds.isEmpty(), qPrintable(f.key));
        QVERIFY2(f.sourceIds.contains(zhidongxi), qPrintable(f.key));
    }
    for (const Product &p : l.products)
        QVERIFY2(!p.sourceIds.isEmpty(), qPrintable(p.key));
    for (const Deal &d : l.deals)
        QVERIFY2(!d.sourceIds.isEmpty(), qPrintable(d.key));
    // Every source is cited by something.
    for (const Source &s : l.sources) {
        int citations = 0;
        for (const Tie &t : l.ties)
            citations += t.sourceIds.count(s.id);
        for (const Figure &f : l.figures)
            citations += f.sourceIds.count(s.id);
        QVERIFY2(citations > 0, qPrintable(s.key));
    }
}

void TestSeedLandscape::amazonInvestsInAnthropic()
{
    // "Amazon announced on September 28 its intention to invest up to $4 billion in Anthropic"
    const QList<const Tie *> ties = tiesBetween(
            QStringLiteral("Amazon"), QStringLiteral("Anthropic"), QStringLiteral("investment"));
    QCOMPARE(ties.size(), 1);
    const Tie *t = ties.first();
    QCOMPARE(t->key, QStringLiteral("amazon-invests-anthropic"));
    QCOMPARE(t->amount.value, std::optional<double>(4'000'000'000.0));
    QCOMPARE(t->amount.currency, QStringLiteral("USD"));
    QCOMPARE(t->amount.qualifier, Amount::Qualifier::UpTo);
    QCOMPARE(t->amount.toDisplayString(), QStringLiteral("up to 4 billion USD"));
    QCOMPARE(t->start.precision(), FuzzyDate::Precision::Day);
    QCOMPARE(t->start.earliest(), QDate(2023, 9, 28));
    QCOMPARE(t->start.toString(), QStringLiteral("2023-09-28"));
    QVERIFY(!t->end.isValid());
    QCOMPARE(t->evidence.grade, EvidenceGrade::Reported);
}

void TestSeedLandscape::googleInvestsInAnthropic()
{
    // "only for Google to commit $2 billion in financing by late October"
    const QList<const Tie *> ties = tiesBetween(
            QStringLiteral("Google"), QStringLiteral("Anthropic"), QStringLiteral("investment"));
    QCOMPARE(ties.size(), 1);
    const Tie *t = ties.first();
    QCOMPARE(t->amount.value, std::optional<double>(2'000'000'000.0));
    QCOMPARE(t->amount.currency, QStringLiteral("USD"));
    QCOMPARE(t->amount.qualifier, Amount::Qualifier::Exact);
    QCOMPARE(t->start.toString(), QStringLiteral("2023-10-late"));
    QCOMPARE(t->start.earliest(), QDate(2023, 10, 21));
    QCOMPARE(t->start.latest(), QDate(2023, 10, 31));
    QCOMPARE(t->evidence.grade, EvidenceGrade::Reported);
    // "neither Google nor Amazon can become Anthropic's sole cloud provider": that both are
    // Anthropic's cloud providers is read from this, not stated.
    QCOMPARE(partnersInto(QStringLiteral("anthropic"), QStringLiteral("hosting")),
             QStringList({QStringLiteral("Amazon"), QStringLiteral("Google")}));
    for (const QString &key :
         {QStringLiteral("amazon-hosts-anthropic"), QStringLiteral("google-hosts-anthropic")}) {
        QCOMPARE(tie(key)->evidence.grade, EvidenceGrade::Inferred);
        QVERIFY(tie(key)->evidence.rationale.contains(QLatin1String("sole cloud provider")));
    }
}

void TestSeedLandscape::microsoftInvestsInOpenAI()
{
    // "Microsoft's cumulative $13 billion investment in OpenAI"
    const QList<const Tie *> ties = tiesBetween(
            QStringLiteral("Microsoft"), QStringLiteral("OpenAI"), QStringLiteral("investment"));
    QCOMPARE(ties.size(), 1);
    const Tie *t = ties.first();
    QCOMPARE(t->amount.value, std::optional<double>(13'000'000'000.0));
    QCOMPARE(t->amount.currency, QStringLiteral("USD"));
    QCOMPARE(t->amount.qualifier, Amount::Qualifier::Exact);
    // "cumulative" stays visible in the tables (Round and Description columns).
    QCOMPARE(t->round, QStringLiteral("cumulative (total invested to date)"));
    QVERIFY(t->description.startsWith(QLatin1String("Cumulative total:")));
    QVERIFY(t->description.contains(QLatin1String("cumulative $13 billion investment")));
    QCOMPARE(t->evidence.grade, EvidenceGrade::Reported);
    // "Microsoft serves as its exclusive cloud provider"
    QCOMPARE(partnersInto(QStringLiteral("openai"), QStringLiteral("hosting")),
             QStringList{QStringLiteral("Microsoft")});
    QCOMPARE(tie(QStringLiteral("microsoft-hosts-openai"))->evidence.grade,
             EvidenceGrade::Reported);
}

void TestSeedLandscape::alibabaCloudLeads01AI()
{
    // "Alibaba Cloud led the investment in '01.AI,' an AI company founded by Lee Kai-Fu"
    const QList<const Tie *> ties = tiesBetween(
            QStringLiteral("Alibaba Cloud"), QStringLiteral("01.AI"), QStringLiteral("investment"));
    QCOMPARE(ties.size(), 1);
    const Tie *t = ties.first();
    QCOMPARE(t->lead, std::optional<bool>(true));
    QVERIFY(!t->amount.value.has_value());
    QCOMPARE(t->amount.qualifier, Amount::Qualifier::Undisclosed);
    QCOMPARE(t->amount.toDisplayString(), QStringLiteral("undisclosed"));
    QCOMPARE(t->evidence.grade, EvidenceGrade::Reported);
    QCOMPARE(seed().organizationByKey(QStringLiteral("01-ai"))->nameZh, QStringLiteral("零一万物"));
    // Yi "was primarily developed on Alibaba's platform"; released in November.
    QCOMPARE(product(QStringLiteral("yi"))->ownerId, orgId(QStringLiteral("01-ai")));
    QCOMPARE(product(QStringLiteral("yi"))->launched.toString(), QStringLiteral("2023-11"));
    const QList<const Tie *> hosting = tiesBetween(
            QStringLiteral("Alibaba Cloud"), QStringLiteral("01.AI"), QStringLiteral("hosting"));
    QCOMPARE(hosting.size(), 1);
    // "Alibaba's platform" is read as Alibaba Cloud's: inferred, and says why.
    QCOMPARE(hosting.first()->evidence.grade, EvidenceGrade::Inferred);
    QVERIFY(hosting.first()->evidence.rationale.contains(QLatin1String("Alibaba's platform")));
}

void TestSeedLandscape::fundingFigures_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<Amount::Qualifier>("qualifier");
    QTest::addColumn<QString>("asOf");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("open");

    // "Zhipu AI secured over 2.5 billion yuan in funding by late October this year"
    QTest::newRow("Zhipu AI") << "zhipu-ai-funding-2023"
                              << "Zhipu AI" << 2.5e9 << "CNY" << Amount::Qualifier::Over
                              << "2023-10-late"
                              << "over 2.5 billion CNY" << false;
    // "while Baichuan Intelligence raised $300 million"
    QTest::newRow("Baichuan") << "baichuan-funding"
                              << "Baichuan Intelligence" << 300e6 << "USD"
                              << Amount::Qualifier::Exact << ""
                              << "300 million USD" << false;
    // "Chinese internet giants including Alibaba, Tencent, Baidu, and ByteDance placed orders
    // with Nvidia for $5 billion worth of chips" (FT, August): "including" — an open set
    QTest::newRow("Nvidia orders")
            << "nvidia-china-orders-5b"
            << "Nvidia" << 5e9 << "USD" << Amount::Qualifier::Exact << "2023-08"
            << "5 billion USD" << true;
    // "Nvidia may be forced to cancel over $5 billion worth of advanced chip orders to China
    // next year": no buyer named, so a statement about the market (no subject)
    QTest::newRow("Nvidia may cancel") << "nvidia-china-orders-at-risk"
                                       << "" << 5e9 << "USD" << Amount::Qualifier::Over << "2023-10"
                                       << "over 5 billion USD" << false;
}

void TestSeedLandscape::fundingFigures()
{
    QFETCH(QString, key);
    QFETCH(QString, subject);
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(Amount::Qualifier, qualifier);
    QFETCH(QString, asOf);
    QFETCH(QString, display);
    QFETCH(bool, open);

    const Figure *f = figure(key);
    QVERIFY(f);
    const Organization *s = seed().organization(f->subjectId);
    QCOMPARE(s ? s->nameEn : QString(), subject);
    QCOMPARE(f->value.value, std::optional<double>(value));
    QCOMPARE(f->value.currency, currency);
    QCOMPARE(f->value.qualifier, qualifier);
    QCOMPARE(f->asOf.toString(), asOf);
    QCOMPARE(f->value.toDisplayString(f->unit), display);
    QCOMPARE(f->evidence.grade, EvidenceGrade::Reported);
    QCOMPARE(f->parties, open ? PartySet::Open : PartySet::Closed);
}

void TestSeedLandscape::zhipuAndBaichuanInvestors()
{
    // "both Alibaba and Tencent have set their sights on several promising AI model startups
    // ... with both tech giants being major investors in these rounds"
    const QStringList giants{QStringLiteral("Alibaba Group"), QStringLiteral("Tencent")};
    QCOMPARE(partnersInto(QStringLiteral("zhipu-ai"), QStringLiteral("investment")), giants);
    QCOMPARE(partnersInto(QStringLiteral("baichuan"), QStringLiteral("investment")), giants);
    for (const QString &key : {QStringLiteral("tencent-invests-zhipu-ai"),
                               QStringLiteral("alibaba-group-invests-zhipu-ai")}) {
        // Their shares are not reported; the round total is in the funding figure.
        QVERIFY(!tie(key)->amount.value);
        QCOMPARE(tie(key)->amount.currency, QStringLiteral("CNY"));
        QCOMPARE(tie(key)->evidence.grade, EvidenceGrade::Reported);
    }
    QCOMPARE(tie(QStringLiteral("tencent-invests-baichuan"))->amount.currency,
             QStringLiteral("USD"));
}

void TestSeedLandscape::baiduOrdersAscendChips()
{
    // "Reuters reported that Baidu ordered 1,600 Ascend 910B AI chips from Huawei for 200 servers"
    const QList<const Tie *> ties = tiesBetween(
            QStringLiteral("Baidu"), QStringLiteral("Huawei"), QStringLiteral("chip_order"));
    QCOMPARE(ties.size(), 1);
    const Tie *t = ties.first();
    QCOMPARE(t->chipModel, QStringLiteral("Ascend 910B"));
    QCOMPARE(t->units.value, std::optional<double>(1600));
    QCOMPARE(t->units.qualifier, Amount::Qualifier::Exact);
    QVERIFY(t->units.currency.isEmpty());
    QVERIFY(!t->amount.value);
    QCOMPARE(t->status, QStringLiteral("ordered"));
    QCOMPARE(t->statusDate.toString(), QStringLiteral("2023-11"));
    QCOMPARE(t->evidence.grade, EvidenceGrade::Reported);
    QCOMPARE(sourceKeys(t->sourceIds),
             QStringList({QStringLiteral("zhidongxi-2023"), QStringLiteral("reuters-2023-11")}));
    QCOMPARE(seed().product(t->productId)->key, QStringLiteral("ascend-910b"));
    QCOMPARE(seed().product(t->productId)->ownerId, orgId(QStringLiteral("huawei")));
    QCOMPARE(t->dealId, RowId(0));
}

void TestSeedLandscape::nvidiaDeals()
{
    // "About $1 billion worth (approximately 100,000 Nvidia A800 GPUs) will be delivered this
    // year, with the remaining $4 billion worth of GPUs scheduled for delivery in 2024."
    const Deal *d2023 = deal(QStringLiteral("nvidia-2023-delivery"));
    QVERIFY(d2023);
    QCOMPARE(d2023->amount.value, std::optional<double>(1e9));
    QCOMPARE(d2023->amount.currency, QStringLiteral("USD"));
    QCOMPARE(d2023->amount.qualifier, Amount::Qualifier::About);
    QCOMPARE(d2023->units.value, std::optional<double>(100000));
    QCOMPARE(d2023->units.qualifier, Amount::Qualifier::About);
    QCOMPARE(d2023->units.toDisplayString(QStringLiteral("GPUs")),
             QStringLiteral("about 100,000 GPUs"));
    QCOMPARE(d2023->chipModel, QStringLiteral("A800"));
    QCOMPARE(sourceKeys(d2023->sourceIds),
             QStringList({QStringLiteral("zhidongxi-2023"), QStringLiteral("ft-2023-08")}));

    const Deal *d2024 = deal(QStringLiteral("nvidia-2024-delivery"));
    QVERIFY(d2024);
    QCOMPARE(d2024->amount.value, std::optional<double>(4e9));
    QCOMPARE(d2024->amount.currency, QStringLiteral("USD"));
    QCOMPARE(d2024->amount.qualifier, Amount::Qualifier::Exact);
    QVERIFY(!d2024->units.value);
    QVERIFY(d2024->chipModel.isEmpty());
    // The Global Times report names no buyer: it is not a source of this tranche.
    QCOMPARE(sourceKeys(d2024->sourceIds),
             QStringList({QStringLiteral("zhidongxi-2023"), QStringLiteral("ft-2023-08")}));
    // The two tranches add up to the $5 billion the FT reported.
    QCOMPARE(*d2023->amount.value + *d2024->amount.value,
             *figure(QStringLiteral("nvidia-china-orders-5b"))->value.value);

    // "Chinese internet giants *including* Alibaba, Tencent, Baidu, and ByteDance": the four are
    // not the complete set of buyers.
    for (const Deal *d : {d2023, d2024}) {
        QCOMPARE(d->parties, PartySet::Open);
        QCOMPARE(d->evidence.grade, EvidenceGrade::Reported);
        QVERIFY2(
                d->title.contains(QLatin1String("including Alibaba, Tencent, Baidu and ByteDance")),
                qPrintable(d->title));
        QVERIFY(d->notes.contains(QLatin1String("including")));
    }
}

void TestSeedLandscape::nvidiaChipOrderTies()
{
    // "Chinese internet giants including Alibaba, Tencent, Baidu, and ByteDance placed orders
    // with Nvidia"
    const QStringList buyers{QStringLiteral("Alibaba Group"),
                             QStringLiteral("Baidu"),
                             QStringLiteral("ByteDance"),
                             QStringLiteral("Tencent")};
    for (const QString &dealKey :
         {QStringLiteral("nvidia-2023-delivery"), QStringLiteral("nvidia-2024-delivery")}) {
        const RowId dealId = deal(dealKey)->id;
        QStringList names;
        for (const Tie &t : seed().ties) {
            if (t.dealId != dealId)
                continue;
            names.append(seed().organization(t.fromId)->nameEn);
            QCOMPARE(t.kind, QStringLiteral("chip_order"));
            QCOMPARE(t.toId, orgId(QStringLiteral("nvidia")));
            QVERIFY(sourceKeys(t.sourceIds).contains(QStringLiteral("ft-2023-08")));
            QVERIFY(!t.amount.value); // each buyer's share is not reported
            QCOMPARE(t.evidence.grade, EvidenceGrade::Reported);
            QCOMPARE(t.status, QStringLiteral("ordered"));
            QCOMPARE(t.statusDate.toString(), QStringLiteral("2023-08"));
            QVERIFY2(t.description.contains(QLatin1String("including")), qPrintable(t.key));
            if (dealKey == QLatin1String("nvidia-2023-delivery")) {
                QCOMPARE(t.chipModel, QStringLiteral("A800"));
                QCOMPARE(t.delivery.toString(), QStringLiteral("2023"));
            } else {
                // The Global Times report ("Nvidia may be forced to cancel over $5 billion
                // worth of advanced chip orders to China next year") names no buyer: the 2024
                // tranche stays "ordered" and does not cite it.
                QVERIFY(t.chipModel.isEmpty());
                QCOMPARE(t.delivery.toString(), QStringLiteral("2024"));
                QVERIFY(!sourceKeys(t.sourceIds).contains(QStringLiteral("global-times-2023-10")));
            }
        }
        names.sort();
        QCOMPARE(names, buyers);
    }
    for (const Tie &t : seed().ties)
        QVERIFY2(t.status != QLatin1String("at_risk"), qPrintable(t.key));
}

void TestSeedLandscape::nvidiaCancellationIsMarketWide()
{
    // "according to Global Times citing foreign media reports, Nvidia may be forced to cancel
    // over $5 billion worth of advanced chip orders to China next year"
    const Figure *f = figure(QStringLiteral("nvidia-china-orders-at-risk"));
    QVERIFY(f);
    QCOMPARE(f->subjectId, RowId(0));
    QCOMPARE(f->evidence.grade, EvidenceGrade::Reported);
    QVERIFY(f->statement.contains(QLatin1String(
            "Nvidia may be forced to cancel over $5 billion worth of advanced chip orders to China "
            "next year")));
    QVERIFY(f->evidence.caveat.contains(QLatin1String("names no buyer")));
    QVERIFY(f->evidence.caveat.contains(QLatin1String("$4 billion")));
    QCOMPARE(sourceKeys(f->sourceIds),
             QStringList(
                     {QStringLiteral("zhidongxi-2023"), QStringLiteral("global-times-2023-10")}));
}

void TestSeedLandscape::platformClaims_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("claimant");
    QTest::addColumn<QString>("productKey");
    QTest::addColumn<double>("value");
    QTest::addColumn<Amount::Qualifier>("qualifier");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("display");

    // "its Qianfan large model platform now manages 42 mainstream large models, serving over
    // 17,000 clients"
    QTest::newRow("Qianfan models") << "qianfan-models"
                                    << "Baidu AI Cloud"
                                    << "qianfan" << 42.0 << Amount::Qualifier::Exact << "models"
                                    << "42 models";
    QTest::newRow("Qianfan clients") << "qianfan-clients"
                                     << "Baidu AI Cloud"
                                     << "qianfan" << 17000.0 << Amount::Qualifier::Over << "clients"
                                     << "over 17,000 clients";
    // "Volcanic Engine has boldly stated that over 70% of the domestic large model market
    // consists of its clients"
    QTest::newRow("Volcano Engine share") << "volcano-engine-llm-market-share"
                                          << "Volcano Engine"
                                          << "" << 70.0 << Amount::Qualifier::Over << "percent"
                                          << "over 70%";
    // "Alibaba Cloud claims that more than half of China's large model companies operate on its
    // platform"
    QTest::newRow("Alibaba Cloud share") << "alibaba-cloud-llm-company-share"
                                         << "Alibaba Cloud"
                                         << "" << 50.0 << Amount::Qualifier::Over << "percent"
                                         << "over 50%";
    // "reducing overall cloud costs by at least 20%" (Tencent Cloud VP Wei Wei)
    QTest::newRow("MiniMax costs") << "minimax-cloud-cost-cut"
                                   << "Tencent Cloud"
                                   << "hcc" << 20.0 << Amount::Qualifier::AtLeast << "percent"
                                   << "at least 20%";
    // "single clusters with up to 10,000 GPUs"
    QTest::newRow("Alibaba Cloud cluster") << "alibaba-cloud-single-cluster-size"
                                           << "Alibaba Cloud"
                                           << "" << 10000.0 << Amount::Qualifier::UpTo << "GPUs"
                                           << "up to 10,000 GPUs";
    // "achieve up to 96% linear scaling efficiency" / "save over 50% of computing resources"
    QTest::newRow("PAI scaling") << "pai-linear-scaling"
                                 << "Alibaba Cloud"
                                 << "pai" << 96.0 << Amount::Qualifier::UpTo << "percent"
                                 << "up to 96%";
    QTest::newRow("PAI savings") << "pai-compute-savings"
                                 << "Alibaba Cloud"
                                 << "pai" << 50.0 << Amount::Qualifier::Over << "percent"
                                 << "over 50%";
    // "a 95% acceleration ratio ... effective training time accounting for 96%"
    QTest::newRow("Qianfan acceleration")
            << "qianfan-acceleration-ratio"
            << "Baidu AI Cloud"
            << "qianfan" << 95.0 << Amount::Qualifier::Exact << "percent"
            << "95%";
    // "model downloads have exceeded 100 million ... 30 million hours of free GPU computing"
    QTest::newRow("ModelScope downloads")
            << "modelscope-downloads"
            << "Alibaba Cloud"
            << "modelscope" << 100e6 << Amount::Qualifier::Over << "downloads"
            << "over 100 million downloads";
    QTest::newRow("ModelScope GPU hours")
            << "modelscope-free-gpu-hours"
            << "Alibaba Cloud"
            << "modelscope" << 30e6 << Amount::Qualifier::Exact << "GPU hours"
            << "30 million GPU hours";
}

void TestSeedLandscape::platformClaims()
{
    QFETCH(QString, key);
    QFETCH(QString, claimant);
    QFETCH(QString, productKey);
    QFETCH(double, value);
    QFETCH(Amount::Qualifier, qualifier);
    QFETCH(QString, unit);
    QFETCH(QString, display);

    const Figure *f = figure(key);
    QVERIFY(f);
    QCOMPARE(f->evidence.grade, EvidenceGrade::Claimed);
    QVERIFY(f->evidence.claimantId);
    QCOMPARE(seed().organization(f->evidence.claimantId)->nameEn, claimant);
    if (productKey.isEmpty())
        QCOMPARE(f->productId, RowId(0));
    else
        QCOMPARE(seed().product(f->productId)->key, productKey);
    QCOMPARE(f->value.value, std::optional<double>(value));
    QCOMPARE(f->value.qualifier, qualifier);
    QVERIFY(f->value.currency.isEmpty());
    QCOMPARE(f->unit, unit);
    QCOMPARE(f->value.toDisplayString(f->unit), display);
}

void TestSeedLandscape::wenxinFigures_data()
{
    // "as of August 31 ... the Wenxin large model has reached 4,500 users, 54,000 developers,
    // 4,300 scenarios, 825 applications, and 500 plugins."
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("value");
    QTest::newRow("users") << "users" << 4500.0;
    QTest::newRow("developers") << "developers" << 54000.0;
    QTest::newRow("scenarios") << "scenarios" << 4300.0;
    QTest::newRow("applications") << "applications" << 825.0;
    QTest::newRow("plugins") << "plugins" << 500.0;
}

void TestSeedLandscape::wenxinFigures()
{
    QFETCH(QString, metric);
    QFETCH(double, value);
    const Figure *f = figure(QStringLiteral("wenxin-") + metric);
    QVERIFY(f);
    QCOMPARE(f->metric, metric);
    // Kept as the article states them ...
    QCOMPARE(f->value.value, std::optional<double>(value));
    QCOMPARE(f->value.qualifier, Amount::Qualifier::Exact);
    QCOMPARE(f->asOf.toString(), QStringLiteral("2023-08-31"));
    QCOMPARE(f->asOf.precision(), FuzzyDate::Precision::Day);
    QCOMPARE(f->subjectId, orgId(QStringLiteral("baidu")));
    QCOMPARE(seed().product(f->productId)->nameZh, QStringLiteral("文心一言"));
    // ... "According to official data": Baidu's claim ...
    QCOMPARE(f->evidence.grade, EvidenceGrade::Claimed);
    QCOMPARE(claimantKey(f->evidence), QStringLiteral("baidu"));
    // ... with a caveat on the translation.
    QCOMPARE(f->evidence.caveat,
             QStringLiteral("figures as given in the English translation; 4,500 users beside "
                            "54,000 developers looks garbled"));
}

void TestSeedLandscape::hostingTies()
{
    // "Baichuan Intelligence not only utilizes Alibaba Cloud's services but has also partnered
    // with Tencent Cloud's vector database"
    QCOMPARE(partnersInto(QStringLiteral("baichuan"), QStringLiteral("hosting")),
             QStringList({QStringLiteral("Alibaba Cloud"), QStringLiteral("Tencent Cloud")}));
    const Tie *baichuanTencent = tie(QStringLiteral("tencent-cloud-hosts-baichuan"));
    QCOMPARE(baichuanTencent->service, QStringLiteral("vector_database"));
    QCOMPARE(seed().product(baichuanTencent->productId)->key,
             QStringLiteral("tencent-cloud-vector-db"));
    QCOMPARE(baichuanTencent->evidence.grade, EvidenceGrade::Reported);
    // The article states Alibaba Cloud → Baichuan itself: reported, not Alibaba Cloud's claim.
    const Tie *baichuanAlibaba = tie(QStringLiteral("alibaba-cloud-hosts-baichuan"));
    QCOMPARE(baichuanAlibaba->service, QStringLiteral("training"));
    QCOMPARE(baichuanAlibaba->evidence.grade, EvidenceGrade::Reported);
    QCOMPARE(baichuanAlibaba->evidence.claimantId, RowId(0));
    QVERIFY(baichuanAlibaba->description.contains(
            QLatin1String("Baichuan Intelligence not only utilizes Alibaba Cloud's services")));
    // The training detail comes from Alibaba Cloud's showcase: said in the caveat.
    QVERIFY(baichuanAlibaba->evidence.caveat.contains(QLatin1String("showcase")));

    // "MiniMax has not only upgraded its technological foundation through Tencent Cloud's
    // new-generation high-performance computing cluster HCC but has also previously
    // collaborated with Volcano Engine to build a high-performance computing cluster."
    QCOMPARE(partnersInto(QStringLiteral("minimax"), QStringLiteral("hosting")),
             QStringList({QStringLiteral("Tencent Cloud"), QStringLiteral("Volcano Engine")}));
    const Tie *minimaxTencent = tie(QStringLiteral("tencent-cloud-hosts-minimax"));
    QCOMPARE(minimaxTencent->service, QStringLiteral("computing_cluster"));
    QCOMPARE(seed().product(minimaxTencent->productId)->key, QStringLiteral("hcc"));
    QCOMPARE(minimaxTencent->evidence.grade, EvidenceGrade::Reported);
    const Tie *minimaxVolcano = tie(QStringLiteral("volcano-engine-hosts-minimax"));
    QCOMPARE(minimaxVolcano->service, QStringLiteral("computing_cluster"));
    QCOMPARE(minimaxVolcano->evidence.grade, EvidenceGrade::Reported);

    // "strong backing" is not hosting: Zhipu AI and Kunlun Wanwei have no hosting ties.
    QVERIFY(partnersInto(QStringLiteral("zhipu-ai"), QStringLiteral("hosting")).isEmpty());
    QVERIFY(partnersInto(QStringLiteral("kunlun-wanwei"), QStringLiteral("hosting")).isEmpty());

    // "01.AI ... primarily developed on Alibaba's platform"
    QCOMPARE(partnersInto(QStringLiteral("01-ai"), QStringLiteral("hosting")),
             QStringList({QStringLiteral("Alibaba Cloud")}));

    // Hosting in the seed: Alibaba Cloud (Baichuan, 01.AI), Tencent Cloud (Baichuan, MiniMax),
    // Volcano Engine (MiniMax), Microsoft (OpenAI), Amazon and Google (Anthropic).
    int hosting = 0;
    for (const Tie &t : seed().ties)
        hosting += t.kind == QLatin1String("hosting");
    QCOMPARE(hosting, 8);
}

void TestSeedLandscape::backingTies()
{
    // "Domestic AI startups like Zhipu AI, Baichuan Intelligence, and Kunlun Wanwei are fiercely
    // competing for leadership in China's large model ecosystem, with strong backing from these
    // two cloud giants" (Alibaba Cloud and Tencent Cloud) — the nature of the backing is not
    // stated.
    const QStringList giants{QStringLiteral("Alibaba Cloud"), QStringLiteral("Tencent Cloud")};
    for (const QString &key :
         {QStringLiteral("zhipu-ai"), QStringLiteral("baichuan"), QStringLiteral("kunlun-wanwei")})
        QCOMPARE(partnersInto(key, QStringLiteral("backing")), giants);
    int backing = 0;
    for (const Tie &t : seed().ties) {
        if (t.kind != QLatin1String("backing"))
            continue;
        ++backing;
        QCOMPARE(t.evidence.grade, EvidenceGrade::Reported);
        QVERIFY2(
                t.description.contains(QLatin1String("strong backing from these two cloud giants")),
                qPrintable(t.key));
        QVERIFY(t.amount.isNull());
        QVERIFY(t.service.isEmpty());
    }
    QCOMPARE(backing, 6);
    QVERIFY(tie(QStringLiteral("alibaba-cloud-backs-zhipu-ai")));
    QVERIFY(tie(QStringLiteral("tencent-cloud-backs-kunlun-wanwei")));
    // The former hosting ties are gone.
    QVERIFY(!tie(QStringLiteral("alibaba-cloud-hosts-zhipu-ai")));
    QVERIFY(!tie(QStringLiteral("tencent-cloud-hosts-kunlun-wanwei")));
}

void TestSeedLandscape::huaweiIflytekPartnership()
{
    // The invented "Huawei Cloud hosts iFLYTEK" is gone ...
    QVERIFY(!tie(QStringLiteral("huawei-cloud-hosts-iflytek")));
    QVERIFY(partnersInto(QStringLiteral("iflytek"), QStringLiteral("hosting")).isEmpty());
    QVERIFY(tiesBetween(QStringLiteral("Huawei Cloud"), QStringLiteral("iFLYTEK"), QString())
                    .isEmpty());
    // ... what the article says stays: "Huawei's rotating chairman Xu Zhijun personally attended
    // iFLYTEK's Spark 2.0 launch event, jointly announcing the 'Flying Star One' domestic
    // computing power platform for large models. This platform was developed through Huawei's
    // special task force stationed at iFLYTEK"
    const Tie *t = tie(QStringLiteral("huawei-iflytek-flying-star-one"));
    QVERIFY(t);
    QCOMPARE(t->kind, QStringLiteral("partnership"));
    QCOMPARE(t->fromId, orgId(QStringLiteral("huawei")));
    QCOMPARE(t->toId, orgId(QStringLiteral("iflytek")));
    QCOMPARE(t->evidence.grade, EvidenceGrade::Reported);
    QVERIFY(t->description.contains(
            QLatin1String("developed through Huawei's special task force stationed at iFLYTEK")));
    QCOMPARE(seed().product(t->productId)->key, QStringLiteral("flying-star-one"));
    // iFLYTEK's only tie is this partnership.
    QCOMPARE(tieCount(QStringLiteral("iflytek")), 1);
}

void TestSeedLandscape::sectors_data()
{
    // "covering sectors such as healthcare, education, finance, entertainment, energy, and
    // meteorology"
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("nameEn");
    QTest::addColumn<QString>("nameZh");
    QTest::newRow("healthcare") << "healthcare"
                                << "Healthcare"
                                << "医疗";
    QTest::newRow("education") << "education"
                               << "Education"
                               << "教育";
    QTest::newRow("finance") << "finance"
                             << "Finance"
                             << "金融";
    QTest::newRow("entertainment") << "entertainment"
                                   << "Entertainment"
                                   << "文娱";
    QTest::newRow("energy") << "energy"
                            << "Energy"
                            << "能源";
    QTest::newRow("meteorology") << "meteorology"
                                 << "Meteorology"
                                 << "气象";
}

void TestSeedLandscape::sectors()
{
    QFETCH(QString, key);
    QFETCH(QString, nameEn);
    QFETCH(QString, nameZh);
    const Sector *s = sectorByKey(key);
    QVERIFY(s);
    QCOMPARE(s->nameEn, nameEn);
    QCOMPARE(s->nameZh, nameZh);
    QCOMPARE(seed().sector(s->id), s);
    // Served by both vendors the article names.
    QStringList vendors;
    for (const Tie &t : seed().ties)
        if (t.kind == QLatin1String("serves") && t.sectorId == s->id)
            vendors.append(seed().organization(t.fromId)->key);
    vendors.sort();
    QCOMPARE(vendors,
             QStringList({QStringLiteral("baidu-ai-cloud"), QStringLiteral("huawei-cloud")}));
}

void TestSeedLandscape::servesTies()
{
    // "Public information indicates that Baidu Intelligent Cloud and Huawei Cloud are more
    // focused on implementing their large models across various industry applications, covering
    // sectors such as healthcare, education, finance, entertainment, energy, and meteorology."
    QHash<QString, int> byVendor;
    int serves = 0;
    for (const Tie &t : seed().ties) {
        if (t.kind != QLatin1String("serves"))
            continue;
        ++serves;
        ++byVendor[seed().organization(t.fromId)->key];
        QCOMPARE(t.toId, RowId(0));
        QVERIFY(seed().sector(t.sectorId));
        QCOMPARE(t.key,
                 QStringLiteral("%1-serves-%2")
                         .arg(seed().organization(t.fromId)->key, seed().sector(t.sectorId)->key));
        QCOMPARE(t.evidence.grade, EvidenceGrade::Reported);
        QVERIFY2(t.description.contains(QLatin1String(
                         "healthcare, education, finance, entertainment, energy, and meteorology")),
                 qPrintable(t.key));
    }
    QCOMPARE(serves, 12);
    QCOMPARE(byVendor.value(QStringLiteral("baidu-ai-cloud")), 6);
    QCOMPARE(byVendor.value(QStringLiteral("huawei-cloud")), 6);
    QCOMPARE(byVendor.size(), 2);
}

void TestSeedLandscape::qianfanCompatibility_data()
{
    // "According to Baidu Intelligent Cloud's official information ... the Qianfan platform is
    // compatible with mainstream AI chips both domestic and international, including Kunlun
    // Core, Ascend, Hygon DCU, NVIDIA, and Intel"
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("chipModel");
    QTest::newRow("Kunlun Core") << "kunlun-core"
                                 << "";
    QTest::newRow("Ascend") << "huawei"
                            << "Ascend";
    QTest::newRow("Hygon DCU") << "hygon"
                               << "DCU";
    QTest::newRow("NVIDIA") << "nvidia"
                            << "";
    QTest::newRow("Intel") << "intel"
                           << "";
}

void TestSeedLandscape::qianfanCompatibility()
{
    QFETCH(QString, vendor);
    QFETCH(QString, chipModel);
    const Tie *t = tie(QStringLiteral("qianfan-compatible-") + vendor);
    QVERIFY(t);
    QCOMPARE(t->kind, QStringLiteral("compatibility"));
    QCOMPARE(t->fromId, orgId(QStringLiteral("baidu-ai-cloud")));
    QCOMPARE(t->toId, orgId(vendor));
    QVERIFY(t->toId);
    QCOMPARE(seed().product(t->productId)->key, QStringLiteral("qianfan"));
    QCOMPARE(t->chipModel, chipModel);
    // Baidu AI Cloud's own information: its claim.
    QCOMPARE(t->evidence.grade, EvidenceGrade::Claimed);
    QCOMPARE(claimantKey(t->evidence), QStringLiteral("baidu-ai-cloud"));
    QVERIFY(t->description.contains(
            QLatin1String("Baidu Intelligent Cloud's official information")));
    QVERIFY(seed().organization(t->toId)->roles.contains(QStringLiteral("chip_vendor")));
    // The matching figure names the set as open ("including").
    QCOMPARE(figure(QStringLiteral("qianfan-chip-compatibility"))->parties, PartySet::Open);
}

void TestSeedLandscape::marketWideFigures()
{
    // Cloud computing industry insiders: "few players are exclusively tied to a single cloud
    // provider ... remaining in a phase of 'strategic ambiguity.'"
    const Figure *ambiguity = figure(QStringLiteral("market-strategic-ambiguity"));
    QVERIFY(ambiguity);
    QCOMPARE(ambiguity->subjectId, RowId(0));
    QCOMPARE(ambiguity->evidence.grade, EvidenceGrade::Reported);
    QVERIFY(ambiguity->statement.contains(QLatin1String("industry insiders")));
    QVERIFY(ambiguity->statement.contains(
            QLatin1String("few players are exclusively tied to a single cloud provider")));
    QVERIFY(ambiguity->statement.contains(QLatin1String("strategic ambiguity")));
    QVERIFY(!ambiguity->value.value);

    // "Subsequently, other major model and cloud providers have also disclosed purchases of
    // domestic chips." — none named: an open set.
    const Figure *domestic = figure(QStringLiteral("domestic-chip-purchases-disclosed"));
    QVERIFY(domestic);
    QCOMPARE(domestic->subjectId, RowId(0));
    QCOMPARE(domestic->parties, PartySet::Open);
    QCOMPARE(domestic->evidence.grade, EvidenceGrade::Reported);
    QVERIFY(domestic->statement.contains(QLatin1String(
            "other major model and cloud providers have also disclosed purchases of domestic "
            "chips")));

    QStringList marketWide, open;
    for (const Figure &f : seed().figures) {
        if (!f.subjectId)
            marketWide.append(f.key);
        if (f.parties == PartySet::Open)
            open.append(f.key);
    }
    marketWide.sort();
    open.sort();
    QCOMPARE(marketWide,
             QStringList({QStringLiteral("domestic-chip-purchases-disclosed"),
                          QStringLiteral("market-strategic-ambiguity"),
                          QStringLiteral("nvidia-china-orders-at-risk")}));
    QCOMPARE(open,
             QStringList({QStringLiteral("domestic-chip-purchases-disclosed"),
                          QStringLiteral("nvidia-china-orders-5b"),
                          QStringLiteral("qianfan-chip-compatibility")}));
}

void TestSeedLandscape::names_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("nameEn");
    QTest::addColumn<QString>("nameZh");
    QTest::addColumn<QString>("alias");

    QTest::newRow("Alibaba Cloud") << "alibaba-cloud"
                                   << "Alibaba Cloud"
                                   << "阿里云"
                                   << "Aliyun";
    // The article says both "Baidu Intelligent Cloud" and "Baidu AI Cloud".
    QTest::newRow("Baidu AI Cloud") << "baidu-ai-cloud"
                                    << "Baidu AI Cloud"
                                    << "百度智能云"
                                    << "Baidu Intelligent Cloud";
    // The article says both "Volcano Engine" and "Volcanic Engine".
    QTest::newRow("Volcano Engine") << "volcano-engine"
                                    << "Volcano Engine"
                                    << "火山引擎"
                                    << "Volcanic Engine";
    // "China Telecom Cloud" and "China Telecom's Tianyi Cloud"
    QTest::newRow("Tianyi Cloud") << "tianyi-cloud"
                                  << "Tianyi Cloud"
                                  << "天翼云"
                                  << "China Telecom Cloud";
    QTest::newRow("Baichuan") << "baichuan"
                              << "Baichuan Intelligence"
                              << "百川智能"
                              << "Baichuan";
    QTest::newRow("Zhipu AI") << "zhipu-ai"
                              << "Zhipu AI"
                              << "智谱AI"
                              << "Zhipu";
    QTest::newRow("Tencent Cloud") << "tencent-cloud"
                                   << "Tencent Cloud"
                                   << "腾讯云"
                                   << "";
    QTest::newRow("Huawei Cloud") << "huawei-cloud"
                                  << "Huawei Cloud"
                                  << "华为云"
                                  << "";
    QTest::newRow("Nvidia") << "nvidia"
                            << "Nvidia"
                            << "英伟达"
                            << "NVIDIA";
    QTest::newRow("Hygon") << "hygon"
                           << "Hygon"
                           << "海光信息"
                           << "海光";
    QTest::newRow("Intel") << "intel"
                           << "Intel"
                           << "英特尔"
                           << "";
    QTest::newRow("Kunlun Core") << "kunlun-core"
                                 << "Kunlun Core"
                                 << "昆仑芯"
                                 << "Kunlunxin";
}

void TestSeedLandscape::names()
{
    QFETCH(QString, key);
    QFETCH(QString, nameEn);
    QFETCH(QString, nameZh);
    QFETCH(QString, alias);
    const Organization *o = seed().organizationByKey(key);
    QVERIFY(o);
    QCOMPARE(o->nameEn, nameEn);
    QCOMPARE(o->nameZh, nameZh);
    if (!alias.isEmpty())
        QVERIFY2(o->aliases.contains(alias), qPrintable(o->aliases.join(QStringLiteral(", "))));
    QCOMPARE(o->displayName(), QStringLiteral("%1 (%2)").arg(nameEn, nameZh));
}

void TestSeedLandscape::parents_data()
{
    QTest::addColumn<QString>("child");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("grade");
    // "ByteDance's Volcano Engine"
    QTest::newRow("Volcano Engine") << "volcano-engine"
                                    << "bytedance"
                                    << "reported";
    // "China Telecom's Tianyi Cloud"
    QTest::newRow("Tianyi Cloud") << "tianyi-cloud"
                                  << "china-telecom"
                                  << "reported";
    // Implied ("Cloud Intelligence Group" in Alibaba's financial reports), not stated.
    QTest::newRow("Alibaba Cloud") << "alibaba-cloud"
                                   << "alibaba-group"
                                   << "inferred";
    // Implied (Qiu Yuepeng's titles), not stated.
    QTest::newRow("Tencent Cloud") << "tencent-cloud"
                                   << "tencent"
                                   << "inferred";
    QTest::newRow("Baidu AI Cloud") << "baidu-ai-cloud"
                                    << "baidu"
                                    << "inferred";
    QTest::newRow("Huawei Cloud") << "huawei-cloud"
                                  << "huawei"
                                  << "inferred";
    // Outside knowledge.
    QTest::newRow("Kunlun Core") << "kunlun-core"
                                 << "baidu"
                                 << "inferred";
    QTest::newRow("ByteDance (top level)") << "bytedance"
                                           << ""
                                           << "";
    QTest::newRow("Ant Group (no relation stated)") << "ant-group"
                                                    << ""
                                                    << "";
    QTest::newRow("Kunlun Wanwei (not Kunlun Core)") << "kunlun-wanwei"
                                                     << ""
                                                     << "";
}

void TestSeedLandscape::parents()
{
    QFETCH(QString, child);
    QFETCH(QString, parent);
    QFETCH(QString, grade);
    const Organization *o = seed().organizationByKey(child);
    QVERIFY(o);
    // The parent is derived from the ownership tie (one truth).
    const Organization *p = seed().organization(o->parentId);
    QCOMPARE(p ? p->key : QString(), parent);
    QList<const Tie *> ownership;
    for (const Tie &t : seed().ties)
        if (t.kind == QLatin1String("ownership") && t.toId == o->id)
            ownership.append(&t);
    if (parent.isEmpty()) {
        QVERIFY(ownership.isEmpty());
        return;
    }
    QCOMPARE(ownership.size(), 1);
    const Tie *t = ownership.first();
    QCOMPARE(t->key, QStringLiteral("%1-owns-%2").arg(parent, child));
    QCOMPARE(t->fromId, orgId(parent));
    QCOMPARE(evidenceGradeName(t->evidence.grade), grade);
    QVERIFY(!t->stake.value); // no stake is stated
    QVERIFY(!t->description.isEmpty());
}

void TestSeedLandscape::kunlunCoreOwnershipIsInferred()
{
    // The article names Kunlun Core only among Qianfan's compatible chips; its parent Baidu is
    // outside knowledge, graded inferred, and the rationale says so.
    const Tie *t = tie(QStringLiteral("baidu-owns-kunlun-core"));
    QVERIFY(t);
    QCOMPARE(t->kind, QStringLiteral("ownership"));
    QCOMPARE(t->fromId, orgId(QStringLiteral("baidu")));
    QCOMPARE(t->toId, orgId(QStringLiteral("kunlun-core")));
    QCOMPARE(t->evidence.grade, EvidenceGrade::Inferred);
    QVERIFY(!t->evidence.rationale.trimmed().isEmpty());
    QVERIFY(t->evidence.rationale.startsWith(QLatin1String("Not stated by the article")));
    QVERIFY(t->evidence.rationale.contains(QLatin1String("general knowledge")));
    QCOMPARE(seed().organizationByKey(QStringLiteral("kunlun-core"))->parentId,
             orgId(QStringLiteral("baidu")));
}

void TestSeedLandscape::cloudVendors()
{
    // "cloud providers such as Alibaba Cloud, Huawei Cloud, Tencent Cloud, Baidu Intelligent
    // Cloud, Volcano Engine, and China Telecom Cloud", plus Microsoft, Amazon and Google.
    QStringList vendors;
    for (const Organization &o : seed().organizations)
        if (o.roles.contains(QStringLiteral("cloud_vendor")))
            vendors.append(o.key);
    vendors.sort();
    QCOMPARE(vendors,
             QStringList({QStringLiteral("alibaba-cloud"),
                          QStringLiteral("amazon"),
                          QStringLiteral("baidu-ai-cloud"),
                          QStringLiteral("google"),
                          QStringLiteral("huawei-cloud"),
                          QStringLiteral("microsoft"),
                          QStringLiteral("tencent-cloud"),
                          QStringLiteral("tianyi-cloud"),
                          QStringLiteral("volcano-engine")}));
    // All six Chinese cloud vendors the article names are in the network: each has a tie.
    for (const QString &key : {QStringLiteral("alibaba-cloud"),
                               QStringLiteral("huawei-cloud"),
                               QStringLiteral("tencent-cloud"),
                               QStringLiteral("baidu-ai-cloud"),
                               QStringLiteral("volcano-engine"),
                               QStringLiteral("tianyi-cloud")})
        QVERIFY2(tieCount(key) >= 1, qPrintable(key));
    // Baidu AI Cloud "appears to have more industry end-users": its six sectors, Qianfan's five
    // chip vendors and its group.
    QCOMPARE(tieCount(QStringLiteral("baidu-ai-cloud")), 12);
    QCOMPARE(tieCount(QStringLiteral("huawei-cloud")), 7);
    QCOMPARE(tieCount(QStringLiteral("tianyi-cloud")), 1);

    // Platforms: "Alibaba Cloud's Bailian, Baidu Intelligent Cloud's Qianfan, Huawei Cloud's
    // Ascend MindSpore, Tencent Cloud's TI Platform, and ByteDance's Volcano Engine Ark"
    QCOMPARE(product(QStringLiteral("bailian"))->ownerId, orgId(QStringLiteral("alibaba-cloud")));
    QCOMPARE(product(QStringLiteral("qianfan"))->ownerId, orgId(QStringLiteral("baidu-ai-cloud")));
    QCOMPARE(product(QStringLiteral("qianfan"))->nameZh, QStringLiteral("千帆"));
    QCOMPARE(product(QStringLiteral("mindspore"))->ownerId, orgId(QStringLiteral("huawei-cloud")));
    QCOMPARE(product(QStringLiteral("ti-platform"))->ownerId,
             orgId(QStringLiteral("tencent-cloud")));
    QCOMPARE(product(QStringLiteral("volcano-ark"))->ownerId,
             orgId(QStringLiteral("volcano-engine")));
}

void TestSeedLandscape::relayedSources_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("publisher");
    QTest::addColumn<QString>("date");
    // "In August this year, according to the Financial Times citing informed sources"
    QTest::newRow("FT") << "ft-2023-08"
                        << "Financial Times"
                        << "2023-08";
    // "in November this year, British news agency Reuters reported"
    QTest::newRow("Reuters") << "reuters-2023-11"
                             << "Reuters"
                             << "2023-11";
    // "In October this year ... according to Global Times citing foreign media reports"
    QTest::newRow("Global Times") << "global-times-2023-10"
                                  << "Global Times"
                                  << "2023-10";
}

void TestSeedLandscape::relayedSources()
{
    QFETCH(QString, key);
    QFETCH(QString, publisher);
    QFETCH(QString, date);
    const Source *s = source(key);
    QVERIFY(s);
    QCOMPARE(s->publisher, publisher);
    QCOMPARE(s->date.toString(), date);
    QCOMPARE(s->date.precision(), FuzzyDate::Precision::Month);
    QVERIFY(s->viaId);
    QCOMPARE(seed().source(s->viaId)->key, QStringLiteral("zhidongxi-2023"));
    QVERIFY(s->url.isEmpty());
    if (key == QLatin1String("ft-2023-08"))
        // "Chinese internet giants including Alibaba, Tencent, Baidu, and ByteDance"
        QVERIFY2(
                s->title.contains(QLatin1String("including Alibaba, Tencent, Baidu and ByteDance")),
                qPrintable(s->title));
}

void TestSeedLandscape::zhidongxiSource()
{
    const Source *s = source(QStringLiteral("zhidongxi-2023"));
    QVERIFY(s);
    QCOMPARE(s->publisher, QStringLiteral("Zhidongxi (智东西)"));
    QCOMPARE(s->title,
             QStringLiteral("Five Major Players in Fierce Competition: Unveiling the "
                            "Driving Forces Behind China's AI Large Models!"));
    QCOMPARE(s->viaId, RowId(0));
    QCOMPARE(s->date.toString(), QStringLiteral("2023-11"));
    // The article's chart is not in the text: only ties stated in the text are recorded.
    QVERIFY(s->notes.contains(QLatin1String("chart")));
}

void TestSeedLandscape::datedEvents()
{
    // "On November 9th, Tencent partnered with Songjiang"
    const Tie *songjiang = tie(QStringLiteral("tencent-songjiang-gpu-center"));
    QVERIFY(songjiang);
    QCOMPARE(songjiang->kind, QStringLiteral("partnership"));
    QCOMPARE(songjiang->start.earliest(), QDate(2023, 11, 9));
    QCOMPARE(songjiang->start.precision(), FuzzyDate::Precision::Day);
    QCOMPARE(songjiang->evidence.grade, EvidenceGrade::Reported);
    // "In early November, OpenAI's GPTs sparked a global wave"
    QCOMPARE(product(QStringLiteral("gpts"))->launched.toString(), QStringLiteral("2023-11-early"));
    // "In early November, Alibaba Cloud suspended A100 GPU rentals on its official platform."
    const Figure *a100 = figure(QStringLiteral("alibaba-cloud-a100-rental-suspended"));
    QVERIFY(a100);
    QCOMPARE(a100->asOf.earliest(), QDate(2023, 11, 1));
    QCOMPARE(a100->asOf.latest(), QDate(2023, 11, 10));
    QCOMPARE(a100->subjectId, orgId(QStringLiteral("alibaba-cloud")));
    // "Alibaba Cloud launched its upgraded AI platform PAI in late October"
    QCOMPARE(figure(QStringLiteral("pai-linear-scaling"))->asOf.toString(),
             QStringLiteral("2023-10-late"));
    // Huawei and iFLYTEK "jointly announcing the 'Flying Star One' domestic computing power
    // platform"
    const Tie *flyingStar = tie(QStringLiteral("huawei-iflytek-flying-star-one"));
    QCOMPARE(flyingStar->fromId, orgId(QStringLiteral("huawei")));
    QCOMPARE(flyingStar->toId, orgId(QStringLiteral("iflytek")));
    QCOMPARE(seed().product(flyingStar->productId)->nameZh, QStringLiteral("飞星一号"));
}

QTEST_GUILESS_MAIN(TestSeedLandscape)
#include "tst_seedlandscape.moc"
