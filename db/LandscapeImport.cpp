// SPDX-License-Identifier: MIT
#include "LandscapeImport.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace EcoAtlas::LandscapeImport {

namespace {

/// A name as matching compares it: trimmed, inner spaces collapsed, case-folded.
QString folded(const QString &name)
{
    return name.simplified().toCaseFolded();
}

/// Ids and keys for the records an import adds: ids after the open landscape's, keys unique
/// within their kind (the file's own key when free, else the name's key with "-2", "-3" …).
class Allocator
{
public:
    explicit Allocator(const Landscape &current)
        : m_current(current)
    {
        for (RecordKind kind : kRecordKinds)
            m_next[kind] = maxRecordId(current, kind) + 1;
        auto keys = [this](RecordKind kind, const auto &list) {
            QSet<QString> &set = m_keys[kind];
            for (const auto &r : list)
                set.insert(r.key);
        };
        keys(RecordKind::Source, current.sources);
        keys(RecordKind::Organization, current.organizations);
        keys(RecordKind::Sector, current.sectors);
        keys(RecordKind::Product, current.products);
        keys(RecordKind::Deal, current.deals);
        keys(RecordKind::Tie, current.ties);
        keys(RecordKind::Figure, current.figures);
    }
    RowId id(RecordKind kind) { return m_next[kind]++; }
    QString key(RecordKind kind, const QString &wanted, const QString &name)
    {
        QSet<QString> &taken = m_keys[kind];
        QString base = wanted;
        if (base.isEmpty() || taken.contains(base)) {
            Landscape none;
            base = makeRecordKey(none, kind, name.isEmpty() ? wanted : name);
        }
        QString key = base;
        for (int n = 2; taken.contains(key); ++n)
            key = QStringLiteral("%1-%2").arg(base).arg(n);
        taken.insert(key);
        return key;
    }

private:
    const Landscape &m_current;
    QHash<RecordKind, RowId> m_next;
    QHash<RecordKind, QSet<QString>> m_keys;
};

/// What makes two ties the same tie: ends, kind, dates and what the tie says (two rounds of
/// one investor in one investee are two ties).
QString tieSignature(const Tie &t)
{
    return QStringList{t.kind,
                       QString::number(t.fromId),
                       QString::number(t.toId),
                       QString::number(t.sectorId),
                       t.start.toString(),
                       t.end.toString(),
                       t.amount.toDisplayString(),
                       t.units.toDisplayString(),
                       t.stake.toDisplayString(),
                       folded(t.round),
                       folded(t.chipModel),
                       t.service,
                       t.status,
                       folded(t.description)}
            .join(u'|');
}

QString figureSignature(const Figure &f)
{
    return QStringLiteral("%1|%2|%3").arg(f.subjectId).arg(folded(f.metric), f.asOf.toString());
}

QString counts(const QString &what, int added, int matched, const QString &matchedWord)
{
    return QStringLiteral("%1: %2 new, %3 %4").arg(what).arg(added).arg(matched).arg(matchedWord);
}

} // namespace

QStringList Report::lines() const
{
    QStringList out{
            counts(QStringLiteral("organizations"),
                   organizationsNew,
                   organizationsMatched,
                   QStringLiteral("matched")),
            counts(QStringLiteral("sources"),
                   sourcesNew,
                   sourcesMatched,
                   QStringLiteral("matched")),
            counts(QStringLiteral("sectors"),
                   sectorsNew,
                   sectorsMatched,
                   QStringLiteral("matched")),
            counts(QStringLiteral("products"),
                   productsNew,
                   productsMatched,
                   QStringLiteral("matched")),
            counts(QStringLiteral("deals"), dealsNew, dealsMatched, QStringLiteral("matched")),
            counts(QStringLiteral("ties"), tiesNew, tiesSkipped, QStringLiteral("skipped")),
            counts(QStringLiteral("figures"),
                   figuresNew,
                   figuresSkipped,
                   QStringLiteral("skipped"))};
    for (const auto &[incoming, existing] : matches)
        out << QStringLiteral("matched: %1 → %2").arg(incoming, existing);
    for (const QString &s : skipped)
        out << QStringLiteral("skipped: %1").arg(s);
    return out;
}

