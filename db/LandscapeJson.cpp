// SPDX-License-Identifier: MIT
#include "LandscapeJson.h"

#include "Record.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace EcoAtlas::LandscapeJson {

namespace {

/// Thrown inside the parser only; converted to an error message at the boundary.
struct ParseFailure
{
    QString message;
};

[[noreturn]] void fail(const QString &where, const QString &what)
{
    throw ParseFailure{QStringLiteral("%1: %2").arg(where, what)};
}

class Reader
{
public:
    explicit Reader(Landscape &out)
        : m_out(out)
    {}

    /// A reader of single records against an existing landscape (LandscapeJson::
    /// recordFromJson): references resolve to `context`'s ids, the format is version 2.
    Reader(Landscape &out, const Landscape &context)
        : m_out(out)
        , m_version(2)
    {
        for (const Source &s : context.sources)
            m_sourceKeys.insert(s.key, s.id);
        for (const Organization &g : context.organizations)
            m_orgKeys.insert(g.key, g.id);
        for (const Product &p : context.products)
            m_productKeys.insert(p.key, p.id);
        for (const Deal &d : context.deals)
            m_dealKeys.insert(d.key, d.id);
        for (const Sector &x : context.sectors)
            m_sectorKeys.insert(x.key, x.id);
    }

    void read(const QJsonObject &root)
    {
        if (root.value(QLatin1String("format")).toString() != QLatin1String("ecoatlas-landscape"))
            fail(QStringLiteral("format"),
                 QStringLiteral("not an EcoAtlas landscape document "
                                "(expected \"ecoatlas-landscape\")"));
        const QJsonValue version = root.value(QLatin1String("version"));
        if (!version.isDouble())
            fail(QStringLiteral("version"),
                 QStringLiteral("expected a number (this EcoAtlas reads versions 1 and 2)"));
        m_version = version.toInt(-1);
        if (m_version != 1 && m_version != 2)
            fail(QStringLiteral("version"),
                 QStringLiteral("unsupported version %1 (this EcoAtlas reads versions 1 and 2)")
                         .arg(version.toVariant().toString()));
        m_out.title = root.value(QLatin1String("title")).toString();
        m_out.description = root.value(QLatin1String("description")).toString();

        // Keys first, so that references may point forward.
        collectKeys(root, QStringLiteral("sources"), m_sourceKeys);
        collectKeys(root, QStringLiteral("organizations"), m_orgKeys);
        collectKeys(root, QStringLiteral("products"), m_productKeys);
        collectKeys(root, QStringLiteral("deals"), m_dealKeys);
        collectKeys(root, QStringLiteral("sectors"), m_sectorKeys);

        forEach(root, QStringLiteral("sources"), [&](const QJsonObject &o, const QString &at) {
            Source s = readSource(o, at);
            s.id = m_out.sources.size() + 1;
            m_out.sources.append(s);
        });
        forEach(root,
                QStringLiteral("organizations"),
                [&](const QJsonObject &o, const QString &at) {
                    Organization g = readOrganization(o, at, m_out.organizations.size() + 1);
                    g.id = m_out.organizations.size() + 1;
                    m_out.organizations.append(g);
                });
        forEach(root, QStringLiteral("sectors"), [&](const QJsonObject &o, const QString &at) {
            Sector x = readSector(o, at);
            x.id = m_out.sectors.size() + 1;
            m_out.sectors.append(x);
        });
        forEach(root, QStringLiteral("products"), [&](const QJsonObject &o, const QString &at) {
            Product p = readProduct(o, at);
            p.id = m_out.products.size() + 1;
            m_out.products.append(p);
        });
        forEach(root, QStringLiteral("deals"), [&](const QJsonObject &o, const QString &at) {
            Deal d = readDeal(o, at);
            d.id = m_out.deals.size() + 1;
            m_out.deals.append(d);
        });
        QSet<QString> tieKeys;
        forEach(root, QStringLiteral("ties"), [&](const QJsonObject &o, const QString &at) {
            Tie t = readTie(o, at, tieKeys);
            t.id = m_out.ties.size() + 1;
            m_out.ties.append(t);
        });
        // Version 1 parents, as ownership ties the editor did not source.
        for (const auto &[parent, child] : std::as_const(m_v1Parents)) {
            Tie t;
            t.id = m_out.ties.size() + 1;
            t.kind = QStringLiteral("ownership");
            t.fromId = parent;
            t.toId = child;
            const QString base = QStringLiteral("%1-owns-%2")
                                         .arg(m_out.organizations.at(parent - 1).key,
                                              m_out.organizations.at(child - 1).key);
            t.key = base;
            for (int n = 2; tieKeys.contains(t.key); ++n)
                t.key = base + QLatin1Char('-') + QString::number(n);
            tieKeys.insert(t.key);
            t.evidence.grade = EvidenceGrade::Inferred;
            t.evidence.rationale = QStringLiteral(
                    "Given as the organization's parent, without a source, in a version 1 "
                    "landscape document.");
            m_out.ties.append(t);
        }
        QSet<QString> figureKeys;
        forEach(root, QStringLiteral("figures"), [&](const QJsonObject &o, const QString &at) {
            Figure f = readFigure(o, at, figureKeys);
            f.id = m_out.figures.size() + 1;
            m_out.figures.append(f);
        });
    }

