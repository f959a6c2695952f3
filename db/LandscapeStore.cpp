// SPDX-License-Identifier: MIT
#include "LandscapeStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace EcoAtlas::LandscapeStore {

namespace {

QVariant nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant idOrNull(RowId id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant dateOrNull(const FuzzyDate &d)
{
    return nullIfEmpty(d.toString());
}

QVariant valueOrNull(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

/// Runs a SELECT and calls `row` for each result row; false with `*error` on failure.
template<typename F>
bool select(Database &db, const QString &sql, QString *error, F &&row)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        *error = QStringLiteral("reading the landscape failed: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next())
        row(q);
    return true;
}

struct DateReader
{
    QString *error;
    QStringList *all = nullptr; ///< every problem, when given
    bool ok = true;
    FuzzyDate operator()(const QVariant &v)
    {
        QString e;
        const FuzzyDate d = FuzzyDate::fromString(v.toString(), &e);
        if (!e.isEmpty()) {
            const QString message = QStringLiteral("the database holds a bad date: %1").arg(e);
            if (ok)
                *error = message;
            if (all)
                all->append(message);
            ok = false;
        }
        return d;
    }
};

/// Reads stored amounts and keeps the first problem: a value that is not a stored number
/// (a REAL column keeps text such as 'abc' or 'NaN'), not finite (9e999 is stored as
/// infinity), negative where only counts and sums of money are, an unknown qualifier, or a
/// qualifier that breaks "undisclosed if and only if there is no value".
struct AmountReader
{
    QString *error;
    QStringList *all = nullptr; ///< every problem, when given
    bool ok = true;
    Amount operator()(const QVariant &value,
                      const QVariant &currency,
                      const QVariant &qualifier,
                      const QString &where,
                      bool mayBeNegative = false)
    {
        Amount a;
        QString problem;
        const bool number = value.typeId() == QMetaType::Double
                            || value.typeId() == QMetaType::LongLong
                            || value.typeId() == QMetaType::Int;
        if (!value.isNull()) {
            if (!number)
                problem = QStringLiteral("'%1' is not a number").arg(value.toString().left(40));
            else if (!std::isfinite(value.toDouble()))
                problem = QStringLiteral("%1 is not a finite number").arg(value.toString());
            else if (value.toDouble() < 0 && !mayBeNegative)
                problem = QStringLiteral("%1 is negative").arg(value.toDouble());
            else
                a.value = value.toDouble();
        }
        a.currency = currency.toString();
        const std::optional<Amount::Qualifier> q = Amount::qualifierFromName(qualifier.toString());
        if (!qualifier.isNull() && !q && problem.isEmpty())
            problem = QStringLiteral("'%1' is not a qualifier").arg(qualifier.toString().left(40));
        a.qualifier = q.value_or(a.value ? Amount::Qualifier::Exact
                                         : Amount::Qualifier::Undisclosed);
        if (problem.isEmpty() && !value.isNull()
            && (a.qualifier == Amount::Qualifier::Undisclosed) != !a.value)
            problem = QStringLiteral("qualifier '%1' goes with no value, and only it with none")
                              .arg(Amount::qualifierName(Amount::Qualifier::Undisclosed));
        if (problem.isEmpty() && value.isNull() && a.qualifier != Amount::Qualifier::Undisclosed)
            problem = QStringLiteral("qualifier '%1' without a value")
                              .arg(Amount::qualifierName(a.qualifier));
        if (!problem.isEmpty()) {
            const QString message = QStringLiteral("the database holds a bad amount: %1: %2")
                                            .arg(where, problem);
            if (ok)
                *error = message;
            if (all)
                all->append(message);
            ok = false;
        }
        return a;
    }
};

QString qualifierOf(const Amount &a)
{
    return Amount::qualifierName(a.qualifier);
}

/// Reads the four evidence columns (evidence, claimant_id, rationale, caveat) from `first` on.
Evidence readEvidence(const QSqlQuery &q, int first)
{
    Evidence e;
    e.grade = evidenceGradeFromName(q.value(first).toString()).value_or(EvidenceGrade::Reported);
    e.claimantId = q.value(first + 1).toLongLong();
    e.rationale = q.value(first + 2).toString();
    e.caveat = q.value(first + 3).toString();
    return e;
}

/// The bind values of the four evidence columns.
QVariantList evidenceValues(const Evidence &e)
{
    return {evidenceGradeName(e.grade),
            idOrNull(e.claimantId),
            nullIfEmpty(e.rationale),
            nullIfEmpty(e.caveat)};
}

/// The first item whose evidence cannot be stored, as a message naming it, or empty.
QString evidenceProblems(const Landscape &l)
{
    auto check = [](const QString &what, const QString &key, const Evidence &e) {
        const QString p = e.problem();
        return p.isEmpty() ? p : QStringLiteral("%1 '%2': %3").arg(what, key, p);
    };
    for (const Tie &t : l.ties)
        if (const QString p = check(QStringLiteral("tie"), t.key, t.evidence); !p.isEmpty())
            return p;
    for (const Deal &d : l.deals)
        if (const QString p = check(QStringLiteral("deal"), d.key, d.evidence); !p.isEmpty())
            return p;
    for (const Figure &f : l.figures)
        if (const QString p = check(QStringLiteral("figure"), f.key, f.evidence); !p.isEmpty())
            return p;
    return {};
}

} // namespace

namespace {

/// load(), collecting every bad date and amount in `all` when given.
std::optional<Landscape> loadLandscape(Database &db, QString *error, QStringList *all)
{
    QString ignored;
    if (!error)
        error = &ignored;
    Landscape l;
    DateReader date{error, all};
    AmountReader amount{error, all};
    QHash<RowId, int> tieIndex, figureIndex, productIndex, dealIndex, orgIndex;
    bool ok = select(db, QStringLiteral("SELECT key, value FROM meta"), error, [&](QSqlQuery &q) {
        if (q.value(0).toString() == QLatin1String("title"))
            l.title = q.value(1).toString();
        else if (q.value(0).toString() == QLatin1String("description"))
            l.description = q.value(1).toString();
    });
    // Schema 3 files (read-only) have no website and retrieved_on columns yet.
    const bool v4 = db.schemaVersion() >= 4;
    ok = ok
         && select(db,
                   QStringLiteral("SELECT id, key, publisher, title, date, url, via_id, notes, %1 "
                                  "FROM source ORDER BY id")
                           .arg(v4 ? QStringLiteral("retrieved_on") : QStringLiteral("NULL")),
                   error,
                   [&](QSqlQuery &q) {
                       l.sources.append({q.value(0).toLongLong(),
                                         q.value(1).toString(),
                                         q.value(2).toString(),
                                         q.value(3).toString(),
                                         date(q.value(4)),
                                         q.value(5).toString(),
                                         q.value(6).toLongLong(),
                                         q.value(7).toString(),
                                         date(q.value(8))});
                   });
    ok = ok
         && select(db,
                   QStringLiteral("SELECT id, key, name_en, name_zh, country, notes, %1 "
                                  "FROM organization ORDER BY id")
                           .arg(v4 ? QStringLiteral("website") : QStringLiteral("NULL")),
                   error,
                   [&](QSqlQuery &q) {
                       Organization g;
                       g.id = q.value(0).toLongLong();
                       g.key = q.value(1).toString();
                       g.nameEn = q.value(2).toString();
                       g.nameZh = q.value(3).toString();
                       g.country = q.value(4).toString();
                       g.notes = q.value(5).toString();
                       g.website = q.value(6).toString();
                       orgIndex.insert(g.id, l.organizations.size());
                       l.organizations.append(g);
                   });
    ok = ok
         && select(db,
                   QStringLiteral("SELECT organization_id, alias FROM organization_alias "
                                  "ORDER BY organization_id, position"),
                   error,
                   [&](QSqlQuery &q) {
                       if (const auto it = orgIndex.constFind(q.value(0).toLongLong());
                           it != orgIndex.constEnd())
                           l.organizations[*it].aliases.append(q.value(1).toString());
                   });
    ok = ok
         && select(db,
                   QStringLiteral("SELECT organization_id, role FROM organization_role"),
                   error,
                   [&](QSqlQuery &q) {
                       if (const auto it = orgIndex.constFind(q.value(0).toLongLong());
                           it != orgIndex.constEnd())
                           l.organizations[*it].roles.append(q.value(1).toString());
                   });
    // Roles in vocabulary order, whatever order the rows came in.
    for (Organization &g : l.organizations) {
        std::sort(g.roles.begin(), g.roles.end(), [](const QString &a, const QString &b) {
            return Vocabulary::roles().indexOf(a) < Vocabulary::roles().indexOf(b);
        });
    }
    ok = ok
         && select(db,
                   QStringLiteral("SELECT id, key, name_en, name_zh, notes FROM sector "
                                  "ORDER BY id"),
                   error,
                   [&](QSqlQuery &q) {
                       l.sectors.append({q.value(0).toLongLong(),
                                         q.value(1).toString(),
                                         q.value(2).toString(),
                                         q.value(3).toString(),
                                         q.value(4).toString()});
                   });
    ok = ok
         && select(db,
                   QStringLiteral("SELECT id, key, owner_id, name_en, name_zh, kind, launched, "
                                  "notes FROM product ORDER BY id"),
                   error,
                   [&](QSqlQuery &q) {
                       Product p;
                       p.id = q.value(0).toLongLong();
                       p.key = q.value(1).toString();
                       p.ownerId = q.value(2).toLongLong();
                       p.nameEn = q.value(3).toString();
                       p.nameZh = q.value(4).toString();
                       p.kind = q.value(5).toString();
                       p.launched = date(q.value(6));
                       p.notes = q.value(7).toString();
                       productIndex.insert(p.id, l.products.size());
                       l.products.append(p);
                   });
    ok = ok
         && select(db,
                   QStringLiteral("SELECT id, key, title, amount, currency, amount_qualifier, "
                                  "units, units_qualifier, chip_model, notes, evidence, "
                                  "claimant_id, rationale, caveat, party_set FROM deal "
                                  "ORDER BY id"),
                   error,
                   [&](QSqlQuery &q) {
                       Deal d;
                       d.id = q.value(0).toLongLong();
                       d.key = q.value(1).toString();
                       d.title = q.value(2).toString();
                       const QString where = QStringLiteral("deal '%1'").arg(d.key);
                       d.amount = amount(q.value(3), q.value(4), q.value(5), where);
                       d.units = amount(
                               q.value(6), {}, q.value(7), where + QStringLiteral(" units"));
                       d.chipModel = q.value(8).toString();
                       d.notes = q.value(9).toString();
                       d.evidence = readEvidence(q, 10);
                       d.parties = partySetFromName(q.value(14).toString())
                                           .value_or(PartySet::Closed);
                       dealIndex.insert(d.id, l.deals.size());
                       l.deals.append(d);
                   });
    ok = ok
         && select(db,
                   QStringLiteral(
                           "SELECT t.id, t.key, t.kind, t.from_id, t.to_id, t.product_id, "
                           "t.deal_id, t.start_date, t.end_date, t.evidence, t.claimant_id, "
                           "t.rationale, t.caveat, t.description, h.service, i.amount, "
                           "i.currency, i.amount_qualifier, i.round, i.is_lead, c.chip_model, "
                           "c.units, c.units_qualifier, c.amount, c.currency, c.amount_qualifier, "
                           "c.status, c.status_date, c.delivery_date, t.sector_id, o.stake, "
                           "o.stake_qualifier, k.chip_model FROM tie t "
                           "LEFT JOIN hosting h ON h.tie_id = t.id "
                           "LEFT JOIN investment i ON i.tie_id = t.id "
                           "LEFT JOIN chip_order c ON c.tie_id = t.id "
                           "LEFT JOIN ownership o ON o.tie_id = t.id "
                           "LEFT JOIN compatibility k ON k.tie_id = t.id ORDER BY t.id"),
                   error,
                   [&](QSqlQuery &q) {
                       Tie t;
                       t.id = q.value(0).toLongLong();
                       t.key = q.value(1).toString();
                       t.kind = q.value(2).toString();
                       t.fromId = q.value(3).toLongLong();
                       t.toId = q.value(4).toLongLong();
                       t.productId = q.value(5).toLongLong();
                       t.dealId = q.value(6).toLongLong();
                       t.start = date(q.value(7));
                       t.end = date(q.value(8));
                       t.evidence = readEvidence(q, 9);
                       t.description = q.value(13).toString();
                       t.service = q.value(14).toString();
                       t.sectorId = q.value(29).toLongLong();
                       const QString where = QStringLiteral("tie '%1'").arg(t.key);
                       if (t.kind == QLatin1String("investment")) {
                           t.amount = amount(q.value(15), q.value(16), q.value(17), where);
                           t.round = q.value(18).toString();
                           if (!q.value(19).isNull())
                               t.lead = q.value(19).toBool();
                       } else if (t.kind == QLatin1String("chip_order")) {
                           t.chipModel = q.value(20).toString();
                           t.units = amount(
                                   q.value(21), {}, q.value(22), where + QStringLiteral(" units"));
                           t.amount = amount(q.value(23), q.value(24), q.value(25), where);
                           t.status = q.value(26).toString();
                           t.statusDate = date(q.value(27));
                           t.delivery = date(q.value(28));
                       } else if (t.kind == QLatin1String("ownership")) {
                           t.stake = amount(
                                   q.value(30), {}, q.value(31), where + QStringLiteral(" stake"));
                       } else if (t.kind == QLatin1String("compatibility")) {
                           t.chipModel = q.value(32).toString();
                       }
                       tieIndex.insert(t.id, l.ties.size());
                       l.ties.append(t);
                   });
    ok = ok
         && select(db,
                   QStringLiteral("SELECT id, key, subject_id, product_id, metric, value, "
                                  "currency, qualifier, unit, as_of, evidence, claimant_id, "
                                  "rationale, caveat, party_set, statement FROM figure "
                                  "ORDER BY id"),
                   error,
                   [&](QSqlQuery &q) {
                       Figure f;
                       f.id = q.value(0).toLongLong();
                       f.key = q.value(1).toString();
                       f.subjectId = q.value(2).toLongLong();
                       f.productId = q.value(3).toLongLong();
                       f.metric = q.value(4).toString();
                       // A figure may be negative (a loss, a decline); a count or sum may not.
                       f.value = amount(q.value(5),
                                        q.value(6),
                                        q.value(7),
                                        QStringLiteral("figure '%1'").arg(f.key),
                                        true);
                       f.unit = q.value(8).toString();
                       f.asOf = date(q.value(9));
                       f.evidence = readEvidence(q, 10);
                       f.parties = partySetFromName(q.value(14).toString())
                                           .value_or(PartySet::Closed);
                       f.statement = q.value(15).toString();
                       figureIndex.insert(f.id, l.figures.size());
                       l.figures.append(f);
                   });
    auto links = [&](const QString &table,
                     const QString &column,
                     auto &list,
                     const QHash<RowId, int> &index) {
        return select(
                db,
                QStringLiteral("SELECT %1, source_id FROM %2 ORDER BY rowid").arg(column, table),
                error,
                [&](QSqlQuery &q) {
                    if (const auto it = index.constFind(q.value(0).toLongLong());
                        it != index.constEnd())
                        list[*it].sourceIds.append(q.value(1).toLongLong());
                });
    };
    ok = ok && links(QStringLiteral("tie_source"), QStringLiteral("tie_id"), l.ties, tieIndex)
         && links(QStringLiteral("figure_source"),
                  QStringLiteral("figure_id"),
                  l.figures,
                  figureIndex)
         && links(QStringLiteral("product_source"),
                  QStringLiteral("product_id"),
                  l.products,
                  productIndex)
         && links(QStringLiteral("deal_source"), QStringLiteral("deal_id"), l.deals, dealIndex);
    if (!ok || !date.ok || !amount.ok)
        return std::nullopt;
    l.index();
    return l;
}

} // namespace

std::optional<Landscape> load(Database &db, QString *error)
{
    return loadLandscape(db, error, nullptr);
}

QStringList problems(Database &db)
{
    QString error;
    QStringList all;
    if (!loadLandscape(db, &error, &all) && all.isEmpty())
        all << error;
    return all;
}

namespace {

/// Writes records' rows: the main row (an upsert, so one routine serves new and changed
/// records and a changed record keeps every reference to it), then its kind rows, aliases,
/// roles and source links (replaced). `fresh`: the database holds none of these rows yet
/// (a bulk insert), so nothing needs replacing.
class RowWriter
{
public:
    RowWriter(QSqlDatabase c, bool fresh, QString *error)
        : m_c(std::move(c))
        , m_fresh(fresh)
        , m_error(error)
    {}

    bool write(const Source &s, bool withVia)
    {
        return upsert(QStringLiteral("source"),
                      {QStringLiteral("key"),
                       QStringLiteral("publisher"),
                       QStringLiteral("title"),
                       QStringLiteral("date"),
                       QStringLiteral("url"),
                       QStringLiteral("via_id"),
                       QStringLiteral("notes"),
                       QStringLiteral("retrieved_on")},
                      s.id,
                      {s.key,
                       s.publisher,
                       s.title,
                       dateOrNull(s.date),
                       nullIfEmpty(s.url),
                       idOrNull(withVia ? s.viaId : 0),
                       s.notes,
                       dateOrNull(s.retrievedOn)});
    }
    bool write(const Organization &g)
    {
        bool ok = upsert(QStringLiteral("organization"),
                         {QStringLiteral("key"),
                          QStringLiteral("name_en"),
                          QStringLiteral("name_zh"),
                          QStringLiteral("country"),
                          QStringLiteral("notes"),
                          QStringLiteral("website")},
                         g.id,
                         {g.key,
                          g.nameEn,
                          nullIfEmpty(g.nameZh),
                          nullIfEmpty(g.country),
                          g.notes,
                          nullIfEmpty(g.website)})
                  && clear(QStringLiteral("organization_alias"),
                           QStringLiteral("organization_id"),
                           g.id)
                  && clear(QStringLiteral("organization_role"),
                           QStringLiteral("organization_id"),
                           g.id);
        for (int i = 0; ok && i < g.aliases.size(); ++i)
            ok = run(QStringLiteral("INSERT INTO organization_alias (organization_id, alias, "
                                    "position) VALUES (?, ?, ?)"),
                     {g.id, g.aliases[i], i});
        for (const QString &role : g.roles)
            ok = ok
                 && run(QStringLiteral("INSERT INTO organization_role (organization_id, role) "
                                       "VALUES (?, ?)"),
                        {g.id, role});
        return ok;
    }
    bool write(const Sector &x)
    {
        return upsert(QStringLiteral("sector"),
                      {QStringLiteral("key"),
                       QStringLiteral("name_en"),
                       QStringLiteral("name_zh"),
                       QStringLiteral("notes")},
                      x.id,
                      {x.key, x.nameEn, nullIfEmpty(x.nameZh), x.notes});
    }
    bool write(const Product &p)
    {
        return upsert(QStringLiteral("product"),
                      {QStringLiteral("key"),
                       QStringLiteral("owner_id"),
                       QStringLiteral("name_en"),
                       QStringLiteral("name_zh"),
                       QStringLiteral("kind"),
                       QStringLiteral("launched"),
                       QStringLiteral("notes")},
                      p.id,
                      {p.key,
                       p.ownerId,
                       p.nameEn,
                       nullIfEmpty(p.nameZh),
                       p.kind,
                       dateOrNull(p.launched),
                       p.notes})
               && sourceLinks(QStringLiteral("product_source"),
                              QStringLiteral("product_id"),
                              p.id,
                              p.sourceIds);
    }
    bool write(const Deal &d)
    {
        return upsert(QStringLiteral("deal"),
                      {QStringLiteral("key"),
                       QStringLiteral("title"),
                       QStringLiteral("amount"),
                       QStringLiteral("currency"),
                       QStringLiteral("amount_qualifier"),
                       QStringLiteral("units"),
                       QStringLiteral("units_qualifier"),
                       QStringLiteral("chip_model"),
                       QStringLiteral("notes"),
                       QStringLiteral("party_set"),
                       QStringLiteral("evidence"),
                       QStringLiteral("claimant_id"),
                       QStringLiteral("rationale"),
                       QStringLiteral("caveat")},
                      d.id,
                      QVariantList{d.key,
                                   d.title,
                                   valueOrNull(d.amount.value),
                                   nullIfEmpty(d.amount.currency),
                                   qualifierOf(d.amount),
                                   valueOrNull(d.units.value),
                                   qualifierOf(d.units),
                                   nullIfEmpty(d.chipModel),
                                   d.notes,
                                   partySetName(d.parties)}
                              + evidenceValues(d.evidence))
               && sourceLinks(
                       QStringLiteral("deal_source"), QStringLiteral("deal_id"), d.id, d.sourceIds);
    }
    bool write(const Tie &t)
    {
        bool ok = upsert(QStringLiteral("tie"),
                         {QStringLiteral("key"),
                          QStringLiteral("kind"),
                          QStringLiteral("from_id"),
                          QStringLiteral("to_id"),
                          QStringLiteral("sector_id"),
                          QStringLiteral("product_id"),
                          QStringLiteral("deal_id"),
                          QStringLiteral("start_date"),
                          QStringLiteral("end_date"),
                          QStringLiteral("description"),
                          QStringLiteral("evidence"),
                          QStringLiteral("claimant_id"),
                          QStringLiteral("rationale"),
                          QStringLiteral("caveat")},
                         t.id,
                         QVariantList{t.key,
                                      t.kind,
                                      t.fromId,
                                      idOrNull(t.toId),
                                      idOrNull(t.sectorId),
                                      idOrNull(t.productId),
                                      idOrNull(t.dealId),
                                      dateOrNull(t.start),
                                      dateOrNull(t.end),
                                      t.description}
                                 + evidenceValues(t.evidence));
        // A changed tie may have changed kind: its old kind row goes.
        for (const char *table :
             {"hosting", "investment", "chip_order", "ownership", "compatibility"})
            ok = ok && clear(QString::fromLatin1(table), QStringLiteral("tie_id"), t.id);
        if (!ok)
            return false;
        if (t.kind == QLatin1String("hosting")) {
            ok = run(QStringLiteral("INSERT INTO hosting (tie_id, service) VALUES (?, ?)"),
                     {t.id, t.service});
        } else if (t.kind == QLatin1String("investment")) {
            ok = run(QStringLiteral("INSERT INTO investment (tie_id, amount, currency, "
                                    "amount_qualifier, round, is_lead) VALUES (?, ?, ?, ?, ?, ?)"),
                     {t.id,
                      valueOrNull(t.amount.value),
                      nullIfEmpty(t.amount.currency),
                      qualifierOf(t.amount),
                      nullIfEmpty(t.round),
                      t.lead ? QVariant(*t.lead ? 1 : 0) : QVariant(QMetaType(QMetaType::Int))});
        } else if (t.kind == QLatin1String("chip_order")) {
            ok = run(QStringLiteral("INSERT INTO chip_order (tie_id, chip_model, units, "
                                    "units_qualifier, amount, currency, amount_qualifier, "
                                    "status, status_date, delivery_date) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {t.id,
                      nullIfEmpty(t.chipModel),
                      valueOrNull(t.units.value),
                      qualifierOf(t.units),
                      valueOrNull(t.amount.value),
                      nullIfEmpty(t.amount.currency),
                      qualifierOf(t.amount),
                      t.status,
                      dateOrNull(t.statusDate),
                      dateOrNull(t.delivery)});
        } else if (t.kind == QLatin1String("ownership")) {
            // One row per ownership tie, as for every kind with its own table.
            ok = run(QStringLiteral("INSERT INTO ownership (tie_id, stake, stake_qualifier) "
                                    "VALUES (?, ?, ?)"),
                     {t.id, valueOrNull(t.stake.value), qualifierOf(t.stake)});
        } else if (t.kind == QLatin1String("compatibility")) {
            ok = run(QStringLiteral("INSERT INTO compatibility (tie_id, chip_model) VALUES (?, ?)"),
                     {t.id, nullIfEmpty(t.chipModel)});
        }
        return ok
               && sourceLinks(
                       QStringLiteral("tie_source"), QStringLiteral("tie_id"), t.id, t.sourceIds);
    }
    bool write(const Figure &f)
    {
        return upsert(QStringLiteral("figure"),
                      {QStringLiteral("key"),
                       QStringLiteral("subject_id"),
                       QStringLiteral("product_id"),
                       QStringLiteral("metric"),
                       QStringLiteral("value"),
                       QStringLiteral("currency"),
                       QStringLiteral("qualifier"),
                       QStringLiteral("unit"),
                       QStringLiteral("as_of"),
                       QStringLiteral("party_set"),
                       QStringLiteral("statement"),
                       QStringLiteral("evidence"),
                       QStringLiteral("claimant_id"),
                       QStringLiteral("rationale"),
                       QStringLiteral("caveat")},
                      f.id,
                      QVariantList{f.key,
                                   idOrNull(f.subjectId),
                                   idOrNull(f.productId),
                                   f.metric,
                                   valueOrNull(f.value.value),
                                   nullIfEmpty(f.value.currency),
                                   qualifierOf(f.value),
                                   nullIfEmpty(f.unit),
                                   dateOrNull(f.asOf),
                                   partySetName(f.parties),
                                   f.statement}
                              + evidenceValues(f.evidence))
               && sourceLinks(QStringLiteral("figure_source"),
                              QStringLiteral("figure_id"),
                              f.id,
                              f.sourceIds);
    }
    /// Writes any record (sources with their "via").
    bool write(const Record &record)
    {
        return std::visit(
                [this](const auto &r) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(r)>, Source>)
                        return write(r, true);
                    else
                        return write(r);
                },
                record);
    }
    /// Deletes the main row of a record (its kind rows, aliases and links go with it).
    bool remove(RecordKind kind, RowId id)
    {
        return run(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(recordKindName(kind)), {id});
    }

    bool run(const QString &sql, const QVariantList &bind)
    {
        return execSql(m_c, sql, m_error, bind);
    }

private:
    bool upsert(const QString &table,
                const QStringList &columns,
                RowId id,
                const QVariantList &values)
    {
        QStringList marks(columns.size() + 1, QStringLiteral("?"));
        QString sql = QStringLiteral("INSERT INTO %1 (id, %2) VALUES (%3)")
                              .arg(table,
                                   columns.join(QStringLiteral(", ")),
                                   marks.join(QStringLiteral(", ")));
        if (!m_fresh) {
            QStringList set;
            for (const QString &c : columns)
                set << QStringLiteral("%1 = excluded.%1").arg(c);
            sql += QStringLiteral(" ON CONFLICT(id) DO UPDATE SET ")
                   + set.join(QStringLiteral(", "));
        }
        return run(sql, QVariantList{id} + values);
    }
    bool clear(const QString &table, const QString &column, RowId id)
    {
        return m_fresh
               || run(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, column), {id});
    }
    bool sourceLinks(const QString &table,
                     const QString &column,
                     RowId id,
                     const QList<RowId> &sourceIds)
    {
        bool ok = clear(table, column, id);
        for (RowId s : sourceIds)
            ok = ok
                 && run(QStringLiteral("INSERT INTO %1 (%2, source_id) VALUES (?, ?)")
                                .arg(table, column),
                        {id, s});
        return ok;
    }

