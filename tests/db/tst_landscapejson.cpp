// SPDX-License-Identifier: MIT
#include "LandscapeJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace EcoAtlas;

namespace {

QByteArray seedBytes()
{
    QFile f(QStringLiteral(ECOATLAS_SEED_JSON));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray serialize(const Landscape &l, LandscapeJson::Style style)
{
    return QJsonDocument(LandscapeJson::toJson(l, style)).toJson(QJsonDocument::Indented);
}

/// The object with `key` in array `section` of a JSON document.
QJsonObject member(const QJsonObject &root, const QString &section, const QString &key)
{
    for (const QJsonValue &v : root.value(section).toArray())
        if (v.toObject().value(QLatin1String("key")).toString() == key)
            return v.toObject();
    return {};
}

const Tie *tieByKey(const Landscape &l, const QString &key)
{
    for (const Tie &t : l.ties)
        if (t.key == key)
            return &t;
    return nullptr;
}

/// A small valid document that the bad-document cases break in one place each.
QJsonObject smallDocument()
{
    return QJsonDocument::fromJson(R"({
      "format": "ecoatlas-landscape", "version": 1, "title": "Small", "description": "d",
      "sources": [
        {"key": "paper", "publisher": "Daily Paper", "title": "News", "date": "2023-10-late"},
        {"key": "relay", "publisher": "Relay", "title": "Digest", "via": null}
      ],
      "organizations": [
        {"key": "cloud", "name_en": "Cloud Co", "name_zh": "云", "aliases": ["CC"],
         "roles": ["cloud_vendor", "investor"], "parent": "group", "country": "CN"},
        {"key": "group", "name_en": "Group"},
        {"key": "lab", "name_en": "Model Lab", "roles": ["model_developer"]},
        {"key": "fab", "name_en": "Chip Fab", "roles": ["chip_vendor"]}
      ],
      "products": [
        {"key": "platform", "owner": "cloud", "name_en": "Platform", "kind": "model_platform",
         "sources": ["paper"]}
      ],
      "deals": [
        {"key": "batch", "title": "Batch", "amount": {"value": 1000000000, "currency": "USD",
         "qualifier": "about"}, "units": {"value": 100000, "qualifier": "about"},
         "chip_model": "X1", "sources": ["paper"]}
      ],
      "ties": [
        {"key": "cloud-hosts-lab", "kind": "hosting", "from": "cloud", "to": "lab",
         "product": "platform", "service": "training", "start": "2023-Q4",
         "sources": ["paper"]},
        {"key": "cloud-invests-lab", "kind": "investment", "from": "cloud", "to": "lab",
         "amount": {"value": 4000000000, "currency": "USD", "qualifier": "up_to"},
         "round": "Series A", "lead": true, "start": "2023-09-28", "sources": ["paper"]},
        {"key": "lab-orders-fab", "kind": "chip_order", "from": "lab", "to": "fab",
         "chip_model": "X1", "units": {"value": 1600, "qualifier": "exact"},
         "amount": {"value": null, "qualifier": "undisclosed"}, "status": "ordered",
         "status_date": "2023-11", "delivery": "2024", "deal": "batch",
         "sources": ["paper", "relay"]}
      ],
      "figures": [
        {"key": "lab-models", "subject": "lab", "product": null, "metric": "models",
         "value": 42, "qualifier": "exact", "unit": "models", "as_of": "2023-11",
         "claim": true, "claimant": "lab", "statement": "42 models", "sources": ["paper"]}
      ]
    })")
            .object();
}

/// A version 2 document with every member version 2 adds: sectors, evidence grades with
/// claimant, rationale and caveat, open party sets, market-wide figures, and the ownership,
/// backing, compatibility and serves ties.
QJsonObject version2Document()
{
    return QJsonDocument::fromJson(R"({
      "format": "ecoatlas-landscape", "version": 2, "title": "V2", "description": "",
      "sources": [{"key": "paper", "publisher": "Daily Paper", "title": "News"}],
      "organizations": [
        {"key": "group", "name_en": "Group"},
        {"key": "cloud", "name_en": "Cloud Co", "roles": ["cloud_vendor"]},
        {"key": "lab", "name_en": "Model Lab", "roles": ["model_developer"]},
        {"key": "fab", "name_en": "Chip Fab", "roles": ["chip_vendor"]}
      ],
      "sectors": [{"key": "healthcare", "name_en": "Healthcare", "name_zh": "医疗",
                   "notes": "n"}],
      "products": [],
      "deals": [
        {"key": "batch", "title": "Orders including Lab", "amount": {"value": 5000000000,
         "currency": "USD", "qualifier": "exact"}, "party_set": "open",
         "evidence": "reported", "caveat": "the source names no other buyer",
         "sources": ["paper"]}
      ],
      "ties": [
        {"key": "group-owns-cloud", "kind": "ownership", "from": "group", "to": "cloud",
         "stake": {"value": 51, "qualifier": "over"}, "evidence": "inferred",
         "rationale": "Cloud Co is called the cloud arm of Group.", "sources": ["paper"]},
        {"key": "cloud-backs-lab", "kind": "backing", "from": "cloud", "to": "lab",
         "evidence": "claimed", "claimant": "cloud", "sources": ["paper"]},
        {"key": "cloud-compatible-fab", "kind": "compatibility", "from": "cloud", "to": "fab",
         "chip_model": "X1", "evidence": "reported", "sources": ["paper"]},
        {"key": "cloud-serves-healthcare", "kind": "serves", "from": "cloud",
         "sector": "healthcare", "evidence": "reported", "caveat": "as translated",
         "sources": ["paper"]}
      ],
      "figures": [
        {"key": "market-mood", "subject": null, "metric": "exclusivity", "qualifier":
         "undisclosed", "statement": "Few players are tied to one cloud", "party_set": "open",
         "evidence": "reported", "sources": ["paper"]}
      ]
    })")
            .object();
}