    Source readSource(const QJsonObject &o, const QString &at) const
    {
        Source s;
        s.key = o.value(QLatin1String("key")).toString();
        s.publisher = requiredText(o, at, QStringLiteral("publisher"));
        s.title = requiredText(o, at, QStringLiteral("title"));
        s.date = date(o, at, QStringLiteral("date"));
        s.url = text(o, at, QStringLiteral("url"));
        s.viaId = ref(o, at, QStringLiteral("via"), m_sourceKeys, QStringLiteral("source"));
        s.notes = text(o, at, QStringLiteral("notes"));
        s.retrievedOn = date(o, at, QStringLiteral("retrieved_on"));
        return s;
    }

    /// `id` is the id the organization gets (for version 1 parents).
    Organization readOrganization(const QJsonObject &o, const QString &at, RowId id)
    {
        Organization g;
        g.key = o.value(QLatin1String("key")).toString();
        g.nameEn = requiredText(o, at, QStringLiteral("name_en"));
        g.nameZh = text(o, at, QStringLiteral("name_zh"));
        g.aliases = textList(o, at, QStringLiteral("aliases"), {});
        g.roles = textList(o, at, QStringLiteral("roles"), Vocabulary::roles());
        // Roles are a set, kept in vocabulary order (the order LandscapeStore reads back).
        std::sort(g.roles.begin(), g.roles.end(), [](const QString &a, const QString &b) {
            return Vocabulary::roles().indexOf(a) < Vocabulary::roles().indexOf(b);
        });
        // Version 1 kept the parent on the organization; it becomes an ownership tie (added
        // after the document's own ties). Version 2 has only the tie.
        const RowId parent = ref(
                o, at, QStringLiteral("parent"), m_orgKeys, QStringLiteral("organization"));
        if (parent && m_version >= 2)
            fail(at + QStringLiteral(".parent"),
                 QStringLiteral("a parent is an ownership tie in version 2"));
        if (parent == id)
            fail(at + QStringLiteral(".parent"),
                 QStringLiteral("an organization cannot be its own parent"));
        if (parent)
            m_v1Parents.append({parent, id});
        g.country = text(o, at, QStringLiteral("country"));
        static const QRegularExpression iso(QStringLiteral("^[A-Z]{2}$"));
        if (!g.country.isEmpty() && m_strictCountry && !iso.match(g.country).hasMatch())
            fail(at + QStringLiteral(".country"),
                 QStringLiteral("'%1' is not an ISO 3166 country code such as CN").arg(g.country));
        g.notes = text(o, at, QStringLiteral("notes"));
        g.website = text(o, at, QStringLiteral("website"));
        return g;
    }

    Sector readSector(const QJsonObject &o, const QString &at) const
    {
        Sector x;
        x.key = o.value(QLatin1String("key")).toString();
        x.nameEn = requiredText(o, at, QStringLiteral("name_en"));
        x.nameZh = text(o, at, QStringLiteral("name_zh"));
        x.notes = text(o, at, QStringLiteral("notes"));
        return x;
    }

    Product readProduct(const QJsonObject &o, const QString &at) const
    {
        Product p;
        p.key = o.value(QLatin1String("key")).toString();
        p.ownerId = requiredRef(
                o, at, QStringLiteral("owner"), m_orgKeys, QStringLiteral("organization"));
        p.nameEn = requiredText(o, at, QStringLiteral("name_en"));
        p.nameZh = text(o, at, QStringLiteral("name_zh"));
        p.kind = choice(o, at, QStringLiteral("kind"), Vocabulary::productKinds(), true);
        p.launched = date(o, at, QStringLiteral("launched"));
        p.notes = text(o, at, QStringLiteral("notes"));
        p.sourceIds = sources(o, at);
        return p;
    }

    Deal readDeal(const QJsonObject &o, const QString &at) const
    {
        Deal d;
        d.key = o.value(QLatin1String("key")).toString();
        d.title = requiredText(o, at, QStringLiteral("title"));
        d.amount = amount(o, at, QStringLiteral("amount"), true);
        d.units = amount(o, at, QStringLiteral("units"), false);
        d.chipModel = text(o, at, QStringLiteral("chip_model"));
        d.notes = text(o, at, QStringLiteral("notes"));
        d.sourceIds = sources(o, at);
        d.evidence = evidence(o, at);
        d.parties = partySet(o, at);
        return d;
    }

