// SPDX-License-Identifier: MIT
#pragma once

#include "Amount.h"
#include "FuzzyDate.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace EcoAtlas {

/// Database row id. 0 means "none" (SQLite rowids start at 1).
using RowId = qint64;

/// The controlled vocabularies of a landscape (stable names used in JSON and the database,
/// with English labels for display). The lists are documented in docs/landscape-json.md.
namespace Vocabulary {
/// cloud_vendor, chip_vendor, model_developer, industry_client, investor, government, other
const QStringList &roles();
/// hosting, investment, chip_order, partnership, ownership, backing, compatibility, serves
const QStringList &tieKinds();
/// training, inference, vector_database, computing_cluster, development_platform, general
const QStringList &hostingServices();
/// ordered, delivered, at_risk, cancelled
const QStringList &chipOrderStatuses();
/// model_platform, ai_platform, community, computing_cluster, database, model, chip, other
const QStringList &productKinds();
/// English label for any stable name above, e.g. "cloud_vendor" → "Cloud vendor",
/// "at_risk" → "At risk". Unknown names are returned unchanged.
QString label(const QString &name);
} // namespace Vocabulary

/// How sure the landscape is of a tie, deal or figure (DESIGN-NOTES "Evidence is graded";
/// Aleph / FollowTheMoney keep provenance the same way).
enum class EvidenceGrade {
    Reported, ///< a cited source states it as fact
    Claimed,  ///< a named party says it (Evidence::claimantId is required)
    Inferred, ///< the landscape editor's reading of the sources (Evidence::rationale required)
};

/// Every grade, in enum order (for loops over grades).
inline constexpr std::array<EvidenceGrade, 3> kEvidenceGrades{
        EvidenceGrade::Reported, EvidenceGrade::Claimed, EvidenceGrade::Inferred};
/// Which grades are shown, indexed by EvidenceGrade (all by default).
using GradeSet = std::array<bool, 3>;

/// Stable names used in JSON and the database: "reported", "claimed", "inferred".
QString evidenceGradeName(EvidenceGrade grade);
/// The grade for a stable name, or nullopt for an unknown one.
std::optional<EvidenceGrade> evidenceGradeFromName(const QString &name);
/// Every stable grade name, in enum order.
const QStringList &evidenceGradeNames();
/// English label for display: "Reported", "Claimed", "Inferred".
QString evidenceGradeLabel(EvidenceGrade grade);
/// How the views draw a grade, for legends: "solid", "dashed", "dotted, lighter".
QString evidenceGradeStyleLabel(EvidenceGrade grade);

/// The grade of an item and what it needs: the claimant of a claim, the rationale of an
/// inference, and an optional caveat shown with the item ("figures as given in the English
/// translation").
struct Evidence
{
    EvidenceGrade grade = EvidenceGrade::Reported;
    RowId claimantId = 0; ///< organization that says it (claimed only)
    QString rationale;    ///< why the editor reads it from the sources (inferred only)
    QString caveat;       ///< optional warning shown wherever the item is shown
    bool isClaim() const { return grade == EvidenceGrade::Claimed; }
    /// Why this evidence cannot be stored ("a claim needs a claimant", "an inferred item needs
    /// a rationale"), or an empty string when it can.
    QString problem() const;
};

/// Whether the parties a deal or a figure names are all of them ("Alibaba and Tencent") or
/// some of them ("including Alibaba, Tencent, Baidu and ByteDance").
enum class PartySet {
    Closed, ///< the named parties are the complete set
    Open,   ///< the source says "including": others may take part
};
/// "closed" or "open".
QString partySetName(PartySet set);
/// The set for "closed" or "open", or nullopt.
std::optional<PartySet> partySetFromName(const QString &name);

/// An industry sector a vendor serves (healthcare 医疗, education 教育, …): the target of a
/// "serves" tie, drawn as its own kind of node.
struct Sector
{
    RowId id = 0;
    QString key;
    QString nameEn;
    QString nameZh;
    QString notes;
};

/// Where a fact comes from: a publication (publisher, title, date with precision, URL when
/// known). `viaId` names the source that relays this one (an article citing Reuters).
struct Source
{
    RowId id = 0;
    QString key;
    QString publisher;
    QString title;
    FuzzyDate date;
    QString url;
    RowId viaId = 0;
    QString notes;
    FuzzyDate retrievedOn; ///< when the editor last read the URL (web sources), or unknown
};

/// A firm, group, government body or other actor. It may hold several roles at once.
struct Organization
{
    RowId id = 0;
    QString key;
    QString nameEn;
    QString nameZh;
    QStringList aliases;
    QStringList roles; ///< stable names from Vocabulary::roles()
    /// Derived by Landscape::index() from the organization's ownership tie (parent → this);
    /// never stored on its own (one truth: the tie).
    RowId parentId = 0;
    QString country; ///< ISO 3166 alpha-2 or empty
    QString notes;
    QString website; ///< home page URL, or empty

    /// "English (中文)" or the English name alone when there is no Chinese name.
    QString displayName() const;
};