ChangeSet plan(const Landscape &current,
               const Landscape &incoming,
               const QString &name,
               Report *report)
{
    Report ignored;
    Report &r = report ? *report : ignored;
    r = Report();
    ChangeSet set;
    set.text = QStringLiteral("Import %1").arg(name);
    Allocator alloc(current);
    auto add = [&set](Record record) {
        RecordChange c;
        c.after = std::move(record);
        set.changes.append(c);
    };

    // Sources: by URL, or publisher and title.
    QHash<QString, RowId> sourceByUrl, sourceByTitle;
    for (const Source &s : current.sources) {
        if (!s.url.trimmed().isEmpty())
            sourceByUrl.insert(s.url.trimmed(), s.id);
        sourceByTitle.insert(folded(s.publisher) + u'|' + folded(s.title), s.id);
    }
    QHash<RowId, RowId> sourceMap;
    QList<Source> newSources;
    for (const Source &s : incoming.sources) {
        RowId found = s.url.trimmed().isEmpty() ? 0 : sourceByUrl.value(s.url.trimmed());
        if (!found)
            found = sourceByTitle.value(folded(s.publisher) + u'|' + folded(s.title));
        if (found) {
            sourceMap.insert(s.id, found);
            ++r.sourcesMatched;
            continue;
        }
        Source added = s;
        added.id = alloc.id(RecordKind::Source);
        added.key = alloc.key(RecordKind::Source, s.key, s.publisher + u' ' + s.title);
        sourceMap.insert(s.id, added.id);
        if (!s.url.trimmed().isEmpty())
            sourceByUrl.insert(s.url.trimmed(), added.id);
        sourceByTitle.insert(folded(s.publisher) + u'|' + folded(s.title), added.id);
        newSources.append(added);
        ++r.sourcesNew;
    }
    for (Source &s : newSources) {
        s.viaId = sourceMap.value(s.viaId);
        add(s);
    }
    auto mapSources = [&](const QList<RowId> &ids) {
        QList<RowId> out;
        for (RowId id : ids)
            if (const RowId m = sourceMap.value(id); m && !out.contains(m))
                out.append(m);
        return out;
    };

    // Organizations: by any name on either side.
    QHash<QString, RowId> orgByName;
    QHash<RowId, QString> orgNames;
    for (const Organization &o : current.organizations) {
        orgNames.insert(o.id, o.nameEn);
        for (const QString &n : QStringList{o.nameEn, o.nameZh} + o.aliases)
            if (!n.trimmed().isEmpty() && !orgByName.contains(folded(n)))
                orgByName.insert(folded(n), o.id);
    }
    QHash<RowId, RowId> orgMap;
    for (const Organization &o : incoming.organizations) {
        RowId found = 0;
        for (const QString &n : QStringList{o.nameEn, o.nameZh} + o.aliases) {
            if (n.trimmed().isEmpty())
                continue;
            found = orgByName.value(folded(n));
            if (found)
                break;
        }
        if (found) {
            orgMap.insert(o.id, found);
            ++r.organizationsMatched;
            if (orgNames.value(found) != o.nameEn)
                r.matches.append({o.nameEn, orgNames.value(found)});
            continue;
        }
        Organization added = o;
        added.id = alloc.id(RecordKind::Organization);
        added.key = alloc.key(RecordKind::Organization, o.key, o.nameEn);
        added.parentId = 0;
        orgMap.insert(o.id, added.id);
        orgNames.insert(added.id, added.nameEn);
        for (const QString &n : QStringList{o.nameEn, o.nameZh} + o.aliases)
            if (!n.trimmed().isEmpty() && !orgByName.contains(folded(n)))
                orgByName.insert(folded(n), added.id);
        add(added);
        ++r.organizationsNew;
    }

    // Sectors: by English or Chinese name.
    QHash<QString, RowId> sectorByName;
    for (const Sector &x : current.sectors)
        for (const QString &n : {x.nameEn, x.nameZh})
            if (!n.isEmpty())
                sectorByName.insert(folded(n), x.id);
    QHash<RowId, RowId> sectorMap;
    for (const Sector &x : incoming.sectors) {
        RowId found = sectorByName.value(folded(x.nameEn));
        if (!found && !x.nameZh.isEmpty())
            found = sectorByName.value(folded(x.nameZh));
        if (found) {
            sectorMap.insert(x.id, found);
            ++r.sectorsMatched;
            continue;
        }
        Sector added = x;
        added.id = alloc.id(RecordKind::Sector);
        added.key = alloc.key(RecordKind::Sector, x.key, x.nameEn);
        sectorMap.insert(x.id, added.id);
        sectorByName.insert(folded(x.nameEn), added.id);
        add(added);
        ++r.sectorsNew;
    }

    // Products: by owner and name.
    QHash<QString, RowId> productByName;
    for (const Product &p : current.products)
        productByName.insert(QString::number(p.ownerId) + u'|' + folded(p.nameEn), p.id);
    QHash<RowId, RowId> productMap;
    for (const Product &p : incoming.products) {
        const RowId owner = orgMap.value(p.ownerId);
        const QString signature = QString::number(owner) + u'|' + folded(p.nameEn);
        if (const RowId found = productByName.value(signature)) {
            productMap.insert(p.id, found);
            ++r.productsMatched;
            continue;
        }
        Product added = p;
        added.id = alloc.id(RecordKind::Product);
        added.key = alloc.key(RecordKind::Product, p.key, p.nameEn);
        added.ownerId = owner;
        added.sourceIds = mapSources(p.sourceIds);
        productMap.insert(p.id, added.id);
        productByName.insert(signature, added.id);
        add(added);
        ++r.productsNew;
    }

    // Deals: by title.
    QHash<QString, RowId> dealByTitle;
    for (const Deal &d : current.deals)
        dealByTitle.insert(folded(d.title), d.id);
    QHash<RowId, RowId> dealMap;
    for (const Deal &d : incoming.deals) {
        if (const RowId found = dealByTitle.value(folded(d.title))) {
            dealMap.insert(d.id, found);
            ++r.dealsMatched;
            continue;
        }
        Deal added = d;
        added.id = alloc.id(RecordKind::Deal);
        added.key = alloc.key(RecordKind::Deal, d.key, d.title);
        added.evidence.claimantId = orgMap.value(d.evidence.claimantId);
        added.sourceIds = mapSources(d.sourceIds);
        dealMap.insert(d.id, added.id);
        dealByTitle.insert(folded(d.title), added.id);
        add(added);
        ++r.dealsNew;
    }

    // Ties: skipped when the same tie is there.
    QSet<QString> tieSignatures;
    for (const Tie &t : current.ties)
        tieSignatures.insert(tieSignature(t));
    for (const Tie &t : incoming.ties) {
        Tie added = t;
        added.fromId = orgMap.value(t.fromId);
        added.toId = orgMap.value(t.toId);
        added.sectorId = sectorMap.value(t.sectorId);
        added.productId = productMap.value(t.productId);
        added.dealId = dealMap.value(t.dealId);
        added.evidence.claimantId = orgMap.value(t.evidence.claimantId);
        added.sourceIds = mapSources(t.sourceIds);
        const QString where = QStringLiteral("tie %1 (%2 → %3)")
                                      .arg(t.key,
                                           orgNames.value(added.fromId),
                                           t.sectorId ? incoming.tieTargetName(t)
                                                      : orgNames.value(added.toId));
        if (added.fromId == added.toId && !added.sectorId) {
            r.skipped << where + QStringLiteral(": both ends are the same organization here");
            ++r.tiesSkipped;
            continue;
        }
        const QString signature = tieSignature(added);
        if (tieSignatures.contains(signature)) {
            r.skipped << where + QStringLiteral(": already in the landscape");
            ++r.tiesSkipped;
            continue;
        }
        tieSignatures.insert(signature);
        added.id = alloc.id(RecordKind::Tie);
        added.key = alloc.key(RecordKind::Tie, t.key, t.kind);
        add(added);
        ++r.tiesNew;
    }

    // Figures: skipped when the same subject, metric and date are there.
    QSet<QString> figureSignatures;
    for (const Figure &f : current.figures)
        figureSignatures.insert(figureSignature(f));
    for (const Figure &f : incoming.figures) {
        Figure added = f;
        added.subjectId = orgMap.value(f.subjectId);
        added.productId = productMap.value(f.productId);
        added.evidence.claimantId = orgMap.value(f.evidence.claimantId);
        added.sourceIds = mapSources(f.sourceIds);
        const QString signature = figureSignature(added);
        if (figureSignatures.contains(signature)) {
            r.skipped << QStringLiteral("figure %1 (%2): already in the landscape")
                                 .arg(f.key, f.metric);
            ++r.figuresSkipped;
            continue;
        }
        figureSignatures.insert(signature);
        added.id = alloc.id(RecordKind::Figure);
        added.key = alloc.key(RecordKind::Figure, f.key, f.metric);
        add(added);
        ++r.figuresNew;
    }
    return set;
}

} // namespace EcoAtlas::LandscapeImport
