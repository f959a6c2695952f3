// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "NetworkGraph.h"
#include "SphereLayout.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace EcoAtlas {

class LandscapeDocument;
class TieModel;

/// The sphere-of-influence map without a view: who owns a sphere (organizations with the owner
/// role, by default cloud vendors), which ties make a client a member (by default hosting,
/// backing and serves — the sectors a vendor serves are its industry clients, with client id
/// -sectorId),
/// the time cursor (through a TieFilterModel), and the geometry laid out by layoutSpheres():
/// every client inside the regions of exactly the owners it is tied to.
///
/// The previous geometry is passed to each new layout, so clients that keep their owners stay
/// where they were when the date changes; owners the user dragged keep their fixed centre.
class SphereMapModel : public QObject
{
    Q_OBJECT
public:
    explicit SphereMapModel(LandscapeDocument *document, QObject *parent = nullptr);

    /// The role that makes an organization a sphere owner (default "cloud_vendor").
    void setOwnerRole(const QString &role);
    QString ownerRole() const { return m_ownerRole; }
    /// Tie kinds that count as membership (default: defaultMembershipKinds("cloud_vendor")).
    void setMembershipKinds(const QSet<QString> &kinds);
    QSet<QString> membershipKinds() const { return m_kinds; }
    /// The membership a map of `ownerRole` starts with: cloud vendors hosting, backing and
    /// serves; investors investment; chip vendors chip_order.
    static QSet<QString> defaultMembershipKinds(const QString &ownerRole);
    /// Evidence grades to keep (all by default).
    void setGradeVisible(EvidenceGrade grade, bool visible);
    bool isGradeVisible(EvidenceGrade grade) const { return m_ties->isGradeVisible(grade); }
    /// All grades at once (FigureOptions::grades).
    void setGrades(const GradeSet &grades);
    GradeSet grades() const { return m_ties->grades(); }
    /// Show organizations with a client role (model developer, industry client) that are tied
    /// to no owner in a strip apart (true) or hide them (false).
    void setShowApart(bool show);
    bool showApart() const { return m_showApart; }
    /// What sizes the client marks: nothing (all 7 px), money raised (disclosed investments
    /// received, in USD) or chips ordered (disclosed units). With a measure, every client
    /// reserves 12 px in the layout and the figure draws marks of 4–12 px, square-root scale.
    enum class ClientMeasure { None, MoneyRaised, ChipsOrdered };
    void setClientMeasure(ClientMeasure measure);
    ClientMeasure clientMeasure() const { return m_clientMeasure; }
    /// The measured value of client `i` (USD or chips; 0 when none or no measure).
    double clientValue(int i) const { return m_clientValues.value(i); }
    /// The largest clientValue() on the map (0 when none).
    double maxClientValue() const
    {
        double most = 0;
        for (double v : m_clientValues)
            most = std::max(most, v);
        return most;
    }

    /// Label language of clients and owners (label sizes depend on it).
    void setLabels(LabelLanguage labels);
    LabelLanguage labels() const { return m_labels; }
    /// The time cursor: the map as of `date` (invalid = all dates) on the given basis.
    void setAsOf(QDate date, ViewState::TimeBasis basis = ViewState::TimeBasis::Began);
    QDate asOf() const { return m_ties->asOf(); }
    /// Range mode: only memberships that started between `from` and the as-of date (see
    /// TieFilterModel::setRangeFrom); invalid = as of the date.
    void setRangeFrom(QDate from);
    QDate rangeFrom() const { return m_ties->rangeFrom(); }

    /// Measures a label in px: `owner` is true for owner labels. The renderer sets one that
    /// uses the figure fonts; the default estimates from the character count.
    using LabelMeasure = std::function<QSizeF(const QString &text, bool owner)>;
    void setLabelMeasure(LabelMeasure measure);

    /// Pins owner `ownerIndex`'s sphere at `center` (layout px) and lays the map out again.
    void moveOwner(int ownerIndex, const QPointF &center);
    /// Forgets dragged owners and the previous arrangement and lays the map out afresh.
    void resetLayout();
    /// The regions the user placed: owner organization id → centre (layout px). Stored in the
    /// landscape file like node positions (view "spheres") and read back when it opens.
    QHash<RowId, QPointF> fixedCenters() const { return m_fixedCenters; }
    /// Replaces the placed regions (undo of a move or a reset), stores them and lays out again.
    void setFixedCenters(const QHash<RowId, QPointF> &centers);

    const SphereInput &input() const { return m_input; }
    const SphereGeometry &geometry() const { return m_geometry; }
    /// Organization id of owner `i` / client `i` (the ids in input()).
    RowId ownerId(int i) const { return m_input.owners.at(i).id; }
    RowId clientId(int i) const { return m_input.clients.at(i).id; }
    /// The sector client `id` stands for (a negative client id), or nullptr for an organization.
    const Sector *sectorOf(qint64 clientId) const;
    /// The least sure grade among the memberships of client `i` (inferred before claimed
    /// before reported): how its mark is outlined.
    EvidenceGrade clientGrade(int i) const { return m_clientGrades.value(i); }
    const Landscape &landscape() const;
    /// The label text of an organization (or, for a negative id, a sector) in the current
    /// language.
    QString labelOf(RowId organizationId) const;
    /// The ties (ids) shown as memberships, for the source footer.
    QList<RowId> membershipTies() const { return m_membershipTies; }

signals:
    /// The map was laid out again.
    void geometryChanged();

private:
    void rebuild();

    LandscapeDocument *m_document;
    TieModel *m_tieModel;
    TieFilterModel *m_ties;
    QString m_ownerRole = QStringLiteral("cloud_vendor");
    QSet<QString> m_kinds = defaultMembershipKinds(QStringLiteral("cloud_vendor"));
    QList<EvidenceGrade> m_clientGrades;
    bool m_showApart = true;
    LabelLanguage m_labels = LabelLanguage::Both;
    QHash<RowId, QPointF> m_fixedCenters;
    void loadFixedCenters();
    void storeFixedCenters();
    LabelMeasure m_measure;
    SphereInput m_input;
    SphereGeometry m_geometry;
    QList<RowId> m_membershipTies;
    ClientMeasure m_clientMeasure = ClientMeasure::None;
    QList<double> m_clientValues;
};

} // namespace EcoAtlas