/// A platform, product, cluster, community, model or chip run by an organization
/// (Qianfan, Bailian, ModelScope, Ascend 910B …).
struct Product
{
    RowId id = 0;
    QString key;
    RowId ownerId = 0;
    QString nameEn;
    QString nameZh;
    QString kind; ///< stable name from Vocabulary::productKinds()
    FuzzyDate launched;
    QString notes;
    QList<RowId> sourceIds;
};

/// Chip orders reported together, e.g. one total split among four buyers.
struct Deal
{
    RowId id = 0;
    QString key;
    QString title;
    Amount amount;
    Amount units;
    QString chipModel;
    QString notes;
    QList<RowId> sourceIds;
    Evidence evidence;
    PartySet parties = PartySet::Closed; ///< whether the deal's ties name every buyer
};

/// A dated, typed, sourced tie between two organizations (or, for "serves", an organization and
/// a sector). Direction: hosting vendor → client, investment investor → investee, chip_order
/// buyer → supplier, partnership either way, ownership parent → subsidiary, backing backer →
/// backed, compatibility platform owner → chip vendor, serves vendor → sector (`sectorId` set,
/// `toId` 0). Members after `sourceIds` apply to one kind only and stay empty for the others.
struct Tie
{
    RowId id = 0;
    QString key;
    QString kind; ///< stable name from Vocabulary::tieKinds()
    RowId fromId = 0;
    RowId toId = 0;
    RowId productId = 0; ///< the product the tie runs through, or 0
    RowId dealId = 0;    ///< chip orders: the deal it belongs to, or 0
    FuzzyDate start;     ///< when the tie began (often unknown)
    FuzzyDate end;       ///< when it ended, if it did
    Evidence evidence;   ///< reported, claimed (by whom) or inferred (why)
    QString description;
    QList<RowId> sourceIds;

    RowId sectorId = 0; ///< serves: the sector served
    Amount stake;       ///< ownership: the parent's stake in percent (undisclosed when unknown)

    QString service; ///< hosting: stable name from Vocabulary::hostingServices()

    Amount amount;            ///< investment and chip_order: money
    QString round;            ///< investment: round name or description
    std::optional<bool> lead; ///< investment: lead investor (nullopt = not reported)

    QString chipModel;    ///< chip_order; compatibility: the chip line ("Ascend"), optional
    Amount units;         ///< chip_order: number of chips
    QString status;       ///< chip_order: stable name from Vocabulary::chipOrderStatuses()
    FuzzyDate statusDate; ///< chip_order: when the status was reported
    FuzzyDate delivery;   ///< chip_order: (scheduled) delivery
};

/// A dated figure or statement about an organization (optionally one of its products), or
/// about the market as a whole (`subjectId` 0), graded by its evidence. `value.currency` is set
/// for money only; `unit` names what is counted ("models", "clients", "percent", "GPUs").
struct Figure
{
    RowId id = 0;
    QString key;
    RowId subjectId = 0; ///< 0: a statement about the market as a whole
    RowId productId = 0;
    QString metric;
    Amount value;
    QString unit;
    FuzzyDate asOf;
    Evidence evidence;
    PartySet parties = PartySet::Closed; ///< whether the statement names every party
    QString statement;
    QList<RowId> sourceIds;
};

/// A whole landscape in memory: what one database file (or one JSON document) holds.
/// Lookups by id are O(1) after index() has been called (LandscapeStore and LandscapeJson
/// call it).
struct Landscape
{
    QString title;
    QString description;
    QList<Source> sources;
    QList<Organization> organizations;
    QList<Sector> sectors;
    QList<Product> products;
    QList<Deal> deals;
    QList<Tie> ties;
    QList<Figure> figures;

    /// Rebuilds the id → index maps and derives each organization's parentId from its
    /// ownership tie (the first by id when there are several). Call after changing the lists.
    void index();
    const Organization *organization(RowId id) const;
    const Source *source(RowId id) const;
    const Product *product(RowId id) const;
    const Deal *deal(RowId id) const;
    const Sector *sector(RowId id) const;
    const Tie *tie(RowId id) const;
    const Figure *figure(RowId id) const;
    /// Organization by key, or nullptr.
    const Organization *organizationByKey(const QString &key) const;
    /// English name of organization `id`, or an empty string.
    QString organizationName(RowId id) const;
    /// The name of a tie's target: the organization, or for "serves" the sector.
    QString tieTargetName(const Tie &tie) const;
    /// One line saying how sure an item is, for tables, tooltips and footers: "" for a plain
    /// report, "claimed by Tencent Cloud", "inferred: <rationale>", each followed by
    /// "; caveat: <caveat>" when the item has one.
    QString evidenceText(const Evidence &evidence) const;

private:
    QHash<RowId, int> m_orgIndex;
    QHash<RowId, int> m_sourceIndex;
    QHash<RowId, int> m_productIndex;
    QHash<RowId, int> m_dealIndex;
    QHash<RowId, int> m_sectorIndex;
    QHash<RowId, int> m_tieIndex;
    QHash<RowId, int> m_figureIndex;
    QHash<QString, int> m_orgKeyIndex;
};

} // namespace EcoAtlas