    Tie readTie(const QJsonObject &o, const QString &at, QSet<QString> &tieKeys) const
    {
        Tie t;
        t.key = uniqueKey(o, at, tieKeys);
        t.kind = choice(o, at, QStringLiteral("kind"), Vocabulary::tieKinds(), true);
        const QString org = QStringLiteral("organization");
        t.fromId = requiredRef(o, at, QStringLiteral("from"), m_orgKeys, org);
        if (t.kind == QLatin1String("serves")) {
            t.sectorId = requiredRef(
                    o, at, QStringLiteral("sector"), m_sectorKeys, QStringLiteral("sector"));
            if (!text(o, at, QStringLiteral("to")).isEmpty())
                fail(at + QStringLiteral(".to"),
                     QStringLiteral("a 'serves' tie goes to a sector, not an organization"));
        } else {
            t.toId = requiredRef(o, at, QStringLiteral("to"), m_orgKeys, org);
            if (!text(o, at, QStringLiteral("sector")).isEmpty())
                fail(at + QStringLiteral(".sector"),
                     QStringLiteral("only a 'serves' tie names a sector"));
        }
        if (t.fromId == t.toId)
            fail(at + QStringLiteral(".to"),
                 QStringLiteral("a tie needs two different organizations"));
        t.productId = ref(
                o, at, QStringLiteral("product"), m_productKeys, QStringLiteral("product"));
        t.dealId = ref(o, at, QStringLiteral("deal"), m_dealKeys, QStringLiteral("deal"));
        if (t.dealId && t.kind != QLatin1String("chip_order"))
            fail(at + QStringLiteral(".deal"),
                 QStringLiteral("only a chip order belongs to a deal"));
        t.start = date(o, at, QStringLiteral("start"));
        t.end = date(o, at, QStringLiteral("end"));
        if (t.start.isValid() && t.end.isValid() && t.end.latest() < t.start.earliest())
            fail(at + QStringLiteral(".end"), QStringLiteral("ends before it starts"));
        t.evidence = evidence(o, at);
        t.description = text(o, at, QStringLiteral("description"));
        t.sourceIds = sources(o, at);
        if (t.kind == QLatin1String("hosting")) {
            t.service = choice(
                    o, at, QStringLiteral("service"), Vocabulary::hostingServices(), false);
            if (t.service.isEmpty())
                t.service = QStringLiteral("general");
        } else if (t.kind == QLatin1String("investment")) {
            t.amount = amount(o, at, QStringLiteral("amount"), true);
            t.round = text(o, at, QStringLiteral("round"));
            const QJsonValue lead = o.value(QLatin1String("lead"));
            if (lead.isBool())
                t.lead = lead.toBool();
            else if (!lead.isNull() && !lead.isUndefined())
                fail(at + QStringLiteral(".lead"), QStringLiteral("expected true, false or null"));
        } else if (t.kind == QLatin1String("chip_order")) {
            t.chipModel = text(o, at, QStringLiteral("chip_model"));
            t.units = amount(o, at, QStringLiteral("units"), false);
            t.amount = amount(o, at, QStringLiteral("amount"), true);
            t.status = choice(
                    o, at, QStringLiteral("status"), Vocabulary::chipOrderStatuses(), true);
            t.statusDate = date(o, at, QStringLiteral("status_date"));
            t.delivery = date(o, at, QStringLiteral("delivery"));
        } else if (t.kind == QLatin1String("ownership")) {
            t.stake = amount(o, at, QStringLiteral("stake"), false);
            if (t.stake.value && (*t.stake.value <= 0 || *t.stake.value > 100))
                fail(at + QStringLiteral(".stake"),
                     QStringLiteral("a stake is a percentage above 0 and up to 100"));
        } else if (t.kind == QLatin1String("compatibility")) {
            t.chipModel = text(o, at, QStringLiteral("chip_model"));
        }
        return t;
    }

    Figure readFigure(const QJsonObject &o, const QString &at, QSet<QString> &figureKeys) const
    {
        Figure f;
        f.key = uniqueKey(o, at, figureKeys);
        const QString org = QStringLiteral("organization");
        // Version 2 allows a statement about the market as a whole (no subject).
        f.subjectId = m_version >= 2
                              ? ref(o, at, QStringLiteral("subject"), m_orgKeys, org)
                              : requiredRef(o, at, QStringLiteral("subject"), m_orgKeys, org);
        f.productId = ref(
                o, at, QStringLiteral("product"), m_productKeys, QStringLiteral("product"));
        f.metric = requiredText(o, at, QStringLiteral("metric"));
        f.value = amount(o, at, QString(), true);
        f.unit = text(o, at, QStringLiteral("unit"));
        f.asOf = date(o, at, QStringLiteral("as_of"));
        f.evidence = evidence(o, at);
        f.parties = partySet(o, at);
        f.statement = requiredText(o, at, QStringLiteral("statement"));
        f.sourceIds = sources(o, at);
        return f;
    }

    /// Record mode: a country must be an ISO 3166 alpha-2 code (the forms' rule; files keep
    /// what they hold).
    bool m_strictCountry = false;

private:
    static QString label(const QString &section, int i, const QJsonObject &o)
    {
        const QString key = o.value(QLatin1String("key")).toString();
        return key.isEmpty() ? QStringLiteral("%1[%2]").arg(section).arg(i)
                             : QStringLiteral("%1[%2] (%3)").arg(section).arg(i).arg(key);
    }

    static QJsonArray array(const QJsonObject &root, const QString &section)
    {
        const QJsonValue v = root.value(section);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(section, QStringLiteral("expected an array"));
        return v.toArray();
    }