    QSqlDatabase m_c;
    bool m_fresh;
    QString *m_error;
};

} // namespace

bool insert(Database &db, const Landscape &l, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QSqlDatabase c = db.connection();
    {
        QSqlQuery q(c);
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM organization) + "
                                   "(SELECT count(*) FROM source)"))
            || !q.next()) {
            *error = q.lastError().text();
            return false;
        }
        if (q.value(0).toInt() > 0) {
            *error = QStringLiteral("the database already holds a landscape");
            return false;
        }
    }
    if (const QString problem = evidenceProblems(l); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return db.transaction(
            [&](QString *err) {
                RowWriter w(c, true, err);
                bool ok = w.run(QStringLiteral(
                                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                                {QStringLiteral("title"), l.title})
                          && w.run(
                                  QStringLiteral(
                                          "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                                  {QStringLiteral("description"), l.description});
                // Sources refer to each other within their table: insert the rows first, then
                // the self-references.
                for (const Source &s : l.sources)
                    ok = ok && w.write(s, false);
                for (const Source &s : l.sources) {
                    if (s.viaId)
                        ok = ok
                             && w.run(QStringLiteral("UPDATE source SET via_id = ? WHERE id = ?"),
                                      {s.viaId, s.id});
                }
                for (const Organization &g : l.organizations)
                    ok = ok && w.write(g);
                for (const Sector &x : l.sectors)
                    ok = ok && w.write(x);
                for (const Product &p : l.products)
                    ok = ok && w.write(p);
                for (const Deal &d : l.deals)
                    ok = ok && w.write(d);
                for (const Tie &t : l.ties)
                    ok = ok && w.write(t);
                for (const Figure &f : l.figures)
                    ok = ok && w.write(f);
                return ok;
            },
            error);
}

bool createFile(const QString &path, const Landscape &landscape, QString *error)
{
    return Database::createAtomically(
            path, [&](Database &db, QString *err) { return insert(db, landscape, err); }, error);
}

QHash<RowId, NodePosition> loadPositions(Database &db, const QString &view, QString *error)
{
    QHash<RowId, NodePosition> out;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral(
            "SELECT organization_id, x, y, pinned FROM node_position WHERE view = ?"));
    q.addBindValue(view);
    if (!q.exec()) {
        if (error)
            *error = QStringLiteral("reading node positions failed: %1").arg(q.lastError().text());
        return out;
    }
    while (q.next()) {
        // A REAL column keeps text it cannot convert ('abc', 'NaN'): only stored numbers count.
        const QVariant x = q.value(1), y = q.value(2);
        const auto isNumber = [](const QVariant &v) {
            return v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong
                   || v.typeId() == QMetaType::Int;
        };
        const QPointF pos(x.toDouble(), y.toDouble());
        if (isNumber(x) && isNumber(y) && isUsablePosition(pos))
            out.insert(q.value(0).toLongLong(), {pos, q.value(3).toBool()});
    }
    return out;
}

bool isUsablePosition(const QPointF &p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y()) && std::abs(p.x()) <= kMaxPositionCoordinate
           && std::abs(p.y()) <= kMaxPositionCoordinate;
}

bool savePositions(Database &db,
                   const QString &view,
                   const QHash<RowId, NodePosition> &positions,
                   QString *error)
{
    return db.transaction(
            [&](QString *err) {
                if (!execSql(db.connection(),
                             QStringLiteral("DELETE FROM node_position WHERE view = ?"),
                             err,
                             {view}))
                    return false;
                for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
                    if (!isUsablePosition(it->pos))
                        continue;
                    if (!execSql(db.connection(),
                                 QStringLiteral("INSERT INTO node_position (view, organization_id, "
                                                "x, y, pinned) VALUES (?, ?, ?, ?, ?)"),
                                 err,
                                 {view, it.key(), it->pos.x(), it->pos.y(), it->pinned ? 1 : 0}))
                        return false;
                }
                return true;
            },
            error);
}

