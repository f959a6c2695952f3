// SPDX-License-Identifier: MIT
#include "SphereMapModel.h"

#include "LandscapeStore.h"

#include "CurrencyRates.h"
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"

#include <QMap>

#include <cmath>
#include <stdexcept>

namespace EcoAtlas {

namespace {

/// Rough label size when no renderer measured it: 0.6 em per Latin character, 1 em per CJK one.
QSizeF estimateLabel(const QString &text, bool owner)
{
    const double em = owner ? 15 : 12;
    double w = 0;
    for (QChar c : text)
        w += c.unicode() >= 0x2E80 ? em : 0.6 * em;
    return QSizeF(w + 4, em * 1.4);
}

bool isClientRole(const QStringList &roles)
{
    return roles.contains(QStringLiteral("model_developer"))
           || roles.contains(QStringLiteral("industry_client"));
}

} // namespace

SphereMapModel::SphereMapModel(LandscapeDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_tieModel(new TieModel(document, this))
    , m_ties(new TieFilterModel(&document->landscape(), this))
    , m_measure(estimateLabel)
{
    m_ties->setSourceModel(m_tieModel);
    m_ties->setKinds(m_kinds);
    connect(document, &LandscapeDocument::landscapeReset, this, [this] {
        m_ties->setLandscape(&m_document->landscape());
        loadFixedCenters();
        m_geometry = SphereGeometry();
        m_input = SphereInput();
        rebuild();
    });
    connect(document, &LandscapeDocument::landscapeChanged, this, [this] {
        m_ties->setLandscape(&m_document->landscape());
        rebuild();
    });
    loadFixedCenters();
    rebuild();
}

const Landscape &SphereMapModel::landscape() const
{
    return m_document->landscape();
}

void SphereMapModel::setOwnerRole(const QString &role)
{
    if (role == m_ownerRole)
        return;
    m_ownerRole = role;
    m_geometry = SphereGeometry(); // other owners: no previous layout to keep
    m_input = SphereInput();
    rebuild();
}

void SphereMapModel::setMembershipKinds(const QSet<QString> &kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    m_ties->setKinds(kinds);
    rebuild();
}

QSet<QString> SphereMapModel::defaultMembershipKinds(const QString &ownerRole)
{
    if (ownerRole == QLatin1String("investor"))
        return {QStringLiteral("investment")};
    if (ownerRole == QLatin1String("chip_vendor"))
        return {QStringLiteral("chip_order")};
    return {QStringLiteral("hosting"), QStringLiteral("backing"), QStringLiteral("serves")};
}

void SphereMapModel::setGradeVisible(EvidenceGrade grade, bool visible)
{
    GradeSet grades = m_ties->grades();
    grades[size_t(grade)] = visible;
    setGrades(grades);
}

void SphereMapModel::setGrades(const GradeSet &grades)
{
    if (grades == m_ties->grades())
        return;
    m_ties->setGrades(grades);
    rebuild();
}

const Sector *SphereMapModel::sectorOf(qint64 clientId) const
{
    return clientId < 0 ? landscape().sector(-clientId) : nullptr;
}

void SphereMapModel::setShowApart(bool show)
{
    if (show == m_showApart)
        return;
    m_showApart = show;
    rebuild();
}

void SphereMapModel::setClientMeasure(ClientMeasure measure)
{
    if (measure == m_clientMeasure)
        return;
    m_clientMeasure = measure;
    rebuild();
}

void SphereMapModel::setLabels(LabelLanguage labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    rebuild();
}

void SphereMapModel::setLabelMeasure(LabelMeasure measure)
{
    m_measure = measure ? std::move(measure) : LabelMeasure(estimateLabel);
    rebuild();
}

void SphereMapModel::setAsOf(QDate date, ViewState::TimeBasis basis)
{
    if (date == m_ties->asOf() && basis == m_ties->basis())
        return;
    m_ties->setAsOf(date, basis);
    rebuild();
}

void SphereMapModel::setRangeFrom(QDate from)
{
    if (from == m_ties->rangeFrom())
        return;
    m_ties->setRangeFrom(from);
    rebuild();
}

void SphereMapModel::moveOwner(int ownerIndex, const QPointF &center)
{
    if (ownerIndex < 0 || ownerIndex >= m_input.owners.size())
        return;
    QHash<RowId, QPointF> centers = m_fixedCenters;
    centers.insert(m_input.owners[ownerIndex].id, center);
    setFixedCenters(centers);
}

void SphereMapModel::setFixedCenters(const QHash<RowId, QPointF> &centers)
{
    m_fixedCenters = centers;
    storeFixedCenters();
    rebuild();
}

void SphereMapModel::loadFixedCenters()
{
    m_fixedCenters.clear();
    if (Database *db = m_document->database()) {
        const auto stored = LandscapeStore::loadPositions(*db, QStringLiteral("spheres"), nullptr);
        for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
            m_fixedCenters.insert(it.key(), it->pos);
    }
}

void SphereMapModel::storeFixedCenters()
{
    Database *db = m_document->database();
    if (!db || db->isReadOnly())
        return;
    QHash<RowId, LandscapeStore::NodePosition> positions;
    for (auto it = m_fixedCenters.constBegin(); it != m_fixedCenters.constEnd(); ++it)
        positions.insert(it.key(), {*it, true});
    LandscapeStore::savePositions(*db, QStringLiteral("spheres"), positions, nullptr);
}

void SphereMapModel::resetLayout()
{
    m_fixedCenters.clear();
    storeFixedCenters();
    m_geometry = SphereGeometry();
    m_input = SphereInput();
    rebuild();
}

QString SphereMapModel::labelOf(RowId organizationId) const
{
    if (const Sector *x = sectorOf(organizationId)) {
        switch (m_labels) {
        case LabelLanguage::English:
            return x->nameEn;
        case LabelLanguage::Chinese:
            return x->nameZh.isEmpty() ? x->nameEn : x->nameZh;
        case LabelLanguage::Both:
            return x->nameZh.isEmpty() ? x->nameEn
                                       : QStringLiteral("%1 %2").arg(x->nameEn, x->nameZh);
        }
    }
    const Organization *o = landscape().organization(organizationId);
    if (!o)
        return {};
    FigureOptions options;
    options.labels = m_labels;
    return options.name(*o);
}

void SphereMapModel::rebuild()
{
    const Landscape &l = landscape();
    SphereInput input;
    input.seed = 1;
    input.canvasHint = QSizeF(720, 480);
    QHash<RowId, int> ownerIndex;
    for (const Organization &o : l.organizations) {
        if (!o.roles.contains(m_ownerRole))
            continue;
        SphereInput::Owner owner;
        owner.id = o.id;
        owner.labelSize = m_measure(labelOf(o.id), true);
        if (m_fixedCenters.contains(o.id))
            owner.fixedCenter = m_fixedCenters.value(o.id);
        ownerIndex.insert(o.id, int(input.owners.size()));
        input.owners.append(owner);
    }
    // Memberships: the visible ties of the chosen kinds between an owner and a non-owner.
    // A sector served by an owner is a client with id -sectorId (sector ids are positive).
    QMap<RowId, QList<int>> owners;     // client id → owner indices, ordered by client id
    QHash<RowId, EvidenceGrade> grades; // client id → least sure membership grade
    m_membershipTies.clear();
    for (int r = 0; r < m_ties->rowCount(); ++r) {
        const Tie &t = l.ties.at(m_ties->mapToSource(m_ties->index(r, 0)).row());
        const bool fromOwner = ownerIndex.contains(t.fromId);
        const bool toOwner = ownerIndex.contains(t.toId);
        if (fromOwner == toOwner)
            continue; // owner–owner or neither: not a membership
        if (t.sectorId && !l.sector(t.sectorId))
            continue;
        const RowId client = t.sectorId ? -t.sectorId : fromOwner ? t.toId : t.fromId;
        const int owner = ownerIndex.value(fromOwner ? t.fromId : t.toId);
        if (!owners[client].contains(owner))
            owners[client].append(owner);
        const auto known = grades.constFind(client);
        if (known == grades.constEnd() || int(t.evidence.grade) > int(*known))
            grades.insert(client, t.evidence.grade);
        m_membershipTies.append(t.id);
    }
    if (m_showApart) {
        // Organizations in an owner's own group (Baidu for Baidu AI Cloud) are not clients.
        QSet<RowId> ownerGroups;
        for (const SphereInput::Owner &o : input.owners)
            ownerGroups.insert(OrganizationFilterModel::groupRoot(l, o.id));
        for (const Organization &o : l.organizations)
            if (!ownerIndex.contains(o.id) && isClientRole(o.roles) && !owners.contains(o.id)
                && !ownerGroups.contains(OrganizationFilterModel::groupRoot(l, o.id)))
                owners.insert(o.id, {});
    }
    // The client measure, over every tie (not only memberships): money raised, chips ordered.
    QHash<RowId, double> measure;
    if (m_clientMeasure != ClientMeasure::None) {
        for (const Tie &t : l.ties) {
            if (m_clientMeasure == ClientMeasure::MoneyRaised
                && t.kind == QLatin1String("investment") && t.amount.value)
                measure[t.toId] += CurrencyRates::convert(*t.amount.value,
                                                          t.amount.currency.isEmpty()
                                                                  ? QStringLiteral("USD")
                                                                  : t.amount.currency,
                                                          QStringLiteral("USD"))
                                           .value_or(0);
            if (m_clientMeasure == ClientMeasure::ChipsOrdered
                && t.kind == QLatin1String("chip_order") && t.units.value)
                measure[t.fromId] += *t.units.value;
        }
    }
    m_clientValues.clear();
    m_clientGrades.clear();
    for (auto it = owners.constBegin(); it != owners.constEnd(); ++it) {
        SphereInput::Client c;
        c.id = it.key();
        c.owners = *it;
        std::sort(c.owners.begin(), c.owners.end());
        const double value = measure.value(c.id);
        m_clientValues.append(value);
        m_clientGrades.append(grades.value(c.id, EvidenceGrade::Reported));
        // With a measure every client reserves the largest mark's room (12 px), so the layout
        // stays as tight and as verified as with equal marks; the figure draws each mark by
        // its value inside that room (SphereFigure::markRadius).
        c.radius = m_clientMeasure == ClientMeasure::None ? 7 : 12;
        c.labelSize = m_measure(labelOf(c.id), false);
        c.priority = double(c.owners.size());
        input.clients.append(c);
    }
    if (!m_input.owners.isEmpty() && m_geometry.ownerCenters.size() == m_input.owners.size())
        input.previous = m_geometry.toPrevious(m_input);
    try {
        m_geometry = layoutSpheres(input);
    } catch (const std::exception &e) {
        qWarning("EcoAtlas: the sphere map could not be laid out: %s", e.what());
        m_geometry = SphereGeometry();
        input = SphereInput();
    }
    m_input = input;
    emit geometryChanged();
}

} // namespace EcoAtlas