    template<typename F>
    void forEach(const QJsonObject &root, const QString &section, F &&f)
    {
        const QJsonArray a = array(root, section);
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isObject())
                fail(QStringLiteral("%1[%2]").arg(section).arg(i),
                     QStringLiteral("expected an object"));
            const QJsonObject o = a.at(i).toObject();
            f(o, label(section, i, o));
        }
    }

    void collectKeys(const QJsonObject &root, const QString &section, QHash<QString, RowId> &keys)
    {
        const QJsonArray a = array(root, section);
        QSet<QString> seen(keys.keyBegin(), keys.keyEnd()); // once, not per item (linear)
        for (int i = 0; i < a.size(); ++i) {
            const QJsonObject o = a.at(i).toObject();
            const QString key = uniqueKey(o, label(section, i, o), seen);
            keys.insert(key, i + 1);
        }
    }

    static QString uniqueKey(const QJsonObject &o, const QString &at, QSet<QString> &seen)
    {
        static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9.-]*$"));
        const QJsonValue v = o.value(QLatin1String("key"));
        if (!v.isString() || v.toString().isEmpty())
            fail(at + QStringLiteral(".key"), QStringLiteral("a key is required"));
        const QString key = v.toString();
        if (!re.match(key).hasMatch())
            fail(at + QStringLiteral(".key"),
                 QStringLiteral("'%1' is not a key (lower-case letters, digits, '.' and '-')")
                         .arg(key));
        if (seen.contains(key))
            fail(at + QStringLiteral(".key"), QStringLiteral("duplicate key '%1'").arg(key));
        seen.insert(key);
        return key;
    }

    static QString text(const QJsonObject &o, const QString &at, const QString &name)
    {
        const QJsonValue v = o.value(name);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(at + QLatin1Char('.') + name, QStringLiteral("expected text"));
        return v.toString();
    }

    static QString requiredText(const QJsonObject &o, const QString &at, const QString &name)
    {
        const QString t = text(o, at, name);
        if (t.trimmed().isEmpty())
            fail(at + QLatin1Char('.') + name, QStringLiteral("is required"));
        return t;
    }

    static QStringList textList(const QJsonObject &o,
                                const QString &at,
                                const QString &name,
                                const QStringList &allowed)
    {
        const QJsonValue v = o.value(name);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(at + QLatin1Char('.') + name, QStringLiteral("expected an array of text"));
        QStringList out;
        for (const QJsonValue &e : v.toArray()) {
            if (!e.isString())
                fail(at + QLatin1Char('.') + name, QStringLiteral("expected an array of text"));
            const QString s = e.toString();
            if (!allowed.isEmpty() && !allowed.contains(s))
                fail(at + QLatin1Char('.') + name,
                     QStringLiteral("'%1' is not one of %2")
                             .arg(s, allowed.join(QStringLiteral(", "))));
            if (!out.contains(s))
                out.append(s);
        }
        return out;
    }

    static QString choice(const QJsonObject &o,
                          const QString &at,
                          const QString &name,
                          const QStringList &allowed,
                          bool required)
    {
        const QString s = text(o, at, name);
        if (s.isEmpty() && !required)
            return {};
        if (!allowed.contains(s))
            fail(at + QLatin1Char('.') + name,
                 QStringLiteral("'%1' is not one of %2")
                         .arg(s, allowed.join(QStringLiteral(", "))));
        return s;
    }

    static FuzzyDate date(const QJsonObject &o, const QString &at, const QString &name)
    {
        QJsonValue v = o.value(name);
        if (v.isObject())
            v = v.toObject().value(QLatin1String("text"));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(at + QLatin1Char('.') + name, QStringLiteral("expected a date string"));
        QString error;
        const FuzzyDate d = FuzzyDate::fromString(v.toString(), &error);
        if (!error.isEmpty())
            fail(at + QLatin1Char('.') + name, error);
        return d;
    }

    /// Reads an Amount object (or, with an empty `name`, the members value/currency/qualifier
    /// of `o` itself, as figures hold them).
    static Amount amount(const QJsonObject &o, const QString &at, const QString &name, bool money)
    {
        QJsonObject a = o;
        QString where = at;
        if (!name.isEmpty()) {
            const QJsonValue v = o.value(name);
            if (v.isUndefined() || v.isNull())
                return {};
            if (!v.isObject())
                fail(at + QLatin1Char('.') + name, QStringLiteral("expected an amount object"));
            a = v.toObject();
            where = at + QLatin1Char('.') + name;
        }
        Amount out;
        const QJsonValue value = a.value(QLatin1String("value"));
        if (value.isDouble())
            out.value = value.toDouble();
        else if (!value.isNull() && !value.isUndefined())
            fail(where + QStringLiteral(".value"), QStringLiteral("expected a number or null"));
        const QString q = a.value(QLatin1String("qualifier"))
                                  .toString(out.value ? QStringLiteral("exact")
                                                      : QStringLiteral("undisclosed"));
        const auto qualifier = Amount::qualifierFromName(q);
        if (!qualifier)
            fail(where + QStringLiteral(".qualifier"),
                 QStringLiteral("'%1' is not one of %2")
                         .arg(q, Amount::qualifierNames().join(QStringLiteral(", "))));
        out.qualifier = *qualifier;
        if ((out.qualifier == Amount::Qualifier::Undisclosed) != !out.value)
            fail(where,
                 QStringLiteral("qualifier 'undisclosed' goes with a null value, and only "
                                "with it"));
        out.currency = text(a, where, QStringLiteral("currency"));
        if (!out.currency.isEmpty() && !money)
            fail(where + QStringLiteral(".currency"), QStringLiteral("a count has no currency"));
        static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
        if (!out.currency.isEmpty() && !iso.match(out.currency).hasMatch())
            fail(where + QStringLiteral(".currency"),
                 QStringLiteral("'%1' is not an ISO 4217 code such as USD").arg(out.currency));
        return out;
    }

    static RowId ref(const QJsonObject &o,
                     const QString &at,
                     const QString &name,
                     const QHash<QString, RowId> &keys,
                     const QString &what)
    {
        const QString key = text(o, at, name);
        if (key.isEmpty())
            return 0;
        const auto it = keys.constFind(key);
        if (it == keys.constEnd())
            fail(at + QLatin1Char('.') + name, QStringLiteral("unknown %1 '%2'").arg(what, key));
        return *it;
    }

    static RowId requiredRef(const QJsonObject &o,
                             const QString &at,
                             const QString &name,
                             const QHash<QString, RowId> &keys,
                             const QString &what)
    {
        const RowId id = ref(o, at, name, keys, what);
        if (id == 0)
            fail(at + QLatin1Char('.') + name, QStringLiteral("is required"));
        return id;
    }

    /// Reads "evidence" (with "claimant", "rationale", "caveat"), or the version 1 member
    /// "claim" (true: claimed). Fails for a claim without a claimant or an inference without
    /// a rationale.
    Evidence evidence(const QJsonObject &o, const QString &at) const
    {
        Evidence e;
        const QString grade = text(o, at, QStringLiteral("evidence"));
        const QJsonValue claim = o.value(QLatin1String("claim"));
        if (!claim.isUndefined() && !claim.isNull() && !claim.isBool())
            fail(at + QStringLiteral(".claim"), QStringLiteral("expected true or false"));
        if (!grade.isEmpty()) {
            const auto g = evidenceGradeFromName(grade);
            if (!g)
                fail(at + QStringLiteral(".evidence"),
                     QStringLiteral("'%1' is not one of %2")
                             .arg(grade, evidenceGradeNames().join(QStringLiteral(", "))));
            if (claim.isBool() && claim.toBool() != (*g == EvidenceGrade::Claimed))
                fail(at + QStringLiteral(".claim"),
                     QStringLiteral("contradicts \"evidence\": \"%1\"").arg(grade));
            e.grade = *g;
        } else if (claim.toBool(false)) {
            e.grade = EvidenceGrade::Claimed;
        }
        e.claimantId = ref(
                o, at, QStringLiteral("claimant"), m_orgKeys, QStringLiteral("organization"));
        e.rationale = text(o, at, QStringLiteral("rationale"));
        e.caveat = text(o, at, QStringLiteral("caveat"));
        if (m_version < 2) {
            // Version 1 as the schema-2 migration grades it: a claim without a claimant stays
            // reported with a caveat; a claimant of a fact is dropped.
            if (e.grade == EvidenceGrade::Claimed && !e.claimantId) {
                e.grade = EvidenceGrade::Reported;
                const QString note = QStringLiteral("Marked as a claim without a claimant in a "
                                                    "version 1 landscape document.");
                e.caveat = e.caveat.isEmpty() ? note : e.caveat + QLatin1Char(' ') + note;
            }
            if (e.grade != EvidenceGrade::Claimed)
                e.claimantId = 0;
        }
        if (const QString problem = e.problem(); !problem.isEmpty())
            fail(at, problem);
        if (e.grade != EvidenceGrade::Claimed && e.claimantId)
            fail(at + QStringLiteral(".claimant"),
                 QStringLiteral("only a claimed item has a claimant"));
        if (e.grade != EvidenceGrade::Inferred && !e.rationale.isEmpty())
            fail(at + QStringLiteral(".rationale"),
                 QStringLiteral("only an inferred item has a rationale"));
        return e;
    }

    /// Reads "party_set": "closed" (the default) or "open".
    static PartySet partySet(const QJsonObject &o, const QString &at)
    {
        const QString name = text(o, at, QStringLiteral("party_set"));
        if (name.isEmpty())
            return PartySet::Closed;
        const auto set = partySetFromName(name);
        if (!set)
            fail(at + QStringLiteral(".party_set"),
                 QStringLiteral("'%1' is not one of closed, open").arg(name));
        return *set;
    }

    QList<RowId> sources(const QJsonObject &o, const QString &at) const
    {
        QList<RowId> ids;
        for (const QString &key : textList(o, at, QStringLiteral("sources"), {})) {
            const auto it = m_sourceKeys.constFind(key);
            if (it == m_sourceKeys.constEnd())
                fail(at + QStringLiteral(".sources"),
                     QStringLiteral("unknown source '%1'").arg(key));
            ids.append(*it);
        }
        return ids;
    }

    Landscape &m_out;
    QHash<QString, RowId> m_sourceKeys;
    QHash<QString, RowId> m_orgKeys;
    QHash<QString, RowId> m_productKeys;
    QHash<QString, RowId> m_dealKeys;
    QHash<QString, RowId> m_sectorKeys;
    int m_version = 0;
    QList<std::pair<RowId, RowId>> m_v1Parents; ///< (parent, child) from version 1 documents
};