/// Sets root[section][index][member] = value (root[member] when `section` is empty); an
/// undefined value removes the member.
QJsonObject patched(QJsonObject root,
                    const QString &section,
                    int index,
                    const QString &name,
                    const QJsonValue &value)
{
    auto apply = [&](QJsonObject &o) {
        if (value.isUndefined())
            o.remove(name);
        else
            o.insert(name, value);
    };
    if (section.isEmpty()) {
        apply(root);
        return root;
    }
    QJsonArray a = root.value(section).toArray();
    QJsonObject o = a.at(index).toObject();
    apply(o);
    a.replace(index, o);
    root.insert(section, a);
    return root;
}

} // namespace

class TestLandscapeJson : public QObject
{
    Q_OBJECT

private slots:
    void seedParses();
    void seedRoundTrip();
    void dumpRoundTrip();
    void dumpHasIdsAndDateObjects();
    void seedStyleHasNoIds();
    void smallDocumentParses();
    void version1ParentAndClaimUpgrade();
    void version2FieldsRoundTrip();
    void version2EvidenceIsChecked_data();
    void version2EvidenceIsChecked();
    void forwardReferences();
    void rolesAreKeptInVocabularyOrder();
    void amountDefaults();
    void hostingServiceDefaultsToGeneral();
    void dateObjectsAreAccepted();
    void badDocuments_data();
    void badDocuments();
    void notJson_data();
    void notJson();
};

void TestLandscapeJson::seedParses()
{
    const QByteArray json = seedBytes();
    QVERIFY(!json.isEmpty());
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(json, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->title,
             QStringLiteral("Chinese cloud vendors and large-model companies, late 2023"));
    QCOMPARE(l->sources.size(), 5);
    QCOMPARE(l->organizations.size(), 32);
    QCOMPARE(l->products.size(), 26);
    QCOMPARE(l->deals.size(), 2);
    QCOMPARE(l->sectors.size(), 6);
    QCOMPARE(l->ties.size(), 58);
    QCOMPARE(l->figures.size(), 47);
    // Objects get ids 1…n in file order.
    for (int i = 0; i < l->organizations.size(); ++i)
        QCOMPARE(l->organizations.at(i).id, RowId(i + 1));
    for (int i = 0; i < l->ties.size(); ++i)
        QCOMPARE(l->ties.at(i).id, RowId(i + 1));
    QCOMPARE(l->organizations.first().key, QStringLiteral("alibaba-group"));
    QCOMPARE(l->ties.last().key, QStringLiteral("qianfan-compatible-intel"));
    // The landscape comes back indexed.
    QCOMPARE(l->organizationByKey(QStringLiteral("alibaba-cloud"))->nameZh,
             QStringLiteral("阿里云"));
    QCOMPARE(l->organization(2)->key, QStringLiteral("alibaba-cloud"));
    QCOMPARE(l->source(1)->key, QStringLiteral("zhidongxi-2023"));
    QCOMPARE(l->deal(2)->key, QStringLiteral("nvidia-2024-delivery"));
    QCOMPARE(l->product(1)->key, QStringLiteral("qianfan"));
    QCOMPARE(l->organization(33), nullptr);
    QCOMPARE(l->organizationByKey(QStringLiteral("no-such-org")), nullptr);
}

