// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "ViewState.h"

#include <QDate>
#include <QSet>
#include <QSortFilterProxyModel>

namespace EcoAtlas {

class OrganizationModel;
class TieModel;

/// What sizes the nodes of the network diagram.
enum class SizeMeasure {
    Degree,        ///< number of visible ties
    MoneyInvested, ///< sum of the disclosed investments the organization made, in USD
    ChipsOrdered,  ///< sum of the chip units it ordered
    ClientsHosted, ///< number of hosting ties from it (clients)
};

/// Filters the ties of a TieModel for the network diagram (and the sphere map): by tie kind,
/// and by the time cursor — as of a date, on the date a tie began (Tie::start, ties with an
/// unknown start stay) or the date it became public (its earliest source's date). The
/// "platform" kind is not a row of TieModel; it is passed on to NetworkGraph through kinds().
class TieFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TieFilterModel(const Landscape *landscape, QObject *parent = nullptr);
    /// Tie kinds to keep (Vocabulary::tieKinds() plus "platform"); by default every tie kind
    /// but "platform" (owner → product edges crowd the picture).
    void setKinds(const QSet<QString> &kinds);
    QSet<QString> kinds() const { return m_kinds; }
    /// Evidence grades to keep (all by default): a presenter may hide inferred ties.
    void setGradeVisible(EvidenceGrade grade, bool visible);
    bool isGradeVisible(EvidenceGrade grade) const { return m_grades[size_t(grade)]; }
    /// All grades at once (FigureOptions::grades).
    void setGrades(const GradeSet &grades);
    GradeSet grades() const { return m_grades; }
    /// The as-of date (invalid = none) and which date of a tie it compares to.
    void setAsOf(QDate date, ViewState::TimeBasis basis = ViewState::TimeBasis::Began);
    QDate asOf() const { return m_asOf; }
    ViewState::TimeBasis basis() const { return m_basis; }
    /// Range mode: with a valid as-of date, keep only the ties that started (on the basis)
    /// between `from` and the as-of date; undated ties drop out. Invalid = as of the date.
    void setRangeFrom(QDate from);
    QDate rangeFrom() const { return m_rangeFrom; }
    /// Points the filter at another landscape (after a document reset).
    void setLandscape(const Landscape *landscape);

    /// The date a tie became public: the earliest date among its sources (invalid if none).
    static FuzzyDate publicationDate(const Landscape &landscape, const Tie &tie);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const Landscape *m_landscape;
    QSet<QString> m_kinds;
    GradeSet m_grades{true, true, true}; ///< indexed by EvidenceGrade
    QDate m_asOf;
    QDate m_rangeFrom;
    ViewState::TimeBasis m_basis = ViewState::TimeBasis::Began;
};

/// Filters organizations for the network diagram: by role (an organization shows when it has
/// one of the chosen roles, or none at all) and by group (the top of its parent chain).
class OrganizationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OrganizationFilterModel(const Landscape *landscape, QObject *parent = nullptr);
    /// Roles to show; all by default.
    void setRoles(const QSet<QString> &roles);
    QSet<QString> roles() const { return m_roles; }
    /// Only organizations whose group root is `groupId` (0 = every group). NetworkGraph::build
    /// then also shows the group's ties to organizations outside it, with those organizations.
    void setGroup(RowId groupId);
    RowId group() const { return m_group; }
    void setLandscape(const Landscape *landscape);

    /// True when `o` passes the role filter (whatever its group).
    bool acceptsRoles(const Organization &o) const;
    /// The top of `id`'s parent chain (itself when it has no parent). Cycles stop at the start.
    static RowId groupRoot(const Landscape &landscape, RowId id);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const Landscape *m_landscape;
    QSet<QString> m_roles;
    RowId m_group = 0;
};

/// A node of the network diagram: an organization, a product shown as a platform node, or an
/// industry sector served by a vendor.
struct NetworkNode
{
    RowId organizationId = 0; ///< 0 for a product or sector node
    RowId productId = 0;      ///< set for a product node
    RowId sectorId = 0;       ///< set for a sector node
    QString nameEn;
    QString nameZh;
    QStringList aliases;
    QStringList roles;  ///< organization roles (stable names); empty for products
    double measure = 0; ///< the value of the chosen SizeMeasure
    double radius = 8; ///< px, from the measure (8–28 px, square-root scale; products 6, sectors 9)
    int group = -1;    ///< index of the group root among groups, -1 = alone
};

/// An edge of the network diagram, directed `from` → `to` (indices into NetworkGraph::nodes).
struct NetworkEdge
{
    int from = 0;
    int to = 0;
    RowId tieId = 0; ///< 0 for a platform edge (owner → product)
    QString kind;    ///< a tie kind (Vocabulary::tieKinds()) or "platform"
    EvidenceGrade grade = EvidenceGrade::Reported; ///< how sure the tie is
    bool undated = false;                          ///< the tie's start date is unknown
    QString status;       ///< chip orders: ordered, delivered, at_risk, cancelled
    double amountUsd = 0; ///< disclosed amount converted to USD (0 when none)
    double units = 0;     ///< chip orders: disclosed number of chips (0 when none)
    QList<RowId> sourceIds;
};

/// The graph the network diagram draws, built from the filter models: every visible
/// organization that has at least one visible tie (or all visible ones with `includeIsolated`),
/// every visible tie whose two ends are visible (for "serves", whose vendor is visible: the
/// sector becomes a node), and, when "platform" is among the tie kinds, the products of the
/// platform kinds as nodes with owner → product edges.
struct NetworkGraph
{
    QList<NetworkNode> nodes;
    QList<NetworkEdge> edges;

    /// Index of the node of organization `id`, or -1 (also for 0: sector and product nodes).
    int indexOfOrganization(RowId id) const;
    /// Indices of the nodes tied to node `index` (either direction), sorted.
    QList<int> neighbours(int index) const;

    /// Builds the graph. `organizations` and `ties` are filter models over an OrganizationModel
    /// and a TieModel of the same landscape.
    static NetworkGraph build(const Landscape &landscape,
                              const QAbstractItemModel &organizations,
                              const TieFilterModel &ties,
                              SizeMeasure measure,
                              bool groupSubsidiaries,
                              bool includeIsolated = false);
};

} // namespace EcoAtlas