/// Writes the evidence members: "evidence", and "claimant", "rationale", "caveat" when set.
template<typename KeyOf>
void putEvidence(QJsonObject &o, const Evidence &e, KeyOf orgKey)
{
    o.insert(QStringLiteral("evidence"), evidenceGradeName(e.grade));
    if (e.claimantId)
        o.insert(QStringLiteral("claimant"), orgKey(e.claimantId));
    if (!e.rationale.isEmpty())
        o.insert(QStringLiteral("rationale"), e.rationale);
    if (!e.caveat.isEmpty())
        o.insert(QStringLiteral("caveat"), e.caveat);
}

QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue dateJson(const FuzzyDate &d, Style style)
{
    if (!d.isValid())
        return QJsonValue::Null;
    if (style == Style::Seed)
        return d.toString();
    return QJsonObject{{QStringLiteral("text"), d.toString()},
                       {QStringLiteral("precision"), FuzzyDate::precisionName(d.precision())},
                       {QStringLiteral("earliest"), d.earliest().toString(Qt::ISODate)},
                       {QStringLiteral("latest"), d.latest().toString(Qt::ISODate)}};
}

void putAmount(QJsonObject &o, const Amount &a)
{
    o.insert(QStringLiteral("value"),
             a.value ? QJsonValue(*a.value) : QJsonValue(QJsonValue::Null));
    if (!a.currency.isEmpty())
        o.insert(QStringLiteral("currency"), a.currency);
    o.insert(QStringLiteral("qualifier"), Amount::qualifierName(a.qualifier));
}