void TestLandscapeJson::seedRoundTrip()
{
    QString error;
    const std::optional<Landscape> seed = LandscapeJson::fromJson(seedBytes(), &error);
    QVERIFY2(seed, qPrintable(error));
    const QByteArray first = serialize(*seed, LandscapeJson::Style::Seed);
    const std::optional<Landscape> again = LandscapeJson::fromJson(first, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(serialize(*again, LandscapeJson::Style::Seed), first);
    QCOMPARE(serialize(*again, LandscapeJson::Style::Dump),
             serialize(*seed, LandscapeJson::Style::Dump));

    // Every member of the seed file survives (compared as JSON values, member by member).
    const QJsonObject original = QJsonDocument::fromJson(seedBytes()).object();
    const QJsonObject written = QJsonDocument::fromJson(first).object();
    for (const QString &member : {QStringLiteral("format"),
                                  QStringLiteral("version"),
                                  QStringLiteral("title"),
                                  QStringLiteral("description")})
        QCOMPARE(written.value(member), original.value(member));
    // The one normalisation: an undisclosed amount without a currency is written as null.
    auto normalised = [](const QJsonValue &v) {
        const QJsonObject o = v.toObject();
        const bool bareUndisclosed = v.isObject() && o.value(QLatin1String("value")).isNull()
                                     && o.value(QLatin1String("currency")).toString().isEmpty();
        return bareUndisclosed ? QJsonValue(QJsonValue::Null) : v;
    };
    int compared = 0;
    for (const QString &section : {QStringLiteral("sources"),
                                   QStringLiteral("organizations"),
                                   QStringLiteral("products"),
                                   QStringLiteral("deals"),
                                   QStringLiteral("ties"),
                                   QStringLiteral("figures")}) {
        const QJsonArray a = original.value(section).toArray();
        const QJsonArray b = written.value(section).toArray();
        QCOMPARE(b.size(), a.size());
        for (int i = 0; i < a.size(); ++i) {
            const QJsonObject o = a.at(i).toObject();
            const QJsonObject w = b.at(i).toObject();
            for (auto it = o.begin(); it != o.end(); ++it, ++compared)
                QVERIFY2(w.value(it.key()) == normalised(it.value()),
                         qPrintable(QStringLiteral("%1[%2].%3").arg(section).arg(i).arg(it.key())));
        }
    }
    QVERIFY(compared > 1000);
}

void TestLandscapeJson::dumpRoundTrip()
{
    QString error;
    const std::optional<Landscape> seed = LandscapeJson::fromJson(seedBytes(), &error);
    QVERIFY2(seed, qPrintable(error));
    const QByteArray dump = serialize(*seed, LandscapeJson::Style::Dump);
    // The importer accepts the dump (ids are ignored, dates read from their objects).
    const std::optional<Landscape> again = LandscapeJson::fromJson(dump, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(serialize(*again, LandscapeJson::Style::Dump), dump);
    QCOMPARE(serialize(*again, LandscapeJson::Style::Seed),
             serialize(*seed, LandscapeJson::Style::Seed));
}

void TestLandscapeJson::dumpHasIdsAndDateObjects()
{
    QString error;
    const std::optional<Landscape> seed = LandscapeJson::fromJson(seedBytes(), &error);
    QVERIFY2(seed, qPrintable(error));
    const QJsonObject dump = LandscapeJson::toJson(*seed, LandscapeJson::Style::Dump);
    QCOMPARE(dump.value(QLatin1String("format")).toString(), QStringLiteral("ecoatlas-landscape"));
    QCOMPARE(dump.value(QLatin1String("version")).toInt(), 2);

    const QJsonObject amazon = member(
            dump, QStringLiteral("ties"), QStringLiteral("amazon-invests-anthropic"));
    QCOMPARE(amazon.value(QLatin1String("id")).toInteger(), 20);
    QCOMPARE(amazon.value(QLatin1String("start")).toObject(),
             QJsonObject({{QStringLiteral("text"), QStringLiteral("2023-09-28")},
                          {QStringLiteral("precision"), QStringLiteral("day")},
                          {QStringLiteral("earliest"), QStringLiteral("2023-09-28")},
                          {QStringLiteral("latest"), QStringLiteral("2023-09-28")}}));
    QVERIFY(amazon.value(QLatin1String("end")).isNull());
    QCOMPARE(amazon.value(QLatin1String("amount")).toObject(),
             QJsonObject({{QStringLiteral("value"), 4e9},
                          {QStringLiteral("currency"), QStringLiteral("USD")},
                          {QStringLiteral("qualifier"), QStringLiteral("up_to")}}));

    const QJsonObject google = member(
            dump, QStringLiteral("ties"), QStringLiteral("google-invests-anthropic"));
    QCOMPARE(google.value(QLatin1String("id")).toInteger(), 21);
    QCOMPARE(google.value(QLatin1String("start")).toObject(),
             QJsonObject({{QStringLiteral("text"), QStringLiteral("2023-10-late")},
                          {QStringLiteral("precision"), QStringLiteral("late_month")},
                          {QStringLiteral("earliest"), QStringLiteral("2023-10-21")},
                          {QStringLiteral("latest"), QStringLiteral("2023-10-31")}}));

    const QJsonObject zhidongxi = member(
            dump, QStringLiteral("sources"), QStringLiteral("zhidongxi-2023"));
    QCOMPARE(zhidongxi.value(QLatin1String("id")).toInteger(), 1);
    QCOMPARE(zhidongxi.value(QLatin1String("date")).toObject(),
             QJsonObject({{QStringLiteral("text"), QStringLiteral("2023-11")},
                          {QStringLiteral("precision"), QStringLiteral("month")},
                          {QStringLiteral("earliest"), QStringLiteral("2023-11-01")},
                          {QStringLiteral("latest"), QStringLiteral("2023-11-30")}}));

    const QJsonObject nvidia2024 = member(
            dump, QStringLiteral("ties"), QStringLiteral("baidu-orders-nvidia-2024"));
    QCOMPARE(nvidia2024.value(QLatin1String("delivery")).toObject().value(QLatin1String("latest")),
             QJsonValue(QStringLiteral("2024-12-31")));
    QCOMPARE(nvidia2024.value(QLatin1String("delivery"))
                     .toObject()
                     .value(QLatin1String("precision")),
             QJsonValue(QStringLiteral("year")));
    QCOMPARE(nvidia2024.value(QLatin1String("deal")).toString(),
             QStringLiteral("nvidia-2024-delivery"));

    // Every object of every section carries its id, 1…n.
    for (const QString &section : {QStringLiteral("sources"),
                                   QStringLiteral("organizations"),
                                   QStringLiteral("products"),
                                   QStringLiteral("deals"),
                                   QStringLiteral("ties"),
                                   QStringLiteral("figures")}) {
        const QJsonArray a = dump.value(section).toArray();
        QVERIFY(!a.isEmpty());
        for (int i = 0; i < a.size(); ++i)
            QCOMPARE(a.at(i).toObject().value(QLatin1String("id")).toInteger(), i + 1);
    }
}

void TestLandscapeJson::seedStyleHasNoIds()
{
    QString error;
    const std::optional<Landscape> seed = LandscapeJson::fromJson(seedBytes(), &error);
    QVERIFY2(seed, qPrintable(error));
    const QJsonObject json = LandscapeJson::toJson(*seed, LandscapeJson::Style::Seed);
    const QJsonObject amazon = member(
            json, QStringLiteral("ties"), QStringLiteral("amazon-invests-anthropic"));
    QVERIFY(!amazon.contains(QLatin1String("id")));
    QCOMPARE(amazon.value(QLatin1String("start")), QJsonValue(QStringLiteral("2023-09-28")));
    QCOMPARE(amazon.value(QLatin1String("from")), QJsonValue(QStringLiteral("amazon")));
    const QJsonObject ft = member(json, QStringLiteral("sources"), QStringLiteral("ft-2023-08"));
    QCOMPARE(ft.value(QLatin1String("via")), QJsonValue(QStringLiteral("zhidongxi-2023")));
    QCOMPARE(ft.value(QLatin1String("date")), QJsonValue(QStringLiteral("2023-08")));
    QVERIFY(ft.value(QLatin1String("url")).isNull());
}

void TestLandscapeJson::smallDocumentParses()
{
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(smallDocument(), &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->title, QStringLiteral("Small"));
    QCOMPARE(l->organizations.size(), 4);
    const Organization *cloud = l->organizationByKey(QStringLiteral("cloud"));
    QVERIFY(cloud);
    QCOMPARE(cloud->aliases, QStringList{QStringLiteral("CC")});
    QCOMPARE(cloud->roles,
             QStringList({QStringLiteral("cloud_vendor"), QStringLiteral("investor")}));
    QCOMPARE(cloud->parentId, l->organizationByKey(QStringLiteral("group"))->id);
    QCOMPARE(cloud->displayName(), QStringLiteral("Cloud Co (云)"));
    QCOMPARE(l->organizationByKey(QStringLiteral("group"))->displayName(), QStringLiteral("Group"));

    const Tie *invest = tieByKey(*l, QStringLiteral("cloud-invests-lab"));
    QVERIFY(invest);
    QCOMPARE(invest->amount.value, std::optional<double>(4e9));
    QCOMPARE(invest->amount.qualifier, Amount::Qualifier::UpTo);
    QCOMPARE(invest->round, QStringLiteral("Series A"));
    QCOMPARE(invest->lead, std::optional<bool>(true));
    QCOMPARE(invest->start.toString(), QStringLiteral("2023-09-28"));

    const Tie *order = tieByKey(*l, QStringLiteral("lab-orders-fab"));
    QVERIFY(order);
    QCOMPARE(order->units.value, std::optional<double>(1600));
    QCOMPARE(order->units.qualifier, Amount::Qualifier::Exact);
    QVERIFY(!order->amount.value);
    QCOMPARE(order->status, QStringLiteral("ordered"));
    QCOMPARE(order->delivery.toString(), QStringLiteral("2024"));
    QCOMPARE(order->dealId, l->deals.first().id);
    QCOMPARE(order->sourceIds, QList<RowId>({1, 2}));
    QCOMPARE(l->figures.first().evidence.claimantId,
             l->organizationByKey(QStringLiteral("lab"))->id);
}

void TestLandscapeJson::version1ParentAndClaimUpgrade()
{
    // Version 1: "parent" becomes an inferred ownership tie; "claim" with a claimant becomes
    // claimed, without one reported with a caveat.
    QJsonObject doc = patched(smallDocument(),
                              QStringLiteral("figures"),
                              0,
                              QStringLiteral("claimant"),
                              QJsonValue(QJsonValue::Undefined));
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY2(l, qPrintable(error));
    const Tie *owns = tieByKey(*l, QStringLiteral("group-owns-cloud"));
    QVERIFY(owns);
    QCOMPARE(owns->kind, QStringLiteral("ownership"));
    QCOMPARE(owns->fromId, l->organizationByKey(QStringLiteral("group"))->id);
    QCOMPARE(owns->evidence.grade, EvidenceGrade::Inferred);
    QVERIFY(!owns->evidence.rationale.isEmpty());
    QCOMPARE(l->figures.first().evidence.grade, EvidenceGrade::Reported);
    QVERIFY(!l->figures.first().evidence.caveat.isEmpty());
    const std::optional<Landscape> withClaimant = LandscapeJson::fromJson(smallDocument(), &error);
    QVERIFY2(withClaimant, qPrintable(error));
    QCOMPARE(withClaimant->figures.first().evidence.grade, EvidenceGrade::Claimed);
}

void TestLandscapeJson::version2FieldsRoundTrip()
{
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(version2Document(), &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->sectors.size(), 1);
    QCOMPARE(l->sectors.first().nameZh, QStringLiteral("医疗"));
    QCOMPARE(l->deals.first().parties, PartySet::Open);
    QCOMPARE(l->deals.first().evidence.caveat, QStringLiteral("the source names no other buyer"));
    const Tie *owns = tieByKey(*l, QStringLiteral("group-owns-cloud"));
    QCOMPARE(owns->stake.value, std::optional<double>(51));
    QCOMPARE(owns->stake.qualifier, Amount::Qualifier::Over);
    QCOMPARE(owns->evidence.grade, EvidenceGrade::Inferred);
    QCOMPARE(owns->evidence.rationale,
             QStringLiteral("Cloud Co is called the cloud arm of Group."));
    QCOMPARE(l->organizationByKey(QStringLiteral("cloud"))->parentId,
             l->organizationByKey(QStringLiteral("group"))->id);
    const Tie *backs = tieByKey(*l, QStringLiteral("cloud-backs-lab"));
    QCOMPARE(backs->evidence.grade, EvidenceGrade::Claimed);
    QCOMPARE(backs->evidence.claimantId, l->organizationByKey(QStringLiteral("cloud"))->id);
    QCOMPARE(tieByKey(*l, QStringLiteral("cloud-compatible-fab"))->chipModel, QStringLiteral("X1"));
    const Tie *serves = tieByKey(*l, QStringLiteral("cloud-serves-healthcare"));
    QCOMPARE(serves->toId, RowId(0));
    QCOMPARE(serves->sectorId, l->sectors.first().id);
    QCOMPARE(l->tieTargetName(*serves), QStringLiteral("Healthcare"));
    QCOMPARE(serves->evidence.caveat, QStringLiteral("as translated"));
    QCOMPARE(l->figures.first().subjectId, RowId(0));
    QCOMPARE(l->figures.first().parties, PartySet::Open);

    // Written and read again: the same landscape, member for member.
    const QJsonObject written = LandscapeJson::toJson(*l, LandscapeJson::Style::Seed);
    QCOMPARE(written.value(QLatin1String("version")).toInt(), 2);
    const QJsonObject ownsJson = member(
            written, QStringLiteral("ties"), QStringLiteral("group-owns-cloud"));
    QCOMPARE(ownsJson.value(QLatin1String("evidence")).toString(), QStringLiteral("inferred"));
    QVERIFY(!ownsJson.contains(QLatin1String("claimant")));
    const QJsonObject servesJson = member(
            written, QStringLiteral("ties"), QStringLiteral("cloud-serves-healthcare"));
    QCOMPARE(servesJson.value(QLatin1String("sector")).toString(), QStringLiteral("healthcare"));
    QVERIFY(!servesJson.contains(QLatin1String("to")));
    const std::optional<Landscape> again = LandscapeJson::fromJson(written, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(QJsonDocument(LandscapeJson::toJson(*again, LandscapeJson::Style::Dump)).toJson(),
             QJsonDocument(LandscapeJson::toJson(*l, LandscapeJson::Style::Dump)).toJson());
}

void TestLandscapeJson::version2EvidenceIsChecked_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("inferred without rationale")
            << 0 << "rationale" << none
            << "ties[0] (group-owns-cloud): an inferred item needs a rationale (why "
               "the sources support it)";
    QTest::newRow("claimed without claimant")
            << 1 << "claimant" << none
            << "ties[1] (cloud-backs-lab): a claimed item needs a claimant (the party "
               "that says it)";
    QTest::newRow("claimant on a report")
            << 2 << "claimant" << QJsonValue("cloud")
            << "ties[2] (cloud-compatible-fab).claimant: only a claimed item has a claimant";
    QTest::newRow("unknown grade") << 2 << "evidence" << QJsonValue("rumoured")
                                   << "ties[2] (cloud-compatible-fab).evidence: 'rumoured' is "
                                      "not one of reported, claimed, inferred";
    QTest::newRow("deal on a backing tie")
            << 1 << "deal" << QJsonValue("batch")
            << "ties[1] (cloud-backs-lab).deal: only a chip order belongs to a deal";
    QTest::newRow("serves with to") << 3 << "to" << QJsonValue("lab")
                                    << "ties[3] (cloud-serves-healthcare).to: a 'serves' tie goes "
                                       "to a sector, not an organization";
}

void TestLandscapeJson::version2EvidenceIsChecked()
{
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!LandscapeJson::fromJson(
            patched(version2Document(), QStringLiteral("ties"), index, name, value), &error));
    QCOMPARE(error, expected);
}

void TestLandscapeJson::forwardReferences()
{
    // "cloud" names its parent "group", which comes later in the file; a source may be relayed
    // by a later source.
    QJsonObject doc = patched(smallDocument(),
                              QStringLiteral("sources"),
                              0,
                              QStringLiteral("via"),
                              QStringLiteral("relay"));
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->sources.first().viaId, RowId(2));
    QCOMPARE(l->organizations.first().parentId, RowId(2));
}

