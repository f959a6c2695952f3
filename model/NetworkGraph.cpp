// SPDX-License-Identifier: MIT
#include "NetworkGraph.h"

#include "CurrencyRates.h"
#include "LandscapeTableModels.h"
#include "TimeFilter.h"

#include <QHash>

#include <cmath>

namespace EcoAtlas {

// ---------------------------------------------------------------------------------------------

TieFilterModel::TieFilterModel(const Landscape *landscape, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_landscape(landscape)
{
    m_kinds = QSet<QString>(Vocabulary::tieKinds().begin(), Vocabulary::tieKinds().end());
}

void TieFilterModel::setKinds(const QSet<QString> &kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    invalidateFilter();
}

void TieFilterModel::setGradeVisible(EvidenceGrade grade, bool visible)
{
    GradeSet grades = m_grades;
    grades[size_t(grade)] = visible;
    setGrades(grades);
}

void TieFilterModel::setGrades(const GradeSet &grades)
{
    if (grades == m_grades)
        return;
    m_grades = grades;
    invalidateFilter();
}

void TieFilterModel::setAsOf(QDate date, ViewState::TimeBasis basis)
{
    if (date == m_asOf && basis == m_basis)
        return;
    m_asOf = date;
    m_basis = basis;
    invalidateFilter();
}

void TieFilterModel::setRangeFrom(QDate from)
{
    if (from == m_rangeFrom)
        return;
    m_rangeFrom = from;
    invalidateFilter();
}

void TieFilterModel::setLandscape(const Landscape *landscape)
{
    m_landscape = landscape;
    invalidateFilter();
}

FuzzyDate TieFilterModel::publicationDate(const Landscape &landscape, const Tie &tie)
{
    FuzzyDate earliest;
    for (RowId id : tie.sourceIds) {
        const Source *s = landscape.source(id);
        if (s && s->date.isValid()
            && (!earliest.isValid() || s->date.earliest() < earliest.earliest()))
            earliest = s->date;
    }
    return earliest;
}

bool TieFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_landscape || sourceParent.isValid() || sourceRow >= m_landscape->ties.size())
        return false;
    const Tie &t = m_landscape->ties.at(sourceRow);
    if (!m_kinds.contains(t.kind) || !m_grades[size_t(t.evidence.grade)])
        return false;
    const bool range = m_rangeFrom.isValid() && m_asOf.isValid();
    if (m_basis == ViewState::TimeBasis::Began)
        return range ? TimeFilter::startedWithin(t, m_rangeFrom, m_asOf)
                     : TimeFilter::isVisible(t, m_asOf);
    // As it was known: a tie counts once its earliest source was out.
    Tie known = t;
    known.start = publicationDate(*m_landscape, t);
    return range ? TimeFilter::startedWithin(known, m_rangeFrom, m_asOf)
                 : TimeFilter::isVisible(known, m_asOf);
}

// ---------------------------------------------------------------------------------------------

OrganizationFilterModel::OrganizationFilterModel(const Landscape *landscape, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_landscape(landscape)
{
    m_roles = QSet<QString>(Vocabulary::roles().begin(), Vocabulary::roles().end());
}

void OrganizationFilterModel::setRoles(const QSet<QString> &roles)
{
    if (roles == m_roles)
        return;
    m_roles = roles;
    invalidateFilter();
}

void OrganizationFilterModel::setGroup(RowId groupId)
{
    if (groupId == m_group)
        return;
    m_group = groupId;
    invalidateFilter();
}

void OrganizationFilterModel::setLandscape(const Landscape *landscape)
{
    m_landscape = landscape;
    invalidateFilter();
}

RowId OrganizationFilterModel::groupRoot(const Landscape &landscape, RowId id)
{
    RowId current = id;
    for (int steps = 0; steps < 64; ++steps) {
        const Organization *o = landscape.organization(current);
        if (!o || !o->parentId || o->parentId == id)
            return current;
        current = o->parentId;
    }
    return current;
}

bool OrganizationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_landscape || sourceParent.isValid() || sourceRow >= m_landscape->organizations.size())
        return false;
    const Organization &o = m_landscape->organizations.at(sourceRow);
    if (m_group && groupRoot(*m_landscape, o.id) != m_group)
        return false;
    return acceptsRoles(o);
}