QJsonValue amountJson(const Amount &a)
{
    if (a.isNull() && a.qualifier == Amount::Qualifier::Undisclosed)
        return QJsonValue::Null;
    QJsonObject o;
    putAmount(o, a);
    return o;
}

template<typename T>
QJsonArray keysOf(const QList<RowId> &ids, const T &lookup)
{
    QJsonArray a;
    for (RowId id : ids)
        if (const auto *item = lookup(id))
            a.append(item->key);
    return a;
}

} // namespace

std::optional<Landscape> fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("not valid JSON at byte %1: %2")
                             .arg(parseError.offset)
                             .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("not an EcoAtlas landscape document (expected a JSON object)");
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

std::optional<Landscape> fromJson(const QJsonObject &root, QString *error)
{
    Landscape landscape;
    try {
        Reader(landscape).read(root);
    } catch (const ParseFailure &f) {
        if (error)
            *error = f.message;
        return std::nullopt;
    }
    landscape.index();
    return landscape;
}

namespace {

/// Writes one record as its section's object (docs/landscape-json.md).
class Writer
{
public:
    Writer(const Landscape &l, Style style)
        : m_l(l)
        , m_style(style)
    {}

    QJsonObject object(const Source &s) const
    {
        QJsonObject o = begin(s.id, s.key);
        o.insert(QStringLiteral("publisher"), s.publisher);
        o.insert(QStringLiteral("title"), s.title);
        o.insert(QStringLiteral("date"), dateJson(s.date, m_style));
        o.insert(QStringLiteral("url"), nullable(s.url));
        const Source *via = m_l.source(s.viaId);
        o.insert(QStringLiteral("via"), via ? QJsonValue(via->key) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("notes"), s.notes);
        if (s.retrievedOn.isValid())
            o.insert(QStringLiteral("retrieved_on"), dateJson(s.retrievedOn, m_style));
        return o;
    }
    QJsonObject object(const Organization &g) const
    {
        QJsonObject o = begin(g.id, g.key);
        o.insert(QStringLiteral("name_en"), g.nameEn);
        o.insert(QStringLiteral("name_zh"), nullable(g.nameZh));
        o.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(g.aliases));
        o.insert(QStringLiteral("roles"), QJsonArray::fromStringList(g.roles));
        o.insert(QStringLiteral("country"), nullable(g.country));
        o.insert(QStringLiteral("notes"), g.notes);
        if (!g.website.isEmpty())
            o.insert(QStringLiteral("website"), g.website);
        return o;
    }
    QJsonObject object(const Sector &x) const
    {
        QJsonObject o = begin(x.id, x.key);
        o.insert(QStringLiteral("name_en"), x.nameEn);
        o.insert(QStringLiteral("name_zh"), nullable(x.nameZh));
        o.insert(QStringLiteral("notes"), x.notes);
        return o;
    }
    QJsonObject object(const Product &p) const
    {
        QJsonObject o = begin(p.id, p.key);
        o.insert(QStringLiteral("owner"), orgKey(p.ownerId));
        o.insert(QStringLiteral("name_en"), p.nameEn);
        o.insert(QStringLiteral("name_zh"), nullable(p.nameZh));
        o.insert(QStringLiteral("kind"), p.kind);
        o.insert(QStringLiteral("launched"), dateJson(p.launched, m_style));
        o.insert(QStringLiteral("notes"), p.notes);
        o.insert(QStringLiteral("sources"), sourceKeys(p.sourceIds));
        return o;
    }
    QJsonObject object(const Deal &d) const
    {
        QJsonObject o = begin(d.id, d.key);
        o.insert(QStringLiteral("title"), d.title);
        o.insert(QStringLiteral("amount"), amountJson(d.amount));
        o.insert(QStringLiteral("units"), amountJson(d.units));
        o.insert(QStringLiteral("chip_model"), nullable(d.chipModel));
        o.insert(QStringLiteral("notes"), d.notes);
        o.insert(QStringLiteral("party_set"), partySetName(d.parties));
        putEvidence(o, d.evidence, [this](RowId id) { return orgKey(id); });
        o.insert(QStringLiteral("sources"), sourceKeys(d.sourceIds));
        return o;
    }
    QJsonObject object(const Tie &t) const
    {
        const Style style = m_style;
        QJsonObject o = begin(t.id, t.key);
        o.insert(QStringLiteral("kind"), t.kind);
        o.insert(QStringLiteral("from"), orgKey(t.fromId));
        if (t.kind == QLatin1String("serves")) {
            const Sector *sector = m_l.sector(t.sectorId);
            o.insert(QStringLiteral("sector"),
                     sector ? QJsonValue(sector->key) : QJsonValue(QJsonValue::Null));
        } else {
            o.insert(QStringLiteral("to"), orgKey(t.toId));
        }
        const Product *product = m_l.product(t.productId);
        o.insert(QStringLiteral("product"), product ? QJsonValue(product->key) : QJsonValue::Null);
        o.insert(QStringLiteral("start"), dateJson(t.start, style));
        o.insert(QStringLiteral("end"), dateJson(t.end, style));
        putEvidence(o, t.evidence, [this](RowId id) { return orgKey(id); });
        o.insert(QStringLiteral("description"), t.description);
        o.insert(QStringLiteral("sources"), sourceKeys(t.sourceIds));
        if (t.kind == QLatin1String("hosting")) {
            o.insert(QStringLiteral("service"), t.service);
        } else if (t.kind == QLatin1String("investment")) {
            o.insert(QStringLiteral("amount"), amountJson(t.amount));
            o.insert(QStringLiteral("round"), nullable(t.round));
            o.insert(QStringLiteral("lead"), t.lead ? QJsonValue(*t.lead) : QJsonValue::Null);
        } else if (t.kind == QLatin1String("chip_order")) {
            o.insert(QStringLiteral("chip_model"), nullable(t.chipModel));
            o.insert(QStringLiteral("units"), amountJson(t.units));
            o.insert(QStringLiteral("amount"), amountJson(t.amount));
            o.insert(QStringLiteral("status"), t.status);
            o.insert(QStringLiteral("status_date"), dateJson(t.statusDate, style));
            o.insert(QStringLiteral("delivery"), dateJson(t.delivery, style));
            const Deal *deal = m_l.deal(t.dealId);
            o.insert(QStringLiteral("deal"), deal ? QJsonValue(deal->key) : QJsonValue::Null);
        } else if (t.kind == QLatin1String("ownership")) {
            o.insert(QStringLiteral("stake"), amountJson(t.stake));
        } else if (t.kind == QLatin1String("compatibility")) {
            o.insert(QStringLiteral("chip_model"), nullable(t.chipModel));
        }
        return o;
    }
    QJsonObject object(const Figure &f) const
    {
        QJsonObject o = begin(f.id, f.key);
        o.insert(QStringLiteral("subject"), orgKey(f.subjectId));
        const Product *product = m_l.product(f.productId);
        o.insert(QStringLiteral("product"), product ? QJsonValue(product->key) : QJsonValue::Null);
        o.insert(QStringLiteral("metric"), f.metric);
        putAmount(o, f.value);
        o.insert(QStringLiteral("unit"), nullable(f.unit));
        o.insert(QStringLiteral("as_of"), dateJson(f.asOf, m_style));
        putEvidence(o, f.evidence, [this](RowId id) { return orgKey(id); });
        o.insert(QStringLiteral("party_set"), partySetName(f.parties));
        o.insert(QStringLiteral("statement"), f.statement);
        o.insert(QStringLiteral("sources"), sourceKeys(f.sourceIds));
        return o;
    }

private:
    QJsonValue orgKey(RowId id) const
    {
        const Organization *o = m_l.organization(id);
        return o ? QJsonValue(o->key) : QJsonValue(QJsonValue::Null);
    }
    QJsonArray sourceKeys(const QList<RowId> &ids) const
    {
        return keysOf(ids, [this](RowId id) { return m_l.source(id); });
    }
    QJsonObject begin(RowId id, const QString &key) const
    {
        QJsonObject o;
        if (m_style == Style::Dump)
            o.insert(QStringLiteral("id"), id);
        o.insert(QStringLiteral("key"), key);
        return o;
    }

