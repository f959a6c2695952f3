// SPDX-License-Identifier: MIT
#pragma once

#include "Database.h"
#include "Landscape.h"
#include "Record.h"

#include <QPointF>

#include <optional>

namespace EcoAtlas {

/// Moves whole landscapes between a Database and memory, and keeps the per-view state the
/// store holds (node positions). All writes run in one transaction: on failure nothing is
/// written and the message says why.
namespace LandscapeStore {

/// Reads the whole landscape (every table) from `db`. Returns nullopt and sets `*error` when
/// a query fails or a stored date does not parse.
std::optional<Landscape> load(Database &db, QString *error);

/// Every problem load() would stop at (bad dates, bad amounts, each naming its record), or
/// the one reason the landscape cannot be read; empty when it loads. For `ecoatlas --check`.
QStringList problems(Database &db);

/// Writes `landscape` into an empty landscape database, keeping its ids. Refuses a database
/// that already holds organizations or sources.
bool insert(Database &db, const Landscape &landscape, QString *error);

/// Creates `path` as a new database holding `landscape`, atomically (Database::
/// createAtomically): the file appears complete or not at all, even if the process is killed.
bool createFile(const QString &path, const Landscape &landscape, QString *error);

/// Applies `changes` to the database in one transaction and appends `history` to its history
/// table (the entries get one new action id; their own is ignored): records are added and changed
/// first (in dependency order, sources before organizations before ties …), then deleted (in
/// reverse order), so one set can move ties to another organization and delete the first. Deleted
/// organizations' node positions are dropped; added ones get the positions their change carries.
/// Fails, writing nothing, when a statement fails (a constraint, a reference to a missing record)
/// and says which record.
bool apply(Database &db,
           const ChangeSet &changes,
           const QList<HistoryEntry> &history,
           QString *error);

/// The history table, oldest first (at most `limit` newest entries when above 0). A file
/// written before the history (schema 3) has none.
QList<HistoryEntry> loadHistory(Database &db, QString *error, int limit = 0);

/// The stored node positions of organization `id` in every view: view → (position, pinned).
QHash<QString, std::pair<QPointF, bool>> positionsOf(Database &db, RowId id);

/// A node's stored place in a view (pixels in scene coordinates) and whether the user pinned it.
struct NodePosition
{
    QPointF pos;
    bool pinned = false;
};

/// The largest coordinate a stored node position may have (pixels in scene coordinates; a
/// layout spans a few thousand). Farther ones are treated as damage and ignored.
constexpr double kMaxPositionCoordinate = 1e6;

/// Whether `p` is a usable node position: both coordinates finite and within
/// ±kMaxPositionCoordinate.
bool isUsablePosition(const QPointF &p);

/// Stored node positions of one view ("network", …), by organization id. Positions that are
/// not numbers, not finite (NaN, infinity) or beyond ±kMaxPositionCoordinate are left out, so
/// the view lays those nodes out afresh instead of drawing at "nan" or at a size no export
/// can have.
QHash<RowId, NodePosition> loadPositions(Database &db, const QString &view, QString *error);
/// Replaces the stored positions of one view with `positions`, in one transaction. Positions
/// that are not usable (isUsablePosition()) are not stored.
bool savePositions(Database &db,
                   const QString &view,
                   const QHash<RowId, NodePosition> &positions,
                   QString *error);

} // namespace LandscapeStore
} // namespace EcoAtlas