void TestLandscapeJson::rolesAreKeptInVocabularyOrder()
{
    // Roles are a set: whatever the file order, they come in vocabulary order, without
    // duplicates (the order the store reads them back in).
    const QJsonObject doc = patched(smallDocument(),
                                    QStringLiteral("organizations"),
                                    0,
                                    QStringLiteral("roles"),
                                    QJsonArray{QStringLiteral("other"),
                                               QStringLiteral("investor"),
                                               QStringLiteral("cloud_vendor"),
                                               QStringLiteral("investor")});
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->organizations.first().roles,
             QStringList({QStringLiteral("cloud_vendor"),
                          QStringLiteral("investor"),
                          QStringLiteral("other")}));
}

void TestLandscapeJson::amountDefaults()
{
    // Without a qualifier, a number is exact and a null is undisclosed.
    QJsonObject doc = patched(smallDocument(),
                              QStringLiteral("ties"),
                              1,
                              QStringLiteral("amount"),
                              QJsonObject{{QStringLiteral("value"), 5}});
    doc = patched(doc,
                  QStringLiteral("ties"),
                  2,
                  QStringLiteral("amount"),
                  QJsonObject{{QStringLiteral("value"), QJsonValue::Null}});
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->ties.at(1).amount.qualifier, Amount::Qualifier::Exact);
    QCOMPARE(l->ties.at(1).amount.value, std::optional<double>(5));
    QCOMPARE(l->ties.at(2).amount.qualifier, Amount::Qualifier::Undisclosed);
    QVERIFY(!l->ties.at(2).amount.value);
}