    const Landscape &m_l;
    Style m_style;
};

template<typename T>
QJsonArray section(const Writer &w, const QList<T> &list)
{
    QJsonArray a;
    for (const T &item : list)
        a.append(w.object(item));
    return a;
}

} // namespace

QJsonObject toJson(const Landscape &l, Style style)
{
    const Writer w(l, style);
    const QJsonArray sources = section(w, l.sources);
    const QJsonArray orgs = section(w, l.organizations);
    const QJsonArray sectors = section(w, l.sectors);
    const QJsonArray products = section(w, l.products);
    const QJsonArray deals = section(w, l.deals);
    const QJsonArray ties = section(w, l.ties);
    const QJsonArray figures = section(w, l.figures);
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("ecoatlas-landscape")},
                       {QStringLiteral("version"), 2},
                       {QStringLiteral("title"), l.title},
                       {QStringLiteral("description"), l.description},
                       {QStringLiteral("sources"), sources},
                       {QStringLiteral("organizations"), orgs},
                       {QStringLiteral("sectors"), sectors},
                       {QStringLiteral("products"), products},
                       {QStringLiteral("deals"), deals},
                       {QStringLiteral("ties"), ties},
                       {QStringLiteral("figures"), figures}};
}

QJsonObject recordToJson(const Landscape &landscape, const Record &record)
{
    const Writer w(landscape, Style::Seed);
    return std::visit([&w](const auto &r) { return w.object(r); }, record);
}