bool apply(Database &db,
           const ChangeSet &changes,
           const QList<HistoryEntry> &history,
           QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (db.isReadOnly()) {
        *error = QStringLiteral("%1 is open read-only").arg(db.path());
        return false;
    }
    for (const RecordChange &c : changes.changes) {
        if (!c.before && !c.after) {
            *error = QStringLiteral("an empty change");
            return false;
        }
    }
    return db.transaction(
            [&](QString *err) {
                RowWriter w(db.connection(), false, err);
                auto name = [](const RecordChange &c) {
                    return QStringLiteral("%1 '%2'").arg(recordKindName(c.kind()),
                                                         recordKey(c.after ? *c.after : *c.before));
                };
                auto fail = [&](const RecordChange &c, const QString &verb) {
                    *err = QStringLiteral("%1 %2 failed: %3").arg(verb, name(c), *err);
                    return false;
                };
                // Adds and changes, kind by kind in dependency order.
                for (RecordKind kind : kRecordKinds) {
                    for (const RecordChange &c : changes.changes) {
                        if (!c.after || c.kind() != kind)
                            continue;
                        if (!w.write(*c.after))
                            return fail(c,
                                        c.before ? QStringLiteral("saving")
                                                 : QStringLiteral("adding"));
                        if (c.before)
                            continue;
                        for (auto it = c.positions.constBegin(); it != c.positions.constEnd();
                             ++it) {
                            if (!isUsablePosition(*it))
                                continue;
                            if (!w.run(QStringLiteral("INSERT OR REPLACE INTO node_position (view, "
                                                      "organization_id, x, y, pinned) VALUES "
                                                      "(?, ?, ?, ?, ?)"),
                                       {it.key(),
                                        c.id(),
                                        it->x(),
                                        it->y(),
                                        c.pinnedPositions.value(it.key()) ? 1 : 0}))
                                return fail(c, QStringLiteral("placing"));
                        }
                    }
                }
                // Deletes, in reverse dependency order.
                for (auto k = kRecordKinds.crbegin(); k != kRecordKinds.crend(); ++k) {
                    for (const RecordChange &c : changes.changes) {
                        if (c.after || c.kind() != *k)
                            continue;
                        if (!w.remove(c.kind(), c.id()))
                            return fail(c, QStringLiteral("deleting"));
                    }
                }
                // Foreign keys are on for every writable connection (Database::open): a
                // statement that would leave a dangling reference has failed above.
                // One action id for the entries of this call.
                QSqlQuery next(db.connection());
                if (!next.exec(QStringLiteral("SELECT coalesce(max(action_id), 0) + 1 FROM "
                                              "history"))
                    || !next.next()) {
                    *err = QStringLiteral("reading the history failed: %1")
                                   .arg(next.lastError().text());
                    return false;
                }
                const qint64 actionId = next.value(0).toLongLong();
                next.finish();
                for (const HistoryEntry &e : history) {
                    if (!w.run(QStringLiteral(
                                       "INSERT INTO history (action_id, at, user, action, "
                                       "record_kind, record_id, record_key, record_title, field, "
                                       "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                       "?, ?)"),
                               {actionId,
                                e.at.toUTC().toString(Qt::ISODateWithMs),
                                e.user,
                                e.action,
                                recordKindName(e.kind),
                                e.recordId,
                                e.recordKey,
                                e.recordTitle,
                                e.field.isEmpty() ? QStringLiteral("") : e.field,
                                nullIfEmpty(e.oldValue),
                                nullIfEmpty(e.newValue)})) {
                        *err = QStringLiteral("recording the history failed: %1").arg(*err);
                        return false;
                    }
                }
                return true;
            },
            error);
}