void TestLandscapeJson::hostingServiceDefaultsToGeneral()
{
    const QJsonObject doc = patched(smallDocument(),
                                    QStringLiteral("ties"),
                                    0,
                                    QStringLiteral("service"),
                                    QJsonValue::Undefined);
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->ties.first().service, QStringLiteral("general"));
}

void TestLandscapeJson::dateObjectsAreAccepted()
{
    const QJsonObject doc = patched(
            smallDocument(),
            QStringLiteral("ties"),
            0,
            QStringLiteral("start"),
            QJsonObject{{QStringLiteral("text"), QStringLiteral("2024-02-late")},
                        {QStringLiteral("precision"), QStringLiteral("late_month")}});
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY2(l, qPrintable(error));
    QCOMPARE(l->ties.first().start.latest(), QDate(2024, 2, 29));
    QCOMPARE(l->ties.first().start.precision(), FuzzyDate::Precision::LateMonth);
}

void TestLandscapeJson::badDocuments_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");

    const QString ties = QStringLiteral("ties");
    const QString orgs = QStringLiteral("organizations");
    const QJsonValue null = QJsonValue::Null;
    const QJsonValue none = QJsonValue::Undefined;

    QTest::newRow("unknown organization")
            << ties << 0 << "to" << QJsonValue("minimx")
            << "ties[0] (cloud-hosts-lab).to: unknown organization 'minimx'";
    QTest::newRow("unknown parent") << orgs << 0 << "parent" << QJsonValue("nobody")
                                    << "organizations[0] (cloud).parent: unknown organization "
                                       "'nobody'";
    QTest::newRow("unknown claimant")
            << QStringLiteral("figures") << 0 << "claimant" << QJsonValue("ghost")
            << "figures[0] (lab-models).claimant: unknown organization "
               "'ghost'";
    QTest::newRow("unknown source")
            << ties << 2 << "sources"
            << QJsonValue(QJsonArray{QStringLiteral("paper"), QStringLiteral("rumour")})
            << "ties[2] (lab-orders-fab).sources: unknown source 'rumour'";
    QTest::newRow("unknown product") << ties << 0 << "product" << QJsonValue("cloudy")
                                     << "ties[0] (cloud-hosts-lab).product: unknown product "
                                        "'cloudy'";
    QTest::newRow("unknown deal") << ties << 2 << "deal" << QJsonValue("bulk")
                                  << "ties[2] (lab-orders-fab).deal: unknown deal 'bulk'";
    QTest::newRow("missing from") << ties << 1 << "from" << none
                                  << "ties[1] (cloud-invests-lab).from: is required";
    QTest::newRow("duplicate organization key")
            << orgs << 2 << "key" << QJsonValue("cloud")
            << "organizations[2] (cloud).key: duplicate key 'cloud'";
    QTest::newRow("duplicate tie key") << ties << 1 << "key" << QJsonValue("cloud-hosts-lab")
                                       << "ties[1] (cloud-hosts-lab).key: duplicate key "
                                          "'cloud-hosts-lab'";
    QTest::newRow("bad key") << orgs << 1 << "key" << QJsonValue("Big Group")
                             << "organizations[1] (Big Group).key: 'Big Group' is not a key "
                                "(lower-case letters, digits, '.' and '-')";
    QTest::newRow("missing key") << orgs << 1 << "key" << none
                                 << "organizations[1].key: a key is required";
    QTest::newRow("bad tie kind") << ties << 0 << "kind" << QJsonValue("friendship")
                                  << "ties[0] (cloud-hosts-lab).kind: 'friendship' is not one of "
                                     "hosting, investment, chip_order, partnership, ownership, "
                                     "backing, compatibility, serves";
    QTest::newRow("bad role") << orgs << 2 << "roles" << QJsonValue(QJsonArray{"emperor"})
                              << "organizations[2] (lab).roles: 'emperor' is not one of "
                                 "cloud_vendor, chip_vendor, model_developer, industry_client, "
                                 "investor, government, other";
    QTest::newRow("bad service") << ties << 0 << "service" << QJsonValue("storage")
                                 << "ties[0] (cloud-hosts-lab).service: 'storage' is not one of "
                                    "training, inference, vector_database, computing_cluster, "
                                    "development_platform, general";
    QTest::newRow("bad status") << ties << 2 << "status" << QJsonValue("lost")
                                << "ties[2] (lab-orders-fab).status: 'lost' is not one of ordered, "
                                   "delivered, at_risk, cancelled";
    QTest::newRow("bad product kind")
            << QStringLiteral("products") << 0 << "kind" << QJsonValue("gadget")
            << "products[0] (platform).kind: 'gadget' is not one of "
               "model_platform, ai_platform, community, "
               "computing_cluster, database, model, chip, other";
    QTest::newRow("bad qualifier")
            << ties << 1 << "amount"
            << QJsonValue(QJsonObject{{"value", 1}, {"qualifier", "roughly"}})
            << "ties[1] (cloud-invests-lab).amount.qualifier: 'roughly' is not one of exact, "
               "about, up_to, over, at_least, undisclosed";
    QTest::newRow("bad date") << ties << 1 << "start" << QJsonValue("2023-02-30")
                              << "ties[1] (cloud-invests-lab).start: '2023-02-30' is not a day of "
                                 "the calendar";
    QTest::newRow("date in words")
            << QStringLiteral("sources") << 0 << "date" << QJsonValue("late October")
            << "sources[0] (paper).date: 'late October' is not a date: use "
               "YYYY-MM-DD, YYYY-MM-early|mid|late, YYYY-MM, YYYY-Qn or YYYY";
    QTest::newRow("date as number") << ties << 2 << "delivery" << QJsonValue(2024)
                                    << "ties[2] (lab-orders-fab).delivery: expected a date string";
    QTest::newRow("ends before it starts") << ties << 1 << "end" << QJsonValue("2023-08")
                                           << "ties[1] (cloud-invests-lab).end: ends before it "
                                              "starts";
    QTest::newRow("undisclosed with a value")
            << ties << 1 << "amount"
            << QJsonValue(QJsonObject{
                       {"value", 2e9}, {"currency", "USD"}, {"qualifier", "undisclosed"}})
            << "ties[1] (cloud-invests-lab).amount: qualifier 'undisclosed' goes with a null "
               "value, and only with it";
    QTest::newRow("null value, exact")
            << ties << 1 << "amount"
            << QJsonValue(QJsonObject{{"value", null}, {"currency", "USD"}, {"qualifier", "exact"}})
            << "ties[1] (cloud-invests-lab).amount: qualifier 'undisclosed' goes with a null "
               "value, and only with it";
    QTest::newRow("figure: null value, exact")
            << QStringLiteral("figures") << 0 << "value" << null
            << "figures[0] (lab-models): qualifier 'undisclosed' goes with a null value, and only "
               "with it";
    QTest::newRow("value as text")
            << ties << 1 << "amount" << QJsonValue(QJsonObject{{"value", "4 billion"}})
            << "ties[1] (cloud-invests-lab).amount.value: expected a number "
               "or null";
    QTest::newRow("count with currency")
            << ties << 2 << "units"
            << QJsonValue(QJsonObject{{"value", 10}, {"currency", "USD"}, {"qualifier", "exact"}})
            << "ties[2] (lab-orders-fab).units.currency: a count has no currency";
    QTest::newRow("lower-case currency")
            << ties << 1 << "amount"
            << QJsonValue(QJsonObject{{"value", 10}, {"currency", "usd"}, {"qualifier", "exact"}})
            << "ties[1] (cloud-invests-lab).amount.currency: 'usd' is not an ISO 4217 code such "
               "as USD";
    QTest::newRow("lead as text") << ties << 1 << "lead" << QJsonValue("yes")
                                  << "ties[1] (cloud-invests-lab).lead: expected true, false or "
                                     "null";
    QTest::newRow("self tie") << ties << 0 << "to" << QJsonValue("cloud")
                              << "ties[0] (cloud-hosts-lab).to: a tie needs two different "
                                 "organizations";
    QTest::newRow("own parent") << orgs << 1 << "parent" << QJsonValue("group")
                                << "organizations[1] (group).parent: an organization cannot be "
                                   "its own parent";
    QTest::newRow("missing name") << orgs << 3 << "name_en" << QJsonValue("  ")
                                  << "organizations[3] (fab).name_en: is required";
    QTest::newRow("name as number") << orgs << 3 << "name_en" << QJsonValue(7)
                                    << "organizations[3] (fab).name_en: expected text";
    QTest::newRow("missing statement") << QStringLiteral("figures") << 0 << "statement" << none
                                       << "figures[0] (lab-models).statement: is required";
    QTest::newRow("wrong format") << QString() << 0 << "format" << QJsonValue("geojson")
                                  << "format: not an EcoAtlas landscape document (expected "
                                     "\"ecoatlas-landscape\")";
    QTest::newRow("missing format") << QString() << 0 << "format" << none
                                    << "format: not an EcoAtlas landscape document (expected "
                                       "\"ecoatlas-landscape\")";
    QTest::newRow("wrong version") << QString() << 0 << "version" << QJsonValue(3)
                                   << "version: unsupported version 3 (this EcoAtlas reads "
                                      "versions 1 and 2)";
    QTest::newRow("version 2 with a parent")
            << QString() << 0 << "version" << QJsonValue(2)
            << "organizations[0] (cloud).parent: a parent is an ownership tie in version 2";
    QTest::newRow("version as text") << QString() << 0 << "version" << QJsonValue("1")
                                     << "version: expected a number (this EcoAtlas reads versions "
                                        "1 and 2)";
    QTest::newRow("missing version") << QString() << 0 << "version" << none
                                     << "version: expected a number (this EcoAtlas reads versions "
                                        "1 and 2)";
    QTest::newRow("fractional version") << QString() << 0 << "version" << QJsonValue(1.5)
                                        << "version: unsupported version 1.5 (this EcoAtlas reads "
                                           "versions 1 and 2)";
    QTest::newRow("section not an array")
            << QString() << 0 << "ties" << QJsonValue("none") << "ties: expected an array";
}

