// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QDateTime>
#include <QHash>
#include <QPointF>

#include <optional>
#include <variant>

namespace EcoAtlas {

/// The kinds of record a landscape holds, in the order their tables depend on each other
/// (a record refers only to kinds before it, and to its own kind for sources' "via").
enum class RecordKind { Source, Organization, Sector, Product, Deal, Tie, Figure };

/// Every record kind, in dependency order.
inline constexpr std::array<RecordKind, 7> kRecordKinds{RecordKind::Source,
                                                        RecordKind::Organization,
                                                        RecordKind::Sector,
                                                        RecordKind::Product,
                                                        RecordKind::Deal,
                                                        RecordKind::Tie,
                                                        RecordKind::Figure};

/// Stable names used in the history table and on the command line: "source", "organization",
/// "sector", "product", "deal", "tie", "figure".
QString recordKindName(RecordKind kind);
/// The kind for a stable name, or nullopt.
std::optional<RecordKind> recordKindFromName(const QString &name);
/// English label for display: "Source", "Organization", …
QString recordKindLabel(RecordKind kind);

/// One record of any kind, as held in Landscape's lists.
using Record = std::variant<Source, Organization, Sector, Product, Deal, Tie, Figure>;

/// The kind of `record`.
RecordKind recordKind(const Record &record);
/// The row id of `record` (0 for one not stored yet).
RowId recordId(const Record &record);
/// The stable key of `record`.
QString recordKey(const Record &record);
/// Sets the row id of `record`.
void setRecordId(Record &record, RowId id);
/// Sets the stable key of `record`.
void setRecordKey(Record &record, const QString &key);
/// A short English name for messages and the history: "Alibaba Cloud", "Zhidongxi: title",
/// "hosting: Tencent Cloud → Zhipu AI", "Qianfan: 42 models".
QString recordTitle(const Record &record, const Landscape &landscape);

/// The record of `kind` with `id` in `landscape`, or nullopt.
std::optional<Record> findRecord(const Landscape &landscape, RecordKind kind, RowId id);
/// The largest id of `kind` in `landscape` (0 when it has none).
RowId maxRecordId(const Landscape &landscape, RecordKind kind);
/// Whether `key` is used by another record of `kind` than the one with `exceptId`.
bool isKeyTaken(const Landscape &landscape, RecordKind kind, const QString &key, RowId exceptId);
/// A key for a new record of `kind` made from `name`: lower-case ASCII letters, digits and '-'
/// ("Zhipu AI" → "zhipu-ai"; a name without ASCII letters gives the kind's name), made unique
/// within the kind with "-2", "-3", ….
QString makeRecordKey(const Landscape &landscape, RecordKind kind, const QString &name);

/// One record added (no `before`), changed (both) or deleted (no `after`). For an organization
/// `positions` keeps its stored node positions per view, so that undoing its deletion puts the
/// node back where it was.
struct RecordChange
{
    std::optional<Record> before;
    std::optional<Record> after;
    QHash<QString, QPointF> positions;    ///< view → position (pixels, scene coordinates)
    QHash<QString, bool> pinnedPositions; ///< view → pinned

    RecordKind kind() const { return recordKind(after ? *after : *before); }
    RowId id() const { return recordId(after ? *after : *before); }
};

/// A set of record changes that forms one user action ("Delete Baichuan Intelligence" also
/// deletes its 6 ties and 2 figures), applied all at once in one transaction.
struct ChangeSet
{
    QString text; ///< what the user did, for Undo/Redo menus and the history ("Add tie")
    QList<RecordChange> changes;
    /// The set that undoes this one: every change reversed, in reverse order.
    ChangeSet inverted() const;
    bool isEmpty() const { return changes.isEmpty(); }
};

/// Applies `changes` to the lists of `landscape` (adds, replaces, removes by id) and re-indexes
/// it. The caller has checked the changes against the database; this only mirrors them.
void applyToLandscape(Landscape &landscape, const ChangeSet &changes);

/// One recorded change of one field of one record (the history panel's row). Values are the
/// field's JSON text as the landscape JSON format writes it ("\"Zhipu AI\"", "[\"ft-2023\"]",
/// "null"); `field` is the JSON member name, or "" for a whole record added or deleted (then
/// the value holds the whole record as a JSON object).
struct HistoryEntry
{
    qint64 id = 0;       ///< history row id (0 until stored)
    qint64 actionId = 0; ///< entries of one user action share it
    QDateTime at;        ///< when, UTC
    QString user;        ///< operating-system user name
    QString action;      ///< the action's text ("Edit tie", "Undo Add organization")
    RecordKind kind = RecordKind::Organization;
    RowId recordId = 0;
    QString recordKey;
    QString recordTitle; ///< e.g. "hosting: Tencent Cloud → Zhipu AI"
    QString field;       ///< JSON member, or "" for the whole record
    QString oldValue;    ///< JSON text, or "" when the record did not exist
    QString newValue;    ///< JSON text, or "" when the record no longer exists
};

/// The operating-system user name (USER, USERNAME, or the home folder's name).
QString currentUserName();

} // namespace EcoAtlas