struct RecordReader::Private
{
    Landscape scratch;
    Reader reader;
    explicit Private(const Landscape &context)
        : reader(scratch, context)
    {
        reader.m_strictCountry = true;
    }
};

RecordReader::RecordReader(const Landscape &context)
    : d(std::make_unique<Private>(context))
{}

RecordReader::~RecordReader() = default;

std::optional<Record> RecordReader::read(
        RecordKind kind, const QJsonObject &object, RowId id, QString *error, QString *member)
{
    const QString at = recordKindName(kind);
    std::optional<Record> out;
    try {
        QSet<QString> keys;
        switch (kind) {
        case RecordKind::Source:
            out = d->reader.readSource(object, at);
            break;
        case RecordKind::Organization:
            out = d->reader.readOrganization(object, at, id);
            break;
        case RecordKind::Sector:
            out = d->reader.readSector(object, at);
            break;
        case RecordKind::Product:
            out = d->reader.readProduct(object, at);
            break;
        case RecordKind::Deal:
            out = d->reader.readDeal(object, at);
            break;
        case RecordKind::Tie:
            out = d->reader.readTie(object, at, keys);
            break;
        case RecordKind::Figure:
            out = d->reader.readFigure(object, at, keys);
            break;
        }
    } catch (const ParseFailure &f) {
        // "tie.start: …" → member "start", message "…"; "tie: …" → no member.
        QString message = f.message;
        QString where;
        const qsizetype colon = message.indexOf(QLatin1String(": "));
        if (colon >= 0) {
            where = message.left(colon);
            message = message.mid(colon + 2);
        }
        const qsizetype dot = where.indexOf(QLatin1Char('.'));
        if (member)
            *member = dot >= 0 ? where.mid(dot + 1).section(QLatin1Char('.'), 0, 0) : QString();
        if (error)
            *error = message;
        return std::nullopt;
    }
    setRecordId(*out, id);
    return out;
}

std::optional<Record> recordFromJson(RecordKind kind,
                                     const QJsonObject &object,
                                     const Landscape &context,
                                     RowId id,
                                     QString *error,
                                     QString *member)
{
    return RecordReader(context).read(kind, object, id, error, member);
}

QList<HistoryEntry> describeChanges(const ChangeSet &changes,
                                    const Landscape &before,
                                    const Landscape &after)
{
    QList<HistoryEntry> out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString user = currentUserName();
    auto text = [](const QJsonValue &v) {
        if (v.isUndefined())
            return QString();
        return QString::fromUtf8(
                QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    };
    for (const RecordChange &c : changes.changes) {
        HistoryEntry base;
        base.at = now;
        base.user = user;
        base.action = changes.text;
        base.kind = c.kind();
        base.recordId = c.id();
        base.recordKey = recordKey(c.after ? *c.after : *c.before);
        base.recordTitle = c.after ? recordTitle(*c.after, after) : recordTitle(*c.before, before);
        const QJsonObject old = c.before ? recordToJson(before, *c.before) : QJsonObject();
        const QJsonObject fresh = c.after ? recordToJson(after, *c.after) : QJsonObject();
        if (!c.before || !c.after) {
            HistoryEntry e = base;
            e.oldValue = c.before ? text(old) : QString();
            e.newValue = c.after ? text(fresh) : QString();
            out.append(e);
            continue;
        }
        // Members in the order the format writes them: old ones first, then new ones.
        QStringList members = old.keys();
        for (const QString &k : fresh.keys())
            if (!members.contains(k))
                members.append(k);
        for (const QString &k : std::as_const(members)) {
            if (old.value(k) == fresh.value(k))
                continue;
            HistoryEntry e = base;
            e.field = k;
            e.oldValue = text(old.value(k));
            e.newValue = text(fresh.value(k));
            if (e.oldValue.isEmpty())
                e.oldValue = QStringLiteral("null");
            if (e.newValue.isEmpty())
                e.newValue = QStringLiteral("null");
            out.append(e);
        }
    }
    return out;
}

} // namespace EcoAtlas::LandscapeJson