void TestLandscapeJson::badDocuments()
{
    QFETCH(QString, section);
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);

    const QJsonObject doc = patched(smallDocument(), section, index, name, value);
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(doc, &error);
    QVERIFY(!l);
    QCOMPARE(error, expected);
    QVERIFY(!error.contains(QLatin1Char('\n')));
    // The same through the byte-array entry point.
    error.clear();
    QVERIFY(!LandscapeJson::fromJson(QJsonDocument(doc).toJson(), &error));
    QCOMPARE(error, expected);
}

void TestLandscapeJson::notJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QByteArray("Five Major Players in Fierce Competition")
                          << "not valid JSON at byte 1: illegal value";
    QTest::newRow("truncated") << QByteArray(R"({"format": "ecoatlas-landscape", )")
                               << "not valid JSON at byte 33: unterminated object";
    QTest::newRow("empty") << QByteArray() << "not valid JSON at byte 0: illegal value";
    QTest::newRow("array") << QByteArray("[1, 2, 3]")
                           << "not an EcoAtlas landscape document (expected a JSON object)";
}

void TestLandscapeJson::notJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!LandscapeJson::fromJson(bytes, &error));
    QCOMPARE(error, expected);
}

QTEST_GUILESS_MAIN(TestLandscapeJson)
#include "tst_landscapejson.moc"
