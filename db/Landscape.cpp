// SPDX-License-Identifier: MIT
#include "Landscape.h"

#include <utility>

namespace EcoAtlas {

namespace Vocabulary {

const QStringList &roles()
{
    static const QStringList v{QStringLiteral("cloud_vendor"),
                               QStringLiteral("chip_vendor"),
                               QStringLiteral("model_developer"),
                               QStringLiteral("industry_client"),
                               QStringLiteral("investor"),
                               QStringLiteral("government"),
                               QStringLiteral("other")};
    return v;
}

const QStringList &tieKinds()
{
    static const QStringList v{QStringLiteral("hosting"),
                               QStringLiteral("investment"),
                               QStringLiteral("chip_order"),
                               QStringLiteral("partnership"),
                               QStringLiteral("ownership"),
                               QStringLiteral("backing"),
                               QStringLiteral("compatibility"),
                               QStringLiteral("serves")};
    return v;
}

const QStringList &hostingServices()
{
    static const QStringList v{QStringLiteral("training"),
                               QStringLiteral("inference"),
                               QStringLiteral("vector_database"),
                               QStringLiteral("computing_cluster"),
                               QStringLiteral("development_platform"),
                               QStringLiteral("general")};
    return v;
}

const QStringList &chipOrderStatuses()
{
    static const QStringList v{QStringLiteral("ordered"),
                               QStringLiteral("delivered"),
                               QStringLiteral("at_risk"),
                               QStringLiteral("cancelled")};
    return v;
}

const QStringList &productKinds()
{
    static const QStringList v{QStringLiteral("model_platform"),
                               QStringLiteral("ai_platform"),
                               QStringLiteral("community"),
                               QStringLiteral("computing_cluster"),
                               QStringLiteral("database"),
                               QStringLiteral("model"),
                               QStringLiteral("chip"),
                               QStringLiteral("other")};
    return v;
}

QString label(const QString &name)
{
    static const QHash<QString, QString> special{
            {QStringLiteral("chip_order"), QStringLiteral("Chip order")},
            {QStringLiteral("at_risk"), QStringLiteral("At risk")},
            {QStringLiteral("ai_platform"), QStringLiteral("AI platform")},
            {QStringLiteral("up_to"), QStringLiteral("Up to")},
    };
    if (const auto it = special.constFind(name); it != special.constEnd())
        return *it;
    if (name.isEmpty())
        return name;
    QString text = name;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text;
}

} // namespace Vocabulary

QString evidenceGradeName(EvidenceGrade grade)
{
    return evidenceGradeNames().at(int(grade));
}

const QStringList &evidenceGradeNames()
{
    static const QStringList v{
            QStringLiteral("reported"), QStringLiteral("claimed"), QStringLiteral("inferred")};
    return v;
}

std::optional<EvidenceGrade> evidenceGradeFromName(const QString &name)
{
    const int i = evidenceGradeNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return EvidenceGrade(i);
}

QString evidenceGradeLabel(EvidenceGrade grade)
{
    switch (grade) {
    case EvidenceGrade::Reported:
        return QStringLiteral("Reported");
    case EvidenceGrade::Claimed:
        return QStringLiteral("Claimed");
    case EvidenceGrade::Inferred:
        return QStringLiteral("Inferred");
    }
    return {};
}

QString evidenceGradeStyleLabel(EvidenceGrade grade)
{
    switch (grade) {
    case EvidenceGrade::Reported:
        return QStringLiteral("solid");
    case EvidenceGrade::Claimed:
        return QStringLiteral("dashed");
    case EvidenceGrade::Inferred:
        return QStringLiteral("dotted, lighter");
    }
    return {};
}

QString Evidence::problem() const
{
    if (grade == EvidenceGrade::Claimed && !claimantId)
        return QStringLiteral("a claimed item needs a claimant (the party that says it)");
    if (grade == EvidenceGrade::Inferred && rationale.trimmed().isEmpty())
        return QStringLiteral("an inferred item needs a rationale (why the sources support it)");
    return {};
}

QString partySetName(PartySet set)
{
    return set == PartySet::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

std::optional<PartySet> partySetFromName(const QString &name)
{
    if (name == QLatin1String("open"))
        return PartySet::Open;
    if (name == QLatin1String("closed"))
        return PartySet::Closed;
    return std::nullopt;
}

QString Organization::displayName() const
{
    if (nameZh.isEmpty())
        return nameEn;
    return QStringLiteral("%1 (%2)").arg(nameEn, nameZh);
}

void Landscape::index()
{
    m_orgIndex.clear();
    m_sourceIndex.clear();
    m_productIndex.clear();
    m_dealIndex.clear();
    m_sectorIndex.clear();
    m_tieIndex.clear();
    m_figureIndex.clear();
    m_orgKeyIndex.clear();
    for (int i = 0; i < organizations.size(); ++i) {
        m_orgIndex.insert(organizations[i].id, i);
        m_orgKeyIndex.insert(organizations[i].key, i);
    }
    for (int i = 0; i < sources.size(); ++i)
        m_sourceIndex.insert(sources[i].id, i);
    for (int i = 0; i < products.size(); ++i)
        m_productIndex.insert(products[i].id, i);
    for (int i = 0; i < deals.size(); ++i)
        m_dealIndex.insert(deals[i].id, i);
    for (int i = 0; i < sectors.size(); ++i)
        m_sectorIndex.insert(sectors[i].id, i);
    for (int i = 0; i < ties.size(); ++i)
        m_tieIndex.insert(ties[i].id, i);
    for (int i = 0; i < figures.size(); ++i)
        m_figureIndex.insert(figures[i].id, i);
    // One truth for parents: the ownership ties (the first by id wins).
    QHash<RowId, std::pair<RowId, RowId>> parents; // child → (tie id, parent id)
    for (const Tie &t : std::as_const(ties)) {
        if (t.kind != QLatin1String("ownership") || !t.toId || t.fromId == t.toId)
            continue;
        const auto it = parents.constFind(t.toId);
        if (it == parents.constEnd() || t.id < it->first)
            parents.insert(t.toId, {t.id, t.fromId});
    }
    for (Organization &o : organizations)
        o.parentId = parents.value(o.id, {0, 0}).second;
}

namespace {
template<typename T>
const T *lookup(const QHash<RowId, int> &index, const QList<T> &list, RowId id)
{
    const auto it = index.constFind(id);
    return it == index.constEnd() ? nullptr : &list.at(*it);
}
} // namespace

const Organization *Landscape::organization(RowId id) const
{
    return lookup(m_orgIndex, organizations, id);
}

const Source *Landscape::source(RowId id) const
{
    return lookup(m_sourceIndex, sources, id);
}

const Product *Landscape::product(RowId id) const
{
    return lookup(m_productIndex, products, id);
}

QString Landscape::organizationName(RowId id) const
{
    const Organization *o = organization(id);
    return o ? o->nameEn : QString();
}

QString Landscape::tieTargetName(const Tie &tie) const
{
    if (tie.sectorId) {
        const Sector *s = sector(tie.sectorId);
        return s ? s->nameEn : QString();
    }
    return organizationName(tie.toId);
}

QString Landscape::evidenceText(const Evidence &e) const
{
    QString text;
    switch (e.grade) {
    case EvidenceGrade::Reported:
        break;
    case EvidenceGrade::Claimed:
        text = e.claimantId ? QStringLiteral("claimed by %1").arg(organizationName(e.claimantId))
                            : QStringLiteral("claimed");
        break;
    case EvidenceGrade::Inferred:
        text = e.rationale.isEmpty() ? QStringLiteral("inferred")
                                     : QStringLiteral("inferred: %1").arg(e.rationale);
        break;
    }
    if (!e.caveat.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("; "))
                + QStringLiteral("caveat: %1").arg(e.caveat);
    return text;
}

const Deal *Landscape::deal(RowId id) const
{
    return lookup(m_dealIndex, deals, id);
}

const Tie *Landscape::tie(RowId id) const
{
    return lookup(m_tieIndex, ties, id);
}

const Figure *Landscape::figure(RowId id) const
{
    return lookup(m_figureIndex, figures, id);
}

const Sector *Landscape::sector(RowId id) const
{
    return lookup(m_sectorIndex, sectors, id);
}

const Organization *Landscape::organizationByKey(const QString &key) const
{
    const auto it = m_orgKeyIndex.constFind(key);
    return it == m_orgKeyIndex.constEnd() ? nullptr : &organizations.at(*it);
}

} // namespace EcoAtlas