QList<HistoryEntry> loadHistory(Database &db, QString *error, int limit)
{
    QList<HistoryEntry> out;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    const QString sql = QStringLiteral(
            "SELECT id, action_id, at, user, action, record_kind, record_id, record_key, "
            "record_title, field, old_value, new_value FROM history ORDER BY id");
    const QString limited = QStringLiteral("SELECT * FROM (SELECT id, action_id, at, user, action, "
                                           "record_kind, record_id, record_key, record_title, "
                                           "field, old_value, new_value FROM history ORDER BY id "
                                           "DESC LIMIT %1) ORDER BY id")
                                    .arg(limit);
    if (db.schemaVersion() < 4)
        return out;
    if (!q.exec(limit > 0 ? limited : sql)) {
        if (error)
            *error = QStringLiteral("reading the history failed: %1").arg(q.lastError().text());
        return out;
    }
    while (q.next()) {
        HistoryEntry e;
        e.id = q.value(0).toLongLong();
        e.actionId = q.value(1).toLongLong();
        e.at = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        e.user = q.value(3).toString();
        e.action = q.value(4).toString();
        e.kind = recordKindFromName(q.value(5).toString()).value_or(RecordKind::Organization);
        e.recordId = q.value(6).toLongLong();
        e.recordKey = q.value(7).toString();
        e.recordTitle = q.value(8).toString();
        e.field = q.value(9).toString();
        e.oldValue = q.value(10).toString();
        e.newValue = q.value(11).toString();
        out.append(e);
    }
    return out;
}

QHash<QString, std::pair<QPointF, bool>> positionsOf(Database &db, RowId id)
{
    QHash<QString, std::pair<QPointF, bool>> out;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT view, x, y, pinned FROM node_position WHERE "
                             "organization_id = ?"));
    q.addBindValue(id);
    if (q.exec()) {
        while (q.next()) {
            const QPointF p(q.value(1).toDouble(), q.value(2).toDouble());
            if (isUsablePosition(p))
                out.insert(q.value(0).toString(), {p, q.value(3).toBool()});
        }
    }
    return out;
}

} // namespace EcoAtlas::LandscapeStore