bool OrganizationFilterModel::acceptsRoles(const Organization &o) const
{
    if (o.roles.isEmpty())
        return true;
    for (const QString &r : o.roles)
        if (m_roles.contains(r))
            return true;
    return false;
}

// ---------------------------------------------------------------------------------------------

int NetworkGraph::indexOfOrganization(RowId id) const
{
    if (id == 0)
        return -1; // sector and product nodes have organizationId 0: "no selection" is none
    for (int i = 0; i < nodes.size(); ++i)
        if (nodes[i].organizationId == id)
            return i;
    return -1;
}

QList<int> NetworkGraph::neighbours(int index) const
{
    QList<int> out;
    for (const NetworkEdge &e : edges) {
        if (e.from == index && !out.contains(e.to))
            out.append(e.to);
        else if (e.to == index && !out.contains(e.from))
            out.append(e.from);
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

double usd(const Amount &a)
{
    if (!a.value)
        return 0;
    return CurrencyRates::convert(*a.value,
                                  a.currency.isEmpty() ? QStringLiteral("USD") : a.currency,
                                  QStringLiteral("USD"))
            .value_or(0);
}

bool isPlatformKind(const QString &kind)
{
    return kind == QLatin1String("model_platform") || kind == QLatin1String("ai_platform")
           || kind == QLatin1String("community");
}

} // namespace

NetworkGraph NetworkGraph::build(const Landscape &l,
                                 const QAbstractItemModel &organizations,
                                 const TieFilterModel &ties,
                                 SizeMeasure measure,
                                 bool groupSubsidiaries,
                                 bool includeIsolated)
{
    NetworkGraph g;
    QSet<RowId> visibleOrgs;
    for (int r = 0; r < organizations.rowCount(); ++r)
        visibleOrgs.insert(organizations.index(r, 0).data(ModelRole::Id).toLongLong());

    // Ties whose two ends are visible. With a group chosen, also the group's ties to
    // organizations outside it (that pass the role filter), which join as its partners: a
    // group shown alone would have no ties but its ownership ones.
    const auto *orgFilter = qobject_cast<const OrganizationFilterModel *>(&organizations);
    const bool group = orgFilter && orgFilter->group();
    QSet<RowId> partners;
    QList<const Tie *> shown;
    for (int r = 0; r < ties.rowCount(); ++r) {
        const int row = ties.mapToSource(ties.index(r, 0)).row();
        const Tie &t = l.ties.at(row);
        const bool fromIn = visibleOrgs.contains(t.fromId);
        // A sector is no organization: a "serves" tie shows with its vendor.
        const bool toIn = t.sectorId ? fromIn : visibleOrgs.contains(t.toId);
        if (fromIn && toIn) {
            shown.append(&t);
        } else if (group && !t.sectorId && fromIn != toIn) {
            const Organization *other = l.organization(fromIn ? t.toId : t.fromId);
            if (other && orgFilter->acceptsRoles(*other)) {
                shown.append(&t);
                partners.insert(other->id);
            }
        }
    }
    visibleOrgs.unite(partners);
    const bool platforms = ties.kinds().contains(QStringLiteral("platform"));
    QSet<RowId> used;
    QList<RowId> sectorsUsed;
    for (const Tie *t : shown) {
        used << t->fromId << t->toId;
        if (t->sectorId && !sectorsUsed.contains(t->sectorId))
            sectorsUsed << t->sectorId;
    }
    if (platforms)
        for (const Product &p : l.products)
            if (isPlatformKind(p.kind) && visibleOrgs.contains(p.ownerId))
                used << p.ownerId;

    QHash<RowId, int> indexOf;
    for (const Organization &o : l.organizations) {
        if (!visibleOrgs.contains(o.id) || (!includeIsolated && !used.contains(o.id)))
            continue;
        NetworkNode n;
        n.organizationId = o.id;
        n.nameEn = o.nameEn;
        n.nameZh = o.nameZh;
        n.aliases = o.aliases;
        n.roles = o.roles;
        indexOf.insert(o.id, int(g.nodes.size()));
        g.nodes.append(n);
    }
    QHash<RowId, int> sectorIndex;
    for (const Sector &x : l.sectors) {
        if (!sectorsUsed.contains(x.id))
            continue;
        NetworkNode n;
        n.sectorId = x.id;
        n.nameEn = x.nameEn;
        n.nameZh = x.nameZh;
        sectorIndex.insert(x.id, int(g.nodes.size()));
        g.nodes.append(n);
    }
    for (const Tie *t : shown) {
        if (t->sectorId && !sectorIndex.contains(t->sectorId))
            continue; // a serves tie to a sector that does not exist
        NetworkEdge e;
        e.from = indexOf.value(t->fromId);
        e.to = t->sectorId ? sectorIndex.value(t->sectorId) : indexOf.value(t->toId);
        e.tieId = t->id;
        e.kind = t->kind;
        e.grade = t->evidence.grade;
        e.undated = !t->start.isValid();
        e.status = t->status;
        e.amountUsd = usd(t->amount);
        e.units = t->units.value.value_or(0);
        e.sourceIds = t->sourceIds;
        g.edges.append(e);
    }
    if (platforms) {
        for (const Product &p : l.products) {
            if (!isPlatformKind(p.kind) || !indexOf.contains(p.ownerId))
                continue;
            NetworkNode n;
            n.productId = p.id;
            n.nameEn = p.nameEn;
            n.nameZh = p.nameZh;
            g.nodes.append(n);
            NetworkEdge e;
            e.from = indexOf.value(p.ownerId);
            e.to = int(g.nodes.size()) - 1;
            e.kind = QStringLiteral("platform");
            e.undated = !p.launched.isValid();
            e.sourceIds = p.sourceIds;
            g.edges.append(e);
        }
    }

    // Measures and radii.
    for (const NetworkEdge &e : g.edges) {
        NetworkNode &from = g.nodes[e.from];
        switch (measure) {
        case SizeMeasure::Degree:
            from.measure += 1;
            g.nodes[e.to].measure += 1;
            break;
        case SizeMeasure::MoneyInvested:
            if (e.kind == QLatin1String("investment"))
                from.measure += e.amountUsd;
            break;
        case SizeMeasure::ChipsOrdered:
            if (e.kind == QLatin1String("chip_order"))
                from.measure += e.units;
            break;
        case SizeMeasure::ClientsHosted:
            if (e.kind == QLatin1String("hosting"))
                from.measure += 1;
            break;
        }
    }
    double maxMeasure = 0;
    for (const NetworkNode &n : g.nodes)
        maxMeasure = std::max(maxMeasure, n.measure);
    for (NetworkNode &n : g.nodes) {
        const double f = maxMeasure > 0 ? std::sqrt(n.measure / maxMeasure) : 0;
        n.radius = n.productId ? 6 : n.sectorId ? 9 : 8 + 20 * f;
    }

    // Groups: parents with their subsidiaries.
    if (groupSubsidiaries) {
        QHash<RowId, int> groupIndex;
        QHash<RowId, int> members;
        for (const NetworkNode &n : g.nodes)
            if (n.organizationId)
                members[OrganizationFilterModel::groupRoot(l, n.organizationId)] += 1;
        for (NetworkNode &n : g.nodes) {
            if (!n.organizationId)
                continue;
            const RowId root = OrganizationFilterModel::groupRoot(l, n.organizationId);
            if (members.value(root) < 2)
                continue;
            if (!groupIndex.contains(root))
                groupIndex.insert(root, int(groupIndex.size()));
            n.group = groupIndex.value(root);
        }
    }
    return g;
}

} // namespace EcoAtlas
